/**
 * `tpops-import` as installed (dist/import/cli.js): runs the CLI of cli.ts from the provider runtime bundle
 * (dist/provider/index.js), which already holds the client and every resource's read, so the package carries that
 * code once.
 */
import { join } from "node:path";

// A computed path: the bundler leaves it to Node, which loads the runtime next to this file.
const load: NodeRequire = require;
const runtime = load(join(__dirname, "../provider/index.js")) as { importCli(argv: readonly string[]): Promise<number> };
void runtime.importCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
