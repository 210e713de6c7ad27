import { abortError, systemClock, type Clock } from "../client/clock";
import { TpopsAbortedError, TpopsWaitTimeoutError } from "../client/errors";

/** What one check of a waiter concluded (aws-sdk-js-v3 util-waiter style). */
export type CheckResult<T> =
  | { readonly state: "SUCCESS"; readonly value: T }
  | { readonly state: "FAILURE"; readonly error: Error }
  | {
      readonly state: "RETRY";
      /** Human-readable progress, kept for the timeout error (`Running 45%`). */
      readonly progress?: string | undefined;
      /** Share of the work done, 0–1 (a job's `progress` 45% → 0.45): lets the waiter predict the end. */
      readonly fraction?: number | undefined;
    };

/** Context handed to each check. */
export interface CheckContext {
  /** 1 for the first check. */
  readonly attempt: number;
  /** Milliseconds since the wait started. */
  readonly elapsedMs: number;
  /** Aborted when the wait times out or the caller aborts; pass it to HTTP calls. */
  readonly signal: AbortSignal;
}

/**
 * Polling schedule: fast at first, then a delay proportional to the time already waited; when checks
 * report a `fraction` done, polls aim just before the end predicted from it instead.
 */
export interface PollSchedule {
  /**
   * When the first check already reports progress above 0 (a job that may be all but done): one extra
   * quick look this long after it. The schedule then continues as without it.
   */
  readonly firstDelayMs: number;
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
  /** With a progress prediction: the poll interval around the predicted end. */
  readonly progressTickMs: number;
  /** With a progress prediction: the share of the predicted remaining time to sleep (0.5 halves it each poll). */
  readonly progressApproach: number;
  /**
   * With a confirmed progress prediction: the cap as a fraction of the time waited (instead of
   * `elapsedFraction`), bounding the lag should progress then speed up. Unconfirmed predictions only
   * shorten sleeps.
   */
  readonly progressElapsedFraction: number;
}

/**
 * Without progress: 0.25 s doubling, capped at max(0.5 s, 25 % of elapsed) and 5 min (a 2 s job costs
 * ~6 polls, a 2 h job ≤ 60, and a job is noticed within ~12 % of its length). With progress: a quick
 * look after 50 ms when the first check already shows some, then sleeps of 70 % of the predicted remaining time and 1 s ticks at the predicted
 * end (a 10 min job is noticed within ~1 s); sleeps may reach 75 % of the time waited once two
 * estimates agree.
 */
export const DEFAULT_POLL_SCHEDULE: PollSchedule = Object.freeze({
  firstDelayMs: 50,
  initialDelayMs: 250,
  elapsedFraction: 0.25,
  minCapMs: 500,
  maxDelayMs: 300_000,
  jitter: 0.1,
  progressTickMs: 1000,
  progressApproach: 0.7,
  progressElapsedFraction: 0.75,
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

/** One observation of the fraction done: the first check that saw this value. */
interface ProgressPoint {
  readonly atMs: number;
  readonly fraction: number;
}

/**
 * Predicts when a piece of work ends from the fractions done its checks report. Two linear estimates,
 * the earlier wins (polling early costs a request, polling late costs the user time):
 * - from the first observation to the latest change (for a wait that starts with the work, progress 0
 *   at elapsed 0: remaining ≈ elapsed × (1 − p) / p);
 * - from the previous change to the latest one (follows progress that speeds up).
 * Progress reported as a whole percentage lags the truth by up to one step, so both estimates are late
 * by at most that step; the schedule sleeps only part of the predicted remaining time to absorb it.
 * A fraction that goes backwards discards the history; a check without a fraction (say a transient
 * error) keeps it.
 */
export class ProgressTracker {
  private origin: ProgressPoint | undefined;
  private previous: ProgressPoint | undefined;
  private latest: ProgressPoint | undefined;

  /** Records what a check reported at `atMs` since the wait started. */
  observe(atMs: number, fraction: number | undefined): void {
    if (fraction === undefined || !Number.isFinite(fraction)) return;
    const f = Math.min(1, Math.max(0, fraction));
    if (this.latest && f < this.latest.fraction) {
      this.origin = this.previous = this.latest = undefined;
    }
    if (!this.origin) {
      this.origin = this.latest = { atMs, fraction: f };
      return;
    }
    if (f > this.latest!.fraction) {
      this.previous = this.latest;
      this.latest = { atMs, fraction: f };
    }
  }

  /**
   * The predicted end in ms since the wait started, or undefined while progress has not moved.
   * `confident` when two estimates agree (within 25 % of the remaining time): progress that speeds up
   * makes the earlier estimate too late, so an unconfirmed prediction may only shorten sleeps.
   */
  prediction(): { endMs: number; confident: boolean } | undefined {
    const { origin, previous, latest } = this;
    if (!origin || !latest || latest === origin || latest.fraction >= 1) return undefined;
    const end = (from: ProgressPoint) => {
      const rate = (latest.fraction - from.fraction) / (latest.atMs - from.atMs);
      return rate > 0 && Number.isFinite(rate) ? latest.atMs + (1 - latest.fraction) / rate : Infinity;
    };
    const overall = end(origin);
    const recent = previous && previous !== origin ? end(previous) : Infinity;
    const best = Math.min(overall, recent);
    if (!Number.isFinite(best)) return undefined;
    const confident = Number.isFinite(recent) && Math.abs(overall - recent) <= 0.25 * (Math.max(overall, recent) - latest.atMs);
    return { endMs: best, confident };
  }
}

/**
 * The delay before the next check when a progress prediction exists (no jitter applied): sleep
 * `progressApproach` of the predicted remaining time, at least `progressTickMs` (so at most a tick past
 * the predicted end); once the predicted end has passed without the work ending, tick,
 * then back off in proportion to the overrun (stalled progress) up to the elapsed-based schedule.
 * Never above `maxDelayMs`.
 */
export function progressDelay(
  attempt: number,
  elapsedMs: number,
  predictedEndMs: number,
  schedule: PollSchedule = DEFAULT_POLL_SCHEDULE,
): number {
  const remaining = predictedEndMs - elapsedMs;
  const fallback = pollDelay(attempt, elapsedMs, schedule);
  // Short waits tick no slower than the schedule without progress would poll.
  const tick = Math.min(schedule.progressTickMs, fallback);
  const delay =
    remaining > 0
      ? Math.max(remaining * schedule.progressApproach, tick)
      : Math.min(fallback, Math.max(tick, -remaining * schedule.progressApproach));
  return Math.min(schedule.maxDelayMs, delay);
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
  const tracker = new ProgressTracker();
  let quickLook = false;
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
    const checkedAtMs = clock.now() - start;
    const outcome = await raceDeadline(checkState, attempt, checkedAtMs, budget, options.signal);
    if (outcome.kind === "timeout") throw timeoutError();
    const result = outcome.result;
    if (result.state === "SUCCESS") return { value: result.value, polls: attempt, elapsedMs: clock.now() - start };
    if (result.state === "FAILURE") throw result.error;
    if (result.progress !== undefined) lastProgress = result.progress;
    tracker.observe(checkedAtMs, result.fraction);
    const now = clock.now();
    options.onRetry?.({ attempt, elapsedMs: now - start, progress: lastProgress });
    if (now >= deadline) throw timeoutError();
    // Work that already shows progress at the first check may be all but done (jobs that end at once).
    if (attempt === 1 && result.fraction !== undefined && result.fraction > 0) quickLook = true;
    const step = quickLook ? attempt - 1 : attempt;
    const fallback = step === 0 ? Math.min(schedule.firstDelayMs, schedule.maxDelayMs) : pollDelay(step, now - start, schedule);
    const predicted = tracker.prediction();
    const byProgress = step === 0 ? undefined : predicted && progressDelay(step, now - start, predicted.endMs, schedule);
    const cap = predicted?.confident ? Math.max(fallback, (now - start) * schedule.progressElapsedFraction) : fallback;
    const base = byProgress === undefined ? fallback : Math.min(byProgress, cap);
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
