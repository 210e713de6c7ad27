// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { providerStub, resourceOptions, resourceProps } from "../stub";
import { SqlThrottlingTaskOutputKeys, SqlThrottlingTaskSecretInputs, SqlThrottlingTaskSecretOutputs, type SqlThrottlingTaskArgs, type SqlThrottlingTaskOutputs } from "../types.gen";

const provider = providerStub("sqlThrottlingTask");

/** A SQL throttling task of an instance (reference 4.7.1 create, 4.7.2 delete, 4.7.3 list): at most `parallelSize` concurrent statements of one SQL template (`SQL_ID`), of one statement type with keywords (`SQL_TYPE`), or sessions while CPU or memory is above a threshold (`SESSION_ACTIVE_MAX_COUNT`). Id `<instanceId>/sql-throttling-tasks/<taskId>`. The reference has no call that changes a task: every input but `adopt` and `timeouts` replaces it (the old task is deleted first). Every rule of 4.7.1 is checked at preview, the window's "not in the past" only when a task is to be made. An expired task (status `TIME_OVER`, its `endTime` passed) is no drift: it stays on the platform, refresh keeps it with `expired: true` and warns that it no longer throttles; move `startTime`/`endTime` to throttle again (a new task). A task deleted out of band (or listed `DELETED`) is dropped by refresh and made again by `pulumi up`. See docs/reference.md. */
export class SqlThrottlingTask extends pulumi.dynamic.Resource {
  /** Whether the task was adopted. */
  declare readonly adopt: pulumi.Output<SqlThrottlingTaskOutputs["adopt"]>;
  /** CPU threshold (SESSION_ACTIVE_MAX_COUNT). */
  declare readonly cpuUtilization: pulumi.Output<SqlThrottlingTaskOutputs["cpuUtilization"]>;
  /** When the platform made the task. */
  declare readonly created: pulumi.Output<SqlThrottlingTaskOutputs["created"]>;
  /** TPOPS user who made the task. */
  declare readonly creator: pulumi.Output<SqlThrottlingTaskOutputs["creator"]>;
  /** Databases. */
  declare readonly databases: pulumi.Output<SqlThrottlingTaskOutputs["databases"]>;
  /** End of the window. */
  declare readonly endTime: pulumi.Output<SqlThrottlingTaskOutputs["endTime"]>;
  /** True once the window is over (status `TIME_OVER`): the task no longer throttles. */
  declare readonly expired: pulumi.Output<SqlThrottlingTaskOutputs["expired"]>;
  /** Instance id. */
  declare readonly instanceId: pulumi.Output<SqlThrottlingTaskOutputs["instanceId"]>;
  /** Keywords (SQL_TYPE). */
  declare readonly keyWords: pulumi.Output<SqlThrottlingTaskOutputs["keyWords"]>;
  /** Limit type. */
  declare readonly limitType: pulumi.Output<SqlThrottlingTaskOutputs["limitType"]>;
  /** Limit type value. */
  declare readonly limitTypeValue: pulumi.Output<SqlThrottlingTaskOutputs["limitTypeValue"]>;
  /** Memory threshold (SESSION_ACTIVE_MAX_COUNT). */
  declare readonly memoryUtilization: pulumi.Output<SqlThrottlingTaskOutputs["memoryUtilization"]>;
  /** Task name. */
  declare readonly name: pulumi.Output<SqlThrottlingTaskOutputs["name"]>;
  /** CN nodes (SQL_ID). */
  declare readonly nodeInfos: pulumi.Output<SqlThrottlingTaskOutputs["nodeInfos"]>;
  /** Concurrency allowed. */
  declare readonly parallelSize: pulumi.Output<SqlThrottlingTaskOutputs["parallelSize"]>;
  /** The platform's rule name. */
  declare readonly ruleName: pulumi.Output<SqlThrottlingTaskOutputs["ruleName"]>;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  declare readonly site: pulumi.Output<SqlThrottlingTaskOutputs["site"]>;
  /** SQL template (SQL_ID). */
  declare readonly sqlModel: pulumi.Output<SqlThrottlingTaskOutputs["sqlModel"]>;
  /** Start of the window. */
  declare readonly startTime: pulumi.Output<SqlThrottlingTaskOutputs["startTime"]>;
  /** Task status when last read (4.7.1 table 4-276), e.g. `WAIT_EXCUTE`, `EXCUTING`, `TIME_OVER` (spelled as the platform does). */
  declare readonly status: pulumi.Output<SqlThrottlingTaskOutputs["status"]>;
  /** The platform's task id. */
  declare readonly taskId: pulumi.Output<SqlThrottlingTaskOutputs["taskId"]>;
  /** Task scope. */
  declare readonly taskScope: pulumi.Output<SqlThrottlingTaskOutputs["taskScope"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<SqlThrottlingTaskOutputs["timeouts"]>;

  /** Reads the existing SqlThrottlingTask with this id into the program without managing it (nothing is created, changed or deleted). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): SqlThrottlingTask {
    return new SqlThrottlingTask(name, {} as SqlThrottlingTaskArgs, { ...opts, id });
  }

  /** Declares a SqlThrottlingTask; `pulumi up` creates it (or, with `adopt: true` where offered, takes over the existing one). */
  constructor(name: string, args: SqlThrottlingTaskArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, "SqlThrottlingTask", args, SqlThrottlingTaskOutputKeys, SqlThrottlingTaskSecretInputs, opts), resourceOptions(opts, SqlThrottlingTaskSecretOutputs), "tpops", "SqlThrottlingTask");
  }
}
