/** Headline figures each bench leaves for scripts/bench.mjs's summary table (`.tmp/bench/<name>.summary.json`). */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** One headline figure against its target. */
export interface Summary {
  readonly figure: string;
  readonly value: string;
  readonly target: string;
  readonly met: boolean;
}

/** Writes the figures of bench `name` next to its bundle (.tmp/bench). */
export function writeSummary(name: string, rows: readonly Summary[]): void {
  // Bundled into .tmp/bench/<name>.cjs, so __dirname is .tmp/bench; from source it is bench/.
  const dir = __dirname.endsWith(join(".tmp", "bench")) ? __dirname : resolve(__dirname, "../.tmp/bench");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.summary.json`), JSON.stringify(rows, null, 2));
}
