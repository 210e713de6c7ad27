import { z } from "zod";
import type { Faults, RequestCounters } from "./faults";
import { faultSchema } from "./faults";
import type { EmulatorContext } from "./router";
import { zodToDbs } from "./validate";
import { instanceView, type GaussInstance } from "./routes/instance/instance-model";
import { dataCenterView, hostView, instanceStateView, keyPairView, redacted } from "./views";
import { databaseObjectsState } from "./domain/database/model";
import { seedUnmanagedDatabase, unmanagedDatabaseView } from "./domain/takeover";

/** A control-API answer (JSON body, or none for 204). */
export interface ControlResponse {
  status: number;
  body?: unknown;
}

const nextJobSchema = z.strictObject({
  name: z.string().min(1).optional(),
  outcome: z.enum(["fail", "hang"]),
  failReason: z.string().min(1).optional(),
  times: z.number().int().min(1).optional(),
});

const sqlTemplateSchema = z.strictObject({ instance_id: z.string().min(1), node_id: z.string().min(1), sql_id: z.string().min(1), sql_model: z.string().min(1) });

const timeScaleSchema = z.strictObject({ timeScale: z.number().positive().max(1_000_000) });

/** The `/__emulator` control API (no auth): health, reset, state, faults, job plans, counters, tokens, time scale. */
export function handleControl(
  method: string,
  path: string,
  body: unknown,
  deps: { ctx: EmulatorContext; faults: Faults; counters: RequestCounters },
): ControlResponse {
  const { ctx, faults, counters } = deps;
  const route = `${method} ${path}`;
  const parse = <S extends z.ZodType>(schema: S): z.output<S> => {
    const r = schema.safeParse(body);
    if (!r.success) throw zodToDbs(r.error);
    return r.data;
  };
  switch (route) {
    case "GET /health":
      return { status: 200, body: { ok: true } };
    case "POST /reset":
      ctx.jobs.reset();
      ctx.state.reset();
      ctx.sessions.reset();
      faults.clear();
      counters.clear();
      ctx.persist();
      return { status: 204 };
    case "GET /state": {
      const d = ctx.state.data;
      return {
        status: 200,
        body: {
          dataCenters: Object.values(d.dataCenters).map((x) => dataCenterView(ctx.state, x)),
          keyPairs: Object.values(d.keyPairs).map((x) => keyPairView(ctx.state, x)),
          hosts: Object.values(d.hosts).map((x) => hostView(ctx.state, x)),
          instances: Object.values(d.instances).map((inst) => {
            // The 4.11.8 view; a record it cannot render (e.g. half-written out of band) is shown as stored.
            try {
              return redacted(instanceView(ctx, inst as GaussInstance));
            } catch {
              return instanceStateView(inst);
            }
          }),
          jobs: Object.values(d.jobs).map((j) => ctx.jobs.view(j)),
          // reference 4.4 database objects: databases, dbSchemas, dbUsers, dbRoles, dbGrants (no password hashes)
          ...databaseObjectsState(ctx.state),
          // reference 4.7 throttling tasks, 4.6.4 SQL patches, 4.7.4 SQL templates (as stored)
          sqlLimitTasks: Object.values(d.sqlLimitTasks),
          sqlPatches: Object.values(d.sqlPatches),
          sqlTemplates: Object.values(d.sqlTemplates),
          // reference 4.18 disaster-recovery relations: this site's side of each (as stored)
          drRelations: Object.values(d.drRelations),
          // databases on hosts TPOPS does not manage, or manages through 4.11.13 (domain/takeover.ts; no password hash)
          unmanagedDatabases: Object.values(d.unmanagedDatabases ?? {}).map(unmanagedDatabaseView),
        },
      };
    }
    case "POST /faults":
      return { status: 201, body: { id: faults.add(parse(faultSchema)) } };
    case "DELETE /faults":
      faults.clear();
      return { status: 204 };
    case "POST /jobs/next": {
      const p = parse(nextJobSchema);
      ctx.jobs.plan({ name: p.name, outcome: p.outcome, failReason: p.failReason, times: p.times ?? 1 });
      return { status: 201, body: {} };
    }
    case "GET /requests":
      return { status: 200, body: { total: counters.total, logins: ctx.sessions.logins, byRoute: counters.byRoute(), ignoredFields: counters.ignoredFields() } };
    case "DELETE /requests":
      counters.clear();
      ctx.sessions.logins = 0;
      return { status: 204 };
    case "POST /tokens/expire":
      ctx.sessions.expireAll();
      return { status: 204 };
    case "POST /sql-templates": {
      // A SQL template a node executed (what reference 4.7.4 lists): the emulator runs no SQL, tests and demos put them here.
      const t = parse(sqlTemplateSchema);
      const id = `${t.instance_id}/${t.node_id}/${t.sql_id}`;
      ctx.state.data.sqlTemplates[id] = { id, ...t };
      ctx.persist();
      return { status: 201, body: { id } };
    }
    case "POST /unmanaged-databases": {
      // A GaussDB installed on hosts outside TPOPS (what 4.11.12 checks and 4.11.13 takes over): domain/takeover.ts.
      const rec = seedUnmanagedDatabase(ctx, body);
      ctx.persist();
      return { status: 201, body: unmanagedDatabaseView(rec) };
    }
    case "PUT /time-scale":
      ctx.jobs.setTimeScale(parse(timeScaleSchema).timeScale);
      return { status: 204 };
  }
  const faultId = /^\/faults\/([^/]+)$/.exec(path)?.[1];
  if (method === "DELETE" && faultId) {
    return faults.remove(faultId)
      ? { status: 204 }
      : { status: 404, body: { error_code: "DBS.200044", error_msg: `no fault ${faultId}` } };
  }
  return { status: 404, body: { error_code: "DBS.200044", error_msg: `no control route ${method} /__emulator${path}` } };
}
