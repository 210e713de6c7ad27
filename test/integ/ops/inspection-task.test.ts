// InspectionTask provider methods against the emulator over real HTTP: the schedule rules of 4.10.2 at preview,
// live refusals (instances, scene), warnings for what the reference leaves open, create (the id found in 4.10.1),
// read and drift, in-place updates through 4.10.6, `day` replacing, delete (4.10.3), adopt and interrupted creates.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestEmulator } from "../../helpers/emulator";
import { inspectionTask, inspectionTaskDefinition } from "../../../provider/resources/ops/inspection-task";
import { declareScene, resetDeclaredScenes } from "../../../provider/resources/ops/inspection-scene";
import { generatedName, UNKNOWN } from "../../../provider/resources/framework";
import { resetLiveLookups } from "../../../provider/resources/live";
import { resetWarnings } from "../../../provider/resources/rules";
import { captureStderr, checked, sdkKeys, startWithInstance, thrown, PROVIDER } from "../database/account-fixtures";

let emu: TestEmulator;
let instanceId: string;
const ITEMS = ["ae348ee4-5139-4777-8808-d68791549de3", "ad1b4bf5-7be8-4708-a10e-bee6a89f35fe"];
const T = "/gaussdb/v3/inspections";
let n = 0;
const fresh = (p = "task") => `${p}_${++n}_${process.pid % 1000}`;

beforeAll(async () => {
  ({ emu, instanceId } = await startWithInstance());
}, 60_000);
afterAll(async () => emu?.close());
beforeEach(async () => {
  await emu.control.clearFaults();
  resetLiveLookups();
  resetWarnings();
  resetDeclaredScenes();
});

const weekly = () => ({ instanceIds: [instanceId], scope: "weekly", policy: "periodic", period: "weekly", day: 3, time: "01:00:00", itemIds: ITEMS });
const named = async (name: string): Promise<any[]> => (await emu.api("GET", `${T}?limit=100&inspection_name=${name}`)).body.inspections.filter((t: any) => t.inspection_name === name);
const detail = async (id: string) => (await emu.api("GET", `${T}/${id}`)).body;

async function create(extra: Record<string, unknown> = {}) {
  const name = (extra.name as string | undefined) ?? fresh();
  const inputs = await checked(inspectionTask, { ...weekly(), name, ...extra });
  return { name, inputs, ...(await inspectionTask.create(inputs)) };
}

/** Runs `fn` and returns what the provider printed. */
async function printed(fn: () => Promise<unknown>): Promise<string> {
  const err = captureStderr();
  try {
    await fn();
    return err.text();
  } finally {
    err.stop();
  }
}

describe("InspectionTask check: the rules of reference 4.10.2, at preview", () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["a 3-character name", { name: "abc" }, "name", /is 3 characters; a task name has 4 to 64 \(reference 4\.10\.2/],
    ["a name starting with _", { name: "_task" }, "name", /must start with a letter/],
    ["a name with a dot", { name: "task.1" }, "name", /may contain only letters, digits, - and _/],
    ["no instances", { instanceIds: [] }, "instanceIds", /is empty; give 1 to 200 instance ids/],
    ["201 instances", { instanceIds: Array(201).fill("x") }, "instanceIds", /has more than 200/],
    ["an empty instance id", { instanceIds: [""] }, "instanceIds.0", /is empty; use the id of an Instance/],
    ["scope hourly", { scope: "hourly" }, "scope", /is not one of real_time, daily, weekly, monthly \(reference 4\.10\.2 inspection_scope\)/],
    ["scope Weekly", { scope: "Weekly" }, "scope", /is not one of/],
    ["policy once", { policy: "once" }, "policy", /is not one of single, periodic/],
    ["period yearly", { period: "yearly" }, "period", /is not one of fixed, daily, weekly, monthly, later, soon/],
    ["no period", { period: undefined }, "period", /period is required/],
    ["a periodic task with period soon", { period: "soon" }, "period", /is not a period of a periodic task; a periodic task takes fixed or daily or weekly or monthly/],
    ["a single task with period weekly", { policy: "single", day: undefined }, "period", /is not a period of a single task; a single task takes later or soon/],
    ["weekly day 0", { day: 0 }, "day", /is outside 1–7; a weekly task runs on day 1–7 \(reference 4\.10\.2 inspection_day "按周巡检值为1-7/],
    ["weekly day 8", { day: 8 }, "day", /is outside 1–7/],
    ["monthly day 32", { period: "monthly", day: 32 }, "day", /is outside 1–31/],
    ["daily day 1", { period: "daily", day: 1 }, "day", /is not 0; a daily task's day is 0/],
    ["day 2.5", { day: 2.5 }, "day", /is not a whole number/],
    ["neither items nor a scene", { itemIds: undefined }, "itemIds", /is required \(reference 4\.10\.2 item_ids "是"\); give itemIds, or scene/],
    ["101 items", { itemIds: Array(101).fill("x") }, "itemIds", /has more than 100 item ids \(reference 4\.10\.2/],
    ["an empty scene name", { itemIds: undefined, scene: "" }, "scene", /is empty; name an inspection scene or omit it/],
    ["an empty time", { time: "" }, "time", /is empty/],
  ];
  it.each(cases)("refuses %s", async (_t, extra, property, reason) => {
    const r = await inspectionTask.check({}, { __provider: PROVIDER, ...weekly(), name: "task_ok", ...extra });
    const f = r.failures?.find((x) => x.property === property);
    expect(f?.reason, JSON.stringify(r.failures)).toMatch(reason);
    expect(f!.reason.startsWith(property)).toBe(true);
  });

  it.each([
    ["weekly day 1 and 7", [{ day: 1 }, { day: 7 }]],
    ["monthly day 1 and 31", [{ period: "monthly", day: 1 }, { period: "monthly", day: 31 }]],
    ["daily day 0 and none", [{ period: "daily", day: 0 }, { period: "daily", day: undefined }]],
    ["a fixed interval (no day values printed)", [{ period: "fixed", day: 40 }]],
    ["single later and soon", [{ policy: "single", period: "later", day: undefined, scope: "real_time" }, { policy: "single", period: "soon", day: undefined, scope: "real_time" }]],
    ["4.10.2's example time and its description's", [{ time: "2024-01-22T11:00:59+08:00", taskStartTime: "2024-01-22T11:00:59+08:00" }]],
    ["a scene the program declares instead of items", [{ itemIds: undefined, scene: "declared_scene" }]],
  ])("accepts %s", async (_t, variants) => {
    declareScene("declared_scene", undefined);
    for (const extra of variants) await checked(inspectionTask, { ...weekly(), name: "task_ok", ...extra });
  });

  it("refuses (live) an instance the platform does not have, and a scene it does not have that the program does not declare", async () => {
    const r = await inspectionTask.check({}, { __provider: PROVIDER, ...weekly(), instanceIds: [instanceId, "nosuchinstancein14"] });
    expect(r.failures).toEqual([{ property: "instanceIds[1]", reason: expect.stringMatching(/^instanceIds\[1\]: "nosuchinstancein14" is not an instance of the platform \(A\.3 DBS\.200002/) }]);
    const s = await inspectionTask.check({}, { __provider: PROVIDER, ...weekly(), itemIds: undefined, scene: "no_such_scene" });
    expect(s.failures?.[0]?.reason).toMatch(/^scene: "no_such_scene" is not a scene of the platform \(reference 4\.10\.12\) nor an InspectionScene of this program/);
    // unknown values (outputs of resources not created yet) are decided later
    await checked(inspectionTask, { ...weekly(), instanceIds: [UNKNOWN], scene: UNKNOWN, itemIds: undefined });
  });

  it("takes the items of a scene of the platform (4.10.12), normalised into itemIds", async () => {
    const i = await checked(inspectionTask, { ...weekly(), itemIds: undefined, scene: "Health Check" });
    expect(i.itemIds).toHaveLength(11);
  });

  it("warns, without refusing, about what the reference leaves open", async () => {
    const out = await printed(async () => {
      await checked(inspectionTask, { ...weekly(), name: "warn_a", day: undefined });
      await checked(inspectionTask, { ...weekly(), name: "warn_b", policy: "single", period: "later", day: 2 });
      await checked(inspectionTask, { ...weekly(), name: "warn_c", time: "1am" });
      await checked(inspectionTask, { ...weekly(), name: "warn_d", itemIds: ["no-such-item"] });
    });
    expect(out).toMatch(/warn_a: day is not set for a weekly task; the reference does not say which day/);
    expect(out).toMatch(/warn_b: day: 2 has no effect on a single task \(reference 4\.10\.2 inspection_day "巡检策略为周期巡检时候指定"\)/);
    expect(out).toMatch(/warn_c: time: "1am" is neither a time like 01:00:00 nor one like 2024-01-22T11:00:59\+08:00/);
    expect(out).toMatch(/warn_d: itemIds: "no-such-item" is not among the inspection items the platform lists \(reference 4\.10\.9\)/);
  });

  it("warns about a name another task has (the platform allows it), and creates a second task of that name", async () => {
    const { name } = await create();
    const out = await printed(() => checked(inspectionTask, { ...weekly(), name }));
    expect(out).toMatch(/name: ".*" is already the name of task .*; the platform allows two tasks of one name/);
    await create({ name });
    expect(await named(name)).toHaveLength(2);
  });

  it("generates stable names of the rule's characters, a letter first", async () => {
    const a = await checked(inspectionTask, { ...weekly(), ...sdkKeys("InspectionTask", "weekly check") });
    const b = await checked(inspectionTask, { ...weekly(), ...sdkKeys("InspectionTask", "weekly check") });
    expect(a.name).toMatch(/^weekly-check-[0-9a-f]{6}$/);
    expect(b.name).toBe(a.name);
  });
});

describe("InspectionTask create, read, update, delete", () => {
  it("creates the task (4.10.2) and finds its id in 4.10.1; reads it back from 4.10.5 with the list's run state", async () => {
    const { name, id, outs } = await create({ taskStartTime: "2024-01-22T11:00:59+08:00" });
    const [listed] = await named(name);
    expect(id).toBe(listed.id);
    expect(outs).toMatchObject({ name, instanceIds: [instanceId], itemIds: ITEMS, scope: "weekly", policy: "periodic", period: "weekly", day: 3, time: "01:00:00", taskStartTime: "2024-01-22T11:00:59+08:00" });
    expect(outs.status).toBeUndefined();
    expect(outs.nextExecuteTime).toMatch(/^\d{4}-\d{2}-\d{2}T01:00:00\.000Z$/);
    expect(new Date(outs.nextExecuteTime as string).getUTCDay()).toBe(3);
    expect(await detail(id)).toMatchObject({ inspection_day: "3", item_ids: ITEMS });
  });

  it("a single task with period soon runs at once: status and last run time are outputs", async () => {
    const { id, outs } = await create({ policy: "single", period: "soon", scope: "real_time", day: undefined });
    expect(outs.status).toMatch(/^(running|completed)$/);
    expect(outs.lastExecuteTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await new Promise((r) => setTimeout(r, 120));
    expect((await inspectionTask.read(id, outs)).props.status).toBe("completed");
  });

  it("takes the items of its scene at create when itemIds is omitted", async () => {
    const scene = fresh("scene");
    expect((await emu.api("POST", `${T}/scenes`, { name: scene, item_ids: [ITEMS[1]] })).status).toBe(200);
    const { id, outs } = await create({ itemIds: undefined, scene });
    expect(outs).toMatchObject({ itemIds: [ITEMS[1]], scene });
    expect((await detail(id)).item_ids).toEqual([ITEMS[1]]);
    expect((await named(outs.name as string))[0].scene).toBe(scene);
  });

  it("refresh sees a change made out of band (4.10.6) and a deletion (4.10.3)", async () => {
    const { id, outs } = await create();
    const put = await emu.api("PUT", `${T}/${id}`, { instance_ids: [instanceId], inspection_period: "weekly", item_ids: [ITEMS[0]], inspection_time: "02:00:00" });
    expect(put.status).toBe(201);
    const r = await inspectionTask.read(id, outs);
    expect(r.props).toMatchObject({ itemIds: [ITEMS[0]], time: "02:00:00" });
    expect(r.inputs).toMatchObject({ itemIds: [ITEMS[0]], time: "02:00:00", day: 3 });
    expect((await emu.api("POST", `${T}/batch-delete`, { inspection_ids: [id] })).status).toBe(201);
    expect((await inspectionTask.read(id, outs)).id).toBe("");
  });

  it("diff: what 4.10.6 takes changes in place; day replaces (not in 4.10.6)", async () => {
    const { id, outs } = await create();
    for (const change of [{ name: `${outs.name}_r` }, { instanceIds: [instanceId, instanceId] }, { scope: "monthly" }, { period: "monthly" }, { time: "02:00:00" }, { itemIds: [ITEMS[0]] }, { taskStartTime: "2025-01-01T00:00:00+08:00" }]) {
      expect(await inspectionTask.diff(id, outs, { ...weekly(), name: outs.name, ...change }), JSON.stringify(change)).toMatchObject({ changes: true, replaces: [] });
    }
    expect(await inspectionTask.diff(id, outs, { ...weekly(), name: outs.name, day: 5 })).toMatchObject({ changes: true, replaces: ["day"], deleteBeforeReplace: false });
    expect(await inspectionTask.diff(id, outs, { ...weekly(), name: outs.name })).toMatchObject({ changes: false });
  });

  it("updates in place through 4.10.6: name, policy and period, time, items; the day stays", async () => {
    const { name, id, outs } = await create();
    const news = await checked(inspectionTask, { ...weekly(), name: `${name}_r`, period: "monthly", scope: "monthly", time: "03:30:00", itemIds: [ITEMS[1]] }, outs);
    const r = await inspectionTask.update(id, outs, news);
    expect(r.outs).toMatchObject({ name: `${name}_r`, period: "monthly", scope: "monthly", time: "03:30:00", itemIds: [ITEMS[1]], day: 3 });
    expect(await detail(id)).toMatchObject({ inspection_name: `${name}_r`, inspection_period: "monthly", inspection_day: "3" });
  });

  it("a changed day is a new task (create first, then the old one is deleted)", async () => {
    const keys = sdkKeys("InspectionTask", `replaced-${n++}`);
    const a = await checked(inspectionTask, { ...weekly(), ...keys });
    const b = await checked(inspectionTask, { ...weekly(), ...keys, day: 5 });
    // the replacement gets its own name: both exist side by side for a moment
    expect(b.name).not.toBe(a.name);
    expect(generatedName(inspectionTaskDefinition, keys, b)).toBe(b.name);
  });

  it("deletes the task (4.10.3); a second delete counts as done", async () => {
    const { name, id, outs } = await create();
    await inspectionTask.delete(id, outs);
    expect(await named(name)).toEqual([]);
    await inspectionTask.delete(id, outs);
  });

  it("adopts an existing task by name and applies the program's schedule", async () => {
    const name = fresh("adopted");
    const body = { inspection_name: name, instance_ids: [instanceId], inspection_scope: "daily", inspection_policy: "periodic", inspection_period: "daily", item_ids: ITEMS, inspection_day: "3" };
    // a weekly day 3 kept by the platform; the program's weekly task on day 3 is the same day
    expect((await emu.api("POST", T, { ...body, inspection_day: undefined })).status).toBe(201);
    const msg = await thrown(async () => inspectionTask.create(await checked(inspectionTask, { ...weekly(), name, adopt: true })));
    // day cannot change in place: adopt refuses with the fix
    expect(msg).toMatch(/cannot adopt InspectionTask .*day is undefined on the platform but 3 in the program/);
    const r = await inspectionTask.create(await checked(inspectionTask, { ...weekly(), name, adopt: true, day: undefined, period: "daily", scope: "daily", time: "05:00:00" }));
    expect(r.outs).toMatchObject({ name, period: "daily", time: "05:00:00" });
    expect(await named(name)).toHaveLength(1);
  });

  it("an interrupted create converges: the task under the resource's generated name is taken up, not duplicated", async () => {
    const keys = sdkKeys("InspectionTask", `resumed-${n++}`);
    const inputs = await checked(inspectionTask, { ...weekly(), ...keys });
    const own = inputs.name as string;
    const body = { inspection_name: own, instance_ids: [instanceId], inspection_scope: "weekly", inspection_policy: "periodic", inspection_period: "weekly", item_ids: [ITEMS[0]], inspection_day: "3", inspection_time: "01:00:00" };
    expect((await emu.api("POST", T, body)).status).toBe(201);
    const r = await inspectionTask.create(await checked(inspectionTask, { ...weekly(), ...keys }));
    expect(r.outs).toMatchObject({ name: own, itemIds: ITEMS });
    expect(await named(own)).toHaveLength(1);
  });

  it("a lost create reply (the platform acted, the answer was a 502) makes one task", async () => {
    const name = fresh("lost");
    await emu.control.addFault({ method: "POST", path: `^${T}$`, status: 502, times: 1, when: "after" });
    const { id } = await create({ name });
    const all = await named(name);
    expect(all.map((t) => t.id)).toEqual([id]);
  });

  it("a refusal at create names the resource and the field, once, without a stack trace", async () => {
    const inputs = await checked(inspectionTask, { ...weekly(), name: fresh("refused"), __urn: "urn:pulumi:test::x::pulumi-nodejs:dynamic/tpops:InspectionTask::weekly" });
    await emu.control.addFault({ method: "POST", path: `^${T}$`, status: 400, errorCode: "DBS.280001", errorMsg: "inspection_time: invalid", times: 1 });
    const msg = await thrown(() => inspectionTask.create(inputs));
    expect(msg).toMatch(/^InspectionTask weekly: POST \/gaussdb\/v3\/inspections: .*DBS\.280001/);
    expect(msg).not.toMatch(/\n\s+at /);
  });
});
