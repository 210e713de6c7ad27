// SqlPatch provider methods against the emulator over real HTTP: the 4.6.4 hint and name rules at check, the node
// and an existing patch of the SQL id at preview (live), diff (enabled in place, the rest replaces, old first),
// create / read (4.6.5, a GET with a body) / toggle (4.6.6 open/close) / delete (drop), drift, adopt, interrupted creates.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestEmulator } from "../../helpers/emulator";
import { sqlPatch } from "../../../provider/resources/ops/sql-patch";
import { UNKNOWN } from "../../../provider/resources/framework";
import { resetLiveLookups } from "../../../provider/resources/live";
import { resetWarnings } from "../../../provider/resources/rules";
import { checked, sdkKeys, startWithInstance, thrown, PROVIDER } from "../database/account-fixtures";
import { getWithBody } from "../../conformance/ops/sql-fixtures";

let emu: TestEmulator;
let instanceId: string;
let node: string;

beforeAll(async () => {
  ({ emu, instanceId } = await startWithInstance());
  node = (emu.ctx.state.data.instances[instanceId] as any).nodes[0].id;
}, 60_000);
afterAll(async () => emu?.close());
beforeEach(async () => {
  await emu.control.clearFaults();
  resetLiveLookups();
  resetWarnings();
});

let seq = 0;
const sql = () => `${process.pid}${String(++seq).padStart(4, "0")}`;
const keys = (name = `pin-plan-${++seq}`) => sdkKeys("SqlPatch", name);
const args = (over: Record<string, unknown> = {}) => ({ instanceId, nodeId: node, sqlId: sql(), hint: "indexscan(orders)", ...over });
const live = async (sqlId: string) => {
  const r = await getWithBody(emu, `/gaussdb/v3/instances/${instanceId}/sql-patch`, { node_id: node, sql_id: sqlId });
  return r.status === 200 ? r.body : undefined;
};

describe("SqlPatch check: reference 4.6.4 at preview", () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["an empty name", { name: "" }, "name", /is shorter than 1 characters/],
    ["a 64-character name", { name: "p".repeat(64) }, "name", /is longer than 63 characters/],
    ["an empty hint", { hint: "" }, "hint", /is shorter than 1 characters/],
    ["a 1025-character hint", { hint: "h".repeat(1025) }, "hint", /is longer than 1024 characters/],
    ["a hint with a blank", { hint: "indexscan(t1 idx)" }, "hint", /contains a blank, which reference 4\.6\.4 forbids in a hint/],
    ["a hint with ; and !", { hint: "indexscan(t1);!" }, "hint", /contains ;, !, which reference 4\.6\.4 forbids/],
    ["a hint with a line break", { hint: "indexscan(t1)\nrows(t1#10)" }, "hint", /contains a line break/],
    ...["<", ">", "\\", '"', "{", "}", "[", "]", "~", "?"].map((c) => [`a hint with ${c}`, { hint: `rows(t1${c}10)` }, "hint", /which reference 4\.6\.4 forbids/] as [string, Record<string, unknown>, string, RegExp]),
    ["no hint", { hint: undefined }, "hint", /hint is required/],
    ["an empty sqlId", { sqlId: "" }, "sqlId", /is empty/],
    ["no nodeId", { nodeId: undefined }, "nodeId", /nodeId is required/],
    ["enabled not a boolean", { enabled: "yes" }, "enabled", /expected a boolean/],
    ["a node of another instance", { nodeId: "46d996fdda594f58b17fe509061e0893no14" }, "nodeId", /is not a node of instance .* \(reference 4\.6\.4 node_id "仅支持CN\/DN节点 ID"; A\.3 DBS\.216030\)/],
    ["an unknown instance", { instanceId: "nosuchinstancein14" }, "instanceId", /is not an instance of the platform/],
  ];
  it.each(cases)("refuses %s", async (_t, over, property, reason) => {
    const r = await sqlPatch.check({}, { __provider: PROVIDER, ...keys(), ...args(over) });
    const f = r.failures?.find((x) => x.property === property);
    expect(f?.reason, JSON.stringify(r.failures)).toMatch(reason);
    expect(f!.reason.startsWith(property)).toBe(true);
  });

  it("accepts the characters the list does not name, unknown values, and generates a name (enabled defaults to true)", async () => {
    const i = await checked(sqlPatch, { ...keys("Pin-Plan"), ...args({ hint: "leading((t1,t2))rows(t1#'x'=*)" }) });
    expect(i.name).toMatch(/^pin_plan_[0-9a-f]{6}$/);
    expect(i.enabled).toBe(true);
    await checked(sqlPatch, { ...keys(), ...args({ hint: UNKNOWN, nodeId: UNKNOWN }) });
  });

  it("refuses at preview a SQL id that has a patch already, unless adopt", async () => {
    const sqlId = sql();
    expect((await emu.api("POST", `/gaussdb/v3/instances/${instanceId}/sql-patch`, { node_id: node, sql_id: sqlId, patch_name: `by_hand_${sqlId}`, hint: "indexscan(t1)" })).status).toBe(200);
    const r = await sqlPatch.check({}, { __provider: PROVIDER, ...keys(), ...args({ sqlId }) });
    expect(r.failures?.[0]?.reason).toMatch(/^sqlId: node .* already has SQL patch "by_hand_.*", and a node takes one patch per SQL id .*set adopt: true/);
    await checked(sqlPatch, { ...keys(), ...args({ sqlId, adopt: true }) });
  });
});

describe("SqlPatch diff", () => {
  const olds = { instanceId: "i", nodeId: "n", sqlId: "s", name: "p", hint: "indexscan(t1)", enabled: true, status: "enabled" };
  it("enabled changes in place", async () => {
    expect(await sqlPatch.diff("i/sql-patches/n/s", olds, { ...olds, enabled: false })).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
  });
  it.each([["hint", { hint: "indexscan(t2)" }], ["name", { name: "q" }], ["sqlId", { sqlId: "t" }], ["nodeId", { nodeId: "m" }], ["instanceId", { instanceId: "j" }]])("%s replaces, the old patch first", async (k, change) => {
    expect(await sqlPatch.diff("i/sql-patches/n/s", olds, { ...olds, ...change })).toEqual({ changes: true, replaces: [k], deleteBeforeReplace: true });
  });
});

describe("SqlPatch create, read, toggle, delete over HTTP", () => {
  it("creates, reads back without change, closes and opens in place, drops", async () => {
    const inputs = await checked(sqlPatch, { ...keys(), ...args() });
    const { id, outs } = await sqlPatch.create(inputs);
    expect(id).toBe(`${instanceId}/sql-patches/${node}/${inputs.sqlId}`);
    expect(outs).toMatchObject({ name: inputs.name, hint: "indexscan(orders)", enabled: true, status: "enabled" });
    expect(await live(inputs.sqlId as string)).toEqual({ patch_name: inputs.name, hint: "indexscan(orders)", patch_status: "enabled" });
    const read = await sqlPatch.read(id, outs);
    expect(await sqlPatch.diff(id, { ...inputs, ...outs }, { ...inputs, ...read.inputs })).toMatchObject({ changes: false });
    const closed = await sqlPatch.update(id, { ...inputs, ...outs }, { ...inputs, enabled: false });
    expect(closed.outs).toMatchObject({ enabled: false, status: "disabled" });
    expect((await live(inputs.sqlId as string)).patch_status).toBe("disabled");
    const opened = await sqlPatch.update(id, { ...inputs, ...closed.outs }, { ...inputs, enabled: true });
    expect(opened.outs.enabled).toBe(true);
    await sqlPatch.delete(id, opened.outs);
    expect(await live(inputs.sqlId as string)).toBeUndefined();
    // already gone counts as deleted
    await sqlPatch.delete(id, opened.outs);
    expect((await emu.control.requests()).ignoredFields).toEqual([]);
  });

  it("creates a patch disabled; sees a patch closed out of band (drift) and one dropped out of band (gone)", async () => {
    const inputs = await checked(sqlPatch, { ...keys(), ...args({ enabled: false }) });
    const { id, outs } = await sqlPatch.create(inputs);
    expect((await live(inputs.sqlId as string)).patch_status).toBe("disabled");
    const handle = (action: string) => emu.api("POST", `/gaussdb/v3/instances/${instanceId}/handle-sql-patch`, { node_id: node, sql_id: inputs.sqlId, patch_name: inputs.name, action });
    expect((await handle("open")).status).toBe(200);
    const read = await sqlPatch.read(id, outs);
    expect(read.props.enabled).toBe(true);
    expect(await sqlPatch.diff(id, read.props, inputs)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect((await handle("drop")).status).toBe(200);
    expect((await sqlPatch.read(id, outs)).id).toBe("");
    expect((await sqlPatch.read(`nosuchinstancein14/sql-patches/${node}/${inputs.sqlId}`, {})).id).toBe("");
  });

  it("an interrupted create is taken up again (and set to the program's enabled); a lost reply makes one patch", async () => {
    const k = keys("resumed");
    const inputs = await checked(sqlPatch, { ...k, ...args({ enabled: false }) });
    expect((await emu.api("POST", `/gaussdb/v3/instances/${instanceId}/sql-patch`, { node_id: node, sql_id: inputs.sqlId, patch_name: inputs.name, hint: inputs.hint })).status).toBe(200);
    const r = await sqlPatch.create(inputs);
    expect(r.outs).toMatchObject({ name: inputs.name, enabled: false });
    expect((await live(inputs.sqlId as string)).patch_status).toBe("disabled");

    await emu.control.addFault({ method: "POST", path: "^/gaussdb/v3/instances/[^/]+/sql-patch$", status: 502, when: "after", times: 1 });
    const lost = await checked(sqlPatch, { ...keys(), ...args() });
    const made = await sqlPatch.create(lost);
    expect(made.outs.name).toBe(lost.name);
    expect(Object.values(emu.ctx.state.data.sqlPatches).filter((p) => p.sql_id === lost.sqlId)).toHaveLength(1);
  });

  it("adopt takes the live name and sets enabled; a different hint is refused; without adopt the create is refused", async () => {
    const sqlId = sql();
    expect((await emu.api("POST", `/gaussdb/v3/instances/${instanceId}/sql-patch`, { node_id: node, sql_id: sqlId, patch_name: `console_${sqlId}`, hint: "indexscan(t1)" })).status).toBe(200);
    const refusedCreate = await thrown(async () => sqlPatch.create({ ...(await checked(sqlPatch, { ...keys(), ...args({ sqlId, hint: "indexscan(t1)" }) }, { instanceId })), __provider: PROVIDER }));
    expect(refusedCreate).toMatch(/already exists on the platform .*Set adopt: true/);
    const mismatch = await checked(sqlPatch, { ...keys(), ...args({ sqlId, adopt: true, hint: "indexscan(t2)" }) });
    expect(await thrown(async () => sqlPatch.create(mismatch))).toMatch(/cannot adopt SqlPatch .*hint is "indexscan\(t1\)" on the platform but "indexscan\(t2\)" in the program/);
    const adopt = await checked(sqlPatch, { ...keys(), ...args({ sqlId, adopt: true, hint: "indexscan(t1)", enabled: false }) });
    delete (adopt as Record<string, unknown>).name;
    const r = await sqlPatch.create(adopt);
    expect(r.outs).toMatchObject({ name: `console_${sqlId}`, enabled: false });
  });
});
