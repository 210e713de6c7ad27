import { z } from "zod";
import { DbsError } from "../../errors";
import type { EmulatorContext, Router } from "../../router";
import { newUuid } from "../../state";
import { page, parseQuery, queryInt } from "../../validate";
import {
  formatBackupTime,
  inPeriods,
  parseBackupTime,
  parseEpochMs,
  parseRestoreDate,
  periodsOnDate,
  restorePeriods,
  topologyFits,
  topologyOf,
  type RestorePeriod,
  type TopologySnapshot,
} from "../../domain/backup-rules";
import { SOLUTIONS } from "../../domain/solutions";
import { backups, type BackupContent, type BackupRecord, type GaussInstance } from "../instance/instance-model";

const DAY_MS = 86_400_000;

const live = (ctx: EmulatorContext, id: string): GaussInstance | undefined => ctx.state.data.instances[id] as GaussInstance | undefined;

/** The topology of a live instance now (reference 4.2.9 table 4-36). */
export function snapshotOf(ctx: EmulatorContext, inst: GaussInstance): TopologySnapshot {
  const spec = SOLUTIONS[inst.solution];
  const disk = ctx.state.data.hosts[inst.nodes[0]?.host_id ?? ""]?.spec.data_disk_size ?? null;
  const gb = disk !== null && /^\d+(\.\d+)?$/.test(disk) ? Math.round(Number(disk)) : null;
  return topologyOf({
    solution: inst.solution,
    family: spec.family,
    hostCount: spec.hostCount,
    replicas: spec.replicas,
    shards: spec.shards,
    arbiters: spec.arbiters,
    nodeCount: inst.nodes.length,
    dataVolumeGb: gb,
    engineVersion: inst.datastore.version,
  });
}

/**
 * Drop backups kept after their instance's deletion once their days are over (reference 4.11.5 `keep_db_backup`
 * "全备保留天数", `keep_difference_backup` "差备保留天数"). Run before every read of the backups.
 */
export function pruneExpiredBackups(ctx: EmulatorContext, now = Date.now()): void {
  const all = backups(ctx);
  for (const b of Object.values(all)) if (b.kept_until !== undefined && b.kept_until <= now) delete all[b.id];
}

/**
 * What 4.11.5 does to an instance's backups when the instance goes: full backups are kept `keep_db_backup` days and
 * differential ones `keep_difference_backup` days; 0 or less (the example's 0, the default) deletes them with it.
 */
export function keepBackupsOfDeleted(ctx: EmulatorContext, instanceId: string, keepFullDays: number, keepDiffDays: number, now = Date.now()): void {
  const all = backups(ctx);
  for (const b of Object.values(all)) {
    if (b.instance_id !== instanceId) continue;
    // reference 4.11.5 `keep_db_backup` "全备保留天数" / `keep_difference_backup` "差备保留天数"
    const days = b.backup_type === "completed" ? keepFullDays : keepDiffDays;
    if (days <= 0 || b.status === "BUILDING") {
      delete all[b.id];
      continue;
    }
    b.source_deleted_at = now;
    b.kept_until = now + days * DAY_MS;
  }
}

/** The stored backups of an instance (live or deleted with kept backups). */
function backupsOf(ctx: EmulatorContext, instanceId: string): BackupRecord[] {
  pruneExpiredBackups(ctx);
  return Object.values(backups(ctx)).filter((b) => b.instance_id === instanceId);
}

/**
 * The restorable periods of an instance (reference 4.2.11): its log archive runs until now, or until the instance
 * was deleted when only its kept backups remain (README "Restore").
 */
export function periodsOf(ctx: EmulatorContext, instanceId: string, now = Date.now()): RestorePeriod[] {
  const own = backupsOf(ctx, instanceId);
  const inst = live(ctx, instanceId);
  // reference 4.2.15 datastore.type "枚举值:GaussDB": DBMind instances have no backups, hence no period
  if (inst && inst.datastore.type !== "GaussDB") return [];
  const deleted = own.map((b) => b.source_deleted_at).filter((t): t is number => t !== undefined);
  const end = inst ? now : deleted.length > 0 ? Math.max(...deleted) : now;
  return restorePeriods(own, end);
}

/** The full backup a restore to `at` starts from: the latest COMPLETED full backup that ended at or before it. */
export function baseFullBackup(ctx: EmulatorContext, instanceId: string, at: number): BackupRecord | undefined {
  return backupsOf(ctx, instanceId)
    .filter((b) => b.backup_type === "completed" && b.status === "COMPLETED" && b.end_time !== null && b.end_time <= at)
    .sort((a, b) => (b.end_time ?? 0) - (a.end_time ?? 0))[0];
}

/**
 * The backup a point-in-time restore to `at` uses, or the refusal (reference 4.11.7 `type` "timestamp",表示按时间点
 * 恢复): the time must lie inside a period 4.2.11 answers, else A.3 DBS.200751 "备份文件不存在" (no backup and log
 * covers it); the future is in no period (DBS.200001, a wrong parameter).
 */
export function pointInTimeBackup(ctx: EmulatorContext, instanceId: string, at: number, field: string): BackupRecord {
  const now = Date.now();
  if (at > now) throw new DbsError(400, "DBS.200001", { field, detail: `${at} is in the future` });
  const periods = periodsOf(ctx, instanceId, now);
  const base = baseFullBackup(ctx, instanceId, at);
  if (!inPeriods(periods, at) || !base) {
    const known = periods.map((p) => `${p.start_time}-${p.end_time}`).join(", ") || "none";
    throw new DbsError(400, "DBS.200751", { field, detail: `${at} is in no restorable period of instance ${instanceId} (${known})` });
  }
  return base;
}

/** The topology a backup recorded; older records fall back to the live instance's. */
function backupTopology(ctx: EmulatorContext, b: BackupRecord): TopologySnapshot {
  if (b.topology) return { ...b.topology, engine_version: b.datastore.version };
  const inst = live(ctx, b.instance_id);
  if (inst) return { ...snapshotOf(ctx, inst), engine_version: b.datastore.version };
  throw new DbsError(400, "DBS.200751", { field: "backup_id", detail: `backup ${b.id} recorded no topology` });
}

/** Copy the database objects of an instance (builtins excluded: the new instance has its own root and system users). */
export function captureContent(ctx: EmulatorContext, instanceId: string): BackupContent {
  const d = ctx.state.data;
  const mine = <T extends { instance_id: string }>(coll: Record<string, T>): T[] =>
    Object.values(coll).filter((r) => r.instance_id === instanceId).map((r) => JSON.parse(JSON.stringify(r)) as T);
  return { databases: mine(d.dbDatabases), schemas: mine(d.dbSchemas), accounts: mine(d.dbAccounts).filter((a) => !a.builtin), grants: mine(d.dbGrants) };
}

/**
 * A restore copies the data of its backup into the new instance (reference 4.11.7 "备份恢复新实例"): the databases,
 * schemas, users, roles and grants the backup holds (for a point in time, its base full backup's: the emulator keeps
 * no log of the content, README "Restore"). A DATABASE_TABLE restore copies the databases its table list names,
 * renamed by `new_db_name` (table 4-509).
 */
export function restoreContent(ctx: EmulatorContext, newInstanceId: string, backupId: string, tables?: readonly { db_name: string; new_db_name?: string }[]): void {
  const c = backups(ctx)[backupId]?.content;
  if (!c) return;
  const d = ctx.state.data;
  const rename = new Map<string, string>();
  if (tables) for (const t of tables) rename.set(t.db_name, t.new_db_name ?? t.db_name);
  const dbName = (name: string | null): string | null | undefined => (name === null ? null : tables ? rename.get(name) : name);
  const now = Date.now();
  for (const r of c.databases) {
    const name = dbName(r.name);
    if (name === undefined || name === null) continue;
    const id = newUuid();
    d.dbDatabases[id] = { ...r, id, instance_id: newInstanceId, name, created: now };
  }
  for (const r of c.schemas) {
    const database = dbName(r.database);
    if (database === undefined || database === null) continue;
    const id = newUuid();
    d.dbSchemas[id] = { ...r, id, instance_id: newInstanceId, database, created: now };
  }
  for (const r of c.accounts) {
    const id = newUuid();
    d.dbAccounts[id] = { ...r, id, instance_id: newInstanceId, memberof: r.memberof.map((m) => ({ ...m })), attributes: { ...r.attributes } };
  }
  for (const r of c.grants) {
    const database = r.database === null ? null : dbName(r.database);
    if (database === undefined) continue;
    const id = newUuid();
    d.dbGrants[id] = { ...r, id, instance_id: newInstanceId, database };
  }
}

// reference 4.2.9 table 4-34 `instance_id` "是", `restore_time` "否", `backup_id` "否"
const snapshotQuery = z.object({ instance_id: z.string().optional(), restore_time: z.string().optional(), backup_id: z.string().optional() });
const restorableQuery = z.object({
  // reference 4.2.10 table 4-37 `source_instance_id` "是"
  source_instance_id: z.string().optional(),
  backup_id: z.string().optional(),
  restore_time: z.string().optional(),
  // reference 4.2.10 `offset` "必须为数字,不能为负数。最小值:0"
  offset: queryInt("offset", 0, Number.MAX_SAFE_INTEGER),
  // reference 4.2.10 `limit` "最小值为1,最大值为100"; A.3 DBS.280439 "无效的查询记录数,请输入小于等于100的正整数"
  limit: queryInt("limit", 1, 100, "DBS.280439"),
});
// reference 4.2.11 table 4-42 `date` "是 String"
const restoreTimeQuery = z.object({ date: z.string().optional() });
const differentialQuery = z.object({
  // reference 4.2.12 `limit` "默认为10,不能为负数,最小值为1,最大值为100"; A.3 DBS.280439
  limit: queryInt("limit", 1, 100, "DBS.280439"),
  // reference 4.2.12 `offset` "必须为数字,不能为负数。最小值:0"
  offset: queryInt("offset", 0, Number.MAX_SAFE_INTEGER),
  begin_time: z.string().optional(),
  end_time: z.string().optional(),
});

const required = (field: string): never => {
  throw new DbsError(400, "DBS.200001", { field, detail: "is required" });
};

/** Refuse unless the id names a live instance or one whose backups are kept (A.3 DBS.200002 "实例不存在"). */
function knownSource(ctx: EmulatorContext, id: string, field: string): void {
  if (live(ctx, id) || backupsOf(ctx, id).length > 0) return;
  throw new DbsError(400, "DBS.200002", { field, detail: `no instance ${id}` });
}

/** The backup a 4.2.9/4.2.10 query names, or the topology point of its restore time. */
function sourceTopology(ctx: EmulatorContext, instanceId: string, backupId: string | undefined, restoreTime: string | undefined): TopologySnapshot {
  if (backupId !== undefined && backupId !== "") {
    const b = backups(ctx)[backupId];
    // reference A.3 DBS.200751 "备份文件不存在" (a backup of another instance is not one of this instance's)
    if (!b || b.instance_id !== instanceId) throw new DbsError(400, "DBS.200751", { field: "backup_id", detail: `no backup ${backupId} of instance ${instanceId}` });
    return backupTopology(ctx, b);
  }
  if (restoreTime === undefined || restoreTime === "") {
    // reference 4.2.9 "这两组参数必须存在一组"; 4.2.10 "backup_id和restore_time必须存在一个"
    throw new DbsError(400, "DBS.200001", { field: "restore_time", detail: "give backup_id or restore_time" });
  }
  const at = parseEpochMs(restoreTime);
  // reference 4.2.9 `restore_time` "UNIX时间戳格式,单位是毫秒,时区是UTC"
  if (at === undefined) throw new DbsError(400, "DBS.200001", { field: "restore_time", detail: `${restoreTime} is not epoch milliseconds` });
  return backupTopology(ctx, pointInTimeBackup(ctx, instanceId, at, "restore_time"));
}

/** Backups and restore, reference 4.2.9–4.2.12: source snapshot, restorable instances, periods, differential backups. */
export function register(r: Router, ctx: EmulatorContext): void {
  // ---- 4.2.9 根据时间点或者备份文件查询原实例信息 --------------------------------------------------------------------
  r.add("GET", "/gaussdb/v3/instance-snapshot", (req) => {
    const q = parseQuery(snapshotQuery, req);
    // reference 4.2.9 table 4-34 `instance_id` "是"
    if (q.instance_id === undefined || q.instance_id === "") return required("instance_id");
    knownSource(ctx, q.instance_id, "instance_id");
    // reference 4.2.9 "参数互斥,只有一组会生效" and `backup_id` "备份ID不为空时,可以不需要时间戳": with both, backup_id
    // is the group that takes effect (README "Restore")
    return { status: 200, body: sourceTopology(ctx, q.instance_id, q.backup_id, q.restore_time) };
  });

  // ---- 4.2.10 查询可用于备份恢复的实例列表 ------------------------------------------------------------------------
  r.add("GET", "/gaussdb/v3/restorable-instances", (req) => {
    const q = parseQuery(restorableQuery, req);
    if (q.source_instance_id === undefined || q.source_instance_id === "") return required("source_instance_id");
    knownSource(ctx, q.source_instance_id, "source_instance_id");
    // reference 4.2.10 `backup_id` "参数为空时,根据restore_time查询"
    const want = sourceTopology(ctx, q.source_instance_id, q.backup_id, q.restore_time);
    const all = Object.values(ctx.state.data.instances as Record<string, GaussInstance>)
      // reference 4.2.10 "实例信息要符合备份条件": an ACTIVE ("实例正常") GaussDB instance of the backup's topology
      .filter((i) => i.status === "ACTIVE" && i.datastore.type === "GaussDB")
      .filter((i) => topologyFits(snapshotOf(ctx, i), want))
      .sort((a, b) => b.created - a.created);
    const items = page(all, { offset: q.offset, limit: q.limit, defaultLimit: 100 }).map((i) => {
      const s = snapshotOf(ctx, i);
      const storage = ctx.state.data.hosts[i.nodes[0]?.host_id ?? ""]?.spec.storage_type ?? "";
      // reference 4.2.10 table 4-40 InstancesResult
      return {
        instance_name: i.name,
        instance_id: i.id,
        volume_type: storage.toUpperCase(),
        data_volume_size: Number(s.data_volume_size),
        version: i.datastore.version,
        mode: s.cluster_mode,
        instance_mode: s.instance_mode,
      };
    });
    // reference 4.2.10: table 4-39 names the list `instances`, the example answers `instance_list`: both are answered
    return { status: 200, body: { instances: items, instance_list: items, total_count: all.length } };
  });

  // ---- 4.2.11 查询可恢复时间段 ------------------------------------------------------------------------------------
  r.add("GET", "/gaussdb/v3/instances/{instance_id}/restore-time", (req) => {
    const id = req.params.instance_id ?? "";
    const q = parseQuery(restoreTimeQuery, req);
    knownSource(ctx, id, "instance_id");
    // reference 4.2.11 table 4-42 `date` "是"
    if (q.date === undefined || q.date === "") return required("date");
    const day = parseRestoreDate(q.date);
    // reference 4.2.11 `date` "为yyyy-mm-dd字符串格式,时区为UTC"
    if (day === undefined) throw new DbsError(400, "DBS.200001", { field: "date", detail: `${q.date} is not a yyyy-mm-dd date` });
    // reference 4.2.11 "XBSA实例暂不支持" (XBSA media are not emulated: no instance is an XBSA instance)
    return { status: 200, body: { restore_time: periodsOnDate(periodsOf(ctx, id), day).map((p) => ({ start_time: p.start_time, end_time: p.end_time })) } };
  });

  // ---- 4.2.12 查询差量备份列表 ------------------------------------------------------------------------------------
  r.add("GET", "/gaussdb/v3/instances/{instance_id}/differential-backups", (req) => {
    const id = req.params.instance_id ?? "";
    const q = parseQuery(differentialQuery, req);
    knownSource(ctx, id, "instance_id");
    const now = Date.now();
    // reference 4.2.12 `begin_time` "格式为"yyyy-mm-ddThh:mm:ssZ"…例如北京时间偏移显示为+0800"
    const from = q.begin_time === undefined ? now - DAY_MS : parseBackupTime(q.begin_time);
    const to = q.end_time === undefined ? now : parseBackupTime(q.end_time);
    if (from === undefined) throw new DbsError(400, "DBS.200001", { field: "begin_time", detail: `${q.begin_time} is not yyyy-mm-ddThh:mm:ss+hhmm` });
    if (to === undefined) throw new DbsError(400, "DBS.200001", { field: "end_time", detail: `${q.end_time} is not yyyy-mm-ddThh:mm:ss+hhmm` });
    // reference 4.2.12 `end_time` "默认为当前时间…且大于查询开始时间" (begin_time "默认为前一天的当前时刻")
    if (to <= from) throw new DbsError(400, "DBS.200001", { field: "end_time", detail: "must be later than begin_time" });
    // reference 4.2.12 "查询差量备份列表": the instance's differential backups (4.2.7 backup_type "differential")
    const all = backupsOf(ctx, id)
      .filter((b) => b.backup_type === "differential" && b.begin_time >= from && b.begin_time <= to)
      .sort((a, b) => b.begin_time - a.begin_time);
    // reference 4.2.12 `limit` "默认为10"
    const items = page(all, { offset: q.offset, limit: q.limit, defaultLimit: 10 }).map((b) => ({
      // reference 4.2.12 table 4-50 DifferentialBackupResult
      id: b.id,
      name: b.name,
      begin_time: formatBackupTime(b.begin_time),
      end_time: b.end_time === null ? null : formatBackupTime(b.end_time),
      status: b.status,
      size: b.size,
    }));
    return { status: 200, body: { differential_backups: items, total_count: all.length } };
  });
}
