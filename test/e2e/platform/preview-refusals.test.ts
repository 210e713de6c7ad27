// Refusals the platform would make, made by `pulumi preview` (real engine, emulator on port 0): an engine version
// the platform does not offer fails before any host is added; renaming a data center whose hosts an instance uses
// fails naming the property and the fix, and no PUT reaches the platform.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { TestProject } from "../../helpers/pulumi";

const program = `
import * as pulumi from "@pulumi/pulumi";
import * as tpops from "pulumi-tpops";
const cfg = new pulumi.Config();
const dc = new tpops.DataCenter("room", { name: cfg.require("dcName") });
const hosts = [1, 2, 3].map((i) => new tpops.Host("h" + i, { osType: "kylin", cpuSpec: "intel", manageIp: "10.30.0." + i, dataIp: "10.31.0." + i, virtualIp: "10.32.0." + i, dataCenterId: dc.id, rootPassword: "Root_pw_e2e_1" }));
const db = new tpops.Instance("db", {
  name: "db-preview",
  osType: "kylin", cpuSpec: "intel", arch: "x86", solution: "triset",
  password: cfg.requireSecret("dbPassword"),
  manageIps: hosts.map((h) => h.manageIp),
  engineVersion: cfg.get("version"),
});
export const dcName = dc.name;
export const status = db.status;
`;

describe("pulumi preview refuses what the platform will refuse", () => {
  let emu: TestEmulator;
  let project: TestProject;
  /** Requests of a method the emulator answered since the last clear (logins excluded). */
  const count = async (method: string) =>
    (await emu.control.requests()).byRoute.filter((r) => r.method === method && r.route !== "/v3/auth/mini-token").reduce((n, r) => n + r.count, 0);

  beforeAll(async () => {
    emu = await startTestEmulator({ timeScale: 0.0005 });
    project = await TestProject.create("preview-refusals", { "Pulumi.yaml": "name: preview-refusals\nruntime: nodejs\nmain: index.ts\n", "index.ts": program });
    await project.setConfig("tpops:endpoint", emu.url);
    await project.setConfig("tpops:username", "admin");
    await project.setConfig("tpops:password", "Admin@123", true);
    await project.setConfig("dbPassword", "Gauss_e2e_2345", true);
    await project.setConfig("dcName", "dc-old");
  });
  afterAll(async () => {
    await project?.dispose();
    await emu?.close();
  });

  it("an engine version the platform does not offer fails preview, and up, before any host is added", async () => {
    await project.setConfig("version", "3.250.0");
    await emu.control.clearRequests();
    const p = await project.preview();
    expect(p.code, p.stdout + p.stderr).not.toBe(0);
    expect(p.stdout + p.stderr).toContain('engineVersion: "3.250.0" is not offered by the platform; it offers 3.201.0, 3.200.0, 3.301.0, 3.103.0, 3.100.0 (nearest first, reference 4.12.1)');
    // `pulumi up` previews first: it stops there too.
    const up = await project.run(["up", "--yes"]);
    expect(up.code, up.stdout + up.stderr).not.toBe(0);
    expect(up.stdout + up.stderr).toContain('engineVersion: "3.250.0" is not offered by the platform');
    expect(await count("POST")).toBe(0);
    const s = await emu.control.state();
    expect([s.dataCenters.length, s.hosts.length, s.instances.length]).toEqual([0, 0, 0]);
  }, 180_000);

  it("renaming a data center whose hosts an instance uses fails preview naming the property and the fix, with no PUT", async () => {
    await project.setConfig("version", "3.200.0");
    const up = await project.up();
    expect(up.code, up.stdout + up.stderr).toBe(0);
    expect(await project.outputs()).toMatchObject({ dcName: "dc-old", status: "ACTIVE" });

    await project.setConfig("dcName", "dc-new");
    await emu.control.clearRequests();
    const p = await project.preview();
    expect(p.code, p.stdout + p.stderr).not.toBe(0);
    expect(p.stdout + p.stderr).toContain(
      'name: "dc-new" cannot be set while hosts of this data center are used by instances (instance db-preview on 10.30.0.1, 10.30.0.2, 10.30.0.3) (reference 4.9.11, DBS.06025060); keep the name, or move/remove the instances first',
    );
    const again = await project.run(["up", "--yes"]);
    expect(again.code, again.stdout + again.stderr).not.toBe(0);
    expect(again.stdout + again.stderr).toContain('name: "dc-new" cannot be set while hosts of this data center are used by instances');
    expect(await count("PUT")).toBe(0);
    expect((await emu.control.state()).dataCenters.map((d: { name: string }) => d.name)).toEqual(["dc-old"]);

    // Keeping the name, the same stack previews clean.
    await project.setConfig("dcName", "dc-old");
    const clean = await project.preview(["--expect-no-changes"]);
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
  }, 300_000);
});
