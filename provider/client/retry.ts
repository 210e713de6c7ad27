import {
  TpopsApiError,
  TpopsConnectionError,
  TpopsTimeoutError,
} from "./errors";

/** HTTP statuses that signal a transient server-side condition: retried for idempotent calls. */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** HTTP statuses that are never retried (a 401 gets exactly one re-login, handled by the client). */
export const PERMANENT_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 404]);

/**
 * DBS codes meaning "instance busy with another operation", with the status reference A.3 gives each: the server
 * did not act. 409 DBS.200019/DBS.201202 "该实例正在进行其它操作或该实例故障,无法执行该操作,请稍后重试"; 400
 * DBS.280012 "当前实例正处于其他操作中,无法升级" (an upgrade while another job runs).
 */
export const BUSY_ERRORS: ReadonlyMap<string, number> = new Map([
  ["DBS.200019", 409],
  ["DBS.201202", 409],
  ["DBS.280012", 400],
]);
/** The busy codes (see BUSY_ERRORS). */
export const BUSY_ERROR_CODES: ReadonlySet<string> = new Set(BUSY_ERRORS.keys());

/**
 * Low-level codes raised before a single request byte left this process (connect refused, DNS, connect
 * timeout, route errors), so replaying even a POST cannot duplicate an action.
 */
export const NOT_SENT_ERROR_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** Tunables of the retry policy; all delays in milliseconds. */
export interface RetryPolicy {
  /** Attempts (first try included) for transient errors. */
  readonly maxAttempts: number;
  /** First backoff ceiling for transient errors; doubles per attempt (full jitter). */
  readonly baseDelayMs: number;
  /** Cap of a single transient backoff. */
  readonly maxDelayMs: number;
  /** Attempts (first try included) while the instance is busy (409 DBS.200019/DBS.201202, 400 DBS.280012). */
  readonly busyMaxAttempts: number;
  /** First backoff ceiling while the instance is busy. */
  readonly busyBaseDelayMs: number;
  /** Cap of a single busy backoff. */
  readonly busyMaxDelayMs: number;
  /** Longest `Retry-After` honoured; a longer one fails the call at once. */
  readonly maxRetryAfterMs: number;
  /** Total time budget of one call, retries and waits included. */
  readonly budgetMs: number;
}

/** Defaults: ~1 min of transient retries, ~5 min of patience with a busy instance. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 6,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  busyMaxAttempts: 20,
  busyBaseDelayMs: 2_000,
  busyMaxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  budgetMs: 300_000,
});

/** Why an attempt is retried. */
export type RetryReason = "transient" | "rate-limited" | "busy" | "not-sent";

/** Outcome of classifying one failed attempt. */
export type RetryDecision =
  | { readonly retry: true; readonly reason: RetryReason; readonly delayMs: number }
  | { readonly retry: false; readonly why: string };

/** What the policy needs to know about a failed attempt. */
export interface AttemptContext {
  /** Whether replaying the operation after the server acted is harmless (GET, most PUTs). */
  readonly idempotent: boolean;
  /** Retries already spent on transient errors. */
  readonly transientRetries: number;
  /** Retries already spent waiting for a busy instance. */
  readonly busyRetries: number;
  /** Uniform random number in [0, 1): injectable for deterministic tests. */
  readonly random: () => number;
}

/** Full-jitter exponential backoff: uniform in [0, min(cap, base·2^retry)] (AWS architecture blog). */
export function fullJitterDelay(retry: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** retry);
  return Math.round(random() * ceiling);
}

/** Parses a `Retry-After` header (delta seconds or HTTP date) into milliseconds from `nowMs`. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** Decides whether a failed attempt is retried and after how long; the policy in one function. */
export function decideRetry(error: unknown, ctx: AttemptContext, policy: RetryPolicy): RetryDecision {
  if (error instanceof TpopsApiError) {
    if (error.errorCode !== undefined && BUSY_ERRORS.get(error.errorCode) === error.status) {
      // The platform refused before acting, so any method may be replayed; busy spells last minutes.
      if (ctx.busyRetries + 1 >= policy.busyMaxAttempts) return { retry: false, why: "instance still busy" };
      return {
        retry: true,
        reason: "busy",
        delayMs: withRetryAfter(
          fullJitterDelay(ctx.busyRetries, policy.busyBaseDelayMs, policy.busyMaxDelayMs, ctx.random),
          error.retryAfterMs,
        ),
      };
    }
    if (PERMANENT_STATUSES.has(error.status)) return { retry: false, why: `HTTP ${error.status} is permanent` };
    if (!TRANSIENT_STATUSES.has(error.status)) return { retry: false, why: `HTTP ${error.status} is not transient` };
    // 429 says the platform refused the request before acting, so even a POST may be replayed.
    if (!ctx.idempotent && error.status !== 429) return { retry: false, why: "the server may have acted on a non-idempotent request" };
    if (ctx.transientRetries + 1 >= policy.maxAttempts) return { retry: false, why: "attempts exhausted" };
    if (error.retryAfterMs !== undefined && error.retryAfterMs > policy.maxRetryAfterMs) {
      return { retry: false, why: `Retry-After ${error.retryAfterMs} ms exceeds ${policy.maxRetryAfterMs} ms` };
    }
    const backoff = fullJitterDelay(ctx.transientRetries, policy.baseDelayMs, policy.maxDelayMs, ctx.random);
    return {
      retry: true,
      reason: error.status === 429 ? "rate-limited" : "transient",
      delayMs: withRetryAfter(backoff, error.retryAfterMs),
    };
  }
  if (error instanceof TpopsConnectionError || error instanceof TpopsTimeoutError) {
    const notSent = error instanceof TpopsConnectionError && !error.requestSent;
    if (!notSent && !ctx.idempotent) {
      return { retry: false, why: "the request may have reached the server and it is not idempotent" };
    }
    if (ctx.transientRetries + 1 >= policy.maxAttempts) return { retry: false, why: "attempts exhausted" };
    return {
      retry: true,
      reason: notSent ? "not-sent" : "transient",
      delayMs: fullJitterDelay(ctx.transientRetries, policy.baseDelayMs, policy.maxDelayMs, ctx.random),
    };
  }
  return { retry: false, why: "not a retryable error" };
}

// Retry-After is a floor: never come back sooner than the server asked, even if the backoff is shorter.
function withRetryAfter(backoffMs: number, retryAfterMs: number | undefined): number {
  return retryAfterMs === undefined ? backoffMs : Math.max(retryAfterMs, backoffMs);
}
