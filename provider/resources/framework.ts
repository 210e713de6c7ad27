/**
 * The resource framework shared by every TPOPS resource: check (zod issues → check failures naming the
 * field, the value and the fix; defaults; auto-naming), field-by-field diff (in place vs replace),
 * read with drift (empty id when gone), adopt, timeouts, partial creates and "already gone" deletes.
 */
import { z } from "zod";
import { createHash } from "node:crypto";
import { isIPv4 } from "node:net";
import { TpopsApiError, TpopsConfigError, TpopsError, type TpopsClient } from "../client";
import { parseDuration } from "../waiters";
import { client as configuredClient, providerLog, withClientLines } from "../config";
import type { ResourceMeta } from "./schema.gen";
import { quietMethods } from "../quiet-errors";
import { toResource } from "../engine-log";
import { nearestNames } from "./nearest-name";

/** The value Pulumi passes for inputs not yet known during preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** The key under which the engine keeps the serialized provider in inputs and state. */
const PROVIDER_KEY = "__provider";
/** Input the SDK classes pass: the Pulumi resource name (auto-names and messages derive from it). */
export const AUTO_NAME_KEY = "__autoNamePrefix";
/** Input the SDK classes pass: the resource's URN (`pulumi.createUrn`), unique per project, stack, parent and name. */
export const URN_KEY = "__urn";

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
  /** Human label for messages: the kind and the Pulumi resource name as the program wrote it, e.g. `Host db-1`. */
  readonly label: string;
  /** The resource's identity (its URN; for older states its Pulumi name), for settings ownership. */
  readonly self: string;
  /**
   * True when `name` is the name check() generated for this very resource (stable per project, stack and
   * resource): an object found with it was made by an earlier, interrupted run of this stack.
   */
  ownsName(name: unknown): boolean;
  readonly timeouts: Timeouts;
  /**
   * Reports progress: status on the resource's own row (ephemeral, with the time elapsed), once per distinct
   * message; a stderr line (shown under the stack) when the engine cannot be reached.
   */
  progress(msg: string): void;
  /** A warning attached to the resource (kept under Diagnostics): pending restart, taken-over settings, adopt. */
  warn(msg: string): void;
  /** Information attached to the resource (kept under Diagnostics). */
  note(msg: string): void;
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
  /**
   * Derive `name` from the Pulumi resource name when absent: `sanitize(prefix)`, `separator` (default `-`), 6 hex
   * digits, at most `maxLength` characters.
   */
  readonly autoName?: { readonly maxLength: number; readonly sanitize: (s: string) => string; readonly separator?: string };
  /** The input that identifies an existing object (what adopt and find look up by); default `name`. */
  readonly naturalKey?: string;
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
  /**
   * Continues with an object an interrupted run of this stack created (found by find() under this resource's
   * own generated name): waits until it is ready and returns its state. Default: read() it.
   */
  resume?(ctx: Ctx, id: string, inputs: I): Promise<O>;
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
  /** A case-insensitive choice, normalised to the canonical spelling; `lookup` names the SDK lookup that lists the platform's values. */
  oneOf<const T extends readonly [string, ...string[]]>(values: T, opts: { lookup?: string } = {}) {
    return z.string().transform((s, ctx) => {
      const hit = values.find((x) => x.toLowerCase() === s.trim().toLowerCase());
      if (hit === undefined) {
        const near = opts.lookup ? nearestNames(s.trim(), values, { max: 1 }) : [];
        const see = opts.lookup ? ` (${near.length ? `did you mean ${near[0]}? ` : ""}${opts.lookup} lists what this platform supports)` : "";
        ctx.addIssue({ code: "custom", message: `is not one of ${values.join(", ")}; use one of them${see}`, input: s });
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

/** "a" or "an" before a word, for messages ("an Instance", "an object"). */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
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
      reason = `${property}: ${secret ? "[secret]" : show(value)} is ${Array.isArray(value) ? "a list" : `${article(typeof value)} ${typeof value}`}; expected ${article(String(issue.expected))} ${issue.expected}`;
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

/** The inputs without the engine's and the SDK's bookkeeping keys. */
export function strip(props: Record<string, unknown>): Record<string, unknown> {
  const { [PROVIDER_KEY]: _p, [AUTO_NAME_KEY]: _a, [URN_KEY]: _u, ...rest } = props;
  return rest;
}

/** The Pulumi resource name as the program wrote it, from the SDK's bookkeeping keys (undefined for old states). */
export function pulumiName(props: Record<string, unknown>): string | undefined {
  const urn = props[URN_KEY];
  if (typeof urn === "string" && urn.includes("::")) return urn.slice(urn.lastIndexOf("::") + 2);
  const prefix = props[AUTO_NAME_KEY];
  return typeof prefix === "string" && prefix ? prefix : undefined;
}

function containsUnknown(v: unknown): boolean {
  if (v === UNKNOWN) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (v && typeof v === "object") return Object.values(v).some(containsUnknown);
  return false;
}

/**
 * The generated name of a resource: the Pulumi name plus 6 hex digits of a hash of its URN (project, stack,
 * parents, type and name). Dynamic providers receive no engine random seed, so the suffix is derived from
 * what the program knows: stable across preview and up, across interrupted runs and across machines (an
 * interrupted create finds its own object again), different between stacks. A replacement that creates
 * the new object before deleting the old one must not reuse the name, so for those resources the values of
 * the replace-only inputs enter the hash too; delete-first replacements reuse the name. Unknown at preview
 * when one of those values is.
 */
export function generatedName(def: Pick<ResourceDefinition<object, object>, "autoName" | "deleteBeforeReplace" | "meta">, props: Record<string, unknown>, inputs: Record<string, unknown>): string | undefined {
  const prefix = props[AUTO_NAME_KEY];
  if (!def.autoName || typeof prefix !== "string") return undefined;
  const material = def.deleteBeforeReplace ? [] : def.meta.replaceOnChanges.filter((k) => k !== "name").map((k) => [k, inputs[k]]);
  if (containsUnknown(material)) return UNKNOWN;
  const seed = typeof props[URN_KEY] === "string" ? String(props[URN_KEY]) : prefix;
  const norm = JSON.stringify(material, (_k, x: unknown) => (typeof x === "string" ? x.trim().toLowerCase() : x));
  const suffix = createHash("sha256").update(seed).update("\0").update(norm).digest("hex").slice(0, 6);
  const separator = def.autoName.separator ?? "-";
  return `${def.autoName.sanitize(prefix).slice(0, def.autoName.maxLength - 6 - separator.length)}${separator}${suffix}`;
}

function withoutUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;
}

/**
 * A state as the engine can store it: the dynamic-provider host turns it into a protobuf Struct, which refuses
 * `undefined` anywhere ("Unexpected struct type"), so undefined fields are left out at every depth.
 */
export function storable<T>(v: T): T {
  if (Array.isArray(v)) return v.filter((x) => x !== undefined).map(storable) as T;
  if (v && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).map(([k, x]) => [k, storable(x)])) as T;
  }
  return v;
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

// ---------------------------------------------------------------- settings ownership

/**
 * A setting (an instance's backup policy, one parameter's value) belongs to one resource at a time. One
 * provider process serves every resource of a `pulumi up`, and the engine checks every resource the program
 * declares before it deletes those the program dropped (a rename without `aliases` is a create of the new
 * name, then a delete of the old one). A target claimed here is therefore declared by the program: the delete
 * of a dropped or renamed resource leaves it as its new owner set it, instead of restoring what was there
 * before (which would silently undo the new owner's write).
 */
const claims = new Map<string, { owner: string; label: string }>();

/** Records that the resource `owner` (its URN; `label` for messages), declared by the program, manages `target`. */
export function claimSetting(target: string, owner: string, label: string): void {
  claims.set(target, { owner, label });
}

/** The label of another declared resource than `self` (a URN) that manages `target` in this run, if any. */
export function settingClaimant(target: string, self: string): string | undefined {
  const c = claims.get(target);
  return c && c.owner !== self ? c.label : undefined;
}

/** The identity of a resource for settings ownership: its URN (older states: its Pulumi name). */
export function resourceIdentity(props: Record<string, unknown>): string {
  return typeof props[URN_KEY] === "string" ? String(props[URN_KEY]) : (pulumiName(props) ?? "");
}

/** Forgets every claim (tests). */
export function resetSettingClaims(): void {
  claims.clear();
}

/** "2m05s" for a duration in milliseconds. */
function elapsed(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
}

/**
 * The context of one call for a resource: `props` are the raw inputs or state (with the SDK's keys),
 * `inputs` the stripped ones. Messages go to the resource's row through the engine (its URN from the SDK).
 */
export function resourceContext(
  def: Pick<ResourceDefinition<object, object>, "kind" | "autoName" | "deleteBeforeReplace" | "meta" | "defaultTimeouts">,
  props: Record<string, unknown>,
  inputs: Record<string, unknown>,
  fallback: string,
  client: TpopsClient,
): Ctx {
  const shown = pulumiName(props) ?? (typeof inputs.name === "string" && inputs.name ? inputs.name : fallback);
  const label = `${def.kind} ${shown}`;
  const urn = typeof props[URN_KEY] === "string" ? String(props[URN_KEY]) : undefined;
  const own = generatedName(def, props, inputs);
  const started = Date.now();
  let last = "";
  return {
    client,
    label,
    self: resourceIdentity(props),
    timeouts: resolveTimeouts(inputs.timeouts, def.defaultTimeouts),
    ownsName: (name) => own !== undefined && own !== UNKNOWN && name === own,
    progress(msg: string) {
      if (msg === last) return;
      last = msg;
      const line = `${msg} [${elapsed(Date.now() - started)}]`;
      void toResource("info", line, urn, true, () => providerLog("info", `${label}: ${line}`));
    },
    warn(msg: string) {
      void toResource("warning", msg, urn, false, () => providerLog("warn", `${label}: ${msg}`));
    },
    note(msg: string) {
      void toResource("info", msg, urn, false, () => providerLog("info", `${label}: ${msg}`));
    },
  };
}

/** Builds the dynamic-provider methods for one resource definition. */
export function makeProvider<I extends object, O extends object>(
  typed: ResourceDefinition<I, O>,
  getClient: () => TpopsClient = configuredClient,
): ProviderImpl {
  type Bag = Record<string, unknown>;
  const def = typed as unknown as ResourceDefinition<Bag, Bag>;
  const naturalKey = def.naturalKey ?? "name";
  /** The context of one call; `props` are the raw inputs or state (with the SDK's keys), `inputs` the stripped ones. */
  const ctxFor = (props: Bag, inputs: Bag, fallback: string): Ctx => resourceContext(def, props, inputs, fallback, getClient());
  /** Runs a call of the resource with the client's lines (retries of a busy instance, re-logins) on its row. */
  const onRow = <T>(ctx: Ctx, fn: () => Promise<T>): Promise<T> => withClientLines((msg) => ctx.progress(msg), fn);
  const localOf = (src: Record<string, unknown>) => Object.fromEntries(def.localOnly.filter((k) => src[k] !== undefined).map((k) => [k, src[k]]));

  /** Adopt and resume: take the found object as it is, refuse what cannot change in place, apply the rest. */
  const takeOver = async (ctx: Ctx, id: string, inputs: Bag, how: "adopt" | "resume"): Promise<Bag> => {
    const current = how === "resume" && def.resume ? await def.resume(ctx, id, inputs) : await def.read(ctx, id, {});
    if (!current) throw new TpopsError(`${def.kind} ${id} disappeared while being ${how === "adopt" ? "adopted" : "taken up again"}; run pulumi up again`);
    // Adopting without a name keeps the live one (the program did not ask for a rename).
    const wanted = inputs.name === undefined && current.name !== undefined ? { ...inputs, name: current.name } : inputs;
    // The site is where the object was found (sites.ts), not something the platform reports.
    const changed = changedInputs(def.meta, current, wanted).filter((k) => !def.localOnly.includes(k) && k !== "site");
    const replaceOnly = changed.filter((k) => def.meta.replaceOnChanges.includes(k));
    if (replaceOnly.length) {
      throw new TpopsError(
        `cannot ${how === "adopt" ? "adopt" : "continue with"} ${def.kind} ${id}: ${replaceOnly.map((k) => `${k} is ${show(current[k])} on the platform but ${show(inputs[k])} in the program`).join("; ")}. ` +
          `These cannot change in place; make the program match the platform, or remove the object first.`,
      );
    }
    return changed.length ? def.update(ctx, id, current, wanted, changed) : current;
  };

  return quietMethods({
    async check(olds, news) {
      const input: Record<string, unknown> = { ...strip(news) };
      for (const [k, dflt] of Object.entries(def.meta.defaults)) if (input[k] === undefined) input[k] = dflt;
      const prefix = news[AUTO_NAME_KEY];
      // Adopting by another key than the name (a host by its manage IP) without a name keeps the live name.
      const keepLiveName = input.adopt === true && naturalKey !== "name";
      if (def.autoName && input.name === undefined && typeof prefix === "string" && !keepLiveName) {
        // Keep the name of an existing resource (also names generated by older releases): reuse it while the prefix is unchanged.
        const previous = olds.name;
        input.name = typeof previous === "string" && olds[AUTO_NAME_KEY] === prefix ? previous : generatedName(def, news, input);
      }
      const parsed = def.inputs.safeParse(input);
      const extra: Record<string, unknown> = {};
      if (news[PROVIDER_KEY] !== undefined) extra[PROVIDER_KEY] = news[PROVIDER_KEY];
      if (prefix !== undefined) extra[AUTO_NAME_KEY] = prefix;
      if (news[URN_KEY] !== undefined) extra[URN_KEY] = news[URN_KEY];
      if (!parsed.success) {
        const failures = issuesToFailures(parsed.error, input, def.meta.secrets);
        return failures.length ? { inputs: { ...input, ...extra }, failures } : { inputs: { ...input, ...extra } };
      }
      const inputs = withoutUndefined(parsed.data);
      if (inputs.adopt === true && olds[PROVIDER_KEY] === undefined && !containsUnknown(inputs[naturalKey])) await announceAdopt(inputs, news);
      return { inputs: { ...inputs, ...extra } };
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
      const ctx = ctxFor(props, inputs, "(unnamed)");
      const existing = await def.find(ctx, inputs);
      if (existing) {
        let how: "adopt" | "resume" = "adopt";
        if (inputs.adopt !== true) {
          // The object may be this resource's own, made by a run that was interrupted before it could record it.
          const found = ctx.ownsName(inputs.name) ? await def.read(ctx, existing.id, {}) : undefined;
          if (!found || !ctx.ownsName(found.name)) {
            throw new TpopsError(
              `${ctx.label}: ${article(def.kind)} ${def.kind} with ${def.describeKey(inputs)} already exists on the platform (id ${existing.id}). ` +
                `Set adopt: true to take it over, or change ${def.describeKey(inputs).split(" ")[0]} (dynamic resources cannot use \`pulumi import\`).`,
            );
          }
          how = "resume";
          ctx.note(`continuing with ${def.kind} ${existing.id}, which an interrupted run of this stack created under this resource's name ${show(inputs.name)}`);
        } else {
          ctx.warn(`adopting the existing ${def.kind} ${existing.id} (${def.describeKey(inputs)}): it is managed by this stack from now on, and deleted by pulumi destroy`);
        }
        try {
          const outs = await onRow(ctx, () => takeOver(ctx, existing.id, inputs, how));
          return { id: existing.id, outs: storable({ ...outs, ...localOf(inputs), ...keepAutoName(props) }) };
        } catch (e) {
          throw asPartial(ctx, e, props, inputs, def.localOnly);
        }
      }
      if (inputs.name === undefined && def.autoName) {
        // adopt: true without a name found nothing to take over: create under the generated name.
        const generated = generatedName(def, props, inputs);
        if (generated !== undefined && generated !== UNKNOWN) inputs.name = generated;
      }
      try {
        const { id, outs } = await onRow(ctx, () => def.create(ctx, inputs));
        return { id, outs: storable({ ...outs, ...localOf(inputs), ...keepAutoName(props) }) };
      } catch (e) {
        throw asPartial(ctx, e, props, inputs, def.localOnly);
      }
    },

    async read(id, props) {
      const state = strip(props);
      const ctx = ctxFor(props, state, id);
      const live = await onRow(ctx, () => def.read(ctx, id, state));
      if (!live) return { id: "", props: {} };
      const outs = { ...live, ...localOf(state), ...keepAutoName(props) };
      // The inputs the state now stands for: the live values of the inputs (empty ones stand for "not set").
      const inputs = Object.fromEntries(def.meta.inputs.filter((k) => outs[k] !== undefined && outs[k] !== null && outs[k] !== "").map((k) => [k, outs[k]]));
      Object.assign(inputs, keepAutoName(props));
      return { id, props: storable(outs), inputs: storable(inputs) };
    },

    async update(id, oldsRaw, newsRaw) {
      const olds = strip(oldsRaw);
      const news = strip(newsRaw);
      const ctx = ctxFor(newsRaw, { ...olds, ...news }, id);
      const changed = changedInputs(def.meta, olds, news).filter((k) => !def.localOnly.includes(k));
      try {
        const outs = changed.length ? await onRow(ctx, () => def.update(ctx, id, olds, news, changed)) : olds;
        return { outs: storable({ ...outs, ...localOf(news), ...keepAutoName(newsRaw) }) };
      } catch (e) {
        throw prefixed(ctx.label, e);
      }
    },

    async delete(id, props) {
      const state = strip(props);
      const ctx = ctxFor(props, state, id);
      try {
        await onRow(ctx, () => def.delete(ctx, id, state));
      } catch (e) {
        if ((def.isGone ?? isNotFound)(e)) return; // already gone counts as deleted
        // Whatever the platform's code for an unknown id, an object that no longer reads is deleted.
        const still = await def.read(ctx, id, state).catch(() => state);
        if (!still) return;
        throw prefixed(ctx.label, e);
      }
    },
  });

  /** Says at preview what `adopt: true` will take over (or that nothing exists yet and it will be created). */
  async function announceAdopt(inputs: Bag, props: Bag): Promise<void> {
    const ctx = ctxFor(props, inputs, "(unnamed)");
    let found: { id: string } | undefined;
    try {
      found = await def.find(ctx, inputs);
    } catch {
      return; // the platform is unreachable at preview: create looks again
    }
    ctx.note(
      found
        ? `adopt: true takes over the existing ${def.kind} ${found.id} (${def.describeKey(inputs)}); it is changed only where the program differs`
        : `adopt: true, but no ${def.kind} with ${def.describeKey(inputs)} exists yet; it will be created`,
    );
  }
}

/** A create error as the engine must see it: a partial create (the object stays in state) or the error, labelled once. */
function asPartial(ctx: Ctx, e: unknown, props: Record<string, unknown>, inputs: Record<string, unknown>, localOnly: readonly string[] = []): unknown {
  if (e instanceof PartialCreateError) {
    const local = Object.fromEntries(localOnly.filter((k) => inputs[k] !== undefined).map((k) => [k, inputs[k]]));
    // Recorded by the engine as a partial create: the object stays in state and the next `up` repairs or replaces it.
    return Object.assign(new TpopsError(`${ctx.label}: created as ${e.id}, but ${e.message}`, { cause: e.cause }), {
      id: e.id,
      properties: storable({ ...e.outs, ...local, ...keepAutoName(props), [PROVIDER_KEY]: props[PROVIDER_KEY] }),
      reasons: [e.message],
    });
  }
  return prefixed(ctx.label, e);
}

/** The SDK's keys travel in state too, so inputs rebuilt by read keep the generated name stable and messages name the resource. */
function keepAutoName(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (props[AUTO_NAME_KEY] !== undefined) out[AUTO_NAME_KEY] = props[AUTO_NAME_KEY];
  if (props[URN_KEY] !== undefined) out[URN_KEY] = props[URN_KEY];
  return out;
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
