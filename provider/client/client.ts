import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { rootCertificates } from "node:tls";
import pRetry from "p-retry";
import { Agent, type Dispatcher } from "undici";
import { abortError, systemClock, type Clock } from "./clock";
import {
  TpopsAbortedError,
  TpopsApiError,
  TpopsConfigError,
  TpopsConnectionError,
  TpopsError,
  TpopsResponseError,
  TpopsTimeoutError,
  TpopsTlsError,
} from "./errors";
import { Limiter } from "./limiter";
import { probeOtherProtocol, type PortProtocol } from "./probe";
import { ops, type CallParams, type Operation, type PagedOperation, type PageQuery, type ParamsArg } from "./operations";
import { redactPath, redactText, registerSecret } from "./redact";
import { DEFAULT_RETRY_POLICY, NOT_SENT_ERROR_CODES, decideRetry, parseRetryAfter, type RetryPolicy } from "./retry";

/** Severity of a client log line. */
export type LogLevel = "debug" | "info" | "warn" | "error";

/** Sink for client log lines; every line is redacted before it gets here. */
export type Logger = (level: LogLevel, msg: string) => void;

/** What the client needs; the resources layer builds it from Pulumi config and TPOPS_* env. */
export interface TpopsClientConfig {
  /** `https://host:8002/rds` (`/rds` is appended when the URL has no path; http only for the emulator). */
  readonly endpoint: string;
  readonly username: string;
  readonly password: string;
  /** CA certificate to trust: PEM content or a file path. */
  readonly caCert?: string | undefined;
  /** Skip TLS certificate verification (explicit opt-in; logs a warning once). */
  readonly insecure?: boolean | undefined;
  /** `X-Language` header; default `en-us`. */
  readonly language?: "en-us" | "zh-cn" | undefined;
  /** Limit for one HTTP exchange (connect, headers, body); default 60 000 ms. */
  readonly requestTimeoutMs?: number | undefined;
  /** Process-wide cap on requests in flight; default 8. */
  readonly maxInFlight?: number | undefined;
  readonly log?: Logger | undefined;
  /** Overrides of the retry policy (tests shrink delays). */
  readonly retry?: Partial<RetryPolicy> | undefined;
  /** Clock for backoff sleeps and budgets (tests inject a fake one). */
  readonly clock?: Clock | undefined;
  /** Random source for jitter (tests inject a fixed one). */
  readonly random?: (() => number) | undefined;
}

/** Counters for diagnostics, benchmarks and tests. */
export interface ClientStats {
  /** HTTP exchanges started, logins included. */
  requests: number;
  /** Successful and failed logins. */
  logins: number;
  /** Attempts replayed by the retry policy. */
  retries: number;
  /** 401 replies answered with a re-login and replay. */
  reauthentications: number;
}

/** Default per-request timeout. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
/** Default process-wide cap on requests in flight. */
export const DEFAULT_MAX_IN_FLIGHT = 8;

const limiter = new Limiter(DEFAULT_MAX_IN_FLIGHT);
const insecureWarned = new Set<string>();
const cleartextWarned = new Set<string>();

/** The process-wide in-flight limiter shared by every client (exposed for stats). */
export function requestLimiter(): Limiter {
  return limiter;
}

// OpenSSL/Node verification failures: the certificate, not the network, is the problem.
const TLS_CERT_CODES: ReadonlySet<string> = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_DECRYPT_CERT_SIGNATURE",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "CERT_SIGNATURE_FAILURE",
  "INVALID_CA",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "HOSTNAME_MISMATCH",
]);

// Failures of a plain-HTTP request that a TLS port causes: it drops the connection or answers with TLS records
// that are not HTTP (undici's llhttp parse errors are HPE_*).
const NOT_HTTP_REPLY_CODES: ReadonlySet<string> = new Set(["UND_ERR_SOCKET", "ECONNRESET", "EPIPE"]);
// OpenSSL's verdict on a reply that is not a TLS record: the port speaks something else (often plain HTTP).
const NOT_TLS_REPLY_CODES: ReadonlySet<string> = new Set(["ERR_SSL_WRONG_VERSION_NUMBER", "ERR_SSL_PACKET_LENGTH_TOO_LONG", "ERR_SSL_HTTP_REQUEST"]);
// Login refusals: reference 4.1.1 answers a failed login with 400 (A.3 DBS.200029 "用户名或密码错误");
// 401 and 403 are what a proxy or a later platform version may use for the same refusal.
const LOGIN_REFUSED_STATUSES: ReadonlySet<number> = new Set([400, 401, 403]);

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

interface Token {
  value: string;
  refreshAt: number;
}

/** Normalizes an endpoint: scheme defaults to https, `/rds` appended when no path is given. */
export function normalizeEndpoint(endpoint: string): URL {
  const raw = endpoint.trim();
  if (!raw) throw new TpopsConfigError("endpoint: must be set, e.g. https://10.0.0.1:8002/rds");
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    throw new TpopsConfigError(`endpoint: "${raw}" is not a valid URL, e.g. https://10.0.0.1:8002/rds`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TpopsConfigError(`endpoint: protocol ${url.protocol} is not supported; use https:// (or http:// for the emulator)`);
  }
  if (url.search || url.hash) throw new TpopsConfigError("endpoint: must not contain a query string or fragment");
  const path = url.pathname.replace(/\/+$/, "");
  url.pathname = path === "" ? "/rds" : path;
  return url;
}

/** Reads `caCert`: PEM content as is, anything else as a file path. */
export function loadCaCert(caCert: string): string {
  const trimmed = caCert.trim();
  let pem: string;
  if (trimmed.startsWith("-----BEGIN")) {
    pem = trimmed;
  } else {
    try {
      pem = readFileSync(trimmed, "utf8");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "read error";
      throw new TpopsConfigError(`caCert: cannot read CA certificate file ${trimmed} (${code}); pass PEM content or a readable file path`, {
        cause: e,
      });
    }
  }
  if (!pem.includes("-----BEGIN CERTIFICATE-----")) {
    throw new TpopsConfigError("caCert: no PEM certificate found (expected a -----BEGIN CERTIFICATE----- block)");
  }
  return pem;
}

function defaultLogger(level: LogLevel, msg: string): void {
  if (level === "warn" || level === "error") process.emitWarning(msg, { code: "TPOPS_CLIENT" });
}

function headerValue(headers: RawResponse["headers"], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function errorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    const inner = (e as { errors?: unknown[] }).errors;
    if (Array.isArray(inner) && inner.length > 0) {
      e = inner[0];
      continue;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) {
    if (err.message) return err.message;
    const inner = (err as { errors?: unknown[] }).errors;
    if (Array.isArray(inner) && inner[0] instanceof Error) return inner[0].message;
  }
  return String(err);
}

function buildQuery(query: object | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) for (const item of v) params.append(k, String(item));
    else params.append(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

function fillPath(template: string, values: Record<string, string> | undefined, opId: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values?.[name];
    if (v === undefined || v === "") throw new TpopsError(`${opId}: path parameter ${name} is missing`);
    return encodeURIComponent(v);
  });
}

function describeIssues(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string; code?: string }> }, data: unknown): string[] {
  return error.issues.slice(0, 5).map((issue) => {
    const field = issue.path.length ? issue.path.map(String).join(".") : "(body)";
    let value: unknown = data;
    for (const key of issue.path) value = value === null || typeof value !== "object" ? undefined : (value as Record<PropertyKey, unknown>)[key];
    if (value === undefined && issue.code === "invalid_type") return `${field}: missing`;
    const message = issue.message.replace(/^Invalid input: /, "");
    return `${field}: ${message}`;
  });
}

/**
 * Client of the TPOPS REST API: keep-alive pool, TLS, cached single-flight login, 401 re-login,
 * retry policy, zod-checked responses, typed errors. Share one per endpoint+user via getClient().
 */
export class TpopsClient {
  /** Base URL including `/rds`, without a trailing slash. */
  readonly baseUrl: string;
  /** Counters since construction. */
  readonly stats: ClientStats = { requests: 0, logins: 0, retries: 0, reauthentications: 0 };

  private readonly url: URL;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly username: string;
  private readonly password: string;
  private readonly language: string;
  private readonly requestTimeoutMs: number;
  private readonly policy: RetryPolicy;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly logger: Logger;
  private readonly agent: Agent;
  private token: Token | undefined;
  private loginFlight: Promise<string> | undefined;
  // What the endpoint's port speaks when a request failed in a way a wrong scheme explains (probed once).
  private schemeProbe: Promise<PortProtocol> | undefined;
  // Errors that already went through their own retry loop (login) and must not be retried again.
  private readonly exhausted = new WeakSet<object>();

  constructor(config: TpopsClientConfig) {
    const url = normalizeEndpoint(config.endpoint);
    if (!config.username) throw new TpopsConfigError("username: must be set");
    if (!config.password) throw new TpopsConfigError("password: must be set");
    if (config.maxInFlight !== undefined && !(Number.isInteger(config.maxInFlight) && config.maxInFlight > 0)) {
      throw new TpopsConfigError(`maxInFlight: ${config.maxInFlight} is not a positive integer`);
    }
    if (config.requestTimeoutMs !== undefined && !(config.requestTimeoutMs > 0)) {
      throw new TpopsConfigError(`requestTimeoutMs: ${config.requestTimeoutMs} is not a positive number`);
    }
    registerSecret(config.password);
    this.url = url;
    this.origin = url.origin;
    this.basePath = url.pathname;
    this.baseUrl = `${url.origin}${url.pathname}`;
    this.username = config.username;
    this.password = config.password;
    this.language = config.language ?? "en-us";
    this.requestTimeoutMs = config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...config.retry };
    this.clock = config.clock ?? systemClock;
    this.random = config.random ?? Math.random;
    const sink = config.log ?? defaultLogger;
    this.logger = (level, msg) => sink(level, redactText(msg));
    if (config.maxInFlight !== undefined) limiter.setLimit(config.maxInFlight);

    const insecure = config.insecure === true;
    const ca = config.caCert ? loadCaCert(config.caCert) : undefined;
    if (url.protocol === "https:" && insecure && !insecureWarned.has(this.origin)) {
      insecureWarned.add(this.origin);
      this.logger(
        "warn",
        `TLS certificate verification is disabled for ${this.origin} (insecure: true): anyone on the network path can ` +
          `impersonate the platform and read the credentials. Set caCert instead.`,
      );
    }
    if (url.protocol === "http:" && !isLoopback(url.hostname) && !cleartextWarned.has(this.origin)) {
      cleartextWarned.add(this.origin);
      this.logger("warn", `endpoint ${this.origin} uses plain http: credentials and tokens travel unencrypted; use https`);
    }
    this.agent = new Agent({
      keepAliveTimeout: 30_000,
      connections: Math.max(limiter.limit, DEFAULT_MAX_IN_FLIGHT),
      headersTimeout: this.requestTimeoutMs,
      bodyTimeout: this.requestTimeoutMs,
      connect: {
        timeout: Math.min(this.requestTimeoutMs, 15_000),
        rejectUnauthorized: !insecure,
        // A custom CA adds to the public roots rather than replacing them.
        ...(ca ? { ca: [...rootCertificates, ca] } : {}),
      },
    });
  }

  /** Calls one operation from the table and returns its schema-checked response. */
  async call<P extends string, Q, B, R>(op: Operation<P, Q, B, R>, ...args: ParamsArg<CallParams<P, Q, B>>): Promise<R> {
    const params = (args[0] ?? {}) as { path?: Record<string, string>; query?: object; body?: unknown; signal?: AbortSignal };
    const { data } = await this.perform(op, params);
    return data;
  }

  /** Fetches every page of a paged list (offset/limit at the operation's maximum) and concatenates the items. */
  async listAll<P extends string, Q extends PageQuery, R, I>(
    op: PagedOperation<P, Q, undefined, R, I>,
    ...args: ParamsArg<CallParams<P, Omit<Q, "offset" | "limit">, undefined>>
  ): Promise<I[]> {
    const params = (args[0] ?? {}) as { path?: Record<string, string>; query?: object; signal?: AbortSignal };
    const limit = op.page.maxLimit;
    const items: I[] = [];
    let offset = 0;
    // The page count bound only guards against a server that ignores offset.
    for (let page = 0; page < 10_000; page++) {
      const { data } = await this.perform(op, { ...params, query: { ...params.query, offset, limit } });
      const batch = op.page.items(data);
      const total = op.page.total(data);
      items.push(...batch);
      offset += batch.length;
      if (batch.length === 0 || (total !== undefined ? offset >= total : batch.length < limit)) break;
    }
    return items;
  }

  /** Logs in now (single-flight) unless a valid token is cached; useful to validate credentials early. */
  async login(signal?: AbortSignal): Promise<void> {
    await this.currentToken(signal);
  }

  /** Closes the connection pool; the client must not be used afterwards. */
  async close(): Promise<void> {
    await this.agent.close();
  }

  private async perform<R>(
    op: Operation<string, unknown, unknown, R>,
    params: { path?: Record<string, string> | undefined; query?: object | undefined; body?: unknown; signal?: AbortSignal | undefined },
  ): Promise<{ data: R; headers: RawResponse["headers"] }> {
    const path = fillPath(op.path, params.path, op.id) + buildQuery(params.query);
    const body = params.body === undefined ? undefined : JSON.stringify(params.body);
    const signal = params.signal;
    const started = this.clock.now();
    let transientRetries = 0;
    let busyRetries = 0;
    try {
      return await pRetry(() => this.attempt(op, path, body, signal), {
        retries: Number.POSITIVE_INFINITY,
        minTimeout: 0,
        factor: 1,
        signal,
        onFailedAttempt: async ({ error, attemptNumber }) => {
          if (this.exhausted.has(error) || error instanceof TpopsAbortedError) throw error;
          if (signal?.aborted) throw abortError(signal);
          const decision = decideRetry(error, { idempotent: op.idempotent, transientRetries, busyRetries, random: this.random }, this.policy);
          const where = `${op.method} ${redactPath(path)}`;
          if (!decision.retry) {
            if (attemptNumber > 1) this.logger("info", `${where}: giving up after ${attemptNumber} attempts (${decision.why})`);
            throw error;
          }
          const elapsed = this.clock.now() - started;
          if (elapsed + decision.delayMs > this.policy.budgetMs) {
            this.logger("info", `${where}: giving up after ${attemptNumber} attempts (retry budget of ${this.policy.budgetMs} ms spent)`);
            throw error;
          }
          if (decision.reason === "busy") busyRetries++;
          else transientRetries++;
          this.stats.retries++;
          this.logger("info", `${where}: ${summarize(error)}; retrying in ${decision.delayMs} ms (attempt ${attemptNumber + 1}, ${decision.reason})`);
          await this.clock.sleep(decision.delayMs, signal);
        },
      });
    } catch (e) {
      // p-retry rethrows the signal's raw reason; callers get one error type for aborts.
      if (signal?.aborted && !(e instanceof TpopsAbortedError)) throw abortError(signal);
      throw e;
    }
  }

  private async attempt<R>(
    op: Operation<string, unknown, unknown, R>,
    path: string,
    body: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<{ data: R; headers: RawResponse["headers"] }> {
    let token: string | undefined;
    if (op.auth) {
      try {
        token = await this.currentToken(signal);
      } catch (e) {
        if (e instanceof Error) this.exhausted.add(e);
        throw e;
      }
    }
    let res = await this.send(op, path, body, token, signal);
    if (res.status === 401 && token !== undefined) {
      // The session expired (or was revoked): log in again once and replay once; a second 401 is final.
      this.stats.reauthentications++;
      this.logger("info", `${op.method} ${redactPath(path)}: 401, logging in again`);
      try {
        token = await this.raceAbort(this.loginOnce(token), signal);
      } catch (e) {
        if (e instanceof Error) this.exhausted.add(e);
        throw e;
      }
      res = await this.send(op, path, body, token, signal);
    }
    if (this.url.protocol === "http:" && res.status === 400 && /plain HTTP request was sent to HTTPS port/i.test(res.text)) {
      // A TLS-terminating proxy (nginx) in front of the platform answers a plain-HTTP request this way.
      throw this.wrongScheme("it answered that a plain HTTP request was sent to an HTTPS port");
    }
    if (res.status < 200 || res.status >= 300) throw this.apiError(op, path, res);
    return { data: this.parse(op, path, res), headers: res.headers };
  }

  private async currentToken(signal: AbortSignal | undefined): Promise<string> {
    const t = this.token;
    if (t && performance.now() < t.refreshAt) return t.value;
    return this.raceAbort(this.loginOnce(t?.value), signal);
  }

  // Single flight: concurrent callers share one login; a caller holding an already-replaced token
  // gets the new one without logging in again.
  private loginOnce(stale: string | undefined): Promise<string> {
    if (this.loginFlight) return this.loginFlight;
    const current = this.token;
    if (current && current.value !== stale && performance.now() < current.refreshAt) return Promise.resolve(current.value);
    const flight = this.doLogin().finally(() => {
      if (this.loginFlight === flight) this.loginFlight = undefined;
    });
    this.loginFlight = flight;
    return flight;
  }

  private async doLogin(): Promise<string> {
    this.stats.logins++;
    this.token = undefined;
    const { data, headers } = await this.perform(ops.auth.login, { body: { username: this.username, password: this.password } }).catch((e: unknown) => {
      throw this.loginError(e);
    });
    const value = headerValue(headers, "x-mini-token") || data.x_mini_token || undefined;
    if (!value) {
      throw new TpopsResponseError({
        operation: ops.auth.login.id,
        method: "POST",
        path: ops.auth.login.path,
        issues: ["X-Mini-Token header and x_mini_token field: missing"],
      });
    }
    registerSecret(value);
    const minutes = data.session_timeout && data.session_timeout > 0 ? data.session_timeout : 30;
    // Refresh a little before the platform's idle timeout; a 401 still triggers a re-login if we guess wrong.
    this.token = { value, refreshAt: performance.now() + minutes * 60_000 * 0.9 };
    this.logger("debug", `logged in to ${this.baseUrl} as ${this.username}`);
    return value;
  }

  /** A refused login names the settings to correct; a 404 on the login path names the endpoint. */
  private loginError(e: unknown): unknown {
    if (!(e instanceof TpopsApiError)) return e;
    const init = { status: e.status, method: e.method, path: e.path, errorCode: e.errorCode, errorMsg: e.errorMsg, retryAfterMs: e.retryAfterMs, cause: e };
    if (LOGIN_REFUSED_STATUSES.has(e.status)) {
      return new TpopsApiError({
        ...init,
        fix:
          `TPOPS refused the login of user ${JSON.stringify(this.username)}: check the user name and password, set as the stack config ` +
          `tpops:username and tpops:password (pulumi config set --secret tpops:password …) or the environment variables TPOPS_USERNAME and TPOPS_PASSWORD.`,
      });
    }
    if (e.status === 404) {
      // reference 3.1: every API path is {Endpoint}/rds/{resource-path}; a 404 on the login path means the base URL is wrong.
      return new TpopsApiError({
        ...init,
        fix: `No TPOPS login API at ${this.baseUrl}: check tpops:endpoint / TPOPS_ENDPOINT (e.g. https://10.0.0.5:8002/rds).`,
      });
    }
    return e;
  }

  private async raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    if (!signal) return promise;
    if (signal.aborted) throw abortError(signal);
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(abortError(signal));
      signal.addEventListener("abort", onAbort, { once: true });
    });
    try {
      return await Promise.race([promise, aborted]);
    } finally {
      signal.removeEventListener("abort", onAbort!);
    }
  }

  private async send(
    op: Operation<string, unknown, unknown, unknown>,
    path: string,
    body: string | undefined,
    token: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<RawResponse> {
    const release = await limiter.acquire(signal);
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.requestTimeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
    const headers: Record<string, string> = {
      accept: "application/json",
      "x-language": this.language,
      "user-agent": "pulumi-tpops",
    };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (token !== undefined) for (const h of op.tokenHeaders) headers[h.toLowerCase()] = token;
    const started = performance.now();
    this.stats.requests++;
    try {
      const res: Dispatcher.ResponseData = await this.agent.request({
        origin: this.origin,
        path: this.basePath + path,
        method: op.method,
        headers,
        body,
        signal: combined,
      });
      const text = await res.body.text();
      this.logger("debug", `${op.method} ${redactPath(path)} → ${res.statusCode} (${Math.round(performance.now() - started)} ms)`);
      return { status: res.statusCode, headers: res.headers, text };
    } catch (err) {
      throw await this.explainScheme(this.transportError(err, op.method, path, signal, timeout.signal));
    } finally {
      clearTimeout(timer);
      release();
    }
  }

  private transportError(err: unknown, method: string, path: string, signal: AbortSignal | undefined, timeout: AbortSignal): TpopsError {
    if (signal?.aborted) return abortError(signal);
    const code = errorCode(err);
    const detail = errorMessage(err);
    if (timeout.aborted || code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") {
      return new TpopsTimeoutError({ method, path, timeoutMs: this.requestTimeoutMs, cause: err });
    }
    if (code !== undefined && TLS_CERT_CODES.has(code)) {
      return new TpopsTlsError({ endpoint: this.origin, code, detail, cause: err });
    }
    if (code !== undefined && NOT_TLS_REPLY_CODES.has(code)) {
      return new TpopsTlsError({
        endpoint: this.origin,
        code,
        detail: "the reply is not TLS",
        fix: `The server does not speak TLS on port ${this.port()}: check the endpoint's scheme and port.`,
        cause: err,
      });
    }
    // A TLS handshake that dies before completing never carried our request.
    const handshake = /before secure TLS connection was established/i.test(detail);
    const notSent = (code !== undefined && NOT_SENT_ERROR_CODES.has(code)) || handshake;
    return new TpopsConnectionError({ method, path, code, requestSent: !notSent, detail, cause: err });
  }

  private port(): number {
    return Number(this.url.port || (this.url.protocol === "https:" ? 443 : 80));
  }

  /**
   * Replaces an error that a wrong endpoint scheme explains (http:// to a TLS port, https:// to a plain-HTTP
   * port) by one that says which scheme to use; the port is probed once per client, only after such an error.
   */
  private async explainScheme(e: TpopsError): Promise<TpopsError> {
    const http = this.url.protocol === "http:";
    const notHttp = e instanceof TpopsConnectionError && ((e.cause as Error | undefined)?.name === "HTTPParserError" || (e.code?.startsWith("HPE_") ?? false));
    const suspicious = http
      ? notHttp || (e instanceof TpopsConnectionError && e.code !== undefined && NOT_HTTP_REPLY_CODES.has(e.code))
      : (e instanceof TpopsTlsError && e.code !== undefined && NOT_TLS_REPLY_CODES.has(e.code)) ||
        (e instanceof TpopsConnectionError && /before secure TLS connection was established/i.test(e.message));
    if (!suspicious) return e;
    this.schemeProbe ??= probeOtherProtocol(this.url).catch((): PortProtocol => "unknown");
    const other = await this.schemeProbe;
    if (http && other === "tls") {
      return this.wrongScheme(notHttp ? "the reply to the plain-HTTP request is not HTTP" : `the plain-HTTP request failed (${(e as TpopsConnectionError).code})`, e);
    }
    if (!http && other === "http") {
      return new TpopsTlsError({
        endpoint: this.origin,
        code: (e as TpopsTlsError | TpopsConnectionError).code,
        detail: "the reply is plain HTTP, not TLS",
        fix: `The server does not speak TLS on port ${this.port()}: it answers plain HTTP. Use ${this.withScheme("http:")}, or check the port (stack config tpops:endpoint or env TPOPS_ENDPOINT).`,
        cause: e,
      });
    }
    return e;
  }

  /** The error for an http:// endpoint whose port speaks TLS. */
  private wrongScheme(why: string, cause?: unknown): TpopsConfigError {
    return new TpopsConfigError(
      `endpoint ${this.baseUrl}: port ${this.port()} speaks TLS (HTTPS) but the endpoint uses http://, so ${why}. ` +
        `Use ${this.withScheme("https:")} (stack config tpops:endpoint or env TPOPS_ENDPOINT).`,
      { cause },
    );
  }

  /** The base URL with another scheme, keeping host, port and path. */
  private withScheme(protocol: "http:" | "https:"): string {
    return `${protocol}//${this.url.host}${this.basePath}`;
  }

  private apiError(op: Operation<string, unknown, unknown, unknown>, path: string, res: RawResponse): TpopsApiError {
    let errorCode: string | undefined;
    let errorMsg: string | undefined;
    try {
      const parsed: unknown = JSON.parse(res.text);
      if (parsed && typeof parsed === "object") {
        const o = parsed as Record<string, unknown>;
        // reference A.1 prints error_code / error_msg; 4.4.7, 4.4.16–4.4.18 print errCode / externalMessage.
        const code = o.error_code ?? o.errorCode ?? o.errCode ?? o.code;
        const msg = o.error_msg ?? o.errorMsg ?? o.externalMessage ?? o.message;
        if (typeof code === "string" && code) errorCode = code;
        if (typeof msg === "string" && msg) errorMsg = msg;
      }
    } catch {
      // Not JSON (a proxy's HTML page, an empty body): the status line says enough.
    }
    return new TpopsApiError({
      status: res.status,
      method: op.method,
      path,
      errorCode,
      errorMsg,
      retryAfterMs: parseRetryAfter(headerValue(res.headers, "retry-after"), Date.now()),
    });
  }

  private parse<R>(op: Operation<string, unknown, unknown, R>, path: string, res: RawResponse): R {
    let data: unknown = res.text;
    if (op.responseType === "json") {
      if (res.text.trim() === "") data = undefined;
      else {
        try {
          data = JSON.parse(res.text);
        } catch {
          data = res.text;
        }
      }
    }
    const result = op.response.safeParse(data);
    if (result.success) return result.data;
    throw new TpopsResponseError({ operation: op.id, method: op.method, path, issues: describeIssues(result.error, data) });
  }
}

function summarize(error: unknown): string {
  if (error instanceof TpopsApiError) return error.errorCode ? `HTTP ${error.status} ${error.errorCode}` : `HTTP ${error.status}`;
  if (error instanceof TpopsConnectionError) return `connection error ${error.code ?? ""}`.trim();
  if (error instanceof TpopsTimeoutError) return "request timed out";
  return error instanceof Error ? error.name : "error";
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || hostname === "::1" || /^127\./.test(hostname);
}

const clients = new Map<string, { fingerprint: string; client: TpopsClient }>();

function fingerprint(config: TpopsClientConfig): string {
  return createHash("sha256")
    .update(
      JSON.stringify([
        config.password,
        config.caCert ?? "",
        config.insecure === true,
        config.language ?? "",
        config.requestTimeoutMs ?? 0,
        config.maxInFlight ?? 0,
      ]),
    )
    .digest("hex");
}

/** The process-wide client for endpoint+username: one pool and one token shared by every resource. */
export function getClient(config: TpopsClientConfig): TpopsClient {
  const key = `${normalizeEndpoint(config.endpoint).href}\u0000${config.username}`;
  const fp = fingerprint(config);
  const hit = clients.get(key);
  if (hit && hit.fingerprint === fp) return hit.client;
  // Changed password or TLS settings: a new client; the old one's idle sockets time out by themselves.
  const client = new TpopsClient(config);
  clients.set(key, { fingerprint: fp, client });
  return client;
}

/** Closes and forgets every cached client (tests, process shutdown). */
export async function closeAllClients(): Promise<void> {
  const all = [...clients.values()];
  clients.clear();
  await Promise.all(all.map((c) => c.client.close()));
}
