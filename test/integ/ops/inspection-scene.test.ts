// InspectionScene provider methods against the emulator over real HTTP: check rules (4.10.13), generated names,
// create/read/drift, rename and items in place (4.10.15), delete (4.10.14) with the warning about tasks still showing
// the scene, adopt, an interrupted create, and the lost create reply.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestEmulator } from "../../helpers/emulator";
import { inspectionScene, inspectionSceneDefinition } from "../../../provider/resources/ops/inspection-scene";
import { generatedName } from "../../../provider/resources/framework";
import { resetLiveLookups } from "../../../provider/resources/live";
import { resetWarnings } from "../../../provider/resources/rules";
import { captureStderr, checked, sdkKeys, startWithInstance, thrown, PROVIDER } from "../database/account-fixtures";

let emu: TestEmulator;
let instanceId: string;
const ITEMS = ["ae348ee4-5139-4777-8808-d68791549de3", "ad1b4bf5-7be8-4708-a10e-bee6a89f35fe"];
const S = "/gaussdb/v3/inspections/scenes";
let n = 0;
const fresh = (p = "scene") => `${p}_${++n}_${process.pid % 1000}`;

beforeAll(async () => {
  ({ emu, instanceId } = await startWithInstance());
}, 60_000);
afterAll(async () => emu?.close());
beforeEach(async () => {
  await emu.control.clearFaults();
  resetLiveLookups();
  resetWarnings();
});

/** Messages reach stderr once the engine is found unreachable (asynchronously). */
const settle = () => new Promise((r) => setTimeout(r, 50));
const scenes = async (): Promise<any[]> => (await emu.api("GET", S)).body.scenes;
const live = async (name: string) => (await scenes()).find((s) => s.name === name);

async function create(extra: Record<string, unknown> = {}) {
  const name = (extra.name as string | undefined) ?? fresh();
  const inputs = await checked(inspectionScene, { name, itemIds: ITEMS, ...extra });
  return { name, inputs, ...(await inspectionScene.create(inputs)) };
}

describe("InspectionScene check: reference 4.10.13 at preview", () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["a 3-character name", { name: "abc" }, "name", /is 3 characters; a scene name has 4 to 64 \(reference 4\.10\.13/],
    ["a 65-character name", { name: `a${"b".repeat(64)}` }, "name", /is 65 characters/],
    ["a name starting with a digit", { name: "1scene" }, "name", /must start with a letter \(reference 4\.10\.13 "必须以字母开头"\)/],
    ["a name with a blank", { name: "my scene" }, "name", /may contain only letters, digits, - and _/],
    ["no items", { itemIds: undefined }, "itemIds", /itemIds is required/],
    ["an empty item list", { itemIds: [] }, "itemIds", /is empty; give 1 to 100 inspection item ids \(reference 4\.10\.13/],
    ["101 items", { itemIds: Array(101).fill("x") }, "itemIds", /has more than 100 item ids/],
    ["an empty item id", { itemIds: [""] }, "itemIds.0", /is empty; use an inspection item id/],
  ];
  it.each(cases)("refuses %s", async (_t, extra, property, reason) => {
    const r = await inspectionScene.check({}, { __provider: PROVIDER, name: "scene_ok", itemIds: ITEMS, ...extra });
    const f = r.failures?.find((x) => x.property === property);
    expect(f?.reason, JSON.stringify(r.failures)).toMatch(reason);
    expect(f!.reason.startsWith(property)).toBe(true);
  });

  it("accepts 4 and 64 characters of letters, digits, - and _", async () => {
    await checked(inspectionScene, { name: "abcd", itemIds: ITEMS });
    await checked(inspectionScene, { name: `A-_${"1".repeat(61)}`, itemIds: ITEMS });
  });

  it("refuses (live) a name another scene has, the default one included, unless adopt", async () => {
    const r = await inspectionScene.check({}, { __provider: PROVIDER, name: "Health_Check_x", itemIds: ITEMS });
    expect(r.failures ?? []).toEqual([]);
    const name = fresh("taken");
    expect((await emu.api("POST", S, { name, item_ids: ITEMS })).status).toBe(200);
    const taken = await inspectionScene.check({}, { __provider: PROVIDER, name, itemIds: ITEMS });
    expect(taken.failures?.[0]?.reason).toMatch(/^name: .* is already the name of a scene of the platform .*set adopt: true/);
    await checked(inspectionScene, { name, itemIds: ITEMS, adopt: true });
    // the resource's own name on an update is not "taken"
    await checked(inspectionScene, { name, itemIds: ITEMS }, { name, itemIds: ITEMS });
  });

  it("warns (live) about item ids 4.10.9 does not list, and goes on", async () => {
    const err = captureStderr();
    let text = "";
    try {
      await checked(inspectionScene, { name: "scene_w", itemIds: [...ITEMS, "no-such-item"] });
      await settle();
      text = err.text();
    } finally {
      err.stop();
    }
    expect(text).toMatch(/itemIds: "no-such-item" is not among the inspection items the platform lists \(reference 4\.10\.9\)/);
  });

  it("generates stable names of the rule's characters, a letter first", async () => {
    const a = await checked(inspectionScene, { itemIds: ITEMS, ...sdkKeys("InspectionScene", "weekly scene") });
    const b = await checked(inspectionScene, { itemIds: ITEMS, ...sdkKeys("InspectionScene", "weekly scene") });
    expect(a.name).toMatch(/^weekly-scene-[0-9a-f]{6}$/);
    expect(b.name).toBe(a.name);
    const digit = await checked(inspectionScene, { itemIds: ITEMS, ...sdkKeys("InspectionScene", "9am") });
    expect(digit.name).toMatch(/^s-9am-[0-9a-f]{6}$/);
  });
});

describe("InspectionScene create, read, update, delete", () => {
  it("creates the scene (4.10.13), reads it back by its scene_id, notices drift and a deletion", async () => {
    const { name, id, outs } = await create();
    const l = await live(name);
    expect(id).toBe(l.scene_id);
    expect(outs).toMatchObject({ name, itemIds: ITEMS, isDefault: false, sceneId: l.scene_id });
    // items changed out of band (4.10.15): refresh shows them
    expect((await emu.api("PUT", S, { name, item_ids: [ITEMS[0]], modify_name: name })).status).toBe(200);
    const read = await inspectionScene.read(id, outs);
    expect(read.props.itemIds).toEqual([ITEMS[0]]);
    expect(read.inputs?.itemIds).toEqual([ITEMS[0]]);
    // renamed out of band: found again by its scene_id
    expect((await emu.api("PUT", S, { name, item_ids: ITEMS, modify_name: `${name}_x` })).status).toBe(200);
    expect((await inspectionScene.read(id, outs)).props.name).toBe(`${name}_x`);
    expect((await emu.api("DELETE", S, { names: [`${name}_x`] })).status).toBe(200);
    expect((await inspectionScene.read(id, outs)).id).toBe("");
  });

  it("diff: name and items change in place, nothing replaces", async () => {
    const { name, id, outs } = await create();
    const d = await inspectionScene.diff(id, outs, { name: `${name}_r`, itemIds: [ITEMS[1]] });
    expect(d).toMatchObject({ changes: true, replaces: [] });
    expect(inspectionSceneDefinition.meta.replaceOnChanges.filter((k) => k !== "site")).toEqual([]);
  });

  it("renames and changes the items in place through 4.10.15", async () => {
    const { name, id, outs } = await create();
    const news = await checked(inspectionScene, { name: `${name}_r`, itemIds: [ITEMS[1]] }, outs);
    const r = await inspectionScene.update(id, outs, news);
    expect(r.outs).toMatchObject({ name: `${name}_r`, itemIds: [ITEMS[1]], sceneId: id });
    expect(await live(name)).toBeUndefined();
    expect((await live(`${name}_r`)).item_ids).toEqual([ITEMS[1]]);
  });

  it("deletes the scene (4.10.14); a second delete counts as done", async () => {
    const { name, id, outs } = await create();
    await inspectionScene.delete(id, outs);
    expect(await live(name)).toBeUndefined();
    await inspectionScene.delete(id, outs);
  });

  it("delete warns, by name, about a task that still shows the scene (4.10.1 scene), and deletes it (no refusal is printed)", async () => {
    const { name, id, outs } = await create({ itemIds: ["37b40377-47e6-4392-9748-a567c5d068aa"] });
    const task = fresh("usertask");
    const body = { inspection_name: task, instance_ids: [instanceId], inspection_scope: "daily", inspection_policy: "periodic", inspection_period: "daily", item_ids: ["37b40377-47e6-4392-9748-a567c5d068aa"] };
    expect((await emu.api("POST", "/gaussdb/v3/inspections", body)).status).toBe(201);
    const err = captureStderr();
    let text = "";
    try {
      await inspectionScene.delete(id, { ...outs, __urn: "urn:pulumi:test::x::pulumi-nodejs:dynamic/tpops:InspectionScene::weekly" });
      await settle();
      text = err.text();
    } finally {
      err.stop();
    }
    expect(text).toMatch(new RegExp(`InspectionScene weekly: scene ${name} is deleted while task ${task} \\(.*\\) still uses its items`));
    expect(await live(name)).toBeUndefined();
  });

  it("adopts an existing scene by name and applies the program's items", async () => {
    const name = fresh("adopted");
    expect((await emu.api("POST", S, { name, item_ids: [ITEMS[0]] })).status).toBe(200);
    const inputs = await checked(inspectionScene, { name, itemIds: ITEMS, adopt: true });
    const r = await inspectionScene.create(inputs);
    expect(r.outs).toMatchObject({ name, itemIds: ITEMS });
    expect((await live(name)).item_ids).toEqual(ITEMS);
  });

  it("refuses at create a name another scene has (without adopt), naming the fix", async () => {
    const name = fresh("clash");
    expect((await emu.api("POST", S, { name, item_ids: ITEMS })).status).toBe(200);
    const msg = await thrown(() => inspectionScene.create({ __provider: PROVIDER, name, itemIds: ITEMS }));
    expect(msg).toMatch(/already exists on the platform .*Set adopt: true/);
  });

  it("an interrupted create converges: the scene under the resource's generated name is taken up, not duplicated", async () => {
    const keys = sdkKeys("InspectionScene", `resumed-${n++}`);
    const inputs = await checked(inspectionScene, { itemIds: ITEMS, ...keys });
    const own = generatedName(inspectionSceneDefinition, keys, inputs);
    expect(inputs.name).toBe(own);
    // the killed run's create reached the platform
    expect((await emu.api("POST", S, { name: own, item_ids: [ITEMS[0]] })).status).toBe(200);
    const again = await checked(inspectionScene, { itemIds: ITEMS, ...keys });
    const r = await inspectionScene.create(again);
    expect(r.outs).toMatchObject({ name: own, itemIds: ITEMS });
    expect((await scenes()).filter((s) => s.name === own)).toHaveLength(1);
  });

  it("a lost create reply (the platform acted, the answer was a 502) creates one scene", async () => {
    const name = fresh("lost");
    await emu.control.addFault({ method: "POST", path: `^${S}$`, status: 502, times: 1, when: "after" });
    const inputs = await checked(inspectionScene, { name, itemIds: ITEMS });
    await inspectionScene.create(inputs);
    expect((await scenes()).filter((s) => s.name === name)).toHaveLength(1);
  });
});

describe("getInspectionItems (reference 4.10.9)", () => {
  it("lists every item with its category, the ids a scene and a task take; refuses arguments it does not know", async () => {
    const { lookup } = await import("../../../provider/functions");
    const r = (await lookup("getInspectionItems", {})) as { items: { category: string; id: string; name: string; description?: string }[] };
    const platform = (await emu.api("GET", "/gaussdb/v3/inspections/items")).body.inspections as { name: string; items: { id: string; name: string }[] }[];
    expect(r.items).toEqual(platform.flatMap((c) => c.items.map((i) => expect.objectContaining({ category: c.name, id: i.id, name: i.name }))));
    expect(r.items.map((i) => i.id)).toEqual(expect.arrayContaining(ITEMS));
    // the ids it lists pass a scene's check without the unlisted-item warning
    const err = captureStderr();
    let text = "";
    try {
      await checked(inspectionScene, { name: "scene_all", itemIds: r.items.slice(0, 100).map((i) => i.id) });
      await settle();
      text = err.text();
    } finally {
      err.stop();
    }
    expect(text).not.toMatch(/not among the inspection items/);
    await expect(lookup("getInspectionItems", { category: "x" })).rejects.toThrow(/^getInspectionItems: inputs: unknown property category; remove it$/);
  });
});
