// Emulator conformance of reference 4.7 (SQL throttling): the examples of 4.7.1–4.7.4 as printed (and how they
// are refused where they break the section's own rules), one case per refusal of 4.7.1, the status model, the list
// filters and the state file.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { activeInstance, resetDcs } from "../instance-fixtures";
import { refused } from "../database/fixtures";
import { getWithBody } from "./sql-fixtures";

let emu: TestEmulator;
let id: string;
let node: string;
const NODE = "<the instance's node>";
beforeAll(async () => {
  emu = await startTestEmulator();
  id = (await activeInstance(emu, "single")).id;
  node = (emu.ctx.state.data.instances[id] as any).nodes[0].id;
});
afterAll(async () => emu?.close());

const tasks = () => `/gaussdb/v3/instances/${id}/limit-task`;
const list = (q = "") => emu.api("GET", `/gaussdb/v3/instances/${id}/limit-task-list${q}`);
/** A time `min` minutes from now as 4.7.1 writes it (yyyy-mm-ddThh:mm:ssZ). */
const at = (min: number) => new Date(Date.now() + min * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
/** The same instant with a +0800 zone, as the examples write it. */
const at8 = (min: number) => new Date(Date.now() + min * 60_000 + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, "+0800");

const sqlType = (over: Record<string, unknown> = {}) => ({
  task_scope: "SQL",
  start_time: at(1),
  end_time: at(60),
  limit_type: "SQL_TYPE",
  limit_type_value: "select",
  task_name: "test1",
  key_words: "table1,id",
  parallel_size: 100,
  databases: "test1",
  ...over,
});
const session = (over: Record<string, unknown> = {}) => ({
  task_name: "test",
  task_scope: "SESSION",
  limit_type: "SESSION_ACTIVE_MAX_COUNT",
  limit_type_value: "CPU_OR_MEMORY",
  cpu_utilization: 80,
  memory_utilization: 80,
  parallel_size: 100,
  ...over,
});
const sqlId = (over: Record<string, unknown> = {}) => ({
  task_scope: "SQL",
  start_time: at(1),
  end_time: at(60),
  limit_type: "SQL_ID",
  limit_type_value: "39b6a1a",
  task_name: "test1",
  sql_model: "select * from a where b = ?",
  parallel_size: 100,
  databases: "test1",
  node_infos: [{ node_id: NODE, sql_id: "39b6a1a" }],
  ...over,
});
/** The body with the instance's node in place of NODE (the tables are built before the instance exists). */
const fill = (body: Record<string, unknown>) => JSON.parse(JSON.stringify(body).replaceAll(NODE, node));

describe("reference 4.7.1 POST /gaussdb/v3/instances/{instance_id}/limit-task: the examples", () => {
  it("refuses the examples' 2023 windows (start_time more than two minutes ago); moved to now they are taken", async () => {
    // reference 4.7.1 请求示例 (third): SESSION with "start_time" : "2023-06-06T01:47:20+0800"
    refused(await emu.api("POST", tasks(), session({ start_time: "2023-06-06T01:47:20+0800", end_time: "2023-06-07T01:47:20+0800" })), 400, "DBS.280001");
    const r = await emu.api("POST", tasks(), session({ start_time: at8(0), end_time: at8(60) }));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ task_scope: "SESSION", task_name: "test", limit_type: "SESSION_ACTIVE_MAX_COUNT", limit_type_value: "CPU_OR_MEMORY", status: "CREATING", instance_id: id, parallel_size: 100, cpu_utilization: 80, memory_utilization: 80 });
    expect(r.body.task_id).toMatch(/^[0-9a-f]{32}$/);
    expect(r.body.rule_name).toEqual(expect.any(String));
    // "与请求参数相同": the times come back as sent
    expect(r.body.start_time).toMatch(/\+0800$/);
    expect(r.body).not.toHaveProperty("key_words");
    expect(r.body).not.toHaveProperty("sql_model");
  });

  it("the SQL_TYPE example: key_words come back as an array (table 4-276), databases as sent", async () => {
    const r = await emu.api("POST", tasks(), sqlType());
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ limit_type: "SQL_TYPE", limit_type_value: "select", key_words: ["table1", "id"], databases: "test1" });
    expect(r.body).not.toHaveProperty("cpu_utilization");
  });

  it("the SQL_ID example: its node 46d996…no14 is not a node of the instance (DBS.216030); with the instance's node it is taken", async () => {
    refused(await emu.api("POST", tasks(), sqlId({ node_infos: [{ node_id: "46d996fdda594f58b17fe509061e0893no14", sql_id: "39b6a1a" }] })), 400, "DBS.216030");
    const r = await emu.api("POST", tasks(), fill(sqlId()));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ sql_model: "select * from a where b = ?", node_infos: [{ node_id: node, sql_id: "39b6a1a" }] });
  });
});

describe("reference 4.7.1: one case per rule", () => {
  it.each([
    ["task_scope other than SQL or SESSION", sqlType({ task_scope: "TABLE" })],
    ["a SESSION type in scope SQL", sqlType({ limit_type: "SESSION_ACTIVE_MAX_COUNT" })],
    ["a SQL type in scope SESSION", session({ limit_type: "SQL_TYPE" })],
    ["a task_name with a hyphen", sqlType({ task_name: "my-task" })],
    ["an empty task_name", sqlType({ task_name: "" })],
    ["scope SQL without start_time", sqlType({ start_time: undefined })],
    ["scope SQL without end_time", sqlType({ end_time: undefined })],
    ["start_time three minutes ago", sqlType({ start_time: at(-3) })],
    ["end_time equal to start_time", sqlType({ start_time: at(5), end_time: at(5) })],
    ["end_time before start_time", sqlType({ start_time: at(5), end_time: at(4) })],
    ["a time with milliseconds", sqlType({ start_time: new Date(Date.now() + 60_000).toISOString() })],
    ["a time with a +08:00 zone", sqlType({ start_time: at8(1).replace("+0800", "+08:00") })],
    ["a time that is no calendar day", sqlType({ start_time: "2999-02-30T00:00:00Z" })],
    ["SQL_TYPE value SELECT (upper case)", sqlType({ limit_type_value: "SELECT" })],
    ["SQL_TYPE value truncate", sqlType({ limit_type_value: "truncate" })],
    ["SQL_TYPE without key_words", sqlType({ key_words: undefined })],
    ["SQL_TYPE with one keyword", sqlType({ key_words: "table1" })],
    ["SQL_TYPE with 101 keywords", sqlType({ key_words: Array.from({ length: 101 }, (_, i) => `k${i}`).join(",") })],
    ["a keyword of one character", sqlType({ key_words: "a,id" })],
    ["a keyword of 65 characters", sqlType({ key_words: `${"k".repeat(65)},id` })],
    ['a keyword with "', sqlType({ key_words: 'ta"ble,id' })],
    ["a keyword with \\", sqlType({ key_words: "ta\\ble,id" })],
    ["a keyword with {", sqlType({ key_words: "ta{ble,id" })],
    ["an empty keyword", sqlType({ key_words: "table1,,id" })],
    ["a keyword with a blank inside", sqlType({ key_words: "my table,id" })],
    ["SQL_TYPE without databases", sqlType({ databases: undefined })],
    ["SQL_ID without sql_model", sqlId({ sql_model: undefined })],
    ["SQL_ID without node_infos", sqlId({ node_infos: undefined })],
    ["SQL_ID with an empty node_infos", sqlId({ node_infos: [] })],
    ["SQL_ID whose node sql_id differs from limit_type_value", sqlId({ node_infos: [{ node_id: NODE, sql_id: "other" }] })],
    ["SESSION value other than CPU_OR_MEMORY", session({ limit_type_value: "CPU" })],
    ["SESSION without cpu_utilization", session({ cpu_utilization: undefined })],
    ["SESSION without memory_utilization", session({ memory_utilization: undefined })],
    ["cpu_utilization 100", session({ cpu_utilization: 100 })],
    ["memory_utilization -1", session({ memory_utilization: -1 })],
    ["cpu_utilization 50.5", session({ cpu_utilization: 50.5 })],
    ["cpu and memory thresholds both 0", session({ cpu_utilization: 0, memory_utilization: 0 })],
    ["parallel_size -1", session({ parallel_size: -1 })],
    ["parallel_size 2147483648", session({ parallel_size: 2147483648 })],
    ["no parallel_size", session({ parallel_size: undefined })],
    ["no task_name", session({ task_name: undefined })],
    ["no limit_type_value", session({ limit_type_value: undefined })],
  ])("refuses %s (400 DBS.280001)", async (_what, body) => {
    refused(await emu.api("POST", tasks(), fill(body)), 400, "DBS.280001");
  });

  it.each([
    ["start_time within the two minutes before now", sqlType({ start_time: at(-1) })],
    ["letters, digits, _ and $ in task_name", sqlType({ task_name: "Nightly_$report_2" })],
    ["blanks before and after keywords (dropped)", sqlType({ key_words: " table1 , id " })],
    ["100 keywords of 64 characters", sqlType({ key_words: Array.from({ length: 100 }, (_, i) => `${i}`.padStart(64, "k")).join(",") })],
    ["one threshold 0, the other not", session({ cpu_utilization: 0, memory_utilization: 99 })],
    ["parallel_size 0 and 2147483647", session({ parallel_size: 0 })],
    ["SESSION without a window", session()],
    ["SESSION with start_time only", session({ start_time: at(10) })],
    ["key_words with SQL_ID (ignored, not echoed)", sqlId({ key_words: "a" })],
  ])("accepts %s", async (_what, body) => {
    const r = await emu.api("POST", tasks(), fill(body));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    if ((body as { key_words?: string }).key_words === " table1 , id ") expect(r.body.key_words).toEqual(["table1", "id"]);
    if ((body as { limit_type: string }).limit_type === "SQL_ID") expect(r.body).not.toHaveProperty("key_words");
  });

  it("refuses an unknown instance (DBS.200002) and a body that is no JSON object", async () => {
    refused(await emu.api("POST", "/gaussdb/v3/instances/nosuchinstancein14/limit-task", session()), 400, "DBS.200002");
    refused(await emu.api("POST", tasks(), undefined), 400, "DBS.200006");
  });
});

describe("reference 4.7.1 status, 4.7.3 GET …/limit-task-list, 4.7.2 DELETE …/limit-task/{task_id}", () => {
  it("a task shows CREATING, then WAIT_EXCUTE before its window, EXCUTING inside, TIME_OVER after", async () => {
    const r = await emu.api("POST", tasks(), sqlType({ task_name: "status_model", start_time: at(30), end_time: at(60) }));
    const t = r.body.task_id as string;
    const status = async () => (await list("?task_name=status_model&limit=100")).body.limit_task_list.find((x: any) => x.task_id === t)?.status;
    await new Promise((res) => setTimeout(res, 30)); // CREATING lasts 10 s at time scale 1.0
    expect(await status()).toBe("WAIT_EXCUTE");
    const rec = emu.ctx.state.data.sqlLimitTasks[t]!;
    rec.start_time = at(-10);
    expect(await status()).toBe("EXCUTING");
    rec.end_time = at(-1);
    expect(await status()).toBe("TIME_OVER");
  });

  it("the list examples: limit_type filter, fuzzy task_name, the time range (%2B zone); offset/limit; key_words as a string", async () => {
    // reference 4.7.3 请求示例 "?offset=1&limit=10&limit_type=SQL_ID"
    const byType = await list("?offset=0&limit=10&limit_type=SQL_ID");
    expect(byType.status).toBe(200);
    expect(byType.body.limit_task_list.length).toBeGreaterThan(0);
    expect(byType.body.limit_task_list.every((x: any) => x.limit_type === "SQL_ID")).toBe(true);
    expect(byType.body).toMatchObject({ limit: 10, offset: 0, total_count: expect.any(Number) });
    // "&task_name=test": fuzzy, so test1 and test both match
    const named = await list("?offset=0&limit=100&task_name=test");
    expect(new Set(named.body.limit_task_list.map((x: any) => x.task_name))).toEqual(new Set(["test", "test1"]));
    const typed = named.body.limit_task_list.find((x: any) => x.limit_type === "SQL_TYPE");
    expect(typed.key_words).toBe("table1,id");
    // the third example's range: start_time=…%2B0000&end_time=…%2B0000
    const range = await list(`?offset=0&limit=10&start_time=${encodeURIComponent(at8(-24 * 60 * 365))}&end_time=${at(24 * 60).replace("Z", "%2B0000")}`);
    expect(range.status, JSON.stringify(range.body)).toBe(200);
    // the limit is 1..100 (A.3 DBS.280439), the offset 0..10000
    refused(await list("?limit=101"), 400, "DBS.280439");
    refused(await list("?limit=0"), 400, "DBS.280439");
    refused(await list("?offset=10001"), 400, "DBS.280001");
    const first = await list("?limit=1");
    expect(first.body.limit_task_list).toHaveLength(1);
    expect((await list("")).body.limit).toBe(10);
    // the misprint SESION_ACTIVE_MAX_COUNT reads as SESSION_ACTIVE_MAX_COUNT
    const sessions = await list("?limit=100&limit_type=SESION_ACTIVE_MAX_COUNT");
    expect(sessions.body.limit_task_list.length).toBeGreaterThan(0);
    expect(sessions.body.limit_task_list.every((x: any) => x.limit_type === "SESSION_ACTIVE_MAX_COUNT")).toBe(true);
  });

  it("deletes a task (200, no body); an unknown task id answers 500 (4.7.2 prints only 500 as 异常)", async () => {
    const r = await emu.api("POST", tasks(), session({ task_name: "to_delete" }));
    const del = await emu.api("DELETE", `${tasks()}/${r.body.task_id}`);
    expect(del.status).toBe(200);
    expect(del.body).toBeUndefined();
    expect((await list("?task_name=to_delete")).body.total_count).toBe(0);
    // reference 4.7.2 请求示例 task_id "96854ba7-8d50-4a3c-8fd8-210a7390e9d1" (no such task here)
    refused(await emu.api("DELETE", `${tasks()}/96854ba7-8d50-4a3c-8fd8-210a7390e9d1`), 500, "DBS.280005");
  });
});

describe("reference 4.7.4 GET …/list-node-limit-sql-model", () => {
  it("lists the templates a node ran (put there through the control API), filtered by sql_model; the example's quoted node id", async () => {
    const seeded = await fetch(`${emu.origin}/__emulator/sql-templates`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ instance_id: id, node_id: node, sql_id: "59b6a1a278844ac48119d86512e0000", sql_model: "select * from table where id= ?" }),
    });
    expect(seeded.status).toBe(201);
    const base = `/gaussdb/v3/instances/${id}/list-node-limit-sql-model`;
    // reference 4.7.4 请求示例 "?node_id='46d996fdda594f58b17fe509061e0893no14'" (quoted); not a node of this instance
    refused(await emu.api("GET", `${base}?node_id='46d996fdda594f58b17fe509061e0893no14'`), 400, "DBS.216030");
    const r = await emu.api("GET", `${base}?node_id='${node}'`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ node_limit_sql_model_list: [{ sql_id: "59b6a1a278844ac48119d86512e0000", sql_model: "select * from table where id= ?" }], limit: 10, offset: 0, total_count: 1 });
    expect((await emu.api("GET", `${base}?node_id=${node}&sql_model=${encodeURIComponent("where id")}`)).body.total_count).toBe(1);
    expect((await emu.api("GET", `${base}?node_id=${node}&sql_model=update`)).body.total_count).toBe(0);
    refused(await emu.api("GET", `${base}?node_id=${node}&sql_model=${encodeURIComponent("a'b")}`), 400, "DBS.280001");
    refused(await emu.api("GET", base), 400, "DBS.280001");
    refused(await emu.api("GET", `${base}?node_id=${node}&limit=101`), 400, "DBS.280439");
  });
});

describe("the state file", () => {
  it("keeps tasks, patches and templates across a restart; they go with their instance", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sql-state-"));
    const stateFile = join(dir, "state.json");
    try {
      const a = await startTestEmulator({ stateFile });
      resetDcs();
      const inst = (await activeInstance(a, "single")).id;
      const n = (a.ctx.state.data.instances[inst] as any).nodes[0].id;
      const t = await a.api("POST", `/gaussdb/v3/instances/${inst}/limit-task`, session({ task_name: "kept" }));
      expect(t.status).toBe(200);
      expect((await a.api("POST", `/gaussdb/v3/instances/${inst}/sql-patch`, { node_id: n, sql_id: "123", patch_name: "p1", hint: "indexscan(t1)" })).status).toBe(200);
      await a.close();
      const b = await startTestEmulator({ stateFile });
      try {
        const l = await b.api("GET", `/gaussdb/v3/instances/${inst}/limit-task-list`);
        expect(l.body.limit_task_list.map((x: any) => x.task_id)).toEqual([t.body.task_id]);
        expect((await getWithBody(b, `/gaussdb/v3/instances/${inst}/sql-patch`, { node_id: n, sql_id: "123" })).body).toEqual({ patch_name: "p1", hint: "indexscan(t1)", patch_status: "enabled" });
        // dropped with the instance before the next state write
        delete b.ctx.state.data.instances[inst];
        b.ctx.state.save();
        expect(Object.values(b.ctx.state.data.sqlLimitTasks).filter((x) => x.instance_id === inst)).toEqual([]);
        expect(Object.values(b.ctx.state.data.sqlPatches).filter((x) => x.instance_id === inst)).toEqual([]);
      } finally {
        await b.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
