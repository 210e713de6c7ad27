/**
 * zod building blocks of the response shapes: lenient about how the platform writes a value (a number as a string,
 * a boolean as "true"), strict about what the provider relies on. Shared by the operations-*.ts sections; this file
 * imports only zod, so any of them may import it whatever the order in which they load.
 */
import { z } from "zod";

/** A field that may be absent or null. */
export function opt<T extends z.ZodType>(t: T) {
  return t.nullish();
}
/** An integer that the platform may send as a numeric string. */
export function int() {
  return z.union([z.number(), z.string().regex(/^-?\d+$/, "expected a whole number")]).transform((v) => Number(v));
}
/** A number that the platform may send as a numeric string (sizes, counts, epoch milliseconds). */
export function num() {
  return z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/, "expected a number")]).transform((v) => Number(v));
}
/** A string that may come as a number (ports, versions, sizes). */
export function text() {
  return z.union([z.string(), z.number()]).transform(String);
}
/** A boolean that the platform may send as "true"/"false". */
export function bool() {
  return z.union([z.boolean(), z.enum(["true", "false", "True", "False"])]).transform((v) => (typeof v === "boolean" ? v : v.toLowerCase() === "true"));
}
