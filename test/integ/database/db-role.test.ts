// DbRole provider methods against the emulator over real HTTP: every check rule, diff,
// create/read/drift, delete, adopt, and secrecy of the passwords.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestEmulator } from "../../helpers/emulator";
import { dbRole, dbRoleDefinition } from "../../../provider/resources/database/db-role";
import { generatedName, UNKNOWN } from "../../../provider/resources/framework";
import { resetLiveLookups } from "../../../provider/resources/live";
import { resetWarnings } from "../../../provider/resources/rules";
import { captureStderr, checked, fresh, listed, sdkKeys, startWithInstance, thrown, PROVIDER } from "./account-fixtures";

let emu: TestEmulator;
let instanceId: string;
const PW = "Role#Pass2024";
const PW2 = "Role#Pass2025";

beforeAll(async () => {
  ({ emu, instanceId } = await startWithInstance());
}, 60_000);
afterAll(async () => emu?.close());
beforeEach(async () => {
  await emu.control.clearFaults();
  resetLiveLookups();
  resetWarnings();
});

async function create(extra: Record<string, unknown> = {}) {
  const name = (extra.name as string | undefined) ?? fresh("readers");
  const inputs = await checked(dbRole, { instanceId, name, password: PW, ...extra });
  return { name, inputs, ...(await dbRole.create(inputs)) };
}

describe("DbRole check: every rule of reference 4.4.16 refused at preview", () => {
  const base = () => ({ instanceId, password: PW });
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["name of 64 characters", { name: "r".repeat(64) }, "name", /is 64 characters; a role name has 1 to 63 \(reference 4\.4\.16\)/],
    ["empty name", { name: "" }, "name", /is 0 characters/],
    ["name with -", { name: "read-only" }, "name", /may contain only letters \(a-z, A-Z\), digits and _ \(reference 4\.4\.16/],
    ["name with a non-ASCII letter", { name: "rôle" }, "name", /may contain only letters/],
    ["name starting with pg", { name: "pg_readers" }, "name", /starts with "pg"/],
    ["name starting with a digit", { name: "2readers" }, "name", /starts with a digit/],
    ["system user", { name: "rdsBackup" }, "name", /built-in database user/],
    ["root", { name: "root" }, "name", /built-in database user/],
    ["system role", { name: "gs_role_account_lock" }, "name", /system role of the database/],
    ["password shorter than 8", { name: "r1", password: "Ab#1234" }, "password", /is shorter than 8 characters \(reference 4\.4\.16\)/],
    ["password of two classes", { name: "r1", password: "ABCDEFGH12" }, "password", /must contain three of/],
    ["password with _ (not among 4.4.16's specials)", { name: "r1", password: "Role_Pass2024" }, "password", /contains _, which is not among the specials reference 4\.4\.16 allows/],
    ["password with :", { name: "r1", password: "Role:Pass2024" }, "password", /contains a character outside/],
    ["no password, no adopt", { name: "r1", password: undefined }, "password", /is required to create a role \(reference 4\.4\.16/],
    ["empty instanceId", { name: "r1", instanceId: "" }, "instanceId", /is empty/],
    ["adopt not a boolean", { name: "r1", adopt: "no" }, "adopt", /expected a boolean/],
  ];
  it.each(cases)("%s", async (_t, extra, property, reason) => {
    const r = await dbRole.check({}, { __provider: PROVIDER, ...base(), ...extra });
    const f = r.failures?.find((x) => x.property === property);
    expect(f?.reason, JSON.stringify(r.failures)).toMatch(reason);
    expect(f!.reason.startsWith(property)).toBe(true);
    for (const x of r.failures ?? []) expect(x.reason).not.toContain(String(extra.password ?? PW));
  });

  it.each([
    ["the printed specials, backslash and vertical bar", "Ro\\le|P[a]ss{1};"],
    ["63 characters of letters, digits and _", undefined],
  ])("accepts %s", async (_t, password) => {
    await checked(dbRole, { ...base(), name: password ? "r1" : `R_${"x".repeat(61)}`, ...(password ? { password } : {}) });
  });

  it("refuses at preview (live) a name another account has, unless adopt; an unknown instance", async () => {
    const name = fresh("taken");
    expect((await emu.api("POST", `/gaussdb/v3/instances/${instanceId}/db-role`, { name, password: PW })).status).toBe(200);
    const r = await dbRole.check({}, { __provider: PROVIDER, ...base(), name });
    expect(r.failures?.[0]?.reason).toMatch(/^name: .* is already the name of an account .*set adopt: true to take the role over/);
    await checked(dbRole, { ...base(), name, adopt: true });
    const gone = await dbRole.check({}, { __provider: PROVIDER, ...base(), name: "r1", instanceId: "nosuchinstancein14" });
    expect(gone.failures?.[0]?.property).toBe("instanceId");
    await checked(dbRole, { ...base(), name: UNKNOWN });
  });

  it("generates names of letters, digits and _ only", async () => {
    const i = await checked(dbRole, { ...base(), ...sdkKeys("DbRole", "read-Only") });
    expect(i.name).toMatch(/^read_only_[0-9a-f]{6}$/);
  });
});

describe("DbRole diff: everything that reaches the platform replaces, old one first", () => {
  const olds = { instanceId: "i1", name: "r1", password: PW, listed: true };
  it.each([
    ["instanceId", { instanceId: "i2" }],
    ["name", { name: "r2" }],
    ["password", { password: PW2 }],
  ])("%s", async (k, change) => {
    expect(await dbRole.diff("i1/roles/r1", olds, { ...olds, ...change })).toEqual({ changes: true, replaces: [k], deleteBeforeReplace: true });
  });
  it("adopt and timeouts are recorded only", async () => {
    expect(await dbRole.diff("i1/roles/r1", olds, { ...olds, adopt: true, timeouts: { create: "1m" } })).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
  });
  it("a password the reverse of the old one is no refusal: a changed password makes a new role", async () => {
    await checked(dbRole, { instanceId, name: "r1", password: [...PW].reverse().join("") }, olds);
  });
});

describe("DbRole create, read, drift, delete, adopt", () => {
  it("creates (4.4.16) with id <instanceId>/roles/<name>; the user list shows it, so read does", async () => {
    const { id, name, outs } = await create();
    expect(id).toBe(`${instanceId}/roles/${name}`);
    expect(outs).toEqual({ instanceId, name, password: PW, listed: true, adopt: false });
    expect((await listed(emu, instanceId)).get(name)?.attribute?.rolcanlogin).toBe(false);
    const r = await dbRole.read(id, outs);
    expect(r.props).toMatchObject({ instanceId, name, password: PW, listed: true });
    expect(r.inputs).toMatchObject({ instanceId, name, password: PW });
  });

  it("drift: a role deleted out of band, once listed, is dropped by read; deleting it again counts as done", async () => {
    const { id, name, outs } = await create();
    expect((await emu.api("DELETE", `/gaussdb/v3/instances/${instanceId}/db-role`, { name })).status).toBe(200);
    expect(await dbRole.read(id, outs)).toEqual({ id: "", props: {} });
    await dbRole.delete(id, outs);
  });

  it("a role the list never showed keeps its state (the reference does not say 4.4.13 lists roles)", async () => {
    const r = await dbRole.read(`${instanceId}/roles/never_listed`, { instanceId, name: "never_listed", password: PW, listed: false });
    expect(r.props).toEqual({ instanceId, name: "never_listed", password: PW, listed: false });
  });

  it("read of a role whose instance is gone drops it", async () => {
    expect(await dbRole.read("nosuchinstancein14/roles/r", { instanceId: "nosuchinstancein14", name: "r", listed: false })).toEqual({ id: "", props: {} });
  });

  it("deletes (4.4.17)", async () => {
    const { id, name, outs } = await create();
    await dbRole.delete(id, outs);
    expect((await listed(emu, instanceId)).has(name)).toBe(false);
  });

  it("adopts an existing role, recording the program's password (no call reads or sets it)", async () => {
    const name = fresh("old");
    expect((await emu.api("POST", `/gaussdb/v3/instances/${instanceId}/db-role`, { name, password: PW })).status).toBe(200);
    const { id, outs } = await dbRole.create(await checked(dbRole, { instanceId, name, password: PW2, adopt: true }));
    expect(id).toBe(`${instanceId}/roles/${name}`);
    expect(outs).toMatchObject({ name, password: PW2, listed: true, adopt: true });
    const { outs: bare } = await dbRole.create(await checked(dbRole, { instanceId, name, adopt: true }));
    expect(bare.password).toBeUndefined();
  });

  it("an existing role without adopt fails at create; one under its own generated name is continued with", async () => {
    const name = fresh("dup");
    expect((await emu.api("POST", `/gaussdb/v3/instances/${instanceId}/db-role`, { name, password: PW })).status).toBe(200);
    expect(await thrown(() => dbRole.create({ __provider: PROVIDER, instanceId, name, password: PW }))).toMatch(/already exists on the platform .*Set adopt: true/);
    const keys = sdkKeys("DbRole", fresh("Writers"));
    const own = generatedName(dbRoleDefinition, keys, {})!;
    expect((await emu.api("POST", `/gaussdb/v3/instances/${instanceId}/db-role`, { name: own, password: PW })).status).toBe(200);
    const { outs } = await dbRole.create(await checked(dbRole, { instanceId, password: PW, ...keys }));
    expect(outs).toMatchObject({ name: own, password: PW, listed: true });
  });

  it("keeps the password out of errors and logs", async () => {
    const err = captureStderr();
    try {
      const secret = "Leak#Role2024";
      await emu.control.addFault({ method: "POST", path: "/db-role$", status: 400, errorCode: "DBS.6025117", errorMsg: `bad password ${secret}`, times: 1 });
      const inputs = await checked(dbRole, { instanceId, name: fresh("sec"), password: secret });
      const m = await thrown(() => dbRole.create(inputs));
      expect(m).toMatch(/DBS\.6025117/);
      expect(m).not.toContain(secret);
      expect(err.text()).not.toContain(secret);
    } finally {
      err.stop();
    }
  });
});
