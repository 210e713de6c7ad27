import * as pulumi from "@pulumi/pulumi";
import { withSecrets } from "./data-center";
import { providerStub, resourceProps } from "./stub";
import { InstanceOutputKeys, InstanceSecretOutputs, type InstanceArgs, type InstanceOutputs, type InstanceDeletion, type InstanceHa, type InstanceInstallSettings, type InstanceNode, type Timeouts } from "./types.gen";

const provider = providerStub("instance");

/** A GaussDB instance (reference 4.11.5–4.11.22); create, upgrade, solution change, expansion and delete are platform jobs the resource waits for. */
export class Instance extends pulumi.dynamic.Resource {
  /** Whether the instance was adopted. */
  declare readonly adopt: pulumi.Output<boolean | undefined>;
  /** Hosts of the arbiter AZ. */
  declare readonly arbiterAzIps: pulumi.Output<string[] | undefined>;
  /** CPU architecture. */
  declare readonly arch: pulumi.Output<InstanceOutputs["arch"]>;
  /** Parameter template id given at create. */
  declare readonly configurationId: pulumi.Output<string | undefined>;
  /** CPU vendor. */
  declare readonly cpuSpec: pulumi.Output<InstanceOutputs["cpuSpec"]>;
  /** Creation time as the platform reports it. */
  declare readonly created: pulumi.Output<string | undefined>;
  /** Default database user, e.g. `root`. */
  declare readonly dbUserName: pulumi.Output<string | undefined>;
  /** What deleting does. */
  declare readonly deletion: pulumi.Output<InstanceDeletion | undefined>;
  /** Engine. */
  declare readonly engine: pulumi.Output<InstanceOutputs["engine"]>;
  /** Engine version running, as last read. */
  declare readonly engineVersion: pulumi.Output<InstanceOutputs["engineVersion"]>;
  /** Specification code, e.g. `gaussdb.ee.bms.2xlarge.x868.ha`. */
  declare readonly flavorRef: pulumi.Output<string | undefined>;
  /** Floating IP. */
  declare readonly floatIp: pulumi.Output<string | undefined>;
  /** High-availability options. */
  declare readonly ha: pulumi.Output<InstanceOutputs["ha"]>;
  /** Host type. */
  declare readonly hostType: pulumi.Output<InstanceOutputs["hostType"]>;
  /** Custom install settings. */
  declare readonly installSettings: pulumi.Output<InstanceInstallSettings | undefined>;
  /** Instance mode, e.g. `enterprise` for distributed instances. */
  declare readonly instanceMode: pulumi.Output<string | undefined>;
  /** Hosts of the logger AZ. */
  declare readonly loggerAzIps: pulumi.Output<string[] | undefined>;
  /** Manage IPs of the instance's hosts. */
  declare readonly manageIps: pulumi.Output<InstanceOutputs["manageIps"]>;
  /** Hosts of the master AZ. */
  declare readonly masterAzIps: pulumi.Output<string[] | undefined>;
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
  declare readonly rdsAdminPassword: pulumi.Output<string | undefined>;
  /** Hosts of the standby AZ. */
  declare readonly slaveAzIps: pulumi.Output<string[] | undefined>;
  /** Deployment solution. */
  declare readonly solution: pulumi.Output<InstanceOutputs["solution"]>;
  /** `BUILD`, `ACTIVE`, `FAILED`, `REBOOTING`, `UPGRADING`, `RESTORING`, `BACKING UP` or `STORAGE FULL` (reference 4.11.8). */
  declare readonly status: pulumi.Output<InstanceOutputs["status"]>;
  /** Time zone, as last read. */
  declare readonly timeZone: pulumi.Output<string | undefined>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<Timeouts | undefined>;
  /** Last update time as the platform reports it. */
  declare readonly updated: pulumi.Output<string | undefined>;

  /** Creates (or, with `adopt: true`, takes over) an instance and waits until it is ACTIVE. */
  constructor(name: string, args: InstanceArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, args, InstanceOutputKeys, true), withSecrets(opts, InstanceSecretOutputs), "tpops", "Instance");
  }
}
