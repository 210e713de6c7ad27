import { z } from "zod";
import { DbsError } from "../errors";
import type { EmulatorContext, Router } from "../router";
import { parseQuery } from "../validate";

const querySchema = z.strictObject({ id: z.string().min(1) });

/** Jobs (reference 4.17.1): `GET /v3/jobs?id=`. */
export function register(r: Router, ctx: EmulatorContext): void {
  r.add("GET", "/v3/jobs", (req) => {
    const { id } = parseQuery(querySchema, req);
    const job = ctx.jobs.get(id);
    // reference 4.17.1 documents only 200 and 400, so an unknown job id is a 400
    if (!job) throw new DbsError(400, "DBS.200044", { field: "id", detail: `no job ${id}` });
    return { status: 200, body: { job: ctx.jobs.view(job) } };
  });
}
