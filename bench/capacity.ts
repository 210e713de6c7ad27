/**
 * Emulator capacity: simple authenticated GETs per second on loopback with keep-alive, against an emulator
 * running in its own process (`node dist/emulator/cli.js --no-tls --port 0 --quiet`), driven by an undici
 * Pool from this process. Target ≥ 3,000/s on 2 cores.
 *
 * Not a test. Run by `make bench`, or by hand (after `make build`):
 *   npx esbuild bench/capacity.ts --bundle --platform=node --format=cjs --outfile=.tmp/bench/capacity.cjs && node .tmp/bench/capacity.cjs
 * Env: BENCH_CAPACITY_SECONDS (default 4), BENCH_CAPACITY_CONCURRENCY (default 32).
 */
import { spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { Pool } from "undici";
import { writeSummary } from "./summary";

const repoRoot = resolve(__dirname, "../..");

interface Phase {
  route: string;
  requests: number;
  seconds: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
}

async function startEmulatorProcess(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [join(repoRoot, "dist/emulator/cli.js"), "--no-tls", "--port", "0", "--quiet"], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((res, rej) => {
    let buf = "";
    const timer = setTimeout(() => rej(new Error("emulator did not start within 15 s")), 15_000);
    child.stdout!.on("data", (d: Buffer) => {
      buf += d.toString();
      const m = /listening on (\S+)/.exec(buf);
      if (m) {
        clearTimeout(timer);
        res(m[1]!);
      }
    });
    child.on("exit", (code) => rej(new Error(`emulator exited with ${code}`)));
  });
  return { url, stop: () => child.kill("SIGTERM") };
}

async function hammer(pool: Pool, path: string, headers: Record<string, string>, seconds: number, concurrency: number): Promise<Phase> {
  const lat: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const s = performance.now();
        const r = await pool.request({ method: "GET", path, headers });
        await r.body.text();
        if (r.statusCode !== 200) errors++;
        lat.push(performance.now() - s);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  return { route: path, requests: lat.length, seconds: elapsed, errors, p50Ms: lat[Math.floor(lat.length / 2)] ?? 0, p99Ms: lat[Math.floor(lat.length * 0.99)] ?? 0 };
}

/** Measures and returns the Markdown section. */
export async function main(): Promise<string> {
  const seconds = Number(process.env.BENCH_CAPACITY_SECONDS ?? 4);
  const concurrency = Number(process.env.BENCH_CAPACITY_CONCURRENCY ?? 32);
  const emu = await startEmulatorProcess();
  const u = new URL(emu.url);
  const pool = new Pool(u.origin, { connections: concurrency, pipelining: 1, keepAliveTimeout: 30_000 });
  try {
    const login = await pool.request({
      method: "POST",
      path: `${u.pathname}/v3/auth/mini-token`,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: "Admin@123" }),
    });
    await login.body.text();
    const token = String(login.headers["x-mini-token"] ?? "");
    if (!token) throw new Error(`login failed: ${login.statusCode}`);
    const dc = await pool.request({
      method: "POST",
      path: `${u.pathname}/gaussdb/v3/data-centers`,
      headers: { "content-type": "application/json", "x-mini-token": token },
      body: JSON.stringify({ data_centers: [{ name: "cap-az" }] }),
    });
    await dc.body.text();
    const headers = { "x-mini-token": token };
    // Warm-up (JIT, sockets), then the measured phases.
    await hammer(pool, `${u.pathname}/gaussdb/v3/data-centers`, headers, 1, concurrency);
    const phases = [
      await hammer(pool, `${u.pathname}/gaussdb/v3/data-centers`, headers, seconds, concurrency),
      await hammer(pool, `${u.pathname}/gaussdb/v3/hosts/specifications`, headers, seconds, concurrency),
    ];
    const lines = [
      "## Emulator capacity (separate process, loopback, keep-alive)",
      "",
      `undici Pool of ${concurrency} keep-alive connections, ${concurrency} requests in flight, ${seconds} s per route after a 1 s warm-up; every request carries a token. Target ≥ 3,000 GET/s on 2 cores.`,
      "",
      "| route | requests | GET/s | non-200 | p50 ms | p99 ms |",
      "|---|---:|---:|---:|---:|---:|",
      ...phases.map((p) => `| GET ${p.route} | ${p.requests} | ${Math.round(p.requests / p.seconds)} | ${p.errors} | ${p.p50Ms.toFixed(1)} | ${p.p99Ms.toFixed(1)} |`),
      "",
      "Client and emulator share the machine's cores, so the figure is a floor for the emulator alone.",
      "",
    ];
    const report = lines.join("\n");
    const best = Math.round(phases[0]!.requests / phases[0]!.seconds);
    writeSummary("capacity", [{ figure: "emulator: simple GETs per second (separate process, keep-alive)", value: `${best}/s`, target: "≥ 3,000/s on 2 cores", met: best >= 3000 }]);
    process.stdout.write(report);
    return report;
  } finally {
    await pool.close();
    emu.stop();
  }
}

if (typeof require !== "undefined" && require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
