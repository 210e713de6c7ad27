import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import type { AccountRecord, DatabaseRecord, GrantRecord, SchemaRecord } from "./domain/database/records";
import type { SqlLimitTaskRecord, SqlPatchRecord, SqlTemplateRecord } from "./domain/ops/sql-records";
import type { InspectionSceneRecord, InspectionTaskRecord } from "./domain/ops/inspection-rules";
import type { UnmanagedDatabaseRecord } from "./domain/takeover";
import type { DrRelationRecord } from "./domain/dr/dr-records";

/** A data center (machine room) as stored (reference 4.9.9–4.9.12). */
export interface DataCenterRecord {
  id: string;
  name: string;
  description: string | null;
  created: number;
}

/** An SSH key pair as stored (reference 4.8); only the public half is kept. */
export interface KeyPairRecord {
  id: string;
  name: string;
  description: string | null;
  key_algorithms: "RSA_2048" | "RSA_3072" | "RSA_4096";
  created_at: string;
  /** OpenSSH public key line, `ssh-rsa AAAA… <name>`. */
  public_key: string;
}

/** Host statuses of reference 4.9.1. */
export type HostStatus =
  | "initializing"
  | "initialized"
  | "initialize_failed"
  | "unmanaged"
  | "in_use"
  | "deleting"
  | "delete_failed";

/** A host as stored; the fields are the HostResult of reference 4.9.1 plus how it was onboarded. */
export interface HostRecord {
  id: string;
  name: string;
  description: string | null;
  type: string;
  ssh_port: number;
  data_center_id: string;
  os: { os_type: string; os_version: string | null; os_arch: string | null };
  spec: {
    vcpus: string | null;
    cpu_spec: string;
    mem: string | null;
    root_disk_size: string | null;
    data_disk_size: string | null;
    storage_type: string;
  };
  ip: { manage_ip: string; data_ip: string; virtual_ip: string; float_ip: string | null };
  instance_id: string | null;
  instance_name: string | null;
  node_id: string | null;
  status: HostStatus;
  created_at: string;
  updated_at: string;
  job_id: string | null;
  async_task_error: { error_code: string; error_msg: string } | null;
  ssh_key_id: string | null;
  /** How the host was onboarded: reference 4.9.4 lets key-onboarded hosts be removed without credentials. */
  onboarded_with: "password" | "ssh_key";
}

/** An instance as stored. The instance-side routes own and extend this type (keep it JSON-serializable). */
export interface InstanceRecord {
  id: string;
  name: string;
  status: string;
  [field: string]: unknown;
}

/** Job statuses of reference 4.17.1. */
export type JobStatus = "Running" | "Completed" | "Failed";

/** A job as stored; `view` in jobs.ts shapes it into the reference 4.17.1 Job object. */
export interface JobRecord {
  id: string;
  name: string;
  status: JobStatus;
  created: number;
  ended: number | null;
  instance_id: string | null;
  fail_reason: string | null;
  /** Scaled duration in ms; the job ends at `due` (epoch ms). */
  duration_ms: number;
  due: number;
  /** Set when the job ends or, for "hang", freezes. */
  final_progress: number | null;
  outcome: "complete" | "fail" | "hang";
  planned_fail_reason: string | null;
  /** JSON data handed to the job's completion handlers (survives restarts). */
  payload: unknown;
}

/** Every persisted collection, keyed by id in insertion order. Add new collections here and in `emptyCollections`. */
export interface Collections {
  dataCenters: Record<string, DataCenterRecord>;
  keyPairs: Record<string, KeyPairRecord>;
  hosts: Record<string, HostRecord>;
  instances: Record<string, InstanceRecord>;
  jobs: Record<string, JobRecord>;
  /** Free-form JSON for other areas (e.g. backups, parameters) until they get typed collections. */
  extra: Record<string, unknown>;
  /** Database objects of reference 4.4 (domain/database/records.ts), each naming its instance. */
  dbDatabases: Record<string, DatabaseRecord>;
  dbSchemas: Record<string, SchemaRecord>;
  /** Users, roles, root and the system users. */
  dbAccounts: Record<string, AccountRecord>;
  dbGrants: Record<string, GrantRecord>;
  /** SQL throttling tasks (reference 4.7), SQL patches (4.6.4) and the SQL templates nodes ran (4.7.4): domain/ops/sql-records.ts. */
  sqlLimitTasks: Record<string, SqlLimitTaskRecord>;
  sqlPatches: Record<string, SqlPatchRecord>;
  sqlTemplates: Record<string, SqlTemplateRecord>;
  /** Inspection tasks (reference 4.10.1–4.10.6) by id, and scenes (4.10.12–4.10.15) by scene_id. */
  inspectionTasks: Record<string, InspectionTaskRecord>;
  inspectionScenes: Record<string, InspectionSceneRecord>;
  /** Databases running on hosts without TPOPS managing them (reference 4.11.12, 4.11.13, 4.11.5): domain/takeover.ts. */
  unmanagedDatabases: Record<string, UnmanagedDatabaseRecord>;
  /** This site's side of each disaster-recovery relation (reference 4.18), by record id: domain/dr/dr-records.ts. */
  drRelations: Record<string, DrRelationRecord>;
}

/** Fresh, empty collections. */
export function emptyCollections(): Collections {
  return { dataCenters: {}, keyPairs: {}, hosts: {}, instances: {}, jobs: {}, extra: {}, dbDatabases: {}, dbSchemas: {}, dbAccounts: {}, dbGrants: {}, sqlLimitTasks: {}, sqlPatches: {}, sqlTemplates: {}, inspectionTasks: {}, inspectionScenes: {}, unmanagedDatabases: {}, drRelations: {} };
}

/** A new random UUID (the id format of data centers, hosts, key pairs). */
export function newUuid(): string {
  return randomUUID();
}

/** A new 32-hex id with a suffix, the format of instance ids in the reference ("…in14"). */
export function newHexId(suffix = ""): string {
  return randomBytes(16).toString("hex") + suffix;
}

/** Time as the reference 4.9.1 shows it: `yyyy-mm-ddThh:mm:ss+0000`. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+0000");
}

/** The in-memory store: collections, host helpers for instance routes, and the optional state file. */
export class Store {
  data: Collections = emptyCollections();

  /** Run before every save: keep derived collections consistent (e.g. drop database objects of deleted instances). */
  private readonly tidiers: ((data: Collections) => void)[] = [];

  constructor(private readonly stateFile?: string) {}

  /** Register a function run by `tidy()`, which `save()` calls first (with or without a state file). */
  onTidy(fn: (data: Collections) => void): void {
    this.tidiers.push(fn);
  }

  /** Run the registered tidy functions. */
  tidy(): void {
    for (const fn of this.tidiers) fn(this.data);
  }

  /** Load the state file if it exists; returns whether anything was loaded. */
  load(): boolean {
    if (!this.stateFile) return false;
    let text: string;
    try {
      text = readFileSync(this.stateFile, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw err;
    }
    const parsed = JSON.parse(text) as { version?: number; collections?: Partial<Collections> };
    if (parsed.version !== 1 || !parsed.collections) throw new Error(`${this.stateFile}: not a TPOPS emulator state file`);
    this.data = { ...emptyCollections(), ...parsed.collections };
    return true;
  }

  /** Tidy, then write the state file atomically (no write without one). */
  save(): void {
    this.tidy();
    if (!this.stateFile) return;
    const tmp = `${this.stateFile}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify({ version: 1, collections: this.data }));
    renameSync(tmp, this.stateFile);
  }

  /** Drop every object (users and options are not part of the store). */
  reset(): void {
    this.data = emptyCollections();
  }

  /** The host with this manage IP, if any. */
  hostByManageIp(manageIp: string): HostRecord | undefined {
    return Object.values(this.data.hosts).find((h) => h.ip.manage_ip === manageIp);
  }

  /** Hosts for these manage IPs, in order; missing IPs are listed in `missing`. */
  hostsByManageIps(manageIps: readonly string[]): { hosts: HostRecord[]; missing: string[] } {
    const hosts: HostRecord[] = [];
    const missing: string[] = [];
    for (const ip of manageIps) {
      const h = this.hostByManageIp(ip);
      if (h) hosts.push(h);
      else missing.push(ip);
    }
    return { hosts, missing };
  }

  /** Hosts used by an instance. */
  hostsOfInstance(instanceId: string): HostRecord[] {
    return Object.values(this.data.hosts).filter((h) => h.instance_id === instanceId);
  }

  /** Mark hosts in_use by an instance (reference 4.9.1 fields instance_id, instance_name, node_id). */
  markHostsInUse(
    hostIds: readonly string[],
    instance: { id: string; name: string },
    nodeIdFor: (host: HostRecord, index: number) => string = () => newHexId("no14"),
  ): void {
    hostIds.forEach((id, i) => {
      const h = this.data.hosts[id];
      if (!h) return;
      h.status = "in_use";
      h.instance_id = instance.id;
      h.instance_name = instance.name;
      h.node_id = nodeIdFor(h, i);
      h.updated_at = isoSeconds(Date.now());
    });
  }

  /** Release every host of an instance back to `initialized` (or another status, e.g. "unmanaged"). */
  freeHostsOfInstance(instanceId: string, status: HostStatus = "initialized"): void {
    for (const h of this.hostsOfInstance(instanceId)) {
      h.status = status;
      h.instance_id = null;
      h.instance_name = null;
      h.node_id = null;
      h.updated_at = isoSeconds(Date.now());
    }
  }

  /** Keep instance_name on hosts in step after an instance rename. */
  renameInstanceOnHosts(instanceId: string, name: string): void {
    for (const h of this.hostsOfInstance(instanceId)) h.instance_name = name;
  }
}
