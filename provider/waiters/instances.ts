import type { TpopsClient } from "../client/client";
import type { Clock } from "../client/clock";
import { TpopsError, formatDuration } from "../client/errors";
import { ops, type Instance } from "../client/operations";
import { parseDuration } from "./jobs";
import { waitUntil, type PollSchedule } from "./waiter";

/** Options of waitUntilInstanceStatus. */
export interface InstanceWaitOptions {
  /** Status to reach, e.g. `ACTIVE` (reference 4.11.8: BUILD, ACTIVE, FAILED, REBOOTING, ...). */
  readonly target: string;
  /** Statuses that end the wait with an error (default `FAILED`). */
  readonly failOn?: readonly string[] | undefined;
  /** Milliseconds or a duration such as `"90m"`. */
  readonly timeout: number | string;
  readonly signal?: AbortSignal | undefined;
  readonly timeoutKey?: "create" | "update" | "delete" | undefined;
  readonly onProgress?: ((status: string) => void) | undefined;
  readonly schedule?: Partial<PollSchedule> | undefined;
  readonly clock?: Clock | undefined;
}

/** Polls the instance list (4.11.8, filtered by id) until the instance reaches `target`; resolves to it. */
export async function waitUntilInstanceStatus(client: TpopsClient, instanceId: string, options: InstanceWaitOptions): Promise<Instance> {
  const timeoutMs = parseDuration(options.timeout);
  const failOn = new Set((options.failOn ?? ["FAILED"]).map((s) => s.toUpperCase()));
  const target = options.target.toUpperCase();
  let last = "";
  const result = await waitUntil<Instance>(
    async ({ signal }) => {
      const res = await client.call(ops.instances.list, { query: { id: instanceId }, signal });
      const instance = res.instances.find((i) => i.id === instanceId);
      const status = instance ? instance.status.toUpperCase() : "NOT FOUND";
      if (status !== last) {
        last = status;
        options.onProgress?.(status);
      }
      if (instance && status === target) return { state: "SUCCESS", value: instance };
      if (failOn.has(status)) {
        return { state: "FAILURE", error: new TpopsError(`instance ${instanceId} is ${status} while waiting for ${target}`) };
      }
      return { state: "RETRY", progress: status };
    },
    {
      subject: `instance ${instanceId} to become ${target}`,
      timeoutMs,
      signal: options.signal,
      timeoutHint: `Raise it with the resource's timeouts input, e.g. timeouts: { ${options.timeoutKey ?? "create"}: "${formatDuration(Math.max(2 * timeoutMs, 60_000))}" }`,
      schedule: options.schedule,
      clock: options.clock,
    },
  );
  return result.value;
}
