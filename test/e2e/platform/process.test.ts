// No runaway process: `kill -9` of `pulumi up` (the engine) while a Host create job is still running must end the
// dynamic-provider process (node running @pulumi/pulumi/cmd/dynamic-provider, started by the engine through the
// pulumi-resource-pulumi-nodejs shell launcher) within seconds, without it spinning on a broken stderr.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { pulumiEnv, TestProject, toolsBin } from "../../helpers/pulumi";
import { SECRETS } from "../helpers";

/** One process as /proc shows it. */
interface Proc {
  pid: number;
  ppid: number;
  /** R, S, Z…; Z (zombie) has exited. */
  state: string;
  /** user + system CPU time in clock ticks (1/100 s on Linux). */
  ticks: number;
  /** Start time in ticks since boot: tells a reused pid apart. */
  start: number;
  rssKb: number;
  cmdline: string;
}

function readProc(pid: number): Proc | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after "(comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime … starttime (22nd).
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return {
      pid,
      ppid: Number(f[1]),
      state: f[0]!,
      ticks: Number(f[11]) + Number(f[12]),
      start: Number(f[19]),
      rssKb: rss ? Number(rss[1]) : 0,
      cmdline: readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim(),
    };
  } catch {
    return undefined; // gone
  }
}

/** Every live descendant of `root` (children, grandchildren…). */
function descendants(root: number): Proc[] {
  const all = readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map((d) => readProc(Number(d)))
    .filter((p): p is Proc => p !== undefined);
  const out: Proc[] = [];
  const frontier = [root];
  while (frontier.length) {
    const parent = frontier.pop()!;
    for (const p of all.filter((x) => x.ppid === parent)) {
      out.push(p);
      frontier.push(p.pid);
    }
  }
  return out;
}

/** True while `p` (the same process, not a reused pid) runs and has not exited. */
function alive(p: Proc): boolean {
  const now = readProc(p.pid);
  return now !== undefined && now.start === p.start && now.state !== "Z" && now.state !== "X";
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const program = `
import * as tpops from "pulumi-tpops";
const dc = new tpops.DataCenter("room", {});
new tpops.Host("slow", {
  dataCenterId: dc.id, manageIp: "10.90.0.1", dataIp: "10.91.0.1", virtualIp: "10.92.0.1",
  osType: "kylin", cpuSpec: "intel", rootPassword: "Root_pw_proc_1",
});
`;

describe("no runaway provider process", () => {
  let emu: TestEmulator;
  let project: TestProject;
  let engine: ChildProcess | undefined;
  // Every process the engine started, recorded before the kill: whatever is left is ended in afterAll.
  const started: Proc[] = [];
  beforeAll(async () => {
    // Time scale 0.5: the host add job (60 s on the platform) runs 30 s, long enough to kill the engine mid-create.
    emu = await startTestEmulator({ timeScale: 0.5 });
    project = await TestProject.create("process", { "Pulumi.yaml": "name: process\nruntime: nodejs\nmain: index.ts\n", "index.ts": program });
    await project.setConfig("tpops:endpoint", emu.url);
    await project.setConfig("tpops:username", "admin");
    await project.setConfig("tpops:password", SECRETS.tpops, true);
  });
  afterAll(async () => {
    if (engine?.pid !== undefined && engine.exitCode === null) engine.kill("SIGKILL");
    for (const p of started) if (alive(p)) process.kill(p.pid, "SIGKILL");
    await project?.dispose();
    await emu?.close();
  });

  it("kill -9 of `pulumi up` mid-create ends the dynamic-provider process within seconds, without spinning", async () => {
    engine = spawn(join(toolsBin, "pulumi"), ["up", "--yes", "--skip-preview", "--non-interactive", "--stack", project.stack], {
      cwd: project.dir,
      env: pulumiEnv(project.stateDir),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    engine.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    engine.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    const enginePid = engine.pid!;

    // Wait until the Host create is under way: its add job is running on the platform.
    const deadline = Date.now() + 90_000;
    let provider: Proc | undefined;
    for (;;) {
      const running = Object.values(emu.ctx.state.data.jobs).some((j) => j.name === "AddHosts" && j.status === "Running");
      provider = descendants(enginePid).find((p) => /cmd\/dynamic-provider/.test(p.cmdline));
      if (running && provider) break;
      if (Date.now() > deadline || engine.exitCode !== null) throw new Error(`the host create never started:\n${output}`);
      await sleep(100);
    }
    // Let the provider wait on the job (and print a progress line) for a moment, then kill the engine.
    await sleep(1500);
    started.push(...descendants(enginePid));
    expect(started.map((p) => p.pid)).toContain(provider.pid);
    const before = readProc(provider.pid)!;
    process.kill(enginePid, "SIGKILL");
    const killedAt = Date.now();

    // Watch the provider: it must be gone within a few seconds, and must not burn CPU while it lasts.
    let last = before;
    while (alive(provider) && Date.now() - killedAt < 8_000) {
      last = readProc(provider.pid) ?? last;
      await sleep(100);
    }
    const lived = Date.now() - killedAt;
    const cpuShare = (last.ticks - before.ticks) / 100 / Math.max(0.1, lived / 1000);
    const detail = `provider ${provider.pid} lived ${lived} ms after the kill, used ${(cpuShare * 100).toFixed(0)}% of a core, RSS ${before.rssKb} → ${last.rssKb} kB`;
    console.log(detail);
    expect(alive(provider), detail).toBe(false);
    expect(lived, detail).toBeLessThan(5_000);
    expect(cpuShare, detail).toBeLessThan(0.5);
    // The shell launcher between engine and provider ends with it.
    await sleep(500);
    const launcher = started.find((p) => p.pid === provider!.ppid);
    if (launcher) expect(alive(launcher), `launcher ${launcher.cmdline}`).toBe(false);
  }, 150_000);
});
