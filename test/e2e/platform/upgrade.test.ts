// Upgrading the package under an existing stack: a state that release 0.1.0 wrote (its provider serialized by
// value, ~2.5 KB per resource, twice), recorded with the platform it describes (fixtures/upgrade-0.1.0, see
// record.ts there), taken over by this package: preview shows no changes, refresh, an in-place update and
// destroy all work, the resources the update touched get the new small stub, the others keep the old one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { repoRoot, TestProject } from "../../helpers/pulumi";
import { platformCounts } from "../helpers";

const fixture = join(__dirname, "../fixtures/upgrade-0.1.0");

interface StateResource {
  urn: string;
  type: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}
const dynamic = (state: string) => (JSON.parse(state) as { deployment: { resources: StateResource[] } }).deployment.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/tpops:"));
const nameOf = (r: StateResource) => r.urn.split("::").pop()!;
/** A provider of release 0.1.0: seven methods serialized by value, each capturing the kind. */
const isOldStub = (s: unknown) => typeof s === "string" && s.length > 2000 && s.includes('with({ kind: "') && s.includes('require("pulumi-tpops/provider")');
const isNewStub = (s: unknown) => typeof s === "string" && Buffer.byteLength(s) <= 512 && /require\("pulumi-tpops\/dist\/stub\/[a-z-]+\.js"\)/.test(s);

describe("upgrade from a state written by release 0.1.0", () => {
  let emu: TestEmulator;
  let p: TestProject;
  let ids: string[];
  beforeAll(async () => {
    const store = join(repoRoot, ".tmp", `upgrade-emulator-${process.pid}.json`);
    copyFileSync(join(fixture, "emulator.json"), store);
    emu = await startTestEmulator({ timeScale: 0.0001, stateFile: store });
    // The recording's emulator listened on another port. The state keeps the provider configuration it ran
    // with (refresh and destroy use it, without running the program), so it gets this emulator's address.
    const recorded = readFileSync(join(fixture, "state.json"), "utf8");
    const endpoint = /"tpops:endpoint": "([^"]+)"/.exec(recorded)![1]!;
    p = await TestProject.create("upgrade", {
      "Pulumi.yaml": "name: upgrade\nruntime: nodejs\nmain: index.ts\n",
      "index.ts": readFileSync(join(fixture, "index.ts"), "utf8"),
      "state.json": recorded.split(endpoint).join(emu.url),
    });
    const imported = await p.run(["stack", "import", "--file", "state.json"]);
    if (imported.code !== 0) throw new Error(`pulumi stack import failed:\n${imported.stdout}\n${imported.stderr}`);
    await p.setConfig("tpops:endpoint", emu.url);
    await p.setConfig("tpops:username", "admin");
    await p.setConfig("tpops:password", "Admin@123", true);
    ids = dynamic(await p.exportState()).map((r) => String((r as { id?: string }).id));
  });
  afterAll(async () => {
    await p?.dispose();
    await emu?.close();
  });

  it("the imported state holds release 0.1.0's providers and the platform its objects", async () => {
    const resources = dynamic(await p.exportState());
    expect(resources.map(nameOf)).toEqual(["room", "key", "h1"]);
    for (const r of resources) {
      expect(isOldStub(r.inputs?.__provider), nameOf(r)).toBe(true);
      expect(isOldStub(r.outputs?.__provider), nameOf(r)).toBe(true);
    }
    expect(await platformCounts(emu)).toEqual({ dataCenters: 1, keyPairs: 1, hosts: 1, instances: 0 });
  });

  it("a preview with the new package reports no changes (the provider's text is not a change)", async () => {
    const preview = await p.preview(["--expect-no-changes"]);
    expect(preview.code, preview.stdout + preview.stderr).toBe(0);
  });

  it("refresh reads every object through the stubs in the state, with one login", async () => {
    await emu.control.clearRequests();
    const r = await p.run(["refresh", "--yes", "--skip-preview", "--expect-no-changes"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const c = await emu.control.requests();
    expect(c.logins).toBe(1);
    expect(c.total - c.logins).toBe(3);
    for (const r2 of dynamic(await p.exportState())) expect(isOldStub(r2.outputs?.__provider), nameOf(r2)).toBe(true);
  });

  it("an up that changes a description updates it in place; the updated resource gets the new stub", async () => {
    await p.setConfig("desc", "v2");
    const up = await p.up();
    expect(up.code, up.stdout + up.stderr).toBe(0);
    expect(up.stdout).toMatch(/1 updated/);
    expect(up.stdout).not.toMatch(/created|deleted|replaced/);
    expect((await emu.control.state()).dataCenters.map((d: { description: string }) => d.description)).toEqual(["v2"]);
    const after = Object.fromEntries(dynamic(await p.exportState()).map((r) => [nameOf(r), r]));
    expect(Object.values(after).map((r) => String((r as { id?: string }).id)).sort()).toEqual([...ids].sort());
    // Every resource's inputs now carry the program's stub; outputs only where the provider wrote them.
    for (const r of Object.values(after)) expect(isNewStub(r.inputs?.__provider), nameOf(r)).toBe(true);
    expect(isNewStub(after.room!.outputs?.__provider)).toBe(true);
    expect(isOldStub(after.key!.outputs?.__provider)).toBe(true);
    expect(isOldStub(after.h1!.outputs?.__provider)).toBe(true);
    const preview = await p.preview(["--expect-no-changes"]);
    expect(preview.code, preview.stdout + preview.stderr).toBe(0);
  });

  it("refresh and destroy work with old and new stubs side by side", async () => {
    const refresh = await p.run(["refresh", "--yes", "--skip-preview", "--expect-no-changes"]);
    expect(refresh.code, refresh.stdout + refresh.stderr).toBe(0);
    await emu.control.clearRequests();
    const destroy = await p.destroy();
    expect(destroy.code, destroy.stdout + destroy.stderr).toBe(0);
    expect(destroy.stdout).toMatch(/4 deleted/); // the three and the stack
    expect((await emu.control.requests()).logins).toBe(1);
    expect(await platformCounts(emu)).toEqual({ dataCenters: 0, keyPairs: 0, hosts: 0, instances: 0 });
  });
});
