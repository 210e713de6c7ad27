// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { invokeLookup } from "./lookup";
import type { GetBackupSourceArgs, GetBackupSourceOutputArgs, GetBackupSourceResult, GetBackupsArgs, GetBackupsOutputArgs, GetBackupsResult, GetDataCentersArgs, GetDataCentersOutputArgs, GetDataCentersResult, GetDifferentialBackupsArgs, GetDifferentialBackupsOutputArgs, GetDifferentialBackupsResult, GetEngineVersionsArgs, GetEngineVersionsOutputArgs, GetEngineVersionsResult, GetHostSpecificationsArgs, GetHostSpecificationsOutputArgs, GetHostSpecificationsResult, GetHostsArgs, GetHostsOutputArgs, GetHostsResult, GetInspectionItemsArgs, GetInspectionItemsOutputArgs, GetInspectionItemsResult, GetInstancesArgs, GetInstancesOutputArgs, GetInstancesResult, GetKeyPairsArgs, GetKeyPairsOutputArgs, GetKeyPairsResult, GetParameterTemplateArgs, GetParameterTemplateOutputArgs, GetParameterTemplateResult, GetRestorableInstancesArgs, GetRestorableInstancesOutputArgs, GetRestorableInstancesResult, GetRestoreTimesArgs, GetRestoreTimesOutputArgs, GetRestoreTimesResult, GetSqlTemplatesArgs, GetSqlTemplatesOutputArgs, GetSqlTemplatesResult, GetUpgradeCandidatesArgs, GetUpgradeCandidatesOutputArgs, GetUpgradeCandidatesResult } from "./types.gen";

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

/** The data centers of the platform (reference 4.9.9 "查询机房列表"), all of them or those the filters name: the ids `Host.dataCenterId` takes. See docs/reference.md. */
export function getDataCenters(args: GetDataCentersArgs = {}): Promise<GetDataCentersResult> {
  return invokeLookup<GetDataCentersResult>("getDataCenters", args);
}

/** {@link getDataCenters} taking Outputs (e.g. another resource's id) and giving an Output. */
export function getDataCentersOutput(args: GetDataCentersOutputArgs = {}): pulumi.Output<GetDataCentersResult> {
  return pulumi.output(args).apply((a) => invokeLookup<GetDataCentersResult>("getDataCenters", a));
}

/** Differential backups of an instance, newest first (reference 4.2.12). The platform's default window is the last day; give `beginTime` for older ones. See docs/reference.md. */
export function getDifferentialBackups(args: GetDifferentialBackupsArgs): Promise<GetDifferentialBackupsResult> {
  return invokeLookup<GetDifferentialBackupsResult>("getDifferentialBackups", args);
}

/** {@link getDifferentialBackups} taking Outputs (e.g. another resource's id) and giving an Output. */
export function getDifferentialBackupsOutput(args: GetDifferentialBackupsOutputArgs): pulumi.Output<GetDifferentialBackupsResult> {
  return pulumi.output(args).apply((a) => invokeLookup<GetDifferentialBackupsResult>("getDifferentialBackups", a));
}

/** The database engine versions the platform offers (reference 4.12.1 "查询数据库引擎的版本信息"): the values `Instance.engineVersion` takes for a new instance. See docs/reference.md. */
export function getEngineVersions(args: GetEngineVersionsArgs = {}): Promise<GetEngineVersionsResult> {
  return invokeLookup<GetEngineVersionsResult>("getEngineVersions", args);
}

/** {@link getEngineVersions} taking Outputs (e.g. another resource's id) and giving an Output. */
export function getEngineVersionsOutput(args: GetEngineVersionsOutputArgs = {}): pulumi.Output<GetEngineVersionsResult> {
  return pulumi.output(args).apply((a) => invokeLookup<GetEngineVersionsResult>("getEngineVersions", a));
}

/** The host specifications the platform supports (reference 4.9.8 "查询可支持主机规格"): the values `Host.type`, `osType`, `storageType` and `cpuSpec` take. See docs/reference.md. */
export function getHostSpecifications(args: GetHostSpecificationsArgs = {}): Promise<GetHostSpecificationsResult> {
  return invokeLookup<GetHostSpecificationsResult>("getHostSpecifications", args);
}

/** {@link getHostSpecifications} taking Outputs (e.g. another resource's id) and giving an Output. */
export function getHostSpecificationsOutput(args: GetHostSpecificationsOutputArgs = {}): pulumi.Output<GetHostSpecificationsResult> {
  return pulumi.output(args).apply((a) => invokeLookup<GetHostSpecificationsResult>("getHostSpecifications", a));
}

/** The hosts of the platform (reference 4.9.1 "查询主机列表"), all of them or those the filters name: e.g. the free (`initialized`) hosts of a data center for `Instance.manageIps`. See docs/reference.md. */
export function getHosts(args: GetHostsArgs = {}): Promise<GetHostsResult> {
  return invokeLookup<GetHostsResult>("getHosts", args);
}

/** {@link getHosts} taking Outputs (e.g. another resource's id) and giving an Output. */
export function getHostsOutput(args: GetHostsOutputArgs = {}): pulumi.Output<GetHostsResult> {
  return pulumi.output(args).apply((a) => invokeLookup<GetHostsResult>("getHosts", a));
}

/** The inspection items of the platform with their categories (reference 4.10.9 "返回巡检类别及巡检项"): the ids an `InspectionTask` or `InspectionScene` takes in `itemIds`. See docs/reference.md. */
export function getInspectionItems(args: GetInspectionItemsArgs = {}): Promise<GetInspectionItemsResult> {
  return invokeLookup<GetInspectionItemsResult>("getInspectionItems", args);
}

/** {@link getInspectionItems} taking Outputs (e.g. another resource's id) and giving an Output. */
export function getInspectionItemsOutput(args: GetInspectionItemsOutputArgs = {}): pulumi.Output<GetInspectionItemsResult> {
  return pulumi.output(args).apply((a) => invokeLookup<GetInspectionItemsResult>("getInspectionItems", a));
}

/** The database instances of the platform (reference 4.11.8 "查询数据库实例列表"), all of them or those the filters name: e.g. to take an existing instance's id for `InstanceParameters`, `BackupPolicy` or `Database`. See docs/reference.md. */
export function getInstances(args: GetInstancesArgs = {}): Promise<GetInstancesResult> {
  return invokeLookup<GetInstancesResult>("getInstances", args);
}

/** {@link getInstances} taking Outputs (e.g. another resource's id) and giving an Output. */
export function getInstancesOutput(args: GetInstancesOutputArgs = {}): pulumi.Output<GetInstancesResult> {
  return pulumi.output(args).apply((a) => invokeLookup<GetInstancesResult>("getInstances", a));
}

/** The SSH key pairs of the platform (reference 4.8.2 "查询秘钥对信息"), all of them or those the filters name: the ids `Host.sshKeyId` takes. See docs/reference.md. */
export function getKeyPairs(args: GetKeyPairsArgs = {}): Promise<GetKeyPairsResult> {
  return invokeLookup<GetKeyPairsResult>("getKeyPairs", args);
}

/** {@link getKeyPairs} taking Outputs (e.g. another resource's id) and giving an Output. */
export function getKeyPairsOutput(args: GetKeyPairsOutputArgs = {}): pulumi.Output<GetKeyPairsResult> {
  return pulumi.output(args).apply((a) => invokeLookup<GetKeyPairsResult>("getKeyPairs", a));
}

/** The parameters of an instance with their values, ranges and whether a change needs a restart (reference 4.3.1 "获取指定实例的参数模板"): the names and values `InstanceParameters.values` takes. See docs/reference.md. */
export function getParameterTemplate(args: GetParameterTemplateArgs): Promise<GetParameterTemplateResult> {
  return invokeLookup<GetParameterTemplateResult>("getParameterTemplate", args);
}

/** {@link getParameterTemplate} taking Outputs (e.g. another resource's id) and giving an Output. */
export function getParameterTemplateOutput(args: GetParameterTemplateOutputArgs): pulumi.Output<GetParameterTemplateResult> {
  return pulumi.output(args).apply((a) => invokeLookup<GetParameterTemplateResult>("getParameterTemplate", a));
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

/** The versions an instance can be upgraded to and how (reference 4.11.17 "获取可升级版本信息"): the values `Instance.engineVersion` takes for an upgrade. See docs/reference.md. */
export function getUpgradeCandidates(args: GetUpgradeCandidatesArgs): Promise<GetUpgradeCandidatesResult> {
  return invokeLookup<GetUpgradeCandidatesResult>("getUpgradeCandidates", args);
}

/** {@link getUpgradeCandidates} taking Outputs (e.g. another resource's id) and giving an Output. */
export function getUpgradeCandidatesOutput(args: GetUpgradeCandidatesOutputArgs): pulumi.Output<GetUpgradeCandidatesResult> {
  return pulumi.output(args).apply((a) => invokeLookup<GetUpgradeCandidatesResult>("getUpgradeCandidates", a));
}
