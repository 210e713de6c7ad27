// Operations as code with the real engine, on examples/ops-as-code (issue 17): on one instance a SQL_TYPE
// throttling task with keywords and a SESSION one, a SQL patch, a weekly inspection task with its scene, WDR
// snapshots on, intelligent O&M enrolment and labels; a no-change re-run; out-of-band changes (the patch
// disabled, a label edited, WDR switched off) seen by `preview --refresh --expect-no-changes` and repaired by
// `up --refresh`; the patch toggled off in place; destroy in dependency order (the task before its scene) leaving
// nothing the API can remove, and saying what it cannot; no secret in the state; only fields the reference defines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import type { PulumiRun, TestProject } from "../../helpers/pulumi";
import { activeInstance } from "../../conformance/instance-fixtures";
import { exampleProject, expectNoIgnoredFields, SECRETS } from "../helpers";

let emu: TestEmulator;
let p: TestProject;
let instanceId: string;
let dbAssistId: string;
let nodeId: string;
const SQL_ID = "3721967462";
const requestLog: string[] = [];
const outputs: string[] = [];

const ok = (r: PulumiRun) => {
  outputs.push(r.stdout, r.stderr);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return r.stdout + r.stderr;
};
/** `yyyy-mm-ddThh:mm:ssZ`, the form 4.7.1 takes. */
const at = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

const api = async (method: string, path: string, body?: unknown) => {
  const r = await emu.api(method, path, body);
  expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
  return r.body;
};

/** What the platform shows for the instance: everything the example manages, through the API. */
async function live() {
  const tasks = (await api("GET", `/gaussdb/v3/instances/${instanceId}/limit-task-list?limit=100`)).limit_task_list as Record<string, any>[];
  const patchR = await emu.api("GET", `/gaussdb/v3/instances/${instanceId}/sql-patch?node_id=${nodeId}&sql_id=${SQL_ID}`);
  const inspections = (await api("GET", "/gaussdb/v3/inspections?limit=100")).inspections as Record<string, any>[];
  const scenes = ((await api("GET", "/gaussdb/v3/inspections/scenes")).scenes as Record<string, any>[]).filter((s) => !s.is_default);
  const wdr = await api("GET", `/gaussdb/v3/instances/${instanceId}/wdr-snapshot/status`);
  const managed = (await api("GET", `/v3/db-assist/manageable-instances?db_assist_id=${dbAssistId}&manage_type=ENABLED`)).managed_instances as { id: string }[];
  const labels: Record<string, string | null> = {};
  for (const key of ["team", "on-call", "tier"]) labels[key] = (await api("GET", `/gaussdb/v3/instances/${instanceId}/extend-info?key=${key}`)).value;
  return {
    tasks,
    patch: patchR.status === 200 ? (patchR.body as { patch_name: string; hint: string; patch_status: string }) : undefined,
    inspections,
    scenes,
    wdr: wdr.status as string,
    enrolled: managed.some((m) => m.id === instanceId),
    labels,
  };
}

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 0.001, log: (line) => requestLog.push(line) });
  ({ id: instanceId } = await activeInstance(emu, "single"));
  ({ id: dbAssistId } = await activeInstance(emu, "single", { datastore: { type: "gaussdbv5-dbmind", version: "3.200.0" } }));
  nodeId = (await api("GET", `/gaussdb/v3.1/instances?id=${instanceId}`)).instances[0].nodes[0].id;
  p = await exampleProject("ops-as-code", emu);
  await p.setConfig("instanceId", instanceId);
  await p.setConfig("dbAssistId", dbAssistId);
  await p.setConfig("slowSqlId", SQL_ID);
  await p.setConfig("reportThrottleStart", at(Date.now() + 60 * 60_000));
  await p.setConfig("reportThrottleEnd", at(Date.now() + 30 * 24 * 60 * 60_000));
}, 120_000);
afterAll(async () => {
  await p?.dispose();
  await emu?.close();
});

describe("ops-as-code example", () => {
  it("up: both throttling tasks, the patch, the weekly inspection and its scene, WDR on, the enrolment and the labels", async () => {
    ok(await p.up());
    const l = await live();
    const sqlType = l.tasks.find((t) => t.limit_type === "SQL_TYPE");
    expect(sqlType).toMatchObject({ task_scope: "SQL", limit_type_value: "select", parallel_size: 4 });
    expect(JSON.stringify(sqlType)).toMatch(/orders_report/);
    const session = l.tasks.find((t) => t.limit_type === "SESSION_ACTIVE_MAX_COUNT");
    expect(session).toMatchObject({ task_scope: "SESSION", parallel_size: 50 });
    expect(l.tasks).toHaveLength(2);
    expect(l.patch).toMatchObject({ hint: "indexscan(orders)", patch_status: "enabled" });
    expect(l.scenes).toHaveLength(1);
    expect(l.scenes[0]!.item_ids).toHaveLength(5);
    expect(l.inspections).toHaveLength(1);
    expect(l.inspections[0]).toMatchObject({ inspection_policy: "periodic", inspection_scope: "weekly", scene: l.scenes[0]!.name });
    const detail = await api("GET", `/gaussdb/v3/inspections/${l.inspections[0]!.id}`);
    expect(JSON.stringify(detail)).toMatch(/"inspection_period":"weekly"/);
    expect(JSON.stringify(detail)).toMatch(/"inspection_day":"?1"?[,}]/);
    expect(l.wdr).toBe("ON");
    expect(l.enrolled).toBe(true);
    expect(l.labels).toEqual({ team: "orders", "on-call": "dba-oncall@example.com", tier: "gold" });
  });

  it("re-runs without changes", async () => {
    const again = ok(await p.up());
    expect(again).not.toMatch(/\d+ (created|updated|replaced|deleted)/);
    ok(await p.preview(["--expect-no-changes"]));
  });

  it("sees the patch disabled, a label edited and WDR switched off out of band, and up --refresh repairs them", async () => {
    const before = await live();
    await api("POST", `/gaussdb/v3/instances/${instanceId}/handle-sql-patch`, { node_id: nodeId, sql_id: SQL_ID, patch_name: before.patch!.patch_name, action: "close" });
    await api("PUT", `/gaussdb/v3/instances/${instanceId}/extend-info`, { key: "team", value: "payments" });
    await api("PUT", `/gaussdb/v3/instances/${instanceId}/wdr-snapshot/status`, { status: "OFF" });
    const drift = await p.preview(["--refresh", "--expect-no-changes", "--diff"]);
    outputs.push(drift.stdout, drift.stderr);
    expect(drift.code, drift.stdout).not.toBe(0);
    expect(drift.stdout).toMatch(/orders-by-customer[\s\S]*enabled/);
    expect(drift.stdout).toMatch(/orders-labels[\s\S]*team/);
    expect(drift.stdout).toMatch(/orders-wdr[\s\S]*enabled/);
    ok(await p.up(["--refresh"]));
    const l = await live();
    expect(l.patch?.patch_status).toBe("enabled");
    expect(l.labels.team).toBe("orders");
    expect(l.wdr).toBe("ON");
    ok(await p.preview(["--refresh", "--expect-no-changes"]));
  });

  it("toggles the patch off in place and changes a label in place", async () => {
    const patchName = (await live()).patch!.patch_name;
    await p.setConfig("patchEnabled", "false");
    await p.setConfig("team", "orders-platform");
    const changed = ok(await p.up());
    expect(changed).toMatch(/~ 2 updated/);
    expect(changed).not.toMatch(/replaced|created/);
    const l = await live();
    expect(l.patch).toMatchObject({ patch_name: patchName, patch_status: "disabled" });
    expect(l.labels.team).toBe("orders-platform");
    ok(await p.preview(["--refresh", "--expect-no-changes"]));
  });

  it("keeps secrets out of the state", async () => {
    const state = await p.exportState();
    expect(state).not.toContain(SECRETS.tpops);
    expect(outputs.join("")).not.toContain(SECRETS.tpops);
  });

  it("destroy removes the tasks (the inspection before its scene), the patch, WDR and the enrolment, and says the labels stay", async () => {
    const from = requestLog.length;
    const destroyed = ok(await p.destroy());
    const l = await live();
    expect(l.tasks).toEqual([]);
    expect(l.patch).toBeUndefined();
    expect(l.inspections).toEqual([]);
    expect(l.scenes).toEqual([]);
    expect(l.wdr).toBe("OFF");
    expect(l.enrolled).toBe(false);
    // reference 4.11.1 sets extension information; no call removes a key: the labels stay, and destroy says so.
    expect(l.labels).toEqual({ team: "orders-platform", "on-call": "dba-oncall@example.com", tier: "gold" });
    expect(destroyed).toMatch(/InstanceLabels \(orders-labels\):[\s\S]*not removed: .*team "orders-platform".* stay on instance/);
    // Dependency order: the task that takes the scene's items is deleted before the scene.
    const calls = requestLog.slice(from);
    const taskDelete = calls.findIndex((line) => / POST \/rds\/gaussdb\/v3\/inspections\/batch-delete /.test(line));
    const sceneDelete = calls.findIndex((line) => / DELETE \/rds\/gaussdb\/v3\/inspections\/scenes/.test(line));
    expect(taskDelete).toBeGreaterThanOrEqual(0);
    expect(sceneDelete).toBeGreaterThan(taskDelete);
    await expectNoIgnoredFields(emu);
  });
});
