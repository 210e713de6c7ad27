// examples/quickstart through the real engine (issue 7 scenarios 1, 2, 3, 9, 11): no-change re-runs,
// drift caught by refresh and repaired, out-of-band deletes recreated, secrets never in plain text, and
// destroy leaving the platform empty.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { join } from "node:path";
import { repoRoot, type TestProject } from "../../helpers/pulumi";
import { exampleProject, platformCounts, SECRETS } from "../helpers";

describe("examples/quickstart with the real engine", () => {
  let emu: TestEmulator;
  let project: TestProject;
  const emulatorLog: string[] = [];
  const engineOutput: string[] = [];
  const run = async (p: Promise<{ code: number; stdout: string; stderr: string }>) => {
    const r = await p;
    engineOutput.push(r.stdout, r.stderr);
    return r;
  };

  beforeAll(async () => {
    emu = await startTestEmulator({ timeScale: 0.001, log: (l) => emulatorLog.push(l) });
    project = await exampleProject("quickstart", emu);
  });
  afterAll(async () => {
    await project?.dispose();
    await emu?.close();
  });

  const instanceId = async () => String((await project.outputs()).instanceId);

  it("1. up creates everything; a second up and a preview report no changes", async () => {
    const up = await run(project.up());
    expect(up.code, up.stdout + up.stderr).toBe(0);
    const out = await project.outputs();
    expect(out.instanceStatus).toBe("ACTIVE");
    expect(out.publicKey).toMatch(/^ssh-rsa /);
    expect(await platformCounts(emu)).toEqual({ dataCenters: 1, keyPairs: 1, hosts: 1, instances: 1 });

    const again = await run(project.up());
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/\d+ (created|updated|replaced|deleted)/);
    const preview = await run(project.preview(["--expect-no-changes"]));
    expect(preview.code, preview.stdout).toBe(0);
  });

  it("2. out-of-band changes to a policy, a parameter and a host are drift; up repairs them", async () => {
    const id = await instanceId();
    const policy = await emu.api("PUT", `/gaussdb/v3/instances/${id}/backups/policy`, {
      backup_policy: { keep_days: 3, start_time: "05:00-06:00", period: "1,2", differential_period: "30" },
    });
    expect(policy.status).toBeLessThan(300);
    const param = await emu.api("PUT", `/gaussdb/v3/instances/${id}/configurations`, { values: { max_connections: "900" } });
    expect(param.status).toBeLessThan(300);
    if (param.body?.job_id) await emu.waitJob(param.body.job_id);
    const hostIp = "192.168.10.11";
    expect((await emu.api("PUT", "/gaussdb/v3/hosts", { hosts: [{ manage_ip: hostIp, description: "moved rack" }] })).status).toBe(200);
    // A parameter the program does not manage is not drift.
    const other = await emu.api("PUT", `/gaussdb/v3/instances/${id}/configurations`, { values: { checkpoint_timeout: "600" } });
    if (other.body?.job_id) await emu.waitJob(other.body.job_id);

    const refresh = await run(project.run(["refresh", "--yes", "--skip-preview"]));
    expect(refresh.code, refresh.stdout + refresh.stderr).toBe(0);
    expect(refresh.stdout).toMatch(/BackupPolicy orders-db-backups.*(updated|keepDays)/s);

    const drift = await run(project.preview(["--refresh", "--expect-no-changes", "--diff"]));
    expect(drift.code).not.toBe(0);
    expect(drift.stdout).toMatch(/keepDays/);
    expect(drift.stdout).toMatch(/max_connections/);
    expect(drift.stdout).toMatch(/description/);
    expect(drift.stdout).not.toMatch(/checkpoint_timeout/);

    // examples/drift-ci/check-drift.sh, as CI runs it, reports the drift and fails.
    const script = join(repoRoot, "examples/drift-ci/check-drift.sh");
    const ci = await project.exec("bash", [script, ".", project.stack]);
    expect(ci.code).toBe(1);
    expect(ci.stderr).toMatch(/drift-check: DRIFT in stack test/);

    const up = await run(project.up(["--refresh"]));
    expect(up.code, up.stdout + up.stderr).toBe(0);
    const ciClean = await project.exec("bash", [script, ".", project.stack]);
    expect(ciClean.code, ciClean.stdout + ciClean.stderr).toBe(0);
    expect(ciClean.stdout).toMatch(/drift-check: stack test matches the platform/);
    const live = (await emu.control.state()).instances[0];
    expect(live).toBeDefined();
    const policyNow = await emu.api("GET", `/gaussdb/v3/instances/${id}/backups/policy`);
    expect(policyNow.body.backup_policy).toMatchObject({ keep_days: 14, start_time: "02:00-03:00" });
    const clean = await run(project.preview(["--refresh", "--expect-no-changes"]));
    expect(clean.code, clean.stdout).toBe(0);
  });

  it("3. an instance and a host deleted out of band are dropped by refresh and recreated by up", async () => {
    const oldId = await instanceId();
    const del = await emu.api("DELETE", `/gaussdb/v3/instances/${oldId}/management`, { clear_data: true });
    expect(del.status).toBe(202);
    await emu.waitJob(del.body.job_id);
    const rm = await emu.api("DELETE", "/gaussdb/v3/hosts", { hosts: [{ manage_ip: "192.168.10.11", ssh_port: 22, os_root_pwd: SECRETS.root }] });
    expect(rm.status).toBe(202);
    await emu.waitJob(rm.body.job_id);

    const refresh = await run(project.run(["refresh", "--yes", "--skip-preview"]));
    expect(refresh.code, refresh.stdout + refresh.stderr).toBe(0);
    expect(refresh.stdout).toMatch(/deleted/);
    const state = JSON.parse(await project.exportState()) as { deployment: { resources: { type: string }[] } };
    const types = state.deployment.resources.map((r) => r.type);
    expect(types.some((t) => t.endsWith("tpops:Instance"))).toBe(false);
    expect(types.some((t) => t.endsWith("tpops:Host"))).toBe(false);

    const up = await run(project.up());
    expect(up.code, up.stdout + up.stderr).toBe(0);
    const newId = await instanceId();
    expect(newId).not.toBe(oldId);
    expect(await platformCounts(emu)).toEqual({ dataCenters: 1, keyPairs: 1, hosts: 1, instances: 1 });
    expect((await run(project.preview(["--refresh", "--expect-no-changes"]))).code).toBe(0);
  });

  it("9. no password appears in plain text in state, engine output or the emulator's log", async () => {
    const exported = await project.exportState();
    for (const secret of Object.values(SECRETS)) {
      expect(exported).not.toContain(secret);
      for (const out of engineOutput) expect(out).not.toContain(secret);
      for (const line of emulatorLog) expect(line).not.toContain(secret);
    }
    expect(emulatorLog.length).toBeGreaterThan(10);
    const config = await project.run(["config"]);
    expect(config.stdout).not.toContain(SECRETS.tpops);
  });

  it("11. destroy leaves the emulator empty", async () => {
    const destroy = await run(project.destroy());
    expect(destroy.code, destroy.stdout + destroy.stderr).toBe(0);
    expect(await platformCounts(emu)).toEqual({ dataCenters: 0, keyPairs: 0, hosts: 0, instances: 0 });
  });
});
