/**
 * Errors shown once. The engine already shows a failed provider call's message (the gRPC status it gets back);
 * Pulumi's dynamic-provider host also prints `${e}: ${e.stack}` to stderr for check, diff, read and delete,
 * which the engine shows again, with a JavaScript stack trace. quiet() marks an error so that print is dropped.
 */
import { TpopsError } from "./client";

// Errors quiet() marked, newest last; a few suffice: the host prints an error right after the method rejects.
const recent: Error[] = [];
const RECENT_MAX = 64;

// The host's print of one of our errors (TpopsError and subclasses, PartialCreateError): `${e}` is `Name: message`,
// then ": " and the stack, which is empty (quiet) or starts with its own `Name: message` header and `    at` frames.
const OUR_ERROR = /^(?:Tpops[A-Za-z]*Error|PartialCreateError): /;
const STACK_AFTER = /: (?:Tpops[A-Za-z]*Error|PartialCreateError|Error): [\s\S]*\n\s+at /;

let installed = false;

/** With TPOPS_DEBUG set, stacks stay and the host's print is kept (for bug reports). */
function debugging(): boolean {
  return Boolean(process.env.TPOPS_DEBUG);
}

/**
 * Marks `e` to be shown once, without a stack: the same error object (class, fields such as a partial create's
 * `id` and `properties` kept) with an empty stack, or a TpopsError carrying the text of a non-Error value.
 */
export function quiet(e: unknown): Error {
  const err = e instanceof Error ? e : new TpopsError(typeof e === "string" ? e : `unexpected error: ${String(e)}`);
  if (!debugging()) {
    try {
      Object.defineProperty(err, "stack", { value: "", writable: true, configurable: true, enumerable: false });
    } catch {
      /* a frozen error keeps its stack; the console filter still drops the host's print of it */
    }
  }
  if (!recent.includes(err)) {
    recent.push(err);
    if (recent.length > RECENT_MAX) recent.shift();
  }
  return err;
}

/** The methods of `impl` with every rejection passed through quiet() (one wrapper per provider object). */
export function quietMethods<T extends object>(impl: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(impl)) {
    out[k] =
      typeof f === "function"
        ? async function (this: unknown, ...args: unknown[]) {
            try {
              return await (f as (...a: unknown[]) => unknown).apply(this, args);
            } catch (e) {
              throw quiet(e);
            }
          }
        : f;
  }
  return out as T;
}

/** True when `line` is the dynamic-provider host's print of an error the engine shows anyway. */
export function isRedundantPrint(line: string): boolean {
  const i = recent.findIndex((e) => line === `${e}: ${e.stack}`);
  if (i >= 0) {
    recent.splice(i, 1);
    return true;
  }
  // Not the bare stack the host's uncaughtException handler prints: that one is kept.
  return OUR_ERROR.test(line) && (line.endsWith(": ") || STACK_AFTER.test(line));
}

/**
 * Drops the dynamic-provider host's `console.error(`${e}: ${e.stack}`)` of quiet and TPOPS errors. Only calls
 * with exactly that one string are dropped; anything else (and everything under TPOPS_DEBUG) is printed.
 * Install only inside the dynamic-provider host (see process-guard.ts): nowhere else prints that way.
 */
export function installQuietErrors(target: Pick<Console, "error"> = console): void {
  if (installed) return;
  installed = true;
  const original = target.error.bind(target);
  target.error = (...args: unknown[]) => {
    if (args.length === 1 && typeof args[0] === "string" && !debugging() && isRedundantPrint(args[0])) return;
    original(...args);
  };
}
