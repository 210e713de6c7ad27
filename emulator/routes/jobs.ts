import { z } from "zod";
import { DbsError } from "../errors";
import type { EmulatorContext, Router } from "../router";
import { parseQuery } from "../validate";

// reference 4.17.1 table 4-657 `id` "是 String 任务ID"
const querySchema = z.object({ id: z.string().min(1) });

/** Jobs (reference 4.17.1): `GET /v3/jobs?id=`. */
export function register(r: Router, ctx: EmulatorContext): void {
  r.add("GET", "/v3/jobs", (req) => {
    const { id } = parseQuery(querySchema, req);
    const job = ctx.jobs.get(id);
    // reference 4.17.1 状态码 "200 正常 / 400 异常": an unknown job id is a 400; A.3 DBS.200044 "访问资源不存在"
    if (!job) throw new DbsError(400, "DBS.200044", { field: "id", detail: `no job ${id}` });
    return { status: 200, body: { job: ctx.jobs.view(job) } };
  });
}
