// The monthly recovery drill, as a stack that CI brings up and tears down: the newest completed backup of a
// production instance (which another stack runs; this one only reads it) is restored into a scratch instance on
// spare hosts, the drill reports what it restored, and `pulumi destroy` removes the scratch instance again.
//
//   pulumi config set sourceInstanceId <production instance id>
//   pulumi config set --path 'scratchHosts[0]' 10.0.0.41      # free, initialized hosts (Host resources elsewhere)
//   pulumi config set --secret rootPassword '…'
//   pulumi up --yes && pulumi destroy --yes                  # the drill; CI fails if either fails
//
// Each run restores the backup that is newest *then*: next month's `up` replaces last month's scratch instance
// if the stack was left standing. Set `backupId` to repeat a drill with a given backup, or `restoreTime` (ISO 8601
// with a zone) to drill a point-in-time recovery instead.
import * as pulumi from "@pulumi/pulumi";
import * as tpops from "pulumi-tpops";

export = async () => {
  const config = new pulumi.Config();
  const sourceInstanceId = config.require("sourceInstanceId");
  const scratchHosts = config.requireObject<string[]>("scratchHosts");
  const restoreTime = config.get("restoreTime");
  const chosen = config.get("backupId");

  // The source is read, never managed: the drill cannot change or delete production (and fails early if it is gone).
  const source = tpops.Instance.get("production", sourceInstanceId);

  // The backup to restore: the one named in config, else the newest completed full backup (reference 4.2.15).
  const { backups } = await tpops.getBackups({ instanceId: sourceInstanceId, ...(chosen ? { backupId: chosen } : {}) });
  const backup = backups.find((b) => b.status === "COMPLETED");
  if (!backup && !restoreTime) {
    throw new pulumi.RunError(`instance ${sourceInstanceId} has no completed backup${chosen ? ` ${chosen}` : ""} to drill with; take one (a Backup resource) or wait for the automatic one`);
  }
  // The source as it was then (reference 4.2.9): the restore needs an instance of its solution.
  const sourceThen = await tpops.getBackupSource(restoreTime ? { instanceId: sourceInstanceId, restoreTime } : { instanceId: sourceInstanceId, backupId: backup!.id });

  const scratch = new tpops.Instance("drill", {
    // The hosts' facts (the instance list does not show them): the spare hosts are like production's.
    osType: config.get("osType") ?? "Kylin",
    cpuSpec: config.get("cpuSpec") ?? "Intel",
    arch: config.get("arch") ?? "X86",
    solution: config.get("solution") ?? sourceThen.solution ?? "single",
    manageIps: scratchHosts,
    password: config.requireSecret("rootPassword"),
    restoreFrom: restoreTime ? { sourceInstanceId, restoreTime } : { sourceInstanceId, backupId: backup!.id },
    // A scratch instance: destroy uninstalls it and keeps none of its own backups.
    deletion: { clearData: true, keepFullBackupDays: 0 },
  });

  return {
    restored: restoreTime ? { pointInTime: restoreTime } : { backupId: backup!.id, name: backup!.name, takenAt: backup!.beginTime },
    sourceStatus: source.status,
    scratchInstance: { id: scratch.id, name: scratch.name, status: scratch.status, engineVersion: scratch.engineVersion },
  };
};
