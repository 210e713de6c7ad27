// Quickstart: one host, one single-node GaussDB instance, a backup policy and parameters.
// Endpoint and credentials come from stack config (tpops:endpoint, tpops:username, tpops:password)
// or the TPOPS_ENDPOINT / TPOPS_USERNAME / TPOPS_PASSWORD environment variables.
import * as pulumi from "@pulumi/pulumi";
import * as tpops from "pulumi-tpops";

const config = new pulumi.Config();
const hostIp = config.get("hostIp") ?? "192.168.10.11";
const [a, b, , d] = hostIp.split(".");

const dataCenter = new tpops.DataCenter("room-1", { description: "quickstart data center" });
const key = new tpops.KeyPair("ops-key", { description: "operators' key" });

const host = new tpops.Host("db-host-1", {
  dataCenterId: dataCenter.id,
  manageIp: hostIp,
  dataIp: `${a}.${b}.20.${d}`,
  virtualIp: `${a}.${b}.30.${d}`,
  osType: "kylin",
  cpuSpec: "intel",
  rootPassword: config.requireSecret("rootPassword"),
  description: "quickstart database host",
});

const instance = new tpops.Instance("orders-db", {
  solution: "single",
  manageIps: [host.manageIp],
  osType: "kylin",
  cpuSpec: "intel",
  arch: "x86",
  port: 8000,
  password: config.requireSecret("dbPassword"),
});

new tpops.BackupPolicy("orders-db-backups", {
  instanceId: instance.id,
  keepDays: 14,
  startTime: "02:00-03:00",
  period: [1, 3, 5, 7],
});

new tpops.InstanceParameters("orders-db-params", {
  instanceId: instance.id,
  values: {
    max_connections: "600",
    log_min_duration_statement: "2000",
  },
  restartIfRequired: true,
});

export const instanceId = instance.id;
export const instanceStatus = instance.status;
export const nodeIps = instance.privateIps;
export const engineVersion = instance.engineVersion;
export const publicKey = key.publicKey;
