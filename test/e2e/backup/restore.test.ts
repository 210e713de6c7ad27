// Backups and restore as code with the real engine. One program: an instance, a manual backup, a second instance
// restored from that backup and a third restored to a point in time inside the restorable period, a policy on the
// restored instance; no-change re-run; a time outside the periods refused at preview with the periods in the
// message; a backup deleted out of band detected and recreated by `up --refresh`; an in-place update; destroy
// leaves no instance and no backup; no password in the state or the output. Then examples/restore-drill: the newest
// backup of an instance another stack runs, restored into a scratch instance and torn down again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import type { PulumiRun, TestProject } from "../../helpers/pulumi";
import { activeInstance, readyHosts } from "../../conformance/instance-fixtures";
import { exampleProject, expectNoIgnoredFields, programProject, SECRETS } from "../helpers";

let emu: TestEmulator;
const outputs: string[] = [];
const ok = (r: PulumiRun) => {
  outputs.push(r.stdout, r.stderr);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return r.stdout + r.stderr;
};

const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import * as tpops from "pulumi-tpops";
const config = new pulumi.Config();
const hosts = config.requireObject<string[]>("hosts");
const common = { osType: "Kylin", cpuSpec: "Intel", arch: "X86", solution: "single", password: "${SECRETS.db}" };
const source = new tpops.Instance("orders", { ...common, manageIps: [hosts[0]] });
const nightly = new tpops.Backup("nightly", { instanceId: source.id, description: "before the drill" });
// A second backup nobody restores from: the out-of-band delete of the drift check.
const weekly = new tpops.Backup("weekly", { instanceId: source.id, backupType: "differential" }, { dependsOn: [nightly] });
const restored = new tpops.Instance("orders-restored", { ...common, manageIps: [hosts[1]], restoreFrom: { sourceInstanceId: source.id, backupId: nightly.backupId } });
// The point: a second after the backup ended (its end time is printed to the second), inside the period that
// starts there; the restore from the backup above takes longer than that second.
const at = config.get("restoreTime") ?? nightly.endTime.apply((t) => new Date(Date.parse(t!) + 1000).toISOString());
const pitr = new tpops.Instance("orders-pitr", { ...common, manageIps: [hosts[2]], restoreFrom: { sourceInstanceId: source.id, restoreTime: at } }, { dependsOn: [restored, weekly] });
new tpops.BackupPolicy("restored-policy", { instanceId: restored.id, keepDays: config.getNumber("keepDays") ?? 7 });
export const ids = { source: source.id, restored: restored.id, pitr: pitr.id, nightly: nightly.backupId, weekly: weekly.backupId };
export const versions = { source: source.engineVersion, restored: restored.engineVersion, pitr: pitr.engineVersion };
export const periods = tpops.getRestoreTimesOutput({ instanceId: source.id }).periods;
`;

interface Ids {
  source: string;
  restored: string;
  pitr: string;
  nightly: string;
  weekly: string;
}

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 0.001 });
});
afterAll(async () => {
  await emu?.close();
  const all = outputs.join("\n");
  for (const pw of [SECRETS.db, SECRETS.root]) expect(all).not.toContain(pw);
});

describe("backups and restores in one program", () => {
  let p: TestProject;
  let ids: Ids;
  beforeAll(async () => {
    p = await programProject("restore-e2e", PROGRAM, emu);
    const hosts = await readyHosts(emu, 3);
    await p.setConfig("hosts", JSON.stringify(hosts));
  });
  afterAll(async () => p?.dispose());

  it("creates the instance, the backups and two restored instances with the source's version", async () => {
    ok(await p.up());
    const out = await p.outputs();
    ids = out.ids as Ids;
    const versions = out.versions as Record<string, string>;
    expect(versions.restored).toBe(versions.source);
    expect(versions.pitr).toBe(versions.source);
    const s = await emu.control.state();
    const byId = new Map(s.instances.map((i: { id: string; status: string }) => [i.id, i.status]));
    expect([byId.get(ids.source), byId.get(ids.restored), byId.get(ids.pitr)]).toEqual(["ACTIVE", "ACTIVE", "ACTIVE"]);
    expect((out.periods as unknown[]).length).toBeGreaterThan(0);
    await expectNoIgnoredFields(emu);
  });

  it("re-runs without changes", async () => {
    const again = ok(await p.up());
    expect(again).not.toMatch(/\d+ (created|updated|replaced|deleted)/);
    ok(await p.preview(["--expect-no-changes"]));
  });

  it("keeps no password in the state", async () => {
    const state = await p.exportState();
    expect(state).not.toContain(SECRETS.db);
    const parsed = JSON.parse(state) as { deployment: { resources: { type: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }[]; pending_operations?: unknown[] } };
    const inst = parsed.deployment.resources.filter((r) => r.type.endsWith("tpops:Instance"));
    expect(inst).toHaveLength(3);
    for (const r of inst) expect(JSON.stringify(r.inputs?.password)).toContain("4dabf18193072939515e22adb298388d");
    expect(parsed.deployment.pending_operations ?? []).toEqual([]);
  });

  it("refuses a point in time outside the restorable periods at preview, listing the periods", async () => {
    await p.setConfig("restoreTime", "2020-01-01T00:00:00Z");
    const changes = async () => (await emu.control.requests()).byRoute.filter((r) => r.method !== "GET" && r.route !== "/v3/auth/mini-token").reduce((n, r) => n + r.count, 0);
    const before = await changes();
    const r = await p.preview();
    outputs.push(r.stdout, r.stderr);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/restoreFrom\.restoreTime: 2020-01-01T00:00:00Z .*outside the restorable periods of instance \w+ \(reference 4\.2\.11\): \d{4}-\d\d-\d\dT[\d:.]+Z – /);
    expect((await changes()) - before).toBe(0); // logins only: nothing was changed
    const rm = await p.run(["config", "rm", "restoreTime"]);
    expect(rm.code, rm.stderr).toBe(0);
  });

  it("detects a backup deleted out of band and up --refresh takes it again", async () => {
    expect((await emu.api("DELETE", `/gaussdb/v3/backups/${ids.weekly}`)).status).toBe(200);
    const drift = await p.preview(["--refresh", "--expect-no-changes"]);
    outputs.push(drift.stdout, drift.stderr);
    expect(drift.code).not.toBe(0);
    const repaired = ok(await p.up(["--refresh"]));
    expect(repaired).toMatch(/1 created/);
    ok(await p.preview(["--refresh", "--expect-no-changes"]));
    const weekly = ((await p.outputs()).ids as Ids).weekly;
    expect(weekly).not.toBe(ids.weekly);
    const diff = (await emu.api("GET", `/gaussdb/v3/instances/${ids.source}/differential-backups?begin_time=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, "+0000"))}`)).body;
    expect(diff.differential_backups.map((b: { id: string }) => b.id)).toContain(weekly);
  });

  it("changes the restored instance's policy in place: it is an ordinary instance", async () => {
    await p.setConfig("keepDays", "14");
    const up = ok(await p.up());
    expect(up).toMatch(/1 updated/);
    expect(up).not.toMatch(/replaced/);
    expect((await emu.api("GET", `/gaussdb/v3/instances/${ids.restored}/backups/policy`)).body.backup_policy.keep_days).toBe(14);
  });

  it("destroy removes the three instances and the backups", async () => {
    ok(await p.destroy());
    const s = await emu.control.state();
    expect(s.instances).toEqual([]);
    const backups = (await emu.api("GET", "/gaussdb/v3.1/backups")).body.backups;
    expect(backups).toEqual([]);
    await expectNoIgnoredFields(emu);
  });
});

describe("examples/restore-drill", () => {
  it("restores the newest backup of another stack's instance into a scratch instance and tears it down", async () => {
    const { id: sourceId } = await activeInstance(emu, "single");
    const [spare] = await readyHosts(emu, 1);
    const p = await exampleProject("restore-drill", emu);
    try {
      await p.setConfig("sourceInstanceId", sourceId);
      await p.setConfig("scratchHosts", JSON.stringify([spare]));
      // A backup that is not there: the program's own refusal, printed once, without a stack trace.
      await p.setConfig("backupId", "nosuchbackupbr14");
      const early = await p.preview();
      outputs.push(early.stdout, early.stderr);
      expect(early.code).not.toBe(0);
      const text = early.stdout + early.stderr;
      // Once in the Diagnostics summary (the progress display shows the row's last message as well).
      const diagnostics = text.slice(text.indexOf("\nDiagnostics:\n"));
      expect(diagnostics.match(/has no completed backup nosuchbackupbr14 to drill with/g)?.length).toBe(1);
      expect(text).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m);
      expect(text).not.toContain("error serializing");
      expect((await p.run(["config", "rm", "backupId"])).code).toBe(0);
      const b = await emu.api("POST", "/gaussdb/v3/backups", { instance_id: sourceId, name: "nightly-2026-12-01" });
      expect(b.status).toBe(202);
      expect((await emu.waitJob(b.body.job_id)).status).toBe("Completed");
      const up = ok(await p.up());
      expect(up).toMatch(/2 created/); // the stack and the scratch instance (the source is only read)
      const out = await p.outputs();
      expect(out.restored).toMatchObject({ backupId: b.body.backup.id, name: "nightly-2026-12-01" });
      expect(out.scratchInstance).toMatchObject({ status: "ACTIVE" });
      ok(await p.preview(["--expect-no-changes"]));
      ok(await p.destroy());
      const left = (await emu.control.state()).instances.map((i: { id: string }) => i.id);
      expect(left).toEqual([sourceId]); // the production instance is untouched
      await expectNoIgnoredFields(emu);
    } finally {
      await p.dispose();
    }
  }, 240_000);
});
