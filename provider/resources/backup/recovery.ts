/**
 * Reading backups and restore points (reference 4.2.9–4.2.12, 4.2.15), shared by the Backup resource, the
 * restore check of Instance (`restoreFrom`) and the lookups of provider/functions/backup.
 */
import { ops, type TpopsClient } from "../../client";
import type { Backup } from "../../client/operations-backup";
import type { BackupInfo, RestorePeriod } from "../schema.gen";
import { apiTime, fromApiTime, isoTime, parseTime, utcDate } from "./times";

/** A backup as the schema's BackupInfo (times in ISO 8601 UTC). */
export function backupInfo(b: Backup, type?: string): BackupInfo {
  return {
    id: b.id,
    name: b.name ?? undefined,
    description: b.description ?? undefined,
    status: b.status ?? "UNKNOWN",
    type: type ?? b.type ?? undefined,
    beginTime: fromApiTime(b.begin_time),
    endTime: fromApiTime(b.end_time),
    sizeMb: b.size ?? undefined,
    instanceId: b.instance_id ?? undefined,
    engineVersion: b.datastore?.version ?? undefined,
  } as BackupInfo;
}

const newestFirst = (a: BackupInfo, b: BackupInfo) => (parseTime(b.beginTime ?? "") ?? 0) - (parseTime(a.beginTime ?? "") ?? 0);

/** Full backups (4.2.15) matching the query, newest first. */
export async function listBackups(client: TpopsClient, query: { instance_id?: string; backup_id?: string; backup_type?: string; begin_time?: string; end_time?: string }): Promise<BackupInfo[]> {
  const items = await client.listAll(ops.backupObjects.list, { query });
  return items.map((b) => backupInfo(b)).sort(newestFirst);
}

/**
 * Differential backups (4.2.12) of an instance that began in [from, to], newest first. The platform's window
 * defaults to the last day (4.2.12 begin_time "默认为前一天的当前时刻"), so the window is always sent.
 */
export async function listDifferentialBackups(client: TpopsClient, instanceId: string, from: number, to: number): Promise<BackupInfo[]> {
  const items = await client.listAll(ops.backupObjects.listDifferential, {
    path: { instance_id: instanceId },
    query: { begin_time: apiTime(from), end_time: apiTime(Math.max(to, from + 1000)) },
  });
  return items.map((b) => backupInfo(b, "differential")).sort(newestFirst);
}

/** A backup by id among the full (4.2.15) and, when `since` is given, the differential (4.2.12) backups of an instance. */
export async function findBackup(client: TpopsClient, instanceId: string, backupId: string, since?: number): Promise<BackupInfo | undefined> {
  const full = await listBackups(client, { instance_id: instanceId, backup_id: backupId });
  const hit = full.find((b) => b.id === backupId);
  if (hit || since === undefined) return hit;
  return (await listDifferentialBackups(client, instanceId, since, Date.now() + 60_000)).find((b) => b.id === backupId);
}

/** Restorable periods of an instance that touch the UTC date (4.2.11), earliest first. */
export async function restorePeriods(client: TpopsClient, instanceId: string, date: string): Promise<RestorePeriod[]> {
  const r = await client.call(ops.recovery.restoreTimes, { path: { instance_id: instanceId }, query: { date } });
  return (r.restore_time ?? [])
    .map((p) => ({ start: isoTime(p.start_time), end: isoTime(p.end_time), startMs: p.start_time, endMs: p.end_time }))
    .sort((a, b) => a.startMs - b.startMs);
}

/** The periods to judge a restore time by: those of its UTC date and of today (deduplicated), earliest first. */
export async function periodsAround(client: TpopsClient, instanceId: string, at: number): Promise<RestorePeriod[]> {
  const dates = [...new Set([utcDate(at), utcDate(Date.now())])];
  const all = (await Promise.all(dates.map((d) => restorePeriods(client, instanceId, d)))).flat();
  const seen = new Set<string>();
  return all.filter((p) => !seen.has(`${p.startMs}-${p.endMs}`) && seen.add(`${p.startMs}-${p.endMs}`)).sort((a, b) => a.startMs - b.startMs);
}

/** `2026-12-01T00:10:00Z – 2026-12-01T09:00:00Z, …` or `none`. */
export function describePeriods(periods: readonly RestorePeriod[]): string {
  return periods.length ? periods.map((p) => `${p.start} – ${p.end}`).join(", ") : "none";
}
