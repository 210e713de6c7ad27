// Sites (README "Sites"): two sites' state files round trip with a DR relation between them, a change made while the
// peer site is away reaches it when it is back, running DR jobs resume after a restart of both sites; startSites'
// refusals; single-site startEmulator and the CLI (single-site flags and --site) still behave.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { startEmulator, startSites } from "../../../emulator";
import { main, parseCliArgs } from "../../../emulator/cli";
import { startTestEmulator, startTestSites, type TestEmulator, type TestSites } from "../../helpers/emulator";
import { constructBody, dr, instanceOn, relationOf, relations, runJob, setRootPassword } from "./dr-fixtures";

const tmp = () => mkdtempSync(join(tmpdir(), "tpops-sites-"));

async function twoSites(dir: string): Promise<{ sites: TestSites; a: TestEmulator; b: TestEmulator }> {
  const sites = await startTestSites(["a", "b"], { perSite: { a: { stateFile: join(dir, "a.json") }, b: { stateFile: join(dir, "b.json") } } });
  return { sites, a: sites.a as TestEmulator, b: sites.b as TestEmulator };
}

async function constructedOn(a: TestEmulator, b: TestEmulator) {
  const primary = await instanceOn(a);
  const standby = await instanceOn(b);
  await setRootPassword(b, standby.id);
  expect((await runJob(a, "POST", dr(primary.id, "construct"), constructBody(standby.dataIps[0] as string))).status).toBe("Completed");
  return { primary, standby };
}

describe("two sites' state files", () => {
  it("round trip: after a restart of both sites each lists the same side of the relation, and the peer still answers", async () => {
    const dir = tmp();
    let { sites, a, b } = await twoSites(dir);
    const { primary, standby } = await constructedOn(a, b);
    const before = [await relationOf(a, primary.id), await relationOf(b, standby.id)];
    await sites.close();
    // each site's own file holds its own side
    const fileA = JSON.parse(readFileSync(join(dir, "a.json"), "utf8"));
    const fileB = JSON.parse(readFileSync(join(dir, "b.json"), "utf8"));
    expect(Object.values(fileA.collections.drRelations).map((x: any) => [x.role, x.peer.site])).toEqual([["master", "b"]]);
    expect(Object.values(fileB.collections.drRelations).map((x: any) => [x.role, x.peer.site])).toEqual([["disaster", "a"]]);
    ({ sites, a, b } = await twoSites(dir));
    try {
      expect([await relationOf(a, primary.id), await relationOf(b, standby.id)]).toEqual(before);
      // the peer reference survived: a switchover from site b reaches site a
      expect((await runJob(b, "POST", dr(standby.id, "switchover"), { disaster_type: "stream" })).status).toBe("Completed");
      expect([(await relationOf(a, primary.id)).disaster_role, (await relationOf(b, standby.id)).disaster_role]).toEqual(["disaster", "master"]);
    } finally {
      await sites.close();
    }
  });

  it("a failover while the primary's site is down is delivered to that site when it is back", async () => {
    const dir = tmp();
    let { sites, a, b } = await twoSites(dir);
    const { primary, standby } = await constructedOn(a, b);
    await a.close();
    expect(sites.network.siteNames()).toEqual(["b"]);
    // a switchover needs the peer (A.3 DBS.200079); a failover is what a DR instance does without its primary
    const sw = await b.api("POST", dr(standby.id, "switchover"), { disaster_type: "stream" });
    expect([sw.status, sw.body.error_code]).toEqual([400, "DBS.200079"]);
    expect((await runJob(b, "POST", dr(standby.id, "failover"), { is_support_restore: true, disaster_type: "stream" })).status).toBe("Completed");
    const rb = await relationOf(b, standby.id);
    expect([rb.disaster_role, rb.status]).toEqual(["master", "failovered"]);
    // the old primary's side, as site b last saw it
    expect(rb.slave_region_instance_info.instance_id).toBe(primary.id);
    await sites.close();
    ({ sites, a, b } = await twoSites(dir));
    try {
      const ra = await relationOf(a, primary.id);
      expect([ra.disaster_role, ra.status]).toEqual(["disaster", "failovered"]);
      expect((await runJob(b, "POST", dr(standby.id, "restore"), { disaster_type: "stream" })).status).toBe("Completed");
      expect([(await relationOf(a, primary.id)).disaster_role, (await relationOf(b, standby.id)).disaster_role]).toEqual(["master", "disaster"]);
    } finally {
      await sites.close();
    }
  });

  it("a DR job running when both sites stop resumes at restart and ends on both sides", async () => {
    const dir = tmp();
    let { sites, a, b } = await twoSites(dir);
    const { primary, standby } = await constructedOn(a, b);
    // 3 minutes at time scale 0.001 is 180 ms: stop both sites while it runs
    const r = await a.api("POST", dr(primary.id, "switchover"), { disaster_type: "stream" });
    expect(r.status).toBe(202);
    await sites.close();
    ({ sites, a, b } = await twoSites(dir));
    try {
      expect((await relationOf(b, standby.id)).status).toMatch(/^(switchovering|normal)$/);
      expect((await a.waitJob(r.body.job_id)).status).toBe("Completed");
      expect([(await relationOf(a, primary.id)).disaster_role, (await relationOf(b, standby.id)).disaster_role]).toEqual(["disaster", "master"]);
      expect((await relationOf(b, standby.id)).status).toBe("normal");
    } finally {
      await sites.close();
    }
  });
});

describe("startSites", () => {
  it.each([
    [{ sites: [] }, /at least one site/],
    [{ sites: [{ name: "a" }, { name: "a" }] }, /given twice/],
    [{ sites: [{ name: "a b" }] }, /site name/],
    [{ sites: [{ name: "a", stateFile: "/tmp/x.json" }, { name: "b", stateFile: "/tmp/x.json" }] }, /its own state file/],
  ])("refuses %j", async (opts, message) => {
    await expect(startSites({ ...opts, log: false } as any)).rejects.toThrow(message);
  });

  it("a port already taken closes the sites it started and rejects", async () => {
    const first = await startEmulator({ port: 0, tls: false, log: false });
    try {
      const port = Number(new URL(first.origin).port);
      await expect(startSites({ sites: [{ name: "a", port: 0, tls: false }, { name: "b", port, tls: false }], log: false })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });

  it("log lines carry the site name", async () => {
    const lines: string[] = [];
    const all = await startSites({ sites: [{ name: "east", port: 0, tls: false }, { name: "west", port: 0, tls: false }], log: (l) => lines.push(l) });
    try {
      await fetch(`${all.sites.west?.url}/gaussdb/v3/hosts`);
      await new Promise((res) => setTimeout(res, 20));
      expect(lines.some((l) => /^\[west\] .* GET \/rds\/gaussdb\/v3\/hosts 401/.test(l))).toBe(true);
      expect(lines.some((l) => l.startsWith("[east] "))).toBe(false);
      expect(Object.keys(all.sites.east ?? {}).sort()).toEqual(["caCert", "close", "context", "origin", "url"]);
    } finally {
      await all.close();
    }
  });
});

describe("one site", () => {
  it("startEmulator answers what it always did (url, origin, caCert, context, close) and DR works within its one site", async () => {
    const emu = await startEmulator({ port: 0, tls: false, log: false });
    expect(Object.keys(emu).sort()).toEqual(["caCert", "close", "context", "origin", "url"]);
    expect(emu.context.site.name).toBe("local");
    await emu.close();
    const one = await startTestEmulator();
    try {
      const primary = await instanceOn(one);
      const standby = await instanceOn(one);
      await setRootPassword(one, standby.id);
      expect((await runJob(one, "POST", dr(primary.id, "construct"), constructBody(standby.dataIps[0] as string))).status).toBe("Completed");
      expect((await runJob(one, "POST", dr(standby.id, "switchover"), { disaster_type: "stream" })).status).toBe("Completed");
      const list = await relations(one);
      expect(list.map((x) => [x.instance_id, x.disaster_role]).sort()).toEqual([[primary.id, "disaster"], [standby.id, "master"]].sort());
      expect(new Set(list.map((x) => x.synchronization_id)).size).toBe(1);
      expect(list.every((x) => x.master_region_instance_info.region_code === "local")).toBe(true);
    } finally {
      await one.close();
    }
  });
});

describe("tpops-emulator --site", () => {
  it("parses sites with per-site users and state files; single-site flags are unchanged", () => {
    const args = parseCliArgs(["--no-tls", "--time-scale", "0.01", "--site", "a:18002", "--site", "b:0", "--user", "admin:Admin@123", "--user", "b=ops:Pa:ss=1", "--state-file", "a=/tmp/a.json", "--state-file", "b=/tmp/b.json"]);
    expect(args.sites).toEqual([
      { name: "a", port: 18002, host: "127.0.0.1", tls: false, timeScale: 0.01, sessionTimeoutMinutes: undefined, users: [{ name: "admin", password: "Admin@123" }], stateFile: "/tmp/a.json" },
      { name: "b", port: 0, host: "127.0.0.1", tls: false, timeScale: 0.01, sessionTimeoutMinutes: undefined, users: [{ name: "admin", password: "Admin@123" }, { name: "ops", password: "Pa:ss=1" }], stateFile: "/tmp/b.json" },
    ]);
    // without --site a "=" is part of the path or the user name, as before
    expect(parseCliArgs(["--state-file", "a=b.json", "--user", "x=y:Pw_123456"]).options).toMatchObject({ stateFile: "a=b.json", users: [{ name: "x=y", password: "Pw_123456" }] });
    expect(parseCliArgs([]).sites).toBeUndefined();
  });

  it.each([
    [["--site", "a"], /NAME:PORT/],
    [["--site", "a:70000"], /NAME:PORT/],
    [["--site", "a:1", "--site", "a:2"], /given twice/],
    [["--site", "a:1", "--port", "2"], /mutually exclusive/],
    [["--site", "a:1", "--state-file", "x.json"], /SITE=FILE/],
    [["--site", "a:1", "--state-file", "c=x.json"], /SITE=FILE/],
    [["--site", "a:1", "--state-file", "a=x", "--state-file", "a=y"], /given twice/],
    [["--state-file", "x", "--state-file", "y"], /given twice/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it("main prints one listening line per site; each site answers with its own users", async () => {
    const out: string[] = [];
    const run = await main(["--no-tls", "--quiet", "--site", "a:0", "--site", "b:0", "--user", "b=ops:Ops_pass1"], { out: (s) => void out.push(s), err: () => undefined });
    expect(run?.sites).toBeDefined();
    try {
      const a = run?.sites?.a;
      const b = run?.sites?.b;
      expect(out).toEqual([`TPOPS emulator site a listening on ${a?.url}\n`, `TPOPS emulator site b listening on ${b?.url}\n`]);
      const login = (url: string, username: string, password: string) =>
        fetch(`${url}/v3/auth/mini-token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) }).then((r) => r.status);
      expect(await login(a?.url ?? "", "admin", "Admin@123")).toBe(200);
      expect(await login(b?.url ?? "", "admin", "Admin@123")).not.toBe(200);
      expect(await login(b?.url ?? "", "ops", "Ops_pass1")).toBe(200);
    } finally {
      await run?.close();
    }
  });

  it("the bundled bin runs two sites and stops cleanly on SIGTERM", async () => {
    const built = join(tmp(), "cli.js");
    await build({ entryPoints: [join(__dirname, "../../../emulator/cli.ts")], bundle: true, platform: "node", format: "cjs", outfile: built, banner: { js: "#!/usr/bin/env node" }, logLevel: "silent" });
    const child = spawn(process.execPath, [built, "--no-tls", "--site", "a:0", "--site", "b:0"], { stdio: ["ignore", "pipe", "pipe"] });
    const lines = await new Promise<string[]>((resolve, reject) => {
      let buf = "";
      child.stdout.on("data", (d: Buffer) => {
        buf += d.toString();
        const l = buf.split("\n");
        if (l.length > 2) resolve(l.slice(0, 2));
      });
      child.on("exit", (code) => reject(new Error(`exited ${code}`)));
    });
    expect(lines[0]).toMatch(/^TPOPS emulator site a listening on http:\/\/127\.0\.0\.1:\d+\/rds$/);
    expect(lines[1]).toMatch(/^TPOPS emulator site b listening on http:\/\/127\.0\.0\.1:\d+\/rds$/);
    const code = await new Promise<number | null>((resolve) => {
      child.on("exit", (c) => resolve(c));
      child.kill("SIGTERM");
    });
    expect(code).toBe(0);
  });
});
