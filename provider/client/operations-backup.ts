/**
 * The API calls of backups and recovery (reference 4.2): manual backups (4.2.7 create, 4.2.8 delete, 4.2.15 list,
 * 4.2.12 differential list) and the recovery lookups (4.2.9 the instance behind a backup or a point in time, 4.2.10
 * restorable instances, 4.2.11 restorable periods): the `backupObjects` and `recovery` sections of `ops`.
 *
 * Built by a function that operations.ts calls while it builds `ops` (see operations-database.ts for why); import
 * this file only for its types.
 */
import { z } from "zod";
import { num, opt, text } from "./shapes";
import { op, paged, type PageQuery } from "./operations";

/** A backup as 4.2.15 lists it (table 4-62) and 4.2.7 answers it (table 4-31). */
function backupSchema() {
  return z.looseObject({
    id: z.string(),
    name: opt(z.string()),
    description: opt(z.string()),
    begin_time: opt(z.string()),
    end_time: opt(z.string()),
    status: opt(z.string()),
    size: opt(num()),
    type: opt(z.string()),
    detail_message: opt(z.string()),
    datastore: opt(z.looseObject({ type: opt(z.string()), version: opt(text()) })),
    instance_id: opt(z.string()),
    file_name: opt(z.string()),
  });
}
/** A backup (4.2.15 table 4-62; 4.2.12 table 4-50 has a subset). */
export type Backup = z.output<ReturnType<typeof backupSchema>>;

/** A restorable instance (4.2.10 table 4-40). */
function restorableSchema() {
  return z.looseObject({
    instance_name: opt(z.string()),
    instance_id: z.string(),
    volume_type: opt(z.string()),
    data_volume_size: opt(num()),
    version: opt(text()),
    mode: opt(z.string()),
    instance_mode: opt(z.string()),
  });
}
export type RestorableInstance = z.output<ReturnType<typeof restorableSchema>>;

/** The source instance at a backup or a point in time (4.2.9 table 4-36). */
function snapshotSchema() {
  return z.looseObject({
    cluster_mode: opt(z.string()),
    instance_mode: opt(z.string()),
    data_volume_size: opt(text()),
    solution: opt(z.string()),
    node_num: opt(num()),
    coordinator_num: opt(num()),
    sharding_num: opt(num()),
    replica_num: opt(num()),
    engine_version: opt(text()),
  });
}
export type InstanceSnapshot = z.output<ReturnType<typeof snapshotSchema>>;

// ---- request types ----

/** Body of 4.2.7 (table 4-29). */
export interface CreateBackupRequest {
  instance_id: string;
  name: string;
  description?: string;
  backup_type?: "completed" | "differential" | "log";
}

/** Query of 4.2.15 (table 4-59). */
export interface BackupQuery extends PageQuery {
  instance_id?: string;
  backup_id?: string;
  backup_type?: string;
  begin_time?: string;
  end_time?: string;
}

/** Query of 4.2.12 (table 4-47). */
export interface DifferentialBackupQuery extends PageQuery {
  begin_time?: string;
  end_time?: string;
}

/** Query of 4.2.9 (table 4-34): `instance_id` with `restore_time` or `backup_id`. */
export interface SnapshotQuery {
  instance_id: string;
  restore_time?: string;
  backup_id?: string;
}

/** Query of 4.2.10 (table 4-37). */
export interface RestorableQuery extends PageQuery {
  source_instance_id: string;
  backup_id?: string;
  restore_time?: string;
}

/** The `backupObjects` and `recovery` sections of `ops`. */
export function backupOperations() {
  const list = op<BackupQuery>()({
    id: "backupObjects.list",
    ref: "4.2.15",
    method: "GET",
    path: "/gaussdb/v3.1/backups",
    idempotent: true,
    response: z.looseObject({ total_count: opt(num()), backups: opt(z.array(backupSchema())) }),
  });
  const differential = op<DifferentialBackupQuery>()({
    id: "backupObjects.listDifferential",
    ref: "4.2.12",
    method: "GET",
    path: "/gaussdb/v3/instances/{instance_id}/differential-backups",
    idempotent: true,
    response: z.looseObject({ total_count: opt(num()), differential_backups: opt(z.array(backupSchema())) }),
  });
  const restorable = op<RestorableQuery>()({
    id: "recovery.restorableInstances",
    ref: "4.2.10",
    method: "GET",
    path: "/gaussdb/v3/restorable-instances",
    idempotent: true,
    // reference 4.2.10 table 4-39 names the list `instances`; its example answers `instance_list`: either is read.
    response: z
      .looseObject({ total_count: opt(num()), instances: opt(z.array(restorableSchema())), instance_list: opt(z.array(restorableSchema())) })
      .transform((r) => ({ ...r, instances: r.instances ?? r.instance_list ?? [] })),
  });
  return {
    backupObjects: {
      create: op<undefined, CreateBackupRequest>()({
        id: "backupObjects.create",
        ref: "4.2.7",
        method: "POST",
        path: "/gaussdb/v3/backups",
        // A replay after the platform acted would make a second backup: a lost reply is decided by the list.
        idempotent: false,
        response: z.looseObject({ backup: backupSchema(), job_id: z.string() }),
      }),
      delete: op()({
        id: "backupObjects.delete",
        ref: "4.2.8",
        method: "DELETE",
        path: "/gaussdb/v3/backups/{backup_id}",
        idempotent: true,
        response: z.unknown(), // reference 4.2.8 响应示例 "无"
      }),
      // reference 4.2.15 table 4-59 limit: "最小值为1,最大值为100".
      list: paged<BackupQuery, Backup>(100, "backups")(list),
      // reference 4.2.12 table 4-47 limit: "最小值为1,最大值为100".
      listDifferential: paged<DifferentialBackupQuery, Backup>(100, "differential_backups")(differential),
    },
    recovery: {
      snapshot: op<SnapshotQuery>()({
        id: "recovery.snapshot",
        ref: "4.2.9",
        method: "GET",
        path: "/gaussdb/v3/instance-snapshot",
        idempotent: true,
        response: snapshotSchema(),
      }),
      // reference 4.2.10 table 4-37 limit: "最小值为1,最大值为100".
      restorableInstances: paged<RestorableQuery, RestorableInstance>(100, "instances")(restorable),
      restoreTimes: op<{ date: string }>()({
        id: "recovery.restoreTimes",
        ref: "4.2.11",
        method: "GET",
        path: "/gaussdb/v3/instances/{instance_id}/restore-time",
        idempotent: true,
        response: z.looseObject({ restore_time: opt(z.array(z.looseObject({ start_time: num(), end_time: num() }))) }),
      }),
    },
  };
}
