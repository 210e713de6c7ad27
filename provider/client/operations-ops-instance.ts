/**
 * The API calls of the instance switches and labels: the WDR snapshot switch (reference 4.5.7, 4.5.8), intelligent
 * O&M enrolment (4.6.1 enrol / withdraw, 4.6.2 enrolled and enrollable instances, 4.6.3 the intelligent O&M
 * instances) and the instance's extension information (4.11.1, 4.11.2): the `wdrSnapshots`, `intelligentOps` and
 * `extendInfo` sections of `ops`.
 *
 * Like operations-database.ts, the sections are built by a function operations.ts calls while it builds `ops`
 * (op() and paged() come from there), never at this module's top level; the rest of the provider reaches them
 * through `ops` (import from "."), and imports this file only for its types.
 */
import { z } from "zod";
import { int, opt } from "./shapes";
import { noBody, op, paged, type PageQuery } from "./operations";

/** 4.5.7 table 4-221. */
function wdrStatusSchema() {
  return z.looseObject({ status: z.string(), start_time: opt(z.string()), end_time: opt(z.string()) });
}
/** The WDR snapshot switch as 4.5.7 answers it. */
export type WdrStatus = z.output<ReturnType<typeof wdrStatusSchema>>;

/** 4.6.2 table 4-252 DBAssistManageableInstances; only id is relied on. */
function manageableSchema() {
  return z.looseObject({ id: z.string(), name: opt(z.string()), status: opt(z.string()), manage_status: opt(z.string()) });
}
/** An enrolled or enrollable instance (4.6.2). */
export type ManageableInstance = z.output<ReturnType<typeof manageableSchema>>;

/** 4.6.3 table 4-257 DBAssistInstanceInfo. */
function dbAssistSchema() {
  return z.looseObject({
    id: z.string(),
    name: opt(z.string()),
    arch: opt(z.string()),
    instance_status: opt(z.string()),
    managed_num: opt(int()),
    manageable_limit: opt(int()),
  });
}
/** An intelligent O&M instance (4.6.3). */
export type DbAssistInstance = z.output<ReturnType<typeof dbAssistSchema>>;

/** Query of 4.6.2 (table 4-249): manage_type "是". */
export interface ManageableQuery extends PageQuery {
  db_assist_id?: string;
  instance_id?: string;
  instance_name?: string;
  manage_type: "ENABLED" | "DISABLED";
}

/** Query of 4.6.3 (table 4-254). */
export interface DbAssistQuery extends PageQuery {
  instance_id?: string;
  instance_name?: string;
}

/** Body of 4.6.1 (table 4-246). */
export interface ManageInstancesRequest {
  db_assist_id: string;
  instance_ids: string[];
  manage_type: "ENABLED" | "DISABLED";
}

/** The `wdrSnapshots`, `intelligentOps` and `extendInfo` sections of `ops`. */
export function instanceSwitchOperations() {
  const listDbAssists = op<DbAssistQuery>()({
    id: "intelligentOps.instances",
    ref: "4.6.3",
    method: "GET",
    path: "/v3/db-assist/instances",
    idempotent: true,
    response: z.looseObject({ total_count: opt(int()), instances: z.array(dbAssistSchema()) }),
  });
  return {
    wdrSnapshots: {
      get: op()({
        id: "wdrSnapshots.get",
        ref: "4.5.7",
        method: "GET",
        path: "/gaussdb/v3/instances/{instance_id}/wdr-snapshot/status",
        idempotent: true,
        response: wdrStatusSchema(),
      }),
      // Setting the switch to a state is harmless to replay.
      set: op<undefined, { status: "ON" | "OFF" }>()({
        id: "wdrSnapshots.set",
        ref: "4.5.8",
        method: "PUT",
        path: "/gaussdb/v3/instances/{instance_id}/wdr-snapshot/status",
        idempotent: true,
        response: noBody, // reference 4.5.8 响应示例 202 {}
      }),
    },
    intelligentOps: {
      // ENABLED / DISABLED name a target state: a replay enrols or withdraws nothing twice.
      manage: op<undefined, ManageInstancesRequest>()({
        id: "intelligentOps.manage",
        ref: "4.6.1",
        method: "POST",
        path: "/v3/db-assist/manage-instance",
        idempotent: true,
        response: z.looseObject({ job_id: z.string() }),
      }),
      // Called with instance_id and db_assist_id: at most one entry, no paging needed.
      manageable: op<ManageableQuery>()({
        id: "intelligentOps.manageable",
        ref: "4.6.2",
        method: "GET",
        path: "/v3/db-assist/manageable-instances",
        idempotent: true,
        response: z.looseObject({
          managed_instances: opt(z.array(manageableSchema())),
          unmanaged_instances: opt(z.array(manageableSchema())),
          // table 4-251 total_count; the example prints "total"
          total_count: opt(int()),
          total: opt(int()),
        }),
      }),
      // reference 4.6.3 limit "最小值为1,最大值为100".
      instances: paged<DbAssistQuery, DbAssistInstance>(100, "instances")(listDbAssists),
    },
    extendInfo: {
      get: op<{ key: string }>()({
        id: "extendInfo.get",
        ref: "4.11.2",
        method: "GET",
        path: "/gaussdb/v3/instances/{instance_id}/extend-info",
        idempotent: true,
        // table 4-476 key, value String; a key never set reads without a value
        response: z.looseObject({ key: opt(z.string()), value: opt(z.string()) }),
      }),
      set: op<undefined, { key: string; value: string }>()({
        id: "extendInfo.set",
        ref: "4.11.1",
        method: "PUT",
        path: "/gaussdb/v3/instances/{instance_id}/extend-info",
        idempotent: true,
        response: noBody, // reference 4.11.1 响应参数 "无"
      }),
    },
  };
}
