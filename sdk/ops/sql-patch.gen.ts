// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { providerStub, resourceOptions, resourceProps } from "../stub";
import { SqlPatchOutputKeys, SqlPatchSecretInputs, SqlPatchSecretOutputs, type SqlPatchArgs, type SqlPatchOutputs } from "../types.gen";

const provider = providerStub("sqlPatch");

/** A SQL patch: a plan hint pinned to one slow SQL statement on one CN/DN node (reference 4.6.4 create, 4.6.5 query, 4.6.6 open / close / drop). Id `<instanceId>/sql-patches/<nodeId>/<sqlId>`. `enabled` changes in place (4.6.6 open / close); the reference has no call that changes a patch's name or hint, so every other input replaces it (the old patch is dropped first: a node takes one patch per SQL id). Hint rules are checked at preview. Refresh reads the patch back (4.6.5): a patch closed out of band shows as a change of `enabled`, a dropped one is made again by `pulumi up`. See docs/reference.md. */
export class SqlPatch extends pulumi.dynamic.Resource {
  /** Whether the patch was adopted. */
  declare readonly adopt: pulumi.Output<SqlPatchOutputs["adopt"]>;
  /** Whether the patch is in force. */
  declare readonly enabled: pulumi.Output<SqlPatchOutputs["enabled"]>;
  /** The hint. */
  declare readonly hint: pulumi.Output<SqlPatchOutputs["hint"]>;
  /** Instance id. */
  declare readonly instanceId: pulumi.Output<SqlPatchOutputs["instanceId"]>;
  /** Patch name. */
  declare readonly name: pulumi.Output<SqlPatchOutputs["name"]>;
  /** Node id. */
  declare readonly nodeId: pulumi.Output<SqlPatchOutputs["nodeId"]>;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  declare readonly site: pulumi.Output<SqlPatchOutputs["site"]>;
  /** The statement's unique SQL id. */
  declare readonly sqlId: pulumi.Output<SqlPatchOutputs["sqlId"]>;
  /** `enabled` or `disabled`, as 4.6.5 answers `patch_status`. */
  declare readonly status: pulumi.Output<SqlPatchOutputs["status"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<SqlPatchOutputs["timeouts"]>;

  /** Reads the existing SqlPatch with this id into the program without managing it (nothing is created, changed or deleted). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): SqlPatch {
    return new SqlPatch(name, {} as SqlPatchArgs, { ...opts, id });
  }

  /** Declares a SqlPatch; `pulumi up` creates it (or, with `adopt: true` where offered, takes over the existing one). */
  constructor(name: string, args: SqlPatchArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, "SqlPatch", args, SqlPatchOutputKeys, SqlPatchSecretInputs, opts), resourceOptions(opts, SqlPatchSecretOutputs), "tpops", "SqlPatch");
  }
}
