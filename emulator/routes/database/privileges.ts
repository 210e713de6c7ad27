import { z } from "zod";
import { DbsError } from "../../errors";
import type { EmulatorContext, Router } from "../../router";
import { parseBody } from "../../validate";
import type { AccountAttributes, GrantScope } from "../../domain/database/records";
import { accountsOf, applyGrants, findAccount, requireAccount, requireDatabase, requireSchema, type GrantRow } from "../../domain/database/model";
import {
  ANY_PERMISSION_KEYS,
  ATTRIBUTE_KEYS,
  DEFAULT_DATABASE,
  PRIVILEGE_SCOPES,
  SCHEMA_PERMISSION_KEYS,
  SCOPE_FIELDS,
  SCOPE_PRIVILEGES,
  SEQUENCE_PERMISSION_KEYS,
  SYSTEM_ROLES,
  TABLE_PERMISSION_KEYS,
} from "../../domain/database/rules";
import { operableInstance } from "./common";

// ---- 4.4.6 ----------------------------------------------------------------------------------------------------

// reference 4.4.6 table 4-114 privilege
const privilegeEntry = z.object({
  // reference 4.4.6 `name` "是 String 数据库用户名称"
  name: z.string(),
  // reference 4.4.6 `operation` "取值范围:["grant", "revoke"]"
  operation: z.enum(["grant", "revoke"]),
  // reference 4.4.6 `scope` "取值范围: ["table", "table_column", "database", "schema", "sequence", "function", "procedure", "tablespace"]"
  scope: z.enum(PRIVILEGE_SCOPES),
  // reference 4.4.6 `privilege` "是 String 具体权限名称" (the list per scope: SCOPE_PRIVILEGES)
  privilege: z.string(),
  schema_name: z.string().optional(),
  table_name: z.string().optional(),
  column_name: z.string().optional(),
  database_name: z.string().optional(),
  sequence_name: z.string().optional(),
  function_name: z.string().optional(),
  procedure_name: z.string().optional(),
  tablespace_name: z.string().optional(),
  arg_type: z.string().optional(),
});
type PrivilegeEntry = z.output<typeof privilegeEntry>;

// reference 4.4.6 table 4-113 `privileges` "是 Array of objects 表3 privilege" (an empty list names nothing to change)
const privilegesBody = z.object({ privileges: z.array(privilegeEntry).min(1, "must hold at least one privilege") });

/** The object name of a 4.4.6 entry for its scope (null for database and schema scopes). */
function objectOf(e: PrivilegeEntry): string | null {
  switch (e.scope) {
    case "table":
    case "table_column":
      return e.table_name ?? null;
    case "sequence":
      return e.sequence_name ?? null;
    case "function":
      return e.function_name ?? null;
    case "procedure":
      return e.procedure_name ?? null;
    case "tablespace":
      return e.tablespace_name ?? null;
    default:
      return null;
  }
}

// ---- 4.4.18 ---------------------------------------------------------------------------------------------------

/** A 4.4.18 attributes object of `<key>_enabled` booleans, every one "否 Boolean". */
const flags = (keys: readonly string[]) => z.object(Object.fromEntries(keys.map((k) => [`${k}_enabled`, z.boolean().optional()])) as Record<string, z.ZodOptional<z.ZodBoolean>>);

// reference 4.4.18 table 4-167 … 4-186 `operation_type` "是 String … 枚举值: grant revoke", `operations` "是 … 数组长度: 1 - 30"
const section = <T extends z.ZodType>(operation: T) =>
  z.object({
    operation_type: z.enum(["grant", "revoke"]),
    operations: z.array(operation).min(1, "must hold 1 to 30 operations").max(30, "must hold 1 to 30 operations"),
  });

const optionalDb = z.string().optional();
// reference 4.4.18 table 4-168 AnyPermissionsOperation (name 是, database_name 否, attributes 是 表4-169)
const anyOperation = z.object({ name: z.string(), database_name: optionalDb, attributes: flags(ANY_PERMISSION_KEYS) });
// reference 4.4.18 table 4-171 SystemPermissionsOperation (attributes 是 表4-172)
const systemOperation = z.object({ name: z.string(), database_name: optionalDb, attributes: flags(Object.keys(ATTRIBUTE_KEYS).map((k) => k.replace(/_enabled$/, ""))) });
// reference 4.4.18 table 4-174 SchemaPermissionsOperation (schema_name 是, attributes 是 表4-175)
const schemaOperation = z.object({ name: z.string(), database_name: optionalDb, schema_name: z.string(), attributes: flags(["all", ...SCHEMA_PERMISSION_KEYS]) });
// reference 4.4.18 table 4-177 TablePermissionsOperation (schema_name 是, table_name 否, attributes 是 表4-182)
const tableOperation = z.object({
  name: z.string(),
  database_name: optionalDb,
  schema_name: z.string(),
  table_name: z.string().optional(),
  attributes: flags(["all", ...TABLE_PERMISSION_KEYS]),
});
// reference 4.4.18 table 4-179 SequencePermissionsOperation (schema_name 是, sequence_name 否, attributes 是 表4-185)
const sequenceOperation = z.object({
  name: z.string(),
  database_name: optionalDb,
  schema_name: z.string(),
  sequence_name: z.string().optional(),
  attributes: flags(["all", ...SEQUENCE_PERMISSION_KEYS]),
});
// reference 4.4.18 table 4-181 / 4-184 Newly…PermissionsOperation (source_name 是, target_name 是, schema_name 否)
const newlyOperation = (keys: readonly string[]) =>
  z.object({ source_name: z.string(), target_name: z.string(), database_name: optionalDb, schema_name: z.string().optional(), attributes: flags(["all", ...keys]) });
// reference 4.4.18 table 4-187 UserRolePermissionsOperation (is_reuse "否 Boolean … 缺省值: false")
const userRoleOperation = z.object({ source_name: z.string(), target_name: z.string(), database_name: optionalDb, is_reuse: z.boolean().optional() });

// reference 4.4.18 table 4-166 (请求 Body 参数): eight sections, every one "否"
const customBody = z.object({
  any_permissions: section(anyOperation).optional(),
  system_permissions: section(systemOperation).optional(),
  schema_permissions: section(schemaOperation).optional(),
  table_permissions: section(tableOperation).optional(),
  sequence_permissions: section(sequenceOperation).optional(),
  newly_table_permissions: section(newlyOperation(TABLE_PERMISSION_KEYS)).optional(),
  newly_sequence_permissions: section(newlyOperation(SEQUENCE_PERMISSION_KEYS)).optional(),
  user_role_permissions: section(userRoleOperation).optional(),
});

/**
 * The privileges an attributes object names: those set to true; `all_enabled` true stands for every one of the
 * entity (table 4-175 "模式的all权限" …). False and omitted ones are not part of the operation.
 */
function named(attributes: Record<string, boolean | undefined>, keys: readonly string[]): string[] {
  if (attributes.all_enabled === true) return keys.map((k) => k.toUpperCase());
  return keys.filter((k) => attributes[`${k}_enabled`] === true).map((k) => k.toUpperCase());
}

/** One change a request makes, validated before any is applied. */
type Action =
  | { kind: "grants"; operation: "grant" | "revoke"; rows: GrantRow[] }
  | { kind: "attributes"; account: string; set: boolean; attrs: (keyof AccountAttributes)[] }
  | { kind: "membership"; operation: "grant" | "revoke"; source: string; target: string; admin: boolean };

/** Privileges: reference 4.4.6 (one user, per scope) and 4.4.18 (users and roles, custom privilege sets). */
export function register(r: Router, ctx: EmulatorContext): void {
  r.add("POST", "/gaussdb/v3/instances/{instance_id}/db-user/privileges", (req) => {
    const body = parseBody(privilegesBody, req);
    body.privileges.forEach((e, i) => {
      const allowed: readonly string[] = SCOPE_PRIVILEGES[e.scope];
      // reference 4.4.6 `privilege` "当scope="table"时,取值范围: [...]" (one list per scope, upper case as printed)
      if (!allowed.includes(e.privilege)) {
        throw new DbsError(400, "DBS.280001", { field: `privileges[${i}].privilege`, detail: `must be one of ${allowed.join(", ")} for scope ${e.scope}` });
      }
      for (const f of SCOPE_FIELDS[e.scope]) {
        // reference 4.4.6 table 4-114: the object fields "当scope取到[…]时,该参数生效" name the object (README)
        const v = e[f as keyof PrivilegeEntry];
        if (typeof v !== "string" || v.length === 0) throw new DbsError(400, "DBS.280001", { field: `privileges[${i}].${f}`, detail: `is required for scope ${e.scope}` });
      }
    });
    const inst = operableInstance(ctx, req);
    const actions: Action[] = body.privileges.map((e, i) => {
      const at = `privileges[${i}]`;
      // reference 4.4.6 "给单个数据库用户授权": an existing user or role; A.3 DBS.200824 "数据库账户不存在"
      requireAccount(ctx.state, inst.id, e.name, `${at}.name`);
      const fields = SCOPE_FIELDS[e.scope];
      const database = fields.includes("database_name") ? (e.database_name as string) : null;
      const schema = fields.includes("schema_name") ? (e.schema_name as string) : null;
      if (database !== null) requireDatabase(ctx.state, inst.id, database, `${at}.database_name`);
      if (database !== null && schema !== null) requireSchema(ctx.state, inst.id, database, schema, `${at}.schema_name`);
      const withArgs = e.scope === "function" || e.scope === "procedure";
      const row: GrantRow = {
        instance_id: inst.id,
        grantee: e.name,
        scope: e.scope,
        privilege: e.privilege,
        database,
        schema,
        object: objectOf(e),
        column: e.scope === "table_column" ? (e.column_name as string) : null,
        // reference 4.4.6 `arg_type` "按照函数/存储过程定义时的顺序传入所有参数类型…使用半角逗号分隔开" (none: no arguments)
        arg_type: withArgs ? (e.arg_type ?? "").split(",").map((t) => t.trim()).filter(Boolean).join(",") : null,
        for_role: null,
      };
      return { kind: "grants", operation: e.operation, rows: [row] };
    });
    apply(inst.id, actions);
    return { status: 200 };
  });

  r.add("POST", "/gaussdb/v3.1/instances/{instance_id}/db-user/privileges", (req) => {
    const body = parseBody(customBody, req);
    // reference A.3 DBS.200006 "请求体为空": none of the eight sections
    if (Object.values(body).every((s) => s === undefined)) {
      throw new DbsError(400, "DBS.200006", { detail: "name at least one of any_permissions … user_role_permissions" });
    }
    const inst = operableInstance(ctx, req);
    const st = ctx.state;
    const account = (name: string, field: string) => requireAccount(st, inst.id, name, field).name;
    const database = (name: string | undefined, field: string): string => {
      // Reading: an operation without database_name works in the default database postgres (README)
      const db = name ?? DEFAULT_DATABASE;
      requireDatabase(st, inst.id, db, field);
      return db;
    };
    const row = (over: Partial<GrantRow> & Pick<GrantRow, "grantee" | "scope" | "privilege">): GrantRow => ({
      instance_id: inst.id,
      database: null,
      schema: null,
      object: null,
      column: null,
      arg_type: null,
      for_role: null,
      ...over,
    });
    const actions: Action[] = [];
    const grants = (operation: "grant" | "revoke", rows: GrantRow[]) => actions.push({ kind: "grants", operation, rows });

    if (body.any_permissions) {
      const s = body.any_permissions;
      s.operations.forEach((o, i) => {
        const at = `any_permissions.operations[${i}]`;
        const grantee = account(o.name, `${at}.name`);
        const db = database(o.database_name, `${at}.database_name`);
        // reference 4.4.18 table 4-169 "select_any_table权限" …: the privilege SELECT ANY TABLE …
        const privs = ANY_PERMISSION_KEYS.filter((k) => o.attributes[`${k}_enabled`] === true).map((k) => k.replaceAll("_", " ").toUpperCase());
        grants(s.operation_type, privs.map((privilege) => row({ grantee, scope: "any", privilege, database: db })));
      });
    }
    if (body.system_permissions) {
      const s = body.system_permissions;
      s.operations.forEach((o, i) => {
        const at = `system_permissions.operations[${i}]`;
        const name = account(o.name, `${at}.name`);
        if (o.database_name !== undefined) database(o.database_name, `${at}.database_name`);
        // reference 4.4.18 table 4-172 (the 4.4.7 attributes): grant sets the named ones, revoke clears them
        const attrs = Object.entries(ATTRIBUTE_KEYS).filter(([k]) => o.attributes[k] === true).map(([, a]) => a);
        actions.push({ kind: "attributes", account: name, set: s.operation_type === "grant", attrs });
      });
    }
    const objectSection = (
      key: "schema_permissions" | "table_permissions" | "sequence_permissions",
      scope: GrantScope,
      keys: readonly string[],
      objectName: (o: Record<string, unknown>) => string | null,
    ) => {
      const s = body[key] as { operation_type: "grant" | "revoke"; operations: { name: string; database_name?: string; schema_name: string; attributes: Record<string, boolean | undefined> }[] } | undefined;
      if (!s) return;
      s.operations.forEach((o, i) => {
        const at = `${key}.operations[${i}]`;
        const grantee = account(o.name, `${at}.name`);
        const db = database(o.database_name, `${at}.database_name`);
        requireSchema(st, inst.id, db, o.schema_name, `${at}.schema_name`);
        const object = objectName(o);
        grants(s.operation_type, named(o.attributes, keys).map((privilege) => row({ grantee, scope, privilege, database: db, schema: o.schema_name, object })));
      });
    };
    objectSection("schema_permissions", "schema", SCHEMA_PERMISSION_KEYS, () => null);
    // reference 4.4.18 `table_name` "否" / `sequence_name` "否": omitted → every table (sequence) of the schema
    objectSection("table_permissions", "table", TABLE_PERMISSION_KEYS, (o) => (o.table_name as string | undefined) ?? null);
    objectSection("sequence_permissions", "sequence", SEQUENCE_PERMISSION_KEYS, (o) => (o.sequence_name as string | undefined) ?? null);

    const newlySection = (key: "newly_table_permissions" | "newly_sequence_permissions", scope: GrantScope, keys: readonly string[]) => {
      const s = body[key];
      if (!s) return;
      s.operations.forEach((o, i) => {
        const at = `${key}.operations[${i}]`;
        const source = account(o.source_name, `${at}.source_name`);
        const grantee = account(o.target_name, `${at}.target_name`);
        const db = database(o.database_name, `${at}.database_name`);
        // reference 4.4.18 `schema_name` "否": omitted → the source's new objects in every schema
        if (o.schema_name !== undefined) requireSchema(st, inst.id, db, o.schema_name, `${at}.schema_name`);
        grants(s.operation_type, named(o.attributes, keys).map((privilege) => row({ grantee, scope, privilege, database: db, schema: o.schema_name ?? null, for_role: source })));
      });
    };
    newlySection("newly_table_permissions", "newly_table", TABLE_PERMISSION_KEYS);
    newlySection("newly_sequence_permissions", "newly_sequence", SEQUENCE_PERMISSION_KEYS);

    if (body.user_role_permissions) {
      const s = body.user_role_permissions;
      // memberships as they will be after the earlier operations of this request, to refuse cycles
      const members = new Map(accountsOf(st, inst.id).map((a) => [a.name, new Set(a.memberof.map((m) => m.role))]));
      const reaches = (from: string, to: string): boolean => {
        const seen = new Set<string>();
        const stack = [from];
        while (stack.length > 0) {
          const n = stack.pop() as string;
          if (n === to) return true;
          if (seen.has(n)) continue;
          seen.add(n);
          stack.push(...(members.get(n) ?? []));
        }
        return false;
      };
      s.operations.forEach((o, i) => {
        const at = `user_role_permissions.operations[${i}]`;
        // the source may also be one of GaussDB's built-in roles (4.4.13 example: root is a member of gs_role_…)
        const source = (SYSTEM_ROLES as readonly string[]).includes(o.source_name) ? o.source_name : account(o.source_name, `${at}.source_name`);
        const target = account(o.target_name, `${at}.target_name`);
        if (o.database_name !== undefined) database(o.database_name, `${at}.database_name`);
        if (s.operation_type === "grant") {
          // A.3 DBS.200821 "修改数据库用户权限失败": GaussDB refuses a role granted to itself or a membership cycle
          if (reaches(source, target)) {
            throw new DbsError(400, "DBS.200821", { field: `${at}.source_name`, detail: `${target} would become a member of itself through ${source}` });
          }
          (members.get(target) ?? members.set(target, new Set()).get(target))?.add(source);
        } else {
          members.get(target)?.delete(source);
        }
        actions.push({ kind: "membership", operation: s.operation_type, source, target, admin: o.is_reuse ?? false });
      });
    }
    apply(inst.id, actions);
    return { status: 200 };
  });

  /** Apply validated actions in request order. */
  function apply(instanceId: string, actions: readonly Action[]): void {
    for (const a of actions) {
      if (a.kind === "grants") {
        applyGrants(ctx.state, a.operation, a.rows);
        continue;
      }
      const account = findAccount(ctx.state, instanceId, a.kind === "attributes" ? a.account : a.target);
      if (!account) continue; // validated above: cannot happen
      if (a.kind === "attributes") {
        for (const attr of a.attrs) (account.attributes as unknown as Record<string, boolean>)[attr] = a.set;
      } else if (a.operation === "grant") {
        // reference 4.4.18 `is_reuse` "如果为true,表明被授权的用户也可以将此权限赋予他人"
        const held = account.memberof.find((m) => m.role === a.source);
        if (held) held.admin_option = held.admin_option || a.admin;
        else account.memberof.push({ role: a.source, admin_option: a.admin });
      } else {
        account.memberof = account.memberof.filter((m) => m.role !== a.source);
      }
    }
  }
}
