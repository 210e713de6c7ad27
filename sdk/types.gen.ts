// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import type * as pulumi from "@pulumi/pulumi";

/** A backup as the platform lists it (reference 4.2.15 table 4-62, 4.2.12 table 4-50). (input) */
export interface BackupInfoArgs {
  /** When it began, ISO 8601 UTC. */
  readonly beginTime?: pulumi.Input<string>;
  /** Description. */
  readonly description?: pulumi.Input<string>;
  /** When it ended, ISO 8601 UTC (absent while it runs). */
  readonly endTime?: pulumi.Input<string>;
  /** Engine version of the backed-up instance. */
  readonly engineVersion?: pulumi.Input<string>;
  /** Backup id. */
  readonly id: pulumi.Input<string>;
  /** Id of the backed-up instance. */
  readonly instanceId?: pulumi.Input<string>;
  /** Backup name. */
  readonly name?: pulumi.Input<string>;
  /** Size in MB. */
  readonly sizeMb?: pulumi.Input<number>;
  /** `BUILDING`, `COMPLETED` or `FAILED`. */
  readonly status: pulumi.Input<string>;
  /** `auto` or `manual` (4.2.15); `differential` for the differential list (4.2.12). */
  readonly type?: pulumi.Input<string>;
}

/** A backup as the platform lists it (reference 4.2.15 table 4-62, 4.2.12 table 4-50). */
export interface BackupInfo {
  /** When it began, ISO 8601 UTC. */
  readonly beginTime?: string;
  /** Description. */
  readonly description?: string;
  /** When it ended, ISO 8601 UTC (absent while it runs). */
  readonly endTime?: string;
  /** Engine version of the backed-up instance. */
  readonly engineVersion?: string;
  /** Backup id. */
  readonly id: string;
  /** Id of the backed-up instance. */
  readonly instanceId?: string;
  /** Backup name. */
  readonly name?: string;
  /** Size in MB. */
  readonly sizeMb?: number;
  /** `BUILDING`, `COMPLETED` or `FAILED`. */
  readonly status: string;
  /** `auto` or `manual` (4.2.15); `differential` for the differential list (4.2.12). */
  readonly type?: string;
}

/** A whole backup policy as the platform reports it (reference 4.2.5, 4.2.6). (input) */
export interface BackupPolicySettingsArgs {
  /** Whether backup compression is off. */
  readonly closeCompression: pulumi.Input<boolean>;
  /** Minutes between differential backups. */
  readonly differentialPeriod: pulumi.Input<number>;
  /** Whether backups run on a standby. */
  readonly enableStandbyBackup: pulumi.Input<boolean>;
  /** Backup file split size in GB. */
  readonly fileSplitSize: pulumi.Input<number>;
  /** Days full backups are kept. */
  readonly keepDays: pulumi.Input<number>;
  /** Weekdays of full backups. */
  readonly period: pulumi.Input<pulumi.Input<number>[]>;
  /** Differential prefetch pages. */
  readonly prefetchBlock: pulumi.Input<number>;
  /** Upload rate limit in MB/s. */
  readonly rateLimit: pulumi.Input<number>;
  /** Backup window (UTC). */
  readonly startTime: pulumi.Input<string>;
}

/** A whole backup policy as the platform reports it (reference 4.2.5, 4.2.6). */
export interface BackupPolicySettings {
  /** Whether backup compression is off. */
  readonly closeCompression: boolean;
  /** Minutes between differential backups. */
  readonly differentialPeriod: number;
  /** Whether backups run on a standby. */
  readonly enableStandbyBackup: boolean;
  /** Backup file split size in GB. */
  readonly fileSplitSize: number;
  /** Days full backups are kept. */
  readonly keepDays: number;
  /** Weekdays of full backups. */
  readonly period: number[];
  /** Differential prefetch pages. */
  readonly prefetchBlock: number;
  /** Upload rate limit in MB/s. */
  readonly rateLimit: number;
  /** Backup window (UTC). */
  readonly startTime: string;
}

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

/** An inspection item (reference 4.10.9 tables 4-428 and 4-429). (input) */
export interface InspectionItemArgs {
  /** The item's category (4.10.9 `name` of its InspectionCategory, e.g. `数据库资源`). */
  readonly category: pulumi.Input<string>;
  /** What the item checks (4.10.9 `description`). */
  readonly description?: pulumi.Input<string>;
  /** The item id, for `itemIds` (4.10.9 `id`). */
  readonly id: pulumi.Input<string>;
  /** The item's name (4.10.9 `name`), e.g. `CPU`. */
  readonly name: pulumi.Input<string>;
}

/** An inspection item (reference 4.10.9 tables 4-428 and 4-429). */
export interface InspectionItem {
  /** The item's category (4.10.9 `name` of its InspectionCategory, e.g. `数据库资源`). */
  readonly category: string;
  /** What the item checks (4.10.9 `description`). */
  readonly description?: string;
  /** The item id, for `itemIds` (4.10.9 `id`). */
  readonly id: string;
  /** The item's name (4.10.9 `name`), e.g. `CPU`. */
  readonly name: string;
}

/** Where one database component is installed (reference 4.11.6 table 4-500). (input) */
export interface InstanceComponentDistributionArgs {
  /** Component name, as the solution defines it. */
  readonly component: pulumi.Input<string>;
  /** Manage IP of one of the instance's hosts. */
  readonly ip: pulumi.Input<string>;
}

/** Where one database component is installed (reference 4.11.6 table 4-500). */
export interface InstanceComponentDistribution {
  /** Component name, as the solution defines it. */
  readonly component: string;
  /** Manage IP of one of the instance's hosts. */
  readonly ip: string;
}

/** What deleting the instance does (reference 4.11.5). (input) */
export interface InstanceDeletionArgs {
  /** true uninstalls the database and frees its hosts; false only removes it from TPOPS management (unmanage), leaving it running, and needs `rdsAdminPassword`. Default true; for an instance taken over from its hosts (`takeOver`, output `takenOver`) default false: TPOPS did not install that database, so destroy unmanages it (its hosts await management again, reference 4.9.1 `unmanaged`) and uninstalling it takes an explicit `clearData: true`. */
  readonly clearData?: pulumi.Input<boolean>;
  /** Days differential backups are kept after deletion, a whole number (values outside 0–732 are warned about). Default 0. */
  readonly keepDifferentialBackupDays?: pulumi.Input<number>;
  /** Days full backups are kept after deletion, a whole number (0 removes them with the instance; values outside 0–732 are warned about). Default 0. */
  readonly keepFullBackupDays?: pulumi.Input<number>;
}

/** What deleting the instance does (reference 4.11.5). */
export interface InstanceDeletion {
  /** true uninstalls the database and frees its hosts; false only removes it from TPOPS management (unmanage), leaving it running, and needs `rdsAdminPassword`. Default true; for an instance taken over from its hosts (`takeOver`, output `takenOver`) default false: TPOPS did not install that database, so destroy unmanages it (its hosts await management again, reference 4.9.1 `unmanaged`) and uninstalling it takes an explicit `clearData: true`. */
  readonly clearData?: boolean;
  /** Days differential backups are kept after deletion, a whole number (values outside 0–732 are warned about). Default 0. */
  readonly keepDifferentialBackupDays?: number;
  /** Days full backups are kept after deletion, a whole number (0 removes them with the instance; values outside 0–732 are warned about). Default 0. */
  readonly keepFullBackupDays?: number;
}

/** High-availability options of an instance (reference 4.11.6 table 4-497). Omitted fields are derived from the solution. (input) */
export interface InstanceHaArgs {
  /** Transaction consistency, distributed only: `strong` or `eventual` (case-insensitive). Default `strong`. */
  readonly consistency?: pulumi.Input<string>;
  /** Replica consistency protocol: `quorum` or `paxos` (the `*noetcd` solutions support only `paxos`). Default `quorum`, or `paxos` for `*noetcd` solutions. */
  readonly consistencyProtocol?: pulumi.Input<string>;
  /** `centralization_standard` for the centralized solutions (single, triset, quadruset, pentaset and their noetcd forms), `combined` for the distributed ones (hcs1–hcs6). Default: the one the solution needs. */
  readonly mode?: pulumi.Input<string>;
  /** Standby replication: only `sync`. Default `sync`. */
  readonly replicationMode?: pulumi.Input<string>;
}

/** High-availability options of an instance (reference 4.11.6 table 4-497). Omitted fields are derived from the solution. */
export interface InstanceHa {
  /** Transaction consistency, distributed only: `strong` or `eventual` (case-insensitive). Default `strong`. */
  readonly consistency?: string;
  /** Replica consistency protocol: `quorum` or `paxos` (the `*noetcd` solutions support only `paxos`). Default `quorum`, or `paxos` for `*noetcd` solutions. */
  readonly consistencyProtocol?: string;
  /** `centralization_standard` for the centralized solutions (single, triset, quadruset, pentaset and their noetcd forms), `combined` for the distributed ones (hcs1–hcs6). Default: the one the solution needs. */
  readonly mode?: string;
  /** Standby replication: only `sync`. Default `sync`. */
  readonly replicationMode?: string;
}

/** Custom installation directories and component placement (reference 4.11.6 tables 4-498 to 4-500, `diy_install_settings`). (input) */
export interface InstanceInstallSettingsArgs {
  /** Which host each component goes to. */
  readonly componentDistributions?: pulumi.Input<pulumi.Input<InstanceComponentDistributionArgs>[]>;
  /** Directories by name: `installDir` (software), `logDir` (logs), `dnDir` (DN data), `etcdDir` (ETCD data). Absolute paths; another form is warned about (the reference states none). */
  readonly dirs?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** Custom installation directories and component placement (reference 4.11.6 tables 4-498 to 4-500, `diy_install_settings`). */
export interface InstanceInstallSettings {
  /** Which host each component goes to. */
  readonly componentDistributions?: InstanceComponentDistribution[];
  /** Directories by name: `installDir` (software), `logDir` (logs), `dnDir` (DN data), `etcdDir` (ETCD data). Absolute paths; another form is warned about (the reference states none). */
  readonly dirs?: Record<string, string>;
}

/** One database node of an instance (reference 4.11.8 table 4-525). (input) */
export interface InstanceNodeArgs {
  /** Availability zone (the data center of the host). */
  readonly az?: pulumi.Input<string>;
  /** Node id. */
  readonly id?: pulumi.Input<string>;
  /** Node addresses. */
  readonly ips?: pulumi.Input<InstanceNodeIpsArgs>;
  /** Node name. */
  readonly name?: pulumi.Input<string>;
  /** `master` or `slave`. */
  readonly role?: pulumi.Input<string>;
  /** Node status, e.g. `ACTIVE`. */
  readonly status?: pulumi.Input<string>;
}

/** One database node of an instance (reference 4.11.8 table 4-525). */
export interface InstanceNode {
  /** Availability zone (the data center of the host). */
  readonly az?: string;
  /** Node id. */
  readonly id?: string;
  /** Node addresses. */
  readonly ips?: InstanceNodeIps;
  /** Node name. */
  readonly name?: string;
  /** `master` or `slave`. */
  readonly role?: string;
  /** Node status, e.g. `ACTIVE`. */
  readonly status?: string;
}

/** Addresses of an instance node (reference 4.11.8 table 4-525). (input) */
export interface InstanceNodeIpsArgs {
  /** Data IP, between the instance's components. */
  readonly data?: pulumi.Input<string>;
  /** Manage IP, between TPOPS and the node. */
  readonly manage?: pulumi.Input<string>;
  /** Service IP, for clients. */
  readonly private?: pulumi.Input<string>;
}

/** Addresses of an instance node (reference 4.11.8 table 4-525). */
export interface InstanceNodeIps {
  /** Data IP, between the instance's components. */
  readonly data?: string;
  /** Manage IP, between TPOPS and the node. */
  readonly manage?: string;
  /** Service IP, for clients. */
  readonly private?: string;
}

/** Where a restored instance's data comes from (reference 4.11.7 table 4-507 RestorePoint): a backup of the source instance, or a point in time inside one of its restorable periods (4.2.11). Exactly one of `backupId` and `restoreTime`. (input) */
export interface InstanceRestoreFromArgs {
  /** Id of a completed backup of the source instance (a Backup resource's `backupId`, or one from `getBackups`/`getDifferentialBackups`). */
  readonly backupId?: pulumi.Input<string>;
  /** The point in time: an ISO 8601 time with a zone (`2026-12-01T02:30:00Z`, `2026-12-01T10:30:00+08:00`) or UNIX epoch milliseconds. It must lie in a period `getRestoreTimes` lists (checked at preview when the source is known). */
  readonly restoreTime?: pulumi.Input<string>;
  /** Id of the instance whose backup is restored (it may be another stack's instance). */
  readonly sourceInstanceId: pulumi.Input<string>;
}

/** Where a restored instance's data comes from (reference 4.11.7 table 4-507 RestorePoint): a backup of the source instance, or a point in time inside one of its restorable periods (4.2.11). Exactly one of `backupId` and `restoreTime`. */
export interface InstanceRestoreFrom {
  /** Id of a completed backup of the source instance (a Backup resource's `backupId`, or one from `getBackups`/`getDifferentialBackups`). */
  readonly backupId?: string;
  /** The point in time: an ISO 8601 time with a zone (`2026-12-01T02:30:00Z`, `2026-12-01T10:30:00+08:00`) or UNIX epoch milliseconds. It must lie in a period `getRestoreTimes` lists (checked at preview when the source is known). */
  readonly restoreTime?: string;
  /** Id of the instance whose backup is restored (it may be another stack's instance). */
  readonly sourceInstanceId: string;
}

/** How a database installed outside TPOPS comes under its management (reference 4.11.13 table 4-549; the instance name is `name` and the hosts are the instance's hosts, `manage_ip_list`). (input) */
export interface InstanceTakeOverArgs {
  /** The database's administrator user (`manage_user`, e.g. `rdsAdmin`); not empty. */
  readonly manageUser: pulumi.Input<string>;
  /** The administrator's password (`manage_userpass`); not empty. Secret (the whole `takeOver` is). */
  readonly manageUserPassword: pulumi.Input<string>;
  /** Where backups are stored (`storage_device`, table 4-550). */
  readonly storageDevice: pulumi.Input<InstanceTakeOverStorageDeviceArgs>;
}

/** How a database installed outside TPOPS comes under its management (reference 4.11.13 table 4-549; the instance name is `name` and the hosts are the instance's hosts, `manage_ip_list`). */
export interface InstanceTakeOver {
  /** The database's administrator user (`manage_user`, e.g. `rdsAdmin`); not empty. */
  readonly manageUser: string;
  /** The administrator's password (`manage_userpass`); not empty. Secret (the whole `takeOver` is). */
  readonly manageUserPassword: string;
  /** Where backups are stored (`storage_device`, table 4-550). */
  readonly storageDevice: InstanceTakeOverStorageDevice;
}

/** The backup storage of a taken-over instance (reference 4.11.13 table 4-550 DesignStorageDeviceInfo; every field is required). (input) */
export interface InstanceTakeOverStorageDeviceArgs {
  /** Directory backup files are stored in (`device_directory`), e.g. `/data/nas`; not empty. */
  readonly deviceDirectory: pulumi.Input<string>;
  /** Id of the storage device (`device_id`), e.g. `nas_server_1`; not empty. */
  readonly deviceId: pulumi.Input<string>;
  /** Whether the NAS is mounted by hand (`is_manually_mount`). */
  readonly isManuallyMount: pulumi.Input<boolean>;
  /** Mount point of the NAS (`real_path`), e.g. `/home/nfs/data1`; not empty. */
  readonly realPath: pulumi.Input<string>;
}

/** The backup storage of a taken-over instance (reference 4.11.13 table 4-550 DesignStorageDeviceInfo; every field is required). */
export interface InstanceTakeOverStorageDevice {
  /** Directory backup files are stored in (`device_directory`), e.g. `/data/nas`; not empty. */
  readonly deviceDirectory: string;
  /** Id of the storage device (`device_id`), e.g. `nas_server_1`; not empty. */
  readonly deviceId: string;
  /** Whether the NAS is mounted by hand (`is_manually_mount`). */
  readonly isManuallyMount: boolean;
  /** Mount point of the NAS (`real_path`), e.g. `/home/nfs/data1`; not empty. */
  readonly realPath: string;
}

/** A data center as the platform lists it (reference 4.9.9 table 4-358). (input) */
export interface ListedDataCenterArgs {
  /** Description. */
  readonly description?: pulumi.Input<string>;
  /** Number of hosts in it (`hosts_num`). */
  readonly hostsNum?: pulumi.Input<number>;
  /** Data center id (`Host.dataCenterId`). */
  readonly id: pulumi.Input<string>;
  /** Data center name. */
  readonly name: pulumi.Input<string>;
}

/** A data center as the platform lists it (reference 4.9.9 table 4-358). */
export interface ListedDataCenter {
  /** Description. */
  readonly description?: string;
  /** Number of hosts in it (`hosts_num`). */
  readonly hostsNum?: number;
  /** Data center id (`Host.dataCenterId`). */
  readonly id: string;
  /** Data center name. */
  readonly name: string;
}

/** A host as the platform lists it (reference 4.9.1 tables 4-312 to 4-316). (input) */
export interface ListedHostArgs {
  /** CPU vendor, e.g. `intel` (`spec.cpu_spec`; `Host.cpuSpec`). */
  readonly cpuSpec?: pulumi.Input<string>;
  /** When the host was added, ISO 8601 UTC. */
  readonly createdAt?: pulumi.Input<string>;
  /** Name of its data center. */
  readonly dataCenter?: pulumi.Input<string>;
  /** Id of its data center. */
  readonly dataCenterId?: pulumi.Input<string>;
  /** Data disk size in GB (`spec.data_disk_size`). */
  readonly dataDiskSize?: pulumi.Input<number>;
  /** Data IP. */
  readonly dataIp?: pulumi.Input<string>;
  /** Description. */
  readonly description?: pulumi.Input<string>;
  /** Error code of the host's last failed task (`async_task_error.error_code`), e.g. `DBS.06025042`. */
  readonly errorCode?: pulumi.Input<string>;
  /** Error message of the host's last failed task (`async_task_error.error_msg`). */
  readonly errorMessage?: pulumi.Input<string>;
  /** Floating IP. */
  readonly floatIp?: pulumi.Input<string>;
  /** Host id. */
  readonly id: pulumi.Input<string>;
  /** Id of the instance the host belongs to. */
  readonly instanceId?: pulumi.Input<string>;
  /** Name of the instance the host belongs to. */
  readonly instanceName?: pulumi.Input<string>;
  /** Id of the host's last job. */
  readonly jobId?: pulumi.Input<string>;
  /** Manage IP (`Host.manageIp`, `Instance.manageIps`). */
  readonly manageIp: pulumi.Input<string>;
  /** Memory in GB (`spec.mem`). */
  readonly mem?: pulumi.Input<number>;
  /** Host name. */
  readonly name: pulumi.Input<string>;
  /** Id of the instance node on the host. */
  readonly nodeId?: pulumi.Input<string>;
  /** `x86` or `arm`. */
  readonly osArch?: pulumi.Input<string>;
  /** Operating system, e.g. `kylin` (`Host.osType`). */
  readonly osType?: pulumi.Input<string>;
  /** Operating system version, e.g. `V200R010`. */
  readonly osVersion?: pulumi.Input<string>;
  /** System disk size in GB (`spec.root_disk_size`). */
  readonly rootDiskSize?: pulumi.Input<number>;
  /** Id of the SSH key pair the host was added with. */
  readonly sshKeyId?: pulumi.Input<string>;
  /** SSH port. */
  readonly sshPort?: pulumi.Input<number>;
  /** `initializing`, `initialized`, `initialize_failed`, `unmanaged`, `in_use`, `deleting` or `delete_failed`. */
  readonly status: pulumi.Input<string>;
  /** Storage type, e.g. `localssd` (`Host.storageType`). */
  readonly storageType?: pulumi.Input<string>;
  /** Host type, e.g. `BMS`. */
  readonly type?: pulumi.Input<string>;
  /** When the host last changed, ISO 8601 UTC. */
  readonly updatedAt?: pulumi.Input<string>;
  /** Number of vCPUs (`spec.vcpus`). */
  readonly vcpus?: pulumi.Input<number>;
  /** Business (virtual) IP. */
  readonly virtualIp?: pulumi.Input<string>;
}

/** A host as the platform lists it (reference 4.9.1 tables 4-312 to 4-316). */
export interface ListedHost {
  /** CPU vendor, e.g. `intel` (`spec.cpu_spec`; `Host.cpuSpec`). */
  readonly cpuSpec?: string;
  /** When the host was added, ISO 8601 UTC. */
  readonly createdAt?: string;
  /** Name of its data center. */
  readonly dataCenter?: string;
  /** Id of its data center. */
  readonly dataCenterId?: string;
  /** Data disk size in GB (`spec.data_disk_size`). */
  readonly dataDiskSize?: number;
  /** Data IP. */
  readonly dataIp?: string;
  /** Description. */
  readonly description?: string;
  /** Error code of the host's last failed task (`async_task_error.error_code`), e.g. `DBS.06025042`. */
  readonly errorCode?: string;
  /** Error message of the host's last failed task (`async_task_error.error_msg`). */
  readonly errorMessage?: string;
  /** Floating IP. */
  readonly floatIp?: string;
  /** Host id. */
  readonly id: string;
  /** Id of the instance the host belongs to. */
  readonly instanceId?: string;
  /** Name of the instance the host belongs to. */
  readonly instanceName?: string;
  /** Id of the host's last job. */
  readonly jobId?: string;
  /** Manage IP (`Host.manageIp`, `Instance.manageIps`). */
  readonly manageIp: string;
  /** Memory in GB (`spec.mem`). */
  readonly mem?: number;
  /** Host name. */
  readonly name: string;
  /** Id of the instance node on the host. */
  readonly nodeId?: string;
  /** `x86` or `arm`. */
  readonly osArch?: string;
  /** Operating system, e.g. `kylin` (`Host.osType`). */
  readonly osType?: string;
  /** Operating system version, e.g. `V200R010`. */
  readonly osVersion?: string;
  /** System disk size in GB (`spec.root_disk_size`). */
  readonly rootDiskSize?: number;
  /** Id of the SSH key pair the host was added with. */
  readonly sshKeyId?: string;
  /** SSH port. */
  readonly sshPort?: number;
  /** `initializing`, `initialized`, `initialize_failed`, `unmanaged`, `in_use`, `deleting` or `delete_failed`. */
  readonly status: string;
  /** Storage type, e.g. `localssd` (`Host.storageType`). */
  readonly storageType?: string;
  /** Host type, e.g. `BMS`. */
  readonly type?: string;
  /** When the host last changed, ISO 8601 UTC. */
  readonly updatedAt?: string;
  /** Number of vCPUs (`spec.vcpus`). */
  readonly vcpus?: number;
  /** Business (virtual) IP. */
  readonly virtualIp?: string;
}

/** An instance as the platform lists it (reference 4.11.8 table 4-519). (input) */
export interface ListedInstanceArgs {
  /** Days automatic backups are kept (`backup_strategy.keep_days`). */
  readonly backupKeepDays?: pulumi.Input<number>;
  /** Automatic backup window, UTC, e.g. `19:00-20:00` (`backup_strategy.start_time`). */
  readonly backupStartTime?: pulumi.Input<string>;
  /** `strong` or `eventual` (distributed only, `ha.consistency`). */
  readonly consistency?: pulumi.Input<string>;
  /** Replica consistency protocol, e.g. `quorum` (`ha.consistency_protocol`). */
  readonly consistencyProtocol?: pulumi.Input<string>;
  /** Creation time, ISO 8601 (UTC when the platform gives its zone). */
  readonly created?: pulumi.Input<string>;
  /** Default database user (`db_user_name`). */
  readonly dbUserName?: pulumi.Input<string>;
  /** Engine, e.g. `GaussDB` (`datastore.type`). */
  readonly engine?: pulumi.Input<string>;
  /** Engine version (`datastore.version`). */
  readonly engineVersion?: pulumi.Input<string>;
  /** Flavor code (`flavor_ref`). */
  readonly flavorRef?: pulumi.Input<string>;
  /** Instance id. */
  readonly id: pulumi.Input<string>;
  /** `enterprise` for the enterprise edition (`instance_mode`). */
  readonly instanceMode?: pulumi.Input<string>;
  /** Memory size (`flavor_info.mem`). */
  readonly mem?: pulumi.Input<number>;
  /** Instance name. */
  readonly name: pulumi.Input<string>;
  /** Database nodes. */
  readonly nodes: pulumi.Input<pulumi.Input<InstanceNodeArgs>[]>;
  /** Database port. */
  readonly port?: pulumi.Input<number>;
  /** Data IP addresses of the instance. */
  readonly privateIps: pulumi.Input<pulumi.Input<string>[]>;
  /** Number of replicas (`replica_num`). */
  readonly replicaNum?: pulumi.Input<number>;
  /** Standby replication, `sync` (`ha.replication_mode`). */
  readonly replicationMode?: pulumi.Input<string>;
  /** `BUILD`, `ACTIVE`, `FAILED`, `REBOOTING`, `UPGRADING`, `RESTORING`, `BACKING UP` or `STORAGE FULL`. */
  readonly status: pulumi.Input<string>;
  /** Time zone, e.g. `UTC+08:00`. */
  readonly timeZone?: pulumi.Input<string>;
  /** Instance type as listed, e.g. `Combined` (distributed) or `centralization_standard` (primary/standby). */
  readonly type?: pulumi.Input<string>;
  /** Last update time, as `created`. */
  readonly updated?: pulumi.Input<string>;
  /** CPU cores (`flavor_info.vcpu`). */
  readonly vcpus?: pulumi.Input<number>;
  /** Disk size (`volume.size`). */
  readonly volumeSize?: pulumi.Input<number>;
  /** Disk type (`volume.type`). */
  readonly volumeType?: pulumi.Input<string>;
}

/** An instance as the platform lists it (reference 4.11.8 table 4-519). */
export interface ListedInstance {
  /** Days automatic backups are kept (`backup_strategy.keep_days`). */
  readonly backupKeepDays?: number;
  /** Automatic backup window, UTC, e.g. `19:00-20:00` (`backup_strategy.start_time`). */
  readonly backupStartTime?: string;
  /** `strong` or `eventual` (distributed only, `ha.consistency`). */
  readonly consistency?: string;
  /** Replica consistency protocol, e.g. `quorum` (`ha.consistency_protocol`). */
  readonly consistencyProtocol?: string;
  /** Creation time, ISO 8601 (UTC when the platform gives its zone). */
  readonly created?: string;
  /** Default database user (`db_user_name`). */
  readonly dbUserName?: string;
  /** Engine, e.g. `GaussDB` (`datastore.type`). */
  readonly engine?: string;
  /** Engine version (`datastore.version`). */
  readonly engineVersion?: string;
  /** Flavor code (`flavor_ref`). */
  readonly flavorRef?: string;
  /** Instance id. */
  readonly id: string;
  /** `enterprise` for the enterprise edition (`instance_mode`). */
  readonly instanceMode?: string;
  /** Memory size (`flavor_info.mem`). */
  readonly mem?: number;
  /** Instance name. */
  readonly name: string;
  /** Database nodes. */
  readonly nodes: InstanceNode[];
  /** Database port. */
  readonly port?: number;
  /** Data IP addresses of the instance. */
  readonly privateIps: string[];
  /** Number of replicas (`replica_num`). */
  readonly replicaNum?: number;
  /** Standby replication, `sync` (`ha.replication_mode`). */
  readonly replicationMode?: string;
  /** `BUILD`, `ACTIVE`, `FAILED`, `REBOOTING`, `UPGRADING`, `RESTORING`, `BACKING UP` or `STORAGE FULL`. */
  readonly status: string;
  /** Time zone, e.g. `UTC+08:00`. */
  readonly timeZone?: string;
  /** Instance type as listed, e.g. `Combined` (distributed) or `centralization_standard` (primary/standby). */
  readonly type?: string;
  /** Last update time, as `created`. */
  readonly updated?: string;
  /** CPU cores (`flavor_info.vcpu`). */
  readonly vcpus?: number;
  /** Disk size (`volume.size`). */
  readonly volumeSize?: number;
  /** Disk type (`volume.type`). */
  readonly volumeType?: string;
}

/** An SSH key pair as the platform lists it (reference 4.8.2 table 4-301). (input) */
export interface ListedKeyPairArgs {
  /** Creation time: ISO 8601 local time of the platform (4.8.2's `2023-12-18 14:47:32` carries no zone). */
  readonly createdAt?: pulumi.Input<string>;
  /** Description. */
  readonly description?: pulumi.Input<string>;
  /** Number of hosts added with it (`host_nums`). */
  readonly hostNums?: pulumi.Input<number>;
  /** Key pair id (`Host.sshKeyId`). */
  readonly id: pulumi.Input<string>;
  /** Key pair name. */
  readonly name: pulumi.Input<string>;
}

/** An SSH key pair as the platform lists it (reference 4.8.2 table 4-301). */
export interface ListedKeyPair {
  /** Creation time: ISO 8601 local time of the platform (4.8.2's `2023-12-18 14:47:32` carries no zone). */
  readonly createdAt?: string;
  /** Description. */
  readonly description?: string;
  /** Number of hosts added with it (`host_nums`). */
  readonly hostNums?: number;
  /** Key pair id (`Host.sshKeyId`). */
  readonly id: string;
  /** Key pair name. */
  readonly name: string;
}

/** An instance the platform lists as fitting a backup or point in time (reference 4.2.10 table 4-40). (input) */
export interface RestorableInstanceArgs {
  /** Disk size in GB. */
  readonly dataVolumeSize?: pulumi.Input<number>;
  /** Instance id. */
  readonly id: pulumi.Input<string>;
  /** Instance model, `enterprise`. */
  readonly instanceMode?: pulumi.Input<string>;
  /** `Ha` (centralized) or `Combined` (distributed). */
  readonly mode?: pulumi.Input<string>;
  /** Instance name. */
  readonly name?: pulumi.Input<string>;
  /** Instance version. */
  readonly version?: pulumi.Input<string>;
  /** Storage type. */
  readonly volumeType?: pulumi.Input<string>;
}

/** An instance the platform lists as fitting a backup or point in time (reference 4.2.10 table 4-40). */
export interface RestorableInstance {
  /** Disk size in GB. */
  readonly dataVolumeSize?: number;
  /** Instance id. */
  readonly id: string;
  /** Instance model, `enterprise`. */
  readonly instanceMode?: string;
  /** `Ha` (centralized) or `Combined` (distributed). */
  readonly mode?: string;
  /** Instance name. */
  readonly name?: string;
  /** Instance version. */
  readonly version?: string;
  /** Storage type. */
  readonly volumeType?: string;
}

/** A period the instance can be restored to, both ends included (reference 4.2.11 table 4-45). (input) */
export interface RestorePeriodArgs {
  /** End, ISO 8601 UTC. */
  readonly end: pulumi.Input<string>;
  /** End, UNIX epoch milliseconds. */
  readonly endMs: pulumi.Input<number>;
  /** Start, ISO 8601 UTC. */
  readonly start: pulumi.Input<string>;
  /** Start, UNIX epoch milliseconds. */
  readonly startMs: pulumi.Input<number>;
}

/** A period the instance can be restored to, both ends included (reference 4.2.11 table 4-45). */
export interface RestorePeriod {
  /** End, ISO 8601 UTC. */
  readonly end: string;
  /** End, UNIX epoch milliseconds. */
  readonly endMs: number;
  /** Start, ISO 8601 UTC. */
  readonly start: string;
  /** Start, UNIX epoch milliseconds. */
  readonly startMs: number;
}

/** A SQL template a node ran (reference 4.7.4 table 4-293). (input) */
export interface SqlTemplateArgs {
  /** The template's SQL id: `SqlThrottlingTask.limitTypeValue` and `nodeInfos[].sqlId` of a `SQL_ID` task. */
  readonly sqlId: pulumi.Input<string>;
  /** The template: `SqlThrottlingTask.sqlModel` of a `SQL_ID` task. */
  readonly sqlModel: pulumi.Input<string>;
}

/** A SQL template a node ran (reference 4.7.4 table 4-293). */
export interface SqlTemplate {
  /** The template's SQL id: `SqlThrottlingTask.limitTypeValue` and `nodeInfos[].sqlId` of a `SQL_ID` task. */
  readonly sqlId: string;
  /** The template: `SqlThrottlingTask.sqlModel` of a `SQL_ID` task. */
  readonly sqlModel: string;
}

/** A CN node of a `SQL_ID` throttling task (reference 4.7.1 table 4-275). (input) */
export interface SqlThrottlingNodeArgs {
  /** Node id (an `Instance`'s node). */
  readonly nodeId: pulumi.Input<string>;
  /** The SQL id the node ran; must equal `limitTypeValue` (reference 4.7.1 "必须与limit_type_value值一致"). */
  readonly sqlId: pulumi.Input<string>;
}

/** A CN node of a `SQL_ID` throttling task (reference 4.7.1 table 4-275). */
export interface SqlThrottlingNode {
  /** Node id (an `Instance`'s node). */
  readonly nodeId: string;
  /** The SQL id the node ran; must equal `limitTypeValue` (reference 4.7.1 "必须与limit_type_value值一致"). */
  readonly sqlId: string;
}

/** One parameter of an instance's template (reference 4.3.1 table 4-83), with its range read out. (input) */
export interface TemplateParameterArgs {
  /** The values an enumerated range (`on,off`) allows; absent for other ranges. */
  readonly allowedValues?: pulumi.Input<pulumi.Input<string>[]>;
  /** What the parameter does. */
  readonly description?: pulumi.Input<string>;
  /** Longest value of a `length a-b` range. */
  readonly maxLength?: pulumi.Input<number>;
  /** Largest value of a numeric range (`10-262143`). */
  readonly maximum?: pulumi.Input<number>;
  /** Shortest value of a `length a-b` range. */
  readonly minLength?: pulumi.Input<number>;
  /** Smallest value of a numeric range (`10-262143`). */
  readonly minimum?: pulumi.Input<number>;
  /** Parameter name: the key of `InstanceParameters.values` (distributed instances: `cn:<name>` or `dn:<name>`). */
  readonly name: pulumi.Input<string>;
  /** Whether a change takes effect only after a restart (`restart_required`; see `InstanceParameters.restartIfRequired`). */
  readonly restartRequired: pulumi.Input<boolean>;
  /** Parameter type, e.g. `integer`, `string`, `boolean`. */
  readonly type?: pulumi.Input<string>;
  /** Current value. */
  readonly value: pulumi.Input<string>;
  /** The range as the platform writes it (`value_range`), e.g. `10-262143` or `on,off`. */
  readonly valueRange: pulumi.Input<string>;
}

/** One parameter of an instance's template (reference 4.3.1 table 4-83), with its range read out. */
export interface TemplateParameter {
  /** The values an enumerated range (`on,off`) allows; absent for other ranges. */
  readonly allowedValues?: string[];
  /** What the parameter does. */
  readonly description?: string;
  /** Longest value of a `length a-b` range. */
  readonly maxLength?: number;
  /** Largest value of a numeric range (`10-262143`). */
  readonly maximum?: number;
  /** Shortest value of a `length a-b` range. */
  readonly minLength?: number;
  /** Smallest value of a numeric range (`10-262143`). */
  readonly minimum?: number;
  /** Parameter name: the key of `InstanceParameters.values` (distributed instances: `cn:<name>` or `dn:<name>`). */
  readonly name: string;
  /** Whether a change takes effect only after a restart (`restart_required`; see `InstanceParameters.restartIfRequired`). */
  readonly restartRequired: boolean;
  /** Parameter type, e.g. `integer`, `string`, `boolean`. */
  readonly type?: string;
  /** Current value. */
  readonly value: string;
  /** The range as the platform writes it (`value_range`), e.g. `10-262143` or `on,off`. */
  readonly valueRange: string;
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

/** One action of an upgrade type (reference 4.11.17 table 4-571). (input) */
export interface UpgradeActionArgs {
  /** `upgrade`, `commit`, `rollback`, `upgradeAutoCommit` or `inplace` (`upgrade_action`). */
  readonly action: pulumi.Input<string>;
  /** Whether the action is allowed now (`enable`). */
  readonly enabled: pulumi.Input<boolean>;
}

/** One action of an upgrade type (reference 4.11.17 table 4-571). */
export interface UpgradeAction {
  /** `upgrade`, `commit`, `rollback`, `upgradeAutoCommit` or `inplace` (`upgrade_action`). */
  readonly action: string;
  /** Whether the action is allowed now (`enable`). */
  readonly enabled: boolean;
}

/** One upgrade type of an instance (reference 4.11.17 table 4-570). (input) */
export interface UpgradeTypeArgs {
  /** Its actions (`upgrade_action_list`; empty when the platform lists none). */
  readonly actions: pulumi.Input<pulumi.Input<UpgradeActionArgs>[]>;
  /** Whether this type is allowed now (`enable`). */
  readonly enabled: pulumi.Input<boolean>;
  /** `grey`, `hotfix` or `inplace` (`upgrade_type`). */
  readonly type: pulumi.Input<string>;
}

/** One upgrade type of an instance (reference 4.11.17 table 4-570). */
export interface UpgradeType {
  /** Its actions (`upgrade_action_list`; empty when the platform lists none). */
  readonly actions: UpgradeAction[];
  /** Whether this type is allowed now (`enable`). */
  readonly enabled: boolean;
  /** `grey`, `hotfix` or `inplace` (`upgrade_type`). */
  readonly type: string;
}

/** Arguments of {@link Backup}: A manual backup of an instance (reference 4.2.7; read through 4.2.15, differential ones through 4.2.12; deleted with 4.2.8). Creating it starts the backup job and waits for it (the instance is `BACKING UP` meanwhile); a failed job is recorded as a partial create and the next `pulumi up` replaces it. Every input replaces the resource (4.2 has no call that changes a backup). A backup deleted outside the stack drops from the state at refresh and `pulumi up` takes a new one. Deleting the resource deletes the backup; XBSA manual backups cannot be deleted (4.2.8 "XBSA的手动备份目前不支持删除"), which the delete says. Deleting the instance first (outside the stack) removes its backups with it unless it kept them (Instance `deletion.keepFullBackupDays`). */
export interface BackupArgs {
  /** Take over an existing backup of the instance with the same `name` instead of failing. Default false. */
  readonly adopt?: pulumi.Input<boolean>;
  /** `completed` (full), `differential`, or `log` (XBSA instances of 3.301 or later only; an older instance is refused at preview). Default `completed`. Changing it replaces the backup. */
  readonly backupType?: pulumi.Input<string>;
  /** Description: at most 256 characters, none of `>!<"&'=`. Changing it replaces the backup. */
  readonly description?: pulumi.Input<string>;
  /** Id of the instance to back up. Changing it replaces the backup. */
  readonly instanceId: pulumi.Input<string>;
  /** Backup name: 4–64 characters, a letter first, then letters, digits, `-` or `_` (case-sensitive). Default: the Pulumi resource name plus six hex digits of its URN's hash (stable). Changing it replaces the backup. */
  readonly name?: pulumi.Input<string>;
  /** Name of the TPOPS platform this resource lives on: a key of `tpops:sites`. Default: the platform of the `tpops:endpoint` settings. Changing it replaces the resource (made on the new platform, then removed from the old). */
  readonly site?: pulumi.Input<string>;
  /** Waiting limits for the backup job. Defaults: create 60m, update 5m, delete 10m. */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

/** Outputs of Backup. */
export interface BackupOutputs {
  /** Whether the backup was adopted. */
  readonly adopt?: boolean;
  /** Backup id (also the resource id): what `Instance.restoreFrom.backupId` takes. */
  readonly backupId: string;
  /** `completed`, `differential` or `log`. */
  readonly backupType: string;
  /** When the backup began, ISO 8601 UTC. */
  readonly beginTime: string;
  /** Description. */
  readonly description?: string;
  /** When the backup ended, ISO 8601 UTC. */
  readonly endTime?: string;
  /** Engine version of the backed-up instance. */
  readonly engineVersion?: string;
  /** Instance id. */
  readonly instanceId: string;
  /** Backup name. */
  readonly name: string;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  readonly site?: string;
  /** Size in MB, as last read. */
  readonly sizeMb?: number;
  /** `COMPLETED` or `FAILED` (`BUILDING` while the job runs), as last read. */
  readonly status: string;
  /** Waiting limits. */
  readonly timeouts?: Timeouts;
}

/** Output property names of Backup (registered as outputs by the resource class). */
export const BackupOutputKeys = ["adopt","backupId","backupType","beginTime","description","endTime","engineVersion","instanceId","name","site","sizeMb","status","timeouts"] as const;
/** Properties of Backup that are Pulumi secrets. */
export const BackupSecretOutputs: string[] = [];
/** Inputs of Backup that the class wraps in `pulumi.secret` whatever the program passes (schema.json `secret: true`). */
export const BackupSecretInputs: string[] = [];

/** Arguments of {@link BackupPolicy}: The automatic backup policy of an instance (reference 4.2.1, 4.2.4–4.2.6). An instance has exactly one policy, so a stack should hold one BackupPolicy per instance (a second one for the same instance id is refused at preview when the id is known then; when the id is still unknown at preview, the conflict only surfaces as the two resources overwriting each other). Every policy field updates in place (a new `instanceId` replaces the resource); fields left out take the platform default (keepDays 7, startTime `19:00-20:00`, period every day, differentialPeriod 30, rateLimit 75, prefetchBlock 64, fileSplitSize 4, enableStandbyBackup false, closeCompression false). Creating the resource records the policy that was live (`originalPolicy`; a warning says so when it was not the platform default) and deleting it restores that policy. Renamed or moved without `aliases`, the resource hands the policy over: the delete of the old name leaves the live policy as the new one set it. */
export interface BackupPolicyArgs {
  /** Turn backup compression off (XBSA instances; reference 4.2.4). Default false. Updates in place. */
  readonly closeCompression?: pulumi.Input<boolean>;
  /** Minutes between differential backups: 15, 30, 60, 180, 360, 720 or 1440. Default 30. Updates in place. */
  readonly differentialPeriod?: pulumi.Input<number>;
  /** Back up from a standby: not for single-node instances or versions below 3.100.0 (reference 4.2.4; refused at preview when the instance can be read, otherwise before any change). Default false. Updates in place. */
  readonly enableStandbyBackup?: pulumi.Input<boolean>;
  /** Size in GB at which backup files are split, 0–1024 and a multiple of 4 (0 = no split). Default 4. Updates in place. */
  readonly fileSplitSize?: pulumi.Input<number>;
  /** Id of the instance. Changing it moves the policy to another instance (replace). */
  readonly instanceId: pulumi.Input<string>;
  /** Days full backups are kept, 1–732. Default 7. Updates in place. */
  readonly keepDays?: pulumi.Input<number>;
  /** Weekdays of full backups, 1 (Monday) to 7 (Sunday), at least one (a day named twice counts once). Default every day. Updates in place. */
  readonly period?: pulumi.Input<pulumi.Input<number>[]>;
  /** Pages prefetched by differential backups, 1–8192. Default 64. Updates in place. */
  readonly prefetchBlock?: pulumi.Input<number>;
  /** Upload rate limit in MB/s, 0–1024 (0 = unlimited). Default 75. Updates in place. */
  readonly rateLimit?: pulumi.Input<number>;
  /** Name of the TPOPS platform this resource lives on: a key of `tpops:sites`. Default: the platform of the `tpops:endpoint` settings. Changing it replaces the resource (made on the new platform, then removed from the old). */
  readonly site?: pulumi.Input<string>;
  /** One-hour UTC window `hh:00-HH:00` with HH = hh + 1 (`23:00-00:00` included). Default `19:00-20:00`. Updates in place. */
  readonly startTime?: pulumi.Input<string>;
  /** Waiting limits (policy calls are synchronous; default 5m each). */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

/** Outputs of BackupPolicy. */
export interface BackupPolicyOutputs {
  /** Whether backup compression is off. */
  readonly closeCompression: boolean;
  /** Minutes between differential backups. */
  readonly differentialPeriod: number;
  /** Whether backups run on a standby. */
  readonly enableStandbyBackup: boolean;
  /** Backup file split size in GB. */
  readonly fileSplitSize: number;
  /** Instance id. */
  readonly instanceId: string;
  /** Days full backups are kept. */
  readonly keepDays: number;
  /** The policy that was live when this resource first set the instance's policy; restored on delete. Absent in states written by earlier releases (their delete restores the platform default). */
  readonly originalPolicy?: BackupPolicySettings;
  /** Weekdays of full backups. */
  readonly period: number[];
  /** Differential prefetch pages. */
  readonly prefetchBlock: number;
  /** Upload rate limit in MB/s. */
  readonly rateLimit: number;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  readonly site?: string;
  /** Backup window (UTC). */
  readonly startTime: string;
  /** Waiting limits. */
  readonly timeouts?: Timeouts;
}

/** Output property names of BackupPolicy (registered as outputs by the resource class). */
export const BackupPolicyOutputKeys = ["closeCompression","differentialPeriod","enableStandbyBackup","fileSplitSize","instanceId","keepDays","originalPolicy","period","prefetchBlock","rateLimit","site","startTime","timeouts"] as const;
/** Properties of BackupPolicy that are Pulumi secrets. */
export const BackupPolicySecretOutputs: string[] = [];
/** Inputs of BackupPolicy that the class wraps in `pulumi.secret` whatever the program passes (schema.json `secret: true`). */
export const BackupPolicySecretInputs: string[] = [];

/** Arguments of {@link BuiltinPasswords}: The passwords of an instance's built-in database users rdsAdmin, rdsMetric, rdsRepl, rdsBackup and root (reference 4.4.8 "初始化数据库内置rdsAdmin、rdsMetric、rdsRepl、rdsBackup、root五个用户的密码"). Id `<instanceId>/builtin-passwords`. A settings resource: each password given is set on create and set again when it changes; passwords left out are not touched. Passwords cannot be read back, so refresh only checks that the instance exists, and deleting the resource leaves the passwords as they are (what was there before is not known). `rootPassword` changes root in place; the Instance's `password` stays the install-time value in its state (changing that one replaces the instance). */
export interface BuiltinPasswordsArgs {
  /** Id of the instance. Changing it sets the passwords of another instance (replace). */
  readonly instanceId: pulumi.Input<string>;
  /** New password of rdsAdmin (4.4.8 `admin_password`, sent with `admin_name` rdsAdmin). The database password rule (reference 4.4.16, with `_`), not the reverse of the one this resource set before (A.3 DBS.200476). Updates in place. (secret) */
  readonly rdsAdminPassword?: pulumi.Input<string>;
  /** New password of rdsBackup (4.4.8 `backup_password`, with `backup_name` rdsBackup). The rule of 4.4.16 as printed (no `_`). Updates in place. (secret) */
  readonly rdsBackupPassword?: pulumi.Input<string>;
  /** New password of rdsMetric (4.4.8 `metric_password`, with `metric_name` rdsMetric). The rule of 4.4.16 as printed (no `_`). Updates in place. (secret) */
  readonly rdsMetricPassword?: pulumi.Input<string>;
  /** New password of rdsRepl (4.4.8 `repl_password`, with `repl_name` rdsRepl). The rule of 4.4.16 as printed (no `_`). Updates in place. (secret) */
  readonly rdsReplPassword?: pulumi.Input<string>;
  /** New password of root (4.4.8 `root_password`, with `root_name` root). The database password rule with `_` (A.3 DBS.200052 "数据库root密码非法"). Updates in place. (secret) */
  readonly rootPassword?: pulumi.Input<string>;
  /** Name of the TPOPS platform this resource lives on: a key of `tpops:sites`. Default: the platform of the `tpops:endpoint` settings. Changing it replaces the resource (made on the new platform, then removed from the old). */
  readonly site?: pulumi.Input<string>;
  /** Waiting limits (the call is synchronous; default 5m each). */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

/** Outputs of BuiltinPasswords. */
export interface BuiltinPasswordsOutputs {
  /** Instance id. */
  readonly instanceId: string;
  /** rdsAdmin's password as last set by this resource. (secret) */
  readonly rdsAdminPassword?: string;
  /** rdsBackup's password as last set by this resource. (secret) */
  readonly rdsBackupPassword?: string;
  /** rdsMetric's password as last set by this resource. (secret) */
  readonly rdsMetricPassword?: string;
  /** rdsRepl's password as last set by this resource. (secret) */
  readonly rdsReplPassword?: string;
  /** root's password as last set by this resource. (secret) */
  readonly rootPassword?: string;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  readonly site?: string;
  /** Waiting limits. */
  readonly timeouts?: Timeouts;
}

/** Output property names of BuiltinPasswords (registered as outputs by the resource class). */
export const BuiltinPasswordsOutputKeys = ["instanceId","rdsAdminPassword","rdsBackupPassword","rdsMetricPassword","rdsReplPassword","rootPassword","site","timeouts"] as const;
/** Properties of BuiltinPasswords that are Pulumi secrets. */
export const BuiltinPasswordsSecretOutputs: string[] = ["rdsAdminPassword","rdsBackupPassword","rdsMetricPassword","rdsReplPassword","rootPassword"];
/** Inputs of BuiltinPasswords that the class wraps in `pulumi.secret` whatever the program passes (schema.json `secret: true`). */
export const BuiltinPasswordsSecretInputs: string[] = ["rdsAdminPassword","rdsBackupPassword","rdsMetricPassword","rdsReplPassword","rootPassword"];

/** Arguments of {@link DataCenter}: A TPOPS data center (机房, reference 4.9.9–4.9.12). Hosts belong to a data center; the platform refuses to delete one that still has hosts. */
export interface DataCenterArgs {
  /** Take over an existing data center with the same `name` instead of failing. Default false. */
  readonly adopt?: pulumi.Input<boolean>;
  /** Description, at most 100 characters. Updates in place. */
  readonly description?: pulumi.Input<string>;
  /** Unique name: at most 20 letters, digits, `-` or `_`. Default: the Pulumi resource name plus a random suffix. Updates in place. */
  readonly name?: pulumi.Input<string>;
  /** Name of the TPOPS platform this resource lives on: a key of `tpops:sites`. Default: the platform of the `tpops:endpoint` settings. Changing it replaces the resource (made on the new platform, then removed from the old). */
  readonly site?: pulumi.Input<string>;
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
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  readonly site?: string;
  /** Waiting limits. */
  readonly timeouts?: Timeouts;
}

/** Output property names of DataCenter (registered as outputs by the resource class). */
export const DataCenterOutputKeys = ["adopt","description","hostsNum","name","site","timeouts"] as const;
/** Properties of DataCenter that are Pulumi secrets. */
export const DataCenterSecretOutputs: string[] = [];
/** Inputs of DataCenter that the class wraps in `pulumi.secret` whatever the program passes (schema.json `secret: true`). */
export const DataCenterSecretInputs: string[] = [];

/** Arguments of {@link Database}: A database of a GaussDB instance (reference 4.4.1 create, 4.4.12 list). Every input but `adopt` replaces it. Deleting the resource does not drop the database: TPOPS 24.1.30 has no API that drops one, so delete only removes it from the stack (forgets it) and warns that it still exists, with the SQL an administrator runs to drop it (`DROP DATABASE "<name>";`); it also goes away with its instance. Because the old database stays, a replacement that keeps both the name and the instance is refused at preview while the old one exists (change it by SQL and `pulumi refresh`, give a new name, or drop the old one first). A read is one list (4.4.12): owner, encoding and locales show drift, and a database that is gone (dropped by SQL, or with its instance) leaves the state. Id: `<instanceId>/databases/<name>`. */
export interface DatabaseArgs {
  /** Take over an existing database with the same `name` on the instance instead of failing (its owner, encoding and locales must match the program). Default false. */
  readonly adopt?: pulumi.Input<boolean>;
  /** Character set (encoding), e.g. `UTF8`; not empty. Compared as GaussDB compares encoding names, ignoring case and punctuation (`utf-8` is `UTF8`), so the platform's spelling is no change. Default: the template's encoding (reference 4.4.1). Changing it replaces the database. */
  readonly characterSet?: pulumi.Input<string>;
  /** Id of the instance (`Instance.id`): one the platform has and that is not FAILED (checked at preview when the id is known). Changing it replaces the database: a new one on the other instance (the old one stays, see above). */
  readonly instanceId: pulumi.Input<string>;
  /** Collation (`LC_COLLATE`), e.g. `C` or `en_US.UTF-8`; not empty. Default `C` (reference 4.4.1). Changing it replaces the database. */
  readonly lcCollate?: pulumi.Input<string>;
  /** Character classification (`LC_CTYPE`), e.g. `C` or `en_US.UTF-8`; not empty. Default `C` (reference 4.4.1). Changing it replaces the database. */
  readonly lcCtype?: pulumi.Input<string>;
  /** Database name: 1–63 letters, digits or `_`, not starting with `pg` or a digit, not a template database (`postgres`, `template0`, `template1`, `templatem`); a name another database of the instance has is refused at preview (unless `adopt`). Default: the Pulumi resource name in lower case with other characters as `_`, plus `_` and 6 hex digits. Changing it replaces the database. */
  readonly name?: pulumi.Input<string>;
  /** Owner: an existing user of the instance (4.4.13; checked at preview when the instance is known, and before the create), not a system user (`rdsAdmin`, `rdsMetric`, `rdsBackup`, `rdsRepl`). Default `root` (reference 4.4.1). Changing it replaces the database. */
  readonly owner?: pulumi.Input<string>;
  /** Name of the TPOPS platform this resource lives on: a key of `tpops:sites`. Default: the platform of the `tpops:endpoint` settings. Changing it replaces the resource (made on the new platform, then removed from the old). */
  readonly site?: pulumi.Input<string>;
  /** Template database to copy: `postgres`, `template0`, `template1` or `templatem`. Default: the platform's. The platform does not report it (4.4.12), so the state keeps the program's value. Changing it replaces the database. */
  readonly template?: pulumi.Input<string>;
}

/** Outputs of Database. */
export interface DatabaseOutputs {
  /** Whether the database was adopted. */
  readonly adopt?: boolean;
  /** Character set (encoding), as last read (in the program's spelling when the same encoding). */
  readonly characterSet: string;
  /** Instance id. */
  readonly instanceId: string;
  /** Collation, as last read. */
  readonly lcCollate: string;
  /** Character classification, as last read. */
  readonly lcCtype: string;
  /** Database name. */
  readonly name: string;
  /** Owner, as last read. */
  readonly owner: string;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  readonly site?: string;
  /** Size as the platform reports it, e.g. `33 MB`, as last read. */
  readonly size: string;
  /** Template the database was created from, as the program gave it (absent when not given). */
  readonly template?: string;
}

/** Output property names of Database (registered as outputs by the resource class). */
export const DatabaseOutputKeys = ["adopt","characterSet","instanceId","lcCollate","lcCtype","name","owner","site","size","template"] as const;
/** Properties of Database that are Pulumi secrets. */
export const DatabaseSecretOutputs: string[] = [];
/** Inputs of Database that the class wraps in `pulumi.secret` whatever the program passes (schema.json `secret: true`). */
export const DatabaseSecretInputs: string[] = [];

/** Arguments of {@link DbRole}: A database role of an instance (reference 4.4.16 create, 4.4.17 delete). Id `<instanceId>/roles/<name>`. The reference has no call that changes or reads a role, and no role list: a change of `instanceId`, `name` or `password` replaces the role (the old one is deleted first, and with it the privileges and memberships granted to it). `pulumi refresh` looks the role up in the user list (4.4.13), which the reference does not say lists roles: a role the list showed once and no longer shows is dropped from the state; a role the list never showed stays as it is (`listed` says which). With `adopt: true` an existing role of that name, found in that list, is taken over; its password cannot be read or set, so the program's is recorded as given. */
export interface DbRoleArgs {
  /** Take over an existing role with the same `name` (found in the 4.4.13 list) instead of failing. Its password is recorded unverified: no call reads or sets a role's password. Default false. */
  readonly adopt?: pulumi.Input<boolean>;
  /** Id of the instance. Changing it replaces the role. */
  readonly instanceId: pulumi.Input<string>;
  /** Role name: 1–63 characters of letters, digits and `_`, not starting with `pg` or a digit, not a system user or role (reference 4.4.16). A name another user or role has is refused at preview unless `adopt`. Default: the Pulumi name in lower case with `_` for other characters, `_` and 6 hex digits. Changing it replaces the role. */
  readonly name?: pulumi.Input<string>;
  /** Password: at least 8 characters, three of upper-case letters, lower-case letters, digits and specials, nothing outside letters, digits and the specials 4.4.16 prints (`~!@#$%^&*()=+[{}];,<.>/?`, backslash, vertical bar; not `_`). Required, except with `adopt`. No call changes a role's password, so changing it replaces the role. (secret) */
  readonly password?: pulumi.Input<string>;
  /** Name of the TPOPS platform this resource lives on: a key of `tpops:sites`. Default: the platform of the `tpops:endpoint` settings. Changing it replaces the resource (made on the new platform, then removed from the old). */
  readonly site?: pulumi.Input<string>;
  /** Waiting limits (role calls are synchronous; default 5m each). */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

/** Outputs of DbRole. */
export interface DbRoleOutputs {
  /** Whether the role was adopted. */
  readonly adopt?: boolean;
  /** Instance id. */
  readonly instanceId: string;
  /** Whether the user list (4.4.13) showed the role when it was last read; only then does refresh notice the role's deletion. */
  readonly listed: boolean;
  /** Role name. */
  readonly name: string;
  /** The password the role was created (or adopted) with. (secret) */
  readonly password?: string;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  readonly site?: string;
  /** Waiting limits. */
  readonly timeouts?: Timeouts;
}

/** Output property names of DbRole (registered as outputs by the resource class). */
export const DbRoleOutputKeys = ["adopt","instanceId","listed","name","password","site","timeouts"] as const;
/** Properties of DbRole that are Pulumi secrets. */
export const DbRoleSecretOutputs: string[] = ["password"];
/** Inputs of DbRole that the class wraps in `pulumi.secret` whatever the program passes (schema.json `secret: true`). */
export const DbRoleSecretInputs: string[] = ["password"];

/** Arguments of {@link DbRoleMembership}: One role granted to one database user or role (reference 4.4.18 `user_role_permissions`: "将角色/用户的权限赋予其他用户/角色"), read back through the user list's `memberof` (4.4.13). Keyed by `instanceId`, `role` and `member`: changing any of them replaces the resource; `adminOption` changes in place. Delete revokes the membership, also one the member already had before the stack (create warns about it). Id `<instanceId>/memberships/<role>/<member>`. Refresh sees a membership revoked out of band when 4.4.13 lists the member (its `memberof` no longer names the role) and drops the resource from the state, so the next `up` grants it again; it cannot see the admin option (4.4.13 prints only role names), nor anything about a member the list does not show. One membership has one owner in a stack: a second resource naming it is refused at preview, and a renamed resource's delete leaves it to its successor. */
export interface DbRoleMembershipArgs {
  /** Whether the member may grant the role on (4.4.18 `is_reuse`, "被授权的用户也可以将此权限赋予他人"). Default false. Updates in place: turning it off revokes the role and grants it again without the option (the reference has no call that drops only the option), so the member is without the role for a moment. */
  readonly adminOption?: pulumi.Input<boolean>;
  /** Id of the instance. Changing it replaces the resource. */
  readonly instanceId: pulumi.Input<string>;
  /** The user or role that receives the role (4.4.18 `target_name`). Changing it replaces the resource. */
  readonly member: pulumi.Input<string>;
  /** The role granted (4.4.18 `source_name`), e.g. a `DbRole`'s name or a built-in `gs_role_…` role. Changing it replaces the resource. */
  readonly role: pulumi.Input<string>;
  /** Name of the TPOPS platform this resource lives on: a key of `tpops:sites`. Default: the platform of the `tpops:endpoint` settings. Changing it replaces the resource (made on the new platform, then removed from the old). */
  readonly site?: pulumi.Input<string>;
  /** Waiting limits (the calls are synchronous; default 5m each). */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

/** Outputs of DbRoleMembership. */
export interface DbRoleMembershipOutputs {
  /** Whether the member may grant the role on, as last set (4.4.13 does not show it). */
  readonly adminOption?: boolean;
  /** Instance id. */
  readonly instanceId: string;
  /** The member. */
  readonly member: string;
  /** Whether the user list (4.4.13) showed the member when last read; only then does refresh see the membership, or the member, disappear. */
  readonly memberListed: boolean;
  /** The role. */
  readonly role: string;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  readonly site?: string;
  /** Waiting limits. */
  readonly timeouts?: Timeouts;
}

/** Output property names of DbRoleMembership (registered as outputs by the resource class). */
export const DbRoleMembershipOutputKeys = ["adminOption","instanceId","member","memberListed","role","site","timeouts"] as const;
/** Properties of DbRoleMembership that are Pulumi secrets. */
export const DbRoleMembershipSecretOutputs: string[] = [];
/** Inputs of DbRoleMembership that the class wraps in `pulumi.secret` whatever the program passes (schema.json `secret: true`). */
export const DbRoleMembershipSecretInputs: string[] = [];

/** Arguments of {@link DbUser}: A database user of an instance (reference 4.4.4 create, 4.4.5 delete, 4.4.7 attributes, 4.4.9 password reset, 4.4.10/4.4.11 lock and unlock, 4.4.13 list). Id `<instanceId>/users/<name>`. The password (secret) is reset in place; the attributes of 4.4.7 and `locked` change in place; `pulumi refresh` reads lock status and the attributes 4.4.13 shows (`sysadmin` as `rolsuper`, `createDb`, `createRole`, `replication`, `login`) — `auditAdmin`, `monAdmin`, `oprAdmin` and `polAdmin` are set but cannot be read back. A new `instanceId` or `name` replaces the user (the old one is deleted first). The system users `rdsAdmin`, `rdsMetric`, `rdsBackup`, `rdsRepl` and the built-in `root` cannot be managed as a DbUser (their passwords: BuiltinPasswords). With `adopt: true` an existing user of that name is taken over; its password is reset only when the program gives one. */
export interface DbUserArgs {
  /** Take over an existing user with the same `name` instead of failing (preview says so). Without `password` the adopted user keeps its password. Default false. */
  readonly adopt?: pulumi.Input<boolean>;
  /** Audit administrator (4.4.7 `auditadmin_enabled`). Unset: not managed. Set, but not read back (4.4.13 does not show it). Updates in place. */
  readonly auditAdmin?: pulumi.Input<boolean>;
  /** May create databases (4.4.7 `createdb_enabled`; read from 4.4.13 `rolcreatedb`). Unset: not managed. With `loginOnly` it must agree (`loginOnly: true` means false, `false` means true). Updates in place. */
  readonly createDb?: pulumi.Input<boolean>;
  /** May create users and roles (4.4.7 `createrole_enabled`; read from 4.4.13 `rolcreaterole`). Unset: not managed. With `loginOnly` it must agree. Updates in place. */
  readonly createRole?: pulumi.Input<boolean>;
  /** Id of the instance. Changing it replaces the user. */
  readonly instanceId: pulumi.Input<string>;
  /** Whether the user is locked (4.4.10 lock, 4.4.11 unlock; read from 4.4.13 `lock_status`). Default false: a user locked out of band is unlocked by the next `up`. Updates in place. */
  readonly locked?: pulumi.Input<boolean>;
  /** May log in (4.4.7 `login_enabled`; read from 4.4.13 `rolcanlogin`). Unset: not managed. Updates in place. */
  readonly login?: pulumi.Input<boolean>;
  /** 4.4.4 `is_login_only`: true gives the user only the login privilege, false also CREATEROLE and CREATEDB. Unset: the platform's default at create, not managed afterwards. A change sets `createRole` and `createDb` through 4.4.7 (read back from them: both false is true, both true is false). Updates in place. */
  readonly loginOnly?: pulumi.Input<boolean>;
  /** Monitoring administrator (4.4.7 `monadmin_enabled`). Unset: not managed. Set, but not read back. Updates in place. */
  readonly monAdmin?: pulumi.Input<boolean>;
  /** User name: 1–63 characters, not starting with `pg` or a digit, not a system user (reference 4.4.2 owner); characters other than letters, digits and `_` are warned about (4.4.16's rule for role names). A name another user or role has is refused at preview unless `adopt`. Default: the Pulumi name in lower case with `_` for other characters, `_` and 6 hex digits. Changing it replaces the user. */
  readonly name?: pulumi.Input<string>;
  /** Operations administrator (4.4.7 `opradmin_enabled`). Unset: not managed. Set, but not read back. Updates in place. */
  readonly oprAdmin?: pulumi.Input<boolean>;
  /** Password: at least 8 characters, three of upper-case letters, lower-case letters, digits and specials, nothing outside those (the database password rule of reference 4.4.16 as printed; specials `~!@#$%^&*()=+[{}];,<.>/?`, backslash and vertical bar — not `_`); not the reverse of the current one (A.3 DBS.200476). Required, except with `adopt`. A change resets it through 4.4.9. Updates in place. (secret) */
  readonly password?: pulumi.Input<string>;
  /** Security policy administrator (4.4.7 `poladmin_enabled`). Unset: not managed. Set, but not read back. Updates in place. */
  readonly polAdmin?: pulumi.Input<boolean>;
  /** May use streaming replication (4.4.7 `replication_enabled`; read from 4.4.13 `rolreplication`). Unset: not managed. Updates in place. */
  readonly replication?: pulumi.Input<boolean>;
  /** Name of the TPOPS platform this resource lives on: a key of `tpops:sites`. Default: the platform of the `tpops:endpoint` settings. Changing it replaces the resource (made on the new platform, then removed from the old). */
  readonly site?: pulumi.Input<string>;
  /** Database administrator (4.4.7 `sysadmin_enabled`; read from 4.4.13 `rolsuper`, "用户是否具有管理员权限"). Unset: not managed. Updates in place. */
  readonly sysadmin?: pulumi.Input<boolean>;
  /** Waiting limits (user calls are synchronous; default 5m each). */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

/** Outputs of DbUser. */
export interface DbUserOutputs {
  /** Whether the user was adopted. */
  readonly adopt?: boolean;
  /** Audit administrator, as last set (not readable). */
  readonly auditAdmin?: boolean;
  /** Whether the user bypasses row-level security (4.4.13 `rolbypassrls`), as last read. */
  readonly bypassRls?: boolean;
  /** Maximum concurrent connections, -1 for no limit (4.4.13 `rolconnlimit`), as last read. */
  readonly connectionLimit?: number;
  /** May create databases, as last read. */
  readonly createDb?: boolean;
  /** May create users and roles, as last read. */
  readonly createRole?: boolean;
  /** Whether the user inherits its roles' privileges (4.4.13 `rolinherit`), as last read. */
  readonly inherit?: boolean;
  /** Instance id. */
  readonly instanceId: string;
  /** Whether the user is locked, as last read. */
  readonly locked: boolean;
  /** May log in, as last read. */
  readonly login?: boolean;
  /** True when the user has neither CREATEROLE nor CREATEDB, false when it has both, as last read. */
  readonly loginOnly?: boolean;
  /** The roles the user belongs to, as 4.4.13 `memberof` prints them (`{role,…}`). */
  readonly memberOf?: string;
  /** Monitoring administrator, as last set (not readable). */
  readonly monAdmin?: boolean;
  /** User name. */
  readonly name: string;
  /** Operations administrator, as last set (not readable). */
  readonly oprAdmin?: boolean;
  /** The password as last set by this stack (absent for an adopted user until the program gives one). (secret) */
  readonly password?: string;
  /** Time left before the password expires (4.4.13 `rolpassworddeadline`, e.g. `88 days 01:01:05`), as last read. */
  readonly passwordDeadline?: string;
  /** Security policy administrator, as last set (not readable). */
  readonly polAdmin?: boolean;
  /** May use streaming replication, as last read. */
  readonly replication?: boolean;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  readonly site?: string;
  /** Database administrator (`rolsuper`), as last read. */
  readonly sysadmin?: boolean;
  /** Waiting limits. */
  readonly timeouts?: Timeouts;
}

/** Output property names of DbUser (registered as outputs by the resource class). */
export const DbUserOutputKeys = ["adopt","auditAdmin","bypassRls","connectionLimit","createDb","createRole","inherit","instanceId","locked","login","loginOnly","memberOf","monAdmin","name","oprAdmin","password","passwordDeadline","polAdmin","replication","site","sysadmin","timeouts"] as const;
/** Properties of DbUser that are Pulumi secrets. */
export const DbUserSecretOutputs: string[] = ["password"];
/** Inputs of DbUser that the class wraps in `pulumi.secret` whatever the program passes (schema.json `secret: true`). */
export const DbUserSecretInputs: string[] = ["password"];

/** Arguments of {@link DisasterRecovery}: The disaster-recovery relationship of a primary instance with a standby instance, usually on another site (reference 4.18). Created from the primary's side (`site`: 4.18.4 construct, waiting on its job); read through 4.18.2 (the relation, by its synchronization id, with the roles as they are now) and 4.18.3 (the monitor). In place: `name` (4.18.1), `drill` (4.18.9 start / 4.18.10 stop, issued on the DR side, on `standbySite`) and `keepLog` (4.18.11 / 4.18.12, on the primary side). The reference prints no field that shows a drill or log keeping, so refresh keeps their last applied values. Failover, switchover and fail-back (4.18.5, 4.18.7, 4.18.8) are operations: run `npx tpops dr …`; afterwards `pulumi refresh` shows the new `role` and plans no replacement. Deleting releases the relationship (4.18.6, on whichever instance is primary then) and deletes its records on both sites (4.18.14); the instances stay. */
export interface DisasterRecoveryArgs {
  /** Take over an existing relationship of `instanceId` with the same `name` instead of failing. Default false. */
  readonly adopt?: pulumi.Input<boolean>;
  /** `stream` or `dorado` (4.18.4). Default `stream`. Drills and log keeping need `stream`. Changing it replaces the relationship. */
  readonly disasterType?: pulumi.Input<string>;
  /** Run a DR drill on the standby (4.18.9 / 4.18.10; stream only). Default false. Updates in place. */
  readonly drill?: pulumi.Input<boolean>;
  /** Id of the primary instance, on this resource's `site`. Changing it replaces the relationship. */
  readonly instanceId: pulumi.Input<string>;
  /** Keep the DR log on the primary (4.18.11 / 4.18.12; stream only). Default false. Updates in place. */
  readonly keepLog?: pulumi.Input<boolean>;
  /** DR task name (4.18.4 `dr_task_name`), at most 64 characters. Default: the Pulumi resource name plus six hex digits of its URN's hash (stable). Updates in place (4.18.1). */
  readonly name?: pulumi.Input<string>;
  /** Name of the TPOPS platform this resource lives on: a key of `tpops:sites`. Default: the platform of the `tpops:endpoint` settings. Changing it replaces the resource (made on the new platform, then removed from the old). */
  readonly site?: pulumi.Input<string>;
  /** Any data IP of the standby instance (4.18.4 `dr_ip`), e.g. an Instance's `nodes[0].ips.data`. At preview the standby must be an instance on `standbySite` that 4.18.13 lists as a candidate for the primary. Changing it replaces the relationship. */
  readonly standbyDataIp: pulumi.Input<string>;
  /** Password of `standbyUser` on the standby (4.18.4 `dr_user_password`). Used to build the relationship; kept in state only (changing it makes no call). (secret) */
  readonly standbyPassword: pulumi.Input<string>;
  /** The site the standby instance is on (a key of `tpops:sites`). Default: this resource's `site`. The drill calls go there. Changing it replaces the relationship. */
  readonly standbySite?: pulumi.Input<string>;
  /** Account on the standby (4.18.4 `dr_user_name`). Default `root`. Changing it replaces the relationship. */
  readonly standbyUser?: pulumi.Input<string>;
  /** Waiting limits for the DR jobs. Defaults: create 60m, update 30m, delete 30m. */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
  /** Share of the free disk the kept log may use, 1–100 (4.18.11 `xlog_keep_ratio`), sent when log keeping starts. Kept in state only. */
  readonly xlogKeepRatio?: pulumi.Input<number>;
}

/** Outputs of DisasterRecovery. */
export interface DisasterRecoveryOutputs {
  /** Whether the relationship was adopted. */
  readonly adopt?: boolean;
  /** `stream` or `dorado`. */
  readonly disasterType: string;
  /** Whether a drill runs, as last applied. */
  readonly drill: boolean;
  /** The instance the relationship was built from. */
  readonly instanceId: string;
  /** Whether log keeping runs, as last applied. */
  readonly keepLog: boolean;
  /** The DR status of `instanceId` from the monitor (4.18.3), as last read. */
  readonly monitorStatus?: string;
  /** DR task name. */
  readonly name: string;
  /** The primary instance now (after a switchover or failover, the former standby). */
  readonly primaryInstanceId?: string;
  /** The role of `instanceId` now: `master` or `disaster` (4.18.2). */
  readonly role: string;
  /** Recovery point objective from the monitor (4.18.3), as last read. */
  readonly rpo?: string;
  /** Recovery time objective from the monitor (4.18.3), as last read. */
  readonly rto?: string;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  readonly site?: string;
  /** Data IP the relationship was built with. */
  readonly standbyDataIp: string;
  /** The DR (standby) instance now. */
  readonly standbyInstanceId?: string;
  /** Password of the standby's account. (secret) */
  readonly standbyPassword: string;
  /** The standby's site. */
  readonly standbySite?: string;
  /** Account on the standby. */
  readonly standbyUser: string;
  /** The relation's record status (4.18.2), as last read. */
  readonly status: string;
  /** The relationship's unique id (4.18.2 `synchronization_id`; also the resource id). */
  readonly synchronizationId: string;
  /** Waiting limits. */
  readonly timeouts?: Timeouts;
  /** Log keeping ratio. */
  readonly xlogKeepRatio?: number;
}

/** Output property names of DisasterRecovery (registered as outputs by the resource class). */
export const DisasterRecoveryOutputKeys = ["adopt","disasterType","drill","instanceId","keepLog","monitorStatus","name","primaryInstanceId","role","rpo","rto","site","standbyDataIp","standbyInstanceId","standbyPassword","standbySite","standbyUser","status","synchronizationId","timeouts","xlogKeepRatio"] as const;
/** Properties of DisasterRecovery that are Pulumi secrets. */
export const DisasterRecoverySecretOutputs: string[] = ["standbyPassword"];
/** Inputs of DisasterRecovery that the class wraps in `pulumi.secret` whatever the program passes (schema.json `secret: true`). */
export const DisasterRecoverySecretInputs: string[] = ["standbyPassword"];

/** Arguments of {@link Host}: A host (physical machine) managed by TPOPS (reference 4.9.1–4.9.4, 4.9.8). Adding and removing a host are asynchronous platform jobs that the resource waits for. Give exactly one of `rootPassword` and `sshKeyId`. */
export interface HostArgs {
  /** Take over an existing host with the same `manageIp` instead of failing. Default false. */
  readonly adopt?: pulumi.Input<boolean>;
  /** CPU vendor: `intel`, `kunpeng` or `hygon` (case-insensitive), one the platform supports (4.9.8, checked at preview). Changing it replaces the host. */
  readonly cpuSpec: pulumi.Input<string>;
  /** Id of the data center the host belongs to (an id the platform does not know is refused at preview). Updates in place (refused while the host is in use). */
  readonly dataCenterId: pulumi.Input<string>;
  /** Data-network IP address (IPv4 or IPv6). Updates in place (refused while the host is unmanaged or in use). */
  readonly dataIp: pulumi.Input<string>;
  /** Description, at most 100 characters. Updates in place. */
  readonly description?: pulumi.Input<string>;
  /** Let the platform empty an existing sandbox directory `/var/chroot` when adding the host (`is_force_rm_chroot_dir`). Default false. */
  readonly forceRemoveChrootDir?: pulumi.Input<boolean>;
  /** Management IP address (IPv4 or IPv6); identifies the host (one another host has is refused at preview unless `adopt`). Changing it replaces the host (the old one is removed first). */
  readonly manageIp: pulumi.Input<string>;
  /** Host alias, at most 64 bytes. Default: the Pulumi resource name plus a random suffix. Updates in place. */
  readonly name?: pulumi.Input<string>;
  /** Operating system: `kylin` or `uniontech` (case-insensitive), one the platform supports (4.9.8, checked at preview). Changing it replaces the host. */
  readonly osType: pulumi.Input<string>;
  /** Password of the host's root user, used to add and to remove the host. Give this or `sshKeyId`. (secret) */
  readonly rootPassword?: pulumi.Input<string>;
  /** Name of the TPOPS platform this resource lives on: a key of `tpops:sites`. Default: the platform of the `tpops:endpoint` settings. Changing it replaces the resource (made on the new platform, then removed from the old). */
  readonly site?: pulumi.Input<string>;
  /** Id of a `KeyPair` whose public key is in root's `authorized_keys` (an id the platform does not know is refused at preview). Give this or `rootPassword`. Updates in place. */
  readonly sshKeyId?: pulumi.Input<string>;
  /** SSH port, 1–65535 except 8002 and 12017 (reserved by TPOPS). Default 22. Changing it replaces the host. */
  readonly sshPort?: pulumi.Input<number>;
  /** Storage type: `localssd` or `dorado`, one the platform supports (4.9.8, checked at preview). Default `localssd`. Changing it replaces the host. */
  readonly storageType?: pulumi.Input<string>;
  /** Waiting limits for the add and remove jobs. Defaults: create 20m, update 5m, delete 20m. */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
  /** Host type: `BMS` (bare metal) or `CONTAINER`, one the platform supports (4.9.8, checked at preview; its example lists only `BMS`). Default `BMS`. Changing it replaces the host. */
  readonly type?: pulumi.Input<string>;
  /** Service (virtual) IP address (IPv4 or IPv6). Updates in place (refused while the host is unmanaged or in use). */
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
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  readonly site?: string;
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
export const HostOutputKeys = ["adopt","cpuSpec","createdAt","dataCenterId","dataIp","description","floatIp","forceRemoveChrootDir","instanceId","instanceName","manageIp","name","nodeId","os","osType","rootPassword","site","spec","sshKeyId","sshPort","status","storageType","timeouts","type","virtualIp"] as const;
/** Properties of Host that are Pulumi secrets. */
export const HostSecretOutputs: string[] = ["rootPassword"];
/** Inputs of Host that the class wraps in `pulumi.secret` whatever the program passes (schema.json `secret: true`). */
export const HostSecretInputs: string[] = ["rootPassword"];

/** Arguments of {@link InspectionScene}: A daily-inspection scene (reference 4.10.13 create, 4.10.12 list, 4.10.15 change, 4.10.14 delete): a named set of inspection items that tasks take (InspectionTask `scene`). Name and items change in place (4.10.15 `name` → `modify_name`, `item_ids`). Delete removes the scene; the reference states no refusal for a scene a task uses and tasks hold item ids, not the scene, so such tasks keep their items: a task of the same program that names the scene through its `name` output is destroyed first, and the delete warns about any other task that still shows the scene (4.10.1 `scene`). Id: the scene id of 4.10.12 (the name when the platform lists none). */
export interface InspectionSceneArgs {
  /** Take over an existing scene with the same `name` (4.10.12) instead of failing. Default false. (A default scene whose name breaks the 4.10.13 rule, such as 4.10.12's `Health Check`, cannot be named: 4.10.15 checks the name too.) */
  readonly adopt?: pulumi.Input<boolean>;
  /** Inspection item ids, 1–100 (4.10.13 `item_ids`; the ids `getInspectionItems` lists, 4.10.9 — an id it does not list is warned about). Updates in place. */
  readonly itemIds: pulumi.Input<pulumi.Input<string>[]>;
  /** Scene name (4.10.13 `name`): 4–64 characters, starting with a letter, letters, digits, `-` and `_` only; a name another scene has is refused at preview unless `adopt`. Default: the Pulumi name (other characters as `-`, a letter first) with `-` and 6 hex digits. Updates in place (4.10.15 `modify_name`). */
  readonly name?: pulumi.Input<string>;
  /** Name of the TPOPS platform this resource lives on: a key of `tpops:sites`. Default: the platform of the `tpops:endpoint` settings. Changing it replaces the resource (made on the new platform, then removed from the old). */
  readonly site?: pulumi.Input<string>;
  /** Waiting limits (the calls are synchronous; default 5m each). */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

/** Outputs of InspectionScene. */
export interface InspectionSceneOutputs {
  /** Whether the scene was adopted. */
  readonly adopt?: boolean;
  /** Whether the platform marks the scene as a default one (4.10.12 `is_default`). */
  readonly isDefault: boolean;
  /** Inspection items, as the platform holds them. */
  readonly itemIds: string[];
  /** Scene name. */
  readonly name: string;
  /** Scene id (4.10.12 `scene_id`), absent when the platform lists none. */
  readonly sceneId?: string;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  readonly site?: string;
  /** Waiting limits. */
  readonly timeouts?: Timeouts;
}

/** Output property names of InspectionScene (registered as outputs by the resource class). */
export const InspectionSceneOutputKeys = ["adopt","isDefault","itemIds","name","sceneId","site","timeouts"] as const;
/** Properties of InspectionScene that are Pulumi secrets. */
export const InspectionSceneSecretOutputs: string[] = [];
/** Inputs of InspectionScene that the class wraps in `pulumi.secret` whatever the program passes (schema.json `secret: true`). */
export const InspectionSceneSecretInputs: string[] = [];

/** Arguments of {@link InspectionTask}: A daily-inspection task (reference 4.10.2 create, 4.10.5 detail, 4.10.6 change, 4.10.3 delete; status from the 4.10.1 list): which inspection items run on which instances, once (`policy` single: `period` later or soon) or on a schedule (`policy` periodic: `period` fixed, daily, weekly or monthly, on `day`). Everything 4.10.6 can change (name, instances, scope, policy, period, time, items, start time) updates in place; `day` is not in 4.10.6 and replaces the task (the new task is created first). The items come from `itemIds` or, when omitted, from the scene named by `scene` (what the console does: 4.10.12 "前端交互自动勾选场景中的巡检项"); pass an InspectionScene's `name` output so the task is created after its scene and destroyed before it. Starting a task (4.10.4) is an operation, not desired state: it is not an input (a single task with `period` soon runs once when created, as 4.10.2 "立即执行" says). The platform does not require task names to be unique (4.10.2 prints no such rule): a name another task has is warned about at preview, not refused. Id: the task id of 4.10.1. */
export interface InspectionTaskArgs {
  /** Take over an existing task with the same `name` (4.10.1) instead of creating one. Default false. */
  readonly adopt?: pulumi.Input<boolean>;
  /** 4.10.2 `inspection_day`: for periodic tasks, 0 for daily ("按天执行则值固定为0"), 1–7 for weekly (Monday to Sunday), 1–31 for monthly; refused at preview otherwise. Optional (the reference's daily example omits it; a weekly or monthly task without one is warned about). Ignored with a warning for single tasks. Not in 4.10.6, so changing it replaces the task. */
  readonly day?: pulumi.Input<number>;
  /** Ids of the instances to inspect, 1–200 (4.10.2 `instance_ids`); each must exist (checked at preview when the platform answers). Updates in place. */
  readonly instanceIds: pulumi.Input<pulumi.Input<string>[]>;
  /** Inspection item ids, 1–100 (4.10.2 `item_ids`; the ids `getInspectionItems` lists, 4.10.9 — an id it does not list is warned about). Default: the items of `scene`. Updates in place. */
  readonly itemIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** Task name (4.10.2 `inspection_name`): 4–64 characters, starting with a letter, letters, digits, `-` and `_` only. Default: the Pulumi name (other characters as `-`, a letter first) with `-` and 6 hex digits. Updates in place. */
  readonly name?: pulumi.Input<string>;
  /** 4.10.2 `inspection_period`: `later` or `soon` for single tasks, `fixed`, `daily`, `weekly` or `monthly` for periodic ones (4.10.2 "可选值"). Updates in place. */
  readonly period: pulumi.Input<string>;
  /** 4.10.2 `inspection_policy`: `single` (单次巡检) or `periodic` (周期巡检). Updates in place. */
  readonly policy: pulumi.Input<string>;
  /** Name of the inspection scene (InspectionScene, or a scene of the platform, 4.10.12) whose items the task takes when `itemIds` is omitted. Not sent to the platform (4.10.2 has no scene field): a change of the scene's items shows as an in-place change of the task's `itemIds` at the next preview. */
  readonly scene?: pulumi.Input<string>;
  /** 4.10.2 `inspection_scope` (巡检方式): `real_time`, `daily`, `weekly` or `monthly`. Updates in place. */
  readonly scope: pulumi.Input<string>;
  /** Name of the TPOPS platform this resource lives on: a key of `tpops:sites`. Default: the platform of the `tpops:endpoint` settings. Changing it replaces the resource (made on the new platform, then removed from the old). */
  readonly site?: pulumi.Input<string>;
  /** 4.10.2 `task_start_time`, e.g. `2024-01-22T11:00:59+08:00`. Optional. Updates in place. */
  readonly taskStartTime?: pulumi.Input<string>;
  /** 4.10.2 `inspection_time`, e.g. `01:00:00` (its example) or `2024-01-22T11:00:59+08:00` (its description). Optional. Updates in place. */
  readonly time?: pulumi.Input<string>;
  /** Waiting limits (the calls are synchronous; default 5m each). */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

/** Outputs of InspectionTask. */
export interface InspectionTaskOutputs {
  /** Whether the task was adopted. */
  readonly adopt?: boolean;
  /** Day of the schedule (4.10.5 `inspection_day`). */
  readonly day?: number;
  /** Inspected instances. */
  readonly instanceIds: string[];
  /** Inspection items, as the platform holds them. */
  readonly itemIds: string[];
  /** When the task last ran (4.10.1 `last_execute_time`, ISO 8601), absent before its first run. */
  readonly lastExecuteTime?: string;
  /** Task name. */
  readonly name: string;
  /** When the task runs next (4.10.1 `next_execute_time`, ISO 8601), absent when it will not run again. */
  readonly nextExecuteTime?: string;
  /** Period. */
  readonly period: string;
  /** Policy. */
  readonly policy: string;
  /** The scene named in the program. */
  readonly scene?: string;
  /** Scope. */
  readonly scope: string;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  readonly site?: string;
  /** Status of the last run (4.10.1 `status`, e.g. `running`, `completed`), absent before the first run. */
  readonly status?: string;
  /** Start time. */
  readonly taskStartTime?: string;
  /** Inspection time. */
  readonly time?: string;
  /** Waiting limits. */
  readonly timeouts?: Timeouts;
}

/** Output property names of InspectionTask (registered as outputs by the resource class). */
export const InspectionTaskOutputKeys = ["adopt","day","instanceIds","itemIds","lastExecuteTime","name","nextExecuteTime","period","policy","scene","scope","site","status","taskStartTime","time","timeouts"] as const;
/** Properties of InspectionTask that are Pulumi secrets. */
export const InspectionTaskSecretOutputs: string[] = [];
/** Inputs of InspectionTask that the class wraps in `pulumi.secret` whatever the program passes (schema.json `secret: true`). */
export const InspectionTaskSecretInputs: string[] = [];

/** Arguments of {@link Instance}: A GaussDB database instance (reference 4.11.5–4.11.22). Creating it installs the database on the hosts named by `manageIps` and the AZ lists (Host resources' manage IPs) and waits for the job (BUILD → ACTIVE); a failed job is recorded as a partial create. In place, each waiting for its platform job: `engineVersion` upgrades (4.11.17–4.11.18), `solution` triset↔pentaset and trisetnoetcd↔pentasetnoetcd with the matching `manageIps` change (4.11.20), adding hosts to a distributed instance (expansion, 4.11.15) and `mysqlCompatibilityPort` (4.11.21–4.11.22); several at once run in the order shrink, upgrade, grow or expansion, M-compatibility port. Any other change replaces the instance, deleting the old one first because hosts cannot be shared. Deleting uninstalls (or unmanages) it and frees its hosts. */
export interface InstanceArgs {
  /** Take over an existing instance with the same `name` instead of failing. Default false. */
  readonly adopt?: pulumi.Input<boolean>;
  /** Hosts of the arbiter AZ: only hcs1, hcs4, quadruset and quadrusetnoetcd; one host for quadruset and quadrusetnoetcd (one arbiter node), more for hcs1 and hcs4 are warned about. Part of the instance's hosts: a change is recorded in place when it comes with a host change that runs in place (see `manageIps`); any other change replaces the instance. */
  readonly arbiterAzIps?: pulumi.Input<pulumi.Input<string>[]>;
  /** CPU architecture: `X86` or `ARM` (case-insensitive; a warning says when it does not fit `cpuSpec`: Kunpeng is ARM, Intel and Hygon are X86). Changing it replaces the instance. */
  readonly arch: pulumi.Input<string>;
  /** Id of the parameter template to install with. Default: the platform's default template. Changing it replaces the instance (use InstanceParameters to change parameters in place). */
  readonly configurationId?: pulumi.Input<string>;
  /** CPU vendor of the hosts: `Intel`, `Kunpeng` or `Hygon` (case-insensitive). Changing it replaces the instance. */
  readonly cpuSpec: pulumi.Input<string>;
  /** What deleting does: uninstall (default; unmanage for an instance taken over with `takeOver`) or unmanage, and how long backups are kept. Kept in state only; no API call on change. */
  readonly deletion?: pulumi.Input<InstanceDeletionArgs>;
  /** Engine: `GaussDB` or `gaussdbv5-dbmind` (case-insensitive). Default `GaussDB`. Changing it replaces the instance. */
  readonly engine?: pulumi.Input<string>;
  /** Engine version, e.g. `3.200.0`: one the platform offers (4.12.1, checked at preview). Default: the newest version the platform offers (4.12.1), resolved at create and kept. Updates in place by upgrading to a candidate version (4.11.17–4.11.18); downgrades are refused. */
  readonly engineVersion?: pulumi.Input<string>;
  /** Floating IP address: only multi-node centralized solutions (one of the instance's hosts is warned about). Changing it replaces the instance. */
  readonly floatIp?: pulumi.Input<string>;
  /** High-availability options; derived from the solution when omitted. Changing it replaces the instance. */
  readonly ha?: pulumi.Input<InstanceHaArgs>;
  /** Host type: only `BMS` (case-insensitive). Default `BMS`. Changing it replaces the instance. */
  readonly hostType?: pulumi.Input<string>;
  /** Custom install directories and component placement. Changing it replaces the instance. */
  readonly installSettings?: pulumi.Input<InstanceInstallSettingsArgs>;
  /** Hosts of the logger AZ: multi-host solutions. Part of the instance's hosts: a change is recorded in place when it comes with a host change that runs in place (see `manageIps`); any other change replaces the instance. */
  readonly loggerAzIps?: pulumi.Input<pulumi.Input<string>[]>;
  /** Manage IPs of the instance's hosts (Host resources) besides those in the AZ lists; optional (reference 4.11.6), e.g. when the AZ lists name every host. Together with the AZ lists they must number exactly the solution's hosts (single 1, triset 3, quadruset 5, pentaset 5, hcs1 9, hcs2 3, hcs3 4, hcs4 5, hcs6 1). Updates in place when adding 2 hosts with triset→pentaset or removing 2 with pentaset→triset (likewise the noetcd forms), or adding whole node groups (the solution's host count each) to a distributed instance; any other change replaces the instance. */
  readonly manageIps?: pulumi.Input<pulumi.Input<string>[]>;
  /** Hosts of the master AZ (the primary goes here): only hcs1, triset, quadruset, trisetnoetcd and quadrusetnoetcd. Part of the instance's hosts: a change is recorded in place when it comes with a host change that runs in place (see `manageIps`), e.g. dropping the list when growing triset to pentaset; any other change replaces the instance. */
  readonly masterAzIps?: pulumi.Input<pulumi.Input<string>[]>;
  /** M-compatibility (MySQL protocol) port, 1024–39989, not reserved and outside [port, port+10] (with `port` omitted, a warning assumes the default 8000 and create refuses before opening it); 0 keeps it closed. Default 0. Updates in place: opens (4.11.21), moves or closes (4.11.22) it. */
  readonly mysqlCompatibilityPort?: pulumi.Input<number>;
  /** Instance name (not empty; another form than the one GaussDB names take — 4–64 characters, a letter first, then letters, digits, `-` or `_` — is warned about). Default: the Pulumi resource name plus a random suffix. Changing it replaces the instance. */
  readonly name?: pulumi.Input<string>;
  /** Operating system of the hosts: `Kylin` or `UnionTech` (case-insensitive). Changing it replaces the instance. */
  readonly osType: pulumi.Input<string>;
  /** Database root password, required unless `takeOver` is given (a taken-over database keeps its own: not sent, warned about): at least 8 characters, three of upper-case letters, lower-case letters, digits and specials, and no character outside those (reference 4.4.16; the specials are `~!@#$%^&*()=+[{}];,<.>/?`, the backslash, the vertical bar and `_`). Longer than 32 is warned about (GaussDB's default `password_max_length`). Changing it replaces the instance. (secret) */
  readonly password?: pulumi.Input<string>;
  /** Database port, 1024–39989 except the ports TPOPS reserves (2378–2380, 2400, 4999–5001, 5100, 5500, 5999–6001, 6009–6010, 6500, 8015, 8097, 8098, 8181, 9090, 9100, 9180, 9187, 9200, 12016, 12017, 20049, 20050, 21731, 21732, 32122–32126, 39001). Default: the platform's (8000). Changing it replaces the instance. */
  readonly port?: pulumi.Input<number>;
  /** New password of the rdsAdmin user, set when unmanaging (`deletion.clearData` false, reference 4.11.5); the same rule as `password`. Without it rdsAdmin keeps the password TPOPS set (warned at preview). Kept in state only. (secret) */
  readonly rdsAdminPassword?: pulumi.Input<string>;
  /** Create the instance from a backup of another instance, or from a point in time (reference 4.11.7), instead of empty. The restored instance takes the source's engine version (a different `engineVersion` is refused at preview, 4.2.9) and must be of the source's family (centralized or distributed); `engine` must be GaussDB and `installSettings` cannot be given (4.11.7 has neither). Checked at preview when the source is known: the backup exists and completed (4.2.15, 4.2.12), the time lies in a restorable period (4.2.11, the periods are in the message). After the create it is an ordinary instance. Changing it replaces the instance (a new restore); removing it changes nothing (the instance keeps its data). */
  readonly restoreFrom?: pulumi.Input<InstanceRestoreFromArgs>;
  /** Name of the TPOPS platform this resource lives on: a key of `tpops:sites`. Default: the platform of the `tpops:endpoint` settings. Changing it replaces the resource (made on the new platform, then removed from the old). */
  readonly site?: pulumi.Input<string>;
  /** Hosts of the standby AZ: only hcs1, quadruset and quadrusetnoetcd. Part of the instance's hosts: a change is recorded in place when it comes with a host change that runs in place (see `manageIps`); any other change replaces the instance. */
  readonly slaveAzIps?: pulumi.Input<pulumi.Input<string>[]>;
  /** Deployment: centralized `single`, `triset`, `quadruset`, `pentaset`, `trisetnoetcd`, `quadrusetnoetcd`, `pentasetnoetcd`; distributed `hcs1`, `hcs2`, `hcs3`, `hcs4`, `hcs6` (case-insensitive). Updates in place between triset and pentaset, and between trisetnoetcd and pentasetnoetcd (with the matching `manageIps` change); other changes replace the instance. The noetcd forms need the platform whitelist `gaussdb_feature_supportDccCluster`; with it on, the platform installs triset, quadruset and pentaset as their noetcd forms, so name the noetcd form in the program. */
  readonly solution: pulumi.Input<string>;
  /** Take over a GaussDB database installed on the hosts outside TPOPS (reference 4.11.13) instead of installing one: the instance gets the database's engine version, port and time zone, and `name`, the hosts (`manageIps` and the AZ lists: every host the database runs on) and `solution` (its host count) describe it. Checked at preview when the hosts are known (reference 4.11.12): the hosts must carry one database no instance manages, and at create every host of it must have been added (a Host resource; its status is then `unmanaged`). Not sent: `password`, `configurationId`, `floatIp`, `installSettings`, `ha`, `timeZone` (warned about); a given `engineVersion` or `port` must match the database's. After the create it is an ordinary instance; deleting it unmanages it unless `deletion.clearData` is true. Cannot be combined with `restoreFrom`. Changing or removing it changes nothing (it only says how the instance came under management). Secret (it holds the administrator password). (secret) */
  readonly takeOver?: pulumi.Input<InstanceTakeOverArgs>;
  /** Time zone such as `UTC+08:00` (another form is warned about: it may read back differently). Default: the platform's. Changing it replaces the instance. */
  readonly timeZone?: pulumi.Input<string>;
  /** Waiting limits for the platform jobs. Defaults: create 90m, update 120m, delete 60m. */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

/** Outputs of Instance. */
export interface InstanceOutputs {
  /** Whether the instance was adopted. */
  readonly adopt?: boolean;
  /** Hosts of the arbiter AZ. */
  readonly arbiterAzIps?: string[];
  /** CPU architecture. */
  readonly arch: string;
  /** Parameter template id given at create. */
  readonly configurationId?: string;
  /** CPU vendor. */
  readonly cpuSpec: string;
  /** Creation time as the platform reports it. */
  readonly created?: string;
  /** Default database user, e.g. `root`. */
  readonly dbUserName?: string;
  /** What deleting does. */
  readonly deletion?: InstanceDeletion;
  /** Engine. */
  readonly engine: string;
  /** Engine version running, as last read. */
  readonly engineVersion: string;
  /** Specification code, e.g. `gaussdb.ee.bms.2xlarge.x868.ha`. */
  readonly flavorRef?: string;
  /** Floating IP. */
  readonly floatIp?: string;
  /** High-availability options. */
  readonly ha: InstanceHa;
  /** Host type. */
  readonly hostType: string;
  /** Custom install settings. */
  readonly installSettings?: InstanceInstallSettings;
  /** Instance mode, e.g. `enterprise` for distributed instances. */
  readonly instanceMode?: string;
  /** Hosts of the logger AZ. */
  readonly loggerAzIps?: string[];
  /** Manage IPs of the instance's hosts. */
  readonly manageIps?: string[];
  /** Hosts of the master AZ. */
  readonly masterAzIps?: string[];
  /** M-compatibility port (0 = closed). */
  readonly mysqlCompatibilityPort: number;
  /** Instance name. */
  readonly name: string;
  /** Database nodes, as last read. */
  readonly nodes: InstanceNode[];
  /** Operating system. */
  readonly osType: string;
  /** Database root password. (secret) */
  readonly password?: string;
  /** Database port, as last read. */
  readonly port: number;
  /** Service IPs of the nodes. */
  readonly privateIps: string[];
  /** rdsAdmin password used when unmanaging. (secret) */
  readonly rdsAdminPassword?: string;
  /** Where the instance was restored from, as the program said at create. */
  readonly restoreFrom?: InstanceRestoreFrom;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  readonly site?: string;
  /** Hosts of the standby AZ. */
  readonly slaveAzIps?: string[];
  /** Deployment solution. */
  readonly solution: string;
  /** `BUILD`, `ACTIVE`, `FAILED`, `REBOOTING`, `UPGRADING`, `RESTORING`, `BACKING UP` or `STORAGE FULL` (reference 4.11.8). */
  readonly status: string;
  /** How the instance was taken over from its hosts, as the program said at create. (secret) */
  readonly takeOver?: InstanceTakeOver;
  /** true when the instance came under management by taking over a database installed outside TPOPS (`takeOver`, reference 4.11.13); kept when `takeOver` leaves the program. Its deletion then unmanages unless `deletion.clearData` is true. */
  readonly takenOver?: boolean;
  /** Time zone, as last read. */
  readonly timeZone?: string;
  /** Waiting limits. */
  readonly timeouts?: Timeouts;
  /** Last update time as the platform reports it. */
  readonly updated?: string;
}

/** Output property names of Instance (registered as outputs by the resource class). */
export const InstanceOutputKeys = ["adopt","arbiterAzIps","arch","configurationId","cpuSpec","created","dbUserName","deletion","engine","engineVersion","flavorRef","floatIp","ha","hostType","installSettings","instanceMode","loggerAzIps","manageIps","masterAzIps","mysqlCompatibilityPort","name","nodes","osType","password","port","privateIps","rdsAdminPassword","restoreFrom","site","slaveAzIps","solution","status","takeOver","takenOver","timeZone","timeouts","updated"] as const;
/** Properties of Instance that are Pulumi secrets. */
export const InstanceSecretOutputs: string[] = ["password","rdsAdminPassword","takeOver"];
/** Inputs of Instance that the class wraps in `pulumi.secret` whatever the program passes (schema.json `secret: true`). */
export const InstanceSecretInputs: string[] = ["password","rdsAdminPassword","takeOver"];

/** Arguments of {@link InstanceLabels}: Labels of an instance, kept in its extension information (reference 4.11.1 "设置实例扩展信息" `key` / `value`, read one key at a time through 4.11.2). Only the keys in `labels` are owned: other keys may change without drift, and one key has one owner in a stack (a second InstanceLabels naming it is refused at preview). Create records the value each key had (`originalLabels`; a warning names the keys that had one) and delete, or dropping a key from `labels`, puts that value back. The reference has no call that removes a key: a key that did not exist before stays with its last value after delete, and the delete says so by name. Refresh sees a value edited out of band; `pulumi up` sets it again. Extension information is also where the platform keeps settings of its own (the reference's example key is `BackupSet`, an XBSA configuration path): use keys of your own. Id `<instanceId>/labels/<hash>`. */
export interface InstanceLabelsArgs {
  /** Id of the instance. Changing it replaces the resource. */
  readonly instanceId: pulumi.Input<string>;
  /** Key → value, both strings (4.11.1 `key`, `value`: "是 String"; no length or character rule is printed). Updates in place. */
  readonly labels: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Name of the TPOPS platform this resource lives on: a key of `tpops:sites`. Default: the platform of the `tpops:endpoint` settings. Changing it replaces the resource (made on the new platform, then removed from the old). */
  readonly site?: pulumi.Input<string>;
  /** Waiting limits (the calls are synchronous; default 5m each). */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

/** Outputs of InstanceLabels. */
export interface InstanceLabelsOutputs {
  /** Instance id. */
  readonly instanceId: string;
  /** The owned keys' values, as last read (a key without a value reads as absent). */
  readonly labels: Record<string, string>;
  /** The value each owned key had before this resource first set it (keys that had none are absent); restored on delete. */
  readonly originalLabels: Record<string, string>;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  readonly site?: string;
  /** Waiting limits. */
  readonly timeouts?: Timeouts;
}

/** Output property names of InstanceLabels (registered as outputs by the resource class). */
export const InstanceLabelsOutputKeys = ["instanceId","labels","originalLabels","site","timeouts"] as const;
/** Properties of InstanceLabels that are Pulumi secrets. */
export const InstanceLabelsSecretOutputs: string[] = [];
/** Inputs of InstanceLabels that the class wraps in `pulumi.secret` whatever the program passes (schema.json `secret: true`). */
export const InstanceLabelsSecretInputs: string[] = [];

/** Arguments of {@link InstanceParameters}: Values of some parameters of an instance (reference 4.3.1–4.3.2). Only the keys in `values` are managed: other parameters may change without drift. On create the previous value of each key is recorded (`originalValues`); deleting the resource, or removing a key from `values`, restores it. Names and values are checked against the instance's template (`value_range`) before anything changes, at preview when the instance id is known. A change that needs a restart restarts the instance when `restartIfRequired` is true; otherwise `pendingRestart` is true and a warning is printed. */
export interface InstanceParametersArgs {
  /** Id of the instance. Changing it replaces the resource. */
  readonly instanceId: pulumi.Input<string>;
  /** Restart the instance (4.11.10) when a change needs it, and wait. Default false. No API call on change. */
  readonly restartIfRequired?: pulumi.Input<boolean>;
  /** Name of the TPOPS platform this resource lives on: a key of `tpops:sites`. Default: the platform of the `tpops:endpoint` settings. Changing it replaces the resource (made on the new platform, then removed from the old). */
  readonly site?: pulumi.Input<string>;
  /** Waiting limits for the parameter and restart jobs. Defaults: create 30m, update 30m, delete 30m. */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
  /** Parameter name → value, as strings (distributed instances name them `cn:<name>` or `dn:<name>`), spelled as the template's range has them: `on`, not `ON` or ` on` (refused with the spelling to use, since the platform would keep its own). Updates in place. */
  readonly values: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** Outputs of InstanceParameters. */
export interface InstanceParametersOutputs {
  /** Instance id. */
  readonly instanceId: string;
  /** Value of each managed parameter before this resource first set it; restored on delete. */
  readonly originalValues: Record<string, string>;
  /** True when an applied change waits for an instance restart. */
  readonly pendingRestart: boolean;
  /** Whether changes needing a restart restart the instance. */
  readonly restartIfRequired: boolean;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  readonly site?: string;
  /** Waiting limits. */
  readonly timeouts?: Timeouts;
  /** Managed parameter values, as last read. */
  readonly values: Record<string, string>;
}

/** Output property names of InstanceParameters (registered as outputs by the resource class). */
export const InstanceParametersOutputKeys = ["instanceId","originalValues","pendingRestart","restartIfRequired","site","timeouts","values"] as const;
/** Properties of InstanceParameters that are Pulumi secrets. */
export const InstanceParametersSecretOutputs: string[] = [];
/** Inputs of InstanceParameters that the class wraps in `pulumi.secret` whatever the program passes (schema.json `secret: true`). */
export const InstanceParametersSecretInputs: string[] = [];

/** Arguments of {@link IntelligentOps}: Enrols an instance in intelligent O&M (reference 4.6.1 纳管, "ENABLED表示开启纳管,DISABLED表示解除纳管"), read back through 4.6.2's list of enrolled instances. `dbAssistId` is the id of the intelligent O&M instance — a `gaussdbv5-dbmind` instance (an `Instance` with `engine: "gaussdbv5-dbmind"`, whose `id` you pass), listed by 4.6.3 (`GET /v3/db-assist/instances`, the `id` of each entry, also shown with `managed_num` and `manageable_limit`). Checked at preview when the ids are known: `dbAssistId` must be listed by 4.6.3, and it must have room (`managed_num` < `manageable_limit`, A.3 DBS.06280028); an instance 4.6.2 does not show as enrollable by it (another architecture: "展示与输入db_assist_id实例架构一致的实例") is warned about. Create records whether the instance was already enrolled (`originalEnabled`, warned) and delete gives that back: an instance this resource enrolled is withdrawn (DISABLED), one enrolled before the stack stays enrolled. Refresh sees a withdrawal out of band. Id `<dbAssistId>/managed/<instanceId>`. */
export interface IntelligentOpsArgs {
  /** Id of the intelligent O&M (`gaussdbv5-dbmind`) instance (4.6.1 `db_assist_id`; the ids 4.6.3 lists). Changing it replaces the resource: enrolled in the new one, then withdrawn from the old. */
  readonly dbAssistId: pulumi.Input<string>;
  /** Enrolled (4.6.1 `manage_type` ENABLED) or withdrawn (DISABLED). Default true. Updates in place. */
  readonly enabled?: pulumi.Input<boolean>;
  /** Id of the instance to enrol (4.6.1 `instance_ids`). Changing it replaces the resource. */
  readonly instanceId: pulumi.Input<string>;
  /** Name of the TPOPS platform this resource lives on: a key of `tpops:sites`. Default: the platform of the `tpops:endpoint` settings. Changing it replaces the resource (made on the new platform, then removed from the old). */
  readonly site?: pulumi.Input<string>;
  /** Waiting limits for the enrolment job. Defaults: create 10m, update 10m, delete 10m. */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

/** Outputs of IntelligentOps. */
export interface IntelligentOpsOutputs {
  /** Intelligent O&M instance id. */
  readonly dbAssistId: string;
  /** Whether 4.6.2 lists the instance as enrolled in `dbAssistId`, as last read. */
  readonly enabled: boolean;
  /** Instance id. */
  readonly instanceId: string;
  /** Whether the instance was enrolled in `dbAssistId` before this resource first set it; given back on delete. */
  readonly originalEnabled: boolean;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  readonly site?: string;
  /** Waiting limits. */
  readonly timeouts?: Timeouts;
}

/** Output property names of IntelligentOps (registered as outputs by the resource class). */
export const IntelligentOpsOutputKeys = ["dbAssistId","enabled","instanceId","originalEnabled","site","timeouts"] as const;
/** Properties of IntelligentOps that are Pulumi secrets. */
export const IntelligentOpsSecretOutputs: string[] = [];
/** Inputs of IntelligentOps that the class wraps in `pulumi.secret` whatever the program passes (schema.json `secret: true`). */
export const IntelligentOpsSecretInputs: string[] = [];

/** Arguments of {@link KeyPair}: An SSH key pair the platform generates to log in to hosts (reference 4.8.1–4.8.5). Place `publicKey` in the hosts' `~/.ssh/authorized_keys`, then add hosts with `sshKeyId`. At most 20 key pairs exist on a platform: a create beyond that (the live ones plus the stack's new ones) is refused at preview. */
export interface KeyPairArgs {
  /** Take over an existing key pair with the same `name` instead of failing. Default false. */
  readonly adopt?: pulumi.Input<boolean>;
  /** Key algorithm: `RSA_2048`, `RSA_3072` or `RSA_4096`. Default `RSA_3072`. Changing it replaces the key pair. */
  readonly algorithm?: pulumi.Input<string>;
  /** Description: at most 256 bytes at create (reference 4.8.2), fewer than 256 bytes when changed (4.8.3). Updates in place. */
  readonly description?: pulumi.Input<string>;
  /** Delete the key pair even while hosts use it (the API's `forced`). Default false. */
  readonly forceDelete?: pulumi.Input<boolean>;
  /** Unique name, at most 128 bytes; a name another key pair has is refused at preview (unless `adopt`). Default: the Pulumi resource name plus a random suffix. Updates in place. */
  readonly name?: pulumi.Input<string>;
  /** Name of the TPOPS platform this resource lives on: a key of `tpops:sites`. Default: the platform of the `tpops:endpoint` settings. Changing it replaces the resource (made on the new platform, then removed from the old). */
  readonly site?: pulumi.Input<string>;
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
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  readonly site?: string;
  /** Waiting limits. */
  readonly timeouts?: Timeouts;
}

/** Output property names of KeyPair (registered as outputs by the resource class). */
export const KeyPairOutputKeys = ["adopt","algorithm","createdAt","description","forceDelete","hostNums","name","publicKey","site","timeouts"] as const;
/** Properties of KeyPair that are Pulumi secrets. */
export const KeyPairSecretOutputs: string[] = [];
/** Inputs of KeyPair that the class wraps in `pulumi.secret` whatever the program passes (schema.json `secret: true`). */
export const KeyPairSecretInputs: string[] = [];

/** Arguments of {@link Privileges}: The privileges of one grantee (a database user or role) on the objects of one scope (reference 4.4.6 and 4.4.18): a database, a schema, tables or views, columns, sequences, functions, procedures or tablespaces. Keyed by `instanceId`, `grantee`, `scope`, `database`, `schema`, `objects` and `columns`: changing any of them replaces the resource (the replacement grants first; the old one's delete then revokes nothing the replacement grants). It owns the privileges in `privileges`: an update revokes those that left the set and grants those that joined it; delete revokes all of them, also ones the grantee already held before the stack granted them (the reference has no API that lists privileges, so the provider cannot tell). Schema, table and sequence privileges are granted with 4.4.18 (users and roles), the other scopes with 4.4.6 (database users). Id `<instanceId>/privileges/<grantee>/<scope>/<12 hex digits of a hash of database, schema, objects and columns>`. One privilege of a grantee on an object has one owner in a stack: a second Privileges resource naming it is refused at preview, and a renamed resource's delete leaves alone what its successor grants. Refresh: since no API lists privileges, `pulumi refresh` and `pulumi preview --refresh` cannot see a privilege revoked or granted out of band, nor a dropped table, column, sequence, function, procedure or tablespace; they see the instance, the database (4.4.12), the schema (4.4.3) or a grantee the user list showed (4.4.13) disappear, and then drop the resource from the state, so the next `up` grants again. To restore privileges revoked out of band, run `pulumi up --replace <the resource's URN>`. `Privileges.get` is not supported: nothing can be read by id. */
export interface PrivilegesArgs {
  /** Columns (4.4.6 `column_name`) of each table in `objects`: required for scope `table_column`, refused for the others. Order and repeats do not matter. Changing it replaces the resource. */
  readonly columns?: pulumi.Input<pulumi.Input<string>[]>;
  /** Database (4.4.6 `database_name`): required for every scope but `tablespace`, refused for `tablespace`. It must exist (4.4.12 lists it, or it is one of the template databases `postgres`, `template0`, `template1`, `templatem`): warned at preview, refused before the first grant. Changing it replaces the resource. */
  readonly database?: pulumi.Input<string>;
  /** The database user or role that holds the privileges (4.4.6 `name`, 4.4.18 `name`). The scopes granted with 4.4.6 (`database`, `table_column`, `function`, `procedure`, `tablespace`) need a database user the instance lists (4.4.13): warned at preview, refused before the first grant. Changing it replaces the resource. */
  readonly grantee: pulumi.Input<string>;
  /** Id of the instance. Changing it replaces the resource. */
  readonly instanceId: pulumi.Input<string>;
  /** The tables or views (scopes `table`, `table_column`), sequences, functions, procedures or tablespaces the privileges are on (4.4.6 `table_name`, `sequence_name`, `function_name`, `procedure_name`, `tablespace_name`): at least one; refused for scopes `database` and `schema`. A function or procedure is `name`, or `name(type, …)` with all its argument types in order (4.4.6 `arg_type`), e.g. `add_order(integer, text)`, kept as `add_order(integer,text)`. Order and repeats do not matter. No API lists these objects, so they are not checked. Changing it replaces the resource. */
  readonly objects?: pulumi.Input<pulumi.Input<string>[]>;
  /** The privileges, from the scope's list (reference 4.4.6; any case, kept in upper case in the reference's order, repeats once): table SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER, ALTER, DROP, COMMENT, INDEX, VACUUM; table_column SELECT, INSERT, UPDATE, REFERENCES, COMMENT; database CREATE, ALTER, DROP, COMMENT; schema CREATE, USAGE, ALTER, DROP, COMMENT; sequence SELECT, UPDATE, USAGE, ALTER, DROP, COMMENT; function and procedure ALTER, DROP, COMMENT; tablespace CREATE, ALTER, DROP, COMMENT. Updates in place: what left the list is revoked, what joined it granted. */
  readonly privileges: pulumi.Input<pulumi.Input<string>[]>;
  /** Schema (4.4.6 `schema_name`): required for scopes `schema`, `table`, `table_column`, `sequence`, `function` and `procedure`, refused for `database` and `tablespace`. It must exist in the database (4.4.3 lists it, or it is `public` or `information_schema`): warned at preview, refused before the first grant. Changing it replaces the resource. */
  readonly schema?: pulumi.Input<string>;
  /** What the privileges are on (reference 4.4.6 `scope`; any case): `database`, `schema`, `table` (tables or views), `table_column`, `sequence`, `function`, `procedure` or `tablespace`. Changing it replaces the resource. */
  readonly scope: pulumi.Input<"database" | "schema" | "table" | "table_column" | "sequence" | "function" | "procedure" | "tablespace">;
  /** Name of the TPOPS platform this resource lives on: a key of `tpops:sites`. Default: the platform of the `tpops:endpoint` settings. Changing it replaces the resource (made on the new platform, then removed from the old). */
  readonly site?: pulumi.Input<string>;
  /** Waiting limits (the calls are synchronous; default 5m each). */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

/** Outputs of Privileges. */
export interface PrivilegesOutputs {
  /** Columns (scope `table_column`). */
  readonly columns?: string[];
  /** Database. */
  readonly database?: string;
  /** The user or role holding the privileges. */
  readonly grantee: string;
  /** Whether the user list (4.4.13) showed the grantee when the privileges were granted; only then does refresh notice the grantee's deletion. */
  readonly granteeListed: boolean;
  /** Instance id. */
  readonly instanceId: string;
  /** The objects the privileges are on, sorted (functions and procedures with their argument types). */
  readonly objects?: string[];
  /** The privileges granted by this resource, as last applied (refresh cannot read them back). */
  readonly privileges: string[];
  /** Schema. */
  readonly schema?: string;
  /** Scope. */
  readonly scope: string;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  readonly site?: string;
  /** Waiting limits. */
  readonly timeouts?: Timeouts;
}

/** Output property names of Privileges (registered as outputs by the resource class). */
export const PrivilegesOutputKeys = ["columns","database","grantee","granteeListed","instanceId","objects","privileges","schema","scope","site","timeouts"] as const;
/** Properties of Privileges that are Pulumi secrets. */
export const PrivilegesSecretOutputs: string[] = [];
/** Inputs of Privileges that the class wraps in `pulumi.secret` whatever the program passes (schema.json `secret: true`). */
export const PrivilegesSecretInputs: string[] = [];

/** Arguments of {@link Schema}: A schema of a database (reference 4.4.2 create, 4.4.3 list); one schema per resource (the API takes up to 20 per request). Every input but `adopt` replaces it. Deleting the resource does not drop the schema: TPOPS 24.1.30 has no API that drops one, so delete only removes it from the stack (forgets it) and warns that it still exists, with the SQL to drop it (`DROP SCHEMA "<name>";`, connected to its database as an administrator or its owner); it also goes away with its database or instance. A replacement that keeps instance, database and name is refused at preview while the old schema exists. A read is one list (4.4.3): the owner shows drift, and a schema that is gone leaves the state. Id: `<instanceId>/databases/<database>/schemas/<name>`. */
export interface SchemaArgs {
  /** Take over an existing schema with the same `name` in the database instead of failing (its owner must match the program); also the schemas every database has, `public` and `information_schema`. Default false. */
  readonly adopt?: pulumi.Input<boolean>;
  /** Name of the database (`Database.name`), by the rule of reference 4.4.2 `db_name`: 1–63 letters, digits or `_`, not starting with `pg` or a digit, not `postgres`, `template0`, `template1` or `templatem`; a database of the instance (checked at preview when the instance is known; a Database of this stack counts). Changing it replaces the schema. */
  readonly database: pulumi.Input<string>;
  /** Id of the instance (`Instance.id`): one the platform has and that is not FAILED (checked at preview when the id is known). Changing it replaces the schema. */
  readonly instanceId: pulumi.Input<string>;
  /** Schema name: 1–63 letters, digits or `_`, not starting with `pg` or a digit, not `postgres`, `template0` or `template` (as reference 4.4.2 prints them), and not an existing schema — `public`, `information_schema` or one the database has (refused at preview unless `adopt`). Default: the Pulumi resource name in lower case with other characters as `_`, plus `_` and 6 hex digits. Changing it replaces the schema. */
  readonly name?: pulumi.Input<string>;
  /** Owner: 1–63 characters, not starting with `pg` or a digit, not a system user (`rdsAdmin`, `rdsMetric`, `rdsBackup`, `rdsRepl`). A user the instance does not have is warned about at preview (reference 4.4.2 does not require an existing one). Changing it replaces the schema. */
  readonly owner: pulumi.Input<string>;
  /** Name of the TPOPS platform this resource lives on: a key of `tpops:sites`. Default: the platform of the `tpops:endpoint` settings. Changing it replaces the resource (made on the new platform, then removed from the old). */
  readonly site?: pulumi.Input<string>;
}

/** Outputs of Schema. */
export interface SchemaOutputs {
  /** Whether the schema was adopted. */
  readonly adopt?: boolean;
  /** Database name. */
  readonly database: string;
  /** Instance id. */
  readonly instanceId: string;
  /** Schema name. */
  readonly name: string;
  /** Owner, as last read. */
  readonly owner: string;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  readonly site?: string;
}

/** Output property names of Schema (registered as outputs by the resource class). */
export const SchemaOutputKeys = ["adopt","database","instanceId","name","owner","site"] as const;
/** Properties of Schema that are Pulumi secrets. */
export const SchemaSecretOutputs: string[] = [];
/** Inputs of Schema that the class wraps in `pulumi.secret` whatever the program passes (schema.json `secret: true`). */
export const SchemaSecretInputs: string[] = [];

/** Arguments of {@link SqlPatch}: A SQL patch: a plan hint pinned to one slow SQL statement on one CN/DN node (reference 4.6.4 create, 4.6.5 query, 4.6.6 open / close / drop). Id `<instanceId>/sql-patches/<nodeId>/<sqlId>`. `enabled` changes in place (4.6.6 open / close); the reference has no call that changes a patch's name or hint, so every other input replaces it (the old patch is dropped first: a node takes one patch per SQL id). Hint rules are checked at preview. Refresh reads the patch back (4.6.5): a patch closed out of band shows as a change of `enabled`, a dropped one is made again by `pulumi up`. */
export interface SqlPatchArgs {
  /** Take over the patch the node already has for `sqlId` instead of failing; `name` (default: the live one) and `hint` must match, `enabled` is set. Default false. */
  readonly adopt?: pulumi.Input<boolean>;
  /** Whether the patch is in force (4.6.4 `enabled`, 4.6.6 open / close). Default true. Changes in place. */
  readonly enabled?: pulumi.Input<boolean>;
  /** The hint, e.g. `indexscan(t1)`: 1–1024 characters, none of blank, `;`, `<`, `>`, `\`, `"`, `{`, `}`, `[`, `]`, `~`, `?`, `!` or a line break (reference 4.6.4). Changing it replaces the patch. */
  readonly hint: pulumi.Input<string>;
  /** Id of the instance. Changing it replaces the patch. */
  readonly instanceId: pulumi.Input<string>;
  /** Patch name (4.6.4 `patch_name`), 1–63 characters, unique on the node. Default: the Pulumi name with `_` for characters other than letters, digits and `_`, `_` and 6 hex digits. Changing it replaces the patch. */
  readonly name?: pulumi.Input<string>;
  /** Id of a CN or DN node of the instance (`Instance` nodes). Changing it replaces the patch. */
  readonly nodeId: pulumi.Input<string>;
  /** Name of the TPOPS platform this resource lives on: a key of `tpops:sites`. Default: the platform of the `tpops:endpoint` settings. Changing it replaces the resource (made on the new platform, then removed from the old). */
  readonly site?: pulumi.Input<string>;
  /** The slow statement's `unique_sql_id` (from the slow-SQL list). Changing it replaces the patch. */
  readonly sqlId: pulumi.Input<string>;
  /** Waiting limits (patch calls are synchronous; default 5m each). */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

/** Outputs of SqlPatch. */
export interface SqlPatchOutputs {
  /** Whether the patch was adopted. */
  readonly adopt?: boolean;
  /** Whether the patch is in force. */
  readonly enabled: boolean;
  /** The hint. */
  readonly hint: string;
  /** Instance id. */
  readonly instanceId: string;
  /** Patch name. */
  readonly name: string;
  /** Node id. */
  readonly nodeId: string;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  readonly site?: string;
  /** The statement's unique SQL id. */
  readonly sqlId: string;
  /** `enabled` or `disabled`, as 4.6.5 answers `patch_status`. */
  readonly status: string;
  /** Waiting limits. */
  readonly timeouts?: Timeouts;
}

/** Output property names of SqlPatch (registered as outputs by the resource class). */
export const SqlPatchOutputKeys = ["adopt","enabled","hint","instanceId","name","nodeId","site","sqlId","status","timeouts"] as const;
/** Properties of SqlPatch that are Pulumi secrets. */
export const SqlPatchSecretOutputs: string[] = [];
/** Inputs of SqlPatch that the class wraps in `pulumi.secret` whatever the program passes (schema.json `secret: true`). */
export const SqlPatchSecretInputs: string[] = [];

/** Arguments of {@link SqlThrottlingTask}: A SQL throttling task of an instance (reference 4.7.1 create, 4.7.2 delete, 4.7.3 list): at most `parallelSize` concurrent statements of one SQL template (`SQL_ID`), of one statement type with keywords (`SQL_TYPE`), or sessions while CPU or memory is above a threshold (`SESSION_ACTIVE_MAX_COUNT`). Id `<instanceId>/sql-throttling-tasks/<taskId>`. The reference has no call that changes a task: every input but `adopt` and `timeouts` replaces it (the old task is deleted first). Every rule of 4.7.1 is checked at preview, the window's "not in the past" only when a task is to be made. An expired task (status `TIME_OVER`, its `endTime` passed) is no drift: it stays on the platform, refresh keeps it with `expired: true` and warns that it no longer throttles; move `startTime`/`endTime` to throttle again (a new task). A task deleted out of band (or listed `DELETED`) is dropped by refresh and made again by `pulumi up`. */
export interface SqlThrottlingTaskArgs {
  /** Take over an existing task with the same `name` (4.7.3) instead of making one; its fields must match the program (none changes in place). Default false. */
  readonly adopt?: pulumi.Input<boolean>;
  /** CPU utilisation threshold in percent, 0–99: `SESSION_ACTIVE_MAX_COUNT` only, and required there; not 0 together with `memoryUtilization` (0 means: not limited by CPU). Changing it replaces the task. */
  readonly cpuUtilization?: pulumi.Input<number>;
  /** Databases the task applies to (sent comma-joined): required for `SQL_TYPE`, optional otherwise. Changing it replaces the task. */
  readonly databases?: pulumi.Input<pulumi.Input<string>[]>;
  /** End of the window, `yyyy-mm-ddThh:mm:ssZ` or `yyyy-mm-ddThh:mm:ss+hhmm`, after `startTime`: required for scope `SQL`. Changing it replaces the task. */
  readonly endTime?: pulumi.Input<string>;
  /** Id of the instance. Changing it replaces the task. */
  readonly instanceId: pulumi.Input<string>;
  /** Keywords of a `SQL_TYPE` task (required there, ignored with a warning otherwise): 2–100 keywords of 2–64 characters, none with `"`, `\`, `{`, `}`, `,` or a blank inside (blanks around one are dropped). Changing it replaces the task. */
  readonly keyWords?: pulumi.Input<pulumi.Input<string>[]>;
  /** `SQL_ID` or `SQL_TYPE` (scope `SQL`), `SESSION_ACTIVE_MAX_COUNT` (scope `SESSION`); any case. Changing it replaces the task. */
  readonly limitType: pulumi.Input<string>;
  /** `SQL_ID`: the template's SQL id (`getSqlTemplates`); `SQL_TYPE`: `select`, `update`, `insert`, `delete` or `merge`; `SESSION_ACTIVE_MAX_COUNT`: `CPU_OR_MEMORY` (any case for the last two). Changing it replaces the task. */
  readonly limitTypeValue: pulumi.Input<string>;
  /** Memory utilisation threshold in percent, 0–99: `SESSION_ACTIVE_MAX_COUNT` only, and required there; not 0 together with `cpuUtilization`. Changing it replaces the task. */
  readonly memoryUtilization?: pulumi.Input<number>;
  /** Task name (4.7.1 `task_name`): letters, digits, `_` and `$`. Default: the Pulumi name with `_` for other characters, `_` and 6 hex digits. Task names need not be unique on the platform. Changing it replaces the task. */
  readonly name?: pulumi.Input<string>;
  /** CN nodes of a `SQL_ID` task (required there, ignored with a warning otherwise), each with `sqlId` equal to `limitTypeValue`. Changing it replaces the task. */
  readonly nodeInfos?: pulumi.Input<pulumi.Input<SqlThrottlingNodeArgs>[]>;
  /** Concurrency allowed, 0–2147483647. Changing it replaces the task. */
  readonly parallelSize: pulumi.Input<number>;
  /** Name of the TPOPS platform this resource lives on: a key of `tpops:sites`. Default: the platform of the `tpops:endpoint` settings. Changing it replaces the resource (made on the new platform, then removed from the old). */
  readonly site?: pulumi.Input<string>;
  /** The SQL template a CN node ran (`getSqlTemplates`): required for `SQL_ID`, ignored with a warning otherwise. Changing it replaces the task. */
  readonly sqlModel?: pulumi.Input<string>;
  /** Start of the window (UTC instant), `yyyy-mm-ddThh:mm:ssZ` or `yyyy-mm-ddThh:mm:ss+hhmm`: required for scope `SQL`, optional for `SESSION`; no earlier than two minutes before now when the task is made. Changing it replaces the task. */
  readonly startTime?: pulumi.Input<string>;
  /** `SQL` or `SESSION`, any case. Changing it replaces the task. */
  readonly taskScope: pulumi.Input<string>;
  /** Waiting limits (a new task is set up in seconds; default 5m each). */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

/** Outputs of SqlThrottlingTask. */
export interface SqlThrottlingTaskOutputs {
  /** Whether the task was adopted. */
  readonly adopt?: boolean;
  /** CPU threshold (SESSION_ACTIVE_MAX_COUNT). */
  readonly cpuUtilization?: number;
  /** When the platform made the task. */
  readonly created?: string;
  /** TPOPS user who made the task. */
  readonly creator?: string;
  /** Databases. */
  readonly databases?: string[];
  /** End of the window. */
  readonly endTime?: string;
  /** True once the window is over (status `TIME_OVER`): the task no longer throttles. */
  readonly expired: boolean;
  /** Instance id. */
  readonly instanceId: string;
  /** Keywords (SQL_TYPE). */
  readonly keyWords?: string[];
  /** Limit type. */
  readonly limitType: string;
  /** Limit type value. */
  readonly limitTypeValue: string;
  /** Memory threshold (SESSION_ACTIVE_MAX_COUNT). */
  readonly memoryUtilization?: number;
  /** Task name. */
  readonly name: string;
  /** CN nodes (SQL_ID). */
  readonly nodeInfos?: SqlThrottlingNode[];
  /** Concurrency allowed. */
  readonly parallelSize: number;
  /** The platform's rule name. */
  readonly ruleName?: string;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  readonly site?: string;
  /** SQL template (SQL_ID). */
  readonly sqlModel?: string;
  /** Start of the window. */
  readonly startTime?: string;
  /** Task status when last read (4.7.1 table 4-276), e.g. `WAIT_EXCUTE`, `EXCUTING`, `TIME_OVER` (spelled as the platform does). */
  readonly status: string;
  /** The platform's task id. */
  readonly taskId: string;
  /** Task scope. */
  readonly taskScope: string;
  /** Waiting limits. */
  readonly timeouts?: Timeouts;
}

/** Output property names of SqlThrottlingTask (registered as outputs by the resource class). */
export const SqlThrottlingTaskOutputKeys = ["adopt","cpuUtilization","created","creator","databases","endTime","expired","instanceId","keyWords","limitType","limitTypeValue","memoryUtilization","name","nodeInfos","parallelSize","ruleName","site","sqlModel","startTime","status","taskId","taskScope","timeouts"] as const;
/** Properties of SqlThrottlingTask that are Pulumi secrets. */
export const SqlThrottlingTaskSecretOutputs: string[] = [];
/** Inputs of SqlThrottlingTask that the class wraps in `pulumi.secret` whatever the program passes (schema.json `secret: true`). */
export const SqlThrottlingTaskSecretInputs: string[] = [];

/** Arguments of {@link WdrSnapshots}: The WDR snapshot switch of an instance (reference 4.5.8 "打开或者关闭 WDR 快照开关,开启后内核将定期生成快照", read through 4.5.7). A settings resource: an instance has one switch, so a stack holds one WdrSnapshots per instance (a second one for the same instance id is refused at preview). Create records the switch as it was (`originalEnabled`; a warning says so when someone had turned it on by hand) and sets `enabled`; delete turns it back to that state. Refresh sees the switch flipped out of band; `pulumi up` sets it again. The switch is a kernel setting: the instance must be idle, running and not failed when it changes. Id `<instanceId>/wdr-snapshots`. */
export interface WdrSnapshotsArgs {
  /** Whether the kernel takes WDR snapshots (4.5.8 `status` ON / OFF). Default true. Updates in place. */
  readonly enabled?: pulumi.Input<boolean>;
  /** Id of the instance. Changing it replaces the resource. */
  readonly instanceId: pulumi.Input<string>;
  /** Name of the TPOPS platform this resource lives on: a key of `tpops:sites`. Default: the platform of the `tpops:endpoint` settings. Changing it replaces the resource (made on the new platform, then removed from the old). */
  readonly site?: pulumi.Input<string>;
  /** Waiting limits (the calls are synchronous; default 5m each). */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

/** Outputs of WdrSnapshots. */
export interface WdrSnapshotsOutputs {
  /** Whether the switch is ON, as last read (4.5.7 `status`). */
  readonly enabled: boolean;
  /** Time of the earliest snapshot the kernel generated (4.5.7 `start_time`, e.g. `2023-07-24 18:38:10.119531+08`); absent while there is none. */
  readonly firstSnapshotTime?: string;
  /** Instance id. */
  readonly instanceId: string;
  /** Whether the switch was ON before this resource first set it; restored on delete. */
  readonly originalEnabled: boolean;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  readonly site?: string;
  /** Waiting limits. */
  readonly timeouts?: Timeouts;
}

/** Output property names of WdrSnapshots (registered as outputs by the resource class). */
export const WdrSnapshotsOutputKeys = ["enabled","firstSnapshotTime","instanceId","originalEnabled","site","timeouts"] as const;
/** Properties of WdrSnapshots that are Pulumi secrets. */
export const WdrSnapshotsSecretOutputs: string[] = [];
/** Inputs of WdrSnapshots that the class wraps in `pulumi.secret` whatever the program passes (schema.json `secret: true`). */
export const WdrSnapshotsSecretInputs: string[] = [];

/** Arguments of {@link getBackupSource}. */
export interface GetBackupSourceArgs {
  /** A backup of the instance. */
  readonly backupId?: string;
  /** Id of the source instance. */
  readonly instanceId: string;
  /** A point in time: ISO 8601 with a zone, or UNIX epoch milliseconds. */
  readonly restoreTime?: string;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: string;
}

/** Arguments of {@link getBackupSourceOutput} (each may be an Output). */
export interface GetBackupSourceOutputArgs {
  /** A backup of the instance. */
  readonly backupId?: pulumi.Input<string>;
  /** Id of the source instance. */
  readonly instanceId: pulumi.Input<string>;
  /** A point in time: ISO 8601 with a zone, or UNIX epoch milliseconds. */
  readonly restoreTime?: pulumi.Input<string>;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: pulumi.Input<string>;
}

/** What {@link getBackupSource} returns. */
export interface GetBackupSourceResult {
  /** `Ha` (centralized) or `Combined` (distributed). */
  readonly clusterMode?: string;
  /** Coordinator nodes. */
  readonly coordinatorNum?: number;
  /** Disk size in GB. */
  readonly dataVolumeSize?: string;
  /** Engine version: the version a restore gets. */
  readonly engineVersion?: string;
  /** Instance model, `enterprise`. */
  readonly instanceMode?: string;
  /** Nodes. */
  readonly nodeNum?: number;
  /** Replicas. */
  readonly replicaNum?: number;
  /** Shards. */
  readonly shardingNum?: number;
  /** Solution, e.g. `triset`. */
  readonly solution?: string;
}

/** Arguments of {@link getBackups}. */
export interface GetBackupsArgs {
  /** Only this backup. */
  readonly backupId?: string;
  /** Only this type: `auto`, `manual`, `Snapshot_Xbsa`, `Log_Xbsa`, `OffSite_Snapshot_Xbsa`, `OffSite_Log_Xbsa`, `auto_database_table` or `manual_database_table`. */
  readonly backupType?: string;
  /** Only backups that began at or after this ISO 8601 time (with a zone); needs `endTime`. */
  readonly beginTime?: string;
  /** Only backups that began at or before this ISO 8601 time, later than `beginTime`; needs `beginTime`. */
  readonly endTime?: string;
  /** Only backups of this instance. */
  readonly instanceId?: string;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: string;
}

/** Arguments of {@link getBackupsOutput} (each may be an Output). */
export interface GetBackupsOutputArgs {
  /** Only this backup. */
  readonly backupId?: pulumi.Input<string>;
  /** Only this type: `auto`, `manual`, `Snapshot_Xbsa`, `Log_Xbsa`, `OffSite_Snapshot_Xbsa`, `OffSite_Log_Xbsa`, `auto_database_table` or `manual_database_table`. */
  readonly backupType?: pulumi.Input<string>;
  /** Only backups that began at or after this ISO 8601 time (with a zone); needs `endTime`. */
  readonly beginTime?: pulumi.Input<string>;
  /** Only backups that began at or before this ISO 8601 time, later than `beginTime`; needs `beginTime`. */
  readonly endTime?: pulumi.Input<string>;
  /** Only backups of this instance. */
  readonly instanceId?: pulumi.Input<string>;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: pulumi.Input<string>;
}

/** What {@link getBackups} returns. */
export interface GetBackupsResult {
  /** The backups, newest first. */
  readonly backups: BackupInfo[];
}

/** Arguments of {@link getDataCenters}. */
export interface GetDataCentersArgs {
  /** Only the data center with this id. */
  readonly id?: string;
  /** Only data centers with this name (reference 4.9.9 "按照机房别名查询"). */
  readonly name?: string;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: string;
  /** Order by `name` or `hosts_num` (reference 4.9.9 `sort_key`). Default: the platform's order. */
  readonly sortKey?: string;
  /** `asc` or `desc` (reference 4.9.9 `sort_order`). */
  readonly sortOrder?: string;
}

/** Arguments of {@link getDataCentersOutput} (each may be an Output). */
export interface GetDataCentersOutputArgs {
  /** Only the data center with this id. */
  readonly id?: pulumi.Input<string>;
  /** Only data centers with this name (reference 4.9.9 "按照机房别名查询"). */
  readonly name?: pulumi.Input<string>;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: pulumi.Input<string>;
  /** Order by `name` or `hosts_num` (reference 4.9.9 `sort_key`). Default: the platform's order. */
  readonly sortKey?: pulumi.Input<string>;
  /** `asc` or `desc` (reference 4.9.9 `sort_order`). */
  readonly sortOrder?: pulumi.Input<string>;
}

/** What {@link getDataCenters} returns. */
export interface GetDataCentersResult {
  /** The data centers, in the order asked for. */
  readonly dataCenters: ListedDataCenter[];
}

/** Arguments of {@link getDifferentialBackups}. */
export interface GetDifferentialBackupsArgs {
  /** ISO 8601 time with a zone. Default: 24 hours ago. */
  readonly beginTime?: string;
  /** ISO 8601 time with a zone, later than `beginTime`. Default: now. */
  readonly endTime?: string;
  /** Id of the instance. */
  readonly instanceId: string;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: string;
}

/** Arguments of {@link getDifferentialBackupsOutput} (each may be an Output). */
export interface GetDifferentialBackupsOutputArgs {
  /** ISO 8601 time with a zone. Default: 24 hours ago. */
  readonly beginTime?: pulumi.Input<string>;
  /** ISO 8601 time with a zone, later than `beginTime`. Default: now. */
  readonly endTime?: pulumi.Input<string>;
  /** Id of the instance. */
  readonly instanceId: pulumi.Input<string>;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: pulumi.Input<string>;
}

/** What {@link getDifferentialBackups} returns. */
export interface GetDifferentialBackupsResult {
  /** The differential backups, newest first. */
  readonly backups: BackupInfo[];
}

/** Arguments of {@link getEngineVersions}. */
export interface GetEngineVersionsArgs {
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: string;
}

/** Arguments of {@link getEngineVersionsOutput} (each may be an Output). */
export interface GetEngineVersionsOutputArgs {
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: pulumi.Input<string>;
}

/** What {@link getEngineVersions} returns. */
export interface GetEngineVersionsResult {
  /** The newest version (what an `Instance` without `engineVersion` gets). Absent when the platform offers none. */
  readonly latest?: string;
  /** Every version, oldest first (compared number by number: `3.103.0` before `3.200.0`). */
  readonly versions: string[];
}

/** Arguments of {@link getHostSpecifications}. */
export interface GetHostSpecificationsArgs {
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: string;
}

/** Arguments of {@link getHostSpecificationsOutput} (each may be an Output). */
export interface GetHostSpecificationsOutputArgs {
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: pulumi.Input<string>;
}

/** What {@link getHostSpecifications} returns. */
export interface GetHostSpecificationsResult {
  /** CPU vendors (`Host.cpuSpec`), e.g. `intel`, `kunpeng`, `hygon`. */
  readonly cpuSpecs: string[];
  /** Operating systems (`Host.osType`), e.g. `kylin`, `uniontech`. */
  readonly osTypes: string[];
  /** Storage types (`Host.storageType`), e.g. `localssd`, `dorado`. */
  readonly storageTypes: string[];
  /** Host types (`Host.type`), e.g. `BMS`, `CONTAINER`. */
  readonly types: string[];
}

/** Arguments of {@link getHosts}. */
export interface GetHostsArgs {
  /** Only hosts of this data center (reference 4.9.1 `data_center_id`). */
  readonly dataCenterId?: string;
  /** Only the host with this id. */
  readonly id?: string;
  /** Only hosts with this name (reference 4.9.1 "按照主机别名查询"). */
  readonly name?: string;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: string;
  /** Order by `name`, `type` or `status` (reference 4.9.1 `sort_key`). Default: the platform's order. */
  readonly sortKey?: string;
  /** `asc` or `desc` (reference 4.9.1 `sort_order`). */
  readonly sortOrder?: string;
  /** Only hosts in this status: `initializing`, `initialized` (free), `initialize_failed`, `unmanaged`, `in_use`, `deleting` or `delete_failed` (reference 4.9.1). */
  readonly status?: string;
  /** Only hosts of this type, e.g. `BMS` (the types `getHostSpecifications` lists). */
  readonly type?: string;
}

/** Arguments of {@link getHostsOutput} (each may be an Output). */
export interface GetHostsOutputArgs {
  /** Only hosts of this data center (reference 4.9.1 `data_center_id`). */
  readonly dataCenterId?: pulumi.Input<string>;
  /** Only the host with this id. */
  readonly id?: pulumi.Input<string>;
  /** Only hosts with this name (reference 4.9.1 "按照主机别名查询"). */
  readonly name?: pulumi.Input<string>;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: pulumi.Input<string>;
  /** Order by `name`, `type` or `status` (reference 4.9.1 `sort_key`). Default: the platform's order. */
  readonly sortKey?: pulumi.Input<string>;
  /** `asc` or `desc` (reference 4.9.1 `sort_order`). */
  readonly sortOrder?: pulumi.Input<string>;
  /** Only hosts in this status: `initializing`, `initialized` (free), `initialize_failed`, `unmanaged`, `in_use`, `deleting` or `delete_failed` (reference 4.9.1). */
  readonly status?: pulumi.Input<string>;
  /** Only hosts of this type, e.g. `BMS` (the types `getHostSpecifications` lists). */
  readonly type?: pulumi.Input<string>;
}

/** What {@link getHosts} returns. */
export interface GetHostsResult {
  /** The hosts, in the order asked for. */
  readonly hosts: ListedHost[];
}

/** Arguments of {@link getInspectionItems}. */
export interface GetInspectionItemsArgs {
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: string;
}

/** Arguments of {@link getInspectionItemsOutput} (each may be an Output). */
export interface GetInspectionItemsOutputArgs {
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: pulumi.Input<string>;
}

/** What {@link getInspectionItems} returns. */
export interface GetInspectionItemsResult {
  /** Every item, category by category in the platform's order. */
  readonly items: InspectionItem[];
}

/** Arguments of {@link getInstances}. */
export interface GetInstancesArgs {
  /** Only instances of this engine: `GaussDB` (case-sensitive, reference 4.11.8 `datastore_type`). */
  readonly datastoreType?: string;
  /** Only the instance with this id; `*text` matches the ids containing `text` (reference 4.11.8: a leading `*` asks for a fuzzy match; `*` alone is refused). */
  readonly id?: string;
  /** Only the instance with this name; `*text` matches the names containing `text` (reference 4.11.8, as for `id`). */
  readonly name?: string;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: string;
  /** Only `Enterprise` (distributed) or `Ha` (primary/standby) instances (case-sensitive, reference 4.11.8 `type`). */
  readonly type?: string;
}

/** Arguments of {@link getInstancesOutput} (each may be an Output). */
export interface GetInstancesOutputArgs {
  /** Only instances of this engine: `GaussDB` (case-sensitive, reference 4.11.8 `datastore_type`). */
  readonly datastoreType?: pulumi.Input<string>;
  /** Only the instance with this id; `*text` matches the ids containing `text` (reference 4.11.8: a leading `*` asks for a fuzzy match; `*` alone is refused). */
  readonly id?: pulumi.Input<string>;
  /** Only the instance with this name; `*text` matches the names containing `text` (reference 4.11.8, as for `id`). */
  readonly name?: pulumi.Input<string>;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: pulumi.Input<string>;
  /** Only `Enterprise` (distributed) or `Ha` (primary/standby) instances (case-sensitive, reference 4.11.8 `type`). */
  readonly type?: pulumi.Input<string>;
}

/** What {@link getInstances} returns. */
export interface GetInstancesResult {
  /** The instances, in the platform's order. */
  readonly instances: ListedInstance[];
}

/** Arguments of {@link getKeyPairs}. */
export interface GetKeyPairsArgs {
  /** Only key pairs with this description (reference 4.8.2 "按照私钥描述查找"). */
  readonly description?: string;
  /** Only the key pair with this id. */
  readonly id?: string;
  /** Only key pairs with this name. */
  readonly name?: string;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: string;
}

/** Arguments of {@link getKeyPairsOutput} (each may be an Output). */
export interface GetKeyPairsOutputArgs {
  /** Only key pairs with this description (reference 4.8.2 "按照私钥描述查找"). */
  readonly description?: pulumi.Input<string>;
  /** Only the key pair with this id. */
  readonly id?: pulumi.Input<string>;
  /** Only key pairs with this name. */
  readonly name?: pulumi.Input<string>;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: pulumi.Input<string>;
}

/** What {@link getKeyPairs} returns. */
export interface GetKeyPairsResult {
  /** The key pairs, in the platform's order. */
  readonly keyPairs: ListedKeyPair[];
}

/** Arguments of {@link getParameterTemplate}. */
export interface GetParameterTemplateArgs {
  /** Id of the instance. */
  readonly instanceId: string;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: string;
}

/** Arguments of {@link getParameterTemplateOutput} (each may be an Output). */
export interface GetParameterTemplateOutputArgs {
  /** Id of the instance. */
  readonly instanceId: pulumi.Input<string>;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: pulumi.Input<string>;
}

/** What {@link getParameterTemplate} returns. */
export interface GetParameterTemplateResult {
  /** When the template was made: ISO 8601 local time of the platform (4.3.1 `created` "yyyy-MM-dd HH:mm:ss" carries no zone). */
  readonly created?: string;
  /** Engine name, e.g. `GaussDB` (`datastore_name`). */
  readonly engineName?: string;
  /** Engine version of the template (`datastore_version`). */
  readonly engineVersion?: string;
  /** Every parameter, in the platform's order. */
  readonly parameters: TemplateParameter[];
  /** When the template last changed, as `created`. */
  readonly updated?: string;
}

/** Arguments of {@link getRestorableInstances}. */
export interface GetRestorableInstancesArgs {
  /** A backup of the source instance. */
  readonly backupId?: string;
  /** A point in time: ISO 8601 with a zone, or UNIX epoch milliseconds. */
  readonly restoreTime?: string;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: string;
  /** Id of the source instance. */
  readonly sourceInstanceId: string;
}

/** Arguments of {@link getRestorableInstancesOutput} (each may be an Output). */
export interface GetRestorableInstancesOutputArgs {
  /** A backup of the source instance. */
  readonly backupId?: pulumi.Input<string>;
  /** A point in time: ISO 8601 with a zone, or UNIX epoch milliseconds. */
  readonly restoreTime?: pulumi.Input<string>;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: pulumi.Input<string>;
  /** Id of the source instance. */
  readonly sourceInstanceId: pulumi.Input<string>;
}

/** What {@link getRestorableInstances} returns. */
export interface GetRestorableInstancesResult {
  /** The instances. */
  readonly instances: RestorableInstance[];
}

/** Arguments of {@link getRestoreTimes}. */
export interface GetRestoreTimesArgs {
  /** UTC date `yyyy-mm-dd`. Default: today (UTC). */
  readonly date?: string;
  /** Id of the instance. */
  readonly instanceId: string;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: string;
}

/** Arguments of {@link getRestoreTimesOutput} (each may be an Output). */
export interface GetRestoreTimesOutputArgs {
  /** UTC date `yyyy-mm-dd`. Default: today (UTC). */
  readonly date?: pulumi.Input<string>;
  /** Id of the instance. */
  readonly instanceId: pulumi.Input<string>;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: pulumi.Input<string>;
}

/** What {@link getRestoreTimes} returns. */
export interface GetRestoreTimesResult {
  /** Restorable periods, earliest first. */
  readonly periods: RestorePeriod[];
}

/** Arguments of {@link getSqlTemplates}. */
export interface GetSqlTemplatesArgs {
  /** Id of the instance. */
  readonly instanceId: string;
  /** Id of a node of the instance. */
  readonly nodeId: string;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: string;
  /** Only templates containing this text: letters, digits, blanks and `_$*?=+;()><,."` (reference 4.7.4). */
  readonly sqlModel?: string;
}

/** Arguments of {@link getSqlTemplatesOutput} (each may be an Output). */
export interface GetSqlTemplatesOutputArgs {
  /** Id of the instance. */
  readonly instanceId: pulumi.Input<string>;
  /** Id of a node of the instance. */
  readonly nodeId: pulumi.Input<string>;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: pulumi.Input<string>;
  /** Only templates containing this text: letters, digits, blanks and `_$*?=+;()><,."` (reference 4.7.4). */
  readonly sqlModel?: pulumi.Input<string>;
}

/** What {@link getSqlTemplates} returns. */
export interface GetSqlTemplatesResult {
  /** The templates, in the platform's order. */
  readonly templates: SqlTemplate[];
}

/** Arguments of {@link getUpgradeCandidates}. */
export interface GetUpgradeCandidatesArgs {
  /** Id of the instance. */
  readonly instanceId: string;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: string;
}

/** Arguments of {@link getUpgradeCandidatesOutput} (each may be an Output). */
export interface GetUpgradeCandidatesOutputArgs {
  /** Id of the instance. */
  readonly instanceId: pulumi.Input<string>;
  /** The site to read (a key of `tpops:sites`). Default: the `tpops:endpoint` platform. */
  readonly site?: pulumi.Input<string>;
}

/** What {@link getUpgradeCandidates} returns. */
export interface GetUpgradeCandidatesResult {
  /** Availability zone id → its description (4.11.17 `az_description_map`). */
  readonly azDescriptions: Record<string, string>;
  /** Hotfix versions that can be rolled back (`hotfix_rollback_candidate_versions`). */
  readonly hotfixRollbackVersions: string[];
  /** Hotfix versions the instance can take (`hotfix_upgrade_candidate_versions`). */
  readonly hotfixVersions: string[];
  /** Availability zones not yet upgraded by a grey upgrade (`not_fully_upgraded_az`). */
  readonly notUpgradedAzs: string[];
  /** Whether the upgrade in progress can be rolled back (`rollback_enabled`). */
  readonly rollbackEnabled: boolean;
  /** The version the instance runs (`source_version`). */
  readonly sourceVersion?: string;
  /** The version a grey upgrade in progress goes to (`target_version`); absent when none is. */
  readonly targetVersion?: string;
  /** Upgrade types (`grey`, `hotfix`, `inplace`) and their actions, each with whether it is allowed now. */
  readonly upgradeTypes: UpgradeType[];
  /** Availability zones a grey upgrade has upgraded (`already_upgraded_az`). */
  readonly upgradedAzs: string[];
  /** Versions the instance can be upgraded to (`upgrade_candidate_versions`), oldest first. */
  readonly versions: string[];
}
