// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { providerStub, resourceOptions, resourceProps } from "../stub";
import { InstanceOutputKeys, InstanceSecretInputs, InstanceSecretOutputs, type InstanceArgs, type InstanceOutputs } from "../types.gen";

const provider = providerStub("instance");

/** A GaussDB database instance (reference 4.11.5–4.11.22). Creating it installs the database on the hosts named by `manageIps` and the AZ lists (Host resources' manage IPs) and waits for the job (BUILD → ACTIVE); a failed job is recorded as a partial create. In place, each waiting for its platform job: `engineVersion` upgrades (4.11.17–4.11.18), `solution` triset↔pentaset and trisetnoetcd↔pentasetnoetcd with the matching `manageIps` change (4.11.20), adding hosts to a distributed instance (expansion, 4.11.15) and `mysqlCompatibilityPort` (4.11.21–4.11.22); several at once run in the order shrink, upgrade, grow or expansion, M-compatibility port. Any other change replaces the instance, deleting the old one first because hosts cannot be shared. Deleting uninstalls (or unmanages) it and frees its hosts. See docs/reference.md. */
export class Instance extends pulumi.dynamic.Resource {
  /** Whether the instance was adopted. */
  declare readonly adopt: pulumi.Output<InstanceOutputs["adopt"]>;
  /** Hosts of the arbiter AZ. */
  declare readonly arbiterAzIps: pulumi.Output<InstanceOutputs["arbiterAzIps"]>;
  /** CPU architecture. */
  declare readonly arch: pulumi.Output<InstanceOutputs["arch"]>;
  /** Parameter template id given at create. */
  declare readonly configurationId: pulumi.Output<InstanceOutputs["configurationId"]>;
  /** CPU vendor. */
  declare readonly cpuSpec: pulumi.Output<InstanceOutputs["cpuSpec"]>;
  /** Creation time as the platform reports it. */
  declare readonly created: pulumi.Output<InstanceOutputs["created"]>;
  /** Default database user, e.g. `root`. */
  declare readonly dbUserName: pulumi.Output<InstanceOutputs["dbUserName"]>;
  /** What deleting does. */
  declare readonly deletion: pulumi.Output<InstanceOutputs["deletion"]>;
  /** Engine. */
  declare readonly engine: pulumi.Output<InstanceOutputs["engine"]>;
  /** Engine version running, as last read. */
  declare readonly engineVersion: pulumi.Output<InstanceOutputs["engineVersion"]>;
  /** Specification code, e.g. `gaussdb.ee.bms.2xlarge.x868.ha`. */
  declare readonly flavorRef: pulumi.Output<InstanceOutputs["flavorRef"]>;
  /** Floating IP. */
  declare readonly floatIp: pulumi.Output<InstanceOutputs["floatIp"]>;
  /** High-availability options. */
  declare readonly ha: pulumi.Output<InstanceOutputs["ha"]>;
  /** Host type. */
  declare readonly hostType: pulumi.Output<InstanceOutputs["hostType"]>;
  /** Custom install settings. */
  declare readonly installSettings: pulumi.Output<InstanceOutputs["installSettings"]>;
  /** Instance mode, e.g. `enterprise` for distributed instances. */
  declare readonly instanceMode: pulumi.Output<InstanceOutputs["instanceMode"]>;
  /** Hosts of the logger AZ. */
  declare readonly loggerAzIps: pulumi.Output<InstanceOutputs["loggerAzIps"]>;
  /** Manage IPs of the instance's hosts. */
  declare readonly manageIps: pulumi.Output<InstanceOutputs["manageIps"]>;
  /** Hosts of the master AZ. */
  declare readonly masterAzIps: pulumi.Output<InstanceOutputs["masterAzIps"]>;
  /** M-compatibility port (0 = closed). */
  declare readonly mysqlCompatibilityPort: pulumi.Output<InstanceOutputs["mysqlCompatibilityPort"]>;
  /** Instance name. */
  declare readonly name: pulumi.Output<InstanceOutputs["name"]>;
  /** Database nodes, as last read. */
  declare readonly nodes: pulumi.Output<InstanceOutputs["nodes"]>;
  /** Operating system. */
  declare readonly osType: pulumi.Output<InstanceOutputs["osType"]>;
  /** Database root password. (secret) */
  declare readonly password: pulumi.Output<InstanceOutputs["password"]>;
  /** Database port, as last read. */
  declare readonly port: pulumi.Output<InstanceOutputs["port"]>;
  /** Service IPs of the nodes. */
  declare readonly privateIps: pulumi.Output<InstanceOutputs["privateIps"]>;
  /** rdsAdmin password used when unmanaging. (secret) */
  declare readonly rdsAdminPassword: pulumi.Output<InstanceOutputs["rdsAdminPassword"]>;
  /** Where the instance was restored from, as the program said at create. */
  declare readonly restoreFrom: pulumi.Output<InstanceOutputs["restoreFrom"]>;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  declare readonly site: pulumi.Output<InstanceOutputs["site"]>;
  /** Hosts of the standby AZ. */
  declare readonly slaveAzIps: pulumi.Output<InstanceOutputs["slaveAzIps"]>;
  /** Deployment solution. */
  declare readonly solution: pulumi.Output<InstanceOutputs["solution"]>;
  /** `BUILD`, `ACTIVE`, `FAILED`, `REBOOTING`, `UPGRADING`, `RESTORING`, `BACKING UP` or `STORAGE FULL` (reference 4.11.8). */
  declare readonly status: pulumi.Output<InstanceOutputs["status"]>;
  /** How the instance was taken over from its hosts, as the program said at create. (secret) */
  declare readonly takeOver: pulumi.Output<InstanceOutputs["takeOver"]>;
  /** true when the instance came under management by taking over a database installed outside TPOPS (`takeOver`, reference 4.11.13); kept when `takeOver` leaves the program. Its deletion then unmanages unless `deletion.clearData` is true. */
  declare readonly takenOver: pulumi.Output<InstanceOutputs["takenOver"]>;
  /** Time zone, as last read. */
  declare readonly timeZone: pulumi.Output<InstanceOutputs["timeZone"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<InstanceOutputs["timeouts"]>;
  /** Last update time as the platform reports it. */
  declare readonly updated: pulumi.Output<InstanceOutputs["updated"]>;

  /** Reads the existing Instance with this id into the program without managing it (nothing is created, changed or deleted). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): Instance {
    return new Instance(name, {} as InstanceArgs, { ...opts, id });
  }

  /** Declares a Instance; `pulumi up` creates it (or, with `adopt: true` where offered, takes over the existing one). */
  constructor(name: string, args: InstanceArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, "Instance", args, InstanceOutputKeys, InstanceSecretInputs, opts), resourceOptions(opts, InstanceSecretOutputs), "tpops", "Instance");
  }
}
