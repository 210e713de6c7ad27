import { z } from "zod";
import { DbsError } from "../errors";
import type { EmulatorContext, Router } from "../router";
import { parseBody } from "../validate";

// reference 4.1.1 table 4-1: username "最小长度: 3 最大长度: 64", password "最小长度: 8 最大长度: 32"
const loginSchema = z.object({
  username: z.string().min(3).max(64),
  password: z.string().min(8).max(32),
});

/** Login (reference 4.1.1): `POST /v3/auth/mini-token`, the only route without a token. */
export function register(r: Router, ctx: EmulatorContext): void {
  r.add(
    "POST",
    "/v3/auth/mini-token",
    (req) => {
      const { username, password } = parseBody(loginSchema, req);
      const result = ctx.sessions.login(username, password, req.clientIp);
      // reference 4.1.1: failures answer 400; A.3 DBS.200029 "用户名或密码错误"
      if (!result) throw new DbsError(400, "DBS.200029");
      return { status: 200, headers: { "X-Mini-Token": result.token }, body: result.body };
    },
    { auth: false },
  );
}
