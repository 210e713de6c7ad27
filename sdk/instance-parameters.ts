import * as pulumi from "@pulumi/pulumi";
import { withSecrets } from "./data-center";
import { providerStub, resourceProps } from "./stub";
import { InstanceParametersOutputKeys, InstanceParametersSecretOutputs, type InstanceParametersArgs, type InstanceParametersOutputs, type Timeouts } from "./types.gen";

const provider = providerStub("instanceParameters");

/** Values of some parameters of an instance (reference 4.3.1–4.3.2); originals are restored on delete. */
export class InstanceParameters extends pulumi.dynamic.Resource {
  /** Instance id. */
  declare readonly instanceId: pulumi.Output<InstanceParametersOutputs["instanceId"]>;
  /** Value of each managed parameter before this resource first set it; restored on delete. */
  declare readonly originalValues: pulumi.Output<InstanceParametersOutputs["originalValues"]>;
  /** True when an applied change waits for an instance restart. */
  declare readonly pendingRestart: pulumi.Output<InstanceParametersOutputs["pendingRestart"]>;
  /** Whether changes needing a restart restart the instance. */
  declare readonly restartIfRequired: pulumi.Output<InstanceParametersOutputs["restartIfRequired"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<Timeouts | undefined>;
  /** Managed parameter values, as last read. */
  declare readonly values: pulumi.Output<InstanceParametersOutputs["values"]>;

  /** Sets the parameters, recording their previous values. */
  constructor(name: string, args: InstanceParametersArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, args, InstanceParametersOutputKeys, false), withSecrets(opts, InstanceParametersSecretOutputs), "tpops", "InstanceParameters");
  }
}
