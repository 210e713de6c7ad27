// Build: generated files, type-check, esbuild bundles (provider runtime, sdk, emulator) and declarations.
// Usage: node scripts/build.mjs [--no-typecheck]
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, chmodSync, renameSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = new Set(process.argv.slice(2));
const started = Date.now();
const run = (cmd, argv) => execFileSync(cmd, argv, { cwd: root, stdio: "inherit" });

// 1. Generated sources (sdk/types.gen.ts, docs) from schema.json.
if (existsSync(join(root, "scripts/gen.mjs"))) run(process.execPath, ["scripts/gen.mjs"]);

// 2. Type-check everything (tests included), then emit declarations for the published entry points.
if (!args.has("--no-typecheck")) run(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json", "--noEmit"]);
// Everything is written to a fresh folder that replaces dist/ at the end, so a test or a `pulumi up` that
// uses dist/ while a build runs never sees it half written or missing.
const out = join(root, `.dist-build-${process.pid}`);
rmSync(out, { recursive: true, force: true });
if (existsSync(join(root, "tsconfig.build.json"))) {
  run(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", join(out, "types")]);
}

// 3. Bundles. The provider runtime is one file so the dynamic-provider process starts fast and the
//    serialized stubs only need `require("pulumi-tpops/provider")` (ARCHITECTURE.md, serialization rule).
const common = { bundle: true, platform: "node", format: "cjs", target: "node20", sourcemap: "linked", logLevel: "warning" };
const entries = [
  // The provider's map is written but not linked: the source-map-support that Pulumi's dynamic-provider
  // host installs would otherwise parse its 3.6 MB at the first error stack in every provider process
  // (~0.25 s of CPU per `pulumi up`/`refresh`, measured by bench/). Map stacks by hand with it if needed.
  { in: "provider/index.ts", out: "dist/provider/index.js", external: ["@pulumi/pulumi"], sourcemap: "external" },
  { in: "sdk/index.ts", out: "dist/sdk/index.js", external: ["@pulumi/pulumi", "pulumi-tpops", "pulumi-tpops/*"] },
  { in: "emulator/index.ts", out: "dist/emulator/index.js", external: [] },
  // tpops-emulator: a few lines (emulator/bin.ts) that run emulator/cli.ts from the emulator bundle.
  { in: "emulator/bin.ts", out: "dist/emulator/cli.js", external: [], banner: { js: "#!/usr/bin/env node" }, sourcemap: false },
  // tpops-import: a few lines (provider/import/bin.ts) that run provider/import/cli.ts from the runtime bundle.
  { in: "provider/import/bin.ts", out: "dist/import/cli.js", external: ["@pulumi/pulumi"], banner: { js: "#!/usr/bin/env node" }, sourcemap: false },
  // tpops: a few lines (provider/cli/bin.ts) that run provider/cli/tpops.ts (DR failover, switchover, fail-back)
  // from the runtime bundle.
  { in: "provider/cli/bin.ts", out: "dist/cli/tpops.js", external: ["@pulumi/pulumi"], banner: { js: "#!/usr/bin/env node" }, sourcemap: false },
  // One stub module per resource kind (sdk/stubs/<kind>.gen.ts → dist/stub/<kind>.js): the objects the SDK classes
  // hand to Pulumi, which its serializer writes into the state as `require("pulumi-tpops/dist/stub/<kind>.js")`.
  // No source map: the file is the few lines of sdk/stubs/methods.ts, loaded in every provider process.
  ...(existsSync(join(root, "sdk/stubs")) ? readdirSync(join(root, "sdk/stubs")) : [])
    .filter((f) => f.endsWith(".gen.ts"))
    .map((f) => ({ in: `sdk/stubs/${f}`, out: `dist/stub/${f.replace(/\.gen\.ts$/, ".js")}`, external: ["pulumi-tpops", "pulumi-tpops/*"], sourcemap: false })),
].filter((e) => existsSync(join(root, e.in)));
await Promise.all(
  entries.map((e) =>
    build({ ...common, entryPoints: [join(root, e.in)], outfile: join(out, e.out.replace(/^dist\//, "")), external: e.external, banner: e.banner, ...(e.sourcemap !== undefined ? { sourcemap: e.sourcemap } : {}) }),
  ),
);
if (existsSync(join(out, "emulator/cli.js"))) chmodSync(join(out, "emulator/cli.js"), 0o755);
if (existsSync(join(out, "import/cli.js"))) chmodSync(join(out, "import/cli.js"), 0o755);
if (existsSync(join(out, "cli/tpops.js"))) chmodSync(join(out, "cli/tpops.js"), 0o755);
const old = join(root, `.dist-old-${process.pid}`);
if (existsSync(join(root, "dist"))) renameSync(join(root, "dist"), old);
renameSync(out, join(root, "dist"));
rmSync(old, { recursive: true, force: true });
console.log(`build: ${entries.filter((e) => !e.out.startsWith("dist/stub/")).map((e) => e.out).join(", ")}, dist/stub/*.js in ${((Date.now() - started) / 1000).toFixed(1)}s`);
