// docs/reference.md tells the truth: its "On change" column matches what each provider does (schema
// replaceOnChanges, the inputs a provider keeps in state only, Instance's change planning) and its
// descriptions do not contradict that column. (test/integ/platform/component-doc.test.ts checks the component section.)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { backupPolicyDefinition } from "../../provider/resources/backup/backup-policy";
import { dataCenterDefinition } from "../../provider/resources/infra/data-center";
import { hostDefinition } from "../../provider/resources/infra/host";
import { instanceDefinition, planChanges } from "../../provider/resources/instance/instance";
import { instanceParametersDefinition } from "../../provider/resources/instance/instance-parameters";
import { keyPairDefinition } from "../../provider/resources/infra/key-pair";
import { databaseDefinition } from "../../provider/resources/database/database";
import { schemaDefinition } from "../../provider/resources/database/schema";
import { privilegesDefinition } from "../../provider/resources/database/privileges";
import { dbRoleMembershipDefinition } from "../../provider/resources/database/role-membership";
import { dbUserDefinition } from "../../provider/resources/database/db-user";
import { dbRoleDefinition } from "../../provider/resources/database/db-role";
import { builtinPasswordsDefinition } from "../../provider/resources/database/builtin-passwords";

const root = join(__dirname, "../..");
const reference = readFileSync(join(root, "docs/reference.md"), "utf8");

/** The `## <name>` section of the reference. */
function section(name: string): string {
  const start = reference.indexOf(`\n## ${name}\n`);
  if (start < 0) throw new Error(`docs/reference.md has no section ${name}`);
  const end = reference.indexOf("\n## ", start + 1);
  return reference.slice(start, end < 0 ? undefined : end);
}

/** Rows of the table under `### <heading>` in a section, as arrays of cells. */
function table(sectionText: string, heading: string): string[][] {
  const at = sectionText.indexOf(`\n### ${heading}\n`);
  if (at < 0) throw new Error(`no ### ${heading}`);
  const lines = sectionText.slice(at).split("\n").slice(2);
  const rows: string[][] = [];
  let started = false;
  for (const line of lines) {
    if (!line.startsWith("|")) {
      if (started) break;
      continue;
    }
    started = true;
    // Split on unescaped pipes.
    const cells = line.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim());
    if (cells.every((c) => /^-+$/.test(c)) || cells[0] === "Name" || cells[0] === "Resource") continue;
    rows.push(cells);
  }
  return rows;
}

/** Input name → { change, description } of a resource's inputs table. */
function inputs(resource: string): Map<string, { change: string; description: string }> {
  return new Map(table(section(resource), "Inputs").map(([name, , , change, description]) => [name!.replace(/`/g, ""), { change: change!, description: description! }]));
}
const withChange = (resource: string, change: string) => [...inputs(resource)].filter(([, v]) => v.change === change).map(([k]) => k).sort();

const definitions = {
  BackupPolicy: backupPolicyDefinition,
  DataCenter: dataCenterDefinition,
  Host: hostDefinition,
  Instance: instanceDefinition,
  InstanceParameters: instanceParametersDefinition,
  KeyPair: keyPairDefinition,
  Database: databaseDefinition,
  Schema: schemaDefinition,
  Privileges: privilegesDefinition,
  DbRoleMembership: dbRoleMembershipDefinition,
  DbUser: dbUserDefinition,
  DbRole: dbRoleDefinition,
  BuiltinPasswords: builtinPasswordsDefinition,
} as const;

describe("docs/reference.md: the On change column", () => {
  it.each(Object.keys(definitions))("%s: replace = replaceOnChanges, no API call = the provider's state-only inputs", (name) => {
    const def = definitions[name as keyof typeof definitions];
    expect(withChange(name, "replace")).toEqual([...def.meta.replaceOnChanges].sort());
    expect(withChange(name, "no API call")).toEqual([...def.localOnly].sort());
    expect([...inputs(name).keys()].sort()).toEqual([...def.meta.inputs].sort());
    for (const [, v] of inputs(name)) expect(["in place", "replace", "in place or replace", "no API call"]).toContain(v.change);
  });

  it.each(Object.keys(definitions))("%s: no description contradicts its row", (name) => {
    for (const [k, { change, description }] of inputs(name)) {
      if (change === "in place") expect(description, `${name}.${k}`).not.toMatch(/replac/i);
      if (change === "replace") expect(description, `${name}.${k}`).not.toMatch(/updates in place/i);
      if (change === "no API call") expect(description, `${name}.${k}`).not.toMatch(/updates in place|replaces/i);
      if (change === "in place or replace") expect(description, `${name}.${k}`).toMatch(/replac/i);
    }
  });

  it("only Instance has inputs that change in place or replace, depending on the change", () => {
    for (const name of Object.keys(definitions)) if (name !== "Instance") expect(withChange(name, "in place or replace"), name).toEqual([]);
    expect(withChange("Instance", "in place or replace")).toEqual(["arbiterAzIps", "loggerAzIps", "manageIps", "masterAzIps", "slaveAzIps", "solution"]);
  });

  const ip = (n: number) => `10.0.0.${n}`;
  const ips = (...ns: number[]) => ns.map(ip);
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ip(from + i));
  // For each Instance input marked "in place or replace": one change planChanges does in place, one it replaces.
  const conditional: Record<string, { inPlace: [object, object]; replaced: [object, object] }> = {
    manageIps: {
      inPlace: [{ solution: "triset", manageIps: ips(1, 2, 3) }, { solution: "pentaset", manageIps: range(1, 5) }],
      replaced: [{ solution: "triset", manageIps: ips(1, 2, 3) }, { solution: "triset", manageIps: ips(1, 2, 4) }],
    },
    solution: {
      inPlace: [{ solution: "pentaset", manageIps: range(1, 5) }, { solution: "triset", manageIps: ips(1, 2, 3) }],
      replaced: [{ solution: "triset", manageIps: ips(1, 2, 3) }, { solution: "single", manageIps: ips(1) }],
    },
    masterAzIps: {
      // ha-cluster's growth: the master AZ list is dropped when triset becomes pentaset.
      inPlace: [{ solution: "triset", manageIps: ips(2, 3), masterAzIps: ips(1) }, { solution: "pentaset", manageIps: range(1, 5) }],
      replaced: [{ solution: "triset", manageIps: ips(2, 3), masterAzIps: ips(1) }, { solution: "triset", manageIps: ips(1, 3), masterAzIps: ips(2) }],
    },
    slaveAzIps: {
      inPlace: [{ solution: "hcs1", manageIps: range(1, 6), masterAzIps: ips(7), slaveAzIps: ips(8), arbiterAzIps: ips(9) }, { solution: "hcs1", manageIps: range(1, 6).concat(range(10, 17)), masterAzIps: ips(7), slaveAzIps: ips(8, 18), arbiterAzIps: ips(9) }],
      replaced: [{ solution: "quadruset", manageIps: ips(1, 2), masterAzIps: ips(3), slaveAzIps: ips(4), arbiterAzIps: ips(5) }, { solution: "quadruset", manageIps: ips(1, 2), masterAzIps: ips(4), slaveAzIps: ips(3), arbiterAzIps: ips(5) }],
    },
    arbiterAzIps: {
      inPlace: [{ solution: "hcs4", manageIps: range(1, 4), arbiterAzIps: ips(5) }, { solution: "hcs4", manageIps: range(1, 10) }],
      replaced: [{ solution: "hcs4", manageIps: range(1, 4), arbiterAzIps: ips(5) }, { solution: "hcs4", manageIps: ips(1, 2, 3, 5), arbiterAzIps: ips(4) }],
    },
    loggerAzIps: {
      inPlace: [{ solution: "hcs2", manageIps: ips(1, 2, 3) }, { solution: "hcs2", manageIps: range(1, 5), loggerAzIps: ips(6) }],
      replaced: [{ solution: "triset", manageIps: ips(1, 2, 3) }, { solution: "triset", manageIps: ips(1, 2), loggerAzIps: ips(3) }],
    },
  };
  const base = { name: "orders", osType: "Kylin", cpuSpec: "Intel", arch: "X86", engine: "GaussDB", hostType: "BMS", engineVersion: "3.200.0", port: 8000, mysqlCompatibilityPort: 0, password: "Gauss_db_pw_4711" };

  it.each(Object.keys(conditional))("Instance.%s: planChanges does one change in place and replaces for another", (k) => {
    const c = conditional[k]!;
    const inPlace = planChanges({ ...base, ...c.inPlace[0] }, { ...base, ...c.inPlace[1] });
    expect(inPlace.changed).toContain(k);
    expect(inPlace.replaces).toEqual([]);
    expect(inPlace.steps.length).toBeGreaterThan(0);
    const replaced = planChanges({ ...base, ...c.replaced[0] }, { ...base, ...c.replaced[1] });
    expect(replaced.replaces).toContain(k);
  });

  it("Instance: every other input does what its row says", () => {
    const olds = { ...base, solution: "triset", manageIps: ips(1, 2, 3), timeZone: "UTC+08:00", configurationId: "tpl-1", floatIp: ip(99) };
    const changedValue = (v: unknown): unknown => (typeof v === "number" ? v + 1 : typeof v === "string" ? `${v}1` : typeof v === "boolean" ? !v : v === undefined ? "new" : { changed: true });
    for (const [k, { change }] of inputs("Instance")) {
      if (change === "in place or replace") continue;
      const plan = planChanges(olds, { ...olds, [k]: changedValue((olds as Record<string, unknown>)[k]) });
      if (change === "replace") expect(plan.replaces, k).toContain(k);
      else expect(plan.replaces, k).toEqual([]);
      if (change === "no API call") expect(plan.steps, k).toEqual([]);
      if (change === "in place") expect(plan.steps.length, k).toBeGreaterThan(0);
    }
  });
});
