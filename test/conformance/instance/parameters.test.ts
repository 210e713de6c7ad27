import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { activeInstance, resetDcs, showInstance } from "../instance-fixtures";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await emu.control.reset();
  resetDcs();
});

const get = (id: string) => emu.api("GET", `/gaussdb/v3.1/instances/${id}/configurations`);
const put = (id: string, body: unknown) => emu.api("PUT", `/gaussdb/v3/instances/${id}/configurations`, body);
const value = (body: any, name: string) => body.configuration_parameters.find((p: any) => p.name === name)?.value;

describe("reference 4.3.1 GET /gaussdb/v3.1/instances/{id}/configurations", () => {
  it("answers the template with the documented fields for a centralized instance", async () => {
    const { id } = await activeInstance(emu, "triset");
    const r = await get(id);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      datastore_version: "3.200.0",
      datastore_name: "GaussDB",
      created: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      updated: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
    });
    const params = r.body.configuration_parameters;
    expect(params.length).toBeGreaterThanOrEqual(30);
    for (const p of params) {
      expect(Object.keys(p).sort()).toEqual(["description", "name", "restart_required", "type", "value", "value_range"]);
      expect(p.name).not.toContain(":");
    }
    expect(params.find((p: any) => p.name === "max_connections")).toEqual({
      name: "max_connections",
      value: "5000",
      restart_required: true,
      value_range: "10-262143",
      type: "integer",
      description: expect.any(String),
    });
    expect(params.find((p: any) => p.name === "enable_tsdb")).toBeUndefined();
  });

  it("prefixes distributed parameters with cn: and dn: (the example's cn:enable_tsdb)", async () => {
    const { id } = await activeInstance(emu, "hcs2");
    const r = await get(id);
    const names: string[] = r.body.configuration_parameters.map((p: any) => p.name);
    expect(names.every((n) => n.startsWith("cn:") || n.startsWith("dn:"))).toBe(true);
    expect(names).toContain("cn:enable_tsdb");
    expect(value(r.body, "cn:max_connections")).toBe("800");
    expect(value(r.body, "dn:max_connections")).toBe("5000");
  });

  it("follows the engine version: 3.100.0 has no enable_thread_pool", async () => {
    const { id } = await activeInstance(emu, "single", { datastore: { type: "GaussDB", version: "3.100.0" } });
    const r = await get(id);
    expect(r.body.datastore_version).toBe("3.100.0");
    expect(value(r.body, "enable_thread_pool")).toBeUndefined();
  });

  it("answers DBS.200002 for an unknown instance", async () => {
    const r = await get("0".repeat(32) + "in14");
    expect([r.status, r.body.error_code]).toEqual([400, "DBS.200002"]);
  });
});

describe("reference 4.3.2 PUT /gaussdb/v3/instances/{id}/configurations", () => {
  it("sets failed_login_attempts to 4 (the example): 200, restart_required false, value after the job", async () => {
    const { id } = await activeInstance(emu, "single");
    const r = await put(id, { values: { failed_login_attempts: "4" } });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ restart_required: false, job_id: expect.any(String) });
    const job = await emu.waitJob(r.body.job_id);
    expect(job).toMatchObject({ name: "ModifyGaussDBInstanceParameters", status: "Completed", instance_id: id });
    expect(value((await get(id)).body, "failed_login_attempts")).toBe("4");
  });

  it("reports restart_required for a static parameter and keeps the instance ACTIVE", async () => {
    const { id } = await activeInstance(emu, "single");
    const r = await put(id, { values: { max_connections: "6000", work_mem: "131072" } });
    expect(r.body.restart_required).toBe(true);
    await emu.waitJob(r.body.job_id);
    const body = (await get(id)).body;
    expect([value(body, "max_connections"), value(body, "work_mem")]).toEqual(["6000", "131072"]);
    expect((await showInstance(emu, id)).status).toBe("ACTIVE");
    // setting a static parameter to its current value needs no restart
    expect((await put(id, { values: { max_connections: "6000" } })).body.restart_required).toBe(false);
  });

  it("takes cn:/dn: names on a distributed instance and refuses bare ones", async () => {
    const { id } = await activeInstance(emu, "hcs2");
    const ok = await put(id, { values: { "cn:max_connections": "1000", "dn:work_mem": "8192" } });
    expect(ok.status).toBe(200);
    await emu.waitJob(ok.body.job_id);
    const body = (await get(id)).body;
    expect([value(body, "cn:max_connections"), value(body, "dn:max_connections"), value(body, "dn:work_mem")]).toEqual(["1000", "5000", "8192"]);
    const bare = await put(id, { values: { max_connections: "1000" } });
    expect([bare.status, bare.body.error_code]).toEqual([400, "DBS.200001"]);
    expect((await put(id, { values: { "dn:enable_tsdb": "on" } })).body.error_code).toBe("DBS.200001");
  });

  it.each([
    ["an unknown parameter", { values: { no_such_parameter: "1" } }, "DBS.200001"],
    ["a value above the range", { values: { max_connections: "262144" } }, "DBS.200001"],
    ["a value below the range", { values: { failed_login_attempts: "-1" } }, "DBS.200001"],
    ["a non-integer for an integer", { values: { work_mem: "64MB" } }, "DBS.200001"],
    ["a value outside the enum", { values: { wal_level: "replica" } }, "DBS.200001"],
    ["a boolean spelled true", { values: { autovacuum: "true" } }, "DBS.200001"],
    ["a number instead of a string", { values: { failed_login_attempts: 4 } }, "DBS.200001"],
    ["values that are not a map", { values: ["failed_login_attempts"] }, "DBS.200001"],
    ["a parameter of a later version", { values: { undo_retention_time: "60" } }, "DBS.200001"],
  ])("refuses %s", async (_, body, code) => {
    const { id } = await activeInstance(emu, "single");
    const r = await put(id, body);
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
    expect(r.body.error_msg).toEqual(expect.any(String));
  });

  it("refuses a missing body with DBS.200006 and a change on a stopped instance with DBS.216011", async () => {
    const { id } = await activeInstance(emu, "single");
    expect((await put(id, undefined)).body.error_code).toBe("DBS.200006");
    const stop = await emu.api("POST", `/gaussdb/v3/instances/${id}/db-stop`, { node_ids: [] });
    await emu.waitJob(stop.body.job_id);
    // every node stopped: A.3 DBS.216011 "实例节点状态不允许操作"
    expect((await put(id, { values: { failed_login_attempts: "4" } })).body.error_code).toBe("DBS.216011");
  });

  it("changes nothing for an absent or empty values (4.3.2 `values` \"否\"): 200 with restart_required false", async () => {
    const { id } = await activeInstance(emu, "single");
    for (const body of [{}, { values: {} }, { value: { failed_login_attempts: "4" } }]) {
      const r = await put(id, body);
      expect([r.status, r.body.restart_required]).toEqual([200, false]);
      expect((await emu.waitJob(r.body.job_id)).status).toBe("Completed");
    }
    const list = (await emu.api("GET", `/gaussdb/v3.1/instances/${id}/configurations`)).body.configuration_parameters;
    expect(list.find((p: { name: string }) => p.name === "failed_login_attempts").value).toBe("10");
  });

  it("answers 409 DBS.200019 while the previous change still runs", async () => {
    const { id } = await activeInstance(emu, "single");
    await emu.control.nextJob({ name: "ModifyGaussDBInstanceParameters", outcome: "hang" });
    expect((await put(id, { values: { failed_login_attempts: "4" } })).status).toBe(200);
    const r = await put(id, { values: { failed_login_attempts: "5" } });
    expect([r.status, r.body.error_code]).toEqual([409, "DBS.200019"]);
  });

  it("keeps changed values across an upgrade", async () => {
    const { id } = await activeInstance(emu, "single", { datastore: { type: "GaussDB", version: "3.103.0" } });
    await emu.waitJob((await put(id, { values: { failed_login_attempts: "4" } })).body.job_id);
    await emu.waitJob((await emu.api("PUT", `/gaussdb/v3.1/instances/${id}/db-upgrade`, { target_version: "3.200.0", upgrade_type: "inplace" })).body.job_id);
    const body = (await get(id)).body;
    expect(body.datastore_version).toBe("3.200.0");
    expect(value(body, "failed_login_attempts")).toBe("4");
    expect(value(body, "enable_ustore")).toBe("on");
  });
});
