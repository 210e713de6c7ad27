/**
 * BuiltinPasswords (reference 4.4.8 "初始化数据库内置rdsAdmin、rdsMetric、rdsRepl、rdsBackup、root五个用户的密码"): a settings
 * resource of an instance. Id `<instanceId>/builtin-passwords`.
 *
 * Why a resource of its own and not Instance inputs: the passwords change at any time without touching the
 * instance, while Instance `password` is the install-time root password and replaces the instance (its change
 * planning stays as it is); passwords cannot be read back, so there is nothing for the Instance's refresh to
 * compare; and a stack that does not set them never calls 4.4.8.
 *
 * Settings contract: each password given is set (create) and set again when it changes; one left out is not
 * touched. What was there before cannot be read, so delete leaves the passwords as they are (and says so).
 */
import { z } from "zod";
import { ops, registerSecret, TpopsError } from "../../client";
import type { InitPasswordsBody } from "../../client/operations-accounts";
import { makeProvider, PartialCreateError, pulumiName, resourceIdentity, strip, UNKNOWN, v, type CheckFailure, type Ctx, type ProviderImpl, type ResourceDefinition } from "../framework";
import { BuiltinPasswordsMeta, type BuiltinPasswordsOutputs } from "../schema.gen";
import { passwordProblem, passwordWarning, printWarnings } from "../rules";
import { alreadyThatPassword, reversesPassword } from "./db-user";

/** Input → the 4.4.8 field pair and the user it names (reference 4.4.8 功能介绍 names the five users). */
const USERS = [
  ["rdsAdminPassword", "admin", "rdsAdmin"],
  ["rdsMetricPassword", "metric", "rdsMetric"],
  ["rdsReplPassword", "repl", "rdsRepl"],
  ["rdsBackupPassword", "backup", "rdsBackup"],
  ["rootPassword", "root", "root"],
] as const;
type Field = (typeof USERS)[number][0];

const password = (user: string) =>
  z
    .string()
    .superRefine((pw, ctx) => {
      // reference 4.4.8 prints no password rule; A.3 DBS.6025117 "数据库用户密码非法" (root: DBS.200052 "数据库root密码非法") —
      // the database password rule of reference 4.4.16; `_` only for root and rdsAdmin, whose passwords 4.11.6 sets at install.
      const why = passwordProblem(pw, { underscore: user === "root" || user === "rdsAdmin" });
      if (why) ctx.addIssue({ code: "custom", message: user === "root" ? `${why} (A.3 DBS.200052)` : why, input: pw });
    })
    .optional();

const Inputs = z
  .object({
    // reference 4.4.8 table 4-120 instance_id "是 String 实例ID".
    instanceId: z.string().min(1, { error: "is empty; use the id of an Instance" }),
    // reference 4.4.8 table 4-121: admin_password, metric_password, repl_password, backup_password, root_password "否".
    rdsAdminPassword: password("rdsAdmin"),
    rdsBackupPassword: password("rdsBackup"),
    rdsMetricPassword: password("rdsMetric"),
    rdsReplPassword: password("rdsRepl"),
    rootPassword: password("root"),
    timeouts: v.timeouts().optional(),
  })
  .superRefine((b, ctx) => {
    // A resource that names no password would set nothing (provider input rule).
    if (USERS.every(([f]) => b[f] === undefined)) {
      ctx.addIssue({ code: "custom", path: ["rootPassword"], input: undefined, message: "is not set, and neither is any other password; give at least one of rdsAdminPassword, rdsMetricPassword, rdsReplPassword, rdsBackupPassword, rootPassword" });
    }
  });

type In = z.output<typeof Inputs>;
type Out = BuiltinPasswordsOutputs;

const idOf = (instanceId: string) => `${instanceId}/builtin-passwords`;

function instanceOf(id: string, state: Partial<Out>): string {
  const suffix = "/builtin-passwords";
  if (id.endsWith(suffix)) return id.slice(0, -suffix.length);
  if (state.instanceId) return state.instanceId;
  throw new TpopsError(`BuiltinPasswords id ${JSON.stringify(id)} is not of the form <instanceId>/builtin-passwords`);
}

/** The state: the instance and the passwords set so far. */
function outputs(instanceId: string, values: Partial<Record<Field, string>>): Out {
  return { instanceId, ...Object.fromEntries(USERS.filter(([f]) => values[f] !== undefined).map(([f]) => [f, values[f]])) };
}

/**
 * Sets the passwords of `fields`, one 4.4.8 call per user (so a refusal names its user and "the same as the old one"
 * — A.3 DBS.200475, the user already has it — is told apart per user). Returns the fields set before a failure.
 */
async function setPasswords(ctx: Ctx, instanceId: string, wanted: Partial<Record<Field, string>>, fields: readonly Field[], done: Field[]): Promise<void> {
  for (const [field, prefix, user] of USERS) {
    const pw = wanted[field];
    if (!fields.includes(field) || pw === undefined) continue;
    registerSecret(pw);
    ctx.progress(`setting the password of ${user}`);
    const body = { [`${prefix}_name`]: user, [`${prefix}_password`]: pw } as InitPasswordsBody;
    try {
      await ctx.client.call(ops.users.initPasswords, { path: { instance_id: instanceId }, body });
    } catch (e) {
      if (!alreadyThatPassword(e)) throw new TpopsError(`setting the password of ${user} failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    done.push(field);
  }
}

async function instanceExists(ctx: Ctx, instanceId: string): Promise<boolean> {
  return (await ctx.client.listAll(ops.instances.list, { query: { id: instanceId } })).some((i) => i.id === instanceId);
}

/** The BuiltinPasswords resource definition. */
export const builtinPasswordsDefinition: ResourceDefinition<In, Out> = {
  kind: "BuiltinPasswords",
  meta: BuiltinPasswordsMeta,
  inputs: Inputs,
  naturalKey: "instanceId",
  localOnly: ["timeouts"],
  defaultTimeouts: { create: "5m", update: "5m", delete: "5m" },
  describeKey: (i) => `instanceId ${i.instanceId}`,

  async find() {
    // The built-in users always exist: there is nothing to adopt, only passwords to set.
    return undefined;
  },

  async create(ctx, inputs) {
    const id = idOf(inputs.instanceId);
    const done: Field[] = [];
    try {
      await setPasswords(ctx, inputs.instanceId, inputs, USERS.map(([f]) => f), done);
    } catch (e) {
      if (!done.length) throw e;
      // Recorded with the passwords that were set: the next `up` sets the rest.
      throw new PartialCreateError(id, outputs(inputs.instanceId, Object.fromEntries(done.map((f) => [f, inputs[f]]))), e);
    }
    return { id, outs: outputs(inputs.instanceId, inputs) };
  },

  async read(ctx, id, state) {
    const instanceId = instanceOf(id, state);
    for (const [f] of USERS) if (state[f]) registerSecret(String(state[f]));
    // Passwords cannot be read back (no API shows them): the state stands as long as the instance exists.
    if (!(await instanceExists(ctx, instanceId))) return undefined;
    return outputs(instanceId, state);
  },

  async update(ctx, id, olds, news, changed) {
    const instanceId = instanceOf(id, olds);
    // A failure part way keeps the old state: the next `up` sets the rest again (a password set twice reads as done).
    await setPasswords(ctx, instanceId, news, changed as Field[], []);
    // A password left out of the program is no longer managed: it stays as set, and leaves the state.
    return outputs(instanceId, news);
  },

  async delete(ctx, id, state) {
    const set = USERS.filter(([f]) => state[f] !== undefined).map(([, , user]) => user);
    ctx.note(`the passwords of ${set.join(", ") || "no user"} of instance ${instanceOf(id, state)} stay as this resource set them: the ones from before cannot be read, so there is nothing to restore`);
  },
};

const base = makeProvider(builtinPasswordsDefinition);

/** Per provider process (which sees the whole stack): which resource sets which user's password of an instance. */
const owners = new Map<string, { self: string; label: string }>();

/** Forgets the registry (tests). */
export function resetBuiltinPasswordOwners(): void {
  owners.clear();
}

/** BuiltinPasswords provider methods: the framework's, plus one resource per user's password and the old-password rule. */
export const builtinPasswords: ProviderImpl = {
  ...base,
  async check(olds, news) {
    const r = await base.check(olds, news);
    const inputs = r.inputs ?? {};
    for (const [f] of USERS) if (typeof inputs[f] === "string" && inputs[f] !== UNKNOWN) registerSecret(String(inputs[f]));
    if (r.failures?.length) return r;
    const failures: CheckFailure[] = [];
    const creating = Object.keys(strip(olds)).length === 0;
    const instanceId = inputs.instanceId;
    const self = resourceIdentity(news);
    const label = `BuiltinPasswords ${pulumiName(news) ?? self}`;
    for (const [f, , user] of USERS) {
      if (inputs[f] === undefined) continue;
      // reference A.3 DBS.200476 "新密码不能与旧密码倒序相同", against the password this resource set before.
      if (!creating && olds.instanceId === instanceId && reversesPassword(olds[f], inputs[f])) {
        failures.push({ property: f, reason: `${f}: [secret] is the password this resource set before, reversed, which the platform refuses (reference A.3 DBS.200476 "新密码不能与旧密码倒序相同"); choose another password` });
      }
      const warning = typeof inputs[f] === "string" && inputs[f] !== UNKNOWN ? passwordWarning(String(inputs[f])) : undefined;
      if (warning) printWarnings("BuiltinPasswords", news, [{ property: f, reason: `${f}: [secret] ${warning}` }]);
      if (typeof instanceId !== "string" || instanceId === UNKNOWN || !self) continue;
      const key = `${instanceId}\0${user}`;
      const other = owners.get(key);
      if (other && other.self !== self) {
        failures.push({ property: f, reason: `${f}: the password of ${user} of instance ${instanceId} is already set by ${other.label} in this stack; set each password in one BuiltinPasswords resource` });
      } else owners.set(key, { self, label });
    }
    return failures.length ? { ...r, failures } : r;
  },
};
