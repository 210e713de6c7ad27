/**
 * Rules of SQL throttling (reference 4.7.1) and SQL patches (reference 4.6.4, 4.6.6), as the emulator reads them
 * (README "SQL throttling and SQL patches (4.6.4–4.6.6, 4.7)"). Each rule throws a DbsError naming the field.
 */
import { DbsError, invalidParam } from "../../errors";
import type { Collections } from "../../state";
import type { SqlLimitTaskRecord } from "./sql-records";

/** Drops the SQL objects of instances that are gone (run before every state write). */
export function pruneSqlOrphans(data: Collections): void {
  for (const coll of [data.sqlLimitTasks, data.sqlPatches, data.sqlTemplates] as Record<string, { instance_id: string }>[]) {
    for (const [id, rec] of Object.entries(coll)) if (!data.instances[rec.instance_id]) delete coll[id];
  }
}

// ---------------------------------------------------------------- 4.7.1 throttling tasks

/** reference 4.7.1 table 4-274 task_scope "目前支持 SQL,SESSION级别范围". */
export const TASK_SCOPES = ["SQL", "SESSION"] as const;
/** reference 4.7.1 limit_type "当限流范围为SQL级别时,可选SQL_ID、SQL_TYPE类型,当限流范围为SESSION级别时,可选SESSION_ACTIVE_MAX_COUNT类型". */
export const LIMIT_TYPES: Record<(typeof TASK_SCOPES)[number], readonly string[]> = { SQL: ["SQL_ID", "SQL_TYPE"], SESSION: ["SESSION_ACTIVE_MAX_COUNT"] };
/** reference 4.7.1 limit_type_value "目前支持select,update,insert,delete,merge五种值". */
export const SQL_TYPES = ["select", "update", "insert", "delete", "merge"] as const;
/** reference 4.7.1 limit_type_value "只支持CPU_OR_MEMORY一种值". */
export const SESSION_VALUE = "CPU_OR_MEMORY";
/** reference 4.7.1 task_name "只能为英文字母大小写,下划线,数字和$符". */
export const TASK_NAME = /^[A-Za-z0-9_$]+$/;
/** reference 4.7.1 start_time / end_time "格式必须为yyyy-mm-ddThh:mm:ssZ" (Z: a zone, `Z` or `+hhmm` as in the examples). */
const TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{4})$/;
/** reference 4.7.1 start_time "大于等于当前时间的前俩分钟". */
export const START_SLACK_MS = 2 * 60_000;

/** The instant of a 4.7.1 time, or a refusal naming the field. */
export function parseTaskTime(field: string, value: string): number {
  const m = TIME.exec(value);
  if (!m) throw invalidParam(field, `${JSON.stringify(value)} is not of the form yyyy-mm-ddThh:mm:ssZ (reference 4.7.1), e.g. 2024-01-11T08:41:45Z or 2024-01-11T16:41:45+0800`);
  const [, y, mo, d, h, mi, s, zone] = m as unknown as string[];
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(local);
  if (check.getUTCFullYear() !== Number(y) || check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    throw invalidParam(field, `${JSON.stringify(value)} is not a calendar time`);
  }
  if (zone === "Z") return local;
  const sign = zone!.startsWith("-") ? -1 : 1;
  const offset = (Number(zone!.slice(1, 3)) * 60 + Number(zone!.slice(3, 5))) * 60_000;
  return local - sign * offset;
}

/**
 * reference 4.7.1 key_words "多个关键词以逗号隔开,数量范围为[2,100]个,每个关键词长度范围[2,64]位,关键词不允许包含 " 或 \ 或 {} 或 null值
 * 以及非首尾的空格符": the trimmed keywords, or a refusal.
 */
export function parseKeyWords(value: string): string[] {
  const words = value.split(",");
  if (words.length < 2 || words.length > 100) throw invalidParam("key_words", `has ${words.length} keywords; 2 to 100 are allowed (reference 4.7.1 "数量范围为[2,100]个")`);
  return words.map((raw, i) => {
    // "非首尾的空格符": blanks before or after a keyword are allowed (and dropped), blanks inside are not.
    const w = raw.trim();
    if (w.length === 0) throw invalidParam("key_words", `keyword ${i + 1} is empty (reference 4.7.1 "不允许包含…null值")`);
    if (/\s/.test(w)) throw invalidParam("key_words", `keyword ${JSON.stringify(w)} contains a blank inside (reference 4.7.1 "不允许包含…非首尾的空格符")`);
    if ([...w].length < 2 || [...w].length > 64) throw invalidParam("key_words", `keyword ${JSON.stringify(w)} has ${[...w].length} characters; 2 to 64 are allowed (reference 4.7.1 "每个关键词长度范围[2,64]位")`);
    const bad = [...w].find((c) => c === '"' || c === "\\" || c === "{" || c === "}");
    if (bad) throw invalidParam("key_words", `keyword ${JSON.stringify(w)} contains ${bad} (reference 4.7.1 "关键词不允许包含 " 或 \\ 或 {}")`);
    return w;
  });
}

/** reference 4.7.1 cpu_utilization / memory_utilization "取值范围[0,100)". */
export function checkUtilization(field: string, value: unknown): number {
  if (value === undefined || value === null) throw invalidParam(field, `is required for SESSION_ACTIVE_MAX_COUNT (reference 4.7.1 "如果类型为SESSION_ACTIVE_MAX_COUNT,必传")`);
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value >= 100) throw invalidParam(field, `${JSON.stringify(value)} is not an integer in [0,100) (reference 4.7.1)`);
  return value;
}

/**
 * The status of a task now (reference 4.7.1 table 4-276 status): CREATING until its rule is set up, then by its window
 * (UTC): WAIT_EXCUTE before start_time, EXCUTING inside, TIME_OVER after end_time (spelled as printed).
 */
export function taskStatus(t: SqlLimitTaskRecord, now = Date.now()): string {
  if (now < t.ready_at) return "CREATING";
  if (t.end_time && now >= parseTaskTime("end_time", t.end_time)) return "TIME_OVER";
  if (t.start_time && now < parseTaskTime("start_time", t.start_time)) return "WAIT_EXCUTE";
  return "EXCUTING";
}

// ---------------------------------------------------------------- 4.6.4 / 4.6.6 SQL patches

/** reference 4.6.4 table 4-261 hint "hint内容不可包含以下字符: (" ", ";", "<", ">", ">", "\", """, "{", "}", "[", "]", "~", "?", "!", "\n")". */
export const HINT_FORBIDDEN = [" ", ";", "<", ">", "\\", '"', "{", "}", "[", "]", "~", "?", "!", "\n"] as const;

/** reference 4.6.4 patch_name "最小值: 1 最大值: 63" (A.3 DBS.6013036 "无效的patch名称"). */
export function checkPatchName(value: string): void {
  const n = [...value].length;
  if (n < 1 || n > 63) throw new DbsError(400, "DBS.6013036", { field: "patch_name", detail: `has ${n} characters; 1 to 63 are allowed (reference 4.6.4)` });
}

/** reference 4.6.4 hint: 1–1024 characters, none of HINT_FORBIDDEN (A.3 DBS.6013037 "无效的hint"). */
export function checkHint(value: string): void {
  const n = [...value].length;
  if (n < 1 || n > 1024) throw new DbsError(400, "DBS.6013037", { field: "hint", detail: `has ${n} characters; 1 to 1024 are allowed (reference 4.6.4)` });
  const bad = HINT_FORBIDDEN.find((c) => value.includes(c));
  if (bad !== undefined) throw new DbsError(400, "DBS.6013037", { field: "hint", detail: `contains ${JSON.stringify(bad)}, which reference 4.6.4 forbids` });
}
