// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { providerStub, resourceOptions, resourceProps } from "../stub";
import { InstanceParametersOutputKeys, InstanceParametersSecretInputs, InstanceParametersSecretOutputs, type InstanceParametersArgs, type InstanceParametersOutputs } from "../types.gen";

const provider = providerStub("instanceParameters");

/** Values of some parameters of an instance (reference 4.3.1–4.3.2). Only the keys in `values` are managed: other parameters may change without drift. On create the previous value of each key is recorded (`originalValues`); deleting the resource, or removing a key from `values`, restores it. Names and values are checked against the instance's template (`value_range`) before anything changes, at preview when the instance id is known. A change that needs a restart restarts the instance when `restartIfRequired` is true; otherwise `pendingRestart` is true and a warning is printed. See docs/reference.md. */
export class InstanceParameters extends pulumi.dynamic.Resource {
  /** Instance id. */
  declare readonly instanceId: pulumi.Output<InstanceParametersOutputs["instanceId"]>;
  /** Value of each managed parameter before this resource first set it; restored on delete. */
  declare readonly originalValues: pulumi.Output<InstanceParametersOutputs["originalValues"]>;
  /** True when an applied change waits for an instance restart. */
  declare readonly pendingRestart: pulumi.Output<InstanceParametersOutputs["pendingRestart"]>;
  /** Whether changes needing a restart restart the instance. */
  declare readonly restartIfRequired: pulumi.Output<InstanceParametersOutputs["restartIfRequired"]>;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  declare readonly site: pulumi.Output<InstanceParametersOutputs["site"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<InstanceParametersOutputs["timeouts"]>;
  /** Managed parameter values, as last read. */
  declare readonly values: pulumi.Output<InstanceParametersOutputs["values"]>;

  /** Reads the existing InstanceParameters with this id into the program without managing it (nothing is created, changed or deleted). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): InstanceParameters {
    return new InstanceParameters(name, {} as InstanceParametersArgs, { ...opts, id });
  }

  /** Declares a InstanceParameters; `pulumi up` creates it (or, with `adopt: true` where offered, takes over the existing one). */
  constructor(name: string, args: InstanceParametersArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, "InstanceParameters", args, InstanceParametersOutputKeys, InstanceParametersSecretInputs, opts), resourceOptions(opts, InstanceParametersSecretOutputs), "tpops", "InstanceParameters");
  }
}
