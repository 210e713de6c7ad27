/**
 * DisasterRecovery (reference 4.18): the DR relationship of a primary instance with a standby instance, usually on
 * another site (another TPOPS). Built from the primary side (4.18.4, waits on its job), read through 4.18.2 (the
 * relation, found by its synchronization id, with the roles as they are now) and 4.18.3 (the monitor), renamed in
 * place (4.18.1); a drill (4.18.9 start, 4.18.10 stop, both on the DR side) and log keeping (4.18.11/4.18.12, on the
 * primary side) are booleans changed in place; delete releases (4.18.6, on the primary side) and deletes the records
 * (4.18.14). Failover, switchover and fail-back are operations (the `tpops dr` CLI), not desired state: after one,
 * refresh shows the new roles and plans no replacement.
 *
 * The standby instance lives on `standbySite` (default: the resource's own site); calls that the reference issues on
 * the DR side go there, with the instance id the relation names.
 */
import { isIP } from "node:net";
import { z } from "zod";
import { ops, registerSecret, TpopsApiError, TpopsError, type TpopsClient } from "../../client";
import type { DisasterRelation, DisasterType } from "../../client/operations-dr";
import { client as siteClient } from "../../config";
import { waitUntilJobDone } from "../../waiters";
import { createIdempotently, makeProvider, strip, UNKNOWN, v, type CheckFailure, type Ctx, type ProviderImpl, type ResourceDefinition } from "../framework";
import { lookupForPreview } from "../live";
import { DisasterRecoveryMeta, type DisasterRecoveryOutputs } from "../schema.gen";

const Inputs = z.object({
  adopt: z.boolean().optional(),
  // reference 4.18.4 disaster_type "枚举值: stream dorado"
  disasterType: v.oneOf(["stream", "dorado"]),
  // reference 4.18.9 / 4.18.11 "目前只有stream流容灾支持" (checked with disasterType in crossCheck)
  drill: z.boolean(),
  // reference 4.18.4 instance_id "是 String 实例ID" (the primary: "从主实例端下发")
  instanceId: z.string().min(1, { error: "is empty; give the id of the primary instance" }),
  keepLog: z.boolean(),
  // reference 4.18.4 dr_task_name "否 String 容灾任务名称"; 4.18.14 disaster_name "最大长度: 64"
  name: z.string().min(1, { error: "is empty; give the DR task a name or leave it out for a generated one" }).max(64, { error: "is longer than 64 characters (reference 4.18.14 disaster_name); shorten it" }),
  // reference 4.18.4 dr_ip "是 String 灾备实例任意数据IP"
  standbyDataIp: z.string().refine((s) => isIP(s) !== 0, { error: "is not an IP address; give any data IP of the standby instance" }),
  // reference 4.18.4 dr_user_password "是 String 灾备实例账户密码" (no rule printed)
  standbyPassword: z.string().min(1, { error: "is empty; give the password of the standby's account" }),
  standbySite: z.string().min(1, { error: "is empty; name a key of tpops:sites or leave it out" }).optional(),
  // reference 4.18.4 dr_user_name "是 String 灾备实例账户名称" (the example's "root")
  standbyUser: z.string().min(1, { error: "is empty; give the standby's account, e.g. root" }),
  timeouts: v.timeouts().optional(),
  // reference 4.18.9 / 4.18.11 xlog_keep_ratio "可设置范围为 1-100"
  xlogKeepRatio: v.int(1, 100).optional(),
});

type In = z.output<typeof Inputs>;
type Out = DisasterRecoveryOutputs;
type Bag = Record<string, unknown>;

/** The relation's instance ids as they are now: the primary (master side) and the DR instance. */
function sides(r: DisasterRelation): { primary?: string; standby?: string } {
  return { primary: r.master_region_instance_info?.instance_id ?? undefined, standby: r.slave_region_instance_info?.instance_id ?? undefined };
}

/** Every relation this site lists (4.18.2), live ones only (a released one is gone). */
async function relations(c: TpopsClient): Promise<DisasterRelation[]> {
  return (await c.listAll(ops.disasterRecovery.relations)).filter((r) => String(r.status ?? "").toLowerCase() !== "released");
}

const involves = (r: DisasterRelation, id: string) => r.instance_id === id || sides(r).primary === id || sides(r).standby === id;

async function byId(c: TpopsClient, id: string): Promise<DisasterRelation | undefined> {
  return (await relations(c)).find((r) => r.synchronization_id === id);
}

/** The client of the site the standby instance is on (the resource's own site when standbySite is not given). */
const standbyClient = (i: { standbySite?: string | undefined }): TpopsClient => siteClient(i.standbySite);

async function waitJob(ctx: Ctx, c: TpopsClient, jobId: string, what: string, key: "create" | "update" | "delete"): Promise<void> {
  await waitUntilJobDone(c, jobId, {
    timeout: ctx.timeouts[key],
    timeoutKey: key,
    onProgress: (p) => ctx.progress(`${what} (job ${p.jobId} ${p.status}${p.progress ? ` ${p.progress}` : ""})`),
  });
}

function toOutputs(r: DisasterRelation, i: In | Out, monitor?: { status?: string | null; rpo?: string | null; rto?: string | null }): Out {
  const { primary, standby } = sides(r);
  // The role of the resource's instance now: the record its site lists is its own side (4.18.2 disaster_role).
  const role = primary === i.instanceId ? "master" : standby === i.instanceId ? "disaster" : String(r.disaster_role ?? "");
  return {
    instanceId: i.instanceId,
    disasterType: i.disasterType,
    name: r.name ?? i.name,
    standbyDataIp: i.standbyDataIp,
    standbyUser: i.standbyUser,
    standbyPassword: i.standbyPassword,
    ...(i.standbySite !== undefined ? { standbySite: i.standbySite } : {}),
    drill: i.drill,
    keepLog: i.keepLog,
    ...(i.xlogKeepRatio !== undefined ? { xlogKeepRatio: i.xlogKeepRatio } : {}),
    synchronizationId: r.synchronization_id ?? "",
    role,
    ...(primary ? { primaryInstanceId: primary } : {}),
    ...(standby ? { standbyInstanceId: standby } : {}),
    status: r.status ?? "",
    ...(monitor?.status ? { monitorStatus: monitor.status } : {}),
    ...(monitor?.rpo !== undefined && monitor?.rpo !== null && monitor.rpo !== "" ? { rpo: monitor.rpo } : {}),
    ...(monitor?.rto !== undefined && monitor?.rto !== null && monitor.rto !== "" ? { rto: monitor.rto } : {}),
  };
}

async function monitorOf(c: TpopsClient, instanceId: string, type: DisasterType) {
  // The monitor is a reading, not the relation: when it cannot answer, the relation's other outputs still stand.
  return c.call(ops.disasterRecovery.monitor, { path: { instance_id: instanceId }, query: { disaster_type: type } }).catch(() => undefined);
}

/** Which site and instance a call the reference issues on `side` goes to, given the relation as it is now. */
function target(r: DisasterRelation, i: In | Out, side: "primary" | "standby", own: TpopsClient): { c: TpopsClient; instanceId: string } {
  const id = sides(r)[side] ?? (side === "primary" ? i.instanceId : "");
  if (!id) throw new TpopsError(`the relation ${r.name ?? ""} lists no ${side} instance (reference 4.18.2); run pulumi refresh`);
  return { c: id === i.instanceId ? own : standbyClient(i), instanceId: id };
}

/** Runs one start/stop operation and waits for its job. */
async function toggle(ctx: Ctx, r: DisasterRelation, i: In | Out, what: "drill" | "keepLog", on: boolean): Promise<void> {
  const type = i.disasterType as DisasterType;
  if (what === "drill") {
    // reference 4.18.9 "备实例下发容灾演练是不必填" (xlog_keep_ratio) and 4.18.10 "灾备实例结束容灾演练": both on the DR side
    const t = target(r, i, "standby", ctx.client);
    const op = on ? ops.disasterRecovery.drillStart : ops.disasterRecovery.drillStop;
    const { job_id } = await t.c.call(op, { path: { instance_id: t.instanceId }, body: { disaster_type: type } });
    await waitJob(ctx, t.c, job_id, on ? "starting the DR drill" : "ending the DR drill", "update");
    return;
  }
  // reference 4.18.11 "主实例开始容灾日志保持", 4.18.12 "主实例结束容灾日志保持": on the primary side
  const t = target(r, i, "primary", ctx.client);
  const body = on && i.xlogKeepRatio !== undefined ? { disaster_type: type, xlog_keep_ratio: i.xlogKeepRatio } : { disaster_type: type };
  const op = on ? ops.disasterRecovery.keepLogStart : ops.disasterRecovery.keepLogStop;
  const { job_id } = await t.c.call(op, { path: { instance_id: t.instanceId }, body });
  await waitJob(ctx, t.c, job_id, on ? "starting log keeping" : "ending log keeping", "update");
}

async function finishCreate(ctx: Ctx, inputs: In, jobId?: string): Promise<{ id: string; outs: Out }> {
  if (jobId) await waitJob(ctx, ctx.client, jobId, "building the DR relationship", "create");
  const r = (await relations(ctx.client)).find((x) => x.name === inputs.name && involves(x, inputs.instanceId));
  if (!r?.synchronization_id) throw new TpopsError(`the DR relationship ${inputs.name} is not listed after its construct job (reference 4.18.2)`);
  if (inputs.drill) await toggle(ctx, r, inputs, "drill", true);
  if (inputs.keepLog) await toggle(ctx, r, inputs, "keepLog", true);
  return { id: r.synchronization_id, outs: toOutputs(r, inputs, await monitorOf(ctx.client, inputs.instanceId, inputs.disasterType)) };
}

export const disasterRecoveryDefinition: ResourceDefinition<In, Out> = {
  kind: "DisasterRecovery",
  meta: DisasterRecoveryMeta,
  inputs: Inputs,
  autoName: { maxLength: 64, sanitize: (s) => s.replace(/[^A-Za-z0-9_-]/g, "-") },
  localOnly: ["adopt", "timeouts", "standbyPassword", "xlogKeepRatio"],
  defaultTimeouts: { create: "60m", update: "30m", delete: "30m" },
  describeKey: (i) => `name ${JSON.stringify(i.name)} on instance ${i.instanceId}`,

  async find(ctx, inputs) {
    const r = (await relations(ctx.client)).find((x) => x.name === inputs.name && involves(x, inputs.instanceId));
    return r?.synchronization_id ? { id: r.synchronization_id } : undefined;
  },

  async create(ctx, inputs) {
    registerSecret(inputs.standbyPassword);
    const body = {
      disaster_type: inputs.disasterType,
      dr_ip: inputs.standbyDataIp,
      dr_user_name: inputs.standbyUser,
      dr_user_password: inputs.standbyPassword,
      dr_task_name: inputs.name,
    };
    const r = await createIdempotently(
      ctx,
      () => ctx.client.call(ops.disasterRecovery.construct, { path: { instance_id: inputs.instanceId }, body }),
      () => disasterRecoveryDefinition.find(ctx, inputs),
    );
    return finishCreate(ctx, inputs, "sent" in r ? r.sent.job_id : undefined);
  },

  // A relation an interrupted run started building: wait until it is listed as normal, then apply the toggles.
  async resume(ctx, _id, inputs) {
    return (await finishCreate(ctx, inputs)).outs;
  },

  async read(ctx, id, state) {
    const r = await byId(ctx.client, id);
    if (!r) return undefined;
    const prev = state as Out;
    return toOutputs(r, prev, await monitorOf(ctx.client, prev.instanceId, prev.disasterType as DisasterType));
  },

  async update(ctx, id, olds, news, changed) {
    const r = await byId(ctx.client, id);
    if (!r) throw new TpopsError(`the DR relationship ${olds.name} (${id}) is no longer listed (reference 4.18.2); run pulumi refresh`);
    if (changed.includes("name")) {
      // reference 4.18.1 "修改容灾任务名称"
      await ctx.client.call(ops.disasterRecovery.rename, { path: { instance_id: olds.instanceId }, body: { synchronization_id: id, dr_task_name: news.name } });
    }
    if (changed.includes("drill")) await toggle(ctx, r, news, "drill", news.drill);
    if (changed.includes("keepLog")) await toggle(ctx, r, news, "keepLog", news.keepLog);
    const after = (await byId(ctx.client, id)) ?? r;
    return toOutputs(after, news, await monitorOf(ctx.client, news.instanceId, news.disasterType));
  },

  async delete(ctx, id, state) {
    registerSecret(String(state.standbyPassword ?? ""));
    const r = await byId(ctx.client, id);
    if (r) {
      const type = state.disasterType as DisasterType;
      // A drill in progress ends first (4.18.10): the release is of a relation in normal operation.
      if (state.drill) await toggle(ctx, r, state, "drill", false).catch((e) => ctx.progress(`ending the drill before the release failed (${e instanceof Error ? e.message : String(e)}); releasing anyway`));
      // reference 4.18.6 "解除容灾(从容灾主实例下发)": on the primary as it is now (after a switchover, the other one)
      const t = target(r, state, "primary", ctx.client);
      const { job_id } = await t.c.call(ops.disasterRecovery.release, { path: { instance_id: t.instanceId }, body: { disaster_type: type } });
      await waitJob(ctx, t.c, job_id, "releasing the DR relationship", "delete");
    }
    // reference 4.18.14 "删除容灾记录": the records of the released relationship, on both sites
    for (const c of new Set([ctx.client, standbyClient(state)])) {
      try {
        const res = await c.call(ops.disasterRecovery.deleteRecord, { body: { disaster_name: String(state.name) } });
        if (res.job_id) await waitJob(ctx, c, res.job_id, "deleting the DR records", "delete");
      } catch (e) {
        // reference A.3 DBS.200044 "访问资源不存在": no record under that name on this site (already gone)
        if (!(e instanceof TpopsApiError && e.errorCode === "DBS.200044")) throw e;
      }
    }
  },
};

const base = makeProvider(disasterRecoveryDefinition);

/** Preview refusals the platform would make: stream-only toggles, and the platforms' data about the standby. */
async function createRefusals(i: Bag): Promise<CheckFailure[]> {
  const out: CheckFailure[] = [];
  const primary = i.instanceId;
  const ip = i.standbyDataIp;
  if (typeof primary !== "string" || primary === UNKNOWN || typeof ip !== "string" || ip === UNKNOWN) return out;
  const standbySite = typeof i.standbySite === "string" ? i.standbySite : undefined;
  // reference 4.18.4 dr_ip "灾备实例任意数据IP": an instance on the standby's site has a node with that data IP
  const standby = await lookupForPreview(`the instance with data IP ${ip}`, async () => {
    const all = await siteClient(standbySite).listAll(ops.instances.list);
    return all.find((x) => (x.nodes ?? []).some((n) => n.data_ip === ip)) ?? null;
  });
  if (standby === null) {
    out.push({ property: "standbyDataIp", reason: `standbyDataIp: no instance on ${standbySite ? `site ${standbySite}` : "the standby's platform"} has a node with data IP ${ip} (reference 4.18.4 dr_ip "灾备实例任意数据IP"); give a data IP of the standby instance${standbySite ? "" : ", and standbySite when it is on another site"}` });
    return out;
  }
  if (standby === undefined) return out;
  // reference 4.18.13 "获取可搭建灾备实例列表": the standby must be one the primary's platform lists for it
  const candidates = await lookupForPreview(`DR candidates of ${primary}`, async () => (await siteClient().call(ops.disasterRecovery.candidates, { body: { master_instance_id: primary, disaster_type: String(i.disasterType) } })).instance_list ?? []);
  if (candidates && !candidates.some((c) => c.instance_id === standby.id)) {
    out.push({
      property: "standbyDataIp",
      reason: `standbyDataIp: ${ip} is instance ${standby.name} (${standby.id}), which is not a DR candidate of instance ${primary} (reference 4.18.13 lists ${candidates.map((c) => `${c.instance_name ?? c.instance_id}`).join(", ") || "none"}); choose an instance it lists`,
    });
  }
  return out;
}

/** DisasterRecovery provider methods: the framework's, plus the stream-only rule and the live checks at preview. */
export const disasterRecovery: ProviderImpl = {
  ...base,
  async check(olds, news) {
    const r = await base.check(olds, news);
    const inputs = r.inputs ?? {};
    const failures = [...(r.failures ?? [])];
    for (const k of ["drill", "keepLog"] as const) {
      // reference 4.18.9 "目前只有stream流容灾支持", 4.18.11 "目前只有stream流容灾支持"
      if (inputs[k] === true && inputs.disasterType === "dorado") failures.push({ property: k, reason: `${k}: true needs disasterType stream (reference ${k === "drill" ? "4.18.9" : "4.18.11"} "目前只有stream流容灾支持"); set it to false` });
    }
    const creating = Object.keys(strip(olds)).length === 0;
    if (creating && !failures.length && inputs.adopt !== true) failures.push(...(await createRefusals(inputs)));
    return failures.length ? { inputs, failures } : r;
  },
};
