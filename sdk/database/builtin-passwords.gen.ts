// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { providerStub, resourceOptions, resourceProps } from "../stub";
import { BuiltinPasswordsOutputKeys, BuiltinPasswordsSecretInputs, BuiltinPasswordsSecretOutputs, type BuiltinPasswordsArgs, type BuiltinPasswordsOutputs } from "../types.gen";

const provider = providerStub("builtinPasswords");

/** The passwords of an instance's built-in database users rdsAdmin, rdsMetric, rdsRepl, rdsBackup and root (reference 4.4.8 "初始化数据库内置rdsAdmin、rdsMetric、rdsRepl、rdsBackup、root五个用户的密码"). Id `<instanceId>/builtin-passwords`. A settings resource: each password given is set on create and set again when it changes; passwords left out are not touched. Passwords cannot be read back, so refresh only checks that the instance exists, and deleting the resource leaves the passwords as they are (what was there before is not known). `rootPassword` changes root in place; the Instance's `password` stays the install-time value in its state (changing that one replaces the instance). See docs/reference.md. */
export class BuiltinPasswords extends pulumi.dynamic.Resource {
  /** Instance id. */
  declare readonly instanceId: pulumi.Output<BuiltinPasswordsOutputs["instanceId"]>;
  /** rdsAdmin's password as last set by this resource. (secret) */
  declare readonly rdsAdminPassword: pulumi.Output<BuiltinPasswordsOutputs["rdsAdminPassword"]>;
  /** rdsBackup's password as last set by this resource. (secret) */
  declare readonly rdsBackupPassword: pulumi.Output<BuiltinPasswordsOutputs["rdsBackupPassword"]>;
  /** rdsMetric's password as last set by this resource. (secret) */
  declare readonly rdsMetricPassword: pulumi.Output<BuiltinPasswordsOutputs["rdsMetricPassword"]>;
  /** rdsRepl's password as last set by this resource. (secret) */
  declare readonly rdsReplPassword: pulumi.Output<BuiltinPasswordsOutputs["rdsReplPassword"]>;
  /** root's password as last set by this resource. (secret) */
  declare readonly rootPassword: pulumi.Output<BuiltinPasswordsOutputs["rootPassword"]>;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  declare readonly site: pulumi.Output<BuiltinPasswordsOutputs["site"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<BuiltinPasswordsOutputs["timeouts"]>;

  /** Reads the existing BuiltinPasswords with this id into the program without managing it (nothing is created, changed or deleted). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): BuiltinPasswords {
    return new BuiltinPasswords(name, {} as BuiltinPasswordsArgs, { ...opts, id });
  }

  /** Declares a BuiltinPasswords; `pulumi up` creates it (or, with `adopt: true` where offered, takes over the existing one). */
  constructor(name: string, args: BuiltinPasswordsArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, "BuiltinPasswords", args, BuiltinPasswordsOutputKeys, BuiltinPasswordsSecretInputs, opts), resourceOptions(opts, BuiltinPasswordsSecretOutputs), "tpops", "BuiltinPasswords");
  }
}
