/**
 * The resource framework shared by every TPOPS resource: check (zod issues → check failures naming the
 * field, the value and the fix; defaults; auto-naming), field-by-field diff (in place vs replace),
 * read with drift (empty id when gone), adopt, timeouts, partial creates and "already gone" deletes.
 */
import { z } from "zod";
import { randomBytes } from "node:crypto";
import { isIPv4 } from "node:net";
import { TpopsApiError, TpopsConfigError, TpopsError, type TpopsClient } from "../client";
import { parseDuration } from "../waiters";
import { client as configuredClient, providerLog } from "../config";
import type { ResourceMeta } from "./schema.gen";

/** The value Pulumi passes for inputs not yet known during preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** The key under which the engine keeps the serialized provider in inputs and state. */
const PROVIDER_KEY = "__provider";
/** Input the SDK classes pass so check() can derive a name from the Pulumi resource name. */
export const AUTO_NAME_KEY = "__autoNamePrefix";

/** One check failure as the engine shows it at preview time. */
export interface CheckFailure {
  property: string;
  reason: string;
}

/** Wait limits of one resource, in milliseconds. */
export interface Timeouts {
  create: number;
  update: number;
  delete: number;
}

/** What a resource implementation gets for one CRUD call. */
export interface Ctx {
  readonly client: TpopsClient;
  /** Human label for messages, e.g. `Host db-1`. */
  readonly label: string;
  readonly timeouts: Timeouts;
  /** Reports progress: one stderr line per distinct message (the engine shows it under the stack). */
  progress(msg: string): void;
}

/** Thrown by a resource's create when the platform accepted the object but a later step failed. */
export class PartialCreateError extends TpopsError {
  override readonly name = "PartialCreateError" as const;
  constructor(
    readonly id: string,
    readonly outs: object,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/**
 * Sends a create that the platform does not deduplicate (POST) without ever leaving an orphan or a
 * duplicate: when the reply is lost or is a server error, the object is looked up by its natural key;
 * found means the platform acted; absent means it did not, so the create is sent again (bounded).
 * A definite refusal (4xx other than 429) is thrown at once.
 */
export async function createIdempotently<R>(
  ctx: Pick<Ctx, "progress">,
  send: () => Promise<R>,
  lookup: () => Promise<{ id: string } | undefined>,
  attempts = 4,
): Promise<{ sent: R } | { found: { id: string } }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { sent: await send() };
    } catch (e) {
      if (e instanceof TpopsApiError && e.status < 500 && e.status !== 429) throw e;
      const found = await lookup().catch(() => undefined);
      if (found) {
        ctx.progress("the create reply was lost after the platform acted; continuing with the created object");
        return { found };
      }
      if (attempt >= attempts) throw e;
      ctx.progress(`the create failed before the platform acted (${e instanceof Error ? e.message : String(e)}); sending it again`);
      await new Promise((r) => setTimeout(r, 250 * 2 ** attempt * Math.random()));
    }
  }
}

/** A resource: its schema facts, input validation and CRUD against the platform. */
export interface ResourceDefinition<I extends object, O extends object> {
  readonly kind: string;
  readonly meta: ResourceMeta;
  /** Validates and normalises inputs (defaults already applied). */
  readonly inputs: z.ZodType<I>;
  /** Derive `name` from the Pulumi resource name when absent. */
  readonly autoName?: { readonly maxLength: number; readonly sanitize: (s: string) => string };
  /** Inputs whose change needs no API call (kept in state only). */
  readonly localOnly: readonly string[];
  /** Replacement must delete first (uniqueness on the platform forbids side by side). */
  readonly deleteBeforeReplace?: boolean;
  readonly defaultTimeouts: { create: string; update: string; delete: string };
  /** How the natural key reads in messages, e.g. `manage IP 10.0.0.5`. */
  describeKey(inputs: I): string;
  /** Finds an existing object by its natural key (for adopt and for conflicts). */
  find(ctx: Ctx, inputs: I): Promise<{ id: string } | undefined>;
  create(ctx: Ctx, inputs: I): Promise<{ id: string; outs: O }>;
  /** Live state, or undefined when the object is gone. */
  read(ctx: Ctx, id: string, state: Partial<O>): Promise<O | undefined>;
  /** Applies the changed fields (never replace fields) and returns the new state. */
  update(ctx: Ctx, id: string, olds: O, news: I, changed: readonly string[]): Promise<O>;
  delete(ctx: Ctx, id: string, state: O): Promise<void>;
  /** Preview-time refusals that need the old state (may throw with the reason). */
  checkChange?(id: string, olds: O, news: I, changed: readonly string[]): Promise<void> | void;
  /** True when a delete error means the object is already gone. */
  isGone?(e: unknown): boolean;
}

/** The dynamic-provider surface a stub delegates to. */
export interface ProviderImpl {
  check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ inputs?: Record<string, unknown>; failures?: CheckFailure[] }>;
  diff(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ changes: boolean; replaces: string[]; deleteBeforeReplace: boolean }>;
  create(inputs: Record<string, unknown>): Promise<{ id: string; outs: Record<string, unknown> }>;
  read(id: string, props: Record<string, unknown>): Promise<{ id: string; props: Record<string, unknown>; inputs?: Record<string, unknown> }>;
  update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ outs: Record<string, unknown> }>;
  delete(id: string, props: Record<string, unknown>): Promise<void>;
}

// ---------------------------------------------------------------- validation helpers

/** zod building blocks whose messages read as "<value> <message>; <fix>" after the field name. */
export const v = {
  /** A string of at most `max` characters (or UTF-8 bytes when `bytes`). */
  text(max: number, opts: { bytes?: boolean; min?: number } = {}) {
    const unit = opts.bytes ? "bytes" : "characters";
    const len = (s: string) => (opts.bytes ? Buffer.byteLength(s) : [...s].length);
    return z
      .string()
      .refine((s) => len(s) >= (opts.min ?? 0), { error: `is shorter than ${opts.min ?? 0} ${unit}` })
      .refine((s) => len(s) <= max, { error: `is longer than ${max} ${unit}; shorten it` });
  },
  /** A case-insensitive choice, normalised to the canonical spelling. */
  oneOf<const T extends readonly [string, ...string[]]>(values: T) {
    return z.string().transform((s, ctx) => {
      const hit = values.find((x) => x.toLowerCase() === s.trim().toLowerCase());
      if (hit === undefined) {
        ctx.addIssue({ code: "custom", message: `is not one of ${values.join(", ")}; use one of them`, input: s });
        return z.NEVER;
      }
      return hit as T[number];
    });
  },
  ipv4() {
    return z.string().refine((s) => isIPv4(s), { error: "is not an IPv4 address; use dotted form such as 192.168.0.10" });
  },
  /** An integer in [min, max]. */
  int(min: number, max: number) {
    return z
      .number()
      .int({ error: "is not a whole number" })
      .min(min, { error: `is below the minimum ${min}` })
      .max(max, { error: `is above the maximum ${max}` });
  },
  /** A TCP port, refusing the ones TPOPS reserves. */
  port(reserved: readonly number[]) {
    return v.int(1, 65535).refine((p) => !reserved.includes(p), { error: `is reserved by TPOPS (${reserved.join(", ")}); choose another port` });
  },
  /** The common `timeouts` input: durations such as `30m`. */
  timeouts() {
    const d = z.string().refine(
      (s) => {
        try {
          parseDuration(s);
          return true;
        } catch {
          return false;
        }
      },
      { error: 'is not a duration; use e.g. "90s", "20m" or "1h30m"' },
    );
    return z.strictObject({ create: d.optional(), update: d.optional(), delete: d.optional() }, { error: "has unknown keys; use create, update and delete" });
  },
};

/** True when the value at `path` (or any value above it) is not yet known. */
function unknownAt(obj: unknown, path: readonly PropertyKey[]): boolean {
  let cur: unknown = obj;
  if (cur === UNKNOWN) return true;
  for (const step of path) {
    if (cur === null || typeof cur !== "object") return false;
    cur = (cur as Record<PropertyKey, unknown>)[step];
    if (cur === UNKNOWN) return true;
  }
  return false;
}

function valueAt(obj: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = obj;
  for (const step of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[step];
  }
  return cur;
}

function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined) return "undefined";
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** Turns zod issues into check failures: `keepDays: 733 is above the maximum 732`. */
export function issuesToFailures(error: z.ZodError, input: unknown, secrets: readonly string[]): CheckFailure[] {
  const out: CheckFailure[] = [];
  for (const issue of error.issues) {
    if (unknownAt(input, issue.path)) continue;
    const property = issue.path.map(String).join(".") || "(inputs)";
    const value = valueAt(input, issue.path);
    const secret = secrets.includes(String(issue.path[0]));
    let reason: string;
    if (issue.code === "invalid_type" && value === undefined) {
      reason = `${property} is required`;
    } else if (issue.code === "invalid_type" && issue.expected === "int" && typeof value === "number") {
      reason = `${property}: ${secret ? "[secret]" : show(value)} is not a whole number`;
    } else if (issue.code === "invalid_type") {
      reason = `${property}: ${secret ? "[secret]" : show(value)} is a ${Array.isArray(value) ? "list" : typeof value}; expected a ${issue.expected}`;
    } else if (issue.code === "unrecognized_keys") {
      reason = `${property === "(inputs)" ? "inputs" : property}: unknown ${issue.keys.length > 1 ? "properties" : "property"} ${issue.keys.join(", ")}; remove ${issue.keys.length > 1 ? "them" : "it"}`;
    } else {
      reason = `${property}: ${secret ? "[secret]" : show(value)} ${issue.message}`;
    }
    out.push({ property, reason });
  }
  return out;
}

// ---------------------------------------------------------------- diff helpers

/** Deep equality over JSON-like values (numbers and numeric strings compare equal). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((typeof a === "number" && typeof b === "string") || (typeof a === "string" && typeof b === "number")) return String(a) === String(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

/** Inputs the user set (defined in `news`) whose value differs from the state. */
export function changedInputs(meta: ResourceMeta, olds: Record<string, unknown>, news: Record<string, unknown>): string[] {
  // A state without the key (older state, or never set) stands for the schema default.
  const old = (k: string) => (olds[k] === undefined ? meta.defaults[k] : olds[k]);
  return meta.inputs.filter((k) => news[k] !== undefined && !sameValue(old(k), news[k]));
}

function strip(props: Record<string, unknown>): Record<string, unknown> {
  const { [PROVIDER_KEY]: _p, [AUTO_NAME_KEY]: _a, ...rest } = props;
  return rest;
}

function withoutUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;
}

/** Parses a resource's `timeouts` input against its defaults. */
export function resolveTimeouts(input: unknown, defaults: { create: string; update: string; delete: string }): Timeouts {
  const t = (input && typeof input === "object" ? input : {}) as Record<string, string | undefined>;
  return {
    create: parseDuration(t.create ?? defaults.create),
    update: parseDuration(t.update ?? defaults.update),
    delete: parseDuration(t.delete ?? defaults.delete),
  };
}

/** True for a 404 from the platform (the object is gone). */
export function isNotFound(e: unknown): boolean {
  return e instanceof TpopsApiError && e.status === 404;
}

// ---------------------------------------------------------------- the provider

/** Builds the dynamic-provider methods for one resource definition. */
export function makeProvider<I extends object, O extends object>(
  typed: ResourceDefinition<I, O>,
  getClient: () => TpopsClient = configuredClient,
): ProviderImpl {
  type Bag = Record<string, unknown>;
  const def = typed as unknown as ResourceDefinition<Bag, Bag>;
  const ctxFor = (name: unknown, timeoutsInput: unknown): Ctx => {
    const label = `${def.kind} ${typeof name === "string" && name ? name : "(unnamed)"}`;
    let last = "";
    return {
      client: getClient(),
      label,
      timeouts: resolveTimeouts(timeoutsInput, def.defaultTimeouts),
      progress(msg: string) {
        if (msg === last) return;
        last = msg;
        providerLog("info", `${label}: ${msg}`);
      },
    };
  };
  const localOf = (src: Record<string, unknown>) => Object.fromEntries(def.localOnly.filter((k) => src[k] !== undefined).map((k) => [k, src[k]]));

  return {
    async check(olds, news) {
      const input: Record<string, unknown> = { ...strip(news) };
      for (const [k, dflt] of Object.entries(def.meta.defaults)) if (input[k] === undefined) input[k] = dflt;
      const prefix = news[AUTO_NAME_KEY];
      if (def.autoName && input.name === undefined && typeof prefix === "string") {
        // Keep the generated name stable across updates: reuse it while the prefix is unchanged.
        const previous = olds.name;
        input.name =
          typeof previous === "string" && olds[AUTO_NAME_KEY] === prefix
            ? previous
            : `${def.autoName.sanitize(prefix).slice(0, def.autoName.maxLength - 7)}-${randomBytes(3).toString("hex")}`;
      }
      const parsed = def.inputs.safeParse(input);
      const extra: Record<string, unknown> = {};
      if (news[PROVIDER_KEY] !== undefined) extra[PROVIDER_KEY] = news[PROVIDER_KEY];
      if (prefix !== undefined) extra[AUTO_NAME_KEY] = prefix;
      if (!parsed.success) {
        const failures = issuesToFailures(parsed.error, input, def.meta.secrets);
        return failures.length ? { inputs: { ...input, ...extra }, failures } : { inputs: { ...input, ...extra } };
      }
      return { inputs: { ...withoutUndefined(parsed.data), ...extra } };
    },

    async diff(id, oldsRaw, newsRaw) {
      const olds = strip(oldsRaw);
      const news = strip(newsRaw);
      const changed = changedInputs(def.meta, olds, news);
      const apiChanges = changed.filter((k) => !def.localOnly.includes(k));
      const replaces = apiChanges.filter((k) => def.meta.replaceOnChanges.includes(k));
      const inPlace = apiChanges.filter((k) => !replaces.includes(k));
      if (def.checkChange && inPlace.length && !replaces.length && !Object.values(news).includes(UNKNOWN)) {
        await def.checkChange(id, olds, news, inPlace);
      }
      return { changes: changed.length > 0, replaces, deleteBeforeReplace: Boolean(def.deleteBeforeReplace && replaces.length) };
    },

    async create(props) {
      const inputs = strip(props);
      const ctx = ctxFor(inputs.name, inputs.timeouts);
      const existing = await def.find(ctx, inputs);
      if (existing) {
        if (inputs.adopt !== true) {
          throw new TpopsError(
            `${ctx.label}: a ${def.kind} with ${def.describeKey(inputs)} already exists on the platform (id ${existing.id}). ` +
              `Set adopt: true to take it over, or change ${def.describeKey(inputs).split(" ")[0]} (dynamic resources cannot use \`pulumi import\`).`,
          );
        }
        ctx.progress(`adopting existing ${def.kind} ${existing.id}`);
        const current = await def.read(ctx, existing.id, {});
        if (!current) throw new TpopsError(`${ctx.label}: ${def.kind} ${existing.id} disappeared while being adopted; run pulumi up again`);
        const changed = changedInputs(def.meta, current, inputs).filter((k) => !def.localOnly.includes(k));
        const replaceOnly = changed.filter((k) => def.meta.replaceOnChanges.includes(k));
        if (replaceOnly.length) {
          throw new TpopsError(
            `${ctx.label}: cannot adopt ${def.kind} ${existing.id}: ${replaceOnly.map((k) => `${k} is ${show(current[k])} on the platform but ${show(inputs[k])} in the program`).join("; ")}. ` +
              `These cannot change in place; make the program match the platform, or remove the object first.`,
          );
        }
        const outs = changed.length ? await def.update(ctx, existing.id, current, inputs, changed) : current;
        return { id: existing.id, outs: { ...outs, ...localOf(inputs), ...keepAutoName(props) } };
      }
      try {
        const { id, outs } = await def.create(ctx, inputs);
        return { id, outs: { ...outs, ...localOf(inputs), ...keepAutoName(props) } };
      } catch (e) {
        if (e instanceof PartialCreateError) {
          // Recorded by the engine as a partial create: the object stays in state and the next `up` repairs or replaces it.
          throw Object.assign(new TpopsError(`${ctx.label}: created as ${e.id}, but ${e.message}`, { cause: e.cause }), {
            id: e.id,
            properties: { ...e.outs, ...localOf(inputs), ...keepAutoName(props), [PROVIDER_KEY]: props[PROVIDER_KEY] },
            reasons: [e.message],
          });
        }
        throw prefixed(ctx.label, e);
      }
    },

    async read(id, props) {
      const state = strip(props);
      const ctx = ctxFor(state.name ?? id, state.timeouts);
      const live = await def.read(ctx, id, state);
      if (!live) return { id: "", props: {} };
      const outs = { ...live, ...localOf(state), ...keepAutoName(props) };
      // The inputs the state now stands for: the live values of the inputs (empty ones stand for "not set").
      const inputs = Object.fromEntries(def.meta.inputs.filter((k) => outs[k] !== undefined && outs[k] !== null && outs[k] !== "").map((k) => [k, outs[k]]));
      Object.assign(inputs, keepAutoName(props));
      return { id, props: outs, inputs };
    },

    async update(id, oldsRaw, newsRaw) {
      const olds = strip(oldsRaw);
      const news = strip(newsRaw);
      const ctx = ctxFor(news.name ?? olds.name ?? id, news.timeouts);
      const changed = changedInputs(def.meta, olds, news).filter((k) => !def.localOnly.includes(k));
      try {
        const outs = changed.length ? await def.update(ctx, id, olds, news, changed) : olds;
        return { outs: { ...outs, ...localOf(news), ...keepAutoName(newsRaw) } };
      } catch (e) {
        throw prefixed(ctx.label, e);
      }
    },

    async delete(id, props) {
      const state = strip(props);
      const ctx = ctxFor(state.name ?? id, state.timeouts);
      try {
        await def.delete(ctx, id, state);
      } catch (e) {
        if ((def.isGone ?? isNotFound)(e)) return; // already gone counts as deleted
        // Whatever the platform's code for an unknown id, an object that no longer reads is deleted.
        const still = await def.read(ctx, id, state).catch(() => state);
        if (!still) return;
        throw prefixed(ctx.label, e);
      }
    },
  };
}

/** The auto-name prefix travels in state too, so inputs rebuilt by read keep the generated name stable. */
function keepAutoName(props: Record<string, unknown>): Record<string, unknown> {
  return props[AUTO_NAME_KEY] === undefined ? {} : { [AUTO_NAME_KEY]: props[AUTO_NAME_KEY] };
}

/** Adds the resource label to an error message once, keeping the error's class and fields. */
function prefixed(label: string, e: unknown): unknown {
  if (e instanceof Error && !e.message.startsWith(label)) {
    try {
      e.message = `${label}: ${e.message}`;
    } catch {
      /* read-only message: leave it */
    }
  }
  if (e instanceof TpopsConfigError) return e;
  return e;
}
