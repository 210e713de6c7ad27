/**
 * DbUser (reference 4.4.4 create, 4.4.5 delete, 4.4.7 attributes, 4.4.9 password reset, 4.4.10/4.4.11 lock and
 * unlock, 4.4.13 list) and what the account resources share: name rules, the system accounts, the account list.
 * Id `<instanceId>/users/<name>`.
 */
import { z } from "zod";
import { ops, registerSecret, TpopsApiError, TpopsError, type TpopsClient } from "../../client";
import type { DbUserAttributesBody, DbUserRecord } from "../../client/operations-accounts";
import { createIdempotently, makeProvider, PartialCreateError, strip, UNKNOWN, v, generatedName, type CheckFailure, type Ctx, type ProviderImpl, type ResourceDefinition } from "../framework";
import { DbUserMeta, type DbUserOutputs } from "../schema.gen";
import { client as configuredClient } from "../../config";
import { lookupForPreview } from "../live";
import { passwordProblem, passwordWarning, printWarnings, type Warning } from "../rules";
import { declarePrincipal } from "./database";

// ---------------------------------------------------------------- shared by the account resources

/** reference 4.4.1 owner and 4.4.2 owner: "系统用户包括"rdsAdmin", "rdsMetric", "rdsBackup","rdsRepl"". */
export const SYSTEM_USERS = ["rdsAdmin", "rdsMetric", "rdsBackup", "rdsRepl"] as const;
/** reference 4.4.8: "数据库内置rdsAdmin、rdsMetric、rdsRepl、rdsBackup、root五个用户" — root is built in as well. */
export const BUILTIN_USERS = [...SYSTEM_USERS, "root"] as const;
/** The system roles reference 4.4.13's example lists in `memberof` (4.4.16: "不能和系统用户/角色重名"). */
export const SYSTEM_ROLES = ["gs_role_copy_files", "gs_role_signal_backend", "gs_role_tablespace", "gs_role_replication", "gs_role_account_lock"] as const;

/** reference A.3: "数据库账户不存在". */
export const ACCOUNT_NOT_FOUND = "DBS.200824";
/** reference A.3: "新密码不能与旧密码相同" — the account already has the password being set. */
export const SAME_PASSWORD = "DBS.200475";
/** reference A.3 "实例不存在" (DBS.200002, DBS.200602) and "实例ID不合法" (DBS.280404). */
const INSTANCE_GONE = ["DBS.200002", "DBS.200602", "DBS.280404"];

/** True when the error says the instance does not exist (so none of its accounts does). */
export function instanceGone(e: unknown): boolean {
  return e instanceof TpopsApiError && (e.status === 404 || (e.errorCode !== undefined && INSTANCE_GONE.includes(e.errorCode)));
}

/** True when the error says the account does not exist, or its instance does not. */
export function accountGone(e: unknown): boolean {
  return instanceGone(e) || (e instanceof TpopsApiError && e.errorCode === ACCOUNT_NOT_FOUND);
}

/** True when setting a password failed only because the account already has it (A.3 DBS.200475). */
export function alreadyThatPassword(e: unknown): boolean {
  return e instanceof TpopsApiError && e.errorCode === SAME_PASSWORD;
}

/** The resource id of an account: `<instanceId>/<users|roles>/<name>`. */
export function accountId(instanceId: string, section: "users" | "roles", name: string): string {
  return `${instanceId}/${section}/${name}`;
}

/** Instance id and name of an account id (undefined when the id is not of that form). */
export function parseAccountId(id: string, section: "users" | "roles"): { instanceId: string; name: string } | undefined {
  const at = id.indexOf(`/${section}/`);
  if (at <= 0) return undefined;
  return { instanceId: id.slice(0, at), name: id.slice(at + section.length + 2) };
}

/**
 * Why an account name is refused, or undefined. Both kinds: reference 4.4.16 name "长度可在1~63个字符之间" and
 * "不能以"pg"和数字开头" (for users 4.4.2 owner "数据库属主名称在1到63个字符之间,不能以"pg"和数字开头,不能和系统用户名称相同");
 * the system users of 4.4.1/4.4.2 and root (4.4.8 "内置", A.3 DBS.200062 "用户名不符合规则或是为数据库管理账号"); the system
 * roles (4.4.16 "不能和系统用户/角色重名"). Roles only (`role`): 4.4.16 "由字母(a-z, A-Z)、数字、或下划线组成,不能包含其他特殊字符".
 */
export function accountNameProblem(name: string, kind: "user" | "role"): string | undefined {
  const length = [...name].length;
  const section = kind === "role" ? "reference 4.4.16" : "reference 4.4.2 owner, the rule stated for user names";
  if (length < 1 || length > 63) return `is ${length} characters; a ${kind} name has 1 to 63 (${section}); ${length ? "shorten it" : "give one"}`;
  if (name.startsWith("pg")) return `starts with "pg", which ${kind} names may not (${section} "不能以"pg"和数字开头"); choose another name`;
  if (/^[0-9]/.test(name)) return `starts with a digit, which ${kind} names may not (${section} "不能以"pg"和数字开头"); choose another name`;
  if ((BUILTIN_USERS as readonly string[]).includes(name)) {
    const how = name === "root" ? "root is the instance's own administrator" : `${name} is a system user of the platform (reference 4.4.1 "系统用户包括")`;
    return `is a built-in database user (reference 4.4.8; A.3 DBS.200062 "数据库管理账号"): ${how}. Set its password with BuiltinPasswords; choose another name`;
  }
  if ((SYSTEM_ROLES as readonly string[]).includes(name)) {
    return `is a system role of the database (reference 4.4.16 "不能和系统用户/角色重名"; 4.4.13's example lists it in memberof); choose another name`;
  }
  if (kind === "role" && !/^[A-Za-z0-9_]+$/.test(name)) {
    return `may contain only letters (a-z, A-Z), digits and _ (reference 4.4.16 "由字母(a-z, A-Z)、数字、或下划线组成,不能包含其他特殊字符"); replace the other characters`;
  }
  return undefined;
}

/** Concerns about a valid user name the reference does not state as rules (printed as warnings). */
export function userNameWarning(name: string): string | undefined {
  // Not stated for users: 4.4.16 states it for role names, and users and roles share one namespace.
  if (!/^[A-Za-z0-9_]*$/.test(name)) return `has characters other than letters, digits and _: the reference states no character rule for user names, but its rule for role names (4.4.16) allows only those, and GaussDB users and roles are one kind of account`;
  return undefined;
}

/** True when `next` is `prev` reversed (A.3 DBS.200476 "新密码不能与旧密码倒序相同"), for a password that changes. */
export function reversesPassword(prev: unknown, next: unknown): boolean {
  if (typeof prev !== "string" || typeof next !== "string" || prev === next || next === UNKNOWN || prev === UNKNOWN) return false;
  return [...prev].reverse().join("") === next;
}

/** The generated name of an account: the Pulumi name in lower case, other characters `_`, never `pg` or a digit first. */
export function accountAutoName(prefix: string) {
  return {
    maxLength: 63,
    separator: "_",
    sanitize: (s: string) => {
      const x = s.toLowerCase().replace(/[^a-z0-9_]/g, "_");
      return /^(pg|[0-9])/.test(x) || x === "" ? `${prefix}_${x}` : x;
    },
  };
}

/** Per client and instance: the account list being fetched, and the one queued to start after it. */
const scans = new WeakMap<TpopsClient, Map<string, { running?: Promise<DbUserRecord[]>; queued?: Promise<DbUserRecord[]> }>>();

/**
 * Every account 4.4.13 lists for an instance (it has no name filter: the list is paged through). Concurrent lookups
 * (an `up` of many users of one instance) share one fetch; a caller never shares a fetch that began before its call.
 */
export function listAccounts(client: TpopsClient, instanceId: string): Promise<DbUserRecord[]> {
  let byInstance = scans.get(client);
  if (!byInstance) scans.set(client, (byInstance = new Map()));
  let state = byInstance.get(instanceId);
  if (!state) byInstance.set(instanceId, (state = {}));
  const s = state;
  const start = (): Promise<DbUserRecord[]> => {
    const p = client.listAll(ops.users.list, { path: { instance_id: instanceId } });
    s.running = p;
    const done = () => {
      if (s.running === p) s.running = undefined;
    };
    p.then(done, done);
    return p;
  };
  if (!s.running) return start();
  if (!s.queued) {
    s.queued = s.running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        s.queued = undefined;
        return start();
      });
  }
  return s.queued;
}

/** The account of that name, undefined when it is not listed; throws when the instance does not answer. */
export async function findAccount(client: TpopsClient, instanceId: string, name: string): Promise<DbUserRecord | undefined> {
  return (await listAccounts(client, instanceId)).find((u) => u.name === name);
}

/**
 * Preview lookup of the accounts of an instance: the list, `gone` when the instance does not exist, undefined when
 * the platform did not answer (the check is skipped).
 */
export async function accountsForPreview(instanceId: string): Promise<{ accounts: DbUserRecord[] } | { gone: true } | undefined> {
  return lookupForPreview(`the accounts of instance ${instanceId}`, async () => {
    try {
      return { accounts: await listAccounts(configuredClient(), instanceId) };
    } catch (e) {
      if (instanceGone(e)) return { gone: true as const };
      throw e;
    }
  });
}

// ---------------------------------------------------------------- DbUser

/** The 4.4.7 attributes: input, request field (4.4.7's example spelling) and the 4.4.13 field that shows it. */
const ATTRIBUTES = [
  ["sysadmin", "sysadmin_enabled", "rolsuper"],
  ["createDb", "createdb_enabled", "rolcreatedb"],
  ["createRole", "createrole_enabled", "rolcreaterole"],
  ["auditAdmin", "auditadmin_enabled", undefined],
  ["monAdmin", "monadmin_enabled", undefined],
  ["oprAdmin", "opradmin_enabled", undefined],
  ["polAdmin", "poladmin_enabled", undefined],
  ["replication", "replication_enabled", "rolreplication"],
  ["login", "login_enabled", "rolcanlogin"],
] as const satisfies readonly (readonly [keyof DbUserOutputs, keyof DbUserAttributesBody, string | undefined])[];
type AttributeInput = (typeof ATTRIBUTES)[number][0];

const password = z.string().superRefine((pw, ctx) => {
  // reference 4.4.4 and 4.4.9 print no password rule; A.3 DBS.6025117 "数据库用户密码非法" — the database password rule
  // of reference 4.4.16 as printed (its special set has no `_`, which only the install-time passwords of 4.11.6 take).
  const why = passwordProblem(pw, { underscore: false });
  if (why) ctx.addIssue({ code: "custom", message: why, input: pw });
});

const Inputs = z
  .object({
    adopt: z.boolean().optional(),
    // reference 4.4.7 table 4-118 (each "否 Boolean"), in its example's spelling "attributes 内参数当前仅支持示例中的9个".
    auditAdmin: z.boolean().optional(),
    createDb: z.boolean().optional(),
    createRole: z.boolean().optional(),
    // reference 4.4.4 table 4-106 instance_id "是 String 实例ID".
    instanceId: z.string().min(1, { error: "is empty; use the id of an Instance" }),
    // reference 4.4.10/4.4.11: lock and unlock; 4.4.13 lock_status "数据库用户锁定状态".
    locked: z.boolean(),
    login: z.boolean().optional(),
    // reference 4.4.4 table 4-107 is_login_only: "否 boolean 用户是否只有login权限".
    loginOnly: z.boolean().optional(),
    monAdmin: z.boolean().optional(),
    // reference 4.4.4 table 4-107 name "是 String 数据库用户名" (rules: accountNameProblem); generated when omitted.
    name: z
      .string()
      .superRefine((n, ctx) => {
        const why = accountNameProblem(n, "user");
        if (why) ctx.addIssue({ code: "custom", message: why, input: n });
      })
      .optional(),
    oprAdmin: z.boolean().optional(),
    // reference 4.4.4 table 4-107 password "是 String 数据库用户密码" (required unless adopt: see below).
    password: password.optional(),
    polAdmin: z.boolean().optional(),
    replication: z.boolean().optional(),
    sysadmin: z.boolean().optional(),
    timeouts: v.timeouts().optional(),
  })
  .superRefine((u, ctx) => {
    // reference 4.4.4 password "是": a user is created with one; an adopted user keeps its own unless one is given.
    if (u.password === undefined && u.adopt !== true) {
      ctx.addIssue({ code: "custom", path: ["password"], input: undefined, message: "is required to create a user (reference 4.4.4 password \"是\"); give it (secret), or set adopt: true to take over an existing user with its password" });
    }
    // reference 4.4.4 is_login_only: "为 true代表只有login权限,为 false代表除了login权限外还有 Create Role和Create DB权限".
    if (u.loginOnly !== undefined) {
      for (const k of ["createDb", "createRole"] as const) {
        if (u[k] !== undefined && u[k] === u.loginOnly) {
          ctx.addIssue({
            code: "custom",
            path: [k],
            input: u[k],
            message: `contradicts loginOnly: ${u.loginOnly} (reference 4.4.4 is_login_only: true is only the login privilege, false adds CREATEROLE and CREATEDB); drop ${k}, or make it ${!u.loginOnly}`,
          });
        }
      }
    }
  });

type In = z.output<typeof Inputs>;
type Out = DbUserOutputs;

/** 4.4.13 record (+ what the state knows that the list does not show) → state. */
function toOutputs(instanceId: string, u: DbUserRecord, prev: Partial<Out>): Out {
  const a = u.attribute ?? {};
  const read = (k: AttributeInput, field: string | undefined): boolean | undefined => {
    const live = field ? (a as Record<string, unknown>)[field] : undefined;
    return typeof live === "boolean" ? live : prev[k];
  };
  const attrs = Object.fromEntries(ATTRIBUTES.map(([k, , field]) => [k, read(k, field)])) as Pick<Out, AttributeInput>;
  // reference 4.4.4 is_login_only: true is neither CREATEROLE nor CREATEDB, false both; a mix is neither.
  const loginOnly = attrs.createDb === false && attrs.createRole === false ? true : attrs.createDb === true && attrs.createRole === true ? false : undefined;
  return {
    instanceId,
    name: u.name,
    ...(prev.password !== undefined ? { password: prev.password } : {}),
    ...attrs,
    ...(loginOnly !== undefined ? { loginOnly } : {}),
    locked: typeof u.lock_status === "boolean" ? u.lock_status : Boolean(prev.locked),
    ...(typeof a.rolinherit === "boolean" ? { inherit: a.rolinherit } : {}),
    ...(typeof a.rolconnlimit === "number" ? { connectionLimit: a.rolconnlimit } : {}),
    ...(typeof a.rolbypassrls === "boolean" ? { bypassRls: a.rolbypassrls } : {}),
    ...(typeof a.rolpassworddeadline === "string" ? { passwordDeadline: a.rolpassworddeadline } : {}),
    ...(typeof u.memberof === "string" ? { memberOf: u.memberof } : {}),
  };
}

/** Instance and name of a user, from its id or else its state. */
function whereIs(id: string, state: Partial<Out>): { instanceId: string; name: string } {
  const parsed = parseAccountId(id, "users");
  if (parsed) return parsed;
  if (state.instanceId && state.name) return { instanceId: state.instanceId, name: state.name };
  throw new TpopsError(`DbUser id ${JSON.stringify(id)} is not of the form <instanceId>/users/<name>`);
}

/** The user as listed, undefined when it (or its instance) is gone. */
async function readUser(ctx: Ctx, instanceId: string, name: string): Promise<DbUserRecord | undefined> {
  try {
    return await findAccount(ctx.client, instanceId, name);
  } catch (e) {
    if (instanceGone(e)) return undefined;
    throw e;
  }
}

/**
 * The 4.4.7 attributes that bring `live` to what `wanted` asks: the attributes `wanted` sets (`loginOnly` standing
 * for createDb and createRole where those are not given) that differ from `live`, or that `live` cannot show.
 */
function attributeChanges(wanted: Partial<In>, live: Partial<Out>, only?: readonly string[]): DbUserAttributesBody {
  const body: Record<string, boolean> = {};
  for (const [k, field, shown] of ATTRIBUTES) {
    const viaLoginOnly = k === "createDb" || k === "createRole";
    if (only && !only.includes(k) && !(viaLoginOnly && only.includes("loginOnly"))) continue;
    const want = wanted[k] ?? (viaLoginOnly && wanted.loginOnly !== undefined ? !wanted.loginOnly : undefined);
    if (want === undefined || (shown !== undefined && live[k] === want)) continue;
    body[field] = want;
  }
  return body as DbUserAttributesBody;
}

/** Sets a user's password (reference 4.4.9); "the same as the old one" (A.3 DBS.200475) means it already has it. */
async function resetPassword(ctx: Ctx, instanceId: string, name: string, pw: string): Promise<void> {
  registerSecret(pw);
  try {
    await ctx.client.call(ops.users.resetPassword, { path: { instance_id: instanceId }, body: { name, password: pw } });
  } catch (e) {
    if (!alreadyThatPassword(e)) throw e;
  }
}

/** Applies attributes, lock status and password so that the user matches `wanted`; returns the state. */
async function converge(ctx: Ctx, instanceId: string, name: string, wanted: Partial<In>, live: Out, only?: readonly string[]): Promise<Out> {
  const path = { instance_id: instanceId };
  if (wanted.password !== undefined && (!only || only.includes("password"))) {
    ctx.progress(`resetting the password of user ${name}`);
    await resetPassword(ctx, instanceId, name, wanted.password);
  }
  const attributes = attributeChanges(wanted, live, only);
  if (Object.keys(attributes).length) {
    ctx.progress(`setting ${Object.keys(attributes).join(", ")} of user ${name}`);
    await ctx.client.call(ops.users.setAttributes, { path, body: { name, attributes } });
  }
  if (wanted.locked !== undefined && wanted.locked !== live.locked && (!only || only.includes("locked"))) {
    ctx.progress(`${wanted.locked ? "locking" : "unlocking"} user ${name}`);
    await ctx.client.call(wanted.locked ? ops.users.lock : ops.users.unlock, { path, body: { name } });
  }
  const after = await readUser(ctx, instanceId, name);
  if (!after) throw new TpopsError(`user ${name} of instance ${instanceId} disappeared while being changed; run pulumi refresh, then pulumi up`);
  const known: Partial<Out> = { ...live, ...Object.fromEntries(Object.entries(wanted).filter(([, x]) => x !== undefined)) };
  return toOutputs(instanceId, after, known);
}

/** The DbUser resource definition. */
export const dbUserDefinition: ResourceDefinition<In, Out> = {
  kind: "DbUser",
  meta: DbUserMeta,
  inputs: Inputs,
  autoName: accountAutoName("u"),
  localOnly: ["adopt", "timeouts"],
  // A user and its replacement cannot exist side by side under one name: delete the old one first.
  deleteBeforeReplace: true,
  defaultTimeouts: { create: "5m", update: "5m", delete: "5m" },
  describeKey: (i) => `name ${JSON.stringify(i.name)} on instance ${i.instanceId}`,

  async find(ctx, inputs) {
    if (!inputs.name) return undefined;
    const u = await readUser(ctx, inputs.instanceId, inputs.name);
    return u && { id: accountId(inputs.instanceId, "users", u.name) };
  },

  async create(ctx, inputs) {
    const name = inputs.name;
    if (!name) throw new TpopsError("name is required to create a user (reference 4.4.4); set name");
    if (inputs.password === undefined) throw new TpopsError(`no user ${name} exists on instance ${inputs.instanceId} to adopt, and creating one needs a password (reference 4.4.4); give password (secret)`);
    registerSecret(inputs.password);
    const path = { instance_id: inputs.instanceId };
    const body = { name, password: inputs.password, ...(inputs.loginOnly !== undefined ? { is_login_only: inputs.loginOnly } : {}) };
    // A lost reply is decided by the name: listed means created, absent means send again.
    await createIdempotently(
      ctx,
      () => ctx.client.call(ops.users.create, { path, body }),
      async () => {
        const u = await findAccount(ctx.client, inputs.instanceId, name);
        return u && { id: accountId(inputs.instanceId, "users", name) };
      },
    );
    const id = accountId(inputs.instanceId, "users", name);
    const partial: Out = { instanceId: inputs.instanceId, name, password: inputs.password, locked: false };
    try {
      const created = await readUser(ctx, inputs.instanceId, name);
      if (!created) throw new TpopsError(`user ${name} was created but instance ${inputs.instanceId} does not list it`);
      const live = toOutputs(inputs.instanceId, created, { password: inputs.password });
      // The password was just set by the create: only attributes and lock status remain.
      return { id, outs: await converge(ctx, inputs.instanceId, name, { ...inputs, password: undefined }, live) };
    } catch (e) {
      throw new PartialCreateError(id, partial, e);
    }
  },

  async read(ctx, id, state) {
    const { instanceId, name } = whereIs(id, state);
    const u = await readUser(ctx, instanceId, name);
    return u && toOutputs(instanceId, u, state);
  },

  async update(ctx, id, olds, news, changed) {
    const { instanceId, name } = whereIs(id, olds);
    if (news.password !== undefined) registerSecret(news.password);
    const live = await readUser(ctx, instanceId, name);
    if (!live) throw new TpopsError(`user ${name} no longer exists on instance ${instanceId}; run pulumi refresh, then pulumi up to create it again`);
    return converge(ctx, instanceId, name, news, toOutputs(instanceId, live, olds), changed);
  },

  async delete(ctx, id, state) {
    const { instanceId, name } = whereIs(id, state);
    if (state.password) registerSecret(String(state.password));
    try {
      await ctx.client.call(ops.users.delete, { path: { instance_id: instanceId }, body: { name } });
    } catch (e) {
      // reference A.3 DBS.200818 "删除数据库用户失败": GaussDB does not drop a user that objects depend on.
      if (e instanceof TpopsApiError && e.errorCode === "DBS.200818") {
        throw new TpopsError(`${e.message}. A user that owns databases or schemas, or holds privileges on objects, cannot be dropped: give those to another owner, or delete them first`, { cause: e });
      }
      throw e;
    }
  },

  isGone: accountGone,
};

const base = makeProvider(dbUserDefinition);

/** Warnings of a valid DbUser (reasons the reference does not state). */
function userWarnings(i: Record<string, unknown>): Warning[] {
  const out: Warning[] = [];
  const name = typeof i.name === "string" && i.name !== UNKNOWN ? userNameWarning(i.name) : undefined;
  if (name) out.push({ property: "name", reason: `name: ${JSON.stringify(i.name)} ${name}` });
  const pw = typeof i.password === "string" && i.password !== UNKNOWN ? passwordWarning(i.password) : undefined;
  if (pw) out.push({ property: "password", reason: `password: [secret] ${pw}` });
  return out;
}

/**
 * Refusals that need the old state or the platform's data: a password that reverses the current one, and, for a
 * create, an instance that does not exist or a name another account has (unless adopting, or the account carries
 * this resource's own generated name: an interrupted run made it and create continues with it).
 */
export async function accountRefusals(
  kind: "DbUser" | "DbRole",
  olds: Record<string, unknown>,
  inputs: Record<string, unknown>,
  own: string | undefined,
): Promise<CheckFailure[]> {
  const out: CheckFailure[] = [];
  const creating = Object.keys(strip(olds)).length === 0;
  if (!creating && reversesPassword(olds.password, inputs.password)) {
    out.push({ property: "password", reason: `password: [secret] is the current password reversed, which the platform refuses (reference A.3 DBS.200476 "新密码不能与旧密码倒序相同"); choose another password` });
  }
  const { instanceId, name } = inputs;
  if (!creating || inputs.adopt === true || typeof instanceId !== "string" || instanceId === UNKNOWN || typeof name !== "string" || name === UNKNOWN) return out;
  const live = await accountsForPreview(instanceId);
  if (!live) return out;
  if ("gone" in live) {
    out.push({ property: "instanceId", reason: `instanceId: ${JSON.stringify(instanceId)} is not an instance of the platform (reference A.3 DBS.200002 "实例不存在"); use the id of an Instance, or one getInstances lists` });
    return out;
  }
  const taken = live.accounts.find((u) => u.name === name);
  if (taken && name !== own) {
    const what = kind === "DbUser" ? "user" : "role";
    out.push({
      property: "name",
      reason: `name: ${JSON.stringify(name)} is already the name of an account of instance ${instanceId} (users and roles share one namespace: reference 4.4.16 "不能和系统用户/角色重名"); set adopt: true to take the ${what} over, or choose another name`,
    });
  }
  return out;
}

/** DbUser provider methods: the framework's, plus warnings and the refusals the state and the platform decide at preview. */
export const dbUser: ProviderImpl = {
  ...base,
  async check(olds, news) {
    const r = await base.check(olds, news);
    const inputs = r.inputs ?? {};
    if (typeof inputs.password === "string" && inputs.password !== UNKNOWN) registerSecret(inputs.password);
    // A Database or Schema of the program registered after this resource may name it as owner (database.ts).
    declarePrincipal(inputs.instanceId, inputs.name);
    if (r.failures?.length) return r;
    printWarnings("DbUser", news, userWarnings(inputs));
    const failures = await accountRefusals("DbUser", olds, inputs, generatedName(dbUserDefinition, news, inputs));
    return failures.length ? { ...r, failures } : r;
  },
};
