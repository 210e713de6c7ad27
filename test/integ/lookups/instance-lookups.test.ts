// The instance lookups against the emulator over real HTTP: getEngineVersions (reference 4.12.1), getInstances
// (4.11.8 with its filters), getUpgradeCandidates (4.11.17) and getParameterTemplate (4.3.1) — answers in the
// program's terms, one-line refusals; and the preview refusals of Instance and InstanceParameters that point to them
// (with the nearest valid parameter name).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEmulator } from "../../helpers/emulator";
import { lookup } from "../../../provider/functions";
import { instance, resetOfferedVersions } from "../../../provider/resources/instance/instance";
import { instanceParameters } from "../../../provider/resources/instance/instance-parameters";
import { resetLiveLookups } from "../../../provider/resources/live";
import { addHosts, createInstance, instanceArgs, PROVIDER, startProviderEmulator } from "../instance-fixtures";

let emu: TestEmulator;
let single: { id: string; name: string };
let triset: { id: string; name: string; outs: Record<string, unknown> };

type Listed = Record<string, unknown> & { id: string; name: string; nodes: { id: string; role: string; ips: { manage: string } }[] };
const instances = async (args: Record<string, unknown>) => ((await lookup("getInstances", args)) as { instances: Listed[] }).instances;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

beforeAll(async () => {
  emu = await startProviderEmulator();
  const a = instanceArgs("single", await addHosts(emu, 1), { name: "orders-db", engineVersion: "3.200.0" });
  single = { id: (await createInstance(emu, a)).id, name: "orders-db" };
  const b = instanceArgs("triset", await addHosts(emu, 3), { name: "billing-db", engineVersion: "3.103.0" });
  const made = await createInstance(emu, b);
  triset = { id: made.id, name: "billing-db", outs: made.outs };
});
afterAll(async () => emu?.close());

describe("getEngineVersions (reference 4.12.1)", () => {
  it("answers the platform's versions oldest first by number, and the newest", async () => {
    const raw = (await emu.api("GET", "/gaussdb/v3/datastore/versions")).body.versions as string[];
    const r = (await lookup("getEngineVersions", {})) as { versions: string[]; latest: string };
    expect([...r.versions].sort()).toEqual([...raw].map(String).sort());
    expect(r.versions).toEqual(["3.100.0", "3.103.0", "3.200.0", "3.201.0", "3.301.0"]);
    expect(r.latest).toBe("3.301.0");
  });
  it("takes no arguments", async () => {
    await expect(lookup("getEngineVersions", { engine: "GaussDB" })).rejects.toThrow(/^getEngineVersions: inputs: unknown property engine; remove it$/);
  });
});

describe("getInstances (reference 4.11.8)", () => {
  it("lists every instance in the program's terms (numbers as numbers, ISO times, nodes)", async () => {
    const all = await instances({});
    expect(all.map((i) => i.name).sort()).toEqual(["billing-db", "orders-db"]);
    const t = all.find((i) => i.id === triset.id)!;
    expect(t).toMatchObject({ name: "billing-db", status: "ACTIVE", engine: "GaussDB", engineVersion: "3.103.0" });
    expect(typeof t.port).toBe("number");
    expect(t.nodes).toHaveLength(3);
    expect(t.nodes.filter((n) => n.role === "master")).toHaveLength(1);
    expect(t.privateIps).toEqual(expect.arrayContaining([expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/)]));
    // 4.11.8's example writes "2021-01-15 01:46:40 UTC": ISO 8601 UTC for the program.
    expect(t.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const raw = (await emu.api("GET", `/gaussdb/v3.1/instances?id=${triset.id}`)).body.instances[0];
    expect(Date.parse(String(t.created))).toBe(Date.parse(String(raw.created).replace(" UTC", "Z").replace(" ", "T")));
    expect(t.backupKeepDays).toBe(raw.backup_strategy?.keep_days);
  });
  it("filters exactly by id and name, fuzzily with a leading *, and by type", async () => {
    expect((await instances({ id: single.id })).map((i) => i.name)).toEqual(["orders-db"]);
    expect((await instances({ name: "billing-db" })).map((i) => i.id)).toEqual([triset.id]);
    expect(await instances({ name: "billing" })).toEqual([]);
    expect((await instances({ name: "*-db" })).map((i) => i.name).sort()).toEqual(["billing-db", "orders-db"]);
    expect((await instances({ name: "*order" })).map((i) => i.name)).toEqual(["orders-db"]);
    expect((await instances({ id: `*${single.id.slice(4, 20)}` })).map((i) => i.name)).toEqual(["orders-db"]);
    expect((await instances({ type: "Ha" })).map((i) => i.name).sort()).toEqual(["billing-db", "orders-db"]);
    expect(await instances({ type: "Enterprise" })).toEqual([]);
    expect((await instances({ datastoreType: "GaussDB", name: "orders-db" })).map((i) => i.id)).toEqual([single.id]);
  });
  it.each([
    [{ name: "*" }, 'name: "*" is "*" alone, which reference 4.11.8 refuses; write *text to match the names containing text, or the exact name'],
    [{ id: "*" }, 'id: "*" is "*" alone, which reference 4.11.8 refuses; write *text to match the ids containing text, or the exact id'],
    [{ type: "ha" }, 'type: "ha" is not a 4.11.8 instance type; use Enterprise (distributed) or Ha (primary/standby), case-sensitive'],
    [{ datastoreType: "gaussdb" }, 'datastoreType: "gaussdb" is not a 4.11.8 datastore type; use GaussDB (case-sensitive)'],
  ])("refuses %j in one line", async (args, line) => {
    await expect(lookup("getInstances", args)).rejects.toThrow(new RegExp(`^getInstances: ${escape(line)}$`));
  });
});

describe("getUpgradeCandidates (reference 4.11.17)", () => {
  it("answers the candidate versions, the upgrade types and their actions", async () => {
    const r = (await lookup("getUpgradeCandidates", { instanceId: triset.id })) as Record<string, unknown> & { upgradeTypes: { type: string; enabled: boolean; actions: { action: string; enabled: boolean }[] }[] };
    const raw = (await emu.api("GET", `/gaussdb/v3/instances/${triset.id}/db-upgrade/candidate-versions`)).body;
    expect(r.sourceVersion).toBe("3.103.0");
    expect(r.versions).toEqual(raw.upgrade_candidate_versions);
    expect(r.versions).toEqual(["3.200.0"]);
    expect(r.rollbackEnabled).toBe(false);
    expect(r).not.toHaveProperty("targetVersion");
    expect(r.hotfixVersions).toEqual([]);
    expect(r.hotfixRollbackVersions).toEqual([]);
    const grey = r.upgradeTypes.find((t) => t.type === "grey")!;
    expect(grey.enabled).toBe(true);
    expect(grey.actions).toContainEqual({ action: "upgradeAutoCommit", enabled: true });
    expect(r.upgradeTypes.find((t) => t.type === "hotfix")).toEqual({ type: "hotfix", enabled: false, actions: [] });
    // 4.11.17 roll_upgrade_progress: comma-separated AZ lists become lists.
    expect(r.notUpgradedAzs).toEqual(String(raw.roll_upgrade_progress.not_fully_upgraded_az).split(",").filter(Boolean));
    expect(r.upgradedAzs).toEqual([]);
    expect(r.azDescriptions).toEqual(raw.roll_upgrade_progress.az_description_map);
    expect(((await lookup("getUpgradeCandidates", { instanceId: single.id })) as { versions: string[] }).versions).toEqual(["3.201.0", "3.301.0"]);
  });
  it("refuses an instance the platform does not know, and a missing id, in one line", async () => {
    await expect(lookup("getUpgradeCandidates", { instanceId: "nosuchinstancein14" })).rejects.toThrow(
      /^getUpgradeCandidates: instanceId: "nosuchinstancein14" is not an instance of the platform \(A\.3 DBS\.200002 "实例不存在"\); use the id of an Instance, or one getInstances lists$/,
    );
    await expect(lookup("getUpgradeCandidates", {})).rejects.toThrow(/^getUpgradeCandidates: instanceId is required$/);
    await expect(lookup("getUpgradeCandidates", { instanceId: "" })).rejects.toThrow(/^getUpgradeCandidates: instanceId: "" is empty; give the instance id$/);
  });
});

describe("getParameterTemplate (reference 4.3.1)", () => {
  type P = { name: string; value: string; restartRequired: boolean; valueRange: string; minimum?: number; maximum?: number; allowedValues?: string[] };
  it("answers every parameter with its value, range read out and restart flag", async () => {
    const r = (await lookup("getParameterTemplate", { instanceId: single.id })) as { engineName: string; engineVersion: string; created: string; parameters: P[] };
    const raw = (await emu.api("GET", `/gaussdb/v3.1/instances/${single.id}/configurations`)).body;
    expect(r.parameters.map((p) => p.name)).toEqual(raw.configuration_parameters.map((p: { name: string }) => p.name));
    expect(r.engineName).toBe("GaussDB");
    expect(r.engineVersion).toBe("3.200.0");
    // 4.3.1 created "yyyy-MM-dd HH:mm:ss" has no zone: ISO 8601 local time.
    expect(r.created).toBe(String(raw.created).replace(" ", "T"));
    const max = r.parameters.find((p) => p.name === "max_connections")!;
    expect(max).toMatchObject({ valueRange: "10-262143", minimum: 10, maximum: 262143, restartRequired: true });
    expect(max).not.toHaveProperty("allowedValues");
    const wal = r.parameters.find((p) => p.name === "wal_level")!;
    expect(wal.allowedValues).toEqual(["minimal", "archive", "hot_standby", "logical"]);
    for (const p of r.parameters) expect(typeof p.restartRequired, p.name).toBe("boolean");
    expect(r.parameters.some((p) => p.restartRequired === false)).toBe(true);
  });
  it("refuses an instance the platform does not know in one line", async () => {
    await expect(lookup("getParameterTemplate", { instanceId: "nosuchinstancein14" })).rejects.toThrow(
      /^getParameterTemplate: instanceId: "nosuchinstancein14" is not an instance of the platform .*; use the id of an Instance, or one getInstances lists$/,
    );
  });
});

describe("preview refusals name the lookup that lists the valid values", () => {
  it("InstanceParameters: an unknown parameter name suggests the nearest valid names and getParameterTemplate", async () => {
    const r = await instanceParameters.check({}, { __provider: PROVIDER, instanceId: single.id, values: { max_conections: "100", Wal_Levle: "logical" } });
    const by = Object.fromEntries((r.failures ?? []).map((f) => [f.property, f.reason]));
    expect(by["values.max_conections"]).toBe(`values.max_conections: "max_conections" is not a parameter of instance ${single.id} (GaussDB 3.200.0); did you mean max_connections? (getParameterTemplate lists them)`);
    expect(by["values.Wal_Levle"]).toMatch(/^values\.Wal_Levle: "Wal_Levle" is not a parameter .*; did you mean wal_level\? \(getParameterTemplate lists them\)$/);
  });
  it("Instance: a version the platform does not offer points to getEngineVersions", async () => {
    resetOfferedVersions();
    resetLiveLookups();
    const r = await instance.check({}, { __provider: PROVIDER, ...instanceArgs("single", ["10.200.0.1"], { engineVersion: "3.999" }) });
    expect(r.failures?.find((f) => f.property === "engineVersion")?.reason).toMatch(
      /^engineVersion: "3\.999" is not offered by the platform; it offers 3\.301\.0.* \(nearest first, reference 4\.12\.1\)\. Use one of them, or leave engineVersion out for the newest \(getEngineVersions lists them\)$/,
    );
  });
  it("Instance: an upgrade to a version that is not a candidate points to getUpgradeCandidates", async () => {
    const outs = triset.outs;
    const checkedNew = await instance.check(outs, { __provider: PROVIDER, ...outs, engineVersion: "3.301.0" });
    expect(checkedNew.failures ?? []).toEqual([]);
    await expect(instance.diff(triset.id, outs, checkedNew.inputs!)).rejects.toThrow(/3\.301\.0 is not an upgrade candidate .*one step per pulumi up \(getUpgradeCandidates lists them\)/);
  });
});
