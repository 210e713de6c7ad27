/**
 * The API calls of the database objects (reference 4.4): databases (4.4.1 create, 4.4.12 list), schemas (4.4.2
 * create, 4.4.3 list) and the users list (4.4.13) that decides whether an owner exists: the `databases` and
 * `schemas` sections of `ops`. None of them starts a job: each answers 200 with the result (the creates with no body).
 *
 * operations.ts imports this file and this file imports op() and paged() from operations.ts; so the sections are
 * built by a function that operations.ts calls while it builds `ops` (when op() can run), never at this module's top
 * level, and nothing it uses is a module-level constant of this file (whichever of the two files is loaded first).
 * The rest of the provider reaches the calls through `ops.databases` and `ops.schemas` (import from ".");
 * import this file only for its types.
 */
import { z } from "zod";
import { bool, int, opt, text } from "./shapes";
import { op, paged, type PageQuery } from "./operations";

// ---- shapes ----

/** A database as 4.4.12 lists it (table 4-136). */
function databaseSchema() {
  return z.looseObject({
    name: z.string(),
    owner: opt(z.string()),
    size: opt(text()),
    character_set: opt(z.string()),
    collate_set: opt(z.string()),
    datctype: opt(z.string()),
  });
}
/** A database (4.4.12 table 4-136). */
export type Database = z.output<ReturnType<typeof databaseSchema>>;

/** A schema as 4.4.3 lists it (table 4-104). */
function schemaSchema() {
  return z.looseObject({ schema_name: z.string(), owner: opt(z.string()) });
}
/** A schema (4.4.3 table 4-104). */
export type Schema = z.output<ReturnType<typeof schemaSchema>>;

/** A database user as 4.4.13 lists it (table 4-142); only the name is relied on. */
function dbUserSchema() {
  return z.looseObject({ name: z.string(), lock_status: opt(bool()), memberof: opt(z.string()) });
}
/** A database user (4.4.13 table 4-142). */
export type DbUser = z.output<ReturnType<typeof dbUserSchema>>;

// ---- request types ----

/** Body of 4.4.1 (table 4-93). */
export interface CreateDatabaseRequest {
  name: string;
  character_set?: string;
  owner?: string;
  template?: string;
  lc_collate?: string;
  lc_ctype?: string;
}

/** Body of 4.4.2 (tables 4-97, 4-98): the resource sends one schema per request (at most 20 allowed). */
export interface CreateSchemaRequest {
  db_name: string;
  schemas: { name: string; owner: string }[];
}

/** Query of 4.4.3 (table 4-101): `db_name` is required. */
export interface SchemaQuery extends PageQuery {
  db_name: string;
}

/** The `databases` and `schemas` sections of `ops` (operations.ts lists them in `ops`). */
export function databaseOperations() {
  // The lists are built first and wrapped by paged() after: an op() call written inside paged(…)(…) infers its path
  // from the outer call and loses the literal, so client.listAll would not accept the `{instance_id}` parameter.
  const listDatabases = op<PageQuery>()({
    id: "databases.list",
    ref: "4.4.12",
    method: "GET",
    path: "/gaussdb/v3/instances/{instance_id}/databases",
    idempotent: true,
    response: z.looseObject({ total_count: opt(int()), databases: z.array(databaseSchema()) }),
  });
  // Whether a database's owner exists (reference 4.4.1 owner "必须是已存在的用户").
  const listUsers = op<PageQuery>()({
    id: "databases.listUsers",
    ref: "4.4.13",
    method: "GET",
    path: "/gaussdb/v3/instances/{instance_id}/db-users",
    idempotent: true,
    response: z.looseObject({ total_count: opt(int()), users: z.array(dbUserSchema()) }),
  });
  const listSchemas = op<SchemaQuery>()({
    id: "schemas.list",
    ref: "4.4.3",
    method: "GET",
    path: "/gaussdb/v3/instances/{instance_id}/schemas",
    idempotent: true,
    response: z.looseObject({ total_count: opt(int()), database_schemas: z.array(schemaSchema()) }),
  });
  return {
    databases: {
      create: op<undefined, CreateDatabaseRequest>()({
        id: "databases.create",
        ref: "4.4.1",
        method: "POST",
        path: "/gaussdb/v3/instances/{instance_id}/database",
        // A replay after the platform acted would be refused (the name exists): a lost reply is decided by the list.
        idempotent: false,
        response: z.unknown(), // reference 4.4.1 响应示例 "无"
      }),
      // reference 4.4.12 table 4-133 limit: "最小值为1,最大值为100".
      list: paged<PageQuery, Database>(100, "databases")(listDatabases),
      // reference 4.4.13 table 4-139 limit: "最小值为1,最大值为100".
      listUsers: paged<PageQuery, DbUser>(100, "users")(listUsers),
    },
    schemas: {
      create: op<undefined, CreateSchemaRequest>()({
        id: "schemas.create",
        ref: "4.4.2",
        method: "POST",
        path: "/gaussdb/v3/instances/{instance_id}/schema",
        idempotent: false,
        response: z.unknown(), // reference 4.4.2 响应示例 "无"
      }),
      // reference 4.4.3 table 4-101 limit: "取值范围 [1,2147483646]"; pages of 1000 keep each answer small.
      list: paged<SchemaQuery, Schema>(1000, "database_schemas")(listSchemas),
    },
  };
}
