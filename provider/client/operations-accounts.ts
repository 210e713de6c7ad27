/**
 * Database accounts of an instance (reference 4.4.4–4.4.5, 4.4.7–4.4.11, 4.4.13, 4.4.16–4.4.17): the `users` and
 * `roles` sections of `ops`. Every call is synchronous (the sections answer 200 "响应示例 无", no job).
 *
 * operations.ts imports this file and this file imports op() and paged() from operations.ts; so the sections are
 * built by a function that operations.ts calls while it builds `ops` (when op() can run), never at this module's
 * top level, and the function uses no module-level variable (whichever of the two files is loaded first).
 */
import { z } from "zod";
import { bool, int, text } from "./shapes";
import { op, paged, type PageQuery } from "./operations";

/** One account of 4.4.13 table 4-142 (`attribute` is table 4-143). */
function dbUserSchema() {
  return z.looseObject({
    name: z.string(),
    lock_status: bool().nullish(),
    attribute: z
      .looseObject({
        rolsuper: bool().nullish(),
        rolinherit: bool().nullish(),
        rolcreaterole: bool().nullish(),
        rolcreatedb: bool().nullish(),
        rolcanlogin: bool().nullish(),
        rolconnlimit: int().nullish(),
        rolreplication: bool().nullish(),
        rolbypassrls: bool().nullish(),
        rolpassworddeadline: text().nullish(),
      })
      .nullish(),
    memberof: text().nullish(),
  });
}
/** A database account as 4.4.13 lists it. */
export type DbUserRecord = z.output<ReturnType<typeof dbUserSchema>>;

/** The 4.4.7 attributes, in the spelling of its example (reference 4.4.7: "attributes 内参数当前仅支持示例中的9个"). */
export interface DbUserAttributesBody {
  sysadmin_enabled?: boolean;
  createdb_enabled?: boolean;
  createrole_enabled?: boolean;
  auditadmin_enabled?: boolean;
  monadmin_enabled?: boolean;
  opradmin_enabled?: boolean;
  poladmin_enabled?: boolean;
  replication_enabled?: boolean;
  login_enabled?: boolean;
}

/** Body of 4.4.8: each built-in user's name with its new password (every field optional). */
export interface InitPasswordsBody {
  admin_name?: string;
  admin_password?: string;
  metric_name?: string;
  metric_password?: string;
  repl_name?: string;
  repl_password?: string;
  backup_name?: string;
  backup_password?: string;
  root_name?: string;
  root_password?: string;
}

/** The `users` and `roles` sections, built when operations.ts asks (a new object per call). */
export function accountOperations() {
  const noBody = z.unknown();
  // Built apart from paged(): as its argument, op()'s path would be inferred as any string, losing the path parameters.
  const usersList = op<PageQuery>()({
    id: "users.list",
    ref: "4.4.13",
    method: "GET",
    path: "/gaussdb/v3/instances/{instance_id}/db-users",
    idempotent: true,
    response: z.looseObject({ total_count: int().nullish(), users: z.array(dbUserSchema()) }),
  });
  return {
    users: {
      // reference 4.4.4 table 4-107 name, password "是"; is_login_only "否". The tables say "FormData 参数"; the
      // example is a JSON body, as every call of the reference (3.1).
      create: op<undefined, { name: string; password: string; is_login_only?: boolean }>()({
        id: "users.create",
        ref: "4.4.4",
        method: "POST",
        path: "/gaussdb/v3/instances/{instance_id}/db-user",
        idempotent: false,
        response: noBody,
      }),
      // reference 4.4.5 table 4-110 name; no example: the name goes in a JSON body, as 4.4.17's DELETE example has it.
      delete: op<undefined, { name: string }>()({
        id: "users.delete",
        ref: "4.4.5",
        method: "DELETE",
        path: "/gaussdb/v3/instances/{instance_id}/db-user",
        idempotent: false,
        response: noBody,
      }),
      // reference 4.4.7: setting the same attributes again changes nothing.
      setAttributes: op<undefined, { name: string; attributes: DbUserAttributesBody }>()({
        id: "users.setAttributes",
        ref: "4.4.7",
        method: "POST",
        path: "/gaussdb/v3/instances/{instance_id}/db-user/attributes",
        idempotent: true,
        response: noBody,
      }),
      // reference 4.4.8. A replay after the platform acted is refused as the old password (A.3 DBS.200475), which
      // the caller reads as done.
      initPasswords: op<undefined, InitPasswordsBody>()({
        id: "users.initPasswords",
        ref: "4.4.8",
        method: "PUT",
        path: "/gaussdb/v3/instances/{instance_id}/db-user/init-password",
        idempotent: true,
        response: noBody,
      }),
      // reference 4.4.9; a replay is refused as the old password (DBS.200475), read as done.
      resetPassword: op<undefined, { name: string; password: string }>()({
        id: "users.resetPassword",
        ref: "4.4.9",
        method: "PUT",
        path: "/gaussdb/v3/instances/{instance_id}/db-user/password",
        idempotent: true,
        response: noBody,
      }),
      lock: op<undefined, { name: string }>()({
        id: "users.lock",
        ref: "4.4.10",
        method: "PUT",
        path: "/gaussdb/v3/instances/{instance_id}/db-user/lock",
        idempotent: true,
        response: noBody,
      }),
      unlock: op<undefined, { name: string }>()({
        id: "users.unlock",
        ref: "4.4.11",
        method: "PUT",
        path: "/gaussdb/v3/instances/{instance_id}/db-user/unlock",
        idempotent: true,
        response: noBody,
      }),
      // reference 4.4.13 table 4-139 limit: "默认为10,不能为负数,最小值为1,最大值为100" (A.3 DBS.280439); no name filter.
      list: paged<PageQuery, DbUserRecord>(100, "users")(usersList),
    },
    roles: {
      // reference 4.4.16 table 4-158 name, password "是".
      create: op<undefined, { name: string; password: string }>()({
        id: "roles.create",
        ref: "4.4.16",
        method: "POST",
        path: "/gaussdb/v3/instances/{instance_id}/db-role",
        idempotent: false,
        response: noBody,
      }),
      // reference 4.4.17 table 4-162 name; the example sends it in the DELETE's JSON body.
      delete: op<undefined, { name: string }>()({
        id: "roles.delete",
        ref: "4.4.17",
        method: "DELETE",
        path: "/gaussdb/v3/instances/{instance_id}/db-role",
        idempotent: false,
        response: noBody,
      }),
    },
  } as const;
}
