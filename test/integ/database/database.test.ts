// Database provider methods against the emulator over real HTTP: every rule of reference 4.4.1 at preview (refusals
// and acceptances, edge lengths), warnings for near misses, diff (everything replaces; a same-name replacement is
// refused while the old database exists), create/read/drift, adopt, interrupted creates, the delete that forgets
// (with its warning, and nothing deleted), the preview-time owner and instance checks.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TestEmulator } from "../../helpers/emulator";
import { configure } from "../../../provider/config";
import { UNKNOWN, generatedName } from "../../../provider/resources/framework";
import { resetLiveLookups } from "../../../provider/resources/live";
import { resetWarnings } from "../../../provider/resources/rules";
import { instance } from "../../../provider/resources/instance/instance";
import { database, databaseDefinition, declarePrincipal, resetDeclaredDbObjects, sameEncoding } from "../../../provider/resources/database/database";
import { addHosts, checked, createInstance, instanceArgs, PROVIDER, requestCount, SETUP_SCALE, startProviderEmulator, TEST_SCALE } from "../instance-fixtures";
import { stderrOf } from "../../helpers/stderr";

let emu: TestEmulator;
/** The instance every test uses (created once; the tests use distinct database names). */
let INST: string;
/** A database password the emulator's 4.4.4 accepts. */
const DB_PASSWORD = "Gauss@2345x";

/** Creates a user (4.4.4) or role (4.4.16) on an instance through the API. */
async function principal(instanceId: string, name: string, kind: "db-user" | "db-role" = "db-user") {
  const r = await emu.api("POST", `/gaussdb/v3/instances/${instanceId}/${kind}`, { name, password: DB_PASSWORD });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

/** Creates a database through the API (4.4.1), out of band. */
async function apiDatabase(instanceId: string, body: Record<string, unknown>) {
  const r = await emu.api("POST", `/gaussdb/v3/instances/${instanceId}/database`, body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

/** The databases the platform lists (4.4.12). */
async function listed(instanceId: string): Promise<{ name: string; owner: string; character_set: string }[]> {
  return (await emu.api("GET", `/gaussdb/v3/instances/${instanceId}/databases?limit=100`)).body.databases;
}

/** The emulator's record of a database, for out-of-band changes the API cannot make (SQL on the instance). */
function record(instanceId: string, name: string): { owner: string; character_set: string } {
  const r = Object.values(emu.ctx.state.data.dbDatabases).find((d) => d.instance_id === instanceId && d.name === name);
  if (!r) throw new Error(`no database ${name}`);
  return r;
}

/** Runs `fn` and returns what it wrote to stderr (warnings and notes go there without an engine). */

const args = (extra: Record<string, unknown> = {}) => ({ instanceId: INST, name: "orders", owner: "app", ...extra });

beforeAll(async () => {
  emu = await startProviderEmulator();
  INST = (await createInstance(emu, instanceArgs("single", await addHosts(emu, 1)))).id;
  await principal(INST, "app");
  await principal(INST, "readers", "db-role");
});
afterAll(async () => emu?.close());
beforeEach(() => {
  resetDeclaredDbObjects();
  resetWarnings();
  resetLiveLookups();
});

describe("check: every rule of reference 4.4.1, refused at preview with field, value and fix", () => {
  const refused: [string, Record<string, unknown>, string, RegExp][] = [
    ["name empty", { name: "" }, "name", /name: "" is empty; give 1 to 63 letters, digits or _ \(reference 4.4.1 name\)/],
    ["name of 64 characters", { name: "a".repeat(64) }, "name", /is 64 characters long, more than 63 \(reference 4.4.1 name\); shorten it/],
    ["name with -", { name: "orders-db" }, "name", /"orders-db" may contain only letters, digits and _ \(reference 4.4.1 name\); replace the other characters/],
    ["name with a space", { name: "orders db" }, "name", /may contain only letters, digits and _/],
    ["name with a non-ASCII letter", { name: "bestellungen_ä" }, "name", /may contain only letters, digits and _/],
    ["name with a dot", { name: "a.b" }, "name", /may contain only letters, digits and _/],
    ["name starting with pg", { name: "pgdata" }, "name", /"pgdata" starts with "pg", which reference 4.4.1 name forbids; choose another name/],
    ["name pg", { name: "pg" }, "name", /starts with "pg"/],
    ["name pg_", { name: "pg_orders" }, "name", /starts with "pg"/],
    ["name starting with a digit", { name: "1orders" }, "name", /"1orders" starts with a digit, which reference 4.4.1 name forbids; start with a letter or _/],
    ["name 0", { name: "0" }, "name", /starts with a digit/],
    ["name postgres", { name: "postgres" }, "name", /"postgres" is a GaussDB template database \(reference 4.4.1 name: postgres, template0, template1, templatem\)/],
    ["name template0", { name: "template0" }, "name", /is a GaussDB template database/],
    ["name template1", { name: "template1" }, "name", /is a GaussDB template database/],
    ["name templatem", { name: "templatem" }, "name", /is a GaussDB template database/],
    ["name missing (no Pulumi name to derive it from)", { name: undefined }, "name", /name is required/],
    ["owner empty", { owner: "" }, "owner", /owner: "" is empty; name an existing user \(reference 4.4.1 owner\), or leave it out for "root"/],
    ["owner rdsAdmin", { owner: "rdsAdmin" }, "owner", /"rdsAdmin" is a system user \(reference 4.4.1 owner: rdsAdmin, rdsMetric, rdsBackup, rdsRepl\); choose another owner/],
    ["owner rdsMetric", { owner: "rdsMetric" }, "owner", /is a system user/],
    ["owner rdsBackup", { owner: "rdsBackup" }, "owner", /is a system user/],
    ["owner rdsRepl", { owner: "rdsRepl" }, "owner", /is a system user/],
    ["owner that does not exist", { owner: "nobody" }, "owner", /owner: "nobody" is not a user of instance \w+ \(reference 4.4.1 owner; A.3 DBS.200824\)\. Create the user first: .*owner: user.name/],
    ["template not a template database", { template: "template2" }, "template", /"template2" is not one of postgres, template0, template1, templatem \(reference 4.4.1 template\); use one of them, or leave it out/],
    ["template in another case", { template: "Template0" }, "template", /"Template0" is not spelled as the template database is named \(reference 4.4.1 template\); use "template0"/],
    ["template empty", { template: "" }, "template", /is not one of postgres/],
    ["characterSet empty", { characterSet: "" }, "characterSet", /characterSet: "" is empty; leave it out for the template's encoding/],
    ["lcCollate empty", { lcCollate: "" }, "lcCollate", /lcCollate: "" is empty; leave it out for the default "C"/],
    ["lcCtype empty", { lcCtype: "" }, "lcCtype", /lcCtype: "" is empty; leave it out for the default "C"/],
    ["instanceId empty", { instanceId: "" }, "instanceId", /instanceId: "" is empty; use the id of an instance/],
    ["instanceId missing", { instanceId: undefined }, "instanceId", /instanceId is required/],
    ["instanceId of no instance", { instanceId: "0123456789abcdef0123456789abcdefin14" }, "instanceId", /"0123456789abcdef0123456789abcdefin14" is not an instance of the platform \(A.3 DBS.200002\); use the id of an existing instance/],
    ["adopt not a boolean", { adopt: "yes" }, "adopt", /adopt: "yes" is a string; expected a boolean/],
    ["owner not a string", { owner: 7 }, "owner", /owner: 7 is a number; expected a string/],
  ];
  it.each(refused)("refuses %s", async (_t, override, property, reason) => {
    const r = await database.check({}, { __provider: PROVIDER, ...args(), ...override });
    const f = r.failures?.find((x) => x.property === property);
    expect(f?.reason, JSON.stringify(r.failures)).toMatch(reason);
    expect(f?.reason.startsWith(property)).toBe(true);
  });

  const accepted: [string, Record<string, unknown>][] = [
    ["a name of 1 character", { name: "a" }],
    ["a name of 63 characters", { name: "a".repeat(63) }],
    ["a name starting with _", { name: "_orders" }],
    ["a name of _ only", { name: "_" }],
    ["upper-case letters", { name: "Orders_2024" }],
    ["pg inside the name", { name: "xpg_orders" }],
    ["a name that starts with p", { name: "p1" }],
    ["a template name with more to it", { name: "postgres_copy" }],
    ["template (4.4.1 reserves template0/1/m, not template)", { name: "template" }],
    ["owner root, the default", { owner: undefined }],
    ["a role as owner (4.4.13 lists it)", { owner: "readers" }],
    ["template postgres", { template: "postgres" }],
    ["template template0", { template: "template0" }],
    ["template template1", { template: "template1" }],
    ["template templatem", { template: "templatem" }],
    ["an encoding and locales", { characterSet: "UTF8", lcCollate: "en_US.UTF-8", lcCtype: "en_US.UTF-8" }],
    ["any spelling of an encoding (not stated: no rule)", { characterSet: "utf-8" }],
  ];
  it.each(accepted)("accepts %s", async (_t, override) => {
    await checked(database, { ...args(), ...override });
  });

  it("applies the defaults of reference 4.4.1 (owner root, lc_collate and lc_ctype C)", async () => {
    const inputs = await checked(database, { instanceId: INST, name: "defaults" });
    expect(inputs).toMatchObject({ owner: "root", lcCollate: "C", lcCtype: "C", adopt: false });
    expect(inputs.characterSet).toBeUndefined();
    expect(inputs.template).toBeUndefined();
  });

  const warned: [string, Record<string, unknown>, RegExp][] = [
    ["PG in upper case", { name: "PGdata" }, /name: "PGdata" starts with "PG": reference 4.4.1 name forbids names starting with "pg", and GaussDB folds unquoted names to lower case/],
    ["Pg", { name: "Pg_x" }, /starts with "Pg"/],
    ["a template name in another case", { name: "Postgres" }, /name: "Postgres" differs only in case from "postgres", a GaussDB template database/],
    ["TEMPLATE1", { name: "TEMPLATE1" }, /differs only in case from "template1"/],
    ["a system user in another case", { owner: "RDSADMIN", instanceId: UNKNOWN }, /owner: "RDSADMIN" differs only in case from the system user rdsAdmin \(reference 4.4.1 owner\)/],
  ];
  it.each(warned)("warns about %s (not stated) and goes on", async (_t, override, warning) => {
    let failures: unknown;
    const err = await stderrOf(async () => {
      failures = (await database.check({}, { __provider: PROVIDER, ...args(), ...override })).failures;
    });
    expect(failures ?? []).toEqual([]);
    expect(err).toMatch(warning);
  });

  it("skips values unknown at preview, and looks nothing up for them", async () => {
    await emu.control.clearRequests();
    const r = await database.check({}, { __provider: PROVIDER, instanceId: UNKNOWN, name: UNKNOWN, owner: UNKNOWN, characterSet: UNKNOWN });
    expect(r.failures ?? []).toEqual([]);
    expect(await requestCount(emu, "GET", "/gaussdb/v3.1/instances")).toBe(0);
  });

  it("refuses a FAILED instance (4.4.1 接口约束 异常) and warns about one that is not ACTIVE", async () => {
    const rec = emu.ctx.state.data.instances[INST]!;
    const status = rec.status;
    try {
      rec.status = "FAILED";
      const r = await database.check({}, { __provider: PROVIDER, ...args() });
      expect(r.failures).toEqual([{ property: "instanceId", reason: expect.stringMatching(/instance .* is FAILED, and the platform creates nothing in an abnormal instance \(reference 4.4.1 接口约束\); repair or replace the instance first/) }]);
      rec.status = "REBOOTING";
      let failures: unknown;
      const err = await stderrOf(async () => {
        failures = (await database.check({}, { __provider: PROVIDER, ...args({ name: "while_rebooting" }) })).failures;
      });
      expect(failures ?? []).toEqual([]);
      expect(err).toMatch(/is REBOOTING; the platform refuses database changes while an instance is being created or changed \(reference 4.4.1 接口约束\)/);
    } finally {
      rec.status = status;
    }
  });

  it("an unreachable platform never fails the preview: the live checks are skipped", async () => {
    const cfg: Record<string, string> = { "tpops:endpoint": "http://127.0.0.1:9", "tpops:username": "admin", "tpops:password": "Admin@123" };
    configure({ config: { get: (k) => cfg[k] } });
    try {
      const r = await database.check({}, { __provider: PROVIDER, ...args({ owner: "nobody" }) });
      expect(r.failures ?? []).toEqual([]);
    } finally {
      const back: Record<string, string> = { "tpops:endpoint": emu.url, "tpops:username": "admin", "tpops:password": "Admin@123" };
      configure({ config: { get: (k) => back[k] } });
      resetLiveLookups();
    }
  });
});

describe("check: the owner must exist (reference 4.4.1 owner 必须是已存在的用户)", () => {
  it("accepts an owner that a DbUser or DbRole of the program declares (it does not exist before the up)", async () => {
    expect((await database.check({}, { __provider: PROVIDER, ...args({ owner: "later" }) })).failures?.[0]?.property).toBe("owner");
    declarePrincipal(INST, "later");
    await checked(database, args({ owner: "later" }));
  });

  it("checks it only when a database is to be created: not for an unchanged resource", async () => {
    const olds = await checked(database, args({ name: "owned" }));
    await emu.control.clearRequests();
    const again = await database.check(olds, { __provider: PROVIDER, ...args({ name: "owned" }) });
    expect(again.failures ?? []).toEqual([]);
    expect(await requestCount(emu, "GET", "/gaussdb/v3/instances/{instance_id}/db-users")).toBe(0);
  });

  it("create refuses before sending anything when the preview could not check", async () => {
    const inputs = (await database.check({}, { __provider: PROVIDER, ...args({ instanceId: UNKNOWN, owner: "ghost" }) })).inputs!;
    await expect(database.create({ ...inputs, instanceId: INST })).rejects.toThrow(/nothing was created: owner "ghost" is not a user of instance \w+ \(reference 4.4.1 owner; A.3 DBS.200824\)/);
    expect(await requestCount(emu, "POST", "/gaussdb/v3/instances/{instance_id}/database")).toBe(0);
  });
});

describe("auto-naming (the reference's name rules)", () => {
  it.each([
    ["Orders-DB", /^orders_db_[0-9a-f]{6}$/],
    ["pg-stuff", /^db_pg_stuff_[0-9a-f]{6}$/],
    ["9lives", /^db_9lives_[0-9a-f]{6}$/],
    ["Bestellungen ä", /^bestellungen___[0-9a-f]{6}$/],
    ["x".repeat(80), /^x{56}_[0-9a-f]{6}$/],
  ])("%s", async (prefix, expected) => {
    const inputs = await checked(database, { instanceId: INST, owner: "app", __autoNamePrefix: prefix, __urn: `urn:pulumi:dev::proj::tpops:index:Database::${prefix}` });
    expect(inputs.name).toMatch(expected);
    expect(String(inputs.name).length).toBeLessThanOrEqual(63);
  });

  it("keeps the generated name across checks and previews (it does not depend on the replace-only inputs)", async () => {
    const props = { __autoNamePrefix: "orders", __urn: "urn:pulumi:dev::proj::tpops:index:Database::orders" };
    const first = await checked(database, { instanceId: UNKNOWN, owner: "app", ...props });
    expect(first.name).toMatch(/^orders_[0-9a-f]{6}$/);
    const known = await checked(database, { instanceId: INST, owner: "readers", ...props });
    expect(known.name).toBe(first.name);
    expect(generatedName(databaseDefinition, props, known)).toBe(first.name);
  });
});

describe("diff: every input replaces", () => {
  const olds = { instanceId: "inst-1", name: "ghost_db", owner: "app", characterSet: "UTF8", lcCollate: "C", lcCtype: "C", template: "template0", size: "33 MB", adopt: false };
  const cases: [string, Record<string, unknown>, { changes: boolean; replaces: string[]; deleteBeforeReplace: boolean }][] = [
    ["no change", {}, { changes: false, replaces: [], deleteBeforeReplace: false }],
    ["name", { name: "ghost_2" }, { changes: true, replaces: ["name"], deleteBeforeReplace: true }],
    ["instanceId", { instanceId: "inst-2" }, { changes: true, replaces: ["instanceId"], deleteBeforeReplace: true }],
    ["owner", { owner: "readers" }, { changes: true, replaces: ["owner"], deleteBeforeReplace: true }],
    ["template", { template: "template1" }, { changes: true, replaces: ["template"], deleteBeforeReplace: true }],
    ["characterSet", { characterSet: "LATIN1" }, { changes: true, replaces: ["characterSet"], deleteBeforeReplace: true }],
    ["lcCollate", { lcCollate: "en_US.UTF-8" }, { changes: true, replaces: ["lcCollate"], deleteBeforeReplace: true }],
    ["lcCtype", { lcCtype: "en_US.UTF-8" }, { changes: true, replaces: ["lcCtype"], deleteBeforeReplace: true }],
    ["adopt (state only)", { adopt: true }, { changes: true, replaces: [], deleteBeforeReplace: false }],
    ["an unknown instance id", { instanceId: UNKNOWN }, { changes: true, replaces: ["instanceId"], deleteBeforeReplace: true }],
  ];
  it.each(cases)("%s", async (_t, change, expected) => {
    // The database is not on the platform (a same-name replacement is then allowed: see below).
    expect(await database.diff(`inst-1/databases/ghost_db`, { ...olds, __provider: PROVIDER }, { ...olds, ...change, __provider: PROVIDER })).toEqual(expected);
  });

  it("an input the program leaves out is not compared (characterSet: the template's)", async () => {
    const { characterSet: _c, ...rest } = olds;
    expect((await database.diff("inst-1/databases/ghost_db", olds, rest)).changes).toBe(false);
  });

  it("refuses a same-name replacement while the old database exists, with the way to make the change", async () => {
    const created = await database.create(await checked(database, args({ name: "kept", characterSet: "UTF8" })));
    const id = created.id;
    await expect(database.diff(id, created.outs, { ...created.outs, owner: "readers" })).rejects.toThrow(
      /Database kept: owner "app" → "readers": run ALTER DATABASE "kept" OWNER TO "readers"; as an administrator, then pulumi refresh\. A change of owner replaces the database, but the new one would have the name of the old one, which stays: TPOPS has no API that drops a database \(reference 4.4\)/,
    );
    await expect(database.diff(id, created.outs, { ...created.outs, characterSet: "LATIN1", lcCollate: "en_US.UTF-8" })).rejects.toThrow(
      /characterSet "UTF8" → "LATIN1": fixed when a database is created; lcCollate "C" → "en_US.UTF-8": fixed when a database is created\. .*DROP DATABASE "kept";/,
    );
    // Another name, or another instance: the replacement goes ahead (the old database stays, forgotten).
    expect((await database.diff(id, created.outs, { ...created.outs, name: "kept_v2", owner: "readers" })).replaces.sort()).toEqual(["name", "owner"]);
    expect((await database.diff(id, created.outs, { ...created.outs, instanceId: UNKNOWN })).replaces).toEqual(["instanceId"]);
    // Once dropped by SQL, the replacement can create it again.
    delete emu.ctx.state.data.dbDatabases[Object.keys(emu.ctx.state.data.dbDatabases).find((k) => emu.ctx.state.data.dbDatabases[k]!.name === "kept")!];
    expect((await database.diff(id, created.outs, { ...created.outs, owner: "readers" })).replaces).toEqual(["owner"]);
  });
});

describe("create, read, drift", () => {
  it("creates with every field of 4.4.1, reads it back (4.4.12) and sends only fields the reference defines", async () => {
    await emu.control.clearRequests();
    const created = await database.create(await checked(database, args({ name: "full", template: "template0", characterSet: "UTF8", lcCollate: "C", lcCtype: "C" })));
    expect(created.id).toBe(`${INST}/databases/full`);
    expect(created.outs).toMatchObject({ instanceId: INST, name: "full", owner: "app", template: "template0", characterSet: "UTF8", lcCollate: "C", lcCtype: "C", adopt: false });
    expect(typeof created.outs.size).toBe("string");
    expect((await listed(INST)).find((d) => d.name === "full")).toMatchObject({ owner: "app", character_set: "UTF8" });
    expect((await emu.control.requests()).ignoredFields).toEqual([]);
    const read = await database.read(created.id, { ...created.outs, __provider: PROVIDER });
    expect(read.id).toBe(created.id);
    expect(read.props).toMatchObject(created.outs);
    expect(read.inputs).toMatchObject({ instanceId: INST, name: "full", owner: "app", template: "template0", characterSet: "UTF8" });
  });

  it("read shows an owner changed out of band (SQL ALTER DATABASE … OWNER TO), and the diff says how to settle it", async () => {
    const inputs = await checked(database, args({ name: "drifting" }));
    const created = await database.create(inputs);
    record(INST, "drifting").owner = "readers";
    const read = await database.read(created.id, created.outs);
    expect(read.props.owner).toBe("readers");
    expect(read.inputs?.owner).toBe("readers");
    await expect(database.diff(created.id, read.props, inputs)).rejects.toThrow(/owner "readers" → "app": run ALTER DATABASE "drifting" OWNER TO "app";/);
  });

  it("keeps the program's spelling of an encoding the platform reports in its own, and shows a different encoding", async () => {
    const inputs = await checked(database, args({ name: "spelled", characterSet: "utf-8" }));
    const created = await database.create(inputs);
    record(INST, "spelled").character_set = "UTF8";
    const read = await database.read(created.id, created.outs);
    expect(read.props.characterSet).toBe("utf-8");
    expect((await database.diff(created.id, read.props, inputs)).changes).toBe(false);
    record(INST, "spelled").character_set = "LATIN1";
    const drifted = await database.read(created.id, created.outs);
    expect(drifted.props.characterSet).toBe("LATIN1");
    expect(sameEncoding("UTF-8", "utf8")).toBe(true);
    expect(sameEncoding("UTF8", "LATIN1")).toBe(false);
  });

  it("read drops a database dropped out of band", async () => {
    const created = await database.create(await checked(database, args({ name: "dropped" })));
    const key = Object.keys(emu.ctx.state.data.dbDatabases).find((k) => emu.ctx.state.data.dbDatabases[k]!.name === "dropped")!;
    delete emu.ctx.state.data.dbDatabases[key];
    expect(await database.read(created.id, created.outs)).toEqual({ id: "", props: {} });
  });

  it("read drops a database that went away with its instance", async () => {
    const other = await createInstance(emu, instanceArgs("single", await addHosts(emu, 1)));
    const created = await database.create(await checked(database, { instanceId: other.id, name: "with_instance" }));
    await emu.control.setTimeScale(SETUP_SCALE);
    try {
      await instance.delete(other.id, other.outs);
    } finally {
      await emu.control.setTimeScale(TEST_SCALE);
    }
    expect(await database.read(created.id, created.outs)).toEqual({ id: "", props: {} });
    // Deleting it then is quiet: nothing is left behind.
    expect(await stderrOf(() => database.delete(created.id, created.outs))).toBe("");
  });

  it("is not duplicated when the reply to the create is lost after the platform acted", async () => {
    await emu.control.addFault({ method: "POST", path: "^/gaussdb/v3/instances/[^/]+/database$", status: 503, when: "after", times: 1 });
    try {
      const created = await database.create(await checked(database, args({ name: "lost_reply" })));
      expect(created.outs.name).toBe("lost_reply");
      expect((await listed(INST)).filter((d) => d.name === "lost_reply")).toHaveLength(1);
    } finally {
      await emu.control.clearFaults();
    }
  });

  it("Database.get reads an existing database by id without a state", async () => {
    await apiDatabase(INST, { name: "looked_up", owner: "app" });
    const read = await database.read(`${INST}/databases/looked_up`, {});
    expect(read.props).toMatchObject({ instanceId: INST, name: "looked_up", owner: "app" });
    expect(read.props.template).toBeUndefined();
  });
});

describe("adopt", () => {
  it("without adopt an existing database is refused at preview and at create; with adopt it is taken over", async () => {
    await apiDatabase(INST, { name: "legacy", owner: "app", template: "template0" });
    const r = await database.check({}, { __provider: PROVIDER, ...args({ name: "legacy" }) });
    expect(r.failures).toEqual([{ property: "name", reason: expect.stringMatching(/name: "legacy" is already a database of instance \w+; set adopt: true to take it over, or choose another name/) }]);
    await expect(database.create(r.inputs!)).rejects.toThrow(/a Database with name "legacy" on instance \w+ already exists on the platform .*Set adopt: true/);

    const adopted = await database.create(await checked(database, args({ name: "legacy", template: "template0", adopt: true })));
    expect(adopted.id).toBe(`${INST}/databases/legacy`);
    // template is not reported by 4.4.12: the program's value is kept.
    expect(adopted.outs).toMatchObject({ name: "legacy", owner: "app", adopt: true, template: "template0" });
    expect((await listed(INST)).filter((d) => d.name === "legacy")).toHaveLength(1);
  });

  it("refuses to adopt a database whose fields differ from the program (they cannot change in place)", async () => {
    await apiDatabase(INST, { name: "legacy_root" });
    await expect(database.create(await checked(database, args({ name: "legacy_root", adopt: true })))).rejects.toThrow(
      /cannot adopt Database \w+\/databases\/legacy_root: owner is "root" on the platform but "app" in the program/,
    );
  });

  it("says at preview what adopt will take over", async () => {
    await apiDatabase(INST, { name: "announced", owner: "app" });
    const err = await stderrOf(() => database.check({}, { __provider: PROVIDER, ...args({ name: "announced", adopt: true }) }));
    expect(err).toMatch(/adopt: true takes over the existing Database \w+\/databases\/announced/);
  });

  it("an interrupted create continues with the database made under this resource's own generated name", async () => {
    const props = { __autoNamePrefix: "resumed", __urn: "urn:pulumi:dev::proj::tpops:index:Database::resumed" };
    const inputs = await checked(database, { ...args({ name: undefined }), ...props });
    await apiDatabase(INST, { name: inputs.name, owner: "app" }); // what the interrupted run made
    const again = await checked(database, { ...args({ name: undefined }), ...props });
    expect(again.name).toBe(inputs.name);
    let created: { id: string } | undefined;
    const err = await stderrOf(async () => {
      created = await database.create(again);
    });
    expect(created?.id).toBe(`${INST}/databases/${String(inputs.name)}`);
    expect(err).toMatch(/continuing with Database .* which an interrupted run of this stack created/);
  });
});

describe("delete forgets: the database stays (the reference has no call that drops one)", () => {
  it("warns that it still exists and how to drop it, and deletes nothing", async () => {
    const created = await database.create(await checked(database, args({ name: "forgotten" })));
    await emu.control.clearRequests();
    const err = await stderrOf(() => database.delete(created.id, created.outs));
    expect(err).toMatch(
      /database "forgotten" still exists on instance \w+: TPOPS has no API that drops a database \(reference 4.4\), so deleting this resource only removed it from the stack; its data is untouched\. To drop it, connect to the instance as an administrator and run: DROP DATABASE "forgotten";/,
    );
    expect((await listed(INST)).some((d) => d.name === "forgotten")).toBe(true);
    const calls = (await emu.control.requests()).byRoute.filter((r) => r.method !== "GET" && r.route !== "/v3/auth/mini-token");
    expect(calls).toEqual([]);
  });

  it("a database already gone is deleted quietly", async () => {
    expect(await stderrOf(() => database.delete(`${INST}/databases/never_there`, {}))).toBe("");
  });
});
