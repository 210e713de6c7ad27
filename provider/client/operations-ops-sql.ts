/**
 * The API calls of SQL throttling (reference 4.7.1 create, 4.7.2 delete, 4.7.3 list, 4.7.4 a node's SQL templates)
 * and SQL patches (reference 4.6.4 create, 4.6.5 query, 4.6.6 open / close / drop): the `sqlLimitTasks` and
 * `sqlPatches` sections of `ops`. None of them starts a job.
 *
 * Built by a function operations.ts calls while it builds `ops` (see operations-database.ts for why); import this
 * file only for its types.
 */
import { z } from "zod";
import { int, opt, text } from "./shapes";
import { noBody, op, paged, type PageQuery } from "./operations";

/**
 * A throttling task as 4.7.1 answers it (table 4-276) and 4.7.3 lists it (table 4-286). `key_words` is an array in
 * 4.7.1 and a comma-joined string in 4.7.3; both read as a list.
 */
function limitTaskSchema() {
  return z.looseObject({
    task_id: z.string(),
    task_scope: opt(z.string()),
    limit_type: opt(z.string()),
    limit_type_value: opt(text()),
    task_name: opt(z.string()),
    databases: opt(z.string()),
    sql_model: opt(z.string()),
    key_words: opt(z.union([z.array(z.string()), z.string()])).transform((k) =>
      k === null || k === undefined ? undefined : Array.isArray(k) ? k : k.split(",").map((w) => w.trim()).filter((w) => w !== ""),
    ),
    status: opt(z.string()),
    instance_id: opt(z.string()),
    rule_name: opt(z.string()),
    parallel_size: opt(int()),
    cpu_utilization: opt(int()),
    memory_utilization: opt(int()),
    start_time: opt(z.string()),
    end_time: opt(z.string()),
    created: opt(z.string()),
    updated: opt(z.string()),
    creator: opt(z.string()),
    modifier: opt(z.string()),
    node_infos: opt(z.array(z.looseObject({ node_id: z.string(), sql_id: text() }))),
  });
}
/** A throttling task (reference 4.7.1 table 4-276, 4.7.3 table 4-286). */
export type LimitTask = z.output<ReturnType<typeof limitTaskSchema>>;

/** Body of 4.7.1 (table 4-274). */
export interface CreateLimitTaskRequest {
  task_scope: "SQL" | "SESSION";
  start_time?: string;
  end_time?: string;
  limit_type: "SQL_ID" | "SQL_TYPE" | "SESSION_ACTIVE_MAX_COUNT";
  limit_type_value: string;
  key_words?: string;
  task_name: string;
  sql_model?: string;
  parallel_size: number;
  cpu_utilization?: number;
  memory_utilization?: number;
  databases?: string;
  node_infos?: { node_id: string; sql_id: string }[];
}

/** Query of 4.7.3 (table 4-283). */
export interface LimitTaskQuery extends PageQuery {
  task_scope?: string;
  limit_type?: string;
  limit_type_value?: string;
  task_name?: string;
  sql_model?: string;
  rule_name?: string;
}

/** Query of 4.7.4 (table 4-290). */
export interface SqlTemplateQuery extends PageQuery {
  node_id: string;
  sql_model?: string;
}

/** A SQL template of a node (4.7.4 table 4-293). */
function sqlTemplateSchema() {
  return z.looseObject({ sql_id: text(), sql_model: z.string() });
}
/** A SQL template (4.7.4 table 4-293). */
export type SqlTemplate = z.output<ReturnType<typeof sqlTemplateSchema>>;

/** Body of 4.6.4 (table 4-261). */
export interface CreateSqlPatchRequest {
  node_id: string;
  sql_id: string;
  patch_name: string;
  hint: string;
  enabled?: boolean;
}

/** Body of 4.6.5 (table 4-265: a body on a GET). */
export interface SqlPatchKey {
  node_id: string;
  sql_id: string;
}

/** Body of 4.6.6 (table 4-270). */
export interface HandleSqlPatchRequest extends SqlPatchKey {
  patch_name: string;
  action: "open" | "close" | "drop";
}

/** The `sqlLimitTasks` and `sqlPatches` sections of `ops`. */
export function sqlOperations() {
  const listTasks = op<LimitTaskQuery>()({
    id: "sqlLimitTasks.list",
    ref: "4.7.3",
    method: "GET",
    path: "/gaussdb/v3/instances/{instance_id}/limit-task-list",
    idempotent: true,
    response: z.looseObject({ total_count: opt(int()), limit_task_list: opt(z.array(limitTaskSchema())) }),
  });
  const listTemplates = op<SqlTemplateQuery>()({
    id: "sqlLimitTasks.templates",
    ref: "4.7.4",
    method: "GET",
    path: "/gaussdb/v3/instances/{instance_id}/list-node-limit-sql-model",
    idempotent: true,
    // table 4-292 node_limit_sql_model_list (the example prints "list")
    response: z.looseObject({ total_count: opt(int()), node_limit_sql_model_list: opt(z.array(sqlTemplateSchema())), list: opt(z.array(sqlTemplateSchema())) }),
  });
  return {
    sqlLimitTasks: {
      create: op<undefined, CreateLimitTaskRequest>()({
        id: "sqlLimitTasks.create",
        ref: "4.7.1",
        method: "POST",
        path: "/gaussdb/v3/instances/{instance_id}/limit-task",
        // Task names need not be unique: a replay after the platform acted would make a second task.
        idempotent: false,
        response: limitTaskSchema(),
      }),
      delete: op()({
        id: "sqlLimitTasks.delete",
        ref: "4.7.2",
        method: "DELETE",
        path: "/gaussdb/v3/instances/{instance_id}/limit-task/{task_id}",
        // reference 4.7.2 answers every refusal with 500 (an unknown task too): not replayed; the list decides.
        idempotent: false,
        response: noBody, // reference 4.7.2 响应示例 "无"
      }),
      // reference 4.7.3 limit "最小值为1,最大值为100"
      list: paged<LimitTaskQuery, LimitTask>(100, "limit_task_list")(listTasks),
      // reference 4.7.4 limit "最小值为1,最大值为100"
      templates: paged<SqlTemplateQuery, SqlTemplate>(100, "node_limit_sql_model_list")(listTemplates),
    },
    sqlPatches: {
      create: op<undefined, CreateSqlPatchRequest>()({
        id: "sqlPatches.create",
        ref: "4.6.4",
        method: "POST",
        path: "/gaussdb/v3/instances/{instance_id}/sql-patch",
        // A replay after the platform acted is refused (duplicate unique sql id): a lost reply is decided by 4.6.5.
        idempotent: false,
        response: noBody, // reference 4.6.4 响应示例 "success"
      }),
      get: op<undefined, SqlPatchKey>()({
        id: "sqlPatches.get",
        ref: "4.6.5",
        method: "GET",
        path: "/gaussdb/v3/instances/{instance_id}/sql-patch",
        idempotent: true,
        response: z.looseObject({ patch_name: opt(z.string()), hint: opt(z.string()), patch_status: opt(z.string()) }),
      }),
      handle: op<undefined, HandleSqlPatchRequest>()({
        id: "sqlPatches.handle",
        ref: "4.6.6",
        method: "POST",
        path: "/gaussdb/v3/instances/{instance_id}/handle-sql-patch",
        // open and close are states (a replay sets the same); a replayed drop meets "no patch", which delete treats as gone.
        idempotent: true,
        response: noBody, // reference 4.6.6 响应示例 "success"
      }),
    },
  };
}
