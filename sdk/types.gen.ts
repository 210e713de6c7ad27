// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import type * as pulumi from "@pulumi/pulumi";

/** Operating system the platform detected on a host (reference table 4-313). (input) */
export interface HostOsArgs {
  /** `x86` or `arm`. */
  readonly osArch?: pulumi.Input<string>;
  /** Operating system, e.g. `kylin`. */
  readonly osType?: pulumi.Input<string>;
  /** Operating system version, e.g. `V200R010`. */
  readonly osVersion?: pulumi.Input<string>;
}

/** Operating system the platform detected on a host (reference table 4-313). */
export interface HostOs {
  /** `x86` or `arm`. */
  readonly osArch?: string;
  /** Operating system, e.g. `kylin`. */
  readonly osType?: string;
  /** Operating system version, e.g. `V200R010`. */
  readonly osVersion?: string;
}

/** Hardware the platform detected on a host (reference table 4-314). (input) */
export interface HostSpecArgs {
  /** CPU vendor: `intel`, `kunpeng` or `hygon`. */
  readonly cpuSpec?: pulumi.Input<string>;
  /** Data disk size in GB. */
  readonly dataDiskSize?: pulumi.Input<string>;
  /** Memory in GB. */
  readonly mem?: pulumi.Input<string>;
  /** System disk size in GB. */
  readonly rootDiskSize?: pulumi.Input<string>;
  /** Storage type, e.g. `localssd`. */
  readonly storageType?: pulumi.Input<string>;
  /** Number of vCPUs. */
  readonly vcpus?: pulumi.Input<string>;
}

/** Hardware the platform detected on a host (reference table 4-314). */
export interface HostSpec {
  /** CPU vendor: `intel`, `kunpeng` or `hygon`. */
  readonly cpuSpec?: string;
  /** Data disk size in GB. */
  readonly dataDiskSize?: string;
  /** Memory in GB. */
  readonly mem?: string;
  /** System disk size in GB. */
  readonly rootDiskSize?: string;
  /** Storage type, e.g. `localssd`. */
  readonly storageType?: string;
  /** Number of vCPUs. */
  readonly vcpus?: string;
}

/** How long create, update and delete may wait for TPOPS jobs, as durations such as `30s`, `20m`, `1h30m`. (Dynamic resources do not receive Pulumi's `customTimeouts`.) (input) */
export interface TimeoutsArgs {
  /** Longest wait for create, e.g. `20m`. Default per resource. */
  readonly create?: pulumi.Input<string>;
  /** Longest wait for delete, e.g. `20m`. Default per resource. */
  readonly delete?: pulumi.Input<string>;
  /** Longest wait for update, e.g. `20m`. Default per resource. */
  readonly update?: pulumi.Input<string>;
}

/** How long create, update and delete may wait for TPOPS jobs, as durations such as `30s`, `20m`, `1h30m`. (Dynamic resources do not receive Pulumi's `customTimeouts`.) */
export interface Timeouts {
  /** Longest wait for create, e.g. `20m`. Default per resource. */
  readonly create?: string;
  /** Longest wait for delete, e.g. `20m`. Default per resource. */
  readonly delete?: string;
  /** Longest wait for update, e.g. `20m`. Default per resource. */
  readonly update?: string;
}

/** Arguments of {@link DataCenter}: A TPOPS data center (机房, reference 4.9.9–4.9.12). Hosts belong to a data center; the platform refuses to delete one that still has hosts. */
export interface DataCenterArgs {
  /** Take over an existing data center with the same `name` instead of failing. Default false. */
  readonly adopt?: pulumi.Input<boolean>;
  /** Description, at most 100 characters. Updates in place. */
  readonly description?: pulumi.Input<string>;
  /** Unique name: at most 20 letters, digits, `-` or `_`. Default: the Pulumi resource name plus a random suffix. Updates in place. */
  readonly name?: pulumi.Input<string>;
  /** Waiting limits (data-center calls are synchronous; default 5m each). */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

/** Outputs of DataCenter. */
export interface DataCenterOutputs {
  /** Whether the data center was adopted. */
  readonly adopt?: boolean;
  /** Description. */
  readonly description?: string;
  /** Number of hosts in the data center, as last read. */
  readonly hostsNum: number;
  /** Name. */
  readonly name: string;
  /** Waiting limits. */
  readonly timeouts?: Timeouts;
}

/** Output property names of DataCenter (registered as outputs by the resource class). */
export const DataCenterOutputKeys = ["adopt","description","hostsNum","name","timeouts"] as const;
/** Properties of DataCenter that are Pulumi secrets. */
export const DataCenterSecretOutputs: string[] = [];

/** Arguments of {@link Host}: A host (physical machine) managed by TPOPS (reference 4.9.1–4.9.4, 4.9.8). Adding and removing a host are asynchronous platform jobs that the resource waits for. Give exactly one of `rootPassword` and `sshKeyId`. */
export interface HostArgs {
  /** Take over an existing host with the same `manageIp` instead of failing. Default false. */
  readonly adopt?: pulumi.Input<boolean>;
  /** CPU vendor: `intel`, `kunpeng` or `hygon` (case-insensitive). Changing it replaces the host. */
  readonly cpuSpec: pulumi.Input<string>;
  /** Id of the data center the host belongs to. Updates in place. */
  readonly dataCenterId: pulumi.Input<string>;
  /** Data-network IPv4 address. Updates in place (refused while the host is unmanaged or in use). */
  readonly dataIp: pulumi.Input<string>;
  /** Description, at most 100 characters. Updates in place. */
  readonly description?: pulumi.Input<string>;
  /** Let the platform empty an existing sandbox directory `/var/chroot` when adding the host (`is_force_rm_chroot_dir`). Default false. */
  readonly forceRemoveChrootDir?: pulumi.Input<boolean>;
  /** Management IPv4 address; identifies the host. Changing it replaces the host (the old one is removed first). */
  readonly manageIp: pulumi.Input<string>;
  /** Host alias, at most 64 bytes. Default: the Pulumi resource name plus a random suffix. Updates in place. */
  readonly name?: pulumi.Input<string>;
  /** Operating system: `kylin` or `uniontech` (case-insensitive). Changing it replaces the host. */
  readonly osType: pulumi.Input<string>;
  /** Password of the host's root user, used to add and to remove the host. Give this or `sshKeyId`. (secret) */
  readonly rootPassword?: pulumi.Input<string>;
  /** Id of a `KeyPair` whose public key is in root's `authorized_keys`. Give this or `rootPassword`. Updates in place. */
  readonly sshKeyId?: pulumi.Input<string>;
  /** SSH port, 1–65535 except 8002 and 12017 (reserved by TPOPS). Default 22. Changing it replaces the host. */
  readonly sshPort?: pulumi.Input<number>;
  /** Storage type: `localssd` or `dorado`. Default `localssd`. Changing it replaces the host. */
  readonly storageType?: pulumi.Input<string>;
  /** Waiting limits for the add and remove jobs. Defaults: create 20m, update 5m, delete 20m. */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
  /** Host type: `BMS` (bare metal) or `CONTAINER`. Default `BMS`. Changing it replaces the host. */
  readonly type?: pulumi.Input<string>;
  /** Service (virtual) IPv4 address. Updates in place (refused while the host is unmanaged or in use). */
  readonly virtualIp: pulumi.Input<string>;
}

/** Outputs of Host. */
export interface HostOutputs {
  /** Whether the host was adopted. */
  readonly adopt?: boolean;
  /** CPU vendor. */
  readonly cpuSpec: string;
  /** When the host was added. */
  readonly createdAt?: string;
  /** Data center id. */
  readonly dataCenterId: string;
  /** Data IP. */
  readonly dataIp: string;
  /** Description. */
  readonly description?: string;
  /** Floating IP the platform assigned, if any. */
  readonly floatIp?: string;
  /** Whether the sandbox directory was force-emptied on add. */
  readonly forceRemoveChrootDir?: boolean;
  /** Id of the instance using the host, if any. */
  readonly instanceId?: string;
  /** Name of the instance using the host, if any. */
  readonly instanceName?: string;
  /** Management IP. */
  readonly manageIp: string;
  /** Host alias. */
  readonly name: string;
  /** Id of the instance node on this host, if any. */
  readonly nodeId?: string;
  /** Detected operating system. */
  readonly os?: HostOs;
  /** Operating system. */
  readonly osType: string;
  /** Root password (kept, encrypted, to remove the host). (secret) */
  readonly rootPassword?: string;
  /** Detected hardware. */
  readonly spec?: HostSpec;
  /** Key pair id. */
  readonly sshKeyId?: string;
  /** SSH port. */
  readonly sshPort: number;
  /** `initializing`, `initialized`, `initialize_failed`, `unmanaged`, `in_use`, `deleting` or `delete_failed`. */
  readonly status: string;
  /** Storage type. */
  readonly storageType: string;
  /** Waiting limits. */
  readonly timeouts?: Timeouts;
  /** Host type. */
  readonly type: string;
  /** Service IP. */
  readonly virtualIp: string;
}

/** Output property names of Host (registered as outputs by the resource class). */
export const HostOutputKeys = ["adopt","cpuSpec","createdAt","dataCenterId","dataIp","description","floatIp","forceRemoveChrootDir","instanceId","instanceName","manageIp","name","nodeId","os","osType","rootPassword","spec","sshKeyId","sshPort","status","storageType","timeouts","type","virtualIp"] as const;
/** Properties of Host that are Pulumi secrets. */
export const HostSecretOutputs: string[] = ["rootPassword"];

/** Arguments of {@link KeyPair}: An SSH key pair the platform generates to log in to hosts (reference 4.8.1–4.8.5). Place `publicKey` in the hosts' `~/.ssh/authorized_keys`, then add hosts with `sshKeyId`. At most 20 key pairs exist on a platform. */
export interface KeyPairArgs {
  /** Take over an existing key pair with the same `name` instead of failing. Default false. */
  readonly adopt?: pulumi.Input<boolean>;
  /** Key algorithm: `RSA_2048`, `RSA_3072` or `RSA_4096`. Default `RSA_3072`. Changing it replaces the key pair. */
  readonly algorithm?: pulumi.Input<string>;
  /** Description, at most 256 bytes. Updates in place. */
  readonly description?: pulumi.Input<string>;
  /** Delete the key pair even while hosts use it (the API's `forced`). Default false. */
  readonly forceDelete?: pulumi.Input<boolean>;
  /** Unique name, at most 128 bytes. Default: the Pulumi resource name plus a random suffix. Updates in place. */
  readonly name?: pulumi.Input<string>;
  /** Waiting limits (key-pair calls are synchronous; default 5m each). */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

/** Outputs of KeyPair. */
export interface KeyPairOutputs {
  /** Whether the key pair was adopted. */
  readonly adopt?: boolean;
  /** Key algorithm. */
  readonly algorithm: string;
  /** Creation time as the platform reports it. */
  readonly createdAt: string;
  /** Description. */
  readonly description?: string;
  /** Whether delete forces removal while hosts use the key. */
  readonly forceDelete?: boolean;
  /** Number of hosts bound to the key pair, as last read. */
  readonly hostNums: number;
  /** Name. */
  readonly name: string;
  /** The OpenSSH public key line (`ssh-rsa AAAA…`) for `authorized_keys`. */
  readonly publicKey: string;
  /** Waiting limits. */
  readonly timeouts?: Timeouts;
}

/** Output property names of KeyPair (registered as outputs by the resource class). */
export const KeyPairOutputKeys = ["adopt","algorithm","createdAt","description","forceDelete","hostNums","name","publicKey","timeouts"] as const;
/** Properties of KeyPair that are Pulumi secrets. */
export const KeyPairSecretOutputs: string[] = [];
