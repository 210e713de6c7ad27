/**
 * Taking over databases installed outside TPOPS: reference 4.11.12 (check that the hosts can be managed as an
 * instance) and 4.11.13 (manage them as an instance, a job). The databases themselves live in
 * domain/takeover.ts (seeded by `POST /__emulator/unmanaged-databases`, or left behind by 4.11.5's unmanage).
 */
import { isIP } from "node:net";
import { DbsError } from "../../errors";
import type { EmulatorContext, Router } from "../../router";
import { newHexId, type HostRecord } from "../../state";
import { knownFields, noteUnknownFields, type FieldShape } from "../../validate";
import { defaultBackupPolicy } from "../../domain/backup-rules";
import { checkInstanceName } from "../../domain/instance-rules";
import { defaultConfigurationId } from "../../domain/parameter-templates";
import { SOLUTIONS } from "../../domain/solutions";
import { adminPasswordMatches, databaseOnIp, hostStatusInfo, unmanagedDatabases, type UnmanagedDatabaseRecord } from "../../domain/takeover";
import { jobInstance, refuse, type GaussInstance, type NodeRecord } from "./instance-model";

const MIN = 60_000;

/** The job of 4.11.13 and its base duration (time scale 1.0). */
export const TAKEOVER_JOBS = { manage: { name: "ManageGaussDBInstance", baseMs: 5 * MIN, perHostMs: 30_000 } } as const;

// reference 4.11.12 table 4-544 (manage_ip) and 4.11.13 tables 4-549/4-550: the documented request fields.
const CHECK_SHAPE: FieldShape = { manage_ip: true };
const MANAGE_SHAPE: FieldShape = {
  instance_name: true,
  manage_ip_list: true,
  manage_user: true,
  manage_userpass: true,
  storage_device: { device_id: true, device_directory: true, real_path: true, is_manually_mount: true },
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const invalid = (field: string, detail: string): never => {
  throw new DbsError(400, "DBS.200001", { field, detail });
};

/** Routes of reference 4.11.12 and 4.11.13. */
export function register(r: Router, ctx: EmulatorContext): void {
  const J = TAKEOVER_JOBS;

  /**
   * The database a manage IP leads to, through the host TPOPS added with it. Reading: the platform reaches a database
   * through the agent of a host it added (4.9.2 installs it: A.3 DBS.06025064 "主机安装Agent失败"), so an IP no host
   * has is A.3 DBS.06025031 "所选主机不存在"; a host an instance uses is DBS.06025015 "所选主机已被占用"; a host with no
   * database to take over is DBS.200002 "实例不存在".
   */
  const databaseBehind = (ip: string, field: string): UnmanagedDatabaseRecord => {
    // reference 4.11.12 table 4-544 manage_ip "管理IP"
    if (isIP(ip) === 0) invalid(field, `${JSON.stringify(ip)} is not an IP address`);
    const h = ctx.state.hostByManageIp(ip);
    if (!h) throw new DbsError(400, "DBS.06025031", { field, detail: `no host with manage_ip ${ip}; add it first (4.9.2)` });
    if (h.status === "in_use") throw new DbsError(400, "DBS.06025015", { field, detail: `host ${ip} is in use by instance ${h.instance_name ?? h.instance_id}` });
    const db = databaseOnIp(ctx, ip);
    if (!db || db.managed_by !== null || h.status !== "unmanaged") {
      throw new DbsError(400, "DBS.200002", { field, detail: `host ${ip} (status ${h.status}) carries no database that TPOPS does not manage` });
    }
    return db;
  };

  // ---- 4.11.12 ---------------------------------------------------------------------------------------------------
  r.add("POST", "/v3/instances/management/check-hosts-manageable", (req) => {
    // reference A.3 DBS.200006 "请求体为空"
    if (req.body === undefined) throw new DbsError(400, "DBS.200006");
    noteUnknownFields(req, req.body, CHECK_SHAPE);
    const body = knownFields(req.body, CHECK_SHAPE);
    if (!isObject(body)) return invalid("", "the body must be an object");
    // reference 4.11.12 table 4-544 manage_ip "是 String" — the second example sends null ("当manage_ip中没有管理节点IP")
    if (!("manage_ip" in body)) return invalid("manage_ip", "is required (a manage IP, or null)");
    const ip = body.manage_ip;
    if (ip === null) {
      // Reading of the null example: without an IP the platform answers the hosts it has that await management
      // (4.9.1 status unmanaged "待纳管").
      const hosts = Object.values(ctx.state.data.hosts).filter((h) => h.status === "unmanaged");
      return { status: 200, body: { host_status_info: hosts.map((h) => hostStatusInfo(h, h.ip.manage_ip)) } };
    }
    if (typeof ip !== "string") return invalid("manage_ip", "must be a string");
    const db = databaseBehind(ip, "manage_ip");
    // reference 4.11.12 "检查待纳管为实例的主机是否都已添加到…TPOPS,返回所有关联的主机列表": every host of the database
    return { status: 200, body: { host_status_info: db.manage_ips.map((x) => hostStatusInfo(ctx.state.hostByManageIp(x), x)) } };
  });

  // ---- 4.11.13 ---------------------------------------------------------------------------------------------------
  ctx.jobs.define(J.manage.name, {
    durationMs: J.manage.baseMs,
    onDone(job) {
      const inst = jobInstance(ctx, job.instance_id);
      inst.status = "ACTIVE";
      for (const n of inst.nodes) n.status = "ACTIVE";
      inst.updated = Date.now();
    },
    onFail(job) {
      // Reading: a failed take-over leaves the database as it was, unmanaged on its hosts.
      const id = job.instance_id;
      if (!id) return;
      const db = Object.values(unmanagedDatabases(ctx)).find((d) => d.managed_by === id);
      if (db) db.managed_by = null;
      ctx.state.freeHostsOfInstance(id, "unmanaged");
      delete ctx.state.data.instances[id];
    },
  });

  r.add("POST", "/v3/instances/management", (req) => {
    // reference A.3 DBS.200006 "请求体为空"
    if (req.body === undefined) throw new DbsError(400, "DBS.200006");
    noteUnknownFields(req, req.body, MANAGE_SHAPE);
    const body = knownFields(req.body, MANAGE_SHAPE);
    if (!isObject(body)) return invalid("", "the body must be an object");
    // reference 4.11.13 table 4-549 instance_name "是 String 实例名称" (the rule of 4.11.6 name; A.3 DBS.200021 "实例名非法")
    const nameV = checkInstanceName(body.instance_name);
    if (nameV) refuse({ ...nameV, field: "instance_name" });
    const name = body.instance_name as string;
    // reference 4.11.13 manage_ip_list "是 Array of strings 管理IP列表"
    const list = body.manage_ip_list;
    if (!Array.isArray(list) || list.length === 0 || !list.every((x) => typeof x === "string")) return invalid("manage_ip_list", "must be a non-empty array of manage IPs");
    const ips = list as string[];
    const dup = ips.find((x, i) => ips.indexOf(x) !== i);
    // reference A.3 DBS.06025010 "所选主机数量有误": a host named twice miscounts the selection
    if (dup) throw new DbsError(400, "DBS.06025010", { field: "manage_ip_list", detail: `lists ${dup} twice` });
    // reference 4.11.13 manage_user "是 String 管理员用户", manage_userpass "是 String 管理员用户密码"
    if (typeof body.manage_user !== "string" || body.manage_user === "") return invalid("manage_user", "is required (the database administrator, e.g. rdsAdmin)");
    if (typeof body.manage_userpass !== "string" || body.manage_userpass === "") return invalid("manage_userpass", "is required");
    // reference 4.11.13 table 4-550 DesignStorageDeviceInfo: every field "是"
    const sd = body.storage_device;
    if (!isObject(sd)) return invalid("storage_device", "is required (table 4-550)");
    for (const k of ["device_id", "device_directory", "real_path"] as const) {
      if (typeof sd[k] !== "string" || sd[k] === "") invalid(`storage_device.${k}`, "is required (a non-empty string)");
    }
    if (typeof sd.is_manually_mount !== "boolean") invalid("storage_device.is_manually_mount", "is required (a Boolean)");
    const dbs = ips.map((ip, i) => databaseBehind(ip, `manage_ip_list[${i}]`));
    const db = dbs[0] as UnmanagedDatabaseRecord;
    const other = dbs.findIndex((d) => d.id !== db.id);
    // Reading: one call makes one instance, of one database.
    if (other >= 0) invalid(`manage_ip_list[${other}]`, `${ips[other]} belongs to another database than ${ips[0]}`);
    const { hosts, missing } = ctx.state.hostsByManageIps(db.manage_ips);
    // reference 4.11.12 "检查待纳管为实例的主机是否都已添加": every host of the database must be added (A.3 DBS.06025031 "所选主机不存在")
    const notReady = [...missing, ...hosts.filter((h) => h.status !== "unmanaged").map((h) => h.ip.manage_ip)];
    if (notReady.length) {
      throw new DbsError(400, "DBS.06025031", { field: "manage_ip_list", detail: `the database also runs on ${notReady.join(", ")}, which TPOPS has not added (4.11.12); add those hosts first` });
    }
    // reference A.3 DBS.200029 "用户名或密码错误"
    if (body.manage_user !== db.manage_user || !adminPasswordMatches(db, body.manage_userpass)) {
      throw new DbsError(400, "DBS.200029", { field: "manage_userpass", detail: `the database does not accept user ${body.manage_user} with this password` });
    }
    const spec = SOLUTIONS[db.solution];
    const now = Date.now();
    const inst: GaussInstance = {
      id: newHexId("in14"),
      name,
      status: "BUILD",
      // The instance has the facts of the database found on the hosts (4.11.13 takes no engine, solution or port).
      os_type: db.os_type,
      datastore: { type: db.datastore.type, version: db.datastore.version },
      host_type: "BMS",
      cpu_spec: db.cpu_spec,
      arch: db.arch,
      ha: { ...db.ha },
      solution: db.solution,
      port: db.port,
      float_ip: null,
      configuration_id: defaultConfigurationId(db.datastore.version, spec.family),
      time_zone: db.time_zone,
      az_lists: {},
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
    const ordered = db.manage_ips.map((ip) => hosts.find((h) => h.ip.manage_ip === ip) as HostRecord);
    inst.nodes = ordered.map((h, i): NodeRecord => ({
      id: newHexId("no14"),
      name: `${name}_root_${i}`,
      host_id: h.id,
      manage_ip: h.ip.manage_ip,
      role: i === 0 ? "master" : "slave",
      status: "BUILD",
    }));
    ctx.state.markHostsInUse(ordered.map((h) => h.id), inst, (_h, i) => inst.nodes[i]?.id ?? newHexId("no14"));
    ctx.state.data.instances[inst.id] = inst;
    db.managed_by = inst.id;
    db.updated_at = new Date(now).toISOString();
    const job = ctx.jobs.start(J.manage.name, { instanceId: inst.id, durationMs: J.manage.baseMs + J.manage.perHostMs * ordered.length, payload: { instance_id: inst.id } });
    return { status: 200, body: { instance_id: inst.id, job_id: job.id } };
  });
}
