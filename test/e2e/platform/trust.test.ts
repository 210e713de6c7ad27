// Trust, with the real engine: secrets by construction (item 1), settings resources that own only what they
// set across take-over, removal and rename (item 2), adopt without surprises (item 6) and `get` (item 8).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import type { PulumiRun, TestProject } from "../../helpers/pulumi";
import { expectNoIgnoredFields, programProject } from "../helpers";

let emu: TestEmulator;
const projects: TestProject[] = [];
const ROOT_PW = "Literal_root_pw_5521";
const DB_PW = "Literal_db_pw_5521x";
const RDS_PW = "Literal_rds_pw_5521x";

// Every password is a plain string literal: nothing in the program asks for a secret.
const program = `
import * as pulumi from "@pulumi/pulumi";
import * as tpops from "pulumi-tpops";
const config = new pulumi.Config();
const dc = new tpops.DataCenter("room");
const host = new tpops.Host("db-host", {
  dataCenterId: dc.id, manageIp: "10.81.0.1", dataIp: "10.82.0.1", virtualIp: "10.83.0.1",
  osType: "kylin", cpuSpec: "intel", rootPassword: "${ROOT_PW}",
});
const db = new tpops.Instance("orders-db", {
  solution: "single", manageIps: [host.manageIp], osType: "kylin", cpuSpec: "intel", arch: "x86",
  password: "${DB_PW}", rdsAdminPassword: "${RDS_PW}",
});
if (config.getBoolean("settings")) {
  new tpops.BackupPolicy(config.get("policyName") ?? "backups", { instanceId: db.id, keepDays: 14, startTime: "02:00-03:00", period: [1, 3, 5, 7] });
  new tpops.InstanceParameters(config.get("paramsName") ?? "params", { instanceId: db.id, values: { max_connections: "600" }, restartIfRequired: true });
}
export const instanceId = db.id;
export const hostId = host.id;
`;

async function project(name: string, index: string): Promise<TestProject> {
  const p = await programProject(name, index, emu);
  projects.push(p);
  return p;
}

const ok = (r: PulumiRun) => expect(r.code, r.stdout + r.stderr).toBe(0);

let main: TestProject;
let instanceId: string;
const engineOutput: string[] = [];

async function livePolicy() {
  return (await emu.api("GET", `/gaussdb/v3/instances/${instanceId}/backups/policy`)).body.backup_policy as { keep_days: number; start_time: string; period: string };
}
async function liveParam(name: string): Promise<string> {
  const r = await emu.api("GET", `/gaussdb/v3.1/instances/${instanceId}/configurations`);
  return String((r.body.configuration_parameters as { name: string; value: string }[]).find((x) => x.name === name)?.value);
}
async function upWith(config: Record<string, string>): Promise<string> {
  for (const [k, v] of Object.entries(config)) await main.setConfig(k, v);
  const r = await main.up();
  ok(r);
  engineOutput.push(r.stdout, r.stderr);
  return r.stdout + r.stderr;
}

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 0.001 });
  main = await project("trust", program);
  const r = await main.up();
  ok(r);
  engineOutput.push(r.stdout, r.stderr);
  instanceId = String((await main.outputs()).instanceId);
});
afterAll(async () => {
  for (const p of projects) await p.dispose();
  await emu?.close();
});

describe("1. secrets by construction", () => {
  it("keeps passwords written as plain literals out of inputs, outputs and engine output", async () => {
    const exported = await main.exportState();
    for (const pw of [ROOT_PW, DB_PW, RDS_PW]) expect(exported).not.toContain(pw);
    const resources = (JSON.parse(exported) as { deployment: { resources: { urn: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }[] } }).deployment.resources;
    const byName = (n: string) => resources.find((x) => x.urn.endsWith(`::${n}`))!;
    const secretKey = "4dabf18193072939515e22adb298388d"; // Pulumi's marker of a secret value in state
    for (const [res, key] of [["db-host", "rootPassword"], ["orders-db", "password"], ["orders-db", "rdsAdminPassword"]] as const) {
      expect(JSON.stringify(byName(res).inputs?.[key]), `${res}.inputs.${key}`).toContain(secretKey);
      expect(JSON.stringify(byName(res).outputs?.[key]), `${res}.outputs.${key}`).toContain(secretKey);
    }
    // The SDK passes the URN it computed: it must be the one the engine gave the resource.
    expect(byName("orders-db").inputs?.__urn).toBe(byName("orders-db").urn);
    const preview = await main.preview(["--diff", "--show-sames"]);
    ok(preview);
    for (const pw of [ROOT_PW, DB_PW, RDS_PW]) expect(engineOutput.join("") + preview.stdout + preview.stderr).not.toContain(pw);
  });
});

describe("2. settings resources own only what they set", () => {
  it("takes over a hand-set policy and parameter visibly, and removing the resources restores them", async () => {
    // A DBA set these by hand before the stack managed them.
    const set = await emu.api("PUT", `/gaussdb/v3/instances/${instanceId}/backups/policy`, { backup_policy: { keep_days: 21, start_time: "05:00-06:00", period: "2,4", differential_period: "30" } });
    expect(set.status).toBeLessThan(300);
    const param = await emu.api("PUT", `/gaussdb/v3/instances/${instanceId}/configurations`, { values: { max_connections: "777" } });
    if (param.body?.job_id) await emu.waitJob(param.body.job_id);

    const took = await upWith({ settings: "true" });
    expect(took).toMatch(/BackupPolicy \(backups\):\s+warning: takes over a backup policy set outside this stack \(keepDays 21, startTime "05:00-06:00", period \[2,4\]\)/);
    expect(await livePolicy()).toMatchObject({ keep_days: 14, start_time: "02:00-03:00", period: "1,3,5,7" });
    expect(await liveParam("max_connections")).toBe("600");

    const removed = await upWith({ settings: "false" });
    expect(removed).toMatch(/BackupPolicy backups deleting .*restoring the backup policy from before this stack/);
    expect(await livePolicy()).toMatchObject({ keep_days: 21, start_time: "05:00-06:00", period: "2,4" });
    expect(await liveParam("max_connections")).toBe("777");
  });

  it("renaming a BackupPolicy and an InstanceParameters (no aliases) changes nothing live", async () => {
    await upWith({ settings: "true" });
    const renamed = await upWith({ policyName: "nightly-backups", paramsName: "tuned-params" });
    expect(renamed).toMatch(/\+ 2 created/);
    expect(renamed).toMatch(/- 2 deleted/);
    expect(renamed).toMatch(/BackupPolicy \(backups\):\s+warning: the backup policy of instance .* now belongs to BackupPolicy nightly-backups; left as it set it/);
    expect(renamed).toMatch(/InstanceParameters \(params\):\s+warning: left max_connections \(now managed by InstanceParameters tuned-params/);
    expect(await livePolicy()).toMatchObject({ keep_days: 14, start_time: "02:00-03:00", period: "1,3,5,7" });
    expect(await liveParam("max_connections")).toBe("600");
    ok(await main.preview(["--refresh", "--expect-no-changes"]));
  });
});

describe("6 and 8. adopt without surprises; get", () => {
  it("adopting a host without a name keeps its live name and says at preview what it takes over", async () => {
    const dcs = (await emu.control.state()).dataCenters as { id: string }[];
    const add = await emu.api("POST", "/gaussdb/v3/hosts", {
      hosts: [{ name: "hand-made-host", type: "BMS", os_type: "kylin", cpu_spec: "intel", storage_type: "localssd", ip: { manage_ip: "10.81.0.9", data_ip: "10.82.0.9", virtual_ip: "10.83.0.9" }, ssh_port: 22, data_center_id: dcs[0]!.id, os_root_pwd: "Hand_made_pw_1" }],
    });
    await emu.waitJob(add.body.job_id);
    const other = await project(
      "trust-adopt",
      `
import * as pulumi from "@pulumi/pulumi";
import * as tpops from "pulumi-tpops";
const dcId = "${dcs[0]!.id}";
const adopted = new tpops.Host("legacy", { adopt: true, dataCenterId: dcId, manageIp: "10.81.0.9", dataIp: "10.82.0.9", virtualIp: "10.83.0.9", osType: "kylin", cpuSpec: "intel", rootPassword: "Hand_made_pw_1" });
const seen = tpops.Instance.get("seen-db", "${instanceId}");
// Two tpops children in a component: their URN (passed by the SDK) must not make them wait for the component.
class Group extends pulumi.ComponentResource {
  constructor(name: string) {
    super("acme:ops:Group", name, {}, {});
    new tpops.DataCenter(name + "-room", {}, { parent: this });
    new tpops.KeyPair(name + "-key", {}, { parent: this });
    this.registerOutputs({});
  }
}
new Group("team");
export const adoptedName = adopted.name;
export const seenName = seen.name;
export const seenStatus = seen.status;
export const seenPort = seen.port;
`,
    );
    const preview = await other.preview();
    ok(preview);
    expect(preview.stdout + preview.stderr).toMatch(/Host \(legacy\):\s+adopt: true takes over the existing Host .*manageIp 10\.81\.0\.9/);
    ok(await other.up());
    const out = await other.outputs();
    const resources = (JSON.parse(await other.exportState()) as { deployment: { resources: { urn: string; inputs?: Record<string, unknown> }[] } }).deployment.resources;
    const children = resources.filter((r) => r.urn.includes("acme:ops:Group$"));
    expect(children.map((r) => r.urn.split("::").pop()).sort()).toEqual(["team-key", "team-room"]);
    for (const c of children) expect(c.inputs?.__urn).toBe(c.urn);
    expect(out.adoptedName).toBe("hand-made-host");
    expect((await emu.control.state()).hosts.find((h: { ip: { manage_ip: string } }) => h.ip.manage_ip === "10.81.0.9").name).toBe("hand-made-host");
    // get reads the instance the other stack manages, typed, without managing it.
    const live = (await emu.control.state()).instances[0] as { name: string; status: string };
    expect(out).toMatchObject({ seenName: live.name, seenStatus: live.status, seenPort: 8000 });
    ok(await other.preview(["--expect-no-changes"]));
    ok(await other.destroy());
    // The instance read by get is untouched by the destroy; the adopted host is removed.
    expect((await emu.control.state()).instances.map((i: { id: string }) => i.id)).toEqual([instanceId]);
  });
});

describe("destroy", () => {
  it("leaves nothing behind", async () => {
    ok(await main.destroy());
    await expectNoIgnoredFields(emu);
    const s = await emu.control.state();
    expect({ dc: s.dataCenters.length, hosts: s.hosts.length, instances: s.instances.length }).toEqual({ dc: 0, hosts: 0, instances: 0 });
  });
});
