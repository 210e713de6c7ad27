import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { GOOD_PASSWORD, createDatabase, createRole, createUser, dbInstance, fresh, inst, listedUser, ok, refused } from "./fixtures";

let emu: TestEmulator;
let id: string;
beforeAll(async () => {
  emu = await startTestEmulator();
  id = await dbInstance(emu);
});
afterAll(async () => {
  await emu.close();
});

const role = () => `${inst(id)}/db-role`;

describe("reference 4.4.16 POST /gaussdb/v3/instances/{instance_id}/db-role", () => {
  it("refuses the example's masked password xxxxx (too short, one class: DBS.6025117); with a real one: 200, listed by 4.4.13 without login", async () => {
    // reference 4.4.16 请求示例 {"name":"readwrite","password":"xxxxx"}
    refused(await emu.api("POST", role(), { name: "readwrite", password: "xxxxx" }), 400, "DBS.6025117");
    ok(await emu.api("POST", role(), { name: "readwrite", password: GOOD_PASSWORD }));
    expect(await listedUser(emu, id, "readwrite")).toMatchObject({
      lock_status: false,
      memberof: "{}",
      attribute: { rolcanlogin: false, rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolinherit: true },
    });
  });

  it.each([
    ["an empty name", { name: "", password: GOOD_PASSWORD }, "DBS.200062"],
    ["a 64-character name", { name: `r${"x".repeat(63)}`, password: GOOD_PASSWORD }, "DBS.200062"],
    ["a name with a hyphen", { name: "read-write", password: GOOD_PASSWORD }, "DBS.200062"],
    ["a name with a non-ASCII letter", { name: "rôle", password: GOOD_PASSWORD }, "DBS.200062"],
    ["a name starting with a digit", { name: "2role", password: GOOD_PASSWORD }, "DBS.200062"],
    ['a name starting with "pg"', { name: "pg_role", password: GOOD_PASSWORD }, "DBS.200062"],
    ["the system user rdsAdmin", { name: "rdsAdmin", password: GOOD_PASSWORD }, "DBS.200062"],
    ["the system user rdsMetric", { name: "rdsMetric", password: GOOD_PASSWORD }, "DBS.200062"],
    ["the system user rdsBackup", { name: "rdsBackup", password: GOOD_PASSWORD }, "DBS.200062"],
    ["the system user rdsRepl", { name: "rdsRepl", password: GOOD_PASSWORD }, "DBS.200062"],
    ["the system role gs_role_account_lock", { name: "gs_role_account_lock", password: GOOD_PASSWORD }, "DBS.200062"],
    ["root", { name: "root", password: GOOD_PASSWORD }, "DBS.280001"],
    ["a password character outside the set", { name: "r_pw", password: "Gauss 2024" }, "DBS.6025117"],
    ["a 7-character password", { name: "r_pw", password: "Gau@s24" }, "DBS.6025117"],
    ["a password of two classes", { name: "r_pw", password: "GAUSS2024" }, "DBS.6025117"],
    ["no password", { name: "r_pw" }, "DBS.280001"],
    ["no name", { password: GOOD_PASSWORD }, "DBS.280001"],
  ])("refuses %s", async (_what, body, code) => {
    refused(await emu.api("POST", role(), body), 400, code);
  });

  it("refuses a name taken by a user or a role (DBS.280001)", async () => {
    const u = fresh("ru");
    const r = fresh("rr");
    await createUser(emu, id, u);
    await createRole(emu, id, r);
    refused(await emu.api("POST", role(), { name: u, password: GOOD_PASSWORD }), 400, "DBS.280001");
    refused(await emu.api("POST", role(), { name: r, password: GOOD_PASSWORD }), 400, "DBS.280001");
  });
});

describe("reference 4.4.17 DELETE /gaussdb/v3/instances/{instance_id}/db-role", () => {
  it("accepts the example request as printed: 200, no body; the role is gone", async () => {
    if (!(await listedUser(emu, id, "readwrite"))) await createRole(emu, id, "readwrite");
    // reference 4.4.17 请求示例 {"name":"readwrite"}
    ok(await emu.api("DELETE", role(), { name: "readwrite" }));
    expect(await listedUser(emu, id, "readwrite")).toBeUndefined();
  });

  it("refuses to delete a role that owns a database (DBS.200818)", async () => {
    const r = fresh("owner_role");
    await createRole(emu, id, r);
    await createDatabase(emu, id, fresh("role_db"), { owner: r });
    refused(await emu.api("DELETE", role(), { name: r }), 400, "DBS.200818");
  });

  it.each([
    ["no body", undefined, "DBS.200006"],
    ["a name breaking the rule", { name: "read-write" }, "DBS.200062"],
    ['a name starting with "pg"', { name: "pg_x" }, "DBS.200062"],
    ["the system user rdsBackup", { name: "rdsBackup" }, "DBS.200062"],
    ["the system role gs_role_tablespace", { name: "gs_role_tablespace" }, "DBS.200062"],
    ["root", { name: "root" }, "DBS.200062"],
    ["an unknown role", { name: "no_such_role" }, "DBS.200824"],
  ])("refuses %s", async (_what, body, code) => {
    refused(await emu.api("DELETE", role(), body), 400, code);
  });
});
