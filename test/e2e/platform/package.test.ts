// The package as users get it: `npm pack` of this repository, installed with npm into a fresh project
// outside the repository (so nothing can resolve from the repository's own node_modules), type-checked
// and brought up by the real engine against the emulator over TLS. The project has its own
// @pulumi/pulumi, and the package must share it: exactly one copy ends up in node_modules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { pulumiEnv, repoRoot, requireEngine, toolsBin, type PulumiRun } from "../../helpers/pulumi";
import { platformCounts, SECRETS } from "../helpers";

const lock = JSON.parse(readFileSync(join(repoRoot, "package-lock.json"), "utf8")) as { packages: Record<string, { version: string }> };
/** The versions this repository is tested with; the fresh project pins the same ones (they are in npm's cache). */
const PULUMI_VERSION = lock.packages["node_modules/@pulumi/pulumi"]!.version;
const TYPESCRIPT_VERSION = lock.packages["node_modules/typescript"]!.version;

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import * as tpops from "pulumi-tpops";

const room = new tpops.DataCenter("room", { description: "from the npm tarball" });
const key = new tpops.KeyPair("key", { algorithm: "RSA_2048" });

export const dataCenterId = room.id;
export const dataCenterName = room.name;
export const publicKey = key.publicKey;
export const summary = pulumi.interpolate\`\${room.name} / \${key.name}\`;
`;

/** Runs a command; npm_* variables of an enclosing `npm run` are dropped so npm sees only the project. */
function exec(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 180_000): Promise<PulumiRun & { ms: number }> {
  const started = Date.now();
  const clean = Object.fromEntries(Object.entries(env).filter(([k]) => !/^npm_/i.test(k)));
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd, env: clean, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? -1, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Every installed copy of `name` under `dir/node_modules`, nested ones included. */
function copiesOf(dir: string, name: string): string[] {
  const found: string[] = [];
  const walk = (nm: string) => {
    if (!existsSync(nm)) return;
    for (const entry of readdirSync(nm)) {
      if (entry.startsWith(".")) continue;
      const scoped = entry.startsWith("@");
      for (const pkg of scoped ? readdirSync(join(nm, entry)).map((p) => `${entry}/${p}`) : [entry]) {
        const pkgDir = join(nm, pkg);
        if (!statSync(pkgDir).isDirectory()) continue;
        if (pkg === name) found.push(relative(dir, pkgDir));
        walk(join(pkgDir, "node_modules"));
      }
    }
  };
  walk(join(dir, "node_modules"));
  return found;
}

describe("the npm package installed in a fresh project", () => {
  let emu: TestEmulator;
  let work: string;
  let project: string;
  let env: NodeJS.ProcessEnv;
  let tarball: string;
  let packed: { size: number; unpackedSize: number; files: { path: string; size: number }[] };
  let deployed = false;
  const pulumi = (args: string[]) => exec(join(toolsBin, "pulumi"), [...args, "--non-interactive", ...(args[0] === "stack" && args[1] === "init" ? [] : ["--stack", "test"])], project, env);

  beforeAll(async () => {
    requireEngine();
    if (!existsSync(join(repoRoot, "dist/sdk/index.js")) || !existsSync(join(repoRoot, "dist/provider/index.js"))) {
      throw new Error("dist/ is missing: run 'make build' (or 'make test') first");
    }
    // Outside the repository: Node's resolution from here never reaches the repository's node_modules.
    work = await mkdtemp(join(tmpdir(), "pulumi-tpops-package-"));
    project = join(work, "project");
    const stateDir = join(work, "state");
    await mkdir(project, { recursive: true });
    await mkdir(stateDir, { recursive: true });
    env = pulumiEnv(stateDir);
    emu = await startTestEmulator({ tls: true, timeScale: 0.001 });
  });
  afterAll(async () => {
    if (deployed) await pulumi(["destroy", "--yes", "--skip-preview"]).catch(() => undefined);
    await emu?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("npm pack makes a small tarball with the runtime, declarations, schema and docs", async () => {
    // --ignore-scripts: test the dist/ that `make build` made, without prepack rebuilding it here.
    const r = await exec("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], repoRoot, process.env);
    expect(r.code, r.stderr).toBe(0);
    const info = (JSON.parse(r.stdout) as { filename: string; size: number; unpackedSize: number; files: { path: string; size: number }[] }[])[0]!;
    tarball = join(work, info.filename);
    packed = info;
    expect(existsSync(tarball)).toBe(true);
    const paths = info.files.map((f) => f.path);
    for (const needed of [
      "package.json",
      "README.md",
      "schema.json",
      "docs/reference.md",
      "dist/sdk/index.js",
      "dist/provider/index.js",
      "dist/emulator/index.js",
      "dist/emulator/cli.js",
      "dist/types/sdk/index.d.ts",
      "dist/types/provider/index.d.ts",
      "dist/types/emulator/index.d.ts",
      "dist/stub/data-center.js",
      "dist/stub/host.js",
    ]) {
      expect(paths, needed).toContain(needed);
    }
    // Nothing from development: sources, tests, examples, benchmarks, the unlinked 3.6 MB provider source map.
    expect(paths.filter((p) => /^(test|sdk|provider|emulator|examples|bench|scripts|tools|node_modules)\//.test(p) || /\.ts$/.test(p) && !/\.d\.ts$/.test(p))).toEqual([]);
    expect(paths.filter((p) => /^dist\/(provider|emulator)\/.*\.map$/.test(p))).toEqual([]);
    expect(info.size, `packed ${info.size} bytes`).toBeLessThan(1_500_000);
    expect(info.unpackedSize, `unpacked ${info.unpackedSize} bytes`).toBeLessThan(6_000_000);
  });

  it("installs with npm next to the project's own @pulumi/pulumi, sharing its single copy", async () => {
    expect(tarball, "the pack step ran").toBeDefined();
    // Like `pulumi new typescript`: the project depends on @pulumi/pulumi itself, TypeScript as a dev tool.
    await writeFile(join(project, "package.json"), JSON.stringify({ name: "tpops-package-check", private: true, main: "index.ts", dependencies: { "@pulumi/pulumi": PULUMI_VERSION }, devDependencies: { typescript: TYPESCRIPT_VERSION } }, null, 2));
    await writeFile(join(project, "Pulumi.yaml"), "name: tpops-package-check\nruntime: nodejs\nmain: index.ts\ndescription: pulumi-tpops installed from its npm tarball\n");
    await writeFile(
      join(project, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { strict: true, target: "es2020", module: "commonjs", moduleResolution: "node", skipLibCheck: true, outDir: "bin" }, files: ["index.ts"] }, null, 2),
    );
    await writeFile(join(project, "index.ts"), PROGRAM);

    const r = await exec("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball], project, process.env);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    console.log(`package.test: npm pack ${packed.size} B (${packed.unpackedSize} B unpacked, ${packed.files.length} files); npm install ${(r.ms / 1000).toFixed(1)} s`);

    expect(copiesOf(project, "@pulumi/pulumi")).toEqual([join("node_modules", "@pulumi", "pulumi")]);
    expect(copiesOf(project, "pulumi-tpops")).toEqual([join("node_modules", "pulumi-tpops")]);
    const installed = JSON.parse(readFileSync(join(project, "node_modules/@pulumi/pulumi/package.json"), "utf8")) as { version: string };
    expect(installed.version).toBe(PULUMI_VERSION);
    // A real copy from the tarball (not a link back into the repository), and what `require` finds.
    const resolved = await exec(process.execPath, ["-p", "require.resolve('pulumi-tpops') + '\\n' + require.resolve('pulumi-tpops/provider')"], project, process.env);
    expect(resolved.code, resolved.stderr).toBe(0);
    for (const p of resolved.stdout.trim().split("\n")) {
      expect(realpathSync(p).startsWith(realpathSync(project) + sep), p).toBe(true);
      expect(realpathSync(p).startsWith(repoRoot + sep), p).toBe(false);
    }
    // Bundled runtime: the package needs nothing at run time beyond @pulumi/pulumi (and zod for declarations).
    const manifest = JSON.parse(readFileSync(join(project, "node_modules/pulumi-tpops/package.json"), "utf8")) as { peerDependencies: Record<string, string>; dependencies?: Record<string, string> };
    expect(Object.keys(manifest.peerDependencies)).toEqual(["@pulumi/pulumi"]);
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(["zod"]);
  });

  it("type-checks a strict TypeScript program against the installed declarations", async () => {
    const r = await exec(process.execPath, [join(project, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", project], project, process.env);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const bin = await exec(join(project, "node_modules/.bin/tpops-emulator"), ["--help"], project, process.env);
    expect(bin.code, bin.stderr).toBe(0);
    expect(bin.stdout).toContain("Usage: tpops-emulator");
  });

  it("pulumi up brings the program up on the emulator; a preview then reports no changes", async () => {
    // The CA as a file path, as users pass the one `tpops-emulator --cert-out FILE` (or their CA) writes.
    const caFile = join(work, "tpops-ca.pem");
    await writeFile(caFile, emu.caCert!);
    const init = await pulumi(["stack", "init", "test"]);
    expect(init.code, init.stderr).toBe(0);
    for (const [key, value, secret] of [
      ["tpops:endpoint", emu.url, false],
      ["tpops:username", "admin", false],
      ["tpops:password", SECRETS.tpops, true],
      ["tpops:caCert", caFile, false],
    ] as const) {
      const set = await pulumi(["config", "set", key, value, secret ? "--secret" : "--plaintext"]);
      expect(set.code, set.stderr).toBe(0);
    }
    const up = await pulumi(["up", "--yes", "--skip-preview"]);
    deployed = true;
    console.log(`package.test: pulumi up ${up.code === 0 ? "succeeded" : `failed (${up.code})`} in ${(up.ms / 1000).toFixed(1)} s`);
    expect(up.code, up.stdout + up.stderr).toBe(0);
    expect(up.stdout).toMatch(/3 created/);
    expect(await platformCounts(emu)).toEqual({ dataCenters: 1, keyPairs: 1, hosts: 0, instances: 0 });

    const out = await pulumi(["stack", "output", "--json"]);
    const outputs = JSON.parse(out.stdout) as Record<string, string>;
    expect(outputs.publicKey).toMatch(/^ssh-rsa /);
    expect(outputs.summary).toMatch(/^room\S* \/ key\S*$/);
    const state = await emu.control.state();
    expect(state.dataCenters.map((d: { id: string }) => d.id)).toEqual([outputs.dataCenterId]);

    // The provider in state is a require of the installed package's stub module (docs/architecture.md, the stub
    // rule), named through the package's exports: a few hundred bytes.
    const exported = await pulumi(["stack", "export"]);
    const stubs = (JSON.parse(exported.stdout) as { deployment: { resources: { type: string; outputs?: { __provider?: string } }[] } }).deployment.resources
      .filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"))
      .map((r) => r.outputs?.__provider ?? "");
    expect(stubs).toHaveLength(2);
    for (const s of stubs) {
      expect(s).toMatch(/require\("pulumi-tpops\/dist\/stub\/(data-center|key-pair)\.js"\)/);
      expect(Buffer.byteLength(s)).toBeLessThanOrEqual(512);
    }

    const preview = await pulumi(["preview", "--expect-no-changes"]);
    expect(preview.code, preview.stdout + preview.stderr).toBe(0);
  });

  it("pulumi destroy removes everything from the platform", async () => {
    const destroy = await pulumi(["destroy", "--yes", "--skip-preview"]);
    expect(destroy.code, destroy.stdout + destroy.stderr).toBe(0);
    deployed = false;
    expect(await platformCounts(emu)).toEqual({ dataCenters: 0, keyPairs: 0, hosts: 0, instances: 0 });
  });
});
