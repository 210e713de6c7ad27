// Daily inspections as code with the real engine: one program on one instance — an InspectionScene and a weekly
// InspectionTask that takes the scene's items (scene: scene.name). Up; a re-run without changes; drift made out of
// band (the task's time through 4.10.6, the scene's items through 4.10.15) is seen by `preview --refresh
// --expect-no-changes` and repaired by `up --refresh`; in-place updates (the task's day of the week replaces, its
// time and the scene's items update in place, the task following its scene); a schedule refused at preview; destroy
// in dependency order (task before scene) leaving nothing behind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import type { PulumiRun, TestProject } from "../../helpers/pulumi";
import { activeInstance } from "../../conformance/instance-fixtures";
import { expectNoIgnoredFields, programProject, SECRETS } from "../helpers";

let emu: TestEmulator;
let p: TestProject;
let instanceId: string;
const outputs: string[] = [];
/** The emulator's request log ("<time> <METHOD> <url> <status> <ms>"), in order. */
const requests: string[] = [];
const A = "ae348ee4-5139-4777-8808-d68791549de3";
const B = "ad1b4bf5-7be8-4708-a10e-bee6a89f35fe";
const C = "c4473978-73b0-43b8-b233-7aceca98507b";

const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import * as tpops from "pulumi-tpops";
const cfg = new pulumi.Config();
const scene = new tpops.InspectionScene("weekly-health", { itemIds: cfg.requireObject<string[]>("items") });
const task = new tpops.InspectionTask("weekly-check", {
  instanceIds: [cfg.require("instanceId")],
  scene: scene.name,
  scope: "weekly",
  policy: "periodic",
  period: "weekly",
  day: cfg.requireNumber("day"),
  time: cfg.require("time"),
});
export const sceneName = scene.name;
export const taskName = task.name;
export const taskItems = task.itemIds;
export const nextRun = task.nextExecuteTime;
`;

const ok = (r: PulumiRun) => {
  outputs.push(r.stdout, r.stderr);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return r.stdout + r.stderr;
};

/** What the platform holds: the emulator's store (the test runs it in process). */
function live() {
  const d = emu.ctx.state.data;
  const tasks = Object.values(d.inspectionTasks).filter((t) => t.inspection_name.startsWith("weekly-check"));
  const scenes = Object.values(d.inspectionScenes).filter((s) => s.name.startsWith("weekly-health"));
  return { tasks, scenes };
}

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 0.001, log: (line) => requests.push(line) });
  ({ id: instanceId } = await activeInstance(emu, "single"));
  p = await programProject("inspections", PROGRAM, emu);
  await p.setConfig("instanceId", instanceId);
  await p.setConfig("items", JSON.stringify([A, B]));
  await p.setConfig("day", "3");
  await p.setConfig("time", "01:00:00");
});
afterAll(async () => {
  await p?.dispose();
  await emu?.close();
});

describe("inspections as code", () => {
  it("creates the scene, then the weekly task with the scene's items", async () => {
    ok(await p.up());
    const { tasks, scenes } = live();
    expect(scenes).toHaveLength(1);
    expect(scenes[0]!.item_ids).toEqual([A, B]);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ inspection_policy: "periodic", inspection_period: "weekly", inspection_scope: "weekly", inspection_day: "3", inspection_time: "01:00:00", item_ids: [A, B], instance_ids: [instanceId] });
    const out = await p.outputs();
    expect(out.sceneName).toBe(scenes[0]!.name);
    expect(out.taskItems).toEqual([A, B]);
    expect(new Date(String(out.nextRun)).getUTCDay()).toBe(3);
    // the platform's list names the task's scene (its items are the scene's)
    const listed = await emu.api("GET", `/gaussdb/v3/inspections?inspection_name=${tasks[0]!.inspection_name}`);
    expect(listed.body.inspections[0].scene).toBe(scenes[0]!.name);
  });

  it("re-runs without changes", async () => {
    const again = ok(await p.up());
    expect(again).not.toMatch(/\d+ (created|updated|replaced|deleted)/);
    ok(await p.preview(["--expect-no-changes"]));
  });

  it("sees drift made out of band and up --refresh repairs it", async () => {
    const [t] = live().tasks;
    const [s] = live().scenes;
    const put = await emu.api("PUT", `/gaussdb/v3/inspections/${t!.id}`, { instance_ids: [instanceId], inspection_period: "weekly", item_ids: [A, B], inspection_time: "04:00:00" });
    expect(put.status).toBe(201);
    const scenePut = await emu.api("PUT", "/gaussdb/v3/inspections/scenes", { name: s!.name, item_ids: [A], modify_name: s!.name });
    expect(scenePut.status).toBe(200);
    const drift = await p.preview(["--refresh", "--expect-no-changes", "--diff"]);
    expect(drift.code).not.toBe(0);
    expect(drift.stdout).toMatch(/time/);
    expect(drift.stdout).toMatch(/itemIds/);
    ok(await p.up(["--refresh"]));
    expect(live().tasks[0]).toMatchObject({ inspection_time: "01:00:00", item_ids: [A, B] });
    expect(live().scenes[0]!.item_ids).toEqual([A, B]);
    ok(await p.preview(["--refresh", "--expect-no-changes"]));
  });

  it("updates in place: the scene's items and the task that follows them, the task's time", async () => {
    const before = live();
    await p.setConfig("items", JSON.stringify([A, B, C]));
    await p.setConfig("time", "02:30:00");
    const up = ok(await p.up());
    expect(up).toMatch(/~ 2 updated/);
    expect(up).not.toMatch(/replaced/);
    const after = live();
    expect(after.scenes[0]!.scene_id).toBe(before.scenes[0]!.scene_id);
    expect(after.tasks.map((t) => t.id)).toEqual(before.tasks.map((t) => t.id));
    expect(after.scenes[0]!.item_ids).toEqual([A, B, C]);
    expect(after.tasks[0]).toMatchObject({ item_ids: [A, B, C], inspection_time: "02:30:00" });
    ok(await p.preview(["--expect-no-changes"]));
  });

  it("a day of the week is a new task (4.10.6 cannot change it): replaced, one task left", async () => {
    const before = live().tasks[0]!;
    await p.setConfig("day", "5");
    const up = ok(await p.up());
    expect(up).toMatch(/\+-1 replaced|1 replaced/);
    const { tasks } = live();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.id).not.toBe(before.id);
    expect(tasks[0]!.inspection_day).toBe("5");
  });

  it("refuses an impossible schedule at preview, naming the field and the rule, and changes nothing", async () => {
    await p.setConfig("day", "9");
    const r = await p.preview();
    outputs.push(r.stdout, r.stderr);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/day: 9 is outside 1–7; a weekly task runs on day 1–7 \(reference 4\.10\.2/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(live().tasks[0]!.inspection_day).toBe("5");
    await p.setConfig("day", "5");
  });

  it("destroys the task before its scene and leaves nothing; no secret in the state or the output", async () => {
    requests.length = 0;
    const destroyed = ok(await p.destroy());
    const taskDelete = requests.findIndex((l) => / POST \/rds\/gaussdb\/v3\/inspections\/batch-delete 201 /.test(l));
    const sceneDelete = requests.findIndex((l) => / DELETE \/rds\/gaussdb\/v3\/inspections\/scenes 200 /.test(l));
    expect(taskDelete, requests.join("\n")).toBeGreaterThanOrEqual(0);
    expect(sceneDelete).toBeGreaterThan(taskDelete);
    expect(live()).toEqual({ tasks: [], scenes: [] });
    // dependency order: the scene's delete found no task still showing it, so it warned about none
    expect(destroyed).not.toMatch(/still uses its items/);
    const state = await p.exportState();
    expect(state).not.toContain(SECRETS.tpops);
    expect(outputs.join("")).not.toContain(SECRETS.tpops);
    await expectNoIgnoredFields(emu);
  });
});
