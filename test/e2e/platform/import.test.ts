// Brownfield with the real engine (issue 19 part 2): an estate built through the emulator's API only (two data centers,
// a key pair, six hosts, a triset, a single and an intelligent O&M instance, a backup policy, a parameter, WDR
// snapshots, an enrolment, a database, a schema, a user, a role, a label, an inspection scene and task); `tpops-import` (the
// built CLI, configured by TPOPS_* only) writes a project; it type-checks with strict tsc; its first `pulumi up` adopts
// everything and the emulator's request log shows no mutating call; `preview --expect-no-changes` passes; a change in
// the generated program applies in place; no secret in the state; destroy removes what the API can remove.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { repoRoot, TestProject, type PulumiRun } from "../../helpers/pulumi";
import { expectNoIgnoredFields, SECRETS } from "../helpers";
import { buildEstate, ESTATE_SECRETS, mutating, type EstateFacts } from "../../integ/platform/import-estate";

const run = promisify(execFile);
let emu: TestEmulator;
let facts: EstateFacts;
let p: TestProject | undefined;
let out: string;
let cli: { stdout: string; stderr: string };

const ok = (r: PulumiRun) => {
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return r.stdout + r.stderr;
};

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 0.001 });
  await emu.control.setTimeScale(0.00005);
  facts = await buildEstate(emu);
  await emu.control.setTimeScale(0.001);
  out = join(repoRoot, ".tmp/e2e", `import-out-${randomBytes(4).toString("hex")}`);
  await mkdir(out, { recursive: true });
}, 120_000);

afterAll(async () => {
  await p?.dispose();
  await rm(out, { recursive: true, force: true });
  await emu?.close();
});

describe("tpops-import on a hand-made estate, then the real engine", () => {
  it("writes a project from the TPOPS_* environment and prints what it imported, skipped and the secrets to set", async () => {
    await emu.control.clearRequests();
    cli = await run(process.execPath, [join(repoRoot, "dist/import/cli.js"), "--out", out, "--stack", "test", "--project", "brownfield"], {
      env: { ...process.env, TPOPS_ENDPOINT: emu.url, TPOPS_USERNAME: "admin", TPOPS_PASSWORD: SECRETS.tpops },
    });
    expect(cli.stdout).toContain("imported: 2 DataCenter, 1 KeyPair, 6 Host, 3 Instance, 3 BackupPolicy, 3 InstanceParameters, 3 WdrSnapshots, 1 IntelligentOps, 1 DbUser, 1 DbRole, 1 Database, 1 Schema, 1 InspectionScene, 1 InspectionTask");
    expect(cli.stdout).toMatch(/not imported: Privileges, BuiltinPasswords, DbRoleMembership, InstanceLabels/);
    expect(cli.stdout).toMatch(/InspectionScene scene Health Check: a default scene/);
    expect(cli.stdout).toContain("pulumi config set --secret tpops:password");
    // Reading the platform changed nothing on it.
    expect(mutating((await emu.control.requests()).byRoute)).toEqual([]);
    expect((await readdir(out)).sort()).toEqual(["Pulumi.test.yaml", "Pulumi.yaml", "README.md", "index.ts", "package.json", "tsconfig.json"]);
    const program = await readFile(join(out, "index.ts"), "utf8");
    expect(program).toContain('dataCenterId: brownAz1.id');
    expect(program).toContain("manageIps: [brownDb11.manageIp, brownDb12.manageIp, brownDb13.manageIp]");
    expect(program).toContain('rootPassword: config.requireSecret("brownDb11RootPassword")');
    expect(program).toContain("// InstanceLabels: reference 4.11.2 reads one extension key");
    // A second run into the same folder needs --force.
    await expect(run(process.execPath, [join(repoRoot, "dist/import/cli.js"), "--out", out], { env: { ...process.env, TPOPS_ENDPOINT: emu.url, TPOPS_USERNAME: "admin", TPOPS_PASSWORD: SECRETS.tpops } })).rejects.toMatchObject({
      stderr: expect.stringMatching(/already holds a Pulumi project .*pass --force/),
    });
  }, 120_000);

  it("the project type-checks with strict tsc against the package", async () => {
    const files: Record<string, string> = {};
    for (const f of await readdir(out)) files[f] = await readFile(join(out, f), "utf8");
    p = await TestProject.create("brownfield", files, { stack: "test" });
    const tsc = await p.exec(process.execPath, [join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json", "--noEmit"]);
    expect(tsc.code, tsc.stdout + tsc.stderr).toBe(0);
  }, 120_000);

  it("first up adopts everything with no mutating call; preview --expect-no-changes passes", async () => {
    const project = p!;
    await project.setConfig("tpops:password", SECRETS.tpops, true);
    // The secrets the CLI listed: host root passwords and instance passwords, as the estate was made with.
    const keys = [...cli.stdout.matchAll(/pulumi config set --secret (\S+) '<([^>]+)>'/g)].filter((m) => m[1] !== "tpops:password");
    expect(keys.length).toBe(4 + 3);
    for (const [, key, what] of keys) await project.setConfig(key!, /host/.test(what!) ? ESTATE_SECRETS.hostRoot : ESTATE_SECRETS.instance, true);
    await emu.control.clearRequests();
    const up = ok(await project.up());
    // 28 objects and the stack.
    expect(up).toMatch(/\+ 29 created/);
    expect(up).toMatch(/adopting the existing Instance|adopting the existing instance/);
    expect(mutating((await emu.control.requests()).byRoute)).toEqual([]);
    const state = await emu.control.state();
    expect([state.dataCenters.length, state.keyPairs.length, state.hosts.length, state.instances.length]).toEqual([2, 1, 6, 3]);
    ok(await project.preview(["--expect-no-changes"]));
    ok(await project.preview(["--refresh", "--expect-no-changes"]));
    expect(mutating((await emu.control.requests()).byRoute)).toEqual([]);
  }, 600_000);

  it("a change in the generated program applies in place; the state holds no secret", async () => {
    const project = p!;
    const program = await readFile(join(project.dir, "index.ts"), "utf8");
    const changed = program.replace("keepDays: 14,", "keepDays: 21,").replace('max_connections: "600"', 'max_connections: "700"');
    expect(changed).not.toBe(program);
    await writeFile(join(project.dir, "index.ts"), changed);
    const up = ok(await project.up());
    expect(up).toMatch(/~ 2 updated/);
    expect(up).not.toMatch(/replaced|created|deleted/);
    expect((await emu.api("GET", `/gaussdb/v3/instances/${facts.triset.id}/backups/policy`)).body.backup_policy.keep_days).toBe(21);
    const params = (await emu.api("GET", `/gaussdb/v3.1/instances/${facts.single.id}/configurations`)).body.configuration_parameters as { name: string; value: string }[];
    expect(params.find((x) => x.name === "max_connections")?.value).toBe("700");
    ok(await project.preview(["--expect-no-changes"]));
    const exported = await project.exportState();
    for (const s of [SECRETS.tpops, ...Object.values(ESTATE_SECRETS)]) expect(exported).not.toContain(s);
    await expectNoIgnoredFields(emu);
  }, 600_000);

  it("destroy removes what the API can remove and gives the settings back", async () => {
    const project = p!;
    const down = ok(await project.destroy());
    expect(down).toMatch(/forgets|still exists|remains|stays/i);
    const state = await emu.control.state();
    expect([state.dataCenters.length, state.keyPairs.length, state.hosts.length, state.instances.length]).toEqual([0, 0, 0, 0]);
  }, 600_000);
});
