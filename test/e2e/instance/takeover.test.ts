// Taking over a database installed outside TPOPS (issue 19 part 3) with the real engine: three machines carry an
// unmanaged triset database; the program adds them (Host resources, which end awaiting management) and declares an
// Instance with takeOver and a BackupPolicy on it. `pulumi up` takes the database over (4.11.12, 4.11.13) with its
// version and port; a no-change re-run; a policy changed out of band caught by `preview --refresh
// --expect-no-changes` and repaired by `up --refresh`; in-place changes (M-compatibility port, the policy, takeOver
// dropped from the program: nothing); destroy unmanages — the database is still on the hosts, which await management
// (4.9.1 unmanaged) until the program's Host deletes remove them — and the administrator and root passwords are
// nowhere in the state or the output.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import type { PulumiRun, TestProject } from "../../helpers/pulumi";
import { expectNoIgnoredFields, programProject, SECRETS } from "../helpers";

const ADMIN_PW = "Legacy_admin_e2e_4711";
const IPS = ["10.77.0.1", "10.77.0.2", "10.77.0.3"];

const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import * as tpops from "pulumi-tpops";
const config = new pulumi.Config();
// The data center is named as the AZ the database was installed in (reference 4.9.2).
const az = new tpops.DataCenter("legacy-az", { name: "AZ-LEGACY" });
const hosts = ${JSON.stringify(IPS)}.map((ip, i) => new tpops.Host("legacy-" + i, {
  osType: "kylin", cpuSpec: "intel", manageIp: ip, dataIp: "10.78.0." + (i + 1), virtualIp: "10.79.0." + (i + 1),
  dataCenterId: az.id, rootPassword: config.requireSecret("rootPassword"),
}));
const keep = config.getBoolean("keepTakeOver") ?? true;
const legacy = new tpops.Instance("legacy", {
  name: "legacy-orders",
  osType: "Kylin", cpuSpec: "Intel", arch: "X86", solution: "triset",
  manageIps: hosts.map((h) => h.manageIp),
  mysqlCompatibilityPort: config.getNumber("mysqlPort") ?? 0,
  takeOver: keep ? {
    manageUser: "rdsAdmin",
    manageUserPassword: config.requireSecret("adminPassword"),
    storageDevice: { deviceId: "nas_server_1", deviceDirectory: "/data/nas", realPath: "/home/nfs/data1", isManuallyMount: false },
  } : undefined,
}, { dependsOn: hosts });
new tpops.BackupPolicy("legacy-backups", { instanceId: legacy.id, keepDays: config.getNumber("keepDays") ?? 7 });
export const id = legacy.id;
export const engineVersion = legacy.engineVersion;
export const port = legacy.port;
export const takenOver = legacy.takenOver;
`;

let emu: TestEmulator;
const outputs: string[] = [];
const ok = (r: PulumiRun) => {
  outputs.push(r.stdout, r.stderr);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return r.stdout + r.stderr;
};

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 0.0005 });
  const seed = await fetch(`${emu.origin}/__emulator/unmanaged-databases`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ manage_ips: IPS, solution: "triset", version: "3.201.0", port: 8100, az_name: "AZ-LEGACY", manage_password: ADMIN_PW }),
  });
  expect(seed.status).toBe(201);
});
afterAll(async () => {
  await emu?.close();
  const all = outputs.join("\n");
  for (const pw of [ADMIN_PW, SECRETS.root]) expect(all).not.toContain(pw);
});

describe("taking over a database installed outside TPOPS", () => {
  let p: TestProject;
  let id: string;
  const hostStatuses = async () => (await emu.control.state()).hosts.filter((h: any) => IPS.includes(h.ip.manage_ip)).map((h: any) => h.status);

  beforeAll(async () => {
    p = await programProject("takeover-e2e", PROGRAM, emu);
    await p.setConfig("rootPassword", SECRETS.root, true);
    await p.setConfig("adminPassword", ADMIN_PW, true);
  });
  afterAll(async () => p?.dispose());

  it("up adds the hosts and takes the database over with its version and port", async () => {
    const up = ok(await p.up());
    expect(up).toMatch(/taking over the database|created/);
    const out = await p.outputs();
    id = out.id as string;
    expect(out).toMatchObject({ engineVersion: "3.201.0", port: 8100, takenOver: true });
    const s = (await emu.control.state()) as any;
    expect(s.instances.map((i: any) => [i.id, i.name, i.status])).toEqual([[id, "legacy-orders", "ACTIVE"]]);
    expect(await hostStatuses()).toEqual(["in_use", "in_use", "in_use"]);
    expect(s.jobs.map((j: any) => j.name)).toContain("ManageGaussDBInstance");
    expect(s.jobs.map((j: any) => j.name)).not.toContain("CreateGaussDBV5Instance");
    await expectNoIgnoredFields(emu);
  });

  it("re-runs without changes", async () => {
    const again = ok(await p.up());
    expect(again).not.toMatch(/\d+ (created|updated|replaced|deleted)/);
    ok(await p.preview(["--expect-no-changes"]));
  });

  it("keeps the administrator and root passwords out of the state", async () => {
    const state = await p.exportState();
    expect(state).not.toContain(ADMIN_PW);
    expect(state).not.toContain(SECRETS.root);
    const parsed = JSON.parse(state) as { deployment: { resources: { type: string; outputs?: Record<string, unknown> }[] } };
    const inst = parsed.deployment.resources.find((r) => r.type.endsWith("tpops:Instance"));
    expect(JSON.stringify(inst?.outputs?.takeOver)).toContain("4dabf18193072939515e22adb298388d"); // the secret signature
  });

  it("a policy changed out of band is drift: preview --refresh --expect-no-changes fails, up --refresh repairs it", async () => {
    const put = await emu.api("PUT", `/gaussdb/v3/instances/${id}/backups/policy`, { backup_policy: { keep_days: 3, start_time: "05:00-06:00", period: "1,2", differential_period: "30" } });
    expect(put.status, JSON.stringify(put.body)).toBeLessThan(300);
    const drift = await p.preview(["--refresh", "--expect-no-changes"]);
    outputs.push(drift.stdout, drift.stderr);
    expect(drift.code).not.toBe(0);
    ok(await p.up(["--refresh"]));
    ok(await p.preview(["--refresh", "--expect-no-changes"]));
    expect((await emu.api("GET", `/gaussdb/v3/instances/${id}/backups/policy`)).body.backup_policy.keep_days).toBe(7);
  });

  it("changes in place like any instance: the M-compatibility port and the policy; dropping takeOver changes nothing", async () => {
    await p.setConfig("mysqlPort", "3306");
    await p.setConfig("keepDays", "14");
    const up = ok(await p.up());
    expect(up).toMatch(/2 updated/);
    expect(up).not.toMatch(/replaced|created/);
    expect((await p.outputs()).id).toBe(id);
    expect((await emu.api("GET", `/gaussdb/v3/instances/${id}/backups/policy`)).body.backup_policy.keep_days).toBe(14);
    expect((await emu.control.state()).jobs.map((j: any) => j.name)).toContain("EnableMysqlCompatibility");
    await p.setConfig("keepTakeOver", "false");
    ok(await p.preview(["--expect-no-changes"]));
    ok(await p.up());
  });

  it("destroy unmanages: the database is still on the machines, never uninstalled", async () => {
    const d = ok(await p.destroy());
    expect(d).toMatch(/unmanaging the database this stack took over/);
    const s = (await emu.control.state()) as any;
    const names = s.jobs.map((j: any) => j.name);
    expect(names).toContain("UnmanageGaussDBInstance");
    expect(names).not.toContain("DeleteGaussDBInstance");
    expect(s.instances).toEqual([]);
    // The program's hosts are removed from TPOPS (4.9.4 allows it for hosts awaiting management); the database stays.
    expect(s.hosts).toEqual([]);
    expect(s.dataCenters).toEqual([]);
    expect(s.unmanagedDatabases).toEqual([
      expect.objectContaining({ manage_ips: IPS, managed_by: null, datastore: { type: "GaussDB", version: "3.201.0" }, port: 8100, previous_instance: { id, name: "legacy-orders" } }),
    ]);
    await expectNoIgnoredFields(emu);
  });

  it("the hosts added again await management (4.9.1 unmanaged) and 4.11.12 lists the database's hosts", async () => {
    const dcs = await emu.api("POST", "/gaussdb/v3/data-centers", { data_centers: [{ name: "AZ-LEGACY" }] });
    expect(dcs.status).toBe(200);
    const dcId = (await emu.api("GET", "/gaussdb/v3/data-centers?name=AZ-LEGACY")).body.data_centers[0].id;
    const add = await emu.api("POST", "/gaussdb/v3/hosts", {
      hosts: IPS.map((ip, i) => ({ name: `h${i}`, type: "BMS", os_type: "kylin", cpu_spec: "intel", storage_type: "localssd", ip: { manage_ip: ip, data_ip: `10.78.0.${i + 1}`, virtual_ip: `10.79.0.${i + 1}` }, ssh_port: 22, data_center_id: dcId, os_root_pwd: "Root_pw_123" })),
    });
    expect(add.status).toBe(202);
    await emu.waitJob(add.body.job_id);
    expect(await hostStatuses()).toEqual(["unmanaged", "unmanaged", "unmanaged"]);
    const check = await emu.api("POST", "/v3/instances/management/check-hosts-manageable", { manage_ip: IPS[0] });
    expect(check.body.host_status_info.map((h: any) => [h.manage_ip, h.is_online])).toEqual(IPS.map((ip) => [ip, "added"]));
  });
});
