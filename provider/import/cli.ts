/**
 * `tpops-import --out DIR`: reads a live TPOPS (all of it, or the data centers and instances named) and writes a
 * Pulumi TypeScript project that adopts every object. Endpoint and credentials come from the same `TPOPS_*`
 * environment variables the provider reads (TPOPS_ENDPOINT, TPOPS_USERNAME, TPOPS_PASSWORD, TPOPS_CA_CERT,
 * TPOPS_INSECURE); no Pulumi project or stack is needed to run it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { closeAllClients, getClient, TpopsError } from "../client";
import { resolveClientConfig } from "../config";
import { readEstate } from "./read";
import { configCommands, counts, projectFiles } from "./write";

const USAGE = `Usage: tpops-import --out DIR [--data-center NAME|ID]... [--instance NAME]... [--stack NAME] [--project NAME] [--force]

Reads a TPOPS platform and writes a Pulumi TypeScript project (index.ts, Pulumi.yaml, package.json, tsconfig.json,
README.md) whose first \`pulumi up\` adopts every object without changing the platform.

  --out DIR            folder to write the project into (created if missing)
  --data-center X      only this data center (name or id), its hosts and the instances on them (repeatable)
  --instance NAME      only this instance, its hosts and their data centers and key pairs (repeatable)
  --stack NAME         also write Pulumi.NAME.yaml with tpops:endpoint and tpops:username
  --project NAME       Pulumi project name (default: the folder's name)
  --force              overwrite the project files in a folder that has them

The platform: TPOPS_ENDPOINT, TPOPS_USERNAME, TPOPS_PASSWORD (and TPOPS_CA_CERT or TPOPS_INSECURE=true), as for the provider.`;

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: readonly string[], out: { log: (s: string) => void; error: (s: string) => void } = console): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        out: { type: "string" },
        "data-center": { type: "string", multiple: true },
        instance: { type: "string", multiple: true },
        stack: { type: "string" },
        project: { type: "string" },
        force: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: false,
    }));
  } catch (e) {
    out.error(`tpops-import: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out.log(USAGE);
    return 0;
  }
  if (!values.out) {
    out.error(`tpops-import: --out is required: the folder to write the project into\n\n${USAGE}`);
    return 2;
  }
  const dir = resolve(values.out);
  const project = (values.project ?? basename(dir)).replace(/[^A-Za-z0-9._-]+/g, "-") || "tpops";
  if (values.stack !== undefined && !/^[A-Za-z0-9._-]+$/.test(values.stack)) {
    out.error(`tpops-import: --stack ${JSON.stringify(values.stack)} is not a stack name; use letters, digits, ., _ and -`);
    return 2;
  }
  if (!values.force && existsSync(dir) && ["index.ts", "Pulumi.yaml"].some((f) => existsSync(join(dir, f)))) {
    out.error(`tpops-import: ${dir} already holds a Pulumi project (index.ts or Pulumi.yaml); choose another --out, or pass --force to overwrite its files`);
    return 1;
  }
  try {
    const config = resolveClientConfig();
    const client = getClient(config);
    const estate = await readEstate(client, {
      endpoint: config.endpoint,
      filter: { dataCenters: values["data-center"] ?? [], instances: values.instance ?? [] },
      progress: (m) => out.error(`tpops-import: ${m}`),
    });
    const files = projectFiles(estate, { project, stack: values.stack, username: config.username, packageVersion: `^${packageVersion()}`, when: new Date() });
    mkdirSync(dir, { recursive: true });
    for (const [rel, text] of Object.entries(files)) writeFileSync(join(dir, rel), text);
    out.log(`tpops-import: wrote ${dir} (${Object.keys(files).join(", ")})`);
    out.log(`imported: ${counts(estate.declarations) || "nothing"}`);
    out.log(`not imported: ${estate.kindsNotImported.map((k) => k.kind).join(", ")} (why: README.md and the end of index.ts)`);
    if (estate.skipped.length) {
      out.log(`left out (${estate.skipped.length}):`);
      for (const s of estate.skipped) out.log(`  ${s.kind} ${s.what}: ${s.why}`);
    }
    out.log("next, in that folder:");
    for (const c of ["npm install", `pulumi stack init ${values.stack ?? "<stack>"}`, ...configCommands(estate, { stack: values.stack, username: config.username }), "pulumi up"]) out.log(`  ${c}`);
    return 0;
  } catch (e) {
    // One line a person can act on: the client's errors name the call and the platform's code, never a secret.
    out.error(`tpops-import: ${e instanceof TpopsError || e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    await closeAllClients();
  }
}

/** This package's version (the generated project depends on it). */
function packageVersion(): string {
  for (const p of [join(__dirname, "../../package.json"), join(__dirname, "../package.json")]) {
    try {
      const pkg = JSON.parse(readFileSync(p, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "pulumi-tpops" && pkg.version) return pkg.version;
    } catch {
      /* next */
    }
  }
  return "0.1.0";
}
