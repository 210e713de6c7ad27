// The emulator's daily inspections (reference 4.10) against the reference: every example request of 4.10.1–4.10.6,
// 4.10.9 and 4.10.12–4.10.15 (ids of objects the emulator generates replaced by real ones), one case per refusal,
// and the state file round trip.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type RawResponse, type TestEmulator } from "../../helpers/emulator";
import { activeInstance, resetDcs } from "../instance-fixtures";

let emu: TestEmulator;
let instanceId: string;
beforeAll(async () => {
  emu = await startTestEmulator();
  ({ id: instanceId } = await activeInstance(emu, "single"));
});
afterAll(async () => {
  await emu.close();
});

const T = "/gaussdb/v3/inspections";
const S = `${T}/scenes`;
const ITEMS = ["ae348ee4-5139-4777-8808-d68791549de3", "ad1b4bf5-7be8-4708-a10e-bee6a89f35fe"];

function refused(r: RawResponse, code: string, field?: string): void {
  expect({ status: r.status, code: r.body?.error_code }, JSON.stringify(r.body)).toEqual({ status: 400, code });
  if (field) expect(r.body.error_msg).toContain(field);
}
function success(r: RawResponse, status: number): void {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.body).toBe("success");
}

let n = 0;
const fresh = (p = "task") => `${p}_${++n}`;

/** A valid 4.10.2 body. */
const taskBody = (over: Record<string, unknown> = {}) => ({
  inspection_name: fresh(),
  instance_ids: [instanceId],
  inspection_scope: "weekly",
  inspection_policy: "periodic",
  inspection_period: "weekly",
  inspection_time: "01:00:00",
  inspection_day: "3",
  item_ids: ITEMS,
  ...over,
});

/** Creates a task and returns its 4.10.1 entry (4.10.2 answers no id). */
async function createTask(over: Record<string, unknown> = {}): Promise<any> {
  const body = taskBody(over);
  success(await emu.api("POST", T, body), 201);
  const r = await emu.api("GET", `${T}?limit=100&inspection_name=${encodeURIComponent(String(body.inspection_name))}`);
  expect(r.status).toBe(201);
  return r.body.inspections.find((t: any) => t.inspection_name === body.inspection_name);
}

describe("reference 4.10.2 POST /gaussdb/v3/inspections", () => {
  it("accepts the example as printed once its instance ids name instances: 201 success; listed by 4.10.1 with the example's fields", async () => {
    // reference 4.10.2 请求示例 (instance ids as printed name no instance: DBS.200002 "实例不存在")
    const example = {
      inspection_name: "inspection_test",
      instance_ids: ["619d3e78f61b4be68bc5aa0b59edcf7b", "219d3e78f61b4be68bc5aa0b59edcf7b"],
      inspection_scope: "daily",
      inspection_policy: "periodic",
      inspection_period: "daily",
      inspection_time: "01:00:00",
      item_ids: ["619d3e78f61b4be68bc5aa0b59edcf7b", "619d3e78f61b4be68bc5aa0b59edhf7b"],
    };
    refused(await emu.api("POST", T, example), "DBS.200002", "instance_ids[0]");
    success(await emu.api("POST", T, { ...example, instance_ids: [instanceId] }), 201);
    // reference 4.10.1 请求示例 GET …/inspections?limit=10&offset=0&inspection_name=inspection_test
    const r = await emu.api("GET", `${T}?limit=10&offset=0&inspection_name=inspection_test`);
    expect(r.status).toBe(201);
    expect(r.body.total_count).toBe(1);
    const [t] = r.body.inspections;
    expect(t).toMatchObject({ inspection_name: "inspection_test", inspection_scope: "daily", inspection_policy: "periodic", status: null, last_execute_time: null, scene: null });
    expect(t.id).toEqual(expect.any(String));
    expect(t.instance_names).toEqual(expect.any(String));
    expect(t.create_at).toEqual(expect.any(Number));
    // daily at 01:00:00 UTC: the next run is within a day
    expect(t.next_execute_time - Date.now()).toBeGreaterThan(0);
    expect(t.next_execute_time - Date.now()).toBeLessThanOrEqual(86_400_000);
    expect(new Date(t.next_execute_time).toISOString()).toMatch(/T01:00:00/);
  });

  it("a single task with period soon runs at once (立即执行): running, then completed", async () => {
    const t = await createTask({ inspection_scope: "real_time", inspection_policy: "single", inspection_period: "soon", inspection_day: undefined });
    expect(t.status).toBe("running");
    expect(t.last_execute_time).toEqual(expect.any(Number));
    await new Promise((r) => setTimeout(r, 150));
    const again = (await emu.api("GET", `${T}?limit=100&inspection_name=${t.inspection_name}`)).body.inspections[0];
    expect(again.status).toBe("completed");
  });

  it.each([
    ["weekly day 1", { inspection_day: "1" }],
    ["weekly day 7", { inspection_day: "7" }],
    ["monthly day 31", { inspection_scope: "monthly", inspection_period: "monthly", inspection_day: "31" }],
    ["daily day 0", { inspection_scope: "daily", inspection_period: "daily", inspection_day: "0" }],
    ["no day (the example omits it)", { inspection_day: undefined }],
    ["a fixed interval with any day (no values printed)", { inspection_period: "fixed", inspection_day: "99" }],
    ["a single later task with a day (only periodic tasks take one)", { inspection_policy: "single", inspection_period: "later", inspection_day: "9" }],
    ["a 4-character name", { inspection_name: "abcd" }],
    ["a 64-character name of letters, digits, - and _", { inspection_name: `a-_${"9".repeat(61)}` }],
    ["200 instances' worth of one instance", { instance_ids: Array(200).fill("") }],
    ["100 items", { item_ids: Array.from({ length: 100 }, (_, i) => `item-${i}`) }],
  ])("accepts %s", async (_what, over) => {
    const o = { ...over } as Record<string, unknown>;
    if (Array.isArray(o.instance_ids)) o.instance_ids = (o.instance_ids as string[]).map(() => instanceId);
    success(await emu.api("POST", T, taskBody(o)), 201);
  });

  it.each([
    ["no body", undefined, "DBS.200006", undefined],
    ["no name", { inspection_name: undefined }, "DBS.280001", "inspection_name"],
    ["a 3-character name", { inspection_name: "abc" }, "DBS.280001", "inspection_name"],
    ["a 65-character name", { inspection_name: `a${"b".repeat(64)}` }, "DBS.280001", "inspection_name"],
    ["a name starting with a digit", { inspection_name: "1task" }, "DBS.280001", "inspection_name"],
    ["a name starting with _", { inspection_name: "_task" }, "DBS.280001", "inspection_name"],
    ["a name with a blank", { inspection_name: "my task" }, "DBS.280001", "inspection_name"],
    ["a name with a non-ASCII letter", { inspection_name: "tâche" }, "DBS.280001", "inspection_name"],
    ["no instance ids", { instance_ids: undefined }, "DBS.280001", "instance_ids"],
    ["an empty instance list", { instance_ids: [] }, "DBS.280001", "instance_ids"],
    ["201 instances", { instance_ids: Array(201).fill("x") }, "DBS.280001", "instance_ids"],
    ["an unknown instance", { instance_ids: ["nosuchinstancein14"] }, "DBS.200002", "instance_ids[0]"],
    ["no scope", { inspection_scope: undefined }, "DBS.280001", "inspection_scope"],
    ["scope Weekly (enums are exact)", { inspection_scope: "Weekly" }, "DBS.280001", "inspection_scope"],
    ["scope hourly", { inspection_scope: "hourly" }, "DBS.280001", "inspection_scope"],
    ["no policy", { inspection_policy: undefined }, "DBS.280001", "inspection_policy"],
    ["policy once", { inspection_policy: "once" }, "DBS.280001", "inspection_policy"],
    ["no period", { inspection_period: undefined }, "DBS.280001", "inspection_period"],
    ["period yearly", { inspection_period: "yearly" }, "DBS.280001", "inspection_period"],
    ["a periodic task with period soon", { inspection_period: "soon" }, "DBS.280001", "inspection_period"],
    ["a periodic task with period later", { inspection_period: "later" }, "DBS.280001", "inspection_period"],
    ["a single task with period weekly", { inspection_policy: "single" }, "DBS.280001", "inspection_period"],
    ["a single task with period fixed", { inspection_policy: "single", inspection_period: "fixed" }, "DBS.280001", "inspection_period"],
    ["weekly day 0", { inspection_day: "0" }, "DBS.280001", "inspection_day"],
    ["weekly day 8", { inspection_day: "8" }, "DBS.280001", "inspection_day"],
    ["weekly day Mon", { inspection_day: "Mon" }, "DBS.280001", "inspection_day"],
    ["monthly day 32", { inspection_period: "monthly", inspection_day: "32" }, "DBS.280001", "inspection_day"],
    ["monthly day 0", { inspection_period: "monthly", inspection_day: "0" }, "DBS.280001", "inspection_day"],
    ["daily day 1 (按天执行则值固定为0)", { inspection_period: "daily", inspection_day: "1" }, "DBS.280001", "inspection_day"],
    ["a day as a number (String printed)", { inspection_day: 3 }, "DBS.280001", "inspection_day"],
    ["no items", { item_ids: undefined }, "DBS.280001", "item_ids"],
    ["an empty item list", { item_ids: [] }, "DBS.280001", "item_ids"],
    ["101 items", { item_ids: Array(101).fill("x") }, "DBS.280001", "item_ids"],
  ])("refuses %s", async (_what, over, code, field) => {
    refused(await emu.api("POST", T, over === undefined ? undefined : taskBody(over)), code, field);
  });
});

describe("reference 4.10.1 GET /gaussdb/v3/inspections", () => {
  it("pages, sorts (create_at desc by default; inspection_name asc) and filters by name and instance name", async () => {
    const prefix = fresh("listing");
    for (const s of ["c", "a", "b"]) await createTask({ inspection_name: `${prefix}_${s}` });
    const byDefault = (await emu.api("GET", `${T}?limit=100&inspection_name=${prefix}`)).body;
    expect(byDefault.total_count).toBe(3);
    expect(byDefault.inspections.map((t: any) => t.inspection_name)).toEqual([`${prefix}_b`, `${prefix}_a`, `${prefix}_c`]);
    const asc = (await emu.api("GET", `${T}?limit=2&offset=0&inspection_name=${prefix}&sort=inspection_name&order=asc`)).body;
    expect(asc.total_count).toBe(3);
    expect(asc.inspections.map((t: any) => t.inspection_name)).toEqual([`${prefix}_a`, `${prefix}_b`]);
    const instName = (emu.ctx.state.data.instances[instanceId] as { name: string }).name;
    const byInstance = (await emu.api("GET", `${T}?limit=100&inspection_name=${prefix}&instance_name=${encodeURIComponent(instName)}`)).body;
    expect(byInstance.total_count).toBe(3);
    expect(byInstance.inspections[0].instance_names).toBe(instName);
    expect((await emu.api("GET", `${T}?limit=100&inspection_name=${prefix}&instance_name=nosuchname`)).body.total_count).toBe(0);
  });

  it("filters by a creation range only when both ends are given (单独填写create_time_start不生效)", async () => {
    const t = await createTask();
    const fmt = (ms: number) => new Date(ms).toISOString().replace(/-/g, "/").replace("T", " ").slice(0, 19);
    const q = (extra: string) => emu.api("GET", `${T}?limit=100&inspection_name=${t.inspection_name}${extra}`);
    expect((await q(`&create_time_start=${encodeURIComponent(fmt(Date.now() + 3_600_000))}`)).body.total_count).toBe(1);
    const future = `&create_time_start=${encodeURIComponent(fmt(Date.now() + 3_600_000))}&create_time_end=${encodeURIComponent(fmt(Date.now() + 7_200_000))}`;
    expect((await q(future)).body.total_count).toBe(0);
    const around = `&create_time_start=${encodeURIComponent(fmt(Date.now() - 3_600_000))}&create_time_end=${encodeURIComponent(fmt(Date.now() + 3_600_000))}`;
    expect((await q(around)).body.total_count).toBe(1);
  });

  it.each([
    ["limit 0", "limit=0", "DBS.280439"],
    ["limit 101", "limit=101", "DBS.280439"],
    ["offset -1", "offset=-1", "DBS.280001"],
    ["sort by status", "sort=status", "DBS.280001"],
    ["order up", "order=up", "DBS.280001"],
    ["a name filter of 65 characters", `inspection_name=${"a".repeat(65)}`, "DBS.280001"],
    ["a creation time not like 2024/01/11 15:47:53", "create_time_start=2024-01-11", "DBS.280001"],
  ])("refuses %s", async (_what, query, code) => {
    refused(await emu.api("GET", `${T}?${query}`), code);
  });
});

describe("reference 4.10.5 GET and 4.10.6 PUT /gaussdb/v3/inspections/{inspection_id}", () => {
  it("answers the detail with the fields of table 4-398 (201)", async () => {
    const t = await createTask({ task_start_time: "2024-01-11T15:50:12+08:00" });
    // reference 4.10.5 请求示例 GET …/inspections/{inspection_id}
    const r = await emu.api("GET", `${T}/${t.id}`);
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      inspection_id: t.id,
      inspection_name: t.inspection_name,
      instance_ids: [instanceId],
      inspection_scope: "weekly",
      inspection_policy: "periodic",
      inspection_period: "weekly",
      inspection_day: "3",
      inspection_time: "01:00:00",
      item_ids: ITEMS,
      task_start_time: "2024-01-11T15:50:12+08:00",
    });
  });

  it("accepts 4.10.6's example as printed (period soon, which its enum omits): 201 success; the changes read back, the day kept", async () => {
    const t = await createTask();
    // reference 4.10.6 请求示例 (its instance id names no instance here: DBS.200002; then the test's instance)
    const example = {
      inspection_name: "test_3",
      instance_ids: ["9a60f8d8fb7942df89aa0f1d92e03a6ein14"],
      inspection_scope: "real_time",
      inspection_policy: "single",
      item_ids: ["ae348ee4-5139-4777-8808-d68791549de3", "ad1b4bf5-7be8-4708-a10e-bee6a89f35fe", "c4473978-73b0-43b8-b233-7aceca98507b", "12526548-a4ea-478b-b1bd-1dc2ff83cb5a", "b3dab237-c5e4-40da-8174-71182898a359", "1613f70e-27e3-426c-96f6-4834c883ab97"],
      inspection_period: "soon",
      task_start_time: "2024-01-04T19:53:33+08:00",
    };
    refused(await emu.api("PUT", `${T}/${t.id}`, example), "DBS.200002");
    success(await emu.api("PUT", `${T}/${t.id}`, { ...example, instance_ids: [instanceId] }), 201);
    const d = (await emu.api("GET", `${T}/${t.id}`)).body;
    expect(d).toMatchObject({ inspection_name: "test_3", inspection_scope: "real_time", inspection_policy: "single", inspection_period: "soon", inspection_day: "3", item_ids: example.item_ids, inspection_time: "01:00:00" });
  });

  it.each([
    ["no body", undefined, "DBS.200006"],
    ["no instance ids", { instance_ids: undefined }, "DBS.280001"],
    ["no period", { inspection_period: undefined }, "DBS.280001"],
    ["no items", { item_ids: undefined }, "DBS.280001"],
    ["a 3-character name", { inspection_name: "abc" }, "DBS.280001"],
    ["scope yearly", { inspection_scope: "yearly" }, "DBS.280001"],
    ["policy once", { inspection_policy: "once" }, "DBS.280001"],
    ["a period the kept policy does not take (periodic, soon)", { inspection_policy: undefined, inspection_period: "soon" }, "DBS.280001"],
    ["101 items", { item_ids: Array(101).fill("x") }, "DBS.280001"],
  ])("refuses %s, changing nothing", async (_what, over, code) => {
    const t = await createTask();
    const body = over === undefined ? undefined : { instance_ids: [instanceId], inspection_period: "weekly", item_ids: ITEMS, ...over };
    refused(await emu.api("PUT", `${T}/${t.id}`, body), code);
    expect((await emu.api("GET", `${T}/${t.id}`)).body).toMatchObject({ inspection_name: t.inspection_name, inspection_period: "weekly" });
  });

  it("refuses an unknown task (DBS.200044) and a 65-character id", async () => {
    refused(await emu.api("GET", `${T}/no-such-task`), "DBS.200044");
    refused(await emu.api("PUT", `${T}/no-such-task`, { instance_ids: [instanceId], inspection_period: "daily", item_ids: ITEMS }), "DBS.200044");
    refused(await emu.api("GET", `${T}/${"x".repeat(65)}`), "DBS.280001");
  });
});

describe("reference 4.10.4 POST /gaussdb/v3/inspections/{inspection_id}/start", () => {
  it("starts the task (201 success): running, last_execute_time set; an unknown task is DBS.200044", async () => {
    const t = await createTask();
    expect(t.status).toBeNull();
    success(await emu.api("POST", `${T}/${t.id}/start`), 201);
    const after = (await emu.api("GET", `${T}?limit=100&inspection_name=${t.inspection_name}`)).body.inspections[0];
    expect(after.status).toBe("running");
    expect(after.last_execute_time).toEqual(expect.any(Number));
    refused(await emu.api("POST", `${T}/no-such-task/start`), "DBS.200044");
  });
});

describe("reference 4.10.3 POST /gaussdb/v3/inspections/batch-delete", () => {
  it("deletes the listed tasks: success for each found, failure for an unknown id (inspction_id as printed)", async () => {
    const a = await createTask();
    const b = await createTask();
    // reference 4.10.3 请求示例 {"inspection_ids": [ "6b13d4ba7268438dbb4fe6869ab5fcf0", "d101c49ab9f64b0ca93e289d9b401d7f" ]}
    const printed = await emu.api("POST", `${T}/batch-delete`, { inspection_ids: ["6b13d4ba7268438dbb4fe6869ab5fcf0", "d101c49ab9f64b0ca93e289d9b401d7f"] });
    expect(printed.status).toBe(201);
    expect(printed.body.results).toEqual([
      { inspction_id: "6b13d4ba7268438dbb4fe6869ab5fcf0", result: "failure" },
      { inspction_id: "d101c49ab9f64b0ca93e289d9b401d7f", result: "failure" },
    ]);
    const r = await emu.api("POST", `${T}/batch-delete`, { inspection_ids: [a.id, b.id, "gone"] });
    expect(r.body.results).toEqual([
      { inspction_id: a.id, result: "success" },
      { inspction_id: b.id, result: "success" },
      { inspction_id: "gone", result: "failure" },
    ]);
    refused(await emu.api("GET", `${T}/${a.id}`), "DBS.200044");
  });

  it.each([
    ["no body", undefined, "DBS.200006"],
    ["no inspection_ids", {}, "DBS.280001"],
    ["ids not a list", { inspection_ids: "a" }, "DBS.280001"],
  ])("refuses %s", async (_what, body, code) => {
    refused(await emu.api("POST", `${T}/batch-delete`, body), code);
  });
});

describe("reference 4.10.9 GET /gaussdb/v3/inspections/items", () => {
  it("answers the categories of table 4-428 with their items; every id of the examples' scenes and tasks is one", async () => {
    // reference 4.10.9 请求示例 GET …/inspections/items
    const r = await emu.api("GET", `${T}/items`);
    expect(r.status).toBe(200);
    expect(r.body.inspections.map((c: any) => c.name)).toEqual(["诊断优化", "实例状态", "数据库资源", "数据库性能", "系统资源"]);
    const all = r.body.inspections.flatMap((c: any) => c.items);
    expect(Number(r.body.total_count)).toBe(all.length);
    for (const i of all) expect(i).toEqual({ id: expect.any(String), name: expect.any(String), description: expect.any(String) });
    expect(new Set(all.map((i: any) => i.id)).size).toBe(all.length);
    const ids = new Set(all.map((i: any) => i.id));
    for (const id of ["405e791367f3419fa262e75ccb202e5c", ...ITEMS, "c4473978-73b0-43b8-b233-7aceca98507b"]) expect(ids.has(id)).toBe(true);
  });
});

describe("reference 4.10.12–4.10.15 scenes", () => {
  const scene = async (name: string) => ((await emu.api("GET", S)).body.scenes as any[]).find((s) => s.name === name);

  it("4.10.12 lists the default scene Health Check (is_default) with every item of its example", async () => {
    // reference 4.10.12 请求示例 GET …/inspections/scenes
    const r = await emu.api("GET", S);
    expect(r.status).toBe(200);
    expect(r.body.total_count).toBe(r.body.scenes.length);
    const d = await scene("Health Check");
    expect(d).toMatchObject({ is_default: true, scene_id: expect.any(String) });
    expect(d.item_ids).toHaveLength(11);
  });

  it("4.10.13 accepts its example (200 success; the duplicate id kept as sent); 4.10.15 its example; 4.10.14 its example", async () => {
    // reference 4.10.13 请求示例
    success(await emu.api("POST", S, { name: "test_scenes", item_ids: ["405e791367f3419fa262e75ccb202e5c", "405e791367f3419fa262e75ccb202e5c"] }), 200);
    expect((await scene("test_scenes")).item_ids).toEqual(["405e791367f3419fa262e75ccb202e5c", "405e791367f3419fa262e75ccb202e5c"]);
    // 4.10.15's and 4.10.14's examples name the scene "test"
    success(await emu.api("POST", S, { name: "test", item_ids: ["x"] }), 200);
    // reference 4.10.15 请求示例 {"name":"test","item_ids":[…],"modify_name":"test"}
    success(await emu.api("PUT", S, { name: "test", item_ids: ["ae348ee4-5139-4777-8808-d68791549de3", "ad1b4bf5-7be8-4708-a10e-bee6a89f35fe"], modify_name: "test" }), 200);
    const changed = await scene("test");
    expect(changed.item_ids).toEqual(ITEMS);
    // reference 4.10.14 请求示例 {"names": ["test"]}
    const del = await emu.api("DELETE", S, { names: ["test"] });
    expect(del.status).toBe(200);
    expect(del.body.results).toEqual([{ inspection_id: changed.scene_id, result: "1" }]);
    expect(await scene("test")).toBeUndefined();
    expect((await emu.api("DELETE", S, { names: ["test"] })).body.results).toEqual([{ inspection_id: null, result: "0" }]);
  });

  it("4.10.15 renames (modify_name) and refuses a name another scene has", async () => {
    const a = fresh("scene");
    const b = fresh("scene");
    success(await emu.api("POST", S, { name: a, item_ids: ITEMS }), 200);
    success(await emu.api("POST", S, { name: b, item_ids: ITEMS }), 200);
    refused(await emu.api("PUT", S, { name: a, item_ids: ITEMS, modify_name: b }), "DBS.280001", "modify_name");
    const renamed = `${a}_x`;
    success(await emu.api("PUT", S, { name: a, item_ids: [ITEMS[0]], modify_name: renamed }), 200);
    expect(await scene(a)).toBeUndefined();
    expect((await scene(renamed)).item_ids).toEqual([ITEMS[0]]);
  });

  it("a scene whose items are a task's is the task's 4.10.1 scene; deleting it is not refused (no refusal printed): the task keeps its items", async () => {
    const name = fresh("usedscene");
    const items = ["37b40377-47e6-4392-9748-a567c5d068aa", "b2b89b48-bbd1-46e8-ad7d-012247a23d2f"];
    success(await emu.api("POST", S, { name, item_ids: items }), 200);
    const t = await createTask({ item_ids: [...items].reverse() });
    expect(t.scene).toBe(name);
    expect((await emu.api("DELETE", S, { names: [name] })).body.results[0].result).toBe("1");
    expect((await emu.api("GET", `${T}/${t.id}`)).body.item_ids).toEqual([...items].reverse());
    const after = (await emu.api("GET", `${T}?limit=100&inspection_name=${t.inspection_name}`)).body.inspections[0];
    expect(after.scene).toBeNull();
  });

  it.each([
    ["POST", "no body", undefined, "DBS.200006"],
    ["POST", "no name", { item_ids: ITEMS }, "DBS.280001"],
    ["POST", "a 3-character name", { name: "abc", item_ids: ITEMS }, "DBS.280001"],
    ["POST", "a 65-character name", { name: `a${"b".repeat(64)}`, item_ids: ITEMS }, "DBS.280001"],
    ["POST", "a name starting with a digit", { name: "9scene", item_ids: ITEMS }, "DBS.280001"],
    ["POST", "a name with a blank (as the default's)", { name: "Health Check 2", item_ids: ITEMS }, "DBS.280001"],
    ["POST", "no items", { name: "scene_x" }, "DBS.280001"],
    ["POST", "an empty item list", { name: "scene_x", item_ids: [] }, "DBS.280001"],
    ["POST", "101 items", { name: "scene_x", item_ids: Array(101).fill("x") }, "DBS.280001"],
    ["PUT", "no body", undefined, "DBS.200006"],
    ["PUT", "no modify_name", { name: "scene_x", item_ids: ITEMS }, "DBS.280001"],
    ["PUT", "a modify_name breaking the rule", { name: "scene_x", item_ids: ITEMS, modify_name: "x y" }, "DBS.280001"],
    ["PUT", "an unknown scene", { name: "no_such_scene", item_ids: ITEMS, modify_name: "no_such_scene" }, "DBS.200044"],
    ["PUT", "the default scene (its name breaks the printed rule)", { name: "Health Check", item_ids: ITEMS, modify_name: "Health_Check" }, "DBS.280001"],
    ["DELETE", "no body", undefined, "DBS.200006"],
    ["DELETE", "no names", {}, "DBS.280001"],
  ])("%s refuses %s", async (method, _what, body, code) => {
    refused(await emu.api(method, S, body), code);
  });

  it("4.10.13 refuses a taken name", async () => {
    const name = fresh("taken");
    success(await emu.api("POST", S, { name, item_ids: ITEMS }), 200);
    refused(await emu.api("POST", S, { name, item_ids: ITEMS }), "DBS.280001", "name");
  });
});

describe("state file", () => {
  it("keeps tasks and scenes across a restart, and a deleted default scene stays deleted", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tpops-inspections-"));
    const file = join(dir, "state.json");
    try {
      const a = await startTestEmulator({ stateFile: file });
      resetDcs(); // the fixtures remember the first emulator's data center
      const { id } = await activeInstance(a, "single");
      expect((await a.api("POST", S, { name: "kept_scene", item_ids: ITEMS })).status).toBe(200);
      expect((await a.api("DELETE", S, { names: ["Health Check"] })).status).toBe(200);
      expect((await a.api("POST", T, { ...taskBody(), inspection_name: "kept_task", instance_ids: [id] })).status).toBe(201);
      await a.close();
      const b = await startTestEmulator({ stateFile: file });
      try {
        const scenes = (await b.api("GET", S)).body.scenes.map((s: any) => s.name);
        expect(scenes).toEqual(["kept_scene"]);
        const tasks = (await b.api("GET", `${T}?inspection_name=kept_task`)).body.inspections;
        expect(tasks).toHaveLength(1);
        expect((await b.api("GET", `${T}/${tasks[0].id}`)).body).toMatchObject({ inspection_day: "3", item_ids: ITEMS });
      } finally {
        await b.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
