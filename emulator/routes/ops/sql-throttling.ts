import { z } from "zod";
import { DbsError, invalidParam } from "../../errors";
import type { ApiRequest, EmulatorContext, Router } from "../../router";
import { newHexId } from "../../state";
import { parseBody, parseQuery, queryInt } from "../../validate";
import type { LimitTaskNode, SqlLimitTaskRecord, SqlTemplateRecord } from "../../domain/ops/sql-records";
import {
  LIMIT_TYPES,
  SESSION_VALUE,
  SQL_TYPES,
  START_SLACK_MS,
  TASK_NAME,
  TASK_SCOPES,
  checkUtilization,
  parseKeyWords,
  parseTaskTime,
  pruneSqlOrphans,
  taskStatus,
} from "../../domain/ops/sql-rules";
import { getInstance, type GaussInstance } from "../instance/instance-model";

/** How long a new task shows CREATING at time scale 1.0 (its rule is set up on the nodes). */
const CREATING_MS = 10_000;

// reference 4.7.1 table 4-274 (请求 Body 参数); the cross-field rules are checked by hand below.
const createBody = z.object({
  task_scope: z.string(),
  start_time: z.string().optional(),
  end_time: z.string().optional(),
  limit_type: z.string(),
  limit_type_value: z.string(),
  key_words: z.string().optional(),
  task_name: z.string(),
  sql_model: z.string().optional(),
  // reference 4.7.1 parallel_size "Integer … 取值范围: [0,2147483647]"
  parallel_size: z.number().int().min(0).max(2147483647),
  cpu_utilization: z.number().optional(),
  memory_utilization: z.number().optional(),
  databases: z.string().optional(),
  // reference 4.7.1 table 4-275 CreateLimitTaskNodeOption: node_id "是", sql_id "是"
  node_infos: z.array(z.object({ node_id: z.string().min(1), sql_id: z.string().min(1) })).optional(),
});

// reference 4.7.3 table 4-283 (Query 参数); the time range of the third example (start_time, end_time) is read too.
const listQuery = z.object({
  task_scope: z.string().optional(),
  limit_type: z.string().optional(),
  limit_type_value: z.string().optional(),
  task_name: z.string().optional(),
  sql_model: z.string().optional(),
  rule_name: z.string().optional(),
  start_time: z.string().optional(),
  end_time: z.string().optional(),
  // reference 4.7.3 offset "必须为数字,不能为负数。取值范围: 0 - 10000"
  offset: queryInt("offset", 0, 10000),
  // reference 4.7.3 limit "默认为10,不能为负数,最小值为1,最大值为100"; A.3 DBS.280439 "无效的查询记录数"
  limit: queryInt("limit", 1, 100, "DBS.280439"),
});

// reference 4.7.4 table 4-290 (Query 参数)
const templateQuery = z.object({
  node_id: z.string().optional(),
  sql_model: z.string().optional(),
  offset: queryInt("offset", 0, 10000),
  limit: queryInt("limit", 1, 100, "DBS.280439"),
});

/** A node of the path's instance (A.3 DBS.216030 "当前节点不属于实例"). */
export function nodeOf(inst: GaussInstance, nodeId: string, field: string): void {
  const nodes = Array.isArray(inst.nodes) ? inst.nodes : [];
  if (!nodes.some((n) => n.id === nodeId)) throw new DbsError(400, "DBS.216030", { field, detail: `node ${nodeId} is not a node of instance ${inst.id}` });
}

/** The path's instance (A.3 DBS.200002 "实例不存在"). */
function pathInstance(ctx: EmulatorContext, req: ApiRequest): GaussInstance {
  return getInstance(ctx, req.params.instance_id ?? "");
}

/** A task as 4.7.1 answers it (table 4-276; key_words an array) or 4.7.3 lists it (table 4-286; key_words a string). */
function taskView(t: SqlLimitTaskRecord, list: boolean, now = Date.now()): Record<string, unknown> {
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  return {
    task_id: t.id,
    task_scope: t.task_scope,
    limit_type: t.limit_type,
    limit_type_value: t.limit_type_value,
    databases: t.databases,
    task_name: t.task_name,
    rule_name: t.rule_name,
    // "仅当任务类型为SQL_ID时,返回该值"
    ...(t.limit_type === "SQL_ID" ? { sql_model: t.sql_model } : list ? { sql_model: null } : {}),
    // 4.7.1 "Array of strings", 4.7.3 "String" (its example: null for a SQL_ID task)
    ...(t.limit_type === "SQL_TYPE" ? { key_words: list ? (t.key_words ?? []).join(",") : t.key_words } : list ? { key_words: null } : {}),
    status: taskStatus(t, now),
    instance_id: t.instance_id,
    parallel_size: t.parallel_size,
    // "仅当任务类型为SESSION_ACTIVE_MAX_COUNT时,返回该值"
    ...(t.limit_type === "SESSION_ACTIVE_MAX_COUNT"
      ? { cpu_utilization: t.cpu_utilization, memory_utilization: t.memory_utilization }
      : list
        ? { cpu_utilization: null, memory_utilization: null }
        : {}),
    start_time: t.start_time,
    end_time: t.end_time,
    created: iso(t.created),
    updated: iso(t.updated),
    creator: t.creator,
    modifier: t.modifier,
    ...(t.limit_type === "SQL_ID" ? { node_infos: t.node_infos } : list ? { node_infos: [] } : {}),
  };
}

/** SQL throttling (reference 4.7.1 create, 4.7.2 delete, 4.7.3 list, 4.7.4 the SQL templates of a node). */
export function register(r: Router, ctx: EmulatorContext): void {
  ctx.state.onTidy(pruneSqlOrphans);

  r.add("POST", "/gaussdb/v3/instances/{instance_id}/limit-task", (req) => {
    const b = parseBody(createBody, req);
    const inst = pathInstance(ctx, req);
    // reference 4.7.1 task_scope "目前支持 SQL,SESSION级别范围"
    if (!(TASK_SCOPES as readonly string[]).includes(b.task_scope)) throw invalidParam("task_scope", `${JSON.stringify(b.task_scope)} is not SQL or SESSION (reference 4.7.1)`);
    const scope = b.task_scope as (typeof TASK_SCOPES)[number];
    // reference 4.7.1 limit_type "当限流范围为SQL级别时,可选SQL_ID、SQL_TYPE类型,当限流范围为SESSION级别时,可选SESSION_ACTIVE_MAX_COUNT类型"
    if (!LIMIT_TYPES[scope].includes(b.limit_type)) throw invalidParam("limit_type", `${JSON.stringify(b.limit_type)} is not one of ${LIMIT_TYPES[scope].join(", ")} for scope ${scope} (reference 4.7.1)`);
    const type = b.limit_type as SqlLimitTaskRecord["limit_type"];
    // reference 4.7.1 task_name "必传,只能为英文字母大小写,下划线,数字和$符"
    if (!TASK_NAME.test(b.task_name)) throw invalidParam("task_name", `${JSON.stringify(b.task_name)} may contain only letters, digits, _ and $ (reference 4.7.1)`);
    // reference 4.7.1 start_time / end_time "SQL范围必传"
    if (scope === "SQL" && b.start_time === undefined) throw invalidParam("start_time", `is required for scope SQL (reference 4.7.1 "SQL范围必传")`);
    if (scope === "SQL" && b.end_time === undefined) throw invalidParam("end_time", `is required for scope SQL (reference 4.7.1 "SQL范围必传")`);
    const now = Date.now();
    const start = b.start_time === undefined ? undefined : parseTaskTime("start_time", b.start_time);
    const end = b.end_time === undefined ? undefined : parseTaskTime("end_time", b.end_time);
    // reference 4.7.1 start_time "取值范围:大于等于当前时间的前俩分钟…当前时间指UTC时间"
    if (start !== undefined && start < now - START_SLACK_MS) throw invalidParam("start_time", `${b.start_time} is more than two minutes before the current time (reference 4.7.1)`);
    // reference 4.7.1 end_time "取值范围:大于任务开始时间"
    if (start !== undefined && end !== undefined && end <= start) throw invalidParam("end_time", `${b.end_time} is not after start_time ${b.start_time} (reference 4.7.1)`);

    let keyWords: string[] | null = null;
    let sqlModel: string | null = null;
    let nodeInfos: LimitTaskNode[] | null = null;
    let cpu: number | null = null;
    let mem: number | null = null;
    if (type === "SQL_TYPE") {
      // reference 4.7.1 limit_type_value "当限流类型为SQL_TYPE类型时,值为SQL类型,目前支持select,update,insert,delete,merge五种值"
      if (!(SQL_TYPES as readonly string[]).includes(b.limit_type_value)) throw invalidParam("limit_type_value", `${JSON.stringify(b.limit_type_value)} is not one of ${SQL_TYPES.join(", ")} (reference 4.7.1)`);
      // reference 4.7.1 key_words "当且仅当类型为SQL_TYPE,必传"
      if (b.key_words === undefined) throw invalidParam("key_words", `is required for SQL_TYPE (reference 4.7.1 "当且仅当类型为SQL_TYPE,必传")`);
      keyWords = parseKeyWords(b.key_words);
      // reference 4.7.1 databases "如果限流类型为SQL_TYPE,则为必传"
      if (b.databases === undefined || b.databases === "") throw invalidParam("databases", `is required for SQL_TYPE (reference 4.7.1 "如果限流类型为SQL_TYPE,则为必传")`);
    } else if (type === "SQL_ID") {
      // reference 4.7.1 limit_type_value "当限流类型为SQL_ID类型时,该值为选中模板的sqlId"
      if (b.limit_type_value === "") throw invalidParam("limit_type_value", "is empty; give the sql_id of a SQL template (reference 4.7.1, 4.7.4)");
      // reference 4.7.1 sql_model "如果类型为SQLID,则为必传"
      if (b.sql_model === undefined || b.sql_model === "") throw invalidParam("sql_model", `is required for SQL_ID (reference 4.7.1 "如果类型为SQLID,则为必传")`);
      sqlModel = b.sql_model;
      // reference 4.7.1 node_infos "CN节点信息列表,如果类型为SQLID,则为必传"
      if (!b.node_infos || b.node_infos.length === 0) throw invalidParam("node_infos", `is required for SQL_ID (reference 4.7.1 "如果类型为SQLID,则为必传")`);
      b.node_infos.forEach((n, i) => {
        nodeOf(inst, n.node_id, `node_infos[${i}].node_id`);
        // reference 4.7.1 table 4-275 sql_id "如果类型为SQL_ID,必须与limit_type_value值一致"
        if (n.sql_id !== b.limit_type_value) throw invalidParam(`node_infos[${i}].sql_id`, `${JSON.stringify(n.sql_id)} is not limit_type_value ${JSON.stringify(b.limit_type_value)} (reference 4.7.1 "必须与limit_type_value值一致")`);
      });
      nodeInfos = b.node_infos.map((n) => ({ node_id: n.node_id, sql_id: n.sql_id }));
    } else {
      // reference 4.7.1 limit_type_value "当限流类型为SESSION_ACTIVE_MAX_COUNT类型时,只支持CPU_OR_MEMORY一种值"
      if (b.limit_type_value !== SESSION_VALUE) throw invalidParam("limit_type_value", `${JSON.stringify(b.limit_type_value)} is not ${SESSION_VALUE} (reference 4.7.1)`);
      // reference 4.7.1 cpu_utilization / memory_utilization "如果类型为SESSION_ACTIVE_MAX_COUNT,必传"
      cpu = checkUtilization("cpu_utilization", b.cpu_utilization);
      mem = checkUtilization("memory_utilization", b.memory_utilization);
      // reference 4.7.1 "不支持和内存利用率阈值同时为0"
      if (cpu === 0 && mem === 0) throw invalidParam("cpu_utilization", `and memory_utilization are both 0 (reference 4.7.1 "不支持和内存利用率阈值同时为0")`);
    }
    const id = newHexId();
    const task: SqlLimitTaskRecord = {
      id,
      instance_id: inst.id,
      task_scope: scope,
      task_name: b.task_name,
      limit_type: type,
      limit_type_value: b.limit_type_value,
      key_words: keyWords,
      sql_model: sqlModel,
      databases: b.databases ?? null,
      parallel_size: b.parallel_size,
      cpu_utilization: cpu,
      memory_utilization: mem,
      start_time: b.start_time ?? null,
      end_time: b.end_time ?? null,
      node_infos: nodeInfos,
      rule_name: newHexId().slice(0, 30),
      creator: req.user ?? "admin",
      modifier: null,
      created: now,
      updated: now,
      ready_at: now + Math.round(CREATING_MS * ctx.jobs.getTimeScale()),
    };
    ctx.state.data.sqlLimitTasks[id] = task;
    return { status: 200, body: taskView(task, false, now) };
  });

  r.add("DELETE", "/gaussdb/v3/instances/{instance_id}/limit-task/{task_id}", (req) => {
    const inst = pathInstance(ctx, req);
    const task = ctx.state.data.sqlLimitTasks[req.params.task_id ?? ""];
    // reference 4.7.2 状态码 "500 异常" is the one refusal the section prints
    if (!task || task.instance_id !== inst.id) throw new DbsError(500, "DBS.280005", { field: "task_id", detail: `instance ${inst.id} has no throttling task ${req.params.task_id}` });
    delete ctx.state.data.sqlLimitTasks[task.id];
    // reference 4.7.2 响应示例 "无"
    return { status: 200 };
  });

  r.add("GET", "/gaussdb/v3/instances/{instance_id}/limit-task-list", (req) => {
    const q = parseQuery(listQuery, req);
    const inst = pathInstance(ctx, req);
    const from = q.start_time === undefined ? undefined : parseTaskTime("start_time", q.start_time);
    const to = q.end_time === undefined ? undefined : parseTaskTime("end_time", q.end_time);
    // 4.7.3 limit_type prints "SESION_ACTIVE_MAX_COUNT": read as SESSION_ACTIVE_MAX_COUNT
    const type = q.limit_type === "SESION_ACTIVE_MAX_COUNT" ? "SESSION_ACTIVE_MAX_COUNT" : q.limit_type;
    const has = (v: string | null | undefined, part: string | undefined) => part === undefined || (v ?? "").includes(part);
    const all = Object.values(ctx.state.data.sqlLimitTasks).filter(
      (t) =>
        t.instance_id === inst.id &&
        (q.task_scope === undefined || t.task_scope === q.task_scope) &&
        (type === undefined || t.limit_type === type) &&
        // "支持模糊匹配"
        has(t.limit_type_value, q.limit_type_value) &&
        has(t.task_name, q.task_name) &&
        has(t.sql_model, q.sql_model) &&
        (q.rule_name === undefined || t.rule_name === q.rule_name) &&
        // the example's time range: tasks whose window overlaps it
        (from === undefined || !t.end_time || parseTaskTime("end_time", t.end_time) >= from) &&
        (to === undefined || !t.start_time || parseTaskTime("start_time", t.start_time) <= to),
    );
    const offset = q.offset ?? 0;
    const limit = q.limit ?? 10;
    const now = Date.now();
    return {
      status: 200,
      body: { limit_task_list: all.slice(offset, offset + limit).map((t) => taskView(t, true, now)), limit, offset, total_count: all.length },
    };
  });

  r.add("GET", "/gaussdb/v3/instances/{instance_id}/list-node-limit-sql-model", (req) => {
    const q = parseQuery(templateQuery, req);
    const inst = pathInstance(ctx, req);
    // reference 4.7.4 node_id "是"; the example quotes it ('…no14'): the quotes are read as part of the example, not the id
    if (q.node_id === undefined || q.node_id === "") throw invalidParam("node_id", "is required (reference 4.7.4)");
    const nodeId = q.node_id.replace(/^'(.*)'$/, "$1");
    nodeOf(inst, nodeId, "node_id");
    // reference 4.7.4 sql_model "仅支持英文字母大小写,下划线,数字和$*?=+空格; ()><,."字符"
    if (q.sql_model !== undefined && !/^[A-Za-z0-9_$*?=+ ;()><,."]*$/.test(q.sql_model)) {
      throw invalidParam("sql_model", `${JSON.stringify(q.sql_model)} contains a character reference 4.7.4 does not allow`);
    }
    const all = Object.values(ctx.state.data.sqlTemplates).filter(
      (t: SqlTemplateRecord) => t.instance_id === inst.id && t.node_id === nodeId && (q.sql_model === undefined || t.sql_model.includes(q.sql_model)),
    );
    const offset = q.offset ?? 0;
    const limit = q.limit ?? 10;
    return {
      status: 200,
      // table 4-292 names the list node_limit_sql_model_list (the example: "list")
      body: { node_limit_sql_model_list: all.slice(offset, offset + limit).map((t) => ({ sql_id: t.sql_id, sql_model: t.sql_model })), limit, offset, total_count: all.length },
    };
  });
}
