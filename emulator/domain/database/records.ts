/**
 * Stored records of the database objects of reference 4.4 (databases, schemas, accounts, privileges). They live
 * in the store's `dbDatabases`, `dbSchemas`, `dbAccounts` and `dbGrants` collections, keyed by id, each naming
 * its instance (`instance_id`): when the instance is gone, so are they (see `pruneOrphans` in ./model).
 * Keep every record JSON-serializable: they are written to the state file.
 */

/** A database as 4.4.1 creates it and 4.4.12 lists it. */
export interface DatabaseRecord {
  id: string;
  instance_id: string;
  name: string;
  owner: string;
  character_set: string;
  lc_collate: string;
  lc_ctype: string;
  /** 4.4.1 `template` as given (null: none named). */
  template: string | null;
  created: number;
}

/** A schema as 4.4.2 creates it and 4.4.3 lists it. */
export interface SchemaRecord {
  id: string;
  instance_id: string;
  database: string;
  name: string;
  owner: string;
  created: number;
}

/** The account attributes of 4.4.7 (table 4-118) and 4.4.13 (table 4-143), as GaussDB keeps them. */
export interface AccountAttributes {
  /** 4.4.7 `sysadmin_enabled`; listed as `rolsuper` (README "Database objects"). */
  sysadmin: boolean;
  createdb: boolean;
  createrole: boolean;
  auditadmin: boolean;
  monadmin: boolean;
  opradmin: boolean;
  poladmin: boolean;
  replication: boolean;
  login: boolean;
  inherit: boolean;
  connlimit: number;
  bypassrls: boolean;
}

/** A role membership (4.4.18 `user_role_permissions`: the source role granted to this account). */
export interface Membership {
  role: string;
  /** 4.4.18 `is_reuse`: the member may grant the role on. */
  admin_option: boolean;
}

/**
 * A database account: a user (4.4.4, and the instance's `root`), a role (4.4.16), or one of the platform's
 * system users (`rdsAdmin`, `rdsMetric`, `rdsRepl`, `rdsBackup`: 4.4.8 sets their passwords; never listed).
 */
export interface AccountRecord {
  id: string;
  instance_id: string;
  name: string;
  kind: "user" | "role" | "system";
  /** Created with the instance (root and the system users), not through 4.4.4/4.4.16. */
  builtin: boolean;
  /** sha256(salt + password), hex; null while the emulator does not know the password. Never the password. */
  password_hash: string | null;
  password_salt: string;
  /** When the password was last set (epoch ms): `rolpassworddeadline` counts from it. */
  password_set_at: number;
  locked: boolean;
  attributes: AccountAttributes;
  memberof: Membership[];
  created: number;
}

/** Privilege scopes: the eight of 4.4.6 plus the 4.4.18 forms that are not one of them. */
export type GrantScope =
  | "table"
  | "table_column"
  | "database"
  | "schema"
  | "sequence"
  | "function"
  | "procedure"
  | "tablespace"
  /** 4.4.18 `any_permissions` (e.g. SELECT ANY TABLE), per database. */
  | "any"
  /** 4.4.18 `newly_table_permissions`: privileges on tables `for_role` creates later. */
  | "newly_table"
  /** 4.4.18 `newly_sequence_permissions`: privileges on sequences `for_role` creates later. */
  | "newly_sequence";

/** One privilege held by one account on one object (a granted row; revoking deletes it). */
export interface GrantRecord {
  id: string;
  instance_id: string;
  grantee: string;
  scope: GrantScope;
  /** Upper case, as 4.4.6 prints it (`SELECT`, `CREATE`, `SELECT ANY TABLE`). */
  privilege: string;
  database: string | null;
  schema: string | null;
  /** Table, sequence, function, procedure or tablespace name; null = every one in the schema (4.4.18 omitted name). */
  object: string | null;
  column: string | null;
  arg_type: string | null;
  /** The account whose future objects the privilege covers (newly_table / newly_sequence). */
  for_role: string | null;
  granted: number;
}
