/**
 * InspectionTask (reference 4.10.2 create, 4.10.5 detail, 4.10.6 change, 4.10.3 delete; last run from the 4.10.1 list).
 * Id: the task id 4.10.1 lists (4.10.2 answers "success" without one). Everything 4.10.6 takes changes in place;
 * `day` (4.10.2 `inspection_day`, absent from 4.10.6) replaces the task. Starting a task (4.10.4) is an operation and
 * not modelled.
 */
import { z } from "zod";
import { ops, TpopsApiError, TpopsError, type TpopsClient } from "../../client";
import type { CreateInspectionBody, InspectionDetail, InspectionInfo, UpdateInspectionBody } from "../../client/operations-ops-inspection";
import { createIdempotently, makeProvider, PartialCreateError, UNKNOWN, v, type CheckFailure, type ProviderImpl, type ResourceDefinition } from "../framework";
import { InspectionTaskMeta, type InspectionTaskOutputs } from "../schema.gen";
import { lookupForPreview } from "../live";
import { printWarnings, type Warning } from "../rules";
import { client as configuredClient } from "../../config";
import { declaredScene, inspectionAutoName, inspectionNameProblem, itemIdList, listScenes, unlistedItemWarnings } from "./inspection-scene";

// reference 4.10.2 table 4-379 inspection_scope "枚举值: • real_time • daily • weekly • monthly"
const SCOPES = ["real_time", "daily", "weekly", "monthly"] as const;
// reference 4.10.2 table 4-379 inspection_policy "single-单次巡检 … periodic-周期巡检"
const POLICIES = ["single", "periodic"] as const;
// reference 4.10.2 table 4-379 inspection_period "枚举值: fixed, daily, weekly, monthly, later, soon"
const PERIODS = ["fixed", "daily", "weekly", "monthly", "later", "soon"] as const;
// reference 4.10.2 inspection_policy "single-单次巡检,可选值later(稍后执行),soon(立即执行)。 periodic-周期巡检,可选值: fixed…daily…weekly…monthly"
const PERIODS_OF: Record<(typeof POLICIES)[number], readonly string[]> = { single: ["later", "soon"], periodic: ["fixed", "daily", "weekly", "monthly"] };
// reference 4.10.2 inspection_day "如果是按天执行则值固定为0,按周巡检值为1-7,分别代表周一到周日执行,按月巡检取值范围为1-31"
const DAYS_OF: Record<string, readonly [number, number]> = { daily: [0, 0], weekly: [1, 7], monthly: [1, 31] };

/** An exact enum value (the reference prints lower-case values; the platform compares them as sent). */
function oneOf<const T extends readonly [string, ...string[]]>(values: T, ref: string) {
  return z.string().refine((s) => s === UNKNOWN || (values as readonly string[]).includes(s), { error: `is not one of ${values.join(", ")} (reference ${ref}); use one of them` });
}

const Inputs = z
  .object({
    adopt: z.boolean().optional(),
    // reference 4.10.2 inspection_day "String" (an integer here, sent as its digits; rule below)
    day: z.number().int({ error: "is not a whole number" }).optional(),
    // reference 4.10.2 table 4-379 instance_ids "是 Array of strings 实例ID列表。 数组长度: 1 - 200"
    instanceIds: z
      .array(z.string().min(1, { error: "is empty; use the id of an Instance" }))
      .min(1, { error: 'is empty; give 1 to 200 instance ids (reference 4.10.2 instance_ids "数组长度: 1 - 200")' })
      .max(200, { error: 'has more than 200 instance ids (reference 4.10.2 instance_ids "数组长度: 1 - 200"); split the task' }),
    // reference 4.10.2 table 4-379 item_ids "是 Array of strings 巡检项ID。 数组长度: 1 - 100" (or the scene's items)
    itemIds: itemIdList("4.10.2").optional(),
    // reference 4.10.2 table 4-379 inspection_name (inspectionNameProblem); generated when omitted
    name: z
      .string()
      .superRefine((s, ctx) => {
        const why = s === UNKNOWN ? undefined : inspectionNameProblem(s, "task");
        if (why) ctx.addIssue({ code: "custom", message: why, input: s });
      })
      .optional(),
    period: oneOf(PERIODS, "4.10.2 inspection_period"),
    policy: oneOf(POLICIES, "4.10.2 inspection_policy"),
    // A scene's name as 4.10.12 lists it (no rule here: a scene made otherwise, such as the default "Health Check" of
    // 4.10.12's example, breaks 4.10.13's; whether it exists is checked live)
    scene: z.string().min(1, { error: "is empty; name an inspection scene or omit it" }).optional(),
    scope: oneOf(SCOPES, "4.10.2 inspection_scope"),
    // reference 4.10.2 task_start_time / inspection_time "否 String … 例如 2024-01-22T11:00:59+08:00": examples, no format
    // (the form is warned about in unstatedWarnings); an empty string is no time
    taskStartTime: z.string().min(1, { error: "is empty; omit it or give a time such as 2024-01-22T11:00:59+08:00" }).optional(),
    time: z.string().min(1, { error: "is empty; omit it or give a time such as 01:00:00" }).optional(),
    timeouts: v.timeouts().optional(),
  })
  .superRefine((r, ctx) => {
    // reference 4.10.2 inspection_policy "可选值…": the period must be one of its policy's
    const allowed = PERIODS_OF[r.policy as (typeof POLICIES)[number]];
    if (allowed && r.period !== UNKNOWN && PERIODS.includes(r.period as (typeof PERIODS)[number]) && !allowed.includes(r.period)) {
      ctx.addIssue({
        code: "custom",
        path: ["period"],
        input: r.period,
        message: `is not a period of a ${r.policy} task; a ${r.policy} task takes ${allowed.join(" or ")} (reference 4.10.2 inspection_policy "${r.policy === "single" ? "single-单次巡检,可选值later(稍后执行),soon(立即执行)" : "periodic-周期巡检,可选值: fixed…daily…weekly…monthly"}")`,
      });
    }
    // reference 4.10.2 inspection_day "如果是按天执行则值固定为0,按周巡检值为1-7…按月巡检取值范围为1-31" (periodic only)
    const range = r.policy === "periodic" ? DAYS_OF[r.period] : undefined;
    if (range && r.day !== undefined && (r.day < range[0] || r.day > range[1])) {
      ctx.addIssue({
        code: "custom",
        path: ["day"],
        input: r.day,
        message:
          r.period === "daily"
            ? 'is not 0; a daily task\'s day is 0 (reference 4.10.2 inspection_day "如果是按天执行则值固定为0"); use 0 or omit it'
            : `is outside ${range[0]}–${range[1]}; a ${r.period} task runs on day ${range[0]}–${range[1]} (reference 4.10.2 inspection_day "${r.period === "weekly" ? "按周巡检值为1-7,分别代表周一到周日执行" : "按月巡检取值范围为1-31"}")`,
      });
    }
    if (r.itemIds === undefined && r.scene === undefined) {
      ctx.addIssue({ code: "custom", path: ["itemIds"], input: undefined, message: 'is required (reference 4.10.2 item_ids "是"); give itemIds, or scene to take the items of an inspection scene' });
    }
  });

type In = z.output<typeof Inputs>;
type Out = InspectionTaskOutputs;

/** Every task with exactly this name (4.10.1 filters by name; the match is made here, exact). */
async function tasksNamed(client: TpopsClient, name: string): Promise<InspectionInfo[]> {
  return (await client.listAll(ops.inspections.list, { query: { inspection_name: name } })).filter((t) => t.inspection_name === name);
}

/** True when the error says the task does not exist (404, or A.3 DBS.200044 "访问资源不存在"). */
function taskGone(e: unknown): boolean {
  return e instanceof TpopsApiError && (e.status === 404 || e.errorCode === "DBS.200044");
}

/** 4.10.1 prints its times as epoch ms: shown as ISO 8601; other text as sent. */
function when(t: string | null | undefined): string | undefined {
  if (t === null || t === undefined || t === "") return undefined;
  return /^\d{10,}$/.test(t) ? new Date(Number(t)).toISOString() : t;
}

/** The items a task sends: its own, or those of its scene now (4.10.12). */
async function resolveItems(client: TpopsClient, inputs: Pick<In, "itemIds" | "scene">): Promise<string[]> {
  if (inputs.itemIds) return [...inputs.itemIds];
  const scene = (await listScenes(client)).find((s) => s.name === inputs.scene);
  if (!scene) throw new TpopsError(`scene: ${JSON.stringify(inputs.scene)} is not a scene of the platform (reference 4.10.12); create it first (InspectionScene) or give itemIds`);
  const items = scene.item_ids ?? [];
  if (items.length < 1 || items.length > 100) throw new TpopsError(`scene: ${JSON.stringify(inputs.scene)} holds ${items.length} items; a task takes 1 to 100 (reference 4.10.2 item_ids "数组长度: 1 - 100"); give itemIds`);
  return items;
}

/** The task's state from 4.10.5 (what it is) and 4.10.1 (how its runs go); undefined when it is gone. */
async function readTask(client: TpopsClient, id: string, state: Partial<Out>): Promise<Out | undefined> {
  let d: InspectionDetail;
  try {
    d = await client.call(ops.inspections.get, { path: { inspection_id: id } });
  } catch (e) {
    if (taskGone(e)) return undefined;
    throw e;
  }
  const info = (await tasksNamed(client, d.inspection_name)).find((t) => t.id === id);
  const day = d.inspection_day === null || d.inspection_day === undefined || !/^\d+$/.test(d.inspection_day.trim()) ? undefined : Number(d.inspection_day);
  return {
    name: d.inspection_name,
    // 4.10.5's example prints instance_ids null: then the state's stand (the list shows only names)
    instanceIds: d.instance_ids ?? state.instanceIds ?? [],
    itemIds: d.item_ids ?? state.itemIds ?? [],
    scope: d.inspection_scope ?? info?.inspection_scope ?? state.scope ?? "",
    policy: d.inspection_policy ?? info?.inspection_policy ?? state.policy ?? "",
    period: d.inspection_period ?? state.period ?? "",
    ...(d.inspection_time ? { time: d.inspection_time } : {}),
    ...(d.task_start_time ? { taskStartTime: d.task_start_time } : {}),
    ...(day !== undefined ? { day } : {}),
    ...(info?.status ? { status: info.status } : {}),
    ...(when(info?.last_execute_time) ? { lastExecuteTime: when(info?.last_execute_time) } : {}),
    ...(when(info?.next_execute_time) ? { nextExecuteTime: when(info?.next_execute_time) } : {}),
  };
}

/** The InspectionTask resource definition. */
export const inspectionTaskDefinition: ResourceDefinition<In, Out> = {
  kind: "InspectionTask",
  meta: InspectionTaskMeta,
  inputs: Inputs,
  autoName: inspectionAutoName("t"),
  localOnly: ["adopt", "scene", "timeouts"],
  defaultTimeouts: { create: "5m", update: "5m", delete: "5m" },
  describeKey: (i) => `name ${JSON.stringify(i.name)}`,

  async find(ctx, inputs) {
    // Task names need not be unique (4.10.2 prints no such rule): a name is taken for this task only when adopting,
    // or when it is this resource's own generated name (an interrupted run made the task).
    if (!inputs.name || (inputs.adopt !== true && !ctx.ownsName(inputs.name))) return undefined;
    const named = await tasksNamed(ctx.client, inputs.name);
    if (named.length > 1 && inputs.adopt === true) {
      throw new TpopsError(`name: ${JSON.stringify(inputs.name)} is the name of ${named.length} tasks (${named.map((t) => t.id).join(", ")}); adopt takes one: rename the others, or remove adopt and choose another name`);
    }
    const t = named[0];
    return t && { id: t.id };
  },

  async create(ctx, inputs) {
    const name = inputs.name;
    if (!name) throw new TpopsError("name is required to create a task (reference 4.10.2 inspection_name \"是\"); set name");
    const itemIds = await resolveItems(ctx.client, inputs);
    const body: CreateInspectionBody = {
      inspection_name: name,
      instance_ids: [...inputs.instanceIds],
      inspection_scope: inputs.scope,
      inspection_policy: inputs.policy,
      inspection_period: inputs.period,
      item_ids: itemIds,
      ...(inputs.time !== undefined ? { inspection_time: inputs.time } : {}),
      ...(inputs.taskStartTime !== undefined ? { task_start_time: inputs.taskStartTime } : {}),
      ...(inputs.day !== undefined ? { inspection_day: String(inputs.day) } : {}),
    };
    // 4.10.2 answers "success" without an id: the new task is the one of this name 4.10.1 did not list before.
    const before = new Set((await tasksNamed(ctx.client, name)).map((t) => t.id));
    const fresh = async () => (await tasksNamed(ctx.client, name)).find((t) => !before.has(t.id));
    const sent = await createIdempotently(ctx, () => ctx.client.call(ops.inspections.create, { body }), async () => {
      const t = await fresh();
      return t && { id: t.id };
    });
    const id = "found" in sent ? sent.found.id : (await fresh())?.id;
    if (!id) throw new TpopsError(`the platform accepted task ${name} (4.10.2 answered success) but 4.10.1 does not list a new task of that name; look for it in the console before running pulumi up again`);
    const partial: Out = { name, instanceIds: body.instance_ids, itemIds, scope: inputs.scope, policy: inputs.policy, period: inputs.period };
    try {
      const outs = await readTask(ctx.client, id, partial);
      if (!outs) throw new TpopsError(`task ${name} (${id}) disappeared right after it was created`);
      return { id, outs };
    } catch (e) {
      throw new PartialCreateError(id, partial, e);
    }
  },

  async read(ctx, id, state) {
    return readTask(ctx.client, id, state);
  },

  async update(ctx, id, olds, news) {
    const itemIds = news.itemIds ? [...news.itemIds] : await resolveItems(ctx.client, news);
    // reference 4.10.6 table 4-403: instance_ids, inspection_period, item_ids "是"; the rest sent as the program has them
    const body: UpdateInspectionBody = {
      inspection_name: news.name ?? olds.name,
      instance_ids: [...news.instanceIds],
      inspection_scope: news.scope,
      inspection_policy: news.policy,
      inspection_period: news.period,
      item_ids: itemIds,
      ...(news.time !== undefined ? { inspection_time: news.time } : {}),
      ...(news.taskStartTime !== undefined ? { task_start_time: news.taskStartTime } : {}),
    };
    await ctx.client.call(ops.inspections.update, { path: { inspection_id: id }, body });
    const outs = await readTask(ctx.client, id, { ...olds, itemIds });
    if (!outs) throw new TpopsError(`task ${body.inspection_name} (${id}) is gone from the platform (4.10.5); run pulumi up --refresh to create it again`);
    return outs;
  },

  async delete(ctx, id) {
    const r = await ctx.client.call(ops.inspections.batchDelete, { body: { inspection_ids: [id] } });
    const mine = r.results.find((x) => (x.inspction_id ?? x.inspection_id) === id);
    if (mine?.result === "success") return;
    // "failure": already gone counts as deleted; a task that still reads is an honest error.
    const still = await readTask(ctx.client, id, {});
    if (still) throw new TpopsError(`the platform refused to delete task ${still.name} (${id}): 4.10.3 answered result ${JSON.stringify(mine?.result ?? "none")}; delete it in the console and run pulumi destroy again`);
  },

  isGone: taskGone,
};

/** Preview-time findings that need the platform: instances, the scene's items, item ids, names of other tasks. */
async function liveFindings(olds: Record<string, unknown>, inputs: In): Promise<{ failures: CheckFailure[]; warnings: Warning[]; itemIds?: string[] }> {
  const failures: CheckFailure[] = [];
  const warnings: Warning[] = [];
  const client = configuredClient();
  let itemIds = inputs.itemIds ? [...inputs.itemIds] : undefined;

  // A.3 DBS.200002 "实例不存在": each instance must exist (the unknown ones of the program are decided at create)
  const known = inputs.instanceIds.filter((i) => i !== UNKNOWN);
  if (known.length) {
    const all = await lookupForPreview("instances", () => client.listAll(ops.instances.list));
    if (all) {
      const ids = new Set(all.map((i) => i.id));
      inputs.instanceIds.forEach((id, n) => {
        if (id !== UNKNOWN && !ids.has(id)) failures.push({ property: `instanceIds[${n}]`, reason: `instanceIds[${n}]: ${JSON.stringify(id)} is not an instance of the platform (A.3 DBS.200002 "实例不存在"); use the id of an existing Instance, or one getInstances lists` });
      });
    }
  }

  // The scene's items (4.10.12 "前端交互自动勾选场景中的巡检项"), when the program gives no items of its own.
  if (itemIds === undefined && inputs.scene !== undefined && inputs.scene !== UNKNOWN) {
    const scenes = await lookupForPreview("inspection scenes", () => listScenes(client));
    const live = scenes?.find((s) => s.name === inputs.scene);
    const declared = declaredScene(inputs.scene);
    if (live) itemIds = (live.item_ids ?? []).map(String);
    else if (declared?.itemIds) itemIds = [...declared.itemIds];
    else if (scenes && !declared) {
      failures.push({ property: "scene", reason: `scene: ${JSON.stringify(inputs.scene)} is not a scene of the platform (reference 4.10.12) nor an InspectionScene of this program; create it, name an existing scene, or give itemIds` });
    }
  }
  if (itemIds) warnings.push(...(await unlistedItemWarnings(inputs.itemIds ? "itemIds" : "scene", itemIds)));

  // Names need not be unique (4.10.2 prints no rule): another task of this name is worth a word, not a refusal.
  if (inputs.name && inputs.name !== UNKNOWN && inputs.adopt !== true && olds.name !== inputs.name) {
    const named = await lookupForPreview("inspection tasks", () => tasksNamed(client, inputs.name!));
    if (named?.length) {
      warnings.push({ property: "name", reason: `name: ${JSON.stringify(inputs.name)} is already the name of task ${named.map((t) => t.id).join(", ")}; the platform allows two tasks of one name, but they are hard to tell apart in the console: choose another name, or set adopt: true to take it over` });
    }
  }
  return { failures, warnings, ...(itemIds ? { itemIds } : {}) };
}

/** Warnings for rules the reference does not state but a user should hear about. */
function unstatedWarnings(inputs: In): Warning[] {
  const out: Warning[] = [];
  // reference 4.10.2 inspection_day "巡检策略为周期巡检时候指定": a single task's day has no effect
  if (inputs.policy === "single" && inputs.day !== undefined) out.push({ property: "day", reason: `day: ${inputs.day} has no effect on a single task (reference 4.10.2 inspection_day "巡检策略为周期巡检时候指定"); remove it` });
  // The reference does not require a day, but a weekly or monthly task without one does not say when it runs.
  if (inputs.policy === "periodic" && (inputs.period === "weekly" || inputs.period === "monthly") && inputs.day === undefined) {
    out.push({ property: "day", reason: `day is not set for a ${inputs.period} task; the reference does not say which day the platform then chooses (4.10.2 inspection_day); set day (${inputs.period === "weekly" ? "1 Monday … 7 Sunday" : "1–31"})` });
  }
  // reference 4.10.2 inspection_time "例如 2024-01-22T11:00:59+08:00" (its example sends "01:00:00"): examples, not a rule
  for (const [k, t] of [["time", inputs.time], ["taskStartTime", inputs.taskStartTime]] as const) {
    if (t === undefined || t === UNKNOWN) continue;
    if (!/^\d{1,2}:\d{2}(:\d{2})?$/.test(t) && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/.test(t)) {
      out.push({ property: k, reason: `${k}: ${JSON.stringify(t)} is neither a time like 01:00:00 nor one like 2024-01-22T11:00:59+08:00 (the forms reference 4.10.2 shows); the platform may not read it` });
    }
  }
  return out;
}

const base = makeProvider(inspectionTaskDefinition);

/** InspectionTask provider methods: the framework's, plus the scene's items, live refusals and warnings at preview. */
export const inspectionTask: ProviderImpl = {
  ...base,

  async check(olds, news) {
    const r = await base.check(olds, news);
    if (r.failures?.length) return r;
    const inputs = (r.inputs ?? {}) as unknown as In;
    const found = await liveFindings(olds, inputs);
    printWarnings("InspectionTask", news, [...unstatedWarnings(inputs), ...found.warnings]);
    if (found.failures.length) return { ...r, failures: found.failures };
    // The scene's items become the task's (normalised): a change of the scene's items shows as a change of itemIds.
    if (!inputs.itemIds && found.itemIds) return { inputs: { ...r.inputs, itemIds: found.itemIds } };
    return r;
  },
};
