/**
 * DbRole (reference 4.4.16 create, 4.4.17 delete). Id `<instanceId>/roles/<name>`. The reference has no call that
 * changes or reads a role: every input but `adopt` and `timeouts` replaces it, and refresh looks it up in the user
 * list (4.4.13), which the reference does not say lists roles (see read).
 */
import { z } from "zod";
import { ops, registerSecret, TpopsApiError, TpopsError } from "../../client";
import { createIdempotently, generatedName, makeProvider, PartialCreateError, strip, UNKNOWN, v, type Ctx, type ProviderImpl, type ResourceDefinition } from "../framework";
import { DbRoleMeta, type DbRoleOutputs } from "../schema.gen";
import { client as configuredClient } from "../../config";
import { passwordProblem, passwordWarning, printWarnings } from "../rules";
import { declarePrincipal } from "./database";
import { accountAutoName, accountGone, accountId, accountNameProblem, accountRefusals, findAccount, instanceGone, parseAccountId } from "./db-user";

const Inputs = z
  .object({
    adopt: z.boolean().optional(),
    // reference 4.4.16 table 4-156 instance_id "是 String 实例ID。".
    instanceId: z.string().min(1, { error: "is empty; use the id of an Instance" }),
    // reference 4.4.16 table 4-158 name (accountNameProblem); generated when omitted.
    name: z
      .string()
      .superRefine((n, ctx) => {
        const why = accountNameProblem(n, "role");
        if (why) ctx.addIssue({ code: "custom", message: why, input: n });
      })
      .optional(),
    // reference 4.4.16 table 4-158 password "是" (required unless adopt: see below).
    password: z
      .string()
      .superRefine((pw, ctx) => {
        // reference 4.4.16 password: "非字母数字字符(限定为~!@#\$%^&*()=+\ [{}];,<.>/?)" — its own rule, without the `_` that
        // 4.11.6's root example adds to the other database passwords.
        const why = passwordProblem(pw, { underscore: false });
        if (why) ctx.addIssue({ code: "custom", message: why, input: pw });
      })
      .optional(),
    timeouts: v.timeouts().optional(),
  })
  .superRefine((r, ctx) => {
    if (r.password === undefined && r.adopt !== true) {
      ctx.addIssue({ code: "custom", path: ["password"], input: undefined, message: "is required to create a role (reference 4.4.16 password \"是\"); give it (secret)" });
    }
  });

type In = z.output<typeof Inputs>;
type Out = DbRoleOutputs;

function whereIs(id: string, state: Partial<Out>): { instanceId: string; name: string } {
  const parsed = parseAccountId(id, "roles");
  if (parsed) return parsed;
  if (state.instanceId && state.name) return { instanceId: state.instanceId, name: state.name };
  throw new TpopsError(`DbRole id ${JSON.stringify(id)} is not of the form <instanceId>/roles/<name>`);
}

/**
 * The role's state, undefined when it is gone. The instance gone: gone. The reference has no role list and does not
 * say that 4.4.13 (the user list) shows roles; so a role it lists is there, and a role it no longer lists is gone only
 * when it listed it before (`listed`), which tells this platform lists roles. A role never listed keeps its state.
 */
async function readRole(ctx: Ctx, instanceId: string, name: string, state: Partial<Out>): Promise<Out | undefined> {
  let listed: boolean;
  try {
    listed = (await findAccount(ctx.client, instanceId, name)) !== undefined;
  } catch (e) {
    if (instanceGone(e)) return undefined;
    throw e;
  }
  if (!listed && state.listed === true) return undefined;
  return { instanceId, name, ...(state.password !== undefined ? { password: state.password } : {}), listed };
}

/** The DbRole resource definition. */
export const dbRoleDefinition: ResourceDefinition<In, Out> = {
  kind: "DbRole",
  meta: DbRoleMeta,
  inputs: Inputs,
  autoName: accountAutoName("r"),
  localOnly: ["adopt", "timeouts"],
  // A role and its replacement cannot exist side by side under one name: delete the old one first.
  deleteBeforeReplace: true,
  defaultTimeouts: { create: "5m", update: "5m", delete: "5m" },
  describeKey: (i) => `name ${JSON.stringify(i.name)} on instance ${i.instanceId}`,

  async find(ctx, inputs) {
    if (!inputs.name) return undefined;
    try {
      const r = await findAccount(ctx.client, inputs.instanceId, inputs.name);
      return r && { id: accountId(inputs.instanceId, "roles", r.name) };
    } catch (e) {
      if (instanceGone(e)) return undefined;
      throw e;
    }
  },

  async create(ctx, inputs) {
    const name = inputs.name;
    if (!name) throw new TpopsError("name is required to create a role (reference 4.4.16); set name");
    if (inputs.password === undefined) throw new TpopsError(`no role ${name} is listed on instance ${inputs.instanceId} to adopt, and creating one needs a password (reference 4.4.16); give password (secret)`);
    registerSecret(inputs.password);
    const path = { instance_id: inputs.instanceId };
    // A lost reply is decided by the user list when it shows the role; otherwise the create is sent again and a
    // role that was created after all is refused by name.
    await createIdempotently(
      ctx,
      () => ctx.client.call(ops.roles.create, { path, body: { name, password: inputs.password! } }),
      async () => {
        const r = await findAccount(ctx.client, inputs.instanceId, name);
        return r && { id: accountId(inputs.instanceId, "roles", name) };
      },
    ).catch((e: unknown) => {
      // adopt found no role in the user list, and the platform refused the create: the role may exist unlisted.
      if (inputs.adopt === true && e instanceof TpopsApiError && e.status < 500) {
        throw new TpopsError(`${e.message}. adopt: true found no role ${name} in the user list of the instance (reference 4.4.13, which the reference does not say lists roles); if the role exists, it cannot be adopted: remove it, or use another name`, { cause: e });
      }
      throw e;
    });
    const id = accountId(inputs.instanceId, "roles", name);
    const partial: Out = { instanceId: inputs.instanceId, name, password: inputs.password, listed: false };
    try {
      const outs = await readRole(ctx, inputs.instanceId, name, partial);
      if (!outs) throw new TpopsError(`instance ${inputs.instanceId} disappeared after role ${name} was created`);
      return { id, outs };
    } catch (e) {
      throw new PartialCreateError(id, partial, e);
    }
  },

  async resume(ctx, id, inputs) {
    // Made by an interrupted run of this stack with the program's password (no call reads it back).
    const { instanceId, name } = whereIs(id, {});
    const outs = await readRole(ctx, instanceId, name, { password: inputs.password });
    if (!outs) throw new TpopsError(`role ${name} of instance ${instanceId} disappeared`);
    return outs;
  },

  async read(ctx, id, state) {
    const { instanceId, name } = whereIs(id, state);
    return readRole(ctx, instanceId, name, state);
  },

  async update() {
    // Every input that reaches the platform replaces the role (4.4.16 and 4.4.17 are the only role calls).
    throw new TpopsError("a role has nothing to change in place (the reference has no call that changes a role); this is a bug of the provider");
  },

  async delete(ctx, id, state) {
    const { instanceId, name } = whereIs(id, state);
    await ctx.client.call(ops.roles.delete, { path: { instance_id: instanceId }, body: { name } });
  },

  isGone: accountGone,
};

const base = makeProvider(dbRoleDefinition);

/** DbRole provider methods: the framework's, plus warnings, the preview refusals the platform decides, and adopt. */
export const dbRole: ProviderImpl = {
  ...base,

  async check(olds, news) {
    const r = await base.check(olds, news);
    const inputs = r.inputs ?? {};
    if (typeof inputs.password === "string" && inputs.password !== UNKNOWN) registerSecret(inputs.password);
    // A Database or Schema of the program registered after this resource may name it as owner (database.ts).
    declarePrincipal(inputs.instanceId, inputs.name);
    if (r.failures?.length) return r;
    const pw = typeof inputs.password === "string" && inputs.password !== UNKNOWN ? passwordWarning(inputs.password) : undefined;
    if (pw) printWarnings("DbRole", news, [{ property: "password", reason: `password: [secret] ${pw}` }]);
    // A changed password replaces the role (a new one, not a reset): the reverse-of-old rule does not apply.
    const failures = (await accountRefusals("DbRole", olds, inputs, generatedName(dbRoleDefinition, news, inputs))).filter((f) => f.property !== "password");
    return failures.length ? { ...r, failures } : r;
  },

  async create(props) {
    const inputs = strip(props);
    // Adopting: no call reads or sets a role's password, so the program's is recorded as given, not compared.
    if (inputs.adopt === true && typeof inputs.password === "string" && typeof inputs.instanceId === "string" && typeof inputs.name === "string") {
      registerSecret(inputs.password);
      const existing = await findAccount(configuredClient(), inputs.instanceId, inputs.name).catch(() => undefined);
      if (existing) {
        const r = await base.create({ ...props, password: undefined });
        return { id: r.id, outs: { ...r.outs, password: inputs.password } };
      }
    }
    return base.create(props);
  },
};
