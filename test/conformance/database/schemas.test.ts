import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { createDatabase, createSchemas, createUser, dbInstance, fresh, inst, ok, refused } from "./fixtures";

let emu: TestEmulator;
let id: string;
const DB = "schema_db";
beforeAll(async () => {
  emu = await startTestEmulator();
  id = await dbInstance(emu);
  await createDatabase(emu, id, DB);
  await createUser(emu, id, "owner_a");
});
afterAll(async () => {
  await emu.close();
});

const post = (body: unknown) => emu.api("POST", `${inst(id)}/schema`, body);
const one = (name: string, owner = "owner_a") => ({ db_name: DB, schemas: [{ name, owner }] });

describe("reference 4.4.2 POST /gaussdb/v3/instances/{instance_id}/schema", () => {
  it("accepts the example request as printed (database rds_test and owner teste123 created first): 200, no body", async () => {
    await createDatabase(emu, id, "rds_test");
    await createUser(emu, id, "teste123");
    // reference 4.4.2 请求示例
    ok(await post({ db_name: "rds_test", schemas: [{ name: "rds", owner: "teste123" }, { name: "rds001", owner: "teste123" }] }));
    // reference 4.4.3 请求示例
    const r = await emu.api("GET", `${inst(id)}/schemas?db_name=rds_test&offset=0&limit=10`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      database_schemas: [
        { schema_name: "rds", owner: "teste123" },
        { schema_name: "rds001", owner: "teste123" },
      ],
      total_count: 2,
    });
  });

  it("accepts 20 schemas in one request", async () => {
    ok(await post({ db_name: DB, schemas: Array.from({ length: 20 }, (_, i) => ({ name: fresh(`many${i}`), owner: "root" })) }));
  });

  it.each([
    ["an empty db_name", { db_name: "", schemas: [{ name: "s1", owner: "root" }] }, 400, "DBS.280001"],
    ['a db_name starting with "pg"', { db_name: "pgdb", schemas: [{ name: "s1", owner: "root" }] }, 400, "DBS.280001"],
    ["a db_name starting with a digit", { db_name: "1db", schemas: [{ name: "s1", owner: "root" }] }, 400, "DBS.280001"],
    ["a db_name with a hyphen", { db_name: "my-db", schemas: [{ name: "s1", owner: "root" }] }, 400, "DBS.280001"],
    ["the template database postgres", { db_name: "postgres", schemas: [{ name: "s1", owner: "root" }] }, 400, "DBS.280001"],
    ["the template database templatem", { db_name: "templatem", schemas: [{ name: "s1", owner: "root" }] }, 400, "DBS.280001"],
    ["a database that does not exist", { db_name: "no_such_db", schemas: [{ name: "s1", owner: "root" }] }, 400, "DBS.200044"],
    ["no schemas", { db_name: DB }, 400, "DBS.280001"],
    ["an empty schema list", { db_name: DB, schemas: [] }, 400, "DBS.280001"],
    ["21 schemas", { db_name: DB, schemas: Array.from({ length: 21 }, (_, i) => ({ name: `s${i}`, owner: "root" })) }, 400, "DBS.280001"],
    ["an empty schema name", one(""), 400, "DBS.280001"],
    ["a 64-character schema name", one(`s${"x".repeat(63)}`), 400, "DBS.280001"],
    ["a schema name with a hyphen", one("rds-test"), 400, "DBS.280001"],
    ["a schema name starting with a digit", one("1s"), 400, "DBS.280001"],
    ['a schema name starting with "pg"', one("pg_temp_x"), 400, "DBS.280001"],
    ["the schema name postgres", one("postgres"), 400, "DBS.280001"],
    ["the schema name template0", one("template0"), 400, "DBS.280001"],
    ["the schema name template (as printed)", one("template"), 400, "DBS.280001"],
    ["the schema name template1", one("template1"), 400, "DBS.280001"],
    ["the schema name templatem", one("templatem"), 400, "DBS.280001"],
    ["the existing schema public", one("public"), 400, "DBS.280001"],
    ["the existing schema information_schema", one("information_schema"), 400, "DBS.280001"],
    ["the same schema twice", { db_name: DB, schemas: [{ name: "twice", owner: "root" }, { name: "twice", owner: "root" }] }, 400, "DBS.280001"],
    ["no owner", { db_name: DB, schemas: [{ name: "s_no_owner" }] }, 400, "DBS.280001"],
    ["an empty owner", one("s_o", ""), 400, "DBS.200062"],
    ["a 64-character owner", one("s_o", `o${"x".repeat(63)}`), 400, "DBS.200062"],
    ['an owner starting with "pg"', one("s_o", "pguser"), 400, "DBS.200062"],
    ["an owner starting with a digit", one("s_o", "9user"), 400, "DBS.200062"],
    ["the system user rdsAdmin as owner", one("s_o", "rdsAdmin"), 400, "DBS.200062"],
    ["the system user rdsMetric as owner", one("s_o", "rdsMetric"), 400, "DBS.200062"],
    ["the system user rdsBackup as owner", one("s_o", "rdsBackup"), 400, "DBS.200062"],
    ["the system user rdsRepl as owner", one("s_o", "rdsRepl"), 400, "DBS.200062"],
    ["an owner that does not exist", one("s_o", "nobody"), 400, "DBS.200824"],
  ])("refuses %s", async (_what, body, status, code) => {
    refused(await post(body), status, code);
  });

  it("refuses a schema that already exists (DBS.280001); a refused request creates none of its schemas", async () => {
    const taken = fresh("taken");
    ok(await post(one(taken)));
    const other = fresh("other");
    refused(await post({ db_name: DB, schemas: [{ name: other, owner: "root" }, { name: taken, owner: "root" }] }), 400, "DBS.280001");
    const list = (await emu.api("GET", `${inst(id)}/schemas?db_name=${DB}`)).body.database_schemas.map((s: { schema_name: string }) => s.schema_name);
    expect(list).toContain(taken);
    expect(list).not.toContain(other);
  });

  it("creates a schema of the same name in another database", async () => {
    const db2 = fresh("db2");
    await createDatabase(emu, id, db2);
    const name = fresh("shared");
    await createSchemas(emu, id, DB, [{ name, owner: "root" }]);
    await createSchemas(emu, id, db2, [{ name, owner: "root" }]);
  });
});

describe("reference 4.4.3 GET /gaussdb/v3/instances/{instance_id}/schemas", () => {
  it("pages with offset and limit; lists nothing for a template database", async () => {
    const db = fresh("paged");
    await createDatabase(emu, id, db);
    const names = ["p_a", "p_b", "p_c"];
    await createSchemas(emu, id, db, names.map((name) => ({ name, owner: "root" })));
    const all = await emu.api("GET", `${inst(id)}/schemas?db_name=${db}`);
    expect(all.body).toEqual({ database_schemas: names.map((n) => ({ schema_name: n, owner: "root" })), total_count: 3 });
    const page = await emu.api("GET", `${inst(id)}/schemas?db_name=${db}&offset=1&limit=1`);
    expect(page.body).toEqual({ database_schemas: [{ schema_name: "p_b", owner: "root" }], total_count: 3 });
    expect((await emu.api("GET", `${inst(id)}/schemas?db_name=postgres`)).body).toEqual({ database_schemas: [], total_count: 0 });
  });

  it.each([
    ["no db_name", "", 400, "DBS.280001"],
    ["an unknown database", "db_name=no_such_db", 400, "DBS.200044"],
    ["offset=-1", `db_name=${DB}&offset=-1`, 400, "DBS.280001"],
    ["limit=0", `db_name=${DB}&limit=0`, 400, "DBS.280001"],
    ["limit=2147483647", `db_name=${DB}&limit=2147483647`, 400, "DBS.280001"],
  ])("refuses %s", async (_what, query, status, code) => {
    refused(await emu.api("GET", `${inst(id)}/schemas?${query}`), status, code);
  });

  it("accepts limit=2147483646, the top of the documented range", async () => {
    expect((await emu.api("GET", `${inst(id)}/schemas?db_name=${DB}&limit=2147483646`)).status).toBe(200);
  });

  it("refuses an instance in the abnormal state (接口约束 异常: DBS.280011)", async () => {
    const record = emu.ctx.state.data.instances[id] as { status: string };
    record.status = "FAILED";
    try {
      refused(await emu.api("GET", `${inst(id)}/schemas?db_name=${DB}`), 400, "DBS.280011");
    } finally {
      record.status = "ACTIVE";
    }
  });
});
