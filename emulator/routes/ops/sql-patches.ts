import { z } from "zod";
import { DbsError, invalidParam } from "../../errors";
import type { ApiRequest, EmulatorContext, Router } from "../../router";
import { newUuid } from "../../state";
import { parseBody } from "../../validate";
import type { SqlPatchRecord } from "../../domain/ops/sql-records";
import { checkHint, checkPatchName } from "../../domain/ops/sql-rules";
import { getInstance, type GaussInstance } from "../instance/instance-model";
import { nodeOf } from "./sql-throttling";

// reference 4.6.4 table 4-261 (请求 Body 参数)
const createBody = z.object({
  // node_id "是 … 仅支持CN/DN节点 ID"
  node_id: z.string().min(1),
  // sql_id "是 … 慢SQL的unique_sql_id"
  sql_id: z.string().min(1),
  // patch_name "是" (1–63: checkPatchName)
  patch_name: z.string(),
  // hint "是" (1–1024, forbidden characters: checkHint)
  hint: z.string(),
  // enabled "否 Boolean 是否使能,默认为true"
  enabled: z.boolean().optional(),
});

// reference 4.6.5 table 4-265 (请求 Body 参数, of a GET)
const queryBody = z.object({ node_id: z.string().min(1), sql_id: z.string().min(1) });

// reference 4.6.6 table 4-270 (请求 Body 参数)
const handleBody = z.object({
  node_id: z.string().min(1),
  sql_id: z.string().min(1),
  patch_name: z.string(),
  // action "枚举值: open close drop"
  action: z.string(),
});

/** reference 4.6.4 / 4.6.6 响应示例 "Success / success": a text body. */
const SUCCESS = { status: 200, raw: { contentType: "text/plain", data: "success" } };

/**
 * The path's instance and the body's node: the instance exists (A.3 DBS.200002), the node is one of its database
 * nodes (table 4-261 node_id "仅支持CN/DN节点 ID"; A.3 DBS.216030 "当前节点不属于实例") and runs (A.3 DBS.216011
 * "实例节点状态不允许操作": a patch is SQL the node executes).
 */
function target(ctx: EmulatorContext, req: ApiRequest, nodeId: string, running: boolean): GaussInstance {
  const inst = getInstance(ctx, req.params.instance_id ?? "");
  nodeOf(inst, nodeId, "node_id");
  const node = inst.nodes.find((n) => n.id === nodeId);
  if (running && node?.status === "STOPPED") throw new DbsError(400, "DBS.216011", { field: "node_id", detail: `node ${nodeId} is stopped; start it first` });
  return inst;
}

/** The patch of a node's SQL id, if any. */
function patchOf(ctx: EmulatorContext, instanceId: string, nodeId: string, sqlId: string): SqlPatchRecord | undefined {
  return Object.values(ctx.state.data.sqlPatches).find((p) => p.instance_id === instanceId && p.node_id === nodeId && p.sql_id === sqlId);
}

/** SQL patches (reference 4.6.4 create, 4.6.5 query, 4.6.6 open / close / drop). */
export function register(r: Router, ctx: EmulatorContext): void {
  r.add("POST", "/gaussdb/v3/instances/{instance_id}/sql-patch", (req) => {
    const b = parseBody(createBody, req);
    checkPatchName(b.patch_name);
    checkHint(b.hint);
    const inst = target(ctx, req, b.node_id, true);
    // reference 4.6.4 错误示例 "Cannot accept sql patches with duplicate unique sql id." (code printed "DBS.2x": A.3 DBS.6013038 "SQL patch 错误")
    if (patchOf(ctx, inst.id, b.node_id, b.sql_id)) {
      throw new DbsError(400, "DBS.6013038", { field: "sql_id", detail: "Cannot accept sql patches with duplicate unique sql id." });
    }
    // A.3 DBS.6013035 "Patch名称重复": patch names are unique on a node (its catalog)
    if (Object.values(ctx.state.data.sqlPatches).some((p) => p.instance_id === inst.id && p.node_id === b.node_id && p.patch_name === b.patch_name)) {
      throw new DbsError(400, "DBS.6013035", { field: "patch_name", detail: `node ${b.node_id} already has a patch named ${b.patch_name}` });
    }
    const id = newUuid();
    ctx.state.data.sqlPatches[id] = { id, instance_id: inst.id, node_id: b.node_id, sql_id: b.sql_id, patch_name: b.patch_name, hint: b.hint, enabled: b.enabled ?? true, created: Date.now() };
    return SUCCESS;
  });

  r.add("GET", "/gaussdb/v3/instances/{instance_id}/sql-patch", (req) => {
    // 4.6.5 prints its parameters as a body of the GET; a client that cannot send one may use the query string
    const source = req.body === undefined && req.query.has("node_id") ? Object.fromEntries(req.query) : req.body;
    const b = parseBody(queryBody, { ...req, body: source });
    const inst = target(ctx, req, b.node_id, false);
    const p = patchOf(ctx, inst.id, b.node_id, b.sql_id);
    // A.3 DBS.200044 "访问资源不存在": the SQL id has no patch on the node
    if (!p) throw new DbsError(400, "DBS.200044", { field: "sql_id", detail: `node ${b.node_id} has no SQL patch for SQL id ${b.sql_id}` });
    // reference 4.6.5 table 4-266; example patch_status "enabled/disabled"
    return { status: 200, body: { patch_name: p.patch_name, hint: p.hint, patch_status: p.enabled ? "enabled" : "disabled" } };
  });

  r.add("POST", "/gaussdb/v3/instances/{instance_id}/handle-sql-patch", (req) => {
    const b = parseBody(handleBody, req);
    checkPatchName(b.patch_name);
    // reference 4.6.6 action "枚举值: open close drop"
    if (!["open", "close", "drop"].includes(b.action)) throw invalidParam("action", `${JSON.stringify(b.action)} is not open, close or drop (reference 4.6.6)`);
    const inst = target(ctx, req, b.node_id, true);
    const p = patchOf(ctx, inst.id, b.node_id, b.sql_id);
    if (!p) throw new DbsError(400, "DBS.200044", { field: "sql_id", detail: `node ${b.node_id} has no SQL patch for SQL id ${b.sql_id}` });
    // A.3 DBS.6013036 "无效的patch名称": the name does not name this SQL id's patch
    if (p.patch_name !== b.patch_name) throw new DbsError(400, "DBS.6013036", { field: "patch_name", detail: `the patch of SQL id ${b.sql_id} is ${p.patch_name}, not ${b.patch_name}` });
    if (b.action === "drop") delete ctx.state.data.sqlPatches[p.id];
    else p.enabled = b.action === "open";
    return SUCCESS;
  });
}
