// Generates, from schema.json (the source of truth for resource tokens, inputs, outputs and docs):
//   sdk/types.gen.ts                  Args (pulumi.Input) and output types, output keys, secret inputs and outputs
//   sdk/<resource>.gen.ts             the resource classes: typed outputs, get(), constructor wiring the stub
//   provider/resources/schema.gen.ts  plain input/output types and per-resource metadata for the provider
//   docs/reference.md                 the resource reference
// `node scripts/gen.mjs --check` exits 1 when a generated file is stale (used by a unit test and CI).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const BANNER = "// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).\n";

/** Renders every generated file from the schema text; pure, so the staleness test can call it. */
export function render(schemaText) {
  const schema = JSON.parse(schemaText);
  const short = (token) => token.split(":")[2];
  const sorted = (obj) => Object.keys(obj ?? {}).sort();
  const doc = (p) => (p.description ?? "").replace(/\*\//g, "*\\/").replace(/\s+/g, " ").trim();

  /** TypeScript type of a schema property; `input` wraps in pulumi.Input for Args. */
  const tsType = (p, mode) => {
    const wrap = (t) => (mode === "args" ? `pulumi.Input<${t}>` : t);
    if (p.$ref) {
      const name = short(p.$ref.replace("#/types/", ""));
      return wrap(mode === "args" ? `${name}Args` : name);
    }
    switch (p.type) {
      case "string":
        return wrap(p.enum ? p.enum.map((e) => JSON.stringify(e.value ?? e)).join(" | ") : "string");
      case "integer":
      case "number":
        return wrap("number");
      case "boolean":
        return wrap("boolean");
      case "array":
        // Args take an Input per element (e.g. a list of other resources' outputs).
        return wrap(`${tsType(p.items, mode === "args" || mode === "argsInner" ? "args" : mode)}[]`);
      case "object":
        return wrap(`Record<string, ${tsType(p.additionalProperties ?? { type: "string" }, mode === "args" || mode === "argsInner" ? "args" : mode)}>`);
      default:
        throw new Error(`schema.json: unsupported type ${JSON.stringify(p)}`);
    }
  };
  const typeTs = (p, mode) => (mode === "argsInner" ? tsType(p, "args") : tsType(p, mode));

  const iface = (name, props, required, mode, desc) => {
    const lines = [`/** ${desc} */`, `export interface ${name} {`];
    for (const k of sorted(props)) {
      const p = props[k];
      const optional = required.includes(k) ? "" : "?";
      const dflt = p.default !== undefined ? ` Default: ${JSON.stringify(p.default)}.`.replace(/ Default: .*Default/, " Default") : "";
      const d = doc(p);
      lines.push(`  /** ${d}${d.includes("Default") || !dflt ? "" : dflt}${p.secret ? " (secret)" : ""} */`);
      lines.push(`  readonly ${k}${optional}: ${typeTs(p, mode)};`);
    }
    lines.push("}");
    return lines.join("\n");
  };

  // ---- sdk/types.gen.ts ----
  const sdk = [BANNER, 'import type * as pulumi from "@pulumi/pulumi";', ""];
  for (const token of sorted(schema.types)) {
    const t = schema.types[token];
    const n = short(token);
    sdk.push(iface(`${n}Args`, t.properties, t.required ?? [], "args", `${doc(t)} (input)`), "");
    sdk.push(iface(n, t.properties, t.required ?? [], "out", doc(t)), "");
  }
  for (const token of sorted(schema.resources)) {
    const r = schema.resources[token];
    const n = short(token);
    sdk.push(iface(`${n}Args`, r.inputProperties, r.requiredInputs ?? [], "args", `Arguments of {@link ${n}}: ${doc(r)}`), "");
    sdk.push(iface(`${n}Outputs`, r.properties, r.required ?? [], "out", `Outputs of ${n}.`), "");
    sdk.push(`/** Output property names of ${n} (registered as outputs by the resource class). */`);
    sdk.push(`export const ${n}OutputKeys = ${JSON.stringify(sorted(r.properties))} as const;`);
    sdk.push(`/** Properties of ${n} that are Pulumi secrets. */`);
    sdk.push(`export const ${n}SecretOutputs: string[] = ${JSON.stringify(sorted(r.properties).filter((k) => r.properties[k].secret || r.inputProperties?.[k]?.secret))};`);
    sdk.push(`/** Inputs of ${n} that the class wraps in \`pulumi.secret\` whatever the program passes (schema.json \`secret: true\`). */`);
    sdk.push(`export const ${n}SecretInputs: string[] = ${JSON.stringify(sorted(r.inputProperties).filter((k) => r.inputProperties[k].secret))};`, "");
  }

  // ---- sdk/<resource>.gen.ts: one class per resource ----
  const classes = {};
  const kebab = (n) => n.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
  for (const token of sorted(schema.resources)) {
    const r = schema.resources[token];
    const n = short(token);
    const kind = n[0].toLowerCase() + n.slice(1);
    const argsOptional = !(r.requiredInputs ?? []).length;
    const lines = [
      BANNER,
      'import * as pulumi from "@pulumi/pulumi";',
      'import { providerStub, resourceOptions, resourceProps } from "./stub";',
      `import { ${n}OutputKeys, ${n}SecretInputs, ${n}SecretOutputs, type ${n}Args, type ${n}Outputs } from "./types.gen";`,
      "",
      `const provider = providerStub(${JSON.stringify(kind)});`,
      "",
      `/** ${doc(r)} See docs/reference.md. */`,
      `export class ${n} extends pulumi.dynamic.Resource {`,
    ];
    for (const k of sorted(r.properties)) {
      lines.push(`  /** ${doc(r.properties[k])}${r.properties[k].secret || r.inputProperties?.[k]?.secret ? " (secret)" : ""} */`);
      lines.push(`  declare readonly ${k}: pulumi.Output<${n}Outputs[${JSON.stringify(k)}]>;`);
    }
    lines.push(
      "",
      `  /** Reads the existing ${n} with this id into the program without managing it (nothing is created, changed or deleted). */`,
      `  static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): ${n} {`,
      `    return new ${n}(name, {} as ${n}Args, { ...opts, id });`,
      "  }",
      "",
      `  /** Declares a ${n}; \`pulumi up\` creates it (or, with \`adopt: true\` where offered, takes over the existing one). */`,
      `  constructor(name: string, args: ${n}Args${argsOptional ? " = {}" : ""}, opts: pulumi.CustomResourceOptions = {}) {`,
      `    super(provider, name, resourceProps(name, ${JSON.stringify(n)}, args, ${n}OutputKeys, ${n}SecretInputs, opts), resourceOptions(opts, ${n}SecretOutputs), "tpops", ${JSON.stringify(n)});`,
      "  }",
      "}",
    );
    classes[`sdk/${kebab(n)}.gen.ts`] = lines.join("\n") + "\n";
  }

  // ---- provider/resources/schema.gen.ts ----
  const prov = [BANNER];
  for (const token of sorted(schema.types)) {
    const t = schema.types[token];
    prov.push(iface(short(token), t.properties, t.required ?? [], "out", doc(t)), "");
  }
  prov.push("/** Per-resource facts the provider's check and diff use. */");
  prov.push("export interface ResourceMeta {\n  readonly token: string;\n  readonly inputs: readonly string[];\n  readonly requiredInputs: readonly string[];\n  readonly replaceOnChanges: readonly string[];\n  readonly secrets: readonly string[];\n  readonly defaults: Readonly<Record<string, unknown>>;\n}", "");
  for (const token of sorted(schema.resources)) {
    const r = schema.resources[token];
    const n = short(token);
    prov.push(iface(`${n}Inputs`, r.inputProperties, r.requiredInputs ?? [], "out", `Inputs of ${n} as the provider receives them.`), "");
    prov.push(iface(`${n}Outputs`, r.properties, r.required ?? [], "out", `Outputs (state) of ${n}.`), "");
    const meta = {
      token,
      inputs: sorted(r.inputProperties),
      requiredInputs: [...(r.requiredInputs ?? [])].sort(),
      replaceOnChanges: sorted(r.inputProperties).filter((k) => r.inputProperties[k].replaceOnChanges),
      secrets: sorted(r.properties).filter((k) => r.properties[k].secret),
      defaults: Object.fromEntries(sorted(r.inputProperties).filter((k) => r.inputProperties[k].default !== undefined).map((k) => [k, r.inputProperties[k].default])),
    };
    prov.push(`/** Schema facts of ${n}. */`, `export const ${n}Meta: ResourceMeta = ${JSON.stringify(meta, null, 2)};`, "");
  }

  // ---- docs/reference.md ----
  const md = ["<!-- DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`). -->", "", "# Resource reference", "", schema.description, ""];
  md.push("## Provider configuration", "", "| Key | Type | Description |", "|---|---|---|");
  for (const k of sorted(schema.config?.variables)) {
    const v = schema.config.variables[k];
    md.push(`| \`tpops:${k}\` | ${v.type}${v.secret ? " (secret)" : ""} | ${doc(v)}${v.default !== undefined ? ` Default \`${JSON.stringify(v.default)}\`.` : ""} |`);
  }
  const typeCell = (p) => (p.$ref ? `[${short(p.$ref.replace("#/types/", ""))}](#${short(p.$ref.replace("#/types/", "")).toLowerCase()})` : p.type === "array" ? `${p.items.$ref ? short(p.items.$ref.replace("#/types/", "")) : p.items.type}[]` : p.type === "object" ? `map of ${p.additionalProperties?.type ?? "string"}` : p.type);
  for (const token of sorted(schema.resources)) {
    const r = schema.resources[token];
    md.push("", `## ${short(token)}`, "", `Token \`${token}\` (engine type \`pulumi-nodejs:dynamic/tpops:${short(token)}\`). ${doc(r)}`, "");
    md.push("### Inputs", "", "| Name | Type | Required | On change | Description |", "|---|---|---|---|---|");
    for (const k of sorted(r.inputProperties)) {
      const p = r.inputProperties[k];
      const change = p.replaceOnChanges ? "replace" : ["adopt", "timeouts", "forceDelete", "forceRemoveChrootDir", "deletion", "rdsAdminPassword", "restartIfRequired"].includes(k) ? "no API call" : "in place";
      md.push(`| \`${k}\` | ${typeCell(p)}${p.secret ? " (secret)" : ""} | ${(r.requiredInputs ?? []).includes(k) ? "yes" : "no"} | ${change} | ${doc(p)} |`);
    }
    md.push("", "### Outputs", "", "| Name | Type | Description |", "|---|---|---|");
    for (const k of sorted(r.properties)) {
      const p = r.properties[k];
      md.push(`| \`${k}\` | ${typeCell(p)}${p.secret ? " (secret)" : ""} | ${doc(p)} |`);
    }
  }
  md.push("", "## Types");
  for (const token of sorted(schema.types)) {
    const t = schema.types[token];
    md.push("", `### ${short(token)}`, "", doc(t), "", "| Name | Type | Description |", "|---|---|---|");
    for (const k of sorted(t.properties)) md.push(`| \`${k}\` | ${typeCell(t.properties[k])} | ${doc(t.properties[k])} |`);
  }

  return {
    "sdk/types.gen.ts": sdk.join("\n").replace(/\n+$/, "\n"),
    "provider/resources/schema.gen.ts": prov.join("\n").replace(/\n+$/, "\n"),
    "docs/reference.md": md.join("\n") + "\n",
    ...classes,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = render(readFileSync(join(root, "schema.json"), "utf8"));
  const check = process.argv.includes("--check");
  let stale = [];
  for (const [rel, text] of Object.entries(files)) {
    const path = join(root, rel);
    const current = existsSync(path) ? readFileSync(path, "utf8") : "";
    if (current === text) continue;
    if (check) stale.push(rel);
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      console.log(`gen: wrote ${rel}`);
    }
  }
  if (stale.length) {
    console.error(`gen: stale generated files (run 'make build'): ${stale.join(", ")}`);
    process.exit(1);
  }
}
