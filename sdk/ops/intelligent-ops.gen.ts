// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { providerStub, resourceOptions, resourceProps } from "../stub";
import { IntelligentOpsOutputKeys, IntelligentOpsSecretInputs, IntelligentOpsSecretOutputs, type IntelligentOpsArgs, type IntelligentOpsOutputs } from "../types.gen";

const provider = providerStub("intelligentOps");

/** Enrols an instance in intelligent O&M (reference 4.6.1 纳管, "ENABLED表示开启纳管,DISABLED表示解除纳管"), read back through 4.6.2's list of enrolled instances. `dbAssistId` is the id of the intelligent O&M instance — a `gaussdbv5-dbmind` instance (an `Instance` with `engine: "gaussdbv5-dbmind"`, whose `id` you pass), listed by 4.6.3 (`GET /v3/db-assist/instances`, the `id` of each entry, also shown with `managed_num` and `manageable_limit`). Checked at preview when the ids are known: `dbAssistId` must be listed by 4.6.3, and it must have room (`managed_num` < `manageable_limit`, A.3 DBS.06280028); an instance 4.6.2 does not show as enrollable by it (another architecture: "展示与输入db_assist_id实例架构一致的实例") is warned about. Create records whether the instance was already enrolled (`originalEnabled`, warned) and delete gives that back: an instance this resource enrolled is withdrawn (DISABLED), one enrolled before the stack stays enrolled. Refresh sees a withdrawal out of band. Id `<dbAssistId>/managed/<instanceId>`. See docs/reference.md. */
export class IntelligentOps extends pulumi.dynamic.Resource {
  /** Intelligent O&M instance id. */
  declare readonly dbAssistId: pulumi.Output<IntelligentOpsOutputs["dbAssistId"]>;
  /** Whether 4.6.2 lists the instance as enrolled in `dbAssistId`, as last read. */
  declare readonly enabled: pulumi.Output<IntelligentOpsOutputs["enabled"]>;
  /** Instance id. */
  declare readonly instanceId: pulumi.Output<IntelligentOpsOutputs["instanceId"]>;
  /** Whether the instance was enrolled in `dbAssistId` before this resource first set it; given back on delete. */
  declare readonly originalEnabled: pulumi.Output<IntelligentOpsOutputs["originalEnabled"]>;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  declare readonly site: pulumi.Output<IntelligentOpsOutputs["site"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<IntelligentOpsOutputs["timeouts"]>;

  /** Reads the existing IntelligentOps with this id into the program without managing it (nothing is created, changed or deleted). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): IntelligentOps {
    return new IntelligentOps(name, {} as IntelligentOpsArgs, { ...opts, id });
  }

  /** Declares a IntelligentOps; `pulumi up` creates it (or, with `adopt: true` where offered, takes over the existing one). */
  constructor(name: string, args: IntelligentOpsArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, "IntelligentOps", args, IntelligentOpsOutputKeys, IntelligentOpsSecretInputs, opts), resourceOptions(opts, IntelligentOpsSecretOutputs), "tpops", "IntelligentOps");
  }
}
