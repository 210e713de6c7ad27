import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { createDatabase, createRole, createSchemas, createUser, dbInstance, fresh, inst, listedUser, ok, refused } from "./fixtures";

let emu: TestEmulator;
let id: string;
beforeAll(async () => {
  emu = await startTestEmulator();
  id = await dbInstance(emu);
  // the objects the examples name
  await createUser(emu, id, "Einstein");
  await createDatabase(emu, id, "articles");
  await createSchemas(emu, id, "articles", [{ name: "famous_figures", owner: "root" }]);
  await createDatabase(emu, id, "testdb");
  await createRole(emu, id, "readonly");
});
afterAll(async () => {
  await emu.close();
});

const v3 = () => `${inst(id)}/db-user/privileges`;
const v31 = () => `${inst(id, "v3.1")}/db-user/privileges`;
/** The stored privilege rows of a grantee (control API state dump). */
const grantsOf = async (grantee: string) => ((await emu.control.state()) as any).dbGrants.filter((g: { grantee: string }) => g.grantee === grantee);

describe("reference 4.4.6 POST /gaussdb/v3/instances/{instance_id}/db-user/privileges", () => {
  const example = {
    privileges: [
      {
        name: "Einstein",
        operation: "grant",
        scope: "table_column",
        privilege: "REFERENCES",
        table_name: "name_list",
        schema_name: "famous_figures",
        database_name: "articles",
        column_name: "age",
      },
    ],
  };

  it("accepts the example request as printed: 200, no body; the privilege is held, and revoked again", async () => {
    // reference 4.4.6 请求示例
    ok(await emu.api("POST", v3(), example));
    expect(await grantsOf("Einstein")).toEqual([
      expect.objectContaining({ scope: "table_column", privilege: "REFERENCES", database: "articles", schema: "famous_figures", object: "name_list", column: "age" }),
    ]);
    ok(await emu.api("POST", v3(), example)); // granting twice holds it once
    expect(await grantsOf("Einstein")).toHaveLength(1);
    ok(await emu.api("POST", v3(), { privileges: [{ ...example.privileges[0], operation: "revoke" }] }));
    expect(await grantsOf("Einstein")).toEqual([]);
    ok(await emu.api("POST", v3(), { privileges: [{ ...example.privileges[0], operation: "revoke" }] })); // revoking what is not held
  });

  const objects = {
    database_name: "articles",
    schema_name: "famous_figures",
    table_name: "t1",
    column_name: "c1",
    sequence_name: "seq1",
    function_name: "f1",
    procedure_name: "p1",
    tablespace_name: "pg_default",
    arg_type: "integer, text",
  };
  const LISTS: Record<string, string[]> = {
    table: ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "ALTER", "DROP", "COMMENT", "INDEX", "VACUUM"],
    table_column: ["SELECT", "INSERT", "UPDATE", "REFERENCES", "COMMENT"],
    database: ["CREATE", "ALTER", "DROP", "COMMENT"],
    schema: ["CREATE", "USAGE", "ALTER", "DROP", "COMMENT"],
    sequence: ["SELECT", "UPDATE", "USAGE", "ALTER", "DROP", "COMMENT"],
    function: ["ALTER", "DROP", "COMMENT"],
    procedure: ["ALTER", "DROP", "COMMENT"],
    tablespace: ["CREATE", "ALTER", "DROP", "COMMENT"],
  };

  it.each(Object.entries(LISTS))("accepts every privilege the reference lists for scope %s", async (scope, privileges) => {
    const name = fresh(`g_${scope}`);
    await createUser(emu, id, name);
    ok(await emu.api("POST", v3(), { privileges: privileges.map((privilege) => ({ name, operation: "grant", scope, privilege, ...objects })) }));
    const held = await grantsOf(name);
    expect(held.map((g: { privilege: string }) => g.privilege)).toEqual(privileges);
    if (scope === "function") expect(held[0]).toMatchObject({ object: "f1", arg_type: "integer,text", schema: "famous_figures" });
    if (scope === "tablespace") expect(held[0]).toMatchObject({ object: "pg_default", database: null, schema: null });
  });

  it("grants to a role too, and on a template database", async () => {
    ok(await emu.api("POST", v3(), { privileges: [{ name: "readonly", operation: "grant", scope: "database", privilege: "CREATE", database_name: "postgres" }] }));
    expect(await grantsOf("readonly")).toContainEqual(expect.objectContaining({ scope: "database", privilege: "CREATE", database: "postgres" }));
  });

  const entry = (over: Record<string, unknown>) => ({ privileges: [{ name: "Einstein", operation: "grant", scope: "table", privilege: "SELECT", ...objects, ...over }] });
  const without = (field: string, over: Record<string, unknown>) => {
    const e = { name: "Einstein", operation: "grant", ...objects, ...over } as Record<string, unknown>;
    delete e[field];
    return { privileges: [e] };
  };
  it.each([
    ["no privileges", {}, "DBS.280001"],
    ["an empty privilege list", { privileges: [] }, "DBS.280001"],
    ["an unknown operation", entry({ operation: "give" }), "DBS.280001"],
    ["an unknown scope", entry({ scope: "view" }), "DBS.280001"],
    ["EXECUTE on a table", entry({ privilege: "EXECUTE" }), "DBS.280001"],
    ["a privilege in lower case", entry({ privilege: "select" }), "DBS.280001"],
    ["DELETE on a column", entry({ scope: "table_column", privilege: "DELETE" }), "DBS.280001"],
    ["CONNECT on a database", entry({ scope: "database", privilege: "CONNECT" }), "DBS.280001"],
    ["SELECT on a schema", entry({ scope: "schema", privilege: "SELECT" }), "DBS.280001"],
    ["INSERT on a sequence", entry({ scope: "sequence", privilege: "INSERT" }), "DBS.280001"],
    ["EXECUTE on a function", entry({ scope: "function", privilege: "EXECUTE" }), "DBS.280001"],
    ["SELECT on a procedure", entry({ scope: "procedure", privilege: "SELECT" }), "DBS.280001"],
    ["USAGE on a tablespace", entry({ scope: "tablespace", privilege: "USAGE" }), "DBS.280001"],
    ["a table privilege without table_name", without("table_name", { scope: "table", privilege: "SELECT" }), "DBS.280001"],
    ["a table privilege without schema_name", without("schema_name", { scope: "table", privilege: "SELECT" }), "DBS.280001"],
    ["a column privilege without column_name", without("column_name", { scope: "table_column", privilege: "SELECT" }), "DBS.280001"],
    ["a database privilege without database_name", without("database_name", { scope: "database", privilege: "CREATE" }), "DBS.280001"],
    ["a schema privilege without schema_name", without("schema_name", { scope: "schema", privilege: "USAGE" }), "DBS.280001"],
    ["a sequence privilege without sequence_name", without("sequence_name", { scope: "sequence", privilege: "USAGE" }), "DBS.280001"],
    ["a function privilege without function_name", without("function_name", { scope: "function", privilege: "ALTER" }), "DBS.280001"],
    ["a procedure privilege without procedure_name", without("procedure_name", { scope: "procedure", privilege: "ALTER" }), "DBS.280001"],
    ["a tablespace privilege without tablespace_name", without("tablespace_name", { scope: "tablespace", privilege: "CREATE" }), "DBS.280001"],
    ["no name", without("name", { scope: "table", privilege: "SELECT" }), "DBS.280001"],
    ["an unknown user", entry({ name: "nobody" }), "DBS.200824"],
    ["the system user rdsAdmin", entry({ name: "rdsAdmin" }), "DBS.200062"],
    ["an unknown database", entry({ database_name: "no_such_db" }), "DBS.200044"],
    ["an unknown schema", entry({ schema_name: "no_such_schema" }), "DBS.200044"],
  ])("refuses %s", async (_what, body, code) => {
    refused(await emu.api("POST", v3(), body), 400, code);
  });

  it("refuses a whole request when one entry is refused (nothing is granted)", async () => {
    const name = fresh("atomic");
    await createUser(emu, id, name);
    const good = { name, operation: "grant", scope: "database", privilege: "CREATE", database_name: "articles" };
    refused(await emu.api("POST", v3(), { privileges: [good, { ...good, database_name: "no_such_db" }] }), 400, "DBS.200044");
    expect(await grantsOf(name)).toEqual([]);
  });
});

describe("reference 4.4.18 POST /gaussdb/v3.1/instances/{instance_id}/db-user/privileges", () => {
  // reference 4.4.18 请求示例, exactly as printed: the operations array is closed with `}` instead of `]`
  const printed = `{
   "any_permissions" : {
      "operation_type" : "revoke",
      "operations" : [ {
            "database_name" : "testdb",
            "name" : "readonly",
            "attributes" : {
            "select_any_table_enabled" : true
            }
        }
        }
    }
}`;

  it("refuses the example as printed (malformed JSON, DBS.200001); with `]` for the stray `}` it is accepted", async () => {
    refused(await emu.api("POST", v31(), printed), 400, "DBS.200001");
    const fixed = printed.replace(/}\n {8}}\n {4}}\n}$/, "}\n        ]\n    }\n}");
    expect(() => JSON.parse(fixed)).not.toThrow();
    ok(await emu.api("POST", v31(), fixed));
  });

  it("any_permissions: grants and revokes SELECT ANY TABLE per database (postgres when none is named)", async () => {
    const name = fresh("any");
    await createRole(emu, id, name);
    const body = (operation_type: string, database_name?: string) => ({
      any_permissions: { operation_type, operations: [{ name, ...(database_name ? { database_name } : {}), attributes: { select_any_table_enabled: true, drop_any_table_enabled: false, create_any_synonym_enabled: true } }] },
    });
    ok(await emu.api("POST", v31(), body("grant", "testdb")));
    ok(await emu.api("POST", v31(), body("grant")));
    expect((await grantsOf(name)).map((g: any) => `${g.database}:${g.privilege}`)).toEqual([
      "testdb:SELECT ANY TABLE", "testdb:CREATE ANY SYNONYM", "postgres:SELECT ANY TABLE", "postgres:CREATE ANY SYNONYM",
    ]);
    ok(await emu.api("POST", v31(), body("revoke", "testdb")));
    expect((await grantsOf(name)).map((g: any) => g.database)).toEqual(["postgres", "postgres"]);
  });

  it("system_permissions: grant sets the attributes 4.4.13 lists, revoke clears them", async () => {
    const name = fresh("sys");
    await createUser(emu, id, name, { is_login_only: true });
    const body = (operation_type: string) => ({
      system_permissions: { operation_type, operations: [{ name, attributes: { createdb_enabled: true, replication_enabled: true, sysadmin_enabled: false } }] },
    });
    ok(await emu.api("POST", v31(), body("grant")));
    expect((await listedUser(emu, id, name)).attribute).toMatchObject({ rolcreatedb: true, rolreplication: true, rolsuper: false });
    ok(await emu.api("POST", v31(), body("revoke")));
    expect((await listedUser(emu, id, name)).attribute).toMatchObject({ rolcreatedb: false, rolreplication: false });
  });

  it("schema, table and sequence permissions: all_enabled stands for every privilege; an omitted table or sequence name means all of them", async () => {
    const name = fresh("obj");
    await createUser(emu, id, name);
    ok(
      await emu.api("POST", v31(), {
        schema_permissions: { operation_type: "grant", operations: [{ name, database_name: "articles", schema_name: "famous_figures", attributes: { all_enabled: true } }] },
        table_permissions: { operation_type: "grant", operations: [{ name, database_name: "articles", schema_name: "famous_figures", attributes: { select_enabled: true, vacuum_enabled: true } }] },
        sequence_permissions: { operation_type: "grant", operations: [{ name, database_name: "articles", schema_name: "famous_figures", sequence_name: "s1", attributes: { usage_enabled: true } }] },
      }),
    );
    const held = (await grantsOf(name)).map((g: any) => `${g.scope}:${g.object ?? "*"}:${g.privilege}`);
    expect(held).toEqual([
      "schema:*:USAGE", "schema:*:CREATE", "schema:*:ALTER", "schema:*:DROP", "schema:*:COMMENT",
      "table:*:SELECT", "table:*:VACUUM",
      "sequence:s1:USAGE",
    ]);
    ok(await emu.api("POST", v31(), { schema_permissions: { operation_type: "revoke", operations: [{ name, database_name: "articles", schema_name: "famous_figures", attributes: { create_enabled: true } }] } }));
    expect((await grantsOf(name)).filter((g: any) => g.scope === "schema")).toHaveLength(4);
  });

  it("newly_table / newly_sequence permissions: privileges on objects the source creates later", async () => {
    const source = fresh("src");
    const target = fresh("tgt");
    await createUser(emu, id, source);
    await createRole(emu, id, target);
    ok(
      await emu.api("POST", v31(), {
        newly_table_permissions: { operation_type: "grant", operations: [{ source_name: source, target_name: target, database_name: "articles", schema_name: "famous_figures", attributes: { select_enabled: true } }] },
        newly_sequence_permissions: { operation_type: "grant", operations: [{ source_name: source, target_name: target, attributes: { usage_enabled: true } }] },
      }),
    );
    expect(await grantsOf(target)).toEqual([
      expect.objectContaining({ scope: "newly_table", privilege: "SELECT", for_role: source, database: "articles", schema: "famous_figures" }),
      expect.objectContaining({ scope: "newly_sequence", privilege: "USAGE", for_role: source, database: "postgres", schema: null }),
    ]);
  });

  it("user_role_permissions: membership shows in 4.4.13 memberof; revoke removes it; built-in gs_role_ roles may be granted", async () => {
    const r = fresh("member_of");
    const u = fresh("member");
    await createRole(emu, id, r);
    await createUser(emu, id, u);
    const body = (operation_type: string, source_name: string) => ({ user_role_permissions: { operation_type, operations: [{ source_name, target_name: u, is_reuse: true }] } });
    ok(await emu.api("POST", v31(), body("grant", r)));
    ok(await emu.api("POST", v31(), body("grant", "gs_role_signal_backend")));
    expect((await listedUser(emu, id, u)).memberof).toBe(`{${r},gs_role_signal_backend}`);
    ok(await emu.api("POST", v31(), body("revoke", r)));
    expect((await listedUser(emu, id, u)).memberof).toBe("{gs_role_signal_backend}");
  });

  it("deleting a role drops its privileges and its memberships", async () => {
    const r = fresh("doomed");
    const u = fresh("keeps");
    await createRole(emu, id, r);
    await createUser(emu, id, u);
    ok(await emu.api("POST", v31(), { user_role_permissions: { operation_type: "grant", operations: [{ source_name: r, target_name: u }] } }));
    ok(await emu.api("POST", v3(), { privileges: [{ name: r, operation: "grant", scope: "database", privilege: "CREATE", database_name: "articles" }] }));
    ok(await emu.api("DELETE", `${inst(id)}/db-role`, { name: r }));
    expect(await grantsOf(r)).toEqual([]);
    expect((await listedUser(emu, id, u)).memberof).toBe("{}");
  });

  const op = (o: Record<string, unknown>) => ({ operation_type: "grant", operations: [o] });
  it.each([
    ["an empty body", {}, "DBS.200006"],
    ["only undocumented sections", { role_permissions: op({ name: "readonly" }) }, "DBS.200006"],
    ["an unknown operation_type", { any_permissions: { operation_type: "give", operations: [{ name: "readonly", attributes: {} }] } }, "DBS.280001"],
    ["an empty operations list", { any_permissions: { operation_type: "grant", operations: [] } }, "DBS.280001"],
    ["31 operations", { any_permissions: { operation_type: "grant", operations: Array.from({ length: 31 }, () => ({ name: "readonly", attributes: {} })) } }, "DBS.280001"],
    ["an operation without attributes", { any_permissions: op({ name: "readonly" }) }, "DBS.280001"],
    ["an attribute that is not a boolean", { any_permissions: op({ name: "readonly", attributes: { select_any_table_enabled: "true" } }) }, "DBS.280001"],
    ["a schema operation without schema_name", { schema_permissions: op({ name: "readonly", attributes: { usage_enabled: true } }) }, "DBS.280001"],
    ["a table operation without schema_name", { table_permissions: op({ name: "readonly", attributes: { select_enabled: true } }) }, "DBS.280001"],
    ["a newly-table operation without target_name", { newly_table_permissions: op({ source_name: "readonly", attributes: {} }) }, "DBS.280001"],
    ["an unknown account", { any_permissions: op({ name: "nobody", attributes: { select_any_table_enabled: true } }) }, "DBS.200824"],
    ["the system user rdsRepl", { system_permissions: op({ name: "rdsRepl", attributes: { login_enabled: true } }) }, "DBS.200062"],
    ["an unknown database", { any_permissions: op({ name: "readonly", database_name: "no_such_db", attributes: {} }) }, "DBS.200044"],
    ["an unknown schema", { schema_permissions: op({ name: "readonly", database_name: "testdb", schema_name: "nope", attributes: { usage_enabled: true } }) }, "DBS.200044"],
    ["a schema of postgres other than public (none can be created there)", { table_permissions: op({ name: "readonly", schema_name: "famous_figures", attributes: { select_enabled: true } }) }, "DBS.200044"],
    ["an unknown source role", { user_role_permissions: op({ source_name: "nobody", target_name: "readonly" }) }, "DBS.200824"],
    ["a system user as target", { user_role_permissions: op({ source_name: "readonly", target_name: "rdsAdmin" }) }, "DBS.200062"],
    ["a role granted to itself", { user_role_permissions: op({ source_name: "readonly", target_name: "readonly" }) }, "DBS.200821"],
  ])("refuses %s", async (_what, body, code) => {
    refused(await emu.api("POST", v31(), body), 400, code);
  });

  it("refuses a membership cycle, also one built within a single request (DBS.200821), granting nothing", async () => {
    const a = fresh("cyc_a");
    const b = fresh("cyc_b");
    await createRole(emu, id, a);
    await createRole(emu, id, b);
    refused(
      await emu.api("POST", v31(), { user_role_permissions: { operation_type: "grant", operations: [{ source_name: a, target_name: b }, { source_name: b, target_name: a }] } }),
      400,
      "DBS.200821",
    );
    expect((await listedUser(emu, id, b)).memberof).toBe("{}");
    ok(await emu.api("POST", v31(), { user_role_permissions: op({ source_name: a, target_name: b }) }));
    refused(await emu.api("POST", v31(), { user_role_permissions: op({ source_name: b, target_name: a }) }), 400, "DBS.200821");
  });
});
