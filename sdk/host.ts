import * as pulumi from "@pulumi/pulumi";
import { withSecrets } from "./data-center";
import { providerStub, resourceProps } from "./stub";
import { HostOutputKeys, HostSecretOutputs, type HostArgs, type HostOs, type HostOutputs, type HostSpec, type Timeouts } from "./types.gen";

const provider = providerStub("host");

/** A host managed by TPOPS (reference 4.9.1–4.9.4); add and remove are platform jobs the resource waits for. */
export class Host extends pulumi.dynamic.Resource {
  /** Whether the host was adopted. */
  declare readonly adopt: pulumi.Output<boolean | undefined>;
  /** CPU vendor. */
  declare readonly cpuSpec: pulumi.Output<HostOutputs["cpuSpec"]>;
  /** When the host was added. */
  declare readonly createdAt: pulumi.Output<string | undefined>;
  /** Data center id. */
  declare readonly dataCenterId: pulumi.Output<HostOutputs["dataCenterId"]>;
  /** Data IP. */
  declare readonly dataIp: pulumi.Output<HostOutputs["dataIp"]>;
  /** Description. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** Floating IP the platform assigned, if any. */
  declare readonly floatIp: pulumi.Output<string | undefined>;
  /** Whether the sandbox directory was force-emptied on add. */
  declare readonly forceRemoveChrootDir: pulumi.Output<boolean | undefined>;
  /** Id of the instance using the host, if any. */
  declare readonly instanceId: pulumi.Output<string | undefined>;
  /** Name of the instance using the host, if any. */
  declare readonly instanceName: pulumi.Output<string | undefined>;
  /** Management IP. */
  declare readonly manageIp: pulumi.Output<HostOutputs["manageIp"]>;
  /** Host alias (given or generated). */
  declare readonly name: pulumi.Output<HostOutputs["name"]>;
  /** Id of the instance node on this host, if any. */
  declare readonly nodeId: pulumi.Output<string | undefined>;
  /** Detected operating system. */
  declare readonly os: pulumi.Output<HostOs | undefined>;
  /** Operating system. */
  declare readonly osType: pulumi.Output<HostOutputs["osType"]>;
  /** Root password (secret). */
  declare readonly rootPassword: pulumi.Output<string | undefined>;
  /** Detected hardware. */
  declare readonly spec: pulumi.Output<HostSpec | undefined>;
  /** Key pair id. */
  declare readonly sshKeyId: pulumi.Output<string | undefined>;
  /** SSH port. */
  declare readonly sshPort: pulumi.Output<HostOutputs["sshPort"]>;
  /** initializing, initialized, initialize_failed, unmanaged, in_use, deleting or delete_failed. */
  declare readonly status: pulumi.Output<HostOutputs["status"]>;
  /** Storage type. */
  declare readonly storageType: pulumi.Output<HostOutputs["storageType"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<Timeouts | undefined>;
  /** Host type. */
  declare readonly type: pulumi.Output<HostOutputs["type"]>;
  /** Service IP. */
  declare readonly virtualIp: pulumi.Output<HostOutputs["virtualIp"]>;

  /** Adds (or, with `adopt: true`, takes over) a host and waits for the add job. */
  constructor(name: string, args: HostArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, args, HostOutputKeys, true), withSecrets(opts, HostSecretOutputs), "tpops", "Host");
  }
}
