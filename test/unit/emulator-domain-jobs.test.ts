import { describe, expect, it } from "vitest";
import { INSTANCE_JOBS } from "../../emulator/routes/instance/instances";
import { PARAMETER_JOB } from "../../emulator/routes/instance/parameters";
import { BACKUP_JOB } from "../../emulator/routes/backup/backups";

const MIN = 60_000;

describe("instance-side job durations at time scale 1.0 are realistic", () => {
  it.each<[string, number, number, number]>([
    ["create (single host)", INSTANCE_JOBS.create.baseMs + INSTANCE_JOBS.create.perHostMs, 10 * MIN, 60 * MIN],
    ["create (hcs1, 9 hosts)", INSTANCE_JOBS.create.baseMs + 9 * INSTANCE_JOBS.create.perHostMs, 10 * MIN, 60 * MIN],
    ["restore", INSTANCE_JOBS.restore.baseMs + INSTANCE_JOBS.restore.perHostMs, 10 * MIN, 90 * MIN],
    ["in-place upgrade", INSTANCE_JOBS.upgrade.inplaceMs, 10 * MIN, 20 * MIN],
    ["grey upgrade of one AZ", INSTANCE_JOBS.upgrade.greyPerAzMs, 2 * MIN, 20 * MIN],
    ["restart", INSTANCE_JOBS.restart.durationMs, 1 * MIN, 5 * MIN],
    ["stop", INSTANCE_JOBS.stop.durationMs, 30_000, 5 * MIN],
    ["start", INSTANCE_JOBS.start.durationMs, 30_000, 5 * MIN],
    ["uninstall", INSTANCE_JOBS.uninstall.durationMs, 2 * MIN, 30 * MIN],
    ["expansion of one group", INSTANCE_JOBS.expand.perGroupMs, 10 * MIN, 60 * MIN],
    ["solution change", INSTANCE_JOBS.solution.durationMs, 10 * MIN, 60 * MIN],
    ["parameter change", PARAMETER_JOB.durationMs, 1_000, 1 * MIN],
    ["manual backup", BACKUP_JOB.durationMs, 1 * MIN, 30 * MIN],
  ])("%s takes %i ms (between %i and %i)", (_, ms, lo, hi) => {
    expect(ms).toBeGreaterThanOrEqual(lo);
    expect(ms).toBeLessThanOrEqual(hi);
  });
});
