/**
 * Instance.restoreFrom: an instance created from a backup or a point in time of another instance (reference 4.11.7,
 * the same URI as 4.11.6 with `restore_point`), and the checks the platform's data decides before it (4.2.9, 4.2.11,
 * 4.2.12, 4.2.15) — at preview when the source is known, and again at create.
 */
import { z } from "zod";
import { ops, type TpopsClient } from "../../client";
import { UNKNOWN, type CheckFailure } from "../framework";
import { describePeriods, findBackup, periodsAround } from "../backup/recovery";
import { isoTime, parseTime, timeInput } from "../backup/times";

/** The `restoreFrom` input (reference 4.11.7 table 4-507 RestorePoint). */
export const RestoreFromInput = z
  .strictObject(
    {
      // reference 4.11.7 table 4-507 backup_id "恢复的原备份ID"
      backupId: z.string().min(1, { error: "is empty; give a backup id or leave it out" }).optional(),
      // reference 4.11.7 table 4-507 restore_time "恢复到指定时间点的时间戳" (epoch milliseconds, 4.2.9 "单位是毫秒")
      restoreTime: timeInput().optional(),
      // reference 4.11.7 table 4-507 instance_id "是 String 原实例ID"
      sourceInstanceId: z.string().min(1, { error: "is empty; give the id of the instance whose backup is restored" }),
    },
    { error: "has unknown keys; use sourceInstanceId with backupId or restoreTime" },
  )
  // reference 4.11.7 type: ""backup"…"backup_id"必选"; ""timestamp"…"restore_time"必选" — one way of restoring
  .refine((r) => (r.backupId === undefined) !== (r.restoreTime === undefined), {
    error: "needs exactly one of backupId and restoreTime (reference 4.11.7: a restore is from a backup or to a point in time)",
  });

export type RestoreFrom = z.output<typeof RestoreFromInput>;

/** The 4.11.7 `restore_point` of a restore. */
export function restorePoint(r: RestoreFrom): { instance_id: string; backup_id?: string; restore_time?: string; type: string } {
  return r.backupId !== undefined
    ? // reference 4.11.7 type ""backup"…"type"字段为非必选"; sent anyway, it costs nothing
      { instance_id: r.sourceInstanceId, backup_id: r.backupId, type: "backup" }
    : // reference 4.11.7 type ""timestamp",表示按时间点恢复,按照此方式恢复时,"type"字段必选"
      { instance_id: r.sourceInstanceId, restore_time: String(parseTime(r.restoreTime as string)), type: "timestamp" };
}

const known = (x: unknown): boolean => x !== UNKNOWN && !(typeof x === "object" && x !== null && Object.values(x).includes(UNKNOWN));

/** Input rules of a restore that need no platform data: what 4.11.7 cannot take. */
export function restoreInputProblems(i: Record<string, unknown>): CheckFailure[] {
  const r = i.restoreFrom;
  if (r === undefined || !known(r)) return [];
  const out: CheckFailure[] = [];
  // reference 4.2.15 datastore.type "枚举值:GaussDB": backups are of GaussDB instances, so a restore makes one
  if (typeof i.engine === "string" && i.engine.toLowerCase() !== "gaussdb") {
    out.push({ property: "engine", reason: `engine: ${JSON.stringify(i.engine)} cannot be restored from a backup; backups are of GaussDB instances (reference 4.2.15). Use GaussDB` });
  }
  // reference 4.11.7 table 4-506 lists no diy_install_settings: a restore cannot take them
  if (i.installSettings !== undefined) {
    out.push({ property: "installSettings", reason: "installSettings: a restore cannot take custom install settings (reference 4.11.7 table 4-506 has no diy_install_settings); remove them" });
  }
  return out;
}

/** What the platform's data says about a restore before it is sent. */
export interface RestoreFacts {
  /** The version the restored instance gets (4.2.9 engine_version, else the backup's datastore version). */
  readonly version?: string;
  readonly failures: CheckFailure[];
}

/**
 * Refusals the platform would make to this restore, from its data: the backup exists and completed (4.2.15, then the
 * differential list 4.2.12), the time lies in a restorable period (4.2.11), the declared version and family fit the
 * source as it was (4.2.9). Throws what the client throws (the caller decides whether a silent platform matters).
 */
export async function restoreFacts(
  client: TpopsClient,
  i: { restoreFrom: RestoreFrom; engineVersion?: unknown; solution?: unknown },
  family: "centralized" | "distributed" | undefined,
): Promise<RestoreFacts> {
  const r = i.restoreFrom;
  const failures: CheckFailure[] = [];
  const fail = (property: string, reason: string) => failures.push({ property, reason: `${property}: ${reason}` });
  let backupVersion: string | undefined;
  if (r.backupId !== undefined) {
    // reference A.3 DBS.200751 "备份文件不存在"; differential backups are listed by 4.2.12 only, over a window
    const b = await findBackup(client, r.sourceInstanceId, r.backupId, Date.now() - 732 * 86_400_000);
    if (!b) {
      fail("restoreFrom.backupId", `${r.backupId} is not a backup of instance ${r.sourceInstanceId} (reference 4.2.15 and 4.2.12 list none; A.3 DBS.200751 "备份文件不存在"); use getBackups to list them`);
      return { failures };
    }
    if (b.status !== "COMPLETED") {
      fail("restoreFrom.backupId", `backup ${r.backupId} is ${b.status}; only a COMPLETED backup can be restored (reference 4.2.15 status). Wait for it, or choose another`);
      return { failures };
    }
    backupVersion = b.engineVersion;
  } else {
    const at = parseTime(r.restoreTime as string) as number;
    // reference 4.2.11 "查询可恢复时间段": a point-in-time restore goes to a time inside one of the periods it lists
    const periods = await periodsAround(client, r.sourceInstanceId, at);
    if (!periods.some((p) => at >= p.startMs && at <= p.endMs)) {
      fail(
        "restoreFrom.restoreTime",
        `${r.restoreTime} (${isoTime(at)}) is outside the restorable periods of instance ${r.sourceInstanceId} (reference 4.2.11): ${describePeriods(periods)}. Choose a time inside one of them`,
      );
      return { failures };
    }
  }
  // reference 4.2.9 "根据时间点或者备份文件查询原实例信息": the source as it was, whose engine version the restore keeps
  const snap = await client
    .call(ops.recovery.snapshot, { query: { instance_id: r.sourceInstanceId, ...(r.backupId !== undefined ? { backup_id: r.backupId } : { restore_time: String(parseTime(r.restoreTime as string)) }) } })
    .catch(() => undefined);
  const version = snap?.engine_version ?? backupVersion;
  if (typeof i.engineVersion === "string" && known(i.engineVersion) && version && i.engineVersion !== version) {
    fail("engineVersion", `${JSON.stringify(i.engineVersion)} differs from ${version}, the version of the backed-up instance; a restore keeps the source's version (reference 4.2.9 engine_version, 4.11.7 has no datastore). Leave engineVersion out, or set ${version}`);
  }
  const mode = snap?.cluster_mode?.toLowerCase();
  const solution = typeof i.solution === "string" ? i.solution.toLowerCase() : undefined;
  // reference 4.2.9 cluster_mode "集中式Ha(主备)、分布式 Combined(混合部署)"; 4.2.10 "实例信息要符合备份条件"
  const sourceFamily = mode === "ha" ? "centralized" : mode === "combined" ? "distributed" : undefined;
  if (family && sourceFamily && family !== sourceFamily) {
    fail("solution", `${solution} is ${family}, but the backed-up instance was ${sourceFamily} (${snap?.solution ?? snap?.cluster_mode}, reference 4.2.9); a backup restores to an instance of its kind. Choose a ${sourceFamily} solution`);
  }
  return { ...(version ? { version } : {}), failures };
}
