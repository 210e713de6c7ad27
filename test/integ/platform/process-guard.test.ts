// The provider process guard (provider/process-guard.ts) in Pulumi's real dynamic-provider host: a broken stderr
// (EPIPE on a progress line) or a lost engine ends the process within seconds instead of spinning, and the guard
// stays out of every other process that loads the provider (tests, programs).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { inDynamicProviderHost, parseAddress } from "../../../provider/process-guard";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { repoRoot } from "../../helpers/pulumi";

const hostScript = join(repoRoot, "node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js");
const bundle = join(repoRoot, "dist/provider/index.js");

let emu: TestEmulator;
let dir: string;
const children: ChildProcess[] = [];
const servers: Server[] = [];

/** user + system CPU ticks (1/100 s) of a live process, or undefined once it is gone. */
function cpuTicks(pid: number): number | undefined {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8");
    const rest = f.slice(f.lastIndexOf(")") + 2).split(" ");
    return rest[0] === "Z" ? undefined : Number(rest[11]) + Number(rest[12]);
  } catch {
    return undefined;
  }
}

/** A TCP server standing in for the engine's gRPC address. */
async function fakeEngine(): Promise<{ server: Server; address: string }> {
  const server = createServer((s) => s.destroy());
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return { server, address: `127.0.0.1:${(server.address() as { port: number }).port}` };
}

/**
 * Starts `node -r <preload> <main> <engine address>` the way the engine's launcher does, and resolves once the host
 * printed its port (it runs). The preload loads the provider bundle first (`guarded`) or not at all.
 */
async function startHost(opts: { preload: string; engine: string; main?: string }): Promise<{ child: ChildProcess; stderr: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ["-r", join(dir, opts.preload), opts.main ?? hostScript, opts.engine], {
    cwd: repoRoot,
    env: { ...process.env, TPOPS_ENDPOINT: emu.url, TPOPS_USERNAME: "admin", TPOPS_PASSWORD: "Admin@123", TPOPS_DEBUG: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`the host exited (${code}) before it started:\n${err}`)));
  });
  return { child, stderr: () => err, exited };
}

/** Waits up to `ms` for the process to end; returns how long it lived and the CPU share it used meanwhile. */
async function watch(child: ChildProcess, ms: number): Promise<{ ended: boolean; lived: number; cpu: number }> {
  const start = Date.now();
  const first = cpuTicks(child.pid!) ?? 0;
  let last = first;
  while (Date.now() - start < ms && child.exitCode === null && child.signalCode === null) {
    last = cpuTicks(child.pid!) ?? last;
    await new Promise((r) => setTimeout(r, 50));
  }
  const lived = Date.now() - start;
  return { ended: child.exitCode !== null || child.signalCode !== null, lived, cpu: (last - first) / 100 / Math.max(0.1, lived / 1000) };
}

beforeAll(async () => {
  // Time scale 0.2: a host add job (60 s on the platform) takes 12 s; progress lines come after its first second.
  emu = await startTestEmulator({ timeScale: 0.2 });
  dir = mkdtempSync(join(tmpdir(), "tpops-guard-"));
  // With the bundle: a data center and a host created through the provider, whose waiter prints job progress.
  writeFileSync(
    join(dir, "guarded.cjs"),
    `const p = require(${JSON.stringify(bundle)});
setTimeout(async () => {
  try {
    await p.configure({ config: { get: () => undefined } });
    const ip = process.env.GUARD_IP || "10.99.0.1";
    const dc = await p.dataCenter.create((await p.dataCenter.check({}, { name: "guard-" + ip.split(".").pop() })).inputs);
    const host = { name: "guard-host", dataCenterId: dc.id, manageIp: ip, dataIp: "10.98.0.1", virtualIp: "10.97.0.1", osType: "kylin", cpuSpec: "intel", rootPassword: "Root_pw_guard_1" };
    await p.host.create((await p.host.check({}, host)).inputs);
  } catch (e) {
    process.stderr.write("preload: " + (e && e.message) + "\\n");
  }
}, 50);
`,
  );
  // Without the bundle: the host alone, writing progress-like lines to stderr (what the bug looked like).
  writeFileSync(join(dir, "bare.cjs"), `let n = 0;\nsetInterval(() => process.stderr.write("[tpops] Host h: job 1 at " + ++n + "%\\n"), 100);\n`);
  writeFileSync(join(dir, "load-only.cjs"), `require(${JSON.stringify(bundle)});\n`);
  writeFileSync(join(dir, "plain-main.cjs"), `process.stdout.write("ready\\n");\nsetInterval(() => {}, 1000);\n`);
});
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});
afterAll(async () => {
  for (const s of servers) s.close();
  rmSync(dir, { recursive: true, force: true });
  await emu?.close();
});

describe("inside the dynamic-provider host", () => {
  it("control: without the provider, a broken stderr makes the host spin (the bug the guard prevents)", async () => {
    const engine = await fakeEngine();
    const { child } = await startHost({ preload: "bare.cjs", engine: engine.address });
    child.stderr!.destroy(); // the engine is gone: nobody reads stderr any more
    const w = await watch(child, 1_500);
    expect(w.ended).toBe(false);
    expect(w.cpu).toBeGreaterThan(0.5);
  }, 20_000);

  it("a progress line to a broken stderr (EPIPE) ends the process within seconds, without spinning", async () => {
    const engine = await fakeEngine(); // the engine's address stays live: only stderr is broken
    const { child, stderr, exited } = await startHost({ preload: "guarded.cjs", engine: engine.address });
    // Wait until the host add job runs (its progress lines start after a second), then break stderr.
    for (const end = Date.now() + 10_000; !Object.values(emu.ctx.state.data.jobs).some((j) => j.name === "AddHosts" && j.status === "Running"); ) {
      if (Date.now() > end) throw new Error(`the host create never started:\n${stderr()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    child.stderr!.destroy();
    const w = await watch(child, 8_000);
    expect(w.ended, `lived ${w.lived} ms`).toBe(true);
    expect(w.lived).toBeLessThan(5_000);
    expect(w.cpu).toBeLessThan(0.5);
    expect(await exited).toBe(1);
  }, 30_000);

  it("a lost engine (its address refuses connections) ends the process within seconds", async () => {
    const engine = await fakeEngine();
    const { child, stderr, exited } = await startHost({ preload: "guarded.cjs", engine: engine.address });
    await new Promise((r) => setTimeout(r, 1_200)); // the guard has seen the engine alive at least once
    expect(child.exitCode).toBe(null);
    engine.server.close();
    const w = await watch(child, 6_000);
    expect(w.ended, `lived ${w.lived} ms`).toBe(true);
    expect(w.lived).toBeLessThan(3_500);
    expect(await exited).toBe(1);
    expect(stderr()).toMatch(/\[tpops\] engine gone \(127\.0\.0\.1:\d+ refuses connections\): ending the provider process/);
  }, 30_000);
});

describe("outside the dynamic-provider host", () => {
  it("a process that loads the provider gets no guard: a refused engine-like address does not end it", async () => {
    const { child } = await startHost({ preload: "load-only.cjs", engine: "127.0.0.1:9", main: join(dir, "plain-main.cjs") });
    const w = await watch(child, 2_500);
    expect(w.ended).toBe(false);
  }, 20_000);

  it("is detected from the host's script path only", () => {
    expect(inDynamicProviderHost()).toBe(false); // this vitest worker
    expect(inDynamicProviderHost(["node", hostScript, "127.0.0.1:1234"], undefined)).toBe(true);
    expect(inDynamicProviderHost(["node", "/x/node_modules/@pulumi/pulumi/cmd/dynamic-provider", "127.0.0.1:1234"], undefined)).toBe(true);
    expect(inDynamicProviderHost(["node", "/x/index.js"], "/y/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js")).toBe(true);
    expect(inDynamicProviderHost(["node", "/x/node_modules/vitest/dist/workers/forks.js"], "/x/forks.js")).toBe(false);
    expect(parseAddress("127.0.0.1:4711")).toEqual({ host: "127.0.0.1", port: 4711 });
    expect(parseAddress("[::1]:4711")).toEqual({ host: "::1", port: 4711 });
    expect(parseAddress(undefined)).toBeUndefined();
    expect(parseAddress("not-an-address")).toBeUndefined();
  });
});
