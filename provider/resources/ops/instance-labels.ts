/**
 * InstanceLabels (reference 4.11.1 set, 4.11.2 query): labels of an instance kept in its extension information, one
 * key → value each. Only the keys in `labels` are owned; the value each had is recorded and put back on delete. The
 * reference has no call that removes a key, so a key that had no value before stays after delete, and the delete
 * says so.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { ops, TpopsError } from "../../client";
import { makeProvider, settingClaimant, UNKNOWN, v, type Ctx, type ProviderImpl, type ResourceDefinition } from "../framework";
import { printWarnings } from "../rules";
import { InstanceLabelsMeta, type InstanceLabelsOutputs } from "../schema.gen";
import { instanceById, isInstanceGone, SettingOwners } from "./instance-switch-common";

const Inputs = z.object({
  // reference 4.11.1 / 4.11.2 table 4-470 instance_id: "是 String 实例ID" (empty names no instance).
  instanceId: z.string().min(1, { error: "is empty; use the id of an Instance" }),
  // reference 4.11.1 table 4-472 key "是 String 扩展信息的字段名称", value "是 String 扩展信息的值": strings, no other rule printed.
  labels: z.record(z.string(), z.string({ error: 'is not a string; label values are strings, e.g. "orders"' })),
  timeouts: v.timeouts().optional(),
});

type In = z.output<typeof Inputs>;
type Out = InstanceLabelsOutputs;

const target = (instanceId: string, key: string) => `label:${instanceId}:${key}`;

/**
 * The key of the reference's own 4.11.1 example ("BackupSet" : "/etc/xbsa.conf"): extension information where the
 * platform keeps its XBSA backup configuration. Warned, not refused (no rule reserves it).
 */
const PLATFORM_KEYS = ["BackupSet"];

/** The live value of each key (4.11.2, one call per key); a key never set is absent. Undefined: the instance is gone. */
async function readKeys(ctx: Pick<Ctx, "client">, instanceId: string, keys: readonly string[]): Promise<Record<string, string> | undefined> {
  const out: Record<string, string> = {};
  try {
    for (const key of keys) {
      const r = await ctx.client.call(ops.extendInfo.get, { path: { instance_id: instanceId }, query: { key } });
      if (typeof r.value === "string") out[key] = r.value;
    }
  } catch (e) {
    if (isInstanceGone(e)) return undefined;
    throw e;
  }
  if (!keys.length && !(await instanceById(ctx.client, instanceId))) return undefined;
  return out;
}

/** Sets the keys whose live value differs (4.11.1, one call per key). */
async function writeKeys(ctx: Ctx, instanceId: string, want: Record<string, string>, live: Record<string, string>): Promise<void> {
  const changes = Object.entries(want).filter(([k, val]) => live[k] !== val);
  if (!changes.length) return;
  ctx.progress(`setting ${changes.map(([k]) => k).join(", ")}`);
  for (const [key, value] of changes) await ctx.client.call(ops.extendInfo.set, { path: { instance_id: instanceId }, body: { key, value } });
}

const shown = (m: Record<string, string>) =>
  Object.entries(m)
    .map(([k, val]) => `${k} ${JSON.stringify(val)}`)
    .join(", ");

/** The keys that stay because no call removes a key, as a warning. */
function leftBehind(ctx: Ctx, instanceId: string, left: Record<string, string>, why: string): void {
  if (!Object.keys(left).length) return;
  ctx.warn(
    `${why}: ${shown(left)} stay${Object.keys(left).length === 1 ? "s" : ""} on instance ${instanceId} — they had no value before this stack, and the reference has no call that removes an extension key (4.11.1 only sets one). Set them to a value you want with another InstanceLabels, or leave them`,
  );
}

/** The InstanceLabels resource definition. */
export const instanceLabelsDefinition: ResourceDefinition<In, Out> = {
  kind: "InstanceLabels",
  meta: InstanceLabelsMeta,
  inputs: Inputs,
  localOnly: ["timeouts"],
  defaultTimeouts: { create: "5m", update: "5m", delete: "5m" },
  describeKey: (i) => `instanceId ${i.instanceId}`,
  isGone: isInstanceGone,

  // Several resources may own disjoint keys of one instance: nothing to find or adopt.
  async find() {
    return undefined;
  },

  async create(ctx, inputs) {
    const keys = Object.keys(inputs.labels);
    const before = await readKeys(ctx, inputs.instanceId, keys);
    if (!before) throw new TpopsError(`instance ${inputs.instanceId} not found; check instanceId`);
    const handSet = Object.fromEntries(Object.entries(before).filter(([k, val]) => inputs.labels[k] !== val));
    if (Object.keys(handSet).length) ctx.warn(`takes over labels set outside this stack (${shown(handSet)}); deleting this resource puts these values back`);
    await writeKeys(ctx, inputs.instanceId, inputs.labels, before);
    const after = await readKeys(ctx, inputs.instanceId, keys);
    if (!after) throw new TpopsError(`instance ${inputs.instanceId} disappeared while its labels were set`);
    // The id names the resource, not the keys (a rename of keys is an update): a hash of its URN, stable across runs.
    const suffix = createHash("sha256").update(String(ctx.self || keys.join("\0"))).digest("hex").slice(0, 8);
    return { id: `${inputs.instanceId}/labels/${suffix}`, outs: { instanceId: inputs.instanceId, labels: after, originalLabels: before } };
  },

  async read(ctx, id, state) {
    const instanceId = String(state.instanceId ?? id.split("/")[0]);
    // Only the owned keys are read: others may change without drift. `get` has no keys to read (4.11.2 lists none).
    const labels = await readKeys(ctx, instanceId, Object.keys(state.labels ?? {}));
    return labels && { instanceId, labels, originalLabels: { ...(state.originalLabels ?? {}) } };
  },

  async update(ctx, _id, olds, news) {
    const originals = { ...(olds.originalLabels ?? {}) };
    const oldKeys = Object.keys(olds.labels ?? {});
    const newKeys = Object.keys(news.labels);
    const dropped = oldKeys.filter((k) => !(k in news.labels));
    const added = newKeys.filter((k) => !oldKeys.includes(k));
    const live = await readKeys(ctx, news.instanceId, [...new Set([...newKeys, ...dropped])]);
    if (!live) throw new TpopsError(`instance ${news.instanceId} not found; it was deleted outside this stack`);
    // A key owned for the first time: remember its value before this change.
    for (const k of added) if (live[k] !== undefined && !(k in originals)) originals[k] = live[k];
    const restore: Record<string, string> = {};
    const left: Record<string, string> = {};
    for (const k of dropped) {
      if (settingClaimant(target(news.instanceId, k), ctx.self) !== undefined) continue; // another InstanceLabels took it
      if (k in originals) restore[k] = String(originals[k]);
      else if (live[k] !== undefined) left[k] = live[k];
    }
    await writeKeys(ctx, news.instanceId, { ...restore, ...news.labels }, live);
    leftBehind(ctx, news.instanceId, left, `dropped from labels`);
    for (const k of dropped) delete originals[k];
    const after = await readKeys(ctx, news.instanceId, newKeys);
    if (!after) throw new TpopsError(`instance ${news.instanceId} disappeared during the update`);
    return { instanceId: news.instanceId, labels: after, originalLabels: originals };
  },

  async delete(ctx, _id, state) {
    const keys = Object.keys(state.labels ?? {});
    const live = await readKeys(ctx, state.instanceId, keys);
    if (!live) return; // the instance is gone, and its extension information with it
    const restore: Record<string, string> = {};
    const left: Record<string, string> = {};
    const kept: string[] = [];
    for (const k of keys) {
      const owner = settingClaimant(target(state.instanceId, k), ctx.self);
      if (owner !== undefined) kept.push(`${k} (now owned by ${owner})`);
      else if (state.originalLabels && k in state.originalLabels) restore[k] = String(state.originalLabels[k]);
      else if (live[k] !== undefined) left[k] = live[k];
    }
    if (kept.length) ctx.note(`left ${kept.join(", ")} as set`);
    if (Object.keys(restore).length) ctx.progress(`putting back ${shown(restore)}`);
    await writeKeys(ctx, state.instanceId, restore, live);
    leftBehind(ctx, state.instanceId, left, "not removed");
  },
};

const base = makeProvider(instanceLabelsDefinition);
const owners = new SettingOwners();

/** Forgets the label owners (tests). */
export function resetInstanceLabelOwners(): void {
  owners.reset();
}

/** InstanceLabels provider methods: the framework's, plus one owner per key and warnings for unusual keys. */
export const instanceLabels: ProviderImpl = {
  ...base,
  async check(olds, news) {
    const r = await base.check(olds, news);
    const inputs = r.inputs as In | undefined;
    if (r.failures?.length || !inputs || typeof inputs.labels !== "object" || inputs.labels === null) return r;
    const keys = Object.keys(inputs.labels);
    const warnings = [];
    if (!keys.length) warnings.push({ property: "labels", reason: "labels: {} names no key; this resource manages nothing" });
    // reference 4.11.1 key "是 String": an empty name is a string, so it is sent; it names nothing a person can read.
    if (keys.includes("")) warnings.push({ property: "labels", reason: 'labels: the key "" is empty; the platform takes it, but nothing can tell it apart — give it a name' });
    for (const k of keys.filter((x) => PLATFORM_KEYS.includes(x))) {
      warnings.push({ property: `labels.${k}`, reason: `labels.${k}: the platform keeps its own settings in extension information under this key (reference 4.11.1's example "BackupSet" : "/etc/xbsa.conf"); a label here changes them — use a key of your own` });
    }
    if (warnings.length) printWarnings("InstanceLabels", news, warnings);
    const instanceId = inputs.instanceId;
    if (typeof instanceId !== "string" || instanceId === UNKNOWN) return r;
    const oldKeys = typeof olds.instanceId === "string" && olds.labels && typeof olds.labels === "object" ? Object.keys(olds.labels).map((k) => target(String(olds.instanceId), k)) : [];
    const failures = owners.claim(
      "InstanceLabels",
      news,
      keys.map((k) => ({ target: target(instanceId, k), property: `labels.${k}`, what: `the label ${JSON.stringify(k)} of instance ${instanceId}` })),
      oldKeys,
    );
    return failures.length ? { inputs, failures } : r;
  },
};
