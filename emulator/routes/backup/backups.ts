import { z } from "zod";
import { DbsError } from "../../errors";
import type { EmulatorContext, Router } from "../../router";
import { newHexId } from "../../state";
import { knownFields, noteUnknownFields, page, parseQuery, queryInt, type FieldShape } from "../../validate";
import { applyConfigUpdate, applyPolicyUpdate, checkManualBackup, formatBackupTime, parseBackupTime } from "../../domain/backup-rules";
import { supportsStandbyBackup } from "../../domain/instance-rules";
import { SOLUTIONS } from "../../domain/solutions";
import { compareVersions } from "../../domain/engine-versions";
import { captureContent, pruneExpiredBackups, snapshotOf } from "./backup-restore";
import { assertOperable, backups, getInstance, jobInstance, refuse, type BackupRecord, type GaussInstance } from "../instance/instance-model";

/** Job name and base duration (time scale 1.0) of a manual backup. */
export const BACKUP_JOB = { name: "CreateGaussDBManualBackup", durationMs: 5 * 60_000 } as const;

const listQuery = z.object({
  instance_id: z.string().optional(),
  backup_id: z.string().optional(),
  // reference 4.2.15 `backup_type` "取值范围: auto … manual_database_table"
  backup_type: z
    .enum(["auto", "manual", "Snapshot_Xbsa", "Log_Xbsa", "OffSite_Snapshot_Xbsa", "OffSite_Log_Xbsa", "auto_database_table", "manual_database_table"])
    .optional(),
  // reference 4.2.15 `offset` "最小值: 0 最大值: 99999999"
  offset: queryInt("offset", 0, 99_999_999),
  // reference 4.2.15 `limit` "最小值: 1 最大值: 100"; A.3 DBS.280439 "无效的查询记录数,请输入小于等于100的正整数"
  limit: queryInt("limit", 1, 100, "DBS.280439"),
  begin_time: z.string().optional(),
  end_time: z.string().optional(),
});

// reference 4.2.7 table 4-29: the documented fields of a manual backup request; others are ignored
const BACKUP_SHAPE: FieldShape = { instance_id: true, name: true, description: true, backup_type: true, depend_backupIds: true };
// reference 4.2.1 tables 4-9/4-10
const POLICY_SHAPE: FieldShape = {
  backup_policy: { keep_days: true, start_time: true, period: true, differential_period: true, rate_limit: true, prefetch_block: true, file_split_size: true, enable_standby_backup: true },
};
// reference 4.2.4 table 4-20
const CONFIG_SHAPE: FieldShape = { rate_limit: true, prefetch_block: true, enable_standby_backup: true, close_compression: true };
// reference 4.2.4 / 4.2.6 list "X-Auth-Token 是 String 用户Token" where every other section has X-Mini-Token (3.2)
const TOKEN_HEADERS = ["x-mini-token", "x-auth-token"] as const;

/** A backup as reference 4.2.15 lists it (BackupsResult). */
function backupView(b: BackupRecord): Record<string, unknown> {
  return {
    id: b.id,
    name: b.name,
    description: b.description,
    begin_time: formatBackupTime(b.begin_time),
    end_time: b.end_time === null ? null : formatBackupTime(b.end_time),
    status: b.status,
    size: b.size,
    type: b.type,
    detail_message: b.status === "FAILED" ? "The backup failed." : null,
    datastore: { ...b.datastore },
    instance_id: b.instance_id,
    file_name: b.file_name,
  };
}

const policyContext = (inst: GaussInstance) => ({ standbyBackupSupported: supportsStandbyBackup(inst.datastore.version, inst.nodes.length) });

/** Backups (reference 4.2.1, 4.2.4–4.2.8, 4.2.15): automatic policy, extension config, manual backups, list. */
export function register(r: Router, ctx: EmulatorContext): void {
  // ---- policy (4.2.1 / 4.2.5) and extension config (4.2.4 / 4.2.6) ------------------------------------------
  r.add("GET", "/gaussdb/v3/instances/{instance_id}/backups/policy", (req) => {
    // reference 4.2.5 "不支持XBSA实例" (XBSA media are not emulated: every instance has a policy)
    const p = getInstance(ctx, req.params.instance_id ?? "").backup_policy;
    return {
      status: 200,
      body: {
        backup_policy: {
          keep_days: p.keep_days,
          start_time: p.start_time,
          period: p.period,
          // reference 4.2.5's example answers differential_period as a number (the table says String).
          differential_period: p.differential_period,
          rate_limit: p.rate_limit,
          prefetch_block: p.prefetch_block,
          file_split_size: p.file_split_size,
          enable_standby_backup: p.enable_standby_backup,
        },
      },
    };
  });
  r.add("PUT", "/gaussdb/v3/instances/{instance_id}/backups/policy", (req) => {
    // reference A.3 DBS.200006 "请求体为空" (4.2.1 `backup_policy` "是")
    if (req.body === undefined) throw new DbsError(400, "DBS.200006");
    const inst = getInstance(ctx, req.params.instance_id ?? "");
    noteUnknownFields(req, req.body, POLICY_SHAPE);
    const next = applyPolicyUpdate(inst.backup_policy, knownFields(req.body, POLICY_SHAPE), policyContext(inst));
    if (!next.ok) refuse(next.violation);
    assertOperable(ctx, inst, { allowStopped: true });
    inst.backup_policy = next.value;
    inst.updated = Date.now();
    return { status: 200 };
  });
  r.add(
    "GET",
    "/gaussdb/v3/instances/{instance_id}/backups/config",
    (req) => {
      const p = getInstance(ctx, req.params.instance_id ?? "").backup_policy;
      // reference 4.2.6 table 4-27 (its example's "close_compression " with a trailing space is a slip: README "Backups")
      return {
        status: 200,
        body: { rate_limit: p.rate_limit, prefetch_block: p.prefetch_block, enable_standby_backup: p.enable_standby_backup, close_compression: p.close_compression },
      };
    },
    { tokenHeaders: TOKEN_HEADERS },
  );
  r.add(
    "PUT",
    "/gaussdb/v3/instances/{instance_id}/backups/config",
    (req) => {
      // reference A.3 DBS.200006 "请求体为空"; every field of 4.2.4 table 4-20 is optional ("否"), so {} changes nothing
      if (req.body === undefined) throw new DbsError(400, "DBS.200006");
      const inst = getInstance(ctx, req.params.instance_id ?? "");
      noteUnknownFields(req, req.body, CONFIG_SHAPE);
      const next = applyConfigUpdate(inst.backup_policy, knownFields(req.body, CONFIG_SHAPE), policyContext(inst));
      if (!next.ok) refuse(next.violation);
      assertOperable(ctx, inst, { allowStopped: true });
      inst.backup_policy = next.value;
      inst.updated = Date.now();
      // reference 4.2.4 响应示例 "接口响应成功 SUCCESS"
      return { status: 200, raw: { contentType: "text/plain; charset=utf-8", data: "SUCCESS" } };
    },
    { tokenHeaders: TOKEN_HEADERS },
  );

  // ---- manual backups (4.2.7 / 4.2.8) -------------------------------------------------------------------------
  ctx.jobs.define(BACKUP_JOB.name, {
    durationMs: BACKUP_JOB.durationMs,
    onDone(job) {
      const inst = jobInstance(ctx, job.instance_id);
      const b = backups(ctx)[(job.payload as { backup_id: string }).backup_id];
      if (b) {
        b.status = "COMPLETED";
        b.end_time = Date.now();
        b.size = b.backup_type === "completed" ? 1024 : 64;
        // reference 4.11.7 "备份恢复新实例": what a restore of this backup brings back
        b.content = captureContent(ctx, inst.id);
      }
      inst.status = "ACTIVE";
    },
    onFail(job) {
      const b = backups(ctx)[(job.payload as { backup_id: string }).backup_id];
      if (b) {
        b.status = "FAILED";
        b.end_time = Date.now();
      }
      const inst = job.instance_id ? (ctx.state.data.instances[job.instance_id] as GaussInstance | undefined) : undefined;
      if (inst) inst.status = "ACTIVE";
    },
  });

  r.add("POST", "/gaussdb/v3/backups", (req) => {
    // reference A.3 DBS.200006 "请求体为空"
    if (req.body === undefined) throw new DbsError(400, "DBS.200006");
    noteUnknownFields(req, req.body, BACKUP_SHAPE);
    const c = checkManualBackup(knownFields(req.body, BACKUP_SHAPE));
    if (!c.ok) refuse(c.violation);
    const inst = getInstance(ctx, c.value.instanceId);
    assertOperable(ctx, inst);
    // reference 4.2.15 "该接口支持查询GaussDB的手动全量备份及自动全量备份", datastore.type "枚举值:GaussDB": only
    // GaussDB instances have backups (README "Backups"); A.3 DBS.216009 "当前实例状态不允许操作"
    if (inst.datastore.type !== "GaussDB") {
      throw new DbsError(400, "DBS.216009", { field: "instance_id", detail: `${inst.datastore.type} instances have no backups` });
    }
    const now = Date.now();
    const b: BackupRecord = {
      id: newHexId("br14"),
      name: c.value.name,
      description: c.value.description,
      begin_time: now,
      end_time: null,
      status: "BUILDING",
      size: 0,
      type: "manual",
      backup_type: c.value.backupType,
      instance_id: inst.id,
      datastore: { ...inst.datastore },
      family: SOLUTIONS[inst.solution].family,
      file_name: "",
      // reference 4.2.9 "根据时间点或者备份文件查询原实例信息": the topology as it is when the backup is taken
      topology: snapshotOf(ctx, inst),
    };
    b.file_name = `/backup/${inst.id}/${b.id}`;
    backups(ctx)[b.id] = b;
    const job = ctx.jobs.start(BACKUP_JOB.name, { instanceId: inst.id, payload: { backup_id: b.id } });
    inst.status = "BACKING UP";
    return {
      status: 202,
      body: {
        backup: { id: b.id, name: b.name, description: b.description, status: b.status, type: b.type, begin_time: formatBackupTime(b.begin_time), instance_id: b.instance_id },
        job_id: job.id,
      },
    };
  });

  r.add("DELETE", "/gaussdb/v3/backups/{backup_id}", (req) => {
    const id = req.params.backup_id ?? "";
    const b = backups(ctx)[id];
    // reference A.3 DBS.200751 "备份文件不存在"
    if (!b) throw new DbsError(400, "DBS.200751", { field: "backup_id", detail: `no backup ${id}` });
    // reference 4.2.8 "删除手动备份"; A.3 DBS.201218 "不是手动备份文件"
    if (b.type !== "manual") throw new DbsError(400, "DBS.201218", { field: "backup_id", detail: `backup ${id} is an automatic backup` });
    // reference A.3 DBS.201202 (409) "该实例正在进行其它操作…": the backup is still being taken
    if (b.status === "BUILDING") throw new DbsError(409, "DBS.201202", { field: "backup_id", detail: `backup ${id} is still being created` });
    delete backups(ctx)[id];
    return { status: 200 };
  });

  // ---- list (4.2.15) --------------------------------------------------------------------------------------------
  r.add("GET", "/gaussdb/v3.1/backups", (req) => {
    const q = parseQuery(listQuery, req);
    pruneExpiredBackups(ctx);
    // reference 4.2.15 `backup_type` "backup_type取值为Snapshot_Xbsa或Log_Xbsa时,仅支持3.301及以上版本实例"
    if ((q.backup_type === "Snapshot_Xbsa" || q.backup_type === "Log_Xbsa") && q.instance_id !== undefined) {
      const inst = ctx.state.data.instances[q.instance_id] as GaussInstance | undefined;
      if (inst && compareVersions(inst.datastore.version, "3.301.0") < 0) {
        throw new DbsError(400, "DBS.200001", { field: "backup_type", detail: `${q.backup_type} needs an instance of 3.301 or later; ${inst.id} runs ${inst.datastore.version}` });
      }
    }
    // reference 4.2.15 `begin_time` "与end_time必须同时使用"
    if ((q.begin_time === undefined) !== (q.end_time === undefined)) {
      throw new DbsError(400, "DBS.200001", { field: q.begin_time === undefined ? "begin_time" : "end_time", detail: "begin_time and end_time must be given together" });
    }
    let from: number | undefined;
    let to: number | undefined;
    if (q.begin_time !== undefined && q.end_time !== undefined) {
      // reference 4.2.15 `begin_time` "格式为"yyyy-mm-ddThh:mm:ssZ"…Z指时区偏移量,例如北京时间偏移显示为+0800"
      from = parseBackupTime(q.begin_time);
      to = parseBackupTime(q.end_time);
      if (from === undefined) throw new DbsError(400, "DBS.200001", { field: "begin_time", detail: `${q.begin_time} is not yyyy-mm-ddThh:mm:ss+hhmm` });
      if (to === undefined) throw new DbsError(400, "DBS.200001", { field: "end_time", detail: `${q.end_time} is not yyyy-mm-ddThh:mm:ss+hhmm` });
      // reference 4.2.15 `end_time` "且大于查询开始时间"
      if (to <= from) throw new DbsError(400, "DBS.200001", { field: "end_time", detail: "must be later than begin_time" });
    }
    // reference 4.2.15 接口约束 "该接口支持查询GaussDB的手动全量备份及自动全量备份": full backups only
    const all = Object.values(backups(ctx))
      .filter((b) => b.backup_type === "completed")
      .filter((b) => q.instance_id === undefined || b.instance_id === q.instance_id)
      .filter((b) => q.backup_id === undefined || b.id === q.backup_id)
      .filter((b) => q.backup_type === undefined || b.type === q.backup_type)
      .filter((b) => from === undefined || to === undefined || (b.begin_time >= from && b.begin_time <= to))
      .sort((a, b) => b.begin_time - a.begin_time);
    const items = page(all, { offset: q.offset, limit: q.limit, defaultLimit: 100 });
    return { status: 200, body: { backups: items.map(backupView), total_count: all.length } };
  });
}
