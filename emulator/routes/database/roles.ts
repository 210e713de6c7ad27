import { z } from "zod";
import { DbsError } from "../../errors";
import type { EmulatorContext, Router } from "../../router";
import { newUuid } from "../../state";
import { parseBody } from "../../validate";
import type { AccountRecord } from "../../domain/database/records";
import { dropAccount, findAccount, newSalt, ownedBy, requireAccount, roleAttributes, setPassword } from "../../domain/database/model";
import { PASSWORD_SPECIALS, ROOT, checkAccountName, checkPassword } from "../../domain/database/rules";
import { operableInstance } from "./common";

// reference 4.4.16 table 4-158 (请求 Body 参数)
const createBody = z.object({
  // reference 4.4.16 `name` "是 String … 最小长度: 1 最大长度: 63" (the rule itself: checkAccountName)
  name: z.string(),
  // reference 4.4.16 `password` "是 String … 最小长度: 8" (the rule itself: checkPassword)
  password: z.string(),
});

// reference 4.4.17 table 4-162 `name` "是 String" with the create rule ("最小长度: 1 最大长度: 63")
const deleteBody = z.object({ name: z.string() });

/** Database roles (reference 4.4.16 create, 4.4.17 delete). The reference has no role list: 4.4.13 lists roles too. */
export function register(r: Router, ctx: EmulatorContext): void {
  r.add("POST", "/gaussdb/v3/instances/{instance_id}/db-role", (req) => {
    const body = parseBody(createBody, req);
    checkAccountName(body.name, "name");
    // reference 4.4.16 `password` "至少包含…四类字符中的三类字符…最小长度: 8"; A.3 DBS.6025117 "数据库用户密码非法"
    checkPassword(body.password, "password", "DBS.6025117", PASSWORD_SPECIALS);
    const inst = operableInstance(ctx, req);
    // reference 4.4.16 `name` "不能和系统用户/角色重名"; users and roles share one namespace in GaussDB
    if (findAccount(ctx.state, inst.id, body.name)) {
      throw new DbsError(400, "DBS.280001", { field: "name", detail: `database user or role ${body.name} already exists` });
    }
    const now = Date.now();
    const id = newUuid();
    const role: AccountRecord = {
      id,
      instance_id: inst.id,
      name: body.name,
      kind: "role",
      builtin: false,
      password_hash: null,
      password_salt: newSalt(),
      password_set_at: now,
      locked: false,
      attributes: roleAttributes(),
      memberof: [],
      created: now,
    };
    setPassword(role, body.password, now);
    ctx.state.data.dbAccounts[id] = role;
    // reference 4.4.16 状态码 "200 正常", 响应示例 "无"
    return { status: 200 };
  });

  r.add("DELETE", "/gaussdb/v3/instances/{instance_id}/db-role", (req) => {
    const body = parseBody(deleteBody, req);
    // reference 4.4.17 `name` prints the create rule ("1~63个字符…不能以"pg"和数字开头…不能和系统用户/角色重名"); A.3 DBS.200062
    checkAccountName(body.name, "name");
    const inst = operableInstance(ctx, req);
    const role = requireAccount(ctx.state, inst.id, body.name, "name");
    // A.3 DBS.200062 "…或是为数据库管理账号": root is the instance's administrator
    if (role.name === ROOT) throw new DbsError(400, "DBS.200062", { field: "name", detail: "root is the instance's administrator account" });
    // A.3 DBS.200818 "删除数据库用户失败": GaussDB does not drop a role that still owns objects
    const owned = ownedBy(ctx.state, inst.id, role.name);
    if (owned.length > 0) throw new DbsError(400, "DBS.200818", { field: "name", detail: `${role.name} owns ${owned.join(", ")}` });
    dropAccount(ctx.state, role);
    return { status: 200 };
  });
}
