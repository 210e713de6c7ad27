// The serialization rule (ARCHITECTURE.md): every SDK stub serializes small, captures nothing but its
// kind, and works when deserialized in a fresh Node process, as the engine's dynamic-provider host does.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { existsSync } from "node:fs";
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../helpers/emulator";
import { repoRoot } from "../helpers/pulumi";

const sdkPath = join(repoRoot, "dist/sdk/index.js");
const providerPath = join(repoRoot, "dist/provider/index.js");

function builtKinds(): string[] {
  if (!existsSync(sdkPath) || !existsSync(providerPath)) throw new Error("dist/ is missing: run 'make build' first");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const runtime = require(providerPath) as Record<string, unknown>;
  return Object.keys(runtime).filter((k) => k !== "configure" && typeof (runtime[k] as { check?: unknown }).check === "function");
}

describe("serialized provider stubs", () => {
  let emu: TestEmulator;
  let dir: string;
  beforeAll(async () => {
    emu = await startTestEmulator();
    dir = join(repoRoot, ".tmp/stubs");
    await rm(dir, { recursive: true, force: true });
    await mkdir(join(dir, "node_modules"), { recursive: true });
    await symlink(repoRoot, join(dir, "node_modules/pulumi-tpops"), "dir");
  });
  afterAll(async () => {
    await emu?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const kinds = builtKinds();
  it("covers every resource kind of the runtime", () => {
    expect(kinds).toEqual(expect.arrayContaining(["dataCenter", "keyPair", "host"]));
  });

  it.each(kinds)("%s: serializes under 4 KB, capturing only its kind", async (kind) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = require(sdkPath) as { providerStub(kind: string): object };
    // What dynamic.Resource does: serialize a factory returning the provider object.
    const stub = sdk.providerStub(kind);
    const sf = await pulumi.runtime.serializeFunction(() => stub, { allowSecrets: true });
    expect(sf.text.length).toBeLessThan(4096);
    expect(sf.text).toContain(`kind: "${kind}"`);
    expect(sf.text).toContain('require("pulumi-tpops/provider")');
    // Nothing else is captured: no zod, no client, no config, no module objects.
    expect(sf.text).not.toMatch(/zod|undici|TpopsClient|endpoint|__awaiter/);
  });

  it("a deserialized stub runs in a fresh process against the emulator", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = require(sdkPath) as { providerStub(kind: string): object };
    const stub = sdk.providerStub("dataCenter");
    const sf = await pulumi.runtime.serializeFunction(() => stub, { allowSecrets: true });
    await writeFile(join(dir, "provider.js.txt"), sf.text);
    await writeFile(
      join(dir, "run.js"),
      `const requireFromString = require(${JSON.stringify(require.resolve("require-from-string", { paths: [join(repoRoot, "node_modules/@pulumi/pulumi")] }))});
const text = require("fs").readFileSync("provider.js.txt", "utf8");
(async () => {
  const p = requireFromString(text).handler();
  if (typeof p.create !== "function") throw new Error("the deserialized stub has no create()");
  const cfg = { "tpops:endpoint": process.env.EMU_URL, "tpops:username": "admin", "tpops:password": "Admin@123" };
  await p.configure({ config: { get: (k) => cfg[k] } });
  const checked = await p.check({}, { name: "dc-fresh" });
  const created = await p.create(checked.inputs);
  const read = await p.read(created.id, created.outs);
  await p.delete(created.id, read.props);
  console.log(JSON.stringify({ id: created.id, name: read.props.name }));
})().catch((e) => { console.error(e.message); process.exit(1); });
`,
    );
    // Asynchronously: the emulator serves from this very process.
    const r = await promisify(execFile)(process.execPath, ["run.js"], { cwd: dir, env: { ...process.env, EMU_URL: emu.url }, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toMatchObject({ name: "dc-fresh" });
    expect((await emu.control.state()).dataCenters).toHaveLength(0);
  });
});
