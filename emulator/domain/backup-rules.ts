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
