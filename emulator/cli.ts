/**
 * The `tpops-emulator` command as a module: cli-lib.ts holds it (usage, argument parsing, `main`), which the emulator
 * bundle exports as `cliMain` for the installed launcher (bin.ts). Run directly (bundled on its own, as tests do),
 * this module starts it; importing it starts nothing.
 */
import { main } from "./cli-lib";

export * from "./cli-lib";

// Run only as the bundled bin (CommonJS); importing the module (tests) must not start a server.
if (typeof require !== "undefined" && typeof module !== "undefined" && require.main === module) {
  main(process.argv.slice(2), undefined, true).catch((err: unknown) => {
    process.stderr.write(`tpops-emulator: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
