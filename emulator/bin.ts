/**
 * `tpops-emulator` as installed (dist/emulator/cli.js): runs `main` of cli.ts from the emulator bundle next to this
 * file (dist/emulator/index.js), so the package carries the emulator once.
 */
import { join } from "node:path";

// A computed path: the bundler leaves it to Node, which loads the bundle next to this file.
const load: NodeRequire = require;
const emulator = load(join(__dirname, "index.js")) as { cliMain(argv: readonly string[], io: undefined, handleSignals: boolean): Promise<unknown> };
emulator.cliMain(process.argv.slice(2), undefined, true).catch((err: unknown) => {
  process.stderr.write(`tpops-emulator: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
