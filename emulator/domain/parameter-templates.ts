import { compareVersions, ENGINE_VERSIONS } from "./engine-versions";

/** Parameter value types as the configurations API reports them (reference 4.3.1 `type`). */
export type ParamType = "integer" | "float" | "boolean" | "enum" | "string";

/** A database component a parameter applies to; distributed instances prefix names with it (reference 4.3.1 `cn:`). */
export type Component = "cn" | "dn";

/** One GaussDB parameter of the default template. */
export interface ParamDef {
  readonly name: string;
  readonly type: ParamType;
  /** integer/float: "min-max"; boolean: "on,off"; enum: comma-separated values; string: "length 0-N". */
  readonly value_range: string;
  readonly default: string;
  readonly restart_required: boolean;
  readonly description: string;
  /** Components the parameter exists on in a distributed instance. */
  readonly components: readonly Component[];
  /** First engine version that has the parameter. */
  readonly since?: string;
  /** Only in this family (e.g. enable_tsdb is distributed-only). */
  readonly family?: "centralized" | "distributed";
  /** A different default on a distributed instance's CN. */
  readonly cnDefault?: string;
}

const both: readonly Component[] = ["cn", "dn"];
const INT_MAX = "2147483647";

const p = (d: Omit<ParamDef, "components"> & { components?: readonly Component[] }): ParamDef => ({ components: both, ...d });

// Names, ranges and defaults follow GaussDB's GUC documentation; memory sizes are in the units noted.
/** The parameter definitions from which each version's default template is built. */
export const PARAMETER_DEFS: readonly ParamDef[] = [
  p({ name: "max_connections", type: "integer", value_range: "10-262143", default: "5000", cnDefault: "800", restart_required: true, description: "Maximum number of concurrent connections." }),
  p({ name: "shared_buffers", type: "integer", value_range: "16-1073741823", default: "262144", restart_required: true, description: "Shared memory used for data caching, in 8 kB pages." }),
  p({ name: "work_mem", type: "integer", value_range: "64-" + INT_MAX, default: "65536", restart_required: false, description: "Memory for internal sort and hash operations before spilling to disk, in kB." }),
  p({ name: "maintenance_work_mem", type: "integer", value_range: "1024-" + INT_MAX, default: "524288", restart_required: false, description: "Memory for maintenance operations such as VACUUM and CREATE INDEX, in kB." }),
  p({ name: "temp_buffers", type: "integer", value_range: "100-1073741823", default: "1024", restart_required: false, description: "Memory for temporary tables per session, in 8 kB pages." }),
  p({ name: "max_process_memory", type: "integer", value_range: "2097152-" + INT_MAX, default: "25165824", restart_required: true, description: "Maximum physical memory of a database node, in kB." }),
  p({ name: "cstore_buffers", type: "integer", value_range: "16384-1073741823", default: "32768", restart_required: true, description: "Shared buffer for column-store tables, in kB." }),
  p({ name: "effective_cache_size", type: "integer", value_range: "1-" + INT_MAX, default: "131072", restart_required: false, description: "Planner's assumption about the effective disk cache size, in 8 kB pages." }),
  p({ name: "wal_level", type: "enum", value_range: "minimal,archive,hot_standby,logical", default: "hot_standby", restart_required: true, description: "How much information is written to the WAL." }),
  p({ name: "wal_buffers", type: "integer", value_range: "-1-262144", default: "16384", restart_required: true, description: "Shared memory used for WAL data not yet written to disk, in 8 kB pages." }),
  p({ name: "wal_keep_segments", type: "integer", value_range: "2-" + INT_MAX, default: "128", restart_required: false, description: "Number of WAL segments kept for standby servers." }),
  p({ name: "max_wal_senders", type: "integer", value_range: "0-1024", default: "16", restart_required: true, description: "Maximum number of concurrent WAL sender processes." }),
  p({ name: "synchronous_commit", type: "enum", value_range: "on,off,local,remote_receive,remote_write,remote_apply", default: "on", restart_required: false, description: "Whether a commit waits for WAL to be flushed and replicated." }),
  p({ name: "checkpoint_timeout", type: "integer", value_range: "30-3600", default: "900", restart_required: false, description: "Maximum time between automatic WAL checkpoints, in seconds." }),
  p({ name: "checkpoint_segments", type: "integer", value_range: "1-2147483646", default: "1024", restart_required: false, description: "Maximum number of WAL segments between automatic checkpoints." }),
  p({ name: "checkpoint_completion_target", type: "float", value_range: "0-1", default: "0.5", restart_required: false, description: "Fraction of the checkpoint interval over which a checkpoint is spread." }),
  p({ name: "log_min_duration_statement", type: "integer", value_range: "-1-" + INT_MAX, default: "30000", restart_required: false, description: "Logs statements running at least this many milliseconds (-1 disables)." }),
  p({ name: "log_min_messages", type: "enum", value_range: "debug5,debug4,debug3,debug2,debug1,info,notice,warning,error,log,fatal,panic", default: "warning", restart_required: false, description: "Lowest message level written to the server log." }),
  p({ name: "log_statement", type: "enum", value_range: "none,ddl,mod,all", default: "none", restart_required: false, description: "Which SQL statements are logged." }),
  p({ name: "track_activity_query_size", type: "integer", value_range: "100-102400", default: "1024", restart_required: true, description: "Bytes reserved to track the current command of each session." }),
  p({ name: "max_prepared_transactions", type: "integer", value_range: "0-262143", default: "800", restart_required: true, description: "Maximum number of transactions in the prepared state." }),
  p({ name: "deadlock_timeout", type: "integer", value_range: "1-" + INT_MAX, default: "1000", restart_required: false, description: "Time to wait on a lock before checking for deadlock, in milliseconds." }),
  p({ name: "lockwait_timeout", type: "integer", value_range: "0-" + INT_MAX, default: "1200000", restart_required: false, description: "Maximum wait for a single lock, in milliseconds." }),
  p({ name: "update_lockwait_timeout", type: "integer", value_range: "0-" + INT_MAX, default: "120000", restart_required: false, description: "Maximum wait for a lock during concurrent updates of a row, in milliseconds." }),
  p({ name: "statement_timeout", type: "integer", value_range: "0-" + INT_MAX, default: "0", restart_required: false, description: "Aborts statements running longer than this, in milliseconds (0 disables)." }),
  p({ name: "session_timeout", type: "integer", value_range: "0-86400", default: "600", restart_required: false, description: "Idle time after which a client session is closed, in seconds (0 disables)." }),
  p({ name: "failed_login_attempts", type: "integer", value_range: "0-1000", default: "10", restart_required: false, description: "Failed logins after which an account is locked (0 disables)." }),
  p({ name: "password_lock_time", type: "float", value_range: "0-365", default: "1", restart_required: false, description: "Days an account stays locked after too many failed logins." }),
  p({ name: "password_effect_time", type: "float", value_range: "0-999", default: "90", restart_required: false, description: "Days a password stays valid." }),
  p({ name: "password_reuse_time", type: "float", value_range: "0-3650", default: "60", restart_required: false, description: "Days before a password may be reused." }),
  p({ name: "password_min_length", type: "integer", value_range: "6-999", default: "8", restart_required: false, description: "Minimum password length." }),
  p({ name: "audit_enabled", type: "boolean", value_range: "on,off", default: "on", restart_required: false, description: "Whether the audit process is enabled." }),
  p({ name: "audit_system_object", type: "integer", value_range: "0-268435455", default: "67121159", restart_required: false, description: "Bit mask of DDL object types that are audited." }),
  p({ name: "autovacuum", type: "boolean", value_range: "on,off", default: "on", restart_required: false, description: "Whether the autovacuum launcher runs." }),
  p({ name: "autovacuum_max_workers", type: "integer", value_range: "0-262143", default: "3", restart_required: true, description: "Maximum number of concurrent autovacuum workers." }),
  p({ name: "autovacuum_naptime", type: "integer", value_range: "1-2147483", default: "600", restart_required: false, description: "Delay between autovacuum runs on a database, in seconds." }),
  p({ name: "default_statistics_target", type: "integer", value_range: "-100-10000", default: "100", restart_required: false, description: "Default statistics target for table columns." }),
  p({ name: "random_page_cost", type: "float", value_range: "0-10000", default: "4", restart_required: false, description: "Planner's cost estimate of a non-sequentially fetched page." }),
  p({ name: "enable_seqscan", type: "boolean", value_range: "on,off", default: "on", restart_required: false, description: "Whether the planner may use sequential scans." }),
  p({ name: "enable_indexscan", type: "boolean", value_range: "on,off", default: "on", restart_required: false, description: "Whether the planner may use index scans." }),
  p({ name: "enable_hashjoin", type: "boolean", value_range: "on,off", default: "on", restart_required: false, description: "Whether the planner may use hash joins." }),
  p({ name: "enable_nestloop", type: "boolean", value_range: "on,off", default: "on", restart_required: false, description: "Whether the planner may use nested-loop joins." }),
  p({ name: "client_encoding", type: "enum", value_range: "UTF8,GBK,GB18030,SQL_ASCII,LATIN1", default: "UTF8", restart_required: false, description: "Client-side character set." }),
  p({ name: "DateStyle", type: "enum", value_range: "ISO, MDY,ISO, DMY,ISO, YMD,SQL, MDY,SQL, DMY,Postgres, MDY,German, DMY", default: "ISO, MDY", restart_required: false, description: "Display format for date and time values." }),
  p({ name: "application_name", type: "string", value_range: "length 0-63", default: "", restart_required: false, description: "Application name reported in statistics and logs." }),
  p({ name: "enable_slot_log", type: "boolean", value_range: "on,off", default: "off", restart_required: false, description: "Whether logical replication slots are synchronized to standbys." }),
  p({ name: "recovery_time_target", type: "integer", value_range: "0-3600", default: "60", restart_required: false, description: "Target time for a standby to finish log replay after a failover, in seconds.", components: ["dn"] }),
  p({ name: "enable_thread_pool", type: "boolean", value_range: "on,off", default: "on", restart_required: true, description: "Whether connections are served by the thread pool.", since: "3.103.0" }),
  p({ name: "enable_ustore", type: "boolean", value_range: "on,off", default: "on", restart_required: true, description: "Whether the in-place update storage engine is available.", since: "3.200.0" }),
  p({ name: "enable_default_ustore_table", type: "boolean", value_range: "on,off", default: "off", restart_required: false, description: "Whether new tables use the in-place update storage engine by default.", since: "3.200.0" }),
  p({ name: "enable_security_policy", type: "boolean", value_range: "on,off", default: "off", restart_required: false, description: "Whether unified security policies (masking, access control) are enforced.", since: "3.201.0" }),
  p({ name: "undo_retention_time", type: "integer", value_range: "0-259200", default: "0", restart_required: false, description: "How long old undo records are kept for flashback queries, in seconds.", since: "3.301.0" }),
  p({ name: "enable_tsdb", type: "boolean", value_range: "on,off", default: "off", restart_required: false, description: "Whether the time-series database feature is enabled.", family: "distributed", components: ["cn"] }),
  p({ name: "comm_max_stream", type: "integer", value_range: "1-60000", default: "1024", restart_required: true, description: "Maximum concurrent data streams between nodes.", family: "distributed" }),
];

/** One entry of an instance's parameter template, as returned by reference 4.3.1. */
export interface TemplateEntry {
  /** Name as listed: `cn:`/`dn:` prefixed on distributed instances. */
  readonly name: string;
  readonly def: ParamDef;
  readonly default: string;
}

/** The default template for an engine version and family: `cn:`/`dn:` prefixed entries for distributed instances. */
export function templateFor(version: string, family: "centralized" | "distributed"): TemplateEntry[] {
  const defs = PARAMETER_DEFS.filter(
    (d) => (d.since === undefined || compareVersions(version, d.since) >= 0) && (d.family === undefined || d.family === family),
  );
  if (family === "centralized") return defs.map((def) => ({ name: def.name, def, default: def.default }));
  const out: TemplateEntry[] = [];
  for (const comp of ["cn", "dn"] as const) {
    for (const def of defs) {
      if (!def.components.includes(comp)) continue;
      out.push({ name: `${comp}:${def.name}`, def, default: comp === "cn" && def.cnDefault !== undefined ? def.cnDefault : def.default });
    }
  }
  return out;
}

const NUM = "(-?\\d+(?:\\.\\d+)?)";
const RANGE = new RegExp(`^${NUM}-${NUM}$`);

/** Checks a value against a definition's type and range; returns an English reason or null. */
export function checkParamValue(def: ParamDef, value: unknown): string | null {
  // reference 4.3.2 table 4-88 `map` "Map<String,String>": values are strings
  if (typeof value !== "string") return `${JSON.stringify(value)} is not a string (values are strings, reference 4.3.2)`;
  // reference 4.3.2 接口约束 "改的参数必须在指定数据库引擎版本的默认参数范围内": within the template's value_range (4.3.1)
  switch (def.type) {
    case "integer":
    case "float": {
      const m = RANGE.exec(def.value_range);
      if (!m) return `has an unreadable range ${def.value_range}`;
      const pattern = def.type === "integer" ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/;
      if (!pattern.test(value)) return `${JSON.stringify(value)} is not ${def.type === "integer" ? "an integer" : "a number"}`;
      const n = Number(value);
      if (n < Number(m[1]) || n > Number(m[2])) return `${value} is outside ${def.value_range}`;
      return null;
    }
    case "boolean":
      return value === "on" || value === "off" ? null : `${JSON.stringify(value)} is not on or off`;
    case "enum": {
      const options = enumOptions(def);
      return options.includes(value) ? null : `${JSON.stringify(value)} is not one of ${def.value_range}`;
    }
    case "string": {
      const m = /^length 0-(\d+)$/.exec(def.value_range);
      const max = m ? Number(m[1]) : 0;
      return value.length <= max ? null : `${JSON.stringify(value)} is longer than ${max} characters`;
    }
  }
}

// DateStyle's options themselves contain ", " so the list is split only on commas not followed by a space.
function enumOptions(def: ParamDef): string[] {
  return def.value_range.split(/,(?! )/);
}

/** A deterministic id for a version's default parameter template (reference 4.11.6 `configuration_id`, suffix pr14). */
export function defaultConfigurationId(version: string, family: "centralized" | "distributed"): string {
  let h = 2166136261;
  for (const ch of `${family}:${version}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const hex = (h.toString(16).padStart(8, "0")).repeat(4);
  return `${hex}pr14`;
}

/** Every default template id the platform knows, for create-request validation. */
export function knownConfigurationIds(): Map<string, { version: string; family: "centralized" | "distributed" }> {
  const out = new Map<string, { version: string; family: "centralized" | "distributed" }>();
  for (const v of ENGINE_VERSIONS) {
    for (const f of ["centralized", "distributed"] as const) out.set(defaultConfigurationId(v, f), { version: v, family: f });
  }
  return out;
}
