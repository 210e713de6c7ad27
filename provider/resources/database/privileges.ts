/**
 * Privileges (reference 4.4.6 and 4.4.18): the privileges of one grantee on the objects of one scope. Keyed like
 * Terraform's postgresql_grant — grantee, scope and objects; a change of any of them replaces the resource — and
 * owning its privilege set: an update revokes what left the set and grants what joined it, delete revokes it all.
 *
 * The reference has no API that lists privileges: refresh sees the instance, the database (4.4.12), the schema
 * (4.4.3) and a listed grantee (4.4.13) disappear, never a privilege revoked out of band.
 *
 * One privilege of a grantee on one object (a "grant" below) has one owner among the resources of a program, with
 * the framework's settings claims (claimSetting / settingClaimant): a second resource naming it is refused at
 * preview, and a delete leaves alone what another declared resource — a renamed successor, or this resource's own
 * replacement — grants.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { ops, TpopsApiError, TpopsError, type TpopsClient } from "../../client";
import type { CustomPrivilegesRequest, GrantOperation, ObjectPermissionsOperation, PrivilegeEntry, PrivilegeScope } from "../../client/operations-privileges";
import { client as configuredClient } from "../../config";
import { claimSetting, makeProvider, pulumiName, resourceIdentity, settingClaimant, UNKNOWN, v, type CheckFailure, type Ctx, type ProviderImpl, type ResourceDefinition } from "../framework";
import { lookupForPreview } from "../live";
import { printWarnings } from "../rules";
import { createsAnew, instanceById, isDeclared } from "./database";
import { PrivilegesMeta, type PrivilegesOutputs } from "../schema.gen";

// reference 4.4.6 table 4-114 scope: "取值范围: ["table", "table_column", "database", "schema", "sequence", "function", "procedure", "tablespace"]".
export const PRIVILEGE_SCOPES = ["database", "schema", "table", "table_column", "sequence", "function", "procedure", "tablespace"] as const satisfies readonly PrivilegeScope[];

/**
 * The privileges of each scope, in the reference's order. reference 4.4.6 table 4-114 privilege: "当scope="table"时,
 * 取值范围: ["SELECT", "INSERT", …]" and the same for every scope. 4.4.18's attribute tables (4-175 schema, 4-182 table,
 * 4-185 sequence) name the same privileges as `<privilege>_enabled`.
 */
export const SCOPE_PRIVILEGES: Readonly<Record<PrivilegeScope, readonly string[]>> = {
  table: ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "ALTER", "DROP", "COMMENT", "INDEX", "VACUUM"],
  table_column: ["SELECT", "INSERT", "UPDATE", "REFERENCES", "COMMENT"],
  database: ["CREATE", "ALTER", "DROP", "COMMENT"],
  schema: ["CREATE", "USAGE", "ALTER", "DROP", "COMMENT"],
  sequence: ["SELECT", "UPDATE", "USAGE", "ALTER", "DROP", "COMMENT"],
  function: ["ALTER", "DROP", "COMMENT"],
  procedure: ["ALTER", "DROP", "COMMENT"],
  tablespace: ["CREATE", "ALTER", "DROP", "COMMENT"],
};

/**
 * Which object inputs each scope takes. reference 4.4.6 table 4-114: `database_name` "当scope= ["table", "table_column",
 * "database", "schema", "sequence", "function", "procedure"]其中之一时,该参数生效"; `schema_name` "当scope取到["table",
 * "table_column", "sequence", "function", "procedure", "schema"]时,该参数生效"; `table_name` ["table", "table_column"];
 * `column_name` "table_column"; `sequence_name`, `function_name`, `procedure_name`, `tablespace_name` their scope.
 * Reading: the fields that take effect for a scope together name the object it grants on (the scope is a kind of
 * object: "table": 表或视图), so each is needed; a field that takes no effect for the scope is refused rather than sent
 * and ignored, since the resource is keyed by it.
 */
const SCOPE_FIELDS: Readonly<Record<PrivilegeScope, { database: boolean; schema: boolean; objects: string | undefined; columns: boolean }>> = {
  database: { database: true, schema: false, objects: undefined, columns: false },
  schema: { database: true, schema: true, objects: undefined, columns: false },
  table: { database: true, schema: true, objects: "table_name", columns: false },
  table_column: { database: true, schema: true, objects: "table_name", columns: true },
  sequence: { database: true, schema: true, objects: "sequence_name", columns: false },
  function: { database: true, schema: true, objects: "function_name", columns: false },
  procedure: { database: true, schema: true, objects: "procedure_name", columns: false },
  tablespace: { database: false, schema: false, objects: "tablespace_name", columns: false },
};

/** What `objects` names, per scope, for messages. */
const OBJECT_KIND: Readonly<Record<PrivilegeScope, string>> = {
  database: "database",
  schema: "schema",
  table: "table",
  table_column: "table",
  sequence: "sequence",
  function: "function",
  procedure: "procedure",
  tablespace: "tablespace",
};

/**
 * The scopes granted with 4.4.18 (its `schema_permissions`, `table_permissions`, `sequence_permissions`: "将模式的访问权限
 * 赋予指定的用户或角色", to users and roles); the others with 4.4.6, which grants to "单个数据库用户".
 */
const CUSTOM_SECTION: Partial<Record<PrivilegeScope, "schema_permissions" | "table_permissions" | "sequence_permissions">> = {
  schema: "schema_permissions",
  table: "table_permissions",
  sequence: "sequence_permissions",
};

/** reference 4.4.18 tables 4-173, 4-176, 4-178 operations: "数组长度: 1 - 30". */
const MAX_OPERATIONS = 30;

/** reference 4.4.1 name: "GaussDB模板库包括postgres, template0,template1,templatem" — they exist on every instance. */
const TEMPLATE_DATABASES = ["postgres", "template0", "template1", "templatem"];
/** reference 4.4.2 name: "已存在的schema包括public,information_schema" — they exist in every database. */
const BUILTIN_SCHEMAS = ["public", "information_schema"];

const nonEmpty = (what: string) => z.string().min(1, { error: `is empty; name the ${what}` });

const Inputs = z
  .object({
    // reference 4.4.6 table 4-112 instance_id: "是 String 实例ID".
    instanceId: z.string().min(1, { error: "is empty; use the id of an Instance" }),
    // reference 4.4.6 table 4-114 name: "是 String 数据库用户名称"; 4.4.18 name "是 String 用户/角色名".
    grantee: z.string().min(1, { error: "is empty; name a database user or role" }),
    // reference 4.4.6 scope: the eight scopes (sent in the reference's lower-case spelling).
    scope: v.oneOf(PRIVILEGE_SCOPES),
    // reference 4.4.6 database_name, schema_name, table_name/… and column_name; which apply per scope: scopeFailures.
    database: nonEmpty("database").optional(),
    schema: nonEmpty("schema").optional(),
    objects: z.array(nonEmpty("object")).optional(),
    columns: z.array(nonEmpty("column")).optional(),
    // reference 4.4.6 privilege: "是 String 具体权限名称", one of the scope's list.
    privileges: z.array(z.string({ error: 'is not a string; name privileges such as "SELECT"' })),
    timeouts: v.timeouts().optional(),
  })
  .superRefine((i, ctx) => {
    const allowed = SCOPE_PRIVILEGES[i.scope];
    if (!allowed) return;
    i.privileges.forEach((p, n) => {
      if (p === UNKNOWN) return;
      // reference 4.4.6 privilege: "当scope="<scope>"时,取值范围: […]" (any case here; sent in the reference's upper case).
      if (!allowed.includes(p.trim().toUpperCase())) {
        ctx.addIssue({ code: "custom", path: ["privileges", n], input: p, message: `is not a privilege of scope ${i.scope} (reference 4.4.6); use ${allowed.join(", ")}` });
      }
    });
    (i.objects ?? []).forEach((o, n) => {
      if (o !== UNKNOWN && (i.scope === "function" || i.scope === "procedure") && signatureProblem(o)) {
        ctx.addIssue({ code: "custom", path: ["objects", n], input: o, message: `${signatureProblem(o)}; write name or name(type, …) with every argument type in order` });
      }
    });
  })
  .transform((i) => {
    const order = SCOPE_PRIVILEGES[i.scope];
    // A privilege not known yet (preview) stays unknown rather than vanish from the plan.
    const privileges = [...order.filter((p) => i.privileges.some((x) => x.trim().toUpperCase() === p)), ...(i.privileges.includes(UNKNOWN) ? [UNKNOWN] : [])];
    const callable = i.scope === "function" || i.scope === "procedure";
    const objects = i.objects === undefined ? undefined : [...new Set(i.objects.map((o) => (callable ? normalSignature(o) : o)))].sort();
    const columns = i.columns === undefined ? undefined : [...new Set(i.columns)].sort();
    return { ...i, privileges, objects, columns };
  });

type In = z.output<typeof Inputs>;
type Out = PrivilegesOutputs;
/** The parts of the inputs that say what is granted. */
type Key = Pick<In, "instanceId" | "grantee" | "scope" | "database" | "schema" | "objects" | "columns">;

/** Why a function or procedure signature is malformed, or undefined. */
function signatureProblem(s: string): string | undefined {
  const open = s.indexOf("(");
  if (open < 0) return s.includes(")") ? "has a ) without (" : undefined;
  if (!s.trimEnd().endsWith(")")) return "opens an argument list it does not close";
  if (!s.slice(0, open).trim()) return "has no name before (";
  return undefined;
}

/**
 * A function or procedure as sent: `name` and, after it, reference 4.4.6 arg_type "按照函数/存储过程定义时的顺序传入所有
 * 参数类型,参数类型之间使用半角逗号分隔开" — the types without blanks around the commas (`f(integer, text)` is
 * `f(integer,text)`); `f()` is `f` (no types to send).
 */
function normalSignature(s: string): string {
  const { name, argTypes } = splitSignature(s);
  return argTypes ? `${name}(${argTypes})` : name;
}

function splitSignature(s: string): { name: string; argTypes?: string } {
  const open = s.indexOf("(");
  if (open < 0 || !s.trimEnd().endsWith(")")) return { name: s };
  const inner = s.trimEnd().slice(open + 1, -1);
  const argTypes = inner
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean)
    .join(",");
  return { name: s.slice(0, open).trimEnd(), ...(argTypes ? { argTypes } : {}) };
}

/** Structure rules per scope (SCOPE_FIELDS), on raw or checked inputs; values not known yet are skipped. */
export function scopeFailures(inputs: Record<string, unknown>): CheckFailure[] {
  const scope = typeof inputs.scope === "string" ? inputs.scope.trim().toLowerCase() : undefined;
  if (!scope || !(scope in SCOPE_FIELDS)) return [];
  const s = scope as PrivilegeScope;
  const f = SCOPE_FIELDS[s];
  const out: CheckFailure[] = [];
  const given = (k: string) => inputs[k] !== undefined && inputs[k] !== null;
  const need = (k: string, field: string) =>
    out.push({ property: k, reason: `${k} is required for scope ${s}: reference 4.4.6 names the object of a ${s} grant with ${field} ("该参数生效" for ${s}); set it` });
  const refuse = (k: string, field: string) =>
    out.push({ property: k, reason: `${k} does not apply to scope ${s}: reference 4.4.6 ${field} takes effect only for other scopes; remove it` });
  if (f.database && !given("database")) need("database", "database_name");
  if (!f.database && given("database")) refuse("database", "database_name");
  if (f.schema && !given("schema")) need("schema", "schema_name");
  if (!f.schema && given("schema")) refuse("schema", "schema_name");
  if (f.objects && !given("objects")) need("objects", f.objects);
  else if (f.objects && Array.isArray(inputs.objects) && !inputs.objects.length) {
    out.push({ property: "objects", reason: `objects: [] names no ${OBJECT_KIND[s]}; name at least one (reference 4.4.6 ${f.objects})` });
  }
  if (!f.objects && given("objects")) refuse("objects", "table_name, sequence_name, function_name, procedure_name and tablespace_name each");
  if (f.columns && !given("columns")) need("columns", "column_name");
  else if (f.columns && Array.isArray(inputs.columns) && !inputs.columns.length) {
    out.push({ property: "columns", reason: "columns: [] names no column; name at least one (reference 4.4.6 column_name)" });
  }
  if (!f.columns && given("columns")) refuse("columns", "column_name");
  return out;
}

// ---------------------------------------------------------------- grants

/** One privilege on one object (one 4.4.6 entry). */
interface Grant {
  privilege: string;
  /** Table, sequence, function or procedure signature, or tablespace (absent for database and schema scopes). */
  object?: string;
  column?: string;
}

/** Every grant of a resource: each object × each column × each privilege. */
function grantsOf(k: Key & { privileges: readonly string[] }): Grant[] {
  const objects: (string | undefined)[] = k.objects?.length ? k.objects : [undefined];
  const columns: (string | undefined)[] = k.scope === "table_column" && k.columns?.length ? k.columns : [undefined];
  return objects.flatMap((object) => columns.flatMap((column) => k.privileges.map((privilege) => ({ privilege, ...(object ? { object } : {}), ...(column ? { column } : {}) }))));
}

/** The settings target of one grant (see claimSetting). */
function target(k: Key, g: Grant): string {
  return `privilege:${JSON.stringify([k.instanceId, k.grantee, k.scope, k.database ?? null, k.schema ?? null, g.object ?? null, g.column ?? null, g.privilege])}`;
}

/** `SELECT on table orders.public.customers`, for messages. */
function describe(k: Key, g: Grant): string {
  const path = [k.scope === "tablespace" ? undefined : k.database, k.schema, g.object, g.column].filter(Boolean).join(".");
  return `${g.privilege} on ${k.scope === "table_column" ? "column" : k.scope} ${path}`;
}

/** The id: `<instanceId>/privileges/<grantee>/<scope>/<12 hex digits of a hash of database, schema, objects, columns>`. */
export function privilegesId(k: Key): string {
  const hash = createHash("sha256")
    .update(JSON.stringify([k.database ?? null, k.schema ?? null, k.objects ?? [], k.columns ?? []]))
    .digest("hex")
    .slice(0, 12);
  return `${k.instanceId}/privileges/${encodeURIComponent(k.grantee)}/${k.scope}/${hash}`;
}

/** The requests that grant or revoke `grants`: one 4.4.6 request, or 4.4.18 requests of at most 30 operations. */
function requests(k: Key, operation: GrantOperation, grants: readonly Grant[]): { call: "grant" | "custom"; body: { privileges: PrivilegeEntry[] } | CustomPrivilegesRequest; grants: Grant[] }[] {
  if (!grants.length) return [];
  const section = CUSTOM_SECTION[k.scope];
  if (!section) {
    const objectField = SCOPE_FIELDS[k.scope].objects;
    const privileges = grants.map((g): PrivilegeEntry => {
      const e: PrivilegeEntry = { name: k.grantee, operation, scope: k.scope, privilege: g.privilege };
      if (SCOPE_FIELDS[k.scope].database && k.database !== undefined) e.database_name = k.database;
      if (SCOPE_FIELDS[k.scope].schema && k.schema !== undefined) e.schema_name = k.schema;
      if (objectField && g.object !== undefined) {
        const { name, argTypes } = k.scope === "function" || k.scope === "procedure" ? splitSignature(g.object) : { name: g.object, argTypes: undefined };
        (e as unknown as Record<string, string>)[objectField] = name;
        if (argTypes) e.arg_type = argTypes;
      }
      if (g.column !== undefined) e.column_name = g.column;
      return e;
    });
    return [{ call: "grant", body: { privileges }, grants: [...grants] }];
  }
  // reference 4.4.18: one operation per object, its privileges as `<privilege>_enabled: true` (tables 4-175, 4-182,
  // 4-185); attributes left out are not part of the operation.
  const byObject = new Map<string, Grant[]>();
  for (const g of grants) byObject.set(g.object ?? "", [...(byObject.get(g.object ?? "") ?? []), g]);
  const operations = [...byObject].map(([object, gs]): { op: ObjectPermissionsOperation; grants: Grant[] } => {
    const op: ObjectPermissionsOperation = {
      name: k.grantee,
      schema_name: String(k.schema),
      attributes: Object.fromEntries(gs.map((g) => [`${g.privilege.toLowerCase()}_enabled`, true])),
    };
    if (k.database !== undefined) op.database_name = k.database;
    if (k.scope === "table") op.table_name = object;
    if (k.scope === "sequence") op.sequence_name = object;
    return { op, grants: gs };
  });
  const out: ReturnType<typeof requests> = [];
  for (let i = 0; i < operations.length; i += MAX_OPERATIONS) {
    const chunk = operations.slice(i, i + MAX_OPERATIONS);
    out.push({ call: "custom", body: { [section]: { operation_type: operation, operations: chunk.map((c) => c.op) } }, grants: chunk.flatMap((c) => c.grants) });
  }
  return out;
}

/** Sends the requests in order; returns the grants each completed request covered, or throws with them. */
async function send(ctx: Ctx, k: Key, operation: GrantOperation, grants: readonly Grant[], phase: "create" | "update" | "delete"): Promise<void> {
  const reqs = requests(k, operation, grants);
  const signal = AbortSignal.timeout(ctx.timeouts[phase]);
  let done = 0;
  for (const r of reqs) {
    ctx.progress(`${operation === "grant" ? "granting" : "revoking"} ${summary(k, r.grants)} ${operation === "grant" ? "to" : "from"} ${k.grantee}`);
    try {
      if (r.call === "grant") await ctx.client.call(ops.privileges.grant, { path: { instance_id: k.instanceId }, body: r.body as { privileges: PrivilegeEntry[] }, signal });
      else await ctx.client.call(ops.privileges.custom, { path: { instance_id: k.instanceId }, body: r.body as CustomPrivilegesRequest, signal });
    } catch (e) {
      throw Object.assign(e instanceof Error ? e : new TpopsError(String(e)), { completed: reqs.slice(0, done).flatMap((x) => x.grants) });
    }
    done++;
  }
}

/** `SELECT, INSERT on 3 tables` for progress lines. */
function summary(k: Key, grants: readonly Grant[]): string {
  const privileges = [...new Set(grants.map((g) => g.privilege))].join(", ");
  const objects = new Set(grants.map((g) => g.object).filter(Boolean));
  if (!objects.size) return `${privileges} on ${k.scope} ${[k.database, k.schema].filter(Boolean).join(".")}`;
  return `${privileges} on ${objects.size === 1 ? `${OBJECT_KIND[k.scope]} ${[...objects][0]}` : `${objects.size} ${OBJECT_KIND[k.scope]}s`}`;
}

// ---------------------------------------------------------------- what exists

/** True when an error means the instance (or the database, schema or account the call names) is gone. */
const isGone = (e: unknown) =>
  e instanceof TpopsApiError && (e.status === 404 || ["DBS.200002", "DBS.200602", "DBS.280404", "DBS.200044", "DBS.200824"].includes(e.errorCode ?? ""));
/** True when an error means the instance itself is gone. */
const instanceGone = (e: unknown) => e instanceof TpopsApiError && (e.status === 404 || ["DBS.200002", "DBS.200602", "DBS.280404"].includes(e.errorCode ?? ""));

/** What the platform lists for a key: undefined where a list could not be read (that check is skipped). */
interface Facts {
  users?: Set<string>;
  databases?: Set<string>;
  schemas?: Set<string>;
}

/** Reads the lists a key's existence depends on (4.4.13, 4.4.12, 4.4.3). Throws when the instance is gone. */
async function facts(client: TpopsClient, k: Key): Promise<Facts> {
  const path = { instance_id: k.instanceId };
  const out: Facts = {};
  // reference 4.4.13 "查询数据库用户列表".
  out.users = new Set((await client.listAll(ops.databases.listUsers, { path })).map((u) => u.name));
  const f = SCOPE_FIELDS[k.scope];
  if (f.database && k.database !== undefined) {
    // reference 4.4.12 "查询数据库列表".
    out.databases = new Set((await client.listAll(ops.databases.list, { path })).map((d) => d.name));
    if (f.schema && k.schema !== undefined && (out.databases.has(k.database) || TEMPLATE_DATABASES.includes(k.database))) {
      // reference 4.4.3 接口约束: "不支持查询只读实例的数据库SCHEMA列表", "实例在异常或冻结状态下不能执行该操作": a refused list skips the check.
      try {
        out.schemas = new Set((await client.listAll(ops.schemas.list, { path, query: { db_name: k.database } })).map((s) => s.schema_name));
      } catch (e) {
        if (instanceGone(e)) throw e;
      }
    }
  }
  return out;
}

/** Whether the grantee must be a database user the instance lists: the scopes granted with 4.4.6 ("数据库用户名称"). */
const needsUser = (k: Key) => CUSTOM_SECTION[k.scope] === undefined;

/** One thing the platform shows missing for a key: the input it concerns and the sentence. */
interface Missing {
  property: "grantee" | "database" | "schema";
  what: string;
}

/** What is missing for a key (empty: nothing known to be missing). */
function missing(k: Key, live: Facts): Missing[] {
  const out: Missing[] = [];
  if (needsUser(k) && live.users && !live.users.has(k.grantee)) {
    // reference 4.4.6 name "数据库用户名称"; 4.4.13 lists the database users; A.3 DBS.200824 "数据库账户不存在".
    out.push({ property: "grantee", what: `grantee ${JSON.stringify(k.grantee)} is not a database user of instance ${k.instanceId} (reference 4.4.13 does not list it; 4.4.6 grants ${k.scope} privileges to database users)` });
  }
  if (k.database !== undefined && live.databases && !live.databases.has(k.database) && !TEMPLATE_DATABASES.includes(k.database)) {
    // A.3 DBS.200044 "访问资源不存在".
    out.push({ property: "database", what: `database ${JSON.stringify(k.database)} does not exist on instance ${k.instanceId} (reference 4.4.12 does not list it)` });
  } else if (k.database !== undefined && k.schema !== undefined && live.schemas && !live.schemas.has(k.schema) && !BUILTIN_SCHEMAS.includes(k.schema)) {
    out.push({ property: "schema", what: `schema ${JSON.stringify(k.schema)} does not exist in database ${JSON.stringify(k.database)} (reference 4.4.3 does not list it)` });
  }
  return out;
}

/** Refuses, before any change, what the platform shows is missing; returns whether 4.4.13 lists the grantee. */
async function requireTargets(ctx: Ctx, k: In): Promise<boolean> {
  const structure = scopeFailures(k);
  if (structure.length) throw new TpopsError(`nothing was changed: ${structure.map((f) => f.reason).join("; ")}`);
  const live = await facts(ctx.client, k);
  const problems = missing(k, live);
  if (problems.length) throw new TpopsError(`nothing was granted: ${problems.map((p) => p.what).join("; ")}. Create it first (or fix the name)`);
  return live.users?.has(k.grantee) ?? false;
}

// ---------------------------------------------------------------- ownership

/**
 * The grants each resource's latest check declared (its URN → targets). A delete keeps what the program still
 * declares — another resource (settingClaimant) or this very resource, when the delete is that of its replacement's
 * predecessor (same URN, create-before-delete).
 */
const declared = new Map<string, Set<string>>();

/** Forgets the declarations (tests; the framework's claims are reset with resetSettingClaims). */
export function resetPrivilegeDeclarations(): void {
  declared.clear();
}

/** Splits grants into those to revoke and those another declaration keeps (with why, for the warning). */
function revocable(ctx: Ctx, k: Key, grants: readonly Grant[], keepOwn: boolean): { revoke: Grant[]; kept: string[] } {
  const revoke: Grant[] = [];
  const kept: string[] = [];
  for (const g of grants) {
    const t = target(k, g);
    const other = settingClaimant(t, ctx.self);
    if (other !== undefined) kept.push(`${describe(k, g)} (now granted by ${other})`);
    else if (keepOwn && declared.get(ctx.self)?.has(t)) kept.push(`${describe(k, g)} (granted by this resource's replacement)`);
    else revoke.push(g);
  }
  return { revoke, kept };
}

// ---------------------------------------------------------------- the resource

const stateKey = (s: Partial<Out>): Key => ({
  instanceId: String(s.instanceId),
  grantee: String(s.grantee),
  scope: s.scope as PrivilegeScope,
  database: s.database,
  schema: s.schema,
  objects: s.objects,
  columns: s.columns,
});

const outputs = (i: In, granteeListed: boolean): Out =>
  Object.fromEntries(
    Object.entries({
      instanceId: i.instanceId,
      grantee: i.grantee,
      scope: i.scope,
      database: i.database,
      schema: i.schema,
      objects: i.objects,
      columns: i.columns,
      privileges: i.privileges,
      granteeListed,
    }).filter(([, x]) => x !== undefined),
  ) as unknown as Out;

/** The Privileges resource definition. */
export const privilegesDefinition: ResourceDefinition<In, Out> = {
  kind: "Privileges",
  meta: PrivilegesMeta,
  inputs: Inputs as unknown as z.ZodType<In>,
  localOnly: ["timeouts"],
  defaultTimeouts: { create: "5m", update: "5m", delete: "5m" },
  describeKey: (i) => `grantee ${i.grantee} and scope ${i.scope}`,
  isGone,

  // No API lists privileges: nothing to find or adopt. Granting what is already held changes nothing (and the
  // resource owns it from then on: its delete revokes it).
  async find() {
    return undefined;
  },

  async create(ctx, inputs) {
    const granteeListed = await requireTargets(ctx, inputs);
    const grants = grantsOf(inputs);
    try {
      await send(ctx, inputs, "grant", grants, "create");
    } catch (e) {
      // A later request failed: take back what the earlier ones granted, so a failed create leaves nothing behind.
      const completed = (e as { completed?: Grant[] }).completed ?? [];
      if (completed.length) {
        const undo = await send(ctx, inputs, "revoke", completed, "create").then(
          () => "what the earlier requests granted was revoked again",
          (u: unknown) => `revoking what the earlier requests granted failed too (${u instanceof Error ? u.message : String(u)}); run pulumi up again`,
        );
        if (e instanceof Error) e.message = `${e.message}; ${undo}`;
      }
      throw e;
    }
    return { id: privilegesId(inputs), outs: outputs(inputs, granteeListed) };
  },

  async read(ctx, id, state) {
    // Privileges.get reads with an empty state: the id's hash cannot be reversed, and no API lists privileges.
    if (state.scope === undefined || state.instanceId === undefined) {
      throw new TpopsError(`Privileges ${id} cannot be read by id: the reference has no API that lists privileges (4.4.6 and 4.4.18 only grant and revoke); declare the resource instead of using Privileges.get`);
    }
    const k = stateKey(state);
    let live: Facts;
    try {
      live = await facts(ctx.client, k);
    } catch (e) {
      if (instanceGone(e)) return undefined;
      throw e;
    }
    // Gone with its database, schema or (listed) grantee: the privileges went with them. Revoked privileges cannot be seen.
    if (k.database !== undefined && live.databases && !live.databases.has(k.database) && !TEMPLATE_DATABASES.includes(k.database)) return undefined;
    if (k.schema !== undefined && live.schemas && !live.schemas.has(k.schema) && !BUILTIN_SCHEMAS.includes(k.schema)) return undefined;
    if (state.granteeListed === true && live.users && !live.users.has(k.grantee)) return undefined;
    return { ...(state as Out), privileges: [...(state.privileges ?? [])] };
  },

  async update(ctx, _id, olds, news) {
    // Only `privileges` (and timeouts) change in place: every other input replaces the resource.
    const granteeListed = await requireTargets(ctx, news);
    const before = new Map(grantsOf({ ...stateKey(olds), privileges: olds.privileges ?? [] }).map((g) => [target(news, g), g]));
    const after = new Map(grantsOf(news).map((g) => [target(news, g), g]));
    const left = [...before].filter(([t]) => !after.has(t)).map(([, g]) => g);
    const joined = [...after].filter(([t]) => !before.has(t)).map(([, g]) => g);
    // What left the set but another resource of the program now grants stays (a privilege moved between resources).
    const { revoke, kept } = revocable(ctx, news, left, false);
    if (kept.length) ctx.note(`left ${kept.join(", ")} as granted`);
    // Revoke first: the grantee never holds more than the old or the new set.
    await send(ctx, news, "revoke", revoke, "update");
    await send(ctx, news, "grant", joined, "update");
    return outputs(news, olds.granteeListed === true || granteeListed);
  },

  async delete(ctx, _id, state) {
    const k = stateKey(state);
    const { revoke, kept } = revocable(ctx, k, grantsOf({ ...k, privileges: state.privileges ?? [] }), true);
    if (kept.length) ctx.warn(`left ${kept.join(", ")} as granted`);
    await send(ctx, k, "revoke", revoke, "delete");
  },
};

const base = makeProvider(privilegesDefinition);

const containsUnknown = (x: unknown): boolean => x === UNKNOWN || (Array.isArray(x) && x.some(containsUnknown));

/** Privileges provider methods: the framework's, plus the per-scope structure, ownership and live checks at preview. */
export const privileges: ProviderImpl = {
  ...base,
  async check(olds, news) {
    const r = await base.check(olds, news);
    const raw = r.inputs ?? {};
    const failures = [...(r.failures ?? []), ...scopeFailures(raw)];
    if (failures.length) return { inputs: raw, failures };
    // Values not known yet (preview): nothing more can be checked until they are.
    const known = ["instanceId", "grantee", "scope", "database", "schema", "objects", "columns", "privileges"].every((k) => !containsUnknown(news[k]));
    const parsed = Inputs.safeParse(raw);
    if (!known || !parsed.success) return r;
    const inputs = parsed.data;
    const label = `Privileges ${pulumiName(news) ?? inputs.grantee}`;
    if (!inputs.privileges.length) printWarnings("Privileges", news, [{ property: "privileges", reason: "privileges: [] grants nothing; this resource manages nothing" }]);
    // One owner per grant in a program (the framework's settings claims).
    const self = resourceIdentity(news);
    const mine = new Set<string>();
    const taken: CheckFailure[] = [];
    for (const g of grantsOf(inputs)) {
      const t = target(inputs, g);
      const other = settingClaimant(t, self);
      if (other !== undefined) {
        taken.push({ property: "privileges", reason: `privileges: ${describe(inputs, g)} to ${inputs.grantee} is also granted by ${other}; a privilege has one owner in a stack — remove it from one of them` });
        continue;
      }
      claimSetting(t, self, label);
      mine.add(t);
    }
    declared.set(self, mine);
    if (taken.length) return { inputs: raw, failures: taken };
    // New grants (a create or a replacement): the instance, and what the platform shows missing. A grantee or a
    // database another resource of the program declares before this one counts as there (declarePrincipal,
    // declareDatabase); a schema may come from a Schema of the program, so a missing one is only warned about.
    if (!createsAnew(PrivilegesMeta, olds, inputs as unknown as Record<string, unknown>)) return r;
    const found = await lookupForPreview(`instance ${inputs.instanceId}`, async () => ({ inst: await instanceById(configuredClient(), inputs.instanceId) }));
    if (!found) return r;
    if (!found.inst) {
      // A.3 DBS.200002 "实例不存在".
      return { inputs: raw, failures: [{ property: "instanceId", reason: `instanceId: ${JSON.stringify(inputs.instanceId)} is not an instance of the platform (A.3 DBS.200002); use the id of an existing instance (Instance.id), or one getInstances lists` }] };
    }
    if (found.inst.status !== "ACTIVE") {
      // Not stated for 4.4.6 or 4.4.18 (no 接口约束); 4.4.1 and 4.4.2 state it for databases and schemas.
      printWarnings("Privileges", news, [{ property: "instanceId", reason: `instanceId: instance ${found.inst.name} (${inputs.instanceId}) is ${found.inst.status}; the platform may refuse the grant unless it is ACTIVE by then (reference 4.4.6 states no constraint; 4.4.1 refuses database changes in such states)` }]);
    }
    const live = await lookupForPreview(`privileges of ${inputs.grantee}`, () => facts(configuredClient(), inputs));
    if (!live) return r;
    const refused: CheckFailure[] = [];
    const warned: CheckFailure[] = [];
    for (const m of missing(inputs, live)) {
      if (m.property === "grantee" && !isDeclared(inputs.instanceId, "principal", inputs.grantee)) {
        refused.push({ property: "grantee", reason: `grantee: ${m.what}; create the user first: a DbUser of this stack counts when it is declared before this resource (pass its output, e.g. grantee: user.name)` });
      } else if (m.property === "database" && !isDeclared(inputs.instanceId, "database", String(inputs.database))) {
        refused.push({ property: "database", reason: `database: ${m.what}; create it first: a Database of this stack counts when it is declared before this resource (pass its output, e.g. database: db.name)` });
      } else if (m.property === "schema") {
        warned.push({ property: "schema", reason: `schema: ${m.what}; fine if a Schema of this stack creates it before the grant (pass its output, e.g. schema: schema.name), else the grant is refused` });
      }
    }
    if (warned.length) printWarnings("Privileges", news, warned);
    if (refused.length) return { inputs: raw, failures: refused };
    return r;
  },
};
