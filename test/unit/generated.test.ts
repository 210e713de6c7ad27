// Generated files must match schema.json (make build regenerates them).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain ESM script without types
import { render } from "../../scripts/gen.mjs";

const root = join(__dirname, "../..");

describe("generated files", () => {
  const files = render(readFileSync(join(root, "schema.json"), "utf8")) as Record<string, string>;
  it.each(Object.keys(files))("%s is up to date with schema.json (run make build)", (rel) => {
    expect(readFileSync(join(root, rel), "utf8")).toBe(files[rel]);
  });

  it("carries the DO-NOT-EDIT banner", () => {
    for (const [rel, text] of Object.entries(files)) expect(text, rel).toMatch(/DO NOT EDIT/);
  });

  it("writes each class to sdk/<chapter>/ (the folder of its provider file), keeps the stubs flat and leaves no flat class", () => {
    const schema = JSON.parse(readFileSync(join(root, "schema.json"), "utf8")) as { resources: Record<string, unknown> };
    const kebab = (n: string) => n.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
    for (const t of Object.keys(schema.resources)) {
      const k = kebab(t.split(":")[2] ?? t);
      const cls = Object.keys(files).filter((rel) => new RegExp(`^sdk/[a-z]+/${k}\\.gen\\.ts$`).test(rel) && !rel.startsWith("sdk/stubs/"));
      expect(cls, t).toHaveLength(1);
      const chapter = cls[0]!.split("/")[1]!;
      const n = t.split(":")[2] ?? t;
      const dir = join(root, "provider/resources", chapter);
      const implemented = existsSync(dir) && readdirSync(dir).some((f) => f.endsWith(".ts") && new RegExp(`^export const ${n[0]!.toLowerCase()}${n.slice(1)}\\b`, "m").test(readFileSync(join(dir, f), "utf8")));
      expect(implemented, `${t}: its provider file in provider/resources/${chapter}/`).toBe(true);
      expect(Object.keys(files), t).toContain(`sdk/stubs/${k}.gen.ts`);
    }
    const flat = readdirSync(join(root, "sdk")).filter((f) => f.endsWith(".gen.ts") && f !== "types.gen.ts" && f !== "functions.gen.ts");
    expect(flat, "flat class files left in sdk/ (git rm them)").toEqual([]);
  });

  it("declares every resource the provider runtime implements", () => {
    const schema = JSON.parse(readFileSync(join(root, "schema.json"), "utf8")) as { resources: Record<string, unknown> };
    const tokens = Object.keys(schema.resources).map((t) => t.split(":")[2]);
    const sdkIndex = readFileSync(join(root, "sdk/index.ts"), "utf8");
    for (const t of tokens) expect(sdkIndex, t).toContain(`{ ${t} }`);
  });

  it("gives every resource and every lookup a site input, and the provider runs every kind through the site wrapper", () => {
    const schema = JSON.parse(readFileSync(join(root, "schema.json"), "utf8")) as {
      resources: Record<string, { inputProperties: Record<string, { replaceOnChanges?: boolean }>; properties: Record<string, unknown> }>;
      functions: Record<string, { inputs?: { properties?: Record<string, unknown> } }>;
    };
    for (const [t, r] of Object.entries(schema.resources)) {
      expect(r.inputProperties.site?.replaceOnChanges, `${t} input site`).toBe(true);
      expect(r.properties.site, `${t} output site`).toBeDefined();
    }
    for (const [t, f] of Object.entries(schema.functions)) expect(f.inputs?.properties?.site, `${t} argument site`).toBeDefined();
    const index = readFileSync(join(root, "provider/index.ts"), "utf8");
    expect(index, "a kind exported without withSite").not.toMatch(/export \{ \w+ \} from "\.\/resources\//);
    for (const t of Object.keys(schema.resources)) {
      const n = t.split(":")[2] ?? t;
      expect(index, n).toContain(`export const ${n[0]!.toLowerCase()}${n.slice(1)} = withSite(`);
    }
  });

  it("implements exactly the lookups schema.json declares, and the SDK exports them", async () => {
    const schema = JSON.parse(readFileSync(join(root, "schema.json"), "utf8")) as { functions?: Record<string, unknown> };
    const declared = Object.keys(schema.functions ?? {}).map((t) => t.split(":")[2] ?? t).sort();
    const { LOOKUPS } = await import("../../provider/functions");
    expect(Object.keys(LOOKUPS).sort()).toEqual(declared);
    for (const [name, def] of Object.entries(LOOKUPS)) expect(def.name, name).toBe(name);
    const sdk = await import("../../sdk/functions.gen");
    for (const n of declared) {
      expect(typeof (sdk as Record<string, unknown>)[n], n).toBe("function");
      expect(typeof (sdk as Record<string, unknown>)[`${n}Output`], `${n}Output`).toBe("function");
    }
    expect(readFileSync(join(root, "sdk/index.ts"), "utf8")).toContain('export * from "./functions.gen";');
  });
});
