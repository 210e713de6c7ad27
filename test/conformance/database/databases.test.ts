import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { createDatabase, createUser, dbInstance, fresh, inst, ok, refused } from "./fixtures";

let emu: TestEmulator;
let id: string;
beforeAll(async () => {
  emu = await startTestEmulator();
  id = await dbInstance(emu);
});
afterAll(async () => {
  await emu.close();
});

const listAll = async () => (await emu.api("GET", `${inst(id)}/databases?limit=100`)).body;

describe("reference 4.4.1 POST /gaussdb/v3/instances/{instance_id}/database", () => {
  it("accepts the example request as printed (owner test created first): 200, no body", async () => {
    await createUser(emu, id, "test");
    // reference 4.4.1 请求示例 (printed across two code blocks)
    const r = await emu.api("POST", `${inst(id)}/database`, {
      name: "opengauss_test",
      owner: "test",
      template: "template0",
      character_set: "UTF8",
      lc_collate: "C",
      lc_ctype: "C",
    });
    ok(r);
    expect((await listAll()).databases).toContainEqual({
      name: "opengauss_test",
      owner: "test",
      size: "33 MB",
      character_set: "UTF8",
      collate_set: "C",
      datctype: "C",
    });
  });

  it("defaults: owner root, the template's character set UTF8, lc_collate and lc_ctype C", async () => {
    const name = fresh("plain");
    await createDatabase(emu, id, name);
    expect((await listAll()).databases).toContainEqual(expect.objectContaining({ name, owner: "root", character_set: "UTF8", collate_set: "C", datctype: "C" }));
  });

  it("accepts 63-character names, upper case, underscores first, and every documented template", async () => {
    await createDatabase(emu, id, `a${"b".repeat(62)}`);
    await createDatabase(emu, id, "_Mixed_Case_1");
    for (const template of ["postgres", "template0", "template1", "templatem"]) await createDatabase(emu, id, fresh(`t_${template}`), { template });
  });

  it.each([
    ["an empty name", { name: "" }, 400, "DBS.280001"],
    ["a 64-character name", { name: `a${"b".repeat(63)}` }, 400, "DBS.280001"],
    ["a name with a hyphen", { name: "my-db" }, 400, "DBS.280001"],
    ["a name with a non-ASCII letter", { name: "数据库" }, 400, "DBS.280001"],
    ["a name starting with a digit", { name: "1db" }, 400, "DBS.280001"],
    ['a name starting with "pg"', { name: "pgdata" }, 400, "DBS.280001"],
    ["the template name postgres", { name: "postgres" }, 400, "DBS.280001"],
    ["the template name template0", { name: "template0" }, 400, "DBS.280001"],
    ["the template name template1", { name: "template1" }, 400, "DBS.280001"],
    ["the template name templatem", { name: "templatem" }, 400, "DBS.280001"],
    ["an undocumented template", { name: "db_t", template: "template2" }, 400, "DBS.280001"],
    ["the system user rdsAdmin as owner", { name: "db_o", owner: "rdsAdmin" }, 400, "DBS.200062"],
    ["the system user rdsMetric as owner", { name: "db_o", owner: "rdsMetric" }, 400, "DBS.200062"],
    ["the system user rdsBackup as owner", { name: "db_o", owner: "rdsBackup" }, 400, "DBS.200062"],
    ["the system user rdsRepl as owner", { name: "db_o", owner: "rdsRepl" }, 400, "DBS.200062"],
    ["an owner that does not exist", { name: "db_o", owner: "nobody" }, 400, "DBS.200824"],
    ["no name", { owner: "root" }, 400, "DBS.280001"],
    ["a name that is not a string", { name: 7 }, 400, "DBS.280001"],
  ])("refuses %s", async (_what, body, status, code) => {
    refused(await emu.api("POST", `${inst(id)}/database`, body), status, code);
  });

  it("refuses a name already taken (400 DBS.280001) and leaves the first database as it was", async () => {
    const name = fresh("dup");
    await createDatabase(emu, id, name, { character_set: "GBK" });
    refused(await emu.api("POST", `${inst(id)}/database`, { name }), 400, "DBS.280001");
    expect((await listAll()).databases.filter((d: { name: string }) => d.name === name)).toEqual([expect.objectContaining({ character_set: "GBK" })]);
  });

  it("refuses a request without a body (DBS.200006) and an unknown instance (DBS.200002)", async () => {
    refused(await emu.api("POST", `${inst(id)}/database`), 400, "DBS.200006");
    refused(await emu.api("POST", `${inst("0123456789abcdef0123456789abcdefin14")}/database`, { name: "x_db" }), 400, "DBS.200002");
  });
});

describe("reference 4.4.12 GET /gaussdb/v3/instances/{instance_id}/databases", () => {
  it("answers the example request as printed with the documented fields; default limit 10, offset paging", async () => {
    const other = await dbInstance(emu);
    // reference 4.4.12 请求示例 (no query)
    const empty = await emu.api("GET", `${inst(other)}/databases`);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ databases: [], total_count: 0 });
    const names = Array.from({ length: 12 }, (_, i) => `paged_${String(i).padStart(2, "0")}`);
    for (const name of names) await createDatabase(emu, other, name);
    const first = await emu.api("GET", `${inst(other)}/databases`);
    expect(first.body.total_count).toBe(12);
    expect(first.body.databases.map((d: { name: string }) => d.name)).toEqual(names.slice(0, 10));
    expect(Object.keys(first.body.databases[0]).sort()).toEqual(["character_set", "collate_set", "datctype", "name", "owner", "size"]);
    const rest = await emu.api("GET", `${inst(other)}/databases?offset=10&limit=5`);
    expect(rest.body.databases.map((d: { name: string }) => d.name)).toEqual(names.slice(10));
    expect(rest.body.total_count).toBe(12);
  });

  it.each([
    ["limit=0", 400, "DBS.280439"],
    ["limit=101", 400, "DBS.280439"],
    ["limit=ten", 400, "DBS.280439"],
    ["offset=-1", 400, "DBS.280001"],
    ["offset=x", 400, "DBS.280001"],
  ])("refuses %s", async (query, status, code) => {
    refused(await emu.api("GET", `${inst(id)}/databases?${query}`), status, code);
  });

  it("refuses an unknown instance (DBS.200002)", async () => {
    refused(await emu.api("GET", `${inst("0123456789abcdef0123456789abcdefin14")}/databases`), 400, "DBS.200002");
  });
});
