// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { providerStub, resourceOptions, resourceProps } from "../stub";
import { DataCenterOutputKeys, DataCenterSecretInputs, DataCenterSecretOutputs, type DataCenterArgs, type DataCenterOutputs } from "../types.gen";

const provider = providerStub("dataCenter");

/** A TPOPS data center (机房, reference 4.9.9–4.9.12). Hosts belong to a data center; the platform refuses to delete one that still has hosts. See docs/reference.md. */
export class DataCenter extends pulumi.dynamic.Resource {
  /** Whether the data center was adopted. */
  declare readonly adopt: pulumi.Output<DataCenterOutputs["adopt"]>;
  /** Description. */
  declare readonly description: pulumi.Output<DataCenterOutputs["description"]>;
  /** Number of hosts in the data center, as last read. */
  declare readonly hostsNum: pulumi.Output<DataCenterOutputs["hostsNum"]>;
  /** Name. */
  declare readonly name: pulumi.Output<DataCenterOutputs["name"]>;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  declare readonly site: pulumi.Output<DataCenterOutputs["site"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<DataCenterOutputs["timeouts"]>;

  /** Reads the existing DataCenter with this id into the program without managing it (nothing is created, changed or deleted). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): DataCenter {
    return new DataCenter(name, {} as DataCenterArgs, { ...opts, id });
  }

  /** Declares a DataCenter; `pulumi up` creates it (or, with `adopt: true` where offered, takes over the existing one). */
  constructor(name: string, args: DataCenterArgs = {}, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, "DataCenter", args, DataCenterOutputKeys, DataCenterSecretInputs, opts), resourceOptions(opts, DataCenterSecretOutputs), "tpops", "DataCenter");
  }
}
