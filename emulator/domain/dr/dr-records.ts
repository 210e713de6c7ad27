/**
 * Disaster recovery (reference 4.18) as stored: each site keeps its own side of a relation (its instance, its role),
 * both sides share the `synchronization_id` (4.18.2 "容灾关系唯一ID") and each has its own record `id` (4.18.2
 * "容灾记录ID"). A change is made on one side and mirrored to the other through the simulated network.
 */

/** 4.18.4 `disaster_type` "枚举值: stream dorado". */
export const DISASTER_TYPES = ["stream", "dorado"] as const;
export type DisasterType = (typeof DISASTER_TYPES)[number];

/** 4.18.2 `disaster_role` "枚举值: disaster master". */
export type DisasterRole = "master" | "disaster";

/**
 * 4.18.2 `status` "容灾记录状态" (the reference prints only "normal"; the other values are the emulator's names for
 * the states its operations pass through, README "Disaster recovery (4.18)").
 */
export type DrStatus =
  | "creating"
  | "create_failed"
  | "normal"
  | "switchovering"
  | "failovering"
  | "failovered"
  | "restoring"
  | "releasing"
  | "released"
  | "simulating";

/** 4.18.2 RegionInstanceInfo (table 4-670). */
export interface RegionInstanceInfo {
  instance_id: string;
  project_id: string;
  project_name: string;
  region_code: string;
  /** 4.18.2 "数据IP地址列表","分割". */
  ip_address: string;
}

/** The DR operation running on a relation (its job lives on `site`). */
export interface DrOperation {
  kind: "construct" | "switchover" | "failover" | "restore" | "release" | "simulation-start" | "simulation-stop" | "keep-log-start" | "keep-log-stop" | "record-delete";
  job_id: string;
  site: string;
  /** The status to return to when the job fails. */
  prior_status: DrStatus;
}

/** One side of a DR relation, as one site stores it. */
export interface DrRelationRecord {
  /** 4.18.2 `id` "容灾记录ID" (this site's record). */
  id: string;
  /** 4.18.2 `synchronization_id` "容灾关系唯一ID" (the same on both sides). */
  synchronization_id: string;
  /** 4.18.2 `name` "容灾任务名称" (4.18.4 `dr_task_name`, renamed by 4.18.1). */
  name: string;
  disaster_type: DisasterType;
  /** The role of this side's instance now (flips on switchover and failover, back on fail-back). */
  role: DisasterRole;
  /** The role this side had when the relation was constructed (4.18.8 回切 returns to it). */
  built_role: DisasterRole;
  /** This side's instance. */
  instance_id: string;
  /** The other side: its site on the network, its instance and, as last seen, its 4.18.2 RegionInstanceInfo. */
  peer: { site: string; instance_id: string; info: RegionInstanceInfo };
  status: DrStatus;
  /** 4.18.2 `precheck_failed_reason` "预校验失败原因" ("" when none). */
  precheck_failed_reason: string;
  /** 4.18.5 `is_support_restore` of the last failover: 4.18.8 rebuilds the relation only then. */
  restore_supported: boolean;
  /** 4.18.11 log keeping on the master side (null when off). */
  keep_log: { xlog_keep_ratio: number | null; started: number } | null;
  /** 4.18.9 drill in progress (null when none). */
  simulation: { xlog_keep_ratio: number | null; started: number } | null;
  operation: DrOperation | null;
  /** Epoch ms. */
  created: number;
  updated: number;
  /** 4.18.14 deleted here while the peer was off the network: kept hidden until the peer has dropped its side. */
  deleted: boolean;
  /** False when the last change could not reach the peer site (delivered when it joins the network again). */
  peer_synced: boolean;
}

/** The other role. */
export function otherRole(role: DisasterRole): DisasterRole {
  return role === "master" ? "disaster" : "master";
}

/** Statuses of a relation that still binds its two instances (not released, not a failed construct). */
export function isLive(rec: Pick<DrRelationRecord, "status" | "deleted">): boolean {
  return !rec.deleted && rec.status !== "released" && rec.status !== "create_failed";
}

/** Statuses 4.18.14 may delete: what no longer binds the instances. */
export function isDeletable(rec: Pick<DrRelationRecord, "status" | "deleted">): boolean {
  return !rec.deleted && (rec.status === "released" || rec.status === "create_failed");
}

/** The fields a change on one side carries to the other side (roles mirrored). */
export function mirrorFields(rec: DrRelationRecord): Omit<DrRelationRecord, "id" | "instance_id" | "peer" | "peer_synced"> {
  return {
    synchronization_id: rec.synchronization_id,
    name: rec.name,
    disaster_type: rec.disaster_type,
    role: otherRole(rec.role),
    built_role: otherRole(rec.built_role),
    status: rec.status,
    precheck_failed_reason: rec.precheck_failed_reason,
    restore_supported: rec.restore_supported,
    keep_log: rec.keep_log ? { ...rec.keep_log } : null,
    simulation: rec.simulation ? { ...rec.simulation } : null,
    operation: rec.operation ? { ...rec.operation } : null,
    created: rec.created,
    updated: rec.updated,
    deleted: rec.deleted,
  };
}

/** What 4.18.13 and 4.18.4 compare between a master and a candidate standby. */
export interface DrInstanceFacts {
  id: string;
  site: string;
  status: string;
  busy: boolean;
  stopped: boolean;
  /** 4.18.13 `instance_type`. */
  instanceType: string;
  /** 4.18.13 `engine_version`. */
  engineVersion: string;
  /** 4.18.13 `consistency_protocol`. */
  consistencyProtocol: string;
  /** In a live relation (4.18.13 `disaster_role` / `disaster_status` of a relation). */
  inRelation: boolean;
}

/** Why an instance cannot stand by for a master (README "Disaster recovery (4.18)", candidates), or null. */
export interface CandidateProblem {
  code: string;
  status: number;
  detail: string;
}

/**
 * Reading of 4.18.13 "获取可搭建灾备实例列表": a candidate is another instance whose 4.18.13 columns match the master's
 * — `instance_type`, `engine_version`, `consistency_protocol` — that is normal (`instance_status` "normal") and in
 * no relation (`disaster_role`, `disaster_status`). 4.18.4 refuses a standby that is not a candidate.
 */
export function candidateProblem(master: DrInstanceFacts, c: DrInstanceFacts): CandidateProblem | null {
  if (c.id === master.id && c.site === master.site) return { code: "DBS.200001", status: 400, detail: "the standby is the primary instance itself" };
  // reference A.3 DBS.06013002 "灾备实例不支持该操作": an instance already in a DR relation takes no second one
  if (c.inRelation) return { code: "DBS.06013002", status: 400, detail: `instance ${c.id} is already in a disaster-recovery relation` };
  // reference A.3 DBS.200019 (409) "该实例正在进行其它操作"
  if (c.busy) return { code: "DBS.200019", status: 409, detail: `instance ${c.id} is running another operation` };
  // reference A.3 DBS.280011 "实例状态不正常"; DBS.216009 "当前实例状态不允许操作" (4.18.13 `instance_status` "normal")
  if (c.status === "FAILED") return { code: "DBS.280011", status: 400, detail: `instance ${c.id} is FAILED` };
  if (c.status !== "ACTIVE") return { code: "DBS.216009", status: 400, detail: `instance ${c.id} is ${c.status}; a standby must be ACTIVE` };
  // reference A.3 DBS.216011 "实例节点状态不允许操作"
  if (c.stopped) return { code: "DBS.216011", status: 400, detail: `every node of instance ${c.id} is stopped` };
  // reference 4.18.13 `instance_type` "实例类型"
  if (c.instanceType !== master.instanceType) {
    return { code: "DBS.200001", status: 400, detail: `instance ${c.id} is of type ${c.instanceType}; the primary is ${master.instanceType}` };
  }
  // reference 4.18.13 `engine_version` "实例数据库引擎版本"; A.3 DBS.200856 "数据库引擎版本不支持"
  if (c.engineVersion !== master.engineVersion) {
    return { code: "DBS.200856", status: 400, detail: `instance ${c.id} runs ${c.engineVersion}; the primary runs ${master.engineVersion}` };
  }
  // reference 4.18.13 `consistency_protocol` "容灾实例协议"
  if (c.consistencyProtocol !== master.consistencyProtocol) {
    return { code: "DBS.200001", status: 400, detail: `instance ${c.id} uses the ${c.consistencyProtocol} protocol; the primary uses ${master.consistencyProtocol}` };
  }
  return null;
}

/** reference 4.18.5 `is_support_restore` "仅支持数据库版本大于等于3.100": compare dotted versions numerically. */
export function versionAtLeast(version: string, min: string): boolean {
  const a = version.split(".").map((p) => Number.parseInt(p, 10) || 0);
  const b = min.split(".").map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}
