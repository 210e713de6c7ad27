// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { providerStub, resourceOptions, resourceProps } from "../stub";
import { DbUserOutputKeys, DbUserSecretInputs, DbUserSecretOutputs, type DbUserArgs, type DbUserOutputs } from "../types.gen";

const provider = providerStub("dbUser");

/** A database user of an instance (reference 4.4.4 create, 4.4.5 delete, 4.4.7 attributes, 4.4.9 password reset, 4.4.10/4.4.11 lock and unlock, 4.4.13 list). Id `<instanceId>/users/<name>`. The password (secret) is reset in place; the attributes of 4.4.7 and `locked` change in place; `pulumi refresh` reads lock status and the attributes 4.4.13 shows (`sysadmin` as `rolsuper`, `createDb`, `createRole`, `replication`, `login`) — `auditAdmin`, `monAdmin`, `oprAdmin` and `polAdmin` are set but cannot be read back. A new `instanceId` or `name` replaces the user (the old one is deleted first). The system users `rdsAdmin`, `rdsMetric`, `rdsBackup`, `rdsRepl` and the built-in `root` cannot be managed as a DbUser (their passwords: BuiltinPasswords). With `adopt: true` an existing user of that name is taken over; its password is reset only when the program gives one. See docs/reference.md. */
export class DbUser extends pulumi.dynamic.Resource {
  /** Whether the user was adopted. */
  declare readonly adopt: pulumi.Output<DbUserOutputs["adopt"]>;
  /** Audit administrator, as last set (not readable). */
  declare readonly auditAdmin: pulumi.Output<DbUserOutputs["auditAdmin"]>;
  /** Whether the user bypasses row-level security (4.4.13 `rolbypassrls`), as last read. */
  declare readonly bypassRls: pulumi.Output<DbUserOutputs["bypassRls"]>;
  /** Maximum concurrent connections, -1 for no limit (4.4.13 `rolconnlimit`), as last read. */
  declare readonly connectionLimit: pulumi.Output<DbUserOutputs["connectionLimit"]>;
  /** May create databases, as last read. */
  declare readonly createDb: pulumi.Output<DbUserOutputs["createDb"]>;
  /** May create users and roles, as last read. */
  declare readonly createRole: pulumi.Output<DbUserOutputs["createRole"]>;
  /** Whether the user inherits its roles' privileges (4.4.13 `rolinherit`), as last read. */
  declare readonly inherit: pulumi.Output<DbUserOutputs["inherit"]>;
  /** Instance id. */
  declare readonly instanceId: pulumi.Output<DbUserOutputs["instanceId"]>;
  /** Whether the user is locked, as last read. */
  declare readonly locked: pulumi.Output<DbUserOutputs["locked"]>;
  /** May log in, as last read. */
  declare readonly login: pulumi.Output<DbUserOutputs["login"]>;
  /** True when the user has neither CREATEROLE nor CREATEDB, false when it has both, as last read. */
  declare readonly loginOnly: pulumi.Output<DbUserOutputs["loginOnly"]>;
  /** The roles the user belongs to, as 4.4.13 `memberof` prints them (`{role,…}`). */
  declare readonly memberOf: pulumi.Output<DbUserOutputs["memberOf"]>;
  /** Monitoring administrator, as last set (not readable). */
  declare readonly monAdmin: pulumi.Output<DbUserOutputs["monAdmin"]>;
  /** User name. */
  declare readonly name: pulumi.Output<DbUserOutputs["name"]>;
  /** Operations administrator, as last set (not readable). */
  declare readonly oprAdmin: pulumi.Output<DbUserOutputs["oprAdmin"]>;
  /** The password as last set by this stack (absent for an adopted user until the program gives one). (secret) */
  declare readonly password: pulumi.Output<DbUserOutputs["password"]>;
  /** Time left before the password expires (4.4.13 `rolpassworddeadline`, e.g. `88 days 01:01:05`), as last read. */
  declare readonly passwordDeadline: pulumi.Output<DbUserOutputs["passwordDeadline"]>;
  /** Security policy administrator, as last set (not readable). */
  declare readonly polAdmin: pulumi.Output<DbUserOutputs["polAdmin"]>;
  /** May use streaming replication, as last read. */
  declare readonly replication: pulumi.Output<DbUserOutputs["replication"]>;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  declare readonly site: pulumi.Output<DbUserOutputs["site"]>;
  /** Database administrator (`rolsuper`), as last read. */
  declare readonly sysadmin: pulumi.Output<DbUserOutputs["sysadmin"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<DbUserOutputs["timeouts"]>;

  /** Reads the existing DbUser with this id into the program without managing it (nothing is created, changed or deleted). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): DbUser {
    return new DbUser(name, {} as DbUserArgs, { ...opts, id });
  }

  /** Declares a DbUser; `pulumi up` creates it (or, with `adopt: true` where offered, takes over the existing one). */
  constructor(name: string, args: DbUserArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, "DbUser", args, DbUserOutputKeys, DbUserSecretInputs, opts), resourceOptions(opts, DbUserSecretOutputs), "tpops", "DbUser");
  }
}
