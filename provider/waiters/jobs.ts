import type { TpopsClient } from "../client/client";
import {
  TpopsApiError,
  TpopsConfigError,
  TpopsJobFailedError,
  TpopsResponseError,
  TpopsTlsError,
  formatDuration,
} from "../client/errors";
import { ops, type Job } from "../client/operations";
import { waitUntil, type PollSchedule } from "./waiter";
import type { Clock } from "../client/clock";

/** A job's state as seen by one poll. */
export interface JobProgress {
  readonly jobId: string;
  readonly name: string | undefined;
  readonly status: string;
  /** The job's `progress` field, e.g. `45%`. */
  readonly progress: string | undefined;
  readonly elapsedMs: number;
}

/** Options of waitUntilJobDone. */
export interface JobWaitOptions {
  /** Give up after this long: milliseconds or a duration such as `"90m"`, `"2h"`, `"45s"`. */
  readonly timeout: number | string;
  readonly signal?: AbortSignal | undefined;
  /** Called whenever the job's status or progress changes. */
  readonly onProgress?: ((progress: JobProgress) => void) | undefined;
  /** Which `timeouts` key of the resource governs this wait, for the timeout hint (default `create`). */
  readonly timeoutKey?: "create" | "update" | "delete" | undefined;
  readonly schedule?: Partial<PollSchedule> | undefined;
  readonly clock?: Clock | undefined;
  readonly random?: (() => number) | undefined;
}

/** A job that reached Completed. */
export interface JobResult {
  readonly job: Job;
  /** Number of `GET /v3/jobs` polls made. */
  readonly polls: number;
  readonly elapsedMs: number;
}

/** Parses `90m`, `1h30m`, `45s`, `500ms`, or a bare number of milliseconds. */
export function parseDuration(value: number | string): number {
  if (typeof value === "number") {
    if (!(value > 0) || !Number.isFinite(value)) throw new TpopsConfigError(`timeout: ${value} is not a positive duration`);
    return value;
  }
  const s = value.trim();
  if (/^\d+$/.test(s)) return Number(s);
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/gy;
  const unit = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 } as const;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += Number(m[1]) * unit[m[2] as keyof typeof unit];
    consumed = re.lastIndex;
  }
  if (consumed !== s.length || total <= 0) {
    throw new TpopsConfigError(`timeout: "${value}" is not a duration such as "90m", "2h" or "45s"`);
  }
  return total;
}

/** A job's `progress` (`45%`, `45`, `45.5 %`) as a fraction 0–1, or undefined when absent or unreadable. */
export function parseProgress(progress: string | undefined): number | undefined {
  const m = progress === undefined ? null : /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(progress);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n <= 100 ? n / 100 : undefined;
}

// Errors that a later poll cannot fix. 400/404 get a few polls (a job id can be briefly unknown
// right after the call that created it); schema mismatches likewise.
function isTransientPollError(error: unknown, consecutiveFailures: number): boolean {
  if (error instanceof TpopsTlsError || error instanceof TpopsConfigError) return false;
  if (error instanceof TpopsApiError) {
    if (error.status === 401 || error.status === 403) return false;
    if (error.status === 400 || error.status === 404) return consecutiveFailures < 3;
    return true;
  }
  if (error instanceof TpopsResponseError) return consecutiveFailures < 3;
  return true;
}

/**
 * Polls `GET /v3/jobs?id=` (reference 4.17.1) until the job is Completed (resolves), Failed
 * (TpopsJobFailedError with fail_reason) or the timeout passes (TpopsWaitTimeoutError naming the job,
 * its last progress and how to raise the timeout). Unknown statuses and transient errors keep polling.
 */
export async function waitUntilJobDone(client: TpopsClient, jobId: string, options: JobWaitOptions): Promise<JobResult> {
  const timeoutMs = parseDuration(options.timeout);
  const key = options.timeoutKey ?? "create";
  const suggested = formatDuration(Math.max(2 * timeoutMs, 60_000));
  let name: string | undefined;
  let lastSeen = "";
  const result = await waitUntil<Job>(
    async ({ signal, elapsedMs }) => {
      const { job } = await client.call(ops.jobs.get, { query: { id: jobId }, signal });
      name = job.name ?? name;
      const progress = job.progress ?? undefined;
      const seen = `${job.status}|${progress ?? ""}`;
      if (seen !== lastSeen) {
        lastSeen = seen;
        options.onProgress?.({ jobId, name, status: job.status, progress, elapsedMs });
      }
      const status = job.status.toLowerCase();
      if (status === "completed") return { state: "SUCCESS", value: job };
      if (status === "failed") {
        return {
          state: "FAILURE",
          error: new TpopsJobFailedError({
            jobId,
            jobName: job.name ?? undefined,
            failReason: job.fail_reason ?? undefined,
            instanceId: job.instance_id ?? undefined,
          }),
        };
      }
      return { state: "RETRY", progress: progress ? `${job.status} ${progress}` : job.status, fraction: parseProgress(progress) };
    },
    {
      get subject() {
        return name ? `job ${jobId} (${name})` : `job ${jobId}`;
      },
      jobId,
      timeoutMs,
      signal: options.signal,
      timeoutHint: `Raise it with the resource's timeouts input, e.g. timeouts: { ${key}: "${suggested}" }`,
      schedule: options.schedule,
      clock: options.clock,
      random: options.random,
      isTransient: isTransientPollError,
    },
  );
  return { job: result.value, polls: result.polls, elapsedMs: result.elapsedMs };
}
