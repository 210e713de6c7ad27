// Schema provider methods against the emulator over real HTTP: every rule of reference 4.4.2 at preview (refusals and
// acceptances, edge lengths), warnings for near misses and for an owner that does not exist (not stated), diff
// (everything replaces; a same-name replacement is refused while the old schema exists), create/read/drift (4.4.3),
// adopt (also of public), the delete that forgets (with its warning, and nothing deleted).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TestEmulator } from "../../helpers/emulator";
import { UNKNOWN } from "../../../provider/resources/framework";
import { resetLiveLookups } from "../../../provider/resources/live";
import { resetWarnings } from "../../../provider/resources/rules";
import { database, resetDeclaredDbObjects } from "../../../provider/resources/database/database";
import { schema } from "../../../provider/resources/database/schema";
import { addHosts, checked, createInstance, instanceArgs, PROVIDER, requestCount, startProviderEmulator } from "../instance-fixtures";
import { stderrOf } from "../../helpers/stderr";

let emu: TestEmulator;
let INST: string;
const DB_PASSWORD = "Gauss@2345x";

async function apiPost(path: string, body: Record<string, unknown>) {
  const r = await emu.api("POST", `/gaussdb/v3/instances/${INST}/${path}`, body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

/** The schemas the platform lists for a database (4.4.3). */
async function listed(db: string): Promise<{ schema_name: string; owner: string }[]> {
  return (await emu.api("GET", `/gaussdb/v3/instances/${INST}/schemas?db_name=${db}&limit=100`)).body.database_schemas;
}

/** The emulator's record of a schema (for out-of-band changes by SQL). */
function recordKey(db: string, name: string): string {
  const k = Object.keys(emu.ctx.state.data.dbSchemas).find((x) => emu.ctx.state.data.dbSchemas[x]!.database === db && emu.ctx.state.data.dbSchemas[x]!.name === name);
  if (!k) throw new Error(`no schema ${db}.${name}`);
  return k;
}

const args = (extra: Record<string, unknown> = {}) => ({ instanceId: INST, database: "shop", name: "sales", owner: "app", ...extra });

beforeAll(async () => {
  emu = await startProviderEmulator();
  INST = (await createInstance(emu, instanceArgs("single", await addHosts(emu, 1)))).id;
  await apiPost("db-user", { name: "app", password: DB_PASSWORD });
  await apiPost("db-user", { name: "auditor", password: DB_PASSWORD });
  await apiPost("database", { name: "shop", owner: "app" });
});
afterAll(async () => emu?.close());
beforeEach(() => {
  resetDeclaredDbObjects();
  resetWarnings();
  resetLiveLookups();
});

describe("check: every rule of reference 4.4.2, refused at preview with field, value and fix", () => {
  const refused: [string, Record<string, unknown>, string, RegExp][] = [
    // db_name: "数据库名称在1到63个字符之间,由字母、数字、或下划线组成,…不能以"pg"和数字开头,且不能和GaussDB模板库…重名".
    ["database empty", { database: "" }, "database", /database: "" is empty; give 1 to 63 letters, digits or _ \(reference 4.4.2 db_name\)/],
    ["database of 64 characters", { database: "d".repeat(64) }, "database", /is 64 characters long, more than 63 \(reference 4.4.2 db_name\)/],
    ["database with -", { database: "my-db" }, "database", /may contain only letters, digits and _ \(reference 4.4.2 db_name\)/],
    ["database starting with pg", { database: "pgshop" }, "database", /starts with "pg", which reference 4.4.2 db_name forbids/],
    ["database starting with a digit", { database: "2shop" }, "database", /starts with a digit, which reference 4.4.2 db_name forbids/],
    ["database postgres", { database: "postgres" }, "database", /"postgres" is a GaussDB template database \(reference 4.4.2 db_name: postgres, template0, template1, templatem\)/],
    ["database template0", { database: "template0" }, "database", /is a GaussDB template database/],
    ["database template1", { database: "template1" }, "database", /is a GaussDB template database/],
    ["database templatem", { database: "templatem" }, "database", /is a GaussDB template database/],
    ["database missing", { database: undefined }, "database", /database is required/],
    ["database not on the instance", { database: "nowhere" }, "database", /database: "nowhere" is not a database of instance \w+ \(reference 4.4.2\); create it first: a Database of this stack counts when it is declared before this resource/],
    // name: "SCHEMA名称在1到63个字符之间,由字母、数字、或下划线组成,…不能以"pg"和数字开头,且不能和GaussDB模板库postgres, template0, template和已存在的SCHEMA重名".
    ["name empty", { name: "" }, "name", /name: "" is empty; give 1 to 63 letters, digits or _ \(reference 4.4.2 name\)/],
    ["name of 64 characters", { name: "s".repeat(64) }, "name", /is 64 characters long, more than 63 \(reference 4.4.2 name\)/],
    ["name with $", { name: "sales$" }, "name", /may contain only letters, digits and _/],
    ["name starting with pg", { name: "pg_temp_1" }, "name", /starts with "pg", which reference 4.4.2 name forbids/],
    ["name starting with a digit", { name: "1sales" }, "name", /starts with a digit/],
    ["name postgres", { name: "postgres" }, "name", /"postgres" is a name reference 4.4.2 reserves for GaussDB template databases \(reference 4.4.2 name: postgres, template0, template\)/],
    ["name template0", { name: "template0" }, "name", /reserves for GaussDB template databases/],
    ["name template (as printed)", { name: "template" }, "name", /reserves for GaussDB template databases/],
    ["name public, without adopt", { name: "public" }, "name", /name: "public" is a schema every database has \(reference 4.4.2 name\); set adopt: true to take it over, or choose another name/],
    ["name information_schema, without adopt", { name: "information_schema" }, "name", /is a schema every database has/],
    ["name missing", { name: undefined }, "name", /name is required/],
    // owner: "数据库属主名称在1到63个字符之间,不能以"pg"和数字开头,不能和系统用户名称相同".
    ["owner empty", { owner: "" }, "owner", /owner: "" is empty; name the owning user, 1 to 63 characters \(reference 4.4.2 owner\)/],
    ["owner of 64 characters", { owner: "o".repeat(64) }, "owner", /is 64 characters long, more than 63 \(reference 4.4.2 owner\)/],
    ["owner starting with pg", { owner: "pgadmin" }, "owner", /"pgadmin" starts with "pg", which reference 4.4.2 owner forbids/],
    ["owner starting with a digit", { owner: "1app" }, "owner", /starts with a digit, which reference 4.4.2 owner forbids/],
    ["owner rdsAdmin", { owner: "rdsAdmin" }, "owner", /"rdsAdmin" is a system user \(reference 4.4.2 owner: rdsAdmin, rdsMetric, rdsBackup, rdsRepl\)/],
    ["owner rdsMetric", { owner: "rdsMetric" }, "owner", /is a system user/],
    ["owner rdsBackup", { owner: "rdsBackup" }, "owner", /is a system user/],
    ["owner rdsRepl", { owner: "rdsRepl" }, "owner", /is a system user/],
    ["owner missing (是: required)", { owner: undefined }, "owner", /owner is required/],
    ["instanceId empty", { instanceId: "" }, "instanceId", /instanceId: "" is empty/],
    ["instanceId of no instance", { instanceId: "0123456789abcdef0123456789abcdefin14" }, "instanceId", /is not an instance of the platform \(A.3 DBS.200002\)/],
    ["adopt not a boolean", { adopt: 1 }, "adopt", /adopt: 1 is a number; expected a boolean/],
  ];
  it.each(refused)("refuses %s", async (_t, override, property, reason) => {
    const r = await schema.check({}, { __provider: PROVIDER, ...args(), ...override });
    const f = r.failures?.find((x) => x.property === property);
    expect(f?.reason, JSON.stringify(r.failures)).toMatch(reason);
    expect(f?.reason.startsWith(property)).toBe(true);
  });

  const accepted: [string, Record<string, unknown>][] = [
    ["a name of 1 character", { name: "s" }],
    ["a name of 63 characters", { name: "s".repeat(63) }],
    ["a name starting with _", { name: "_sales" }],
    ["upper-case letters", { name: "Sales2024" }],
    ["an owner of 1 character (no charset rule for owners)", { owner: "a" }],
    ["an owner of 63 characters", { owner: "a".repeat(63) }],
    ["an owner with - (4.4.2 states no character set for owners)", { owner: "app-team" }],
    ["template1 (4.4.2 lists template, not template1)", { name: "template1" }],
    ["a database of 63 characters declared by a Database of the program", { database: "d".repeat(63) }],
  ];
  it.each(accepted)("accepts %s", async (_t, override) => {
    if (String(override.database ?? "").length === 63) await checked(database, { instanceId: INST, name: override.database });
    await checked(schema, { ...args(), ...override });
  });

  const warned: [string, Record<string, unknown>, RegExp][] = [
    ["an owner the instance does not have (4.4.2 does not require one)", { owner: "nobody" }, /owner: "nobody" is not a user of instance \w+ \(4.4.13\): reference 4.4.2 does not require an existing owner, but GaussDB creates a schema only for an existing one/],
    ["template1, a template database of 4.4.1", { name: "template1" }, /name: "template1" is the name of a GaussDB template database \(template1, reference 4.4.1\); reference 4.4.2 name does not list it/],
    ["templatem", { name: "templatem" }, /"templatem" is the name of a GaussDB template database/],
    ["PG in upper case", { name: "PG_sales" }, /name: "PG_sales" starts with "PG": reference 4.4.2 name forbids names starting with "pg"/],
    ["Public", { name: "Postgres" }, /differs only in case from "postgres"/],
    ["a database Postgres", { database: "Postgres", instanceId: UNKNOWN }, /database: "Postgres" differs only in case from "postgres", a GaussDB template database \(reference 4.4.2 db_name\)/],
    ["a system user in another case", { owner: "rdsrepl", instanceId: UNKNOWN }, /owner: "rdsrepl" differs only in case from the system user rdsRepl \(reference 4.4.2 owner\)/],
  ];
  it.each(warned)("warns about %s and goes on", async (_t, override, warning) => {
    let failures: unknown;
    const err = await stderrOf(async () => {
      failures = (await schema.check({}, { __provider: PROVIDER, ...args(), ...override })).failures;
    });
    expect(failures ?? []).toEqual([]);
    expect(err).toMatch(warning);
  });

  it("a database that a Database of the program declares (checked before) counts, though it does not exist yet", async () => {
    expect((await schema.check({}, { __provider: PROVIDER, ...args({ database: "planned" }) })).failures?.[0]?.property).toBe("database");
    await checked(database, { instanceId: INST, name: "planned", owner: "app" });
    await checked(schema, args({ database: "planned" }));
  });

  it("skips values unknown at preview", async () => {
    await emu.control.clearRequests();
    const r = await schema.check({}, { __provider: PROVIDER, instanceId: UNKNOWN, database: UNKNOWN, name: UNKNOWN, owner: UNKNOWN });
    expect(r.failures ?? []).toEqual([]);
    expect(await requestCount(emu, "GET", "/gaussdb/v3/instances/{instance_id}/schemas")).toBe(0);
  });

  it("auto-names from the Pulumi name by the reference's rules", async () => {
    const inputs = await checked(schema, { ...args({ name: undefined }), __autoNamePrefix: "9-Sales", __urn: "urn:pulumi:dev::proj::tpops:index:Schema::9-Sales" });
    expect(inputs.name).toMatch(/^s_9_sales_[0-9a-f]{6}$/);
  });
});

describe("diff: every input replaces", () => {
  const olds = { instanceId: "inst-1", database: "shop", name: "ghost", owner: "app", adopt: false };
  const cases: [string, Record<string, unknown>, { changes: boolean; replaces: string[]; deleteBeforeReplace: boolean }][] = [
    ["no change", {}, { changes: false, replaces: [], deleteBeforeReplace: false }],
    ["name", { name: "ghost2" }, { changes: true, replaces: ["name"], deleteBeforeReplace: true }],
    ["database", { database: "other" }, { changes: true, replaces: ["database"], deleteBeforeReplace: true }],
    ["instanceId", { instanceId: "inst-2" }, { changes: true, replaces: ["instanceId"], deleteBeforeReplace: true }],
    ["owner", { owner: "auditor" }, { changes: true, replaces: ["owner"], deleteBeforeReplace: true }],
    ["adopt (state only)", { adopt: true }, { changes: true, replaces: [], deleteBeforeReplace: false }],
  ];
  it.each(cases)("%s", async (_t, change, expected) => {
    expect(await schema.diff("inst-1/databases/shop/schemas/ghost", { ...olds, __provider: PROVIDER }, { ...olds, ...change, __provider: PROVIDER })).toEqual(expected);
  });

  it("refuses a same-name replacement while the old schema exists, with the SQL to make the change", async () => {
    const created = await schema.create(await checked(schema, args({ name: "kept" })));
    await expect(schema.diff(created.id, created.outs, { ...created.outs, owner: "auditor" })).rejects.toThrow(
      /Schema kept: owner "app" → "auditor": run ALTER SCHEMA "kept" OWNER TO "auditor"; in database "shop" as an administrator, then pulumi refresh\. A change of owner replaces the schema, but the new one would have the name of the old one, which stays: TPOPS has no API that drops a schema \(reference 4.4\)/,
    );
    expect((await schema.diff(created.id, created.outs, { ...created.outs, name: "kept2", owner: "auditor" })).replaces.sort()).toEqual(["name", "owner"]);
  });
});

describe("create, read, drift", () => {
  it("creates one schema (4.4.2), reads it back (4.4.3) and sends only fields the reference defines", async () => {
    await emu.control.clearRequests();
    const created = await schema.create(await checked(schema, args({ name: "orders" })));
    expect(created.id).toBe(`${INST}/databases/shop/schemas/orders`);
    expect(created.outs).toMatchObject({ instanceId: INST, database: "shop", name: "orders", owner: "app", adopt: false });
    expect((await listed("shop")).find((s) => s.schema_name === "orders")).toEqual({ schema_name: "orders", owner: "app" });
    expect((await emu.control.requests()).ignoredFields).toEqual([]);
    const read = await schema.read(created.id, { ...created.outs, __provider: PROVIDER });
    expect(read.props).toMatchObject(created.outs);
    expect(read.inputs).toMatchObject({ instanceId: INST, database: "shop", name: "orders", owner: "app" });
  });

  it("read shows an owner changed out of band (SQL ALTER SCHEMA … OWNER TO)", async () => {
    const inputs = await checked(schema, args({ name: "drifting" }));
    const created = await schema.create(inputs);
    emu.ctx.state.data.dbSchemas[recordKey("shop", "drifting")]!.owner = "auditor";
    const read = await schema.read(created.id, created.outs);
    expect(read.props.owner).toBe("auditor");
    await expect(schema.diff(created.id, read.props, inputs)).rejects.toThrow(/owner "auditor" → "app": run ALTER SCHEMA "drifting" OWNER TO "app";/);
  });

  it("read drops a schema dropped out of band, and one whose database is gone", async () => {
    const dropped = await schema.create(await checked(schema, args({ name: "dropped" })));
    delete emu.ctx.state.data.dbSchemas[recordKey("shop", "dropped")];
    expect(await schema.read(dropped.id, dropped.outs)).toEqual({ id: "", props: {} });

    await apiPost("database", { name: "shortlived", owner: "app" });
    const inDb = await schema.create(await checked(schema, args({ database: "shortlived", name: "inner" })));
    const dbKey = Object.keys(emu.ctx.state.data.dbDatabases).find((k) => emu.ctx.state.data.dbDatabases[k]!.name === "shortlived")!;
    delete emu.ctx.state.data.dbDatabases[dbKey];
    expect(await schema.read(inDb.id, inDb.outs)).toEqual({ id: "", props: {} });
  });

  it("read drops a schema whose instance is gone", async () => {
    expect(await schema.read("0123456789abcdef0123456789abcdefin14/databases/shop/schemas/x", {})).toEqual({ id: "", props: {} });
  });

  it("is not duplicated when the reply to the create is lost after the platform acted", async () => {
    await emu.control.addFault({ method: "POST", path: "^/gaussdb/v3/instances/[^/]+/schema$", status: 503, when: "after", times: 1 });
    try {
      const created = await schema.create(await checked(schema, args({ name: "lost_reply" })));
      expect(created.outs.name).toBe("lost_reply");
      expect((await listed("shop")).filter((s) => s.schema_name === "lost_reply")).toHaveLength(1);
    } finally {
      await emu.control.clearFaults();
    }
  });
});

describe("adopt", () => {
  it("without adopt an existing schema is refused at preview (4.4.2 已存在的SCHEMA) and at create; with adopt it is taken over", async () => {
    await apiPost("schema", { db_name: "shop", schemas: [{ name: "legacy", owner: "app" }] });
    const r = await schema.check({}, { __provider: PROVIDER, ...args({ name: "legacy" }) });
    expect(r.failures).toEqual([{ property: "name", reason: expect.stringMatching(/name: "legacy" is already a schema of database "shop" \(reference 4.4.2 name\); set adopt: true to take it over/) }]);
    await expect(schema.create(r.inputs!)).rejects.toThrow(/a Schema with name "legacy" in database "shop" of instance \w+ already exists on the platform .*Set adopt: true/);
    const adopted = await schema.create(await checked(schema, args({ name: "legacy", adopt: true })));
    expect(adopted.outs).toMatchObject({ name: "legacy", owner: "app", adopt: true });
  });

  it("adopts public or information_schema only as the platform lists them (4.4.3); the emulator lists neither", async () => {
    await emu.control.clearRequests();
    for (const name of ["public", "information_schema"]) {
      const r = await schema.check({}, { __provider: PROVIDER, ...args({ name, adopt: true }) });
      expect(r.failures).toEqual([{ property: "name", reason: expect.stringMatching(new RegExp(`name: "${name}" is a schema every database has \\(reference 4.4.2 name\\), but the platform does not list it in database "shop" \\(4.4.3\\), so there is nothing to take over`)) }]);
      await expect(schema.create(r.inputs!)).rejects.toThrow(/nothing was created: .* is a schema every database has/);
    }
    expect(await requestCount(emu, "POST", "/gaussdb/v3/instances/{instance_id}/schema")).toBe(0);
  });

  it("adopts public when the platform lists it, if the owner matches", async () => {
    // As a platform that lists the schemas every database has would (the emulator does not).
    emu.ctx.state.data.dbSchemas["public-of-shop"] = { id: "public-of-shop", instance_id: INST, database: "shop", name: "public", owner: "root", created: Date.now() };
    try {
      const adopted = await schema.create(await checked(schema, args({ name: "public", owner: "root", adopt: true })));
      expect(adopted).toMatchObject({ id: `${INST}/databases/shop/schemas/public`, outs: { name: "public", owner: "root", adopt: true } });
      await expect(schema.create(await checked(schema, args({ name: "public", owner: "app", adopt: true })))).rejects.toThrow(/cannot adopt Schema .*public: owner is "root" on the platform but "app" in the program/);
    } finally {
      delete emu.ctx.state.data.dbSchemas["public-of-shop"];
    }
  });
});

describe("delete forgets: the schema stays (the reference has no call that drops one)", () => {
  it("warns that it still exists and how to drop it, and deletes nothing", async () => {
    const created = await schema.create(await checked(schema, args({ name: "forgotten" })));
    await emu.control.clearRequests();
    const err = await stderrOf(() => schema.delete(created.id, created.outs));
    expect(err).toMatch(
      /schema "forgotten" still exists in database "shop" of instance \w+: TPOPS has no API that drops a schema \(reference 4.4\), so deleting this resource only removed it from the stack; its objects are untouched\. To drop it, connect to database "shop" as an administrator or its owner and run: DROP SCHEMA "forgotten";/,
    );
    expect((await listed("shop")).some((s) => s.schema_name === "forgotten")).toBe(true);
    expect((await emu.control.requests()).byRoute.filter((r) => r.method !== "GET" && r.route !== "/v3/auth/mini-token")).toEqual([]);
  });

  it("a schema already gone is deleted quietly", async () => {
    expect(await stderrOf(() => schema.delete(`${INST}/databases/shop/schemas/never_there`, {}))).toBe("");
  });
});
