/**
 * InstanceParameters (reference 4.3.1–4.3.2): the values of some parameters of an instance. Only the given keys
 * are managed; their previous values are recorded and restored on delete or when a key is dropped.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { ops, TpopsApiError, TpopsError, type ConfigurationParameter } from "../../client";
import { waitUntilJobDone } from "../../waiters";
import { client as configuredClient } from "../../config";
import { claimSetting, makeProvider, pulumiName, resourceIdentity, settingClaimant, UNKNOWN, v, type CheckFailure, type Ctx, type ProviderImpl, type ResourceDefinition } from "../framework";
import { lookupForPreview } from "../live";
import { nearestNames } from "../nearest-name";
import { printWarnings } from "../rules";
import { InstanceParametersMeta, type InstanceParametersOutputs } from "../schema.gen";

const Inputs = z.object({
  // reference 4.3.2 instance_id: "是 String 实例ID" (empty names no instance).
  instanceId: z.string().min(1, { error: "is empty; use the id of an Instance" }),
  restartIfRequired: z.boolean(),
  timeouts: v.timeouts().optional(),
  values: z
    // reference 4.3.2 table 4-88 map: "Map<String,String> 参数名,参数值"; names and ranges are checked against 4.3.1 (valueFailures).
    // reference 4.3.2 values "否" (optional): an empty map manages nothing and is only warned about (check).
    .record(z.string().min(1, { error: "is an empty parameter name" }), z.string({ error: 'is not a string; parameter values are strings, e.g. "4"' })),
});

type In = z.output<typeof Inputs>;

/** The settings target of one parameter of one instance (see claimSetting). */
const target = (instanceId: string, key: string) => `parameter:${instanceId}:${key}`;
type Out = InstanceParametersOutputs;
type Template = Map<string, ConfigurationParameter>;

const NUM = "(-?\\d+(?:\\.\\d+)?)";
const NUMERIC_RANGE = new RegExp(`^${NUM}\\s*[-~]\\s*${NUM}$`);

/**
 * Why `value` is outside a parameter's `value_range` (reference 4.3.1 table 4-83), or undefined. reference 4.3.2
 * 接口约束: "改的参数必须在指定数据库引擎版本的默认参数范围内" — the value as written: `"ON"` is not in `on,off` and
 * `" 10"` is not a number (see canonicalValue for the fix offered).
 */
export function rangeProblem(p: ConfigurationParameter, value: string): string | undefined {
  const range = (p.value_range ?? "").trim();
  if (!range) return undefined;
  const num = NUMERIC_RANGE.exec(range);
  if (num) {
    const [lo, hi] = [Number(num[1]), Number(num[2])];
    const decimals = p.type === "float" || /\./.test(range);
    if (!(decimals ? /^-?\d+(\.\d+)?$/ : /^-?\d+$/).test(value)) return `is not ${decimals ? "a number" : "a whole number"}`;
    const n = Number(value);
    return n < lo || n > hi ? `is outside` : undefined;
  }
  const len = /^length\s+(\d+)\s*-\s*(\d+)$/i.exec(range);
  if (len) return value.length < Number(len[1]) || value.length > Number(len[2]) ? "has a length outside" : undefined;
  return enumOptions(range).includes(value) ? undefined : "is not one of";
}

/** What a `value_range` allows, read out the way rangeProblem reads it (getParameterTemplate's minimum/maximum, lengths, options). */
export function rangeLimits(valueRange: string | null | undefined): { minimum?: number; maximum?: number; minLength?: number; maxLength?: number; allowedValues?: string[] } {
  const range = (valueRange ?? "").trim();
  if (!range) return {};
  const num = NUMERIC_RANGE.exec(range);
  if (num) return { minimum: Number(num[1]), maximum: Number(num[2]) };
  const len = /^length\s+(\d+)\s*-\s*(\d+)$/i.exec(range);
  if (len) return { minLength: Number(len[1]), maxLength: Number(len[2]) };
  return { allowedValues: enumOptions(range) };
}

/** Enumerations are comma-separated; an option may itself contain ", " (DateStyle's "ISO, MDY"). */
function enumOptions(range: string): string[] {
  return range.split(/,(?! )/).map((o) => o.trim());
}

/**
 * The in-range spelling of a value that differs from one only in case or surrounding spaces (`"ON"` → `on`,
 * `" 10"` → `10`), or undefined. Such a value is refused with this fix rather than sent: the platform keeps values
 * in the range's spelling, so it would read back differently and show as drift on every up.
 */
export function canonicalValue(p: ConfigurationParameter, value: string): string | undefined {
  const range = (p.value_range ?? "").trim();
  if (!range || !rangeProblem(p, value)) return undefined;
  const trimmed = value.trim();
  if (/^length\s/i.test(range)) return undefined; // spaces are part of a string value
  if (NUMERIC_RANGE.test(range)) return trimmed !== value && !rangeProblem(p, trimmed) ? trimmed : undefined;
  return enumOptions(range).find((o) => o.toLowerCase() === trimmed.toLowerCase());
}

/** Failures for names missing from the template and values outside their ranges; `path` prefixes the property. */
export function valueFailures(template: Template, values: Record<string, string>, instanceId: string, version: string): CheckFailure[] {
  const out: CheckFailure[] = [];
  for (const [name, value] of Object.entries(values)) {
    const property = `values.${name}`;
    const p = template.get(name);
    // reference 4.3.2 values: "用户基于默认参数模板自定义的参数值" — a parameter of the instance's template (4.3.1).
    if (!p) {
      // The nearest names by edit distance (max_conections → max_connections), then those containing the name.
      const near = nearestNames(name, template.keys(), { strip: /^(cn|dn):/i });
      out.push({
        property,
        reason: `${property}: ${JSON.stringify(name)} is not a parameter of instance ${instanceId} (${version}); ${near.length ? `did you mean ${near.join(", ")}?` : "check the name (distributed instances name parameters cn:<name> or dn:<name>)"} (getParameterTemplate lists them)`,
      });
      continue;
    }
    // reference 4.3.2 接口约束: "改的参数必须在指定数据库引擎版本的默认参数范围内" (the range is 4.3.1's value_range).
    const why = rangeProblem(p, value);
    if (!why) continue;
    const fix = canonicalValue(p, value);
    // "is outside the allowed range 10-262143 of x", "is not a whole number (the allowed range of x is 10-262143)".
    const what = /number$/.test(why) ? `${why} (the allowed range of ${name} is ${p.value_range})` : `${why} the allowed range ${p.value_range} of ${name}`;
    out.push({
      property,
      reason:
        fix !== undefined
          ? `${property}: ${JSON.stringify(value)} ${what} as written; did you mean ${JSON.stringify(fix)}? (the platform keeps the range's spelling)`
          : `${property}: ${JSON.stringify(value)} ${what}; use a value in ${p.value_range}`,
    });
  }
  return out;
}

async function readTemplate(ctx: Pick<Ctx, "client">, instanceId: string): Promise<{ template: Template; version: string }> {
  const res = await ctx.client.call(ops.configurations.get, { path: { instance_id: instanceId } });
  return { template: new Map(res.configuration_parameters.map((p) => [p.name, p])), version: `${res.datastore_name ?? "GaussDB"} ${res.datastore_version ?? ""}`.trim() };
}

const isGone = (e: unknown) =>
  e instanceof TpopsApiError && (e.status === 404 || ["DBS.200002", "DBS.200602", "DBS.280404", "DBS.200044"].includes(e.errorCode ?? ""));

const current = (template: Template, keys: readonly string[]) =>
  Object.fromEntries(keys.flatMap((k) => (template.has(k) ? [[k, String(template.get(k)?.value ?? "")]] : [])));

/**
 * Validates `target` against the live template, then sets the keys whose value differs (4.3.2) and waits for the
 * job; restarts (4.11.10) when the platform says so and `restart` is true. Returns whether a restart is pending.
 */
async function applyValues(ctx: Ctx, instanceId: string, target: Record<string, string>, restart: boolean, key: "create" | "update" | "delete"): Promise<{ pending: boolean; template: Template }> {
  const { template, version } = await readTemplate(ctx, instanceId);
  const failures = valueFailures(template, target, instanceId, version);
  if (failures.length) throw new TpopsError(`nothing was changed: ${failures.map((f) => f.reason).join("; ")}`);
  const changes = Object.fromEntries(Object.entries(target).filter(([k, val]) => String(template.get(k)?.value ?? "") !== val));
  if (!Object.keys(changes).length) return { pending: false, template };
  const res = await ctx.client.call(ops.configurations.update, { path: { instance_id: instanceId }, body: { values: changes } });
  if (res.job_id) {
    await waitUntilJobDone(ctx.client, res.job_id, {
      timeout: ctx.timeouts[key],
      timeoutKey: key,
      onProgress: (p) => ctx.progress(`setting ${Object.keys(changes).join(", ")} (job ${p.jobId} ${p.status}${p.progress ? ` ${p.progress}` : ""})`),
    });
  }
  // reference 4.3.2 answers restart_required; the template's per-parameter flag covers a reply without it.
  const needsRestart = res.restart_required ?? Object.keys(changes).some((k) => template.get(k)?.restart_required === true);
  if (!needsRestart) return { pending: false, template };
  if (restart) {
    const { job_id } = await ctx.client.call(ops.instances.restart, { path: { instance_id: instanceId } });
    await waitUntilJobDone(ctx.client, job_id, {
      timeout: ctx.timeouts[key],
      timeoutKey: key,
      onProgress: (p) => ctx.progress(`restarting the instance for ${Object.keys(changes).join(", ")} (job ${p.jobId} ${p.status})`),
    });
    return { pending: false, template };
  }
  ctx.warn(`${Object.keys(changes).join(", ")} take effect only after instance ${instanceId} restarts; restart it, or set restartIfRequired: true`);
  return { pending: true, template };
}

/** The InstanceParameters resource definition. */
export const instanceParametersDefinition: ResourceDefinition<In, Out> = {
  kind: "InstanceParameters",
  meta: InstanceParametersMeta,
  inputs: Inputs,
  localOnly: ["timeouts", "restartIfRequired"],
  defaultTimeouts: { create: "30m", update: "30m", delete: "30m" },
  describeKey: (i) => `instanceId ${i.instanceId}`,
  isGone,

  // Several resources may manage disjoint keys of one instance: nothing to find or adopt.
  async find() {
    return undefined;
  },

  async create(ctx, inputs) {
    const before = await readTemplate(ctx, inputs.instanceId);
    const failures = valueFailures(before.template, inputs.values, inputs.instanceId, before.version);
    if (failures.length) throw new TpopsError(`nothing was changed: ${failures.map((f) => f.reason).join("; ")}`);
    const originalValues = current(before.template, Object.keys(inputs.values));
    const id = `${inputs.instanceId}/parameters/${randomBytes(4).toString("hex")}`;
    const { pending } = await applyValues(ctx, inputs.instanceId, inputs.values, inputs.restartIfRequired, "create");
    const after = (await readTemplate(ctx, inputs.instanceId)).template;
    return {
      id,
      outs: {
        instanceId: inputs.instanceId,
        values: current(after, Object.keys(inputs.values)),
        originalValues,
        pendingRestart: pending,
        restartIfRequired: inputs.restartIfRequired,
      },
    };
  },

  async read(ctx, id, state) {
    // `get` reads with an empty state: the id is `<instance id>/parameters/<suffix>`.
    const instanceId = String(state.instanceId ?? id.split("/")[0]);
    let template: Template;
    try {
      ({ template } = await readTemplate(ctx, instanceId));
    } catch (e) {
      if (isGone(e)) return undefined;
      throw e;
    }
    // Only the managed keys are compared: parameters changed by others cause no drift (`get` reads them all).
    const values = current(template, state.values ? Object.keys(state.values) : [...template.keys()]);
    return {
      instanceId,
      values,
      originalValues: { ...(state.originalValues ?? {}) },
      pendingRestart: state.pendingRestart === true,
      restartIfRequired: state.restartIfRequired === true,
    };
  },

  async update(ctx, _id, olds, news) {
    const { template } = await readTemplate(ctx, news.instanceId);
    const originals = { ...(olds.originalValues ?? {}) };
    const dropped = Object.keys(olds.values ?? {}).filter((k) => !(k in news.values));
    // A key managed for the first time: remember its value before this change.
    for (const k of Object.keys(news.values)) if (!(k in originals) && template.has(k)) originals[k] = String(template.get(k)?.value ?? "");
    const restore = Object.fromEntries(dropped.filter((k) => k in originals).map((k) => [k, String(originals[k])]));
    const { pending } = await applyValues(ctx, news.instanceId, { ...restore, ...news.values }, news.restartIfRequired, "update");
    for (const k of dropped) delete originals[k];
    const after = (await readTemplate(ctx, news.instanceId)).template;
    return {
      instanceId: news.instanceId,
      values: current(after, Object.keys(news.values)),
      originalValues: originals,
      pendingRestart: pending || (olds.pendingRestart === true && !news.restartIfRequired),
      restartIfRequired: news.restartIfRequired,
    };
  },

  async delete(ctx, _id, state) {
    const instanceId = String(state.instanceId);
    const originals: Record<string, string> = {};
    const kept: string[] = [];
    for (const [k, val] of Object.entries(state.originalValues ?? {})) {
      // A key another InstanceParameters of the program now manages (a rename, a move) stays as that one set it.
      const owner = settingClaimant(target(instanceId, k), ctx.self);
      if (owner === undefined) originals[k] = String(val);
      else kept.push(`${k} (now managed by ${owner}; its value from before this stack was ${JSON.stringify(String(val))})`);
    }
    if (kept.length) ctx.warn(`left ${kept.join(", ")} as set; a rename with \`aliases\` keeps the earlier values recorded`);
    if (!Object.keys(originals).length) return;
    ctx.progress(`restoring ${Object.keys(originals).join(", ")}`);
    await applyValues(ctx, String(state.instanceId), { ...originals }, state.restartIfRequired === true, "delete");
  },
};

const base = makeProvider(instanceParametersDefinition);

/** InstanceParameters provider methods: the framework's, plus template validation at preview when the instance id is known. */
export const instanceParameters: ProviderImpl = {
  ...base,
  async check(olds, news) {
    const r = await base.check(olds, news);
    const inputs = r.inputs ?? {};
    const instanceId = inputs.instanceId;
    const values = inputs.values;
    if (!r.failures?.length && values && typeof values === "object" && !Object.keys(values).length) {
      printWarnings("InstanceParameters", news, [{ property: "values", reason: "values: {} names no parameter; this resource manages nothing" }]);
    }
    if (r.failures?.length || typeof instanceId !== "string" || instanceId === UNKNOWN || !values || typeof values !== "object") return r;
    const label = `InstanceParameters ${pulumiName(news) ?? instanceId}`;
    for (const k of Object.keys(values)) claimSetting(target(instanceId, k), resourceIdentity(news), label);
    const given = Object.fromEntries(Object.entries(values as Record<string, unknown>).filter(([, x]) => typeof x === "string" && x !== UNKNOWN)) as Record<string, string>;
    // The instance may not exist yet (it is being replaced) or the platform does not answer: create/update validate
    // again before any change. A refused login fails the preview (lookupForPreview).
    const tpl = await lookupForPreview(`parameter template of instance ${instanceId}`, () => readTemplate({ client: configuredClient() }, instanceId));
    if (!tpl) return r;
    const failures = valueFailures(tpl.template, given, instanceId, tpl.version);
    return failures.length ? { inputs, failures } : r;
  },
};
