import { createHash } from "node:crypto";
import { DbsError } from "../../errors";
import { PASSWORD_SPECIALS, ROOT_PASSWORD_SPECIALS, checkPassword as databasePasswordViolation } from "../instance-rules";
import type { GrantScope } from "./records";

export { PASSWORD_SPECIALS, ROOT_PASSWORD_SPECIALS };

/** The longest database, schema, user and role name (reference 4.4.1 "长度可在1~63个字符之间"). */
export const NAME_MAX = 63;

// reference 4.4.1 `name` "不能和GaussDB模板库重名。GaussDB模板库包括postgres, template0,template1,templatem"
/** GaussDB's template databases; also the only 4.4.1 `template` values ("可选的数据库模板包括…"). */
export const TEMPLATE_DATABASES = ["postgres", "template0", "template1", "templatem"] as const;

// reference 4.4.1 `owner` "系统用户包括"rdsAdmin", "rdsMetric", "rdsBackup","rdsRepl""
/** The platform's system users: they may not own objects, be created, deleted or changed through 4.4. */
export const SYSTEM_USERS = ["rdsAdmin", "rdsMetric", "rdsBackup", "rdsRepl"] as const;

// reference 4.4.13 response example `memberof` "{gs_role_copy_files,gs_role_signal_backend,gs_role_tablespace,
// gs_role_replication,gs_role_account_lock}": the system roles root is a member of
/** GaussDB's built-in roles the reference names (4.4.16 "不能和系统用户/角色重名"). */
export const SYSTEM_ROLES = ["gs_role_copy_files", "gs_role_signal_backend", "gs_role_tablespace", "gs_role_replication", "gs_role_account_lock"] as const;

/** The instance's administrator: 4.4.1 "owner … 缺省时默认是root"; 4.4.8 initialises its password. */
export const ROOT = "root";

// reference 4.4.2 `name` "已存在的schema包括public,information_schema"
/** Schemas every database has. */
export const BUILTIN_SCHEMAS = ["public", "information_schema"] as const;

// reference 4.4.2 `name` "不能和GaussDB模板库postgres, template0, template和已存在的SCHEMA重名": as printed
// ("template"), plus template1 and templatem of the 4.4.1 / 4.4.2 `db_name` list it abbreviates (README)
/** Names a schema may not take besides the existing schemas. */
export const SCHEMA_RESERVED = ["postgres", "template0", "template", "template1", "templatem"] as const;

/** The database 4.4.18 works in when an operation names none (the database GaussDB connects to by default). */
export const DEFAULT_DATABASE = "postgres";

/** A system user (4.4.1 list) or system role (4.4.13 example) name. */
export function isSystemAccount(name: string): boolean {
  return (SYSTEM_USERS as readonly string[]).includes(name) || (SYSTEM_ROLES as readonly string[]).includes(name);
}

/**
 * The name rule 4.4.1 (databases), 4.4.2 (schemas) and 4.4.16 (roles) print alike: "长度可在1~63个字符之间,由字母、
 * 数字、或下划线组成,不能包含其他特殊字符,不能以"pg"和数字开头". Returns what is wrong, or null.
 */
export function nameProblem(name: string): string | null {
  // reference 4.4.1 "长度可在1~63个字符之间"
  if (name.length < 1 || name.length > NAME_MAX) return `must be 1 to ${NAME_MAX} characters long`;
  // reference 4.4.1 "由字母、数字、或下划线组成,不能包含其他特殊字符" (4.4.16 "字母(a-z, A-Z)")
  if (!/^[A-Za-z0-9_]+$/.test(name)) return "may contain only letters (a-z, A-Z), digits and underscores";
  // reference 4.4.1 "不能以"pg"和数字开头"
  if (/^[0-9]/.test(name)) return "must not start with a digit";
  if (name.startsWith("pg")) return 'must not start with "pg"';
  return null;
}

/** 4.4.1 `name` / 4.4.2 `db_name`: a database name (400 DBS.280001). */
export function checkDatabaseName(name: string, field: string): void {
  const p = nameProblem(name);
  if (p) throw new DbsError(400, "DBS.280001", { field, detail: p });
  // reference 4.4.1 "且不能和GaussDB模板库重名"
  if ((TEMPLATE_DATABASES as readonly string[]).includes(name)) {
    throw new DbsError(400, "DBS.280001", { field, detail: `must not be a template database (${TEMPLATE_DATABASES.join(", ")})` });
  }
}

/** 4.4.2 schema `name` (400 DBS.280001). */
export function checkSchemaName(name: string, field: string): void {
  const p = nameProblem(name);
  if (p) throw new DbsError(400, "DBS.280001", { field, detail: p });
  // reference 4.4.2 "不能和GaussDB模板库postgres, template0, template和已存在的SCHEMA重名"
  if ((SCHEMA_RESERVED as readonly string[]).includes(name)) {
    throw new DbsError(400, "DBS.280001", { field, detail: `must not be ${SCHEMA_RESERVED.join(", ")}` });
  }
}

/**
 * 4.4.16 `name` (and 4.4.4 `name`, which prints no rule of its own: a user is a role that may log in): A.3
 * DBS.200062 "用户名不符合规则或是为数据库管理账号".
 */
export function checkAccountName(name: string, field: string): void {
  const p = nameProblem(name);
  if (p) throw new DbsError(400, "DBS.200062", { field, detail: p });
  // reference 4.4.16 "且不能和系统用户/角色重名"
  if (isSystemAccount(name)) throw new DbsError(400, "DBS.200062", { field, detail: `${name} is a system user or role` });
}

/**
 * An owner (4.4.1 `owner`, 4.4.2 `owner`) before it is looked up; A.3 DBS.200062 "用户名不符合规则或是为数据库管理账号".
 * `form` adds 4.4.2's own rule "数据库属主名称在1到63个字符之间,不能以"pg"和数字开头" (4.4.1 prints none).
 */
export function checkOwnerName(name: string, field: string, form: boolean): void {
  if (form) {
    // reference 4.4.2 `owner` "数据库属主名称在1到63个字符之间"
    if (name.length < 1 || name.length > NAME_MAX) throw new DbsError(400, "DBS.200062", { field, detail: `must be 1 to ${NAME_MAX} characters long` });
    // reference 4.4.2 `owner` "不能以"pg"和数字开头"
    if (/^[0-9]/.test(name) || name.startsWith("pg")) throw new DbsError(400, "DBS.200062", { field, detail: 'must not start with "pg" or a digit' });
  }
  // reference 4.4.1 / 4.4.2 `owner` "不能和系统用户重名" … "系统用户包括"rdsAdmin", "rdsMetric", "rdsBackup","rdsRepl""
  if (isSystemAccount(name)) throw new DbsError(400, "DBS.200062", { field, detail: `${name} is a system user or role and may not own objects` });
}

/**
 * The password rule of 4.4.16, the only one 4.4 prints (4.4.4, 4.4.8 and 4.4.9 print none of their own): the
 * emulator's one database-password rule (domain/instance-rules.ts, README "Passwords"), so that root's and rdsAdmin's
 * passwords follow the same rule here as in the instance API. Any violation is `code` (A.3 DBS.6025117
 * "数据库用户密码非法", DBS.200052 "数据库root密码非法" for root); the reference prints no weak-password rule, so
 * DBS.200068 is never answered.
 */
export function checkPassword(pw: string, field: string, code: string, specials: string): void {
  const v = databasePasswordViolation(pw, field, code, specials);
  if (v) throw new DbsError(400, v.code, { field: v.field, detail: v.detail });
}

/**
 * A password for an account: root's and rdsAdmin's may also hold `_` (the instance API's two passwords, 4.11.6 /
 * 4.11.5, whose example is "Gauss_234"); a refused root password is DBS.200052, any other DBS.6025117.
 */
export function checkAccountPassword(account: string, pw: string, field: string): void {
  const instanceApi = account === ROOT || account === "rdsAdmin";
  checkPassword(pw, field, account === ROOT ? "DBS.200052" : "DBS.6025117", instanceApi ? ROOT_PASSWORD_SPECIALS : PASSWORD_SPECIALS);
}

/** sha256(salt + password) in hex: what the store keeps instead of a password. */
export function passwordHash(salt: string, pw: string): string {
  return createHash("sha256").update(salt).update(pw).digest("hex");
}

/**
 * A new password against the old one, when the emulator knows it: A.3 DBS.200475 "新密码不能与旧密码相同",
 * DBS.200476 "新密码不能与旧密码倒序相同".
 */
export function checkNotOldPassword(pw: string, field: string, old: { password_hash: string | null; password_salt: string }): void {
  if (old.password_hash === null) return;
  if (passwordHash(old.password_salt, pw) === old.password_hash) throw new DbsError(400, "DBS.200475", { field });
  if (passwordHash(old.password_salt, [...pw].reverse().join("")) === old.password_hash) throw new DbsError(400, "DBS.200476", { field });
}

// reference 4.4.6 table 4-114 `privilege` "具体权限名称。当scope="table"时,取值范围: […]" (one list per scope)
/** The privilege names 4.4.6 accepts per scope. */
export const SCOPE_PRIVILEGES = {
  table: ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "ALTER", "DROP", "COMMENT", "INDEX", "VACUUM"],
  table_column: ["SELECT", "INSERT", "UPDATE", "REFERENCES", "COMMENT"],
  database: ["CREATE", "ALTER", "DROP", "COMMENT"],
  schema: ["CREATE", "USAGE", "ALTER", "DROP", "COMMENT"],
  sequence: ["SELECT", "UPDATE", "USAGE", "ALTER", "DROP", "COMMENT"],
  function: ["ALTER", "DROP", "COMMENT"],
  procedure: ["ALTER", "DROP", "COMMENT"],
  tablespace: ["CREATE", "ALTER", "DROP", "COMMENT"],
} as const satisfies Partial<Record<GrantScope, readonly string[]>>;

/** The eight scopes of 4.4.6 `scope` "取值范围: ["table", "table_column", "database", "schema", "sequence", "function", "procedure", "tablespace"]". */
export const PRIVILEGE_SCOPES = ["table", "table_column", "database", "schema", "sequence", "function", "procedure", "tablespace"] as const;
export type PrivilegeScope = (typeof PRIVILEGE_SCOPES)[number];

/** The object fields each 4.4.6 scope needs: the fields table 4-114 says "该参数生效" for (arg_type stays optional). */
export const SCOPE_FIELDS: Readonly<Record<PrivilegeScope, readonly string[]>> = {
  table: ["database_name", "schema_name", "table_name"],
  table_column: ["database_name", "schema_name", "table_name", "column_name"],
  database: ["database_name"],
  schema: ["database_name", "schema_name"],
  sequence: ["database_name", "schema_name", "sequence_name"],
  function: ["database_name", "schema_name", "function_name"],
  procedure: ["database_name", "schema_name", "procedure_name"],
  tablespace: ["tablespace_name"],
};

// reference 4.4.18 table 4-169 AnyPermissionsEntity: `select_any_table_enabled` "select_any_table权限" …
/** 4.4.18 `any_permissions` attributes, in table 4-169's order; the privilege is the name in upper case with blanks. */
export const ANY_PERMISSION_KEYS = [
  "select_any_table", "create_any_table", "alter_any_table", "drop_any_table", "insert_any_table", "update_any_table",
  "delete_any_table", "create_any_sequence", "alter_any_sequence", "drop_any_sequence", "select_any_sequence",
  "create_any_index", "alter_any_index", "drop_any_index", "create_any_function", "execute_any_function",
  "create_any_package", "execute_any_package", "create_any_type", "alter_any_type", "drop_any_type",
  "create_any_trigger", "alter_any_trigger", "drop_any_trigger", "create_any_synonym", "drop_any_synonym",
] as const;

// reference 4.4.18 table 4-175 SchemaPermissionsEntity (all, usage, create, alter, drop, comment)
/** 4.4.18 schema attributes besides `all_enabled` (which stands for every one of them). */
export const SCHEMA_PERMISSION_KEYS = ["usage", "create", "alter", "drop", "comment"] as const;
// reference 4.4.18 table 4-182 TablePermissionsEntity (all, select, … vacuum)
export const TABLE_PERMISSION_KEYS = ["select", "insert", "update", "delete", "truncate", "references", "trigger", "alter", "drop", "comment", "index", "vacuum"] as const;
// reference 4.4.18 table 4-185 SequencePermissionsEntity (all, select, usage, update, alter, drop, comment)
export const SEQUENCE_PERMISSION_KEYS = ["select", "usage", "update", "alter", "drop", "comment"] as const;

// reference 4.4.7 table 4-118 / 4.4.18 table 4-172 (the example's spelling, README "Database objects")
/** The nine account attributes of 4.4.7 and of 4.4.18 `system_permissions`, with the stored attribute each sets. */
export const ATTRIBUTE_KEYS = {
  sysadmin_enabled: "sysadmin",
  createdb_enabled: "createdb",
  createrole_enabled: "createrole",
  auditadmin_enabled: "auditadmin",
  monadmin_enabled: "monadmin",
  opradmin_enabled: "opradmin",
  poladmin_enabled: "poladmin",
  replication_enabled: "replication",
  login_enabled: "login",
} as const;
