/**
 * The writer of tpops-import: a complete Pulumi TypeScript project from the declarations the reader made —
 * `index.ts` (one resource per object, `adopt: true`, references between them, secrets from stack config),
 * `Pulumi.yaml`, `package.json`, `tsconfig.json`, the stack's config file and a README with the commands to run.
 */
import { isRef, isSecret, secretsOf, type Arg, type Declaration, type Estate } from "./model";

/** Options of the written project. */
export interface WriteOptions {
  /** Pulumi project name. */
  readonly project: string;
  /** Stack whose config file (`Pulumi.<stack>.yaml`) is written with the endpoint and user. */
  readonly stack?: string;
  /** The TPOPS user the program logs in as (not a secret; written into the stack's config file). */
  readonly username?: string;
  /** The version range of pulumi-tpops the project depends on. */
  readonly packageVersion: string;
  /** When the import ran (for the header; tests pass a fixed one). */
  readonly when?: Date;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A TypeScript expression for an argument. */
export function expression(a: Arg, indent = ""): string {
  if (isRef(a)) return `${a.ref}.${a.prop}`;
  if (isSecret(a)) return `config.requireSecret(${JSON.stringify(a.secret)})`;
  if (a === null || typeof a !== "object") return JSON.stringify(a);
  if (Array.isArray(a)) {
    const items = a.map((x: Arg) => expression(x, `${indent}  `));
    const flat = `[${items.join(", ")}]`;
    return flat.length <= 100 ? flat : `[\n${items.map((x) => `${indent}  ${x},`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(a as Record<string, Arg>);
  if (!entries.length) return "{}";
  const parts = entries.map(([k, x]) => `${IDENT.test(k) ? k : JSON.stringify(k)}: ${expression(x, `${indent}  `)}`);
  const flat = `{ ${parts.join(", ")} }`;
  return flat.length <= 100 && !flat.includes("\n") ? flat : `{\n${parts.map((x) => `${indent}  ${x},`).join("\n")}\n${indent}}`;
}

/** The statement declaring one resource (a `const` when another statement reads it). */
export function declaration(d: Declaration, read = true): string {
  const args = Object.entries(d.args)
    .map(([k, a]) => `  ${k}: ${expression(a, "  ")},`)
    .join("\n");
  const notes = d.notes.map((n) => `// ${n}\n`).join("");
  const options = d.options && Object.keys(d.options).length ? `, ${expression(d.options)}` : "";
  return `${notes}${read ? `const ${d.variable} = ` : ""}new tpops.${d.kind}(${JSON.stringify(d.name)}, {\n${args}\n}${options});\n`;
}

/** How many declarations of each kind, in order of first appearance: `2 DataCenter, 6 Host`. */
export function counts(decls: readonly { kind: string }[]): string {
  const n = new Map<string, number>();
  for (const d of inOrder(decls)) n.set(d.kind, (n.get(d.kind) ?? 0) + 1);
  return [...n].map(([k, c]) => `${c} ${k}`).join(", ");
}

/** The `pulumi config set` lines the user runs before the first `pulumi up`. */
export function configCommands(estate: Estate, opts: Pick<WriteOptions, "stack" | "username">): string[] {
  const s = opts.stack ? ` --stack ${opts.stack}` : "";
  return [
    `pulumi config set tpops:endpoint ${estate.endpoint}${s}`,
    ...(opts.username ? [`pulumi config set tpops:username ${opts.username}${s}`] : []),
    `pulumi config set --secret tpops:password '<the TPOPS password>'${s}`,
    ...secretsOf(estate.declarations).map((x) => `pulumi config set --secret ${x.secret} '<${x.what}>'${s}`),
  ];
}

/** index.ts of the project. */
export function programText(estate: Estate, opts: Pick<WriteOptions, "when">): string {
  const lines: string[] = [];
  lines.push(`// Written by tpops-import from ${estate.endpoint}${opts.when ? ` on ${opts.when.toISOString()}` : ""}.`);
  lines.push("// Every object is adopted (adopt: true): the first `pulumi up` takes it over as it is and changes nothing on the");
  lines.push("// platform; settings carry their live values, so their create changes nothing either. From then on this stack");
  lines.push("// manages them: edit a value and `pulumi up` changes it in place; `pulumi destroy` deletes what can be deleted.");
  lines.push(`// Declared: ${counts(estate.declarations) || "nothing"}.`);
  lines.push("");
  lines.push('import * as pulumi from "@pulumi/pulumi";');
  lines.push('import * as tpops from "pulumi-tpops";');
  lines.push("");
  lines.push("// Secrets the platform cannot read back (see README.md for the `pulumi config set --secret` lines).");
  lines.push("const config = new pulumi.Config();");
  const exported = estate.declarations.filter((d) => d.kind === "Instance");
  const read = new Set([...estate.declarations.flatMap((d) => refsOf(Object.values(d.args))), ...exported.map((d) => d.variable)]);
  let kind = "";
  for (const d of inOrder(estate.declarations)) {
    if (d.kind !== kind) {
      kind = d.kind;
      lines.push("", `// ---- ${kind}`);
    }
    lines.push("", declaration(d, read.has(d.variable)).trimEnd());
  }
  lines.push("", "// ---- Not imported");
  for (const k of estate.kindsNotImported) lines.push(...wrap(`${k.kind}: ${k.why}.`));
  if (estate.skipped.length) {
    lines.push("//", "// Objects left out:");
    for (const s of estate.skipped) lines.push(...wrap(`${s.kind} ${s.what}: ${s.why}.`));
  }
  if (exported.length) {
    lines.push("", `export const instanceIds = { ${exported.map((d) => `${JSON.stringify(d.name)}: ${d.variable}.id`).join(", ")} };`);
  }
  return `${lines.join("\n")}\n`;
}

/** The kinds in the order the program declares them: every reference points to a declaration above it. */
const KIND_ORDER = ["DataCenter", "KeyPair", "Host", "Instance", "BackupPolicy", "InstanceParameters", "WdrSnapshots", "IntelligentOps", "DbUser", "DbRole", "Database", "Schema", "InspectionScene", "InspectionTask"];

/** The declarations grouped by kind (stable within a kind). */
export function inOrder<T extends { kind: string }>(decls: readonly T[]): T[] {
  const rank = (k: string) => (KIND_ORDER.includes(k) ? KIND_ORDER.indexOf(k) : KIND_ORDER.length);
  return [...decls].sort((a, b) => rank(a.kind) - rank(b.kind));
}

/** The variables the arguments read. */
function refsOf(args: readonly Arg[]): string[] {
  return args.flatMap((a): string[] => (isRef(a) ? [a.ref] : isSecret(a) || a === null || typeof a !== "object" ? [] : refsOf(Array.isArray(a) ? a : Object.values(a as Record<string, Arg>))));
}

function wrap(text: string, width = 116): string[] {
  const out: string[] = [];
  let line = "//";
  for (const word of text.split(/\s+/)) {
    if (line.length + word.length + 1 > width && line !== "//") {
      out.push(line);
      line = "//  ";
    }
    line += ` ${word}`;
  }
  out.push(line);
  return out;
}

/** Every file of the project, by relative path. */
export function projectFiles(estate: Estate, opts: WriteOptions): Record<string, string> {
  const files: Record<string, string> = {};
  files["Pulumi.yaml"] = `name: ${opts.project}\nruntime: nodejs\nmain: index.ts\ndescription: TPOPS at ${estate.endpoint}, imported by tpops-import\n`;
  files["index.ts"] = programText(estate, opts);
  files["package.json"] = `${JSON.stringify(
    {
      name: opts.project,
      private: true,
      main: "index.ts",
      dependencies: { "@pulumi/pulumi": "^3.248.0", "pulumi-tpops": opts.packageVersion },
      devDependencies: { "@types/node": "^20.19.0", typescript: "^5.9.3" },
    },
    null,
    2,
  )}\n`;
  files["tsconfig.json"] = `${JSON.stringify(
    { compilerOptions: { strict: true, target: "es2020", module: "commonjs", moduleResolution: "node", skipLibCheck: true, outDir: "bin" }, files: ["index.ts"] },
    null,
    2,
  )}\n`;
  if (opts.stack) {
    files[`Pulumi.${opts.stack}.yaml`] = `config:\n  tpops:endpoint: ${estate.endpoint}\n${opts.username ? `  tpops:username: ${opts.username}\n` : ""}`;
  }
  const commands = configCommands(estate, opts);
  const secrets = secretsOf(estate.declarations);
  files["README.md"] = [
    `# ${opts.project}`,
    "",
    `The TPOPS at ${estate.endpoint} as a Pulumi program, written by \`tpops-import\`: ${counts(estate.declarations) || "nothing"}.`,
    "",
    "## First run",
    "",
    "```sh",
    "npm install",
    ...(opts.stack ? [`pulumi stack init ${opts.stack}   # or: pulumi stack select ${opts.stack}`] : ["pulumi stack init <stack>"]),
    ...commands,
    "pulumi up                          # adopts every object: no change on the platform",
    "pulumi preview --expect-no-changes # passes",
    "```",
    "",
    ...(secrets.length
      ? [
          "## Secrets",
          "",
          "The platform cannot read these back, so the program takes them from the stack's config. Adopting sends none of them:",
          "",
          ...secrets.map((x) => `- \`${x.secret}\`: ${x.what}`),
          "",
          "A host's root password is used when the host is removed (reference 4.9.4); an instance's when it is replaced (4.11.6).",
          "Database users are declared without a password: adopt keeps their own, and setting one resets it (4.4.9).",
          "",
        ]
      : []),
    "## Not imported",
    "",
    ...estate.kindsNotImported.map((k) => `- **${k.kind}**: ${k.why}.`),
    ...(estate.skipped.length ? ["", "Objects left out:", "", ...estate.skipped.map((s) => `- ${s.kind} ${s.what}: ${s.why}.`)] : []),
    "",
  ].join("\n");
  return files;
}
