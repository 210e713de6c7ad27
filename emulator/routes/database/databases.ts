import { z } from "zod";
import { DbsError } from "../../errors";
import type { EmulatorContext, Router } from "../../router";
import { newUuid } from "../../state";
import { page, parseBody, parseQuery, queryInt } from "../../validate";
import { databaseView, databasesOf, findDatabase, requireAccount } from "../../domain/database/model";
import { ROOT, TEMPLATE_DATABASES, checkDatabaseName, checkOwnerName } from "../../domain/database/rules";
import { operableInstance, pathInstance } from "./common";

// reference 4.4.1 table 4-93 (请求 Body 参数)
const createBody = z.object({
  // reference 4.4.1 `name` "是 String"
  name: z.string(),
  // reference 4.4.1 `character_set` "否 String"
  character_set: z.string().min(1).optional(),
  // reference 4.4.1 `owner` "否 String … 缺省时默认是root"
  owner: z.string().optional(),
  // reference 4.4.1 `template` "否 String"
  template: z.string().optional(),
  // reference 4.4.1 `lc_collate` "否 String 数据库排序集。默认C。"
  lc_collate: z.string().min(1).optional(),
  // reference 4.4.1 `lc_ctype` "否 String 数据库分类集。默认C。"
  lc_ctype: z.string().min(1).optional(),
});

// reference 4.4.12 table 4-133 (Query 参数)
const listQuery = z.object({
  // reference 4.4.12 `limit` "默认为10,不能为负数,最小值为1,最大值为100"; A.3 DBS.280439 "…请输入小于等于100的正整数"
  limit: queryInt("limit", 1, 100, "DBS.280439"),
  // reference 4.4.12 `offset` "默认为0…必须为数字,不能为负数"
  offset: queryInt("offset", 0, Number.MAX_SAFE_INTEGER),
});

/**
 * The templates' character set: 4.4.1 `character_set` "不指定该参数时新创建的数据库字符编码与模板库的字符编码一致", and
 * GaussDB's template databases are UTF8 (README "Database objects").
 */
const TEMPLATE_CHARACTER_SET = "UTF8";

/** Databases (reference 4.4.1 create, 4.4.12 list). The reference has no API to drop a database. */
export function register(r: Router, ctx: EmulatorContext): void {
  r.add("POST", "/gaussdb/v3/instances/{instance_id}/database", (req) => {
    const body = parseBody(createBody, req);
    checkDatabaseName(body.name, "name");
    // reference 4.4.1 `template` "可选的数据库模板包括postgres、 template0、 template1、 templatem"
    if (body.template !== undefined && !(TEMPLATE_DATABASES as readonly string[]).includes(body.template)) {
      throw new DbsError(400, "DBS.280001", { field: "template", detail: `must be one of ${TEMPLATE_DATABASES.join(", ")}` });
    }
    const owner = body.owner ?? ROOT;
    checkOwnerName(owner, "owner", false);
    const inst = operableInstance(ctx, req);
    // reference A.2 409 "客户端尝试创建的资源已经存在" has no A.3 code: a taken name is an invalid parameter (README)
    if (findDatabase(ctx.state, inst.id, body.name)) {
      throw new DbsError(400, "DBS.280001", { field: "name", detail: `database ${body.name} already exists` });
    }
    // reference 4.4.1 `owner` "且必须是已存在的用户"; A.3 DBS.200824 "数据库账户不存在"
    requireAccount(ctx.state, inst.id, owner, "owner");
    const id = newUuid();
    ctx.state.data.dbDatabases[id] = {
      id,
      instance_id: inst.id,
      name: body.name,
      owner,
      character_set: body.character_set ?? TEMPLATE_CHARACTER_SET,
      // reference 4.4.1 `lc_collate` "默认C", `lc_ctype` "默认C"
      lc_collate: body.lc_collate ?? "C",
      lc_ctype: body.lc_ctype ?? "C",
      template: body.template ?? null,
      created: Date.now(),
    };
    // reference 4.4.1 状态码 "200 正常", 响应示例 "无"
    return { status: 200 };
  });

  r.add("GET", "/gaussdb/v3/instances/{instance_id}/databases", (req) => {
    const q = parseQuery(listQuery, req);
    const inst = pathInstance(ctx, req);
    // reference 4.4.12 response example: only the databases created on the instance are listed (README)
    const all = databasesOf(ctx.state, inst.id);
    const items = page(all, { offset: q.offset, limit: q.limit, defaultLimit: 10 });
    // reference 4.4.12 table 4-135 `databases`, `total_count` "数据库数量总数"
    return { status: 200, body: { databases: items.map(databaseView), total_count: all.length } };
  });
}
