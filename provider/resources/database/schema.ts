/**
 * Schema (reference 4.4.2 create, 4.4.3 list): a schema of a database of an instance, found by its name. One schema
 * per resource (4.4.2 sends a list, "单次请求最多支持20个元素"). Every input replaces it; deleting forgets it — the
 * reference has no call that drops a schema, so the object stays on the platform and the delete says so.
 */
import { z } from "zod";
import { ops, TpopsApiError, TpopsError, type TpopsClient } from "../../client";
import type { Schema as ApiSchema } from "../../client/operations-database";
import { client as configuredClient } from "../../config";
import { createIdempotently, generatedName, makeProvider, PartialCreateError, pulumiName, sameValue, strip, UNKNOWN, type CheckFailure, type Ctx, type ProviderImpl, type ResourceDefinition } from "../framework";
import { lookupForPreview } from "../live";
import { printWarnings, type Warning } from "../rules";
import { SchemaMeta, type SchemaOutputs } from "../schema.gen";
import {
  createsAnew,
  databaseByName,
  fromTo,
  instanceFindings,
  instanceGone,
  isDeclared,
  keepsIdentity,
  MAX_NAME_LENGTH,
  nameWarnings,
  objectName,
  ownerWarnings,
  sanitizeObjectName,
  systemUserProblem,
  TEMPLATE_DATABASES,
  userNames,
  type NameRule,
} from "./database";

/** reference 4.4.2 db_name: "…不能以"pg"和数字开头,且不能和GaussDB模板库postgres,template0,template1,templatem重名". */
export const DB_NAME_RULE: NameRule = { ref: "4.4.2 db_name", reserved: TEMPLATE_DATABASES, reservedAre: "a GaussDB template database" };

/**
 * reference 4.4.2 name: "…且不能和GaussDB模板库postgres, template0, template和已存在的SCHEMA重名" — the list as printed
 * (`template`, not 4.4.1's template1 and templatem, which are warned about). The existing schemas are decided in check():
 * "已存在的schema包括public,information_schema", and the ones the database lists (4.4.3).
 */
export const SCHEMA_NAME_RULE: NameRule = {
  ref: "4.4.2 name",
  reserved: ["postgres", "template0", "template"],
  reservedAre: "a name reference 4.4.2 reserves for GaussDB template databases",
  nearReserved: ["template1", "templatem"],
};

/** reference 4.4.2 name: "已存在的schema包括public,information_schema" (every database has them). */
export const BUILTIN_SCHEMAS = ["public", "information_schema"] as const;

/**
 * Why a schema owner is refused, or undefined: reference 4.4.2 owner "数据库属主名称在1到63个字符之间,不能以"pg"和数字开头,
 * 不能和系统用户名称相同" (no character-set rule, and no requirement that the user exists: a missing one is warned about).
 */
export function schemaOwnerProblem(s: string): string | undefined {
  const length = [...s].length;
  if (length === 0) return `is empty; name the owning user, 1 to ${MAX_NAME_LENGTH} characters (reference 4.4.2 owner)`;
  if (length > MAX_NAME_LENGTH) return `is ${length} characters long, more than ${MAX_NAME_LENGTH} (reference 4.4.2 owner); shorten it`;
  if (s.startsWith("pg")) return `starts with "pg", which reference 4.4.2 owner forbids; choose another owner`;
  if (/^[0-9]/.test(s)) return `starts with a digit, which reference 4.4.2 owner forbids; choose another owner`;
  return systemUserProblem(s, "4.4.2 owner");
}

const Inputs = z.object({
  adopt: z.boolean().optional(),
  database: objectName(DB_NAME_RULE),
  // reference 4.4.2 table 4-95 instance_id: "是 String 实例ID".
  instanceId: z.string().refine((s) => s.length > 0, { error: "is empty; use the id of an instance (Instance.id)" }),
  name: objectName(SCHEMA_NAME_RULE),
  owner: z.string().superRefine((s, ctx) => {
    const why = schemaOwnerProblem(s);
    if (why) ctx.addIssue({ code: "custom", message: why, input: s });
  }),
});
type In = z.output<typeof Inputs>;
type Out = SchemaOutputs;

/** `<instanceId>/databases/<database>/schemas/<name>`. */
export const schemaId = (instanceId: string, database: string, name: string) => `${instanceId}/databases/${database}/schemas/${name}`;

/** The parts of a Schema id. */
export function parseSchemaId(id: string): { instanceId: string; database: string; name: string } {
  const m = /^(.+)\/databases\/([^/]+)\/schemas\/([^/]+)$/.exec(id);
  if (!m) throw new TpopsError(`${JSON.stringify(id)} is not a Schema id; expected <instanceId>/databases/<database>/schemas/<name>`);
  return { instanceId: m[1]!, database: m[2]!, name: m[3]! };
}

/**
 * The schemas of a database (4.4.3), or undefined when the database or its instance is gone (the list of a
 * database that does not exist is refused; the database list, 4.4.12, tells that apart from other refusals).
 */
export async function schemasOf(client: TpopsClient, instanceId: string, database: string): Promise<ApiSchema[] | undefined> {
  try {
    return await client.listAll(ops.schemas.list, { path: { instance_id: instanceId }, query: { db_name: database } });
  } catch (e) {
    if (instanceGone(e)) return undefined;
    if (e instanceof TpopsApiError && e.status < 500 && !(await databaseByName(client, instanceId, database).catch(() => true))) return undefined;
    throw e;
  }
}

async function schemaByName(client: TpopsClient, instanceId: string, database: string, name: string): Promise<ApiSchema | undefined> {
  return (await schemasOf(client, instanceId, database))?.find((s) => s.schema_name === name);
}

function toOutputs(instanceId: string, database: string, s: ApiSchema): Out {
  return { instanceId, database, name: s.schema_name, owner: s.owner ?? "" };
}

/** Why a schema every database has cannot be adopted: the platform's list (4.4.3) does not show it. */
function builtinNotListed(name: string, database: string): string {
  return (
    `nothing was created: ${JSON.stringify(name)} is a schema every database has (reference 4.4.2 name), but the platform does not list it ` +
    `in database ${JSON.stringify(database)} (4.4.3), so there is nothing to take over and it cannot be created; remove this resource`
  );
}

/** The Schema resource definition. */
export const schemaDefinition: ResourceDefinition<In, Out> = {
  kind: "Schema",
  meta: SchemaMeta,
  inputs: Inputs,
  // The reference's name rule (letters, digits, _; not "pg" or a digit first), as for Database.
  autoName: { maxLength: MAX_NAME_LENGTH, separator: "_", sanitize: sanitizeObjectName("s_") },
  localOnly: ["adopt"],
  // The old schema is never removed (delete forgets it): a same-name replacement is refused at preview (diff below).
  deleteBeforeReplace: true,
  defaultTimeouts: { create: "5m", update: "5m", delete: "5m" },
  describeKey: (i) => `name ${JSON.stringify(i.name)} in database ${JSON.stringify(i.database)} of instance ${i.instanceId}`,

  async find(ctx, inputs) {
    if (inputs.instanceId === UNKNOWN || inputs.database === UNKNOWN) throw new TpopsError("the instance id or database is not known yet");
    const s = await schemaByName(ctx.client, inputs.instanceId, inputs.database, inputs.name);
    return s && { id: schemaId(inputs.instanceId, inputs.database, s.schema_name) };
  },

  async create(ctx, inputs) {
    const { instanceId, database, name, owner } = inputs;
    const id = schemaId(instanceId, database, name);
    // reference 4.4.2 name: public and information_schema exist already; adopt (find) found nothing to take over.
    if ((BUILTIN_SCHEMAS as readonly string[]).includes(name)) throw new TpopsError(builtinNotListed(name, database));
    ctx.progress(`creating schema ${JSON.stringify(name)} in database ${JSON.stringify(database)} of instance ${instanceId}`);
    // reference 4.4.2 answers no body: the schema list decides a lost reply (found means created).
    await createIdempotently(
      ctx,
      () => ctx.client.call(ops.schemas.create, { path: { instance_id: instanceId }, body: { db_name: database, schemas: [{ name, owner }] } }),
      async () => ((await schemaByName(ctx.client, instanceId, database, name)) ? { id } : undefined),
    );
    try {
      const s = await schemaByName(ctx.client, instanceId, database, name);
      if (!s) throw new TpopsError(`the platform accepted schema ${JSON.stringify(name)} but does not list it (reference 4.4.3); run pulumi refresh, then pulumi up`);
      return { id, outs: toOutputs(instanceId, database, s) };
    } catch (e) {
      throw new PartialCreateError(id, { instanceId, database, name, owner }, e);
    }
  },

  async read(ctx, id) {
    const { instanceId, database, name } = parseSchemaId(id);
    const s = await schemaByName(ctx.client, instanceId, database, name);
    return s && toOutputs(instanceId, database, s);
  },

  async update(_ctx, id) {
    // Every input but adopt (state only) replaces the schema: the engine never asks for an update with changes.
    throw new TpopsError(`Schema ${id}: nothing of a schema changes in place`);
  },

  async delete(ctx: Ctx, id) {
    const { instanceId, database, name } = parseSchemaId(id);
    let exists: boolean | undefined;
    try {
      exists = (await schemaByName(ctx.client, instanceId, database, name)) !== undefined;
    } catch (e) {
      exists = undefined;
      ctx.note(`could not check whether schema ${JSON.stringify(name)} still exists (${e instanceof Error ? e.message : String(e)})`);
    }
    if (exists === false) return; // dropped by SQL, or gone with its database or instance
    // The reference offers no call that drops a schema (4.4.2 creates, 4.4.3 lists): never pretend it was dropped.
    ctx.warn(
      `schema ${JSON.stringify(name)} ${exists ? "still exists" : "may still exist"} in database ${JSON.stringify(database)} of instance ${instanceId}: TPOPS has no API ` +
        `that drops a schema (reference 4.4), so deleting this resource only removed it from the stack; its objects are untouched. To drop it, ` +
        `connect to database "${database}" as an administrator or its owner and run: DROP SCHEMA "${name}"; (add CASCADE to drop the objects in it too). ` +
        `To manage it again, declare it with adopt: true`,
    );
  },
};

const base = makeProvider(schemaDefinition);

/** Schema provider methods: the framework's, plus the preview-time checks that need the platform, and the refusal of a same-name replacement. */
export const schema: ProviderImpl = {
  ...base,
  async check(olds, news) {
    const r = await base.check(olds, news);
    const inputs = r.inputs ?? {};
    const { instanceId, database, name, owner } = inputs as Record<string, unknown>;
    const known = (x: unknown): x is string => typeof x === "string" && x !== UNKNOWN;
    const warnings: Warning[] = [];
    if (known(database)) warnings.push(...nameWarnings("database", database, DB_NAME_RULE));
    if (known(name)) warnings.push(...nameWarnings("name", name, SCHEMA_NAME_RULE));
    if (known(owner)) warnings.push(...ownerWarnings("owner", owner, "4.4.2 owner"));
    const failures: CheckFailure[] = [...(r.failures ?? [])];
    const old = strip(olds);
    const moved = Object.keys(old).length === 0 || !sameValue(old.instanceId, instanceId) || !sameValue(old.database, database) || !sameValue(old.name, name);
    // reference 4.4.2 name: "不能和…已存在的SCHEMA重名。已存在的schema包括public,information_schema" — they exist in every database.
    const builtin = known(name) ? BUILTIN_SCHEMAS.find((b) => b === name) : undefined;
    if (!failures.length && builtin && moved && inputs.adopt !== true) {
      failures.push({ property: "name", reason: `name: ${JSON.stringify(name)} is a schema every database has (reference 4.4.2 name); set adopt: true to take it over, or choose another name` });
    }
    if (!failures.length && known(instanceId) && createsAnew(SchemaMeta, olds, inputs)) {
      const found = await instanceFindings(instanceId);
      if (found) {
        failures.push(...found.failures);
        warnings.push(...found.warnings);
      }
      if (found && !found.failures.length && known(database)) {
        // reference 4.4.2 功能介绍: "在指定实例的数据库中, 创建数据库SCHEMA" — the database must be there (or come from this program).
        const db = isDeclared(instanceId, "database", database) ? true : await lookupForPreview(`database ${database}`, async () => (await databaseByName(configuredClient(), instanceId, database)) !== undefined);
        if (db === false) {
          failures.push({
            property: "database",
            reason:
              `database: ${JSON.stringify(database)} is not a database of instance ${instanceId} (reference 4.4.2); create it first: ` +
              `a Database of this stack counts when it is declared before this resource (pass its output, e.g. database: db.name)`,
          });
        }
        // Not stated by 4.4.2 (its owner rule names no existence): warned, never refused.
        if (db && known(owner) && !isDeclared(instanceId, "principal", owner)) {
          const users = await lookupForPreview(`users of instance ${instanceId}`, () => userNames(configuredClient(), instanceId));
          if (users && !users.includes(owner)) {
            warnings.push({ property: "owner", reason: `owner: ${JSON.stringify(owner)} is not a user of instance ${instanceId} (4.4.13): reference 4.4.2 does not require an existing owner, but GaussDB creates a schema only for an existing one` });
          }
        }
        // adopt of public / information_schema: only what the platform lists (4.4.3) can be taken over.
        if (db && moved && inputs.adopt === true && builtin) {
          const listed = await lookupForPreview(`schema ${builtin}`, async () => ({ s: await schemaByName(configuredClient(), instanceId, database, builtin) }));
          if (listed && !listed.s) failures.push({ property: "name", reason: `name: ${builtinNotListed(builtin, database).replace("nothing was created: ", "")}` });
        }
        // reference 4.4.2 name: "不能和…已存在的SCHEMA重名" — without adopt, and unless it is this resource's own generated name
        // (an interrupted create continues with it).
        if (db && moved && inputs.adopt !== true && known(name) && !builtin && name !== generatedName(schemaDefinition, news, inputs)) {
          const existing = await lookupForPreview(`schema ${name}`, () => schemaByName(configuredClient(), instanceId, database, name));
          if (existing) {
            failures.push({ property: "name", reason: `name: ${JSON.stringify(name)} is already a schema of database ${JSON.stringify(database)} (reference 4.4.2 name); set adopt: true to take it over, or choose another name` });
          }
        }
      }
    }
    printWarnings("Schema", news, warnings.filter((w) => !failures.some((f) => f.property === w.property)));
    return failures.length ? { ...r, failures } : r;
  },

  async diff(id, oldsRaw, newsRaw) {
    const d = await base.diff(id, oldsRaw, newsRaw);
    const olds = strip(oldsRaw);
    const news = strip(newsRaw);
    if (!d.replaces.length || !keepsIdentity(olds, news, ["instanceId", "database", "name"])) return d;
    // The replacement would create a schema with the name of the old one, which stays (delete forgets): refused while
    // the platform still lists it; gone (dropped by SQL) or unanswered, the create meets the platform's answer.
    const name = String(news.name);
    const database = String(news.database);
    const live = await lookupForPreview(`schema ${name}`, async () => ({ s: await schemaByName(configuredClient(), String(news.instanceId), database, name) }));
    if (!live?.s) return d;
    const advice = d.replaces.map((k) => (k === "owner" ? `owner ${fromTo(olds.owner, news.owner)}: run ALTER SCHEMA "${name}" OWNER TO "${String(news.owner)}"; in database "${database}" as an administrator, then pulumi refresh` : `${k} ${fromTo(olds[k], news[k])}`));
    throw new TpopsError(
      `Schema ${pulumiName(newsRaw) ?? name}: ${advice.join("; ")}. A change of ${d.replaces.join(", ")} replaces the schema, but the new one would have the name ` +
        `of the old one, which stays: TPOPS has no API that drops a schema (reference 4.4). Make the change on the platform as the advice says, or give the ` +
        `schema another name (the old one stays, no longer managed), or drop it (DROP SCHEMA "${name}"; in database "${database}") and run pulumi up again; ` +
        `or set ${d.replaces.join(", ")} back to the platform's value`,
    );
  },
};
