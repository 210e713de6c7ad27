import * as pulumi from "@pulumi/pulumi";
import { BackupPolicy } from "../backup/backup-policy.gen";
import { DataCenter } from "../infra/data-center.gen";
import { Host } from "../infra/host.gen";
import { Instance } from "../instance/instance.gen";
import { InstanceParameters } from "../instance/instance-parameters.gen";
import { KeyPair } from "../infra/key-pair.gen";
import type { BackupPolicyArgs, TimeoutsArgs } from "../types.gen";

/** One host of a deployment: its three addresses. */
export interface GaussDbHostArgs {
  /** Management IPv4 address (identifies the host). */
  readonly manageIp: string;
  /** Data-network IPv4 address. */
  readonly dataIp: string;
  /** Service (virtual) IPv4 address. */
  readonly virtualIp: string;
}

/** Arguments of {@link GaussDbDeployment}: a whole GaussDB deployment with sensible defaults. */
export interface GaussDbDeploymentArgs {
  /** Backup policy settings (instanceId is filled in). Default: the BackupPolicy defaults (7 days, 19:00-20:00 UTC, daily). */
  readonly backup?: Omit<BackupPolicyArgs, "instanceId">;
  /** CPU vendor of the hosts: intel, kunpeng or hygon. Default intel. */
  readonly cpuSpec?: string;
  /** Existing data center to put the hosts in. Default: a new DataCenter named after the component. */
  readonly dataCenterId?: pulumi.Input<string>;
  /** Database root password (secret). */
  readonly dbPassword: pulumi.Input<string>;
  /** Engine version. Default: the newest the platform offers. */
  readonly engineVersion?: pulumi.Input<string>;
  /** The hosts; their number must fit the solution (single 1, triset 3, pentaset 5, …). */
  readonly hosts: readonly GaussDbHostArgs[];
  /** Operating system of the hosts: kylin or uniontech. Default kylin. */
  readonly osType?: string;
  /** Instance parameters to manage (name → value). Default: none. */
  readonly parameters?: Record<string, pulumi.Input<string>>;
  /** Database port. Default 8000. */
  readonly port?: number;
  /** Restart the instance when a parameter needs it. Default false (pendingRestart is reported instead). */
  readonly restartIfRequired?: boolean;
  /** Root password of the hosts (secret). Default: hosts log in with the deployment's key pair (its publicKey must be in root's authorized_keys first). */
  readonly rootPassword?: pulumi.Input<string>;
  /** Deployment: single, triset, pentaset, … Default: single for one host, triset for three, pentaset for five. */
  readonly solution?: string;
  /** Waiting limits for the instance's jobs. */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

const DEFAULT_SOLUTION: Record<number, string> = { 1: "single", 3: "triset", 5: "pentaset" };

/**
 * A complete GaussDB deployment as one reusable component (`tpops:index:GaussDbDeployment`): data center,
 * SSH key pair, hosts, the instance, its backup policy and its parameters.
 */
export class GaussDbDeployment extends pulumi.ComponentResource {
  /** The instance id. */
  declare readonly instanceId: pulumi.Output<string>;
  /** The instance status (ACTIVE when healthy). */
  declare readonly status: pulumi.Output<string>;
  /** The nodes' private IPs. */
  declare readonly privateIps: pulumi.Output<string[]>;
  /** The engine version installed. */
  declare readonly engineVersion: pulumi.Output<string>;
  /** The key pair's OpenSSH public key (for authorized_keys). */
  declare readonly publicKey: pulumi.Output<string>;
  /** Ids of the hosts. */
  declare readonly hostIds: pulumi.Output<string[]>;
  /** The resources, for dependencies and further configuration. */
  readonly dataCenter: DataCenter | undefined;
  readonly keyPair: KeyPair;
  readonly hosts: Host[];
  readonly instance: Instance;
  readonly backupPolicy: BackupPolicy;
  readonly parameters: InstanceParameters | undefined;

  /** Creates the deployment; child resources are named `<name>-…`. */
  constructor(name: string, args: GaussDbDeploymentArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("tpops:index:GaussDbDeployment", name, {}, opts);
    const solution = args.solution ?? DEFAULT_SOLUTION[args.hosts.length];
    if (!solution) {
      throw new Error(
        `GaussDbDeployment ${name}: hosts has ${args.hosts.length} entries; give 1, 3 or 5 hosts, or set solution explicitly (e.g. quadruset needs 5, hcs2 needs 3)`,
      );
    }
    const child = { parent: this };
    this.dataCenter = args.dataCenterId === undefined ? new DataCenter(`${name}-dc`, { description: `${name} deployment` }, child) : undefined;
    const dataCenterId = args.dataCenterId ?? this.dataCenter!.id;
    this.keyPair = new KeyPair(`${name}-key`, { description: `${name} hosts` }, child);
    const osType = args.osType ?? "kylin";
    const cpuSpec = args.cpuSpec ?? "intel";
    this.hosts = args.hosts.map(
      (h, i) =>
        new Host(
          `${name}-host-${i + 1}`,
          {
            ...h,
            dataCenterId,
            osType,
            cpuSpec,
            ...(args.rootPassword !== undefined ? { rootPassword: args.rootPassword } : { sshKeyId: this.keyPair.id }),
          },
          child,
        ),
    );
    this.instance = new Instance(
      `${name}-db`,
      {
        solution,
        manageIps: this.hosts.map((h) => h.manageIp),
        osType,
        cpuSpec,
        arch: cpuSpec.toLowerCase() === "kunpeng" ? "ARM" : "X86",
        port: args.port ?? 8000,
        password: args.dbPassword,
        ...(args.engineVersion !== undefined ? { engineVersion: args.engineVersion } : {}),
        ...(args.timeouts !== undefined ? { timeouts: args.timeouts } : {}),
      },
      child,
    );
    this.backupPolicy = new BackupPolicy(`${name}-backup`, { ...args.backup, instanceId: this.instance.id }, child);
    this.parameters =
      args.parameters && Object.keys(args.parameters).length
        ? new InstanceParameters(
            `${name}-params`,
            { instanceId: this.instance.id, values: args.parameters, restartIfRequired: args.restartIfRequired ?? false },
            { ...child, dependsOn: [this.backupPolicy] },
          )
        : undefined;

    this.instanceId = this.instance.id;
    this.status = this.instance.status;
    this.privateIps = this.instance.privateIps as pulumi.Output<string[]>;
    this.engineVersion = this.instance.engineVersion;
    this.publicKey = this.keyPair.publicKey;
    this.hostIds = pulumi.all(this.hosts.map((h) => h.id));
    this.registerOutputs({
      instanceId: this.instanceId,
      status: this.status,
      privateIps: this.privateIps,
      engineVersion: this.engineVersion,
      publicKey: this.publicKey,
      hostIds: this.hostIds,
    });
  }
}
