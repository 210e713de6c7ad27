import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { handleControl } from "./control";
import { DBS_CODES, DbsError, codeForStatus, errorBody, type Lang } from "./errors";
import { Faults, RequestCounters, type FaultAction } from "./faults";
import { JobEngine } from "./jobs";
import { SimulatedNetwork } from "./network";
import { Router, type ApiRequest, type ApiResponse, type EmulatorContext, type Method } from "./router";
import { routeModules } from "./routes";
import { Sessions, type EmulatorUser } from "./sessions";
import { Store } from "./state";
import { selfSignedCertificate } from "./tls";

/** Options of `startEmulator`. */
export interface EmulatorOptions {
  /** TCP port (default 8002, the reference's default; 0 = any free port). */
  port?: number;
  /** Listen address (default 127.0.0.1). */
  host?: string;
  /** Serve HTTPS with a self-signed certificate generated at start (default true). */
  tls?: boolean;
  /** Login users (default admin / Admin@123). */
  users?: EmulatorUser[];
  /** Multiplier for job durations (default 1.0 = realistic). */
  timeScale?: number;
  /** Token lifetime in minutes, answered as session_timeout (default 1440, the reference's example). */
  sessionTimeoutMinutes?: number;
  /** Persist the state here on every change and load it at start (running jobs resume). */
  stateFile?: string;
  /** Request log sink (default: stdout); false disables logging. Lines never contain secrets. */
  log?: ((line: string) => void) | false;
}

/** A running emulator. */
export interface RunningEmulator {
  /** API base URL, ending in `/rds`. */
  url: string;
  /** Scheme, host and port, e.g. `https://127.0.0.1:8002` (the control API lives under `/__emulator`). */
  origin: string;
  /** PEM certificate to trust (TLS only). */
  caCert?: string;
  /** In-process access to the store, job engine and sessions (tests, embedding); not part of the REST API. */
  context: EmulatorContext;
  /** Stop listening, drop connections and stop job timers. */
  close(): Promise<void>;
}

// The emulator's own limit (README "Implemented API"), answered with A.2 413 "Request Entity Too Large".
const MAX_BODY = 1024 * 1024;
const METHODS: readonly string[] = ["GET", "POST", "PUT", "DELETE"];
const SECRET_QUERY = /passw|pwd|token|secret/i;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** Start a TPOPS emulator; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const { resumeJobs: _resumed, ...emulator } = await launchSite(options, { name: "local", network: new SimulatedNetwork() });
  return emulator;
}

/** How `startSites` places a site: its name, the shared network, and whether it resumes its jobs itself. */
export interface SitePlacement {
  name: string;
  network: SimulatedNetwork;
  /** Leave running jobs paused until `resumeJobs()` (startSites resumes them once every site is on the network). */
  deferJobs?: boolean;
}

/** A running site: a running emulator plus the call that resumes the jobs of its state file. */
export interface RunningSite extends RunningEmulator {
  resumeJobs(): void;
}

/** Start one site of a network (startEmulator is one private site called "local"). */
export async function launchSite(options: EmulatorOptions, placement: SitePlacement): Promise<RunningSite> {
  const host = options.host ?? "127.0.0.1";
  if (options.timeScale !== undefined && !(options.timeScale > 0 && Number.isFinite(options.timeScale))) {
    throw new Error(`timeScale must be a positive number, got ${options.timeScale}`);
  }
  if (options.sessionTimeoutMinutes !== undefined && !(options.sessionTimeoutMinutes > 0)) {
    throw new Error(`sessionTimeoutMinutes must be positive, got ${options.sessionTimeoutMinutes}`);
  }
  const useTls = options.tls ?? true;
  const log = options.log === false ? undefined : (options.log ?? ((line: string) => console.log(line)));
  const store = new Store(options.stateFile);
  const persist = () => {
    try {
      store.save();
    } catch (err) {
      log?.(`state file write failed: ${(err as Error).message}`);
    }
  };
  const jobs = new JobEngine(store, options.timeScale ?? 1, persist);
  const sessions = new Sessions(
    options.users ?? [{ name: "admin", password: "Admin@123" }],
    options.sessionTimeoutMinutes ?? 1440,
  );
  const ctx: EmulatorContext = { state: store, jobs, sessions, persist, site: { name: placement.name, network: placement.network } };
  const router = new Router();
  for (const register of routeModules) register(router, ctx);
  store.load();
  const faults = new Faults();
  const counters = new RequestCounters();

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const started = Date.now();
    serve(req, res).catch((err: unknown) => {
      log?.(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (!res.headersSent && !res.destroyed) sendJson(res, 500, errorBody("DBS.280005", "en-us"));
    });
    const line = (status: string) =>
      log?.(`${new Date(started).toISOString()} ${req.method} ${safeUrl(req.url ?? "")} ${status} ${Date.now() - started}ms`);
    res.on("finish", () => line(String(res.statusCode)));
    res.on("close", () => {
      if (!res.writableFinished) line("dropped");
    });
  };

  const serve = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://emulator");
    const method = (req.method ?? "GET").toUpperCase();
    const lang: Lang = String(req.headers["x-language"] ?? "").toLowerCase() === "zh-cn" ? "zh-cn" : "en-us";
    let raw: Buffer;
    try {
      raw = await readBody(req);
    } catch (err) {
      if (err instanceof HttpError) {
        sendJson(res, err.status, errorBody(err.code, lang, { detail: err.detail }), { connection: "close" });
        countRds(url.pathname, method, err.status);
        return;
      }
      throw err;
    }

    if (url.pathname.startsWith("/__emulator/") || url.pathname === "/__emulator") {
      return serveControl(method, url.pathname.slice("/__emulator".length), raw, res);
    }
    if (url.pathname !== "/rds" && !url.pathname.startsWith("/rds/")) {
      sendJson(res, 404, errorBody("DBS.200044", lang, { detail: `no API at ${url.pathname}; the base path is /rds` }));
      return;
    }
    const path = url.pathname.slice(4) || "/";
    const match = router.match(method, path);
    const routeName = match.kind === "found" ? match.route.template : match.kind === "method-not-allowed" ? match.template : path;

    const fault = faults.take(method, path);
    if (fault && fault.latencyMs > 0) await sleep(fault.latencyMs);
    if (fault?.reply && fault.when === "before") {
      counters.record(method, routeName, applyFault(res, fault, lang));
      return;
    }

    const answer = await dispatch(req, method, path, url, raw, lang, match);
    if (answer.mutated) persist();
    if (fault?.reply && fault.when === "after") {
      counters.record(method, routeName, applyFault(res, fault, lang));
      return;
    }
    counters.record(method, routeName, answer.res.status);
    sendApi(res, answer.res);
  };

  const dispatch = async (
    req: http.IncomingMessage,
    method: string,
    path: string,
    url: URL,
    raw: Buffer,
    lang: Lang,
    match: ReturnType<Router["match"]>,
  ): Promise<{ res: ApiResponse; mutated: boolean }> => {
    const fail = (status: number, code: string, info: { field?: string; detail?: string } = {}) => ({
      res: { status, body: errorBody(code, lang, info) },
      mutated: false,
    });
    if (match.kind === "not-found") return fail(404, "DBS.200044", { detail: `no route ${method} ${path}` });
    if (match.kind === "method-not-allowed" || !METHODS.includes(method)) {
      const allowed = match.kind === "method-not-allowed" ? match.allowed.join(", ") : "";
      const r = fail(405, "DBS.200044", { detail: `${method} is not allowed on ${path}; use ${allowed}` });
      return { ...r, res: { ...r.res, headers: { allow: allowed } } };
    }
    const route = match.route;
    let user: string | null = null;
    if (route.auth) {
      const header = route.tokenHeaders.find((h) => req.headers[h] !== undefined) ?? "x-mini-token";
      const token = req.headers[header];
      user = sessions.verify(Array.isArray(token) ? token[0] : token) ?? null;
      // reference A.2: 401 when the credentials (here the X-Mini-Token) are missing, invalid or expired
      if (!user) return fail(401, "DBS.00110006", { detail: "missing, invalid or expired X-Mini-Token" });
    }
    let body: unknown;
    if (raw.length > 0) {
      const type = String(req.headers["content-type"] ?? "");
      if (!/^application\/json\b/i.test(type)) {
        // reference 3.1: Content-Type application/json is required for request bodies
        return fail(415, "DBS.280001", { field: "Content-Type", detail: `expected application/json, got "${type}"` });
      }
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch (err) {
        return fail(400, "DBS.200001", { detail: `malformed JSON: ${(err as Error).message}` });
      }
    }
    const apiReq: ApiRequest = {
      method: method as Method,
      path,
      route: route.template,
      params: match.params,
      query: url.searchParams,
      body,
      headers: req.headers,
      lang,
      user,
      clientIp: (req.socket.remoteAddress ?? "").replace(/^::ffff:/, ""),
      ignored: [],
    };
    // README "Unknown fields": ignored fields are named in an emulator-only header and counted for the control API.
    const withIgnored = (out: { res: ApiResponse; mutated: boolean }) => {
      if (apiReq.ignored.length === 0) return out;
      counters.recordIgnored(method, route.template, apiReq.ignored);
      return { ...out, res: { ...out.res, headers: { ...out.res.headers, "x-emulator-ignored-fields": apiReq.ignored.join(", ") } } };
    };
    try {
      const res = await route.handler(apiReq);
      return withIgnored({ res, mutated: method !== "GET" && res.status < 400 });
    } catch (err) {
      if (err instanceof DbsError) return withIgnored(fail(err.status, err.code, err.info));
      log?.(`internal error on ${method} ${path}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fail(500, "DBS.280005");
    }
  };

  const countRds = (pathname: string, method: string, status: number) => {
    if (pathname === "/rds" || pathname.startsWith("/rds/")) {
      const path = pathname.slice(4) || "/";
      const m = router.match(method, path);
      counters.record(method, m.kind === "found" ? m.route.template : m.kind === "method-not-allowed" ? m.template : path, status);
    }
  };

  const serveControl = (method: string, path: string, raw: Buffer, res: http.ServerResponse) => {
    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch (err) {
        sendJson(res, 400, { error_code: "DBS.200001", error_msg: `malformed JSON: ${(err as Error).message}` });
        return;
      }
    }
    try {
      const out = handleControl(method, path, body, { ctx, faults, counters });
      if (out.body === undefined) {
        res.writeHead(out.status).end();
      } else {
        sendJson(res, out.status, out.body);
      }
    } catch (err) {
      if (err instanceof DbsError) sendJson(res, err.status, errorBody(err.code, "en-us", err.info));
      else throw err;
    }
  };

  let server: http.Server;
  let caCert: string | undefined;
  if (useTls) {
    const cert = selfSignedCertificate(["localhost", "127.0.0.1", "::1", ...(isWildcard(host) || host === "localhost" || host === "127.0.0.1" || host === "::1" ? [] : [host])]);
    caCert = cert.cert;
    server = https.createServer({ cert: cert.cert, key: cert.key }, handle);
  } else {
    server = http.createServer(handle);
  }
  server.on("clientError", (_err, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });
  server.keepAliveTimeout = 5000;
  server.on("error", (err) => log?.(`server error: ${err.message}`));

  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => {
      jobs.stopTimers();
      reject(err);
    };
    server.once("error", onError);
    server.listen(options.port ?? 8002, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
  // On the network only once listening (a failed listen leaves nothing behind); then the jobs of the state file resume.
  placement.network.join(placement.name, ctx);
  let resumed = false;
  const resumeJobs = () => {
    if (resumed) return;
    resumed = true;
    jobs.resumeAll();
  };
  if (!placement.deferJobs) resumeJobs();
  const addr = server.address() as AddressInfo;
  const shownHost = isWildcard(host) ? "127.0.0.1" : addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  const origin = `${useTls ? "https" : "http"}://${shownHost}:${addr.port}`;
  let closed: Promise<void> | undefined;
  return {
    url: `${origin}/rds`,
    origin,
    caCert,
    context: ctx,
    resumeJobs,
    close() {
      closed ??= new Promise<void>((resolve) => {
        placement.network.leave(placement.name);
        jobs.stopTimers();
        persist();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

function isWildcard(host: string): boolean {
  return host === "0.0.0.0" || host === "::";
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > MAX_BODY) {
      req.resume();
      reject(new HttpError(413, "DBS.280001", `request body over ${MAX_BODY} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on("data", (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > MAX_BODY) {
        failed = true;
        reject(new HttpError(413, "DBS.280001", `request body over ${MAX_BODY} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on("error", (err) => {
      if (!failed) reject(err);
    });
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json;charset=UTF-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function sendApi(res: http.ServerResponse, out: ApiResponse): void {
  if (out.raw) {
    const data = typeof out.raw.data === "string" ? Buffer.from(out.raw.data, "utf8") : out.raw.data;
    res.writeHead(out.status, { "content-type": out.raw.contentType, "content-length": data.length, ...out.headers });
    res.end(data);
  } else if (out.body === undefined) {
    res.writeHead(out.status, { "content-length": 0, ...out.headers });
    res.end();
  } else {
    sendJson(res, out.status, out.body, out.headers);
  }
}

function applyFault(res: http.ServerResponse, fault: FaultAction, lang: Lang): number {
  const reply = fault.reply;
  if (!reply) return 0;
  if ("drop" in reply) {
    res.socket?.destroy();
    return 0;
  }
  const status = reply.status || (reply.errorCode ? (DBS_CODES[reply.errorCode]?.status ?? 500) : 500);
  const code = reply.errorCode ?? codeForStatus(status);
  const body = errorBody(code, lang);
  if (reply.errorMsg !== undefined) body.error_msg = reply.errorMsg;
  sendJson(res, status, body, reply.retryAfter !== undefined ? { "retry-after": String(reply.retryAfter) } : {});
  return status;
}

function safeUrl(raw: string): string {
  const q = raw.indexOf("?");
  if (q < 0) return raw;
  const params = new URLSearchParams(raw.slice(q + 1));
  for (const key of [...params.keys()]) if (SECRET_QUERY.test(key)) params.set(key, "[REDACTED]");
  return `${raw.slice(0, q)}?${params.toString()}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
