/** Lookups of restore points: getRestoreTimes (reference 4.2.11), getBackupSource (4.2.9), getRestorableInstances (4.2.10). */
import { z } from "zod";
import { ops } from "../../client";
import { restorePeriods } from "../../resources/backup/recovery";
import { parseTime, timeInput, utcDate } from "../../resources/backup/times";
import type { GetBackupSourceResult, GetRestorableInstancesResult, GetRestoreTimesResult } from "../../resources/schema.gen";
import { defineLookup } from "../framework";

const id = (what: string) => z.string().min(1, { error: `is empty; give the ${what} id` });

/** reference 4.2.9 "(instance_id、restore_time)和(instance_id、backup_id)参数互斥…这两组参数必须存在一组"; 4.2.10 "backup_id和restore_time必须存在一个". */
function onePoint(a: { backupId?: string; restoreTime?: string }, ref: string): string[] {
  if (a.backupId !== undefined && a.restoreTime !== undefined) return [`backupId, restoreTime: both given; give one of them (reference ${ref})`];
  if (a.backupId === undefined && a.restoreTime === undefined) return [`backupId, restoreTime: neither given; give one of them (reference ${ref})`];
  return [];
}
/** A restore time as the platform takes it: epoch milliseconds in a string (4.2.9 restore_time "UNIX时间戳格式,单位是毫秒"). */
const epoch = (t: string) => String(parseTime(t));

export const getRestoreTimes = defineLookup({
  name: "getRestoreTimes",
  inputs: z.strictObject({
    // reference 4.2.11 date "为yyyy-mm-dd字符串格式,时区为UTC"
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "is not a date; write yyyy-mm-dd (UTC)" })
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { error: "is not a calendar date; write yyyy-mm-dd (UTC)" })
      .optional(),
    instanceId: id("instance"),
  }),
  async run(client, a): Promise<GetRestoreTimesResult> {
    return { periods: await restorePeriods(client, a.instanceId, a.date ?? utcDate(Date.now())) };
  },
});

export const getBackupSource = defineLookup({
  name: "getBackupSource",
  inputs: z.strictObject({ backupId: id("backup").optional(), instanceId: id("instance"), restoreTime: timeInput().optional() }),
  refine: (a) => onePoint(a, "4.2.9"),
  async run(client, a): Promise<GetBackupSourceResult> {
    const s = await client.call(ops.recovery.snapshot, {
      query: { instance_id: a.instanceId, ...(a.backupId ? { backup_id: a.backupId } : { restore_time: epoch(a.restoreTime as string) }) },
    });
    return {
      clusterMode: s.cluster_mode ?? undefined,
      instanceMode: s.instance_mode ?? undefined,
      dataVolumeSize: s.data_volume_size ?? undefined,
      solution: s.solution ?? undefined,
      nodeNum: s.node_num ?? undefined,
      coordinatorNum: s.coordinator_num ?? undefined,
      shardingNum: s.sharding_num ?? undefined,
      replicaNum: s.replica_num ?? undefined,
      engineVersion: s.engine_version ?? undefined,
    };
  },
});

export const getRestorableInstances = defineLookup({
  name: "getRestorableInstances",
  inputs: z.strictObject({ backupId: id("backup").optional(), restoreTime: timeInput().optional(), sourceInstanceId: id("source instance") }),
  refine: (a) => onePoint(a, "4.2.10"),
  async run(client, a): Promise<GetRestorableInstancesResult> {
    const items = await client.listAll(ops.recovery.restorableInstances, {
      query: { source_instance_id: a.sourceInstanceId, ...(a.backupId ? { backup_id: a.backupId } : { restore_time: epoch(a.restoreTime as string) }) },
    });
    return {
      instances: items.map((i) => ({
        id: i.instance_id,
        name: i.instance_name ?? undefined,
        volumeType: i.volume_type ?? undefined,
        dataVolumeSize: i.data_volume_size ?? undefined,
        version: i.version ?? undefined,
        mode: i.mode ?? undefined,
        instanceMode: i.instance_mode ?? undefined,
      })),
    };
  },
});
