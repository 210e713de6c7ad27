/**
 * Stored records of SQL throttling (reference 4.7) and SQL patches (reference 4.6.4–4.6.6). They live in the store's
 * `sqlLimitTasks`, `sqlPatches` and `sqlTemplates` collections, keyed by id, each naming its instance (`instance_id`):
 * when the instance is gone, so are they (see `pruneSqlOrphans` in ./sql-rules). JSON-serializable (state file).
 */

/** A node of a SQL_ID throttling task (reference 4.7.1 table 4-275 CreateLimitTaskNodeOption). */
export interface LimitTaskNode {
  node_id: string;
  sql_id: string;
}

/** A throttling task as 4.7.1 creates it and 4.7.3 lists it. */
export interface SqlLimitTaskRecord {
  id: string;
  instance_id: string;
  task_scope: "SQL" | "SESSION";
  task_name: string;
  limit_type: "SQL_ID" | "SQL_TYPE" | "SESSION_ACTIVE_MAX_COUNT";
  limit_type_value: string;
  /** SQL_TYPE only (4.7.1 table 4-276 "仅当任务类型为SQL_TYPE时,返回该值"), trimmed. */
  key_words: string[] | null;
  /** SQL_ID only. */
  sql_model: string | null;
  databases: string | null;
  parallel_size: number;
  /** SESSION_ACTIVE_MAX_COUNT only. */
  cpu_utilization: number | null;
  memory_utilization: number | null;
  /** As sent (4.7.1 table 4-276 "与请求参数相同"); null when not sent (SESSION scope). */
  start_time: string | null;
  end_time: string | null;
  /** SQL_ID only. */
  node_infos: LimitTaskNode[] | null;
  rule_name: string;
  creator: string;
  modifier: string | null;
  created: number;
  updated: number;
  /** Epoch ms until which the task shows CREATING (the rule is being set up on the nodes; scaled). */
  ready_at: number;
}

/** A SQL patch as 4.6.4 creates it (one per node and unique SQL id). */
export interface SqlPatchRecord {
  id: string;
  instance_id: string;
  node_id: string;
  sql_id: string;
  patch_name: string;
  hint: string;
  enabled: boolean;
  created: number;
}

/** A SQL template a node has executed (what 4.7.4 lists); put there by the control API or the state file. */
export interface SqlTemplateRecord {
  id: string;
  instance_id: string;
  node_id: string;
  sql_id: string;
  sql_model: string;
}
