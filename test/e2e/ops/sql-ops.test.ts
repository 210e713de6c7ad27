// SQL operations as code with the real engine, on one instance: a SQL_TYPE throttling task with keywords, a SESSION
// one, a SQL patch (and the getSqlTemplates lookup). Up; a no-change re-run; a task deleted and the patch closed out
// of band are drift that `preview --refresh --expect-no-changes` reports and `up --refresh` repairs; the patch toggled
// off in place; a changed task replaced (the old one gone); an expired task read back (kept, expired, warned) and the
// program still previewing although its window is in the past; destroy leaves no task and no patch; no secret in the
// state; only fields the reference defines sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import type { PulumiRun, TestProject } from "../../helpers/pulumi";
import { activeInstance } from "../../conformance/instance-fixtures";
import { expectNoIgnoredFields, programProject, SECRETS } from "../helpers";

let emu: TestEmulator;
let p: TestProject;
let instanceId: string;
let nodeId: string;
const outputs: string[] = [];
const SQL_ID = "2348983611";

const ok = (r: PulumiRun) => {
  outputs.push(r.stdout, r.stderr);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return r.stdout + r.stderr;
};
const at = (min: number) => new Date(Date.now() + min * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");

const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import * as tpops from "pulumi-tpops";
const cfg = new pulumi.Config();
const instanceId = cfg.require("instanceId");
const nodeId = cfg.require("nodeId");
new tpops.SqlThrottlingTask("select-orders", {
  instanceId,
  taskScope: "SQL",
  limitType: "SQL_TYPE",
  limitTypeValue: "select",
  keyWords: ["orders", "customer_id"],
  databases: ["shop"],
  parallelSize: Number(cfg.get("selectParallel") ?? "10"),
  startTime: cfg.require("start"),
  endTime: cfg.require("end"),
});
new tpops.SqlThrottlingTask("busy-sessions", {
  instanceId,
  taskScope: "SESSION",
  limitType: "SESSION_ACTIVE_MAX_COUNT",
  limitTypeValue: "CPU_OR_MEMORY",
  cpuUtilization: 80,
  memoryUtilization: 0,
  parallelSize: 4,
});
const templates = tpops.getSqlTemplatesOutput({ instanceId, nodeId });
const sqlId = templates.apply((t) => t.templates[0]!.sqlId);
const patch = new tpops.SqlPatch("pin-orders-plan", { instanceId, nodeId, sqlId, hint: "indexscan(orders)", enabled: cfg.getBoolean("patchEnabled") ?? true });
export const patchName = patch.name;
export const templateIds = templates.apply((t) => t.templates.map((x) => x.sqlId));
`;

async function live() {
  const s = (await emu.control.state()) as unknown as { sqlLimitTasks: any[]; sqlPatches: any[] };
  return { tasks: s.sqlLimitTasks.filter((t) => t.instance_id === instanceId), patches: s.sqlPatches.filter((x) => x.instance_id === instanceId) };
}

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 0.001 });
  ({ id: instanceId } = await activeInstance(emu, "single"));
  nodeId = (emu.ctx.state.data.instances[instanceId] as any).nodes[0].id;
  // The node ran this statement (what 4.7.4 lists; the emulator runs no SQL).
  const seeded = await fetch(`${emu.origin}/__emulator/sql-templates`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ instance_id: instanceId, node_id: nodeId, sql_id: SQL_ID, sql_model: "select * from orders where customer_id = ?" }),
  });
  expect(seeded.status).toBe(201);
  p = await programProject("sql-ops", PROGRAM, emu);
  await p.setConfig("instanceId", instanceId);
  await p.setConfig("nodeId", nodeId);
  // A window well ahead, so the task's status stays WAIT_EXCUTE for the whole test.
  await p.setConfig("start", at(60));
  await p.setConfig("end", at(180));
}, 120_000);
afterAll(async () => {
  await p?.dispose();
  await emu?.close();
});

describe("SQL throttling and a SQL patch on one instance", () => {
  it("up makes the two tasks and the patch (its SQL id from getSqlTemplates)", async () => {
    ok(await p.up());
    const l = await live();
    expect(l.tasks.map((t) => t.limit_type).sort()).toEqual(["SESSION_ACTIVE_MAX_COUNT", "SQL_TYPE"]);
    const typed = l.tasks.find((t) => t.limit_type === "SQL_TYPE");
    expect(typed).toMatchObject({ limit_type_value: "select", key_words: ["orders", "customer_id"], databases: "shop", parallel_size: 10 });
    expect(typed.task_name).toMatch(/^select_orders_[0-9a-f]{6}$/);
    expect(l.patches).toHaveLength(1);
    expect(l.patches[0]).toMatchObject({ node_id: nodeId, sql_id: SQL_ID, hint: "indexscan(orders)", enabled: true });
    const out = await p.outputs();
    expect(out.templateIds).toEqual([SQL_ID]);
    expect(out.patchName).toBe(l.patches[0].patch_name);
  }, 240_000);

  it("re-runs without changes", async () => {
    const again = ok(await p.up());
    expect(again).not.toMatch(/\d+ (created|updated|replaced|deleted)/);
    ok(await p.preview(["--expect-no-changes"]));
    ok(await p.preview(["--refresh", "--expect-no-changes"]));
  }, 240_000);

  it("a task deleted and the patch closed out of band are drift; up --refresh repairs both", async () => {
    const before = await live();
    const session = before.tasks.find((t) => t.task_scope === "SESSION");
    expect((await emu.api("DELETE", `/gaussdb/v3/instances/${instanceId}/limit-task/${session.id}`)).status).toBe(200);
    const pt = before.patches[0];
    expect((await emu.api("POST", `/gaussdb/v3/instances/${instanceId}/handle-sql-patch`, { node_id: nodeId, sql_id: SQL_ID, patch_name: pt.patch_name, action: "close" })).status).toBe(200);
    const drift = await p.preview(["--refresh", "--expect-no-changes", "--diff"]);
    outputs.push(drift.stdout, drift.stderr);
    expect(drift.code).not.toBe(0);
    expect(drift.stdout).toMatch(/busy-sessions/);
    expect(drift.stdout).toMatch(/enabled/);
    ok(await p.up(["--refresh"]));
    const after = await live();
    expect(after.tasks.filter((t) => t.task_scope === "SESSION")).toHaveLength(1);
    expect(after.tasks.find((t) => t.task_scope === "SESSION").id).not.toBe(session.id);
    expect(after.patches[0].enabled).toBe(true);
    ok(await p.preview(["--refresh", "--expect-no-changes"]));
  }, 240_000);

  it("toggles the patch off in place, and replaces a changed task (the old one deleted)", async () => {
    await p.setConfig("patchEnabled", "false");
    const toggled = ok(await p.up());
    expect(toggled).toMatch(/~ 1 updated/);
    expect(toggled).not.toMatch(/replaced/);
    expect((await live()).patches[0].enabled).toBe(false);

    const old = (await live()).tasks.find((t) => t.limit_type === "SQL_TYPE");
    await p.setConfig("selectParallel", "20");
    const replaced = ok(await p.up());
    expect(replaced).toMatch(/\+-1 replaced/);
    const typed = (await live()).tasks.filter((t) => t.limit_type === "SQL_TYPE");
    expect(typed.map((t) => t.parallel_size)).toEqual([20]);
    expect(typed[0].id).not.toBe(old.id);
    expect(typed[0].task_name).toBe(old.task_name);
  }, 240_000);

  it("an expired task is kept and warned about on refresh, and the program still previews and updates", async () => {
    // Time passes: the window of the SQL_TYPE task is over.
    const rec = (await live()).tasks.find((t) => t.limit_type === "SQL_TYPE");
    const stored = emu.ctx.state.data.sqlLimitTasks[rec.id]!;
    stored.start_time = at(-120);
    stored.end_time = at(-60);
    await p.setConfig("start", stored.start_time);
    await p.setConfig("end", stored.end_time);
    // Not drift: the drift check passes, and says why the task no longer throttles.
    const check = ok(await p.preview(["--refresh", "--expect-no-changes"]));
    expect(check).toMatch(/select-orders[\s\S]*expired: its window ended at .*\(status TIME_OVER\), so it no longer throttles\. It stays on the platform until destroyed and is no drift/);
    const refreshed = ok(await p.run(["refresh", "--yes", "--skip-preview"]));
    expect(refreshed).toMatch(/expired: its window ended at .*so it no longer throttles/);
    const state = JSON.parse(await p.exportState()) as { deployment: { resources: { urn: string; outputs?: Record<string, unknown> }[] } };
    expect(state.deployment.resources.find((r) => r.urn.endsWith("::select-orders"))?.outputs).toMatchObject({ status: "TIME_OVER", expired: true });
    // The window in the past fails no later preview or up: the task was made while it was valid.
    ok(await p.preview(["--refresh", "--expect-no-changes"]));
    expect(ok(await p.up())).not.toMatch(/\d+ (created|updated|replaced|deleted)/);
    expect((await live()).tasks.map((t) => t.id)).toContain(rec.id);
  }, 240_000);

  it("destroy leaves no task and no patch; nothing secret in the state; only documented fields sent", async () => {
    const state = await p.exportState();
    expect(state).not.toContain(SECRETS.tpops);
    ok(await p.destroy());
    const l = await live();
    expect(l.tasks).toEqual([]);
    expect(l.patches).toEqual([]);
    expect(outputs.join("")).not.toContain(SECRETS.tpops);
    await expectNoIgnoredFields(emu);
  }, 240_000);
});
