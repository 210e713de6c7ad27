// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { providerStub, resourceOptions, resourceProps } from "../stub";
import { HostOutputKeys, HostSecretInputs, HostSecretOutputs, type HostArgs, type HostOutputs } from "../types.gen";

const provider = providerStub("host");

/** A host (physical machine) managed by TPOPS (reference 4.9.1–4.9.4, 4.9.8). Adding and removing a host are asynchronous platform jobs that the resource waits for. Give exactly one of `rootPassword` and `sshKeyId`. See docs/reference.md. */
export class Host extends pulumi.dynamic.Resource {
  /** Whether the host was adopted. */
  declare readonly adopt: pulumi.Output<HostOutputs["adopt"]>;
  /** CPU vendor. */
  declare readonly cpuSpec: pulumi.Output<HostOutputs["cpuSpec"]>;
  /** When the host was added. */
  declare readonly createdAt: pulumi.Output<HostOutputs["createdAt"]>;
  /** Data center id. */
  declare readonly dataCenterId: pulumi.Output<HostOutputs["dataCenterId"]>;
  /** Data IP. */
  declare readonly dataIp: pulumi.Output<HostOutputs["dataIp"]>;
  /** Description. */
  declare readonly description: pulumi.Output<HostOutputs["description"]>;
  /** Floating IP the platform assigned, if any. */
  declare readonly floatIp: pulumi.Output<HostOutputs["floatIp"]>;
  /** Whether the sandbox directory was force-emptied on add. */
  declare readonly forceRemoveChrootDir: pulumi.Output<HostOutputs["forceRemoveChrootDir"]>;
  /** Id of the instance using the host, if any. */
  declare readonly instanceId: pulumi.Output<HostOutputs["instanceId"]>;
  /** Name of the instance using the host, if any. */
  declare readonly instanceName: pulumi.Output<HostOutputs["instanceName"]>;
  /** Management IP. */
  declare readonly manageIp: pulumi.Output<HostOutputs["manageIp"]>;
  /** Host alias. */
  declare readonly name: pulumi.Output<HostOutputs["name"]>;
  /** Id of the instance node on this host, if any. */
  declare readonly nodeId: pulumi.Output<HostOutputs["nodeId"]>;
  /** Detected operating system. */
  declare readonly os: pulumi.Output<HostOutputs["os"]>;
  /** Operating system. */
  declare readonly osType: pulumi.Output<HostOutputs["osType"]>;
  /** Root password (kept, encrypted, to remove the host). (secret) */
  declare readonly rootPassword: pulumi.Output<HostOutputs["rootPassword"]>;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  declare readonly site: pulumi.Output<HostOutputs["site"]>;
  /** Detected hardware. */
  declare readonly spec: pulumi.Output<HostOutputs["spec"]>;
  /** Key pair id. */
  declare readonly sshKeyId: pulumi.Output<HostOutputs["sshKeyId"]>;
  /** SSH port. */
  declare readonly sshPort: pulumi.Output<HostOutputs["sshPort"]>;
  /** `initializing`, `initialized`, `initialize_failed`, `unmanaged`, `in_use`, `deleting` or `delete_failed`. */
  declare readonly status: pulumi.Output<HostOutputs["status"]>;
  /** Storage type. */
  declare readonly storageType: pulumi.Output<HostOutputs["storageType"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<HostOutputs["timeouts"]>;
  /** Host type. */
  declare readonly type: pulumi.Output<HostOutputs["type"]>;
  /** Service IP. */
  declare readonly virtualIp: pulumi.Output<HostOutputs["virtualIp"]>;

  /** Reads the existing Host with this id into the program without managing it (nothing is created, changed or deleted). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): Host {
    return new Host(name, {} as HostArgs, { ...opts, id });
  }

  /** Declares a Host; `pulumi up` creates it (or, with `adopt: true` where offered, takes over the existing one). */
  constructor(name: string, args: HostArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, "Host", args, HostOutputKeys, HostSecretInputs, opts), resourceOptions(opts, HostSecretOutputs), "tpops", "Host");
  }
}
