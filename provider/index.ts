/**
 * The provider runtime the SDK's serialized stubs require by package name (`pulumi-tpops/provider`),
 * bundled by esbuild into one file. One object per resource kind, plus `configure`.
 */
import "./process-guard"; // inside the dynamic-provider host only: no runaway process, errors printed once
export { configure } from "./config";
export { lookup } from "./functions";
export { dataCenter } from "./resources/infra/data-center";
export { keyPair } from "./resources/infra/key-pair";
export { host } from "./resources/infra/host";
export { instance } from "./resources/instance/instance";
export { backupPolicy } from "./resources/backup/backup-policy";
export { backup } from "./resources/backup/backup";
export { instanceParameters } from "./resources/instance/instance-parameters";
export { database } from "./resources/database/database";
export { schema } from "./resources/database/schema";
export { privileges } from "./resources/database/privileges";
export { dbUser } from "./resources/database/db-user";
export { dbRole } from "./resources/database/db-role";
export { builtinPasswords } from "./resources/database/builtin-passwords";
export { dbRoleMembership } from "./resources/database/role-membership";
export { wdrSnapshots } from "./resources/ops/wdr-snapshots";
export { intelligentOps } from "./resources/ops/intelligent-ops";
export { instanceLabels } from "./resources/ops/instance-labels";
export { inspectionTask } from "./resources/ops/inspection-task";
export { inspectionScene } from "./resources/ops/inspection-scene";
export { sqlThrottlingTask } from "./resources/ops/sql-throttling-task";
export { sqlPatch } from "./resources/ops/sql-patch";
