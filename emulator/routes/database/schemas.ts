import { z } from "zod";
import { DbsError } from "../../errors";
import type { EmulatorContext, Router } from "../../router";
import { newUuid } from "../../state";
import { page, parseBody, parseQuery, queryInt } from "../../validate";
import { databaseExists, findDatabase, requireAccount, schemaExists, schemaView, schemasOf } from "../../domain/database/model";
import { checkDatabaseName, checkOwnerName, checkSchemaName } from "../../domain/database/rules";
import { pathInstance, operableInstance } from "./common";

// reference 4.4.2 table 4-97 `schemas` "单次请求最多支持20个元素"
const MAX_SCHEMAS = 20;

// reference 4.4.2 table 4-97 (请求 Body 参数) and table 4-98 GaussDBCreateSchemaReq
const createBody = z.object({
  // reference 4.4.2 `db_name` "是 String"
  db_name: z.string(),
  // reference 4.4.2 `schemas` "是 Array of 表4-98 objects … 单次请求最多支持20个元素"
  schemas: z
    .array(z.object({ name: z.string(), owner: z.string() }))
    .min(1, "must hold at least one schema")
    .max(MAX_SCHEMAS, `must hold at most ${MAX_SCHEMAS} schemas`),
});

// reference 4.4.3 table 4-101 (Query 参数)
const listQuery = z.object({
  // reference 4.4.3 `db_name` "是 String"
  db_name: z.string({ error: "is required" }).min(1, "is required"),
  // reference 4.4.3 `offset` "offset大于等于0"
  offset: queryInt("offset", 0, Number.MAX_SAFE_INTEGER),
  // reference 4.4.3 `limit` "取值范围 [1,2147483646]"
  limit: queryInt("limit", 1, 2147483646),
});

/** Schemas (reference 4.4.2 create, 4.4.3 list). The reference has no API to drop a schema. */
export function register(r: Router, ctx: EmulatorContext): void {
  r.add("POST", "/gaussdb/v3/instances/{instance_id}/schema", (req) => {
    const body = parseBody(createBody, req);
    checkDatabaseName(body.db_name, "db_name");
    body.schemas.forEach((s, i) => {
      checkSchemaName(s.name, `schemas[${i}].name`);
      checkOwnerName(s.owner, `schemas[${i}].owner`, true);
      // reference 4.4.2 `name` "不能和…已存在的SCHEMA重名" (also one named earlier in the same request)
      if (body.schemas.findIndex((o) => o.name === s.name) !== i) {
        throw new DbsError(400, "DBS.280001", { field: `schemas[${i}].name`, detail: `schema ${s.name} is named twice` });
      }
    });
    const inst = operableInstance(ctx, req);
    // reference 4.4.2 "在指定实例的数据库中": the database must exist; A.3 DBS.200044 "访问资源不存在"
    if (!findDatabase(ctx.state, inst.id, body.db_name)) {
      throw new DbsError(400, "DBS.200044", { field: "db_name", detail: `no database ${body.db_name}` });
    }
    body.schemas.forEach((s, i) => {
      // reference 4.4.2 `name` "不能和…已存在的SCHEMA重名。已存在的schema包括public,information_schema。"
      if (schemaExists(ctx.state, inst.id, body.db_name, s.name)) {
        throw new DbsError(400, "DBS.280001", { field: `schemas[${i}].name`, detail: `schema ${s.name} already exists in database ${body.db_name}` });
      }
      // reference 4.4.2 `owner` "数据库属主用户": an existing account (README); A.3 DBS.200824 "数据库账户不存在"
      requireAccount(ctx.state, inst.id, s.owner, `schemas[${i}].owner`);
    });
    const now = Date.now();
    for (const s of body.schemas) {
      const id = newUuid();
      ctx.state.data.dbSchemas[id] = { id, instance_id: inst.id, database: body.db_name, name: s.name, owner: s.owner, created: now };
    }
    // reference 4.4.2 状态码 "200 正常", 响应示例 "无"
    return { status: 200 };
  });

  r.add("GET", "/gaussdb/v3/instances/{instance_id}/schemas", (req) => {
    const q = parseQuery(listQuery, req);
    const inst = pathInstance(ctx, req);
    // reference 4.4.3 接口约束 "实例在异常或冻结状态下不能执行该操作"; A.3 DBS.280011 "实例状态不正常"
    if (inst.status === "FAILED") throw new DbsError(400, "DBS.280011", { detail: `instance ${inst.id} is FAILED` });
    if (!databaseExists(ctx.state, inst.id, q.db_name)) {
      throw new DbsError(400, "DBS.200044", { field: "db_name", detail: `no database ${q.db_name}` });
    }
    // reference 4.4.3 response example: the schemas created in the database (public, information_schema are not listed)
    const all = schemasOf(ctx.state, inst.id, q.db_name);
    // reference 4.4.3 `limit` prints no default: without one, every schema is listed (README)
    const items = page(all, { offset: q.offset, limit: q.limit, defaultLimit: Number.MAX_SAFE_INTEGER });
    // reference 4.4.3 table 4-103 `database_schemas`, `total_count` "数据库schema总数"
    return { status: 200, body: { database_schemas: items.map(schemaView), total_count: all.length } };
  });
}
