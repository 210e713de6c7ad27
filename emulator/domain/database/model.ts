import { randomBytes } from "node:crypto";
import { DbsError } from "../../errors";
import type { Collections, Store } from "../../state";
import { newUuid } from "../../state";
import { redacted } from "../../views";
import type { AccountAttributes, AccountRecord, DatabaseRecord, GrantRecord, SchemaRecord } from "./records";
import { BUILTIN_SCHEMAS, ROOT, SYSTEM_ROLES, SYSTEM_USERS, TEMPLATE_DATABASES, isSystemAccount, passwordHash } from "./rules";

/** The instance fields the database objects need (the instance routes own the record). */
export interface InstanceLike {
  id: string;
  created?: unknown;
}

/** Drop every database object whose instance no longer exists (run before each state-file write). */
export function pruneOrphans(data: Collections): void {
  for (const coll of [data.dbDatabases, data.dbSchemas, data.dbAccounts, data.dbGrants] as Record<string, { instance_id: string }>[]) {
    for (const [id, rec] of Object.entries(coll)) if (!data.instances[rec.instance_id]) delete coll[id];
  }
}

const baseAttributes = (): AccountAttributes => ({
  sysadmin: false,
  createdb: false,
  createrole: false,
  auditadmin: false,
  monadmin: false,
  opradmin: false,
  poladmin: false,
  replication: false,
  login: true,
  inherit: true,
  connlimit: -1,
  bypassrls: false,
});

/** Attributes of a new 4.4.4 user: is_login_only true → LOGIN only; false → LOGIN, CREATEROLE, CREATEDB. */
export function userAttributes(loginOnly: boolean): AccountAttributes {
  // reference 4.4.4 `is_login_only` "为true代表只有login权限,为false代表除了login权限外还有Create Role和Create DB权限"
  return { ...baseAttributes(), createdb: !loginOnly, createrole: !loginOnly };
}

/** Attributes of a new 4.4.16 role: a role cannot log in (GaussDB CREATE ROLE is NOLOGIN). */
export function roleAttributes(): AccountAttributes {
  return { ...baseAttributes(), login: false };
}

/** A new password salt. */
export function newSalt(): string {
  return randomBytes(8).toString("hex");
}

/** Set an account's password (kept as a salted hash) and restart its validity period. */
export function setPassword(a: AccountRecord, pw: string, now = Date.now()): void {
  a.password_salt = newSalt();
  a.password_hash = passwordHash(a.password_salt, pw);
  a.password_set_at = now;
}

/**
 * The accounts every instance has from its creation: root (listed, as in the 4.4.13 example) and the four system
 * users (never listed). Stored on first use so that their later changes (lock, attributes, passwords) persist.
 */
export function ensureBuiltins(store: Store, inst: InstanceLike): void {
  const accounts = store.data.dbAccounts;
  const have = new Set(Object.values(accounts).filter((a) => a.instance_id === inst.id).map((a) => a.name));
  const created = typeof inst.created === "number" ? inst.created : Date.now();
  const add = (name: string, kind: AccountRecord["kind"], attributes: AccountAttributes, memberof: string[]) => {
    if (have.has(name)) return;
    const id = `${inst.id}-${name}`;
    accounts[id] = {
      id,
      instance_id: inst.id,
      name,
      kind,
      builtin: true,
      password_hash: null,
      password_salt: "",
      password_set_at: created,
      locked: false,
      attributes,
      memberof: memberof.map((role) => ({ role, admin_option: false })),
      created,
    };
  };
  // reference 4.4.13 response example: root "rolsuper" false, "rolinherit" true, "rolcreaterole" true, "rolcanlogin"
  // true, "rolconnlimit" -1, "rolreplication" false, "memberof" "{gs_role_copy_files,…,gs_role_account_lock}"
  add(ROOT, "user", { ...baseAttributes(), createdb: true, createrole: true }, [...SYSTEM_ROLES]);
  // reference 4.4.8 "初始化数据库内置rdsAdmin、rdsMetric、rdsRepl、rdsBackup、root五个用户的密码"
  for (const name of SYSTEM_USERS) add(name, "system", { ...baseAttributes(), sysadmin: name === "rdsAdmin" }, []);
}

/** Every account of an instance (users, roles, root, system users), in creation order. */
export function accountsOf(store: Store, instanceId: string): AccountRecord[] {
  return Object.values(store.data.dbAccounts).filter((a) => a.instance_id === instanceId);
}

/** The account with this exact name (names are case-sensitive, as the 4.4.6 example's "Einstein"). */
export function findAccount(store: Store, instanceId: string, name: string): AccountRecord | undefined {
  return accountsOf(store, instanceId).find((a) => a.name === name);
}

/**
 * An existing user or role named in a request: a system user or role → A.3 DBS.200062 "用户名不符合规则或是为数据库
 * 管理账号"; none → A.3 DBS.200824 "数据库账户不存在".
 */
export function requireAccount(store: Store, instanceId: string, name: string, field: string): AccountRecord {
  if (isSystemAccount(name)) throw new DbsError(400, "DBS.200062", { field, detail: `${name} is a system user or role` });
  const a = findAccount(store, instanceId, name);
  if (!a) throw new DbsError(400, "DBS.200824", { field, detail: `no database user or role ${name}` });
  return a;
}

/** The databases created through 4.4.1 on an instance, in creation order. */
export function databasesOf(store: Store, instanceId: string): DatabaseRecord[] {
  return Object.values(store.data.dbDatabases).filter((d) => d.instance_id === instanceId);
}

/** A created database, by exact name. */
export function findDatabase(store: Store, instanceId: string, name: string): DatabaseRecord | undefined {
  return databasesOf(store, instanceId).find((d) => d.name === name);
}

/** True for a created database and for GaussDB's template databases (they exist on every instance). */
export function databaseExists(store: Store, instanceId: string, name: string): boolean {
  return (TEMPLATE_DATABASES as readonly string[]).includes(name) || findDatabase(store, instanceId, name) !== undefined;
}

/** A database named in a request that must exist: else A.3 DBS.200044 "访问资源不存在,或者无访问权限". */
export function requireDatabase(store: Store, instanceId: string, name: string, field: string): void {
  if (!databaseExists(store, instanceId, name)) throw new DbsError(400, "DBS.200044", { field, detail: `no database ${name}` });
}

/** The schemas created through 4.4.2 in one database, in creation order. */
export function schemasOf(store: Store, instanceId: string, database: string): SchemaRecord[] {
  return Object.values(store.data.dbSchemas).filter((s) => s.instance_id === instanceId && s.database === database);
}

/** True for a created schema and for the schemas every database has (4.4.2 "public,information_schema"). */
export function schemaExists(store: Store, instanceId: string, database: string, name: string): boolean {
  return (BUILTIN_SCHEMAS as readonly string[]).includes(name) || schemasOf(store, instanceId, database).some((s) => s.name === name);
}

/** A schema named in a request that must exist (in an existing database): else A.3 DBS.200044. */
export function requireSchema(store: Store, instanceId: string, database: string, name: string, field: string): void {
  if (!schemaExists(store, instanceId, database, name)) throw new DbsError(400, "DBS.200044", { field, detail: `no schema ${name} in database ${database}` });
}

/** Objects an account owns (databases, schemas): GaussDB refuses to drop an account that owns any. */
export function ownedBy(store: Store, instanceId: string, name: string): string[] {
  return [
    ...databasesOf(store, instanceId).filter((d) => d.owner === name).map((d) => `database ${d.name}`),
    ...Object.values(store.data.dbSchemas).filter((s) => s.instance_id === instanceId && s.owner === name).map((s) => `schema ${s.database}.${s.name}`),
  ];
}

/** Drop an account with its privileges, the default privileges it set up, and its role memberships both ways. */
export function dropAccount(store: Store, a: AccountRecord): void {
  const grants = store.data.dbGrants;
  for (const [id, g] of Object.entries(grants)) {
    if (g.instance_id === a.instance_id && (g.grantee === a.name || g.for_role === a.name)) delete grants[id];
  }
  for (const other of accountsOf(store, a.instance_id)) other.memberof = other.memberof.filter((m) => m.role !== a.name);
  delete store.data.dbAccounts[a.id];
}

/** A privilege row to grant or revoke (a GrantRecord without its id and time). */
export type GrantRow = Omit<GrantRecord, "id" | "granted">;

const grantKey = (g: GrantRow): string =>
  JSON.stringify([g.instance_id, g.grantee, g.scope, g.privilege, g.database, g.schema, g.object, g.column, g.arg_type, g.for_role]);

/** Grant (add when absent) or revoke (remove when present: revoking what is not held changes nothing) privilege rows. */
export function applyGrants(store: Store, operation: "grant" | "revoke", rows: readonly GrantRow[], now = Date.now()): void {
  const grants = store.data.dbGrants;
  const byKey = new Map(Object.entries(grants).map(([id, g]) => [grantKey(g), id]));
  for (const row of rows) {
    const key = grantKey(row);
    const existing = byKey.get(key);
    if (operation === "grant" && existing === undefined) {
      const id = newUuid();
      grants[id] = { id, ...row, granted: now };
      byKey.set(key, id);
    } else if (operation === "revoke" && existing !== undefined) {
      delete grants[existing];
      byKey.delete(key);
    }
  }
}

// reference 4.4.12 response example "size": "33 MB" (the emulator holds no data: every database is that size)
const DATABASE_SIZE = "33 MB";

/** A database as 4.4.12 lists it (table 4-136). */
export function databaseView(d: DatabaseRecord): Record<string, unknown> {
  return { name: d.name, owner: d.owner, size: DATABASE_SIZE, character_set: d.character_set, collate_set: d.lc_collate, datctype: d.lc_ctype };
}

/** A schema as 4.4.3 lists it (table 4-104 GaussDBDatabaseForListSchema). */
export function schemaView(s: SchemaRecord): Record<string, unknown> {
  return { schema_name: s.name, owner: s.owner };
}

/** GaussDB's default password validity (`password_effect_time` 90 days), which `rolpassworddeadline` counts down. */
export const PASSWORD_EFFECT_DAYS = 90;

/** `rolpassworddeadline` as the 4.4.13 example prints it ("88 days 01:01:05"): the time left, never below zero. */
export function passwordDeadline(a: AccountRecord, now = Date.now()): string {
  const left = Math.max(0, Math.floor((a.password_set_at + PASSWORD_EFFECT_DAYS * 86_400_000 - now) / 1000));
  const days = Math.floor(left / 86_400);
  const two = (n: number) => String(n).padStart(2, "0");
  const clock = `${two(Math.floor((left % 86_400) / 3600))}:${two(Math.floor((left % 3600) / 60))}:${two(left % 60)}`;
  return days === 0 ? clock : `${days} ${days === 1 ? "day" : "days"} ${clock}`;
}

/** An account as 4.4.13 lists it (table 4-142 users, table 4-143 userAttributes). */
export function userView(a: AccountRecord, now = Date.now()): Record<string, unknown> {
  return {
    name: a.name,
    lock_status: a.locked,
    attribute: {
      rolsuper: a.attributes.sysadmin,
      rolinherit: a.attributes.inherit,
      rolcreaterole: a.attributes.createrole,
      rolcreatedb: a.attributes.createdb,
      rolcanlogin: a.attributes.login,
      rolconnlimit: a.attributes.connlimit,
      rolreplication: a.attributes.replication,
      rolbypassrls: a.attributes.bypassrls,
      rolpassworddeadline: passwordDeadline(a, now),
    },
    // reference 4.4.13 example "memberof" : "{gs_role_copy_files,…}" (a GaussDB array literal in a String)
    memberof: `{${a.memberof.map((m) => m.role).join(",")}}`,
  };
}

/** The listed accounts of an instance (4.4.13): root, users and roles; the system users are not listed. */
export function listedAccounts(store: Store, instanceId: string): AccountRecord[] {
  return accountsOf(store, instanceId).filter((a) => a.kind !== "system");
}

/** The database objects for the control API's state dump (records as stored, without password hashes). */
export function databaseObjectsState(store: Store): Record<string, unknown[]> {
  const live = <T extends { instance_id: string }>(coll: Record<string, T>) => Object.values(coll).filter((r) => store.data.instances[r.instance_id]);
  const accounts = live(store.data.dbAccounts);
  return {
    databases: live(store.data.dbDatabases).map((r) => redacted(r)),
    dbSchemas: live(store.data.dbSchemas).map((r) => redacted(r)),
    dbUsers: accounts.filter((a) => a.kind !== "role").map((r) => redacted(r)),
    dbRoles: accounts.filter((a) => a.kind === "role").map((r) => redacted(r)),
    dbGrants: live(store.data.dbGrants).map((r) => redacted(r)),
  };
}
