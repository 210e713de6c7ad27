// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { providerStub, resourceOptions, resourceProps } from "../stub";
import { SchemaOutputKeys, SchemaSecretInputs, SchemaSecretOutputs, type SchemaArgs, type SchemaOutputs } from "../types.gen";

const provider = providerStub("schema");

/** A schema of a database (reference 4.4.2 create, 4.4.3 list); one schema per resource (the API takes up to 20 per request). Every input but `adopt` replaces it. Deleting the resource does not drop the schema: TPOPS 24.1.30 has no API that drops one, so delete only removes it from the stack (forgets it) and warns that it still exists, with the SQL to drop it (`DROP SCHEMA "<name>";`, connected to its database as an administrator or its owner); it also goes away with its database or instance. A replacement that keeps instance, database and name is refused at preview while the old schema exists. A read is one list (4.4.3): the owner shows drift, and a schema that is gone leaves the state. Id: `<instanceId>/databases/<database>/schemas/<name>`. See docs/reference.md. */
export class Schema extends pulumi.dynamic.Resource {
  /** Whether the schema was adopted. */
  declare readonly adopt: pulumi.Output<SchemaOutputs["adopt"]>;
  /** Database name. */
  declare readonly database: pulumi.Output<SchemaOutputs["database"]>;
  /** Instance id. */
  declare readonly instanceId: pulumi.Output<SchemaOutputs["instanceId"]>;
  /** Schema name. */
  declare readonly name: pulumi.Output<SchemaOutputs["name"]>;
  /** Owner, as last read. */
  declare readonly owner: pulumi.Output<SchemaOutputs["owner"]>;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  declare readonly site: pulumi.Output<SchemaOutputs["site"]>;

  /** Reads the existing Schema with this id into the program without managing it (nothing is created, changed or deleted). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): Schema {
    return new Schema(name, {} as SchemaArgs, { ...opts, id });
  }

  /** Declares a Schema; `pulumi up` creates it (or, with `adopt: true` where offered, takes over the existing one). */
  constructor(name: string, args: SchemaArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, "Schema", args, SchemaOutputKeys, SchemaSecretInputs, opts), resourceOptions(opts, SchemaSecretOutputs), "tpops", "Schema");
  }
}
