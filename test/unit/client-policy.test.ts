import { describe, expect, it } from "vitest";
import { ERROR_CODES, explainErrorCode } from "../../provider/client/error-codes";
import { REFERENCE_A3 } from "../conformance/reference-a3";
import {
  TpopsApiError,
  TpopsConnectionError,
  TpopsJobFailedError,
  TpopsResponseError,
  TpopsTimeoutError,
  TpopsTlsError,
  TpopsWaitTimeoutError,
} from "../../provider/client/errors";
import {
  DEFAULT_RETRY_POLICY,
  decideRetry,
  fullJitterDelay,
  parseRetryAfter,
  type AttemptContext,
} from "../../provider/client/retry";

const ctx = (over: Partial<AttemptContext> = {}): AttemptContext => ({
  idempotent: true,
  transientRetries: 0,
  busyRetries: 0,
  random: () => 0.5,
  ...over,
});
const api = (status: number, errorCode?: string, retryAfterMs?: number) =>
  new TpopsApiError({ status, method: "GET", path: "/x", errorCode, retryAfterMs });
const conn = (code: string, requestSent: boolean) =>
  new TpopsConnectionError({ method: "POST", path: "/x", code, requestSent, detail: "boom" });

describe("decideRetry", () => {
  describe.each([
    // [label, error, idempotent, retry?, reason]
    ["GET 503", api(503), true, true, "transient"],
    ["GET 500", api(500), true, true, "transient"],
    ["GET 502", api(502), true, true, "transient"],
    ["GET 504", api(504), true, true, "transient"],
    ["GET 429", api(429), true, true, "rate-limited"],
    ["POST 503", api(503), false, false, undefined],
    ["POST 429 (refused before acting)", api(429), false, true, "rate-limited"],
    ["GET 400", api(400, "DBS.200001"), true, false, undefined],
    ["GET 401", api(401), true, false, undefined],
    ["GET 403", api(403), true, false, undefined],
    ["GET 404", api(404), true, false, undefined],
    ["GET 409 non-busy", api(409, "DBS.06025059"), true, false, undefined],
    ["POST 409 DBS.200019", api(409, "DBS.200019"), false, true, "busy"],
    ["DELETE 409 DBS.201202", api(409, "DBS.201202"), false, true, "busy"],
    // reference A.3: 400 DBS.280012 "当前实例正处于其他操作中,无法升级" — the upgrade PUT while another job runs.
    ["PUT 400 DBS.280012 (upgrade while busy)", api(400, "DBS.280012"), false, true, "busy"],
    ["PUT 409 DBS.280012 (not the documented status)", api(409, "DBS.280012"), false, false, undefined],
    ["PUT 400 DBS.200019 (not the documented status)", api(400, "DBS.200019"), false, false, undefined],
    ["POST refused (not sent)", conn("ECONNREFUSED", false), false, true, "not-sent"],
    ["POST DNS failure (not sent)", conn("ENOTFOUND", false), false, true, "not-sent"],
    ["POST reset after send", conn("ECONNRESET", true), false, false, undefined],
    ["GET reset after send", conn("UND_ERR_SOCKET", true), true, true, "transient"],
    ["GET timeout", new TpopsTimeoutError({ method: "GET", path: "/x", timeoutMs: 5 }), true, true, "transient"],
    ["POST timeout", new TpopsTimeoutError({ method: "POST", path: "/x", timeoutMs: 5 }), false, false, undefined],
    ["TLS error", new TpopsTlsError({ endpoint: "https://h", code: "DEPTH_ZERO_SELF_SIGNED_CERT", detail: "x" }), true, false, undefined],
    ["schema mismatch", new TpopsResponseError({ operation: "jobs.get", method: "GET", path: "/x", issues: ["a: missing"] }), true, false, undefined],
    ["plain Error", new Error("x"), true, false, undefined],
  ] as const)("%s", (_label, error, idempotent, retry, reason) => {
    it(retry ? `retries (${reason})` : "does not retry", () => {
      const d = decideRetry(error, ctx({ idempotent }), DEFAULT_RETRY_POLICY);
      expect(d.retry).toBe(retry);
      if (d.retry) expect(d.reason).toBe(reason);
    });
  });

  it("honours Retry-After as a floor", () => {
    const d = decideRetry(api(429, undefined, 7_000), ctx(), DEFAULT_RETRY_POLICY);
    expect(d).toMatchObject({ retry: true, delayMs: 7_000 });
  });

  it("refuses a Retry-After longer than the policy allows", () => {
    const d = decideRetry(api(503, undefined, DEFAULT_RETRY_POLICY.maxRetryAfterMs + 1), ctx(), DEFAULT_RETRY_POLICY);
    expect(d.retry).toBe(false);
  });

  it("waits longer for a busy instance than for a transient error", () => {
    const busy = decideRetry(api(409, "DBS.200019"), ctx({ random: () => 0.999 }), DEFAULT_RETRY_POLICY);
    const transient = decideRetry(api(503), ctx({ random: () => 0.999 }), DEFAULT_RETRY_POLICY);
    expect(busy.retry && transient.retry).toBe(true);
    if (busy.retry && transient.retry) expect(busy.delayMs).toBeGreaterThan(transient.delayMs);
  });

  it("stops after maxAttempts transient failures and busyMaxAttempts busy replies", () => {
    const p = DEFAULT_RETRY_POLICY;
    expect(decideRetry(api(503), ctx({ transientRetries: p.maxAttempts - 2 }), p).retry).toBe(true);
    expect(decideRetry(api(503), ctx({ transientRetries: p.maxAttempts - 1 }), p).retry).toBe(false);
    expect(decideRetry(api(409, "DBS.200019"), ctx({ busyRetries: p.busyMaxAttempts - 1 }), p).retry).toBe(false);
  });
});

describe("fullJitterDelay", () => {
  it("is uniform in [0, min(cap, base*2^n)]", () => {
    expect(fullJitterDelay(0, 100, 1000, () => 0)).toBe(0);
    expect(fullJitterDelay(0, 100, 1000, () => 0.999999)).toBe(100);
    expect(fullJitterDelay(3, 100, 1000, () => 0.999999)).toBe(800);
    expect(fullJitterDelay(10, 100, 1000, () => 0.999999)).toBe(1000);
  });
});

describe("parseRetryAfter", () => {
  it.each([
    ["3", 3000],
    ["0", 0],
    ["1.5", 1500],
    ["", undefined],
    ["soon", undefined],
  ])("%j → %j", (header, ms) => {
    expect(parseRetryAfter(header, 0)).toBe(ms);
  });
  it("accepts an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:10 GMT", now)).toBe(10_000);
  });
});

describe("errors", () => {
  it("format METHOD /path: CODE message with a literal name", () => {
    const e = new TpopsApiError({
      status: 400,
      method: "PUT",
      path: "/gaussdb/v3/instances/abc123in14/backups/policy",
      errorCode: "DBS.280125",
      errorMsg: "illegal backup policy",
    });
    expect(e.message).toBe("PUT /gaussdb/v3/instances/abc123in14/backups/policy: DBS.280125 illegal backup policy");
    expect(e.name).toBe("TpopsApiError");
    expect(e.explanation).toBe("illegal backup policy");
  });

  it("fall back to the A.3 explanation, then to the HTTP reason", () => {
    expect(new TpopsApiError({ status: 409, method: "POST", path: "/p", errorCode: "DBS.200019" }).message).toBe(
      "POST /p: DBS.200019 the instance is busy with another operation or faulty; retry later",
    );
    expect(new TpopsApiError({ status: 502, method: "GET", path: "/p" }).message).toBe("GET /p: HTTP 502 Bad Gateway");
  });

  it("name the job, its progress and the fix on a wait timeout", () => {
    const e = new TpopsWaitTimeoutError({
      subject: "job j1 (CreateInstance)",
      timeoutMs: 45 * 60_000,
      lastProgress: "Running 40%",
      hint: 'Raise it with the resource\'s timeouts input, e.g. timeouts: { create: "1h30m" }',
      jobId: "j1",
    });
    expect(e.message).toContain("45m");
    expect(e.message).toContain("job j1 (CreateInstance)");
    expect(e.message).toContain("Running 40%");
    expect(e.message).toContain('timeouts: { create: "1h30m" }');
  });

  it("carry fail_reason on a failed job", () => {
    const e = new TpopsJobFailedError({ jobId: "j2", jobName: "AddHosts", failReason: "ssh refused", instanceId: "i1" });
    expect(e.message).toBe("job j2 (AddHosts) on instance i1 failed: ssh refused");
    expect(e.name).toBe("TpopsJobFailedError");
  });
});

describe("error-codes", () => {
  it("explains every DBS code of the reference's table A.3", () => {
    // the repository's transcript of reference table A-3
    const codes = new Set(REFERENCE_A3.map(([, code]) => code));
    expect(codes.size).toBeGreaterThan(80);
    for (const code of codes) expect(explainErrorCode(code), code).toBeTruthy();
    expect(Object.keys(ERROR_CODES).sort()).toEqual([...codes].sort());
  });
});
