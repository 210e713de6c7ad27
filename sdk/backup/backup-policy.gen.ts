// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { providerStub, resourceOptions, resourceProps } from "../stub";
import { BackupPolicyOutputKeys, BackupPolicySecretInputs, BackupPolicySecretOutputs, type BackupPolicyArgs, type BackupPolicyOutputs } from "../types.gen";

const provider = providerStub("backupPolicy");

/** The automatic backup policy of an instance (reference 4.2.1, 4.2.4–4.2.6). An instance has exactly one policy, so a stack should hold one BackupPolicy per instance (a second one for the same instance id is refused at preview when the id is known then; when the id is still unknown at preview, the conflict only surfaces as the two resources overwriting each other). Every policy field updates in place (a new `instanceId` replaces the resource); fields left out take the platform default (keepDays 7, startTime `19:00-20:00`, period every day, differentialPeriod 30, rateLimit 75, prefetchBlock 64, fileSplitSize 4, enableStandbyBackup false, closeCompression false). Creating the resource records the policy that was live (`originalPolicy`; a warning says so when it was not the platform default) and deleting it restores that policy. Renamed or moved without `aliases`, the resource hands the policy over: the delete of the old name leaves the live policy as the new one set it. See docs/reference.md. */
export class BackupPolicy extends pulumi.dynamic.Resource {
  /** Whether backup compression is off. */
  declare readonly closeCompression: pulumi.Output<BackupPolicyOutputs["closeCompression"]>;
  /** Minutes between differential backups. */
  declare readonly differentialPeriod: pulumi.Output<BackupPolicyOutputs["differentialPeriod"]>;
  /** Whether backups run on a standby. */
  declare readonly enableStandbyBackup: pulumi.Output<BackupPolicyOutputs["enableStandbyBackup"]>;
  /** Backup file split size in GB. */
  declare readonly fileSplitSize: pulumi.Output<BackupPolicyOutputs["fileSplitSize"]>;
  /** Instance id. */
  declare readonly instanceId: pulumi.Output<BackupPolicyOutputs["instanceId"]>;
  /** Days full backups are kept. */
  declare readonly keepDays: pulumi.Output<BackupPolicyOutputs["keepDays"]>;
  /** The policy that was live when this resource first set the instance's policy; restored on delete. Absent in states written by earlier releases (their delete restores the platform default). */
  declare readonly originalPolicy: pulumi.Output<BackupPolicyOutputs["originalPolicy"]>;
  /** Weekdays of full backups. */
  declare readonly period: pulumi.Output<BackupPolicyOutputs["period"]>;
  /** Differential prefetch pages. */
  declare readonly prefetchBlock: pulumi.Output<BackupPolicyOutputs["prefetchBlock"]>;
  /** Upload rate limit in MB/s. */
  declare readonly rateLimit: pulumi.Output<BackupPolicyOutputs["rateLimit"]>;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  declare readonly site: pulumi.Output<BackupPolicyOutputs["site"]>;
  /** Backup window (UTC). */
  declare readonly startTime: pulumi.Output<BackupPolicyOutputs["startTime"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<BackupPolicyOutputs["timeouts"]>;

  /** Reads the existing BackupPolicy with this id into the program without managing it (nothing is created, changed or deleted). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): BackupPolicy {
    return new BackupPolicy(name, {} as BackupPolicyArgs, { ...opts, id });
  }

  /** Declares a BackupPolicy; `pulumi up` creates it (or, with `adopt: true` where offered, takes over the existing one). */
  constructor(name: string, args: BackupPolicyArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, "BackupPolicy", args, BackupPolicyOutputKeys, BackupPolicySecretInputs, opts), resourceOptions(opts, BackupPolicySecretOutputs), "tpops", "BackupPolicy");
  }
}
