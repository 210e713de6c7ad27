import { explainErrorCode } from "./error-codes";
import { redactPath, redactText } from "./redact";

/** Base class of every error the TPOPS client and waiters throw; its message never carries a secret. */
export class TpopsError extends Error {
  override name: string = "TpopsError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(redactText(message), options);
  }
}

/** Invalid client configuration (endpoint, credentials, CA certificate). */
export class TpopsConfigError extends TpopsError {
  override readonly name = "TpopsConfigError" as const;
}

/** Fields of a TPOPS error reply plus where it came from. */
export interface TpopsApiErrorInit {
  status: number;
  method: string;
  path: string;
  errorCode?: string | undefined;
  errorMsg?: string | undefined;
  retryAfterMs?: number | undefined;
  /** What the user can do about it, appended as a sentence (e.g. which setting to correct). */
  fix?: string | undefined;
  cause?: unknown;
}

/** The platform answered with a non-2xx status (`{"error_code","error_msg"}` body, reference A.1). */
export class TpopsApiError extends TpopsError {
  override readonly name = "TpopsApiError" as const;
  /** HTTP status code. */
  readonly status: number;
  /** DBS error code such as `DBS.280125`, when the body carried one. */
  readonly errorCode: string | undefined;
  /** The platform's error message (redacted). */
  readonly errorMsg: string | undefined;
  /** Short English explanation of `errorCode` from table A.3. */
  readonly explanation: string | undefined;
  /** HTTP method of the failed request. */
  readonly method: string;
  /** Request path after `/rds`, ids kept, secrets removed. */
  readonly path: string;
  /** Delay the server asked for with `Retry-After`, in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(init: TpopsApiErrorInit) {
    const path = redactPath(init.path);
    const errorMsg = init.errorMsg === undefined ? undefined : redactText(init.errorMsg);
    const explanation = explainErrorCode(init.errorCode);
    const detail = errorMsg || explanation || httpReason(init.status);
    const head = init.errorCode ? init.errorCode : `HTTP ${init.status}`;
    const line = `${init.method} ${path}: ${head} ${detail}`.trimEnd();
    super(init.fix ? `${line}${/[.!?。]$/.test(line) ? "" : "."} ${init.fix}` : line, { cause: init.cause });
    this.status = init.status;
    this.errorCode = init.errorCode;
    this.errorMsg = errorMsg;
    this.explanation = explanation;
    this.method = init.method;
    this.path = path;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** The request could not be completed at the network level (refused, reset, DNS failure). */
export class TpopsConnectionError extends TpopsError {
  override readonly name = "TpopsConnectionError" as const;
  /** Low-level error code, e.g. `ECONNREFUSED` or `UND_ERR_SOCKET`. */
  readonly code: string | undefined;
  /** False only when the request provably never reached the server (safe to replay any method). */
  readonly requestSent: boolean;
  readonly method: string;
  readonly path: string;

  constructor(init: { method: string; path: string; code: string | undefined; requestSent: boolean; detail: string; cause?: unknown }) {
    const path = redactPath(init.path);
    super(`${init.method} ${path}: connection failed (${init.code ?? "network error"}: ${init.detail})`, { cause: init.cause });
    this.code = init.code;
    this.requestSent = init.requestSent;
    this.method = init.method;
    this.path = path;
  }
}

/** The server's TLS certificate was rejected (or the TLS handshake failed for a configuration reason). */
export class TpopsTlsError extends TpopsError {
  override readonly name = "TpopsTlsError" as const;
  /** Node/OpenSSL error code, e.g. `DEPTH_ZERO_SELF_SIGNED_CERT`. */
  readonly code: string | undefined;
  readonly endpoint: string;

  constructor(init: { endpoint: string; code: string | undefined; detail: string; fix?: string | undefined; cause?: unknown }) {
    super(
      `TLS connection to ${init.endpoint} failed (${init.code ?? "TLS error"}: ${init.detail}). ` +
        (init.fix ??
          `Set caCert (config tpops:caCert or env TPOPS_CA_CERT) to the platform's CA certificate, as PEM content ` +
            `or a file path, or set insecure: true (tpops:insecure / TPOPS_INSECURE) to skip verification (not recommended).`),
      { cause: init.cause },
    );
    this.code = init.code;
    this.endpoint = init.endpoint;
  }
}

/** A single HTTP request exceeded its timeout, or a call exceeded its total retry budget. */
export class TpopsTimeoutError extends TpopsError {
  override readonly name = "TpopsTimeoutError" as const;
  readonly method: string;
  readonly path: string;
  /** The limit that was exceeded, in milliseconds. */
  readonly timeoutMs: number;

  constructor(init: { method: string; path: string; timeoutMs: number; what?: string; cause?: unknown }) {
    const path = redactPath(init.path);
    super(`${init.method} ${path}: ${init.what ?? "no response"} within ${init.timeoutMs} ms`, { cause: init.cause });
    this.method = init.method;
    this.path = path;
    this.timeoutMs = init.timeoutMs;
  }
}

/** A 2xx response did not match the schema of the fields the provider relies on. */
export class TpopsResponseError extends TpopsError {
  override readonly name = "TpopsResponseError" as const;
  /** Operation id from the operations table, e.g. `jobs.get`. */
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  /** One line per mismatching field: `job.status: expected string, received number`. */
  readonly issues: readonly string[];

  constructor(init: { operation: string; method: string; path: string; issues: string[] }) {
    const path = redactPath(init.path);
    super(`${init.method} ${path}: unexpected response for ${init.operation}: ${init.issues.join("; ")}`);
    this.operation = init.operation;
    this.method = init.method;
    this.path = path;
    this.issues = init.issues;
  }
}

/** An asynchronous TPOPS job ended with status Failed. */
export class TpopsJobFailedError extends TpopsError {
  override readonly name = "TpopsJobFailedError" as const;
  readonly jobId: string;
  readonly jobName: string | undefined;
  /** The job's `fail_reason` (redacted). */
  readonly failReason: string | undefined;
  readonly instanceId: string | undefined;

  constructor(init: { jobId: string; jobName?: string | undefined; failReason?: string | undefined; instanceId?: string | undefined }) {
    const what = init.jobName ? `job ${init.jobId} (${init.jobName})` : `job ${init.jobId}`;
    const on = init.instanceId ? ` on instance ${init.instanceId}` : "";
    super(`${what}${on} failed: ${init.failReason || "no fail_reason given"}`);
    this.jobId = init.jobId;
    this.jobName = init.jobName;
    this.failReason = init.failReason === undefined ? undefined : redactText(init.failReason);
    this.instanceId = init.instanceId;
  }
}

/** A waiter (job, instance status) did not reach its goal before its timeout. */
export class TpopsWaitTimeoutError extends TpopsError {
  override readonly name = "TpopsWaitTimeoutError" as const;
  /** What was waited for, e.g. `job 1234 (CreateInstance)`. */
  readonly subject: string;
  readonly timeoutMs: number;
  /** Last progress seen (job progress, instance status), if any. */
  readonly lastProgress: string | undefined;
  /** Job id when the wait was for a job. */
  readonly jobId: string | undefined;

  constructor(init: { subject: string; timeoutMs: number; lastProgress?: string | undefined; hint?: string | undefined; jobId?: string | undefined; cause?: unknown }) {
    const progress = init.lastProgress ? `; last progress: ${init.lastProgress}` : "";
    const hint = init.hint ? `. ${init.hint}` : "";
    super(`timed out after ${formatDuration(init.timeoutMs)} waiting for ${init.subject}${progress}${hint}`, { cause: init.cause });
    this.subject = init.subject;
    this.timeoutMs = init.timeoutMs;
    this.lastProgress = init.lastProgress;
    this.jobId = init.jobId;
  }
}

/** The caller aborted a call or a wait through its AbortSignal. */
export class TpopsAbortedError extends TpopsError {
  override readonly name = "TpopsAbortedError" as const;
}

/** Human duration such as `90m`, `1h30m`, `45s`, `250ms`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const totalSeconds = Math.round(ms / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return [h ? `${h}h` : "", m ? `${m}m` : "", s ? `${s}s` : ""].join("") || "0s";
}

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  409: "Conflict",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

function httpReason(status: number): string {
  return REASONS[status] ?? "";
}
