// Two TPOPS installations, one program: a primary instance on site `east`, a standby instance on site `west`, and the
// disaster-recovery relationship between them, built from the primary's side. Each site is a key of tpops:sites:
//
//   pulumi config set --path 'tpops:sites.east.endpoint' https://10.0.0.5:8002/rds
//   pulumi config set --path 'tpops:sites.east.username' admin
//   pulumi config set --secret --path 'tpops:sites.east.password' '…'          (the same three for west)
//   pulumi config set --path 'eastHosts[0].manageIp' 10.1.0.11  …              (each site's hosts: manageIp, dataIp, virtualIp)
//   pulumi config set --secret rootPassword '…'; pulumi config set --secret dbPassword '…'
//
// `pulumi config set drill true` starts a DR drill on the standby (in place); `false` ends it. Failover and
// switchover are operations, not desired state: `npx tpops dr switchover --site west --instance <standby id>`, then
// `pulumi refresh` records the new roles (nothing is replaced). `pulumi destroy` releases the relationship first.
import * as pulumi from "@pulumi/pulumi";
import * as tpops from "pulumi-tpops";

interface HostSpec {
  manageIp: string;
  dataIp: string;
  virtualIp: string;
}

const config = new pulumi.Config();
const rootPassword = config.requireSecret("rootPassword");
const dbPassword = config.requireSecret("dbPassword");

/** One site's data centre, hosts and single-node instance. */
function siteStack(site: "east" | "west") {
  const room = new tpops.DataCenter(`${site}-room`, { site });
  const hosts = config.requireObject<HostSpec[]>(`${site}Hosts`).map(
    (h, i) =>
      new tpops.Host(`${site}-db-${i + 1}`, {
        site,
        dataCenterId: room.id,
        ...h,
        osType: "kylin",
        cpuSpec: "intel",
        rootPassword,
      }),
  );
  const instance = new tpops.Instance(`orders-${site}`, {
    site,
    solution: "single",
    manageIps: hosts.map((h) => h.manageIp),
    osType: "kylin",
    cpuSpec: "intel",
    arch: "x86",
    password: dbPassword,
  });
  return { room, hosts, instance };
}

const east = siteStack("east");
const west = siteStack("west");

const dr = new tpops.DisasterRecovery("orders-dr", {
  site: "east",
  instanceId: east.instance.id,
  standbySite: "west",
  // Any data IP of the standby (reference 4.18.4 dr_ip).
  standbyDataIp: west.instance.nodes.apply((nodes) => nodes[0]?.ips?.data ?? ""),
  standbyUser: "root",
  standbyPassword: dbPassword,
  drill: config.getBoolean("drill") ?? false,
});

export const primary = { id: east.instance.id, site: "east" };
export const standby = { id: west.instance.id, site: "west" };
export const relationship = { id: dr.synchronizationId, name: dr.name, role: dr.role, primaryInstanceId: dr.primaryInstanceId, standbyInstanceId: dr.standbyInstanceId, status: dr.status };
