/**
 * `tpops` as installed (dist/cli/tpops.js): runs the CLI of tpops.ts from the provider runtime bundle
 * (dist/provider/index.js), which already holds the client, so the package carries that code once.
 */
import { join } from "node:path";

// A computed path: the bundler leaves it to Node, which loads the runtime next to this file.
const load: NodeRequire = require;
const runtime = load(join(__dirname, "../provider/index.js")) as { tpopsCli(argv: readonly string[]): Promise<number> };
void runtime.tpopsCli(process.argv.slice(2)).then((code) => process.exit(code));
