// Instance, BackupPolicy and InstanceParameters through the real Pulumi engine against the emulator (issue 6): up
// with Host outputs as manageIps, no-change preview and refresh, several in-place changes in one up without a
// replacement, a downgrade refused at preview, destroy in dependency order (instance before its hosts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { TestProject } from "../../helpers/pulumi";

const program = `
import * as pulumi from "@pulumi/pulumi";
import * as tpops from "pulumi-tpops";
const cfg = new pulumi.Config();
const dc = new tpops.DataCenter("room1", {});
const n = Number(cfg.get("hosts") ?? "3");
const hosts = [1, 2, 3, 4, 5].map((i) => new tpops.Host("h" + i, { osType: "kylin", cpuSpec: "intel", manageIp: "10.20.0." + i, dataIp: "10.21.0." + i, virtualIp: "10.22.0." + i, dataCenterId: dc.id, rootPassword: "Root_pw_e2e_1" }));
const db = new tpops.Instance("db", {
  osType: "kylin", cpuSpec: "intel", arch: "x86",
  solution: cfg.get("solution") ?? "triset",
  password: cfg.requireSecret("dbPassword"),
  manageIps: hosts.slice(0, n).map((h) => h.manageIp),
  engineVersion: cfg.get("version"),
  mysqlCompatibilityPort: Number(cfg.get("mport") ?? "0"),
});
const policy = new tpops.BackupPolicy("policy", { instanceId: db.id, keepDays: Number(cfg.get("keep") ?? "14"), period: [1, 3, 5] });
const params = new tpops.InstanceParameters("params", { instanceId: db.id, values: { work_mem: cfg.get("workMem") ?? "131072" } });
export const status = db.status;
export const version = db.engineVersion;
export const nodes = db.nodes.apply((x) => x.length);
export const pw = db.password;
export const keep = policy.keepDays;
export const orig = params.originalValues;
`;

describe("Instance, BackupPolicy and InstanceParameters with the real engine", () => {
  let emu: TestEmulator;
  let project: TestProject;
  beforeAll(async () => {
    emu = await startTestEmulator({ timeScale: 0.0005 });
    project = await TestProject.create("issue6", { "Pulumi.yaml": "name: issue6\nruntime: nodejs\nmain: index.ts\n", "index.ts": program });
    await project.setConfig("tpops:endpoint", emu.url);
    await project.setConfig("tpops:username", "admin");
    await project.setConfig("tpops:password", "Admin@123", true);
    await project.setConfig("dbPassword", "Gauss_e2e_2345", true);
    await project.setConfig("version", "3.200.0");
  });
  afterAll(async () => { await project?.dispose(); await emu?.close(); });

  it("pulumi up creates hosts, a triset instance, its backup policy and parameters", async () => {
    const up = await project.up();
    expect(up.code, up.stdout + up.stderr).toBe(0);
    const out = await project.outputs();
    expect(out).toMatchObject({ status: "ACTIVE", version: "3.200.0", nodes: 3, pw: "[secret]", keep: 14, orig: { work_mem: "65536" } });
    expect(await project.exportState()).not.toContain("Gauss_e2e_2345");
  }, 180000);
  it("a second preview reports no changes", async () => {
    const p = await project.preview(["--expect-no-changes"]);
    expect(p.code, p.stdout + p.stderr).toBe(0);
  }, 120000);
  it("refresh finds no drift", async () => {
    const p = await project.run(["refresh", "--yes", "--skip-preview"]);
    expect(p.code, p.stdout + p.stderr).toBe(0);
    const q = await project.preview(["--expect-no-changes"]);
    expect(q.code, q.stdout + q.stderr).toBe(0);
  }, 120000);
  it("grows to pentaset, upgrades, opens the M-compat port and changes policy and parameters in place", async () => {
    await project.setConfig("solution", "pentaset");
    await project.setConfig("hosts", "5");
    await project.setConfig("version", "3.201.0");
    await project.setConfig("mport", "3306");
    await project.setConfig("keep", "30");
    await project.setConfig("workMem", "262144");
    const p = await project.preview(["--diff"]);
    expect(p.code, p.stdout + p.stderr).toBe(0);
    expect(p.stdout).not.toMatch(/replace/);
    const up = await project.up();
    expect(up.code, up.stdout + up.stderr).toBe(0);
    const out = await project.outputs();
    expect(out).toMatchObject({ version: "3.201.0", nodes: 5, keep: 30 });
    expect(up.stdout).toMatch(/db .*updated/);
  }, 180000);
  it("refuses a downgrade at preview", async () => {
    await project.setConfig("version", "3.200.0");
    const p = await project.preview();
    expect(p.code).not.toBe(0);
    expect(p.stdout + p.stderr).toMatch(/engineVersion: "3.200.0" is older than "3.201.0"; downgrades are not possible/);
    await project.setConfig("version", "3.201.0");
  }, 120000);
  it("destroy removes the instance before its hosts and leaves nothing behind", async () => {
    const d = await project.destroy();
    expect(d.code, d.stdout + d.stderr).toBe(0);
    const s = await emu.control.state();
    expect(s.instances).toHaveLength(0);
    expect(s.hosts).toHaveLength(0);
  }, 180000);
});
