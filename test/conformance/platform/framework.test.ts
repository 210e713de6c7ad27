import { request } from "node:http";
import { fetch as undiciFetch } from "undici";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../../../emulator";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { addHosts, createDataCenter, hostEntry } from "../fixtures";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await emu.control.reset();
});

describe("routing (reference 3.1, A.2)", () => {
  it.each([
    ["an unknown path under /rds", "GET", "/rds/gaussdb/v3/nothing", 404],
    ["a path outside /rds", "GET", "/gaussdb/v3/hosts", 404],
    ["the reference's misprinted key-pair path", "POST", "/rds/gaussdb/v3/hosts/key", 404],
    ["a known path with the wrong method", "PATCH", "/rds/gaussdb/v3/hosts", 405],
    ["a known path with another API method", "POST", "/rds/v3/jobs", 405],
  ])("answers %s with a JSON %s", async (_what, method, path, status) => {
    const token = await emu.login();
    const r = await fetch(`${emu.origin}${path}`, { method, headers: { "x-mini-token": token } });
    expect(r.status).toBe(status);
    expect(r.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await r.json();
    expect(body).toEqual({ error_code: "DBS.200044", error_msg: expect.any(String) });
    if (status === 405) expect(r.headers.get("allow")).toBeTruthy();
  });

  it("answers 404 before authentication, so unknown paths never look like auth failures", async () => {
    const r = await emu.api("GET", "/gaussdb/v3/nothing", undefined, { token: "" });
    expect(r.status).toBe(404);
  });
});

describe("malformed input never crashes the emulator", () => {
  const post = async (path: string, body: string, headers: Record<string, string> = { "content-type": "application/json" }) => {
    const token = await emu.login();
    const r = await fetch(`${emu.url}${path}`, { method: "POST", headers: { ...headers, "x-mini-token": token }, body });
    return { status: r.status, body: (await r.json()) as { error_code: string } };
  };

  it.each([
    ["truncated JSON", "{\"data_centers\": [", "DBS.200001"],
    ["not JSON", "name=AZ1", "DBS.200001"],
    ["a JSON string", "\"AZ1\"", "DBS.280001"],
    ["JSON null", "null", "DBS.280001"],
    ["a JSON array", "[]", "DBS.280001"],
    ["a number", "42", "DBS.280001"],
    ["a deep nest", `{"data_centers":${"[".repeat(5000)}${"]".repeat(5000)}}`, "DBS.280001"],
  ])("%s → 400 JSON", async (_what, body, code) => {
    const r = await post("/gaussdb/v3/data-centers", body);
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
  });

  it("a non-JSON content type → 415", async () => {
    const r = await post("/gaussdb/v3/data-centers", "{\"data_centers\":[{\"name\":\"A\"}]}", { "content-type": "text/plain" });
    expect(r.status).toBe(415);
    expect(r.body.error_code).toBe("DBS.280001");
  });

  it("a body over 1 MiB → 413", async () => {
    const big = JSON.stringify({ data_centers: [{ name: "A", description: "x".repeat(1024 * 1024) }] });
    const r = await post("/gaussdb/v3/data-centers", big);
    expect(r.status).toBe(413);
    expect(r.body.error_code).toBe("DBS.280001");
  });

  it("a chunked body over 1 MiB (no Content-Length) → 413", async () => {
    const token = await emu.login();
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${emu.url}/gaussdb/v3/data-centers`);
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { "content-type": "application/json", "x-mini-token": token, "transfer-encoding": "chunked" } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      for (let i = 0; i < 20; i++) req.write("x".repeat(64 * 1024));
      req.end();
    });
    expect(status).toBe(413);
  });

  const routes: [string, string][] = [
    ["POST", "/v3/auth/mini-token"],
    ["POST", "/gaussdb/v3/data-centers"],
    ["PUT", "/gaussdb/v3/data-centers"],
    ["DELETE", "/gaussdb/v3/data-centers"],
    // POST /gaussdb/v3/hosts/key-pair: every field is optional, so a junk body is a valid create (test below)
    ["PUT", "/gaussdb/v3/hosts/key-pair"],
    ["DELETE", "/gaussdb/v3/hosts/key-pair"],
    ["POST", "/gaussdb/v3/hosts"],
    ["PUT", "/gaussdb/v3/hosts"],
    ["DELETE", "/gaussdb/v3/hosts"],
  ];
  const junk: unknown[] = [
    {},
    { hosts: null },
    { hosts: [null] },
    { hosts: [{}] },
    { hosts: "all" },
    { data_centers: [{ name: { $gt: "" } }] },
    { data_center_ids: [1, 2] },
    { id: null, forced: 1 },
    { hosts: [{ manage_ip: "10.0.0.1", ssh_port: 1e400 }] },
    { hosts: [{ manage_ip: "10.0.0.1", ssh_port: 22.5 }] },
  ];
  // raw text, so "__proto__" really is sent as a key
  const rawJunk = ['{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}', '{"hosts":[{"__proto__":{"polluted":true}}]}'];
  it.each(routes)("%s %s answers every junk body with a JSON 4xx and leaves the state alone", async (method, path) => {
    for (const body of [...junk.map((j) => JSON.stringify(j)), ...rawJunk]) {
      const r = await emu.api(method, path, body);
      expect(r.status, body).toBeGreaterThanOrEqual(400);
      expect(r.status, body).toBeLessThan(500);
      expect(typeof r.body.error_code).toBe("string");
    }
    // every collection of the state dump is empty (whatever collections other areas add)
    const state = (await emu.control.state()) as Record<string, unknown[]>;
    expect(state).toMatchObject({ dataCenters: [], keyPairs: [], hosts: [], instances: [], jobs: [] });
    expect(Object.entries(state).filter(([, v]) => v.length > 0)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("POST /gaussdb/v3/hosts/key-pair takes a body of unknown fields as {} (all fields optional), naming them", async () => {
    const r = await emu.api("POST", "/gaussdb/v3/hosts/key-pair", rawJunk[0]);
    expect(r.status).toBe(200);
    expect(r.headers.get("x-emulator-ignored-fields")).toBe("__proto__, constructor");
    expect((await emu.control.state()).keyPairs).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("an internal error is a 500 JSON error and the server keeps serving", async () => {
    const dc = await createDataCenter(emu);
    await addHosts(emu, [hostEntry("10.0.0.1", dc)]);
    // corrupt the store out of band so the host list handler throws a TypeError
    const [id] = Object.keys(emu.ctx.state.data.hosts);
    (emu.ctx.state.data.hosts as Record<string, unknown>)[id!] = null;
    const r = await emu.api("GET", "/gaussdb/v3/hosts");
    expect(r.status).toBe(500);
    expect(r.body.error_code).toBe("DBS.280005");
    await emu.control.reset();
    expect((await emu.api("GET", "/gaussdb/v3/hosts")).status).toBe(200);
  });
});

describe("X-Language (reference 4.x request headers)", () => {
  it.each([
    ["zh-cn", "所选机房不存在。"],
    ["en-us", "The selected data center does not exist."],
    [undefined, "The selected data center does not exist."],
  ])("answers error_msg in %s", async (lang, msg) => {
    const r = await emu.api("DELETE", "/gaussdb/v3/data-centers", { data_center_ids: ["nope"] }, { lang });
    expect(r.body.error_code).toBe("DBS.06025058");
    expect(r.body.error_msg.startsWith(msg)).toBe(true);
  });
});

describe("TLS (reference 1.2: HTTPS)", () => {
  it("serves HTTPS with a self-signed certificate for 127.0.0.1 and localhost, returned as caCert", async () => {
    const secure = await startTestEmulator({ tls: true });
    try {
      expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/rds$/);
      expect(secure.caCert).toMatch(/^-----BEGIN CERTIFICATE-----/);
      const token = await secure.login();
      expect((await secure.api("GET", "/gaussdb/v3/hosts", undefined, { token })).status).toBe(200);
      const port = new URL(secure.url).port;
      const r = await undiciFetch(`https://localhost:${port}/__emulator/health`, { dispatcher: secure.dispatcher });
      expect(r.status).toBe(200);
      // without trusting the certificate the connection is refused
      await expect(undiciFetch(`${secure.origin}/__emulator/health`)).rejects.toThrow();
    } finally {
      await secure.close();
    }
  });
});

describe("request log", () => {
  it("logs one line per request and never passwords or tokens", async () => {
    const lines: string[] = [];
    const e = await startEmulator({ port: 0, tls: false, log: (l) => lines.push(l) });
    try {
      const r = await fetch(`${e.url}/v3/auth/mini-token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "admin", password: "Admin@123" }),
      });
      const token = r.headers.get("x-mini-token") ?? "";
      await fetch(`${e.url}/gaussdb/v3/hosts?token=${token}&os_root_pwd=Secret_1`, { headers: { "x-mini-token": token } });
      await new Promise((res) => setTimeout(res, 20));
      const fault = await fetch(`${e.origin}/__emulator/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ path: "^/gaussdb/v3/hosts$", drop: true }) });
      expect(fault.status).toBe(201);
      await expect(fetch(`${e.url}/gaussdb/v3/hosts`, { headers: { "x-mini-token": token } })).rejects.toThrow();
      await new Promise((res) => setTimeout(res, 20));
      expect(lines.filter((l) => l.includes("/rds/"))).toHaveLength(3);
      expect(lines.find((l) => / GET \/rds\/gaussdb\/v3\/hosts dropped \d+ms$/.test(l))).toBeDefined();
      expect(lines[0]).toMatch(/^\S+Z POST \/rds\/v3\/auth\/mini-token 200 \d+ms$/);
      const all = lines.join("\n");
      expect(all).not.toContain("Admin@123");
      expect(all).not.toContain(token);
      expect(all).not.toContain("Secret_1");
    } finally {
      await e.close();
    }
  });
});

describe("startEmulator", () => {
  it.each([[{ timeScale: 0 }], [{ timeScale: Number.NaN }], [{ sessionTimeoutMinutes: -1 }]])("rejects bad options %j", async (o) => {
    await expect(startEmulator({ port: 0, tls: false, log: false, ...o })).rejects.toThrow(/must be (a )?positive/);
  });

  it("rejects when the port is taken", async () => {
    const port = Number(new URL(emu.url).port);
    await expect(startEmulator({ port, tls: false, log: false })).rejects.toThrow(/EADDRINUSE/);
  });
});
