// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

/** Operating system the platform detected on a host (reference table 4-313). */
export interface HostOs {
  /** `x86` or `arm`. */
  readonly osArch?: string;
  /** Operating system, e.g. `kylin`. */
  readonly osType?: string;
  /** Operating system version, e.g. `V200R010`. */
  readonly osVersion?: string;
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

/** How long create, update and delete may wait for TPOPS jobs, as durations such as `30s`, `20m`, `1h30m`. (Dynamic resources do not receive Pulumi's `customTimeouts`.) */
export interface Timeouts {
  /** Longest wait for create, e.g. `20m`. Default per resource. */
  readonly create?: string;
  /** Longest wait for delete, e.g. `20m`. Default per resource. */
  readonly delete?: string;
  /** Longest wait for update, e.g. `20m`. Default per resource. */
  readonly update?: string;
}

/** Per-resource facts the provider's check and diff use. */
export interface ResourceMeta {
  readonly token: string;
  readonly inputs: readonly string[];
  readonly requiredInputs: readonly string[];
  readonly replaceOnChanges: readonly string[];
  readonly secrets: readonly string[];
  readonly defaults: Readonly<Record<string, unknown>>;
}

/** Inputs of DataCenter as the provider receives them. */
export interface DataCenterInputs {
  /** Take over an existing data center with the same `name` instead of failing. Default false. */
  readonly adopt?: boolean;
  /** Description, at most 100 characters. Updates in place. */
  readonly description?: string;
  /** Unique name: at most 20 letters, digits, `-` or `_`. Default: the Pulumi resource name plus a random suffix. Updates in place. */
  readonly name?: string;
  /** Waiting limits (data-center calls are synchronous; default 5m each). */
  readonly timeouts?: Timeouts;
}

/** Outputs (state) of DataCenter. */
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

/** Schema facts of DataCenter. */
export const DataCenterMeta: ResourceMeta = {
  "token": "tpops:index:DataCenter",
  "inputs": [
    "adopt",
    "description",
    "name",
    "timeouts"
  ],
  "requiredInputs": [],
  "replaceOnChanges": [],
  "secrets": [],
  "defaults": {
    "adopt": false
  }
};

/** Inputs of Host as the provider receives them. */
export interface HostInputs {
  /** Take over an existing host with the same `manageIp` instead of failing. Default false. */
  readonly adopt?: boolean;
  /** CPU vendor: `intel`, `kunpeng` or `hygon` (case-insensitive). Changing it replaces the host. */
  readonly cpuSpec: string;
  /** Id of the data center the host belongs to. Updates in place. */
  readonly dataCenterId: string;
  /** Data-network IPv4 address. Updates in place (refused while the host is unmanaged or in use). */
  readonly dataIp: string;
  /** Description, at most 100 characters. Updates in place. */
  readonly description?: string;
  /** Let the platform empty an existing sandbox directory `/var/chroot` when adding the host (`is_force_rm_chroot_dir`). Default false. */
  readonly forceRemoveChrootDir?: boolean;
  /** Management IPv4 address; identifies the host. Changing it replaces the host (the old one is removed first). */
  readonly manageIp: string;
  /** Host alias, at most 64 bytes. Default: the Pulumi resource name plus a random suffix. Updates in place. */
  readonly name?: string;
  /** Operating system: `kylin` or `uniontech` (case-insensitive). Changing it replaces the host. */
  readonly osType: string;
  /** Password of the host's root user, used to add and to remove the host. Give this or `sshKeyId`. (secret) */
  readonly rootPassword?: string;
  /** Id of a `KeyPair` whose public key is in root's `authorized_keys`. Give this or `rootPassword`. Updates in place. */
  readonly sshKeyId?: string;
  /** SSH port, 1–65535 except 8002 and 12017 (reserved by TPOPS). Default 22. Changing it replaces the host. */
  readonly sshPort?: number;
  /** Storage type: `localssd` or `dorado`. Default `localssd`. Changing it replaces the host. */
  readonly storageType?: string;
  /** Waiting limits for the add and remove jobs. Defaults: create 20m, update 5m, delete 20m. */
  readonly timeouts?: Timeouts;
  /** Host type: `BMS` (bare metal) or `CONTAINER`. Default `BMS`. Changing it replaces the host. */
  readonly type?: string;
  /** Service (virtual) IPv4 address. Updates in place (refused while the host is unmanaged or in use). */
  readonly virtualIp: string;
}

/** Outputs (state) of Host. */
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

/** Schema facts of Host. */
export const HostMeta: ResourceMeta = {
  "token": "tpops:index:Host",
  "inputs": [
    "adopt",
    "cpuSpec",
    "dataCenterId",
    "dataIp",
    "description",
    "forceRemoveChrootDir",
    "manageIp",
    "name",
    "osType",
    "rootPassword",
    "sshKeyId",
    "sshPort",
    "storageType",
    "timeouts",
    "type",
    "virtualIp"
  ],
  "requiredInputs": [
    "cpuSpec",
    "dataCenterId",
    "dataIp",
    "manageIp",
    "osType",
    "virtualIp"
  ],
  "replaceOnChanges": [
    "cpuSpec",
    "manageIp",
    "osType",
    "sshPort",
    "storageType",
    "type"
  ],
  "secrets": [
    "rootPassword"
  ],
  "defaults": {
    "adopt": false,
    "forceRemoveChrootDir": false,
    "sshPort": 22,
    "storageType": "localssd",
    "type": "BMS"
  }
};

/** Inputs of KeyPair as the provider receives them. */
export interface KeyPairInputs {
  /** Take over an existing key pair with the same `name` instead of failing. Default false. */
  readonly adopt?: boolean;
  /** Key algorithm: `RSA_2048`, `RSA_3072` or `RSA_4096`. Default `RSA_3072`. Changing it replaces the key pair. */
  readonly algorithm?: string;
  /** Description, at most 256 bytes. Updates in place. */
  readonly description?: string;
  /** Delete the key pair even while hosts use it (the API's `forced`). Default false. */
  readonly forceDelete?: boolean;
  /** Unique name, at most 128 bytes. Default: the Pulumi resource name plus a random suffix. Updates in place. */
  readonly name?: string;
  /** Waiting limits (key-pair calls are synchronous; default 5m each). */
  readonly timeouts?: Timeouts;
}

/** Outputs (state) of KeyPair. */
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

/** Schema facts of KeyPair. */
export const KeyPairMeta: ResourceMeta = {
  "token": "tpops:index:KeyPair",
  "inputs": [
    "adopt",
    "algorithm",
    "description",
    "forceDelete",
    "name",
    "timeouts"
  ],
  "requiredInputs": [],
  "replaceOnChanges": [
    "algorithm"
  ],
  "secrets": [],
  "defaults": {
    "adopt": false,
    "algorithm": "RSA_3072",
    "forceDelete": false
  }
};
