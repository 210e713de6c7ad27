import { describe, expect, it } from "vitest";
import { abortError, type Clock } from "../../provider/client/clock";
import { TpopsAbortedError, TpopsApiError, TpopsJobFailedError, TpopsTlsError, TpopsWaitTimeoutError } from "../../provider/client/errors";
import { Limiter } from "../../provider/client/limiter";
import { DEFAULT_POLL_SCHEDULE, ProgressTracker, createWaiter, pollDelay, progressDelay, waitUntil, type CheckResult } from "../../provider/waiters/waiter";
import { parseDuration, parseProgress } from "../../provider/waiters/jobs";

/** Virtual time: sleep advances the clock at once. */
function fakeClock(): Clock & { sleeps: number[] } {
  let t = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    async sleep(ms, signal) {
      if (signal?.aborted) throw abortError(signal);
      sleeps.push(ms);
      t += ms;
    },
  };
}

/** A job that completes `durationMs` after the wait starts; returns poll count and detection lag. */
async function simulateJob(durationMs: number, random: () => number) {
  const clock = fakeClock();
  const start = clock.now();
  const r = await createWaiter<number>(
    { subject: "job sim", timeoutMs: 4 * 3600_000, clock, random },
    async () => (clock.now() - start >= durationMs ? { state: "SUCCESS", value: clock.now() - start } : { state: "RETRY" }),
  );
  return { polls: r.polls, lagMs: r.value - durationMs };
}

const extremes = [() => 0, () => 0.5, () => 0.999999];

/**
 * A job of `durationMs` that reports whole-percent progress `curve(share of time)` like TPOPS (`45%`),
 * started `offsetMs` before the wait; returns poll count and detection lag.
 */
async function simulateProgressJob(durationMs: number, curve: (x: number) => number, random: () => number, offsetMs = 0) {
  const clock = fakeClock();
  const r = await createWaiter<number>({ subject: "job sim", timeoutMs: 4 * 3600_000, clock, random }, async () => {
    const t = clock.now() + offsetMs;
    if (t >= durationMs) return { state: "SUCCESS", value: t };
    return { state: "RETRY", fraction: Math.min(99, Math.floor(curve(t / durationMs) * 100)) / 100 };
  });
  return { polls: r.polls, lagMs: r.value - durationMs };
}

const curves = {
  linear: (x: number) => x,
  "fast start (√x)": (x: number) => Math.sqrt(x),
  "slow start (x²)": (x: number) => x * x,
};

describe("poll schedule", () => {
  it("starts at 250 ms, doubles, and is capped by a share of the elapsed time", () => {
    expect(pollDelay(1, 0)).toBe(250);
    expect(pollDelay(2, 250)).toBe(500);
    expect(pollDelay(3, 750)).toBe(500);
    expect(pollDelay(20, 60_000)).toBe(15_000);
    expect(pollDelay(40, 10 * 3600_000)).toBe(DEFAULT_POLL_SCHEDULE.maxDelayMs);
  });

  it.each(extremes.map((r, i) => [i, r] as const))("notices a 2-second job within ~0.5 s (jitter case %i)", async (_i, random) => {
    const { lagMs, polls } = await simulateJob(2_000, random);
    expect(lagMs).toBeLessThanOrEqual(550);
    expect(polls).toBeLessThanOrEqual(8);
  });

  it.each(extremes.map((r, i) => [i, r] as const))("spends at most ~60 polls on a 2-hour job (jitter case %i)", async (_i, random) => {
    const { polls, lagMs } = await simulateJob(2 * 3600_000, random);
    expect(polls).toBeLessThanOrEqual(60);
    expect(lagMs).toBeLessThanOrEqual(DEFAULT_POLL_SCHEDULE.maxDelayMs * 1.1);
  });

  it("keeps the lag of a 60-second job under ~30 % of its duration", async () => {
    for (const random of extremes) {
      const { lagMs } = await simulateJob(60_000, random);
      expect(lagMs).toBeLessThanOrEqual(18_000);
    }
  });
});

describe("poll schedule with progress", () => {
  const target = (ms: number) => 1000 + 0.02 * ms;

  it.each([1_000, 10_000, 60_000, 600_000])("notices a linear %i ms job within 1 s + 2 % of its length", async (ms) => {
    for (const random of extremes) {
      for (const offset of [0, 300]) {
        const { lagMs, polls } = await simulateProgressJob(ms, curves.linear, random, offset);
        expect(lagMs).toBeLessThanOrEqual(target(ms));
        expect(polls).toBeLessThanOrEqual(40);
      }
    }
  });

  it.each(extremes.map((r, i) => [i, r] as const))("spends at most 60 polls on a linear 2-hour job (jitter case %i)", async (_i, random) => {
    const { polls, lagMs } = await simulateProgressJob(2 * 3600_000, curves.linear, random);
    expect(polls).toBeLessThanOrEqual(60);
    expect(lagMs).toBeLessThanOrEqual(target(2 * 3600_000));
  });

  it("beats the schedule without progress on a 10-minute job: lag under 1 s + 2 % instead of ~13 %", async () => {
    // A fixed pseudo-random sequence: the lag without progress depends on where the polls happen to fall.
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const without: number[] = [];
    const withProgress: number[] = [];
    for (let i = 0; i < 21; i++) {
      without.push((await simulateJob(600_000, random)).lagMs);
      withProgress.push((await simulateProgressJob(600_000, curves.linear, random)).lagMs);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[10]!;
    expect(median(without)).toBeGreaterThan(20_000);
    expect(median(withProgress)).toBeLessThanOrEqual(13_000);
  });

  it.each(Object.entries(curves).filter(([k]) => k !== "linear"))("keeps non-linear progress (%s) within 1 s + 2 % on a 60 s and a 10 min job", async (_name, curve) => {
    for (const ms of [60_000, 600_000]) {
      for (const random of extremes) {
        const { lagMs, polls } = await simulateProgressJob(ms, curve, random);
        expect(lagMs).toBeLessThanOrEqual(target(ms));
        expect(polls).toBeLessThanOrEqual(60);
      }
    }
  });

  // A change is seen up to one poll interval after it happened, so coarse steps blur the prediction:
  // the lag is then of the order of the schedule without progress (up to its 25 % cap), not 1 s + 2 %.
  it("keeps the lag within the elapsed cap (25 % of the job) when progress moves in coarse 25 % steps", async () => {
    const steps = (x: number) => Math.floor(x * 4) / 4;
    for (const ms of [60_000, 600_000]) {
      for (const random of extremes) {
        const { lagMs, polls } = await simulateProgressJob(ms, steps, random);
        expect(lagMs).toBeLessThanOrEqual(0.25 * ms);
        expect(polls).toBeLessThanOrEqual(40);
      }
    }
  });

  it("backs off when progress stalls past the predicted end, then notices the end no later than without progress", async () => {
    // 50 % at mid-time, stuck there until 90 %, then done.
    const stalled = (x: number) => (x < 0.5 ? x : 0.5);
    for (const random of extremes) {
      const { lagMs, polls } = await simulateProgressJob(600_000, stalled, random);
      const without = await simulateJob(600_000, random);
      expect(polls).toBeLessThanOrEqual(without.polls + 15);
      expect(lagMs).toBeLessThanOrEqual(0.3 * 600_000);
    }
  });

  it("ticks at the predicted end, backs off in proportion to the overrun, and never exceeds the cap", () => {
    const s = DEFAULT_POLL_SCHEDULE;
    expect(progressDelay(30, 100_000, 700_000)).toBe(s.maxDelayMs);
    expect(progressDelay(30, 100_000, 200_000)).toBeCloseTo(100_000 * s.progressApproach);
    expect(progressDelay(30, 100_000, 100_500)).toBe(s.progressTickMs);
    expect(progressDelay(30, 100_000, 99_800)).toBe(s.progressTickMs);
    expect(progressDelay(30, 100_000, 60_000)).toBe(Math.min(pollDelay(30, 100_000), 40_000 * s.progressApproach));
    // A short wait ticks no slower than the schedule without progress.
    expect(progressDelay(2, 300, 350)).toBe(pollDelay(2, 300));
  });
});

describe("quick look", () => {
  it("takes a second look 50 ms after a first check that already shows progress, then keeps the usual schedule", async () => {
    const clock = fakeClock();
    let n = 0;
    await createWaiter({ subject: "x", timeoutMs: 60_000, clock, random: () => 0.5 }, async (): Promise<CheckResult<number>> =>
      ++n < 4 ? { state: "RETRY", fraction: 0.99 } : { state: "SUCCESS", value: 1 },
    );
    expect(clock.sleeps).toEqual([50, 250, 500]);
  });

  it.each([
    ["no progress", undefined],
    ["progress 0", 0],
  ] as const)("does not add it when the first check reports %s", async (_label, fraction) => {
    const clock = fakeClock();
    let n = 0;
    await createWaiter({ subject: "x", timeoutMs: 60_000, clock, random: () => 0.5 }, async (): Promise<CheckResult<number>> =>
      ++n < 3 ? { state: "RETRY", fraction } : { state: "SUCCESS", value: 1 },
    );
    expect(clock.sleeps).toEqual([250, 500]);
  });
});

describe("ProgressTracker", () => {
  it("predicts the end from elapsed time and progress: remaining ≈ elapsed × (1 − p) / p", () => {
    const t = new ProgressTracker();
    t.observe(0, 0);
    expect(t.prediction()).toBeUndefined();
    t.observe(10_000, 0.25);
    expect(t.prediction()?.endMs).toBeCloseTo(40_000);
    expect(t.prediction()?.confident).toBe(false);
    t.observe(20_000, 0.5);
    expect(t.prediction()).toEqual({ endMs: 40_000, confident: true });
  });

  it("follows progress that speeds up (the recent rate wins) and is not confident about it", () => {
    const t = new ProgressTracker();
    t.observe(0, 0);
    t.observe(10_000, 0.1);
    t.observe(12_000, 0.5);
    const p = t.prediction()!;
    expect(p.endMs).toBeCloseTo(14_500);
    expect(p.confident).toBe(false);
  });

  it("measures from the first observation when the work started before the wait", () => {
    const t = new ProgressTracker();
    t.observe(0, 0.5);
    t.observe(10_000, 0.6);
    expect(t.prediction()?.endMs).toBeCloseTo(50_000);
  });

  it("keeps its prediction through checks without a fraction and forgets it when progress goes backwards", () => {
    const t = new ProgressTracker();
    t.observe(0, 0);
    t.observe(10_000, 0.5);
    t.observe(12_000, undefined);
    expect(t.prediction()?.endMs).toBeCloseTo(20_000);
    t.observe(14_000, 0.1);
    expect(t.prediction()).toBeUndefined();
  });

  it("reads job progress as a fraction", () => {
    expect(parseProgress("45%")).toBe(0.45);
    expect(parseProgress(" 7.5 % ")).toBe(0.075);
    expect(parseProgress("100")).toBe(1);
    expect(parseProgress(undefined)).toBeUndefined();
    expect(parseProgress("n/a")).toBeUndefined();
    expect(parseProgress("140%")).toBeUndefined();
  });
});

describe("createWaiter", () => {
  it("checks immediately and returns the value on SUCCESS", async () => {
    const clock = fakeClock();
    const r = await createWaiter({ subject: "x", timeoutMs: 1000, clock }, async () => ({ state: "SUCCESS", value: 42 }));
    expect(r).toEqual({ value: 42, polls: 1, elapsedMs: 0 });
    expect(clock.sleeps).toEqual([]);
  });

  it("rejects with the checker's error on FAILURE", async () => {
    const clock = fakeClock();
    let n = 0;
    const failure = new TpopsJobFailedError({ jobId: "j", failReason: "disk full" });
    await expect(
      createWaiter({ subject: "x", timeoutMs: 60_000, clock }, async (): Promise<CheckResult<never>> =>
        ++n < 3 ? { state: "RETRY" } : { state: "FAILURE", error: failure },
      ),
    ).rejects.toBe(failure);
    expect(n).toBe(3);
  });

  it("times out with the subject, the last progress and the hint, after a final check at the deadline", async () => {
    const clock = fakeClock();
    const checkedAt: number[] = [];
    const err = await createWaiter(
      { subject: "job j9 (CreateInstance)", timeoutMs: 10_000, clock, timeoutHint: "Raise it", jobId: "j9" },
      async (): Promise<CheckResult<never>> => {
        checkedAt.push(clock.now());
        return { state: "RETRY", progress: `Running ${checkedAt.length}%` };
      },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TpopsWaitTimeoutError);
    const e = err as TpopsWaitTimeoutError;
    expect(e.jobId).toBe("j9");
    expect(e.lastProgress).toBe(`Running ${checkedAt.length}%`);
    expect(e.message).toContain("job j9 (CreateInstance)");
    expect(e.message).toContain("Raise it");
    expect(checkedAt.at(-1)).toBe(10_000);
  });

  it("lets the final check at the deadline finish within a short grace", async () => {
    const clock = fakeClock();
    const r = await createWaiter({ subject: "x", timeoutMs: 10_000, clock }, async (ctx): Promise<CheckResult<number>> => {
      // The check takes real time; only the one made at the deadline succeeds.
      await new Promise((res) => setTimeout(res, 20));
      return ctx.elapsedMs >= 10_000 ? { state: "SUCCESS", value: ctx.elapsedMs } : { state: "RETRY" };
    });
    expect(r.value).toBe(10_000);
  });

  it("stops when the signal aborts between polls", async () => {
    const clock = fakeClock();
    const ctl = new AbortController();
    let n = 0;
    const p = createWaiter({ subject: "x", timeoutMs: 60_000, clock, signal: ctl.signal }, async (): Promise<CheckResult<never>> => {
      if (++n === 3) ctl.abort(new Error("user cancelled"));
      return { state: "RETRY" };
    });
    await expect(p).rejects.toBeInstanceOf(TpopsAbortedError);
    expect(n).toBe(3);
  });

  it("aborts a check that hangs past the deadline and hands it an aborted signal", async () => {
    let seen: AbortSignal | undefined;
    const err = await createWaiter({ subject: "slow thing", timeoutMs: 50 }, (ctx) => {
      seen = ctx.signal;
      return new Promise<CheckResult<never>>(() => undefined);
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TpopsWaitTimeoutError);
    expect(seen?.aborted).toBe(true);
  });
});

describe("waitUntil", () => {
  it("turns transient errors into retries and still succeeds", async () => {
    const clock = fakeClock();
    let n = 0;
    const r = await waitUntil(
      async (): Promise<CheckResult<string>> => {
        n++;
        if (n <= 3) throw new TpopsApiError({ status: 503, method: "GET", path: "/v3/jobs?id=j" });
        return n < 5 ? { state: "RETRY" } : { state: "SUCCESS", value: "done" };
      },
      { subject: "x", timeoutMs: 60_000, clock },
    );
    expect(r.value).toBe("done");
    expect(r.polls).toBe(5);
  });

  it("ends the wait on an error its predicate calls permanent", async () => {
    const clock = fakeClock();
    const tls = new TpopsTlsError({ endpoint: "https://h", code: "CERT_HAS_EXPIRED", detail: "expired" });
    await expect(
      waitUntil(
        async (): Promise<CheckResult<never>> => {
          throw tls;
        },
        { subject: "x", timeoutMs: 60_000, clock, isTransient: (e) => !(e instanceof TpopsTlsError) },
      ),
    ).rejects.toBe(tls);
  });
});

describe("parseDuration", () => {
  it.each([
    ["90m", 90 * 60_000],
    ["1h30m", 90 * 60_000],
    ["45s", 45_000],
    ["250ms", 250],
    ["2h", 7_200_000],
    [1234, 1234],
    ["5000", 5000],
  ] as const)("%j → %d ms", (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });
  it.each(["", "10 minutes", "m", "-5m", 0])("rejects %j", (input) => {
    expect(() => parseDuration(input)).toThrow(/timeout/);
  });
});

describe("Limiter", () => {
  it("never admits more than its limit and serves waiters in order", async () => {
    const limiter = new Limiter(2);
    const order: number[] = [];
    const releases: Array<() => void> = [];
    const tasks = [0, 1, 2, 3, 4].map(async (i) => {
      const release = await limiter.acquire();
      order.push(i);
      releases.push(release);
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(limiter.stats()).toMatchObject({ active: 2, queued: 3 });
    while (releases.length) {
      releases.shift()!();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(tasks);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(limiter.stats().peak).toBe(2);
  });

  it("drops a queued caller whose signal aborts", async () => {
    const limiter = new Limiter(1);
    const release = await limiter.acquire();
    const ctl = new AbortController();
    const waiting = limiter.acquire(ctl.signal);
    ctl.abort();
    await expect(waiting).rejects.toBeInstanceOf(TpopsAbortedError);
    expect(limiter.stats().queued).toBe(0);
    release();
  });
});
