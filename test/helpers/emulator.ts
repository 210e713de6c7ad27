import { Agent } from "undici";
import { startEmulator, startSites } from "../../emulator";
import type { RunningEmulator } from "../../emulator/server";
import type { SimulatedNetwork } from "../../emulator/network";
import type { FaultSpec } from "../../emulator/faults";
import type { EmulatorContext } from "../../emulator/router";

/** Options of `startTestEmulator`. */
export interface TestEmulatorOptions {
  /** Serve HTTPS (default false). */
  tls?: boolean;
  /** Job duration multiplier (default 0.001: a 1-minute job takes 60 ms). */
  timeScale?: number;
  sessionTimeoutMinutes?: number;
  users?: { name: string; password: string }[];
  stateFile?: string;
  /** Receives the emulator's request log lines (default: no log). */
  log?: (line: string) => void;
}

/** A raw HTTP answer. */
export interface RawResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, the text when not JSON, or undefined when empty. */
  body: any;
}

/** The control API of `/__emulator`. */
export interface EmulatorControl {
  reset(): Promise<void>;
  addFault(f: FaultSpec): Promise<string>;
  removeFault(id: string): Promise<void>;
  clearFaults(): Promise<void>;
  nextJob(o: { name?: string; outcome: "fail" | "hang"; failReason?: string; times?: number }): Promise<void>;
  requests(): Promise<{
    total: number;
    logins: number;
    byRoute: { method: string; route: string; status: number; count: number }[];
    /** Body fields and query parameters the emulator ignored because the reference does not define them (a typo in the client). */
    ignoredFields: { method: string; route: string; field: string; count: number }[];
  }>;
  clearRequests(): Promise<void>;
  expireTokens(): Promise<void>;
  state(): Promise<{ dataCenters: any[]; keyPairs: any[]; hosts: any[]; instances: any[]; jobs: any[] }>;
  setTimeScale(n: number): Promise<void>;
}

/** A test emulator: in-process, port 0, no logs. */
export interface TestEmulator {
  url: string;
  origin: string;
  caCert?: string;
  /** In-process store, job engine and sessions, for out-of-band changes the REST API cannot make. */
  ctx: EmulatorContext;
  /** undici dispatcher trusting the emulator's certificate (TLS only). */
  dispatcher?: Agent;
  control: EmulatorControl;
  /** Log in and return the token (default admin / Admin@123). */
  login(user?: string, password?: string): Promise<string>;
  /** Raw call to `/rds<path>`; logs in once (cached token) unless `token` is given ("" sends none). */
  api(method: string, path: string, body?: unknown, opts?: { token?: string; lang?: string; headers?: Record<string, string> }): Promise<RawResponse>;
  /** Poll `GET /v3/jobs?id=` until the job leaves Running; returns the job object. */
  waitJob(jobId: string, timeoutMs?: number): Promise<any>;
  close(): Promise<void>;
}

/** Start an emulator for a test (HTTP by default, time scale 0.001). */
export async function startTestEmulator(opts: TestEmulatorOptions = {}): Promise<TestEmulator> {
  const emu = await startEmulator({
    port: 0,
    tls: opts.tls ?? false,
    timeScale: opts.timeScale ?? 0.001,
    sessionTimeoutMinutes: opts.sessionTimeoutMinutes,
    users: opts.users,
    stateFile: opts.stateFile,
    log: opts.log ?? false,
  });
  return wrapEmulator(emu, opts);
}

/** Sites started by `startTestSites`: one TestEmulator per name, plus the shared network and `close()`. */
export type TestSites = Record<string, TestEmulator> & { readonly network: SimulatedNetwork; close(): Promise<void> };

/**
 * Start several sites on one simulated network (emulator `startSites`, README "Sites"), each on port 0 with its own
 * users, state and control API; `opts` applies to every site, `perSite[name]` overrides it (e.g. a state file each).
 */
export async function startTestSites(
  names: string[],
  opts: Omit<TestEmulatorOptions, "stateFile"> & { perSite?: Record<string, Partial<TestEmulatorOptions>> } = {},
): Promise<TestSites> {
  const all = await startSites({
    sites: names.map((name) => {
      const o = { ...opts, ...opts.perSite?.[name] };
      return { name, port: 0, tls: o.tls ?? false, timeScale: o.timeScale ?? 0.001, sessionTimeoutMinutes: o.sessionTimeoutMinutes, users: o.users, stateFile: o.stateFile };
    }),
    log: opts.log ?? false,
  });
  const out: Record<string, TestEmulator> = {};
  for (const name of names) out[name] = wrapEmulator(all.sites[name] as RunningEmulator, { ...opts, ...opts.perSite?.[name] });
  return Object.assign(out, {
    network: all.network,
    async close() {
      await all.close();
      await Promise.all(Object.values(out).map((e) => e.dispatcher?.close()));
    },
  }) as TestSites;
}

/** The TestEmulator view of a running emulator (or site). */
function wrapEmulator(emu: RunningEmulator, opts: TestEmulatorOptions): TestEmulator {
  const dispatcher = emu.caCert ? new Agent({ connect: { ca: emu.caCert } }) : undefined;
  const doFetch = async (url: string, init: { method: string; headers?: Record<string, string>; body?: string }) => {
    const res = await fetch(url, { ...init, ...(dispatcher ? { dispatcher } : {}) } as RequestInit);
    const text = await res.text();
    let body: unknown = undefined;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { status: res.status, headers: res.headers, body };
  };
  const control = async (method: string, path: string, body?: unknown, expect?: number) => {
    const r = await doFetch(`${emu.origin}/__emulator${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (expect !== undefined && r.status !== expect) {
      throw new Error(`control ${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    return r.body;
  };
  let cachedToken: string | undefined;
  const login = async (user = opts.users?.[0]?.name ?? "admin", password = opts.users?.[0]?.password ?? "Admin@123") => {
    const r = await doFetch(`${emu.url}/v3/auth/mini-token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: user, password }),
    });
    const token = r.headers.get("x-mini-token");
    if (r.status !== 200 || !token) throw new Error(`login failed: ${r.status} ${JSON.stringify(r.body)}`);
    return token;
  };
  const api: TestEmulator["api"] = async (method, path, body, o = {}) => {
    let token = o.token;
    if (token === undefined) token = cachedToken ??= await login();
    const headers: Record<string, string> = { ...o.headers };
    if (token) headers["x-mini-token"] = token;
    if (o.lang) headers["x-language"] = o.lang;
    if (body !== undefined) headers["content-type"] ??= "application/json";
    return doFetch(`${emu.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
  };
  return {
    url: emu.url,
    origin: emu.origin,
    caCert: emu.caCert,
    ctx: emu.context,
    dispatcher,
    login,
    api,
    async waitJob(jobId, timeoutMs = 20_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const r = await api("GET", `/v3/jobs?id=${encodeURIComponent(jobId)}`);
        if (r.status !== 200) throw new Error(`job ${jobId}: ${r.status} ${JSON.stringify(r.body)}`);
        if (r.body.job.status !== "Running") return r.body.job;
        if (Date.now() > end) throw new Error(`job ${jobId} still Running after ${timeoutMs} ms`);
        await new Promise((res) => setTimeout(res, 10));
      }
    },
    control: {
      reset: async () => {
        await control("POST", "/reset", undefined, 204);
        cachedToken = undefined;
      },
      addFault: async (f) => ((await control("POST", "/faults", f, 201)) as { id: string }).id,
      removeFault: async (id) => void (await control("DELETE", `/faults/${id}`, undefined, 204)),
      clearFaults: async () => void (await control("DELETE", "/faults", undefined, 204)),
      nextJob: async (o) => void (await control("POST", "/jobs/next", o, 201)),
      requests: async () => (await control("GET", "/requests", undefined, 200)) as any,
      clearRequests: async () => void (await control("DELETE", "/requests", undefined, 204)),
      expireTokens: async () => {
        await control("POST", "/tokens/expire", undefined, 204);
        cachedToken = undefined;
      },
      state: async () => (await control("GET", "/state", undefined, 200)) as any,
      setTimeScale: async (n) => void (await control("PUT", "/time-scale", { timeScale: n }, 204)),
    },
    async close() {
      await emu.close();
      await dispatcher?.close();
    },
  };
}
