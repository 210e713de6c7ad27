import { createServer } from "node:net";
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { startEmulator } from "../../../emulator";
import {
  TpopsAbortedError,
  TpopsApiError,
  TpopsClient,
  TpopsConnectionError,
  TpopsResponseError,
  TpopsTimeoutError,
  getClient,
  closeAllClients,
  ops,
  requestLimiter,
  type Clock,
  type LogLevel,
  type TpopsClientConfig,
} from "../../../provider/client";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";

const PASSWORD = "Admin@123";
let emu: TestEmulator;

/** A clock that records backoff sleeps and skips them: retry maths without real waiting. */
function instantClock(): Clock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return { sleeps, now: () => performance.now(), sleep: async (ms) => void sleeps.push(ms) };
}

const logs: { level: LogLevel; msg: string }[] = [];
const errors: unknown[] = [];
const clients: TpopsClient[] = [];
const issuedTokens = new Set<string>();

function collectTokens(): void {
  const sessions = emu.ctx.sessions as unknown as { tokens?: Map<string, unknown> };
  for (const t of sessions.tokens?.keys() ?? []) issuedTokens.add(t);
}

/** A client on the test emulator whose backoff sleeps are recorded in `backoffs` and skipped. */
function client(over: Partial<TpopsClientConfig> = {}): TpopsClient & { backoffs: number[] } {
  const clock = instantClock();
  const c = new TpopsClient({
    endpoint: emu.url,
    username: "admin",
    password: PASSWORD,
    clock,
    log: (level, msg) => logs.push({ level, msg }),
    ...over,
  });
  clients.push(c);
  return Object.assign(c, { backoffs: clock.sleeps });
}

/** Runs `fn`, expecting it to fail; keeps the error for the no-secrets audit. */
async function failure(fn: () => Promise<unknown>): Promise<Error> {
  try {
    await fn();
  } catch (e) {
    errors.push(e);
    return e as Error;
  }
  throw new Error("expected a failure");
}

async function count(method: string, route: string, status?: number): Promise<number> {
  const r = await emu.control.requests();
  return r.byRoute.filter((x) => x.method === method && x.route === route && (status === undefined || x.status === status)).reduce((n, x) => n + x.count, 0);
}

const DC = "/gaussdb/v3/data-centers";

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await closeAllClients();
  await emu.close();
});
beforeEach(async () => {
  await emu.control.reset();
});
afterEach(async () => {
  collectTokens();
  await emu.control.clearFaults();
});

describe("login and token cache", () => {
  it("logs in once and shares the token across operations", async () => {
    const c = client();
    await c.call(ops.dataCenters.add, { body: { data_centers: [{ name: "az1" }] } });
    for (let i = 0; i < 5; i++) await c.call(ops.dataCenters.list, { query: { name: "az1" } });
    const list = await c.call(ops.dataCenters.list);
    expect(list.data_centers.map((d) => d.name)).toEqual(["az1"]);
    expect((await emu.control.requests()).logins).toBe(1);
    expect(c.stats.logins).toBe(1);
  });

  it("after token expiry, 100 concurrent requests cause exactly one login", async () => {
    const c = client({ maxInFlight: 8 });
    await c.login();
    await emu.control.expireTokens();
    await emu.control.clearRequests();
    const results = await Promise.all(Array.from({ length: 100 }, () => c.call(ops.dataCenters.list)));
    expect(results).toHaveLength(100);
    expect((await emu.control.requests()).logins).toBe(1);
    expect(c.stats.logins).toBe(2);
    expect(await count("GET", DC, 200)).toBe(100);
  });

  it("re-logs in once on a 401 and fails on a second 401", async () => {
    const c = client();
    await c.login();
    await emu.control.clearRequests();
    await emu.control.addFault({ method: "GET", path: `^${DC}$`, status: 401, errorCode: "DBS.00110006", times: 2 });
    const e = await failure(() => c.call(ops.dataCenters.list));
    expect(e).toBeInstanceOf(TpopsApiError);
    expect((e as TpopsApiError).status).toBe(401);
    expect(await count("GET", DC)).toBe(2);
    expect((await emu.control.requests()).logins).toBe(1);
  });

  it("rejects wrong credentials at once, without the password in the error", async () => {
    const password = "Wrong#Passw0rd";
    const c = client({ password });
    const e = await failure(() => c.call(ops.dataCenters.list));
    expect(e).toBeInstanceOf(TpopsApiError);
    expect((e as TpopsApiError).errorCode).toBe("DBS.200029");
    expect(e.message).toMatch(/^POST \/v3\/auth\/mini-token: DBS\.200029 /);
    expect(e.message + inspect(e)).not.toContain(password);
    expect(await count("POST", "/v3/auth/mini-token")).toBe(1);
  });

  it("shares one client per endpoint and user, process-wide", () => {
    const base = { endpoint: emu.url, username: "admin", password: PASSWORD };
    const a = getClient(base);
    expect(getClient({ ...base })).toBe(a);
    expect(getClient({ ...base, endpoint: `${emu.url}/` })).toBe(a);
    expect(getClient({ ...base, username: "other" })).not.toBe(a);
    expect(getClient({ ...base, password: "Changed@123" })).not.toBe(a);
  });
});

describe("retry policy against injected faults", () => {
  it.each([500, 502, 503, 504])("retries a GET after %i and succeeds", async (status) => {
    const c = client();
    await emu.control.addFault({ method: "GET", path: `^${DC}$`, status, times: 2 });
    const res = await c.call(ops.dataCenters.list);
    expect(res.total_count).toBe(0);
    expect(await count("GET", DC, status)).toBe(2);
    expect(await count("GET", DC, 200)).toBe(1);
    expect(c.backoffs).toHaveLength(2);
  });

  it("retries a GET whose connection was dropped", async () => {
    const c = client();
    await c.login();
    await emu.control.addFault({ method: "GET", path: `^${DC}$`, drop: true, times: 1 });
    await expect(c.call(ops.dataCenters.list)).resolves.toMatchObject({ total_count: 0 });
    expect(c.stats.retries).toBe(1);
  });

  it("honours Retry-After on 429", async () => {
    const c = client();
    await emu.control.addFault({ method: "GET", path: `^${DC}$`, status: 429, retryAfter: 7, times: 1 });
    await c.call(ops.dataCenters.list);
    expect(c.backoffs).toHaveLength(1);
    expect(c.backoffs[0]).toBeGreaterThanOrEqual(7000);
    expect(await count("GET", DC)).toBe(2);
  });

  it("gives up at once when Retry-After would overrun the call's time budget", async () => {
    const c = client({ retry: { budgetMs: 5_000 } });
    await emu.control.addFault({ method: "GET", path: `^${DC}$`, status: 503, retryAfter: 30, times: 1 });
    const e = await failure(() => c.call(ops.dataCenters.list));
    expect(e).toMatchObject({ name: "TpopsApiError", status: 503, retryAfterMs: 30_000 });
    expect(c.backoffs).toEqual([]);
    expect(await count("GET", DC)).toBe(1);
  });

  it("gives up when a transient error outlasts the attempts, with the last error", async () => {
    const c = client({ retry: { maxAttempts: 3 } });
    await emu.control.addFault({ method: "GET", path: `^${DC}$`, status: 503 });
    const e = await failure(() => c.call(ops.dataCenters.list));
    expect(e).toBeInstanceOf(TpopsApiError);
    expect(e.message).toMatch(/^GET \/gaussdb\/v3\/data-centers: /);
    expect(await count("GET", DC)).toBe(3);
  });

  it.each([
    [400, "DBS.200001"],
    [403, "DBS.00110007"],
    [404, "DBS.200044"],
  ])("fails fast on %i without a retry", async (status, errorCode) => {
    const c = client();
    await emu.control.addFault({ method: "GET", path: `^${DC}$`, status, errorCode });
    const e = await failure(() => c.call(ops.dataCenters.list));
    expect(e).toBeInstanceOf(TpopsApiError);
    expect(e).toMatchObject({ status, errorCode, method: "GET", path: DC });
    expect(await count("GET", DC)).toBe(1);
    expect(c.backoffs).toEqual([]);
  });

  it("does not replay a POST that got a 503 after the server acted", async () => {
    const c = client();
    await emu.control.addFault({ method: "POST", path: `^${DC}$`, status: 503, when: "after", times: 1 });
    const e = await failure(() => c.call(ops.dataCenters.add, { body: { data_centers: [{ name: "once" }] } }));
    expect(e).toMatchObject({ name: "TpopsApiError", status: 503 });
    expect(await count("POST", DC)).toBe(1);
    expect((await emu.control.state()).dataCenters.map((d) => d.name)).toEqual(["once"]);
  });

  it("does not replay a POST whose connection dropped after the server acted", async () => {
    const c = client();
    await c.login();
    await emu.control.addFault({ method: "POST", path: `^${DC}$`, drop: true, when: "after", times: 1 });
    const e = await failure(() => c.call(ops.dataCenters.add, { body: { data_centers: [{ name: "dropped" }] } }));
    expect(e).toBeInstanceOf(TpopsConnectionError);
    expect((e as TpopsConnectionError).requestSent).toBe(true);
    expect((await emu.control.state()).dataCenters).toHaveLength(1);
  });

  it("replays any method while the instance is busy (409 DBS.200019 / DBS.201202), with a longer backoff", async () => {
    const c = client({ random: () => 0.999 });
    await emu.control.addFault({ method: "POST", path: `^${DC}$`, status: 409, errorCode: "DBS.200019", times: 1 });
    await emu.control.addFault({ method: "POST", path: `^${DC}$`, status: 409, errorCode: "DBS.201202", times: 1 });
    await c.call(ops.dataCenters.add, { body: { data_centers: [{ name: "busy" }] } });
    expect(await count("POST", DC, 409)).toBe(2);
    expect((await emu.control.state()).dataCenters).toHaveLength(1);
    expect(c.backoffs).toHaveLength(2);
    // busy backoff starts at 2 s (transient at 0.25 s) and doubles
    expect(c.backoffs[0]).toBeGreaterThan(1900);
    expect(c.backoffs[1]).toBeGreaterThan(3900);
  });

  it("replays a POST that never reached the server (connection refused)", async () => {
    const port = await freePort();
    const first = await startEmulator({ port, tls: false, timeScale: 0.001, log: false });
    let second: Awaited<ReturnType<typeof startEmulator>> | undefined;
    const sleeps: number[] = [];
    const c = client({
      endpoint: first.url,
      clock: {
        now: () => performance.now(),
        sleep: async (ms) => {
          sleeps.push(ms);
          second ??= await startEmulator({ port, tls: false, timeScale: 0.001, log: false });
        },
      },
    });
    try {
      await c.login();
      await first.close();
      await c.call(ops.dataCenters.add, { body: { data_centers: [{ name: "after-refused" }] } });
      expect(sleeps.length).toBeGreaterThanOrEqual(1);
      const list = await c.call(ops.dataCenters.list);
      expect(list.data_centers.map((d) => d.name)).toEqual(["after-refused"]);
    } finally {
      await first.close();
      await second?.close();
    }
  });

  it("reports a refused connection as not sent once the attempts are spent", async () => {
    const port = await freePort();
    const c = client({ endpoint: `http://127.0.0.1:${port}/rds`, retry: { maxAttempts: 2 } });
    const e = await failure(() => c.call(ops.dataCenters.list));
    expect(e).toBeInstanceOf(TpopsConnectionError);
    expect(e).toMatchObject({ code: "ECONNREFUSED", requestSent: false });
    expect(c.backoffs).toHaveLength(1);
  });

  it("times out a slow GET, retries it, and does not retry a slow POST", async () => {
    const c = client({ requestTimeoutMs: 400 });
    await c.login();
    await emu.control.addFault({ method: "GET", path: `^${DC}$`, latencyMs: 2000, times: 1 });
    await expect(c.call(ops.dataCenters.list)).resolves.toMatchObject({ total_count: 0 });
    const retriesAfterGet = c.stats.retries;
    expect(retriesAfterGet).toBeGreaterThanOrEqual(1);
    await emu.control.addFault({ method: "POST", path: `^${DC}$`, latencyMs: 2000, times: 1 });
    const e = await failure(() => c.call(ops.dataCenters.add, { body: { data_centers: [{ name: "slow" }] } }));
    expect(e).toBeInstanceOf(TpopsTimeoutError);
    expect(c.stats.retries).toBe(retriesAfterGet);
  });

  it("stops at once when the caller aborts", async () => {
    const c = client();
    await c.login();
    await emu.control.addFault({ method: "GET", path: `^${DC}$`, latencyMs: 2000, times: 1 });
    const ctl = new AbortController();
    const p = c.call(ops.dataCenters.list, { signal: ctl.signal });
    setTimeout(() => ctl.abort(), 50);
    expect(await failure(() => p)).toBeInstanceOf(TpopsAbortedError);
  });
});

describe("responses and errors", () => {
  it("formats API errors as METHOD /path: CODE message and sends X-Language", async () => {
    const en = client();
    await en.call(ops.dataCenters.add, { body: { data_centers: [{ name: "dup" }] } });
    const e = await failure(() => en.call(ops.dataCenters.add, { body: { data_centers: [{ name: "dup" }] } }));
    expect(e.message).toMatch(/^POST \/gaussdb\/v3\/data-centers: DBS\.06025059 \S/);
    expect(e.message).not.toMatch(/[{}]/);
    const zh = client({ language: "zh-cn" });
    const ez = await failure(() => zh.call(ops.dataCenters.add, { body: { data_centers: [{ name: "dup" }] } }));
    expect((ez as TpopsApiError).errorMsg).toMatch(/[\u4e00-\u9fff]/);
  });

  it("names the operation and the field when a response does not match", async () => {
    const c = client();
    await c.call(ops.dataCenters.add, { body: { data_centers: [{ name: "az9" }] } });
    const strict = { ...ops.dataCenters.list, response: z.looseObject({ data_centers: z.array(z.looseObject({ id: z.number(), rack: z.string() })) }) };
    const e = await failure(() => c.call(strict));
    expect(e).toBeInstanceOf(TpopsResponseError);
    expect(e.message).toContain("dataCenters.list");
    expect(e.message).toContain("data_centers.0.id: expected number");
    expect(e.message).toContain("data_centers.0.rack: missing");
  });

  it("follows offset/limit pagination to the end", async () => {
    const c = client();
    const names = Array.from({ length: 25 }, (_, i) => `dc-${String(i).padStart(2, "0")}`);
    await c.call(ops.dataCenters.add, { body: { data_centers: names.map((name) => ({ name })) } });
    await emu.control.clearRequests();
    const small = { ...ops.dataCenters.list, page: { ...ops.dataCenters.list.page, maxLimit: 7 } };
    const all = await c.listAll(small);
    expect(all.map((d) => d.name).sort()).toEqual(names);
    expect(await count("GET", DC)).toBe(4);
    expect((await c.listAll(ops.dataCenters.list)).length).toBe(25);
  });

  it("caps requests in flight process-wide", async () => {
    const c = client({ maxInFlight: 3 });
    await c.login();
    await emu.control.addFault({ method: "GET", path: `^${DC}$`, latencyMs: 20 });
    requestLimiter().resetPeak();
    await Promise.all(Array.from({ length: 30 }, () => c.call(ops.dataCenters.list)));
    expect(requestLimiter().stats().peak).toBe(3);
    requestLimiter().setLimit(8);
  });

  it("reads the public key as text", async () => {
    const c = client();
    const { id } = await c.call(ops.keyPairs.create, { body: { name: "kp1", key_algorithms: "RSA_2048" } });
    const key = await c.call(ops.keyPairs.publicKey, { query: { id } });
    expect(key).toMatch(/^ssh-rsa /);
    const pairs = await c.listAll(ops.keyPairs.list);
    expect(pairs.map((k) => k.name)).toEqual(["kp1"]);
  });

  it("never puts a password or token into an error or a log line", async () => {
    const c = client({ log: (level, msg) => logs.push({ level, msg }) });
    await emu.control.addFault({ method: "GET", path: `^${DC}$`, status: 400, errorCode: "DBS.200001", errorMsg: `password ${PASSWORD} rejected`, times: 1 });
    const e = await failure(() => c.call(ops.dataCenters.list));
    expect(e.message).toContain("[REDACTED]");
    await c.call(ops.dataCenters.list);
    collectTokens();
    const tokens = [...issuedTokens];
    expect(tokens.length).toBeGreaterThan(10);
    const secrets = [PASSWORD, "Wrong#Passw0rd", ...tokens];
    const texts = [...logs.map((l) => l.msg), ...errors.map((x) => (x instanceof Error ? `${x.message}\n${inspect(x, { depth: 5 })}` : String(x)))];
    expect(logs.some((l) => l.level === "debug")).toBe(true);
    for (const text of texts) for (const s of secrets) expect(text).not.toContain(s);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
