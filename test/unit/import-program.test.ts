// tpops-import's writer: the text of the generated program and project files, from declarations made by hand.
import { describe, expect, it } from "vitest";
import type { Estate } from "../../provider/import/model";
import { configCommands, counts, expression, programText, projectFiles } from "../../provider/import/write";
import { inputProblems } from "../../provider/import/read";
import { hostDefinition } from "../../provider/resources/infra/host";
import type { ResourceDefinition } from "../../provider/resources/framework";

const estate: Estate = {
  endpoint: "https://10.0.0.5:8002/rds",
  declarations: [
    { kind: "Host", variable: "db1", name: "db-1", what: "host 10.0.0.11", notes: ["rootPassword: set it"], args: { adopt: true, dataCenterId: { ref: "room1", prop: "id", live: "dc-1" }, manageIp: "10.0.0.11", rootPassword: { secret: "db1RootPassword", what: "the root password of host 10.0.0.11" } } },
    { kind: "DataCenter", variable: "room1", name: "room-1", what: "data center room-1", notes: [], args: { adopt: true, name: "room-1" } },
    { kind: "Instance", variable: "orders", name: "orders", what: "instance orders", notes: [], args: { adopt: true, manageIps: [{ ref: "db1", prop: "manageIp", live: "10.0.0.11" }], password: { secret: "ordersPassword", what: "the root password of instance orders" } } },
    { kind: "InstanceParameters", variable: "ordersParameters", name: "orders-parameters", what: "parameters", notes: [], args: { instanceId: { ref: "orders", prop: "id", live: "i-1" }, values: { "cn:enable_tsdb": "on", max_connections: "600" } } },
    { kind: "DbUser", variable: "ordersApp", name: "orders-app", what: "user app", notes: [], args: { adopt: true, name: "app", instanceId: { ref: "orders", prop: "id", live: "i-1" } }, options: { retainOnDelete: true } },
  ],
  skipped: [{ kind: "InspectionScene", what: "scene Health Check", why: "a default scene" }],
  kindsNotImported: [{ kind: "Privileges", why: "the reference has no call that lists grants" }],
};

describe("programText", () => {
  const text = programText(estate, { when: new Date("2026-12-01T00:00:00Z") });

  it("declares the kinds in dependency order, references as outputs and secrets from config", () => {
    expect(text.indexOf("new tpops.DataCenter")).toBeLessThan(text.indexOf("new tpops.Host"));
    expect(text.indexOf("new tpops.Host")).toBeLessThan(text.indexOf("new tpops.Instance"));
    expect(text).toContain('const room1 = new tpops.DataCenter("room-1", {\n  adopt: true,\n  name: "room-1",\n});');
    expect(text).toContain("  dataCenterId: room1.id,\n");
    expect(text).toContain('  rootPassword: config.requireSecret("db1RootPassword"),\n');
    expect(text).toContain("  manageIps: [db1.manageIp],\n");
    expect(text).toContain('  values: { "cn:enable_tsdb": "on", max_connections: "600" },\n');
    expect(text).toContain("// rootPassword: set it\nconst db1 = new tpops.Host(");
  });

  it("assigns a variable only where something reads it; options follow the arguments", () => {
    expect(text).toContain('\nnew tpops.InstanceParameters("orders-parameters", {');
    expect(text).toContain('\nnew tpops.DbUser("orders-app", {\n  adopt: true,\n  name: "app",\n  instanceId: orders.id,\n}, { retainOnDelete: true });');
    expect(text).toContain('export const instanceIds = { "orders": orders.id };');
  });

  it("says what was not imported and why, and what it declared", () => {
    expect(text).toContain("// Written by tpops-import from https://10.0.0.5:8002/rds on 2026-12-01T00:00:00.000Z.");
    expect(text).toContain("// Declared: 1 DataCenter, 1 Host, 1 Instance, 1 InstanceParameters, 1 DbUser.");
    expect(text).toContain("// Privileges: the reference has no call that lists grants.");
    expect(text).toContain("// InspectionScene scene Health Check: a default scene.");
  });
});

describe("expression", () => {
  it("writes long lists and objects one item a line, and quotes keys that are not identifiers", () => {
    expect(expression(["a", 1, true, null])).toBe('["a", 1, true, null]');
    const long = expression(Array.from({ length: 12 }, (_, k) => `192.168.100.${k}`));
    expect(long.split("\n")).toHaveLength(14);
    expect(expression({ "a-b": { ref: "x", prop: "id", live: "1" }, c: {} })).toBe('{ "a-b": x.id, c: {} }');
  });
});

describe("projectFiles", () => {
  const files = projectFiles(estate, { project: "brownfield", stack: "prod", username: "admin", packageVersion: "^0.1.0" });

  it("is a complete TypeScript project that depends on the package and configures the stack", () => {
    expect(Object.keys(files).sort()).toEqual(["Pulumi.prod.yaml", "Pulumi.yaml", "README.md", "index.ts", "package.json", "tsconfig.json"]);
    expect(files["Pulumi.yaml"]).toMatch(/^name: brownfield\nruntime: nodejs\nmain: index.ts\n/);
    expect(JSON.parse(files["package.json"]!).dependencies).toEqual({ "@pulumi/pulumi": "^3.248.0", "pulumi-tpops": "^0.1.0" });
    expect(JSON.parse(files["tsconfig.json"]!).compilerOptions.strict).toBe(true);
    expect(files["Pulumi.prod.yaml"]).toBe("config:\n  tpops:endpoint: https://10.0.0.5:8002/rds\n  tpops:username: admin\n");
  });

  it("the README lists the commands and every secret; no password ever appears in a file", () => {
    expect(files["README.md"]).toContain("pulumi config set --secret db1RootPassword '<the root password of host 10.0.0.11>' --stack prod");
    expect(files["README.md"]).toContain("- `ordersPassword`: the root password of instance orders");
    expect(configCommands(estate, { stack: "prod", username: "admin" })).toEqual([
      "pulumi config set tpops:endpoint https://10.0.0.5:8002/rds --stack prod",
      "pulumi config set tpops:username admin --stack prod",
      "pulumi config set --secret tpops:password '<the TPOPS password>' --stack prod",
      "pulumi config set --secret db1RootPassword '<the root password of host 10.0.0.11>' --stack prod",
      "pulumi config set --secret ordersPassword '<the root password of instance orders>' --stack prod",
    ]);
  });

  it("counts in program order", () => {
    expect(counts(estate.declarations)).toBe("1 DataCenter, 1 Host, 1 Instance, 1 InstanceParameters, 1 DbUser");
  });
});

describe("inputProblems: a declaration is checked with the resource's own rules", () => {
  const host = hostDefinition as unknown as ResourceDefinition<Record<string, unknown>, Record<string, unknown>>;
  const args = { adopt: true, cpuSpec: "intel", osType: "kylin", dataIp: "10.1.0.1", virtualIp: "10.2.0.1", manageIp: "10.0.0.1", dataCenterId: { ref: "dc", prop: "id", live: "dc-1" } };
  it("passes live values that fit, with a secret standing for the password", () => {
    expect(inputProblems(host, { ...args, rootPassword: { secret: "k", what: "w" } })).toBeUndefined();
  });
  it("names what would fail the preview", () => {
    expect(inputProblems(host, { ...args, osType: "windows", rootPassword: { secret: "k", what: "w" } })).toMatch(/osType: "windows" is not one of kylin, uniontech/);
    expect(inputProblems(host, args)).toMatch(/rootPassword: .*is missing and so is sshKeyId/);
  });
});
