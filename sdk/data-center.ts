import * as pulumi from "@pulumi/pulumi";
import { providerStub, resourceProps } from "./stub";
import { DataCenterOutputKeys, DataCenterSecretOutputs, type DataCenterArgs, type DataCenterOutputs, type Timeouts } from "./types.gen";

const provider = providerStub("dataCenter");

/** A TPOPS data center (reference 4.9.9–4.9.12); hosts belong to one. See docs/reference.md. */
export class DataCenter extends pulumi.dynamic.Resource {
  /** Whether the data center was adopted. */
  declare readonly adopt: pulumi.Output<boolean | undefined>;
  /** Description. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** Number of hosts in the data center, as last read. */
  declare readonly hostsNum: pulumi.Output<DataCenterOutputs["hostsNum"]>;
  /** Name (given or generated). */
  declare readonly name: pulumi.Output<DataCenterOutputs["name"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<Timeouts | undefined>;

  /** Creates (or, with `adopt: true`, takes over) a data center. */
  constructor(name: string, args: DataCenterArgs = {}, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, args, DataCenterOutputKeys, true), withSecrets(opts, DataCenterSecretOutputs), "tpops", "DataCenter");
  }
}

/** Adds the schema's secret outputs to the options. */
export function withSecrets(opts: pulumi.CustomResourceOptions, secrets: readonly string[]): pulumi.CustomResourceOptions {
  return secrets.length ? { ...opts, additionalSecretOutputs: [...(opts.additionalSecretOutputs ?? []), ...secrets] } : opts;
}
