import type { Checked, Violation } from "./instance-rules";

/** An instance's automatic backup policy and extension configuration (reference 4.2.1, 4.2.4, 4.2.5, 4.2.6). */
export interface BackupPolicy {
  keep_days: number;
  start_time: string;
  period: string;
  differential_period: number;
  rate_limit: number;
  prefetch_block: number;
  file_split_size: number;
  enable_standby_backup: boolean;
  close_compression: boolean;
}

// Reading: the platform default follows the reference's own examples and defaults: keep 7 days
// (4.11.6 table 4-504), window 19:00-20:00 (4.2.5), every day, differential every 30 minutes,
// rate 75 MB/s and 64 prefetch pages (4.2.4/4.2.5 defaults), 4 GB split (4.2.1 default).
/** The policy every new instance starts with. */
export function defaultBackupPolicy(): BackupPolicy {
  return {
    keep_days: 7,
    start_time: "19:00-20:00",
    period: "1,2,3,4,5,6,7",
    differential_period: 30,
    rate_limit: 75,
    prefetch_block: 64,
    file_split_size: 4,
    enable_standby_backup: false,
    close_compression: false,
  };
}

/** Allowed differential backup intervals in minutes (reference 4.2.1 "取值范围: 15、30、60、180、360、720、1440"). */
export const DIFFERENTIAL_PERIODS = [15, 30, 60, 180, 360, 720, 1440] as const;

// reference A.3 DBS.280125 "非法的备份策略"
const POLICY = "DBS.280125";
const bad = (field: string, detail: string): { ok: false; violation: Violation } => ({
  ok: false,
  violation: { code: POLICY, field, detail },
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function intIn(raw: unknown, field: string, min: number, max: number): Checked<number> {
  if (typeof raw !== "number" || !Number.isInteger(raw)) return bad(field, `${JSON.stringify(raw)} is not an integer`);
  if (raw < min || raw > max) return bad(field, `${raw} is outside ${min}-${max}`);
  return { ok: true, value: raw };
}

// reference 4.2.1 `enable_standby_backup` "Boolean", but its example sends "false": both forms are read.
function bool(raw: unknown, field: string): Checked<boolean> {
  if (raw === true || raw === "true") return { ok: true, value: true };
  if (raw === false || raw === "false") return { ok: true, value: false };
  return bad(field, `${JSON.stringify(raw)} is not true or false`);
}

/** Checks a backup window `hh:00-HH:00` with HH = hh + 1, including 23:00-00:00 (reference 4.2.1, 4.11.6 table 4-504). */
export function checkStartTime(raw: unknown, field = "backup_policy.start_time"): Checked<string> {
  // reference 4.2.1 `start_time` "非空,格式必须为hh:mm-HH:MM且有效"
  const m = typeof raw === "string" ? /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(raw) : null;
  if (!m) return bad(field, `${JSON.stringify(raw)} is not hh:mm-HH:MM`);
  // reference 4.2.1 `start_time` "mm和MM取值必须相同,且取值必须为00"
  if (m[2] !== "00" || m[4] !== "00") return bad(field, `${raw}: the minutes must be 00`);
  // reference 4.2.1 `start_time` "HH取值必须比hh大1" (4.11.6 table 4-504 example "23:00-00:00")
  if ((Number(m[1]) + 1) % 24 !== Number(m[3])) return bad(field, `${raw}: the end hour must be one more than the start hour`);
  return { ok: true, value: raw as string };
}

/** Checks a full-backup period: comma-separated weekdays 1–7 (reference 4.2.1). */
export function checkPeriod(raw: unknown, field = "backup_policy.period"): Checked<string> {
  // reference 4.2.1 `period` "格式为逗号隔开的数字,数字代表星期" (a weekday: 1–7, "1…表示…星期一")
  if (typeof raw !== "string" || !/^[1-7](,[1-7])*$/.test(raw)) return bad(field, `${JSON.stringify(raw)} is not a comma-separated list of weekdays 1-7`);
  return { ok: true, value: raw };
}

/** Checks a differential period given as a string or number in {15,30,60,180,360,720,1440} (reference 4.2.1). */
export function checkDifferentialPeriod(raw: unknown, field = "backup_policy.differential_period"): Checked<number> {
  // reference 4.2.1 `differential_period` "String … 取值示例: 30" (numbers are read too: 4.2.5 answers one)
  const n = typeof raw === "number" ? raw : typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(DIFFERENTIAL_PERIODS as readonly number[]).includes(n)) {
    return bad(field, `${JSON.stringify(raw)} is not one of ${DIFFERENTIAL_PERIODS.join(", ")}`);
  }
  return { ok: true, value: n };
}

/** Checks a file split size: 0–1024 GB and a multiple of 4 (reference 4.2.1). */
export function checkFileSplitSize(raw: unknown, field = "backup_policy.file_split_size"): Checked<number> {
  // reference 4.2.1 `file_split_size` "可设置范围为0~1024GB"
  const n = intIn(raw, field, 0, 1024);
  if (!n.ok) return n;
  // reference 4.2.1 `file_split_size` "设置需为4的倍数"
  if (n.value % 4 !== 0) return bad(field, `${n.value} is not a multiple of 4`);
  return n;
}

/** Facts about the instance that some policy fields depend on. */
export interface PolicyContext {
  /** False for single-node instances and versions below 3.100.0 (reference 4.2.4). */
  readonly standbyBackupSupported: boolean;
}

/**
 * Applies a `PUT …/backups/policy` body (reference 4.2.1) to the current policy: the four required fields
 * are checked and replaced, optional fields left out keep their current value.
 */
export function applyPolicyUpdate(current: BackupPolicy, body: unknown, ctx: PolicyContext): Checked<BackupPolicy> {
  if (!isObject(body)) return { ok: false, violation: { code: "DBS.200006", field: "body", detail: "a JSON object is required" } };
  const p = body.backup_policy;
  // reference 4.2.1 table 4-9 `backup_policy` "是"
  if (!isObject(p)) return bad("backup_policy", "is required");
  // reference 4.2.1 table 4-10: keep_days, start_time, period, differential_period "是"
  for (const f of ["keep_days", "start_time", "period", "differential_period"] as const) {
    if (p[f] === undefined || p[f] === null) return bad(`backup_policy.${f}`, "is required");
  }
  // reference 4.2.1 `keep_days` "取值范围: 1-732天"
  const keep = intIn(p.keep_days, "backup_policy.keep_days", 1, 732);
  if (!keep.ok) return keep;
  const start = checkStartTime(p.start_time);
  if (!start.ok) return start;
  const period = checkPeriod(p.period);
  if (!period.ok) return period;
  const diff = checkDifferentialPeriod(p.differential_period);
  if (!diff.ok) return diff;
  // reference 4.2.1 "未填的非必选参数,不进行设置,保留原备份策略的值"
  const next: BackupPolicy = { ...current, keep_days: keep.value, start_time: start.value, period: period.value, differential_period: diff.value };
  const ext = applyExtensions(next, p, "backup_policy.", ctx, ["rate_limit", "prefetch_block", "file_split_size", "enable_standby_backup"]);
  return ext;
}

/** Applies a `PUT …/backups/config` body (reference 4.2.4); every field is optional, an absent one is kept. */
export function applyConfigUpdate(current: BackupPolicy, body: unknown, ctx: PolicyContext): Checked<BackupPolicy> {
  if (!isObject(body)) return { ok: false, violation: { code: "DBS.200006", field: "body", detail: "a JSON object is required" } };
  // reference 4.2.4 table 4-20: rate_limit, prefetch_block, enable_standby_backup, close_compression, all "否"
  const known = ["rate_limit", "prefetch_block", "enable_standby_backup", "close_compression"] as const;
  return applyExtensions(current, body, "", ctx, known);
}

type ExtField = "rate_limit" | "prefetch_block" | "file_split_size" | "enable_standby_backup" | "close_compression";

function applyExtensions(
  base: BackupPolicy,
  src: Record<string, unknown>,
  prefix: string,
  ctx: PolicyContext,
  fields: readonly ExtField[],
): Checked<BackupPolicy> {
  const next = { ...base };
  for (const f of fields) {
    const raw = src[f];
    if (raw === undefined || raw === null) continue;
    const field = prefix + f;
    if (f === "rate_limit") {
      // reference 4.2.1 / 4.2.4 `rate_limit` "最小值: 0 最大值: 1024"
      const r = intIn(raw, field, 0, 1024);
      if (!r.ok) return r;
      next.rate_limit = r.value;
    } else if (f === "prefetch_block") {
      // reference 4.2.1 / 4.2.4 `prefetch_block` "最小值: 1 最大值: 8192"
      const r = intIn(raw, field, 1, 8192);
      if (!r.ok) return r;
      next.prefetch_block = r.value;
    } else if (f === "file_split_size") {
      const r = checkFileSplitSize(raw, field);
      if (!r.ok) return r;
      next.file_split_size = r.value;
    } else {
      const r = bool(raw, field);
      if (!r.ok) return r;
      // reference 4.2.4 `enable_standby_backup` "不支持单节点实例及3.100.0以下的实例" (the same setting as 4.2.1's)
      if (f === "enable_standby_backup" && r.value && !ctx.standbyBackupSupported) {
        return bad(field, "standby backup is not supported on single-node instances or versions below 3.100.0");
      }
      next[f] = r.value;
    }
  }
  return { ok: true, value: next };
}

// reference 4.2.7 `description` "不能包含>!<"&'=特殊字符"
const FORBIDDEN_DESCRIPTION = /[>!<"&'=]/;

/** A manual backup request after validation (reference 4.2.7). */
export interface NormalizedBackup {
  readonly instanceId: string;
  readonly name: string;
  readonly description: string;
  readonly backupType: "completed" | "differential";
}

/** Validates `POST /gaussdb/v3/backups` (reference 4.2.7); `log` backups exist only on XBSA instances. */
export function checkManualBackup(body: unknown): Checked<NormalizedBackup> {
  if (!isObject(body) || Object.keys(body).length === 0) return { ok: false, violation: { code: "DBS.200006", field: "body", detail: "a JSON object is required" } };
  const p = (field: string, detail: string): { ok: false; violation: Violation } => ({ ok: false, violation: { code: "DBS.200001", field, detail } });
  // reference 4.2.7 `instance_id` "是"
  if (typeof body.instance_id !== "string" || body.instance_id === "") return p("instance_id", "is required");
  // reference 4.2.7 `name` "4~64个字符,必须以英文字母开头,区分大小写,可以包含英文字母、数字、中划线或者下划线"
  if (typeof body.name !== "string" || !/^[A-Za-z][A-Za-z0-9_-]{3,63}$/.test(body.name)) {
    return p("name", "must be 4 to 64 characters: a letter, then letters, digits, hyphens or underscores");
  }
  const desc = body.description ?? "";
  // reference 4.2.7 `description` "不能包含>!<"&'=特殊字符,不大于256个字符"
  if (typeof desc !== "string" || [...desc].length > 256 || FORBIDDEN_DESCRIPTION.test(desc)) {
    return p("description", "must be at most 256 characters without any of >!<\"&'=");
  }
  // reference 4.2.7 `backup_type` "缺省值为"completed""
  const type = body.backup_type ?? "completed";
  // reference 4.2.7 `backup_type` "log: 增备,仅支持XBSA实例" (XBSA media are not emulated)
  if (type === "log") return p("backup_type", "log backups are only supported on XBSA instances");
  // reference 4.2.7 `backup_type` "枚举值: completed differential log"
  if (type !== "completed" && type !== "differential") return p("backup_type", `${JSON.stringify(type)} is not completed, differential or log`);
  // reference 4.2.7 `depend_backupIds` "仅支持xbsa实例"
  if (body.depend_backupIds !== undefined) return p("depend_backupIds", "is only supported on XBSA instances");
  return { ok: true, value: { instanceId: body.instance_id, name: body.name, description: desc, backupType: type } };
}

/** Parses a `yyyy-mm-ddThh:mm:ssZ` time whose zone is an offset like +0800 (reference 4.2.15); undefined if malformed. */
export function parseBackupTime(raw: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-])(\d{2})(\d{2})$/.exec(raw);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(utc);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  const offset = (Number(oh) * 60 + Number(om)) * 60_000 * (sign === "+" ? 1 : -1);
  return utc - offset;
}

/** Formats epoch milliseconds as `yyyy-mm-ddThh:mm:ss+0000` (reference 4.2.7 / 4.2.15 time format). */
export function formatBackupTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+0000");
}

/** A restorable period in epoch ms (reference 4.2.11 table 4-45 `start_time`, `end_time`). */
export interface RestorePeriod {
  readonly start_time: number;
  readonly end_time: number;
}

/** What the period rule needs of a stored backup. */
export interface PeriodBackup {
  readonly backup_type: "completed" | "differential";
  readonly status: string;
  readonly end_time: number | null;
}

/**
 * The restorable periods of an instance (reference 4.2.11 "查询可恢复时间段"). Reading (README "Restore"): logs are
 * archived continuously from the end of the earliest kept COMPLETED full backup (a point-in-time restore replays
 * them onto a full backup that ended before the point) up to the archive point `archiveEnd` (now, or the
 * instance's deletion). Nothing the emulator implements interrupts the archive (4.2.14's "删除本次恢复时间点后的
 * 归档日志,并重新开启日志归档" follows 4.2.13, which is not emulated), so there is one period or none.
 */
export function restorePeriods(backups: readonly PeriodBackup[], archiveEnd: number): RestorePeriod[] {
  const ends = backups
    .filter((b) => b.backup_type === "completed" && b.status === "COMPLETED" && b.end_time !== null && b.end_time <= archiveEnd)
    .map((b) => b.end_time as number);
  if (ends.length === 0) return [];
  return [{ start_time: Math.min(...ends), end_time: archiveEnd }];
}

const DAY_MS = 86_400_000;

/** Parses 4.2.11's `date` ("为yyyy-mm-dd字符串格式,时区为UTC") to the epoch ms of its UTC midnight; undefined if malformed. */
export function parseRestoreDate(raw: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(ms);
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return undefined;
  return ms;
}

/**
 * The periods that overlap the UTC day starting at `dayStart`, unclipped (reference 4.2.11: its example answers
 * 1532001446987–1532742139000, a period of days, for date=2022-01-01; README "Restore").
 */
export function periodsOnDate(periods: readonly RestorePeriod[], dayStart: number): RestorePeriod[] {
  return periods.filter((p) => p.start_time < dayStart + DAY_MS && p.end_time >= dayStart);
}

/** True when the point lies inside one of the periods (bounds included). */
export function inPeriods(periods: readonly RestorePeriod[], at: number): boolean {
  return periods.some((p) => p.start_time <= at && at <= p.end_time);
}

/** Parses an epoch-milliseconds string (reference 4.2.9 / 4.2.10 / 4.11.7 `restore_time` "UNIX时间戳格式,单位是毫秒"). */
export function parseEpochMs(raw: unknown): number | undefined {
  return typeof raw === "string" && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

/** An instance's topology as reference 4.2.9 answers it (table 4-36). */
export interface TopologySnapshot {
  cluster_mode: "Ha" | "Combined";
  instance_mode: "enterprise";
  data_volume_size: string;
  solution: string;
  node_num: number;
  coordinator_num: number;
  sharding_num: number;
  replica_num: number;
  engine_version: string;
}

/** The solution facts a topology is computed from (emulator/domain/solutions.ts). */
export interface TopologyFacts {
  readonly solution: string;
  readonly family: "centralized" | "distributed";
  readonly hostCount: number;
  readonly replicas: number;
  readonly shards: number;
  readonly arbiters: number;
  readonly nodeCount: number;
  readonly dataVolumeGb: number | null;
  readonly engineVersion: string;
}

/**
 * Topology of an instance (reference 4.2.9 table 4-36). Readings (README "Restore"): `cluster_mode` Ha for 主备版
 * and Combined for 分布式 ("集中式Ha(主备)、分布式 Combined(混合部署)"); `instance_mode` "企业版enterprise";
 * centralized instances have no coordinators and, as 4.2.9's example answers for a triset ("sharding_num" : 3,
 * "coordinator_num" : 0), one `sharding_num` per data node; distributed instances have the solution's shards per
 * node group and a coordinator on every data node ("混合部署").
 */
export function topologyOf(f: TopologyFacts): TopologySnapshot {
  const dataNodesPerGroup = f.hostCount - f.arbiters;
  const distributed = f.family === "distributed";
  const groups = Math.max(1, Math.round(f.nodeCount / Math.max(1, f.hostCount)));
  return {
    cluster_mode: distributed ? "Combined" : "Ha",
    instance_mode: "enterprise",
    data_volume_size: String(f.dataVolumeGb ?? 0),
    solution: f.solution,
    node_num: f.nodeCount,
    coordinator_num: distributed ? dataNodesPerGroup * groups : 0,
    sharding_num: distributed ? f.shards * groups : dataNodesPerGroup,
    replica_num: f.replicas,
    engine_version: f.engineVersion,
  };
}

/**
 * True when a target instance's topology fits a backup's (reference 4.2.10 "实例信息要符合备份条件", `backup_id`
 * "根据备份ID查询实例拓扑信息,过滤查询出来的实例,包含节点数,副本数等"): the same deployment form and the same node,
 * replica, shard and coordinator counts. Neither the engine version nor the disk size is compared: 4.2.10 names
 * neither (README "Restore").
 */
export function topologyFits(target: TopologySnapshot, backup: TopologySnapshot): boolean {
  return (
    target.cluster_mode === backup.cluster_mode &&
    target.node_num === backup.node_num &&
    target.replica_num === backup.replica_num &&
    target.sharding_num === backup.sharding_num &&
    target.coordinator_num === backup.coordinator_num
  );
}
