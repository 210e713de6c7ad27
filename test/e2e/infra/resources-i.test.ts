// DataCenter, KeyPair and Host through the real Pulumi engine against the emulator: up, no-change
// preview, drift detected by refresh, repair, secrets kept out of state, destroy leaves nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { TestProject } from "../../helpers/pulumi";

const ROOT_PASSWORD = "Root_pw_e2e_9731";
const TPOPS_PASSWORD = "Admin@123";

const program = `
import * as pulumi from "@pulumi/pulumi";
import * as tpops from "pulumi-tpops";

const cfg = new pulumi.Config();
const dc = new tpops.DataCenter("room1", { description: "e2e room" });
const key = new tpops.KeyPair("ops-key", { algorithm: "RSA_2048" });
const byPassword = new tpops.Host("db1", {
  osType: "Kylin",
  cpuSpec: "intel",
  manageIp: "10.20.0.1",
  dataIp: "10.21.0.1",
  virtualIp: "10.22.0.1",
  dataCenterId: dc.id,
  rootPassword: cfg.requireSecret("rootPassword"),
  description: cfg.get("hostDescription") ?? "first host",
});
const byKey = new tpops.Host("db2", {
  osType: "kylin",
  cpuSpec: "intel",
  manageIp: "10.20.0.2",
  dataIp: "10.21.0.2",
  virtualIp: "10.22.0.2",
  dataCenterId: dc.id,
  sshKeyId: key.id,
});
export const dataCenterName = dc.name;
export const publicKey = key.publicKey;
export const hostStatus = byPassword.status;
export const hostIds = [byPassword.id, byKey.id];
export const hostPassword = byPassword.rootPassword;
`;

describe("Resources I with the real engine", () => {
  let emu: TestEmulator;
  let project: TestProject;

  beforeAll(async () => {
    emu = await startTestEmulator({ timeScale: 0.002 });
    project = await TestProject.create("resources-i", {
      "Pulumi.yaml": "name: resources-i\nruntime: nodejs\nmain: index.ts\n",
      "index.ts": program,
    });
    await project.setConfig("tpops:endpoint", emu.url);
    await project.setConfig("tpops:username", "admin");
    await project.setConfig("tpops:password", TPOPS_PASSWORD, true);
    await project.setConfig("rootPassword", ROOT_PASSWORD, true);
  });
  afterAll(async () => {
    await project?.dispose();
    await emu?.close();
  });

  it("pulumi up creates a data center, a key pair and two hosts", async () => {
    const up = await project.up();
    expect(up.code, up.stdout + up.stderr).toBe(0);
    const out = await project.outputs();
    expect(out.dataCenterName).toMatch(/^room1-[0-9a-f]{6}$/);
    expect(out.publicKey).toMatch(/^ssh-rsa AAAA/);
    expect(out.hostStatus).toBe("initialized");
    expect(out.hostPassword).toBe("[secret]");
    const state = await emu.control.state();
    expect(state.hosts.map((h: { ip: { manage_ip: string } }) => h.ip.manage_ip).sort()).toEqual(["10.20.0.1", "10.20.0.2"]);
    expect(state.keyPairs[0].host_nums).toBe(1);
  });

  it("a second preview reports no changes", async () => {
    const preview = await project.preview(["--expect-no-changes"]);
    expect(preview.code, preview.stdout).toBe(0);
  });

  it("keeps passwords out of plain text in the state", async () => {
    const exported = await project.exportState();
    expect(exported).not.toContain(ROOT_PASSWORD);
    expect(exported).not.toContain(TPOPS_PASSWORD);
    const state = JSON.parse(exported) as { deployment: { resources: { type: string; outputs?: Record<string, unknown> }[] } };
    const host = state.deployment.resources.find((r) => r.type.endsWith("tpops:Host") && r.outputs?.rootPassword);
    expect(host?.outputs?.rootPassword).toMatchObject({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" });
    for (const r of state.deployment.resources.filter((x) => x.type.startsWith("pulumi-nodejs:dynamic/tpops"))) {
      expect(String(r.outputs?.__provider ?? "").length).toBeLessThan(4096);
    }
  });

  it("detects an out-of-band change with refresh, and up repairs it", async () => {
    const hosts = (await emu.control.state()).hosts as { id: string; ip: { manage_ip: string } }[];
    const h = hosts.find((x) => x.ip.manage_ip === "10.20.0.1")!;
    const res = await emu.api("PUT", "/gaussdb/v3/hosts", { hosts: [{ manage_ip: "10.20.0.1", description: "edited by a DBA" }] });
    expect(res.status).toBe(200);
    const drift = await project.preview(["--refresh", "--expect-no-changes"]);
    expect(drift.code).not.toBe(0);
    expect(drift.stdout).toMatch(/update/);
    const up = await project.up(["--refresh"]);
    expect(up.code, up.stdout + up.stderr).toBe(0);
    const after = (await emu.control.state()).hosts.find((x: { id: string }) => x.id === h.id);
    expect(after.description).toBe("first host");
    const clean = await project.preview(["--refresh", "--expect-no-changes"]);
    expect(clean.code, clean.stdout).toBe(0);
  });

  it("updates a host in place without replacing it", async () => {
    const before = (await project.outputs()).hostIds;
    await project.setConfig("hostDescription", "primary database host");
    const up = await project.up();
    expect(up.code, up.stdout + up.stderr).toBe(0);
    expect(up.stdout).toMatch(/1 updated/);
    expect((await project.outputs()).hostIds).toEqual(before);
  });

  it("pulumi destroy leaves the emulator empty", async () => {
    const destroy = await project.destroy();
    expect(destroy.code, destroy.stdout + destroy.stderr).toBe(0);
    const state = await emu.control.state();
    expect([state.dataCenters.length, state.keyPairs.length, state.hosts.length]).toEqual([0, 0, 0]);
  });
});
