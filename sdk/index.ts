/** pulumi-tpops: Pulumi resources for GaussDB's management platform TPOPS. */
export { DataCenter } from "./data-center.gen";
export { KeyPair } from "./key-pair.gen";
export { Host } from "./host.gen";
export { Instance } from "./instance.gen";
export { BackupPolicy } from "./backup-policy.gen";
export { InstanceParameters } from "./instance-parameters.gen";
export { Database } from "./database.gen";
export { Schema } from "./schema.gen";
export { Privileges } from "./privileges.gen";
export { DbRoleMembership } from "./db-role-membership.gen";
export { DbUser } from "./db-user.gen";
export { DbRole } from "./db-role.gen";
export { BuiltinPasswords } from "./builtin-passwords.gen";
export { providerStub } from "./stub";
export * from "./types.gen";
export * from "./functions.gen";
export { GaussDbDeployment, type GaussDbDeploymentArgs, type GaussDbHostArgs } from "./components/gaussdb-deployment";
