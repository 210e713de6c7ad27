// Trust, item 3 (with the real engine): `kill -9` of `pulumi up` while a host add job and then an instance
// create job runs, then what a user does next (`pulumi cancel`, `pulumi refresh --clear-pending-creates`,
// `pulumi up`), ends with exactly the declared objects, all in state: no orphan, no duplicate, no `adopt`.
// Also: the name `pulumi preview` shows is the name `pulumi up` creates, and the pending operations the
// killed run leaves in state hold no password in plain text (item 1).
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { pulumiEnv, toolsBin, type TestProject } from "../../helpers/pulumi";
import { expectNoIgnoredFields, programProject } from "../helpers";

let emu: TestEmulator;
let p: TestProject;
const ROOT_PW = "Plain_root_pw_9931";
const DB_PW = "Plain_db_pw_9931x";

// Passwords written as plain string literals: the SDK must make them secret by itself (schema.json `secret`).
const program = `
import * as tpops from "pulumi-tpops";
const dc = new tpops.DataCenter("room");
const hosts = ["10.71.0.1", "10.71.0.2", "10.71.0.3"].map((ip, i) => new tpops.Host("node-" + (i + 1), {
  dataCenterId: dc.id, manageIp: ip, dataIp: ip.replace("10.71", "10.72"), virtualIp: ip.replace("10.71", "10.73"),
  osType: "kylin", cpuSpec: "intel", rootPassword: "${ROOT_PW}",
}));
const db = new tpops.Instance("orders-db", {
  solution: "triset", manageIps: hosts.map((h) => h.manageIp), osType: "kylin", cpuSpec: "intel", arch: "x86",
  password: "${DB_PW}",
});
export const instanceName = db.name;
export const hostNames = hosts.map((h) => h.name);
`;

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 0.001 });
  p = await programProject("interrupted", program, emu);
});
afterAll(async () => {
  killLeftovers();
  await p?.dispose();
  await emu?.close();
});

/** Every process whose working directory is the project folder (program, language host, provider). */
function projectProcesses(): number[] {
  const pids: number[] = [];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readlinkSync(`/proc/${d}/cwd`).startsWith(p.dir)) pids.push(Number(d));
    } catch {
      /* gone, or not ours */
    }
  }
  return pids;
}

function killLeftovers(): void {
  for (const pid of p ? projectProcesses() : []) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
}

/** `pulumi up` as a user starts it, killed with SIGKILL once `when` holds on the platform. */
async function upKilledWhen(when: (s: Awaited<ReturnType<TestEmulator["control"]["state"]>>) => boolean): Promise<string> {
  const child: ChildProcess = spawn(join(toolsBin, "pulumi"), ["up", "--yes", "--skip-preview", "--non-interactive", "--stack", p.stack], {
    cwd: p.dir,
    env: pulumiEnv(p.stateDir),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => child.on("close", () => r()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (when(await emu.control.state())) break;
    if (Date.now() > deadline) throw new Error(`the awaited platform state never came:\n${out}`);
    if (child.exitCode !== null) throw new Error(`pulumi up ended before it could be killed:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill("SIGKILL");
  await exited;
  // The orphaned program and provider processes end by themselves (item 4); make sure of it before going on.
  const until = Date.now() + 15_000;
  while (projectProcesses().length && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
  killLeftovers();
  return out;
}

/** Ids of every tpops resource in the state, and the pending operations. */
async function state(): Promise<{ text: string; ids: string[]; pending: { type: string; resource: { urn: string } }[] }> {
  const text = await p.exportState();
  const s = JSON.parse(text) as { deployment: { resources?: { type: string; id?: string }[]; pending_operations?: { type: string; resource: { urn: string } }[] } };
  return { text, ids: (s.deployment.resources ?? []).filter((r) => r.type.includes("dynamic/tpops:") && r.id).map((r) => r.id!), pending: s.deployment.pending_operations ?? [] };
}

/** What a user runs after a killed `pulumi up`, then the rerun. */
async function recover(): Promise<string> {
  await p.run(["cancel", "--yes"]); // the file backend may hold no lock: an error here is fine
  const refresh = await p.run(["refresh", "--yes", "--skip-preview", "--clear-pending-creates"]);
  expect(refresh.code, refresh.stdout + refresh.stderr).toBe(0);
  const up = await p.up();
  expect(up.code, up.stdout + up.stderr).toBe(0);
  return up.stdout + up.stderr;
}

async function orphansAndDuplicates() {
  const { ids } = await state();
  const s = await emu.control.state();
  const platform = [...s.dataCenters, ...s.hosts, ...s.instances].map((o: { id: string }) => o.id);
  return { orphans: platform.filter((id) => !ids.includes(id)), counts: { dataCenters: s.dataCenters.length, hosts: s.hosts.length, instances: s.instances.length } };
}

describe("an interrupted pulumi up converges", () => {
  it("shows at preview the names up creates", async () => {
    const r = await p.run(["preview", "--json"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const steps = (JSON.parse(r.stdout) as { steps: { urn: string; newState?: { inputs?: Record<string, unknown> } }[] }).steps;
    const planned = Object.fromEntries(steps.filter((s) => s.newState?.inputs?.name).map((s) => [s.urn.split("::").pop(), s.newState!.inputs!.name]));
    expect(planned["orders-db"]).toMatch(/^orders-db-[0-9a-f]{6}$/);
    // Stored for the last test: the names up finally creates must be these.
    (globalThis as { plannedNames?: Record<string, unknown> }).plannedNames = planned;
  });

  it("killed during a host add job, then cancel, refresh --clear-pending-creates and up: every host once, all in state", async () => {
    await emu.control.setTimeScale(0.05); // a host add takes 3 s
    const out = await upKilledWhen((s) => s.hosts.some((h: { status: string }) => h.status === "initializing"));
    const killed = await state();
    expect(killed.pending.length, out).toBeGreaterThan(0);
    // The pending operations carry the create's inputs: the plain-text passwords must not be among them.
    expect(killed.text).not.toContain(ROOT_PW);
    expect(killed.text).not.toContain(DB_PW);

    await emu.control.setTimeScale(0.001);
    const log = await recover();
    expect(log).toMatch(/continuing with host .* which an interrupted run of this stack added/);
    const { orphans, counts } = await orphansAndDuplicates();
    expect(orphans).toEqual([]);
    expect(counts).toEqual({ dataCenters: 1, hosts: 3, instances: 1 });
  });

  it("killed during the instance create job: the rerun continues with that instance instead of failing on its hosts", async () => {
    const d = await p.destroy();
    expect(d.code, d.stdout + d.stderr).toBe(0);
    expect((await orphansAndDuplicates()).counts).toEqual({ dataCenters: 0, hosts: 0, instances: 0 });

    await emu.control.setTimeScale(0.004); // the instance create takes about 5 s
    const out = await upKilledWhen((s) => s.instances.some((i: { status: string }) => i.status === "BUILD"));
    const killed = await state();
    expect(killed.pending.map((o) => o.resource.urn).join(" "), out).toContain("tpops:Instance::orders-db");
    expect(killed.text).not.toContain(DB_PW);
    expect(killed.text).not.toContain(ROOT_PW);

    const log = await recover();
    expect(log).toMatch(/continuing with Instance .* which an interrupted run of this stack created/);
    expect(log).not.toContain("DBS.06025015");
    const { orphans, counts } = await orphansAndDuplicates();
    expect(orphans).toEqual([]);
    expect(counts).toEqual({ dataCenters: 1, hosts: 3, instances: 1 });
    const live = (await emu.control.state()).instances[0] as { name: string; status: string };
    expect(live.status).toBe("ACTIVE");
    const planned = (globalThis as { plannedNames?: Record<string, unknown> }).plannedNames ?? {};
    expect(live.name).toBe(planned["orders-db"]);
    const outputs = await p.outputs();
    expect(outputs.instanceName).toBe(planned["orders-db"]);
    expect(outputs.hostNames).toEqual(["node-1", "node-2", "node-3"].map((n) => planned[n]));

    const again = await p.preview(["--expect-no-changes"]);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    await emu.control.setTimeScale(0.001);
    expect((await p.destroy()).code).toBe(0);
    expect((await orphansAndDuplicates()).counts).toEqual({ dataCenters: 0, hosts: 0, instances: 0 });
    await expectNoIgnoredFields(emu);
  });
});
