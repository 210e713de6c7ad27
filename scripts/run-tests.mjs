// Runs vitest over the given paths (default: every tier) and ends with one plain summary line,
// `tests: N passed, N failed, N skipped`, which CI reads. Exits non-zero on any failure.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const report = join(root, ".tmp/vitest-report.json");
mkdirSync(dirname(report), { recursive: true });
rmSync(report, { force: true });
const paths = process.argv.slice(2);
const started = Date.now();
const r = spawnSync(
  process.execPath,
  [join(root, "node_modules/vitest/vitest.mjs"), "run", ...paths, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
  { cwd: root, stdio: "inherit", env: { ...process.env, FORCE_COLOR: process.env.CI ? "0" : process.env.FORCE_COLOR } },
);
let passed = 0, failed = 0, skipped = 0;
try {
  const j = JSON.parse(readFileSync(report, "utf8"));
  passed = j.numPassedTests;
  failed = j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0) + (j.testResults ?? []).filter((f) => f.status === "failed" && (f.assertionResults ?? []).length === 0).length;
  skipped = j.numPendingTests + j.numTodoTests;
} catch {
  failed = Math.max(failed, 1);
}
const code = r.status === 0 && failed === 0 && passed > 0 ? 0 : r.status || 1;
console.log(`(${((Date.now() - started) / 1000).toFixed(0)}s)`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(code);
