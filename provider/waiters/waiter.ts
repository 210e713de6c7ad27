import { abortError, systemClock, type Clock } from "../client/clock";
import { TpopsAbortedError, TpopsWaitTimeoutError } from "../client/errors";

/** What one check of a waiter concluded (aws-sdk-js-v3 util-waiter style). */
export type CheckResult<T> =
  | { readonly state: "SUCCESS"; readonly value: T }
  | { readonly state: "FAILURE"; readonly error: Error }
  | { readonly state: "RETRY"; readonly progress?: string | undefined };

/** Context handed to each check. */
export interface CheckContext {
  /** 1 for the first check. */
  readonly attempt: number;
  /** Milliseconds since the wait started. */
  readonly elapsedMs: number;
  /** Aborted when the wait times out or the caller aborts; pass it to HTTP calls. */
  readonly signal: AbortSignal;
}

/** Polling schedule: fast at first, then a delay proportional to the time already waited. */
export interface PollSchedule {
  /** Delay after the first check; doubles per check until the cap. */
  readonly initialDelayMs: number;
  /** Cap as a fraction of the time waited so far: a job is noticed within ~this share of its duration. */
  readonly elapsedFraction: number;
  /** Lowest cap (applies while the fraction of elapsed time is smaller). */
  readonly minCapMs: number;
  /** Highest cap. */
  readonly maxDelayMs: number;
  /** Symmetric jitter: each delay is scaled by a uniform factor in [1 - jitter, 1 + jitter]. */
  readonly jitter: number;
}

/** 0.25 s doubling, capped at max(0.5 s, 25 % of elapsed) and 5 min: a 2 s job costs ~6 polls, a 2 h job ~56. */
export const DEFAULT_POLL_SCHEDULE: PollSchedule = Object.freeze({
  initialDelayMs: 250,
  elapsedFraction: 0.25,
  minCapMs: 500,
  maxDelayMs: 300_000,
  jitter: 0.1,
});

/** Options of createWaiter and waitUntil. */
export interface WaiterOptions {
  /** What is waited for, used in errors: `job 1f2e… (CreateInstance)`. */
  readonly subject: string;
  /** Give up after this many milliseconds. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
  /** Appended to the timeout error: how to raise the timeout. */
  readonly timeoutHint?: string | undefined;
  /** Job id carried by the timeout error, when the wait is for a job. */
  readonly jobId?: string | undefined;
  readonly schedule?: Partial<PollSchedule> | undefined;
  /** Injectable time source (tests use a fake clock). */
  readonly clock?: Clock | undefined;
  /** Injectable randomness for jitter. */
  readonly random?: (() => number) | undefined;
  /** Called after every check that asked to retry. */
  readonly onRetry?: ((info: { attempt: number; elapsedMs: number; progress: string | undefined }) => void) | undefined;
}

/** Successful end of a wait. */
export interface WaitResult<T> {
  readonly value: T;
  /** Number of checks made. */
  readonly polls: number;
  readonly elapsedMs: number;
}

/** The delay before check `attempt + 1`, given the time already waited (no jitter applied). */
export function pollDelay(attempt: number, elapsedMs: number, schedule: PollSchedule = DEFAULT_POLL_SCHEDULE): number {
  const exponential = schedule.initialDelayMs * 2 ** Math.max(0, attempt - 1);
  const cap = Math.min(schedule.maxDelayMs, Math.max(schedule.minCapMs, elapsedMs * schedule.elapsedFraction));
  return Math.min(exponential, cap);
}

/**
 * Runs `checkState` now and then on a backoff schedule until it returns SUCCESS (resolves) or FAILURE
 * (rejects with its error), the timeout passes (TpopsWaitTimeoutError) or the signal aborts
 * (TpopsAbortedError). A check that throws ends the wait with that error; use waitUntil to tolerate
 * transient errors.
 */
export async function createWaiter<T>(
  options: WaiterOptions,
  checkState: (ctx: CheckContext) => Promise<CheckResult<T>>,
): Promise<WaitResult<T>> {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const schedule: PollSchedule = { ...DEFAULT_POLL_SCHEDULE, ...options.schedule };
  const start = clock.now();
  const deadline = start + options.timeoutMs;
  let lastProgress: string | undefined;
  const timeoutError = (cause?: unknown) =>
    new TpopsWaitTimeoutError({
      subject: options.subject,
      timeoutMs: options.timeoutMs,
      lastProgress,
      hint: options.timeoutHint,
      jobId: options.jobId,
      cause,
    });

  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) throw abortError(options.signal);
    // A check that starts at the deadline still gets a short grace to finish (the final check).
    const budget = Math.max(deadline - clock.now(), Math.min(5_000, options.timeoutMs * 0.1));
    const outcome = await raceDeadline(checkState, attempt, clock.now() - start, budget, options.signal);
    if (outcome.kind === "timeout") throw timeoutError();
    const result = outcome.result;
    if (result.state === "SUCCESS") return { value: result.value, polls: attempt, elapsedMs: clock.now() - start };
    if (result.state === "FAILURE") throw result.error;
    if (result.progress !== undefined) lastProgress = result.progress;
    const now = clock.now();
    options.onRetry?.({ attempt, elapsedMs: now - start, progress: lastProgress });
    if (now >= deadline) throw timeoutError();
    const base = pollDelay(attempt, now - start, schedule);
    const jittered = base * (1 - schedule.jitter + 2 * schedule.jitter * random());
    // The last sleep ends exactly at the deadline so that one final check runs there.
    await clock.sleep(Math.max(0, Math.min(jittered, deadline - now)), options.signal);
  }
}

// setTimeout fires at once for delays above 2^31-1 ms (~24.8 days).
const MAX_TIMER_MS = 2 ** 31 - 1;

// Runs one check, racing it against the deadline and the caller's signal (a hung HTTP call must not
// outlive the wait); the check gets a signal that aborts when either fires.
async function raceDeadline<T>(
  checkState: (ctx: CheckContext) => Promise<CheckResult<T>>,
  attempt: number,
  elapsedMs: number,
  remainingMs: number,
  outer: AbortSignal | undefined,
): Promise<{ kind: "done"; result: CheckResult<T> } | { kind: "timeout" }> {
  const ctl = new AbortController();
  const onOuterAbort = () => ctl.abort(outer?.reason);
  outer?.addEventListener("abort", onOuterAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<{ kind: "timeout" }>((resolve) => {
    timer = setTimeout(() => {
      ctl.abort(new TpopsAbortedError("wait timed out"));
      resolve({ kind: "timeout" });
    }, Math.min(Math.max(0, remainingMs), MAX_TIMER_MS));
  });
  const aborted = new Promise<never>((_, reject) => {
    if (outer?.aborted) reject(abortError(outer));
    outer?.addEventListener("abort", () => reject(abortError(outer)), { once: true });
  });
  // Settled by the race below; keep a late rejection from surfacing as unhandled.
  aborted.catch(() => undefined);
  try {
    const done = checkState({ attempt, elapsedMs, signal: ctl.signal }).then((result) => ({ kind: "done" as const, result }));
    return await Promise.race([done, expired, aborted]);
  } catch (e) {
    if (outer?.aborted) throw abortError(outer);
    if (ctl.signal.aborted && !outer?.aborted) return { kind: "timeout" };
    throw e;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener("abort", onOuterAbort);
  }
}

/** Decides whether an error thrown by a check is worth another try (default: waitUntil's rule). */
export type TransientPredicate = (error: unknown, consecutiveFailures: number) => boolean;

/**
 * createWaiter for checks that may throw: errors for which `isTransient` holds become RETRY (their
 * message is kept as progress), anything else ends the wait. Used by job and instance-status waiters.
 */
export async function waitUntil<T>(
  check: (ctx: CheckContext) => Promise<CheckResult<T>>,
  options: WaiterOptions & { isTransient?: TransientPredicate | undefined },
): Promise<WaitResult<T>> {
  const isTransient = options.isTransient ?? (() => true);
  let consecutiveFailures = 0;
  return createWaiter(options, async (ctx) => {
    try {
      const result = await check(ctx);
      consecutiveFailures = 0;
      return result;
    } catch (error) {
      if (error instanceof TpopsAbortedError || ctx.signal.aborted) throw error;
      consecutiveFailures++;
      if (!isTransient(error, consecutiveFailures)) {
        return { state: "FAILURE", error: error instanceof Error ? error : new Error(String(error)) };
      }
      return { state: "RETRY" };
    }
  });
}
