import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { addHosts, createDataCenter, hostEntry } from "../fixtures";
import { activeInstance, showInstance } from "../instance-fixtures";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await emu.control.reset();
  await emu.control.setTimeScale(0.001);
});

const addDc = (name: string) => emu.api("POST", "/gaussdb/v3/data-centers", { data_centers: [{ name }] });
const dcCount = async () => (await emu.control.state()).dataCenters.length;
const control = (method: string, path: string, body?: unknown) =>
  fetch(`${emu.origin}/__emulator${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("GET /__emulator/health and POST /__emulator/reset", () => {
  it("health answers {ok:true} without a token", async () => {
    const r = await control("GET", "/health");
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ok: true });
  });

  it("reset clears objects, jobs, tokens, faults and counters but keeps users", async () => {
    const dc = await createDataCenter(emu);
    await addHosts(emu, [hostEntry("10.0.0.1", dc)]);
    const token = await emu.login();
    await emu.control.addFault({ path: "^/nothing$", status: 500 });
    await emu.control.nextJob({ outcome: "fail" });
    await emu.control.reset(); // asserts 204
    // every collection of the state dump is empty (whatever collections other areas add)
    const state = (await emu.control.state()) as Record<string, unknown[]>;
    expect(state).toMatchObject({ dataCenters: [], keyPairs: [], hosts: [], instances: [], jobs: [] });
    expect(Object.entries(state).filter(([, v]) => v.length > 0)).toEqual([]);
    expect((await emu.api("GET", "/gaussdb/v3/hosts", undefined, { token })).status).toBe(401);
    const counters = await emu.control.requests();
    expect(counters.total).toBe(1); // only the request just above
    // the job plan is gone: the next job completes
    const dc2 = await createDataCenter(emu);
    expect(await addHosts(emu, [hostEntry("10.0.0.1", dc2)])).toHaveLength(1);
    expect((await emu.login("admin", "Admin@123")).length).toBeGreaterThan(10);
  });
});

describe("GET /__emulator/state", () => {
  it("shows records as the API does, without passwords", async () => {
    const dc = await createDataCenter(emu);
    await addHosts(emu, [hostEntry("10.0.0.1", dc)]);
    const r = await control("GET", "/state");
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(text).not.toContain("Test_345612");
    expect(text).not.toMatch(/os_root_pwd|password/);
    const state = JSON.parse(text);
    expect(state.dataCenters).toEqual([{ id: dc, name: "AZ1", description: null, hosts_num: 1 }]);
    expect(state.hosts).toEqual((await emu.api("GET", "/gaussdb/v3/hosts")).body.hosts);
    expect(state.jobs).toEqual([expect.objectContaining({ name: "AddHosts", status: "Completed" })]);
  });

  it("shows instances as reference 4.11.8 lists them, without the root password", async () => {
    const { id } = await activeInstance(emu, "single");
    const state = await emu.control.state();
    expect(state.instances).toEqual([await showInstance(emu, id)]);
    expect(JSON.stringify(state)).not.toMatch(/password/i);
  });
});

describe("POST /__emulator/faults", () => {
  it("before (default): answers the fault and does not process the request", async () => {
    const id = await emu.control.addFault({ method: "POST", path: "^/gaussdb/v3/data-centers$", status: 503, errorCode: "DBS.280005", errorMsg: "maintenance", retryAfter: 7 });
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const r = await addDc("AZ1");
    expect(r.status).toBe(503);
    expect(r.body).toEqual({ error_code: "DBS.280005", error_msg: "maintenance" });
    expect(r.headers.get("retry-after")).toBe("7");
    expect(await dcCount()).toBe(0);
  });

  it("derives the status from errorCode (DBS.200019 → 409) and the code from status (500 → DBS.280005)", async () => {
    await emu.control.addFault({ path: "^/gaussdb/v3/hosts$", method: "GET", errorCode: "DBS.200019" });
    await emu.control.addFault({ path: "^/gaussdb/v3/data-centers$", method: "GET", status: 500 });
    const busy = await emu.api("GET", "/gaussdb/v3/hosts");
    expect(busy.status).toBe(409);
    expect(busy.body.error_code).toBe("DBS.200019");
    expect(busy.body.error_msg).toMatch(/busy/);
    const zh = await emu.api("GET", "/gaussdb/v3/data-centers", undefined, { lang: "zh-cn" });
    expect(zh.status).toBe(500);
    expect(zh.body).toEqual({ error_code: "DBS.280005", error_msg: "服务器错误。" });
  });

  it("after: processes the request, then replaces the reply", async () => {
    await emu.control.addFault({ path: "^/gaussdb/v3/data-centers$", method: "POST", status: 500, when: "after" });
    const r = await addDc("AZ1");
    expect(r.status).toBe(500);
    expect(await dcCount()).toBe(1);
  });

  it("drop: destroys the socket without a response (before: not processed)", async () => {
    await emu.control.addFault({ path: "^/gaussdb/v3/data-centers$", method: "POST", drop: true });
    await expect(addDc("AZ1")).rejects.toThrow();
    expect(await dcCount()).toBe(0);
  });

  it("drop after: processed, then the socket is destroyed", async () => {
    await emu.control.addFault({ path: "^/gaussdb/v3/data-centers$", method: "POST", drop: true, when: "after" });
    await expect(addDc("AZ1")).rejects.toThrow();
    expect(await dcCount()).toBe(1);
  });

  it("latency only: delays, then proceeds normally", async () => {
    await emu.control.addFault({ path: "^/gaussdb/v3/data-centers$", latencyMs: 300 });
    const t0 = Date.now();
    const r = await addDc("AZ1");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    expect(r.status).toBe(200);
    expect(await dcCount()).toBe(1);
  });

  it("latency with a status: delays, then answers the fault", async () => {
    await emu.control.addFault({ path: "^/gaussdb/v3/hosts$", latencyMs: 200, status: 502 });
    const t0 = Date.now();
    expect((await emu.api("GET", "/gaussdb/v3/hosts")).status).toBe(502);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
  });

  it("errorMsg or retryAfter alone make a 500 reply", async () => {
    await emu.control.addFault({ path: "^/gaussdb/v3/hosts$", errorMsg: "boom", times: 1 });
    await emu.control.addFault({ path: "^/gaussdb/v3/hosts$", retryAfter: 3, times: 1 });
    const a = await emu.api("GET", "/gaussdb/v3/hosts");
    expect([a.status, a.body]).toEqual([500, { error_code: "DBS.280005", error_msg: "boom" }]);
    const b = await emu.api("GET", "/gaussdb/v3/hosts");
    expect([b.status, b.headers.get("retry-after")]).toEqual([500, "3"]);
  });

  it("times: only the first N matching requests", async () => {
    await emu.control.addFault({ path: "^/gaussdb/v3/hosts$", status: 500, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await emu.api("GET", "/gaussdb/v3/hosts")).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  it("method: other methods are untouched", async () => {
    await emu.control.addFault({ method: "DELETE", path: "^/gaussdb/v3/data-centers$", status: 500 });
    expect((await addDc("AZ1")).status).toBe(200);
    expect((await emu.api("GET", "/gaussdb/v3/data-centers")).status).toBe(200);
  });

  it.each([
    [0, [200, 200, 200, 200, 200]],
    [1, [500, 500, 500, 500, 500]],
  ])("probability %d", async (probability, expected) => {
    await emu.control.addFault({ path: "^/gaussdb/v3/hosts$", status: 500, probability });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await emu.api("GET", "/gaussdb/v3/hosts")).status);
    expect(statuses).toEqual(expected);
  });

  it("applies to login too, and to /rds paths only", async () => {
    await emu.control.addFault({ path: ".*", status: 503 });
    expect((await emu.api("POST", "/v3/auth/mini-token", { username: "admin", password: "Admin@123" }, { token: "" })).status).toBe(503);
    expect((await control("GET", "/health")).status).toBe(200);
  });

  it("DELETE /__emulator/faults/{id} and DELETE /__emulator/faults remove faults", async () => {
    const a = await emu.control.addFault({ path: "^/gaussdb/v3/hosts$", status: 500 });
    await emu.control.addFault({ path: "^/gaussdb/v3/data-centers$", status: 500 });
    expect((await control("DELETE", `/faults/${a}`)).status).toBe(204);
    expect((await emu.api("GET", "/gaussdb/v3/hosts")).status).toBe(200);
    expect((await emu.api("GET", "/gaussdb/v3/data-centers")).status).toBe(500);
    expect((await control("DELETE", "/faults")).status).toBe(204);
    expect((await emu.api("GET", "/gaussdb/v3/data-centers")).status).toBe(200);
    expect((await control("DELETE", `/faults/${a}`)).status).toBe(404);
  });

  it.each([
    [{ path: "(" }],
    [{ status: 500 }],
    [{ path: "x", status: 99 }],
    [{ path: "x", when: "during" }],
    [{ path: "x", probability: 2 }],
    [{ path: "x", times: 0 }],
    [{ path: "x", colour: "red" }],
  ])("refuses a bad fault %j", async (fault) => {
    const r = await control("POST", "/faults", fault);
    expect(r.status).toBe(400);
  });
});

describe("GET /__emulator/requests", () => {
  it("counts requests by method, route template and status, and logins", async () => {
    await emu.control.clearRequests();
    await emu.api("GET", "/gaussdb/v3/hosts"); // logs in first
    await emu.api("GET", "/gaussdb/v3/hosts");
    await emu.api("GET", "/gaussdb/v3/hosts?limit=0");
    await emu.api("GET", "/v3/jobs?id=x");
    const r = await emu.control.requests();
    expect(r.total).toBe(5);
    expect(r.logins).toBe(1);
    expect(r.byRoute).toEqual(
      expect.arrayContaining([
        { method: "POST", route: "/v3/auth/mini-token", status: 200, count: 1 },
        { method: "GET", route: "/gaussdb/v3/hosts", status: 200, count: 2 },
        { method: "GET", route: "/gaussdb/v3/hosts", status: 400, count: 1 },
        { method: "GET", route: "/v3/jobs", status: 400, count: 1 },
      ]),
    );
    expect((await control("DELETE", "/requests")).status).toBe(204);
    expect(await emu.control.requests()).toEqual({ total: 0, logins: 0, byRoute: [], ignoredFields: [] });
  });

  it("lists the undocumented fields requests carried (ignored, README \"Unknown fields\") by route", async () => {
    await emu.control.clearRequests();
    await emu.api("GET", "/gaussdb/v3/hosts?color=red");
    await emu.api("GET", "/gaussdb/v3/hosts?color=blue");
    await emu.api("POST", "/gaussdb/v3/data-centers", { data_centers: [{ name: "AZ1", zone: "x" }], region: "r" });
    const r = (await emu.control.requests()) as Awaited<ReturnType<typeof emu.control.requests>> & { ignoredFields: unknown[] };
    expect(r.ignoredFields).toEqual([
      { method: "GET", route: "/gaussdb/v3/hosts", field: "?color", count: 2 },
      { method: "POST", route: "/gaussdb/v3/data-centers", field: "data_centers[0].zone", count: 1 },
      { method: "POST", route: "/gaussdb/v3/data-centers", field: "region", count: 1 },
    ]);
  });

  it("uses route templates for parameterized paths", async () => {
    await emu.control.clearRequests();
    await emu.api("POST", "/gaussdb/v3/instances/abc123in14/restart", {});
    await emu.api("GET", "/gaussdb/v3/no-such-thing");
    const r = await emu.control.requests();
    const routes = r.byRoute.map((b) => b.route);
    expect(routes).toContain("/gaussdb/v3/instances/{instance_id}/restart");
    expect(routes).toContain("/gaussdb/v3/no-such-thing");
    expect(routes.some((route) => route.includes("abc123in14"))).toBe(false);
  });
});

describe("unknown control routes", () => {
  it("answer 404 JSON", async () => {
    const r = await control("GET", "/nope");
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error_code: string }).error_code).toBe("DBS.200044");
  });
});
