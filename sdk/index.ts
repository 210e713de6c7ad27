/** pulumi-tpops: Pulumi resources for GaussDB's management platform TPOPS. */
export { DataCenter } from "./data-center";
export { KeyPair } from "./key-pair";
export { Host } from "./host";
export { Instance } from "./instance";
export { BackupPolicy } from "./backup-policy";
export { InstanceParameters } from "./instance-parameters";
export { providerStub } from "./stub";
export * from "./types.gen";
export { GaussDbDeployment, type GaussDbDeploymentArgs, type GaussDbHostArgs } from "./components/gaussdb-deployment";
