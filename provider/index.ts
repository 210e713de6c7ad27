/**
 * The provider runtime the SDK's serialized stubs require by package name (`pulumi-tpops/provider`),
 * bundled by esbuild into one file. One object per resource kind, plus `configure`.
 */
import "./process-guard"; // inside the dynamic-provider host only: no runaway process, errors printed once
export { configure } from "./config";
export { lookup } from "./functions";
import { withSite } from "./sites";
import { dataCenter as dataCenterImpl } from "./resources/infra/data-center";
import { keyPair as keyPairImpl } from "./resources/infra/key-pair";
import { host as hostImpl } from "./resources/infra/host";
import { instance as instanceImpl } from "./resources/instance/instance";
import { backupPolicy as backupPolicyImpl } from "./resources/backup/backup-policy";
import { backup as backupImpl } from "./resources/backup/backup";
import { disasterRecovery as disasterRecoveryImpl } from "./resources/dr/disaster-recovery";
import { instanceParameters as instanceParametersImpl } from "./resources/instance/instance-parameters";
import { database as databaseImpl } from "./resources/database/database";
import { schema as schemaImpl } from "./resources/database/schema";
import { privileges as privilegesImpl } from "./resources/database/privileges";
import { dbUser as dbUserImpl } from "./resources/database/db-user";
import { dbRole as dbRoleImpl } from "./resources/database/db-role";
import { builtinPasswords as builtinPasswordsImpl } from "./resources/database/builtin-passwords";
import { dbRoleMembership as dbRoleMembershipImpl } from "./resources/database/role-membership";
import { wdrSnapshots as wdrSnapshotsImpl } from "./resources/ops/wdr-snapshots";
import { intelligentOps as intelligentOpsImpl } from "./resources/ops/intelligent-ops";
import { instanceLabels as instanceLabelsImpl } from "./resources/ops/instance-labels";
import { inspectionTask as inspectionTaskImpl } from "./resources/ops/inspection-task";
import { inspectionScene as inspectionSceneImpl } from "./resources/ops/inspection-scene";
import { sqlThrottlingTask as sqlThrottlingTaskImpl } from "./resources/ops/sql-throttling-task";
import { sqlPatch as sqlPatchImpl } from "./resources/ops/sql-patch";

// Each kind runs every call in the scope of the resource's `site` (sites.ts).
export const dataCenter = withSite(dataCenterImpl);
export const keyPair = withSite(keyPairImpl);
export const host = withSite(hostImpl);
export const instance = withSite(instanceImpl);
export const backupPolicy = withSite(backupPolicyImpl);
export const backup = withSite(backupImpl);
export const disasterRecovery = withSite(disasterRecoveryImpl);
export const instanceParameters = withSite(instanceParametersImpl);
export const database = withSite(databaseImpl);
export const schema = withSite(schemaImpl);
export const privileges = withSite(privilegesImpl);
export const dbUser = withSite(dbUserImpl);
export const dbRole = withSite(dbRoleImpl);
export const builtinPasswords = withSite(builtinPasswordsImpl);
export const dbRoleMembership = withSite(dbRoleMembershipImpl);
export const wdrSnapshots = withSite(wdrSnapshotsImpl);
export const intelligentOps = withSite(intelligentOpsImpl);
export const instanceLabels = withSite(instanceLabelsImpl);
export const inspectionTask = withSite(inspectionTaskImpl);
export const inspectionScene = withSite(inspectionSceneImpl);
export const sqlThrottlingTask = withSite(sqlThrottlingTaskImpl);
export const sqlPatch = withSite(sqlPatchImpl);
// tpops-import (provider/import): run by dist/import/cli.js from this bundle, not a resource kind.
export { main as importCli } from "./import/cli";
export { tpopsCli } from "./cli/tpops";
