import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { GOOD_PASSWORD, createDatabase, createRole, createSchemas, createUser, dbInstance, fresh, inst, listedUser, ok, refused } from "./fixtures";

let emu: TestEmulator;
let id: string;
beforeAll(async () => {
  emu = await startTestEmulator();
  id = await dbInstance(emu);
});
afterAll(async () => {
  await emu.close();
});

const user = (path = "") => `${inst(id)}/db-user${path}`;

describe("reference 4.4.13 GET /gaussdb/v3/instances/{instance_id}/db-users", () => {
  it("lists root on a new instance as the response example shows it", async () => {
    const other = await dbInstance(emu);
    const r = await emu.api("GET", `${inst(other)}/db-users`);
    expect(r.status).toBe(200);
    expect(r.body.total_count).toBe(1);
    expect(r.body.users).toEqual([
      {
        name: "root",
        attribute: {
          rolsuper: false,
          rolinherit: true,
          rolcreaterole: true,
          rolcreatedb: true,
          rolcanlogin: true,
          rolconnlimit: -1,
          rolreplication: false,
          rolbypassrls: false,
          rolpassworddeadline: expect.stringMatching(/^(90 days 00:00:00|89 days 23:5\d:\d\d)$/),
        },
        memberof: "{gs_role_copy_files,gs_role_signal_backend,gs_role_tablespace,gs_role_replication,gs_role_account_lock}",
        lock_status: false,
      },
    ]);
  });

  it("pages (default limit 10) and lists roles as accounts that cannot log in", async () => {
    const other = await dbInstance(emu);
    for (let i = 0; i < 10; i++) await createUser(emu, other, `pager_${i}`);
    await createRole(emu, other, "pager_role");
    const first = await emu.api("GET", `${inst(other)}/db-users`);
    expect(first.body.total_count).toBe(12);
    expect(first.body.users.map((u: { name: string }) => u.name)).toEqual(["root", ...Array.from({ length: 9 }, (_, i) => `pager_${i}`)]);
    const rest = await emu.api("GET", `${inst(other)}/db-users?offset=10&limit=10`);
    expect(rest.body.users.map((u: { name: string }) => u.name)).toEqual(["pager_9", "pager_role"]);
    expect(rest.body.users[1].attribute).toMatchObject({ rolcanlogin: false, rolcreatedb: false, rolcreaterole: false });
  });

  it.each([
    ["limit=0", 400, "DBS.280439"],
    ["limit=101", 400, "DBS.280439"],
    ["offset=-1", 400, "DBS.280001"],
  ])("refuses %s", async (query, status, code) => {
    refused(await emu.api("GET", `${inst(id)}/db-users?${query}`), status, code);
  });
});

describe("reference 4.4.4 POST /gaussdb/v3/instances/{instance_id}/db-user", () => {
  it("refuses the example's masked password *** (shorter than 8: DBS.6025117); with a real password it is accepted", async () => {
    // reference 4.4.4 请求示例 {"name":"suntao","password":"***"}
    refused(await emu.api("POST", user(), { name: "suntao", password: "***" }), 400, "DBS.6025117");
    ok(await emu.api("POST", user(), { name: "suntao", password: GOOD_PASSWORD }));
    expect(await listedUser(emu, id, "suntao")).toMatchObject({
      lock_status: false,
      memberof: "{}",
      attribute: { rolsuper: false, rolcanlogin: true, rolcreatedb: true, rolcreaterole: true, rolinherit: true, rolconnlimit: -1, rolreplication: false },
    });
  });

  it("is_login_only true gives LOGIN only", async () => {
    const name = fresh("login_only");
    await createUser(emu, id, name, { is_login_only: true });
    expect((await listedUser(emu, id, name)).attribute).toMatchObject({ rolcanlogin: true, rolcreatedb: false, rolcreaterole: false });
  });

  it.each([
    ["a backslash", "Gauss\\2024"],
    ["a vertical bar", "Gauss|2024"],
    ["a dollar sign", "Gauss$2024"],
    ["every printed special character", "Aa1~!@#$%^&*()=+\\|[{}];,<.>/?"],
    ["upper, lower and digits only", "Gauss2024"],
    ["upper, lower and specials only", "Gauss@@@@"],
    ["a long password", `Gauss@${"x".repeat(100)}`],
    ["root in it (no weak-password rule is printed)", "MyRoot@2024x"],
    ["a dictionary word (no weak-password rule is printed)", "Huawei@123"],
  ])("accepts a password with %s", async (_what, password) => {
    ok(await emu.api("POST", user(), { name: fresh("pw"), password }));
  });

  it.each([
    ["an empty name", { name: "", password: GOOD_PASSWORD }, "DBS.200062"],
    ["a 64-character name", { name: `u${"x".repeat(63)}`, password: GOOD_PASSWORD }, "DBS.200062"],
    ["a name with a hyphen", { name: "my-user", password: GOOD_PASSWORD }, "DBS.200062"],
    ["a name starting with a digit", { name: "1user", password: GOOD_PASSWORD }, "DBS.200062"],
    ['a name starting with "pg"', { name: "pguser", password: GOOD_PASSWORD }, "DBS.200062"],
    ["the system user rdsAdmin", { name: "rdsAdmin", password: GOOD_PASSWORD }, "DBS.200062"],
    ["the system user rdsMetric", { name: "rdsMetric", password: GOOD_PASSWORD }, "DBS.200062"],
    ["the system user rdsBackup", { name: "rdsBackup", password: GOOD_PASSWORD }, "DBS.200062"],
    ["the system user rdsRepl", { name: "rdsRepl", password: GOOD_PASSWORD }, "DBS.200062"],
    ["the system role gs_role_copy_files", { name: "gs_role_copy_files", password: GOOD_PASSWORD }, "DBS.200062"],
    ["an existing account (root)", { name: "root", password: GOOD_PASSWORD }, "DBS.280001"],
    ["an empty password", { name: "u_pw", password: "" }, "DBS.6025117"],
    ["a password with a blank", { name: "u_pw", password: "Gauss 2024" }, "DBS.6025117"],
    ["a password with an underscore (not in the 4.4.16 set)", { name: "u_pw", password: "Gauss_2024" }, "DBS.6025117"],
    ["a password with a hyphen (not in the 4.4.16 set)", { name: "u_pw", password: "Gauss-2024" }, "DBS.6025117"],
    ["a password with a colon (not in the 4.4.16 set)", { name: "u_pw", password: "Gauss:2024" }, "DBS.6025117"],
    ["a password with a non-ASCII character", { name: "u_pw", password: "Gauss@2024é" }, "DBS.6025117"],
    ["a 7-character password", { name: "u_pw", password: "Gaus@24" }, "DBS.6025117"],
    ["a password of two classes (lower, digits)", { name: "u_pw", password: "gauss2024" }, "DBS.6025117"],
    ["a password of two classes (upper, specials)", { name: "u_pw", password: "GAUSS@@@" }, "DBS.6025117"],
    ["no password", { name: "u_pw" }, "DBS.280001"],
    ["is_login_only that is not a boolean", { name: "u_pw", password: GOOD_PASSWORD, is_login_only: "true" }, "DBS.280001"],
  ])("refuses %s", async (_what, body, code) => {
    refused(await emu.api("POST", user(), body), 400, code);
  });

  it("refuses a name taken by a user or a role (DBS.280001)", async () => {
    const u = fresh("taken_u");
    const r = fresh("taken_r");
    await createUser(emu, id, u);
    await createRole(emu, id, r);
    refused(await emu.api("POST", user(), { name: u, password: GOOD_PASSWORD }), 400, "DBS.280001");
    refused(await emu.api("POST", user(), { name: r, password: GOOD_PASSWORD }), 400, "DBS.280001");
  });
});

describe("reference 4.4.5 DELETE /gaussdb/v3/instances/{instance_id}/db-user", () => {
  it("deletes a user: 200, no body; it is no longer listed", async () => {
    const name = fresh("gone");
    await createUser(emu, id, name);
    ok(await emu.api("DELETE", user(), { name }));
    expect(await listedUser(emu, id, name)).toBeUndefined();
  });

  it("refuses to delete the owner of a database or a schema (DBS.200818)", async () => {
    const dbOwner = fresh("db_owner");
    const schemaOwner = fresh("schema_owner");
    await createUser(emu, id, dbOwner);
    await createUser(emu, id, schemaOwner);
    const db = fresh("owned");
    await createDatabase(emu, id, db, { owner: dbOwner });
    await createSchemas(emu, id, db, [{ name: "owned_s", owner: schemaOwner }]);
    refused(await emu.api("DELETE", user(), { name: dbOwner }), 400, "DBS.200818");
    refused(await emu.api("DELETE", user(), { name: schemaOwner }), 400, "DBS.200818");
  });

  it.each([
    ["no body", undefined, "DBS.200006"],
    ["no name", {}, "DBS.280001"],
    ["an unknown user", { name: "nobody" }, "DBS.200824"],
    ["the system user rdsAdmin", { name: "rdsAdmin" }, "DBS.200062"],
    ["the system user rdsRepl", { name: "rdsRepl" }, "DBS.200062"],
    ["root, the instance's administrator", { name: "root" }, "DBS.200062"],
  ])("refuses %s", async (_what, body, code) => {
    refused(await emu.api("DELETE", user(), body), 400, code);
  });
});

describe("reference 4.4.7 POST /gaussdb/v3/instances/{instance_id}/db-user/attributes", () => {
  // reference 4.4.7 请求示例, exactly as printed: the closing brace of the body is missing
  const printed = `{
    "name" : "zjqtest",
    "attributes" : {
        "sysadmin_enabled" : false,
        "createdb_enabled" : true,
        "createrole_enabled" : true,
        "auditadmin_enabled" : true,
        "monadmin_enabled" : false,
        "opradmin_enabled" : true,
        "poladmin_enabled" : true,
        "poladmin_enabled" : true,
        "replication_enabled" : false,
        "login_enabled" : true
}`;

  it("refuses the example as printed (malformed JSON, DBS.200001); with its closing brace it is accepted", async () => {
    await createUser(emu, id, "zjqtest", { is_login_only: true });
    refused(await emu.api("POST", user("/attributes"), printed), 400, "DBS.200001");
    ok(await emu.api("POST", user("/attributes"), `${printed}\n}`));
    expect((await listedUser(emu, id, "zjqtest")).attribute).toMatchObject({ rolsuper: false, rolcreatedb: true, rolcreaterole: true, rolreplication: false, rolcanlogin: true });
  });

  it("true sets, false clears, an omitted attribute is kept; table 4-118's `_enable` spellings are ignored (discarded, as 4.4.7 says)", async () => {
    const name = fresh("attrs");
    await createUser(emu, id, name);
    ok(await emu.api("POST", user("/attributes"), { name, attributes: { sysadmin_enabled: true, replication_enabled: true, login_enabled: false } }));
    expect((await listedUser(emu, id, name)).attribute).toMatchObject({ rolsuper: true, rolreplication: true, rolcanlogin: false, rolcreatedb: true });
    const r = await emu.api("POST", user("/attributes"), { name, attributes: { sysadmin_enable: false, createdb_enable: false } });
    ok(r);
    expect(r.headers.get("x-emulator-ignored-fields")).toBe("attributes.sysadmin_enable, attributes.createdb_enable");
    expect((await listedUser(emu, id, name)).attribute).toMatchObject({ rolsuper: true, rolcreatedb: true });
  });

  it.each([
    ["an unknown user", { name: "nobody", attributes: { login_enabled: true } }, "DBS.200824"],
    ["the system user rdsAdmin", { name: "rdsAdmin", attributes: { login_enabled: false } }, "DBS.200062"],
    ["no attributes", { name: "root" }, "DBS.280001"],
    ["an attribute that is not a boolean", { name: "root", attributes: { createdb_enabled: "true" } }, "DBS.280001"],
  ])("refuses %s", async (_what, body, code) => {
    refused(await emu.api("POST", user("/attributes"), body), 400, code);
  });
});

describe("reference 4.4.8 PUT /gaussdb/v3/instances/{instance_id}/db-user/init-password", () => {
  it("refuses the example's masked password *** (DBS.6025117); with a real one it is accepted", async () => {
    // reference 4.4.8 请求示例 {"metric_name":"rdsMetric","metric_password":"***"}
    refused(await emu.api("PUT", user("/init-password"), { metric_name: "rdsMetric", metric_password: "***" }), 400, "DBS.6025117");
    ok(await emu.api("PUT", user("/init-password"), { metric_name: "rdsMetric", metric_password: "Metric@2024" }));
  });

  it("initialises all five at once; root's and rdsAdmin's passwords may hold `_` (4.11.6's Gauss_234); root's deadline restarts", async () => {
    const other = await dbInstance(emu);
    const body = {
      admin_name: "rdsAdmin", admin_password: "Admin_2024x",
      metric_name: "rdsMetric", metric_password: "Metric@2024x",
      repl_name: "rdsRepl", repl_password: "Repl@2024x",
      backup_name: "rdsBackup", backup_password: "Backup@2024x",
      root_name: "root", root_password: "Gauss_2345",
    };
    await listedUser(emu, other, "root"); // the built-in accounts are stored on first use
    const rootRec = Object.values(emu.ctx.state.data.dbAccounts).find((a) => a.instance_id === other && a.name === "root");
    if (!rootRec) throw new Error("root is not stored");
    rootRec.password_set_at -= 2 * 86_400_000; // out of band: the password was set two days ago
    expect((await listedUser(emu, other, "root")).attribute.rolpassworddeadline).toMatch(/^8[78] days /);
    ok(await emu.api("PUT", `${inst(other)}/db-user/init-password`, body));
    expect((await listedUser(emu, other, "root")).attribute.rolpassworddeadline).toMatch(/^(90 days 00:00:00|89 days 23:5\d:\d\d)$/);
    // the same again: every new password equals the old one
    refused(await emu.api("PUT", `${inst(other)}/db-user/init-password`, { admin_name: "rdsAdmin", admin_password: "Admin_2024x" }), 400, "DBS.200475");
    refused(await emu.api("PUT", `${inst(other)}/db-user/init-password`, { root_name: "root", root_password: "5432_ssuaG" }), 400, "DBS.200476");
  });

  it.each([
    ["an empty body", {}, "DBS.200006"],
    ["a name without its password", { metric_name: "rdsMetric" }, "DBS.280001"],
    ["a password without its name", { metric_password: "Metric@2024" }, "DBS.280001"],
    ["another user's name in a pair", { metric_name: "rdsAdmin", metric_password: "Metric@2024" }, "DBS.200062"],
    ["a user name that is not built in", { admin_name: "admin", admin_password: "Admin@2024" }, "DBS.200062"],
    ["a character outside the set (system user)", { backup_name: "rdsBackup", backup_password: "Backup 2024" }, "DBS.6025117"],
    ["an underscore in a system user's password", { repl_name: "rdsRepl", repl_password: "Repl_2024" }, "DBS.6025117"],
    ["a character outside the set (root)", { root_name: "root", root_password: "Gauss 2024" }, "DBS.200052"],
    ["too few classes (rdsAdmin)", { admin_name: "rdsAdmin", admin_password: "admin2024" }, "DBS.6025117"],
    ["too few classes (root)", { root_name: "root", root_password: "gauss2024" }, "DBS.200052"],
  ])("refuses %s", async (_what, body, code) => {
    refused(await emu.api("PUT", user("/init-password"), body), 400, code);
  });
});

describe("reference 4.4.9 PUT /gaussdb/v3/instances/{instance_id}/db-user/password", () => {
  it("refuses the example's masked ***; resets with a real password; refuses the old one and its reverse", async () => {
    const name = "zjqtest";
    if (!(await listedUser(emu, id, name))) await createUser(emu, id, name);
    // reference 4.4.9 请求示例 {"name":"zjqtest","password":"***"}
    refused(await emu.api("PUT", user("/password"), { name, password: "***" }), 400, "DBS.6025117");
    ok(await emu.api("PUT", user("/password"), { name, password: "New@Pass2024" }));
    refused(await emu.api("PUT", user("/password"), { name, password: "New@Pass2024" }), 400, "DBS.200475");
    refused(await emu.api("PUT", user("/password"), { name, password: "4202ssaP@weN" }), 400, "DBS.200476");
    ok(await emu.api("PUT", user("/password"), { name, password: "Other@Pass2024" }));
  });

  it.each([
    ["an unknown user", { name: "nobody", password: GOOD_PASSWORD }, "DBS.200824"],
    ["the system user rdsBackup", { name: "rdsBackup", password: GOOD_PASSWORD }, "DBS.200062"],
    ["a character outside the set", { name: "root", password: "Gauss 2024" }, "DBS.200052"],
    ["too few classes (root)", { name: "root", password: "gaussdb1" }, "DBS.200052"],
    ["no password", { name: "root" }, "DBS.280001"],
  ])("refuses %s", async (_what, body, code) => {
    refused(await emu.api("PUT", user("/password"), body), 400, code);
  });

  it("refuses a user's (non-root) password with a character outside the set (DBS.6025117)", async () => {
    const name = fresh("pw_user");
    await createUser(emu, id, name);
    refused(await emu.api("PUT", user("/password"), { name, password: "Gauss_2024" }), 400, "DBS.6025117");
  });
});

describe("reference 4.4.10 / 4.4.11 PUT …/db-user/lock and …/db-user/unlock", () => {
  it("accepts the example requests as printed: lock_status true, then false; repeating either is harmless", async () => {
    const name = "zjqtest";
    if (!(await listedUser(emu, id, name))) await createUser(emu, id, name);
    // reference 4.4.10 / 4.4.11 请求示例 {"name":"zjqtest"}
    ok(await emu.api("PUT", user("/lock"), { name }));
    expect((await listedUser(emu, id, name)).lock_status).toBe(true);
    ok(await emu.api("PUT", user("/lock"), { name }));
    ok(await emu.api("PUT", user("/unlock"), { name }));
    expect((await listedUser(emu, id, name)).lock_status).toBe(false);
    ok(await emu.api("PUT", user("/unlock"), { name }));
  });

  it.each([
    ["lock", "no body", undefined, "DBS.200006"],
    ["lock", "an unknown user", { name: "nobody" }, "DBS.200824"],
    ["lock", "the system user rdsAdmin", { name: "rdsAdmin" }, "DBS.200062"],
    ["unlock", "no body", undefined, "DBS.200006"],
    ["unlock", "an unknown user", { name: "nobody" }, "DBS.200824"],
    ["unlock", "the system user rdsMetric", { name: "rdsMetric" }, "DBS.200062"],
  ])("%s refuses %s", async (action, _what, body, code) => {
    refused(await emu.api("PUT", user(`/${action}`), body), 400, code);
  });
});
