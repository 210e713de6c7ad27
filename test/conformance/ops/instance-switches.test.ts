// The emulator against reference 4.5.7/4.5.8 (WDR snapshot switch), 4.6.1–4.6.3 (intelligent O&M enrolment) and
// 4.11.1/4.11.2 (instance extension information): the examples as printed, one case per refusal, the state file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { SETUP_TIME_SCALE, TEST_TIME_SCALE, activeInstance, resetDcs } from "../instance-fixtures";
import { MANAGEABLE_LIMIT } from "../../../emulator/routes/ops/instance-switches";

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

const refused = (r: { status: number; body: any }, code: string, status = 400) => expect([r.status, r.body?.error_code], JSON.stringify(r.body)).toEqual([status, code]);
const DBMIND = { datastore: { type: "gaussdbv5-dbmind", version: "3.200.0" } };

const wdr = (id: string) => `/gaussdb/v3/instances/${id}/wdr-snapshot/status`;
const extend = (id: string) => `/gaussdb/v3/instances/${id}/extend-info`;

describe("4.5.7 / 4.5.8 WDR snapshot switch", () => {
  it("a new instance is OFF with no snapshot; the 4.5.8 example turns it ON (202 {}) and a snapshot appears", async () => {
    const { id } = await activeInstance(emu, "single");
    const before = await emu.api("GET", wdr(id));
    expect(before.status).toBe(200);
    // reference 4.5.7 "若内核未生成快照,则该值为空"
    expect(before.body).toEqual({ status: "OFF", start_time: null, end_time: null });
    // reference 4.5.8 请求示例 {"status" : "ON"}; 响应示例 202 {}
    const on = await emu.api("PUT", wdr(id), { status: "ON" });
    expect([on.status, on.body]).toEqual([202, {}]);
    const after = await emu.api("GET", wdr(id));
    expect(after.body.status).toBe("ON");
    // the 4.5.7 example's form "2023-07-24 18:38:10.119531+08"
    expect(after.body.start_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}\+00$/);
    expect(after.body.end_time).toBe(after.body.start_time);
  });

  it("status is case-insensitive (4.5.8 \"不区分大小写\"); OFF keeps the snapshots' times; repeating a state changes nothing", async () => {
    const { id } = await activeInstance(emu, "single");
    expect((await emu.api("PUT", wdr(id), { status: "on" })).status).toBe(202);
    expect((await emu.api("PUT", wdr(id), { status: "On" })).status).toBe(202);
    const on = (await emu.api("GET", wdr(id))).body;
    expect((await emu.api("PUT", wdr(id), { status: "off" })).status).toBe(202);
    const off = (await emu.api("GET", wdr(id))).body;
    expect(off).toEqual({ status: "OFF", start_time: on.start_time, end_time: on.end_time });
  });

  it.each([
    ["no body", undefined, "DBS.200006"],
    ["no status", {}, "DBS.280001"],
    ["status not in the enum", { status: "ENABLED" }, "DBS.280001"],
    ["status not a string", { status: true }, "DBS.280001"],
  ])("refuses %s", async (_t, body, code) => {
    const { id } = await activeInstance(emu, "single");
    refused(await emu.api("PUT", wdr(id), body), code);
    expect((await emu.api("GET", wdr(id))).body.status).toBe("OFF");
  });

  it("unknown instance: DBS.200002 on both calls; a stopped instance cannot switch (DBS.216011), a busy one answers 409", async () => {
    refused(await emu.api("GET", wdr("nosuchinstancein14")), "DBS.200002");
    refused(await emu.api("PUT", wdr("nosuchinstancein14"), { status: "ON" }), "DBS.200002");
    const { id } = await activeInstance(emu, "single");
    const restart = await emu.api("POST", `/gaussdb/v3/instances/${id}/restart`);
    expect(restart.status).toBe(202);
    refused(await emu.api("PUT", wdr(id), { status: "ON" }), "DBS.200019", 409);
    await emu.waitJob(restart.body.job_id);
    const inst = (await emu.api("GET", `/gaussdb/v3.1/instances?id=${id}`)).body.instances[0];
    const stop = await emu.api("POST", `/gaussdb/v3/instances/${id}/db-stop`, { node_ids: inst.nodes.map((n: { id: string }) => n.id) });
    expect(stop.status).toBe(202);
    await emu.waitJob(stop.body.job_id ?? stop.headers.get("job_id"));
    refused(await emu.api("PUT", wdr(id), { status: "ON" }), "DBS.216011");
    // reading the switch needs no running kernel
    expect((await emu.api("GET", wdr(id))).status).toBe(200);
  });
});

describe("4.6.1–4.6.3 intelligent O&M", () => {
  it("4.6.3 lists the gaussdbv5-dbmind instances (no token needed: X-Mini-Token 否), with managed_num and manageable_limit", async () => {
    const assist = await activeInstance(emu, "single", DBMIND);
    await activeInstance(emu, "single");
    // reference 4.6.3 请求示例 GET https://{endpoint}/rds/v3/db-assist/instances
    const r = await emu.api("GET", "/v3/db-assist/instances", undefined, { token: "" });
    expect(r.status).toBe(200);
    expect(r.body.total_count).toBe(1);
    expect(r.body.instances[0]).toMatchObject({ id: assist.id, engine_name: "gaussdbv5-dbmind", instance_status: "NORMAL", managed_num: 0, manageable_limit: MANAGEABLE_LIMIT, metadata_id: assist.id });
    expect((await emu.api("GET", `/v3/db-assist/instances?instance_id=${assist.id}&limit=1`)).body.instances).toHaveLength(1);
    expect((await emu.api("GET", "/v3/db-assist/instances?instance_name=nothing")).body.instances).toHaveLength(0);
    refused(await emu.api("GET", "/v3/db-assist/instances?limit=101"), "DBS.280439");
    refused(await emu.api("GET", "/v3/db-assist/instances?offset=-1"), "DBS.280001");
  });

  it("the 4.6.1 example shape enrols (202 job_id), 4.6.2 lists it managed, DISABLED withdraws it", async () => {
    const assist = await activeInstance(emu, "single", DBMIND);
    const a = await activeInstance(emu, "single");
    const b = await activeInstance(emu, "single");
    // reference 4.6.2 请求示例 ?db_assist_id=…&manage_type=…: both instances are enrollable
    const before = await emu.api("GET", `/v3/db-assist/manageable-instances?db_assist_id=${assist.id}&manage_type=DISABLED`);
    expect(before.status).toBe(200);
    expect(before.body.unmanaged_instances.map((i: { id: string }) => i.id).sort()).toEqual([a.id, b.id].sort());
    expect(before.body.managed_instances).toEqual([]);
    expect(before.body.unmanaged_instances[0]).toMatchObject({ manage_status: null, engine_name: "gaussdbv5", status: "ACTIVE" });
    // reference 4.6.1 请求示例 开启实例纳管 (the example's ids replaced by real ones)
    const r = await emu.api("POST", "/v3/db-assist/manage-instance", { db_assist_id: assist.id, instance_ids: [a.id, b.id], manage_type: "ENABLED" });
    expect(r.status).toBe(202);
    expect(typeof r.body.job_id).toBe("string");
    // the intelligent O&M instance runs one enrolment at a time
    refused(await emu.api("POST", "/v3/db-assist/manage-instance", { db_assist_id: assist.id, instance_ids: [a.id], manage_type: "DISABLED" }), "DBS.200019", 409);
    expect((await emu.waitJob(r.body.job_id)).status).toBe("Completed");
    const managed = await emu.api("GET", `/v3/db-assist/manageable-instances?db_assist_id=${assist.id}&manage_type=ENABLED`);
    expect(managed.body.total_count).toBe(2);
    expect(managed.body.managed_instances.every((i: { manage_status: string }) => i.manage_status === "ENABLED")).toBe(true);
    expect(managed.body.unmanaged_instances).toEqual([]);
    expect((await emu.api("GET", `/v3/db-assist/manageable-instances?manage_type=ENABLED&instance_id=${a.id}`)).body.total_count).toBe(1);
    expect((await emu.api("GET", "/v3/db-assist/instances")).body.instances[0].managed_num).toBe(2);
    const off = await emu.api("POST", "/v3/db-assist/manage-instance", { db_assist_id: assist.id, instance_ids: [a.id], manage_type: "DISABLED" });
    expect((await emu.waitJob(off.body.job_id)).status).toBe("Completed");
    const after = await emu.api("GET", `/v3/db-assist/manageable-instances?db_assist_id=${assist.id}&manage_type=ENABLED`);
    expect(after.body.managed_instances.map((i: { id: string }) => i.id)).toEqual([b.id]);
  });

  it("the 4.6.1 example as printed names ids that do not exist: DBS.200002", async () => {
    refused(
      await emu.api("POST", "/v3/db-assist/manage-instance", {
        db_assist_id: "6997795f659840d595232225d9a70d2din19",
        instance_ids: ["ad40c3ff2603429c9eb5511361047933in14", "ad40c3ff2603429c9eb5511361047933in15"],
        manage_type: "ENABLED",
      }),
      "DBS.200002",
    );
  });

  it.each([
    ["no body", undefined, "DBS.200006"],
    ["no db_assist_id", { instance_ids: [], manage_type: "ENABLED" }, "DBS.280001"],
    ["no instance_ids", { db_assist_id: "x", manage_type: "ENABLED" }, "DBS.280001"],
    ["manage_type not in the enum", { db_assist_id: "x", instance_ids: [], manage_type: "enabled" }, "DBS.280001"],
  ])("4.6.1 refuses %s", async (_t, body, code) => {
    refused(await emu.api("POST", "/v3/db-assist/manage-instance", body), code);
  });

  it("4.6.1 refuses a db_assist_id that is not an intelligent O&M instance, and an unknown instance id (DBS.200002)", async () => {
    const assist = await activeInstance(emu, "single", DBMIND);
    const a = await activeInstance(emu, "single");
    const notAssist = await emu.api("POST", "/v3/db-assist/manage-instance", { db_assist_id: a.id, instance_ids: [a.id], manage_type: "ENABLED" });
    refused(notAssist, "DBS.200002");
    expect(notAssist.body.error_msg).toMatch(/db_assist_id/);
    const unknown = await emu.api("POST", "/v3/db-assist/manage-instance", { db_assist_id: assist.id, instance_ids: [a.id, "nosuchin14"], manage_type: "ENABLED" });
    refused(unknown, "DBS.200002");
    expect(unknown.body.error_msg).toMatch(/instance_ids\[1\]/);
  });

  it(`enrols at most manageable_limit (${MANAGEABLE_LIMIT}) instances: DBS.06280028`, async () => {
    const assist = await activeInstance(emu, "single", DBMIND);
    // Records inserted directly: building nine instances through the API is setup, not the rule under test.
    const template = (await emu.api("GET", `/gaussdb/v3.1/instances?id=${assist.id}`)).body.instances[0];
    expect(template).toBeDefined();
    const store = emu.ctx.state.data.instances;
    const base = store[assist.id] as any;
    const ids = Array.from({ length: MANAGEABLE_LIMIT + 1 }, (_, i) => `limit${i}in14`);
    for (const id of ids) store[id] = { ...base, id, name: id, datastore: { type: "GaussDB", version: "3.200.0" }, nodes: [] };
    const eight = await emu.api("POST", "/v3/db-assist/manage-instance", { db_assist_id: assist.id, instance_ids: ids.slice(0, MANAGEABLE_LIMIT), manage_type: "ENABLED" });
    expect(eight.status).toBe(202);
    await emu.waitJob(eight.body.job_id);
    refused(await emu.api("POST", "/v3/db-assist/manage-instance", { db_assist_id: assist.id, instance_ids: [ids[MANAGEABLE_LIMIT]], manage_type: "ENABLED" }), "DBS.06280028");
    // enrolling one already enrolled does not count twice
    expect((await emu.api("POST", "/v3/db-assist/manage-instance", { db_assist_id: assist.id, instance_ids: [ids[0]], manage_type: "ENABLED" })).status).toBe(202);
  });

  it("4.6.2 shows as enrollable only instances of the intelligent O&M instance's architecture (\"架构一致\")", async () => {
    const assist = await activeInstance(emu, "single", DBMIND);
    const x86 = await activeInstance(emu, "single");
    (emu.ctx.state.data.instances[x86.id] as any).arch = "ARM";
    const same = await activeInstance(emu, "single");
    const listed = await emu.api("GET", `/v3/db-assist/manageable-instances?db_assist_id=${assist.id}&manage_type=DISABLED`);
    expect(listed.body.unmanaged_instances.map((i: { id: string }) => i.id)).toEqual([same.id]);
    // without db_assist_id every instance not enrolled anywhere
    expect((await emu.api("GET", "/v3/db-assist/manageable-instances?manage_type=DISABLED")).body.total_count).toBe(2);
  });

  it.each([
    ["no manage_type", "", "DBS.280001"],
    ["manage_type not in the enum", "manage_type=ALL", "DBS.280001"],
    ["limit 0", "manage_type=ENABLED&limit=0", "DBS.280439"],
    ["limit 101", "manage_type=ENABLED&limit=101", "DBS.280439"],
    ["offset -1", "manage_type=ENABLED&offset=-1", "DBS.280001"],
    ["unknown db_assist_id", "manage_type=ENABLED&db_assist_id=nosuchin19", "DBS.200002"],
  ])("4.6.2 refuses %s", async (_t, query, code) => {
    refused(await emu.api("GET", `/v3/db-assist/manageable-instances?${query}`), code);
  });

  it("an enrolled instance that is deleted leaves the list (and the state)", async () => {
    const assist = await activeInstance(emu, "single", DBMIND);
    const a = await activeInstance(emu, "single");
    const r = await emu.api("POST", "/v3/db-assist/manage-instance", { db_assist_id: assist.id, instance_ids: [a.id], manage_type: "ENABLED" });
    await emu.waitJob(r.body.job_id);
    delete emu.ctx.state.data.instances[a.id];
    emu.ctx.persist();
    expect((emu.ctx.state.data.instances[assist.id] as any).db_assist_managed).toEqual([]);
    expect((await emu.api("GET", `/v3/db-assist/manageable-instances?manage_type=ENABLED`)).body.total_count).toBe(0);
  });
});

describe("4.11.1 / 4.11.2 extension information", () => {
  it("the 4.11.1 example as printed has no braces (malformed JSON, DBS.200001); with them it is set, and 4.11.2's example reads it", async () => {
    const { id } = await activeInstance(emu, "single");
    // reference 4.11.1 请求示例, the body exactly as printed
    const printed = await emu.api("PUT", extend(id), '"key" : "BackupSet",\n"value" : "/etc/xbsa.conf"');
    refused(printed, "DBS.200001");
    const set = await emu.api("PUT", extend(id), { key: "BackupSet", value: "/etc/xbsa.conf" });
    // reference 4.11.1 响应示例 "无", 状态码 200
    expect([set.status, set.body]).toEqual([200, undefined]);
    // reference 4.11.2 请求示例 ?key=BackupSet; 响应示例 {"key" : "BackupSet", "value" : "/etc/xbsa.conf"}
    const got = await emu.api("GET", `${extend(id)}?key=BackupSet`);
    expect([got.status, got.body]).toEqual([200, { key: "BackupSet", value: "/etc/xbsa.conf" }]);
  });

  it("a key never set reads with value null; a set replaces the value; keys are independent and exact (case-sensitive)", async () => {
    const { id } = await activeInstance(emu, "single");
    expect((await emu.api("GET", `${extend(id)}?key=team`)).body).toEqual({ key: "team", value: null });
    await emu.api("PUT", extend(id), { key: "team", value: "orders" });
    await emu.api("PUT", extend(id), { key: "team", value: "payments" });
    await emu.api("PUT", extend(id), { key: "cost-center", value: "" });
    expect((await emu.api("GET", `${extend(id)}?key=team`)).body.value).toBe("payments");
    expect((await emu.api("GET", `${extend(id)}?key=Team`)).body.value).toBe(null);
    // reference 4.11.1 value "是 String": an empty string is a value
    expect((await emu.api("GET", `${extend(id)}?key=cost-center`)).body.value).toBe("");
  });

  it.each([
    ["no body", undefined, "DBS.200006"],
    ["no key", { value: "v" }, "DBS.280001"],
    ["no value", { key: "k" }, "DBS.280001"],
    ["value not a string", { key: "k", value: 3 }, "DBS.280001"],
  ])("4.11.1 refuses %s", async (_t, body, code) => {
    const { id } = await activeInstance(emu, "single");
    refused(await emu.api("PUT", extend(id), body), code);
  });

  it("4.11.2 needs key (\"是\"); unknown instances are DBS.200002", async () => {
    const { id } = await activeInstance(emu, "single");
    refused(await emu.api("GET", extend(id)), "DBS.280001");
    refused(await emu.api("GET", `${extend("nosuchin14")}?key=a`), "DBS.200002");
    refused(await emu.api("PUT", extend("nosuchin14"), { key: "a", value: "b" }), "DBS.200002");
  });
});

describe("state file", () => {
  it("keeps the WDR switch, the extension information and the enrolments across a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tpops-switches-"));
    const stateFile = join(dir, "state.json");
    try {
      const first = await startTestEmulator({ stateFile });
      let ids: { assist: string; a: string };
      try {
        const assist = await activeInstance(first, "single", DBMIND);
        const a = await activeInstance(first, "single");
        ids = { assist: assist.id, a: a.id };
        await first.control.setTimeScale(SETUP_TIME_SCALE);
        await first.api("PUT", wdr(a.id), { status: "ON" });
        await first.api("PUT", extend(a.id), { key: "owner", value: "dba-team" });
        const r = await first.api("POST", "/v3/db-assist/manage-instance", { db_assist_id: assist.id, instance_ids: [a.id], manage_type: "ENABLED" });
        await first.waitJob(r.body.job_id);
        await first.control.setTimeScale(TEST_TIME_SCALE);
      } finally {
        await first.close();
      }
      const second = await startTestEmulator({ stateFile });
      try {
        expect((await second.api("GET", wdr(ids.a))).body.status).toBe("ON");
        expect((await second.api("GET", `${extend(ids.a)}?key=owner`)).body.value).toBe("dba-team");
        const managed = await second.api("GET", `/v3/db-assist/manageable-instances?db_assist_id=${ids.assist}&manage_type=ENABLED`);
        expect(managed.body.managed_instances.map((i: { id: string }) => i.id)).toEqual([ids.a]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
