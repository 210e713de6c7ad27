// Conformance of the take-over calls (reference 4.11.12 check hosts manageable, 4.11.13 manage) and of what 4.11.5's
// unmanage leaves behind: the reference's example requests as printed, its refusals with their A.3 codes, hosts
// that carry a database (4.9.1 status unmanaged "待纳管", 4.9.2's data-center rule DBS.06025067).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { addHosts, hostEntry } from "../fixtures";
import { activeInstance, dc, freshIps, resetDcs, showInstance } from "../instance-fixtures";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => emu?.close());
beforeEach(async () => {
  await emu.control.reset();
  resetDcs();
});

const ADMIN_PW = "Admin_pw_2345";
const STORAGE = { device_id: "nas_server_1", device_directory: "/data/nas", real_path: "/home/nfs/data1", is_manually_mount: false };

async function seed(body: Record<string, unknown>) {
  const r = await fetch(`${emu.origin}/__emulator/unmanaged-databases`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as any };
}

async function addTo(ips: string[], dcName = "AZ1") {
  const dcId = await dc(emu, dcName);
  await addHosts(emu, ips.map((ip) => hostEntry(ip, dcId)));
  return ips;
}

const hostStatus = async (ip: string) => (await emu.control.state()).hosts.find((h: any) => h.ip.manage_ip === ip)?.status;
const manageBody = (ips: string[], over: Record<string, unknown> = {}) => ({ instance_name: "instance-a", manage_ip_list: ips, manage_user: "rdsAdmin", manage_userpass: ADMIN_PW, storage_device: STORAGE, ...over });

describe("hosts carrying a database (4.9.1, 4.9.2)", () => {
  it("a host added over a database awaits management (status unmanaged, 待纳管)", async () => {
    const ips = freshIps(1);
    expect((await seed({ manage_ips: ips, solution: "single", manage_password: ADMIN_PW })).status).toBe(201);
    await addTo(ips);
    expect(await hostStatus(ips[0]!)).toBe("unmanaged");
  });

  it("a host added before the database was seeded turns unmanaged; an ordinary host stays initialized", async () => {
    const ips = freshIps(2);
    await addTo(ips);
    expect((await seed({ manage_ips: [ips[0]], solution: "single", manage_password: ADMIN_PW })).status).toBe(201);
    expect([await hostStatus(ips[0]!), await hostStatus(ips[1]!)]).toEqual(["unmanaged", "initialized"]);
  });

  it("refuses adding such a host to a data center not named as the database's AZ (DBS.06025067)", async () => {
    const ips = freshIps(1);
    await seed({ manage_ips: ips, solution: "single", manage_password: ADMIN_PW, az_name: "AZ-EAST" });
    const dcId = await dc(emu, "AZ1");
    const r = await emu.api("POST", "/gaussdb/v3/hosts", { hosts: [hostEntry(ips[0]!, dcId)] });
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe("DBS.06025067");
    await addTo(ips, "AZ-EAST");
    expect(await hostStatus(ips[0]!)).toBe("unmanaged");
  });

  it("the control endpoint refuses a wrong host count and an IP that already carries a database or is in use", async () => {
    expect((await seed({ manage_ips: freshIps(2), solution: "triset", manage_password: ADMIN_PW })).status).toBe(400);
    const ips = freshIps(1);
    await seed({ manage_ips: ips, solution: "single", manage_password: ADMIN_PW });
    expect((await seed({ manage_ips: ips, solution: "single", manage_password: ADMIN_PW })).status).toBe(409);
    const { ips: used } = await activeInstance(emu, "single");
    expect((await seed({ manage_ips: used, solution: "single", manage_password: ADMIN_PW })).status).toBe(409);
  });
});

describe("4.11.12 check hosts manageable", () => {
  it("answers every host of the database, added or not (the example with a manage IP)", async () => {
    const ips = freshIps(3);
    await seed({ manage_ips: ips, solution: "triset", manage_password: ADMIN_PW });
    await addTo(ips.slice(0, 2));
    const r = await emu.api("POST", "/v3/instances/management/check-hosts-manageable", { manage_ip: ips[1] });
    expect(r.status).toBe(200);
    expect(r.body.host_status_info).toEqual([
      { host_name: `host-${ips[0]!.split(".").pop()}`, manage_ip: ips[0], is_online: "added", host_type: "BMS" },
      { host_name: `host-${ips[1]!.split(".").pop()}`, manage_ip: ips[1], is_online: "added", host_type: "BMS" },
      { host_name: `host-${ips[2]!.replace(/\./g, "-")}`, manage_ip: ips[2], is_online: "not_added", host_type: "BMS" },
    ]);
  });

  it("the example with manage_ip null answers the hosts awaiting management", async () => {
    const ips = freshIps(1);
    await seed({ manage_ips: ips, solution: "single", manage_password: ADMIN_PW });
    await addTo(ips);
    await addTo(freshIps(1)); // an ordinary host: not listed
    const r = await emu.api("POST", "/v3/instances/management/check-hosts-manageable", { manage_ip: null });
    expect(r.status).toBe(200);
    expect(r.body.host_status_info.map((h: any) => [h.manage_ip, h.is_online])).toEqual([[ips[0], "added"]]);
  });

  it.each([
    ["no body", undefined, "DBS.200006"],
    ["no manage_ip", {}, "DBS.200001"],
    ["not an IP", { manage_ip: "host-1" }, "DBS.200001"],
    ["an IP no host has (DBS.06025031 所选主机不存在)", { manage_ip: "10.200.0.1" }, "DBS.06025031"],
  ])("refuses %s", async (_what, body, code) => {
    const r = await emu.api("POST", "/v3/instances/management/check-hosts-manageable", body);
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
  });

  it("refuses a host an instance uses (DBS.06025015) and a host without a database (DBS.200002)", async () => {
    const { ips } = await activeInstance(emu, "single");
    const inUse = await emu.api("POST", "/v3/instances/management/check-hosts-manageable", { manage_ip: ips[0] });
    expect([inUse.status, inUse.body.error_code]).toEqual([400, "DBS.06025015"]);
    const [plain] = await addTo(freshIps(1));
    const none = await emu.api("POST", "/v3/instances/management/check-hosts-manageable", { manage_ip: plain });
    expect([none.status, none.body.error_code]).toEqual([400, "DBS.200002"]);
  });
});

describe("4.11.13 manage", () => {
  it("takes over the database as printed (纳管三节点集中式实例: two of the three IPs name it) with its facts", async () => {
    const ips = freshIps(3);
    await seed({ manage_ips: ips, solution: "triset", manage_password: ADMIN_PW, version: "3.200.0", port: 8100 });
    await addTo(ips);
    const r = await emu.api("POST", "/v3/instances/management", manageBody(ips.slice(0, 2)));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(["instance_id", "job_id"]);
    expect((await showInstance(emu, r.body.instance_id)).status).toBe("BUILD");
    expect(await hostStatus(ips[2]!)).toBe("in_use");
    expect((await emu.waitJob(r.body.job_id)).status).toBe("Completed");
    const inst = await showInstance(emu, r.body.instance_id);
    expect(inst).toMatchObject({ name: "instance-a", status: "ACTIVE", port: 8100, datastore: { type: "GaussDB", version: "3.200.0" }, type: "centralization_standard", replica_num: 3 });
    expect(inst.nodes.map((n: any) => n.management_ip)).toEqual(ips);
    expect(inst.nodes.map((n: any) => n.availability_zone)).toEqual(["AZ1", "AZ1", "AZ1"]);
    const again = await emu.api("POST", "/v3/instances/management/check-hosts-manageable", { manage_ip: ips[0] });
    expect(again.body.error_code).toBe("DBS.06025015");
    expect((await emu.control.requests()).ignoredFields).toEqual([]);
  });

  it.each([
    ["no body", () => undefined, "DBS.200006"],
    ["no instance_name", (ips: string[]) => ({ ...manageBody(ips), instance_name: undefined }), "DBS.200021"],
    ["an empty manage_ip_list", () => manageBody([]), "DBS.200001"],
    ["an IP twice", (ips: string[]) => manageBody([ips[0]!, ips[0]!]), "DBS.06025010"],
    ["no manage_user", (ips: string[]) => ({ ...manageBody(ips), manage_user: undefined }), "DBS.200001"],
    ["no storage_device", (ips: string[]) => ({ ...manageBody(ips), storage_device: undefined }), "DBS.200001"],
    ["a storage_device without is_manually_mount", (ips: string[]) => manageBody(ips, { storage_device: { ...STORAGE, is_manually_mount: undefined } }), "DBS.200001"],
    ["a wrong administrator password (DBS.200029 用户名或密码错误)", (ips: string[]) => manageBody(ips, { manage_userpass: "Wrong_pw_2345" }), "DBS.200029"],
    ["another administrator", (ips: string[]) => manageBody(ips, { manage_user: "root" }), "DBS.200029"],
  ])("refuses %s", async (_what, body, code) => {
    const ips = freshIps(1);
    await seed({ manage_ips: ips, solution: "single", manage_password: ADMIN_PW });
    await addTo(ips);
    const r = await emu.api("POST", "/v3/instances/management", body(ips));
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
    expect(await hostStatus(ips[0]!)).toBe("unmanaged");
  });

  it("refuses while a host of the database is not added (DBS.06025031), and IPs of two databases", async () => {
    const ips = freshIps(3);
    await seed({ manage_ips: ips, solution: "triset", manage_password: ADMIN_PW });
    await addTo(ips.slice(0, 2));
    const r = await emu.api("POST", "/v3/instances/management", manageBody(ips.slice(0, 2)));
    expect([r.status, r.body.error_code]).toEqual([400, "DBS.06025031"]);
    expect(r.body.error_msg).toContain(ips[2]);
    const other = freshIps(1);
    await seed({ manage_ips: other, solution: "single", manage_password: ADMIN_PW });
    await addTo([ips[2]!, ...other]);
    const two = await emu.api("POST", "/v3/instances/management", manageBody([ips[0]!, other[0]!]));
    expect([two.status, two.body.error_code]).toEqual([400, "DBS.200001"]);
  });
});

describe("4.11.5 after a take-over", () => {
  async function managed() {
    const ips = freshIps(1);
    await seed({ manage_ips: ips, solution: "single", manage_password: ADMIN_PW, version: "3.200.0", port: 8100 });
    await addTo(ips);
    const r = await emu.api("POST", "/v3/instances/management", manageBody(ips));
    await emu.waitJob(r.body.job_id);
    return { ips, id: r.body.instance_id as string };
  }

  it("unmanaging (clear_data false) leaves the database on its hosts, which await management again, and it can be taken over again", async () => {
    const { ips, id } = await managed();
    const d = await emu.api("DELETE", `/gaussdb/v3/instances/${id}/management`, { clear_data: false, is_force_remove_instance: false, rds_admin_password: "New_admin_2345", keep_db_backup: 0, keep_difference_backup: 0 });
    expect(d.status).toBe(202);
    await emu.waitJob(d.body.job_id);
    expect(await hostStatus(ips[0]!)).toBe("unmanaged");
    const dbs = (await emu.control.state() as any).unmanagedDatabases;
    expect(dbs).toHaveLength(1);
    expect(dbs[0]).toMatchObject({ manage_ips: ips, managed_by: null, port: 8100, previous_instance: { id } });
    expect(JSON.stringify(dbs)).not.toContain("sha256");
    // The new rdsAdmin password (4.11.5 "重新设置新密码") is the one the database takes now.
    const old = await emu.api("POST", "/v3/instances/management", manageBody(ips));
    expect(old.body.error_code).toBe("DBS.200029");
    const again = await emu.api("POST", "/v3/instances/management", manageBody(ips, { manage_userpass: "New_admin_2345" }));
    expect(again.status).toBe(200);
  });

  it("uninstalling (clear_data true) removes the database: the hosts are free", async () => {
    const { ips, id } = await managed();
    const d = await emu.api("DELETE", `/gaussdb/v3/instances/${id}/management`, { clear_data: true });
    await emu.waitJob(d.body.job_id);
    expect(await hostStatus(ips[0]!)).toBe("initialized");
    expect((await emu.control.state() as any).unmanagedDatabases).toEqual([]);
  });

  it("an instance TPOPS installed and then unmanaged can be taken over with the rdsAdmin password the unmanage set", async () => {
    const { id, ips } = await activeInstance(emu, "single");
    const d = await emu.api("DELETE", `/gaussdb/v3/instances/${id}/management`, { clear_data: false, rds_admin_password: "New_admin_2345" });
    await emu.waitJob(d.body.job_id);
    const check = await emu.api("POST", "/v3/instances/management/check-hosts-manageable", { manage_ip: ips[0] });
    expect(check.body.host_status_info.map((h: any) => h.is_online)).toEqual(["added"]);
    const r = await emu.api("POST", "/v3/instances/management", manageBody(ips, { manage_userpass: "New_admin_2345" }));
    expect(r.status).toBe(200);
    await emu.waitJob(r.body.job_id);
    expect((await showInstance(emu, r.body.instance_id)).datastore.version).toBe("3.200.0");
  });
});
