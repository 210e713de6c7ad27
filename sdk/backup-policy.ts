import * as pulumi from "@pulumi/pulumi";
import { withSecrets } from "./data-center";
import { providerStub, resourceProps } from "./stub";
import { BackupPolicyOutputKeys, BackupPolicySecretOutputs, type BackupPolicyArgs, type BackupPolicyOutputs, type Timeouts } from "./types.gen";

const provider = providerStub("backupPolicy");

/** The automatic backup policy of an instance (reference 4.2.1, 4.2.4–4.2.6); one per instance; delete restores the default. */
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
  /** Weekdays of full backups. */
  declare readonly period: pulumi.Output<BackupPolicyOutputs["period"]>;
  /** Differential prefetch pages. */
  declare readonly prefetchBlock: pulumi.Output<BackupPolicyOutputs["prefetchBlock"]>;
  /** Upload rate limit in MB/s. */
  declare readonly rateLimit: pulumi.Output<BackupPolicyOutputs["rateLimit"]>;
  /** Backup window (UTC). */
  declare readonly startTime: pulumi.Output<BackupPolicyOutputs["startTime"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<Timeouts | undefined>;

  /** Sets the policy of `args.instanceId` (the resource name identifies it in the one-policy-per-instance check). */
  constructor(name: string, args: BackupPolicyArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, args, BackupPolicyOutputKeys, true), withSecrets(opts, BackupPolicySecretOutputs), "tpops", "BackupPolicy");
  }
}
