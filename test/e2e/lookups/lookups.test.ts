// Lookups with the real engine (issue 19 part 1): a brownfield program that finds its values on the platform instead
// of hard-coding them — the data center and key pair by name (getDataCenters, getKeyPairs), the host specification
// (getHostSpecifications), free hosts (getHosts), the newest engine version (getEngineVersions) — declares a Host and
// an Instance from them, and exports what getInstances, getParameterTemplate and getUpgradeCandidates say about the new
// instance. Preview and up work; a no-change re-run; a refused lookup is one line in Diagnostics with no stack; destroy
// leaves the brownfield as it was; no secret in the state; only fields the reference defines sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import type { PulumiRun, TestProject } from "../../helpers/pulumi";
import { readyHosts } from "../../conformance/instance-fixtures";
import { expectNoIgnoredFields, programProject, SECRETS } from "../helpers";

let emu: TestEmulator;
let p: TestProject;
let free: string[];
let dcId: string;
let keyId: string;
const outputs: string[] = [];

const ok = (r: PulumiRun) => {
  outputs.push(r.stdout, r.stderr);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return r.stdout + r.stderr;
};

const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import * as tpops from "pulumi-tpops";

export = async () => {
  const cfg = new pulumi.Config();
  const [room] = (await tpops.getDataCenters({ name: "room-1" })).dataCenters;
  const [key] = (await tpops.getKeyPairs({ name: "ops-key" })).keyPairs;
  const specs = await tpops.getHostSpecifications();
  const { latest } = await tpops.getEngineVersions();
  const status = cfg.get("hostStatus");
  const { hosts } = await tpops.getHosts({ dataCenterId: room!.id, sortKey: "name", ...(status ? { status } : {}) });
  // The host the instance already runs on (once it exists it is in_use, no longer free), else the first free one.
  const host = hosts.find((h) => h.instanceName === "orders-db") ?? hosts.find((h) => h.status === "initialized");
  if (!host) throw new pulumi.RunError("no free host in room-1");

  const extra = new tpops.Host("spare", {
    dataCenterId: room!.id,
    sshKeyId: key!.id,
    manageIp: cfg.require("spareIp"),
    dataIp: cfg.require("spareDataIp"),
    virtualIp: cfg.require("spareVirtualIp"),
    type: specs.types[0],
    osType: specs.osTypes[0],
    cpuSpec: specs.cpuSpecs[0],
    storageType: specs.storageTypes[0],
  });
  const db = new tpops.Instance("orders", {
    name: "orders-db",
    osType: host.osType ?? specs.osTypes[0],
    cpuSpec: host.cpuSpec ?? specs.cpuSpecs[0],
    arch: host.osArch ?? "x86",
    solution: "single",
    engineVersion: latest,
    manageIps: [host.manageIp],
    password: cfg.requireSecret("dbPassword"),
  });
  const listed = tpops.getInstancesOutput({ id: db.id });
  const template = tpops.getParameterTemplateOutput({ instanceId: db.id });
  const upgrades = tpops.getUpgradeCandidatesOutput({ instanceId: db.id });
  return {
    engineVersion: latest,
    hostName: extra.name,
    usedHost: host.manageIp,
    listedStatus: listed.apply((l) => l.instances.map((i) => i.status)),
    maxConnections: template.apply((t) => {
      const m = t.parameters.find((x) => x.name === "max_connections")!;
      return { minimum: m.minimum, maximum: m.maximum, restartRequired: m.restartRequired };
    }),
    upgradeVersions: upgrades.apply((u) => u.versions),
  };
};
`;

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 0.001 });
  free = await readyHosts(emu, 2, { dcName: "room-1" });
  dcId = (await emu.api("GET", "/gaussdb/v3/data-centers?name=room-1")).body.data_centers[0].id;
  const kp = await emu.api("POST", "/gaussdb/v3/hosts/key-pair", { name: "ops-key" });
  expect(kp.status).toBe(200);
  keyId = kp.body.id;
  p = await programProject("lookups", PROGRAM, emu);
  await p.setConfig("dbPassword", SECRETS.db, true);
  await p.setConfig("spareIp", "10.61.0.9");
  await p.setConfig("spareDataIp", "10.62.0.9");
  await p.setConfig("spareVirtualIp", "10.63.0.9");
}, 120_000);
afterAll(async () => {
  await p?.dispose();
  await emu?.close();
});

describe("a program that takes its values from lookups", () => {
  it("a refused lookup is one line in Diagnostics, without a stack", async () => {
    await p.setConfig("hostStatus", "free");
    const r = await p.preview();
    outputs.push(r.stdout, r.stderr);
    expect(r.code).not.toBe(0);
    const text = r.stdout + r.stderr;
    const diagnostics = text.slice(text.indexOf("\nDiagnostics:\n"));
    expect(diagnostics.match(/getHosts: status: "free" is not a 4\.9\.1 host status; use initializing, initialized, initialize_failed, unmanaged, in_use, deleting, delete_failed/g)?.length).toBe(1);
    expect(text).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m);
    expect(text).not.toContain("error serializing");
    expect((await p.run(["config", "rm", "hostStatus"])).code).toBe(0);
    expect((await emu.control.state()).instances).toEqual([]);
  }, 120_000);

  it("preview and up declare a host and an instance from the lookups' answers; the exports come from lookups of the new instance", async () => {
    const preview = ok(await p.preview());
    expect(preview).toMatch(/\+ .*orders/);
    const up = ok(await p.up());
    expect(up).toMatch(/3 created/); // the stack, the host, the instance
    const out = await p.outputs();
    expect(out.engineVersion).toBe("3.301.0");
    expect(out.usedHost).toBe([...free].sort()[0]);
    expect(out.listedStatus).toEqual(["ACTIVE"]);
    expect(out.maxConnections).toEqual({ minimum: 10, maximum: 262143, restartRequired: true });
    expect(out.upgradeVersions).toEqual([]); // 3.301.0 is the newest
    const s = await emu.control.state();
    expect(s.instances).toHaveLength(1);
    expect(s.instances[0].datastore.version).toBe("3.301.0");
    const spare = s.hosts.find((h: { ip: { manage_ip: string } }) => h.ip.manage_ip === "10.61.0.9");
    expect(spare).toMatchObject({ data_center_id: dcId, ssh_key_id: keyId, os: { os_type: "kylin" }, type: "BMS", spec: { cpu_spec: "intel", storage_type: "localssd" } });
  }, 300_000);

  it("a second run changes nothing: the lookups answer the same and the program declares the same", async () => {
    ok(await p.preview(["--expect-no-changes"]));
    const up = ok(await p.up());
    expect(up).not.toMatch(/created|updated|replaced|deleted/);
  }, 300_000);

  it("the state holds no secret; destroy leaves the brownfield as it was", async () => {
    const state = await p.exportState();
    for (const secret of Object.values(SECRETS)) expect(state).not.toContain(secret);
    ok(await p.destroy());
    const s = await emu.control.state();
    expect(s.instances).toEqual([]);
    expect(s.hosts.map((h: { ip: { manage_ip: string } }) => h.ip.manage_ip).sort()).toEqual([...free].sort());
    expect(s.hosts.every((h: { status: string }) => h.status === "initialized")).toBe(true);
    expect(s.keyPairs.map((k: { name: string }) => k.name)).toEqual(["ops-key"]);
    expect(s.dataCenters).toHaveLength(1);
    for (const text of outputs) for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    await expectNoIgnoredFields(emu);
  }, 300_000);
});
