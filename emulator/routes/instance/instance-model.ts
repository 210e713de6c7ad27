import { DBS_CODES, DbsError } from "../../errors";
import type { EmulatorContext } from "../../router";
import { isoSeconds, type HostRecord, type InstanceRecord } from "../../state";
import type { BackupPolicy, TopologySnapshot } from "../../domain/backup-rules";
import type { AccountRecord, DatabaseRecord, GrantRecord, SchemaRecord } from "../../domain/database/records";
import type { HostFacts, Violation } from "../../domain/instance-rules";
import { SOLUTIONS, type AzListName, type SolutionName } from "../../domain/solutions";

/**
 * Instance statuses: exactly the 4.11.8 enum ("BUILD" … "STORAGE FULL"). A whole-instance db-stop shows in the
 * nodes (`STOPPED`; node `status` has no enum) while the instance stays ACTIVE (README "Status model").
 */
export type InstanceStatus = "BUILD" | "ACTIVE" | "FAILED" | "REBOOTING" | "UPGRADING" | "RESTORING" | "BACKING UP" | "STORAGE FULL";

/** A database node as stored: one per host (reference 4.11.8 NodeResult). */
export interface NodeRecord {
  id: string;
  name: string;
  host_id: string;
  manage_ip: string;
  role: "master" | "slave";
  status: "BUILD" | "ACTIVE" | "STOPPED" | "REBOOTING";
}

/** A grey (rolling) upgrade in progress (reference 4.11.17/4.11.18). */
export interface GreyUpgrade {
  target: string;
  upgraded_azs: string[];
}

/** A GaussDB instance as the instance-side routes store it. */
export interface GaussInstance extends InstanceRecord {
  status: InstanceStatus;
  os_type: string;
  datastore: { type: string; version: string };
  host_type: string;
  cpu_spec: string;
  arch: string;
  ha: { mode: string; consistency: string; replication_mode: string; consistency_protocol: string };
  solution: SolutionName;
  port: number;
  float_ip: string | null;
  configuration_id: string;
  time_zone: string;
  az_lists: Partial<Record<AzListName, string[]>>;
  nodes: NodeRecord[];
  created: number;
  updated: number;
  backup_policy: BackupPolicy;
  /** Parameter values changed from the template default, by listed name. */
  parameters: Record<string, string>;
  parameters_updated: number;
  /** A parameter needing a restart was changed since the last restart. */
  pending_restart: boolean;
  mysql_port: number | null;
  grey_upgrade: GreyUpgrade | null;
}

/** A backup as stored (reference 4.2.7 BackupInfo / 4.2.15 BackupsResult). */
export interface BackupRecord {
  id: string;
  name: string;
  description: string;
  begin_time: number;
  end_time: number | null;
  status: "BUILDING" | "COMPLETED" | "FAILED";
  size: number;
  type: "auto" | "manual";
  backup_type: "completed" | "differential";
  instance_id: string;
  datastore: { type: string; version: string };
  /** Family of the backed-up instance: a backup restores only to a solution of the same family. */
  family: "centralized" | "distributed";
  file_name: string;
  /** The instance's topology when the backup was taken (reference 4.2.9); absent in older state files. */
  topology?: TopologySnapshot;
  /** The instance's database objects (reference 4.4) when the backup completed, for a restore to copy. */
  content?: BackupContent;
  /** Epoch ms the instance was deleted at, when the backup outlives it (reference 4.11.5 keep_db_backup). */
  source_deleted_at?: number;
  /** Epoch ms a backup kept after its instance's deletion expires (4.11.5 "保留天数"). */
  kept_until?: number;
}

/** The database objects a backup carries (records of emulator/domain/database/records.ts, builtins excluded). */
export interface BackupContent {
  databases: DatabaseRecord[];
  schemas: SchemaRecord[];
  accounts: AccountRecord[];
  grants: GrantRecord[];
}

/** Throw the DBS error for a domain violation. */
export function refuse(v: Violation): never {
  throw new DbsError(DBS_CODES[v.code]?.status ?? 400, v.code, { field: v.field, detail: v.detail });
}

/** The stored backups (kept in the store's `extra` collection). */
export function backups(ctx: EmulatorContext): Record<string, BackupRecord> {
  const extra = ctx.state.data.extra as { backups?: Record<string, BackupRecord> };
  extra.backups ??= {};
  return extra.backups;
}

/**
 * The instance with this id, else 400 DBS.200002 (reference A.3 "实例不存在", listed under 400). The reference gives
 * no id format (its examples use "dsfae23fsfdsae3435in14", "…3ae1cfin01", "…aa373kcfin14"), so none is checked.
 */
export function getInstance(ctx: EmulatorContext, id: string, field = "instance_id"): GaussInstance {
  const inst = ctx.state.data.instances[id];
  if (!inst) throw new DbsError(400, "DBS.200002", { field, detail: `no instance ${id}` });
  return inst as GaussInstance;
}

/** True when every node of the instance is stopped (a whole-instance db-stop, reference 4.11.9 "停止整个实例"). */
export function isStopped(inst: GaussInstance): boolean {
  return inst.nodes.length > 0 && inst.nodes.every((n) => n.status === "STOPPED");
}

/** What an operation needs of its instance besides being idle. */
export interface OperableOptions {
  /** The operation also runs on a stopped instance (start, backup policy and extension configuration). */
  readonly allowStopped?: boolean;
  /** The A.3 code for a busy instance when A.3 lists one for the operation (upgrade: DBS.280012). */
  readonly busyCode?: string;
}

/**
 * Refuse unless the instance can take a mutating operation: busy → 409 DBS.200019 (or the operation's A.3 code),
 * FAILED → 400 DBS.280011, stopped → 400 DBS.216011, any other status than ACTIVE → 400 DBS.216009.
 */
export function assertOperable(ctx: EmulatorContext, inst: GaussInstance, opts: OperableOptions = {}): void {
  // reference A.3 DBS.200019 (409) "该实例正在进行其它操作或该实例故障,无法执行该操作"
  ctx.jobs.assertInstanceIdle(inst.id, opts.busyCode);
  // reference 4.11.8 FAILED "表示实例异常"; A.3 DBS.280011 "实例状态不正常"
  if (inst.status === "FAILED") throw new DbsError(400, "DBS.280011", { detail: `instance ${inst.id} is FAILED` });
  // reference A.3 DBS.216009 "当前实例状态不允许操作" (only an ACTIVE, "实例正常", instance is operated on)
  if (inst.status !== "ACTIVE") {
    throw new DbsError(400, "DBS.216009", { detail: `instance ${inst.id} is ${inst.status}; this needs ACTIVE` });
  }
  // reference A.3 DBS.216011 "实例节点状态不允许操作": every node is stopped (4.11.9)
  if (!opts.allowStopped && isStopped(inst)) {
    throw new DbsError(400, "DBS.216011", { detail: `every node of instance ${inst.id} is stopped; start it first (db-startup)` });
  }
}

/** The stored instance a job works on, or an error that fails the job. */
export function jobInstance(ctx: EmulatorContext, id: string | null): GaussInstance {
  const inst = id ? ctx.state.data.instances[id] : undefined;
  if (!inst) throw new Error(`instance ${id} no longer exists`);
  return inst as GaussInstance;
}

/** The data-center name of a host: the availability zone of its node (reference 4.11.8 `availability_zone`). */
export function azOfHost(ctx: EmulatorContext, host: HostRecord | undefined): string {
  return (host && ctx.state.data.dataCenters[host.data_center_id]?.name) ?? "";
}

/** Project a stored host to the facts instance placement checks. */
export function hostFacts(ctx: EmulatorContext, h: HostRecord): HostFacts {
  return {
    id: h.id,
    manageIp: h.ip.manage_ip,
    status: h.status,
    type: h.type,
    osType: h.os.os_type,
    osArch: h.os.os_arch ?? "",
    cpuSpec: h.spec.cpu_spec,
    storageType: h.spec.storage_type,
    dataCenterName: azOfHost(ctx, h),
  };
}

/** Look up host facts by manage IP. */
export function factsLookup(ctx: EmulatorContext): (ip: string) => HostFacts | undefined {
  return (ip) => {
    const h = ctx.state.hostByManageIp(ip);
    return h ? hostFacts(ctx, h) : undefined;
  };
}

/** The distinct availability zones of an instance's nodes, in node order. */
export function instanceAzs(ctx: EmulatorContext, inst: GaussInstance): string[] {
  const out: string[] = [];
  for (const n of inst.nodes) {
    const az = azOfHost(ctx, ctx.state.data.hosts[n.host_id]);
    if (!out.includes(az)) out.push(az);
  }
  return out;
}

/** Release some hosts (by id) of an instance back to a status. */
export function freeHosts(ctx: EmulatorContext, hostIds: readonly string[], status: HostRecord["status"] = "initialized"): void {
  for (const id of hostIds) {
    const h = ctx.state.data.hosts[id];
    if (!h) continue;
    h.status = status;
    h.instance_id = null;
    h.instance_name = null;
    h.node_id = null;
    h.updated_at = isoSeconds(Date.now());
  }
}

/** `yyyy-MM-dd HH:mm:ss` in UTC (reference 4.3.1 `created`/`updated`). */
export function plainTime(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").replace(/\.\d{3}Z$/, "");
}

const intOrNull = (s: string | null): number | null => (s !== null && /^\d+(\.\d+)?$/.test(s) ? Math.round(Number(s)) : null);

/** An instance as reference 4.11.8 lists it (ListInstanceResult). */
export function instanceView(ctx: EmulatorContext, inst: GaussInstance): Record<string, unknown> {
  const spec = SOLUTIONS[inst.solution];
  const hosts = inst.nodes.map((n) => ctx.state.data.hosts[n.host_id]);
  const first = hosts[0];
  const vcpu = intOrNull(first?.spec.vcpus ?? null);
  const mem = intOrNull(first?.spec.mem ?? null);
  const distributed = spec.family === "distributed";
  return {
    id: inst.id,
    name: inst.name,
    status: inst.status,
    // reference 4.11.8 example: one string joining the nodes' service IPs with " / "
    private_ips: [hosts.map((h) => h?.ip.virtual_ip ?? "").join(" / ")],
    port: inst.port,
    // reference 4.11.8 `type` "取值为"Combined",对应于分布式。取值为"centralization_standard",对应于主备版"
    type: distributed ? "Combined" : "centralization_standard",
    // reference 4.11.8 table 4-520 `consistency` "分布式模式实例仅有"; `consistency_protocol` is the instance's
    // (4.11.8 lists only quorum, 4.11.6 "去ETCD形态仅支持paxos": README "List")
    ha: {
      ...(distributed ? { consistency: inst.ha.consistency } : {}),
      replication_mode: inst.ha.replication_mode,
      consistency_protocol: inst.ha.consistency_protocol,
    },
    replica_num: spec.replicas,
    datastore: { type: inst.datastore.type, version: inst.datastore.version },
    created: `${plainTime(inst.created)} UTC`,
    updated: `${plainTime(inst.updated)} UTC`,
    db_user_name: "root",
    flavor_ref: `gaussdb.${distributed ? "ee" : "ha"}.bms.${vcpu ?? 0}u${mem ?? 0}g.${inst.arch.toLowerCase()}`,
    flavor_info: { vcpu, mem },
    volume: { type: (first?.spec.storage_type ?? "").toUpperCase(), size: intOrNull(first?.spec.data_disk_size ?? null) },
    backup_strategy: { start_time: inst.backup_policy.start_time, keep_days: inst.backup_policy.keep_days },
    nodes: inst.nodes.map((n) => {
      const h = ctx.state.data.hosts[n.host_id];
      return {
        id: n.id,
        name: n.name,
        hostname: n.name,
        role: n.role,
        status: n.status,
        availability_zone: azOfHost(ctx, h),
        private_ip: h?.ip.virtual_ip ?? null,
        data_ip: h?.ip.data_ip ?? null,
        management_ip: n.manage_ip,
      };
    }),
    // reference 4.11.8 `instance_mode` "enterprise为企业版": the one value the reference gives
    instance_mode: "enterprise",
    time_zone: inst.time_zone,
  };
}

// Reading: the 去ETCD whitelist (reference 4.11.6) is platform configuration, not API; the emulator reads it from
// TPOPS_EMULATOR_FEATURES (comma-separated feature names) at request time.
/** True when the gaussdb_feature_supportDccCluster whitelist is on. */
export function dccWhitelist(): boolean {
  return (process.env.TPOPS_EMULATOR_FEATURES ?? "").split(",").map((s) => s.trim()).includes("gaussdb_feature_supportDccCluster");
}
