/**
 * Benchmarks through the real Pulumi engine (.tools/bin) against an in-process emulator:
 * 1. requests per operation (emulator counters): logins per `pulumi up`, requests per create / refresh /
 *    update / delete, by route; one-resource `refresh --target` per kind;
 * 2. state size: bytes of `__provider` and of the whole state entry per resource (`pulumi stack export`);
 * 3. scale: `up` and `refresh` of N DataCenter/KeyPair/Host resources (instant jobs) against the same
 *    program built on a no-op dynamic resource (the engine's own cost), as ratios taken in the same run;
 * 4. parallelism: 8 and 16 single-node instances created in one `up`, against one.
 *
 * Not a test (no assertions). Run by `make bench` (scripts/bench.mjs bundles it), or by hand:
 *   npx esbuild bench/engine.ts --bundle --platform=node --format=cjs --outfile=.tmp/bench/engine.cjs && node .tmp/bench/engine.cjs
 * Env: BENCH_SCALE_N (default "10,50,200"), BENCH_REFRESH_N (default "500": refresh-only sizes),
 *      BENCH_SECTIONS (default "requests,scale,parallel").
 */
import { startTestEmulator, type TestEmulator } from "../test/helpers/emulator";
import { TestProject, type PulumiRun } from "../test/helpers/pulumi";

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
const TPOPS_PASSWORD = "Admin@123";
const ROOT_PASSWORD = "Root_pw_bench_4821";

async function timed(what: string, f: () => Promise<PulumiRun>): Promise<number> {
  const t0 = performance.now();
  const r = await f();
  const s = (performance.now() - t0) / 1000;
  if (r.code !== 0) throw new Error(`${what} failed (${r.code}):\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  log(`${what}: ${s.toFixed(1)} s`);
  return s;
}

async function newProject(name: string, program: string, emu: TestEmulator, config: Record<string, string> = {}): Promise<TestProject> {
  const p = await TestProject.create(name, { "Pulumi.yaml": `name: ${name}\nruntime: nodejs\nmain: index.ts\n`, "index.ts": program });
  await p.setConfig("tpops:endpoint", emu.url);
  await p.setConfig("tpops:username", "admin");
  await p.setConfig("tpops:password", TPOPS_PASSWORD, true);
  await p.setConfig("rootPassword", ROOT_PASSWORD, true);
  await p.setConfig("dbPassword", "Gauss_2345x", true);
  for (const [k, v] of Object.entries(config)) await p.setConfig(k, v);
  return p;
}

type Counters = Awaited<ReturnType<TestEmulator["control"]["requests"]>>;

function routeSummary(c: Counters): string {
  const by = new Map<string, number>();
  for (const r of c.byRoute) by.set(`${r.method} ${r.route}`, (by.get(`${r.method} ${r.route}`) ?? 0) + r.count);
  return [...by].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n}× ${k}`).join("; ");
}

// ---------------------------------------------------------------- 1 + 2: requests per operation, state size

const opsProgram = `
import * as pulumi from "@pulumi/pulumi";
import * as tpops from "pulumi-tpops";
const cfg = new pulumi.Config();
const desc = cfg.get("desc") ?? "v1";
const dc = new tpops.DataCenter("room", { description: desc });
const key = new tpops.KeyPair("key", { algorithm: "RSA_2048", description: desc });
const host = new tpops.Host("h1", {
  osType: "kylin", cpuSpec: "intel", manageIp: "10.30.0.1", dataIp: "10.31.0.1", virtualIp: "10.32.0.1",
  dataCenterId: dc.id, sshKeyId: key.id, description: desc,
});
const db = new tpops.Instance("db", {
  osType: "kylin", cpuSpec: "intel", arch: "x86", solution: "single", password: cfg.requireSecret("dbPassword"),
  manageIps: [host.manageIp],
});
export const ids = [dc.id, key.id, host.id, db.id];
`;

interface OpsResult {
  rows: { op: string; logins: number; requests: number; routes: string }[];
  refreshOne: { kind: string; requests: number; logins: number; routes: string }[];
  state: { kind: string; providerBytes: number; entryBytes: number }[];
}

async function measureOps(): Promise<OpsResult> {
  const emu = await startTestEmulator({ timeScale: 0.0001 });
  const p = await newProject("bench-ops", opsProgram, emu);
  const rows: OpsResult["rows"] = [];
  const step = async (op: string, f: () => Promise<PulumiRun>) => {
    await emu.control.clearRequests();
    await timed(op, f);
    const c = await emu.control.requests();
    rows.push({ op, logins: c.logins, requests: c.total, routes: routeSummary(c) });
  };
  try {
    await step("`pulumi up` (create DC, key pair, host, single instance)", () => p.up());
    const exported = JSON.parse(await p.exportState()) as { deployment: { resources: { type: string; urn: string; outputs?: Record<string, unknown> }[] } };
    const dyn = exported.deployment.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic"));
    const state = dyn.map((r) => ({
      kind: r.urn.split("::").pop()!,
      providerBytes: Buffer.byteLength(String(r.outputs?.__provider ?? "")),
      entryBytes: Buffer.byteLength(JSON.stringify(r)),
    }));
    await step("`pulumi up` (no changes)", () => p.up());
    await step("`pulumi refresh` (4 resources)", () => p.run(["refresh", "--yes", "--skip-preview"]));
    const refreshOne: OpsResult["refreshOne"] = [];
    for (const r of dyn) {
      await emu.control.clearRequests();
      await timed(`refresh ${r.urn.split("::").pop()}`, () => p.run(["refresh", "--yes", "--skip-preview", "--target", r.urn]));
      const c = await emu.control.requests();
      refreshOne.push({ kind: r.urn.split("::").pop()!, requests: c.total - c.logins, logins: c.logins, routes: routeSummary(c) });
    }
    await p.setConfig("desc", "v2");
    await step("`pulumi up` (update descriptions of DC, key pair, host in place)", () => p.up());
    await step("`pulumi destroy` (all 4)", () => p.destroy());
    return { rows, refreshOne, state };
  } finally {
    await p.dispose();
    await emu.close();
  }
}

// ---------------------------------------------------------------- 3: scale against a no-op dynamic resource

/** The scale program: `n` resources (data centers, ≤ 4 key pairs, hosts), real or no-op. */
function scaleProgram(noop: boolean): string {
  const classes = noop
    ? `
const noop: pulumi.dynamic.ResourceProvider = {
  async create(inputs) { return { id: require("crypto").randomUUID(), outs: inputs }; },
  async read(id, props) { return { id, props }; },
};
class Noop extends pulumi.dynamic.Resource { declare readonly id: pulumi.Output<string>; constructor(n: string, a: any) { super(noop, n, a); } }
const DataCenter = Noop, KeyPair = Noop, Host = Noop;`
    : `const { DataCenter, KeyPair, Host } = tpops;`;
  return `
import * as pulumi from "@pulumi/pulumi";
import * as tpops from "pulumi-tpops";
${classes}
const cfg = new pulumi.Config();
const n = cfg.requireNumber("n");
const kp = Math.min(4, Math.ceil(n / 20));
const dcs = Math.ceil(n / 10);
const hosts = n - kp - dcs;
const dcList = Array.from({ length: dcs }, (_, i) => new DataCenter("dc" + i, { description: "room " + i }));
const keys = Array.from({ length: kp }, (_, i) => new KeyPair("key" + i, { algorithm: "RSA_2048" }));
for (let i = 0; i < hosts; i++) {
  const a = Math.floor(i / 250), b = (i % 250) + 1;
  new Host("h" + i, {
    osType: "kylin", cpuSpec: "intel",
    manageIp: "10.40." + a + "." + b, dataIp: "10.41." + a + "." + b, virtualIp: "10.42." + a + "." + b,
    dataCenterId: dcList[i % dcs]!.id, sshKeyId: keys[i % kp]!.id,
  });
}
`;
}

interface ScaleRow {
  n: number;
  upProvider?: number;
  upNoop?: number;
  refreshProvider: number;
  refreshNoop: number;
  stateBytesPerResource: number;
  providerBytes: number;
}

async function measureScale(sizes: number[], refreshOnly: number[]): Promise<ScaleRow[]> {
  const emu = await startTestEmulator({ timeScale: 0.000001 });
  const rows: ScaleRow[] = [];
  try {
    for (const n of [...sizes, ...refreshOnly]) {
      await emu.control.reset();
      const real = await newProject(`bench-scale-${n}`, scaleProgram(false), emu, { n: String(n) });
      const noop = await newProject(`bench-noop-${n}`, scaleProgram(true), emu, { n: String(n) });
      try {
        const upNoop = await timed(`up no-op N=${n}`, () => noop.up());
        const upProvider = await timed(`up provider N=${n}`, () => real.up());
        const refreshProvider = await timed(`refresh provider N=${n}`, () => real.run(["refresh", "--yes", "--skip-preview"]));
        const refreshNoop = await timed(`refresh no-op N=${n}`, () => noop.run(["refresh", "--yes", "--skip-preview"]));
        const exported = JSON.parse(await real.exportState()) as { deployment: { resources: { type: string; outputs?: Record<string, unknown> }[] } };
        const dyn = exported.deployment.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic"));
        rows.push({
          n,
          ...(refreshOnly.includes(n) && !sizes.includes(n) ? {} : { upProvider, upNoop }),
          refreshProvider,
          refreshNoop,
          stateBytesPerResource: Math.round(dyn.reduce((a, r) => a + Buffer.byteLength(JSON.stringify(r)), 0) / dyn.length),
          providerBytes: Math.max(...dyn.map((r) => Buffer.byteLength(String(r.outputs?.__provider ?? "")))),
        });
      } finally {
        await real.dispose();
        await noop.dispose();
      }
    }
  } finally {
    await emu.close();
  }
  return rows;
}

// ---------------------------------------------------------------- 4: parallel instance creation

const parallelProgram = `
import * as pulumi from "@pulumi/pulumi";
import * as tpops from "pulumi-tpops";
const cfg = new pulumi.Config();
const count = cfg.requireNumber("instances");
const dc = new tpops.DataCenter("par", {});
const hosts = Array.from({ length: 25 }, (_, i) => new tpops.Host("ph" + i, {
  osType: "kylin", cpuSpec: "intel", manageIp: "10.50.0." + (i + 1), dataIp: "10.51.0." + (i + 1), virtualIp: "10.52.0." + (i + 1),
  dataCenterId: dc.id, rootPassword: cfg.requireSecret("rootPassword"),
}));
for (let i = 0; i < count; i++) {
  new tpops.Instance("pdb" + i, {
    osType: "kylin", cpuSpec: "intel", arch: "x86", solution: "single", password: cfg.requireSecret("dbPassword"),
    manageIps: [hosts[i]!.manageIp],
  });
}
`;

interface ParallelResult {
  jobS: number;
  noChange: number;
  one: number;
  rows: { k: number; wall: number; jobSpreadS: number }[];
}

async function measureParallel(): Promise<ParallelResult> {
  // A single-node create is 21 platform minutes; at this scale it lasts ~5 s.
  const scale = 0.004;
  const jobS = 21 * 60 * scale;
  const emu = await startTestEmulator({ timeScale: 0.0001 });
  const p = await newProject("bench-parallel", parallelProgram, emu, { instances: "0" });
  try {
    await timed("parallel: hosts", () => p.up());
    await emu.control.setTimeScale(scale);
    const noChange = await timed("parallel: no-change up", () => p.up());
    const rows: ParallelResult["rows"] = [];
    let one = 0;
    let total = 0;
    for (const k of [1, 8, 16]) {
      total += k;
      await p.setConfig("instances", String(total));
      const wall = await timed(`parallel: ${k} instance(s)`, () => p.up());
      const jobs = (await emu.control.state()).jobs.filter((j: { name: string }) => j.name === "CreateGaussDBV5Instance").slice(-k);
      const created = jobs.map((j: { created: number }) => j.created);
      if (k === 1) one = wall;
      rows.push({ k, wall, jobSpreadS: (Math.max(...created) - Math.min(...created)) / 1000 });
    }
    return { jobS, noChange, one, rows };
  } finally {
    await p.dispose();
    await emu.close();
  }
}

// ---------------------------------------------------------------- report

const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);

/** Runs the selected sections and returns the Markdown. */
export async function main(): Promise<string> {
  const sections = new Set((process.env.BENCH_SECTIONS ?? "requests,scale,parallel").split(","));
  const sizes = (process.env.BENCH_SCALE_N ?? "10,50,200").split(",").filter(Boolean).map(Number);
  const refreshOnly = (process.env.BENCH_REFRESH_N ?? "500").split(",").filter(Boolean).map(Number);
  const out: string[] = [];
  if (sections.has("requests")) {
    const r = await measureOps();
    out.push(
      "## Requests per operation (emulator counters, real engine)",
      "",
      "One stack: DataCenter, KeyPair, Host (by key), single-node Instance. Target: exactly 1 login per `pulumi up`.",
      "",
      "| operation | logins (target 1) | requests | by route |",
      "|---|---:|---:|---|",
      ...r.rows.map((x) => `| ${x.op} | ${x.logins} | ${x.requests} | ${x.routes} |`),
      "",
      "`pulumi refresh --target <urn>` of one resource (target: 1 GET; at most 2 for an Instance):",
      "",
      "| resource | API requests (without login) | logins | by route |",
      "|---|---:|---:|---|",
      ...r.refreshOne.map((x) => `| ${x.kind} | ${x.requests} | ${x.logins} | ${x.routes} |`),
      "",
      "## State size per resource (`pulumi stack export`)",
      "",
      "| resource | `__provider` bytes (target ≤ 4096) | whole state entry bytes |",
      "|---|---:|---:|",
      ...r.state.map((x) => `| ${x.kind} | ${x.providerBytes} | ${x.entryBytes} |`),
      "",
    );
  }
  if (sections.has("scale")) {
    const rows = await measureScale(sizes, refreshOnly);
    out.push(
      "## Scale: provider vs. a no-op dynamic resource (same program shape, same run)",
      "",
      "N resources: ⌈N/10⌉ DataCenters, min(4, ⌈N/20⌉) KeyPairs, the rest Hosts (by key, instant jobs: time scale 1e-6). Wall seconds of the `pulumi` command.",
      "Targets: `up` at 200 ≤ 1.3× the no-op; `refresh` at 500 ≤ 1.2×.",
      "",
      "| N | up provider | up no-op | up ratio | refresh provider | refresh no-op | refresh ratio | state bytes / resource | max `__provider` bytes |",
      "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
      ...rows.map(
        (x) =>
          `| ${x.n} | ${x.upProvider === undefined ? "–" : f1(x.upProvider)} | ${x.upNoop === undefined ? "–" : f1(x.upNoop)} | ${x.upProvider === undefined ? "–" : `${f2(x.upProvider / x.upNoop!)}×`} | ${f1(x.refreshProvider)} | ${f1(x.refreshNoop)} | ${f2(x.refreshProvider / x.refreshNoop)}× | ${x.stateBytesPerResource} | ${x.providerBytes} |`,
      ),
      "",
      growth(rows),
      "",
    );
  }
  if (sections.has("parallel")) {
    const r = await measureParallel();
    out.push(
      "## Parallelism: independent single-node instances in one `pulumi up`",
      "",
      `Each instance create job lasts ${f1(r.jobS)} s (21 platform minutes at time scale 0.004); hosts exist already. ` +
        `A no-change \`up\` of the same stack takes ${f1(r.noChange)} s (engine overhead). Target: k instances ≤ 1.2× one.`,
      "",
      "| instances created | wall s | × one instance's `up` | (wall − no-change up) / job | spread of job starts |",
      "|---:|---:|---:|---:|---:|",
      ...r.rows.map((x) => `| ${x.k} | ${f1(x.wall)} | ${f2(x.wall / r.one)}× | ${f2((x.wall - r.noChange) / r.jobS)}× | ${f2(x.jobSpreadS)} s |`),
      "",
    );
  }
  const report = out.join("\n");
  process.stdout.write(report);
  return report;
}

function growth(rows: ScaleRow[]): string {
  const ups = rows.filter((r) => r.upProvider !== undefined);
  if (ups.length < 2) return "";
  const a = ups[0]!;
  const b = ups.at(-1)!;
  const perRes = (t: number, t0: number, n: number, n0: number) => ((t - t0) / (n - n0)) * 1000;
  const ra = rows[0]!;
  const rb = rows.at(-1)!;
  return (
    `Growth: \`up\` costs ${f1(perRes(b.upProvider!, a.upProvider!, b.n, a.n))} ms per extra resource with the provider vs ${f1(perRes(b.upNoop!, a.upNoop!, b.n, a.n))} ms no-op ` +
    `(N ${a.n}→${b.n}); \`refresh\` ${f1(perRes(rb.refreshProvider, ra.refreshProvider, rb.n, ra.n))} ms vs ${f1(perRes(rb.refreshNoop, ra.refreshNoop, rb.n, ra.n))} ms (N ${ra.n}→${rb.n}).`
  );
}

if (typeof require !== "undefined" && require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
