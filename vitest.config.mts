import { defineConfig } from "vitest/config";

// Tiers: unit and conformance run in parallel; integ and e2e start emulators and (e2e) the real Pulumi
// engine, so they run with fewer workers on the 2-core CI machine.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    reporters: ["default"],
  },
});
