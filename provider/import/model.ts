/**
 * What tpops-import found on a platform, as the program it writes: one declaration per object (its resource
 * kind, variable, Pulumi name and arguments) and the objects or kinds it could not take over, with why.
 */

/** An argument that is another declaration's output (`dc.id`, `host.manageIp`); `live` is its value now. */
export interface Ref {
  readonly ref: string;
  readonly prop: string;
  readonly live: unknown;
}

/** An argument the platform cannot read back: a `config.requireSecret(key)` the user sets. */
export interface Secret {
  readonly secret: string;
  /** What to set it to, for the `pulumi config set --secret` line. */
  readonly what: string;
}

/** An argument value: JSON-like, or a reference, or a secret (anywhere inside arrays and objects). */
export type Arg = string | number | boolean | null | Ref | Secret | readonly Arg[] | { readonly [k: string]: Arg };

/** One resource of the generated program. */
export interface Declaration {
  /** Resource class, e.g. `Host`. */
  readonly kind: string;
  readonly variable: string;
  /** The Pulumi resource name. */
  readonly name: string;
  readonly args: Readonly<Record<string, Arg>>;
  /** Comment lines written above it (what adopt does with a secret, what destroy does). */
  readonly notes: readonly string[];
  /** The platform object, for the summary: `host 10.9.0.11`. */
  readonly what: string;
  /** Pulumi resource options (`retainOnDelete`), when any. */
  readonly options?: Readonly<Record<string, Arg>>;
}

/** An object that exists but is not declared, and why. */
export interface Skipped {
  readonly kind: string;
  readonly what: string;
  readonly why: string;
}

/** A resource kind that is never imported, and why. */
export interface KindNotImported {
  readonly kind: string;
  readonly why: string;
}

/** The whole import. */
export interface Estate {
  readonly endpoint: string;
  readonly declarations: Declaration[];
  readonly skipped: Skipped[];
  readonly kindsNotImported: readonly KindNotImported[];
}

/** True for a reference argument. */
export function isRef(a: Arg): a is Ref {
  return typeof a === "object" && a !== null && !Array.isArray(a) && typeof (a as Ref).ref === "string" && "prop" in a;
}

/** True for a secret argument. */
export function isSecret(a: Arg): a is Secret {
  return typeof a === "object" && a !== null && !Array.isArray(a) && typeof (a as Secret).secret === "string" && "what" in a;
}

/** The secrets of a set of declarations, each key once, in order. */
export function secretsOf(decls: readonly Declaration[]): Secret[] {
  const out = new Map<string, Secret>();
  const walk = (a: Arg): void => {
    if (isSecret(a)) out.set(a.secret, a);
    else if (isRef(a) || a === null || typeof a !== "object") return;
    else if (Array.isArray(a)) a.forEach(walk);
    else Object.values(a as Record<string, Arg>).forEach(walk);
  };
  for (const d of decls) Object.values(d.args).forEach(walk);
  return [...out.values()];
}
