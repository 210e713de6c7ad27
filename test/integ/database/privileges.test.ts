// Privileges provider methods against the emulator over real HTTP (issue "Database objects as code"): every check
// rule, diff (in place vs replace), create/update/delete as the emulator's grant rows show them, one owner per
// grant (rename hand-over, replacement), and what refresh can and cannot see (reference 4.4.6, 4.4.18).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TestEmulator } from "../../helpers/emulator";
import { privileges, privilegesId, resetPrivilegeDeclarations } from "../../../provider/resources/database/privileges";
import { resetSettingClaims, UNKNOWN } from "../../../provider/resources/framework";
import { resetWarnings } from "../../../provider/resources/rules";
import { declareDatabase, declarePrincipal, resetDeclaredDbObjects } from "../../../provider/resources/database/database";
import { addHosts, createInstance, instanceArgs, PROVIDER, requestCount, startProviderEmulator } from "../instance-fixtures";

const GRANT_ROUTE = "/gaussdb/v3/instances/{instance_id}/db-user/privileges";
const CUSTOM_ROUTE = "/gaussdb/v3.1/instances/{instance_id}/db-user/privileges";
const USER_PASSWORD = "User@pw2024";

let emu: TestEmulator;
let instanceId: string;

beforeAll(async () => {
  emu = await startProviderEmulator();
  await emu.control.reset();
  ({ id: instanceId } = await createInstance(emu, instanceArgs("single", await addHosts(emu, 1), { engineVersion: "3.200.0" })));
  // The database objects the grants are on, made through the emulator's API (reference 4.4.4, 4.4.16, 4.4.1, 4.4.2).
  for (const name of ["app", "reporter"]) expect((await api("POST", "db-user", { name, password: USER_PASSWORD })).status).toBe(200);
  expect((await api("POST", "db-role", { name: "readers", password: USER_PASSWORD })).status).toBe(200);
  expect((await api("POST", "database", { name: "orders", owner: "app" })).status).toBe(200);
  expect((await api("POST", "schema", { db_name: "orders", schemas: [{ name: "sales", owner: "app" }] })).status).toBe(200);
});
afterAll(async () => emu?.close());
beforeEach(async () => {
  nextRun();
  resetWarnings();
  await revokeAll();
  await emu.control.clearRequests();
});
afterEach(() => vi.restoreAllMocks());

/**
 * A new `pulumi up` (a new provider process): the engine checks the resources the program declares, then deletes
 * the ones it dropped. Claims and declarations of the previous run are gone.
 */
function nextRun(): void {
  resetSettingClaims();
  resetPrivilegeDeclarations();
  resetDeclaredDbObjects();
}

/** A call to `/gaussdb/v3/instances/<instance>/<rest>`. */
function api(method: string, rest: string, body?: unknown) {
  return emu.api(method, `/gaussdb/v3/instances/${instanceId}/${rest}`, body);
}

interface Row {
  grantee: string;
  scope: string;
  privilege: string;
  database: string | null;
  schema: string | null;
  object: string | null;
  column: string | null;
  arg_type: string | null;
}

/** The emulator's grant rows of the instance, as `grantee scope privilege database.schema.object.column(args)`. */
async function grants(): Promise<string[]> {
  const rows = ((await emu.control.state()) as unknown as { dbGrants: (Row & { instance_id: string })[] }).dbGrants.filter((g) => g.instance_id === instanceId);
  return rows
    .map((g) => `${g.grantee} ${g.scope} ${g.privilege} ${[g.database, g.schema, g.object, g.column].filter((x) => x !== null).join(".")}${g.arg_type ? `(${g.arg_type})` : ""}`)
    .sort();
}

/** Drops every grant row of the instance (between tests). */
async function revokeAll(): Promise<void> {
  const coll = emu.ctx.state.data.dbGrants as Record<string, { instance_id: string }>;
  for (const [id, g] of Object.entries(coll)) if (g.instance_id === instanceId) delete coll[id];
}

const urn = (name: string) => `urn:pulumi:dev::proj::pulumi-nodejs:dynamic/tpops:Privileges::${name}`;
/** What the SDK class passes besides the args. */
const sdk = (name: string) => ({ __provider: PROVIDER, __autoNamePrefix: name, __urn: urn(name) });

/** check() that must succeed. */
async function checked(news: Record<string, unknown>, name = "grants", olds: Record<string, unknown> = {}) {
  const r = await privileges.check(olds, { ...sdk(name), instanceId, ...news });
  expect(r.failures ?? []).toEqual([]);
  return r.inputs!;
}

/** Failure reasons of a check. */
async function refusals(news: Record<string, unknown>, name = "grants"): Promise<string> {
  const r = await privileges.check({}, { ...sdk(name), instanceId, ...news });
  return (r.failures ?? []).map((f) => `${f.property}: ${f.reason}`).join("\n");
}

/** Captures the warnings check() prints (no engine in this test: they go to stderr). */
function stderr() {
  const spy = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  return () => spy.mock.calls.map((c) => String(c[0])).join("");
}

const table = { grantee: "app", scope: "table", database: "orders", schema: "sales", objects: ["customers"], privileges: ["SELECT"] };

describe("check: the rules of reference 4.4.6, at preview", () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ["an empty instance id", { ...table, instanceId: "" }, /instanceId: "" is empty; use the id of an Instance/],
    ["an empty grantee", { ...table, grantee: "" }, /grantee: "" is empty; name a database user or role/],
    ["no grantee", { ...table, grantee: undefined }, /grantee is required/],
    ["an unknown scope", { ...table, scope: "view" }, /scope: "view" is not one of database, schema, table, table_column, sequence, function, procedure, tablespace/],
    ["no privileges", { ...table, privileges: undefined }, /privileges is required/],
    ["privileges as a string", { ...table, privileges: "SELECT" }, /privileges: "SELECT" is a string; expected an array/],
    ["a privilege that is not a string", { ...table, privileges: [1] }, /privileges.0: 1 is a number; expected a string/],
    ["EXECUTE on a function (not in 4.4.6's list)", { grantee: "app", scope: "function", database: "orders", schema: "sales", objects: ["f"], privileges: ["EXECUTE"] }, /privileges.0: "EXECUTE" is not a privilege of scope function \(reference 4.4.6\); use ALTER, DROP, COMMENT/],
    ["USAGE on a table", { ...table, privileges: ["SELECT", "USAGE"] }, /privileges.1: "USAGE" is not a privilege of scope table \(reference 4.4.6\); use SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER, ALTER, DROP, COMMENT, INDEX, VACUUM/],
    ["DELETE on a column", { ...table, scope: "table_column", columns: ["email"], privileges: ["DELETE"] }, /privileges.0: "DELETE" is not a privilege of scope table_column .*use SELECT, INSERT, UPDATE, REFERENCES, COMMENT/],
    ["SELECT on a database", { grantee: "app", scope: "database", database: "orders", privileges: ["SELECT"] }, /"SELECT" is not a privilege of scope database .*use CREATE, ALTER, DROP, COMMENT/],
    ["SELECT on a schema", { grantee: "app", scope: "schema", database: "orders", schema: "sales", privileges: ["SELECT"] }, /"SELECT" is not a privilege of scope schema .*use CREATE, USAGE, ALTER, DROP, COMMENT/],
    ["INSERT on a sequence", { ...table, scope: "sequence", objects: ["ids"], privileges: ["INSERT"] }, /"INSERT" is not a privilege of scope sequence .*use SELECT, UPDATE, USAGE, ALTER, DROP, COMMENT/],
    ["USAGE on a procedure", { ...table, scope: "procedure", objects: ["p"], privileges: ["USAGE"] }, /"USAGE" is not a privilege of scope procedure .*use ALTER, DROP, COMMENT/],
    ["USAGE on a tablespace", { grantee: "app", scope: "tablespace", objects: ["ts"], privileges: ["USAGE"] }, /"USAGE" is not a privilege of scope tablespace .*use CREATE, ALTER, DROP, COMMENT/],
    ["a table without its database", { ...table, database: undefined }, /database is required for scope table: reference 4.4.6 names the object of a table grant with database_name/],
    ["a table without its schema", { ...table, schema: undefined }, /schema is required for scope table: .*schema_name/],
    ["a table without objects", { ...table, objects: undefined }, /objects is required for scope table: .*table_name/],
    ["an empty list of tables", { ...table, objects: [] }, /objects: \[\] names no table; name at least one/],
    ["an empty table name", { ...table, objects: [""] }, /objects.0: "" is empty; name the object/],
    ["a column grant without columns", { ...table, scope: "table_column" }, /columns is required for scope table_column: .*column_name/],
    ["a column grant with no column", { ...table, scope: "table_column", columns: [] }, /columns: \[\] names no column/],
    ["columns on a table grant", { ...table, columns: ["email"] }, /columns does not apply to scope table: reference 4.4.6 column_name takes effect only for other scopes; remove it/],
    ["a database grant without the database", { grantee: "app", scope: "database", privileges: ["CREATE"] }, /database is required for scope database/],
    ["a schema on a database grant", { grantee: "app", scope: "database", database: "orders", schema: "sales", privileges: ["CREATE"] }, /schema does not apply to scope database/],
    ["objects on a database grant", { grantee: "app", scope: "database", database: "orders", objects: ["orders"], privileges: ["CREATE"] }, /objects does not apply to scope database/],
    ["objects on a schema grant", { grantee: "app", scope: "schema", database: "orders", schema: "sales", objects: ["t"], privileges: ["USAGE"] }, /objects does not apply to scope schema/],
    ["a schema grant without the schema", { grantee: "app", scope: "schema", database: "orders", privileges: ["USAGE"] }, /schema is required for scope schema/],
    ["a database on a tablespace grant", { grantee: "app", scope: "tablespace", database: "orders", objects: ["ts"], privileges: ["CREATE"] }, /database does not apply to scope tablespace: reference 4.4.6 database_name/],
    ["a schema on a tablespace grant", { grantee: "app", scope: "tablespace", schema: "sales", objects: ["ts"], privileges: ["CREATE"] }, /schema does not apply to scope tablespace/],
    ["a tablespace grant without tablespaces", { grantee: "app", scope: "tablespace", privileges: ["CREATE"] }, /objects is required for scope tablespace: .*tablespace_name/],
    ["a sequence grant without sequences", { ...table, scope: "sequence", objects: undefined }, /objects is required for scope sequence: .*sequence_name/],
    ["a function signature left open", { ...table, scope: "function", objects: ["f(integer"], privileges: ["ALTER"] }, /objects.0: "f\(integer" opens an argument list it does not close; write name or name\(type, …\)/],
    ["a function signature without a name", { ...table, scope: "procedure", objects: ["(integer)"], privileges: ["ALTER"] }, /objects.0: "\(integer\)" has no name before \(/],
    ["unknown timeouts keys", { ...table, timeouts: { wait: "1m" } }, /timeouts: .*unknown property wait/],
  ];
  it.each(cases)("refuses %s", async (_what, news, reason) => {
    expect(await refusals(news)).toMatch(reason);
    expect(await requestCount(emu, "POST", GRANT_ROUTE)).toBe(0);
  });

  it("normalises what the platform keeps in another spelling: scope and privileges in the reference's case and order, objects sorted once, signatures without blanks", async () => {
    const a = await checked({ grantee: "app", scope: "TABLE", database: "orders", schema: "sales", objects: ["orders", "customers", "orders"], privileges: ["insert", " Select", "INSERT"] });
    expect(a).toMatchObject({ scope: "table", objects: ["customers", "orders"], privileges: ["SELECT", "INSERT"] });
    const f = await checked({ grantee: "app", scope: "function", database: "orders", schema: "sales", objects: ["add_order( integer , text )", "noop()", "noop"], privileges: ["comment", "alter"] });
    expect(f).toMatchObject({ objects: ["add_order(integer,text)", "noop"], privileges: ["ALTER", "COMMENT"] });
    const c = await checked({ ...table, scope: "table_column", columns: ["name", "email", "name"] });
    expect(c.columns).toEqual(["email", "name"]);
  });

  it("warns about an empty privilege list (it grants nothing) without refusing it", async () => {
    const out = stderr();
    await checked({ ...table, privileges: [] }, "nothing");
    expect(out()).toMatch(/warn: Privileges nothing: privileges: \[\] grants nothing; this resource manages nothing/);
  });

  it("skips what depends on values not known yet, and makes no platform call for them", async () => {
    for (const news of [{ ...table, scope: UNKNOWN }, { ...table, objects: [UNKNOWN] }, { ...table, privileges: [UNKNOWN] }, { ...table, instanceId: UNKNOWN }, { ...table, grantee: UNKNOWN }]) {
      const r = await privileges.check({}, { ...sdk("grants"), instanceId, ...news });
      expect(r.failures ?? [], JSON.stringify(news)).toEqual([]);
      expect(await requestCount(emu, "GET", "/gaussdb/v3/instances/{instance_id}/db-users"), JSON.stringify(news)).toBe(0);
    }
    // A privilege not known yet stays in the plan as unknown (it is not dropped by the normalisation).
    const r = await privileges.check({}, { ...sdk("grants"), instanceId, ...table, privileges: ["insert", UNKNOWN] });
    expect(r.inputs?.privileges).toEqual(["INSERT", UNKNOWN]);
    expect(await requestCount(emu, "GET", "/gaussdb/v3/instances/{instance_id}/db-users")).toBe(0);
  });
});

describe("check: the instance and what the platform shows missing, at preview (live) for new grants", () => {
  const cases: [string, Record<string, unknown>, "refused" | "warned" | "accepted", RegExp | undefined][] = [
    ["a 4.4.6 grant to a name that is not a user", { grantee: "ghost", scope: "database", database: "orders", privileges: ["CREATE"] }, "refused", /grantee: grantee "ghost" is not a database user of instance .* \(reference 4.4.13 does not list it; 4.4.6 grants database privileges to database users\); create the user first: a DbUser of this stack counts when it is declared before this resource/],
    ["a missing database", { grantee: "app", scope: "database", database: "archive", privileges: ["CREATE"] }, "refused", /database: database "archive" does not exist on instance .* \(reference 4.4.12 does not list it\); create it first: a Database of this stack counts/],
    ["a missing schema (a Schema of the stack may create it)", { ...table, schema: "billing" }, "warned", /schema: schema "billing" does not exist in database "orders" \(reference 4.4.3 does not list it\); fine if a Schema of this stack creates it before the grant/],
    ["an unknown instance", { ...table, instanceId: "ffffffffffffffffffffffffffffffffin14" }, "refused", /instanceId: "f+in14" is not an instance of the platform \(A.3 DBS.200002\)/],
    ["a template database", { grantee: "app", scope: "database", database: "postgres", privileges: ["CREATE"] }, "accepted", undefined],
    ["public in a database", { ...table, schema: "public" }, "accepted", undefined],
    ["a 4.4.18 grant to a role", { ...table, grantee: "readers" }, "accepted", undefined],
    ["a 4.4.18 grant to a name no list shows (perhaps a role: the reference lists none)", { ...table, grantee: "somebody" }, "accepted", undefined],
  ];
  it.each(cases)("%s: %s", async (_what, news, outcome, reason) => {
    const out = stderr();
    const r = await privileges.check({}, { ...sdk("grants"), instanceId, ...news });
    const failures = (r.failures ?? []).map((f) => f.reason).join("\n");
    if (outcome === "refused") expect(failures).toMatch(reason!);
    else expect(failures).toBe("");
    if (outcome === "warned") expect(out()).toMatch(reason!);
    if (outcome === "accepted") expect(out()).not.toMatch(/warn:/);
  });

  it("accepts a grantee and a database that resources of the program declare before this one", async () => {
    declarePrincipal(instanceId, "ghost");
    declareDatabase(instanceId, "archive");
    await checked({ grantee: "ghost", scope: "database", database: "archive", privileges: ["CREATE"] });
  });

  it("warns about an instance that is not ACTIVE (4.4.6 states no constraint)", async () => {
    expect((await emu.api("POST", `/gaussdb/v3/instances/${instanceId}/restart`)).status).toBe(202);
    const out = stderr();
    await checked({ grantee: "app", scope: "database", database: "orders", privileges: ["CREATE"] });
    expect(out()).toMatch(/instanceId: instance .* is REBOOTING; the platform may refuse the grant unless it is ACTIVE by then/);
    await emu.waitJob((await emu.control.state()).jobs.at(-1).id);
  });

  it("checks the platform only for new grants, not for an existing resource's in-place change", async () => {
    const olds = await checked({ grantee: "app", scope: "database", database: "orders", privileges: ["CREATE"] });
    await emu.control.clearRequests();
    await checked({ grantee: "app", scope: "database", database: "orders", privileges: ["CREATE", "ALTER"] }, "grants", olds);
    expect(await requestCount(emu, "GET", "/gaussdb/v3/instances/{instance_id}/db-users")).toBe(0);
  });
});

describe("check: one owner per privilege in a stack", () => {
  it("refuses a second resource naming a privilege the first one grants; other privileges of the same object are fine", async () => {
    await checked({ ...table, objects: ["customers", "orders"], privileges: ["SELECT", "INSERT"] }, "first");
    const r = await privileges.check({}, { ...sdk("second"), instanceId, ...table, privileges: ["SELECT"] });
    expect(r.failures?.map((f) => f.reason).join("\n")).toMatch(/privileges: SELECT on table orders.sales.customers to app is also granted by Privileges first; a privilege has one owner in a stack/);
    await checked({ ...table, privileges: ["UPDATE"] }, "third");
    await checked({ ...table, grantee: "reporter" }, "fourth");
    // The same resource checked again (preview, then up) is no conflict with itself.
    await checked({ ...table, objects: ["customers", "orders"], privileges: ["SELECT", "INSERT"] }, "first");
  });
});

describe("diff: privileges change in place; what names the grant replaces", () => {
  it.each([
    ["privileges", { privileges: ["SELECT", "INSERT"] }, false],
    ["grantee", { grantee: "reporter" }, true],
    ["scope", { scope: "sequence" }, true],
    ["database", { database: "other" }, true],
    ["schema", { schema: "public" }, true],
    ["objects", { objects: ["customers", "orders"] }, true],
    ["instanceId", { instanceId: "ffffffffffffffffffffffffffffffffin14" }, true],
  ])("%s", async (key, change, replaces) => {
    const olds = await checked(table);
    const news = { ...olds, ...change };
    const d = await privileges.diff("id", olds, news);
    expect(d.changes).toBe(true);
    expect(d.replaces).toEqual(replaces ? [key] : []);
    expect(d.deleteBeforeReplace).toBe(false);
  });

  it("columns replace; timeouts only change the state; reordering changes nothing", async () => {
    const olds = await checked({ ...table, scope: "table_column", columns: ["email"] });
    expect((await privileges.diff("id", olds, await checked({ ...table, scope: "table_column", columns: ["email", "name"] }))).replaces).toEqual(["columns"]);
    const t = await privileges.diff("id", olds, await checked({ ...table, scope: "table_column", columns: ["email"], timeouts: { update: "1m" } }));
    expect(t).toMatchObject({ changes: true, replaces: [] });
    const a = await checked({ ...table, objects: ["b", "a"], privileges: ["INSERT", "SELECT"] });
    const b = await checked({ ...table, objects: ["a", "b", "a"], privileges: ["select", "insert"] });
    expect((await privileges.diff("id", a, b)).changes).toBe(false);
  });
});

describe("create, update, delete: the emulator's grant rows", () => {
  it("grants table privileges with 4.4.18, revokes what left the set and grants what joined it, and revokes all on delete", async () => {
    const inputs = await checked({ ...table, objects: ["orders", "customers"], privileges: ["SELECT", "INSERT"] });
    const created = await privileges.create(inputs);
    expect(created.id).toBe(privilegesId(inputs as never));
    expect(created.id).toMatch(new RegExp(`^${instanceId}/privileges/app/table/[0-9a-f]{12}$`));
    expect(created.outs).toMatchObject({ grantee: "app", scope: "table", objects: ["customers", "orders"], privileges: ["SELECT", "INSERT"], granteeListed: true });
    expect(await grants()).toEqual([
      "app table INSERT orders.sales.customers",
      "app table INSERT orders.sales.orders",
      "app table SELECT orders.sales.customers",
      "app table SELECT orders.sales.orders",
    ]);
    expect(await requestCount(emu, "POST", CUSTOM_ROUTE, 200)).toBe(1);
    expect(await requestCount(emu, "POST", GRANT_ROUTE)).toBe(0);

    const news = await checked({ ...table, objects: ["orders", "customers"], privileges: ["SELECT", "UPDATE"] }, "grants", created.outs);
    await emu.control.clearRequests();
    const updated = await privileges.update(created.id, created.outs, news);
    expect(updated.outs).toMatchObject({ privileges: ["SELECT", "UPDATE"] });
    expect(await grants()).toEqual([
      "app table SELECT orders.sales.customers",
      "app table SELECT orders.sales.orders",
      "app table UPDATE orders.sales.customers",
      "app table UPDATE orders.sales.orders",
    ]);
    expect(await requestCount(emu, "POST", CUSTOM_ROUTE, 200)).toBe(2); // one revoke, one grant

    nextRun(); // the run that drops the resource from the program
    await privileges.delete(created.id, updated.outs);
    expect(await grants()).toEqual([]);
  });

  it("grants a database privilege with 4.4.6, and columns, functions with their argument types and tablespaces", async () => {
    const db = await privileges.create(await checked({ grantee: "app", scope: "database", database: "orders", privileges: ["CREATE", "COMMENT"] }, "db"));
    const col = await privileges.create(await checked({ ...table, scope: "table_column", columns: ["email", "name"], privileges: ["SELECT"] }, "col"));
    const fn = await privileges.create(await checked({ ...table, scope: "function", objects: ["add_order(integer, text)", "noop()"], privileges: ["ALTER"] }, "fn"));
    const ts = await privileges.create(await checked({ grantee: "app", scope: "tablespace", objects: ["fast"], privileges: ["CREATE"] }, "ts"));
    expect(await grants()).toEqual([
      "app database COMMENT orders",
      "app database CREATE orders",
      "app function ALTER orders.sales.add_order(integer,text)",
      "app function ALTER orders.sales.noop",
      "app table_column SELECT orders.sales.customers.email",
      "app table_column SELECT orders.sales.customers.name",
      "app tablespace CREATE fast",
    ]);
    expect(await requestCount(emu, "POST", GRANT_ROUTE, 200)).toBe(4);
    expect(fn.outs.objects).toEqual(["add_order(integer,text)", "noop"]);
    nextRun();
    for (const r of [db, col, fn, ts]) await privileges.delete(r.id, r.outs);
    expect(await grants()).toEqual([]);
  });

  it("grants schema and sequence privileges to a role with 4.4.18", async () => {
    const s = await privileges.create(await checked({ grantee: "readers", scope: "schema", database: "orders", schema: "sales", privileges: ["USAGE"] }, "s"));
    const q = await privileges.create(await checked({ ...table, grantee: "readers", scope: "sequence", objects: ["order_ids"], privileges: ["USAGE", "SELECT"] }, "q"));
    expect(await grants()).toEqual(["readers schema USAGE orders.sales", "readers sequence SELECT orders.sales.order_ids", "readers sequence USAGE orders.sales.order_ids"]);
    expect(await requestCount(emu, "POST", CUSTOM_ROUTE, 200)).toBe(2);
    nextRun();
    await privileges.delete(q.id, q.outs);
    await privileges.delete(s.id, s.outs);
    expect(await grants()).toEqual([]);
  });

  it("sends at most 30 operations per 4.4.18 request (reference 4.4.18 数组长度: 1 - 30)", async () => {
    const objects = Array.from({ length: 31 }, (_, i) => `t${String(i).padStart(2, "0")}`);
    const created = await privileges.create(await checked({ ...table, objects, privileges: ["SELECT"] }));
    expect(await requestCount(emu, "POST", CUSTOM_ROUTE, 200)).toBe(2);
    expect(await grants()).toHaveLength(31);
    nextRun();
    await privileges.delete(created.id, created.outs);
    expect(await grants()).toEqual([]);
  });

  it("refuses before any grant what the platform shows missing (declared by the program, but not created before the grant)", async () => {
    declarePrincipal(instanceId, "ghost");
    declareDatabase(instanceId, "archive");
    for (const [news, reason] of [
      [{ grantee: "ghost", scope: "database", database: "orders", privileges: ["CREATE"] }, /nothing was granted: grantee "ghost" is not a database user of instance/],
      [{ grantee: "app", scope: "database", database: "archive", privileges: ["CREATE"] }, /nothing was granted: database "archive" does not exist/],
      [{ ...table, schema: "billing" }, /nothing was granted: schema "billing" does not exist in database "orders"/],
    ] as const) {
      const out = stderr();
      const inputs = await checked(news);
      out();
      await expect(privileges.create(inputs)).rejects.toThrow(reason);
    }
    expect((await requestCount(emu, "POST", GRANT_ROUTE)) + (await requestCount(emu, "POST", CUSTOM_ROUTE))).toBe(0);
  });

  it("retries a grant while the instance is busy (409 DBS.200019)", async () => {
    expect((await emu.api("POST", `/gaussdb/v3/instances/${instanceId}/restart`)).status).toBe(202);
    const created = await privileges.create(await checked({ grantee: "app", scope: "database", database: "orders", privileges: ["CREATE"] }));
    expect(await requestCount(emu, "POST", GRANT_ROUTE, 409)).toBeGreaterThan(0);
    expect(await grants()).toEqual(["app database CREATE orders"]);
    nextRun();
    await privileges.delete(created.id, created.outs);
  });
});

describe("one owner per privilege: hand-over and replacement", () => {
  it("a renamed resource (a new URN) takes over: the old one's delete leaves what the new one grants", async () => {
    const old = await privileges.create(await checked({ ...table, privileges: ["SELECT", "INSERT"] }, "old-name"));
    // The next run renames the resource without aliases and drops INSERT: the engine checks and creates the new
    // name (the old one is no longer declared)…
    nextRun();
    const renamed = await privileges.create(await checked({ ...table, privileges: ["SELECT"] }, "new-name"));
    const out = stderr();
    // …then deletes the old one: SELECT stays (new-name grants it), INSERT is revoked.
    await privileges.delete(old.id, old.outs);
    expect(out()).toMatch(/warn: Privileges old-name: left SELECT on table orders.sales.customers \(now granted by Privileges new-name\) as granted/);
    expect(await grants()).toEqual(["app table SELECT orders.sales.customers"]);
    nextRun();
    await privileges.delete(renamed.id, renamed.outs);
    expect(await grants()).toEqual([]);
  });

  it("a replacement (create before delete, the same URN) keeps what both grant: the old one revokes only what left", async () => {
    const first = await privileges.create(await checked({ ...table, objects: ["customers", "orders"] }));
    nextRun();
    const news = await checked({ ...table, objects: ["customers", "invoices"] }, "grants", first.outs);
    expect((await privileges.diff(first.id, first.outs, news)).replaces).toEqual(["objects"]);
    const second = await privileges.create(news);
    expect(second.id).not.toBe(first.id);
    const out = stderr();
    await privileges.delete(first.id, first.outs);
    expect(out()).toMatch(/left SELECT on table orders.sales.customers \(granted by this resource's replacement\) as granted/);
    expect(await grants()).toEqual(["app table SELECT orders.sales.customers", "app table SELECT orders.sales.invoices"]);
  });

  it.each([["the new owner first"], ["the old owner first"]])("a privilege moved between two resources in one run is never revoked (%s)", async (order) => {
    const a = await privileges.create(await checked({ ...table, privileges: ["SELECT", "INSERT"] }, "a"));
    // The next run moves INSERT from a to b: b is declared with it, a without it (checked in either order).
    nextRun();
    const bInputs = await checked({ ...table, privileges: ["INSERT"] }, "b");
    const aNews = await checked({ ...table, privileges: ["SELECT"] }, "a", a.outs);
    if (order === "the new owner first") {
      await privileges.create(bInputs);
      await privileges.update(a.id, a.outs, aNews);
    } else {
      await privileges.update(a.id, a.outs, aNews);
      await privileges.create(bInputs);
    }
    expect(await grants()).toEqual(["app table INSERT orders.sales.customers", "app table SELECT orders.sales.customers"]);
  });

  it("pulumi destroy (nothing declared) revokes everything", async () => {
    const created = await privileges.create(await checked(table));
    nextRun();
    await privileges.delete(created.id, created.outs);
    expect(await grants()).toEqual([]);
  });
});

describe("refresh: what read can and cannot see", () => {
  it("cannot see a privilege revoked out of band (no API lists privileges); pulumi up --replace grants it again", async () => {
    const inputs = await checked({ ...table, privileges: ["SELECT", "INSERT"] });
    const created = await privileges.create(inputs);
    const rows = emu.ctx.state.data.dbGrants as Record<string, { instance_id: string; privilege: string }>;
    for (const [id, g] of Object.entries(rows)) if (g.instance_id === instanceId && g.privilege === "INSERT") delete rows[id];
    const read = await privileges.read(created.id, { ...created.outs, __provider: PROVIDER });
    expect(read.id).toBe(created.id);
    expect(read.props.privileges).toEqual(["SELECT", "INSERT"]);
    expect((await privileges.diff(created.id, read.props, inputs)).changes).toBe(false);
    // --replace: the next run checks the same URN, creates it again, then deletes the old one.
    nextRun();
    const again = await checked({ ...table, privileges: ["SELECT", "INSERT"] });
    const replacement = await privileges.create(again);
    await privileges.delete(created.id, created.outs);
    expect(await grants()).toEqual(["app table INSERT orders.sales.customers", "app table SELECT orders.sales.customers"]);
    nextRun();
    await privileges.delete(replacement.id, replacement.outs);
  });

  it("drops the resource when its listed grantee is deleted (4.4.13), and its delete then counts as done", async () => {
    expect((await api("POST", "db-user", { name: "temp", password: USER_PASSWORD })).status).toBe(200);
    const created = await privileges.create(await checked({ ...table, grantee: "temp" }));
    expect(created.outs.granteeListed).toBe(true);
    expect((await privileges.read(created.id, created.outs)).id).toBe(created.id);
    expect((await api("DELETE", "db-user", { name: "temp" })).status).toBe(200);
    expect((await privileges.read(created.id, created.outs)).id).toBe("");
    await expect(privileges.delete(created.id, created.outs)).resolves.toBeUndefined();
  });

  it("drops the resource when its database or schema is gone (4.4.12, 4.4.3)", async () => {
    expect((await api("POST", "database", { name: "scratch", owner: "app" })).status).toBe(200);
    expect((await api("POST", "schema", { db_name: "scratch", schemas: [{ name: "tmp", owner: "app" }] })).status).toBe(200);
    const onSchema = await privileges.create(await checked({ ...table, database: "scratch", schema: "tmp" }, "on-schema"));
    const onDb = await privileges.create(await checked({ grantee: "app", scope: "database", database: "scratch", privileges: ["CREATE"] }, "on-db"));
    // No API drops a schema or a database: out of band, in the emulator's store.
    const schemas = emu.ctx.state.data.dbSchemas as Record<string, { instance_id: string; name: string }>;
    for (const [id, s] of Object.entries(schemas)) if (s.instance_id === instanceId && s.name === "tmp") delete schemas[id];
    expect((await privileges.read(onSchema.id, onSchema.outs)).id).toBe("");
    expect((await privileges.read(onDb.id, onDb.outs)).id).toBe(onDb.id);
    const dbs = emu.ctx.state.data.dbDatabases as Record<string, { instance_id: string; name: string }>;
    for (const [id, d] of Object.entries(dbs)) if (d.instance_id === instanceId && d.name === "scratch") delete dbs[id];
    expect((await privileges.read(onDb.id, onDb.outs)).id).toBe("");
  });

  it("drops the resource when its instance is gone", async () => {
    const state = { instanceId: "ffffffffffffffffffffffffffffffffin14", grantee: "app", scope: "database", database: "orders", privileges: ["CREATE"], granteeListed: true };
    expect((await privileges.read("x", state)).id).toBe("");
    await expect(privileges.delete("x", state)).resolves.toBeUndefined();
  });

  it("Privileges.get fails with the reason: nothing can be read by id", async () => {
    await expect(privileges.read(`${instanceId}/privileges/app/table/0123456789ab`, {})).rejects.toThrow(/cannot be read by id: the reference has no API that lists privileges/);
  });
});
