/**
 * IntelligentOps (reference 4.6.1, read back through 4.6.2; the intelligent O&M instances of 4.6.3): an instance's
 * enrolment in an intelligent O&M (gaussdbv5-dbmind) instance. A settings resource over the pair (dbAssistId,
 * instanceId): create records whether the instance was enrolled, delete gives that back.
 */
import { z } from "zod";
import { ops, TpopsError, type TpopsClient } from "../../client";
import { client as configuredClient } from "../../config";
import { waitUntilJobDone } from "../../waiters";
import { makeProvider, settingClaimant, UNKNOWN, v, type CheckFailure, type Ctx, type ProviderImpl, type ResourceDefinition } from "../framework";
import { lookupForPreview } from "../live";
import { printWarnings } from "../rules";
import { IntelligentOpsMeta, type IntelligentOpsOutputs } from "../schema.gen";
import { instanceById, isInstanceGone, SettingOwners } from "./instance-switch-common";

const Inputs = z.object({
  // reference 4.6.1 table 4-246 db_assist_id: "是 String 智能运维实例ID" (the ids 4.6.3 lists; checked at preview).
  dbAssistId: z.string().min(1, { error: "is empty; use the id of an intelligent O&M (gaussdbv5-dbmind) instance, as GET /v3/db-assist/instances lists it" }),
  // reference 4.6.1 manage_type: "ENABLED表示开启纳管,DISABLED表示解除纳管".
  enabled: z.boolean(),
  // reference 4.6.1 instance_ids: "是 Array of strings 纳管/接触纳管的实例ID" (one instance per resource).
  instanceId: z.string().min(1, { error: "is empty; use the id of an Instance" }),
  timeouts: v.timeouts().optional(),
});

type In = z.output<typeof Inputs>;
type Out = IntelligentOpsOutputs;

const target = (dbAssistId: string, instanceId: string) => `intelligentOps:${dbAssistId}:${instanceId}`;

/** The intelligent O&M instance as 4.6.3 lists it, or undefined. */
async function dbAssistById(client: TpopsClient, id: string) {
  return (await client.listAll(ops.intelligentOps.instances, { query: { instance_id: id } })).find((i) => i.id === id);
}

/** Whether 4.6.2 lists the instance under `manage_type` for this intelligent O&M instance. */
async function listed(client: TpopsClient, dbAssistId: string, instanceId: string, manageType: "ENABLED" | "DISABLED"): Promise<boolean> {
  const r = await client.call(ops.intelligentOps.manageable, { query: { db_assist_id: dbAssistId, instance_id: instanceId, manage_type: manageType } });
  const list = (manageType === "ENABLED" ? r.managed_instances : r.unmanaged_instances) ?? [];
  return list.some((i) => i.id === instanceId);
}

/** Enrolled or not, or undefined when the instance or the intelligent O&M instance is gone. */
async function readEnrolment(ctx: Pick<Ctx, "client">, dbAssistId: string, instanceId: string): Promise<boolean | undefined> {
  if (!(await instanceById(ctx.client, instanceId))) return undefined;
  try {
    return await listed(ctx.client, dbAssistId, instanceId, "ENABLED");
  } catch (e) {
    if (isInstanceGone(e)) return undefined;
    throw e;
  }
}

/** Enrols or withdraws (4.6.1) and waits for the job. */
async function manage(ctx: Ctx, dbAssistId: string, instanceId: string, enabled: boolean, key: "create" | "update" | "delete"): Promise<void> {
  const verb = enabled ? "enrolling" : "withdrawing";
  ctx.progress(`${verb} instance ${instanceId} ${enabled ? "in" : "from"} intelligent O&M instance ${dbAssistId}`);
  const { job_id } = await ctx.client.call(ops.intelligentOps.manage, {
    body: { db_assist_id: dbAssistId, instance_ids: [instanceId], manage_type: enabled ? "ENABLED" : "DISABLED" },
  });
  await waitUntilJobDone(ctx.client, job_id, {
    timeout: ctx.timeouts[key],
    timeoutKey: key,
    onProgress: (p) => ctx.progress(`${verb} instance ${instanceId} (job ${p.jobId} ${p.status}${p.progress ? ` ${p.progress}` : ""})`),
  });
}

async function stateOf(ctx: Pick<Ctx, "client">, i: Pick<In, "dbAssistId" | "instanceId">, originalEnabled: boolean): Promise<Out> {
  const enabled = await readEnrolment(ctx, i.dbAssistId, i.instanceId);
  if (enabled === undefined) throw new TpopsError(`instance ${i.instanceId} or intelligent O&M instance ${i.dbAssistId} disappeared during the change`);
  return { instanceId: i.instanceId, dbAssistId: i.dbAssistId, enabled, originalEnabled };
}

/** The IntelligentOps resource definition. */
export const intelligentOpsDefinition: ResourceDefinition<In, Out> = {
  kind: "IntelligentOps",
  meta: IntelligentOpsMeta,
  inputs: Inputs,
  localOnly: ["timeouts"],
  defaultTimeouts: { create: "10m", update: "10m", delete: "10m" },
  describeKey: (i) => `instanceId ${i.instanceId} in dbAssistId ${i.dbAssistId}`,
  isGone: isInstanceGone,

  // An enrolment is a state of the pair, not an object: nothing to adopt or conflict with.
  async find() {
    return undefined;
  },

  async create(ctx, inputs) {
    const before = await readEnrolment(ctx, inputs.dbAssistId, inputs.instanceId);
    if (before === undefined) throw new TpopsError(`instance ${inputs.instanceId} or intelligent O&M instance ${inputs.dbAssistId} not found; check instanceId and dbAssistId`);
    if (before) ctx.warn(`instance ${inputs.instanceId} was already enrolled in intelligent O&M instance ${inputs.dbAssistId} outside this stack; deleting this resource leaves it enrolled`);
    if (before !== inputs.enabled) await manage(ctx, inputs.dbAssistId, inputs.instanceId, inputs.enabled, "create");
    return { id: `${inputs.dbAssistId}/managed/${inputs.instanceId}`, outs: await stateOf(ctx, inputs, before) };
  },

  async read(ctx, id, state) {
    const [fromId, , fromIdInstance] = id.split("/");
    const dbAssistId = String(state.dbAssistId ?? fromId);
    const instanceId = String(state.instanceId ?? fromIdInstance);
    const enabled = await readEnrolment(ctx, dbAssistId, instanceId);
    return enabled === undefined ? undefined : { instanceId, dbAssistId, enabled, originalEnabled: state.originalEnabled ?? enabled };
  },

  async update(ctx, _id, olds, news) {
    const live = await readEnrolment(ctx, news.dbAssistId, news.instanceId);
    if (live === undefined) throw new TpopsError(`instance ${news.instanceId} or intelligent O&M instance ${news.dbAssistId} not found; it was deleted outside this stack`);
    if (live !== news.enabled) await manage(ctx, news.dbAssistId, news.instanceId, news.enabled, "update");
    return stateOf(ctx, news, olds.originalEnabled);
  },

  async delete(ctx, _id, state) {
    const owner = settingClaimant(target(state.dbAssistId, state.instanceId), ctx.self);
    if (owner !== undefined) {
      ctx.note(`the enrolment of instance ${state.instanceId} in ${state.dbAssistId} now belongs to ${owner}; left as it set it`);
      return;
    }
    const live = await readEnrolment(ctx, state.dbAssistId, state.instanceId);
    if (live === undefined || live === state.originalEnabled) {
      if (live && state.originalEnabled) ctx.note(`instance ${state.instanceId} stays enrolled in ${state.dbAssistId}, as it was before this stack`);
      return;
    }
    await manage(ctx, state.dbAssistId, state.instanceId, state.originalEnabled, "delete");
  },
};

const base = makeProvider(intelligentOpsDefinition);
const owners = new SettingOwners();

/** Forgets the enrolment owners (tests). */
export function resetIntelligentOpsOwners(): void {
  owners.reset();
}

/** The preview-time rules that need the platform: the intelligent O&M instance, its room, the architecture. */
async function liveFailures(news: Record<string, unknown>, inputs: In): Promise<CheckFailure[]> {
  const client = configuredClient();
  const facts = await lookupForPreview(`intelligent O&M instance ${inputs.dbAssistId}`, async () => {
    const assist = await dbAssistById(client, inputs.dbAssistId);
    const inst = await instanceById(client, inputs.instanceId);
    const enrolled = assist && inst ? await listed(client, inputs.dbAssistId, inputs.instanceId, "ENABLED") : false;
    const enrollable = assist && inst && !enrolled ? await listed(client, inputs.dbAssistId, inputs.instanceId, "DISABLED") : false;
    return { assist, inst, enrolled, enrollable };
  });
  if (!facts) return [];
  if (!facts.assist) {
    // reference 4.6.1 db_assist_id "智能运维实例ID": one of the instances 4.6.3 "查询智能运维实例列表" lists.
    return [
      {
        property: "dbAssistId",
        reason: `dbAssistId: ${JSON.stringify(inputs.dbAssistId)} is not an intelligent O&M instance (GET /v3/db-assist/instances, reference 4.6.3, lists none with this id); use the id of a gaussdbv5-dbmind Instance`,
      },
    ];
  }
  if (!facts.inst) return [{ property: "instanceId", reason: `instanceId: ${JSON.stringify(inputs.instanceId)} is not an instance of the platform (A.3 DBS.200002 "实例不存在"); use the id of an Instance, or one getInstances lists` }];
  if (!inputs.enabled || facts.enrolled) return [];
  const used = facts.assist.managed_num ?? 0;
  const limit = facts.assist.manageable_limit;
  // reference 4.6.3 manageable_limit "纳管集群数量上限"; A.3 DBS.06280028 "智能运维实例可纳管数量达到最大限制".
  if (limit !== null && limit !== undefined && used >= limit) {
    return [
      {
        property: "dbAssistId",
        reason: `dbAssistId: ${JSON.stringify(inputs.dbAssistId)} already manages ${used} of at most ${limit} instances (reference 4.6.3 manageable_limit; A.3 DBS.06280028); withdraw one, or use another intelligent O&M instance`,
      },
    ];
  }
  if (!facts.enrollable) {
    // reference 4.6.2 db_assist_id "查询未纳管实例时展示与输入db_assist_id实例架构一致的实例": a list, not a stated refusal of 4.6.1.
    printWarnings("IntelligentOps", news, [
      {
        property: "instanceId",
        reason: `instanceId: ${JSON.stringify(inputs.instanceId)} is not among the instances reference 4.6.2 lists as enrollable in ${inputs.dbAssistId} (it shows those of the same architecture, ${facts.assist.arch ?? "unknown"}); the platform may refuse the enrolment`,
      },
    ]);
  }
  return [];
}

/** IntelligentOps provider methods: the framework's, plus one owner per enrolment and the platform's rules at preview. */
export const intelligentOps: ProviderImpl = {
  ...base,
  async check(olds, news) {
    const r = await base.check(olds, news);
    const inputs = r.inputs as In | undefined;
    if (r.failures?.length || !inputs) return r;
    const { dbAssistId, instanceId } = inputs;
    if (typeof dbAssistId !== "string" || dbAssistId === UNKNOWN || typeof instanceId !== "string" || instanceId === UNKNOWN) return r;
    const old = typeof olds.dbAssistId === "string" && typeof olds.instanceId === "string" ? [target(olds.dbAssistId, olds.instanceId)] : [];
    const failures = owners.claim("IntelligentOps", news, [{ target: target(dbAssistId, instanceId), property: "instanceId", what: `the enrolment of instance ${instanceId} in ${dbAssistId}` }], old);
    if (failures.length) return { inputs, failures };
    const live = await liveFailures(news, inputs);
    return live.length ? { inputs, failures: live } : r;
  },
};
