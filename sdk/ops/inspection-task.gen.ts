// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { providerStub, resourceOptions, resourceProps } from "../stub";
import { InspectionTaskOutputKeys, InspectionTaskSecretInputs, InspectionTaskSecretOutputs, type InspectionTaskArgs, type InspectionTaskOutputs } from "../types.gen";

const provider = providerStub("inspectionTask");

/** A daily-inspection task (reference 4.10.2 create, 4.10.5 detail, 4.10.6 change, 4.10.3 delete; status from the 4.10.1 list): which inspection items run on which instances, once (`policy` single: `period` later or soon) or on a schedule (`policy` periodic: `period` fixed, daily, weekly or monthly, on `day`). Everything 4.10.6 can change (name, instances, scope, policy, period, time, items, start time) updates in place; `day` is not in 4.10.6 and replaces the task (the new task is created first). The items come from `itemIds` or, when omitted, from the scene named by `scene` (what the console does: 4.10.12 "前端交互自动勾选场景中的巡检项"); pass an InspectionScene's `name` output so the task is created after its scene and destroyed before it. Starting a task (4.10.4) is an operation, not desired state: it is not an input (a single task with `period` soon runs once when created, as 4.10.2 "立即执行" says). The platform does not require task names to be unique (4.10.2 prints no such rule): a name another task has is warned about at preview, not refused. Id: the task id of 4.10.1. See docs/reference.md. */
export class InspectionTask extends pulumi.dynamic.Resource {
  /** Whether the task was adopted. */
  declare readonly adopt: pulumi.Output<InspectionTaskOutputs["adopt"]>;
  /** Day of the schedule (4.10.5 `inspection_day`). */
  declare readonly day: pulumi.Output<InspectionTaskOutputs["day"]>;
  /** Inspected instances. */
  declare readonly instanceIds: pulumi.Output<InspectionTaskOutputs["instanceIds"]>;
  /** Inspection items, as the platform holds them. */
  declare readonly itemIds: pulumi.Output<InspectionTaskOutputs["itemIds"]>;
  /** When the task last ran (4.10.1 `last_execute_time`, ISO 8601), absent before its first run. */
  declare readonly lastExecuteTime: pulumi.Output<InspectionTaskOutputs["lastExecuteTime"]>;
  /** Task name. */
  declare readonly name: pulumi.Output<InspectionTaskOutputs["name"]>;
  /** When the task runs next (4.10.1 `next_execute_time`, ISO 8601), absent when it will not run again. */
  declare readonly nextExecuteTime: pulumi.Output<InspectionTaskOutputs["nextExecuteTime"]>;
  /** Period. */
  declare readonly period: pulumi.Output<InspectionTaskOutputs["period"]>;
  /** Policy. */
  declare readonly policy: pulumi.Output<InspectionTaskOutputs["policy"]>;
  /** The scene named in the program. */
  declare readonly scene: pulumi.Output<InspectionTaskOutputs["scene"]>;
  /** Scope. */
  declare readonly scope: pulumi.Output<InspectionTaskOutputs["scope"]>;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  declare readonly site: pulumi.Output<InspectionTaskOutputs["site"]>;
  /** Status of the last run (4.10.1 `status`, e.g. `running`, `completed`), absent before the first run. */
  declare readonly status: pulumi.Output<InspectionTaskOutputs["status"]>;
  /** Start time. */
  declare readonly taskStartTime: pulumi.Output<InspectionTaskOutputs["taskStartTime"]>;
  /** Inspection time. */
  declare readonly time: pulumi.Output<InspectionTaskOutputs["time"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<InspectionTaskOutputs["timeouts"]>;

  /** Reads the existing InspectionTask with this id into the program without managing it (nothing is created, changed or deleted). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): InspectionTask {
    return new InspectionTask(name, {} as InspectionTaskArgs, { ...opts, id });
  }

  /** Declares a InspectionTask; `pulumi up` creates it (or, with `adopt: true` where offered, takes over the existing one). */
  constructor(name: string, args: InspectionTaskArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, "InspectionTask", args, InspectionTaskOutputKeys, InspectionTaskSecretInputs, opts), resourceOptions(opts, InspectionTaskSecretOutputs), "tpops", "InspectionTask");
  }
}
