import { z } from "zod";
import { privilegeOperations } from "./operations-privileges";
import { databaseOperations } from "./operations-database";
import { accountOperations } from "./operations-accounts";
import { inspectionOperations } from "./operations-ops-inspection";
import { sqlOperations } from "./operations-ops-sql";
import { instanceSwitchOperations } from "./operations-ops-instance";
import { backupOperations } from "./operations-backup";
import { takeoverOperations } from "./operations-takeover";
import { drOperations } from "./operations-dr";

/** HTTP methods the TPOPS API uses (reference table 3-2). */
export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/** Names of the `{param}` placeholders in a path template. */
export type PathParamNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | PathParamNames<Rest> : never;

/** One API operation: everything the client needs to call it and trust its answer. */
export interface Operation<Path extends string = string, Query = undefined, Body = undefined, Res = unknown> {
  /** Stable id used in errors and logs, e.g. `jobs.get`. */
  readonly id: string;
  /** Section of the API reference that defines the operation. */
  readonly ref: string;
  readonly method: HttpMethod;
  /** Path after the `/rds` base, with `{param}` placeholders. */
  readonly path: Path;
  /** Whether a replay after the server acted is harmless; decides retries on 5xx and lost connections. */
  readonly idempotent: boolean;
  /** False only for login (reference 4.1.1 is the one call without `X-Mini-Token`). */
  readonly auth: boolean;
  /** `text` for file downloads; `json` otherwise (empty and non-JSON bodies pass through as text). */
  readonly responseType: "json" | "text";
  /** Headers that carry the token; `X-Mini-Token` everywhere (reference 3.2). */
  readonly tokenHeaders: readonly string[];
  /** Schema of the 2xx response: loose objects, requiring only the fields the provider relies on. */
  readonly response: z.ZodType<Res>;
  /** Compile-time only: query and body types. */
  readonly types?: { readonly query: Query; readonly body: Body };
}

/** An operation whose response is one page of an offset/limit list. */
export interface PagedOperation<Path extends string, Query extends PageQuery, Body, Res, Item> extends Operation<Path, Query, Body, Res> {
  readonly page: {
    /** Largest `limit` the reference allows for this list. */
    readonly maxLimit: number;
    readonly items: (res: Res) => readonly Item[];
    readonly total: (res: Res) => number | undefined;
  };
}

/** Query parameters shared by every paged list. */
export interface PageQuery {
  offset?: number;
  limit?: number;
}

/** Parameters of `client.call(op, params)`: path params, query, body and an abort signal. */
export type CallParams<Path extends string, Query, Body> = ([PathParamNames<Path>] extends [never]
  ? { path?: undefined }
  : { path: Record<PathParamNames<Path>, string> }) &
  ([Query] extends [undefined] ? { query?: undefined } : { query?: Query }) &
  ([Body] extends [undefined] ? { body?: undefined } : { body: Body }) & {
    /** Aborts the call, its retries and backoff sleeps. */
    signal?: AbortSignal | undefined;
  };

/** Makes the params argument optional when nothing in it is required. */
export type ParamsArg<P> = {} extends P ? [params?: P] : [params: P];

// ---- schema helpers: lenient about representation, strict about presence of what we use ----

/** A string that the platform sometimes sends as a number (ports, versions, sizes). */
const text = () => z.union([z.string(), z.number()]).transform(String);
/** An integer that the platform sometimes sends as a numeric string. */
const int = () =>
  z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/, "expected a number")]).transform((v) => Number(v));
/** A boolean that the platform sometimes sends as "true"/"false". */
const bool = () =>
  z.union([z.boolean(), z.enum(["true", "false", "True", "False"])]).transform((v) => (typeof v === "boolean" ? v : v.toLowerCase() === "true"));
const opt = <T extends z.ZodType>(t: T) => t.nullish();
/** Responses whose body the provider does not read (200/204 with no or free-text body). */
/** The response of a call that answers no body. */
export const noBody = z.unknown();
const jobRef = z.looseObject({ job_id: z.string() });

// ---- shapes ----

/** Login response body (4.1.1); the token itself is read from the `X-Mini-Token` header or `x_mini_token`. */
export const LoginResponse = z.looseObject({
  x_mini_token: opt(z.string()),
  session_timeout: opt(int()),
  user_id: opt(z.string()),
});

/** Job detail (4.17.1 table 4-660). */
export const Job = z.looseObject({
  id: z.string(),
  status: z.string(),
  name: opt(z.string()),
  progress: opt(text()),
  instance_id: opt(z.string()),
  fail_reason: opt(z.string()),
  created: opt(int()),
  ended: opt(int()),
});
/** Job detail (4.17.1). */
export type Job = z.output<typeof Job>;

/** Data center (4.9.9 table 4-358). */
export const DataCenter = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: opt(z.string()),
  hosts_num: opt(int()),
});
/** Data center (4.9.9). */
export type DataCenter = z.output<typeof DataCenter>;

/** Key pair (4.8.2 table 4-301). */
export const KeyPair = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: opt(z.string()),
  created_at: opt(z.string()),
  host_nums: opt(int()),
});
/** Key pair (4.8.2). */
export type KeyPair = z.output<typeof KeyPair>;

/** Host (4.9.1 table 4-312). */
export const Host = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  description: opt(z.string()),
  type: opt(z.string()),
  ssh_port: opt(int()),
  data_center: opt(z.string()),
  data_center_id: opt(z.string()),
  os: opt(z.looseObject({ os_type: opt(z.string()), os_version: opt(z.string()), os_arch: opt(z.string()) })),
  spec: opt(
    z.looseObject({
      vcpus: opt(text()),
      cpu_spec: opt(z.string()),
      mem: opt(text()),
      root_disk_size: opt(text()),
      data_disk_size: opt(text()),
      storage_type: opt(z.string()),
    }),
  ),
  ip: z.looseObject({
    manage_ip: z.string(),
    data_ip: opt(z.string()),
    virtual_ip: opt(z.string()),
    float_ip: opt(z.string()),
  }),
  instance_id: opt(z.string()),
  instance_name: opt(z.string()),
  node_id: opt(z.string()),
  created_at: opt(z.string()),
  updated_at: opt(z.string()),
  job_id: opt(z.string()),
  async_task_error: opt(z.looseObject({ error_code: opt(z.string()), error_msg: opt(z.string()) })),
  ssh_key_id: opt(z.string()),
});
/** Host (4.9.1). */
export type Host = z.output<typeof Host>;

const HostRef = z.looseObject({ id: z.string(), manage_ip: z.string() });

/** Instance node (4.11.8 table 4-525). */
export const InstanceNode = z.looseObject({
  id: z.string(),
  name: opt(z.string()),
  hostname: opt(z.string()),
  role: opt(z.string()),
  status: opt(z.string()),
  availability_zone: opt(z.string()),
  private_ip: opt(z.string()),
  data_ip: opt(z.string()),
  management_ip: opt(z.string()),
});
/** Instance node (4.11.8). */
export type InstanceNode = z.output<typeof InstanceNode>;

/** Instance as listed (4.11.8 table 4-519). */
export const Instance = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  port: opt(int()),
  type: opt(z.string()),
  ha: opt(
    z.looseObject({
      mode: opt(z.string()),
      consistency: opt(z.string()),
      replication_mode: opt(z.string()),
      consistency_protocol: opt(z.string()),
    }),
  ),
  replica_num: opt(int()),
  datastore: opt(z.looseObject({ type: opt(z.string()), version: opt(text()) })),
  created: opt(z.string()),
  updated: opt(z.string()),
  db_user_name: opt(z.string()),
  flavor_ref: opt(z.string()),
  flavor_info: opt(z.looseObject({ vcpu: opt(int()), mem: opt(int()) })),
  volume: opt(z.looseObject({ type: opt(z.string()), size: opt(int()) })),
  backup_strategy: opt(z.looseObject({ start_time: opt(z.string()), keep_days: opt(int()) })),
  nodes: opt(z.array(InstanceNode)),
  private_ips: opt(z.array(z.string())),
  instance_mode: opt(z.string()),
  time_zone: opt(z.string()),
  solution: opt(z.string()),
});
/** Instance as listed (4.11.8). */
export type Instance = z.output<typeof Instance>;

/** Automatic backup policy (4.2.5 table 4-24). */
export const BackupPolicy = z.looseObject({
  keep_days: int(),
  start_time: opt(z.string()),
  period: opt(text()),
  differential_period: opt(text()),
  rate_limit: opt(int()),
  prefetch_block: opt(int()),
  file_split_size: opt(int()),
  enable_standby_backup: opt(bool()),
});
/** Automatic backup policy (4.2.5). */
export type BackupPolicy = z.output<typeof BackupPolicy>;

/** Backup extension configuration (4.2.6 table 4-27). */
export const BackupConfig = z.looseObject({
  rate_limit: opt(int()),
  prefetch_block: opt(int()),
  enable_standby_backup: opt(bool()),
  close_compression: opt(bool()),
});
/** Backup extension configuration (4.2.6). */
export type BackupConfig = z.output<typeof BackupConfig>;

/** Instance parameter (4.3.1 table 4-83). */
export const ConfigurationParameter = z.looseObject({
  name: z.string(),
  value: opt(text()),
  restart_required: opt(bool()),
  value_range: opt(z.string()),
  type: opt(z.string()),
  description: opt(z.string()),
});
/** Instance parameter (4.3.1). */
export type ConfigurationParameter = z.output<typeof ConfigurationParameter>;

// ---- request types ----

/** Body of 4.1.1. */
export interface LoginRequest {
  username: string;
  password: string;
}

/** Filters of the data center list (4.9.9). */
export interface DataCenterQuery extends PageQuery {
  id?: string;
  name?: string;
  sort_key?: "name" | "hosts_num";
  sort_order?: "asc" | "desc";
}

/** Filters of the key pair list (4.8.2). */
export interface KeyPairQuery extends PageQuery {
  id?: string;
  name?: string;
  description?: string;
}

/** Body of 4.8.1. */
export interface CreateKeyPairRequest {
  name?: string;
  description?: string;
  key_algorithms?: "RSA_2048" | "RSA_3072" | "RSA_4096";
}

/** Filters of the host list (4.9.1). */
export interface HostQuery extends PageQuery {
  id?: string;
  data_center_id?: string;
  name?: string;
  type?: string;
  status?: string;
  sort_key?: "name" | "type" | "status";
  sort_order?: "asc" | "desc";
}

/** One host to add (4.9.2 table 4-320). */
export interface AddHostOption {
  name: string;
  type: string;
  os_type: string;
  cpu_spec: string;
  storage_type: string;
  ip: { manage_ip: string; data_ip: string; virtual_ip: string };
  ssh_port: number;
  os_root_pwd?: string;
  ssh_key_id?: string;
  data_center_id: string;
  description?: string;
  is_force_rm_chroot_dir?: boolean;
}

/** One host to modify (4.9.3 table 4-327). */
export interface ModifyHostOption {
  manage_ip: string;
  name?: string;
  data_ip?: string;
  virtual_ip?: string;
  data_center_id?: string;
  description?: string;
  ssh_key_id?: string;
}

/** One host to remove (4.9.4 table 4-333). */
export interface RemoveHostOption {
  manage_ip: string;
  ssh_port: number;
  os_root_pwd?: string;
  ssh_key_id?: string;
}

/** Filters of the instance list (4.11.8). */
export interface InstanceQuery extends PageQuery {
  id?: string;
  name?: string;
  type?: "Enterprise" | "Ha";
  datastore_type?: "GaussDB";
}

/** Body of 4.11.6 (create instance) and of 4.11.7 (restore to a new instance: no datastore or ha, a restore_point). */
export interface CreateInstanceRequest {
  name: string;
  os_type: string;
  datastore?: { type: string; version?: string };
  host_type: string;
  cpu_spec: string;
  arch: string;
  ha?: { mode: string; consistency: string; replication_mode: string; consistency_protocol?: string };
  /** reference 4.11.7 table 4-507 RestorePoint. */
  restore_point?: { instance_id: string; backup_id?: string; restore_time?: string; type?: string };
  solution: string;
  port?: string;
  password: string;
  manage_ip?: string[];
  master_az_ip?: string[];
  slave_az_ip?: string[];
  arbiter_az_ip?: string[];
  logger_az_ip?: string[];
  float_ip?: string | string[];
  configuration_id?: string;
  time_zone?: string;
  diy_install_settings?: {
    dir_settings?: { dir_name: string; dir: string }[];
    component_distributions?: { component: string; ip: string }[];
  };
}

/** Body of 4.11.5 (delete or unmanage instance). */
export interface DeleteInstanceRequest {
  clear_data?: boolean;
  keep_db_backup?: number;
  keep_difference_backup?: number;
  rds_admin_password?: string;
  is_force_remove_instance?: boolean;
}

/** Body of 4.2.1. */
export interface SetBackupPolicyRequest {
  backup_policy: {
    keep_days: number;
    start_time: string;
    period: string;
    differential_period: string;
    rate_limit?: number;
    prefetch_block?: number;
    file_split_size?: number;
    enable_standby_backup?: boolean;
  };
}

/** Body of 4.2.4. */
export interface SetBackupConfigRequest {
  rate_limit?: number;
  prefetch_block?: number;
  enable_standby_backup?: boolean;
  close_compression?: boolean;
}

/** Body of 4.11.18. */
export interface UpgradeRequest {
  target_version: string;
  upgrade_type: "inplace" | "grey" | "hotfix";
  upgrade_action?: "upgrade" | "commit" | "rollback" | "upgradeAutoCommit" | "inplace";
  upgrade_az?: string;
}

// ---- the table ----

const TOKEN_HEADERS = ["X-Mini-Token"] as const;
// reference 4.2.4 and 4.2.6 name X-Auth-Token instead; sending both satisfies either reading.
const BACKUP_CONFIG_TOKEN_HEADERS = ["X-Mini-Token", "X-Auth-Token"] as const;

/** Defines one operation (curried so Query and Body are given explicitly and Path and Res inferred). */
export function op<Query = undefined, Body = undefined>() {
  return <Path extends string, Res>(def: {
    id: string;
    ref: string;
    method: HttpMethod;
    path: Path;
    idempotent: boolean;
    response: z.ZodType<Res>;
    auth?: boolean;
    responseType?: "json" | "text";
    tokenHeaders?: readonly string[];
  }): Operation<Path, Query, Body, Res> => ({ auth: true, responseType: "json", tokenHeaders: TOKEN_HEADERS, ...def });
}

/** Makes an operation a paged list whose items are under `key`. */
export function paged<Query extends PageQuery, Item>(maxLimit: number, key: string) {
  return <Path extends string, Res extends { total_count?: number | null | undefined }>(
    base: Operation<Path, Query, undefined, Res>,
  ): PagedOperation<Path, Query, undefined, Res, Item> => ({
    ...base,
    page: {
      maxLimit,
      items: (res) => ((res as Record<string, unknown>)[key] as Item[] | null | undefined) ?? [],
      total: (res) => res.total_count ?? undefined,
    },
  });
}

/** Every API operation the provider's resources use, by area. */
export const ops = {
  auth: {
    login: op<undefined, LoginRequest>()({
      id: "auth.login",
      ref: "4.1.1",
      method: "POST",
      path: "/v3/auth/mini-token",
      // A duplicated login only opens a second session; it never changes platform state.
      idempotent: true,
      auth: false,
      response: LoginResponse,
    }),
  },
  jobs: {
    get: op<{ id: string }>()({
      id: "jobs.get",
      ref: "4.17.1",
      method: "GET",
      path: "/v3/jobs",
      idempotent: true,
      response: z.looseObject({ job: Job }),
    }),
  },
  dataCenters: {
    list: paged<DataCenterQuery, DataCenter>(100, "data_centers")(
      op<DataCenterQuery>()({
        id: "dataCenters.list",
        ref: "4.9.9",
        method: "GET",
        path: "/gaussdb/v3/data-centers",
        idempotent: true,
        response: z.looseObject({ total_count: opt(int()), data_centers: z.array(DataCenter) }),
      }),
    ),
    add: op<undefined, { data_centers: { name: string; description?: string }[] }>()({
      id: "dataCenters.add",
      ref: "4.9.10",
      method: "POST",
      path: "/gaussdb/v3/data-centers",
      idempotent: false,
      response: noBody,
    }),
    update: op<undefined, { data_centers: { id: string; name?: string; description?: string }[] }>()({
      id: "dataCenters.update",
      ref: "4.9.11",
      method: "PUT",
      path: "/gaussdb/v3/data-centers",
      idempotent: true,
      response: noBody,
    }),
    delete: op<undefined, { data_center_ids: string[] }>()({
      id: "dataCenters.delete",
      ref: "4.9.12",
      method: "DELETE",
      path: "/gaussdb/v3/data-centers",
      idempotent: false,
      response: noBody,
    }),
  },
  keyPairs: {
    create: op<undefined, CreateKeyPairRequest>()({
      id: "keyPairs.create",
      ref: "4.8.1",
      method: "POST",
      path: "/gaussdb/v3/hosts/key-pair",
      idempotent: false,
      response: z.looseObject({ id: z.string() }),
    }),
    // reference 4.8.2: limit is at most 20 for key pairs.
    list: paged<KeyPairQuery, KeyPair>(20, "key_pairs")(
      op<KeyPairQuery>()({
        id: "keyPairs.list",
        ref: "4.8.2",
        method: "GET",
        path: "/gaussdb/v3/hosts/key-pair",
        idempotent: true,
        response: z.looseObject({ total_count: opt(int()), key_pairs: z.array(KeyPair) }),
      }),
    ),
    update: op<undefined, { id: string; name?: string; description?: string }>()({
      id: "keyPairs.update",
      ref: "4.8.3",
      method: "PUT",
      path: "/gaussdb/v3/hosts/key-pair",
      idempotent: true,
      response: noBody,
    }),
    delete: op<undefined, { id: string; forced?: boolean }>()({
      id: "keyPairs.delete",
      ref: "4.8.4",
      method: "DELETE",
      path: "/gaussdb/v3/hosts/key-pair",
      idempotent: false,
      response: noBody,
    }),
    publicKey: op<{ id: string }>()({
      id: "keyPairs.publicKey",
      ref: "4.8.5",
      method: "GET",
      path: "/gaussdb/v3/hosts/public-key",
      idempotent: true,
      responseType: "text",
      response: z.string().min(1, "expected the public key file, got an empty body"),
    }),
  },
  hosts: {
    list: paged<HostQuery, Host>(100, "hosts")(
      op<HostQuery>()({
        id: "hosts.list",
        ref: "4.9.1",
        method: "GET",
        path: "/gaussdb/v3/hosts",
        idempotent: true,
        response: z.looseObject({ total_count: opt(int()), hosts: z.array(Host) }),
      }),
    ),
    add: op<undefined, { hosts: AddHostOption[] }>()({
      id: "hosts.add",
      ref: "4.9.2",
      method: "POST",
      path: "/gaussdb/v3/hosts",
      idempotent: false,
      response: z.looseObject({ job_id: z.string(), hosts: z.array(HostRef) }),
    }),
    update: op<undefined, { hosts: ModifyHostOption[] }>()({
      id: "hosts.update",
      ref: "4.9.3",
      method: "PUT",
      path: "/gaussdb/v3/hosts",
      idempotent: true,
      response: z.looseObject({ hosts: opt(z.array(HostRef)) }),
    }),
    delete: op<undefined, { hosts: RemoveHostOption[] }>()({
      id: "hosts.delete",
      ref: "4.9.4",
      method: "DELETE",
      path: "/gaussdb/v3/hosts",
      idempotent: false,
      response: z.looseObject({ job_id: z.string(), hosts: opt(z.array(HostRef)) }),
    }),
    specifications: op()({
      id: "hosts.specifications",
      ref: "4.9.8",
      method: "GET",
      path: "/gaussdb/v3/hosts/specifications",
      idempotent: true,
      response: z.looseObject({
        types: z.array(z.string()),
        os_types: z.array(z.string()),
        storage_types: z.array(z.string()),
        cpu_specs: z.array(z.string()),
      }),
    }),
  },
  instances: {
    create: op<undefined, CreateInstanceRequest>()({
      id: "instances.create",
      ref: "4.11.6",
      method: "POST",
      path: "/gaussdb/v3/instances",
      idempotent: false,
      response: z.looseObject({ job_id: z.string(), instance_id: z.string() }),
    }),
    list: paged<InstanceQuery, Instance>(100, "instances")(
      op<InstanceQuery>()({
        id: "instances.list",
        ref: "4.11.8",
        method: "GET",
        path: "/gaussdb/v3.1/instances",
        idempotent: true,
        response: z.looseObject({ total_count: opt(int()), instances: z.array(Instance) }),
      }),
    ),
    delete: op<undefined, DeleteInstanceRequest>()({
      id: "instances.delete",
      ref: "4.11.5",
      method: "DELETE",
      path: "/gaussdb/v3/instances/{instance_id}/management",
      idempotent: false,
      response: jobRef,
    }),
    restart: op()({
      id: "instances.restart",
      ref: "4.11.10",
      method: "POST",
      path: "/gaussdb/v3/instances/{instance_id}/restart",
      idempotent: false,
      response: jobRef,
    }),
    stop: op<undefined, { node_ids: string[] }>()({
      id: "instances.stop",
      ref: "4.11.9",
      method: "POST",
      path: "/gaussdb/v3/instances/{instance_id}/db-stop",
      idempotent: false,
      response: jobRef,
    }),
    start: op<undefined, { node_ids: string[] }>()({
      id: "instances.start",
      ref: "4.11.11",
      method: "POST",
      path: "/gaussdb/v3/instances/{instance_id}/db-startup",
      idempotent: false,
      response: jobRef,
    }),
    expand: op<undefined, { expand_cluster: { nodes: { count: number; manage_ip: string[] } } }>()({
      id: "instances.expand",
      ref: "4.11.15",
      method: "POST",
      path: "/gaussdb/v3/instances/{instance_id}/expansion",
      idempotent: false,
      response: jobRef,
    }),
    upgradeCandidates: op()({
      id: "instances.upgradeCandidates",
      ref: "4.11.17",
      method: "GET",
      path: "/gaussdb/v3/instances/{instance_id}/db-upgrade/candidate-versions",
      idempotent: true,
      response: z.looseObject({
        source_version: opt(text()),
        target_version: opt(text()),
        upgrade_candidate_versions: z.array(text()),
        hotfix_upgrade_candidate_versions: opt(z.array(text())),
        hotfix_rollback_candidate_versions: opt(z.array(text())),
        rollback_enabled: opt(bool()),
        // reference 4.11.17 table 4-572 roll_upgrade_progress (AZ lists are comma-separated strings in its example).
        roll_upgrade_progress: opt(
          z.looseObject({
            not_fully_upgraded_az: opt(z.string()),
            already_upgraded_az: opt(z.string()),
            az_description_map: opt(z.record(z.string(), z.string())),
          }),
        ),
        upgrade_type_list: opt(
          z.array(
            z.looseObject({
              upgrade_type: z.string(),
              enable: opt(bool()),
              upgrade_action_list: opt(z.array(z.looseObject({ upgrade_action: z.string(), enable: opt(bool()) }))),
            }),
          ),
        ),
      }),
    }),
    // Upgrades, solution changes and M-compat port changes start long jobs: a blind replay could start a
    // second job, so these PUTs are treated as non-idempotent.
    upgrade: op<undefined, UpgradeRequest>()({
      id: "instances.upgrade",
      ref: "4.11.18",
      method: "PUT",
      path: "/gaussdb/v3.1/instances/{instance_id}/db-upgrade",
      idempotent: false,
      response: jobRef,
    }),
    changeSolution: op<undefined, { solution: string; manage_ip?: string[]; node_id?: string[] }>()({
      id: "instances.changeSolution",
      ref: "4.11.20",
      method: "PUT",
      path: "/gaussdb/v3/instances/{instance_id}/solution",
      idempotent: false,
      response: jobRef,
    }),
    enableMysqlCompatibility: op<undefined, { port: string }>()({
      id: "instances.enableMysqlCompatibility",
      ref: "4.11.21",
      method: "POST",
      path: "/gaussdb/v3/instances/{instance_id}/mysql-compatibility",
      idempotent: false,
      response: jobRef,
    }),
    updateMysqlCompatibility: op<undefined, { port: string }>()({
      id: "instances.updateMysqlCompatibility",
      ref: "4.11.22",
      method: "PUT",
      path: "/gaussdb/v3/instances/{instance_id}/mysql-compatibility",
      idempotent: false,
      response: jobRef,
    }),
  },
  engineVersions: {
    list: op()({
      id: "engineVersions.list",
      ref: "4.12.1",
      method: "GET",
      path: "/gaussdb/v3/datastore/versions",
      idempotent: true,
      // reference 4.12.1 shows bare numbers ([1.0, 1.4]); accept both and hand out strings.
      response: z.looseObject({ versions: z.array(text()) }),
    }),
  },
  configurations: {
    get: op()({
      id: "configurations.get",
      ref: "4.3.1",
      method: "GET",
      path: "/gaussdb/v3.1/instances/{instance_id}/configurations",
      idempotent: true,
      response: z.looseObject({
        datastore_version: opt(text()),
        datastore_name: opt(z.string()),
        created: opt(z.string()),
        updated: opt(z.string()),
        configuration_parameters: z.array(ConfigurationParameter),
      }),
    }),
    update: op<undefined, { values: Record<string, string> }>()({
      id: "configurations.update",
      ref: "4.3.2",
      method: "PUT",
      path: "/gaussdb/v3/instances/{instance_id}/configurations",
      idempotent: true,
      response: z.looseObject({ restart_required: opt(bool()), job_id: opt(z.string()) }),
    }),
  },
  backups: {
    setPolicy: op<undefined, SetBackupPolicyRequest>()({
      id: "backups.setPolicy",
      ref: "4.2.1",
      method: "PUT",
      path: "/gaussdb/v3/instances/{instance_id}/backups/policy",
      idempotent: true,
      response: noBody,
    }),
    getPolicy: op()({
      id: "backups.getPolicy",
      ref: "4.2.5",
      method: "GET",
      path: "/gaussdb/v3/instances/{instance_id}/backups/policy",
      idempotent: true,
      response: z.looseObject({ backup_policy: BackupPolicy }),
    }),
    setConfig: op<undefined, SetBackupConfigRequest>()({
      id: "backups.setConfig",
      ref: "4.2.4",
      method: "PUT",
      path: "/gaussdb/v3/instances/{instance_id}/backups/config",
      idempotent: true,
      tokenHeaders: BACKUP_CONFIG_TOKEN_HEADERS,
      response: noBody,
    }),
    getConfig: op()({
      id: "backups.getConfig",
      ref: "4.2.6",
      method: "GET",
      path: "/gaussdb/v3/instances/{instance_id}/backups/config",
      idempotent: true,
      tokenHeaders: BACKUP_CONFIG_TOKEN_HEADERS,
      response: BackupConfig,
    }),
  },
  databases: databaseOperations().databases,
  schemas: databaseOperations().schemas,
  users: accountOperations().users,
  roles: accountOperations().roles,
  privileges: privilegeOperations(),
  sqlLimitTasks: sqlOperations().sqlLimitTasks,
  sqlPatches: sqlOperations().sqlPatches,
  wdrSnapshots: instanceSwitchOperations().wdrSnapshots,
  intelligentOps: instanceSwitchOperations().intelligentOps,
  extendInfo: instanceSwitchOperations().extendInfo,
  backupObjects: backupOperations().backupObjects,
  recovery: backupOperations().recovery,
  disasterRecovery: drOperations(),
  inspections: inspectionOperations().inspections,
  inspectionScenes: inspectionOperations().inspectionScenes,
  takeover: takeoverOperations().takeover,
} as const;
