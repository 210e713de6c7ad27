// Two sites and disaster recovery with the real engine, on examples/two-site-dr: one program builds a primary
// instance on site east and a standby on site west (each with its data centre and host) and the DR relationship from
// the primary; no-change re-run with exactly one login per site; a drill started and stopped in place; the
// `tpops dr switchover` CLI flips the roles and `pulumi preview --refresh` then plans no change at all; destroy
// releases the relationship before deleting either instance and leaves nothing on either site; no password in the
// state or the output.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSites, type TestSites } from "../../helpers/emulator";
import { repoRoot, type PulumiRun, type TestProject } from "../../helpers/pulumi";
import { freshIps } from "../../conformance/instance-fixtures";
import { exampleProject, expectNoIgnoredFields, SECRETS } from "../helpers";

let sites: TestSites;
let p: TestProject;
const outputs: string[] = [];
const ok = (r: PulumiRun) => {
  outputs.push(r.stdout, r.stderr);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return r.stdout + r.stderr;
};
const relations = async (site: "east" | "west") => (await sites[site]!.api("GET", "/gaussdb/v3.6/disaster-recovery/relations")).body.relations as any[];
const hostsFor = (ips: string[]) => ips.map((ip, i) => ({ manageIp: ip, dataIp: `192.168.${ip.split(".")[2]}.${Number(ip.split(".")[3]) + i}`, virtualIp: `192.169.${ip.split(".")[2]}.${ip.split(".")[3]}` }));

beforeAll(async () => {
  sites = await startTestSites(["east", "west"], { timeScale: 0.001 });
  p = await exampleProject("two-site-dr", sites.east!);
  const set = async (path: string, value: string, secret = false) => {
    const r = await p.run(["config", "set", "--path", path, value, ...(secret ? ["--secret"] : ["--plaintext"])]);
    expect(r.code, r.stderr).toBe(0);
  };
  for (const s of ["east", "west"] as const) {
    await set(`tpops:sites.${s}.endpoint`, sites[s]!.url);
    await set(`tpops:sites.${s}.username`, "admin");
    await set(`tpops:sites.${s}.password`, SECRETS.tpops, true);
  }
  await p.setConfig("eastHosts", JSON.stringify(hostsFor(freshIps(1))));
  await p.setConfig("westHosts", JSON.stringify(hostsFor(freshIps(1))));
}, 120_000);
afterAll(async () => {
  await p?.dispose();
  await sites?.close();
  const all = outputs.join("\n");
  for (const pw of [SECRETS.db, SECRETS.root, SECRETS.tpops]) expect(all).not.toContain(pw);
});

describe("two-site-dr example", () => {
  let ids: { primary: string; standby: string };

  it("builds an instance on each site and the DR relationship from the primary", async () => {
    ok(await p.up());
    const out = await p.outputs();
    ids = { primary: (out.primary as { id: string }).id, standby: (out.standby as { id: string }).id };
    expect(out.relationship).toMatchObject({ role: "master", primaryInstanceId: ids.primary, standbyInstanceId: ids.standby, status: "normal" });
    const east = (await sites.east!.control.state()).instances.map((i: { id: string }) => i.id);
    const west = (await sites.west!.control.state()).instances.map((i: { id: string }) => i.id);
    expect([east, west]).toEqual([[ids.primary], [ids.standby]]);
    expect((await relations("east")).map((r) => r.disaster_role)).toEqual(["master"]);
    expect((await relations("west")).map((r) => r.disaster_role)).toEqual(["disaster"]);
    for (const s of ["east", "west"] as const) await expectNoIgnoredFields(sites[s]!);
  });

  it("re-runs (with refresh) without changes, logging in exactly once per site", async () => {
    for (const s of ["east", "west"] as const) await sites[s]!.control.clearRequests();
    // With --refresh every resource is read from its site: one login per site for all of them.
    const again = ok(await p.up(["--refresh"]));
    expect(again).not.toMatch(/\d+ (created|updated|replaced|deleted)/);
    for (const s of ["east", "west"] as const) {
      const req = await sites[s]!.control.requests();
      expect(req.byRoute.filter((r) => r.method === "GET").length, s).toBeGreaterThan(0);
      expect(req.logins, s).toBe(1);
    }
    ok(await p.preview(["--expect-no-changes"]));
  });

  it("keeps no password in the state", async () => {
    const state = await p.exportState();
    for (const pw of [SECRETS.db, SECRETS.root, SECRETS.tpops]) expect(state).not.toContain(pw);
    const parsed = JSON.parse(state) as { deployment: { resources: { type: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }[] } };
    const dr = parsed.deployment.resources.find((r) => r.type.endsWith("tpops:DisasterRecovery"));
    expect(JSON.stringify(dr?.inputs?.standbyPassword)).toContain("4dabf18193072939515e22adb298388d");
    expect(dr?.outputs?.site).toBe("east");
  });

  it("starts and stops a drill in place", async () => {
    await p.setConfig("drill", "true");
    expect(ok(await p.up())).toMatch(/1 updated/);
    expect((await relations("west"))[0].status).toBe("simulating");
    await p.setConfig("drill", "false");
    expect(ok(await p.up())).toMatch(/1 updated/);
    expect((await relations("west"))[0].status).toBe("normal");
  });

  it("the CLI's switchover flips the roles; preview --refresh then plans nothing", async () => {
    const cli = join(repoRoot, "dist/cli/tpops.js");
    const r = await p.exec(process.execPath, [cli, "dr", "switchover", "--site", "west", "--instance", ids.standby]);
    outputs.push(r.stdout, r.stderr);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/switchover: done\. .*this instance is the primary/);
    expect((await relations("west"))[0].disaster_role).toBe("master");
    expect((await relations("east"))[0].disaster_role).toBe("disaster");
    const preview = ok(await p.preview(["--refresh", "--expect-no-changes"]));
    expect(preview).not.toMatch(/replace/);
    ok(await p.up(["--refresh"]));
    expect((await p.outputs()).relationship).toMatchObject({ role: "disaster", primaryInstanceId: ids.standby, standbyInstanceId: ids.primary });
  });

  it("destroy releases the relationship first and leaves nothing on either site", async () => {
    ok(await p.destroy());
    // The release job (on the primary of now: west, after the switchover) ended before either instance's delete began.
    const jobs = [...(await sites.east!.control.state()).jobs, ...(await sites.west!.control.state()).jobs] as { name: string; created: number | string; ended: number | string | null }[];
    const at = (t: number | string | null) => (typeof t === "number" ? t : Date.parse(String(t)));
    const release = jobs.filter((j) => j.name === "ReleaseDisasterRecovery");
    const deletes = jobs.filter((j) => j.name === "DeleteGaussDBInstance");
    expect([release.length, deletes.length]).toEqual([1, 2]);
    for (const d of deletes) expect(at(release[0]!.ended)).toBeLessThanOrEqual(at(d.created));
    for (const s of ["east", "west"] as const) {
      const st = await sites[s]!.control.state();
      expect([st.instances, st.hosts, st.dataCenters].map((x) => x.length), s).toEqual([0, 0, 0]);
      expect(await relations(s)).toEqual([]);
    }
  });
});
