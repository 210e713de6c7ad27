import { DBS_CODES, DbsError } from "./errors";
import { newHexId, type JobRecord, type Store } from "./state";

/** What a job kind does when it ends; handlers get the job (with its JSON payload) and must only mutate the store. */
export interface JobDefinition {
  /** Duration at time scale 1.0, in ms (realistic: host add ~1 min, instance create tens of minutes). */
  durationMs: number;
  /** Apply the state change of a successful job. Throwing turns the job into Failed with the error message. */
  onDone(job: JobRecord): void;
  /** Apply the state change of a failed job (e.g. host status initialize_failed). */
  onFail?(job: JobRecord, reason: string): void;
}

/** Options of `JobEngine.start`. */
export interface StartJobOptions {
  /** Instance the job runs on: while it runs, `assertInstanceIdle` answers 409 DBS.200019 (reference A.3). */
  instanceId?: string | null;
  /** JSON data for the handlers (ids of the objects the job works on). */
  payload?: unknown;
  /** Override the definition's duration (at time scale 1.0, ms). */
  durationMs?: number;
}

/** A control-API plan for the next matching jobs: fail at their end, or never finish. */
export interface JobPlan {
  name?: string;
  outcome: "fail" | "hang";
  failReason?: string;
  times: number;
}

const DEFAULT_FAIL_REASON = "The job failed (injected by the TPOPS emulator).";

/** The job engine: scaled durations, growing progress, planned failures and hangs, resumable after restart. */
export class JobEngine {
  private readonly defs = new Map<string, JobDefinition>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private plans: JobPlan[] = [];

  constructor(
    private readonly store: Store,
    private timeScale: number,
    private readonly persist: () => void,
  ) {}

  /** Register a job kind by its API-visible name (e.g. "AddHosts"); call once from a route module's `register`. */
  define(name: string, def: JobDefinition): void {
    if (this.defs.has(name)) throw new Error(`job ${name} defined twice`);
    this.defs.set(name, def);
  }

  /** Names and base durations of every defined job kind. */
  definitions(): { name: string; durationMs: number }[] {
    return [...this.defs].map(([name, d]) => ({ name, durationMs: d.durationMs }));
  }

  /** Start a job of a defined kind; returns the stored record (its id is the API's job_id). */
  start(name: string, opts: StartJobOptions = {}): JobRecord {
    const def = this.defs.get(name);
    if (!def) throw new Error(`job ${name} is not defined`);
    const now = Date.now();
    const duration = Math.max(0, Math.round((opts.durationMs ?? def.durationMs) * this.timeScale));
    const plan = this.takePlan(name);
    const job: JobRecord = {
      id: newHexId(),
      name,
      status: "Running",
      created: now,
      ended: null,
      instance_id: opts.instanceId ?? null,
      fail_reason: null,
      duration_ms: duration,
      due: now + duration,
      final_progress: null,
      outcome: plan?.outcome ?? "complete",
      planned_fail_reason: plan?.outcome === "fail" ? (plan.failReason ?? DEFAULT_FAIL_REASON) : null,
      payload: opts.payload ?? null,
    };
    this.store.data.jobs[job.id] = job;
    this.schedule(job);
    return job;
  }

  /** The stored job, if any. */
  get(id: string): JobRecord | undefined {
    return this.store.data.jobs[id];
  }

  /** The running job on an instance, if any. */
  runningOn(instanceId: string): JobRecord | undefined {
    return Object.values(this.store.data.jobs).find((j) => j.status === "Running" && j.instance_id === instanceId);
  }

  /**
   * Throw when a job is running on the instance: 409 DBS.200019 (reference A.3 "该实例正在进行其它操作…"), or the
   * operation's own A.3 code where A.3 lists one (upgrade: 400 DBS.280012 "当前实例正处于其他操作中,无法升级").
   */
  assertInstanceIdle(instanceId: string, code = "DBS.200019"): void {
    const job = this.runningOn(instanceId);
    if (job) throw new DbsError(DBS_CODES[code]?.status ?? 409, code, { detail: `job ${job.id} (${job.name}) is running on instance ${instanceId}` });
  }

  /** The job as reference 4.17.1 shows it. */
  view(job: JobRecord): Record<string, unknown> {
    return {
      id: job.id,
      name: job.name,
      status: job.status,
      created: job.created,
      ended: job.ended,
      progress: `${this.progress(job)}%`,
      instance_id: job.instance_id,
      fail_reason: job.fail_reason,
    };
  }

  /** Queue a plan for the next matching jobs (control API `POST /__emulator/jobs/next`). */
  plan(plan: JobPlan): void {
    this.plans.push({ ...plan });
  }

  /** Change the time scale; running jobs keep their elapsed share and finish the rest at the new pace. */
  setTimeScale(scale: number): void {
    const now = Date.now();
    for (const job of Object.values(this.store.data.jobs)) {
      if (job.status !== "Running" || job.outcome === "hang") continue;
      const remaining = Math.max(0, job.due - now) * (scale / this.timeScale);
      job.duration_ms = Math.round(now - job.created + remaining);
      job.due = Math.round(now + remaining);
      this.schedule(job);
    }
    this.timeScale = scale;
    this.persist();
  }

  /** The current time scale. */
  getTimeScale(): number {
    return this.timeScale;
  }

  /** Re-arm timers for running jobs after loading a state file (overdue jobs end now). */
  resumeAll(): void {
    for (const job of Object.values(this.store.data.jobs)) if (job.status === "Running") this.schedule(job);
  }

  /** Cancel every timer and forget plans (control API reset; the store is cleared by the caller). */
  reset(): void {
    this.stopTimers();
    this.plans = [];
  }

  /** Cancel every timer (server close). */
  stopTimers(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private progress(job: JobRecord): number {
    if (job.status === "Completed") return 100;
    if (job.final_progress !== null) return job.final_progress;
    if (job.duration_ms <= 0) return 99;
    return Math.min(99, Math.floor(((Date.now() - job.created) / job.duration_ms) * 100));
  }

  private takePlan(name: string): JobPlan | undefined {
    const i = this.plans.findIndex((p) => p.name === undefined || p.name === name);
    const plan = this.plans[i];
    if (!plan) return undefined;
    plan.times -= 1;
    if (plan.times <= 0) this.plans.splice(i, 1);
    return plan;
  }

  private schedule(job: JobRecord): void {
    const old = this.timers.get(job.id);
    if (old) clearTimeout(old);
    this.timers.delete(job.id);
    if (job.outcome === "hang") return;
    const delay = Math.max(0, job.due - Date.now());
    // setTimeout caps at ~24.8 days; re-check in steps so very long (unscaled) jobs still end.
    const timer = setTimeout(() => {
      this.timers.delete(job.id);
      if (Date.now() < job.due) this.schedule(job);
      else this.finish(job.id);
    }, Math.min(delay, 2 ** 31 - 1));
    timer.unref();
    this.timers.set(job.id, timer);
  }

  private finish(id: string): void {
    const job = this.store.data.jobs[id];
    if (!job || job.status !== "Running") return;
    const def = this.defs.get(job.name);
    job.ended = Date.now();
    if (job.outcome === "fail" || !def) {
      const reason = job.planned_fail_reason ?? `no handler for job ${job.name}`;
      this.fail(job, def, reason);
    } else {
      try {
        def.onDone(job);
        job.status = "Completed";
        job.final_progress = 100;
      } catch (err) {
        this.fail(job, def, err instanceof Error ? err.message : String(err));
      }
    }
    this.persist();
  }

  private fail(job: JobRecord, def: JobDefinition | undefined, reason: string): void {
    job.status = "Failed";
    job.fail_reason = reason;
    job.final_progress = Math.min(99, Math.floor(((job.ended ?? Date.now()) - job.created) / Math.max(1, job.duration_ms) * 100));
    try {
      def?.onFail?.(job, reason);
    } catch {
      // A failing failure handler must not take the server down; the job is already Failed.
    }
  }
}
