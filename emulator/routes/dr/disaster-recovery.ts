// Disaster recovery (reference 4.18.1–4.18.14): relations between a primary and a standby instance, on one site or on
// two sites of the simulated network (README "Sites", "Disaster recovery (4.18)"). Each site stores its own side of a
// relation (domain/dr/dr-records.ts); a change is made on the side that got the request and mirrored to the other.
import { z } from "zod";
import { DbsError } from "../../errors";
import type { ApiRequest, EmulatorContext, Router } from "../../router";
import { newUuid, type JobRecord } from "../../state";
import { parseBody, parseQuery, queryInt } from "../../validate";
import { ensureBuiltins, findAccount } from "../../domain/database/model";
import { passwordHash } from "../../domain/database/rules";
import { SOLUTIONS, listTypeFilter } from "../../domain/solutions";
import {
  DISASTER_TYPES,
  candidateProblem,
  isDeletable,
  isLive,
  mirrorFields,
  otherRole,
  versionAtLeast,
  type DisasterType,
  type DrInstanceFacts,
  type DrOperation,
  type DrRelationRecord,
  type DrStatus,
  type RegionInstanceInfo,
} from "../../domain/dr/dr-records";
import { assertOperable, getInstance, isStopped, plainTime, type GaussInstance } from "../instance/instance-model";

const MIN = 60_000;

/** DR job names and their durations at time scale 1.0 (README "Disaster recovery (4.18)"). */
export const DR_JOBS = {
  construct: { name: "ConstructDisasterRecovery", durationMs: 10 * MIN },
  failover: { name: "FailoverDisasterRecovery", durationMs: 2 * MIN },
  release: { name: "ReleaseDisasterRecovery", durationMs: 2 * MIN },
  switchover: { name: "SwitchoverDisasterRecovery", durationMs: 3 * MIN },
  restore: { name: "RestoreDisasterRecovery", durationMs: 10 * MIN },
  "simulation-start": { name: "StartDisasterRecoverySimulation", durationMs: 1 * MIN },
  "simulation-stop": { name: "StopDisasterRecoverySimulation", durationMs: 1 * MIN },
  "keep-log-start": { name: "StartDisasterRecoveryKeepLog", durationMs: 30_000 },
  "keep-log-stop": { name: "StopDisasterRecoveryKeepLog", durationMs: 30_000 },
  "record-delete": { name: "DeleteDisasterRecoveryRecord", durationMs: 10_000 },
} as const;

/** 4.18.3 thresholds (the example's "rpo_threshold" : "10", "rto_threshold" : "900", seconds). */
export const RPO_THRESHOLD = "10";
export const RTO_THRESHOLD = "900";

const BASE = "/gaussdb/v3.6/instances/{instance_id}/disaster-recovery";

// reference 4.18.4 table 4-679 `disaster_type` "枚举值: stream dorado" (also 4.18.5–4.18.8, 4.18.3 query)
const disasterType = z.enum(DISASTER_TYPES);
// reference 4.18.9–4.18.12 `disaster_type` "枚举值:stream"
const streamOnly = z.enum(["stream"]);
// reference 4.18.9 / 4.18.11 `xlog_keep_ratio` "Integer" "可设置范围为1-100"
const keepRatio = z.number().int().min(1).max(100);

// reference 4.18.1 table 4-664: synchronization_id, dr_task_name "是" (a required name is not empty)
const renameBody = z.object({ synchronization_id: z.string().min(1), dr_task_name: z.string().min(1) });
// reference 4.18.4 table 4-679: disaster_type, dr_ip, dr_user_name, dr_user_password "是"; dr_task_name "否"
const constructBody = z.object({
  disaster_type: disasterType,
  dr_ip: z.string().min(1),
  dr_user_name: z.string().min(1),
  dr_user_password: z.string(),
  dr_task_name: z.string().optional(),
});
// reference 4.18.5 table 4-684: is_support_restore "否" Boolean (默认false), disaster_type "是"
const failoverBody = z.object({ is_support_restore: z.boolean().optional(), disaster_type: disasterType });
// reference 4.18.6 / 4.18.7 / 4.18.8: disaster_type "是"
const typeBody = z.object({ disaster_type: disasterType });
// reference 4.18.9 table 4-704: xlog_keep_ratio (required on the master side, see the handler), disaster_type "是"
const simulationStartBody = z.object({ xlog_keep_ratio: keepRatio.optional(), disaster_type: streamOnly });
// reference 4.18.10 / 4.18.12: disaster_type "是" "枚举值:stream"
const streamBody = z.object({ disaster_type: streamOnly });
// reference 4.18.11 table 4-714: xlog_keep_ratio "否", disaster_type "是"
const keepLogStartBody = z.object({ xlog_keep_ratio: keepRatio.optional(), disaster_type: streamOnly });
// reference 4.18.13 table 4-723: master_instance_id "是" "最小长度: 32 最大长度: 64"; disaster_type "否" "最小长度: 2 最大长度: 64"
const candidatesBody = z.object({ master_instance_id: z.string().min(32).max(64), disaster_type: z.string().min(2).max(64).optional() });
// reference 4.18.14 table 4-728: disaster_name "否" "最小长度: 1 最大长度: 64"
const recordDeleteBody = z.object({ disaster_name: z.string().min(1).max(64).optional() });
// reference 4.18.2 table 4-666: limit "最小值为1,最大值为100" (A.3 DBS.280439), offset "不能为负数"
const relationsQuery = z.object({
  limit: queryInt("limit", 1, 100, "DBS.280439"),
  offset: queryInt("offset", 0, Number.MAX_SAFE_INTEGER),
  instance_name: z.string().optional(),
  instance_id: z.string().optional(),
});
// reference 4.18.3 table 4-673: disaster_type "缺省值: stream" (its default makes it optional in practice)
const monitorQuery = z.object({ disaster_type: disasterType.optional() });

/** Register the 4.18 routes and jobs. */
export function register(r: Router, ctx: EmulatorContext): void {
  const records = () => ctx.state.data.drRelations;
  const network = ctx.site.network;
  const here = ctx.site.name;

  // ---- facts and views -------------------------------------------------------------------------------------------

  const infoOn = (site: string, on: EmulatorContext, instanceId: string): RegionInstanceInfo => ({
    instance_id: instanceId,
    ...network.region(site),
    // reference 4.18.2 `ip_address` "数据IP地址列表","分割"
    ip_address: on.state.hostsOfInstance(instanceId).map((h) => h.ip.data_ip).join(","),
  });

  const liveRecordsOf = (on: EmulatorContext, instanceId: string) =>
    Object.values(on.state.data.drRelations).filter((x) => x.instance_id === instanceId && isLive(x));

  const factsOf = (site: string, on: EmulatorContext, inst: GaussInstance): DrInstanceFacts => ({
    id: inst.id,
    site,
    status: inst.status,
    busy: on.jobs.runningOn(inst.id) !== undefined,
    stopped: isStopped(inst),
    instanceType: listTypeFilter(SOLUTIONS[inst.solution]?.family ?? "centralized"),
    engineVersion: inst.datastore.version,
    consistencyProtocol: inst.ha.consistency_protocol,
    inRelation: liveRecordsOf(on, inst.id).length > 0,
  });

  // Reading: 4.18.13's example answers "instance_status" : "normal" for a working instance; other statuses lower-cased.
  const statusWord = (inst: GaussInstance | undefined) => (!inst ? "deleted" : inst.status === "ACTIVE" ? "normal" : inst.status.toLowerCase());

  const peerInfo = (rec: DrRelationRecord): RegionInstanceInfo => {
    const peerCtx = network.site(rec.peer.site);
    return peerCtx ? infoOn(rec.peer.site, peerCtx, rec.peer.instance_id) : rec.peer.info;
  };

  const actions = (rec: DrRelationRecord): string[] => [
    `${rec.disaster_type.toUpperCase()}_DISASTER_RELATION_${rec.role.toUpperCase()}_TAG`,
    ...(rec.keep_log ? ["XLOG_KEEP"] : []),
    ...(rec.simulation ? ["DR_SIMULATION"] : []),
  ];

  /** reference 4.18.2 DisasterRelations (table 4-669), seen from this site's side. */
  const relationView = (rec: DrRelationRecord) => {
    const inst = ctx.state.data.instances[rec.instance_id] as GaussInstance | undefined;
    const mine = infoOn(here, ctx, rec.instance_id);
    const theirs = peerInfo(rec);
    return {
      disaster_type: rec.disaster_type,
      name: rec.name,
      disaster_role: rec.role,
      // reference 4.18.2 `created` "格式为"yyyy-mm-dd hh:mm:ss""
      created: plainTime(rec.created),
      updated: plainTime(rec.updated),
      slave_region_instance_info: rec.role === "disaster" ? mine : theirs,
      master_region_instance_info: rec.role === "master" ? mine : theirs,
      id: rec.id,
      synchronization_id: rec.synchronization_id,
      // Reading: the 4.18.2 example's instance_id is the instance of the record's side ("disaster_role" : "disaster"
      // with the slave's id), so `instance_id`/`instance_name` name this side's instance.
      instance_id: rec.instance_id,
      instance_name: inst?.name ?? null,
      instance_status: statusWord(inst),
      status: rec.status,
      precheck_failed_reason: rec.precheck_failed_reason,
      actions: actions(rec),
    };
  };

  const jobProgress = (op: DrOperation | null, kind: DrOperation["kind"]): string => {
    if (!op || op.kind !== kind) return "";
    const jobs = network.site(op.site)?.jobs;
    const job = jobs?.get(op.job_id);
    return job && jobs ? String(jobs.view(job).progress) : "";
  };

  /** Emulated seconds since `since` (real time divided by the time scale). */
  const emulatedSeconds = (since: number) => Math.max(0, Math.floor((Date.now() - since) / ctx.jobs.getTimeScale() / 1000));

  /** reference 4.18.3 table 4-675, for this side. */
  const monitorView = (rec: DrRelationRecord) => {
    // Reading: the 4.18.3 example's healthy "status" : "archive" is the standby replaying the primary's archived log
    // (rpo/rto "0"); the primary side reads "normal"; any other state reads as the relation's status.
    const status = rec.status === "normal" ? (rec.role === "disaster" ? "archive" : "normal") : rec.status;
    let rpo = "0";
    let rto = "0";
    if (rec.status === "creating") {
      rpo = "";
      rto = "";
    } else if (rec.simulation) {
      // During a drill the standby runs on its own: the data it lacks grows with the drill's (emulated) duration.
      rpo = String(emulatedSeconds(rec.simulation.started));
    }
    return {
      instance_id: rec.instance_id,
      status,
      rpo,
      rto,
      rpo_threshold: RPO_THRESHOLD,
      rto_threshold: RTO_THRESHOLD,
      // reference 4.18.3 `switchover_progress` "该值为一个百分数。例如: 40%。"
      switchover_progress: jobProgress(rec.operation, "switchover"),
      failover_progress: jobProgress(rec.operation, "failover"),
    };
  };

  // ---- the peer side -----------------------------------------------------------------------------------------------

  /** Mirror this side's record to the peer site's record (created on first sync, dropped with a deletion). */
  const syncPeer = (rec: DrRelationRecord): void => {
    const peerCtx = network.site(rec.peer.site);
    if (!peerCtx) {
      rec.peer_synced = false;
      return;
    }
    const theirs = peerCtx.state.data.drRelations;
    let other = Object.values(theirs).find((x) => x.synchronization_id === rec.synchronization_id && x.instance_id === rec.peer.instance_id);
    if (rec.deleted) {
      if (other) delete theirs[other.id];
      delete records()[rec.id];
    } else {
      rec.peer.info = infoOn(rec.peer.site, peerCtx, rec.peer.instance_id);
      rec.peer_synced = true;
      if (!other) {
        other = {
          id: newUuid(),
          instance_id: rec.peer.instance_id,
          peer: { site: here, instance_id: rec.instance_id, info: infoOn(here, ctx, rec.instance_id) },
          peer_synced: true,
          ...mirrorFields(rec),
        };
        theirs[other.id] = other;
      } else {
        Object.assign(other, mirrorFields(rec), { peer_synced: true });
        other.peer.info = infoOn(here, ctx, rec.instance_id);
      }
    }
    if (peerCtx !== ctx) peerCtx.persist();
  };

  // Changes made while the peer site was away reach it when it joins the network again.
  network.onPeerJoin(here, (other) => {
    let changed = false;
    for (const rec of Object.values(records())) {
      if (!rec.peer_synced && rec.peer.site === other) {
        syncPeer(rec);
        changed = true;
      }
    }
    if (changed) ctx.persist();
  });

  // ---- requests -------------------------------------------------------------------------------------------------

  /** The live relation of an instance of this site, of the request's type; else A.3 DBS.200044 "访问资源不存在". */
  const relationOf = (inst: GaussInstance, type?: DisasterType): DrRelationRecord => {
    const rec = liveRecordsOf(ctx, inst.id)[0];
    if (!rec) throw new DbsError(400, "DBS.200044", { field: "instance_id", detail: `instance ${inst.id} is in no disaster-recovery relation` });
    if (type !== undefined && rec.disaster_type !== type) {
      throw new DbsError(400, "DBS.200044", { field: "disaster_type", detail: `the relation of instance ${inst.id} is ${rec.disaster_type}, not ${type}` });
    }
    return rec;
  };

  // reference A.3 DBS.200019 (409) "该实例正在进行其它操作…请稍后重试": one DR operation at a time, on either side
  const assertNoOperation = (rec: DrRelationRecord) => {
    if (rec.operation) {
      throw new DbsError(409, "DBS.200019", { detail: `the relation ${rec.name} is running ${rec.operation.kind} (job ${rec.operation.job_id}) on site ${rec.operation.site}` });
    }
  };

  // reference A.3 DBS.216009 "当前实例状态不允许操作": the relation's state does not allow the operation
  const assertStatus = (rec: DrRelationRecord, allowed: readonly DrStatus[], what: string) => {
    if (!allowed.includes(rec.status)) {
      throw new DbsError(400, "DBS.216009", { detail: `the relation ${rec.name} is ${rec.status}; ${what} needs it ${allowed.join(" or ")}` });
    }
  };

  // reference A.3 DBS.06013002 "灾备实例不支持该操作": operations 4.18 issues from the master side (4.18.6 "从容灾主实例下发",
  // 4.18.11 "主实例开始容灾日志保持", 4.18.12 "主实例结束容灾日志保持") are refused on the DR instance
  const assertMasterSide = (rec: DrRelationRecord, what: string) => {
    if (rec.role !== "master") throw new DbsError(400, "DBS.06013002", { field: "instance_id", detail: `instance ${rec.instance_id} is the DR instance of ${rec.name}; ${what} is issued on the primary` });
  };

  // reference 4.18.5 "容灾升主failover(灾备实例端下发)", 4.18.10 "灾备实例结束容灾演练": issued on the DR instance; on the
  // primary the role does not allow it (A.3 DBS.216009 "当前实例状态不允许操作")
  const assertDisasterSide = (rec: DrRelationRecord, what: string) => {
    if (rec.role !== "disaster") throw new DbsError(400, "DBS.216009", { field: "instance_id", detail: `instance ${rec.instance_id} is the primary of ${rec.name}; ${what} is issued on the DR instance` });
  };

  /** Start a DR job on this side's instance and mark the relation (both sides) with it. */
  const begin = (rec: DrRelationRecord, kind: DrOperation["kind"], status: DrStatus, payload: Record<string, unknown> = {}) => {
    const job = ctx.jobs.start(DR_JOBS[kind].name, { instanceId: rec.instance_id, payload: { record_id: rec.id, ...payload } });
    rec.operation = { kind, job_id: job.id, site: here, prior_status: rec.status };
    rec.status = status;
    rec.updated = Date.now();
    syncPeer(rec);
    return { status: 202, body: { job_id: job.id } };
  };

  /** The record a job works on (an error fails the job). */
  const jobRecord = (job: JobRecord): DrRelationRecord => {
    const id = (job.payload as { record_id?: string } | null)?.record_id ?? "";
    const rec = records()[id];
    if (!rec) throw new Error(`disaster-recovery record ${id} no longer exists`);
    return rec;
  };

  const finish = (rec: DrRelationRecord, change: Partial<DrRelationRecord>) => {
    Object.assign(rec, change, { operation: null, updated: Date.now() });
    syncPeer(rec);
  };

  const define = (kind: DrOperation["kind"], done: (rec: DrRelationRecord, job: JobRecord) => Partial<DrRelationRecord>) => {
    ctx.jobs.define(DR_JOBS[kind].name, {
      durationMs: DR_JOBS[kind].durationMs,
      onDone(job) {
        const rec = jobRecord(job);
        finish(rec, done(rec, job));
      },
      onFail(job, reason) {
        const id = (job.payload as { record_id?: string } | null)?.record_id ?? "";
        const rec = records()[id];
        if (!rec) return;
        // A failed construct leaves a record 4.18.14 deletes; any other failed operation changes nothing.
        if (kind === "construct") finish(rec, { status: "create_failed", precheck_failed_reason: reason });
        else finish(rec, { status: rec.operation?.prior_status ?? rec.status });
      },
    });
  };

  define("construct", () => ({ status: "normal", precheck_failed_reason: "" }));
  // reference 4.18.5: the DR instance becomes the primary; the old primary is demoted
  define("failover", (_rec, job) => ({
    status: "failovered",
    role: "master",
    restore_supported: (job.payload as { is_support_restore?: boolean }).is_support_restore === true,
    simulation: null,
  }));
  define("release", () => ({ status: "released", keep_log: null, simulation: null }));
  // reference 4.18.7 switchover: the two instances exchange roles
  define("switchover", (rec) => ({ status: "normal", role: otherRole(rec.role) }));
  // reference 4.18.8 回切 "实现容灾关系的重建": the relation returns to the roles it was built with
  define("restore", (rec) => ({ status: "normal", role: rec.built_role, restore_supported: false }));
  define("simulation-start", (_rec, job) => ({
    status: "simulating",
    simulation: { xlog_keep_ratio: (job.payload as { xlog_keep_ratio?: number }).xlog_keep_ratio ?? null, started: Date.now() },
  }));
  define("simulation-stop", () => ({ status: "normal", simulation: null }));
  define("keep-log-start", (_rec, job) => ({ keep_log: { xlog_keep_ratio: (job.payload as { xlog_keep_ratio?: number }).xlog_keep_ratio ?? null, started: Date.now() } }));
  define("keep-log-stop", () => ({ keep_log: null }));
  ctx.jobs.define(DR_JOBS["record-delete"].name, {
    durationMs: DR_JOBS["record-delete"].durationMs,
    onDone(job) {
      for (const id of (job.payload as { record_ids: string[] }).record_ids) {
        const rec = records()[id];
        if (!rec) continue;
        rec.deleted = true;
        rec.operation = null;
        syncPeer(rec);
      }
    },
    onFail(job) {
      for (const id of (job.payload as { record_ids: string[] }).record_ids) {
        const rec = records()[id];
        if (rec) finish(rec, {});
      }
    },
  });

  const instanceOf = (req: ApiRequest) => getInstance(ctx, req.params.instance_id ?? "");

  // 4.18.1 rename
  r.add("PUT", `${BASE}/rename`, (req) => {
    const body = parseBody(renameBody, req);
    const inst = instanceOf(req);
    const rec = Object.values(records()).find((x) => x.instance_id === inst.id && x.synchronization_id === body.synchronization_id && !x.deleted);
    // reference A.3 DBS.200044 "访问资源不存在": no relation with this synchronization_id on the instance
    if (!rec) throw new DbsError(400, "DBS.200044", { field: "synchronization_id", detail: `instance ${inst.id} has no relation ${body.synchronization_id}` });
    rec.name = body.dr_task_name;
    rec.updated = Date.now();
    syncPeer(rec);
    // reference 4.18.1 响应示例 "无"; 状态码 200
    return { status: 200 };
  });

  // 4.18.2 relations of this site
  r.add("GET", "/gaussdb/v3.6/disaster-recovery/relations", (req) => {
    const q = parseQuery(relationsQuery, req);
    const all = Object.values(records()).filter((x) => {
      if (x.deleted) return false;
      // reference 4.18.2 `instance_id` "可查询过滤主实例ID", `instance_name` "可查询过滤主实例名称" (this side's instance, see view)
      if (q.instance_id !== undefined && x.instance_id !== q.instance_id) return false;
      if (q.instance_name !== undefined && ctx.state.data.instances[x.instance_id]?.name !== q.instance_name) return false;
      return true;
    });
    // reference 4.18.2 limit "默认为100", offset "默认为0"
    const offset = q.offset ?? 0;
    const items = all.slice(offset, offset + (q.limit ?? 100));
    return { status: 200, body: { total: all.length, relations: items.map(relationView) } };
  });

  // 4.18.3 monitor
  r.add("GET", `${BASE}/monitor`, (req) => {
    const q = parseQuery(monitorQuery, req);
    const inst = instanceOf(req);
    return { status: 200, body: monitorView(relationOf(inst, q.disaster_type ?? "stream")) };
  });

  // 4.18.4 construct, issued on the primary ("从主实例端下发")
  r.add("POST", `${BASE}/construct`, (req) => {
    const body = parseBody(constructBody, req);
    const primary = instanceOf(req);
    assertOperable(ctx, primary);
    const existing = liveRecordsOf(ctx, primary.id)[0];
    // reference A.3 DBS.06013002 "灾备实例不支持该操作": the instance is already in a relation
    if (existing) {
      throw new DbsError(400, "DBS.06013002", { field: "instance_id", detail: `instance ${primary.id} is already in the ${existing.disaster_type} relation ${existing.name} (${existing.role})` });
    }
    // reference 4.18.4 `dr_ip` "灾备实例任意数据IP": the standby is found by a data IP of its hosts, on any site
    const found = network.instanceByDataIp(body.dr_ip);
    // reference A.3 DBS.200002 "实例不存在"
    if (!found) throw new DbsError(400, "DBS.200002", { field: "dr_ip", detail: `no instance has the data IP ${body.dr_ip}` });
    const standby = found.instance as GaussInstance;
    const problem = candidateProblem(factsOf(here, ctx, primary), factsOf(found.site, found.ctx, standby));
    if (problem) throw new DbsError(problem.status, problem.code, { field: "dr_ip", detail: problem.detail });
    // reference 4.18.4 `dr_user_name` "灾备实例账户名称", `dr_user_password` "灾备实例账户密码": an account of the standby;
    // A.3 DBS.200824 "数据库账户不存在", DBS.200029 "用户名或密码错误" (checked when the emulator knows the password)
    ensureBuiltins(found.ctx.state, standby);
    const account = findAccount(found.ctx.state, standby.id, body.dr_user_name);
    if (!account) throw new DbsError(400, "DBS.200824", { field: "dr_user_name", detail: `instance ${standby.id} has no database account ${body.dr_user_name}` });
    if (account.password_hash !== null && passwordHash(account.password_salt, body.dr_user_password) !== account.password_hash) {
      throw new DbsError(400, "DBS.200029", { field: "dr_user_password", detail: `wrong password for ${body.dr_user_name} on instance ${standby.id}` });
    }
    if (found.ctx !== ctx) found.ctx.persist();
    const now = Date.now();
    const rec: DrRelationRecord = {
      id: newUuid(),
      synchronization_id: newUuid(),
      // Reading: without dr_task_name the relation gets a name of the 4.18.2 example's form "DR-task-0962"
      name: body.dr_task_name || `DR-task-${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`,
      disaster_type: body.disaster_type,
      role: "master",
      built_role: "master",
      instance_id: primary.id,
      peer: { site: found.site, instance_id: standby.id, info: infoOn(found.site, found.ctx, standby.id) },
      status: "creating",
      precheck_failed_reason: "",
      restore_supported: false,
      keep_log: null,
      simulation: null,
      operation: null,
      created: now,
      updated: now,
      deleted: false,
      peer_synced: false,
    };
    records()[rec.id] = rec;
    return begin(rec, "construct", "creating");
  });

  // 4.18.5 failover, issued on the DR instance ("灾备实例端下发")
  r.add("POST", `${BASE}/failover`, (req) => {
    const body = parseBody(failoverBody, req);
    const inst = instanceOf(req);
    const rec = relationOf(inst, body.disaster_type);
    assertNoOperation(rec);
    assertDisasterSide(rec, "a failover");
    assertStatus(rec, ["normal"], "a failover");
    assertOperable(ctx, inst);
    // reference 4.18.5 `is_support_restore` "仅支持数据库版本大于等于3.100"; A.3 DBS.200856 "数据库引擎版本不支持"
    if (body.is_support_restore === true && !versionAtLeast(inst.datastore.version, "3.100")) {
      throw new DbsError(400, "DBS.200856", { field: "is_support_restore", detail: `instance ${inst.id} runs ${inst.datastore.version}; fail-back support needs 3.100 or later` });
    }
    // The primary's site need not answer: a failover is what a DR instance does when its primary is lost.
    return begin(rec, "failover", "failovering", { is_support_restore: body.is_support_restore === true });
  });

  /** The peer instance must be reachable and ACTIVE for operations both sides take part in. */
  const assertPeerHealthy = (rec: DrRelationRecord, code: string, what: string) => {
    const peerCtx = network.site(rec.peer.site);
    const peer = peerCtx?.state.data.instances[rec.peer.instance_id] as GaussInstance | undefined;
    if (!peerCtx || !peer) throw new DbsError(400, code, { detail: `the peer instance ${rec.peer.instance_id} on site ${rec.peer.site} cannot be reached; ${what} needs both sides` });
    if (peer.status !== "ACTIVE" || isStopped(peer) || peerCtx.jobs.runningOn(peer.id)) {
      throw new DbsError(400, code, { detail: `the peer instance ${peer.id} on site ${rec.peer.site} is ${peer.status}${isStopped(peer) ? " (stopped)" : ""}${peerCtx.jobs.runningOn(peer.id) ? " (busy)" : ""}; ${what} needs both sides normal` });
    }
  };

  // 4.18.6 release, issued on the primary ("从容灾主实例下发")
  r.add("POST", `${BASE}/release`, (req) => {
    const body = parseBody(typeBody, req);
    const inst = instanceOf(req);
    const rec = relationOf(inst, body.disaster_type);
    assertNoOperation(rec);
    assertMasterSide(rec, "a release");
    assertStatus(rec, ["normal", "failovered"], "a release");
    // reference A.3 DBS.200019: not while another job runs on the primary
    ctx.jobs.assertInstanceIdle(inst.id);
    return begin(rec, "release", "releasing");
  });

  // 4.18.7 switchover, issued on either side ("可在主备任意一端下发")
  r.add("POST", `${BASE}/switchover`, (req) => {
    const body = parseBody(typeBody, req);
    const inst = instanceOf(req);
    const rec = relationOf(inst, body.disaster_type);
    assertNoOperation(rec);
    assertStatus(rec, ["normal"], "a switchover");
    assertOperable(ctx, inst);
    // reference A.3 DBS.200079 "当前实例异常,无法主备倒换": both instances take part in a switchover
    assertPeerHealthy(rec, "DBS.200079", "a switchover");
    return begin(rec, "switchover", "switchovering");
  });

  // 4.18.8 fail-back ("流容灾备升主选择支持容灾回切,实现容灾关系的重建任务")
  r.add("POST", `${BASE}/restore`, (req) => {
    const body = parseBody(typeBody, req);
    const inst = instanceOf(req);
    const rec = relationOf(inst, body.disaster_type);
    assertNoOperation(rec);
    assertStatus(rec, ["failovered"], "a fail-back");
    // reference 4.18.8 "备升主选择支持容灾回切": only after a failover with is_support_restore true (A.3 DBS.216009)
    if (!rec.restore_supported) {
      throw new DbsError(400, "DBS.216009", { detail: `the failover of ${rec.name} was made without is_support_restore; release the relation instead` });
    }
    assertOperable(ctx, inst);
    assertPeerHealthy(rec, "DBS.216009", "a fail-back");
    return begin(rec, "restore", "restoring");
  });

  // 4.18.9 drill start, issued on either side
  r.add("POST", `${BASE}/simulation-start`, (req) => {
    const body = parseBody(simulationStartBody, req);
    const inst = instanceOf(req);
    const rec = relationOf(inst, body.disaster_type);
    // reference 4.18.9 `xlog_keep_ratio` "主实例下发容灾演练时必填,备实例下发容灾演练是不必填"
    if (rec.role === "master" && body.xlog_keep_ratio === undefined) {
      throw new DbsError(400, "DBS.280001", { field: "xlog_keep_ratio", detail: "is required when the drill is started on the primary (1-100)" });
    }
    assertNoOperation(rec);
    assertStatus(rec, ["normal"], "a drill");
    assertOperable(ctx, inst);
    return begin(rec, "simulation-start", rec.status, { xlog_keep_ratio: body.xlog_keep_ratio });
  });

  // 4.18.10 drill stop, issued on the DR instance ("灾备实例结束容灾演练")
  r.add("POST", `${BASE}/simulation-stop`, (req) => {
    const body = parseBody(streamBody, req);
    const inst = instanceOf(req);
    const rec = relationOf(inst, body.disaster_type);
    assertNoOperation(rec);
    assertDisasterSide(rec, "ending a drill");
    assertStatus(rec, ["simulating"], "ending a drill");
    ctx.jobs.assertInstanceIdle(inst.id);
    return begin(rec, "simulation-stop", rec.status);
  });

  // 4.18.11 / 4.18.12 log keeping, issued on the primary ("主实例开始容灾日志保持", "主实例结束容灾日志保持")
  for (const kind of ["keep-log-start", "keep-log-stop"] as const) {
    r.add("POST", `${BASE}/${kind}`, (req) => {
      const body = kind === "keep-log-start" ? parseBody(keepLogStartBody, req) : parseBody(streamBody, req);
      const inst = instanceOf(req);
      const rec = relationOf(inst, body.disaster_type);
      assertNoOperation(rec);
      assertMasterSide(rec, kind === "keep-log-start" ? "starting log keeping" : "ending log keeping");
      assertStatus(rec, ["normal", "simulating"], "log keeping");
      ctx.jobs.assertInstanceIdle(inst.id);
      const ratio = "xlog_keep_ratio" in body ? body.xlog_keep_ratio : undefined;
      return begin(rec, kind, rec.status, { xlog_keep_ratio: ratio });
    });
  }

  // 4.18.13 candidates for a master, on every site of the network
  r.add("POST", "/gaussdb/v3/instances/disaster/instanceList", (req) => {
    const body = parseBody(candidatesBody, req);
    const found = network.findInstance(body.master_instance_id, here);
    // reference A.3 DBS.200002 "实例不存在"
    if (!found) throw new DbsError(400, "DBS.200002", { field: "master_instance_id", detail: `no instance ${body.master_instance_id}` });
    const master = factsOf(found.site, found.ctx, found.instance as GaussInstance);
    const list: Record<string, unknown>[] = [];
    // Reading: a disaster_type outside 4.18.4's enum has no candidate (4.18.13 states only its length)
    if (body.disaster_type === undefined || (DISASTER_TYPES as readonly string[]).includes(body.disaster_type)) {
      for (const site of network.siteNames()) {
        const on = network.site(site);
        if (!on) continue;
        for (const inst of Object.values(on.state.data.instances) as GaussInstance[]) {
          const facts = factsOf(site, on, inst);
          if (candidateProblem(master, facts)) continue;
          list.push({
            instance_id: inst.id,
            instance_name: inst.name,
            instance_status: statusWord(inst),
            instance_type: facts.instanceType,
            engine_version: facts.engineVersion,
            deploy_type: null,
            consistency_protocol: facts.consistencyProtocol,
            // a candidate is in no relation: no role, type or status yet
            disaster_role: null,
            disaster_type: null,
            disaster_status: null,
            operations: [],
          });
        }
      }
    }
    return { status: 200, body: { total: list.length, instance_list: list } };
  });

  // 4.18.14 delete records that no longer bind their instances (released, or a construct that failed)
  r.add("POST", "/gaussdb/v3/instances/disaster/record/delete", (req) => {
    // reference 4.18.14: the only body field is "否", so no body is the same as {}
    const body = req.body === undefined ? {} : parseBody(recordDeleteBody, req);
    const named = Object.values(records()).filter((x) => !x.deleted && (body.disaster_name === undefined || x.name === body.disaster_name));
    if (body.disaster_name !== undefined && named.length === 0) {
      throw new DbsError(400, "DBS.200044", { field: "disaster_name", detail: `no disaster-recovery record named ${body.disaster_name}` });
    }
    // A record whose instance was deleted binds nothing either (the reference refuses no instance deletion for DR)
    const deletable = named.filter((x) => isDeletable(x) || (!x.deleted && !ctx.state.data.instances[x.instance_id]));
    // reference A.3 DBS.216009 "当前实例状态不允许操作": a live relation is released (4.18.6) before its record goes
    if (body.disaster_name !== undefined && deletable.length === 0) {
      const live = named[0] as DrRelationRecord;
      throw new DbsError(400, "DBS.216009", { field: "disaster_name", detail: `the relation ${live.name} is ${live.status}; release it first` });
    }
    if (deletable.length === 0) throw new DbsError(400, "DBS.200044", { detail: "no released or failed disaster-recovery record to delete" });
    for (const rec of deletable) assertNoOperation(rec);
    const job = ctx.jobs.start(DR_JOBS["record-delete"].name, { payload: { record_ids: deletable.map((x) => x.id) } });
    for (const rec of deletable) {
      rec.operation = { kind: "record-delete", job_id: job.id, site: here, prior_status: rec.status };
      syncPeer(rec);
    }
    // reference 4.18.14 状态码 200, `job_id` "主任务ID"
    return { status: 200, body: { job_id: job.id } };
  });
}
