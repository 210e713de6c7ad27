// The serialization rule (docs/architecture.md, the stub rule): the provider object every SDK class hands to
// Pulumi is the exports object of its kind's stub module (dist/stub/<kind>.js), which Pulumi's closure serializer
// writes as a require() of that path: a few hundred bytes that capture nothing. Checked for the package linked
// into the project (as `file:` and test/helpers/pulumi.ts link it) and copied into node_modules (as from the
// tarball), and run in a fresh process, as the engine's dynamic-provider host does.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { cpSync, existsSync, readdirSync } from "node:fs";
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { repoRoot } from "../../helpers/pulumi";

const sdkPath = join(repoRoot, "dist/sdk/index.js");
const providerPath = join(repoRoot, "dist/provider/index.js");
const pulumiPath = require.resolve("@pulumi/pulumi", { paths: [repoRoot] });
const requireFromStringPath = require.resolve("require-from-string", { paths: [join(repoRoot, "node_modules/@pulumi/pulumi")] });
/** The bound of the issue: a stub in state costs at most this many bytes (it is stored twice per resource). */
const MAX_STUB_BYTES = 512;
const METHODS = ["configure", "check", "diff", "create", "read", "update", "delete"];

interface Sdk {
  providerStub(kind: string): object;
}
const exec = promisify(execFile);

function builtKinds(): string[] {
  if (!existsSync(sdkPath) || !existsSync(providerPath)) throw new Error("dist/ is missing: run 'make build' first");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const runtime = require(providerPath) as Record<string, unknown>;
  return Object.keys(runtime).filter((k) => k !== "configure" && typeof (runtime[k] as { check?: unknown }).check === "function");
}
const fileOf = (kind: string) => kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** What dynamic.Resource stores as `__provider`: the serialized factory `() => provider`. */
async function serialize(provider: object): Promise<string> {
  return (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
}

/**
 * A script for a fresh Node process in `dir`: optionally serializes the stub of `kind` itself (with the SDK that
 * `require("pulumi-tpops")` finds from `dir`), then evaluates the text as the dynamic-provider host does and
 * creates, reads and deletes a data center through it.
 */
function freshProcessScript(opts: { serializeHere: boolean }): string {
  return `const requireFromString = require(${JSON.stringify(requireFromStringPath)});
const fs = require("fs");
(async () => {
  let text;
  if (${opts.serializeHere}) {
    const pulumi = require(${JSON.stringify(pulumiPath)});
    const stub = require("pulumi-tpops").providerStub("dataCenter");
    text = (await pulumi.runtime.serializeFunction(() => stub, { allowSecrets: true })).text;
  } else text = fs.readFileSync("provider.js.txt", "utf8");
  const p = requireFromString(text).handler();
  if (typeof p.create !== "function") throw new Error("the deserialized stub has no create()");
  const cfg = { "tpops:endpoint": process.env.EMU_URL, "tpops:username": "admin", "tpops:password": "Admin@123" };
  await p.configure({ config: { get: (k) => cfg[k] } });
  const checked = await p.check({}, { name: process.env.DC_NAME });
  const created = await p.create(checked.inputs);
  const read = await p.read(created.id, created.outs);
  await p.delete(created.id, read.props);
  const stubEntries = Object.keys(require.cache).filter((k) => k.endsWith("dist/stub/data-center.js"));
  console.log(JSON.stringify({ text, id: created.id, name: read.props.name, stubEntries }));
})().catch((e) => { console.error(e.message); process.exit(1); });
`;
}

describe("serialized provider stubs", () => {
  let emu: TestEmulator;
  const linked = join(repoRoot, ".tmp/stubs-linked");
  const copied = join(repoRoot, ".tmp/stubs-copied");
  beforeAll(async () => {
    emu = await startTestEmulator();
    for (const dir of [linked, copied]) {
      await rm(dir, { recursive: true, force: true });
      await mkdir(join(dir, "node_modules"), { recursive: true });
      // A project of its own: without it, Node would resolve `pulumi-tpops` from here as the repository itself
      // (a package may require itself by name, and the repository's package.json is the nearest).
      await writeFile(join(dir, "package.json"), JSON.stringify({ name: "stubs-check", private: true }));
    }
    // A project that links the package (file:, npm link, test/helpers/pulumi.ts) …
    await symlink(repoRoot, join(linked, "node_modules/pulumi-tpops"), "dir");
    // … and one with a copy of it under node_modules, as `npm install <tarball>` leaves it.
    cpSync(join(repoRoot, "package.json"), join(copied, "node_modules/pulumi-tpops/package.json"));
    cpSync(join(repoRoot, "dist"), join(copied, "node_modules/pulumi-tpops/dist"), { recursive: true });
  });
  afterAll(async () => {
    await emu?.close();
    for (const dir of [linked, copied]) await rm(dir, { recursive: true, force: true });
  });

  const kinds = builtKinds();
  it("covers every resource kind of the runtime, each with a stub module of the seven methods", () => {
    expect(kinds).toEqual(expect.arrayContaining(["dataCenter", "keyPair", "host", "instance", "backupPolicy", "instanceParameters"]));
    expect(readdirSync(join(repoRoot, "dist/stub")).sort()).toEqual(kinds.map((k) => `${fileOf(k)}.js`).sort());
    for (const kind of kinds) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const stub = require(join(repoRoot, "dist/stub", `${fileOf(kind)}.js`)) as Record<string, unknown>;
      expect(Object.keys(stub).sort(), kind).toEqual([...METHODS].sort());
      for (const m of METHODS) expect(typeof stub[m], `${kind}.${m}`).toBe("function");
    }
  });

  it.each(kinds)(`%s: serializes to at most ${MAX_STUB_BYTES} bytes, a require of its stub module and nothing else`, async (kind) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = require(sdkPath) as Sdk;
    // This process's working directory is the repository, which reaches the package only by its real path:
    // the linked case, where the SDK registers the path the serializer can name.
    const text = await serialize(sdk.providerStub(kind));
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_STUB_BYTES);
    expect(text).toContain(`require("pulumi-tpops/dist/stub/${fileOf(kind)}.js")`);
    expect(text.match(/require\(/g)).toHaveLength(1);
    // No methods' source, no kind, no zod, client, config or helpers of a bundle.
    expect(text).not.toMatch(/kind|async|zod|undici|TpopsClient|endpoint|__awaiter|pulumi-tpops\/provider/);
    // The class hands Pulumi the same object every time (one serialization, cached by dynamic.Resource).
    expect(sdk.providerStub(kind)).toBe(sdk.providerStub(kind));
  });

  it("the package's exports map the stub path to itself, so Pulumi names it the same when it finds the package.json", async () => {
    // The branch the tarball install takes: Pulumi resolves the package from its own folder and maps the file
    // through package.json "exports" (runtime/closure/package.ts, getModuleFromPath).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { getModuleFromPath } = require(join(repoRoot, "node_modules/@pulumi/pulumi/runtime/closure/package.js")) as { getModuleFromPath(p: string, def?: object): string };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require(join(repoRoot, "package.json")) as object;
    for (const kind of kinds) expect(getModuleFromPath(`pulumi-tpops/dist/stub/${fileOf(kind)}.js`, pkg)).toBe(`pulumi-tpops/dist/stub/${fileOf(kind)}.js`);
  });

  it("a stub serialized here runs in a fresh process of a project that links the package", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const text = await serialize((require(sdkPath) as Sdk).providerStub("dataCenter"));
    await writeFile(join(linked, "provider.js.txt"), text);
    await writeFile(join(linked, "run.js"), freshProcessScript({ serializeHere: false }));
    // Asynchronously: the emulator serves from this very process.
    const r = await exec(process.execPath, ["run.js"], { cwd: linked, env: { ...process.env, EMU_URL: emu.url, DC_NAME: "dc-linked" }, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toMatchObject({ name: "dc-linked" });
    expect((await emu.control.state()).dataCenters).toHaveLength(0);
  });

  it.each([
    // Node caches the stub module under its real path (the repository's dist/): the SDK adds the path through
    // the project's node_modules link, which the serializer names.
    ["links the package", linked, [join(repoRoot, "dist/stub/data-center.js"), join(linked, "node_modules/pulumi-tpops/dist/stub/data-center.js")]],
    // The real path is under node_modules already: nothing added.
    ["has a copy of it in node_modules", copied, [join(copied, "node_modules/pulumi-tpops/dist/stub/data-center.js")]],
  ])("a program whose project %s serializes the same small stub, which runs in a fresh process", async (_what, dir, entries) => {
    await writeFile(join(dir, "run.js"), freshProcessScript({ serializeHere: true }));
    const r = await exec(process.execPath, ["run.js"], { cwd: dir, env: { ...process.env, EMU_URL: emu.url, DC_NAME: "dc-fresh" }, encoding: "utf8" });
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { text: string; name: string; stubEntries: string[] };
    expect(out.name).toBe("dc-fresh");
    expect(out.stubEntries.sort()).toEqual([...entries].sort());
    expect(Buffer.byteLength(out.text)).toBeLessThanOrEqual(MAX_STUB_BYTES);
    expect(out.text).toContain('require("pulumi-tpops/dist/stub/data-center.js")');
    expect((await emu.control.state()).dataCenters).toHaveLength(0);
  });

  it("should Pulumi serialize a stub module's methods by value, they capture only the kind and still run", async () => {
    // A copy is no module's exports: the serializer writes its methods' source (the fallback, ~2.5 KB).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const text = await serialize({ ...(require(join(repoRoot, "dist/stub/data-center.js")) as object) });
    expect(text).toContain('kind: "dataCenter"');
    expect(text).toContain('require("pulumi-tpops/provider")');
    expect(text).not.toMatch(/zod|undici|TpopsClient|endpoint|__awaiter|dist\/stub/);
    expect(text.length).toBeLessThan(4096);
    await writeFile(join(linked, "provider.js.txt"), text);
    await writeFile(join(linked, "run.js"), freshProcessScript({ serializeHere: false }));
    const r = await exec(process.execPath, ["run.js"], { cwd: linked, env: { ...process.env, EMU_URL: emu.url, DC_NAME: "dc-by-value" }, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toMatchObject({ name: "dc-by-value" });
  });
});
