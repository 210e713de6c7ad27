// DbUser provider methods against the emulator over real HTTP: every check rule, diff, create/read/drift, in-place
// updates (attributes, lock, password reset), delete, adopt, interrupted creates, and secrecy of the password.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestEmulator } from "../../helpers/emulator";
import { dbUser, dbUserDefinition } from "../../../provider/resources/database/db-user";
import { generatedName, UNKNOWN } from "../../../provider/resources/framework";
import { resetLiveLookups } from "../../../provider/resources/live";
import { resetWarnings } from "../../../provider/resources/rules";
import { captureStderr, checked, fresh, hasPassword, listed, sdkKeys, startWithInstance, thrown, PROVIDER } from "./account-fixtures";

let emu: TestEmulator;
let instanceId: string;
const PW = "Dbuser#2024x";
const PW2 = "Other#Pass99";

beforeAll(async () => {
  ({ emu, instanceId } = await startWithInstance());
}, 60_000);
afterAll(async () => emu?.close());
beforeEach(async () => {
  await emu.control.clearFaults();
  resetLiveLookups();
  resetWarnings();
});

/** Creates a user through the provider; returns id and state. */
async function create(extra: Record<string, unknown> = {}) {
  const name = (extra.name as string | undefined) ?? fresh("app");
  const inputs = await checked(dbUser, { instanceId, name, password: PW, ...extra });
  return { name, inputs, ...(await dbUser.create(inputs)) };
}

describe("check: every rule refused at preview with field, value and fix", () => {
  const base = () => ({ instanceId, password: PW });
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["name of 64 characters", { name: "a".repeat(64) }, "name", /is 64 characters; a user name has 1 to 63 \(reference 4\.4\.2 owner/],
    ["empty name", { name: "" }, "name", /is 0 characters/],
    ["name starting with pg", { name: "pgadmin" }, "name", /starts with "pg"/],
    ["name starting with a digit", { name: "1app" }, "name", /starts with a digit/],
    ["system user rdsAdmin", { name: "rdsAdmin" }, "name", /built-in database user .*reference 4\.4\.1 "系统用户包括"/],
    ["system user rdsMetric", { name: "rdsMetric" }, "name", /built-in database user/],
    ["system user rdsBackup", { name: "rdsBackup" }, "name", /built-in database user/],
    ["system user rdsRepl", { name: "rdsRepl" }, "name", /built-in database user/],
    ["built-in root", { name: "root" }, "name", /root is the instance's own administrator.*BuiltinPasswords/],
    ["system role", { name: "gs_role_copy_files" }, "name", /system role of the database \(reference 4\.4\.16/],
    ["password shorter than 8", { name: "u1", password: "Ab#1234" }, "password", /^password: \[secret\] is shorter than 8 characters \(reference 4\.4\.16\)/],
    ["password of two classes", { name: "u1", password: "abcdefgh12" }, "password", /must contain three of/],
    ["password with -", { name: "u1", password: "Abcdef-123" }, "password", /contains a character outside/],
    ["password with a blank", { name: "u1", password: "Abcdef 123" }, "password", /contains a character outside/],
    ["password with _ (not in 4.4.16's set; only install-time passwords take it)", { name: "u1", password: "Gauss_2345x" }, "password", /contains _, which is not among the specials reference 4\.4\.16 allows/],
    ["no password, no adopt", { name: "u1", password: undefined }, "password", /is required to create a user \(reference 4\.4\.4/],
    ["loginOnly true with createDb true", { name: "u1", loginOnly: true, createDb: true }, "createDb", /contradicts loginOnly: true \(reference 4\.4\.4 is_login_only/],
    ["loginOnly false with createRole false", { name: "u1", loginOnly: false, createRole: false }, "createRole", /contradicts loginOnly: false/],
    ["locked not a boolean", { name: "u1", locked: "yes" }, "locked", /"yes" is a string; expected a boolean/],
    ["sysadmin not a boolean", { name: "u1", sysadmin: 1 }, "sysadmin", /is a number; expected a boolean/],
    ["empty instanceId", { name: "u1", instanceId: "" }, "instanceId", /is empty; use the id of an Instance/],
    ["bad timeout", { name: "u1", timeouts: { create: "soon" } }, "timeouts.create", /is not a duration/],
  ];
  it.each(cases)("%s", async (_t, extra, property, reason) => {
    const r = await dbUser.check({}, { __provider: PROVIDER, ...base(), ...extra });
    const f = r.failures?.find((x) => x.property === property);
    expect(f?.reason, JSON.stringify(r.failures)).toMatch(reason);
    expect(f!.reason.startsWith(property)).toBe(true);
    for (const x of r.failures ?? []) expect(x.reason).not.toContain(String(extra.password ?? PW));
  });

  const valid: [string, Record<string, unknown>][] = [
    ["63 characters", { name: "a".repeat(63) }],
    ["a password containing the user name", { name: "myroot", password: "MyRoot#2024x" }],
    ["adopt without a password", { name: "u1", password: undefined, adopt: true }],
    ["loginOnly with agreeing attributes", { name: "u1", loginOnly: true, createDb: false, createRole: false, sysadmin: false }],
    ["PG (upper case: the rule prints pg)", { name: "PGuser" }],
  ];
  it.each(valid)("accepts %s", async (_t, extra) => {
    await checked(dbUser, { ...base(), ...extra });
  });

  it("warns (never refuses) about characters of a user name the reference states only for roles", async () => {
    const err = captureStderr();
    try {
      await checked(dbUser, { ...base(), name: "app-user" });
      expect(err.text()).toMatch(/warn: DbUser app-user: name: "app-user" has characters other than letters, digits and _/);
    } finally {
      err.stop();
    }
  });

  it("warns about a password longer than 32 characters", async () => {
    const err = captureStderr();
    try {
      const long = `Aa#${"x".repeat(40)}`;
      await checked(dbUser, { ...base(), name: "u_long", password: long });
      expect(err.text()).toMatch(/password: \[secret\] is longer than 32 characters/);
      expect(err.text()).not.toContain(long);
    } finally {
      err.stop();
    }
  });

  it("generates a name the rules accept: lower case, _ for other characters, _ and 6 hex digits, never pg or a digit first", async () => {
    const a = await checked(dbUser, { ...base(), ...sdkKeys("DbUser", "Orders-App") });
    expect(a.name).toMatch(/^orders_app_[0-9a-f]{6}$/);
    const b = await checked(dbUser, { ...base(), ...sdkKeys("DbUser", "pgbouncer") });
    expect(b.name).toMatch(/^u_pgbouncer_[0-9a-f]{6}$/);
    const c = await checked(dbUser, { ...base(), ...sdkKeys("DbUser", "9lives") });
    expect(c.name).toMatch(/^u_9lives_[0-9a-f]{6}$/);
  });

  it("refuses at preview (live) a name another account has, unless adopt", async () => {
    const name = fresh("taken");
    expect((await emu.api("POST", `/gaussdb/v3/instances/${instanceId}/db-user`, { name, password: PW })).status).toBe(200);
    const r = await dbUser.check({}, { __provider: PROVIDER, ...base(), name });
    expect(r.failures?.[0]?.property).toBe("name");
    expect(r.failures?.[0]?.reason).toMatch(/is already the name of an account of instance .*set adopt: true/);
    await checked(dbUser, { ...base(), name, adopt: true });
  });

  it("refuses at preview (live) an instance that does not exist", async () => {
    const r = await dbUser.check({}, { __provider: PROVIDER, ...base(), instanceId: "nosuchinstancein14", name: "u1" });
    expect(r.failures?.[0]?.reason).toMatch(/^instanceId: "nosuchinstancein14" is not an instance of the platform \(reference A\.3 DBS\.200002/);
  });

  it("skips the live checks for values unknown at preview", async () => {
    await checked(dbUser, { ...base(), instanceId: UNKNOWN, name: "u1" });
    await checked(dbUser, { ...base(), name: UNKNOWN });
  });

  it("refuses a new password that is the current one reversed (A.3 DBS.200476), without showing either", async () => {
    const olds = { instanceId, name: "u1", password: PW, locked: false };
    const reversed = [...PW].reverse().join("");
    const r = await dbUser.check(olds, { __provider: PROVIDER, instanceId, name: "u1", password: reversed });
    expect(r.failures?.[0]?.reason).toMatch(/^password: \[secret\] is the current password reversed.*DBS\.200476/);
    expect(JSON.stringify(r.failures)).not.toContain(PW);
    expect(JSON.stringify(r.failures)).not.toContain(reversed);
  });
});

describe("diff", () => {
  const olds = { instanceId: "i1", name: "u1", password: PW, locked: false, createDb: true };
  it.each([
    ["instanceId", { instanceId: "i2" }, ["instanceId"]],
    ["name", { name: "u2" }, ["name"]],
  ])("%s replaces, deleting the old user first", async (_k, change, replaces) => {
    const d = await dbUser.diff("i1/users/u1", olds, { ...olds, ...change });
    expect(d).toEqual({ changes: true, replaces, deleteBeforeReplace: true });
  });
  it.each([
    ["password", { password: PW2 }],
    ["locked", { locked: true }],
    ["createDb", { createDb: false }],
    ["sysadmin", { sysadmin: true }],
    ["auditAdmin", { auditAdmin: true }],
    ["loginOnly", { loginOnly: true, createDb: undefined }],
    ["adopt (no API call)", { adopt: true }],
    ["timeouts (no API call)", { timeouts: { update: "1m" } }],
  ])("%s changes in place", async (_k, change) => {
    const d = await dbUser.diff("i1/users/u1", olds, { ...olds, ...change });
    expect(d).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
  });
  it("an unset attribute is not managed: no change", async () => {
    expect((await dbUser.diff("i1/users/u1", olds, { instanceId: "i1", name: "u1", password: PW, locked: false })).changes).toBe(false);
  });
});

describe("create, read, drift, update, delete", () => {
  it("creates with loginOnly, attributes and lock; read shows them; id <instanceId>/users/<name>", async () => {
    const { id, name, outs } = await create({ loginOnly: true, replication: true, monAdmin: true, locked: true });
    expect(id).toBe(`${instanceId}/users/${name}`);
    expect(outs).toMatchObject({ instanceId, name, loginOnly: true, createDb: false, createRole: false, replication: true, monAdmin: true, locked: true, login: true });
    expect(outs.password).toBe(PW);
    const live = (await listed(emu, instanceId)).get(name);
    expect(live.lock_status).toBe(true);
    expect(live.attribute).toMatchObject({ rolcreatedb: false, rolcreaterole: false, rolreplication: true, rolcanlogin: true });
    const read = await dbUser.read(id, outs);
    expect(read.id).toBe(id);
    expect(read.props).toMatchObject({ name, locked: true, replication: true, monAdmin: true, password: PW });
    expect(read.inputs).toMatchObject({ instanceId, name, password: PW, locked: true });
    expect(await hasPassword(emu, instanceId, name, PW)).toBe(true);
  });

  it("loginOnly false at create gives CREATEROLE and CREATEDB (reference 4.4.4 is_login_only)", async () => {
    const { outs } = await create({ loginOnly: false });
    expect(outs).toMatchObject({ loginOnly: false, createDb: true, createRole: true });
  });

  it("drift: lock status and an attribute changed out of band show in read; update puts them back", async () => {
    const { id, name, outs, inputs } = await create({ createDb: true });
    expect((await emu.api("PUT", `/gaussdb/v3/instances/${instanceId}/db-user/lock`, { name })).status).toBe(200);
    expect((await emu.api("POST", `/gaussdb/v3/instances/${instanceId}/db-user/attributes`, { name, attributes: { createdb_enabled: false, sysadmin_enabled: true } })).status).toBe(200);
    const read = await dbUser.read(id, outs);
    expect(read.props).toMatchObject({ locked: true, createDb: false, sysadmin: true });
    const d = await dbUser.diff(id, read.inputs!, inputs);
    expect(d).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    const { outs: after } = await dbUser.update(id, read.props, inputs);
    expect(after).toMatchObject({ locked: false, createDb: true, sysadmin: true }); // sysadmin is not managed by the program
    const live = (await listed(emu, instanceId)).get(name);
    expect(live.lock_status).toBe(false);
    expect(live.attribute.rolcreatedb).toBe(true);
  });

  it("updates in place: attributes, lock and a password reset (4.4.7, 4.4.10, 4.4.11, 4.4.9)", async () => {
    const { id, name, outs } = await create();
    const news = await checked(dbUser, { instanceId, name, password: PW2, createRole: false, login: false, oprAdmin: true, locked: true }, outs);
    const { outs: a } = await dbUser.update(id, outs, news);
    expect(a).toMatchObject({ createRole: false, login: false, oprAdmin: true, locked: true, password: PW2 });
    expect(await hasPassword(emu, instanceId, name, PW2)).toBe(true);
    const back = await checked(dbUser, { instanceId, name, password: PW2, locked: false }, a);
    const { outs: b } = await dbUser.update(id, a, back);
    expect(b.locked).toBe(false);
    expect((await listed(emu, instanceId)).get(name).lock_status).toBe(false);
  });

  it("loginOnly changed in place sets createDb and createRole through 4.4.7", async () => {
    const { id, outs } = await create({ loginOnly: true });
    const { outs: after } = await dbUser.update(id, outs, { instanceId, name: outs.name, password: PW, locked: false, loginOnly: false });
    expect(after).toMatchObject({ loginOnly: false, createDb: true, createRole: true });
  });

  it("a reset to the password the user already has counts as done (A.3 DBS.200475)", async () => {
    const { id, name, outs } = await create();
    expect((await emu.api("PUT", `/gaussdb/v3/instances/${instanceId}/db-user/password`, { name, password: PW2 })).status).toBe(200);
    const { outs: after } = await dbUser.update(id, outs, { ...outs, password: PW2 });
    expect(after.password).toBe(PW2);
  });

  it("deletes (4.4.5); a user already gone counts as deleted; read of a deleted user drops it", async () => {
    const { id, name, outs } = await create();
    await dbUser.delete(id, outs);
    expect((await listed(emu, instanceId)).has(name)).toBe(false);
    expect(await dbUser.read(id, outs)).toEqual({ id: "", props: {} });
    await dbUser.delete(id, outs);
  });

  it("get: reads a user by id alone", async () => {
    const { id, name } = await create();
    const r = await dbUser.read(id, {});
    expect(r.props).toMatchObject({ instanceId, name, locked: false });
    expect(r.props.password).toBeUndefined();
  });

  it("read of a user whose instance is gone drops it", async () => {
    expect(await dbUser.read("nosuchinstancein14/users/app", { instanceId: "nosuchinstancein14", name: "app" })).toEqual({ id: "", props: {} });
  });
});

describe("adopt and interrupted creates", () => {
  async function byApi(pw = PW): Promise<string> {
    const name = fresh("old");
    expect((await emu.api("POST", `/gaussdb/v3/instances/${instanceId}/db-user`, { name, password: pw, is_login_only: true })).status).toBe(200);
    return name;
  }

  it("adopt without a password keeps the user's password and applies the program's attributes", async () => {
    const name = await byApi();
    const { id, outs } = await dbUser.create(await checked(dbUser, { instanceId, name, adopt: true, createDb: true }));
    expect(id).toBe(`${instanceId}/users/${name}`);
    expect(outs).toMatchObject({ name, createDb: true, adopt: true });
    expect(outs.password).toBeUndefined();
    expect(await hasPassword(emu, instanceId, name, PW)).toBe(true);
  });

  it("adopt with a password resets it (4.4.9)", async () => {
    const name = await byApi();
    const { outs } = await dbUser.create(await checked(dbUser, { instanceId, name, adopt: true, password: PW2 }));
    expect(outs.password).toBe(PW2);
    expect(await hasPassword(emu, instanceId, name, PW2)).toBe(true);
  });

  it("adopt of a user that has the program's password already: nothing to reset", async () => {
    const name = await byApi(PW2);
    const { outs } = await dbUser.create(await checked(dbUser, { instanceId, name, adopt: true, password: PW2 }));
    expect(outs.password).toBe(PW2);
  });

  it("adopt when no user has the name creates it", async () => {
    const name = fresh("new");
    const { outs } = await dbUser.create(await checked(dbUser, { instanceId, name, adopt: true, password: PW }));
    expect(outs.name).toBe(name);
    expect((await listed(emu, instanceId)).has(name)).toBe(true);
  });

  it("an existing user without adopt fails at create, naming adopt", async () => {
    const name = await byApi();
    const inputs = { __provider: PROVIDER, instanceId, name, password: PW, locked: false };
    expect(await thrown(() => dbUser.create(inputs))).toMatch(/already exists on the platform .*Set adopt: true/);
  });

  it("a user under the resource's own generated name (an interrupted run) is continued with, at preview and at create", async () => {
    const keys = sdkKeys("DbUser", fresh("Svc"));
    const own = generatedName(dbUserDefinition, keys, {})!;
    expect((await emu.api("POST", `/gaussdb/v3/instances/${instanceId}/db-user`, { name: own, password: PW })).status).toBe(200);
    const inputs = await checked(dbUser, { instanceId, password: PW, ...keys });
    expect(inputs.name).toBe(own);
    const { id, outs } = await dbUser.create(inputs);
    expect(id).toBe(`${instanceId}/users/${own}`);
    expect(outs.password).toBe(PW);
  });
});

describe("the password never leaves the provider", () => {
  it("is in no error or log line: a refused create, a refused reset whose message echoes it, debug logging", async () => {
    const secret = "Leak#Check2024";
    const err = captureStderr();
    const before = process.env.TPOPS_DEBUG;
    process.env.TPOPS_DEBUG = "1";
    try {
      const name = fresh("sec");
      // The platform echoing the password in its message (a fault) must not carry it into the error.
      await emu.control.addFault({ method: "POST", path: "/db-user$", status: 400, errorCode: "DBS.6025117", errorMsg: `password ${secret} is illegal`, times: 1 });
      const inputs = await checked(dbUser, { instanceId, name, password: secret });
      const m1 = await thrown(() => dbUser.create(inputs));
      expect(m1).toMatch(/DBS\.6025117/);
      expect(m1).not.toContain(secret);
      const { id, outs } = await dbUser.create(inputs);
      const next = "Leak#Check2025";
      await emu.control.addFault({ method: "PUT", path: "/db-user/password$", status: 400, errorCode: "DBS.6025117", errorMsg: `new password ${next} is illegal`, times: 1 });
      const news = await checked(dbUser, { instanceId, name, password: next }, outs);
      const m2 = await thrown(() => dbUser.update(id, outs, news));
      expect(m2).not.toContain(next);
      await dbUser.update(id, outs, news);
      await dbUser.delete(id, { ...outs, password: next });
      expect(err.text()).not.toContain(secret);
      expect(err.text()).not.toContain(next);
    } finally {
      if (before === undefined) delete process.env.TPOPS_DEBUG;
      else process.env.TPOPS_DEBUG = before;
      err.stop();
    }
  });
});
