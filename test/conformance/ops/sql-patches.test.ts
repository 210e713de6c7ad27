// Emulator conformance of reference 4.6.4–4.6.6 (SQL patches): the examples as printed (and how they are refused
// where they are not valid JSON or hold placeholders), one case per refusal (A.3 DBS.6013035–DBS.6013038,
// DBS.216030, DBS.216011), open / close / drop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { activeInstance } from "../instance-fixtures";
import { refused } from "../database/fixtures";
import { getWithBody } from "./sql-fixtures";

let emu: TestEmulator;
let id: string;
let node: string;
beforeAll(async () => {
  emu = await startTestEmulator();
  id = (await activeInstance(emu, "single")).id;
  node = (emu.ctx.state.data.instances[id] as any).nodes[0].id;
});
afterAll(async () => emu?.close());

const create = (body: unknown) => emu.api("POST", `/gaussdb/v3/instances/${id}/sql-patch`, body);
const query = (sqlId: string) => getWithBody(emu, `/gaussdb/v3/instances/${id}/sql-patch`, { node_id: node, sql_id: sqlId });
const handle = (body: unknown) => emu.api("POST", `/gaussdb/v3/instances/${id}/handle-sql-patch`, body);
let n = 0;
const sql = () => `28f61af50fc9452aa0ed5ea25c3cc${String(++n).padStart(3, "0")}`;
const success = (r: { status: number; body: unknown }) => {
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  // reference 4.6.4 / 4.6.6 响应示例 "Success / success"
  expect(r.body).toBe("success");
};

describe("reference 4.6.4 POST /gaussdb/v3/instances/{instance_id}/sql-patch", () => {
  it("refuses the example as printed (a comma before the closing brace: malformed JSON, DBS.200001); without it, and on the instance's node, 200", async () => {
    // reference 4.6.4 请求示例, verbatim
    const printed = `{
    "node_id" : "d8e6ca5a624745bcb546a227aa3ae1cfin14",
    "sql_id" : "28f61af50fc9452aa0ed5ea25c3cc3d3",
    "patch_name" : "patch1",
    "hint" : "indexscan(t1)",
}`;
    refused(await create(printed), 400, "DBS.200001");
    // as JSON, its node_id ("…in14", an instance id) is not a node of the instance
    refused(await create(JSON.parse(printed.replace(",\n}", "\n}"))), 400, "DBS.216030");
    success(await create({ node_id: node, sql_id: "28f61af50fc9452aa0ed5ea25c3cc3d3", patch_name: "patch1", hint: "indexscan(t1)" }));
    // enabled "默认为true"
    expect((await query("28f61af50fc9452aa0ed5ea25c3cc3d3")).body).toEqual({ patch_name: "patch1", hint: "indexscan(t1)", patch_status: "enabled" });
  });

  it("refuses a second patch for the same SQL id with the example's message (DBS.6013038) and a taken name (DBS.6013035)", async () => {
    const r = await create({ node_id: node, sql_id: "28f61af50fc9452aa0ed5ea25c3cc3d3", patch_name: "patch2", hint: "indexscan(t1)" });
    refused(r, 400, "DBS.6013038");
    // reference 4.6.4 错误示例 "Cannot accept sql patches with duplicate unique sql id."
    expect(r.body.error_msg).toContain("Cannot accept sql patches with duplicate unique sql id.");
    refused(await create({ node_id: node, sql_id: sql(), patch_name: "patch1", hint: "indexscan(t1)" }), 400, "DBS.6013035");
  });

  it("takes enabled false; a 63-character name; a 1024-character hint", async () => {
    const s = sql();
    success(await create({ node_id: node, sql_id: s, patch_name: "p".repeat(63), hint: "h".repeat(1024), enabled: false }));
    expect((await query(s)).body.patch_status).toBe("disabled");
  });

  it.each([
    ["an empty patch_name", { patch_name: "" }, "DBS.6013036"],
    ["a 64-character patch_name", { patch_name: "p".repeat(64) }, "DBS.6013036"],
    ["an empty hint", { hint: "" }, "DBS.6013037"],
    ["a 1025-character hint", { hint: "h".repeat(1025) }, "DBS.6013037"],
    ...[" ", ";", "<", ">", "\\", '"', "{", "}", "[", "]", "~", "?", "!", "\n"].map((c) => [`a hint with ${JSON.stringify(c)}`, { hint: `indexscan(t1${c})` }, "DBS.6013037"] as [string, Record<string, unknown>, string]),
    ["no node_id", { node_id: undefined }, "DBS.280001"],
    ["no sql_id", { sql_id: undefined }, "DBS.280001"],
    ["no patch_name", { patch_name: undefined }, "DBS.280001"],
    ["no hint", { hint: undefined }, "DBS.280001"],
    ["enabled as a string", { enabled: "true" }, "DBS.280001"],
    ["a node of another instance", { node_id: "46d996fdda594f58b17fe509061e0893no14" }, "DBS.216030"],
  ])("refuses %s", async (_what, over, code) => {
    refused(await create({ node_id: node, sql_id: sql(), patch_name: `p_${n}`, hint: "indexscan(t1)", ...over }), 400, code);
  });

  it("accepts the hint characters the list does not name (parentheses, comma, quote ', =, *)", async () => {
    success(await create({ node_id: node, sql_id: sql(), patch_name: "chars", hint: "leading((t1,t2))rows(t1#'x'=*)" }));
  });

  it("refuses an unknown instance (DBS.200002), a stopped node (DBS.216011) and no body (DBS.200006)", async () => {
    refused(await emu.api("POST", "/gaussdb/v3/instances/nosuchinstancein14/sql-patch", { node_id: node, sql_id: sql(), patch_name: "x", hint: "x" }), 400, "DBS.200002");
    refused(await create(undefined), 400, "DBS.200006");
    const rec = (emu.ctx.state.data.instances[id] as any).nodes[0];
    rec.status = "STOPPED";
    try {
      refused(await create({ node_id: node, sql_id: sql(), patch_name: "stopped", hint: "x" }), 400, "DBS.216011");
    } finally {
      rec.status = "ACTIVE";
    }
  });
});

describe("reference 4.6.5 GET /gaussdb/v3/instances/{instance_id}/sql-patch (a body on a GET)", () => {
  it("the example's body (its node_id is an instance id: DBS.216030); a SQL id without a patch: DBS.200044; the query string is read too", async () => {
    // reference 4.6.5 请求示例
    refused(await getWithBody(emu, `/gaussdb/v3/instances/${id}/sql-patch`, { node_id: "d8e6ca5a624745bcb546a227aa3ae1cfin14", sql_id: "28f61af50fc9452aa0ed5ea25c3cc3d3" }), 400, "DBS.216030");
    refused(await query("no_such_sql"), 400, "DBS.200044");
    const viaQuery = await emu.api("GET", `/gaussdb/v3/instances/${id}/sql-patch?node_id=${node}&sql_id=28f61af50fc9452aa0ed5ea25c3cc3d3`);
    expect(viaQuery.body).toEqual({ patch_name: "patch1", hint: "indexscan(t1)", patch_status: "enabled" });
    refused(await emu.api("GET", `/gaussdb/v3/instances/${id}/sql-patch`), 400, "DBS.200006");
  });
});

describe("reference 4.6.6 POST /gaussdb/v3/instances/{instance_id}/handle-sql-patch", () => {
  it("the example's action \"open/close/drop\" is a placeholder (DBS.280001); close, open and drop", async () => {
    const s = sql();
    success(await create({ node_id: node, sql_id: s, patch_name: "toggle", hint: "indexscan(t1)" }));
    // reference 4.6.6 请求示例 "action": "open/close/drop"
    refused(await handle({ node_id: node, sql_id: s, patch_name: "toggle", action: "open/close/drop" }), 400, "DBS.280001");
    success(await handle({ node_id: node, sql_id: s, patch_name: "toggle", action: "close" }));
    expect((await query(s)).body.patch_status).toBe("disabled");
    success(await handle({ node_id: node, sql_id: s, patch_name: "toggle", action: "close" }));
    success(await handle({ node_id: node, sql_id: s, patch_name: "toggle", action: "open" }));
    expect((await query(s)).body.patch_status).toBe("enabled");
    // the name must be the patch's (A.3 DBS.6013036 "无效的patch名称")
    refused(await handle({ node_id: node, sql_id: s, patch_name: "other", action: "drop" }), 400, "DBS.6013036");
    refused(await handle({ node_id: node, sql_id: s, patch_name: "", action: "drop" }), 400, "DBS.6013036");
    success(await handle({ node_id: node, sql_id: s, patch_name: "toggle", action: "drop" }));
    refused(await query(s), 400, "DBS.200044");
    // dropped: nothing to drop again (A.3 DBS.200044)
    refused(await handle({ node_id: node, sql_id: s, patch_name: "toggle", action: "drop" }), 400, "DBS.200044");
    // the name is free again
    success(await create({ node_id: node, sql_id: s, patch_name: "toggle", hint: "indexscan(t2)" }));
  });

  it.each([
    ["an action in upper case", { action: "OPEN" }],
    ["no action", { action: undefined }],
    ["no node_id", { node_id: undefined }],
    ["no sql_id", { sql_id: undefined }],
  ])("refuses %s (DBS.280001)", async (_what, over) => {
    refused(await handle({ node_id: node, sql_id: "28f61af50fc9452aa0ed5ea25c3cc3d3", patch_name: "patch1", action: "open", ...over }), 400, "DBS.280001");
  });
});
