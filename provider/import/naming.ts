/**
 * Names in a program written by tpops-import: TypeScript variables (camelCase, unique, never a reserved word),
 * Pulumi resource names (the object's own name, unique per resource type) and stack config keys for secrets.
 */

/** Words a variable may not be (TypeScript reserved and strict-mode words, and the program's own identifiers). */
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in " +
    "instanceof new null return super switch this throw true try typeof var void while with as implements interface let package private " +
    "protected public static yield any boolean constructor declare get module require number set string symbol type from of async await " +
    "arguments eval undefined NaN Infinity pulumi tpops config"
  ).split(" "),
);

/**
 * camelCase of the words of `s` (split at anything but letters and digits): `orders-db` → `ordersDb`, `AZ1` → `az1`.
 * Digits on both sides of a separator keep an `_` (`host-10-9-0-11` → `host10_9_0_11`), so numbers stay readable.
 */
export function camel(s: string): string {
  const words = s.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let out = "";
  for (const [i, w] of words.entries()) {
    const word = i === 0 ? (/^[A-Z0-9]+$/.test(w) ? w.toLowerCase() : w[0]!.toLowerCase() + w.slice(1)) : w[0]!.toUpperCase() + w.slice(1);
    if (out && /\d$/.test(out) && /^\d/.test(word)) out += "_";
    out += word;
  }
  return out;
}

/** Hands out unique variable names. */
export class VariableNames {
  private readonly used = new Set<string>();

  /**
   * A unique identifier for `base` (the object's name), prefixed with `prefix` when the name gives none usable
   * or starts with a digit (`10.0.0.1` → `host10_0_0_1`); a repeat gets `2`, `3`, ….
   */
  take(base: string, prefix: string): string {
    const unique = this.peek(base, prefix);
    this.used.add(unique);
    return unique;
  }

  /** The name `take` would give now, without taking it. */
  peek(base: string, prefix: string): string {
    let name = camel(base);
    if (!name || /^\d/.test(name)) name = camel(`${prefix} ${base}`);
    if (RESERVED.has(name)) name = camel(`${prefix} ${base}`);
    if (!name) name = prefix;
    if (RESERVED.has(name)) name = `${name}_`;
    let unique = name;
    for (let n = 2; this.used.has(unique); n++) unique = `${name}${n}`;
    return unique;
  }
}

/** Hands out Pulumi resource names, unique per resource type (the engine's URN holds type and name). */
export class ResourceNames {
  private readonly used = new Map<string, Set<string>>();

  /** `name` cleaned to what reads well in a URN (letters, digits, `.`, `_`, `-`), unique within `kind`. */
  take(kind: string, name: string): string {
    const clean = name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || kind.toLowerCase();
    const used = this.used.get(kind) ?? new Set<string>();
    this.used.set(kind, used);
    let unique = clean;
    for (let n = 2; used.has(unique); n++) unique = `${clean}-${n}`;
    used.add(unique);
    return unique;
  }
}
