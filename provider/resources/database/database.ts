/**
 * Database (reference 4.4.1 create, 4.4.12 list): an object of an instance, found by its name. Every input replaces
 * it; deleting forgets it — the reference has no call that drops a database, so the object stays on the platform
 * and the delete says so, with the SQL that drops it.
 *
 * Also here, for Schema (schema.ts): the object-name and owner rules 4.4.1 and 4.4.2 print, the instance and users
 * lookups, and the registry of the database objects the program declares (so a preview-time "must exist" check
 * does not refuse an owner or a database that another resource of the same program creates).
 */
import { z } from "zod";
import { ops, TpopsApiError, TpopsError, type Instance as ApiInstance, type TpopsClient } from "../../client";
import type { Database as ApiDatabase } from "../../client/operations-database";
import { client as configuredClient } from "../../config";
import {
  changedInputs,
  createIdempotently,
  generatedName,
  makeProvider,
  PartialCreateError,
  pulumiName,
  sameValue,
  strip,
  UNKNOWN,
  type CheckFailure,
  type Ctx,
  type ProviderImpl,
  type ResourceDefinition,
} from "../framework";
import { lookupForPreview } from "../live";
import { printWarnings, type Warning } from "../rules";
import { DatabaseMeta, type DatabaseOutputs, type ResourceMeta } from "../schema.gen";

// ---------------------------------------------------------------- the rules 4.4.1 and 4.4.2 print

/** reference 4.4.1 name: "GaussDB模板库包括postgres, template0,template1,templatem" (4.4.2 db_name the same). */
export const TEMPLATE_DATABASES = ["postgres", "template0", "template1", "templatem"] as const;
/** reference 4.4.1 owner: "系统用户包括"rdsAdmin", "rdsMetric", "rdsBackup","rdsRepl"" (4.4.2 owner the same). */
export const SYSTEM_USERS = ["rdsAdmin", "rdsMetric", "rdsBackup", "rdsRepl"] as const;
/** reference 4.4.1 name "长度可在1~63个字符之间"; 4.4.2 db_name, name and owner "在1到63个字符之间". */
export const MAX_NAME_LENGTH = 63;

/** How one object name is ruled: the section cited, the names it may not take, and what those are. */
export interface NameRule {
  readonly ref: string;
  readonly reserved: readonly string[];
  readonly reservedAre: string;
  /** Names refused by another section's list, only warned about here (4.4.2 name prints "template", not template1). */
  readonly nearReserved?: readonly string[];
}

/** reference 4.4.1 name (a database). */
export const DATABASE_NAME_RULE: NameRule = { ref: "4.4.1 name", reserved: TEMPLATE_DATABASES, reservedAre: "a GaussDB template database" };

/**
 * Why `s` breaks an object-name rule of reference 4.4.1 name / 4.4.2 db_name and name, or undefined (the first problem
 * only): "长度可在1~63个字符之间,由字母、数字、或下划线组成,不能包含其他特殊字符,不能以"pg"和数字开头,且不能和GaussDB
 * 模板库重名". Letters are read as a-z and A-Z, as 4.4.16 spells them for role names ("字母(a-z, A-Z)"); "pg" as
 * printed, in lower case (other cases are warned about, see nameWarnings).
 */
export function nameProblem(s: string, rule: NameRule): string | undefined {
  const length = [...s].length;
  if (length === 0) return `is empty; give 1 to ${MAX_NAME_LENGTH} letters, digits or _ (reference ${rule.ref})`;
  if (length > MAX_NAME_LENGTH) return `is ${length} characters long, more than ${MAX_NAME_LENGTH} (reference ${rule.ref}); shorten it`;
  if (!/^[A-Za-z0-9_]+$/.test(s)) return `may contain only letters, digits and _ (reference ${rule.ref}); replace the other characters`;
  if (s.startsWith("pg")) return `starts with "pg", which reference ${rule.ref} forbids; choose another name`;
  if (/^[0-9]/.test(s)) return `starts with a digit, which reference ${rule.ref} forbids; start with a letter or _`;
  if (rule.reserved.includes(s)) return `is ${rule.reservedAre} (reference ${rule.ref}: ${rule.reserved.join(", ")}); choose another name`;
  return undefined;
}

/**
 * Near misses of the name rule that the reference does not state, as warnings: "PG…" (the rule prints "pg"; GaussDB
 * folds unquoted names to lower case, so a platform that does not quote the name refuses it), a reserved name in
 * another case, and names another section's list reserves.
 */
export function nameWarnings(property: string, s: string, rule: NameRule): Warning[] {
  const out: Warning[] = [];
  const say = (why: string) => out.push({ property, reason: `${property}: ${JSON.stringify(s)} ${why}` });
  if (/^pg/i.test(s) && !s.startsWith("pg")) {
    say(`starts with ${JSON.stringify(s.slice(0, 2))}: reference ${rule.ref} forbids names starting with "pg", and GaussDB folds unquoted names to lower case, so the platform may refuse it`);
  }
  const caseOf = rule.reserved.find((r) => r !== s && r.toLowerCase() === s.toLowerCase());
  if (caseOf) say(`differs only in case from ${JSON.stringify(caseOf)}, ${rule.reservedAre} (reference ${rule.ref}): GaussDB folds unquoted names to lower case, so the platform may refuse it`);
  const near = rule.nearReserved?.find((r) => r.toLowerCase() === s.toLowerCase());
  if (near) say(`is the name of a GaussDB template database (${near}, reference 4.4.1); reference ${rule.ref} does not list it, but the platform may refuse it`);
  return out;
}

/** A zod string holding an object name. */
export function objectName(rule: NameRule) {
  return z.string().superRefine((s, ctx) => {
    const why = nameProblem(s, rule);
    if (why) ctx.addIssue({ code: "custom", message: why, input: s });
  });
}

/** Why an owner is a system user (reference 4.4.1 / 4.4.2 owner "不能和系统用户重名"), or undefined. */
export function systemUserProblem(s: string, ref: string): string | undefined {
  if ((SYSTEM_USERS as readonly string[]).includes(s)) return `is a system user (reference ${ref}: ${SYSTEM_USERS.join(", ")}); choose another owner`;
  return undefined;
}

/** A system user's name in another case, as a warning (not stated; GaussDB keeps the system users as printed). */
export function ownerWarnings(property: string, s: string, ref: string): Warning[] {
  const hit = SYSTEM_USERS.find((u) => u !== s && u.toLowerCase() === s.toLowerCase());
  return hit ? [{ property, reason: `${property}: ${JSON.stringify(s)} differs only in case from the system user ${hit} (reference ${ref}); the platform may refuse it` }] : [];
}

/** A generated object name: the Pulumi name in lower case, other characters as `_`, never starting with "pg" or a digit. */
export function sanitizeObjectName(lead: string): (s: string) => string {
  return (s) => {
    const base = s.toLowerCase().replace(/[^a-z0-9_]/g, "_");
    return base === "" || /^(pg|[0-9])/.test(base) ? `${lead}${base}` : base;
  };
}

/** An instance state in which 4.4.1 / 4.4.2 refuse: "实例在创建、变更规格、修改端口、冻结、异常等状态下不能执行该操作". */
const ABNORMAL = "FAILED"; // reference 4.11.8 status: "值为"FAILED",表示实例异常"

// ---------------------------------------------------------------- lookups

/** Error codes meaning the instance is gone (A.3 DBS.200002, DBS.200602 "实例不存在", DBS.280404, DBS.200044). */
export function instanceGone(e: unknown): boolean {
  return e instanceof TpopsApiError && (e.status === 404 || ["DBS.200002", "DBS.200602", "DBS.280404", "DBS.200044"].includes(e.errorCode ?? ""));
}

/** The instance with this id, or undefined (4.11.8). */
export async function instanceById(client: TpopsClient, id: string): Promise<ApiInstance | undefined> {
  return (await client.listAll(ops.instances.list, { query: { id } })).find((i) => i.id === id);
}

/** The databases of an instance (4.4.12), or undefined when the instance is gone. */
export async function databasesOf(client: TpopsClient, instanceId: string): Promise<ApiDatabase[] | undefined> {
  try {
    return await client.listAll(ops.databases.list, { path: { instance_id: instanceId } });
  } catch (e) {
    if (instanceGone(e)) return undefined;
    throw e;
  }
}

/** The database `name` of an instance, or undefined when it (or its instance) is gone. */
export async function databaseByName(client: TpopsClient, instanceId: string, name: string): Promise<ApiDatabase | undefined> {
  return (await databasesOf(client, instanceId))?.find((d) => d.name === name);
}

/** The user names of an instance (4.4.13). */
export async function userNames(client: TpopsClient, instanceId: string): Promise<string[]> {
  return (await client.listAll(ops.databases.listUsers, { path: { instance_id: instanceId } })).map((u) => u.name);
}

// ---------------------------------------------------------------- what the program declares

/**
 * Database objects the program declares, by instance: one provider process serves every resource of a preview or
 * an up, and check() runs for each in the order the program registers them. A preview-time "must exist" check
 * accepts a database or owner that an earlier-registered resource of the program creates (it does not exist yet
 * at preview). DbUser and DbRole call declarePrincipal from their check().
 */
const declared = new Set<string>();
const declaredKey = (instanceId: string, kind: "database" | "principal", name: string) => `${instanceId}\0${kind}\0${name}`;

/** Records that a resource of the program creates (or manages) the user or role `name` on the instance. */
export function declarePrincipal(instanceId: unknown, name: unknown): void {
  if (typeof instanceId === "string" && typeof name === "string" && instanceId !== UNKNOWN && name !== UNKNOWN) declared.add(declaredKey(instanceId, "principal", name));
}

/** Records that a Database of the program creates (or manages) the database `name` on the instance. */
export function declareDatabase(instanceId: unknown, name: unknown): void {
  if (typeof instanceId === "string" && typeof name === "string" && instanceId !== UNKNOWN && name !== UNKNOWN) declared.add(declaredKey(instanceId, "database", name));
}

/** Whether the program declares that object (see declarePrincipal, declareDatabase). */
export function isDeclared(instanceId: string, kind: "database" | "principal", name: string): boolean {
  return declared.has(declaredKey(instanceId, kind, name));
}

/** Forgets the declared objects (tests). */
export function resetDeclaredDbObjects(): void {
  declared.clear();
}

/** The failures and warnings the preview-time instance lookup finds, or undefined when the platform did not answer. */
export async function instanceFindings(instanceId: string): Promise<{ failures: CheckFailure[]; warnings: Warning[] } | undefined> {
  const found = await lookupForPreview(`instance ${instanceId}`, async () => ({ inst: await instanceById(configuredClient(), instanceId) }));
  if (!found) return undefined;
  const { inst } = found;
  if (!inst) {
    // A.3 DBS.200002 "实例不存在".
    return { failures: [{ property: "instanceId", reason: `instanceId: ${JSON.stringify(instanceId)} is not an instance of the platform (A.3 DBS.200002); use the id of an existing instance (Instance.id), or one getInstances lists` }], warnings: [] };
  }
  // reference 4.4.1 / 4.4.2 接口约束: "实例在创建、变更规格、修改端口、冻结、异常等状态下不能执行该操作" — abnormal (FAILED) does not pass by itself.
  if (inst.status === ABNORMAL) {
    return {
      failures: [{ property: "instanceId", reason: `instanceId: instance ${inst.name} (${instanceId}) is FAILED, and the platform creates nothing in an abnormal instance (reference 4.4.1 接口约束); repair or replace the instance first` }],
      warnings: [],
    };
  }
  // Creating (BUILD) and the other passing states may be over by the time of the create: warned, not refused.
  if (inst.status !== "ACTIVE") {
    return { failures: [], warnings: [{ property: "instanceId", reason: `instanceId: instance ${inst.name} (${instanceId}) is ${inst.status}; the platform refuses database changes while an instance is being created or changed (reference 4.4.1 接口约束), so the create fails unless it is ACTIVE by then` }] };
  }
  return { failures: [], warnings: [] };
}

/** The failure for an owner the instance does not have and the program does not declare, or undefined (4.4.13 decides). */
export async function missingOwner(property: string, instanceId: string, owner: string, ref: string): Promise<string | undefined> {
  if (isDeclared(instanceId, "principal", owner)) return undefined;
  const users = await lookupForPreview(`users of instance ${instanceId}`, () => userNames(configuredClient(), instanceId));
  if (!users || users.includes(owner)) return undefined;
  return (
    `${property}: ${JSON.stringify(owner)} is not a user of instance ${instanceId} (reference ${ref}; A.3 DBS.200824). Create the user first: ` +
    `a DbUser of this stack counts when it is declared before this resource (pass its output, e.g. owner: user.name)`
  );
}

/** True when a replacement would keep the object's identity (same values of `keys`, all known). */
export function keepsIdentity(olds: Record<string, unknown>, news: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.every((k) => news[k] !== UNKNOWN && sameValue(olds[k], news[k]));
}

/** Inputs whose change creates the object anew (check: a create or a replacement is coming). */
export function createsAnew(meta: ResourceMeta, olds: Record<string, unknown>, inputs: Record<string, unknown>): boolean {
  const old = strip(olds);
  return Object.keys(old).length === 0 || changedInputs(meta, old, inputs).some((k) => meta.replaceOnChanges.includes(k));
}

/** `"a" → "b"` for messages. */
export const fromTo = (a: unknown, b: unknown) => `${JSON.stringify(a ?? null)} → ${JSON.stringify(b ?? null)}`;

// ---------------------------------------------------------------- the resource

/** A string that may not be empty (an empty one would be taken as "not given" and read back differently). */
function notEmpty(fix: string) {
  return z.string().refine((s) => s.length > 0, { error: `is empty; ${fix}` });
}

const TEMPLATE = z.string().superRefine((s, ctx) => {
  // reference 4.4.1 template: "可选的数据库模板包括postgres、 template0、 template1、 templatem".
  if ((TEMPLATE_DATABASES as readonly string[]).includes(s)) return;
  const near = TEMPLATE_DATABASES.find((t) => t.toLowerCase() === s.trim().toLowerCase());
  ctx.addIssue({
    code: "custom",
    input: s,
    message: near
      ? `is not spelled as the template database is named (reference 4.4.1 template); use ${JSON.stringify(near)}`
      : `is not one of ${TEMPLATE_DATABASES.join(", ")} (reference 4.4.1 template); use one of them, or leave it out`,
  });
});

const Inputs = z.object({
  adopt: z.boolean().optional(),
  // reference 4.4.1 character_set: "不指定该参数时新创建的数据库字符编码与模板库的字符编码一致" (leaving it out is the way to say so).
  characterSet: notEmpty("leave it out for the template's encoding").optional(),
  // reference 4.4.1 table 4-91 instance_id: "是 String 实例ID".
  instanceId: notEmpty("use the id of an instance (Instance.id)"),
  // reference 4.4.1 lc_collate: "数据库排序集。默认C" (the schema default).
  lcCollate: notEmpty('leave it out for the default "C"'),
  // reference 4.4.1 lc_ctype: "数据库分类集。默认C".
  lcCtype: notEmpty('leave it out for the default "C"'),
  name: objectName(DATABASE_NAME_RULE),
  // reference 4.4.1 owner: "缺省时默认是root,不能和系统用户重名,且必须是已存在的用户" (existence: check() and create).
  owner: z.string().superRefine((s, ctx) => {
    const why = s.length === 0 ? 'is empty; name an existing user (reference 4.4.1 owner), or leave it out for "root"' : systemUserProblem(s, "4.4.1 owner");
    if (why) ctx.addIssue({ code: "custom", message: why, input: s });
  }),
  template: TEMPLATE.optional(),
});
type In = z.output<typeof Inputs>;
type Out = DatabaseOutputs;

/** `<instanceId>/databases/<name>`. */
export const databaseId = (instanceId: string, name: string) => `${instanceId}/databases/${name}`;

/** The instance id and name of a Database id. */
export function parseDatabaseId(id: string): { instanceId: string; name: string } {
  const m = /^(.+)\/databases\/([^/]+)$/.exec(id);
  if (!m) throw new TpopsError(`${JSON.stringify(id)} is not a Database id; expected <instanceId>/databases/<name>`);
  return { instanceId: m[1]!, name: m[2]! };
}

/**
 * Whether two encoding names are the same encoding, as GaussDB (PostgreSQL) compares them: ignoring case and
 * everything but letters and digits (`utf-8`, `UTF8`). Not stated by the reference; it keeps the program's spelling
 * in the state when the platform reports the same encoding in its own.
 */
export function sameEncoding(a: unknown, b: unknown): boolean {
  const clean = (x: unknown) => (typeof x === "string" ? x.toLowerCase().replace(/[^a-z0-9]/g, "") : undefined);
  return clean(a) !== undefined && clean(a) === clean(b);
}

/** API record → state; `program` gives the template (never reported) and the spelling of an equal encoding. */
function toOutputs(instanceId: string, db: ApiDatabase, program: Partial<In & Out>): Out {
  const live = db.character_set ?? "";
  return {
    instanceId,
    name: db.name,
    owner: db.owner ?? "",
    characterSet: program.characterSet && sameEncoding(program.characterSet, live) ? program.characterSet : live,
    lcCollate: db.collate_set ?? "",
    lcCtype: db.datctype ?? "",
    size: db.size ?? "",
    ...(program.template ? { template: program.template } : {}),
  };
}

/** The inputs find() saw, per call: adopting and resuming read the object without a state (see toOutputs). */
const programOf = new WeakMap<Ctx, Partial<In>>();

/** The Database resource definition. */
export const databaseDefinition: ResourceDefinition<In, Out> = {
  kind: "Database",
  meta: DatabaseMeta,
  inputs: Inputs,
  // The reference's name rule: letters, digits and _ only, so `_` joins the suffix; never "pg" or a digit first.
  autoName: { maxLength: MAX_NAME_LENGTH, separator: "_", sanitize: sanitizeObjectName("db_") },
  localOnly: ["adopt"],
  // The old database is never removed (delete forgets it), so the name of a replacement is the same one:
  // a same-name replacement on the same instance is refused at preview (see diff below).
  deleteBeforeReplace: true,
  defaultTimeouts: { create: "5m", update: "5m", delete: "5m" },
  describeKey: (i) => `name ${JSON.stringify(i.name)} on instance ${i.instanceId}`,

  async find(ctx, inputs) {
    programOf.set(ctx, inputs);
    if (inputs.instanceId === UNKNOWN) throw new TpopsError("the instance id is not known yet");
    const db = await databaseByName(ctx.client, inputs.instanceId, inputs.name);
    return db && { id: databaseId(inputs.instanceId, db.name) };
  },

  async create(ctx, inputs) {
    const { instanceId, name } = inputs;
    const id = databaseId(instanceId, name);
    // reference 4.4.1 owner: "必须是已存在的用户" (A.3 DBS.200824) — decided before anything is sent when the users list answers.
    const users = await userNames(ctx.client, instanceId).catch(() => undefined);
    if (users && !users.includes(inputs.owner)) {
      throw new TpopsError(`nothing was created: owner ${JSON.stringify(inputs.owner)} is not a user of instance ${instanceId} (reference 4.4.1 owner; A.3 DBS.200824); create the user first, or name another owner`);
    }
    const body = {
      name,
      owner: inputs.owner,
      lc_collate: inputs.lcCollate,
      lc_ctype: inputs.lcCtype,
      ...(inputs.characterSet ? { character_set: inputs.characterSet } : {}),
      ...(inputs.template ? { template: inputs.template } : {}),
    };
    ctx.progress(`creating database ${JSON.stringify(name)} on instance ${instanceId}`);
    // reference 4.4.1 answers no body: the unique name decides a lost reply (found means created).
    await createIdempotently(
      ctx,
      () => ctx.client.call(ops.databases.create, { path: { instance_id: instanceId }, body }),
      async () => ((await databaseByName(ctx.client, instanceId, name)) ? { id } : undefined),
    );
    const partial: Out = { instanceId, name, owner: inputs.owner, characterSet: inputs.characterSet ?? "", lcCollate: inputs.lcCollate, lcCtype: inputs.lcCtype, size: "", ...(inputs.template ? { template: inputs.template } : {}) };
    try {
      const db = await databaseByName(ctx.client, instanceId, name);
      if (!db) throw new TpopsError(`the platform accepted database ${JSON.stringify(name)} but does not list it (reference 4.4.12); run pulumi refresh, then pulumi up`);
      return { id, outs: toOutputs(instanceId, db, inputs) };
    } catch (e) {
      throw new PartialCreateError(id, partial, e);
    }
  },

  async read(ctx, id, state) {
    const { instanceId, name } = parseDatabaseId(id);
    const db = await databaseByName(ctx.client, instanceId, name);
    const program = Object.keys(state).length ? state : (programOf.get(ctx) ?? {});
    return db && toOutputs(instanceId, db, program);
  },

  async update(_ctx, id) {
    // Every input but adopt (state only) replaces the database: the engine never asks for an update with changes.
    throw new TpopsError(`Database ${id}: nothing of a database changes in place`);
  },

  async delete(ctx, id) {
    const { instanceId, name } = parseDatabaseId(id);
    let exists: boolean | undefined;
    try {
      exists = (await databaseByName(ctx.client, instanceId, name)) !== undefined;
    } catch (e) {
      exists = undefined;
      ctx.note(`could not check whether database ${JSON.stringify(name)} still exists (${e instanceof Error ? e.message : String(e)})`);
    }
    if (exists === false) return; // dropped by SQL, or gone with its instance: nothing is left behind
    // The reference offers no call that drops a database (4.4.1 creates, 4.4.12 lists): never pretend it was dropped.
    ctx.warn(
      `database ${JSON.stringify(name)} ${exists ? "still exists" : "may still exist"} on instance ${instanceId}: TPOPS has no API that drops a database ` +
        `(reference 4.4), so deleting this resource only removed it from the stack; its data is untouched. To drop it, connect to the ` +
        `instance as an administrator and run: DROP DATABASE "${name}"; (deleting the instance removes it too). To manage it again, declare it with adopt: true`,
    );
  },
};

const base = makeProvider(databaseDefinition);

/** The advice for an input that cannot change on an existing database. */
function howToChange(name: string, k: string, olds: Record<string, unknown>, news: Record<string, unknown>): string {
  if (k === "owner") return `owner ${fromTo(olds.owner, news.owner)}: run ALTER DATABASE "${name}" OWNER TO "${String(news.owner)}"; as an administrator, then pulumi refresh`;
  return `${k} ${fromTo(olds[k], news[k])}: fixed when a database is created`;
}

/** Database provider methods: the framework's, plus the preview-time checks that need the platform, and the refusal of a same-name replacement. */
export const database: ProviderImpl = {
  ...base,
  async check(olds, news) {
    const r = await base.check(olds, news);
    const inputs = r.inputs ?? {};
    const { instanceId, name, owner } = inputs as Record<string, unknown>;
    const warnings: Warning[] = [];
    if (typeof name === "string" && name !== UNKNOWN) warnings.push(...nameWarnings("name", name, DATABASE_NAME_RULE));
    if (typeof owner === "string" && owner !== UNKNOWN) warnings.push(...ownerWarnings("owner", owner, "4.4.1 owner"));
    const failures: CheckFailure[] = [...(r.failures ?? [])];
    const known = (x: unknown): x is string => typeof x === "string" && x !== UNKNOWN;
    if (!failures.length && known(instanceId) && createsAnew(DatabaseMeta, olds, inputs)) {
      const found = await instanceFindings(instanceId);
      if (found) {
        failures.push(...found.failures);
        warnings.push(...found.warnings);
      }
      if (found && !found.failures.length) {
        // reference 4.4.1 owner: "必须是已存在的用户".
        const missing = known(owner) ? await missingOwner("owner", instanceId, owner, "4.4.1 owner") : undefined;
        if (missing) failures.push({ property: "owner", reason: missing });
        // A database with this name: adopt it, or (this resource's own generated name) an interrupted create continues with it.
        const old = strip(olds);
        const moved = Object.keys(old).length === 0 || !sameValue(old.instanceId, instanceId) || !sameValue(old.name, name);
        if (moved && inputs.adopt !== true && known(name) && name !== generatedName(databaseDefinition, news, inputs)) {
          const existing = await lookupForPreview(`database ${name}`, () => databaseByName(configuredClient(), instanceId, name));
          if (existing) {
            failures.push({
              property: "name",
              reason: `name: ${JSON.stringify(name)} is already a database of instance ${instanceId}; set adopt: true to take it over, or choose another name`,
            });
          }
        }
      }
    }
    printWarnings("Database", news, warnings.filter((w) => !failures.some((f) => f.property === w.property)));
    if (!failures.length) declareDatabase(instanceId, name);
    return failures.length ? { ...r, failures } : r;
  },

  async diff(id, oldsRaw, newsRaw) {
    const d = await base.diff(id, oldsRaw, newsRaw);
    const olds = strip(oldsRaw);
    const news = strip(newsRaw);
    if (!d.replaces.length || !keepsIdentity(olds, news, ["instanceId", "name"])) return d;
    // The replacement would create a database with the name of the old one, which stays (delete forgets): refused
    // while the platform still lists it; gone (dropped by SQL) or unanswered, the create meets the platform's answer.
    const name = String(news.name);
    const live = await lookupForPreview(`database ${name}`, async () => ({ db: await databaseByName(configuredClient(), String(news.instanceId), name) }));
    if (!live?.db) return d;
    const label = `Database ${pulumiName(newsRaw) ?? name}`;
    throw new TpopsError(
      `${label}: ${d.replaces.map((k) => howToChange(name, k, olds, news)).join("; ")}. A change of ${d.replaces.join(", ")} replaces the database, ` +
        `but the new one would have the name of the old one, which stays: TPOPS has no API that drops a database (reference 4.4). ` +
        `Make the change on the platform as the advice says, or give the database another name (the old one stays, no longer managed), ` +
        `or drop it as an administrator (DROP DATABASE "${name}";) and run pulumi up again; or set ${d.replaces.join(", ")} back to the platform's value`,
    );
  },
};
