// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { providerStub, resourceOptions, resourceProps } from "../stub";
import { DatabaseOutputKeys, DatabaseSecretInputs, DatabaseSecretOutputs, type DatabaseArgs, type DatabaseOutputs } from "../types.gen";

const provider = providerStub("database");

/** A database of a GaussDB instance (reference 4.4.1 create, 4.4.12 list). Every input but `adopt` replaces it. Deleting the resource does not drop the database: TPOPS 24.1.30 has no API that drops one, so delete only removes it from the stack (forgets it) and warns that it still exists, with the SQL an administrator runs to drop it (`DROP DATABASE "<name>";`); it also goes away with its instance. Because the old database stays, a replacement that keeps both the name and the instance is refused at preview while the old one exists (change it by SQL and `pulumi refresh`, give a new name, or drop the old one first). A read is one list (4.4.12): owner, encoding and locales show drift, and a database that is gone (dropped by SQL, or with its instance) leaves the state. Id: `<instanceId>/databases/<name>`. See docs/reference.md. */
export class Database extends pulumi.dynamic.Resource {
  /** Whether the database was adopted. */
  declare readonly adopt: pulumi.Output<DatabaseOutputs["adopt"]>;
  /** Character set (encoding), as last read (in the program's spelling when the same encoding). */
  declare readonly characterSet: pulumi.Output<DatabaseOutputs["characterSet"]>;
  /** Instance id. */
  declare readonly instanceId: pulumi.Output<DatabaseOutputs["instanceId"]>;
  /** Collation, as last read. */
  declare readonly lcCollate: pulumi.Output<DatabaseOutputs["lcCollate"]>;
  /** Character classification, as last read. */
  declare readonly lcCtype: pulumi.Output<DatabaseOutputs["lcCtype"]>;
  /** Database name. */
  declare readonly name: pulumi.Output<DatabaseOutputs["name"]>;
  /** Owner, as last read. */
  declare readonly owner: pulumi.Output<DatabaseOutputs["owner"]>;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  declare readonly site: pulumi.Output<DatabaseOutputs["site"]>;
  /** Size as the platform reports it, e.g. `33 MB`, as last read. */
  declare readonly size: pulumi.Output<DatabaseOutputs["size"]>;
  /** Template the database was created from, as the program gave it (absent when not given). */
  declare readonly template: pulumi.Output<DatabaseOutputs["template"]>;

  /** Reads the existing Database with this id into the program without managing it (nothing is created, changed or deleted). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): Database {
    return new Database(name, {} as DatabaseArgs, { ...opts, id });
  }

  /** Declares a Database; `pulumi up` creates it (or, with `adopt: true` where offered, takes over the existing one). */
  constructor(name: string, args: DatabaseArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, "Database", args, DatabaseOutputKeys, DatabaseSecretInputs, opts), resourceOptions(opts, DatabaseSecretOutputs), "tpops", "Database");
  }
}
