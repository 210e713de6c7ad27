import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { addHosts, createDataCenter, hostEntry, insertKeyPair } from "../fixtures";

let emu: TestEmulator;
let dc: string;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await emu.control.reset();
  // reset keeps the time scale (like users); some tests slow jobs down to observe them
  await emu.control.setTimeScale(0.0002); // AddHosts: 12 ms
  dc = await createDataCenter(emu, "AZ1");
});

describe("reference 4.9.8 GET /gaussdb/v3/hosts/specifications", () => {
  it("answers the documented example", async () => {
    const r = await emu.api("GET", "/gaussdb/v3/hosts/specifications");
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      types: ["BMS"],
      os_types: ["kylin", "uniontech"],
      storage_types: ["localssd", "dorado"],
      cpu_specs: ["intel", "kunpeng", "hygon"],
    });
  });
});

describe("reference 4.9.2 POST /gaussdb/v3/hosts", () => {
  it("adds one host by password: 202, initializing → initialized through the AddHosts job", async () => {
    // A slow job, so the initializing state is observable.
    await emu.control.setTimeScale(0.02);
    const r = await emu.api("POST", "/gaussdb/v3/hosts", { hosts: [hostEntry("100.72.236.10", dc)] });
    expect(r.status).toBe(202);
    expect(r.body).toEqual({ job_id: expect.any(String), hosts: [{ id: expect.any(String), manage_ip: "100.72.236.10" }] });
    const during = (await emu.api("GET", `/gaussdb/v3/hosts?id=${r.body.hosts[0].id}`)).body.hosts[0];
    expect(during).toMatchObject({ status: "initializing", job_id: r.body.job_id });
    const job = await emu.waitJob(r.body.job_id);
    expect(job).toMatchObject({ name: "AddHosts", status: "Completed", instance_id: null, fail_reason: null, progress: "100%" });
    const after = (await emu.api("GET", `/gaussdb/v3/hosts?id=${r.body.hosts[0].id}`)).body.hosts[0];
    expect(after).toEqual({
      id: r.body.hosts[0].id,
      name: "host-10",
      description: "test host",
      type: "BMS",
      ssh_port: 22,
      data_center: "AZ1",
      data_center_id: dc,
      os: { os_type: "kylin", os_version: "V10", os_arch: "x86" },
      spec: { vcpus: "32", cpu_spec: "intel", mem: "128", root_disk_size: "100", data_disk_size: "1000", storage_type: "localssd" },
      ip: { manage_ip: "100.72.236.10", data_ip: "192.168.0.10", virtual_ip: "192.168.1.10", float_ip: null },
      instance_id: null,
      instance_name: null,
      node_id: null,
      status: "initialized",
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/),
      updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/),
      job_id: r.body.job_id,
      async_task_error: null,
      ssh_key_id: null,
    });
  });

  it("adds a batch by password and by SSH key (the reference's two examples)", async () => {
    const key = insertKeyPair(emu);
    const ids = await addHosts(emu, [
      hostEntry("100.72.236.1", dc),
      hostEntry("100.72.236.2", dc, { os_root_pwd: undefined, ssh_key_id: key, cpu_spec: "Kunpeng", os_type: "UnionTech" }),
    ]);
    const hosts = (await emu.api("GET", "/gaussdb/v3/hosts")).body.hosts;
    expect(hosts.map((h: any) => h.id)).toEqual(ids);
    expect(hosts[1]).toMatchObject({ ssh_key_id: key, os: { os_type: "uniontech", os_arch: "arm" }, spec: { cpu_spec: "kunpeng" } });
  });

  it("accepts a batch of 50", async () => {
    const ids = await addHosts(emu, Array.from({ length: 50 }, (_, i) => hostEntry(`10.1.0.${i + 1}`, dc)));
    expect(ids).toHaveLength(50);
  });

  it("marks hosts initialize_failed with async_task_error when the job fails", async () => {
    await emu.control.nextJob({ name: "AddHosts", outcome: "fail", failReason: "agent install failed" });
    const r = await emu.api("POST", "/gaussdb/v3/hosts", { hosts: [hostEntry("10.0.0.1", dc)] });
    const job = await emu.waitJob(r.body.job_id);
    expect(job).toMatchObject({ status: "Failed", fail_reason: "agent install failed" });
    const h = (await emu.api("GET", "/gaussdb/v3/hosts")).body.hosts[0];
    expect(h).toMatchObject({ status: "initialize_failed", async_task_error: { error_code: "DBS.06025044", error_msg: "agent install failed" } });
  });

  type Make = (dc: string, key: string) => unknown;
  const refusals: [string, Make, string][] = [
    ["more than 50 hosts", (d) => ({ hosts: Array.from({ length: 51 }, (_, i) => hostEntry(`10.2.0.${i + 1}`, d)) }), "DBS.06025010"],
    ["an empty list", () => ({ hosts: [] }), "DBS.06025010"],
    ["ssh_port 8002 (reserved)", (d) => ({ hosts: [hostEntry("10.0.0.1", d, { ssh_port: 8002 })] }), "DBS.06025026"],
    ["ssh_port 12017 (reserved)", (d) => ({ hosts: [hostEntry("10.0.0.1", d, { ssh_port: 12017 })] }), "DBS.06025026"],
    ["ssh_port 0", (d) => ({ hosts: [hostEntry("10.0.0.1", d, { ssh_port: 0 })] }), "DBS.06025026"],
    ["ssh_port 65536", (d) => ({ hosts: [hostEntry("10.0.0.1", d, { ssh_port: 65536 })] }), "DBS.06025026"],
    ["a duplicate manage_ip in the batch", (d) => ({ hosts: [hostEntry("10.0.0.1", d), hostEntry("10.0.0.1", d, { name: "x" })] }), "DBS.06025027"],
    ["neither password nor key", (d) => ({ hosts: [hostEntry("10.0.0.1", d, { os_root_pwd: undefined })] }), "DBS.280001"],
    ["both password and key", (d, k) => ({ hosts: [hostEntry("10.0.0.1", d, { ssh_key_id: k })] }), "DBS.280001"],
    ["an unknown key pair", (d) => ({ hosts: [hostEntry("10.0.0.1", d, { os_root_pwd: undefined, ssh_key_id: "nope" })] }), "DBS.200044"],
    ["an unknown data center", () => ({ hosts: [hostEntry("10.0.0.1", "nope")] }), "DBS.06025058"],
    ["a name over 64 bytes", (d) => ({ hosts: [hostEntry("10.0.0.1", d, { name: "主".repeat(22) })] }), "DBS.06025024"],
    ["a description over 100 characters", (d) => ({ hosts: [hostEntry("10.0.0.1", d, { description: "x".repeat(101) })] }), "DBS.06025025"],
    ["an unsupported type", (d) => ({ hosts: [hostEntry("10.0.0.1", d, { type: "VM" })] }), "DBS.280001"],
    ["an unsupported os_type", (d) => ({ hosts: [hostEntry("10.0.0.1", d, { os_type: "ubuntu" })] }), "DBS.280001"],
    ["an unsupported cpu_spec", (d) => ({ hosts: [hostEntry("10.0.0.1", d, { cpu_spec: "amd" })] }), "DBS.280001"],
    ["an unsupported storage_type", (d) => ({ hosts: [hostEntry("10.0.0.1", d, { storage_type: "nfs" })] }), "DBS.280001"],
    ["a malformed manage_ip", (d) => ({ hosts: [hostEntry("100.72.236.*", d)] }), "DBS.280001"],
    ["a missing ip object", (d) => ({ hosts: [hostEntry("10.0.0.1", d, { ip: undefined })] }), "DBS.280001"],
    ["a string ssh_port", (d) => ({ hosts: [hostEntry("10.0.0.1", d, { ssh_port: "22" })] }), "DBS.280001"],
  ];
  it.each(refusals)("refuses %s", async (_what, make, code) => {
    const key = insertKeyPair(emu);
    const r = await emu.api("POST", "/gaussdb/v3/hosts", make(dc, key));
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
    expect((await emu.control.state()).hosts).toEqual([]);
    expect((await emu.control.state()).jobs).toEqual([]);
  });

  it("ignores unknown fields (a host's rack, the modify's float_ip, a list filter), naming them", async () => {
    const r = await emu.api("POST", "/gaussdb/v3/hosts", { hosts: [hostEntry("10.0.0.1", dc, { rack: "r1" })] });
    expect([r.status, r.headers.get("x-emulator-ignored-fields")]).toEqual([202, "hosts[0].rack"]);
    await emu.waitJob(r.body.job_id);
    const m = await emu.api("PUT", "/gaussdb/v3/hosts", { hosts: [{ manage_ip: "10.0.0.1", float_ip: "1.1.1.1" }] });
    expect([m.status, m.headers.get("x-emulator-ignored-fields")]).toEqual([200, "hosts[0].float_ip"]);
    expect((await emu.api("GET", "/gaussdb/v3/hosts")).body.hosts[0].ip.float_ip).toBeNull();
    const q = await emu.api("GET", "/gaussdb/v3/hosts?rack=r1");
    expect([q.status, q.body.total_count, q.headers.get("x-emulator-ignored-fields")]).toEqual([200, 1, "?rack"]);
  });

  it("refuses a manage_ip that is already added (and adds nothing of the batch)", async () => {
    await addHosts(emu, [hostEntry("10.0.0.1", dc)]);
    const r = await emu.api("POST", "/gaussdb/v3/hosts", { hosts: [hostEntry("10.0.0.2", dc), hostEntry("10.0.0.1", dc)] });
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe("DBS.06025027");
    expect((await emu.api("GET", "/gaussdb/v3/hosts")).body.total_count).toBe(1);
  });
});

describe("reference 4.9.1 GET /gaussdb/v3/hosts", () => {
  beforeEach(async () => {
    const dc2 = await createDataCenter(emu, "AZ2");
    await addHosts(emu, [
      hostEntry("10.0.0.3", dc, { name: "charlie" }),
      hostEntry("10.0.0.1", dc, { name: "alpha" }),
      hostEntry("10.0.0.2", dc2, { name: "bravo" }),
    ]);
  });

  const cases: [string, string, string[], number][] = [
    ["no filter (insertion order)", "", ["charlie", "alpha", "bravo"], 3],
    ["name", "?name=alpha", ["alpha"], 1],
    ["type", "?type=BMS", ["charlie", "alpha", "bravo"], 3],
    ["status", "?status=initialized", ["charlie", "alpha", "bravo"], 3],
    ["status with no match", "?status=in_use", [], 0],
    ["sort by name", "?sort_key=name&sort_order=asc", ["alpha", "bravo", "charlie"], 3],
    ["sort by name desc", "?sort_key=name&sort_order=desc", ["charlie", "bravo", "alpha"], 3],
    ["offset/limit", "?sort_key=name&offset=1&limit=1", ["bravo"], 3],
  ];
  it.each(cases)("filters: %s", async (_what, query, names, total) => {
    const r = await emu.api("GET", `/gaussdb/v3/hosts${query}`);
    expect(r.status).toBe(200);
    expect(r.body.total_count).toBe(total);
    expect(r.body.hosts.map((h: any) => h.name)).toEqual(names);
  });

  it("filters by data_center_id and id", async () => {
    const byDc = await emu.api("GET", `/gaussdb/v3/hosts?data_center_id=${dc}`);
    expect(byDc.body.hosts.map((h: any) => h.name)).toEqual(["charlie", "alpha"]);
    const id = byDc.body.hosts[1].id;
    expect((await emu.api("GET", `/gaussdb/v3/hosts?id=${id}`)).body.hosts.map((h: any) => h.name)).toEqual(["alpha"]);
  });

  it("defaults to 10 per page", async () => {
    await addHosts(emu, Array.from({ length: 12 }, (_, i) => hostEntry(`10.3.0.${i + 1}`, dc)));
    const r = await emu.api("GET", "/gaussdb/v3/hosts");
    expect(r.body.total_count).toBe(15);
    expect(r.body.hosts).toHaveLength(10);
  });

  it.each([
    ["?limit=101", "DBS.280439"],
    ["?limit=0", "DBS.280439"],
    ["?offset=x", "DBS.280001"],
    ["?status=running", "DBS.280001"],
    ["?sort_key=manage_ip", "DBS.280001"],
  ])("refuses %s", async (query, code) => {
    const r = await emu.api("GET", `/gaussdb/v3/hosts${query}`);
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
  });
});

describe("reference 4.9.3 PUT /gaussdb/v3/hosts", () => {
  it("modifies with the example request: 200 {hosts:[{id, manage_ip}]}", async () => {
    const [id] = await addHosts(emu, [hostEntry("100.72.236.1", dc)]);
    const dc2 = await createDataCenter(emu, "AZ2");
    const key = insertKeyPair(emu);
    const r = await emu.api("PUT", "/gaussdb/v3/hosts", {
      hosts: [{ manage_ip: "100.72.236.1", data_ip: "192.168.0.2", name: "renamed", description: "d", data_center_id: dc2, ssh_key_id: key, virtual_ip: "192.168.9.9" }],
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ hosts: [{ id, manage_ip: "100.72.236.1" }] });
    const h = (await emu.api("GET", `/gaussdb/v3/hosts?id=${id}`)).body.hosts[0];
    expect(h).toMatchObject({ name: "renamed", description: "d", data_center: "AZ2", ssh_key_id: key, ip: { data_ip: "192.168.0.2", virtual_ip: "192.168.9.9" } });
  });

  it.each([
    ["in_use", "in_use"],
    ["unmanaged", "unmanaged"],
  ] as const)("refuses IP changes while %s (DBS.06025028) but allows a rename", async (_what, status) => {
    const [id] = await addHosts(emu, [hostEntry("10.0.0.1", dc)]);
    if (status === "in_use") emu.ctx.state.markHostsInUse([id!], { id: "inst-1", name: "db1" });
    else emu.ctx.state.data.hosts[id!]!.status = "unmanaged";
    const r = await emu.api("PUT", "/gaussdb/v3/hosts", { hosts: [{ manage_ip: "10.0.0.1", data_ip: "192.168.5.5" }] });
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe("DBS.06025028");
    const same = await emu.api("PUT", "/gaussdb/v3/hosts", { hosts: [{ manage_ip: "10.0.0.1", data_ip: "192.168.0.1", name: "new" }] });
    expect(same.status).toBe(200);
  });

  it("refuses moving an in_use host to another data center (DBS.06025028)", async () => {
    const [id] = await addHosts(emu, [hostEntry("10.0.0.1", dc)]);
    const dc2 = await createDataCenter(emu, "AZ2");
    emu.ctx.state.markHostsInUse([id!], { id: "inst-1", name: "db1" });
    const r = await emu.api("PUT", "/gaussdb/v3/hosts", { hosts: [{ manage_ip: "10.0.0.1", data_center_id: dc2 }] });
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe("DBS.06025028");
    expect((await emu.api("PUT", "/gaussdb/v3/hosts", { hosts: [{ manage_ip: "10.0.0.1", data_center_id: dc }] })).status).toBe(200);
  });

  it.each([
    ["an unknown manage_ip", { hosts: [{ manage_ip: "10.9.9.9", name: "x" }] }, "DBS.06025031"],
    ["an unknown data center", { hosts: [{ manage_ip: "10.0.0.1", data_center_id: "nope" }] }, "DBS.06025058"],
    ["an unknown key pair", { hosts: [{ manage_ip: "10.0.0.1", ssh_key_id: "nope" }] }, "DBS.200044"],
    ["a long name", { hosts: [{ manage_ip: "10.0.0.1", name: "n".repeat(65) }] }, "DBS.06025024"],
    ["a bad data_ip", { hosts: [{ manage_ip: "10.0.0.1", data_ip: "999.1.1.1" }] }, "DBS.280001"],
    ["a duplicate in the batch", { hosts: [{ manage_ip: "10.0.0.1" }, { manage_ip: "10.0.0.1" }] }, "DBS.06025027"],
    ["more than 50 hosts", { hosts: Array.from({ length: 51 }, (_, i) => ({ manage_ip: `10.0.1.${i}` })) }, "DBS.06025010"],
  ])("refuses %s", async (_what, body, code) => {
    await addHosts(emu, [hostEntry("10.0.0.1", dc)]);
    const r = await emu.api("PUT", "/gaussdb/v3/hosts", body);
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
    expect((await emu.api("GET", "/gaussdb/v3/hosts")).body.hosts[0].name).toBe("host-1");
  });
});

describe("reference 4.9.4 DELETE /gaussdb/v3/hosts", () => {
  it("deletes with the example request (password): 202, deleting, then gone", async () => {
    await emu.control.setTimeScale(0.02);
    const [id] = await addHosts(emu, [hostEntry("100.72.236.1", dc)]);
    const r = await emu.api("DELETE", "/gaussdb/v3/hosts", { hosts: [{ manage_ip: "100.72.236.1", ssh_port: 22, os_root_pwd: "Test_345612" }] });
    expect(r.status).toBe(202);
    expect(r.body).toEqual({ job_id: expect.any(String), hosts: [{ id, manage_ip: "100.72.236.1" }] });
    expect((await emu.api("GET", "/gaussdb/v3/hosts")).body.hosts[0].status).toBe("deleting");
    // deleting hosts cannot be deleted again
    const again = await emu.api("DELETE", "/gaussdb/v3/hosts", { hosts: [{ manage_ip: "100.72.236.1", ssh_port: 22, os_root_pwd: "x" }] });
    expect(again.body.error_code).toBe("DBS.06025029");
    expect((await emu.waitJob(r.body.job_id)).status).toBe("Completed");
    expect((await emu.api("GET", "/gaussdb/v3/hosts")).body.total_count).toBe(0);
  });

  it("deletes a key-onboarded host without credentials, and with ssh_key_id (the reference's examples)", async () => {
    const key = insertKeyPair(emu);
    await addHosts(emu, [
      hostEntry("10.0.0.1", dc, { os_root_pwd: undefined, ssh_key_id: key }),
      hostEntry("10.0.0.2", dc, { os_root_pwd: undefined, ssh_key_id: key }),
    ]);
    const r = await emu.api("DELETE", "/gaussdb/v3/hosts", {
      hosts: [{ manage_ip: "10.0.0.1", ssh_port: 22 }, { manage_ip: "10.0.0.2", ssh_port: 22, ssh_key_id: key }],
    });
    expect(r.status).toBe(202);
    await emu.waitJob(r.body.job_id);
    expect((await emu.api("GET", "/gaussdb/v3/hosts")).body.total_count).toBe(0);
  });

  it("marks hosts delete_failed when the job fails, and they can be deleted again", async () => {
    await addHosts(emu, [hostEntry("10.0.0.1", dc)]);
    await emu.control.nextJob({ name: "RemoveHosts", outcome: "fail", failReason: "ssh timeout" });
    const body = { hosts: [{ manage_ip: "10.0.0.1", ssh_port: 22, os_root_pwd: "Test_345612" }] };
    const r = await emu.api("DELETE", "/gaussdb/v3/hosts", body);
    expect((await emu.waitJob(r.body.job_id)).status).toBe("Failed");
    expect((await emu.api("GET", "/gaussdb/v3/hosts")).body.hosts[0]).toMatchObject({ status: "delete_failed" });
    const retry = await emu.api("DELETE", "/gaussdb/v3/hosts", body);
    expect(retry.status).toBe(202);
    await emu.waitJob(retry.body.job_id);
    expect((await emu.api("GET", "/gaussdb/v3/hosts")).body.total_count).toBe(0);
  });

  it("refuses hosts in use by an instance, and frees them when the instance releases them", async () => {
    const [id] = await addHosts(emu, [hostEntry("10.0.0.1", dc)]);
    emu.ctx.state.markHostsInUse([id!], { id: "inst-1", name: "db1" });
    const h = (await emu.api("GET", "/gaussdb/v3/hosts")).body.hosts[0];
    expect(h).toMatchObject({ status: "in_use", instance_id: "inst-1", instance_name: "db1", node_id: expect.any(String) });
    const body = { hosts: [{ manage_ip: "10.0.0.1", ssh_port: 22, os_root_pwd: "Test_345612" }] };
    const r = await emu.api("DELETE", "/gaussdb/v3/hosts", body);
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe("DBS.06025029");
    emu.ctx.state.freeHostsOfInstance("inst-1");
    expect((await emu.api("DELETE", "/gaussdb/v3/hosts", body)).status).toBe(202);
  });

  it("refuses initializing hosts", async () => {
    await emu.control.nextJob({ name: "AddHosts", outcome: "hang" });
    await emu.api("POST", "/gaussdb/v3/hosts", { hosts: [hostEntry("10.0.0.1", dc)] });
    const r = await emu.api("DELETE", "/gaussdb/v3/hosts", { hosts: [{ manage_ip: "10.0.0.1", ssh_port: 22, os_root_pwd: "x" }] });
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe("DBS.06025029");
  });

  it.each([
    ["an unknown manage_ip", [{ manage_ip: "10.9.9.9", ssh_port: 22, os_root_pwd: "x" }], "DBS.06025031"],
    ["a reserved ssh_port", [{ manage_ip: "10.0.0.1", ssh_port: 8002, os_root_pwd: "x" }], "DBS.06025026"],
    ["the wrong ssh_port", [{ manage_ip: "10.0.0.1", ssh_port: 2222, os_root_pwd: "x" }], "DBS.06025063"],
    ["no credential for a password host", [{ manage_ip: "10.0.0.1", ssh_port: 22 }], "DBS.280001"],
    ["an unknown key pair", [{ manage_ip: "10.0.0.1", ssh_port: 22, ssh_key_id: "nope" }], "DBS.200044"],
    ["a missing ssh_port", [{ manage_ip: "10.0.0.1", os_root_pwd: "x" }], "DBS.280001"],
    ["a duplicate in the batch", [{ manage_ip: "10.0.0.1", ssh_port: 22, os_root_pwd: "x" }, { manage_ip: "10.0.0.1", ssh_port: 22, os_root_pwd: "x" }], "DBS.06025027"],
    ["an empty list", [], "DBS.06025010"],
  ])("refuses %s", async (_what, hosts, code) => {
    await addHosts(emu, [hostEntry("10.0.0.1", dc)]);
    const r = await emu.api("DELETE", "/gaussdb/v3/hosts", { hosts });
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
    expect((await emu.api("GET", "/gaussdb/v3/hosts")).body.hosts[0].status).toBe("initialized");
  });
});
