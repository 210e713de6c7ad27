// The same program for every stack: the deployments come from stack config (Pulumi.dev.yaml, Pulumi.prod.yaml).
import * as pulumi from "@pulumi/pulumi";
import * as tpops from "pulumi-tpops";

interface DeploymentConfig {
  name: string;
  /** Second octet of the deployment's addresses: 10.<subnet>.1.x manage, .2.x data, .3.x service. */
  subnet: number;
  hosts: number;
  solution?: string;
  keepDays?: number;
  parameters?: Record<string, string>;
}

const config = new pulumi.Config();
const deployments = config.requireObject<DeploymentConfig[]>("deployments");
const dbPassword = config.requireSecret("dbPassword");
const rootPassword = config.requireSecret("rootPassword");

// One data center per stack, shared by its deployments.
const dataCenter = new tpops.DataCenter(`${pulumi.getStack()}-room`, { description: `${pulumi.getStack()} databases` });

const created = deployments.map(
  (d) =>
    new tpops.GaussDbDeployment(d.name, {
      dataCenterId: dataCenter.id,
      hosts: Array.from({ length: d.hosts }, (_, i) => ({
        manageIp: `10.${d.subnet}.1.${11 + i}`,
        dataIp: `10.${d.subnet}.2.${11 + i}`,
        virtualIp: `10.${d.subnet}.3.${11 + i}`,
      })),
      ...(d.solution ? { solution: d.solution } : {}),
      dbPassword,
      rootPassword,
      backup: { keepDays: d.keepDays ?? 7 },
      parameters: d.parameters ?? {},
    }),
);

export const instances = Object.fromEntries(created.map((c, i) => [deployments[i]!.name, { id: c.instanceId, status: c.status, ips: c.privateIps }]));
