/**
 * SqlThrottlingTask (reference 4.7.1 create, 4.7.2 delete, 4.7.3 list). Id `<instanceId>/sql-throttling-tasks/<taskId>`.
 * The reference has no call that changes a task: every input but `adopt` and `timeouts` replaces it, the old task
 * deleted first (the generated name is then the URN's alone, stable across runs).
 *
 * Expired tasks (docs/architecture.md "Tasks with a time window"): a task whose window is over lists as TIME_OVER. That
 * is not drift — the program still declares that task, and the platform still has it — so read keeps it (`expired:
 * true`) and warns that it no longer throttles; the "not in the past" rule of 4.7.1 start_time applies only when a task
 * is to be made (a create or a replacement), so an expired task never fails a later preview.
 */
import { z } from "zod";
import { ops, TpopsApiError, TpopsError } from "../../client";
import type { CreateLimitTaskRequest, LimitTask } from "../../client/operations-ops-sql";
import { client as configuredClient } from "../../config";
import { createWaiter } from "../../waiters";
import {
  createIdempotently,
  makeProvider,
  PartialCreateError,
  sameValue,
  strip,
  UNKNOWN,
  v,
  type CheckFailure,
  type Ctx,
  type ProviderImpl,
  type ResourceDefinition,
} from "../framework";
import { lookupForPreview } from "../live";
import { printWarnings, type Warning } from "../rules";
import { SqlThrottlingTaskMeta, type SqlThrottlingTaskOutputs } from "../schema.gen";
import { instanceGone, nodeFindings } from "./sql-common";

// ---------------------------------------------------------------- the rules of reference 4.7.1

/** reference 4.7.1 limit_type "当限流范围为SQL级别时,可选SQL_ID、SQL_TYPE类型,当限流范围为SESSION级别时,可选SESSION_ACTIVE_MAX_COUNT类型". */
const TYPES_OF_SCOPE = { SQL: ["SQL_ID", "SQL_TYPE"], SESSION: ["SESSION_ACTIVE_MAX_COUNT"] } as const;
/** reference 4.7.1 limit_type_value "目前支持select,update,insert,delete,merge五种值". */
const SQL_TYPES = ["select", "update", "insert", "delete", "merge"] as const;
/** reference 4.7.1 limit_type_value "只支持CPU_OR_MEMORY一种值". */
const CPU_OR_MEMORY = "CPU_OR_MEMORY";
/** reference 4.7.1 start_time "取值范围:大于等于当前时间的前俩分钟". */
const START_SLACK_MS = 2 * 60_000;
/** reference 4.7.1 "格式必须为yyyy-mm-ddThh:mm:ssZ" — Z a zone: `Z` or `+hhmm` as in the section's examples ("2023-06-06T01:47:20+0800"). */
const TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{4})$/;

/** The UTC instant of a 4.7.1 time, or undefined when it is not one. */
export function taskInstant(s: string): number | undefined {
  const m = TIME.exec(s);
  if (!m) return undefined;
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const local = Date.UTC(y, mo - 1, d, h, mi, sec);
  const back = new Date(local);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || sec > 59) return undefined;
  const zone = m[7]!;
  if (zone === "Z") return local;
  const offset = (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) * 60_000;
  return zone.startsWith("-") ? local + offset : local - offset;
}

const time = () =>
  z.string().refine((s) => s === UNKNOWN || taskInstant(s) !== undefined, {
    // reference 4.7.1 start_time / end_time "格式必须为yyyy-mm-ddThh:mm:ssZ"
    error: 'is not of the form yyyy-mm-ddThh:mm:ssZ (reference 4.7.1); write e.g. "2026-01-11T08:41:45Z" or "2026-01-11T16:41:45+0800" (no milliseconds, zone as Z or +hhmm)',
  });

/** The problem of one keyword (reference 4.7.1 key_words), or undefined. */
function keyWordProblem(w: string): string | undefined {
  // "每个关键词长度范围[2,64]位" (blanks around a keyword are dropped: "非首尾的空格符" are the ones refused)
  const n = [...w].length;
  if (n < 2 || n > 64) return `has ${n} characters; a keyword has 2 to 64 (reference 4.7.1 "每个关键词长度范围[2,64]位")`;
  // "关键词不允许包含 " 或 \ 或 {} 或 null值 以及非首尾的空格符"
  const bad = [...w].find((c) => c === '"' || c === "\\" || c === "{" || c === "}");
  if (bad) return `contains ${bad}, which reference 4.7.1 does not allow in a keyword ("关键词不允许包含 " 或 \\ 或 {}"); remove it`;
  if (/\s/.test(w)) return `contains a blank inside, which reference 4.7.1 does not allow ("非首尾的空格符"); split it into two keywords`;
  // Keywords are sent comma-joined ("多个关键词以逗号隔开"): a comma inside one would make two.
  if (w.includes(",")) return "contains a comma, which separates keywords (reference 4.7.1 \"多个关键词以逗号隔开\"); give each keyword as its own list entry";
  return undefined;
}

const known = (x: unknown) => x !== undefined && x !== UNKNOWN && !(Array.isArray(x) && x.includes(UNKNOWN));

const Inputs = z
  .object({
    adopt: z.boolean().optional(),
    // reference 4.7.1 table 4-272 instance_id "是 String 实例ID"
    instanceId: z.string().min(1, { error: "is empty; use the id of an Instance" }),
    // reference 4.7.1 task_name "必传,只能为英文字母大小写,下划线,数字和$符"; generated when omitted
    name: z
      .string()
      .refine((s) => s === UNKNOWN || /^[A-Za-z0-9_$]+$/.test(s), { error: "may contain only letters, digits, _ and $ (reference 4.7.1 task_name); remove the other characters" })
      .optional(),
    // reference 4.7.1 task_scope "目前支持 SQL,SESSION级别范围" (any case here, sent as printed)
    taskScope: v.oneOf(["SQL", "SESSION"]),
    // reference 4.7.1 limit_type (any case here, sent as printed)
    limitType: v.oneOf(["SQL_ID", "SQL_TYPE", "SESSION_ACTIVE_MAX_COUNT"]),
    // reference 4.7.1 limit_type_value "是"
    limitTypeValue: z.string().min(1, { error: "is empty; give the SQL id, SQL type or CPU_OR_MEMORY (reference 4.7.1)" }),
    keyWords: z.array(z.string().transform((w) => w.trim())).optional(),
    sqlModel: z.string().optional(),
    databases: z.array(z.string()).optional(),
    nodeInfos: z.array(z.strictObject({ nodeId: z.string().min(1, { error: "is empty; use a node id of the instance" }), sqlId: z.string() })).optional(),
    // reference 4.7.1 parallel_size "大于等于零的正整数。取值范围: [0,2147483647]"
    parallelSize: v.int(0, 2147483647),
    // reference 4.7.1 cpu_utilization / memory_utilization "正整数,取值范围[0,100)"
    cpuUtilization: v.int(0, 99).optional(),
    memoryUtilization: v.int(0, 99).optional(),
    startTime: time().optional(),
    endTime: time().optional(),
    timeouts: v.timeouts().optional(),
  })
  .superRefine((r, ctx) => {
    const fail = (path: string, message: string, input: unknown) => ctx.addIssue({ code: "custom", path: [path], message, input });
    const scope = r.taskScope;
    const type = r.limitType;
    // reference 4.7.1 limit_type: the types of each scope
    if (known(scope) && known(type) && !(TYPES_OF_SCOPE[scope] as readonly string[]).includes(type)) {
      fail("limitType", `is not a type of scope ${scope}; use ${TYPES_OF_SCOPE[scope].join(" or ")} (reference 4.7.1 limit_type), or change taskScope`, type);
    }
    // reference 4.7.1 start_time / end_time "SQL范围必传"
    if (scope === "SQL" && r.startTime === undefined) fail("startTime", `is required for taskScope SQL (reference 4.7.1 start_time "SQL范围必传"); give the window's start`, undefined);
    if (scope === "SQL" && r.endTime === undefined) fail("endTime", `is required for taskScope SQL (reference 4.7.1 end_time "SQL范围必传"); give the window's end`, undefined);
    // reference 4.7.1 end_time "取值范围:大于任务开始时间"
    const start = known(r.startTime) ? taskInstant(r.startTime!) : undefined;
    const end = known(r.endTime) ? taskInstant(r.endTime!) : undefined;
    if (start !== undefined && end !== undefined && end <= start) fail("endTime", `is not after startTime ${JSON.stringify(r.startTime)} (reference 4.7.1 end_time "大于任务开始时间"); move it later`, r.endTime);
    const value = r.limitTypeValue;
    if (type === "SQL_TYPE") {
      // reference 4.7.1 limit_type_value "值为SQL类型,目前支持select,update,insert,delete,merge五种值"
      if (known(value) && !(SQL_TYPES as readonly string[]).includes(value.toLowerCase())) fail("limitTypeValue", `is not a SQL type; use one of ${SQL_TYPES.join(", ")} (reference 4.7.1)`, value);
      // reference 4.7.1 key_words "当且仅当类型为SQL_TYPE,必传", "数量范围为[2,100]个"
      if (r.keyWords === undefined) fail("keyWords", `is required for limitType SQL_TYPE (reference 4.7.1 key_words "当且仅当类型为SQL_TYPE,必传"); give 2 to 100 keywords`, undefined);
      else if (known(r.keyWords) && (r.keyWords.length < 2 || r.keyWords.length > 100)) fail("keyWords", `has ${r.keyWords.length} keywords; give 2 to 100 (reference 4.7.1 key_words "数量范围为[2,100]个")`, r.keyWords);
      r.keyWords?.forEach((w, i) => {
        if (w === UNKNOWN) return;
        const why = keyWordProblem(w);
        if (why) ctx.addIssue({ code: "custom", path: ["keyWords", i], message: why, input: w });
      });
      // reference 4.7.1 databases "如果限流类型为SQL_TYPE,则为必传"
      if (r.databases === undefined || (known(r.databases) && r.databases.length === 0)) fail("databases", `is required for limitType SQL_TYPE (reference 4.7.1 databases "如果限流类型为SQL_TYPE,则为必传"); name the databases`, r.databases);
    }
    if (type === "SQL_ID") {
      // reference 4.7.1 sql_model "如果类型为SQLID,则为必传"
      if (r.sqlModel === undefined || r.sqlModel === "") fail("sqlModel", `is required for limitType SQL_ID (reference 4.7.1 sql_model "如果类型为SQLID,则为必传"); give the template (getSqlTemplates)`, r.sqlModel);
      // reference 4.7.1 node_infos "CN节点信息列表,如果类型为SQLID,则为必传"
      if (r.nodeInfos === undefined || (known(r.nodeInfos) && r.nodeInfos.length === 0)) fail("nodeInfos", `is required for limitType SQL_ID (reference 4.7.1 node_infos "如果类型为SQLID,则为必传"); give the CN nodes and the SQL id`, r.nodeInfos);
      r.nodeInfos?.forEach((n, i) => {
        // reference 4.7.1 table 4-275 sql_id "如果类型为SQL_ID,必须与limit_type_value值一致"
        if (known(n.sqlId) && known(value) && n.sqlId !== value) {
          ctx.addIssue({ code: "custom", path: ["nodeInfos", i, "sqlId"], message: `is not limitTypeValue ${JSON.stringify(value)} (reference 4.7.1 "必须与limit_type_value值一致"); make them equal`, input: n.sqlId });
        }
      });
    }
    if (type === "SESSION_ACTIVE_MAX_COUNT") {
      // reference 4.7.1 limit_type_value "只支持CPU_OR_MEMORY一种值"
      if (known(value) && value.toUpperCase() !== CPU_OR_MEMORY) fail("limitTypeValue", `is not ${CPU_OR_MEMORY}, the one value of SESSION_ACTIVE_MAX_COUNT (reference 4.7.1)`, value);
      // reference 4.7.1 cpu_utilization / memory_utilization "如果类型为SESSION_ACTIVE_MAX_COUNT,必传", "如果选择只限制CPU、内存中的其中一个,则另一个必须传值0"
      if (r.cpuUtilization === undefined) fail("cpuUtilization", `is required for limitType SESSION_ACTIVE_MAX_COUNT (reference 4.7.1); give 0 to 99, 0 to limit by memory only`, undefined);
      if (r.memoryUtilization === undefined) fail("memoryUtilization", `is required for limitType SESSION_ACTIVE_MAX_COUNT (reference 4.7.1); give 0 to 99, 0 to limit by CPU only`, undefined);
      // reference 4.7.1 "不支持和内存利用率阈值同时为0"
      if (r.cpuUtilization === 0 && r.memoryUtilization === 0) fail("cpuUtilization", `and memoryUtilization are both 0 (reference 4.7.1 "不支持和内存利用率阈值同时为0"); give at least one threshold above 0`, 0);
    }
    // Databases are sent comma-joined (4.7.1 "每个数据库以逗号形式隔开"): an empty entry or a comma inside one would read back otherwise.
    r.databases?.forEach((d, i) => {
      if (d === UNKNOWN) return;
      if (d.trim() === "" || d.includes(",")) ctx.addIssue({ code: "custom", path: ["databases", i], message: 'is empty or holds a comma; give one database name per entry (reference 4.7.1 databases "以逗号形式隔开")', input: d });
    });
  })
  .transform((r) => {
    // Spelled as the reference prints them (sent so, and read back so).
    const out = { ...r };
    if (r.limitType === "SQL_TYPE" && known(r.limitTypeValue)) out.limitTypeValue = r.limitTypeValue.toLowerCase();
    if (r.limitType === "SESSION_ACTIVE_MAX_COUNT" && known(r.limitTypeValue)) out.limitTypeValue = r.limitTypeValue.toUpperCase();
    // Fields of other types are not sent: the platform neither keeps nor shows them (4.7.1 table 4-276 "仅当任务类型为…时,返回该值").
    for (const k of inapplicable(r.limitType)) delete (out as Record<string, unknown>)[k];
    return out;
  });

type In = z.output<typeof Inputs>;
type Out = SqlThrottlingTaskOutputs;

/** The inputs a limit type does not take (reference 4.7.1: each is "必传" for one type, returned only for it). */
function inapplicable(type: string): readonly ("keyWords" | "sqlModel" | "nodeInfos" | "cpuUtilization" | "memoryUtilization")[] {
  if (type === "SQL_TYPE") return ["sqlModel", "nodeInfos", "cpuUtilization", "memoryUtilization"];
  if (type === "SQL_ID") return ["keyWords", "cpuUtilization", "memoryUtilization"];
  if (type === "SESSION_ACTIVE_MAX_COUNT") return ["keyWords", "sqlModel", "nodeInfos"];
  return [];
}

// ---------------------------------------------------------------- mapping

const ID_PART = "/sql-throttling-tasks/";
const taskIdOf = (id: string) => {
  const i = id.indexOf(ID_PART);
  if (i <= 0) throw new TpopsError(`SqlThrottlingTask id ${JSON.stringify(id)} is not of the form <instanceId>/sql-throttling-tasks/<taskId>`);
  return { instanceId: id.slice(0, i), taskId: id.slice(i + ID_PART.length) };
};

/** The 4.7.1 body (table 4-274) for the inputs. */
function requestOf(i: In): CreateLimitTaskRequest {
  return {
    task_scope: i.taskScope,
    ...(i.startTime !== undefined ? { start_time: i.startTime } : {}),
    ...(i.endTime !== undefined ? { end_time: i.endTime } : {}),
    limit_type: i.limitType,
    limit_type_value: i.limitTypeValue,
    ...(i.keyWords !== undefined ? { key_words: i.keyWords.join(",") } : {}),
    task_name: i.name!,
    ...(i.sqlModel !== undefined ? { sql_model: i.sqlModel } : {}),
    parallel_size: i.parallelSize,
    ...(i.cpuUtilization !== undefined ? { cpu_utilization: i.cpuUtilization } : {}),
    ...(i.memoryUtilization !== undefined ? { memory_utilization: i.memoryUtilization } : {}),
    ...(i.databases !== undefined ? { databases: i.databases.join(",") } : {}),
    ...(i.nodeInfos !== undefined ? { node_infos: i.nodeInfos.map((n) => ({ node_id: n.nodeId, sql_id: n.sqlId })) } : {}),
  };
}

/** A time as the state had it when the platform shows the same instant (another spelling is no change). */
function sameInstantAs(live: string | null | undefined, kept: string | undefined): string | undefined {
  if (live === null || live === undefined || live === "") return undefined;
  if (kept !== undefined && taskInstant(kept) !== undefined && taskInstant(kept) === taskInstant(live)) return kept;
  return live;
}

/** The state of a listed task; `state` keeps the program's spelling of equal times. */
function outputsOf(t: LimitTask, instanceId: string, state: Partial<Out>): Out {
  const type = t.limit_type ?? state.limitType ?? "";
  const dbs = t.databases ? t.databases.split(",").map((d) => d.trim()) : undefined;
  return {
    instanceId,
    name: t.task_name ?? state.name ?? "",
    taskScope: t.task_scope ?? state.taskScope ?? "",
    limitType: type,
    limitTypeValue: t.limit_type_value ?? state.limitTypeValue ?? "",
    ...(type === "SQL_TYPE" && t.key_words ? { keyWords: t.key_words } : {}),
    ...(type === "SQL_ID" && t.sql_model ? { sqlModel: t.sql_model } : {}),
    ...(dbs ? { databases: dbs } : {}),
    ...(type === "SQL_ID" && t.node_infos?.length ? { nodeInfos: t.node_infos.map((n) => ({ nodeId: n.node_id, sqlId: n.sql_id })) } : {}),
    parallelSize: t.parallel_size ?? state.parallelSize ?? 0,
    ...(type === "SESSION_ACTIVE_MAX_COUNT" && t.cpu_utilization !== null && t.cpu_utilization !== undefined ? { cpuUtilization: t.cpu_utilization } : {}),
    ...(type === "SESSION_ACTIVE_MAX_COUNT" && t.memory_utilization !== null && t.memory_utilization !== undefined ? { memoryUtilization: t.memory_utilization } : {}),
    ...(sameInstantAs(t.start_time, state.startTime) !== undefined ? { startTime: sameInstantAs(t.start_time, state.startTime) } : {}),
    ...(sameInstantAs(t.end_time, state.endTime) !== undefined ? { endTime: sameInstantAs(t.end_time, state.endTime) } : {}),
    taskId: t.task_id,
    ...(t.rule_name ? { ruleName: t.rule_name } : {}),
    status: (t.status ?? "").toUpperCase(),
    // reference 4.7.1 status TIME_OVER: the window is over
    expired: (t.status ?? "").toUpperCase() === "TIME_OVER",
    ...(t.created ? { created: t.created } : {}),
    ...(t.creator ? { creator: t.creator } : {}),
  };
}

/** The tasks of an instance named `name` exactly (4.7.3 task_name "支持模糊匹配": filtered here), or undefined when the instance is gone. */
async function tasksNamed(ctx: Pick<Ctx, "client">, instanceId: string, name?: string): Promise<LimitTask[] | undefined> {
  try {
    const all = await ctx.client.listAll(ops.sqlLimitTasks.list, { path: { instance_id: instanceId }, query: name ? { task_name: name } : {} });
    return name ? all.filter((t) => t.task_name === name) : all;
  } catch (e) {
    if (instanceGone(e)) return undefined;
    throw e;
  }
}

/** A listed task, or undefined when it (or its instance) is gone; DELETED counts as gone (4.7.1 status). */
async function listedTask(ctx: Pick<Ctx, "client">, instanceId: string, taskId: string, name?: string): Promise<LimitTask | undefined> {
  let t = (await tasksNamed(ctx, instanceId, name))?.find((x) => x.task_id === taskId);
  // Renamed out of band cannot happen (no update call), but a state without a name reads the whole list.
  if (!t && name) t = (await tasksNamed(ctx, instanceId))?.find((x) => x.task_id === taskId);
  if (!t || (t.status ?? "").toUpperCase() === "DELETED") return undefined;
  return t;
}

/** The inputs that make up a task, compared between a listed task and the program. */
const TASK_FIELDS = ["taskScope", "limitType", "limitTypeValue", "keyWords", "sqlModel", "databases", "nodeInfos", "parallelSize", "cpuUtilization", "memoryUtilization", "startTime", "endTime"] as const;
function differences(live: Out, want: In): string[] {
  return TASK_FIELDS.filter((k) => {
    const a = live[k] ?? undefined;
    const b = (want as Record<string, unknown>)[k] ?? undefined;
    // Times: another spelling of the same instant is the same window.
    if ((k === "startTime" || k === "endTime") && typeof a === "string" && typeof b === "string") return taskInstant(a) !== taskInstant(b);
    return !sameValue(a, b);
  });
}

/** Statuses after which a task does not become usable (reference 4.7.1 status). */
const FAILED = ["CREATE_FAILED", "EXCEPTION", "NODE_SHUT_DOWN"];

/** Waits until a new task leaves CREATING (its rule set up on the nodes); throws on CREATE_FAILED. */
async function untilCreated(ctx: Ctx, instanceId: string, taskId: string, name: string, state: Partial<Out>): Promise<Out> {
  const { value } = await createWaiter(
    { subject: `throttling task ${name} (${taskId})`, timeoutMs: ctx.timeouts.create, timeoutHint: "raise timeouts.create" },
    async () => {
      const t = await listedTask(ctx, instanceId, taskId, name);
      if (!t) return { state: "FAILURE", error: new TpopsError(`throttling task ${name} (${taskId}) is no longer listed by the platform (reference 4.7.3) after its create`) };
      const status = (t.status ?? "").toUpperCase();
      if (status === "CREATING") {
        ctx.progress("the platform is setting up the throttling rule (status CREATING)");
        return { state: "RETRY", progress: status };
      }
      if (status === "CREATE_FAILED") return { state: "FAILURE", error: new TpopsError(`the platform could not set up throttling task ${name} (${taskId}): status CREATE_FAILED (reference 4.7.1)`) };
      return { state: "SUCCESS", value: outputsOf(t, instanceId, state) };
    },
  );
  return value;
}

/** Says on the resource's row what an expired or failed task means (refresh and up). */
function explain(ctx: Ctx, out: Out): void {
  if (out.expired) {
    ctx.warn(
      `throttling task ${out.name} (${out.taskId}) expired: its window ended at ${out.endTime ?? "(no end)"} (status TIME_OVER), so it no longer throttles. ` +
        `It stays on the platform until destroyed and is no drift; to throttle again, move startTime and endTime (that makes a new task)`,
    );
  } else if (FAILED.includes(out.status)) {
    ctx.warn(`throttling task ${out.name} (${out.taskId}) is ${out.status} on the platform (reference 4.7.1 status), so it may not throttle; pulumi up --replace makes it again`);
  }
}

// ---------------------------------------------------------------- the definition

/** The SqlThrottlingTask resource definition. */
export const sqlThrottlingTaskDefinition: ResourceDefinition<In, Out> = {
  kind: "SqlThrottlingTask",
  meta: SqlThrottlingTaskMeta,
  inputs: Inputs,
  // reference 4.7.1 task_name "只能为英文字母大小写,下划线,数字和$符"; no length is printed
  autoName: { maxLength: 63, sanitize: (s) => s.replace(/[^A-Za-z0-9_$]/g, "_"), separator: "_" },
  localOnly: ["adopt", "timeouts"],
  // No update call: a change makes a new task; the old one goes first, so the generated name stays the URN's.
  deleteBeforeReplace: true,
  defaultTimeouts: { create: "5m", update: "5m", delete: "5m" },
  describeKey: (i) => `name ${JSON.stringify(i.name)} on instance ${i.instanceId}`,

  async find(ctx, inputs) {
    if (!inputs.name) return undefined;
    // Task names need not be unique (4.7.1 prints no such rule): a task of another's making is looked for only to adopt it.
    if (inputs.adopt !== true && !ctx.ownsName(inputs.name)) return undefined;
    const named = await tasksNamed(ctx, inputs.instanceId, inputs.name);
    const live = named?.find((t) => (t.status ?? "").toUpperCase() !== "DELETED");
    if (!live) return undefined;
    if (inputs.adopt !== true) {
      // Our own generated name: an interrupted run made it. With other values (the program changed since), it is not the
      // declared task: delete it and make the declared one, so the rerun ends with exactly the declared tasks.
      const diff = differences(outputsOf(live, inputs.instanceId, {}), inputs);
      if (diff.length) {
        ctx.note(`deleting throttling task ${live.task_id}, which an interrupted run of this stack made under this resource's name with other values (${diff.join(", ")}); making the declared one`);
        await ctx.client.call(ops.sqlLimitTasks.delete, { path: { instance_id: inputs.instanceId, task_id: live.task_id } });
        return undefined;
      }
    }
    return { id: `${inputs.instanceId}${ID_PART}${live.task_id}` };
  },

  async create(ctx, inputs) {
    const name = inputs.name;
    if (!name) throw new TpopsError("name is required to create a throttling task (reference 4.7.1 task_name \"必传\"); set name");
    const path = { instance_id: inputs.instanceId };
    // A lost reply: the list decides — a task of this name with these values that was not there before the call.
    const before = new Set(((await tasksNamed(ctx, inputs.instanceId, name)) ?? []).map((t) => t.task_id));
    const r = await createIdempotently(
      ctx,
      () => ctx.client.call(ops.sqlLimitTasks.create, { path, body: requestOf(inputs) }),
      async () => {
        const made = (await tasksNamed(ctx, inputs.instanceId, name))?.find((t) => !before.has(t.task_id) && differences(outputsOf(t, inputs.instanceId, {}), inputs).length === 0);
        return made && { id: `${inputs.instanceId}${ID_PART}${made.task_id}` };
      },
    );
    const taskId = "sent" in r ? r.sent.task_id : taskIdOf(r.found.id).taskId;
    const id = `${inputs.instanceId}${ID_PART}${taskId}`;
    const given = { ...inputs, taskId } as Partial<Out>;
    try {
      const outs = await untilCreated(ctx, inputs.instanceId, taskId, name, given);
      explain(ctx, outs);
      return { id, outs };
    } catch (e) {
      // CREATE_FAILED: the task throttles nothing; delete it so the create leaves nothing behind.
      if (e instanceof TpopsError && /CREATE_FAILED/.test(e.message)) {
        await ctx.client.call(ops.sqlLimitTasks.delete, { path: { instance_id: inputs.instanceId, task_id: taskId } }).catch(() => undefined);
        throw e;
      }
      throw new PartialCreateError(id, { ...given, status: "CREATING", expired: false }, e);
    }
  },

  async resume(ctx, id, inputs) {
    // Made by an interrupted run of this stack with these values (find() checked): wait out CREATING, keep the program's spelling.
    const { instanceId, taskId } = taskIdOf(id);
    return untilCreated(ctx, instanceId, taskId, inputs.name ?? "", inputs as Partial<Out>);
  },

  async read(ctx, id, state) {
    const { instanceId, taskId } = taskIdOf(id);
    const t = await listedTask(ctx, instanceId, taskId, state.name);
    if (!t) return undefined;
    const out = outputsOf(t, instanceId, state);
    explain(ctx, out);
    return out;
  },

  async update() {
    // Every input that reaches the platform replaces the task (4.7.1 and 4.7.2 are the only changing calls).
    throw new TpopsError("a throttling task has nothing to change in place (the reference has no call that changes a task); this is a bug of the provider");
  },

  async delete(ctx, id, state) {
    const { instanceId, taskId } = taskIdOf(id);
    if (!(await listedTask(ctx, instanceId, taskId, state.name))) return; // already gone
    await ctx.client.call(ops.sqlLimitTasks.delete, { path: { instance_id: instanceId, task_id: taskId } });
    // DELETING (reference 4.7.1 status) until the list no longer shows it, or shows it DELETED.
    await createWaiter({ subject: `deletion of throttling task ${state.name ?? taskId}`, timeoutMs: ctx.timeouts.delete, timeoutHint: "raise timeouts.delete" }, async () => {
      const t = await listedTask(ctx, instanceId, taskId, state.name);
      if (!t) return { state: "SUCCESS", value: undefined };
      if ((t.status ?? "").toUpperCase() === "DELETE_FAILED") return { state: "FAILURE", error: new TpopsError(`the platform could not delete throttling task ${taskId}: status DELETE_FAILED; run pulumi destroy again`) };
      return { state: "RETRY", progress: t.status ?? undefined };
    });
  },

  // reference 4.7.2 answers its refusals with 500: the framework's re-read decides whether the task is gone.
  isGone: (e) => e instanceof TpopsApiError && e.status === 404,
};

const base = makeProvider(sqlThrottlingTaskDefinition);

/** True when check() is about to make a task: a create, or a change that replaces the task. */
function makesTask(olds: Record<string, unknown>, inputs: Record<string, unknown>): boolean {
  const o = strip(olds);
  if (Object.keys(o).length === 0) return true;
  return SqlThrottlingTaskMeta.replaceOnChanges.some((k) => !sameValue(o[k], inputs[k]));
}

/** SqlThrottlingTask provider methods: the framework's, plus the window rule, the live checks and warnings. */
export const sqlThrottlingTask: ProviderImpl = {
  ...base,

  async check(olds, news) {
    const r = await base.check(olds, news);
    const inputs = r.inputs ?? {};
    const warnings: Warning[] = [];
    // Fields the limit type does not take were dropped (not sent, never read back): say so.
    const type = typeof inputs.limitType === "string" ? inputs.limitType : undefined;
    if (type) {
      for (const k of inapplicable(type)) if (news[k] !== undefined) warnings.push({ property: k, reason: `${k}: ignored for limitType ${type} (reference 4.7.1 takes it only for ${k === "keyWords" ? "SQL_TYPE" : k === "cpuUtilization" || k === "memoryUtilization" ? "SESSION_ACTIVE_MAX_COUNT" : "SQL_ID"}); remove it` });
    }
    if (r.failures?.length) {
      printWarnings("SqlThrottlingTask", news, warnings);
      return r;
    }
    const failures: CheckFailure[] = [];
    // reference 4.7.1 start_time "取值范围:大于等于当前时间的前俩分钟…当前时间指UTC时间": decided when a task is made. A task
    // already made keeps its window: an expired task does not fail the previews after it (docs/architecture.md).
    if (makesTask(olds, inputs) && typeof inputs.startTime === "string" && inputs.startTime !== UNKNOWN) {
      const start = taskInstant(inputs.startTime)!;
      if (start < Date.now() - START_SLACK_MS) {
        failures.push({
          property: "startTime",
          reason:
            `startTime: ${JSON.stringify(inputs.startTime)} is more than two minutes in the past (reference 4.7.1 start_time "大于等于当前时间的前俩分钟", UTC); ` +
            `the platform makes no task that starts before now: move the window to now or later` +
            (Object.keys(strip(olds)).length ? " (this change makes a new task: no call changes one)" : ""),
        });
      }
    }
    const instanceId = typeof inputs.instanceId === "string" && inputs.instanceId !== UNKNOWN ? inputs.instanceId : undefined;
    if (instanceId && makesTask(olds, inputs)) {
      const nodes = Array.isArray(inputs.nodeInfos)
        ? (inputs.nodeInfos as { nodeId?: unknown }[]).flatMap((n, i) => (typeof n.nodeId === "string" && n.nodeId !== UNKNOWN ? [{ property: `nodeInfos.${i}.nodeId`, nodeId: n.nodeId }] : []))
        : [];
      failures.push(...(await nodeFindings("SqlThrottlingTask", instanceId, nodes, "4.7.1 node_infos")));
      // reference 4.7.1 limit_type_value "该值为选中模板的sqlId": a SQL id a node's template list (4.7.4) does not show is not
      // refused (no such refusal is printed), but it may throttle nothing: warned.
      if (inputs.limitType === "SQL_ID" && !failures.length && typeof inputs.limitTypeValue === "string" && inputs.limitTypeValue !== UNKNOWN) {
        for (const n of nodes) {
          const templates = await lookupForPreview(`SQL templates of node ${n.nodeId}`, () =>
            configuredClient().listAll(ops.sqlLimitTasks.templates, { path: { instance_id: instanceId }, query: { node_id: n.nodeId } }),
          );
          if (templates && !templates.some((t) => t.sql_id === inputs.limitTypeValue)) {
            warnings.push({ property: "limitTypeValue", reason: `limitTypeValue: ${JSON.stringify(inputs.limitTypeValue)} is not among the SQL templates node ${n.nodeId} ran (reference 4.7.4; getSqlTemplates lists them), so the task may throttle nothing; check the SQL id` });
          }
        }
      }
      // A name the user chose that a task already has: the platform allows it (no uniqueness is printed), so a warning.
      const name = typeof inputs.name === "string" && inputs.name !== UNKNOWN ? inputs.name : undefined;
      if (name && inputs.adopt !== true && !failures.length && news.name !== undefined && Object.keys(strip(olds)).length === 0) {
        const named = await lookupForPreview(`throttling tasks of ${instanceId}`, () => tasksNamed({ client: configuredClient() }, instanceId, name));
        if (named?.length) warnings.push({ property: "name", reason: `name: instance ${instanceId} already has a throttling task named ${JSON.stringify(name)} (${named.map((t) => t.task_id).join(", ")}); the platform allows it, so a second one is made — set adopt: true to take the existing one over instead` });
      }
    }
    printWarnings("SqlThrottlingTask", news, warnings);
    return failures.length ? { ...r, failures } : r;
  },
};
