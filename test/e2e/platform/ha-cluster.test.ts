// examples/ha-cluster through the real engine (issue 7 scenarios 4 and 5): in-place changes each wait for
// their platform job and keep resource ids; a port change replaces the instance delete-first, reusing hosts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import type { TestProject } from "../../helpers/pulumi";
import { exampleProject, platformCounts } from "../helpers";

describe("examples/ha-cluster with the real engine", () => {
  let emu: TestEmulator;
  let project: TestProject;

  beforeAll(async () => {
    emu = await startTestEmulator({ timeScale: 0.001 });
    project = await exampleProject("ha-cluster", emu);
    await project.setConfig("engineVersion", "3.200.0");
  });
  afterAll(async () => {
    await project?.dispose();
    await emu?.close();
  });

  const jobsDone = async (name: string) =>
    (await emu.control.state()).jobs.filter((j: { name: string; status: string }) => j.name === name && j.status === "Completed").length;

  it("creates a triset cluster on three hosts", async () => {
    const up = await project.up();
    expect(up.code, up.stdout + up.stderr).toBe(0);
    const out = await project.outputs();
    expect(out).toMatchObject({ status: "ACTIVE", engineVersion: "3.200.0" });
    expect(out.nodes as unknown[]).toHaveLength(3);
    expect(await platformCounts(emu)).toMatchObject({ hosts: 3, instances: 1 });
  });

  it("4. upgrades, grows to pentaset, changes backups and parameters in place, each waiting for its job", async () => {
    const before = await project.outputs();
    await project.setConfig("engineVersion", "3.301.0");
    await project.setConfig("solution", "pentaset");
    await project.setConfig("backupKeepDays", "45");
    await project.setConfig("maxConnections", "1200");
    const up = await project.up();
    expect(up.code, up.stdout + up.stderr).toBe(0);
    expect(up.stdout).not.toMatch(/replaced/);
    expect(up.stdout).toMatch(/2 created/); // the two new hosts
    const after = await project.outputs();
    expect(after.instanceId).toBe(before.instanceId);
    expect((after.hostIds as string[]).slice(0, 3)).toEqual(before.hostIds);
    expect(after).toMatchObject({ status: "ACTIVE", engineVersion: "3.301.0" });
    expect(after.nodes as unknown[]).toHaveLength(5);

    expect(await jobsDone("UpgradeGaussDBInstance")).toBeGreaterThanOrEqual(1);
    expect(await jobsDone("ChangeGaussDBInstanceSolution")).toBe(1);
    expect(await jobsDone("ModifyGaussDBInstanceParameters")).toBeGreaterThanOrEqual(2);
    const id = String(after.instanceId);
    expect((await emu.api("GET", `/gaussdb/v3/instances/${id}/backups/policy`)).body.backup_policy.keep_days).toBe(45);
    const params = await emu.api("GET", `/gaussdb/v3.1/instances/${id}/configurations`);
    const maxConn = (params.body.configuration_parameters as { name: string; value: string }[]).find((p) => p.name === "max_connections");
    expect(maxConn?.value).toBe("1200");
    const clean = await project.preview(["--refresh", "--expect-no-changes", "--diff"]);
    expect(clean.code, clean.stdout).toBe(0);
  });

  it("5. a port change replaces the instance delete-first and reuses its hosts", async () => {
    const before = await project.outputs();
    await project.setConfig("port", "8100");
    const preview = await project.preview();
    expect(preview.stdout).toMatch(/replace/);
    const up = await project.up();
    expect(up.code, up.stdout + up.stderr).toBe(0);
    const after = await project.outputs();
    expect(after.instanceId).not.toBe(before.instanceId);
    expect(after.hostIds).toEqual(before.hostIds);
    const s = await emu.control.state();
    expect(s.instances).toHaveLength(1);
    expect(Number(s.instances[0].port)).toBe(8100);
    expect(s.hosts.filter((h: { status: string }) => h.status === "in_use")).toHaveLength(5);
    expect((await project.preview(["--refresh", "--expect-no-changes"])).code).toBe(0);
  });

  it("destroy leaves the emulator empty", async () => {
    const destroy = await project.destroy();
    expect(destroy.code, destroy.stdout + destroy.stderr).toBe(0);
    expect(await platformCounts(emu)).toEqual({ dataCenters: 0, keyPairs: 0, hosts: 0, instances: 0 });
  });
});
