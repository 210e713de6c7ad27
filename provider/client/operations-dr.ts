/**
 * The API calls of disaster recovery (reference 4.18): the `disasterRecovery` section of `ops`. Built by a function
 * that operations.ts calls while it builds `ops` (see operations-database.ts for why); import this file only for
 * its types.
 */
import { z } from "zod";
import { opt, text } from "./shapes";
import { op, paged, type PageQuery } from "./operations";

/** One side of a relation (4.18.2 table 4-670 RegionInstanceInfo). */
function regionInstanceSchema() {
  return z.looseObject({
    instance_id: opt(z.string()),
    project_id: opt(z.string()),
    project_name: opt(z.string()),
    region_code: opt(z.string()),
    ip_address: opt(z.string()),
  });
}

/** A relation as 4.18.2 lists it (table 4-669 DisasterRelations). */
function relationSchema() {
  return z.looseObject({
    disaster_type: opt(z.string()),
    name: opt(z.string()),
    disaster_role: opt(z.string()),
    created: opt(z.string()),
    updated: opt(z.string()),
    slave_region_instance_info: opt(regionInstanceSchema()),
    master_region_instance_info: opt(regionInstanceSchema()),
    id: opt(z.string()),
    synchronization_id: opt(z.string()),
    instance_id: opt(z.string()),
    instance_name: opt(z.string()),
    instance_status: opt(z.string()),
    status: opt(z.string()),
    precheck_failed_reason: opt(z.string()),
    // reference 4.18.2 table 4-669 names it `actions`; its example answers `action`: either is read.
    actions: opt(z.array(z.string().nullable())),
    action: opt(z.array(z.string().nullable())),
  });
}
export type DisasterRelation = z.output<ReturnType<typeof relationSchema>>;

/** An instance of 4.18.13 (table 4-725). */
function candidateSchema() {
  return z.looseObject({
    instance_id: z.string(),
    instance_name: opt(z.string()),
    instance_status: opt(z.string()),
    instance_type: opt(z.string()),
    engine_version: opt(text()),
    consistency_protocol: opt(z.string()),
    disaster_role: opt(z.string()),
    disaster_type: opt(z.string()),
    disaster_status: opt(z.string()),
    operations: opt(z.array(z.string().nullable())),
  });
}
export type DisasterCandidate = z.output<ReturnType<typeof candidateSchema>>;

/** The 4.18.3 monitor (table 4-675). */
function monitorSchema() {
  return z.looseObject({
    instance_id: opt(z.string()),
    status: opt(z.string()),
    rpo: opt(text()),
    rto: opt(text()),
    rpo_threshold: opt(text()),
    rto_threshold: opt(text()),
    switchover_progress: opt(z.string()),
    failover_progress: opt(z.string()),
  });
}
export type DisasterMonitor = z.output<ReturnType<typeof monitorSchema>>;

/** reference 4.18.4 disaster_type "枚举值: stream dorado". */
export type DisasterType = "stream" | "dorado";

/** Body of 4.18.4 (table 4-679). */
export interface ConstructDisasterRequest {
  disaster_type: DisasterType;
  dr_ip: string;
  dr_user_name: string;
  dr_user_password: string;
  dr_task_name?: string;
}

/** Query of 4.18.2 (table 4-666). */
export interface RelationQuery extends PageQuery {
  instance_name?: string;
  instance_id?: string;
}

const job = () => z.looseObject({ job_id: z.string() });
/** reference 4.18.5's example answers the job id as a bare string. */
const jobOrId = () => z.union([job(), z.string().transform((job_id) => ({ job_id }))]);

/** The `disasterRecovery` section of `ops`. */
export function drOperations() {
  const relations = op<RelationQuery>()({
    id: "disasterRecovery.relations",
    ref: "4.18.2",
    method: "GET",
    path: "/gaussdb/v3.6/disaster-recovery/relations",
    idempotent: true,
    // reference 4.18.2 table 4-668 counts in `total` (elsewhere `total_count`).
    response: z.looseObject({ total: opt(z.number()), relations: opt(z.array(relationSchema())) }).transform((r) => ({ ...r, total_count: r.total })),
  });
  const action = <P extends string>(id: string, ref: string, path: P) =>
    op<undefined, { disaster_type: DisasterType; xlog_keep_ratio?: number; is_support_restore?: boolean }>()({
      id,
      ref,
      method: "POST",
      path,
      // Each starts a job on the platform; a replay after it acted is refused (a relation in that state), so not blindly.
      idempotent: false,
      response: jobOrId(),
    });
  return {
    rename: op<undefined, { synchronization_id: string; dr_task_name: string }>()({
      id: "disasterRecovery.rename",
      ref: "4.18.1",
      method: "PUT",
      path: "/gaussdb/v3.6/instances/{instance_id}/disaster-recovery/rename",
      idempotent: true,
      response: z.unknown(), // reference 4.18.1 响应示例 "无"
    }),
    // reference 4.18.2 table 4-666 limit: "最小值为1,最大值为100".
    relations: paged<RelationQuery, DisasterRelation>(100, "relations")(relations),
    monitor: op<{ disaster_type: DisasterType }>()({
      id: "disasterRecovery.monitor",
      ref: "4.18.3",
      method: "GET",
      path: "/gaussdb/v3.6/instances/{instance_id}/disaster-recovery/monitor",
      idempotent: true,
      response: monitorSchema(),
    }),
    construct: op<undefined, ConstructDisasterRequest>()({
      id: "disasterRecovery.construct",
      ref: "4.18.4",
      method: "POST",
      path: "/gaussdb/v3.6/instances/{instance_id}/disaster-recovery/construct",
      idempotent: false,
      response: job(),
    }),
    failover: action("disasterRecovery.failover", "4.18.5", "/gaussdb/v3.6/instances/{instance_id}/disaster-recovery/failover"),
    release: action("disasterRecovery.release", "4.18.6", "/gaussdb/v3.6/instances/{instance_id}/disaster-recovery/release"),
    switchover: action("disasterRecovery.switchover", "4.18.7", "/gaussdb/v3.6/instances/{instance_id}/disaster-recovery/switchover"),
    failback: action("disasterRecovery.failback", "4.18.8", "/gaussdb/v3.6/instances/{instance_id}/disaster-recovery/restore"),
    drillStart: action("disasterRecovery.drillStart", "4.18.9", "/gaussdb/v3.6/instances/{instance_id}/disaster-recovery/simulation-start"),
    drillStop: action("disasterRecovery.drillStop", "4.18.10", "/gaussdb/v3.6/instances/{instance_id}/disaster-recovery/simulation-stop"),
    keepLogStart: action("disasterRecovery.keepLogStart", "4.18.11", "/gaussdb/v3.6/instances/{instance_id}/disaster-recovery/keep-log-start"),
    keepLogStop: action("disasterRecovery.keepLogStop", "4.18.12", "/gaussdb/v3.6/instances/{instance_id}/disaster-recovery/keep-log-stop"),
    candidates: op<undefined, { master_instance_id: string; disaster_type?: string }>()({
      id: "disasterRecovery.candidates",
      ref: "4.18.13",
      method: "POST",
      path: "/gaussdb/v3/instances/disaster/instanceList",
      idempotent: true,
      response: z.looseObject({ total: opt(z.number()), instance_list: opt(z.array(candidateSchema())) }),
    }),
    deleteRecord: op<undefined, { disaster_name?: string }>()({
      id: "disasterRecovery.deleteRecord",
      ref: "4.18.14",
      method: "POST",
      path: "/gaussdb/v3/instances/disaster/record/delete",
      idempotent: true,
      response: z.looseObject({ job_id: opt(z.string()) }),
    }),
  };
}
