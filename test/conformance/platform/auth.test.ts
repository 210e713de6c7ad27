import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ users: [{ name: "admin", password: "Admin@123" }, { name: "test", password: "Test@12345" }] });
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await emu.control.reset();
});

const login = (body: unknown, lang?: string) => emu.api("POST", "/v3/auth/mini-token", body, { token: "", lang });

describe("reference 4.1.1 POST /v3/auth/mini-token", () => {
  it("issues a token in the X-Mini-Token header and x_mini_token, with the documented fields", async () => {
    const r = await login({ username: "test", password: "Test@12345" });
    expect(r.status).toBe(200);
    const token = r.headers.get("x-mini-token");
    expect(token).toMatch(/^\S{32,}$/);
    expect(r.body).toEqual({
      user_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      login_ip: "127.0.0.1",
      login_failed_attempts: 0,
      is_first_time_login: false,
      last_login_statistics: { last_login_ip: null, last_login_time: null, last_login_failed_ip: null, last_login_failed_time: null },
      session_timeout: 1440,
      password_expiration_days: 90,
      password_expiration_remaining_days: 90,
      x_mini_token: token,
    });
  });

  it("reports the previous login and failed attempts in last_login_statistics", async () => {
    await login({ username: "admin", password: "Admin@123" });
    await login({ username: "admin", password: "Wrong@123" });
    const r = await login({ username: "admin", password: "Admin@123" });
    expect(r.body.login_failed_attempts).toBe(1);
    expect(r.body.last_login_statistics).toEqual({
      last_login_ip: "127.0.0.1",
      last_login_time: expect.stringMatching(/\+0000$/),
      last_login_failed_ip: "127.0.0.1",
      last_login_failed_time: expect.stringMatching(/\+0000$/),
    });
  });

  const refusals: [string, unknown, string][] = [
    ["a wrong password", { username: "admin", password: "Wrong@123" }, "DBS.200029"],
    ["an unknown user", { username: "nobody", password: "Admin@123" }, "DBS.200029"],
    ["a username shorter than 3", { username: "ab", password: "Admin@123" }, "DBS.280001"],
    ["a username longer than 64", { username: "a".repeat(65), password: "Admin@123" }, "DBS.280001"],
    ["a password shorter than 8", { username: "admin", password: "Adm@1" }, "DBS.280001"],
    ["a password longer than 32", { username: "admin", password: "A".repeat(33) }, "DBS.280001"],
    ["a missing password", { username: "admin" }, "DBS.280001"],
    ["no body", undefined, "DBS.200006"],
  ];
  it.each(refusals)("refuses %s with 400", async (_what, body, code) => {
    const r = await login(body);
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
    expect(r.headers.get("x-mini-token")).toBeNull();
  });

  it("ignores an unknown field and names it in X-Emulator-Ignored-Fields (README \"Unknown fields\")", async () => {
    const r = await login({ username: "admin", password: "Admin@123", domain: "x" });
    expect(r.status).toBe(200);
    expect(r.headers.get("x-emulator-ignored-fields")).toBe("domain");
  });

  it("answers in Chinese with X-Language: zh-cn", async () => {
    const r = await login({ username: "admin", password: "Wrong@123" }, "zh-cn");
    expect(r.body).toEqual({ error_code: "DBS.200029", error_msg: "用户名或密码错误。" });
    const en = await login({ username: "admin", password: "Wrong@123" });
    expect(en.body).toEqual({ error_code: "DBS.200029", error_msg: "Incorrect username or password." });
  });
});

describe("reference 3.2 X-Mini-Token on every other endpoint", () => {
  const endpoints: [string, string][] = [
    ["GET", "/v3/jobs?id=x"],
    ["GET", "/gaussdb/v3/data-centers"],
    ["POST", "/gaussdb/v3/data-centers"],
    ["GET", "/gaussdb/v3/hosts"],
    ["DELETE", "/gaussdb/v3/hosts"],
    ["GET", "/gaussdb/v3/hosts/specifications"],
    ["GET", "/gaussdb/v3/hosts/key-pair"],
    ["GET", "/gaussdb/v3/hosts/public-key?id=x"],
  ];
  it.each(endpoints)("%s %s answers 401 without a token", async (method, path) => {
    const r = await emu.api(method, path, undefined, { token: "" });
    expect(r.status).toBe(401);
    expect(r.body.error_code).toBe("DBS.00110006");
  });

  it.each(endpoints)("%s %s answers 401 with an unknown token", async (method, path) => {
    const r = await emu.api(method, path, undefined, { token: "not-a-token" });
    expect(r.status).toBe(401);
  });

  it("accepts a fresh token and refuses it after POST /__emulator/tokens/expire", async () => {
    const token = await emu.login();
    expect((await emu.api("GET", "/gaussdb/v3/data-centers", undefined, { token })).status).toBe(200);
    await emu.control.expireTokens();
    expect((await emu.api("GET", "/gaussdb/v3/data-centers", undefined, { token })).status).toBe(401);
    const again = await emu.login();
    expect((await emu.api("GET", "/gaussdb/v3/data-centers", undefined, { token: again })).status).toBe(200);
  });

  it("expires tokens after session_timeout minutes", async () => {
    const short = await startTestEmulator({ sessionTimeoutMinutes: 0.005 }); // 300 ms
    try {
      const r = await short.api("POST", "/v3/auth/mini-token", { username: "admin", password: "Admin@123" }, { token: "" });
      expect(r.body.session_timeout).toBe(0.005);
      const token = r.body.x_mini_token;
      expect((await short.api("GET", "/gaussdb/v3/hosts", undefined, { token })).status).toBe(200);
      await new Promise((res) => setTimeout(res, 350));
      expect((await short.api("GET", "/gaussdb/v3/hosts", undefined, { token })).status).toBe(401);
    } finally {
      await short.close();
    }
  });
});
