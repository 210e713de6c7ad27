import { z } from "zod";
import { newHexId } from "./state";

/** A fault as posted to `POST /__emulator/faults`. */
export const faultSchema = z.strictObject({
  method: z.string().min(1).optional(),
  path: z.string().refine(
    (s) => {
      try {
        new RegExp(s);
        return true;
      } catch {
        return false;
      }
    },
    { message: "not a valid regular expression" },
  ),
  status: z.number().int().min(100).max(599).optional(),
  errorCode: z.string().min(1).optional(),
  errorMsg: z.string().optional(),
  retryAfter: z.number().min(0).optional(),
  latencyMs: z.number().min(0).max(600_000).optional(),
  drop: z.boolean().optional(),
  when: z.enum(["before", "after"]).optional(),
  probability: z.number().min(0).max(1).optional(),
  times: z.number().int().min(1).optional(),
});

/** A fault to inject into `/rds` requests. */
export type FaultSpec = z.output<typeof faultSchema>;

interface Fault extends FaultSpec {
  id: string;
  regex: RegExp;
  remaining: number;
}

/** What the server must do for a matched fault. */
export interface FaultAction {
  latencyMs: number;
  /** Reply with an error (status, code, msg) or drop; undefined when the fault only adds latency. */
  reply?: { status: number; errorCode?: string; errorMsg?: string; retryAfter?: number } | { drop: true };
  when: "before" | "after";
}

/** Registered faults; each request takes the first matching fault (in registration order). */
export class Faults {
  private faults: Fault[] = [];

  /** Register a fault; returns its id. */
  add(spec: FaultSpec): string {
    const id = newHexId();
    this.faults.push({ ...spec, id, regex: new RegExp(spec.path), remaining: spec.times ?? Infinity });
    return id;
  }

  /** Remove one fault; false when unknown. */
  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length !== before;
  }

  /** Remove all faults. */
  clear(): void {
    this.faults = [];
  }

  /** The action for a request (path after /rds), consuming one of the fault's `times`. */
  take(method: string, path: string): FaultAction | undefined {
    for (const f of this.faults) {
      if (f.method && f.method.toUpperCase() !== method) continue;
      if (!f.regex.test(path)) continue;
      if (f.probability !== undefined && Math.random() >= f.probability) continue;
      f.remaining -= 1;
      if (f.remaining <= 0) this.faults = this.faults.filter((x) => x !== f);
      // Only latency leaves the request to be served; any reply field makes it an error reply.
      const isReply = f.drop === true || [f.status, f.errorCode, f.errorMsg, f.retryAfter].some((v) => v !== undefined);
      return {
        latencyMs: f.latencyMs ?? 0,
        when: f.when ?? "before",
        reply: !isReply
          ? undefined
          : f.drop
            ? { drop: true }
            : { status: f.status ?? 0, errorCode: f.errorCode, errorMsg: f.errorMsg, retryAfter: f.retryAfter },
      };
    }
    return undefined;
  }
}

/** Request counters by method, route template and status (control API `GET /__emulator/requests`). */
export class RequestCounters {
  private counts = new Map<string, { method: string; route: string; status: number; count: number }>();
  total = 0;

  /** Count one `/rds` request. */
  record(method: string, route: string, status: number): void {
    this.total += 1;
    const key = `${method} ${route} ${status}`;
    const c = this.counts.get(key);
    if (c) c.count += 1;
    else this.counts.set(key, { method, route, status, count: 1 });
  }

  /** Counters as the control API shows them. */
  byRoute(): { method: string; route: string; status: number; count: number }[] {
    return [...this.counts.values()].map((c) => ({ ...c }));
  }

  private ignored = new Map<string, { method: string; route: string; field: string; count: number }>();

  /** Count the undocumented fields a request carried (ignored, README "Unknown fields"). */
  recordIgnored(method: string, route: string, fields: readonly string[]): void {
    for (const field of fields) {
      const key = `${method} ${route} ${field}`;
      const c = this.ignored.get(key);
      if (c) c.count += 1;
      else this.ignored.set(key, { method, route, field, count: 1 });
    }
  }

  /** Ignored fields as the control API shows them. */
  ignoredFields(): { method: string; route: string; field: string; count: number }[] {
    return [...this.ignored.values()].map((c) => ({ ...c }));
  }

  /** Zero every counter. */
  clear(): void {
    this.counts.clear();
    this.ignored.clear();
    this.total = 0;
  }
}
