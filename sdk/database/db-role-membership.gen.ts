// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { providerStub, resourceOptions, resourceProps } from "../stub";
import { DbRoleMembershipOutputKeys, DbRoleMembershipSecretInputs, DbRoleMembershipSecretOutputs, type DbRoleMembershipArgs, type DbRoleMembershipOutputs } from "../types.gen";

const provider = providerStub("dbRoleMembership");

/** One role granted to one database user or role (reference 4.4.18 `user_role_permissions`: "将角色/用户的权限赋予其他用户/角色"), read back through the user list's `memberof` (4.4.13). Keyed by `instanceId`, `role` and `member`: changing any of them replaces the resource; `adminOption` changes in place. Delete revokes the membership, also one the member already had before the stack (create warns about it). Id `<instanceId>/memberships/<role>/<member>`. Refresh sees a membership revoked out of band when 4.4.13 lists the member (its `memberof` no longer names the role) and drops the resource from the state, so the next `up` grants it again; it cannot see the admin option (4.4.13 prints only role names), nor anything about a member the list does not show. One membership has one owner in a stack: a second resource naming it is refused at preview, and a renamed resource's delete leaves it to its successor. See docs/reference.md. */
export class DbRoleMembership extends pulumi.dynamic.Resource {
  /** Whether the member may grant the role on, as last set (4.4.13 does not show it). */
  declare readonly adminOption: pulumi.Output<DbRoleMembershipOutputs["adminOption"]>;
  /** Instance id. */
  declare readonly instanceId: pulumi.Output<DbRoleMembershipOutputs["instanceId"]>;
  /** The member. */
  declare readonly member: pulumi.Output<DbRoleMembershipOutputs["member"]>;
  /** Whether the user list (4.4.13) showed the member when last read; only then does refresh see the membership, or the member, disappear. */
  declare readonly memberListed: pulumi.Output<DbRoleMembershipOutputs["memberListed"]>;
  /** The role. */
  declare readonly role: pulumi.Output<DbRoleMembershipOutputs["role"]>;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  declare readonly site: pulumi.Output<DbRoleMembershipOutputs["site"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<DbRoleMembershipOutputs["timeouts"]>;

  /** Reads the existing DbRoleMembership with this id into the program without managing it (nothing is created, changed or deleted). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): DbRoleMembership {
    return new DbRoleMembership(name, {} as DbRoleMembershipArgs, { ...opts, id });
  }

  /** Declares a DbRoleMembership; `pulumi up` creates it (or, with `adopt: true` where offered, takes over the existing one). */
  constructor(name: string, args: DbRoleMembershipArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, "DbRoleMembership", args, DbRoleMembershipOutputKeys, DbRoleMembershipSecretInputs, opts), resourceOptions(opts, DbRoleMembershipSecretOutputs), "tpops", "DbRoleMembership");
  }
}
