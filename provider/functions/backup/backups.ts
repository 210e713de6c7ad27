/** Lookups of backups: getBackups (reference 4.2.15) and getDifferentialBackups (4.2.12). */
import { z } from "zod";
import { listBackups, listDifferentialBackups } from "../../resources/backup/recovery";
import { apiTime, isoInput, parseTime } from "../../resources/backup/times";
import type { GetBackupsResult, GetDifferentialBackupsResult } from "../../resources/schema.gen";
import { defineLookup } from "../framework";

const id = (what: string) => z.string().min(1, { error: `is empty; give the ${what} id` });

export const getBackups = defineLookup({
  name: "getBackups",
  inputs: z.strictObject({
    backupId: id("backup").optional(),
    // reference 4.2.15 backup_type "取值范围: auto … manual_database_table"
    backupType: z
      .enum(["auto", "manual", "Snapshot_Xbsa", "Log_Xbsa", "OffSite_Snapshot_Xbsa", "OffSite_Log_Xbsa", "auto_database_table", "manual_database_table"], {
        error: "is not a 4.2.15 backup type; use auto, manual, Snapshot_Xbsa, Log_Xbsa, OffSite_Snapshot_Xbsa, OffSite_Log_Xbsa, auto_database_table or manual_database_table",
      })
      .optional(),
    // reference 4.2.15 begin_time/end_time "格式为"yyyy-mm-ddThh:mm:ssZ"" (sent in that form)
    beginTime: isoInput().optional(),
    endTime: isoInput().optional(),
    instanceId: id("instance").optional(),
  }),
  refine(a) {
    const out: string[] = [];
    // reference 4.2.15 begin_time "与end_time必须同时使用"
    if ((a.beginTime === undefined) !== (a.endTime === undefined)) out.push(`${a.beginTime === undefined ? "beginTime" : "endTime"}: is missing; beginTime and endTime go together (reference 4.2.15)`);
    // reference 4.2.15 end_time "且大于查询开始时间"
    if (a.beginTime && a.endTime && (parseTime(a.endTime) ?? 0) <= (parseTime(a.beginTime) ?? 0)) out.push(`endTime: ${a.endTime} is not later than beginTime ${a.beginTime}; give a later endTime`);
    return out;
  },
  async run(client, a): Promise<GetBackupsResult> {
    const backups = await listBackups(client, {
      ...(a.instanceId ? { instance_id: a.instanceId } : {}),
      ...(a.backupId ? { backup_id: a.backupId } : {}),
      ...(a.backupType ? { backup_type: a.backupType } : {}),
      ...(a.beginTime && a.endTime ? { begin_time: apiTime(parseTime(a.beginTime) as number), end_time: apiTime(parseTime(a.endTime) as number) } : {}),
    });
    return { backups };
  },
});

export const getDifferentialBackups = defineLookup({
  name: "getDifferentialBackups",
  inputs: z.strictObject({ beginTime: isoInput().optional(), endTime: isoInput().optional(), instanceId: id("instance") }),
  refine(a) {
    const from = a.beginTime ? (parseTime(a.beginTime) as number) : Date.now() - 86_400_000;
    const to = a.endTime ? (parseTime(a.endTime) as number) : Date.now();
    // reference 4.2.12 end_time "且大于查询开始时间"
    return to <= from ? [`endTime: ${a.endTime ?? "now"} is not later than beginTime ${a.beginTime ?? "(24 hours ago)"}; give a later endTime`] : [];
  },
  async run(client, a): Promise<GetDifferentialBackupsResult> {
    // reference 4.2.12 begin_time "默认为前一天的当前时刻", end_time "默认为当前时间"
    const from = a.beginTime ? (parseTime(a.beginTime) as number) : Date.now() - 86_400_000;
    const to = a.endTime ? (parseTime(a.endTime) as number) : Date.now();
    return { backups: await listDifferentialBackups(client, a.instanceId, from, to) };
  },
});
