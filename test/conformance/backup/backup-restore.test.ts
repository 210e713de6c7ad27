// Reference 4.2.9–4.2.12 and the point-in-time rule of 4.11.7 against the emulator over HTTP: every example request
// as printed (masked ids replaced by real ones), every refusal, restore times in and out of the restorable period,
// what a restore copies, backups of deleted instances, an injected backup failure.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { SETUP_TIME_SCALE, TEST_TIME_SCALE, activeInstance, createBody, readyHosts, resetDcs } from "../instance-fixtures";
import type { BackupRecord } from "../../../emulator/routes/instance/instance-model";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await emu.control.reset();
  resetDcs();
});

const refused = (r: { status: number; body: any }, code: string, status = 400) => expect([r.status, r.body?.error_code], JSON.stringify(r.body)).toEqual([status, code]);
const stored = (): Record<string, BackupRecord> => (emu.ctx.state.data.extra as { backups: Record<string, BackupRecord> }).backups;
const autoBackup = (instanceId: string): BackupRecord => Object.values(stored()).find((b) => b.instance_id === instanceId && b.type === "auto")!;
const fast = async <T>(fn: () => Promise<T>): Promise<T> => {
  await emu.control.setTimeScale(SETUP_TIME_SCALE);
  try {
    return await fn();
  } finally {
    await emu.control.setTimeScale(TEST_TIME_SCALE);
  }
};
/** A 4.2.7 backup, waited for; returns the stored record. */
const backup = async (instanceId: string, backupType?: "completed" | "differential", name = "backup"): Promise<BackupRecord> => {
  const r = await emu.api("POST", "/gaussdb/v3/backups", { instance_id: instanceId, name, ...(backupType ? { backup_type: backupType } : {}) });
  expect(r.status, JSON.stringify(r.body)).toBe(202);
  expect((await emu.waitJob(r.body.job_id)).status).toBe("Completed");
  return stored()[r.body.backup.id]!;
};
const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** A 4.11.7 restore body (the examples carry neither datastore nor ha). */
const restoreBody = (ips: string[], point: Record<string, unknown>, solution: "single" | "triset" = "single") => {
  const body = createBody(solution, ips, { restore_point: point });
  delete body.datastore;
  delete body.ha;
  return body;
};
const jobPayload = (jobId: string) => emu.ctx.state.data.jobs[jobId]!.payload as { restore_from: { backup_id: string } };

describe("reference 4.2.9 GET /gaussdb/v3/instance-snapshot", () => {
  it("answers the topology of table 4-36 for a backup (the example's shape: a triset) and for a time", async () => {
    const { id } = await activeInstance(emu, "triset");
    const b = await backup(id);
    const r = await emu.api("GET", `/gaussdb/v3/instance-snapshot?instance_id=${id}&backup_id=${b.id}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      cluster_mode: "Ha",
      instance_mode: "enterprise",
      data_volume_size: "1000",
      solution: "triset",
      node_num: 3,
      coordinator_num: 0,
      sharding_num: 3,
      replica_num: 3,
      engine_version: "3.200.0",
    });
    const t = await emu.api("GET", `/gaussdb/v3/instance-snapshot?instance_id=${id}&restore_time=${Date.now()}`);
    expect([t.status, t.body]).toEqual([200, r.body]);
  });

  it("answers a distributed instance as Combined with its shards and coordinators", async () => {
    const { id } = await activeInstance(emu, "hcs2");
    const r = await emu.api("GET", `/gaussdb/v3/instance-snapshot?instance_id=${id}&backup_id=${autoBackup(id).id}`);
    expect(r.body).toMatchObject({ cluster_mode: "Combined", solution: "hcs2", node_num: 3, coordinator_num: 3, sharding_num: 3, replica_num: 3 });
  });

  it("answers the topology as it was when the backup was taken, not as it is now", async () => {
    const { id } = await activeInstance(emu, "triset");
    const before = autoBackup(id);
    const ips = await readyHosts(emu, 2);
    const change = await emu.api("PUT", `/gaussdb/v3/instances/${id}/solution`, { solution: "pentaset", manage_ip: ips });
    expect(change.status).toBe(202);
    await fast(() => emu.waitJob(change.body.job_id));
    const old = await emu.api("GET", `/gaussdb/v3/instance-snapshot?instance_id=${id}&backup_id=${before.id}`);
    expect(old.body).toMatchObject({ solution: "triset", node_num: 3, replica_num: 3 });
    // a point after the change, before any new full backup, restores from the triset backup
    expect((await emu.api("GET", `/gaussdb/v3/instance-snapshot?instance_id=${id}&restore_time=${Date.now()}`)).body.solution).toBe("triset");
    const after = await backup(id);
    expect((await emu.api("GET", `/gaussdb/v3/instance-snapshot?instance_id=${id}&backup_id=${after.id}`)).body).toMatchObject({ solution: "pentaset", node_num: 5, replica_num: 5 });
  });

  it('takes backup_id when both groups are given ("只有一组会生效", "备份ID不为空时,可以不需要时间戳")', async () => {
    const { id } = await activeInstance(emu, "single");
    const r = await emu.api("GET", `/gaussdb/v3/instance-snapshot?instance_id=${id}&backup_id=${autoBackup(id).id}&restore_time=not-a-time`);
    expect([r.status, r.body.solution]).toEqual([200, "single"]);
  });

  it.each<[string, (id: string, backupId: string) => string, string]>([
    ["no instance_id (\"是\")", (_i, b) => `backup_id=${b}`, "DBS.200001"],
    ["neither group (\"这两组参数必须存在一组\")", (i) => `instance_id=${i}`, "DBS.200001"],
    ["an unknown instance", (_i, b) => `instance_id=${"0".repeat(32)}in14&backup_id=${b}`, "DBS.200002"],
    ["a backup of another instance", (_i, b) => `instance_id=${_i}&backup_id=${"f".repeat(32)}br14`, "DBS.200751"],
    ["a time that is not epoch milliseconds", (i) => `instance_id=${i}&restore_time=2024-01-01`, "DBS.200001"],
    ["a time before the restorable period", (i) => `instance_id=${i}&restore_time=1000`, "DBS.200751"],
    ["a time in the future", (i) => `instance_id=${i}&restore_time=${Date.now() + 3_600_000}`, "DBS.200001"],
  ])("refuses %s", async (_, query, code) => {
    const { id } = await activeInstance(emu, "single");
    refused(await emu.api("GET", `/gaussdb/v3/instance-snapshot?${query(id, autoBackup(id).id)}`), code);
  });
});

describe("reference 4.2.10 GET /gaussdb/v3/restorable-instances", () => {
  it("the example request: ACTIVE instances of the backup's topology, in `instances` and `instance_list`", async () => {
    const src = await activeInstance(emu, "triset");
    const twin = await activeInstance(emu, "triset");
    await activeInstance(emu, "single");
    await activeInstance(emu, "pentaset");
    const b = await backup(src.id);
    const r = await emu.api("GET", `/gaussdb/v3/restorable-instances?source_instance_id=${src.id}&backup_id=${b.id}`);
    expect(r.status).toBe(200);
    expect(r.body.total_count).toBe(2);
    expect(r.body.instance_list).toEqual(r.body.instances);
    expect(r.body.instances.map((i: any) => i.instance_id).sort()).toEqual([src.id, twin.id].sort());
    expect(r.body.instances[0]).toEqual({
      instance_name: "gaussdb-s10d",
      instance_id: twin.id,
      volume_type: "LOCALSSD",
      data_volume_size: 1000,
      version: "3.200.0",
      mode: "Ha",
      instance_mode: "enterprise",
    });
    // by restore_time ("参数为空时,根据restore_time查询"), paged
    const t = await emu.api("GET", `/gaussdb/v3/restorable-instances?source_instance_id=${src.id}&restore_time=${Date.now()}&offset=1&limit=1`);
    expect([t.body.total_count, t.body.instances.length]).toEqual([2, 1]);
  });

  it("leaves out an instance that is not ACTIVE", async () => {
    const src = await activeInstance(emu, "single");
    const other = await activeInstance(emu, "single");
    await emu.control.nextJob({ name: "RestartGaussDBInstance", outcome: "hang" });
    expect((await emu.api("POST", `/gaussdb/v3/instances/${other.id}/restart`)).status).toBe(202);
    const r = await emu.api("GET", `/gaussdb/v3/restorable-instances?source_instance_id=${src.id}&backup_id=${autoBackup(src.id).id}`);
    expect(r.body.instances.map((i: any) => i.instance_id)).toEqual([src.id]);
  });

  it.each<[string, (id: string, b: string) => string, string]>([
    ["no source_instance_id", (_i, b) => `backup_id=${b}`, "DBS.200001"],
    ["neither backup_id nor restore_time (\"必须存在一个\")", (i) => `source_instance_id=${i}`, "DBS.200001"],
    ["a foreign backup", (i) => `source_instance_id=${i}&backup_id=${"f".repeat(32)}br14`, "DBS.200751"],
    ["a time outside the period", (i) => `source_instance_id=${i}&restore_time=1000`, "DBS.200751"],
    ["limit 101", (i, b) => `source_instance_id=${i}&backup_id=${b}&limit=101`, "DBS.280439"],
    ["a negative offset", (i, b) => `source_instance_id=${i}&backup_id=${b}&offset=-1`, "DBS.280001"],
    ["an unknown source", (_i, b) => `source_instance_id=${"0".repeat(32)}in14&backup_id=${b}`, "DBS.200002"],
  ])("refuses %s", async (_, query, code) => {
    const { id } = await activeInstance(emu, "single");
    refused(await emu.api("GET", `/gaussdb/v3/restorable-instances?${query(id, autoBackup(id).id)}`), code);
  });
});

describe("reference 4.2.11 GET …/restore-time", () => {
  it("the example request (date=2022-01-01): no period of a new instance overlaps it; today's does", async () => {
    const { id } = await activeInstance(emu, "single");
    const r = await emu.api("GET", `/gaussdb/v3/instances/${id}/restore-time?date=2022-01-01`);
    expect([r.status, r.body]).toEqual([200, { restore_time: [] }]);
    const before = Date.now();
    const today = await emu.api("GET", `/gaussdb/v3/instances/${id}/restore-time?date=${utcDate(before)}`);
    expect(today.body.restore_time).toHaveLength(1);
    const p = today.body.restore_time[0];
    expect(p.start_time).toBe(autoBackup(id).end_time);
    expect(p.end_time).toBeGreaterThanOrEqual(before);
  });

  it("answers a period spanning days, unclipped, for each date it overlaps; from the end of the earliest kept full backup", async () => {
    const { id } = await activeInstance(emu, "single");
    const start = Date.UTC(2022, 0, 1, 10, 0, 0);
    Object.assign(autoBackup(id), { begin_time: start - 60_000, end_time: start });
    for (const date of ["2022-01-01", "2023-06-15", utcDate(Date.now())]) {
      const r = await emu.api("GET", `/gaussdb/v3/instances/${id}/restore-time?date=${date}`);
      expect(r.body.restore_time, date).toEqual([{ start_time: start, end_time: expect.any(Number) }]);
      expect(r.body.restore_time[0].end_time).toBeGreaterThan(Date.now() - 5_000);
    }
    expect((await emu.api("GET", `/gaussdb/v3/instances/${id}/restore-time?date=2021-12-31`)).body.restore_time).toEqual([]);
    // a differential or failed backup starts no period; the next full backup does once the earliest is gone
    const diff = await backup(id, "differential", "diff-one");
    const full = await backup(id);
    delete stored()[autoBackup(id).id];
    const r = await emu.api("GET", `/gaussdb/v3/instances/${id}/restore-time?date=${utcDate(Date.now())}`);
    expect(r.body.restore_time[0].start_time).toBe(full.end_time);
    expect(full.end_time).toBeGreaterThan(diff.end_time!);
  });

  it.each<[string, string, string]>([
    ["no date (\"是\")", "", "DBS.200001"],
    ["an empty date", "?date=", "DBS.200001"],
    ["2022/01/01", "?date=2022/01/01", "DBS.200001"],
    ["a month 13", "?date=2022-13-01", "DBS.200001"],
    ["February 30", "?date=2022-02-30", "DBS.200001"],
  ])("refuses %s", async (_, query, code) => {
    const { id } = await activeInstance(emu, "single");
    refused(await emu.api("GET", `/gaussdb/v3/instances/${id}/restore-time${query}`), code);
  });

  it("refuses an unknown instance with DBS.200002", async () => {
    refused(await emu.api("GET", `/gaussdb/v3/instances/${"0".repeat(32)}in14/restore-time?date=2022-01-01`), "DBS.200002");
  });
});

describe("reference 4.11.7 point-in-time restore follows 4.2.11", () => {
  it("restores from the latest full backup that ENDED at or before the time (not one that only began)", async () => {
    const src = await activeInstance(emu, "single");
    const first = autoBackup(src.id);
    const second = await backup(src.id);
    expect(second.end_time!).toBeGreaterThan(second.begin_time);
    const ips = await readyHosts(emu, 3);
    const during = await emu.api("POST", "/gaussdb/v3/instances", restoreBody([ips[0]!], { restore_time: String(second.begin_time + 1), instance_id: src.id }));
    expect(during.status, JSON.stringify(during.body)).toBe(202);
    expect(jobPayload(during.body.job_id).restore_from.backup_id).toBe(first.id);
    const after = await emu.api("POST", "/gaussdb/v3/instances", restoreBody([ips[1]!], { restore_time: String(second.end_time), instance_id: src.id, type: "timestamp" }));
    expect(after.status).toBe(202);
    expect(jobPayload(after.body.job_id).restore_from.backup_id).toBe(second.id);
    // inside the period 4.2.11 answers: accepted; before it (the instance existed, no backup had ended): DBS.200751
    const period = (await emu.api("GET", `/gaussdb/v3/instances/${src.id}/restore-time?date=${utcDate(Date.now())}`)).body.restore_time[0];
    refused(await emu.api("POST", "/gaussdb/v3/instances", restoreBody([ips[2]!], { restore_time: String(period.start_time - 1), instance_id: src.id })), "DBS.200751");
    const inside = await emu.api("POST", "/gaussdb/v3/instances", restoreBody([ips[2]!], { restore_time: String(period.start_time), instance_id: src.id }));
    expect(inside.status).toBe(202);
  });

  it("copies the backup's databases into the new instance, whose own 4.2.9 shows its solution and the source's version", async () => {
    const src = await activeInstance(emu, "single", { datastore: { type: "GaussDB", version: "3.103.0" } });
    expect((await emu.api("POST", `/gaussdb/v3/instances/${src.id}/database`, { name: "app_db" })).status).toBe(200);
    const b = await backup(src.id);
    expect((await emu.api("POST", `/gaussdb/v3/instances/${src.id}/database`, { name: "later_db" })).status).toBe(200);
    const ips = await readyHosts(emu, 3);
    const r = await emu.api("POST", "/gaussdb/v3/instances", restoreBody(ips, { backup_id: b.id, instance_id: src.id }, "triset"));
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    await fast(() => emu.waitJob(r.body.job_id));
    const dbs = (await emu.api("GET", `/gaussdb/v3/instances/${r.body.instance_id}/databases`)).body.databases.map((d: any) => d.name);
    expect(dbs).toEqual(["app_db"]);
    const own = autoBackup(r.body.instance_id);
    const snap = await emu.api("GET", `/gaussdb/v3/instance-snapshot?instance_id=${r.body.instance_id}&backup_id=${own.id}`);
    expect(snap.body).toMatchObject({ solution: "triset", node_num: 3, engine_version: "3.103.0" });
    // a table-level restore brings the databases its table list names, renamed by new_db_name
    const one = await readyHosts(emu, 1);
    const t = await emu.api("POST", "/gaussdb/v3/instances", restoreBody(one, {
      backup_id: b.id, instance_id: src.id, restore_source_type: "DATABASE_TABLE", table_list: [{ db_name: "app_db", new_db_name: "app_copy" }],
    }));
    expect(t.status).toBe(202);
    await fast(() => emu.waitJob(t.body.job_id));
    expect((await emu.api("GET", `/gaussdb/v3/instances/${t.body.instance_id}/databases`)).body.databases.map((d: any) => d.name)).toEqual(["app_copy"]);
  });
});

describe("reference 4.2.12 GET …/differential-backups", () => {
  it("the example request as printed (\"differential backups\") is not a path; the table's path lists 4.2.7's differential backups", async () => {
    const { id } = await activeInstance(emu, "single");
    const printed = await emu.api("GET", `/gaussdb/v3/instances/${id}/differential%20backups`);
    expect(printed.status).toBe(404);
    const d = await backup(id, "differential", "testbackup");
    await backup(id);
    const r = await emu.api("GET", `/gaussdb/v3/instances/${id}/differential-backups`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      differential_backups: [{ id: d.id, name: "testbackup", begin_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/), end_time: expect.any(String), status: "COMPLETED", size: 64 }],
      total_count: 1,
    });
  });

  it("defaults to the last day and 10 entries; begin_time/end_time bound the list", async () => {
    const { id } = await activeInstance(emu, "single");
    const now = Date.now();
    for (let i = 0; i < 12; i++) {
      const bid = `${String(i).padStart(32, "d")}br14`;
      stored()[bid] = { ...autoBackup(id), id: bid, name: `diff-${i}`, type: "manual", backup_type: "differential", begin_time: now - i * 3_600_000 * 2, end_time: now - i * 3_600_000 * 2 + 1000, size: 64 };
    }
    const r = await emu.api("GET", `/gaussdb/v3/instances/${id}/differential-backups`);
    // within "前一天的当前时刻" .. now: i = 0..11 are 0..22 hours old
    expect([r.body.total_count, r.body.differential_backups.length, r.body.differential_backups[0].name]).toEqual([12, 10, "diff-0"]);
    const fmt = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+0000");
    const w = await emu.api("GET", `/gaussdb/v3/instances/${id}/differential-backups?begin_time=${encodeURIComponent(fmt(now - 5 * 3_600_000))}&end_time=${encodeURIComponent(fmt(now + 1000))}&offset=1&limit=100`);
    expect([w.body.total_count, w.body.differential_backups.map((b: any) => b.name)]).toEqual([3, ["diff-1", "diff-2"]]);
  });

  it.each<[string, string, string]>([
    ["end_time not after begin_time (\"且大于查询开始时间\")", "begin_time=2022-05-09T16:01:10%2B0800&end_time=2022-05-09T16:01:10%2B0800", "DBS.200001"],
    ["a malformed begin_time", "begin_time=2022-05-09", "DBS.200001"],
    ["an end_time before the default begin", "end_time=2022-05-09T16:04:31%2B0800", "DBS.200001"],
    ["limit 101", "limit=101", "DBS.280439"],
    ["limit 0", "limit=0", "DBS.280439"],
  ])("refuses %s", async (_, query, code) => {
    const { id } = await activeInstance(emu, "single");
    refused(await emu.api("GET", `/gaussdb/v3/instances/${id}/differential-backups?${query}`), code);
  });
});

describe("an injected backup failure (control API jobs/next)", () => {
  it("fails the 4.2.7 job: the backup is FAILED in 4.2.15, the instance ACTIVE, the period unchanged", async () => {
    const { id } = await activeInstance(emu, "single");
    await emu.control.nextJob({ name: "CreateGaussDBManualBackup", outcome: "fail", failReason: "disk full" });
    const r = await emu.api("POST", "/gaussdb/v3/backups", { instance_id: id, name: "backup" });
    const job = await emu.waitJob(r.body.job_id);
    expect([job.status, job.fail_reason]).toEqual(["Failed", "disk full"]);
    const listed = (await emu.api("GET", `/gaussdb/v3.1/backups?instance_id=${id}&backup_id=${r.body.backup.id}`)).body.backups[0];
    expect(listed).toMatchObject({ status: "FAILED", detail_message: expect.any(String) });
    const inst = (await emu.api("GET", `/gaussdb/v3.1/instances?id=${id}`)).body.instances[0];
    expect(inst.status).toBe("ACTIVE");
    const p = (await emu.api("GET", `/gaussdb/v3/instances/${id}/restore-time?date=${utcDate(Date.now())}`)).body.restore_time;
    expect(p[0].start_time).toBe(autoBackup(id).end_time);
    // a restore from the failed backup is refused: it is not a completed backup
    const ips = await readyHosts(emu, 1);
    refused(await emu.api("POST", "/gaussdb/v3/instances", restoreBody(ips, { backup_id: r.body.backup.id, instance_id: id })), "DBS.200751");
  });
});

describe("an injected restore failure", () => {
  it("fails RestoreGaussDBInstance: the new instance is FAILED and holds no copied data", async () => {
    const src = await activeInstance(emu, "single");
    expect((await emu.api("POST", `/gaussdb/v3/instances/${src.id}/database`, { name: "app_db" })).status).toBe(200);
    const b = await backup(src.id);
    await emu.control.nextJob({ name: "RestoreGaussDBInstance", outcome: "fail" });
    const ips = await readyHosts(emu, 1);
    const r = await emu.api("POST", "/gaussdb/v3/instances", restoreBody(ips, { backup_id: b.id, instance_id: src.id }));
    expect((await fast(() => emu.waitJob(r.body.job_id))).status).toBe("Failed");
    expect((await emu.api("GET", `/gaussdb/v3.1/instances?id=${r.body.instance_id}`)).body.instances[0].status).toBe("FAILED");
    expect(Object.values(emu.ctx.state.data.dbDatabases).filter((d) => d.instance_id === r.body.instance_id)).toEqual([]);
  });
});

describe("reference 4.11.5 keep_db_backup / keep_difference_backup: backups of a deleted instance", () => {
  const remove = async (id: string, keep: { keep_db_backup?: number; keep_difference_backup?: number }) => {
    const r = await emu.api("DELETE", `/gaussdb/v3/instances/${id}/management`, { clear_data: true, ...keep });
    expect(r.status).toBe(202);
    expect((await fast(() => emu.waitJob(r.body.job_id))).status).toBe("Completed");
  };

  it("kept full backups stay listed (4.2.15), restorable by backup and by a time before the deletion; kept days expire", async () => {
    const { id } = await activeInstance(emu, "single");
    const full = await backup(id);
    await backup(id, "differential", "diff-one");
    const beforeDelete = Date.now();
    await remove(id, { keep_db_backup: 7, keep_difference_backup: 0 });
    const listed = (await emu.api("GET", `/gaussdb/v3.1/backups?instance_id=${id}`)).body;
    expect(listed.total_count).toBe(2);
    expect((await emu.api("GET", `/gaussdb/v3/instances/${id}/differential-backups`)).body.total_count).toBe(0);
    const periods = (await emu.api("GET", `/gaussdb/v3/instances/${id}/restore-time?date=${utcDate(beforeDelete)}`)).body.restore_time;
    expect(periods).toHaveLength(1);
    expect(periods[0].end_time).toBe(full.source_deleted_at);
    expect((await emu.api("GET", `/gaussdb/v3/instance-snapshot?instance_id=${id}&backup_id=${full.id}`)).body.solution).toBe("single");
    const ips = await readyHosts(emu, 3);
    expect((await emu.api("POST", "/gaussdb/v3/instances", restoreBody([ips[0]!], { backup_id: full.id, instance_id: id }))).status).toBe(202);
    expect((await emu.api("POST", "/gaussdb/v3/instances", restoreBody([ips[1]!], { restore_time: String(beforeDelete), instance_id: id }))).status).toBe(202);
    // the archive ended with the instance
    refused(await emu.api("POST", "/gaussdb/v3/instances", restoreBody([ips[2]!], { restore_time: String(Date.now()), instance_id: id })), "DBS.200751");
    // "保留天数": once over, the backups are gone
    for (const b of Object.values(stored())) if (b.instance_id === id) b.kept_until = Date.now() - 1;
    expect((await emu.api("GET", `/gaussdb/v3.1/backups?instance_id=${id}`)).body.total_count).toBe(0);
    refused(await emu.api("GET", `/gaussdb/v3/instances/${id}/restore-time?date=${utcDate(beforeDelete)}`), "DBS.200002");
  });

  it("keep_difference_backup keeps differential backups; the example's 0 and 0 delete every backup", async () => {
    const a = await activeInstance(emu, "single");
    await backup(a.id, "differential", "diff-one");
    await remove(a.id, { keep_db_backup: 0, keep_difference_backup: 3 });
    expect((await emu.api("GET", `/gaussdb/v3/instances/${a.id}/differential-backups`)).body.total_count).toBe(1);
    expect((await emu.api("GET", `/gaussdb/v3.1/backups?instance_id=${a.id}`)).body.total_count).toBe(0);
    const b = await activeInstance(emu, "single");
    await remove(b.id, { keep_db_backup: 0, keep_difference_backup: 0 });
    expect(Object.values(stored()).filter((x) => x.instance_id === b.id)).toEqual([]);
    refused(await emu.api("GET", `/gaussdb/v3/instance-snapshot?instance_id=${b.id}&restore_time=${Date.now()}`), "DBS.200002");
  });
});

describe("state file", () => {
  it("keeps the recorded topology and periods across a restart", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { hostEntry } = await import("../fixtures");
    const dir = mkdtempSync(join(tmpdir(), "tpops-emu-br-"));
    const stateFile = join(dir, "state.json");
    try {
      const first = await startTestEmulator({ stateFile, timeScale: SETUP_TIME_SCALE });
      await first.api("POST", "/gaussdb/v3/data-centers", { data_centers: [{ name: "AZ1" }] });
      const dcId = (await first.api("GET", "/gaussdb/v3/data-centers")).body.data_centers[0].id;
      const add = await first.api("POST", "/gaussdb/v3/hosts", { hosts: [hostEntry("10.9.0.1", dcId)] });
      await first.waitJob(add.body.job_id);
      const r = await first.api("POST", "/gaussdb/v3/instances", createBody("single", ["10.9.0.1"]));
      await first.waitJob(r.body.job_id);
      const id = r.body.instance_id;
      const q = `/gaussdb/v3/instance-snapshot?instance_id=${id}&restore_time=${Date.now()}`;
      const snap = (await first.api("GET", q)).body;
      const periods = (await first.api("GET", `/gaussdb/v3/instances/${id}/restore-time?date=${utcDate(Date.now())}`)).body.restore_time;
      await first.close();
      const second = await startTestEmulator({ stateFile });
      try {
        expect((await second.api("GET", q)).body).toEqual(snap);
        const again = (await second.api("GET", `/gaussdb/v3/instances/${id}/restore-time?date=${utcDate(Date.now())}`)).body.restore_time;
        expect(again[0].start_time).toBe(periods[0].start_time);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
