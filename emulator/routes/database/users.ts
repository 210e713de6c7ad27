import { z } from "zod";
import { DbsError } from "../../errors";
import type { EmulatorContext, Router } from "../../router";
import { newUuid } from "../../state";
import { page, parseBody, parseQuery, queryInt } from "../../validate";
import type { AccountRecord } from "../../domain/database/records";
import { dropAccount, findAccount, listedAccounts, newSalt, ownedBy, requireAccount, setPassword, userAttributes, userView } from "../../domain/database/model";
import { ATTRIBUTE_KEYS, ROOT, checkAccountName, checkAccountPassword, checkNotOldPassword } from "../../domain/database/rules";
import { operableInstance, pathInstance } from "./common";

// reference 4.4.4 table 4-107 (FormData 参数; the example sends JSON)
const createBody = z.object({
  // reference 4.4.4 `name` "是 String"
  name: z.string(),
  // reference 4.4.4 `password` "是 String"
  password: z.string(),
  // reference 4.4.4 `is_login_only` "否 boolean"
  is_login_only: z.boolean().optional(),
});

// reference 4.4.5 table 4-110, 4.4.10 table 4-127, 4.4.11 table 4-130 `name` "是 String 数据库用户名"
const nameBody = z.object({ name: z.string() });

// reference 4.4.9 table 4-124 `name` "是 String", `password` "是 String 数据库新用户密码"
const passwordBody = z.object({ name: z.string(), password: z.string() });

// reference 4.4.7 table 4-118 attributes (the example's spelling, README "Database objects"): every one "否 Boolean"
const attributesShape = Object.fromEntries(Object.keys(ATTRIBUTE_KEYS).map((k) => [k, z.boolean().optional()])) as Record<
  keyof typeof ATTRIBUTE_KEYS,
  z.ZodOptional<z.ZodBoolean>
>;
// reference 4.4.7 table 4-117 `name` "是 String", `attributes` "是 表4-118 object"
const attributesBody = z.object({ name: z.string(), attributes: z.object(attributesShape) });

// reference 4.4.8 table 4-121 (FormData 参数): five name/password pairs, every field "否"
const INIT_PAIRS = [
  { prefix: "admin", user: "rdsAdmin" },
  { prefix: "metric", user: "rdsMetric" },
  { prefix: "repl", user: "rdsRepl" },
  { prefix: "backup", user: "rdsBackup" },
  { prefix: "root", user: ROOT },
] as const;
const initBody = z.object(
  Object.fromEntries(INIT_PAIRS.flatMap((p) => [[`${p.prefix}_name`, z.string().optional()], [`${p.prefix}_password`, z.string().optional()]])) as Record<
    string,
    z.ZodOptional<z.ZodString>
  >,
);

// reference 4.4.13 table 4-139 (Query 参数; "String", numbers in the query string)
const listQuery = z.object({
  // reference 4.4.13 `limit` "默认为10,不能为负数,最小值为1,最大值为100"; A.3 DBS.280439
  limit: queryInt("limit", 1, 100, "DBS.280439"),
  // reference 4.4.13 `offset` "必须为数字,不能为负数"
  offset: queryInt("offset", 0, Number.MAX_SAFE_INTEGER),
});

/** Database users (reference 4.4.4, 4.4.5, 4.4.7–4.4.11, 4.4.13). */
export function register(r: Router, ctx: EmulatorContext): void {
  // ---- create (4.4.4) -------------------------------------------------------------------------------------------
  r.add("POST", "/gaussdb/v3/instances/{instance_id}/db-user", (req) => {
    const body = parseBody(createBody, req);
    checkAccountName(body.name, "name");
    checkAccountPassword(body.name, body.password, "password");
    const inst = operableInstance(ctx, req);
    // reference A.2 409 "客户端尝试创建的资源已经存在" has no A.3 code: a taken name is an invalid parameter (README)
    if (findAccount(ctx.state, inst.id, body.name)) {
      throw new DbsError(400, "DBS.280001", { field: "name", detail: `database user or role ${body.name} already exists` });
    }
    const now = Date.now();
    const id = newUuid();
    const user: AccountRecord = {
      id,
      instance_id: inst.id,
      name: body.name,
      kind: "user",
      builtin: false,
      password_hash: null,
      password_salt: newSalt(),
      password_set_at: now,
      locked: false,
      // reference 4.4.4 `is_login_only` "否" (false when omitted: LOGIN, CREATEROLE and CREATEDB)
      attributes: userAttributes(body.is_login_only ?? false),
      memberof: [],
      created: now,
    };
    setPassword(user, body.password, now);
    ctx.state.data.dbAccounts[id] = user;
    // reference 4.4.4 状态码 "200 正常", 响应示例 "无"
    return { status: 200 };
  });

  // ---- delete (4.4.5) -------------------------------------------------------------------------------------------
  r.add("DELETE", "/gaussdb/v3/instances/{instance_id}/db-user", (req) => {
    const body = parseBody(nameBody, req);
    const inst = operableInstance(ctx, req);
    const user = requireAccount(ctx.state, inst.id, body.name, "name");
    // A.3 DBS.200062 "…或是为数据库管理账号": root is the instance's administrator (4.4.1 "缺省时默认是root")
    if (user.name === ROOT) throw new DbsError(400, "DBS.200062", { field: "name", detail: "root is the instance's administrator account" });
    // A.3 DBS.200818 "删除数据库用户失败": GaussDB does not drop an account that still owns objects
    const owned = ownedBy(ctx.state, inst.id, user.name);
    if (owned.length > 0) throw new DbsError(400, "DBS.200818", { field: "name", detail: `${user.name} owns ${owned.join(", ")}` });
    dropAccount(ctx.state, user);
    return { status: 200 };
  });

  // ---- attributes (4.4.7) ---------------------------------------------------------------------------------------
  r.add("POST", "/gaussdb/v3/instances/{instance_id}/db-user/attributes", (req) => {
    // reference 4.4.7 "attributes 内参数当前仅支持示例中的9个,不在列表中的参数会被直接丢弃不做处理" (unknown keys ignored)
    const body = parseBody(attributesBody, req);
    const inst = operableInstance(ctx, req);
    const user = requireAccount(ctx.state, inst.id, body.name, "name");
    for (const [key, attr] of Object.entries(ATTRIBUTE_KEYS)) {
      const v = body.attributes[key as keyof typeof ATTRIBUTE_KEYS];
      // true sets the attribute, false clears it, an omitted one is left as it is
      if (v !== undefined) user.attributes[attr] = v;
    }
    return { status: 200 };
  });

  // ---- built-in passwords (4.4.8) -------------------------------------------------------------------------------
  r.add("PUT", "/gaussdb/v3/instances/{instance_id}/db-user/init-password", (req) => {
    const body = parseBody(initBody, req);
    const pairs: { user: string; password: string; field: string }[] = [];
    for (const p of INIT_PAIRS) {
      const name = body[`${p.prefix}_name`];
      const pw = body[`${p.prefix}_password`];
      if (name === undefined && pw === undefined) continue;
      // reference 4.4.8 example: a user's name and its new password travel together ("metric_name", "metric_password")
      if (name === undefined) throw new DbsError(400, "DBS.280001", { field: `${p.prefix}_name`, detail: `is required with ${p.prefix}_password` });
      if (pw === undefined) throw new DbsError(400, "DBS.280001", { field: `${p.prefix}_password`, detail: `is required with ${p.prefix}_name` });
      // reference 4.4.8 "初始化数据库内置rdsAdmin、rdsMetric、rdsRepl、rdsBackup、root五个用户的密码"; A.3 DBS.200062
      if (name !== p.user) throw new DbsError(400, "DBS.200062", { field: `${p.prefix}_name`, detail: `must be ${p.user}` });
      checkAccountPassword(p.user, pw, `${p.prefix}_password`);
      pairs.push({ user: p.user, password: pw, field: `${p.prefix}_password` });
    }
    // reference A.3 DBS.200006 "请求体为空": no user to initialise
    if (pairs.length === 0) throw new DbsError(400, "DBS.200006", { detail: "name at least one built-in user and its new password" });
    const inst = operableInstance(ctx, req);
    const accounts = pairs.map((p) => {
      const a = findAccount(ctx.state, inst.id, p.user) as AccountRecord;
      checkNotOldPassword(p.password, p.field, a);
      return a;
    });
    const now = Date.now();
    accounts.forEach((a, i) => setPassword(a, (pairs[i] as { password: string }).password, now));
    return { status: 200 };
  });

  // ---- password reset (4.4.9) -----------------------------------------------------------------------------------
  r.add("PUT", "/gaussdb/v3/instances/{instance_id}/db-user/password", (req) => {
    const body = parseBody(passwordBody, req);
    const inst = operableInstance(ctx, req);
    const user = requireAccount(ctx.state, inst.id, body.name, "name");
    checkAccountPassword(user.name, body.password, "password");
    // reference A.3 DBS.200475 "新密码不能与旧密码相同", DBS.200476 "新密码不能与旧密码倒序相同"
    checkNotOldPassword(body.password, "password", user);
    setPassword(user, body.password);
    return { status: 200 };
  });

  // ---- lock / unlock (4.4.10, 4.4.11) ---------------------------------------------------------------------------
  for (const [action, locked] of [["lock", true], ["unlock", false]] as const) {
    r.add("PUT", `/gaussdb/v3/instances/{instance_id}/db-user/${action}`, (req) => {
      const body = parseBody(nameBody, req);
      const inst = operableInstance(ctx, req);
      const user = requireAccount(ctx.state, inst.id, body.name, "name");
      // locking a locked account (or unlocking an unlocked one) changes nothing and succeeds, as in GaussDB
      user.locked = locked;
      return { status: 200 };
    });
  }

  // ---- list (4.4.13) --------------------------------------------------------------------------------------------
  r.add("GET", "/gaussdb/v3/instances/{instance_id}/db-users", (req) => {
    const q = parseQuery(listQuery, req);
    const inst = pathInstance(ctx, req);
    const all = listedAccounts(ctx.state, inst.id);
    const items = page(all, { offset: q.offset, limit: q.limit, defaultLimit: 10 });
    const now = Date.now();
    // reference 4.4.13 table 4-141 `users`, `total_count` "实例下的数据库用户数"
    return { status: 200, body: { users: items.map((a) => userView(a, now)), total_count: all.length } };
  });
}
