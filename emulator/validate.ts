import { z } from "zod";
import { DbsError } from "./errors";
import type { ApiRequest } from "./router";

/** Turn the first zod issue into a 400 naming the field (`hosts[0].ssh_port: expected number, received string`). */
export function zodToDbs(error: z.ZodError, code = "DBS.280001"): DbsError {
  const issue = error.issues[0];
  if (!issue) return new DbsError(400, code);
  const field = formatPath(issue.path);
  const detail = issue.message;
  const custom = issue.code === "custom" ? (issue.params as { code?: string } | undefined)?.code : undefined;
  if (custom) code = custom;
  return new DbsError(400, code, { field: field || undefined, detail });
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/** Validate the JSON body against a zod schema; a missing body is 400 DBS.200006 (reference A.3 "请求体为空"). */
export function parseBody<S extends z.ZodType>(schema: S, req: ApiRequest): z.output<S> {
  if (req.body === undefined) throw new DbsError(400, "DBS.200006");
  const r = schema.safeParse(req.body);
  if (!r.success) throw zodToDbs(r.error);
  noteStripped(req, req.body, r.data, "");
  return r.data;
}

/** Validate the query string (last value wins for repeated keys) against a zod schema of strings. */
export function parseQuery<S extends z.ZodType>(schema: S, req: ApiRequest): z.output<S> {
  const input = Object.fromEntries(req.query);
  const r = schema.safeParse(input);
  if (!r.success) throw zodToDbs(r.error);
  noteStripped(req, input, r.data, "?");
  return r.data;
}

/*
 * Unknown fields (README "Unknown fields"): the reference documents no refusal of a field it does not list, and
 * several of its own examples carry such fields ("descirption", "clear_date", "region", "close_compression ").
 * One policy everywhere: an unknown body field or query parameter is ignored, like an absent one, and named in
 * the emulator's own `X-Emulator-Ignored-Fields` answer header and in `GET /__emulator/requests` (`ignoredFields`),
 * so a client's misspelling stays visible to its tests.
 */

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Record the keys a zod object schema dropped: present in the input, absent from the parsed output. */
function noteStripped(req: ApiRequest, input: unknown, output: unknown, prefix: string): void {
  if (Array.isArray(input) && Array.isArray(output)) {
    input.forEach((v, i) => noteStripped(req, v, output[i], `${prefix}[${i}]`));
    return;
  }
  if (!isPlainObject(input) || !isPlainObject(output)) return;
  for (const [k, v] of Object.entries(input)) {
    const path = prefix === "" || prefix === "?" ? `${prefix}${k}` : `${prefix}.${k}`;
    if (!Object.prototype.hasOwnProperty.call(output, k)) req.ignored.push(path);
    else noteStripped(req, v, output[k], path);
  }
}

/** The documented fields of a hand-validated body: `true` for a leaf, an object for nested fields, `[shape]` for arrays of it. */
export type FieldShape = true | { readonly [field: string]: FieldShape } | readonly [FieldShape];

/** Record the fields of `value` that `shape` does not document (hand-validated bodies). */
export function noteUnknownFields(req: ApiRequest, value: unknown, shape: FieldShape, prefix = ""): void {
  if (shape === true) return;
  if (Array.isArray(shape)) {
    if (Array.isArray(value)) value.forEach((v, i) => noteUnknownFields(req, v, shape[0] as FieldShape, `${prefix}[${i}]`));
    return;
  }
  if (!isPlainObject(value)) return;
  const fields = shape as { readonly [field: string]: FieldShape };
  for (const [k, v] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${k}` : k;
    const sub = Object.prototype.hasOwnProperty.call(fields, k) ? fields[k] : undefined;
    if (sub === undefined) req.ignored.push(path);
    else noteUnknownFields(req, v, sub, path);
  }
}

/** A copy of `value` keeping only the fields `shape` documents (what the platform reads of a hand-validated body). */
export function knownFields<T>(value: T, shape: FieldShape): T {
  if (shape === true) return value;
  if (Array.isArray(shape)) return (Array.isArray(value) ? value.map((v) => knownFields(v, shape[0] as FieldShape)) : value) as T;
  if (!isPlainObject(value)) return value;
  const fields = shape as { readonly [field: string]: FieldShape };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const sub = Object.prototype.hasOwnProperty.call(fields, k) ? fields[k] : undefined;
    if (sub !== undefined) out[k] = knownFields(v, sub);
  }
  return out as T;
}

/** A query integer within bounds (query values arrive as strings); out-of-range values use `code`. */
export function queryInt(name: string, min: number, max: number, code = "DBS.280001") {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
        ctx.addIssue({ code: "custom", message: `${name} must be an integer from ${min} to ${max}`, params: { code } });
        return z.NEVER;
      }
      return Number(v);
    });
}

/** Length in UTF-8 bytes (the reference limits names "不超过64个字节"). */
export function byteLength(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

/** Offset/limit paging and optional sorting of a list (reference 4.9.1, 4.9.9). */
export function page<T>(
  items: T[],
  opts: { offset?: number; limit?: number; defaultLimit: number; sortKey?: (item: T) => string | number; desc?: boolean },
): T[] {
  let list = items;
  const key = opts.sortKey;
  if (key) {
    list = [...items].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      const c = ka < kb ? -1 : ka > kb ? 1 : 0;
      return opts.desc ? -c : c;
    });
  }
  const offset = opts.offset ?? 0;
  return list.slice(offset, offset + (opts.limit ?? opts.defaultLimit));
}
