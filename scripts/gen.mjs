// Generates, from schema.json (the source of truth for resource tokens, inputs, outputs and docs):
//   sdk/types.gen.ts                  Args (pulumi.Input) and output types, output keys, secret inputs and outputs
//   sdk/<chapter>/<resource>.gen.ts   the resource classes: typed outputs, get(), constructor wiring the stub; <chapter>
//                                     is the folder of the resource's provider file, provider/resources/<chapter>/
//   sdk/stubs/<resource>.gen.ts       the stub modules (dist/stub/<resource>.js) whose exports the classes hand to Pulumi
//   sdk/functions.gen.ts              the lookups (schema.json `functions`): getX(args) and getXOutput(args)
//   provider/resources/schema.gen.ts  plain input/output types and per-resource metadata for the provider
//   docs/reference.md                 the resource reference
// `node scripts/gen.mjs --check` exits 1 when a generated file is stale (used by a unit test and CI).
import { readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

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

  // Lookups (schema.json `functions`): plain args for the Promise form, Input-wrapped args for the Output form.
  const fnName = (token) => short(token);
  const fnType = (token) => fnName(token)[0].toUpperCase() + fnName(token).slice(1);
  for (const token of sorted(schema.functions)) {
    const f = schema.functions[token];
    const T = fnType(token);
    sdk.push(iface(`${T}Args`, f.inputs?.properties ?? {}, f.inputs?.required ?? [], "out", `Arguments of {@link ${fnName(token)}}.`), "");
    sdk.push(iface(`${T}OutputArgs`, f.inputs?.properties ?? {}, f.inputs?.required ?? [], "args", `Arguments of {@link ${fnName(token)}Output} (each may be an Output).`), "");
    sdk.push(iface(`${T}Result`, f.outputs?.properties ?? {}, f.outputs?.required ?? [], "out", `What {@link ${fnName(token)}} returns.`), "");
  }

  // ---- sdk/<chapter>/<resource>.gen.ts: one class per resource, in the chapter folder of its provider file ----
  const classes = {};
  const kebab = (n) => n.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
  // provider/resources/<chapter>/<kebab>.ts, or (where the file is named otherwise) the one file of a chapter
  // folder that declares the kind's implementation, `export const <kind>` (what provider/index.ts imports).
  const resourcesDir = join(root, "provider/resources");
  const chapterFiles = readdirSync(resourcesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(resourcesDir, d.name)).filter((f) => f.endsWith(".ts") && !f.endsWith(".gen.ts")).map((f) => ({ chapter: d.name, file: f })));
  const chapterOf = (n, kind) => {
    const named = chapterFiles.filter((c) => c.file === `${kebab(n)}.ts`);
    const declaring = named.length ? named : chapterFiles.filter((c) => new RegExp(`^export const ${kind}\\b`, "m").test(readFileSync(join(resourcesDir, c.chapter, c.file), "utf8")));
    if (declaring.length === 1) return declaring[0].chapter;
    const where = declaring.map((c) => `provider/resources/${c.chapter}/${c.file}`).join(", ");
    throw new Error(
      declaring.length
        ? `gen: ${n}: more than one provider file for it (${where}); keep one, so its SDK class has one folder`
        : `gen: ${n}: no provider file provider/resources/<chapter>/${kebab(n)}.ts (nor one declaring \`export const ${kind}\`); write the resource's provider file in its reference chapter's folder (infra, instance, backup, database, ops, dr) before generating its SDK class`,
    );
  };
  for (const token of sorted(schema.resources)) {
    const r = schema.resources[token];
    const n = short(token);
    const kind = n[0].toLowerCase() + n.slice(1);
    const argsOptional = !(r.requiredInputs ?? []).length;
    const lines = [
      BANNER,
      'import * as pulumi from "@pulumi/pulumi";',
      'import { providerStub, resourceOptions, resourceProps } from "../stub";',
      `import { ${n}OutputKeys, ${n}SecretInputs, ${n}SecretOutputs, type ${n}Args, type ${n}Outputs } from "../types.gen";`,
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
    classes[`sdk/${chapterOf(n, kind)}/${kebab(n)}.gen.ts`] = lines.join("\n") + "\n";
    // The kind's stub module (bundled to dist/stub/<kind>.js): its exports are the provider object the class
    // hands to Pulumi, which Pulumi's serializer writes into the state as a require() of that path (sdk/stub.ts).
    classes[`sdk/stubs/${kebab(n)}.gen.ts`] = [
      BANNER,
      'import { stubMethods } from "./methods";',
      "",
      `/** The provider stub of ${n} (\`pulumi-tpops/dist/stub/${kebab(n)}.js\`): methods that load \`pulumi-tpops/provider\` when called. */`,
      `export = stubMethods(${JSON.stringify(kind)});`,
      "",
    ].join("\n");
  }

  // ---- sdk/functions.gen.ts: the lookups, each as a Promise and as an Output function ----
  const fns = [BANNER, 'import * as pulumi from "@pulumi/pulumi";', 'import { invokeLookup } from "./lookup";'];
  const fnTypes = sorted(schema.functions).flatMap((t) => [`${fnType(t)}Args`, `${fnType(t)}OutputArgs`, `${fnType(t)}Result`]);
  fns.push(fnTypes.length ? `import type { ${fnTypes.join(", ")} } from "./types.gen";` : "", "");
  for (const token of sorted(schema.functions)) {
    const f = schema.functions[token];
    const n = fnName(token);
    const T = fnType(token);
    const optional = !(f.inputs?.required ?? []).length;
    fns.push(
      `/** ${doc(f)} See docs/reference.md. */`,
      `export function ${n}(args: ${T}Args${optional ? " = {}" : ""}): Promise<${T}Result> {`,
      `  return invokeLookup<${T}Result>(${JSON.stringify(n)}, args);`,
      "}",
      "",
      `/** {@link ${n}} taking Outputs (e.g. another resource's id) and giving an Output. */`,
      `export function ${n}Output(args: ${T}OutputArgs${optional ? " = {}" : ""}): pulumi.Output<${T}Result> {`,
      `  return pulumi.output(args).apply((a) => invokeLookup<${T}Result>(${JSON.stringify(n)}, a));`,
      "}",
      "",
    );
  }
  classes["sdk/functions.gen.ts"] = fns.join("\n").replace(/\n+$/, "\n");

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

  prov.push("/** Lookups: what each receives and returns (schema.json `functions`). */");
  for (const token of sorted(schema.functions)) {
    const f = schema.functions[token];
    const T = fnType(token);
    prov.push(iface(`${T}Inputs`, f.inputs?.properties ?? {}, f.inputs?.required ?? [], "out", `Arguments of the lookup ${fnName(token)}.`), "");
    prov.push(iface(`${T}Result`, f.outputs?.properties ?? {}, f.outputs?.required ?? [], "out", `Result of the lookup ${fnName(token)}.`), "");
  }

  // ---- docs/reference.md ----
  // The "On change" column of the inputs tables. `replace`: schema.json `replaceOnChanges`. `no API call`:
  // the inputs a provider keeps in state only (its definition's `localOnly`). `in place or replace`: inputs
  // whose change updates in place or replaces depending on the change (Instance's host lists and solution,
  // decided by planChanges in provider/resources/instance/instance.ts). Anything else: `in place`.
  // test/unit/reference-doc.test.ts holds both tables to the providers.
  const DOC_LOCAL_ONLY = {
    Backup: ["adopt", "timeouts"],
    BackupPolicy: ["timeouts"],
    BuiltinPasswords: ["timeouts"],
    Database: ["adopt"],
    DataCenter: ["adopt", "timeouts"],
    DbRole: ["adopt", "timeouts"],
    DbRoleMembership: ["timeouts"],
    DisasterRecovery: ["adopt", "standbyPassword", "timeouts", "xlogKeepRatio"],
    DbUser: ["adopt", "timeouts"],
    Host: ["adopt", "forceRemoveChrootDir", "rootPassword", "timeouts"],
    InspectionScene: ["adopt", "timeouts"],
    InspectionTask: ["adopt", "scene", "timeouts"],
    Instance: ["adopt", "deletion", "rdsAdminPassword", "takeOver", "timeouts"],
    InstanceLabels: ["timeouts"],
    InstanceParameters: ["restartIfRequired", "timeouts"],
    IntelligentOps: ["timeouts"],
    KeyPair: ["adopt", "forceDelete", "timeouts"],
    Privileges: ["timeouts"],
    Schema: ["adopt"],
    SqlPatch: ["adopt", "timeouts"],
    SqlThrottlingTask: ["adopt", "timeouts"],
    WdrSnapshots: ["timeouts"],
  };
  const DOC_CONDITIONAL = { Instance: ["arbiterAzIps", "loggerAzIps", "manageIps", "masterAzIps", "slaveAzIps", "solution"] };
  for (const [n, keys] of [...Object.entries(DOC_LOCAL_ONLY), ...Object.entries(DOC_CONDITIONAL)]) {
    const r = schema.resources[`tpops:index:${n}`];
    for (const k of keys) if (!r?.inputProperties?.[k]) throw new Error(`gen: docs: ${n}.${k} is not an input in schema.json; update DOC_LOCAL_ONLY / DOC_CONDITIONAL`);
  }
  const onChange = (n, k, p) => {
    if (!DOC_LOCAL_ONLY[n]) throw new Error(`gen: docs: list ${n}'s state-only inputs (its definition's localOnly) in DOC_LOCAL_ONLY`);
    const local = DOC_LOCAL_ONLY[n].includes(k);
    const conditional = (DOC_CONDITIONAL[n] ?? []).includes(k);
    if (p.replaceOnChanges && (local || conditional)) throw new Error(`gen: docs: ${n}.${k} has replaceOnChanges but is listed as ${local ? "state-only" : "conditional"}`);
    return p.replaceOnChanges ? "replace" : local ? "no API call" : conditional ? "in place or replace" : "in place";
  };
  const anchor = (title) => title.toLowerCase().replace(/[^a-z0-9 _-]/g, "").replace(/ /g, "-");
  const cell = (s) => s.replace(/\|/g, "\\|");
  const component = componentDoc();

  const md = ["<!-- DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`). -->", "", "# Resource reference", "", schema.description, ""];
  md.push(
    `Contents: [provider configuration](#provider-configuration); resources ${sorted(schema.resources).map((t) => `[${short(t)}](#${anchor(short(t))})`).join(", ")}; ` +
      `the component [${component.name}](#${anchor(component.name)}); [lookups](#lookups) ${sorted(schema.functions).map((t) => `[${fnName(t)}](#${anchor(fnName(t))})`).join(", ")}; [types](#types).`,
    "",
    "In the inputs tables, *On change* says what the next `pulumi up` does when the input changes: **in place** updates the same " +
      "object; **replace** creates a new object and deletes the old one (Host and Instance delete the old one first, since a " +
      "manage IP or a host cannot be shared); **in place or replace** depends on the change, as the description says; " +
      "**no API call** only records the new value in the stack's state. Sections such as 4.9.10 are those of the TPOPS 24.1.30 API " +
      "reference.",
    "",
  );
  md.push("## Provider configuration", "", "| Key | Type | Description |", "|---|---|---|");
  for (const k of sorted(schema.config?.variables)) {
    const v = schema.config.variables[k];
    md.push(`| \`tpops:${k}\` | ${v.type}${v.secret ? " (secret)" : ""} | ${doc(v)}${v.default !== undefined ? ` Default \`${JSON.stringify(v.default)}\`.` : ""} |`);
  }
  const typeCell = (p) => (p.$ref ? `[${short(p.$ref.replace("#/types/", ""))}](#${short(p.$ref.replace("#/types/", "")).toLowerCase()})` : p.type === "array" ? `${p.items.$ref ? short(p.items.$ref.replace("#/types/", "")) : p.items.type}[]` : p.type === "object" ? `map of ${p.additionalProperties?.type ?? "string"}` : p.type);
  for (const token of sorted(schema.resources)) {
    const r = schema.resources[token];
    const n = short(token);
    md.push("", `## ${n}`, "", `Token \`${token}\` (engine type \`pulumi-nodejs:dynamic/tpops:${n}\`). ${doc(r)}`, "");
    md.push("### Inputs", "", "| Name | Type | Required | On change | Description |", "|---|---|---|---|---|");
    for (const k of sorted(r.inputProperties)) {
      const p = r.inputProperties[k];
      md.push(`| \`${k}\` | ${typeCell(p)}${p.secret ? " (secret)" : ""} | ${(r.requiredInputs ?? []).includes(k) ? "yes" : "no"} | ${onChange(n, k, p)} | ${doc(p)} |`);
    }
    md.push("", "### Outputs", "", "| Name | Type | Description |", "|---|---|---|");
    for (const k of sorted(r.properties)) {
      const p = r.properties[k];
      md.push(`| \`${k}\` | ${typeCell(p)}${p.secret ? " (secret)" : ""} | ${doc(p)} |`);
    }
  }

  // The component is TypeScript, not schema: its section is read from its source (component docs below).
  md.push("", `## ${component.name}`, "", `Token \`${component.token}\`: a component resource of the TypeScript/JavaScript SDK (\`import { ${component.name} } from "pulumi-tpops"\`; not in \`schema.json\`, no provider of its own). ${component.doc}`, "");
  md.push("### Arguments", "", "| Name | Type | Required | Description |", "|---|---|---|---|");
  for (const a of component.args) md.push(`| \`${a.name}\` | \`${cell(a.type)}\` | ${a.optional ? "no" : "yes"} | ${cell(a.doc)} |`);
  md.push("", `Each entry of \`hosts\` (\`${component.hostArgsName}\`):`, "", "| Name | Type | Required | Description |", "|---|---|---|---|");
  for (const a of component.hostArgs) md.push(`| \`${a.name}\` | \`${cell(a.type)}\` | ${a.optional ? "no" : "yes"} | ${cell(a.doc)} |`);
  md.push(
    "",
    "### What it creates",
    "",
    `Child resources, parented to the component and named after it (\`<name>\` is the component's name). Each behaves as its own section says, on create, change and delete.`,
    "",
    "| Resource | Pulumi name | When | Inputs set by the component |",
    "|---|---|---|---|",
  );
  for (const c of component.children) md.push(`| [${c.kind}](#${anchor(c.kind)}) | \`${c.name}\` | ${c.when} | ${c.inputs.join(", ")} |`);
  md.push("", "### Outputs", "", "| Name | Type | Description |", "|---|---|---|");
  for (const o of component.outputs) md.push(`| \`${o.name}\` | \`${cell(o.type)}\` | ${cell(o.doc)} |`);
  md.push("", `The child resources are properties too, for \`dependsOn\` and further wiring: ${component.members.map((m) => `\`${m.name}\` (\`${cell(m.type)}\`)`).join(", ")}.`);

  md.push(
    "",
    "## Lookups",
    "",
    "Async functions of the SDK that read the platform from the program, at preview and at up (`import { getRestoreTimes } from \"pulumi-tpops\"`). " +
      "They use the provider's configuration (`tpops:*`, then the `TPOPS_*` environment variables) and change nothing. Each comes as a " +
      "Promise (`getX(args)`) and as an Output (`getXOutput(args)`, whose arguments may be other resources' outputs). A refused lookup stops " +
      "the program with one line naming the lookup and the argument to fix.",
  );
  for (const token of sorted(schema.functions)) {
    const f = schema.functions[token];
    const n = fnName(token);
    md.push("", `### ${n}`, "", `Token \`${token}\`. ${doc(f)}`, "", "| Argument | Type | Required | Description |", "|---|---|---|---|");
    for (const k of sorted(f.inputs?.properties)) {
      const p = f.inputs.properties[k];
      md.push(`| \`${k}\` | ${typeCell(p)} | ${(f.inputs.required ?? []).includes(k) ? "yes" : "no"} | ${doc(p)} |`);
    }
    md.push("", "| Result | Type | Description |", "|---|---|---|");
    for (const k of sorted(f.outputs?.properties)) md.push(`| \`${k}\` | ${typeCell(f.outputs.properties[k])} | ${doc(f.outputs.properties[k])} |`);
  }

  md.push("", "## Types");
  for (const token of sorted(schema.types)) {
    const t = schema.types[token];
    md.push("", `### ${short(token)}`, "", doc(t), "", "| Name | Type | Description |", "|---|---|---|");
    for (const k of sorted(t.properties)) md.push(`| \`${k}\` | ${typeCell(t.properties[k])} | ${doc(t.properties[k])} |`);
  }

  /**
   * The GaussDbDeployment section, read from the component's source with TypeScript's parser: its argument
   * interfaces, the child resources its constructor creates (and the inputs it sets on each), its outputs.
   */
  function componentDoc() {
    const file = "sdk/components/gaussdb-deployment.ts";
    const sf = ts.createSourceFile(file, readFileSync(join(root, file), "utf8"), ts.ScriptTarget.Latest, true);
    const fail = (what) => {
      throw new Error(`gen: docs: ${file}: ${what}; update the component section of scripts/gen.mjs`);
    };
    const text = (node) => node.getText(sf).replace(/\s+/g, " ");
    const jsdoc = (node) => (node.jsDoc ?? []).map((d) => ts.getTextOfJSDocComment(d.comment) ?? "").join(" ").replace(/\s+/g, " ").trim();
    const typeText = (t) => (t ? text(t).replace(/\breadonly\s+/g, "") : fail("a member without a type"));
    // When a child exists, for the children the constructor creates only sometimes (checked against the source).
    const WHEN = { DataCenter: "unless `dataCenterId` is given", Host: "one per entry of `hosts`, numbered from 1", InstanceParameters: "when `parameters` has entries" };

    const cls = sf.statements.find((s) => ts.isClassDeclaration(s) && s.heritageClauses?.some((h) => h.types.some((t) => text(t.expression) === "pulumi.ComponentResource")));
    if (!cls?.name) fail("no exported ComponentResource class");
    const ctor = cls.members.find(ts.isConstructorDeclaration);
    if (!ctor?.body || ctor.parameters.length < 2) fail("no constructor (name, args, opts)");
    const nameParam = text(ctor.parameters[0].name);
    const argsParam = text(ctor.parameters[1].name);
    const interfaces = Object.fromEntries(sf.statements.filter(ts.isInterfaceDeclaration).map((i) => [i.name.text, i]));
    const props = (name) => {
      const iface = interfaces[name] ?? fail(`no interface ${name}`);
      return iface.members.filter(ts.isPropertySignature).map((m) => ({ name: text(m.name), type: typeText(m.type), optional: Boolean(m.questionToken), doc: jsdoc(m) || fail(`${name}.${text(m.name)} has no doc comment`) }));
    };
    const argsName = typeText(ctor.parameters[1].type);
    const args = props(argsName);
    const hostArgsName = (args.find((a) => a.name === "hosts") ?? fail(`${argsName} has no hosts`)).type.replace(/\[\]$/, "");
    const hostArgs = props(hostArgsName);

    let token;
    const children = [];
    const visit = (node) => {
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) token = node.arguments[0].text;
      const first = ts.isNewExpression(node) ? node.arguments?.[0] : undefined;
      if (first && ts.isTemplateExpression(first) && first.head.text === "" && text(first.templateSpans[0].expression) === nameParam) {
        const kind = text(node.expression);
        const name = first.head.text + first.templateSpans.map((s) => (text(s.expression) === nameParam ? "<name>" : "<n>") + s.literal.text).join("");
        // Created only sometimes: under a ?:, if, && / ||, or once per element of a .map().
        let sometimes = false;
        for (let p = node.parent; p && p !== ctor; p = p.parent) {
          if (ts.isConditionalExpression(p) || ts.isIfStatement(p)) sometimes = true;
          if (ts.isBinaryExpression(p) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(p.operatorToken.kind)) sometimes = true;
          if (ts.isCallExpression(p) && ts.isPropertyAccessExpression(p.expression) && p.expression.name.text === "map") sometimes = true;
        }
        if (sometimes !== (kind in WHEN)) fail(`${kind} is created ${sometimes ? "only sometimes, but WHEN does not say when" : "always, but WHEN gives a condition"}`);
        // The inputs it sets, as Markdown: `key`, "every field of `backup`", "`a` when `x` is given, else `b`".
        const collect = (e) => {
          while (ts.isParenthesizedExpression(e)) e = e.expression;
          if (ts.isObjectLiteralExpression(e)) return e.properties.flatMap((p) => (ts.isSpreadAssignment(p) ? collect(p.expression) : [`\`${text(p.name)}\``]));
          if (ts.isConditionalExpression(e)) {
            const [yes, no] = [collect(e.whenTrue).join(", "), collect(e.whenFalse).join(", ")];
            const given = new RegExp(`^${argsParam}\\.(\\w+) !== undefined$`).exec(text(e.condition));
            if (!given) fail(`${kind}'s inputs depend on ${text(e.condition)}`);
            return [`${yes || "nothing"} when \`${given[1]}\` is given${no ? `, else ${no}` : ""}`];
          }
          if (ts.isPropertyAccessExpression(e) && text(e.expression) === argsParam) return [`every field of \`${e.name.text}\``];
          // `...h` inside `args.hosts.map((h) => …)`: the entry's fields.
          if (ts.isIdentifier(e) && kind === "Host") return hostArgs.map((h) => `\`${h.name}\``);
          return fail(`${kind}'s inputs spread ${text(e)}`);
        };
        children.push({ kind, name, when: WHEN[kind] ?? "always", inputs: node.arguments[1] ? collect(node.arguments[1]) : [] });
      }
      ts.forEachChild(node, visit);
    };
    visit(ctor.body);
    if (!token) fail("no super(token, …) call");
    if (!children.length) fail("no child resources named `${name}-…`");

    const outputs = [];
    const members = [];
    for (const m of cls.members) {
      if (!ts.isPropertyDeclaration(m) || !m.type) continue;
      const declared = (m.modifiers ?? []).some((x) => x.kind === ts.SyntaxKind.DeclareKeyword);
      const t = typeText(m.type);
      const output = /^pulumi\.Output<(.*)>$/.exec(t);
      if (declared && output) outputs.push({ name: text(m.name), type: output[1], doc: jsdoc(m) || fail(`output ${text(m.name)} has no doc comment`) });
      else members.push({ name: text(m.name), type: t });
    }
    return { name: cls.name.text, token, doc: jsdoc(cls).replace(` (\`${token}\`)`, ""), args, hostArgsName, hostArgs, children, outputs, members };
  }

  return {
    "sdk/types.gen.ts": sdk.join("\n").replace(/\n+$/, "\n"),
    "provider/resources/schema.gen.ts": prov.join("\n").replace(/\n+$/, "\n"),
    "docs/reference.md": md.join("\n") + "\n",
    ...classes,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let files;
  try {
    files = render(readFileSync(join(root, "schema.json"), "utf8"));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
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
