// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { providerStub, resourceOptions, resourceProps } from "../stub";
import { PrivilegesOutputKeys, PrivilegesSecretInputs, PrivilegesSecretOutputs, type PrivilegesArgs, type PrivilegesOutputs } from "../types.gen";

const provider = providerStub("privileges");

/** The privileges of one grantee (a database user or role) on the objects of one scope (reference 4.4.6 and 4.4.18): a database, a schema, tables or views, columns, sequences, functions, procedures or tablespaces. Keyed by `instanceId`, `grantee`, `scope`, `database`, `schema`, `objects` and `columns`: changing any of them replaces the resource (the replacement grants first; the old one's delete then revokes nothing the replacement grants). It owns the privileges in `privileges`: an update revokes those that left the set and grants those that joined it; delete revokes all of them, also ones the grantee already held before the stack granted them (the reference has no API that lists privileges, so the provider cannot tell). Schema, table and sequence privileges are granted with 4.4.18 (users and roles), the other scopes with 4.4.6 (database users). Id `<instanceId>/privileges/<grantee>/<scope>/<12 hex digits of a hash of database, schema, objects and columns>`. One privilege of a grantee on an object has one owner in a stack: a second Privileges resource naming it is refused at preview, and a renamed resource's delete leaves alone what its successor grants. Refresh: since no API lists privileges, `pulumi refresh` and `pulumi preview --refresh` cannot see a privilege revoked or granted out of band, nor a dropped table, column, sequence, function, procedure or tablespace; they see the instance, the database (4.4.12), the schema (4.4.3) or a grantee the user list showed (4.4.13) disappear, and then drop the resource from the state, so the next `up` grants again. To restore privileges revoked out of band, run `pulumi up --replace <the resource's URN>`. `Privileges.get` is not supported: nothing can be read by id. See docs/reference.md. */
export class Privileges extends pulumi.dynamic.Resource {
  /** Columns (scope `table_column`). */
  declare readonly columns: pulumi.Output<PrivilegesOutputs["columns"]>;
  /** Database. */
  declare readonly database: pulumi.Output<PrivilegesOutputs["database"]>;
  /** The user or role holding the privileges. */
  declare readonly grantee: pulumi.Output<PrivilegesOutputs["grantee"]>;
  /** Whether the user list (4.4.13) showed the grantee when the privileges were granted; only then does refresh notice the grantee's deletion. */
  declare readonly granteeListed: pulumi.Output<PrivilegesOutputs["granteeListed"]>;
  /** Instance id. */
  declare readonly instanceId: pulumi.Output<PrivilegesOutputs["instanceId"]>;
  /** The objects the privileges are on, sorted (functions and procedures with their argument types). */
  declare readonly objects: pulumi.Output<PrivilegesOutputs["objects"]>;
  /** The privileges granted by this resource, as last applied (refresh cannot read them back). */
  declare readonly privileges: pulumi.Output<PrivilegesOutputs["privileges"]>;
  /** Schema. */
  declare readonly schema: pulumi.Output<PrivilegesOutputs["schema"]>;
  /** Scope. */
  declare readonly scope: pulumi.Output<PrivilegesOutputs["scope"]>;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  declare readonly site: pulumi.Output<PrivilegesOutputs["site"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<PrivilegesOutputs["timeouts"]>;

  /** Reads the existing Privileges with this id into the program without managing it (nothing is created, changed or deleted). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): Privileges {
    return new Privileges(name, {} as PrivilegesArgs, { ...opts, id });
  }

  /** Declares a Privileges; `pulumi up` creates it (or, with `adopt: true` where offered, takes over the existing one). */
  constructor(name: string, args: PrivilegesArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, "Privileges", args, PrivilegesOutputKeys, PrivilegesSecretInputs, opts), resourceOptions(opts, PrivilegesSecretOutputs), "tpops", "Privileges");
  }
}
