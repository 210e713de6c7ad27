/**
 * Route-handler contract for emulator route authors.
 *
 * 1. Write `emulator/routes/<chapter>/<area>.ts` (chapters as in the reference: infra, instance, backup,
 *    database, ops, dr) exporting `register(r: Router, ctx: EmulatorContext): void`, and add it
 *    to the list in `emulator/routes/index.ts` (one import + one array entry).
 * 2. Register routes with templates relative to `/rds`; `{name}` segments become `req.params.name`:
 *      r.add("GET", "/gaussdb/v3/instances/{instance_id}", async (req) => ({ status: 200, body: {...} }));
 *    Every route requires a valid `X-Mini-Token` unless registered with `{ auth: false }` (only login does).
 *    Unknown paths answer 404, known paths with another method 405, both as JSON errors.
 * 3. `req` (ApiRequest): method, path, route (the template), params, query (URLSearchParams), body (parsed JSON,
 *    `undefined` when the request had none), headers, lang ("en-us" | "zh-cn" from X-Language), user, clientIp.
 *    Validate with `parseBody(schema, req)` / `parseQuery(schema, req)` from ./validate (zod objects: wrong types
 *    → 400 DBS.280001 naming the field; missing body → 400 DBS.200006; unknown fields are ignored and recorded
 *    in `req.ignored`, see "Unknown fields" in README.md). Hand-validated bodies call `noteUnknownFields`.
 *    Every rule carries a one-line comment citing the reference section and the phrase it implements.
 * 4. Refuse by throwing `new DbsError(status, "DBS.xxxxx", { field?, detail? })` (./errors); the server answers
 *    `{"error_code","error_msg"}` in the request's language. Validate everything before mutating the store.
 *    Any other exception becomes 500 DBS.280005; the process never crashes.
 * 5. Return `{ status, body?, headers? }` (body is sent as JSON; omit it for an empty body) or
 *    `{ status, raw: { contentType, data }, headers? }` for files.
 * 6. State: `ctx.state.data.<collection>` (Records keyed by id, see ./state: dataCenters, keyPairs, hosts,
 *    instances, jobs, extra). Host helpers: `ctx.state.hostByManageIp`, `hostsByManageIps`, `hostsOfInstance`,
 *    `markHostsInUse(hostIds, {id,name})`, `freeHostsOfInstance(id)`, `renameInstanceOnHosts`. The server
 *    persists the state file after every non-GET request and every job transition.
 * 7. Jobs: at register time `ctx.jobs.define("CreateGaussDBV5Instance", { durationMs, onDone(job) {...},
 *    onFail(job, reason) {...} })`; in a handler `const job = ctx.jobs.start("CreateGaussDBV5Instance",
 *    { instanceId, payload: { ... } })` and answer `job.id` as job_id. Handlers read `job.payload` (JSON, so jobs
 *    survive restarts) and mutate `ctx.state`. Durations are at time scale 1.0 and get multiplied by it.
 * 8. Busy instances: `ctx.jobs.assertInstanceIdle(instanceId)` throws 409 DBS.200019 while a job runs on it;
 *    call it before every mutating instance operation.
 * 9. Sites: `ctx.site` is `{ name, network }` (emulator/network.ts, README "Sites"); `ctx.site.network` finds hosts
 *    and instances of every site by IP and reaches another site's context (`site(name)`) to mirror a change there.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { Lang } from "./errors";
import type { JobEngine } from "./jobs";
import type { SiteLink } from "./network";
import type { Sessions } from "./sessions";
import type { Store } from "./state";

/** HTTP methods the API uses (reference 3.1, table 3-2). */
export type Method = "GET" | "POST" | "PUT" | "DELETE";

/** A request as route handlers see it. */
export interface ApiRequest {
  method: Method;
  /** Path after `/rds`, without the query string. */
  path: string;
  /** The matched route template, e.g. `/gaussdb/v3/instances/{instance_id}`. */
  route: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body; `undefined` when the request had no body. */
  body: unknown;
  headers: IncomingHttpHeaders;
  lang: Lang;
  /** Authenticated user name (null only on routes registered with `{ auth: false }`). */
  user: string | null;
  clientIp: string;
  /** Body fields and query parameters the route does not document: ignored, answered in X-Emulator-Ignored-Fields. */
  ignored: string[];
}

/** A handler's answer: JSON `body` (omitted → empty body) or a `raw` file. */
export interface ApiResponse {
  status: number;
  body?: unknown;
  raw?: { contentType: string; data: string | Buffer };
  headers?: Record<string, string>;
}

/** A route handler. */
export type Handler = (req: ApiRequest) => ApiResponse | Promise<ApiResponse>;

/** Per-route options. */
export interface RouteOptions {
  /** Require a valid X-Mini-Token (default true). */
  auth?: boolean;
  /** Header names that may carry the token (default `x-mini-token`, reference 3.2). */
  tokenHeaders?: readonly string[];
}

/** Everything route modules get: the store, the job engine and the sessions. */
export interface EmulatorContext {
  state: Store;
  jobs: JobEngine;
  sessions: Sessions;
  /** Write the state file now (the server already does so after mutating requests and job transitions). */
  persist(): void;
  /** This site's name and the network it shares with other sites (README "Sites"; one private site by default). */
  site: SiteLink;
}

interface Route {
  method: Method;
  template: string;
  segments: string[];
  handler: Handler;
  auth: boolean;
  tokenHeaders: readonly string[];
}

/** Result of matching a request path. */
export type Match =
  | { kind: "found"; route: Route; params: Record<string, string> }
  | { kind: "method-not-allowed"; template: string; allowed: Method[] }
  | { kind: "not-found" };

/** Method + path-template routing table. */
export class Router {
  private readonly routes: Route[] = [];

  /** Register a handler for a method and a template relative to `/rds` (e.g. `/gaussdb/v3/hosts`). */
  add(method: Method, template: string, handler: Handler, opts: RouteOptions = {}): void {
    if (this.routes.some((r) => r.method === method && r.template === template)) {
      throw new Error(`route ${method} ${template} registered twice`);
    }
    this.routes.push({ method, template, segments: template.split("/"), handler, auth: opts.auth ?? true, tokenHeaders: opts.tokenHeaders ?? ["x-mini-token"] });
  }

  /** Find the route for a request; literal segments win over `{param}` segments. */
  match(method: string, path: string): Match {
    const parts = path.split("/");
    let best: { route: Route; params: Record<string, string>; score: number } | undefined;
    const allowed = new Set<Method>();
    let allowedTemplate = "";
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      const score = route.segments.filter((s) => !s.startsWith("{")).length;
      if (route.method !== method) {
        allowed.add(route.method);
        allowedTemplate = route.template;
        continue;
      }
      if (!best || score > best.score) best = { route, params, score };
    }
    if (best) return { kind: "found", route: best.route, params: best.params };
    if (allowed.size > 0) return { kind: "method-not-allowed", template: allowedTemplate, allowed: [...allowed] };
    return { kind: "not-found" };
  }
}

function matchSegments(template: string[], parts: string[]): Record<string, string> | undefined {
  if (template.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i] ?? "";
    const p = parts[i] ?? "";
    if (t.startsWith("{") && t.endsWith("}")) {
      if (p === "") return undefined;
      try {
        params[t.slice(1, -1)] = decodeURIComponent(p);
      } catch {
        return undefined;
      }
    } else if (t !== p) {
      return undefined;
    }
  }
  return params;
}
