// Backup and Instance.restoreFrom provider methods and the recovery lookups against the emulator over real HTTP:
// the 4.2.7 rules at preview, create/read/drift/delete of full and differential backups, an interrupted create taken
// up again, a failed backup replaced; restores from a backup and to a point in time, with the preview refusals of
// 4.2.9/4.2.11/4.2.15; the lookups' answers and their one-line refusals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEmulator } from "../../helpers/emulator";
import { backup } from "../../../provider/resources/backup/backup";
import { instance, planChanges } from "../../../provider/resources/instance/instance";
import { resetLiveLookups } from "../../../provider/resources/live";
import { lookup } from "../../../provider/functions";
import { addHosts, checked, createInstance, instanceArgs, PROVIDER, SETUP_SCALE, TEST_SCALE } from "../instance-fixtures";

let emu: TestEmulator;
let SOURCE: string;
let SOURCE_VERSION: string;

const failuresOf = async (p: typeof backup, news: Record<string, unknown>, olds: Record<string, unknown> = {}) => (await p.check(olds, { __provider: PROVIDER, ...news })).failures ?? [];
const reasons = (f: { reason: string }[]) => f.map((x) => x.reason).join(" | ");
const fast = async <T>(fn: () => Promise<T>): Promise<T> => {
  await emu.control.setTimeScale(SETUP_SCALE);
  try {
    return await fn();
  } finally {
    await emu.control.setTimeScale(TEST_SCALE);
  }
};
const listed = async (id: string) => (await emu.api("GET", `/gaussdb/v3.1/backups?backup_id=${id}`)).body.backups as { id: string; status: string }[];

beforeAll(async () => {
  const { startProviderEmulator } = await import("../instance-fixtures");
  emu = await startProviderEmulator();
  const made = await createInstance(emu, instanceArgs("single", await addHosts(emu, 1)));
  SOURCE = made.id;
  SOURCE_VERSION = String(made.outs.engineVersion);
});
afterAll(async () => emu?.close());

describe("Backup: inputs at preview (reference 4.2.7)", () => {
  it.each([
    ["abc", "4 to 64"],
    ["a".repeat(65), "4 to 64"],
    ["1abc", "start with a letter"],
    ["ab c", "start with a letter"],
    ["ab.c", "start with a letter"],
  ])("name %j is refused", async (name, why) => {
    expect(reasons(await failuresOf(backup, { instanceId: SOURCE, name }))).toContain(why);
  });
  it("names of 4 and 64 characters with - and _ pass; a missing name is generated from the Pulumi name", async () => {
    await checked(backup, { instanceId: SOURCE, name: "ab-_" });
    await checked(backup, { instanceId: SOURCE, name: `A${"b".repeat(63)}` });
    const inputs = await checked(backup, { instanceId: SOURCE, __autoNamePrefix: "9nightly", __urn: "urn:pulumi:s::p::pulumi-nodejs:dynamic:Resource::9nightly" });
    expect(inputs.name).toMatch(/^b-9nightly-[0-9a-f]{6}$/);
    const again = await checked(backup, { instanceId: SOURCE, __autoNamePrefix: "9nightly", __urn: "urn:pulumi:s::p::pulumi-nodejs:dynamic:Resource::9nightly" });
    expect(again.name).toBe(inputs.name);
  });
  it("descriptions: forbidden characters and more than 256 characters are refused; 256 pass", async () => {
    for (const c of [">", "!", "<", '"', "&", "'", "="]) expect(reasons(await failuresOf(backup, { instanceId: SOURCE, name: "nightly", description: `a${c}b` }))).toContain("cannot hold");
    expect(reasons(await failuresOf(backup, { instanceId: SOURCE, name: "nightly", description: "x".repeat(257) }))).toContain("longer than 256");
    await checked(backup, { instanceId: SOURCE, name: "nightly", description: "é".repeat(256) });
  });
  it("backupType: the three types in any case; another is refused; log on an instance before 3.301 is refused at preview", async () => {
    expect((await checked(backup, { instanceId: SOURCE, name: "nightly", backupType: "Differential" })).backupType).toBe("differential");
    expect(reasons(await failuresOf(backup, { instanceId: SOURCE, name: "nightly", backupType: "incremental" }))).toContain("is not one of completed, differential, log");
    resetLiveLookups();
    const log = reasons(await failuresOf(backup, { instanceId: SOURCE, name: "nightly", backupType: "log" }));
    if (SOURCE_VERSION.localeCompare("3.301", undefined, { numeric: true }) < 0) expect(log).toContain("3.301 or later");
  });
});

describe("Backup: lifecycle", () => {
  it("creates a full backup (waits for the job), reads it, sees an out-of-band delete, deletes and tolerates already gone", async () => {
    const inputs = await checked(backup, { instanceId: SOURCE, name: "full-one", description: "drill" });
    const { id, outs } = await backup.create(inputs);
    expect(outs).toMatchObject({ backupId: id, name: "full-one", status: "COMPLETED", backupType: "completed", instanceId: SOURCE, description: "drill", engineVersion: SOURCE_VERSION });
    expect(String(outs.beginTime)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(String(outs.endTime)).toMatch(/Z$/);
    const read = await backup.read(id, outs);
    expect(read.id).toBe(id);
    expect(read.props).toMatchObject({ status: "COMPLETED", name: "full-one" });
    // out of band (4.2.8): refresh drops it
    expect((await emu.api("DELETE", `/gaussdb/v3/backups/${id}`)).status).toBe(200);
    expect((await backup.read(id, outs)).id).toBe("");
    await backup.delete(id, outs); // already gone counts as deleted
  });

  it("a differential backup is read through 4.2.12 and deleted", async () => {
    const inputs = await checked(backup, { instanceId: SOURCE, name: "diff-one", backupType: "differential" });
    const { id, outs } = await backup.create(inputs);
    expect(outs).toMatchObject({ status: "COMPLETED", backupType: "differential" });
    expect((await backup.read(id, outs)).props).toMatchObject({ backupId: id, status: "COMPLETED" });
    await backup.delete(id, outs);
    expect((await backup.read(id, outs)).id).toBe("");
  });

  it("a create that finds a backup under its own generated name (an interrupted run) continues with it", async () => {
    const urn = "urn:pulumi:dev::drill::pulumi-nodejs:dynamic:Resource::resumed";
    const inputs = await checked(backup, { instanceId: SOURCE, __autoNamePrefix: "resumed", __urn: urn });
    // The interrupted run's POST reached the platform; its reply was lost with the process.
    const r = await emu.api("POST", "/gaussdb/v3/backups", { instance_id: SOURCE, name: inputs.name });
    expect(r.status).toBe(202);
    const { id, outs } = await backup.create(inputs);
    expect(id).toBe(r.body.backup.id);
    expect(outs.status).toBe("COMPLETED");
    const mine = (await emu.api("GET", `/gaussdb/v3.1/backups?instance_id=${SOURCE}`)).body.backups.filter((b: { name: string }) => b.name === inputs.name);
    expect(mine).toHaveLength(1);
    await backup.delete(id, outs);
  });

  it("a backup whose job fails is a partial create in FAILED; diff replaces it deleting first", async () => {
    await emu.control.nextJob({ name: "CreateGaussDBManualBackup", outcome: "fail", failReason: "disk full" });
    const inputs = await checked(backup, { instanceId: SOURCE, name: "doomed" });
    const err = (await backup.create(inputs).catch((e) => e)) as { id?: string; properties?: Record<string, unknown>; message: string };
    expect(err.id).toBeTruthy();
    expect(err.properties?.status).toBe("FAILED");
    expect(err.message).toContain("Backup");
    const d = await backup.diff(err.id as string, err.properties as Record<string, unknown>, inputs);
    expect(d).toEqual({ changes: true, replaces: ["name"], deleteBeforeReplace: true });
    await backup.delete(err.id as string, err.properties as Record<string, unknown>);
    expect(await listed(err.id as string)).toEqual([]);
  });

  it("every input replaces: diff of a description change", async () => {
    const olds = { instanceId: SOURCE, name: "full-two", backupType: "completed", description: "a", status: "COMPLETED" };
    expect(await backup.diff("x", olds, { ...olds, description: "b" })).toMatchObject({ changes: true, replaces: ["description"] });
  });
});

describe("Instance.restoreFrom (reference 4.11.7)", () => {
  let backupId: string;
  beforeAll(async () => {
    const inputs = await checked(backup, { instanceId: SOURCE, name: "restore-src" });
    backupId = (await fast(() => backup.create(inputs))).id;
  });

  const restoreArgs = async (restoreFrom: Record<string, unknown>, extra: Record<string, unknown> = {}) => instanceArgs("single", await addHosts(emu, 1), { restoreFrom, ...extra });
  const instFailures = async (args: Record<string, unknown>) => {
    resetLiveLookups();
    return reasons((await instance.check({}, { __provider: PROVIDER, ...args })).failures ?? []);
  };

  it("input rules: exactly one of backupId and restoreTime; a time form; not with installSettings or a DBMind engine", async () => {
    expect(await instFailures(await restoreArgs({ sourceInstanceId: SOURCE }))).toContain("exactly one of backupId and restoreTime");
    expect(await instFailures(await restoreArgs({ sourceInstanceId: SOURCE, backupId, restoreTime: "2026-01-01T00:00:00Z" }))).toContain("exactly one");
    expect(await instFailures(await restoreArgs({ sourceInstanceId: SOURCE, restoreTime: "yesterday" }))).toContain("is not a time");
    expect(await instFailures(await restoreArgs({ sourceInstanceId: SOURCE, backupId }, { installSettings: { dirs: { installDir: "/opt/g" } } }))).toContain("installSettings: a restore cannot take");
  });

  it("refused at preview from the platform's data: an unknown backup, another version, a time outside the periods (with the periods)", async () => {
    expect(await instFailures(await restoreArgs({ sourceInstanceId: SOURCE, backupId: "nosuchbackupbr14" }))).toContain("is not a backup of instance");
    expect(await instFailures(await restoreArgs({ sourceInstanceId: SOURCE, backupId }, { engineVersion: "1.0.0" }))).toContain(`a restore keeps the source's version`);
    const outside = await instFailures(await restoreArgs({ sourceInstanceId: SOURCE, restoreTime: "2020-01-01T00:00:00Z" }));
    expect(outside).toContain("is outside the restorable periods");
    expect(outside).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z – /);
    expect(await instFailures(await restoreArgs({ sourceInstanceId: SOURCE, backupId }))).toBe("");
  });

  it("restores from the backup: a new ACTIVE instance with the source's version, sent without datastore or ha", async () => {
    const args = await restoreArgs({ sourceInstanceId: SOURCE, backupId });
    const inputs = await checked(instance, args);
    await emu.control.clearRequests();
    const { id, outs } = await fast(() => instance.create(inputs));
    expect(outs).toMatchObject({ status: "ACTIVE", engineVersion: SOURCE_VERSION, restoreFrom: { sourceInstanceId: SOURCE, backupId } });
    const req = await emu.control.requests();
    expect(req.byRoute.filter((r) => r.method === "POST" && r.route === "/gaussdb/v3/instances").map((r) => r.status)).toEqual([202]);
    expect(req.ignoredFields).toEqual([]);
    // after the create it is an ordinary instance: dropping restoreFrom changes nothing, another source replaces
    const olds = { ...inputs, ...outs };
    const dropped = { ...inputs } as Record<string, unknown>;
    delete dropped.restoreFrom;
    expect(planChanges(olds, dropped)).toMatchObject({ replaces: [], steps: [] });
    expect(planChanges(olds, { ...inputs, restoreFrom: { sourceInstanceId: SOURCE, backupId: "other" } }).replaces).toEqual(["restoreFrom"]);
    await fast(() => instance.delete(id, outs));
  });

  it("restores to a point in time inside a restorable period", async () => {
    const periods = (await lookup("getRestoreTimes", { instanceId: SOURCE })) as { periods: { startMs: number; endMs: number }[] };
    expect(periods.periods.length).toBeGreaterThan(0);
    const p = periods.periods[periods.periods.length - 1]!;
    const at = new Date(Math.floor((p.startMs + p.endMs) / 2)).toISOString();
    const inputs = await checked(instance, await restoreArgs({ sourceInstanceId: SOURCE, restoreTime: at }));
    const { id, outs } = await fast(() => instance.create(inputs));
    expect(outs).toMatchObject({ status: "ACTIVE", engineVersion: SOURCE_VERSION });
    await fast(() => instance.delete(id, outs));
  });
});

describe("lookups", () => {
  it("getBackups lists newest first with ISO times; getBackupSource gives the source's version", async () => {
    const r = (await lookup("getBackups", { instanceId: SOURCE })) as { backups: { id: string; beginTime: string; status: string }[] };
    expect(r.backups.length).toBeGreaterThan(0);
    const times = r.backups.map((b) => Date.parse(b.beginTime));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const src = (await lookup("getBackupSource", { instanceId: SOURCE, backupId: r.backups[0]!.id })) as { engineVersion: string; solution: string };
    expect(src).toMatchObject({ engineVersion: SOURCE_VERSION, solution: "single" });
  });
  it("refusals are one line naming the lookup and the argument", async () => {
    await expect(lookup("getBackups", { beginTime: "2026-01-01T00:00:00Z" })).rejects.toThrow(/^getBackups: endTime: is missing; beginTime and endTime go together/);
    await expect(lookup("getRestoreTimes", { instanceId: SOURCE, date: "2026-13-01" })).rejects.toThrow(/^getRestoreTimes: date: "2026-13-01" is not a calendar date/);
    await expect(lookup("getRestoreTimes", {})).rejects.toThrow(/^getRestoreTimes: instanceId is required$/);
    await expect(lookup("getBackupSource", { instanceId: SOURCE })).rejects.toThrow(/^getBackupSource: backupId, restoreTime: neither given/);
    await expect(lookup("getRestoreTimes", { instanceId: "nosuchinstancein14" })).rejects.toThrow(/^getRestoreTimes: GET \/gaussdb\/v3\/instances\/nosuchinstancein14\/restore-time/);
    await expect(lookup("getNothing", {})).rejects.toThrow(/no such lookup/);
  });
  it("getDifferentialBackups and getRestorableInstances answer", async () => {
    const d = (await lookup("getDifferentialBackups", { instanceId: SOURCE, beginTime: new Date(Date.now() - 3_600_000).toISOString() })) as { backups: unknown[] };
    expect(Array.isArray(d.backups)).toBe(true);
    const r = (await lookup("getRestorableInstances", { sourceInstanceId: SOURCE, backupId: (((await lookup("getBackups", { instanceId: SOURCE })) as { backups: { id: string }[] }).backups[0]!).id })) as { instances: { id: string }[] };
    expect(Array.isArray(r.instances)).toBe(true);
  });
});
