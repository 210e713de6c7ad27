// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { providerStub, resourceOptions, resourceProps } from "../stub";
import { DbRoleOutputKeys, DbRoleSecretInputs, DbRoleSecretOutputs, type DbRoleArgs, type DbRoleOutputs } from "../types.gen";

const provider = providerStub("dbRole");

/** A database role of an instance (reference 4.4.16 create, 4.4.17 delete). Id `<instanceId>/roles/<name>`. The reference has no call that changes or reads a role, and no role list: a change of `instanceId`, `name` or `password` replaces the role (the old one is deleted first, and with it the privileges and memberships granted to it). `pulumi refresh` looks the role up in the user list (4.4.13), which the reference does not say lists roles: a role the list showed once and no longer shows is dropped from the state; a role the list never showed stays as it is (`listed` says which). With `adopt: true` an existing role of that name, found in that list, is taken over; its password cannot be read or set, so the program's is recorded as given. See docs/reference.md. */
export class DbRole extends pulumi.dynamic.Resource {
  /** Whether the role was adopted. */
  declare readonly adopt: pulumi.Output<DbRoleOutputs["adopt"]>;
  /** Instance id. */
  declare readonly instanceId: pulumi.Output<DbRoleOutputs["instanceId"]>;
  /** Whether the user list (4.4.13) showed the role when it was last read; only then does refresh notice the role's deletion. */
  declare readonly listed: pulumi.Output<DbRoleOutputs["listed"]>;
  /** Role name. */
  declare readonly name: pulumi.Output<DbRoleOutputs["name"]>;
  /** The password the role was created (or adopted) with. (secret) */
  declare readonly password: pulumi.Output<DbRoleOutputs["password"]>;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  declare readonly site: pulumi.Output<DbRoleOutputs["site"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<DbRoleOutputs["timeouts"]>;

  /** Reads the existing DbRole with this id into the program without managing it (nothing is created, changed or deleted). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): DbRole {
    return new DbRole(name, {} as DbRoleArgs, { ...opts, id });
  }

  /** Declares a DbRole; `pulumi up` creates it (or, with `adopt: true` where offered, takes over the existing one). */
  constructor(name: string, args: DbRoleArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, "DbRole", args, DbRoleOutputKeys, DbRoleSecretInputs, opts), resourceOptions(opts, DbRoleSecretOutputs), "tpops", "DbRole");
  }
}
