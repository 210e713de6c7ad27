// docs/reference.md's GaussDbDeployment section against the component itself: the built SDK (dist/, as
// users load it) runs under Pulumi's mocks and registers exactly the children the section's "What it
// creates" table names, with the names and conditions it gives.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../helpers/pulumi";

const reference = readFileSync(join(repoRoot, "docs/reference.md"), "utf8");

/** Rows of the table under `### <heading>` in the GaussDbDeployment section, as arrays of cells. */
function table(heading: string): string[][] {
  const start = reference.indexOf("\n## GaussDbDeployment\n");
  if (start < 0) throw new Error("docs/reference.md has no GaussDbDeployment section");
  const section = reference.slice(start, reference.indexOf("\n## ", start + 1));
  const at = section.indexOf(`\n### ${heading}\n`);
  if (at < 0) throw new Error(`no ### ${heading}`);
  const rows: string[][] = [];
  for (const line of section.slice(at).split("\n").slice(2)) {
    if (!line.startsWith("|")) {
      if (rows.length) break;
      continue;
    }
    const cells = line.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim());
    if (cells.every((c) => /^-+$/.test(c)) || ["Name", "Resource"].includes(cells[0]!)) continue;
    rows.push(cells);
  }
  return rows;
}

interface Deployment {
  dataCenter?: pulumi.Resource;
  keyPair: pulumi.Resource;
  hosts: pulumi.Resource[];
  instance: pulumi.Resource;
  backupPolicy: pulumi.Resource;
  parameters?: pulumi.Resource;
}

describe("docs/reference.md: the GaussDbDeployment section", () => {
  const registered: { type: string; name: string }[] = [];
  let GaussDbDeployment: new (name: string, args: Record<string, unknown>) => Deployment;
  beforeAll(async () => {
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          registered.push({ type: args.type, name: args.name });
          return { id: `${args.name}-id`, state: args.inputs };
        },
        call: (args) => args.inputs,
      },
      "component-doc",
      "test",
      true,
    );
    if (!existsSync(join(repoRoot, "dist/sdk/index.js"))) throw new Error("dist/ is missing: run 'make build' first");
    // The built SDK, loaded natively (dynamic resources serialize their provider stub, which needs plain Node code).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    GaussDbDeployment = require(join(repoRoot, "dist/sdk/index.js")).GaussDbDeployment;
  });

  const hosts = [1, 2, 3].map((i) => ({ manageIp: `192.168.1.${i}`, dataIp: `192.168.2.${i}`, virtualIp: `192.168.3.${i}` }));
  const rows = () => table("What it creates").map(([resource, name, when]) => ({ kind: /\[(\w+)\]/.exec(resource!)![1]!, name: name!.replace(/`/g, ""), when: when! }));
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

  /** Builds a deployment and returns the tpops resources it registered, once every child has its URN. */
  async function deploy(name: string, args: Record<string, unknown>) {
    registered.length = 0;
    const d = new GaussDbDeployment(name, { hosts, dbPassword: "Gauss_db_pw_4711", ...args });
    const children = [d.dataCenter, d.keyPair, ...d.hosts, d.instance, d.backupPolicy, d.parameters].filter((r): r is pulumi.Resource => r !== undefined);
    const urns = Promise.all(children.map((r) => new Promise((resolve) => r.urn.apply(resolve))));
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${name}: only ${registered.map((r) => r.name).join(", ")} registered within 10 s; the other children wait on each other (an input of each child depending on the component, e.g. an Output of its URN, waits for all of the component's children)`)), 10_000);
    });
    await Promise.race([urns, stuck]).finally(() => clearTimeout(timer));
    return registered
      .filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/tpops:"))
      .map((r) => ({ kind: r.type.split(":").pop()!, name: r.name }))
      .sort(byName);
  }
  const expected = (name: string, present: (row: { when: string }) => boolean) =>
    rows()
      .filter(present)
      .flatMap((r) => (r.name.includes("<n>") ? hosts.map((_, i) => ({ kind: r.kind, name: r.name.replace("<name>", name).replace("<n>", String(i + 1)) })) : [{ kind: r.kind, name: r.name.replace("<name>", name) }]))
      .sort(byName);

  it("names every child the component registers, with its condition", async () => {
    expect(rows().map((r) => r.kind)).toEqual(["DataCenter", "KeyPair", "Host", "Instance", "BackupPolicy", "InstanceParameters"]);
    // No dataCenterId and some parameters: every child.
    expect(await deploy("full", { parameters: { max_connections: "600" } })).toEqual(expected("full", () => true));
    // dataCenterId given and no parameters: the two conditional children are absent.
    expect(await deploy("lean", { dataCenterId: "dc-1" })).toEqual(expected("lean", (r) => !/dataCenterId|parameters/.test(r.when)));
  });

  it("lists the component's arguments and outputs", () => {
    const args = table("Arguments").map(([n]) => n!.replace(/`/g, ""));
    expect(args).toEqual(expect.arrayContaining(["hosts", "dbPassword", "rootPassword", "solution", "backup", "parameters", "dataCenterId"]));
    const outputs = table("Outputs").map(([n]) => n!.replace(/`/g, ""));
    expect(outputs.sort()).toEqual(["engineVersion", "hostIds", "instanceId", "privateIps", "publicKey", "status"]);
  });
});
