/**
 * Databases that run on hosts without TPOPS managing them (reference 4.11.12 "检查主机是否可被纳管为实例", 4.11.13
 * "纳管实例", 4.11.5 "取消纳管实例"): one installed outside TPOPS (seeded through `POST /__emulator/unmanaged-databases`)
 * or one an unmanage left behind. The record outlives the management: 4.11.13 marks it `managed_by` the instance it
 * made, 4.11.5 with clear_data false releases it again (with the instance's facts of that moment), and only an
 * uninstall (clear_data true) removes the database.
 */
import { createHash } from "node:crypto";
import { isIP } from "node:net";
import { z } from "zod";
import { DbsError } from "../errors";
import type { EmulatorContext } from "../router";
import { isoSeconds, newHexId, type HostRecord } from "../state";
import { ENGINE_VERSIONS, latestVersion } from "./engine-versions";
import { SOLUTIONS, SOLUTION_NAMES, type SolutionName } from "./solutions";

/** A GaussDB database running on hosts, as the emulator keeps it (the `unmanagedDatabases` collection). */
export interface UnmanagedDatabaseRecord {
  id: string;
  /** `installed`: installed outside TPOPS (seeded); `unmanaged`: left running by 4.11.5 with clear_data false. */
  origin: "installed" | "unmanaged";
  /** Every host of the database by manage IP; the first carries the primary. */
  manage_ips: string[];
  datastore: { type: "GaussDB"; version: string };
  solution: SolutionName;
  ha: { mode: string; consistency: string; replication_mode: string; consistency_protocol: string };
  port: number;
  /** The AZ name it was installed with: reference 4.9.2 "所选机房的名称需要和实例安装时使用的AZ名称保持一致". */
  az_name: string;
  os_type: string;
  cpu_spec: string;
  arch: string;
  time_zone: string;
  /** The administrator 4.11.13 `manage_user` names, and a hash of its password (null: only TPOPS knew it). */
  manage_user: string;
  manage_password_sha256: string | null;
  /** The instance 4.11.13 made of it while TPOPS manages it; null while unmanaged. */
  managed_by: string | null;
  /** The instance it was before 4.11.5 unmanaged it (origin `unmanaged`). */
  previous_instance?: { id: string; name: string };
  created_at: string;
  updated_at: string;
}

/** The stored databases (reference 4.11.12/4.11.13), keyed by id. */
export function unmanagedDatabases(ctx: EmulatorContext): Record<string, UnmanagedDatabaseRecord> {
  return ctx.state.data.unmanagedDatabases;
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** True when `password` is the administrator password of the database. */
export function adminPasswordMatches(db: UnmanagedDatabaseRecord, password: string): boolean {
  return db.manage_password_sha256 !== null && db.manage_password_sha256 === sha256(password);
}

/** The database (managed or not) that runs on the host with this manage IP, if any. */
export function databaseOnIp(ctx: EmulatorContext, ip: string): UnmanagedDatabaseRecord | undefined {
  return Object.values(unmanagedDatabases(ctx)).find((d) => d.manage_ips.includes(ip));
}

/** The database no instance manages that runs on this host, if any. */
export function unmanagedDatabaseOnIp(ctx: EmulatorContext, ip: string): UnmanagedDatabaseRecord | undefined {
  const d = databaseOnIp(ctx, ip);
  return d && d.managed_by === null ? d : undefined;
}

// ---- hooks of the host routes (reference 4.9.2) -------------------------------------------------------------

/**
 * Reference 4.9.2 接口约束 "如果主机上有实例,则添加主机时所选机房的名称需要和实例安装时使用的AZ名称保持一致"; A.3
 * DBS.06025067 "请检查安装实例的azName是否和机房名称相同": a host carrying a database joins the data center named as
 * the database's AZ.
 */
export function checkHostAddForDatabase(ctx: EmulatorContext, manageIp: string, dataCenterId: string, field: string): void {
  const db = unmanagedDatabaseOnIp(ctx, manageIp);
  const dc = ctx.state.data.dataCenters[dataCenterId];
  if (db && dc && dc.name !== db.az_name) {
    throw new DbsError(400, "DBS.06025067", { field, detail: `host ${manageIp} carries a database installed in AZ ${db.az_name}; add it to the data center named ${db.az_name}, not ${dc.name}` });
  }
}

/**
 * The status a host takes when its add job completes: reference 4.9.1 `status` "待纳管" (unmanaged) for a host that
 * carries a database TPOPS does not manage, else initialized.
 */
export function addedHostStatus(ctx: EmulatorContext, manageIp: string): "initialized" | "unmanaged" {
  return unmanagedDatabaseOnIp(ctx, manageIp) ? "unmanaged" : "initialized";
}

// ---- hook of 4.11.5 ------------------------------------------------------------------------------------------

/** What 4.11.5 leaves of an instance: the facts its database keeps running with. */
export interface DeletedInstanceFacts {
  id: string;
  name: string;
  manage_ips: string[];
  datastore: { type: string; version: string };
  solution: SolutionName;
  ha: UnmanagedDatabaseRecord["ha"];
  port: number;
  az_name: string;
  os_type: string;
  cpu_spec: string;
  arch: string;
  time_zone: string;
}

/**
 * After 4.11.5: with clear_data false ("取消纳管实例") the database keeps running on its hosts, unmanaged, with the
 * rdsAdmin password the call set (4.11.5 rds_admin_password "设置rdsAdmin的密码"; none given: the one TPOPS knew);
 * with clear_data true ("删除实例") it is uninstalled and gone.
 */
export function afterInstanceDeleted(ctx: EmulatorContext, inst: DeletedInstanceFacts, unmanaged: boolean, rdsAdminPasswordSha256: string | null): void {
  const all = unmanagedDatabases(ctx);
  const own = Object.values(all).find((d) => d.managed_by === inst.id);
  if (!unmanaged) {
    if (own) delete all[own.id];
    return;
  }
  const now = isoSeconds(Date.now());
  const facts = {
    manage_ips: [...inst.manage_ips],
    datastore: { type: "GaussDB" as const, version: inst.datastore.version },
    solution: inst.solution,
    ha: { ...inst.ha },
    port: inst.port,
    az_name: inst.az_name,
    os_type: inst.os_type,
    cpu_spec: inst.cpu_spec,
    arch: inst.arch,
    time_zone: inst.time_zone,
  };
  if (own) {
    Object.assign(own, facts, { managed_by: null, updated_at: now, previous_instance: { id: inst.id, name: inst.name } });
    if (rdsAdminPasswordSha256 !== null) own.manage_password_sha256 = rdsAdminPasswordSha256;
    return;
  }
  const id = newHexId("ud14");
  all[id] = {
    id,
    origin: "unmanaged",
    ...facts,
    manage_user: "rdsAdmin",
    manage_password_sha256: rdsAdminPasswordSha256,
    managed_by: null,
    previous_instance: { id: inst.id, name: inst.name },
    created_at: now,
    updated_at: now,
  };
}

/** The hash 4.11.5's rds_admin_password is kept as (never the password itself). */
export function passwordHash(password: string | null | undefined): string | null {
  return typeof password === "string" && password !== "" ? sha256(password) : null;
}

// ---- control API: POST /__emulator/unmanaged-databases -------------------------------------------------------

const seedSchema = z.strictObject({
  manage_ips: z.array(z.string().refine((ip) => isIP(ip) !== 0, { message: "is not an IP address" })).min(1),
  solution: z.enum(SOLUTION_NAMES),
  version: z.enum(ENGINE_VERSIONS).optional(),
  port: z.number().int().min(1024).max(39989).optional(),
  az_name: z.string().min(1).optional(),
  os_type: z.enum(["kylin", "uniontech"]).optional(),
  cpu_spec: z.enum(["intel", "kunpeng", "hygon"]).optional(),
  time_zone: z.string().min(1).optional(),
  manage_user: z.string().min(1).optional(),
  manage_password: z.string().min(1),
});

/** The view of a record the control API shows (no password hash). */
export function unmanagedDatabaseView(d: UnmanagedDatabaseRecord): Record<string, unknown> {
  const { manage_password_sha256: _hidden, ...rest } = d;
  return { ...rest, manage_password_known: d.manage_password_sha256 !== null };
}

/**
 * Seeds a database installed outside TPOPS on hosts (control API). Hosts TPOPS already added with those IPs become
 * 待纳管 (unmanaged); a host in use by an instance, or an IP another database runs on, is refused (409).
 */
export function seedUnmanagedDatabase(ctx: EmulatorContext, body: unknown): UnmanagedDatabaseRecord {
  const r = seedSchema.safeParse(body);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new DbsError(400, "DBS.200001", { field: issue?.path.join(".") || undefined, detail: issue?.message });
  }
  const b = r.data;
  const spec = SOLUTIONS[b.solution];
  const ips = [...new Set(b.manage_ips)];
  if (ips.length !== spec.hostCount) throw new DbsError(400, "DBS.200001", { field: "manage_ips", detail: `solution ${b.solution} runs on ${spec.hostCount} hosts, got ${ips.length}` });
  for (const ip of ips) {
    if (databaseOnIp(ctx, ip)) throw new DbsError(409, "DBS.200001", { field: "manage_ips", detail: `a database already runs on ${ip}` });
    const h = ctx.state.hostByManageIp(ip);
    if (h && h.status !== "initialized" && h.status !== "unmanaged") throw new DbsError(409, "DBS.200001", { field: "manage_ips", detail: `host ${ip} is ${h.status}` });
  }
  const now = isoSeconds(Date.now());
  const id = newHexId("ud14");
  const cpu = b.cpu_spec ?? "intel";
  const rec: UnmanagedDatabaseRecord = {
    id,
    origin: "installed",
    manage_ips: ips,
    datastore: { type: "GaussDB", version: b.version ?? latestVersion() },
    solution: b.solution,
    ha: {
      mode: spec.haMode,
      consistency: "strong",
      replication_mode: "sync",
      consistency_protocol: spec.noEtcd ? "paxos" : "quorum",
    },
    port: b.port ?? 8000,
    az_name: b.az_name ?? "AZ1",
    os_type: b.os_type ?? "kylin",
    cpu_spec: cpu,
    arch: cpu === "kunpeng" ? "ARM" : "X86",
    time_zone: b.time_zone ?? "UTC+08:00",
    manage_user: b.manage_user ?? "rdsAdmin",
    manage_password_sha256: sha256(b.manage_password),
    managed_by: null,
    created_at: now,
    updated_at: now,
  };
  unmanagedDatabases(ctx)[id] = rec;
  for (const ip of ips) {
    const h = ctx.state.hostByManageIp(ip);
    if (h) {
      h.status = "unmanaged";
      h.updated_at = now;
    }
  }
  return rec;
}

// ---- 4.11.12 ---------------------------------------------------------------------------------------------------

/** One entry of 4.11.12 table 4-546 HostStatusInfo. */
export interface HostStatusInfo {
  host_name: string;
  manage_ip: string;
  is_online: string;
  host_type: string;
}

/**
 * 4.11.12 table 4-546 for one host of a database. Reading (the reference prints only "added"): `added` for a host
 * TPOPS added whose add completed (4.9.1 status unmanaged), `not_added` for an IP no host has, otherwise the host's
 * 4.9.1 status (initializing, initialize_failed, deleting, delete_failed); the name of a host not added is the
 * example's form `host-192-168-*-*`.
 */
export function hostStatusInfo(h: HostRecord | undefined, ip: string): HostStatusInfo {
  return {
    host_name: h?.name ?? `host-${ip.replace(/[.:]/g, "-")}`,
    manage_ip: ip,
    is_online: !h ? "not_added" : h.status === "unmanaged" ? "added" : h.status,
    host_type: h?.type ?? "BMS",
  };
}
