// An HA cluster. Step 1: `pulumi up` creates three hosts and a triset instance, primary in the master AZ.
// Step 2: `pulumi config set solution pentaset && pulumi up` adds two hosts and grows the same instance to
// pentaset in place (reference 4.11.20: the new hosts' manage IPs are added; the instance id is unchanged).
// Raising engineVersion upgrades in place; backup and parameter settings change in place; a new port
// replaces the instance (deleted first, since its hosts are reused).
import * as pulumi from "@pulumi/pulumi";
import * as tpops from "pulumi-tpops";

const config = new pulumi.Config();
const solution = config.get("solution") ?? "triset";
if (solution !== "triset" && solution !== "pentaset") {
  throw new Error(`config solution: ${JSON.stringify(solution)} is not supported by this example; use triset or pentaset`);
}
const hostCount = solution === "triset" ? 3 : 5;

const dataCenter = new tpops.DataCenter("ha-room", { description: "HA cluster" });
const hosts = Array.from(
  { length: hostCount },
  (_, i) =>
    new tpops.Host(`ha-node-${i + 1}`, {
      dataCenterId: dataCenter.id,
      manageIp: `172.16.1.${21 + i}`,
      dataIp: `172.16.2.${21 + i}`,
      virtualIp: `172.16.3.${21 + i}`,
      osType: "kylin",
      cpuSpec: "kunpeng",
      rootPassword: config.requireSecret("rootPassword"),
    }),
);

const cluster = new tpops.Instance("ha-db", {
  solution,
  // triset places the primary with masterAzIps (an AZ list, reference 4.11.6); pentaset takes no AZ lists,
  // and AZ lists only describe placement at creation, so growing keeps the primary where it is.
  manageIps: hosts.map((h) => h.manageIp),
  ...(solution === "triset" ? { masterAzIps: [hosts[0]!.manageIp] } : {}),
  osType: "kylin",
  cpuSpec: "kunpeng",
  arch: "arm",
  port: config.getNumber("port") ?? 8000,
  password: config.requireSecret("dbPassword"),
  ...(config.get("engineVersion") ? { engineVersion: config.get("engineVersion") } : {}),
});

new tpops.BackupPolicy("ha-db-backups", {
  instanceId: cluster.id,
  keepDays: config.getNumber("backupKeepDays") ?? 30,
  enableStandbyBackup: true,
});

new tpops.InstanceParameters("ha-db-params", {
  instanceId: cluster.id,
  values: { max_connections: config.get("maxConnections") ?? "1000" },
  restartIfRequired: true,
});

export const instanceId = cluster.id;
export const status = cluster.status;
export const nodes = cluster.nodes;
export const hostIds = hosts.map((h) => h.id);
export const engineVersion = cluster.engineVersion;
