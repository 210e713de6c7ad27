/**
 * The privilege calls of the database objects (reference 4.4.6 and 4.4.18): the `privileges` section of `ops`.
 * Both answer 200 with no body ("响应示例 无"), start no job, and grant or revoke in the same request shape, so a
 * replay is harmless (granting what is held, or revoking what is not, changes nothing): both are idempotent.
 *
 * operations.ts imports this file and this file imports op() from operations.ts; so the section is built by a
 * function that operations.ts calls while it builds `ops` (when op() can run), never at this module's top level,
 * and the function uses no module-level constant of this file. The rest of the provider reaches the calls through
 * `ops.privileges` (import from "."); import this file only for its types.
 */
import { z } from "zod";
import { op } from "./operations";

/** reference 4.4.6 table 4-114 operation: "取值范围:["grant", "revoke"]". */
export type GrantOperation = "grant" | "revoke";

/** reference 4.4.6 table 4-114 scope: the eight scopes. */
export type PrivilegeScope = "table" | "table_column" | "database" | "schema" | "sequence" | "function" | "procedure" | "tablespace";

/** One entry of 4.4.6 (table 4-114 privilege): one privilege of one user on one object. */
export interface PrivilegeEntry {
  /** "数据库用户名称". */
  name: string;
  operation: GrantOperation;
  scope: PrivilegeScope;
  /** "具体权限名称", one of the scope's list. */
  privilege: string;
  schema_name?: string;
  table_name?: string;
  column_name?: string;
  database_name?: string;
  sequence_name?: string;
  function_name?: string;
  procedure_name?: string;
  tablespace_name?: string;
  /** "函数/存储过程的全部参数类型 … 参数类型之间使用半角逗号分隔开". */
  arg_type?: string;
}

/** Body of 4.4.6 (table 4-113). */
export interface GrantRequest {
  privileges: PrivilegeEntry[];
}

/**
 * One operation of a 4.4.18 object section (tables 4-174, 4-177, 4-179): privileges of a user or role on a
 * schema, a table or a sequence, as `<privilege>_enabled` flags (tables 4-175, 4-182, 4-185).
 */
export interface ObjectPermissionsOperation {
  /** "用户/角色名". */
  name: string;
  database_name?: string;
  /** "是" in all three sections. */
  schema_name: string;
  table_name?: string;
  sequence_name?: string;
  attributes: Record<string, boolean>;
}

/** One operation of 4.4.18 `user_role_permissions` (table 4-187): the source role granted to the target. */
export interface UserRolePermissionsOperation {
  /** "要分配权限的来源用户或者角色名". */
  source_name: string;
  /** "要分配给权限的目标用户或者角色名". */
  target_name: string;
  database_name?: string;
  /** "如果为true,表明被授权的用户也可以将此权限赋予他人。缺省值: false". */
  is_reuse?: boolean;
}

/** A 4.4.18 section (tables 4-173, 4-176, 4-178, 4-186): `operations` "数组长度: 1 - 30". */
export interface PermissionsSection<O> {
  operation_type: GrantOperation;
  operations: O[];
}

/** Body of 4.4.18 (table 4-166), the sections the provider sends (every one "否"). */
export interface CustomPrivilegesRequest {
  schema_permissions?: PermissionsSection<ObjectPermissionsOperation>;
  table_permissions?: PermissionsSection<ObjectPermissionsOperation>;
  sequence_permissions?: PermissionsSection<ObjectPermissionsOperation>;
  user_role_permissions?: PermissionsSection<UserRolePermissionsOperation>;
}

/** The `privileges` section of `ops`, built when operations.ts asks (a new object per call). */
export function privilegeOperations() {
  // reference 4.4.6 / 4.4.18 响应示例 "无": a 200 without a body.
  const noBody = z.unknown();
  return {
    // reference 4.4.6 "在指定实例上给单个数据库用户授权或回收权限".
    grant: op<undefined, GrantRequest>()({
      id: "privileges.grant",
      ref: "4.4.6",
      method: "POST",
      path: "/gaussdb/v3/instances/{instance_id}/db-user/privileges",
      idempotent: true,
      response: noBody,
    }),
    // reference 4.4.18 "在指定实例上自定义用户/角色授权或回收权限" (X-Mini-Token, table 4-165).
    custom: op<undefined, CustomPrivilegesRequest>()({
      id: "privileges.custom",
      ref: "4.4.18",
      method: "POST",
      path: "/gaussdb/v3.1/instances/{instance_id}/db-user/privileges",
      idempotent: true,
      response: noBody,
    }),
  } as const;
}
