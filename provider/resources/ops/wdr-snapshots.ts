/**
 * WdrSnapshots (reference 4.5.7, 4.5.8): the WDR snapshot switch of an instance. A settings resource: create records
 * the switch as it was and sets it, delete turns it back; one WdrSnapshots per instance in a stack.
 */
import { z } from "zod";
import { ops, TpopsError } from "../../client";
import { client as configuredClient } from "../../config";
import { makeProvider, settingClaimant, UNKNOWN, v, type Ctx, type ProviderImpl, type ResourceDefinition } from "../framework";
import { lookupForPreview } from "../live";
import { WdrSnapshotsMeta, type WdrSnapshotsOutputs } from "../schema.gen";
import { instanceById, isInstanceGone, kernelRefusal, SettingOwners } from "./instance-switch-common";

const Inputs = z.object({
  // reference 4.5.8 table 4-225 status: "是 String 开关状态 … 枚举值: ON OFF" (sent as ON / OFF).
  enabled: z.boolean(),
  // reference 4.5.7 / 4.5.8 table 4-219 instance_id: "是 String 实例ID" (empty names no instance).
  instanceId: z.string().min(1, { error: "is empty; use the id of an Instance" }),
  timeouts: v.timeouts().optional(),
});

type In = z.output<typeof Inputs>;
type Out = WdrSnapshotsOutputs;

/** The settings target of an instance's switch. */
const target = (instanceId: string) => `wdrSnapshots:${instanceId}`;

/** The live switch (4.5.7), or undefined when the instance is gone. */
async function readSwitch(ctx: Pick<Ctx, "client">, instanceId: string): Promise<{ enabled: boolean; firstSnapshotTime?: string } | undefined> {
  try {
    const s = await ctx.client.call(ops.wdrSnapshots.get, { path: { instance_id: instanceId } });
    // reference 4.5.7 table 4-221 status "枚举值: ON OFF"; start_time "若内核未生成快照,则该值为空".
    return { enabled: s.status.toUpperCase() === "ON", ...(s.start_time ? { firstSnapshotTime: s.start_time } : {}) };
  } catch (e) {
    if (isInstanceGone(e)) return undefined;
    throw e;
  }
}

/** Sets the switch (4.5.8) after checking the instance can take it. */
async function setSwitch(ctx: Ctx, instanceId: string, enabled: boolean): Promise<void> {
  const inst = await instanceById(ctx.client, instanceId);
  if (!inst) throw new TpopsError(`instance ${instanceId} not found; check instanceId`);
  const why = kernelRefusal(inst);
  if (why) throw new TpopsError(`nothing was changed: WDR snapshots cannot be switched ${enabled ? "on" : "off"}: ${why}`);
  ctx.progress(`switching WDR snapshots ${enabled ? "on" : "off"}`);
  await ctx.client.call(ops.wdrSnapshots.set, { path: { instance_id: instanceId }, body: { status: enabled ? "ON" : "OFF" } });
}

async function stateOf(ctx: Pick<Ctx, "client">, instanceId: string, originalEnabled: boolean): Promise<Out> {
  const live = await readSwitch(ctx, instanceId);
  if (!live) throw new TpopsError(`instance ${instanceId} disappeared while its WDR snapshot switch was set`);
  return { instanceId, ...live, originalEnabled };
}

/** The WdrSnapshots resource definition. */
export const wdrSnapshotsDefinition: ResourceDefinition<In, Out> = {
  kind: "WdrSnapshots",
  meta: WdrSnapshotsMeta,
  inputs: Inputs,
  localOnly: ["timeouts"],
  defaultTimeouts: { create: "5m", update: "5m", delete: "5m" },
  describeKey: (i) => `instanceId ${i.instanceId}`,
  isGone: isInstanceGone,

  // Every instance has a switch: nothing to adopt or conflict with, only a value to set.
  async find() {
    return undefined;
  },

  async create(ctx, inputs) {
    const before = await readSwitch(ctx, inputs.instanceId);
    if (!before) throw new TpopsError(`instance ${inputs.instanceId} not found; check instanceId`);
    if (before.enabled) {
      // A new instance's switch is OFF: ON was set by hand (or by another tool). Taking over is visible and reversible.
      ctx.warn(`takes over WDR snapshots switched on outside this stack; deleting this resource switches them on again`);
    }
    if (before.enabled !== inputs.enabled) await setSwitch(ctx, inputs.instanceId, inputs.enabled);
    return { id: `${inputs.instanceId}/wdr-snapshots`, outs: await stateOf(ctx, inputs.instanceId, before.enabled) };
  },

  async read(ctx, id, state) {
    const instanceId = String(state.instanceId ?? id.split("/")[0]);
    const live = await readSwitch(ctx, instanceId);
    // `get` (empty state) records the live value as the original: deleting nothing changes nothing.
    return live && { instanceId, ...live, originalEnabled: state.originalEnabled ?? live.enabled };
  },

  async update(ctx, _id, olds, news) {
    const live = await readSwitch(ctx, news.instanceId);
    if (!live) throw new TpopsError(`instance ${news.instanceId} not found; it was deleted outside this stack`);
    if (live.enabled !== news.enabled) await setSwitch(ctx, news.instanceId, news.enabled);
    return stateOf(ctx, news.instanceId, olds.originalEnabled);
  },

  async delete(ctx, _id, state) {
    const owner = settingClaimant(target(state.instanceId), ctx.self);
    if (owner !== undefined) {
      ctx.note(`the WDR snapshot switch of instance ${state.instanceId} now belongs to ${owner}; left as it set it`);
      return;
    }
    const live = await readSwitch(ctx, state.instanceId);
    if (!live || live.enabled === state.originalEnabled) return;
    ctx.progress(`switching WDR snapshots back ${state.originalEnabled ? "on" : "off"}, as before this stack`);
    await setSwitch(ctx, state.instanceId, state.originalEnabled);
  },
};

const base = makeProvider(wdrSnapshotsDefinition);
const owners = new SettingOwners();

/** Forgets the switch owners (tests). */
export function resetWdrSnapshotOwners(): void {
  owners.reset();
}

/** WdrSnapshots provider methods: the framework's, plus one owner per instance and the instance's state at preview. */
export const wdrSnapshots: ProviderImpl = {
  ...base,
  async check(olds, news) {
    const r = await base.check(olds, news);
    const inputs = r.inputs ?? {};
    const instanceId = inputs.instanceId;
    if (r.failures?.length || typeof instanceId !== "string" || instanceId === UNKNOWN) return r;
    const old = typeof olds.instanceId === "string" ? [target(olds.instanceId)] : [];
    // reference 4.5.8: an instance has one switch ("打开或者关闭GaussDB实例WDR快照开关").
    const failures = owners.claim("WdrSnapshots", news, [{ target: target(instanceId), property: "instanceId", what: `the WDR snapshot switch of instance ${instanceId}` }], old);
    if (failures.length) return { inputs, failures };
    if (typeof inputs.enabled !== "boolean") return r;
    // A switch that must change on an instance that cannot take it now is refused now (create/update check again).
    const client = configuredClient();
    const live = await lookupForPreview(`WDR snapshot switch of instance ${instanceId}`, async () => ({ sw: await readSwitch({ client }, instanceId), inst: await instanceById(client, instanceId) }));
    if (!live) return r;
    if (!live.sw || !live.inst) {
      return { inputs, failures: [{ property: "instanceId", reason: `instanceId: ${JSON.stringify(instanceId)} is not an instance of the platform (A.3 DBS.200002 "实例不存在"); use the id of an Instance, or one getInstances lists` }] };
    }
    const why = live.sw.enabled !== inputs.enabled ? kernelRefusal(live.inst) : undefined;
    return why ? { inputs, failures: [{ property: "enabled", reason: `enabled: ${inputs.enabled} cannot be applied now: ${why}` }] } : r;
  },
};
