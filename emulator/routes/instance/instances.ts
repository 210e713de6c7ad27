import { z } from "zod";
import { DbsError } from "../../errors";
import type { EmulatorContext, Router } from "../../router";
import { newHexId, type HostRecord } from "../../state";
import { knownFields, noteUnknownFields, page, parseBody, parseQuery, queryInt, type FieldShape } from "../../validate";
import { defaultBackupPolicy, formatBackupTime } from "../../domain/backup-rules";
import { captureContent, keepBackupsOfDeleted, pointInTimeBackup, pruneExpiredBackups, restoreContent, snapshotOf } from "../backup/backup-restore";
import { upgradeCandidates } from "../../domain/engine-versions";
import { afterInstanceDeleted, passwordHash } from "../../domain/takeover";
import { ROOT_PASSWORD_SPECIALS, checkCreateRequest, checkHostsForInstance, checkMysqlPort, checkPassword, isIpv4 } from "../../domain/instance-rules";
import { defaultConfigurationId, knownConfigurationIds } from "../../domain/parameter-templates";
import { SOLUTIONS, SOLUTION_CHANGES, expansionGroupSize, listTypeFilter, type SolutionName } from "../../domain/solutions";
import {
  assertOperable,
  backups,
  dccWhitelist,
  factsLookup,
  freeHosts,
  getInstance,
  instanceAzs,
  instanceView,
  jobInstance,
  refuse,
  type BackupRecord,
  type GaussInstance,
  type NodeRecord,
} from "./instance-model";

const MIN = 60_000;

/** Where a restore to a new instance comes from (reference 4.11.7). */
interface RestoreSource {
  datastore: { type: string; version: string };
  family: "centralized" | "distributed";
  point: { instance_id: string; backup_id: string; mode: string; tables?: { db_name: string; new_db_name?: string }[] };
}

/** Job names and base durations (time scale 1.0) of the instance operations. */
export const INSTANCE_JOBS = {
  create: { name: "CreateGaussDBV5Instance", baseMs: 20 * MIN, perHostMs: 1 * MIN },
  createDbmind: { name: "CreateGaussDBV5MiniDBMindInstance", baseMs: 15 * MIN, perHostMs: 1 * MIN },
  restore: { name: "RestoreGaussDBInstance", baseMs: 25 * MIN, perHostMs: 1 * MIN },
  uninstall: { name: "DeleteGaussDBInstance", durationMs: 8 * MIN },
  unmanage: { name: "UnmanageGaussDBInstance", durationMs: 2 * MIN },
  stop: { name: "StopGaussDBInstance", durationMs: 2 * MIN },
  start: { name: "StartGaussDBInstance", durationMs: 2 * MIN },
  restart: { name: "RestartGaussDBInstance", durationMs: 3 * MIN },
  expand: { name: "ExpandGaussDBInstanceNodes", perGroupMs: 25 * MIN },
  upgrade: { name: "UpgradeGaussDBInstance", inplaceMs: 15 * MIN, greyPerAzMs: 6 * MIN, commitMs: 2 * MIN, rollbackMs: 8 * MIN },
  solution: { name: "ChangeGaussDBInstanceSolution", durationMs: 20 * MIN },
  enableMysql: { name: "EnableMysqlCompatibility", durationMs: 2 * MIN },
  modifyMysql: { name: "ModifyMysqlCompatibility", durationMs: 2 * MIN },
} as const;

// reference 4.11.6 table 4-495 (with 4.11.7 table 4-506 for restore_point and the XBSA fields): the documented
// request fields; any other is ignored (README "Unknown fields").
const CREATE_SHAPE: FieldShape = {
  name: true, os_type: true, datastore: { type: true, version: true }, host_type: true, cpu_spec: true, arch: true,
  ha: { mode: true, consistency: true, replication_mode: true, consistency_protocol: true }, solution: true, port: true,
  password: true, manage_ip: true, master_az_ip: true, slave_az_ip: true, arbiter_az_ip: true, logger_az_ip: true,
  float_ip: true, configuration_id: true, time_zone: true,
  diy_install_settings: { dir_settings: [{ dir_name: true, dir: true }], component_distributions: [{ component: true, ip: true }] },
  restore_point: {
    restore_time: true, instance_id: true, backup_id: true, type: true, restore_source_type: true,
    table_list: [{ db_name: true, schema_name: true, table_name: true, new_db_name: true, new_schema_name: true, new_table_name: true }],
  },
  xbsa_ssl_certs: true, xbsa_extension_infos: true,
};

const listQuery = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  // reference 4.11.8 `type` "目前仅支持取值"Enterprise"(区分大小写)… 当前支持取值"Ha"(区分大小写)"
  type: z.enum(["Enterprise", "Ha"]).optional(),
  // reference 4.11.8 `datastore_type` "区分大小写。枚举值: GaussDB"
  datastore_type: z.enum(["GaussDB"]).optional(),
  // reference 4.11.8 `offset` "必须为数字,不能为负数"
  offset: queryInt("offset", 0, Number.MAX_SAFE_INTEGER),
  // reference 4.11.8 `limit` "最小值为1,最大值为100"; A.3 DBS.280439 "无效的查询记录数,请输入小于等于100的正整数"
  limit: queryInt("limit", 1, 100, "DBS.280439"),
});

const deleteBody = z.object({
  // reference 4.11.5 table 4-491 `clear_data` "Boolean"
  clear_data: z.boolean().optional(),
  // reference 4.11.5 `keep_db_backup` "Integer 全备保留天数" (no range printed)
  keep_db_backup: z.number().int().optional(),
  // reference 4.11.5 `keep_difference_backup` "Integer 差备保留天数"
  keep_difference_backup: z.number().int().optional(),
  // reference 4.11.5 `rds_admin_password` "String" (its uninstall example sends null)
  rds_admin_password: z.string().nullable().optional(),
  // reference 4.11.5 `is_force_remove_instance` "Boolean"
  is_force_remove_instance: z.boolean().optional(),
});

// reference 4.11.9 / 4.11.11 `node_ids` "是 … 取值不能为null,如果为空列表则停止(启动)整个实例"
const nodeIdsBody = z.object({ node_ids: z.array(z.string().min(1)) });

// reference 4.11.15 table 4-560 `count` "是 Integer 扩容节点组数" (at least one group), `manage_ip` "是 Array of strings"
const expansionNodes = z.object({ count: z.number().int().min(1), manage_ip: z.array(z.string()) });
// reference 4.11.15: table 4-559 puts count/manage_ip in `expand_cluster` itself (表4-560 Nodes), the example in
// `expand_cluster.nodes`; both shapes are read (README "Expansion")
const expansionBody = z.object({ expand_cluster: z.union([z.object({ nodes: expansionNodes }), expansionNodes]) });

const upgradeBody = z.object({
  // reference 4.11.18 `target_version` "是 String"
  target_version: z.string().min(1),
  upgrade_action: z.string().optional(),
  upgrade_type: z.string(),
  upgrade_az: z.string().optional(),
});
// reference 4.11.18 `upgrade_action` "升级action(upgrade, commit,rollback, upgradeAutoCommit, inplace)"
const UPGRADE_ACTIONS = ["upgrade", "commit", "rollback", "upgradeAutoCommit", "inplace"] as const;
// reference 4.11.18 `upgrade_type` "升级类型(inplace,grey )"
const UPGRADE_TYPES = ["inplace", "grey"] as const;

const solutionBody = z.object({
  // reference 4.11.20 `solution` "枚举值: triset pentaset trisetnoetcd pentasetnoetcd"
  solution: z.enum(["triset", "pentaset", "trisetnoetcd", "pentasetnoetcd"]),
  // reference 4.11.20 `manage_ip` "否 Array of strings 主机管理IP列表"
  manage_ip: z.array(z.string()).optional(),
  // reference 4.11.20 `node_id` "否 Array of strings 待缩容的节点ID列表"
  node_id: z.array(z.string()).optional(),
});

// reference 4.11.18: grey actions; upgradeAutoCommit upgrades every AZ and commits in one job.
const GREY_ACTIONS = { upgrade: "grey", commit: "commit", rollback: "rollback", upgradeAutoCommit: "full" } as const;

// reference 4.11.21 / 4.11.22 `port` "String" (the examples send numbers: 3306, 3308)
const mysqlBody = z.object({ port: z.union([z.string(), z.number()]).optional() });

/** Instances (reference 4.11.5–4.11.22): create, list, delete, stop/start/restart, expand, upgrade, solution, M-compat port. */
export function register(r: Router, ctx: EmulatorContext): void {
  const J = INSTANCE_JOBS;
  const instances = () => ctx.state.data.instances as Record<string, GaussInstance>;
  const touch = (inst: GaussInstance) => {
    inst.updated = Date.now();
  };

  /** Validate hosts for new nodes of an existing instance: free, initialized, alike each other and the instance. */
  const checkNewHosts = (inst: GaussInstance, ips: readonly string[], field: string): HostRecord[] => {
    // reference 4.11.15 / 4.11.20 `manage_ip` "Array of strings" of host (management) IPs
    for (const ip of ips) if (!isIpv4(ip)) throw new DbsError(400, "DBS.200001", { field, detail: `${JSON.stringify(ip)} is not an IPv4 address` });
    const dup = ips.find((ip, i) => ips.indexOf(ip) !== i);
    // reference A.3 DBS.06025010 "所选主机数量有误": a host named twice miscounts the selection
    if (dup) throw new DbsError(400, "DBS.06025010", { field, detail: `lists ${dup} twice` });
    const existing = ctx.state.data.hosts[inst.nodes[0]?.host_id ?? ""];
    // the create host checks (reference 4.11.6, A.3 DBS.060250xx), against the instance's own OS/CPU/arch/disk type
    const v = checkHostsForInstance(ips, factsLookup(ctx), {
      osType: inst.os_type,
      cpuSpec: inst.cpu_spec,
      arch: inst.arch,
      hostType: inst.host_type,
      storageType: existing?.spec.storage_type,
    });
    if (v) refuse({ ...v, field });
    return ctx.state.hostsByManageIps(ips).hosts;
  };

  const addNodes = (inst: GaussInstance, hosts: HostRecord[], status: NodeRecord["status"]): NodeRecord[] => {
    // Node names stay unique after a shrink: continue after the highest index in use.
    const used = inst.nodes.map((n) => Number(/_(\d+)$/.exec(n.name)?.[1] ?? -1));
    const start = Math.max(-1, ...used) + 1;
    const nodes = hosts.map((h, i): NodeRecord => ({
      id: newHexId("no14"),
      name: `${inst.name}_root_${start + i}`,
      host_id: h.id,
      manage_ip: h.ip.manage_ip,
      role: "slave",
      status,
    }));
    ctx.state.markHostsInUse(hosts.map((h) => h.id), inst, (_h, i) => nodes[i]?.id ?? newHexId("no14"));
    return nodes;
  };

  // ---- create (4.11.6) ------------------------------------------------------------------------------------
  const onCreateDone = (jobInstanceId: string | null) => {
    const inst = jobInstance(ctx, jobInstanceId);
    inst.status = "ACTIVE";
    for (const n of inst.nodes) n.status = "ACTIVE";
    touch(inst);
    // reference 4.2.15 "该接口支持查询GaussDB的手动全量备份及自动全量备份" (datastore.type "枚举值:GaussDB"): a DBMind
    // instance has no GaussDB backups (README "Backups")
    if (inst.datastore.type !== "GaussDB") return;
    // Reading: like GaussDB on the cloud, the platform takes a first automatic full backup once the instance is up.
    const now = Date.now();
    const id = newHexId("br14");
    backups(ctx)[id] = {
      id,
      name: `${inst.name}-auto-${formatBackupTime(now).slice(0, 19).replace(/[-:T]/g, "")}`,
      description: "",
      begin_time: now,
      end_time: now,
      status: "COMPLETED",
      size: 512,
      type: "auto",
      backup_type: "completed",
      instance_id: inst.id,
      datastore: { ...inst.datastore },
      family: SOLUTIONS[inst.solution].family,
      file_name: `/backup/${inst.id}/${id}`,
      // reference 4.2.9: the topology when the backup is taken; a restored instance's first backup holds its
      // restored content (4.11.7)
      topology: snapshotOf(ctx, inst),
      content: captureContent(ctx, inst.id),
    };
  };
  const onCreateFail = (jobInstanceId: string | null) => {
    const inst = jobInstanceId ? instances()[jobInstanceId] : undefined;
    if (!inst) return;
    inst.status = "FAILED";
    for (const n of inst.nodes) n.status = "STOPPED";
    touch(inst);
  };
  ctx.jobs.define(J.create.name, { durationMs: J.create.baseMs, onDone: (job) => onCreateDone(job.instance_id), onFail: (job) => onCreateFail(job.instance_id) });
  ctx.jobs.define(J.restore.name, {
    durationMs: J.restore.baseMs,
    onDone: (job) => {
      // reference 4.11.7 "备份恢复新实例": the new instance holds the backup's data before its first backup is taken
      const p = job.payload as { restore_from?: { backup_id: string; tables?: { db_name: string; new_db_name?: string }[] } };
      if (p.restore_from && job.instance_id) restoreContent(ctx, job.instance_id, p.restore_from.backup_id, p.restore_from.tables);
      onCreateDone(job.instance_id);
    },
    onFail: (job) => onCreateFail(job.instance_id),
  });
  ctx.jobs.define(J.createDbmind.name, { durationMs: J.createDbmind.baseMs, onDone: (job) => onCreateDone(job.instance_id), onFail: (job) => onCreateFail(job.instance_id) });

  /** Validate a restore point (reference 4.11.7 RestorePoint) against the stored backups. */
  const restoreSource = (raw: unknown): RestoreSource => {
    const f = (field: string, detail: string, code = "DBS.200001"): never => {
      throw new DbsError(400, code, { field: `restore_point.${field}`, detail });
    };
    // reference 4.11.7 `restore_point` "表 4-507 object"
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return f("", "must be an object");
    const rp = raw as Record<string, unknown>;
    // reference 4.11.7 table 4-507 `instance_id` "是 String 原实例ID"
    if (typeof rp.instance_id !== "string" || rp.instance_id === "") f("instance_id", "is required");
    const sourceId = rp.instance_id as string;
    // reference 4.11.7 table 4-507 `type` "枚举值: backup timestamp"
    if (rp.type !== undefined && rp.type !== "backup" && rp.type !== "timestamp") f("type", `${JSON.stringify(rp.type)} is not backup or timestamp`);
    // reference 4.11.7 `type` ""backup"…"type"字段为非必选"; its second example omits it for a time too (README "Restore")
    const mode = rp.type ?? (rp.backup_id !== undefined ? "backup" : rp.restore_time !== undefined ? "timestamp" : undefined);
    if (mode === undefined) f("type", "give backup_id or restore_time");
    // reference 4.11.7 `restore_source_type` "INSTANCE 实例级 DATABASE_TABLE 库表级"
    if (rp.restore_source_type !== undefined && rp.restore_source_type !== "INSTANCE" && rp.restore_source_type !== "DATABASE_TABLE") {
      f("restore_source_type", `${JSON.stringify(rp.restore_source_type)} is not INSTANCE or DATABASE_TABLE`);
    }
    if (rp.table_list !== undefined) {
      // reference 4.11.7 `table_list` "库表信息" is the data of a "DATABASE_TABLE 库表级" restore
      if (rp.restore_source_type !== "DATABASE_TABLE") f("table_list", "needs restore_source_type DATABASE_TABLE");
      // reference 4.11.7 table 4-508 `table_list` "是 Array of 表 4-509 objects"
      if (!Array.isArray(rp.table_list) || rp.table_list.length === 0) f("table_list", "must be a non-empty array");
      for (const t of rp.table_list as unknown[]) {
        // reference 4.11.7 table 4-509 `db_name` "是 String 数据库名称"
        if (typeof t !== "object" || t === null || typeof (t as { db_name?: unknown }).db_name !== "string") f("table_list", "every entry needs db_name");
      }
    }
    pruneExpiredBackups(ctx);
    const own = Object.values(backups(ctx)).filter((b) => b.instance_id === sourceId && b.status === "COMPLETED");
    let from: BackupRecord | undefined;
    if (mode === "backup") {
      // reference 4.11.7 `type` ""backup",表示使用备份文件恢复,…"backup_id"必选"
      if (typeof rp.backup_id !== "string") return f("backup_id", "is required for a backup restore");
      from = own.find((b) => b.id === rp.backup_id);
      // reference A.3 DBS.200751 "备份文件不存在"
      if (!from) f("backup_id", `no completed backup ${rp.backup_id} of instance ${sourceId}`, "DBS.200751");
    } else {
      // reference 4.11.7 `type` ""timestamp",表示按时间点恢复,…"restore_time"必选"; epoch milliseconds as a String
      // (table: "String … 时间戳"; the XBSA example's 1710138043000)
      if (typeof rp.restore_time !== "string" || !/^\d{1,15}$/.test(rp.restore_time)) f("restore_time", "must be epoch milliseconds as a string");
      // reference 4.2.11 "查询可恢复时间段": the time lies in a period 4.2.11 answers (else A.3 DBS.200751 "备份文件不存在",
      // the future DBS.200001); it restores from the latest full backup that ended at or before it (README "Restore")
      from = pointInTimeBackup(ctx, sourceId, Number(rp.restore_time), "restore_point.restore_time");
    }
    const b = from as BackupRecord;
    // reference 4.11.7 table 4-509 `new_db_name` "恢复到目标实例的库名称": a DATABASE_TABLE restore brings the named databases
    const tables = rp.restore_source_type === "DATABASE_TABLE" && Array.isArray(rp.table_list)
      ? (rp.table_list as { db_name: string; new_db_name?: unknown }[]).map((t) => ({ db_name: t.db_name, ...(typeof t.new_db_name === "string" ? { new_db_name: t.new_db_name } : {}) }))
      : undefined;
    return { datastore: { ...b.datastore }, family: b.family, point: { instance_id: sourceId, backup_id: b.id, mode: String(mode), ...(tables ? { tables } : {}) } };
  };

  r.add("POST", "/gaussdb/v3/instances", (req) => {
    // reference A.3 DBS.200006 "请求体为空"
    if (req.body === undefined) throw new DbsError(400, "DBS.200006");
    noteUnknownFields(req, req.body, CREATE_SHAPE);
    const known = knownFields(req.body, CREATE_SHAPE);
    let restore: RestoreSource | undefined;
    if (typeof known === "object" && known !== null && !Array.isArray(known)) {
      const body = known as Record<string, unknown>;
      // README "Restore": XBSA backup media (4.11.7 table 4-510/4-511) are not emulated
      for (const k of ["xbsa_ssl_certs", "xbsa_extension_infos"]) {
        if (body[k] !== undefined) throw new DbsError(400, "DBS.200001", { field: k, detail: "XBSA backup media are not emulated" });
      }
      if (body.restore_point !== undefined) restore = restoreSource(body.restore_point);
    }
    const checked = checkCreateRequest(known, {
      dccWhitelist: dccWhitelist(),
      ...(restore ? { restoreFrom: { type: restore.datastore.type as "GaussDB", version: restore.datastore.version, family: restore.family } } : {}),
    });
    if (!checked.ok) refuse(checked.violation);
    const c = checked.value;
    const spec = SOLUTIONS[c.solution];
    if (c.configurationId !== undefined) {
      // reference 4.11.6 `configuration_id` "参数模板ID": the id of a template the platform has, for the instance's
      // engine version (4.3.2 "指定数据库引擎版本的默认参数") and family
      const tpl = knownConfigurationIds().get(c.configurationId);
      if (!tpl) throw new DbsError(400, "DBS.200001", { field: "configuration_id", detail: `no parameter template ${c.configurationId}` });
      if (tpl.version !== c.datastore.version || tpl.family !== spec.family) {
        throw new DbsError(400, "DBS.200001", { field: "configuration_id", detail: `template ${c.configurationId} is for ${tpl.family} ${tpl.version}` });
      }
    }
    const hv = checkHostsForInstance(c.hostIps, factsLookup(ctx), { osType: c.osType, cpuSpec: c.cpuSpec, arch: c.arch, hostType: c.hostType }, c.azLists);
    if (hv) refuse(hv);
    // The primary goes to the master AZ when one is named.
    const masterIp = c.azLists.master_az_ip?.[0] ?? c.hostIps[0];
    const ordered = [...c.hostIps].sort((a, b) => (a === masterIp ? -1 : b === masterIp ? 1 : 0));
    const hosts = ctx.state.hostsByManageIps(ordered).hosts;
    const now = Date.now();
    const inst: GaussInstance = {
      id: newHexId("in14"),
      name: c.name,
      // reference 4.11.8: RESTORING is the status of an instance being restored.
      status: restore ? "RESTORING" : "BUILD",
      os_type: c.osType,
      datastore: { type: c.datastore.type, version: c.datastore.version },
      host_type: c.hostType,
      cpu_spec: c.cpuSpec,
      arch: c.arch,
      ha: { ...c.ha },
      solution: c.solution,
      port: c.port,
      float_ip: c.floatIp ?? null,
      configuration_id: c.configurationId ?? defaultConfigurationId(c.datastore.version, spec.family),
      time_zone: c.timeZone,
      az_lists: Object.fromEntries(Object.entries(c.azLists).map(([k, v]) => [k, [...(v ?? [])]])),
      nodes: [],
      created: now,
      updated: now,
      backup_policy: defaultBackupPolicy(),
      parameters: {},
      parameters_updated: now,
      pending_restart: false,
      mysql_port: null,
      grey_upgrade: null,
    };
    inst.nodes = addNodes(inst, hosts, "BUILD");
    const first = inst.nodes[0];
    if (first) first.role = "master";
    instances()[inst.id] = inst;
    const def = restore ? J.restore : c.datastore.type === "gaussdbv5-dbmind" ? J.createDbmind : J.create;
    const payload = { instance_id: inst.id, ...(restore ? { restore_from: restore.point } : {}) };
    const job = ctx.jobs.start(def.name, { instanceId: inst.id, durationMs: def.baseMs + def.perHostMs * hosts.length, payload });
    return {
      status: 202,
      body: {
        job_id: job.id,
        instance_id: inst.id,
        name: inst.name,
        os_type: inst.os_type,
        datastore: inst.datastore,
        ha: inst.ha,
        solution: inst.solution,
        port: String(inst.port),
        manage_ip: [...c.hostIps],
        ...inst.az_lists,
        float_ip: inst.float_ip,
        configuration_id: inst.configuration_id,
        time_zone: inst.time_zone,
        backup_strategy: { start_time: inst.backup_policy.start_time, keep_days: inst.backup_policy.keep_days },
      },
    };
  });

  // ---- list / detail (4.11.8) -------------------------------------------------------------------------------
  const matcher = (field: string, raw: string | undefined): ((v: string) => boolean) => {
    if (raw === undefined) return () => true;
    // reference 4.11.8 `id`/`name` "如果id是以"*"起始,表示按照*后面的值模糊匹配,否则,按照id精确匹配查询。不能只传入"*""
    if (raw.startsWith("*")) {
      const rest = raw.slice(1);
      if (rest === "") throw new DbsError(400, "DBS.200001", { field, detail: `"*" alone is not a valid ${field}` });
      return (v) => v.toLowerCase().includes(rest.toLowerCase());
    }
    return (v) => v === raw;
  };
  r.add("GET", "/gaussdb/v3.1/instances", (req) => {
    const q = parseQuery(listQuery, req);
    const idOk = matcher("id", q.id);
    const nameOk = matcher("name", q.name);
    const all = Object.values(instances())
      .filter((i) => idOk(i.id) && nameOk(i.name))
      .filter((i) => q.type === undefined || listTypeFilter(SOLUTIONS[i.solution].family) === q.type)
      .filter((i) => q.datastore_type === undefined || i.datastore.type === q.datastore_type)
      .sort((a, b) => b.created - a.created);
    const items = page(all, { offset: q.offset, limit: q.limit, defaultLimit: 100 });
    return { status: 200, body: { instances: items.map((i) => instanceView(ctx, i)), total_count: all.length } };
  });

  // ---- delete (4.11.5) ----------------------------------------------------------------------------------------
  const onDeleteDone = (jobInstanceId: string | null, payload: unknown, hostStatus: "initialized" | "unmanaged") => {
    const inst = jobInstance(ctx, jobInstanceId);
    const p = payload as { keep_db_backup: number; keep_difference_backup?: number; rds_admin_password_sha256?: string | null };
    // reference 4.11.5 "取消纳管数据库实例": the database keeps running on its hosts (domain/takeover.ts)
    afterInstanceDeleted(ctx, {
      id: inst.id, name: inst.name, manage_ips: inst.nodes.map((n) => n.manage_ip), datastore: inst.datastore, solution: inst.solution, ha: inst.ha,
      port: inst.port, az_name: instanceAzs(ctx, inst)[0] ?? "", os_type: inst.os_type, cpu_spec: inst.cpu_spec, arch: inst.arch, time_zone: inst.time_zone,
    }, hostStatus === "unmanaged", p.rds_admin_password_sha256 ?? null);
    ctx.state.freeHostsOfInstance(inst.id, hostStatus);
    // reference 4.11.5 `keep_db_backup` "全备保留天数", `keep_difference_backup` "差备保留天数": kept that many days;
    // 0 (or less) removes them with the instance (older jobs without the second field keep differentials like fulls)
    keepBackupsOfDeleted(ctx, inst.id, p.keep_db_backup, p.keep_difference_backup ?? p.keep_db_backup);
    delete ctx.state.data.instances[inst.id];
  };
  ctx.jobs.define(J.uninstall.name, { durationMs: J.uninstall.durationMs, onDone: (job) => onDeleteDone(job.instance_id, job.payload, "initialized") });
  // Reading: an unmanaged instance keeps running on its hosts, so they become 待纳管 (unmanaged), not reusable.
  ctx.jobs.define(J.unmanage.name, { durationMs: J.unmanage.durationMs, onDone: (job) => onDeleteDone(job.instance_id, job.payload, "unmanaged") });

  r.add("DELETE", "/gaussdb/v3/instances/{instance_id}/management", (req) => {
    // reference 3.1 "GET、DELETE操作类型的接口就不需要消息体": a DELETE may come without a body
    const body = req.body === undefined ? {} : parseBody(deleteBody, req);
    const inst = getInstance(ctx, req.params.instance_id ?? "");
    // reference 4.11.5 `rds_admin_password` "未传clear_data且未传is_force_remove_instance场景,必传rds_admin_password"
    if (body.clear_data === undefined && body.is_force_remove_instance === undefined) {
      if (body.rds_admin_password === undefined || body.rds_admin_password === null) {
        throw new DbsError(400, "DBS.200001", { field: "rds_admin_password", detail: "is required unless clear_data or is_force_remove_instance is given" });
      }
    }
    if (typeof body.rds_admin_password === "string") {
      // reference 4.11.5 "设置rdsAdmin的密码…重新设置新密码": a password of the instance API like 4.11.6's root password
      // (4.4.16 rule plus `_`, README "Passwords"); A.3 DBS.6025117 "数据库用户密码非法"
      const v = checkPassword(body.rds_admin_password, "rds_admin_password", "DBS.6025117", ROOT_PASSWORD_SPECIALS);
      if (v) refuse(v);
    }
    // reference A.3 DBS.200019 (409) "该实例正在进行其它操作"; any status may be deleted (a FAILED create too)
    ctx.jobs.assertInstanceIdle(inst.id);
    // reference 4.11.5 `clear_data` "true为删除实例,false为取消纳管实例"
    const def = body.clear_data === true ? J.uninstall : J.unmanage;
    const job = ctx.jobs.start(def.name, { instanceId: inst.id, payload: { keep_db_backup: body.keep_db_backup ?? 0, keep_difference_backup: body.keep_difference_backup ?? 0, rds_admin_password_sha256: passwordHash(body.rds_admin_password) } });
    return { status: 202, body: { instance_id: inst.id, job_id: job.id } };
  });

  // ---- stop / start / restart (4.11.9–4.11.11) --------------------------------------------------------------
  const resolveNodes = (inst: GaussInstance, ids: readonly string[]): NodeRecord[] => {
    if (ids.length === 0) return [...inst.nodes];
    return ids.map((id, i) => {
      const n = inst.nodes.find((x) => x.id === id);
      // reference A.3 DBS.216030 "当前节点不属于实例"
      if (!n) throw new DbsError(400, "DBS.216030", { field: `node_ids[${i}]`, detail: `node ${id} is not part of instance ${inst.id}` });
      return n;
    });
  };
  ctx.jobs.define(J.stop.name, {
    durationMs: J.stop.durationMs,
    onDone(job) {
      const inst = jobInstance(ctx, job.instance_id);
      const ids = (job.payload as { node_ids: string[] }).node_ids;
      for (const n of inst.nodes) if (ids.includes(n.id)) n.status = "STOPPED";
      // The instance status stays in the 4.11.8 enum (ACTIVE); a whole-instance stop shows in the nodes (isStopped).
      touch(inst);
    },
  });
  ctx.jobs.define(J.start.name, {
    durationMs: J.start.durationMs,
    onDone(job) {
      const inst = jobInstance(ctx, job.instance_id);
      const ids = (job.payload as { node_ids: string[] }).node_ids;
      for (const n of inst.nodes) if (ids.includes(n.id)) n.status = "ACTIVE";
      inst.status = "ACTIVE";
      touch(inst);
    },
  });
  const restoreActive = (id: string | null) => {
    const inst = id ? instances()[id] : undefined;
    if (!inst) return;
    inst.status = "ACTIVE";
    for (const n of inst.nodes) if (n.status === "REBOOTING") n.status = "ACTIVE";
  };
  ctx.jobs.define(J.restart.name, {
    durationMs: J.restart.durationMs,
    onDone(job) {
      const inst = jobInstance(ctx, job.instance_id);
      inst.status = "ACTIVE";
      for (const n of inst.nodes) n.status = "ACTIVE";
      inst.pending_restart = false;
      touch(inst);
    },
    onFail: (job) => restoreActive(job.instance_id),
  });

  r.add("POST", "/gaussdb/v3/instances/{instance_id}/db-stop", (req) => {
    const body = parseBody(nodeIdsBody, req);
    const inst = getInstance(ctx, req.params.instance_id ?? "");
    assertOperable(ctx, inst);
    const nodes = resolveNodes(inst, body.node_ids);
    const stopped = nodes.find((n) => n.status !== "ACTIVE");
    // reference A.3 DBS.216011 "实例节点状态不允许操作": the node is already stopped
    if (stopped) throw new DbsError(400, "DBS.216011", { field: "node_ids", detail: `node ${stopped.id} is ${stopped.status}` });
    const job = ctx.jobs.start(J.stop.name, { instanceId: inst.id, payload: { node_ids: nodes.map((n) => n.id) } });
    return { status: 202, body: { job_id: job.id } };
  });

  r.add("POST", "/gaussdb/v3/instances/{instance_id}/db-startup", (req) => {
    const body = parseBody(nodeIdsBody, req);
    const inst = getInstance(ctx, req.params.instance_id ?? "");
    assertOperable(ctx, inst, { allowStopped: true });
    const nodes = resolveNodes(inst, body.node_ids);
    // reference A.3 DBS.301147 "启动节点不满足多数派": starting a stopped instance needs a majority of its nodes
    const running = inst.nodes.filter((n) => n.status === "ACTIVE").length;
    const after = new Set([...inst.nodes.filter((n) => n.status === "ACTIVE").map((n) => n.id), ...nodes.map((n) => n.id)]).size;
    if (running === 0 && after < Math.floor(inst.nodes.length / 2) + 1) {
      throw new DbsError(400, "DBS.301147", { field: "node_ids", detail: `${after} of ${inst.nodes.length} nodes is not a majority` });
    }
    const job = ctx.jobs.start(J.start.name, { instanceId: inst.id, payload: { node_ids: nodes.map((n) => n.id) } });
    // reference 4.11.11 table 4-539 (响应 Header 参数) `job_id`: answered in a header as well as in the body
    return { status: 202, body: { job_id: job.id }, headers: { job_id: job.id } };
  });

  r.add("POST", "/gaussdb/v3/instances/{instance_id}/restart", (req) => {
    const inst = getInstance(ctx, req.params.instance_id ?? "");
    assertOperable(ctx, inst);
    const job = ctx.jobs.start(J.restart.name, { instanceId: inst.id, payload: {} });
    inst.status = "REBOOTING";
    for (const n of inst.nodes) n.status = "REBOOTING";
    // reference 4.11.10 table 4-533 (响应 Header 参数) `job_id`: answered in a header as well as in the body
    return { status: 202, body: { job_id: job.id }, headers: { job_id: job.id } };
  });

  // ---- expansion (4.11.15) ----------------------------------------------------------------------------------
  ctx.jobs.define(J.expand.name, {
    durationMs: J.expand.perGroupMs,
    onDone(job) {
      const inst = jobInstance(ctx, job.instance_id);
      const p = job.payload as { nodes: NodeRecord[] };
      inst.nodes.push(...p.nodes.map((n) => ({ ...n, status: "ACTIVE" as const })));
      touch(inst);
    },
    onFail(job) {
      freeHosts(ctx, (job.payload as { nodes: NodeRecord[] }).nodes.map((n) => n.host_id));
    },
  });
  r.add("POST", "/gaussdb/v3/instances/{instance_id}/expansion", (req) => {
    const body = parseBody(expansionBody, req);
    const inst = getInstance(ctx, req.params.instance_id ?? "");
    assertOperable(ctx, inst);
    // reference 4.11.15 "集群扩容" by "扩容节点组数" (node groups, a distributed layout); centralized instances
    // grow by 4.11.20 "集中式形态变更" (README "Expansion"); A.3 DBS.216009 "当前实例状态不允许操作"
    if (SOLUTIONS[inst.solution].family !== "distributed") {
      throw new DbsError(400, "DBS.216009", { detail: `node expansion is for distributed instances; ${inst.id} is ${inst.solution}` });
    }
    const flat = !("nodes" in body.expand_cluster);
    const { count, manage_ip } = "nodes" in body.expand_cluster ? body.expand_cluster.nodes : body.expand_cluster;
    const field = flat ? "expand_cluster.manage_ip" : "expand_cluster.nodes.manage_ip";
    const group = expansionGroupSize(inst.solution);
    // reference 4.11.15 example "三节点组节点扩容": a node group is one more copy of the solution's hosts; A.3 DBS.06025010
    if (manage_ip.length !== count * group) {
      throw new DbsError(400, "DBS.06025010", { field, detail: `${count} group(s) of ${inst.solution} need ${count * group} hosts, got ${manage_ip.length}` });
    }
    const hosts = checkNewHosts(inst, manage_ip, field);
    const nodes = addNodes(inst, hosts, "BUILD");
    const job = ctx.jobs.start(J.expand.name, { instanceId: inst.id, durationMs: J.expand.perGroupMs * count, payload: { nodes } });
    return { status: 202, body: { job_id: job.id } };
  });

  // ---- upgrade (4.11.17 / 4.11.18) ---------------------------------------------------------------------------
  r.add("GET", "/gaussdb/v3/instances/{instance_id}/db-upgrade/candidate-versions", (req) => {
    const inst = getInstance(ctx, req.params.instance_id ?? "");
    const candidates = [...upgradeCandidates(inst.datastore.version)];
    const g = inst.grey_upgrade;
    const azs = instanceAzs(ctx, inst);
    const can = candidates.length > 0 && inst.status === "ACTIVE";
    const remaining = g ? azs.filter((a) => !g.upgraded_azs.includes(a)) : azs;
    return {
      status: 200,
      body: {
        upgrade_type_list: [
          {
            upgrade_type: "grey",
            upgrade_action_list: [
              { upgrade_action: "commit", enable: !!g && remaining.length === 0 },
              { upgrade_action: "rollback", enable: !!g },
              { upgrade_action: "upgrade", enable: g ? remaining.length > 0 : can },
              { upgrade_action: "upgradeAutoCommit", enable: !g && can },
            ],
            enable: can || !!g,
          },
          { upgrade_type: "hotfix", upgrade_action_list: null, enable: false },
          { upgrade_type: "inplace", upgrade_action_list: [{ upgrade_action: "upgradeAutoCommit", enable: !g && can }], enable: !g && can },
        ],
        rollback_enabled: !!g,
        source_version: inst.datastore.version,
        target_version: g?.target ?? null,
        roll_upgrade_progress: {
          not_fully_upgraded_az: remaining.join(","),
          already_upgraded_az: (g?.upgraded_azs ?? []).join(","),
          az_description_map: Object.fromEntries(azs.map((a) => [a, a])),
        },
        upgrade_candidate_versions: g ? [g.target] : candidates,
        hotfix_upgrade_candidate_versions: [],
        hotfix_rollback_candidate_versions: [],
      },
    };
  });

  ctx.jobs.define(J.upgrade.name, {
    durationMs: J.upgrade.inplaceMs,
    onDone(job) {
      const inst = jobInstance(ctx, job.instance_id);
      const p = job.payload as { action: "full" | "grey" | "commit" | "rollback"; target: string; azs: string[] };
      if (p.action === "full" || p.action === "commit") {
        inst.datastore.version = p.target;
        inst.grey_upgrade = null;
      } else if (p.action === "rollback") {
        inst.grey_upgrade = null;
      } else {
        const g = inst.grey_upgrade ?? { target: p.target, upgraded_azs: [] };
        g.upgraded_azs.push(...p.azs.filter((a) => !g.upgraded_azs.includes(a)));
        inst.grey_upgrade = g;
      }
      inst.status = "ACTIVE";
      touch(inst);
    },
    onFail: (job) => restoreActive(job.instance_id),
  });
  r.add("PUT", "/gaussdb/v3.1/instances/{instance_id}/db-upgrade", (req) => {
    const body = parseBody(upgradeBody, req);
    const inst = getInstance(ctx, req.params.instance_id ?? "");
    // reference A.3 DBS.280012 (400) "当前实例正处于其他操作中,无法升级": the upgrade's own busy code
    assertOperable(ctx, inst, { busyCode: "DBS.280012" });
    const g = inst.grey_upgrade;
    // reference A.3 DBS.280657 "非法的升级参数,请检查升级类型和升级方式"
    const bad = (detail: string, code = "DBS.280657", field = "upgrade_action"): never => {
      throw new DbsError(400, code, { field, detail });
    };
    // reference 4.11.18 `upgrade_type` "升级类型(inplace,grey )", `upgrade_action` "(upgrade, commit,rollback, …)"
    if (!(UPGRADE_TYPES as readonly string[]).includes(body.upgrade_type)) bad(`${body.upgrade_type} is not inplace or grey`, "DBS.280657", "upgrade_type");
    if (body.upgrade_action !== undefined && !(UPGRADE_ACTIONS as readonly string[]).includes(body.upgrade_action)) {
      bad(`${body.upgrade_action} is not one of ${UPGRADE_ACTIONS.join(", ")}`);
    }
    let action: "full" | "grey" | "commit" | "rollback";
    let azs: string[] = [];
    let durationMs: number = J.upgrade.inplaceMs;
    if (body.upgrade_type === "inplace") {
      // reference 4.11.17 example: inplace's upgrade_action_list is [ upgradeAutoCommit ] (4.11.18 adds "inplace")
      if (body.upgrade_action !== undefined && body.upgrade_action !== "inplace" && body.upgrade_action !== "upgradeAutoCommit") {
        bad(`${body.upgrade_action} is not an in-place upgrade action`);
      }
      action = "full";
    } else {
      // reference 4.11.18 `upgrade_action` "升级type为grey时必填"
      if (body.upgrade_action === undefined) bad("is required for grey upgrades");
      // reference 4.11.17 example: grey's upgrade_action_list is commit, rollback, upgrade, upgradeAutoCommit
      if (body.upgrade_action === "inplace") bad("inplace is not a grey upgrade action");
      action = GREY_ACTIONS[body.upgrade_action as keyof typeof GREY_ACTIONS];
    }
    if (action === "commit" || action === "rollback") {
      // reference A.3 DBS.280660 "实例灰度升级校验失败,请检查实例状态": nothing to commit or roll back
      if (!g) bad(`no grey upgrade is in progress to ${action}`, "DBS.280660");
      if (g && body.target_version !== g.target) bad(`the grey upgrade in progress targets ${g.target}`, "DBS.280657", "target_version");
      if (action === "commit" && g) {
        const left = instanceAzs(ctx, inst).filter((a) => !g.upgraded_azs.includes(a));
        // reference 4.11.17 `not_fully_upgraded_az` "未升级的AZ": a commit needs every AZ upgraded; A.3 DBS.280660
        if (left.length > 0) bad(`AZs ${left.join(",")} are not upgraded yet`, "DBS.280660");
      }
      durationMs = action === "commit" ? J.upgrade.commitMs : J.upgrade.rollbackMs;
    } else {
      if (g) {
        // reference A.3 DBS.280660: a grey upgrade in progress must be committed or rolled back first
        if (action === "full") bad("a grey upgrade is in progress; commit or roll it back first", "DBS.280660");
        if (body.target_version !== g.target) bad(`the grey upgrade in progress targets ${g.target}`, "DBS.280657", "target_version");
      } else {
        // reference A.3 DBS.05000008 "当前实例源版本与目标版本相同,不需要升级"
        if (body.target_version === inst.datastore.version) throw new DbsError(400, "DBS.05000008", { field: "target_version" });
        const candidates: readonly string[] = upgradeCandidates(inst.datastore.version);
        // reference 4.11.17 `upgrade_candidate_versions` "可升级版本"; A.3 DBS.280236 "数据库引擎版本非法"
        if (!candidates.includes(body.target_version)) {
          throw new DbsError(400, "DBS.280236", {
            field: "target_version",
            detail: `${body.target_version} is not an upgrade candidate of ${inst.datastore.version} (${candidates.join(", ") || "none"})`,
          });
        }
      }
      if (action === "grey") {
        const all = instanceAzs(ctx, inst);
        // reference 4.11.18 `upgrade_az` "多AZ需要以逗号分隔,升级action为upgrade时必填"; A.3 DBS.280658 "非法的灰度升级可用区取值"
        const want = (body.upgrade_az ?? "").split(",").map((s) => s.trim()).filter(Boolean);
        if (want.length === 0) bad("is required for the upgrade action", "DBS.280658", "upgrade_az");
        for (const az of want) {
          // reference 4.11.17 `az_description_map` "key是可用区编号": the instance's AZs (its data centers)
          if (!all.includes(az)) bad(`${az} is not an AZ of the instance (${all.join(",")})`, "DBS.280658", "upgrade_az");
          if (g?.upgraded_azs.includes(az)) bad(`${az} is already upgraded`, "DBS.280658", "upgrade_az");
        }
        azs = [...new Set(want)];
        durationMs = J.upgrade.greyPerAzMs * azs.length;
      }
    }
    const job = ctx.jobs.start(J.upgrade.name, { instanceId: inst.id, durationMs, payload: { action, target: body.target_version, azs } });
    inst.status = "UPGRADING";
    return { status: 202, body: { job_id: job.id } };
  });

  // ---- solution change (4.11.20) ------------------------------------------------------------------------------
  ctx.jobs.define(J.solution.name, {
    durationMs: J.solution.durationMs,
    onDone(job) {
      const inst = jobInstance(ctx, job.instance_id);
      const p = job.payload as { solution: SolutionName; add: NodeRecord[]; remove: string[] };
      inst.nodes.push(...p.add.map((n) => ({ ...n, status: "ACTIVE" as const })));
      const removed = inst.nodes.filter((n) => p.remove.includes(n.id));
      inst.nodes = inst.nodes.filter((n) => !p.remove.includes(n.id));
      // A removed primary hands over to a remaining standby (the instance keeps one master, 4.11.8 `role`).
      const first = inst.nodes[0];
      if (first && !inst.nodes.some((n) => n.role === "master")) first.role = "master";
      freeHosts(ctx, removed.map((n) => n.host_id));
      inst.solution = p.solution;
      touch(inst);
    },
    onFail(job) {
      freeHosts(ctx, (job.payload as { add: NodeRecord[] }).add.map((n) => n.host_id));
    },
  });
  r.add("PUT", "/gaussdb/v3/instances/{instance_id}/solution", (req) => {
    const body = parseBody(solutionBody, req);
    const inst = getInstance(ctx, req.params.instance_id ?? "");
    assertOperable(ctx, inst);
    // reference 4.11.20 "triset与pentaset可相互变更。trisetnoetcd与pentasetnoetcd可相互变更"
    if (SOLUTION_CHANGES[inst.solution] !== body.solution) {
      throw new DbsError(400, "DBS.200001", {
        field: "solution",
        detail: `${inst.solution} cannot change to ${body.solution}; allowed: triset<->pentaset, trisetnoetcd<->pentasetnoetcd`,
      });
    }
    const delta = SOLUTIONS[body.solution].hostCount - SOLUTIONS[inst.solution].hostCount;
    let add: NodeRecord[] = [];
    let remove: string[] = [];
    if (delta > 0) {
      // reference 4.11.20 `manage_ip` "主机管理IP列表" (example "主备3节点扩副本"): the hosts of the new nodes,
      // "一主两备三节点" → "一主四备五节点" needs two; A.3 DBS.06025010 "所选主机数量有误". `node_id` is for shrinking only.
      const ips = body.manage_ip ?? [];
      if (ips.length !== delta) throw new DbsError(400, "DBS.06025010", { field: "manage_ip", detail: `${inst.solution} -> ${body.solution} needs ${delta} new hosts, got ${ips.length}` });
      add = addNodes(inst, checkNewHosts(inst, ips, "manage_ip"), "BUILD");
    } else {
      // reference 4.11.20 `node_id` "待缩容的节点ID列表" (example "主备5节点缩副本"): five nodes to three removes two
      const ids = body.node_id ?? [];
      if (ids.length !== -delta || new Set(ids).size !== ids.length) {
        throw new DbsError(400, "DBS.200001", { field: "node_id", detail: `${inst.solution} -> ${body.solution} removes ${-delta} distinct nodes, got ${ids.length}` });
      }
      for (const [i, id] of ids.entries()) {
        // reference A.3 DBS.216030 "当前节点不属于实例"
        if (!inst.nodes.some((x) => x.id === id)) throw new DbsError(400, "DBS.216030", { field: `node_id[${i}]`, detail: `node ${id} is not part of instance ${inst.id}` });
      }
      remove = ids;
    }
    const job = ctx.jobs.start(J.solution.name, { instanceId: inst.id, payload: { solution: body.solution, add, remove } });
    return { status: 202, body: { job_id: job.id } };
  });

  // ---- M-compatibility port (4.11.21 / 4.11.22) --------------------------------------------------------------
  const setMysqlPort = (job: { instance_id: string | null; payload: unknown }) => {
    const inst = jobInstance(ctx, job.instance_id);
    const port = (job.payload as { port: number | null }).port;
    // reference 4.11.22 "不填默认保持原有设定端口" (null: keep), "取值为0,标识关闭MySQL兼容端口服务"
    if (port !== null) inst.mysql_port = port === 0 ? null : port;
    touch(inst);
  };
  ctx.jobs.define(J.enableMysql.name, { durationMs: J.enableMysql.durationMs, onDone: setMysqlPort });
  ctx.jobs.define(J.modifyMysql.name, { durationMs: J.modifyMysql.durationMs, onDone: setMysqlPort });
  r.add("POST", "/gaussdb/v3/instances/{instance_id}/mysql-compatibility", (req) => {
    const body = parseBody(mysqlBody, req);
    const inst = getInstance(ctx, req.params.instance_id ?? "");
    assertOperable(ctx, inst);
    // reference 4.11.21 "开启指定实例的M兼容端口" (an open port is set to the new one: no refusal is printed)
    const p = checkMysqlPort(body.port, inst.port, false);
    if (!p.ok) refuse(p.violation);
    const job = ctx.jobs.start(J.enableMysql.name, { instanceId: inst.id, payload: { port: p.value } });
    return { status: 202, body: { job_id: job.id } };
  });
  r.add("PUT", "/gaussdb/v3/instances/{instance_id}/mysql-compatibility", (req) => {
    const body = parseBody(mysqlBody, req);
    const inst = getInstance(ctx, req.params.instance_id ?? "");
    assertOperable(ctx, inst);
    // reference 4.11.22 `port` "修改端口的时候必填,不填默认保持原有设定端口": an omitted port keeps the setting
    let port: number | null = null;
    if (body.port !== undefined) {
      const p = checkMysqlPort(body.port, inst.port, true);
      if (!p.ok) refuse(p.violation);
      port = p.value;
    }
    const job = ctx.jobs.start(J.modifyMysql.name, { instanceId: inst.id, payload: { port } });
    return { status: 202, body: { job_id: job.id } };
  });
}
