/**
 * DbRoleMembership (reference 4.4.18 `user_role_permissions`, read back through 4.4.13 `memberof`): one role granted
 * to one user or role — "将角色/用户的权限赋予其他用户/角色". Keyed by instance, role and member (a change of any
 * replaces it); `adminOption` (4.4.18 `is_reuse`) changes in place. Delete revokes the membership.
 *
 * Unlike privileges, a membership can be seen: 4.4.13 lists, for each user, the roles it belongs to (`memberof`,
 * "{gs_role_copy_files,…}" in its example), so refresh drops a membership revoked out of band and the next `up`
 * grants it again. The admin option cannot be seen (4.4.13 prints only the role names).
 *
 * One membership has one owner among the resources of a program (the framework's settings claims): a second resource
 * naming it is refused at preview, and a renamed resource's delete leaves it to its successor.
 */
import { z } from "zod";
import { ops, TpopsApiError, TpopsError, type TpopsClient } from "../../client";
import type { GrantOperation } from "../../client/operations-privileges";
import { claimSetting, makeProvider, pulumiName, resourceIdentity, settingClaimant, UNKNOWN, v, type CheckFailure, type Ctx, type ProviderImpl, type ResourceDefinition } from "../framework";
import { printWarnings } from "../rules";
import { DbRoleMembershipMeta, type DbRoleMembershipOutputs } from "../schema.gen";

const Inputs = z.object({
  // reference 4.4.18 table 4-164 instance_id: "是 String 实例ID".
  instanceId: z.string().min(1, { error: "is empty; use the id of an Instance" }),
  // reference 4.4.18 table 4-187 source_name: "是 String 要分配权限的来源用户或者角色名".
  role: z.string().min(1, { error: "is empty; name the role to grant" }),
  // reference 4.4.18 table 4-187 target_name: "是 String 要分配给权限的目标用户或者角色名".
  member: z.string().min(1, { error: "is empty; name the user or role that receives the role" }),
  // reference 4.4.18 table 4-187 is_reuse: "否 Boolean 如果为true,表明被授权的用户也可以将此权限赋予他人。缺省值: false".
  adminOption: z.boolean(),
  timeouts: v.timeouts().optional(),
});

type In = z.output<typeof Inputs>;
type Out = DbRoleMembershipOutputs;

/** The settings target of one membership (see claimSetting). */
const target = (i: Pick<In, "instanceId" | "role" | "member">) => `membership:${JSON.stringify([i.instanceId, i.role, i.member])}`;

/** The id: `<instanceId>/memberships/<role>/<member>`. */
export function membershipId(i: Pick<In, "instanceId" | "role" | "member">): string {
  return `${i.instanceId}/memberships/${encodeURIComponent(i.role)}/${encodeURIComponent(i.member)}`;
}

function parseId(id: string): { instanceId: string; role: string; member: string } | undefined {
  const m = /^([^/]+)\/memberships\/([^/]+)\/([^/]+)$/.exec(id);
  return m ? { instanceId: m[1]!, role: decodeURIComponent(m[2]!), member: decodeURIComponent(m[3]!) } : undefined;
}

/**
 * The role names of a 4.4.13 `memberof`: reference 4.4.13 example "{gs_role_copy_files,gs_role_signal_backend,…}" (a
 * GaussDB array literal in a String; names with special characters are double-quoted in such literals).
 */
export function memberOf(text: string | null | undefined): string[] {
  const inner = (text ?? "").trim().replace(/^\{/, "").replace(/\}$/, "");
  if (!inner.trim()) return [];
  const out: string[] = [];
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"|([^,]*))\s*(?:,|$)/g;
  for (let m = re.exec(inner); m && m.index < inner.length; m = re.exec(inner)) {
    const name = m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : (m[2] ?? "").trim();
    if (name) out.push(name);
    if (m[0] === "") re.lastIndex++;
  }
  return out;
}

const instanceGone = (e: unknown) => e instanceof TpopsApiError && (e.status === 404 || ["DBS.200002", "DBS.200602", "DBS.280404"].includes(e.errorCode ?? ""));
/** Gone: the instance, or the role or member the revoke names (A.3 DBS.200824 "数据库账户不存在"). */
const isGone = (e: unknown) => instanceGone(e) || (e instanceof TpopsApiError && e.errorCode === "DBS.200824");

/** The member's roles as 4.4.13 lists them, or undefined when the list does not show the member. */
async function rolesOf(client: TpopsClient, instanceId: string, member: string): Promise<string[] | undefined> {
  const users = await client.listAll(ops.databases.listUsers, { path: { instance_id: instanceId } });
  const u = users.find((x) => x.name === member);
  return u ? memberOf(u.memberof) : undefined;
}

async function send(ctx: Ctx, i: Pick<In, "instanceId" | "role" | "member" | "adminOption">, operation: GrantOperation, phase: "create" | "update" | "delete"): Promise<void> {
  ctx.progress(`${operation === "grant" ? "granting" : "revoking"} role ${i.role} ${operation === "grant" ? "to" : "from"} ${i.member}`);
  const op = { source_name: i.role, target_name: i.member, ...(operation === "grant" && i.adminOption ? { is_reuse: true } : {}) };
  await ctx.client.call(ops.privileges.custom, {
    path: { instance_id: i.instanceId },
    body: { user_role_permissions: { operation_type: operation, operations: [op] } },
    signal: AbortSignal.timeout(ctx.timeouts[phase]),
  });
}

const outputs = (i: In, memberListed: boolean): Out => ({ instanceId: i.instanceId, role: i.role, member: i.member, adminOption: i.adminOption, memberListed });

/** The DbRoleMembership resource definition. */
export const dbRoleMembershipDefinition: ResourceDefinition<In, Out> = {
  kind: "DbRoleMembership",
  meta: DbRoleMembershipMeta,
  inputs: Inputs,
  localOnly: ["timeouts"],
  defaultTimeouts: { create: "5m", update: "5m", delete: "5m" },
  describeKey: (i) => `role ${i.role} and member ${i.member}`,
  isGone,

  // A membership that exists already is taken over by create (granting it again changes nothing), with a warning.
  async find() {
    return undefined;
  },

  async create(ctx, inputs) {
    const before = await rolesOf(ctx.client, inputs.instanceId, inputs.member);
    if (before?.includes(inputs.role)) {
      ctx.warn(`${inputs.member} is already a member of ${inputs.role} (granted outside this stack): it is managed by this stack from now on, and revoked by pulumi destroy`);
    }
    await send(ctx, inputs, "grant", "create");
    return { id: membershipId(inputs), outs: outputs(inputs, before !== undefined) };
  },

  async read(ctx, id, state) {
    const key = state.role !== undefined && state.member !== undefined && state.instanceId !== undefined ? { instanceId: state.instanceId, role: state.role, member: state.member } : parseId(id);
    if (!key) throw new TpopsError(`DbRoleMembership ${id}: not an id of this resource; use <instanceId>/memberships/<role>/<member>`);
    let roles: string[] | undefined;
    try {
      roles = await rolesOf(ctx.client, key.instanceId, key.member);
    } catch (e) {
      if (instanceGone(e)) return undefined;
      throw e;
    }
    // A member the list shows: the membership is there or not (revoked out of band: dropped, so up grants it again).
    if (roles !== undefined && !roles.includes(key.role)) return undefined;
    // A member the list showed before but no longer: gone with it.
    if (roles === undefined && state.memberListed === true) return undefined;
    // reference 4.4.13 prints no admin option: the state's (false for get) stands.
    return { ...key, adminOption: state.adminOption === true, memberListed: roles !== undefined };
  },

  async update(ctx, _id, olds, news) {
    // Only adminOption changes in place. reference 4.4.18 has no call that drops only the admin option: a grant
    // without is_reuse is revoked and granted again (the member is briefly without the role).
    if (olds.adminOption === true && !news.adminOption) await send(ctx, news, "revoke", "update");
    await send(ctx, news, "grant", "update");
    return outputs(news, olds.memberListed === true);
  },

  async delete(ctx, _id, state) {
    const owner = settingClaimant(target(state), ctx.self);
    if (owner !== undefined) {
      ctx.warn(`left ${state.member} a member of ${state.role}: now managed by ${owner}`);
      return;
    }
    await send(ctx, { ...state, adminOption: false }, "revoke", "delete");
  },
};

const base = makeProvider(dbRoleMembershipDefinition);

/** DbRoleMembership provider methods: the framework's, plus one owner per membership at preview. */
export const dbRoleMembership: ProviderImpl = {
  ...base,
  async check(olds, news) {
    const r = await base.check(olds, news);
    if (r.failures?.length) return r;
    const i = (r.inputs ?? {}) as unknown as In;
    if ([i.instanceId, i.role, i.member].includes(UNKNOWN)) return r;
    const failures: CheckFailure[] = [];
    // Not stated in the reference: GaussDB refuses a role granted to itself.
    if (i.role === i.member) printWarnings("DbRoleMembership", news, [{ property: "member", reason: `member: ${JSON.stringify(i.member)} is the role itself; GaussDB refuses to make a role a member of itself` }]);
    const self = resourceIdentity(news);
    const other = settingClaimant(target(i), self);
    if (other !== undefined) failures.push({ property: "member", reason: `member: ${i.member}'s membership of ${i.role} is also managed by ${other}; a membership has one owner in a stack — remove one of them` });
    else claimSetting(target(i), self, `DbRoleMembership ${pulumiName(news) ?? `${i.role}/${i.member}`}`);
    return failures.length ? { inputs: r.inputs, failures } : r;
  },
};
