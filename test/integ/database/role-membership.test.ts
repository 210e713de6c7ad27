// DbRoleMembership provider methods against the emulator over real HTTP: check rules, diff, grant and revoke through
// reference 4.4.18 user_role_permissions, read back through 4.4.13 memberof (drift a refresh can see), hand-over.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TestEmulator } from "../../helpers/emulator";
import { dbRoleMembership, memberOf, membershipId } from "../../../provider/resources/database/role-membership";
import { resetSettingClaims, UNKNOWN } from "../../../provider/resources/framework";
import { resetWarnings } from "../../../provider/resources/rules";
import { addHosts, createInstance, instanceArgs, PROVIDER, requestCount, startProviderEmulator } from "../instance-fixtures";

const CUSTOM_ROUTE = "/gaussdb/v3.1/instances/{instance_id}/db-user/privileges";
const PASSWORD = "User@pw2024";

let emu: TestEmulator;
let instanceId: string;

function api(method: string, rest: string, body?: unknown) {
  return emu.api(method, `/gaussdb/v3/instances/${instanceId}/${rest}`, body);
}

beforeAll(async () => {
  emu = await startProviderEmulator();
  await emu.control.reset();
  ({ id: instanceId } = await createInstance(emu, instanceArgs("single", await addHosts(emu, 1), { engineVersion: "3.200.0" })));
  for (const name of ["app", "other"]) expect((await api("POST", "db-user", { name, password: PASSWORD })).status).toBe(200);
  for (const name of ["readers", "writers"]) expect((await api("POST", "db-role", { name, password: PASSWORD })).status).toBe(200);
});
afterAll(async () => emu?.close());
beforeEach(async () => {
  resetSettingClaims();
  resetWarnings();
  await emu.control.clearRequests();
});
afterEach(() => vi.restoreAllMocks());

/** The emulator's memberships of an account: `role` or `role (admin)`. */
async function membershipsOf(name: string): Promise<string[]> {
  const st = (await emu.control.state()) as unknown as { dbUsers: { instance_id: string; name: string; memberof: { role: string; admin_option: boolean }[] }[]; dbRoles: { instance_id: string; name: string; memberof: { role: string; admin_option: boolean }[] }[] };
  const a = [...st.dbUsers, ...st.dbRoles].find((x) => x.instance_id === instanceId && x.name === name);
  return (a?.memberof ?? []).map((m) => (m.admin_option ? `${m.role} (admin)` : m.role)).sort();
}

const urn = (name: string) => `urn:pulumi:dev::proj::pulumi-nodejs:dynamic/tpops:DbRoleMembership::${name}`;
const sdk = (name: string) => ({ __provider: PROVIDER, __autoNamePrefix: name, __urn: urn(name) });

async function checked(news: Record<string, unknown>, name = "m", olds: Record<string, unknown> = {}) {
  const r = await dbRoleMembership.check(olds, { ...sdk(name), instanceId, ...news });
  expect(r.failures ?? []).toEqual([]);
  return r.inputs!;
}

describe("memberof (reference 4.4.13 example \"{gs_role_copy_files,…}\")", () => {
  it.each([
    ["{gs_role_copy_files,gs_role_signal_backend}", ["gs_role_copy_files", "gs_role_signal_backend"]],
    ["{}", []],
    ["", []],
    [null, []],
    ['{readers,"odd name","q\\"uote"}', ["readers", "odd name", 'q"uote']],
  ])("%j", (text, roles) => {
    expect(memberOf(text as string | null)).toEqual(roles);
  });
});

describe("check", () => {
  it.each([
    [{ role: "", member: "app" }, /role: "" is empty; name the role to grant/],
    [{ role: "readers", member: "" }, /member: "" is empty; name the user or role that receives the role/],
    [{ role: "readers" }, /member is required/],
    [{ role: "readers", member: "app", adminOption: "yes" }, /adminOption: "yes" is a string; expected a boolean/],
    [{ instanceId: "", role: "readers", member: "app" }, /instanceId: "" is empty/],
  ])("refuses %j", async (news, reason) => {
    const r = await dbRoleMembership.check({}, { ...sdk("m"), instanceId, ...news });
    expect((r.failures ?? []).map((f) => f.reason).join("\n")).toMatch(reason);
  });

  it("defaults adminOption to false, warns about a role made a member of itself, skips unknown values", async () => {
    expect((await checked({ role: "readers", member: "app" })).adminOption).toBe(false);
    const spy = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    await checked({ role: "readers", member: "readers" }, "self");
    expect(spy.mock.calls.map((c) => String(c[0])).join("")).toMatch(/member: "readers" is the role itself; GaussDB refuses to make a role a member of itself/);
    expect((await dbRoleMembership.check({}, { ...sdk("u"), instanceId, role: UNKNOWN, member: "app" })).failures ?? []).toEqual([]);
  });

  it("refuses a second resource for the same membership (one owner in a stack)", async () => {
    await checked({ role: "readers", member: "app" }, "first");
    const r = await dbRoleMembership.check({}, { ...sdk("second"), instanceId, role: "readers", member: "app" });
    expect(r.failures?.[0]?.reason).toMatch(/member: app's membership of readers is also managed by DbRoleMembership first; a membership has one owner in a stack/);
  });
});

describe("diff", () => {
  it.each([
    ["adminOption", { adminOption: true }, []],
    ["role", { role: "writers" }, ["role"]],
    ["member", { member: "other" }, ["member"]],
  ])("%s", async (_k, change, replaces) => {
    const olds = await checked({ role: "readers", member: "app" });
    const d = await dbRoleMembership.diff("id", olds, await checked({ role: "readers", member: "app", ...change }));
    expect(d).toMatchObject({ changes: true, replaces });
  });
});

describe("lifecycle", () => {
  it("grants the role, changes the admin option in place, sees an out-of-band revoke at refresh, and revokes on delete", async () => {
    const inputs = await checked({ role: "readers", member: "app" });
    const created = await dbRoleMembership.create(inputs);
    expect(created.id).toBe(membershipId({ instanceId, role: "readers", member: "app" }));
    expect(created.outs).toMatchObject({ role: "readers", member: "app", adminOption: false, memberListed: true });
    expect(await membershipsOf("app")).toEqual(["readers"]);
    expect(await requestCount(emu, "POST", CUSTOM_ROUTE, 200)).toBe(1);

    const on = await dbRoleMembership.update(created.id, created.outs, await checked({ role: "readers", member: "app", adminOption: true }, "m", created.outs));
    expect(await membershipsOf("app")).toEqual(["readers (admin)"]);
    const off = await dbRoleMembership.update(created.id, on.outs, await checked({ role: "readers", member: "app" }, "m", on.outs));
    expect(off.outs.adminOption).toBe(false);
    expect(await membershipsOf("app")).toEqual(["readers"]);

    // Refresh reads 4.4.13: present, then revoked out of band — dropped, so the next up grants it again.
    expect((await dbRoleMembership.read(created.id, off.outs)).id).toBe(created.id);
    const revoke = await emu.api("POST", `/gaussdb/v3.1/instances/${instanceId}/db-user/privileges`, {
      user_role_permissions: { operation_type: "revoke", operations: [{ source_name: "readers", target_name: "app" }] },
    });
    expect(revoke.status).toBe(200);
    expect((await dbRoleMembership.read(created.id, off.outs)).id).toBe("");

    const again = await dbRoleMembership.create(await checked({ role: "readers", member: "app" }));
    resetSettingClaims(); // pulumi destroy: nothing declared
    await dbRoleMembership.delete(again.id, again.outs);
    expect(await membershipsOf("app")).toEqual([]);
  });

  it("takes over a membership granted outside the stack with a warning", async () => {
    await emu.api("POST", `/gaussdb/v3.1/instances/${instanceId}/db-user/privileges`, {
      user_role_permissions: { operation_type: "grant", operations: [{ source_name: "writers", target_name: "other" }] },
    });
    const spy = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const created = await dbRoleMembership.create(await checked({ role: "writers", member: "other" }, "legacy"));
    expect(spy.mock.calls.map((c) => String(c[0])).join("")).toMatch(/other is already a member of writers \(granted outside this stack\): it is managed by this stack from now on, and revoked by pulumi destroy/);
    resetSettingClaims();
    await dbRoleMembership.delete(created.id, created.outs);
    expect(await membershipsOf("other")).toEqual([]);
  });

  it("a renamed resource takes over: the old one's delete leaves the membership", async () => {
    const old = await dbRoleMembership.create(await checked({ role: "readers", member: "other" }, "old-name"));
    resetSettingClaims(); // the next run declares only the new name
    const renamed = await dbRoleMembership.create(await checked({ role: "readers", member: "other" }, "new-name"));
    await dbRoleMembership.delete(old.id, old.outs);
    expect(await membershipsOf("other")).toEqual(["readers"]);
    resetSettingClaims();
    await dbRoleMembership.delete(renamed.id, renamed.outs);
    expect(await membershipsOf("other")).toEqual([]);
  });

  it("get reads by id (the admin option is not readable); gone with the member or the instance", async () => {
    const created = await dbRoleMembership.create(await checked({ role: "readers", member: "app", adminOption: true }));
    const got = await dbRoleMembership.read(created.id, {});
    expect(got.props).toMatchObject({ instanceId, role: "readers", member: "app", adminOption: false, memberListed: true });
    expect((await api("POST", "db-user", { name: "temp", password: PASSWORD })).status).toBe(200);
    const temp = await dbRoleMembership.create(await checked({ role: "readers", member: "temp" }, "temp"));
    expect((await api("DELETE", "db-user", { name: "temp" })).status).toBe(200);
    expect((await dbRoleMembership.read(temp.id, temp.outs)).id).toBe("");
    resetSettingClaims();
    await expect(dbRoleMembership.delete(temp.id, temp.outs)).resolves.toBeUndefined();
    const gone = { instanceId: "ffffffffffffffffffffffffffffffffin14", role: "readers", member: "app", adminOption: false, memberListed: true };
    expect((await dbRoleMembership.read("x", gone)).id).toBe("");
    await expect(dbRoleMembership.delete("x", gone)).resolves.toBeUndefined();
    await dbRoleMembership.delete(created.id, created.outs);
  });
});
