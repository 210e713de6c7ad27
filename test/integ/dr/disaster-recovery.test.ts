// DisasterRecovery against two emulator sites on one simulated network (over HTTP): the primary on the default
// platform, the standby on site west. Preview refusals (a data IP no instance has, a non-candidate, dorado toggles),
// construct and read (roles from 4.18.2, monitor from 4.18.3), rename, drill and log keeping in place, the `tpops dr`
// CLI's switchover flipping the roles with refresh planning no replacement, and delete releasing on whichever instance
// is primary, with the records gone on both sites.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSites, type TestSites } from "../../helpers/emulator";
import { closeAllClients } from "../../../provider/client";
import { configure, resetConfiguration } from "../../../provider/config";
import { disasterRecovery } from "../../../provider";
import { resetLiveLookups } from "../../../provider/resources/live";
import { instanceOn, relations, setRootPassword, ROOT_PASSWORD } from "../../conformance/dr/dr-fixtures";
import { repoRoot } from "../../helpers/pulumi";

const run = promisify(execFile);
let sites: TestSites;
let primary: { id: string; dataIps: string[] };
let standby: { id: string; dataIps: string[] };
let cfg: Record<string, string>;
const PROVIDER = "serialized-provider-text";

beforeAll(async () => {
  sites = await startTestSites(["east", "west"], { timeScale: 0.001 });
  primary = await instanceOn(sites.east!);
  standby = await instanceOn(sites.west!);
  await setRootPassword(sites.west!, standby.id);
  cfg = {
    "tpops:endpoint": sites.east!.url,
    "tpops:username": "admin",
    "tpops:password": "Admin@123",
    "tpops:sites": JSON.stringify({ west: { endpoint: sites.west!.url, username: "admin", password: "Admin@123" }, east: { endpoint: sites.east!.url, username: "admin", password: "Admin@123" } }),
  };
  configure({ config: { get: (k) => cfg[k] } });
}, 120_000);
afterAll(async () => {
  resetConfiguration();
  await closeAllClients();
  await sites?.close();
});

const args = (extra: Record<string, unknown> = {}) => ({
  __provider: PROVIDER,
  __autoNamePrefix: "orders-dr",
  __urn: "urn:pulumi:dev::dr::pulumi-nodejs:dynamic:Resource::orders-dr",
  instanceId: primary.id,
  standbyDataIp: standby.dataIps[0],
  standbySite: "west",
  standbyPassword: ROOT_PASSWORD,
  ...extra,
});
const reasons = (r: { failures?: { reason: string }[] }) => (r.failures ?? []).map((f) => f.reason).join(" | ");

describe("DisasterRecovery across two sites", () => {
  let id: string;
  let outs: Record<string, unknown>;
  let inputs: Record<string, unknown>;

  it("refuses at preview what the platforms would refuse", async () => {
    resetLiveLookups();
    expect(reasons(await disasterRecovery.check({}, args({ standbyDataIp: "10.250.250.250" })))).toMatch(/standbyDataIp: no instance on site west has a node with data IP 10\.250\.250\.250/);
    expect(reasons(await disasterRecovery.check({}, args({ disasterType: "dorado", drill: true })))).toContain('drill: true needs disasterType stream');
    // The primary itself is no candidate for its own standby (it is on the other site's list as the master).
    expect(reasons(await disasterRecovery.check({}, args({ standbyDataIp: primary.dataIps[0], standbySite: undefined })))).toMatch(/is not a DR candidate of instance/);
    const ok = await disasterRecovery.check({}, args());
    expect(ok.failures ?? []).toEqual([]);
    inputs = ok.inputs!;
    expect(inputs.name).toMatch(/^orders-dr-[0-9a-f]{6}$/);
  });

  it("builds the relationship from the primary and reads the roles and the monitor", async () => {
    ({ id, outs } = await disasterRecovery.create(inputs));
    expect(outs).toMatchObject({ synchronizationId: id, role: "master", primaryInstanceId: primary.id, standbyInstanceId: standby.id, drill: false, keepLog: false });
    expect(String(outs.status)).toBe("normal");
    const west = await relations(sites.west!);
    expect(west.map((r) => r.synchronization_id)).toEqual([id]);
    const read = await disasterRecovery.read(id, outs);
    expect(read.props).toMatchObject({ role: "master", name: inputs.name });
  });

  it("renames, starts and ends a drill, starts log keeping, in place", async () => {
    const renamed = { ...inputs, name: "orders-dr-main" };
    expect(await disasterRecovery.diff(id, outs, renamed)).toMatchObject({ changes: true, replaces: [] });
    outs = (await disasterRecovery.update(id, outs, renamed)).outs;
    expect(outs.name).toBe("orders-dr-main");
    outs = (await disasterRecovery.update(id, outs, { ...renamed, drill: true })).outs;
    expect((await relations(sites.west!))[0].status).toBe("simulating");
    outs = (await disasterRecovery.update(id, outs, { ...renamed, drill: false })).outs;
    expect((await relations(sites.west!))[0].status).toBe("normal");
    outs = (await disasterRecovery.update(id, outs, { ...renamed, keepLog: true, xlogKeepRatio: 80 })).outs;
    expect(outs).toMatchObject({ keepLog: true, drill: false });
    inputs = { ...renamed, keepLog: true, xlogKeepRatio: 80 };
  });

  it("the CLI's switchover flips the roles; refresh records them and plans no replacement", async () => {
    const cli = join(repoRoot, "dist/cli/tpops.js");
    const env = { ...process.env, TPOPS_SITES: cfg["tpops:sites"], TPOPS_ENDPOINT: "", TPOPS_PASSWORD: "" };
    const { stdout } = await run(process.execPath, [cli, "dr", "switchover", "--site", "west", "--instance", standby.id], { env, cwd: repoRoot });
    expect(stdout).toMatch(/switchover: job \S+ started/);
    expect(stdout).toMatch(/switchover: done\. orders-dr-main: this instance is the primary/);
    const read = await disasterRecovery.read(id, outs);
    expect(read.props).toMatchObject({ role: "disaster", primaryInstanceId: standby.id, standbyInstanceId: primary.id });
    expect(await disasterRecovery.diff(id, read.props, inputs)).toMatchObject({ changes: false, replaces: [] });
    outs = read.props;
    const status = await run(process.execPath, [cli, "dr", "status", "--site", "east", "--instance", primary.id], { env, cwd: repoRoot });
    expect(status.stdout).toMatch(/this instance is the DR instance/);
  });

  it("the CLI explains a wrong site or instance in one line", async () => {
    const cli = join(repoRoot, "dist/cli/tpops.js");
    const env = { ...process.env, TPOPS_SITES: cfg["tpops:sites"] };
    const bad = await run(process.execPath, [cli, "dr", "failover", "--site", "north", "--instance", standby.id], { env, cwd: repoRoot }).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^tpops: --site: "north" is not a site of tpops:sites/);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("delete releases on the primary as it is now and deletes the records on both sites", async () => {
    await disasterRecovery.delete(id, outs);
    expect(await relations(sites.east!)).toEqual([]);
    expect(await relations(sites.west!)).toEqual([]);
    expect((await disasterRecovery.read(id, outs)).id).toBe("");
  });
});
