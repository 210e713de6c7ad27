// Issue 7 scenarios 6, 7, 8 and 10 with the real engine: adopt, a failed create job (partial create, then
// convergence with no orphan), a 28-resource stack under 10 % injected faults and a token expiry, and bad
// input refused at preview without a single API call.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { TestProject } from "../../helpers/pulumi";
import { exampleProject, platformCounts, programProject, SECRETS } from "../helpers";

let emu: TestEmulator;
const projects: TestProject[] = [];
beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 0.001 });
});
afterEach(async () => {
  await emu.control.clearFaults();
});
afterAll(async () => {
  for (const p of projects) await p.dispose();
  await emu?.close();
});

async function project(name: string, program: string): Promise<TestProject> {
  const p = await programProject(name, program, emu);
  projects.push(p);
  return p;
}

/** Ids of every tpops resource in the stack's state. */
async function stateIds(p: TestProject): Promise<Set<string>> {
  const s = JSON.parse(await p.exportState()) as { deployment: { resources?: { type: string; id?: string }[] } };
  return new Set((s.deployment.resources ?? []).filter((r) => r.type.includes("dynamic/tpops:") && r.id).map((r) => r.id!));
}

/** Objects on the platform that the stack's state does not know. */
async function orphans(p: TestProject): Promise<string[]> {
  const known = await stateIds(p);
  const s = await emu.control.state();
  const ids = [...s.dataCenters, ...s.keyPairs, ...s.hosts, ...s.instances].map((o: { id: string }) => o.id);
  return ids.filter((id) => !known.has(id));
}

describe("6. adopt", () => {
  const program = `
import * as pulumi from "@pulumi/pulumi";
import * as tpops from "pulumi-tpops";
const adopt = new pulumi.Config().getBoolean("adopt") ?? false;
const dc = new tpops.DataCenter("legacy", { name: "legacy-room", adopt });
new tpops.Host("legacy-host", {
  dataCenterId: dc.id, manageIp: "10.60.0.1", dataIp: "10.61.0.1", virtualIp: "10.62.0.1",
  osType: "kylin", cpuSpec: "intel", rootPassword: "Legacy_pw_123", description: "now managed by Pulumi", adopt,
});
`;
  it("refuses objects that already exist unless adopt is set, then takes them over without duplicates", async () => {
    await emu.control.reset();
    await emu.api("POST", "/gaussdb/v3/data-centers", { data_centers: [{ name: "legacy-room" }] });
    const dcId = (await emu.control.state()).dataCenters[0].id;
    const add = await emu.api("POST", "/gaussdb/v3/hosts", {
      hosts: [{ name: "legacy", type: "BMS", os_type: "kylin", cpu_spec: "intel", storage_type: "localssd", ip: { manage_ip: "10.60.0.1", data_ip: "10.61.0.1", virtual_ip: "10.62.0.1" }, ssh_port: 22, data_center_id: dcId, os_root_pwd: "Legacy_pw_123" }],
    });
    await emu.waitJob(add.body.job_id);

    const p = await project("adopt", program);
    const refused = await p.up();
    expect(refused.code).not.toBe(0);
    // Refused at preview already (the data center's name is known and taken).
    expect(refused.stdout).toMatch(/already .*set adopt: true to take it over/i);

    await p.setConfig("adopt", "true");
    const adopted = await p.up();
    expect(adopted.code, adopted.stdout + adopted.stderr).toBe(0);
    expect(await platformCounts(emu)).toMatchObject({ dataCenters: 1, hosts: 1 });
    expect((await emu.control.state()).hosts[0].description).toBe("now managed by Pulumi");
    expect(await orphans(p)).toEqual([]);
    expect((await p.destroy()).code).toBe(0);
    expect(await platformCounts(emu)).toMatchObject({ dataCenters: 0, hosts: 0 });
  });
});

describe("7. a failed create job", () => {
  it("fails up with the job's reason, keeps the instance in state, and the next up converges with no orphan", async () => {
    await emu.control.reset();
    const p = await exampleProject("quickstart", emu);
    projects.push(p);
    await emu.control.nextJob({ name: "CreateGaussDBV5Instance", outcome: "fail", failReason: "disk check failed on node 1" });
    const failed = await p.up();
    expect(failed.code).not.toBe(0);
    expect(failed.stdout).toContain("disk check failed on node 1");
    const state = JSON.parse(await p.exportState()) as { deployment: { resources: { type: string; id?: string }[] } };
    const inState = state.deployment.resources.find((r) => r.type.endsWith("tpops:Instance"));
    expect(inState?.id).toBeTruthy(); // recorded as a partial create
    expect(await orphans(p)).toEqual([]);

    const again = await p.up();
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect((await p.outputs()).instanceStatus).toBe("ACTIVE");
    expect(await platformCounts(emu)).toMatchObject({ instances: 1, hosts: 1 });
    expect(await orphans(p)).toEqual([]);
    expect((await p.preview(["--refresh", "--expect-no-changes"])).code).toBe(0);
    expect((await p.destroy()).code).toBe(0);
    expect(await platformCounts(emu)).toEqual({ dataCenters: 0, keyPairs: 0, hosts: 0, instances: 0 });
  });
});

describe("8. faults", () => {
  it("a 28-resource stack converges under 10 % injected 503/502/429/resets and a token expiry, with no duplicate or orphan", async () => {
    await emu.control.reset();
    const p = await exampleProject("reusable-stack", emu, { stack: "prod" });
    projects.push(p);
    for (const fault of [{ status: 503 }, { status: 502 }, { status: 429, retryAfter: 1 }, { drop: true }]) {
      await emu.control.addFault({ path: "^/(gaussdb|v3)/", probability: 0.025, ...fault });
    }
    await emu.control.clearRequests();
    // Expire every token mid-run: once the first instance create is under way.
    let done = false;
    let expired = false;
    const expiry = (async () => {
      while (!done) {
        if (Object.keys(emu.ctx.state.data.instances).length > 0) {
          await emu.control.expireTokens();
          expired = true;
          return;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const up = await p.up();
    done = true;
    await expiry;
    expect(expired).toBe(true);
    await emu.control.clearFaults();
    expect(up.code, up.stdout + up.stderr).toBe(0);
    const counts = await emu.control.requests();
    const injected = counts.byRoute.filter((r) => [429, 502, 503].includes(r.status)).reduce((n, r) => n + r.count, 0);
    expect(injected).toBeGreaterThan(0);
    expect(counts.logins).toBeGreaterThanOrEqual(2); // the expiry forced exactly the re-logins it needed

    const s = JSON.parse(await p.exportState()) as { deployment: { resources: unknown[] } };
    expect(s.deployment.resources.length).toBeGreaterThanOrEqual(25);
    expect(await platformCounts(emu)).toEqual({ dataCenters: 1, keyPairs: 3, hosts: 9, instances: 3 });
    expect(await orphans(p)).toEqual([]);
    expect((await p.preview(["--refresh", "--expect-no-changes"])).code).toBe(0);
    expect((await p.destroy()).code).toBe(0);
    expect(await platformCounts(emu)).toEqual({ dataCenters: 0, keyPairs: 0, hosts: 0, instances: 0 });
  });
});

describe("10. bad input", () => {
  const programs: [string, string, RegExp[]][] = [
    [
      "host",
      `new tpops.Host("h", { dataCenterId: "dc-1", manageIp: "10.70.0.1", dataIp: "10.71.0", virtualIp: "10.72.0.1", osType: "kylin", cpuSpec: "intel", rootPassword: "Root_pw_123", sshPort: 12017 });`,
      [/sshPort: 12017 is reserved by TPOPS/, /dataIp: "10.71.0" is not an IP address/],
    ],
    [
      "instance",
      `new tpops.Instance("db", { solution: "triset", manageIps: ["10.70.0.1", "10.70.0.2"], osType: "kylin", cpuSpec: "intel", arch: "x86", port: 2379, password: "Gauss_db_pw_1" });`,
      [/manageIps: names 2 host\(s\).*triset needs exactly 3/, /port: 2379 is reserved by TPOPS/],
    ],
    [
      "backup",
      `new tpops.BackupPolicy("bp", { instanceId: "some-instance", keepDays: 800, startTime: "02:30-03:00", differentialPeriod: 45 });`,
      [/keepDays: 800 is above the maximum 732/, /startTime: "02:30-03:00"/, /differentialPeriod: 45/],
    ],
  ];
  it.each(programs)("%s: fails at preview naming every bad property, with no API call", async (name, resource, expected) => {
    await emu.control.reset();
    const p = await project(`bad-${name}`, `import * as tpops from "pulumi-tpops";\n${resource}\n`);
    await emu.control.clearRequests();
    const preview = await p.preview();
    expect(preview.code).not.toBe(0);
    for (const e of expected) expect(preview.stdout + preview.stderr).toMatch(e);
    expect((await emu.control.requests()).total).toBe(0);
  });
});
