import { TpopsAbortedError } from "./errors";

/** Time source for retries and waiters; injectable so tests run the maths without real sleeps. */
export interface Clock {
  /** Milliseconds on a monotonic scale. */
  now(): number;
  /** Resolves after `ms`, or rejects with TpopsAbortedError when `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock: `performance.now()` and `setTimeout`. */
export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) => abortableSleep(ms, signal),
};

/** `setTimeout` as a promise that rejects with TpopsAbortedError when `signal` aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The error to throw when `signal` aborted: its reason if that is already a TpopsAbortedError. */
export function abortError(signal: AbortSignal): TpopsAbortedError {
  const reason: unknown = signal.reason;
  if (reason instanceof TpopsAbortedError) return reason;
  const detail = reason instanceof Error && reason.message ? `: ${reason.message}` : "";
  return new TpopsAbortedError(`operation aborted${detail}`, { cause: reason });
}
