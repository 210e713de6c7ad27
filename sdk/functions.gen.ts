// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { invokeLookup } from "./lookup";
import type { GetBackupSourceArgs, GetBackupSourceOutputArgs, GetBackupSourceResult, GetBackupsArgs, GetBackupsOutputArgs, GetBackupsResult, GetDifferentialBackupsArgs, GetDifferentialBackupsOutputArgs, GetDifferentialBackupsResult, GetInspectionItemsArgs, GetInspectionItemsOutputArgs, GetInspectionItemsResult, GetRestorableInstancesArgs, GetRestorableInstancesOutputArgs, GetRestorableInstancesResult, GetRestoreTimesArgs, GetRestoreTimesOutputArgs, GetRestoreTimesResult, GetSqlTemplatesArgs, GetSqlTemplatesOutputArgs, GetSqlTemplatesResult } from "./types.gen";

/** The source instance as it was at a backup or a point in time (reference 4.2.9): what a restore of it needs (solution, engine version, node counts). Give exactly one of `backupId` and `restoreTime`. See docs/reference.md. */
export function getBackupSource(args: GetBackupSourceArgs): Promise<GetBackupSourceResult> {
  return invokeLookup<GetBackupSourceResult>("getBackupSource", args);
}

/** {@link getBackupSource} taking Outputs (e.g. another resource's id) and giving an Output. */
export function getBackupSourceOutput(args: GetBackupSourceOutputArgs): pulumi.Output<GetBackupSourceResult> {
  return pulumi.output(args).apply((a) => invokeLookup<GetBackupSourceResult>("getBackupSource", a));
}

/** Full backups, automatic and manual, newest first (reference 4.2.15; it lists no XBSA backups unless `backupType` names them). E.g. the newest completed backup for a restore drill: `(await getBackups({ instanceId })).backups.find((b) => b.status === "COMPLETED")`. See docs/reference.md. */
export function getBackups(args: GetBackupsArgs = {}): Promise<GetBackupsResult> {
  return invokeLookup<GetBackupsResult>("getBackups", args);
}

/** {@link getBackups} taking Outputs (e.g. another resource's id) and giving an Output. */
export function getBackupsOutput(args: GetBackupsOutputArgs = {}): pulumi.Output<GetBackupsResult> {
  return pulumi.output(args).apply((a) => invokeLookup<GetBackupsResult>("getBackups", a));
}

/** Differential backups of an instance, newest first (reference 4.2.12). The platform's default window is the last day; give `beginTime` for older ones. See docs/reference.md. */
export function getDifferentialBackups(args: GetDifferentialBackupsArgs): Promise<GetDifferentialBackupsResult> {
  return invokeLookup<GetDifferentialBackupsResult>("getDifferentialBackups", args);
}

/** {@link getDifferentialBackups} taking Outputs (e.g. another resource's id) and giving an Output. */
export function getDifferentialBackupsOutput(args: GetDifferentialBackupsOutputArgs): pulumi.Output<GetDifferentialBackupsResult> {
  return pulumi.output(args).apply((a) => invokeLookup<GetDifferentialBackupsResult>("getDifferentialBackups", a));
}

/** The inspection items of the platform with their categories (reference 4.10.9 "返回巡检类别及巡检项"): the ids an `InspectionTask` or `InspectionScene` takes in `itemIds`. See docs/reference.md. */
export function getInspectionItems(args: GetInspectionItemsArgs = {}): Promise<GetInspectionItemsResult> {
  return invokeLookup<GetInspectionItemsResult>("getInspectionItems", args);
}

/** {@link getInspectionItems} taking Outputs (e.g. another resource's id) and giving an Output. */
export function getInspectionItemsOutput(args: GetInspectionItemsOutputArgs = {}): pulumi.Output<GetInspectionItemsResult> {
  return pulumi.output(args).apply((a) => invokeLookup<GetInspectionItemsResult>("getInspectionItems", a));
}

/** Instances whose topology fits a backup or point in time of the source instance (reference 4.2.10). Give exactly one of `backupId` and `restoreTime`. See docs/reference.md. */
export function getRestorableInstances(args: GetRestorableInstancesArgs): Promise<GetRestorableInstancesResult> {
  return invokeLookup<GetRestorableInstancesResult>("getRestorableInstances", args);
}

/** {@link getRestorableInstances} taking Outputs (e.g. another resource's id) and giving an Output. */
export function getRestorableInstancesOutput(args: GetRestorableInstancesOutputArgs): pulumi.Output<GetRestorableInstancesResult> {
  return pulumi.output(args).apply((a) => invokeLookup<GetRestorableInstancesResult>("getRestorableInstances", a));
}

/** The periods an instance can be restored to (reference 4.2.11), e.g. to pick `Instance.restoreFrom.restoreTime`. The platform answers the periods that touch the given UTC date. Not for XBSA instances. See docs/reference.md. */
export function getRestoreTimes(args: GetRestoreTimesArgs): Promise<GetRestoreTimesResult> {
  return invokeLookup<GetRestoreTimesResult>("getRestoreTimes", args);
}

/** {@link getRestoreTimes} taking Outputs (e.g. another resource's id) and giving an Output. */
export function getRestoreTimesOutput(args: GetRestoreTimesOutputArgs): pulumi.Output<GetRestoreTimesResult> {
  return pulumi.output(args).apply((a) => invokeLookup<GetRestoreTimesResult>("getRestoreTimes", a));
}

/** The SQL templates a node of an instance ran (reference 4.7.4): what a `SQL_ID` `SqlThrottlingTask` names (`limitTypeValue`, `sqlModel`, `nodeInfos`). See docs/reference.md. */
export function getSqlTemplates(args: GetSqlTemplatesArgs): Promise<GetSqlTemplatesResult> {
  return invokeLookup<GetSqlTemplatesResult>("getSqlTemplates", args);
}

/** {@link getSqlTemplates} taking Outputs (e.g. another resource's id) and giving an Output. */
export function getSqlTemplatesOutput(args: GetSqlTemplatesOutputArgs): pulumi.Output<GetSqlTemplatesResult> {
  return pulumi.output(args).apply((a) => invokeLookup<GetSqlTemplatesResult>("getSqlTemplates", a));
}
