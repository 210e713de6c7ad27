import { z } from "zod";
import { DbsError } from "./errors";
import type { ApiRequest } from "./router";

/** Turn the first zod issue into a 400 naming the field (`hosts[0].ssh_port: expected number, received string`). */
export function zodToDbs(error: z.ZodError, code = "DBS.280001"): DbsError {
  const issue = error.issues[0];
  if (!issue) return new DbsError(400, code);
  let field = formatPath(issue.path);
  let detail = issue.message;
  const custom = issue.code === "custom" ? (issue.params as { code?: string } | undefined)?.code : undefined;
  if (custom) code = custom;
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    field = field ? `${field}.${key}` : key;
    detail = "unknown field";
  }
  return new DbsError(400, code, { field: field || undefined, detail });
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/** Validate the JSON body against a (strict) zod schema; a missing body is 400 DBS.200006 (reference A.3). */
export function parseBody<S extends z.ZodType>(schema: S, req: ApiRequest): z.output<S> {
  if (req.body === undefined) throw new DbsError(400, "DBS.200006");
  const r = schema.safeParse(req.body);
  if (!r.success) throw zodToDbs(r.error);
  return r.data;
}

/** Validate the query string (last value wins for repeated keys) against a (strict) zod schema of strings. */
export function parseQuery<S extends z.ZodType>(schema: S, req: ApiRequest): z.output<S> {
  const r = schema.safeParse(Object.fromEntries(req.query));
  if (!r.success) throw zodToDbs(r.error);
  return r.data;
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
