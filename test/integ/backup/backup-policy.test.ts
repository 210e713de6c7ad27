// BackupPolicy provider methods against the emulator over real HTTP (issue 6): every documented rule at preview,
// one policy per instance, create/read drift/update/delete restoring the platform default.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestEmulator } from "../../helpers/emulator";
import { backupPolicy, resetBackupPolicyRegistry, standbyRefusal, startTimeProblem } from "../../../provider/resources/backup/backup-policy";
import { UNKNOWN } from "../../../provider/resources/framework";
import { addHosts, checked, createInstance, instanceArgs, PROVIDER, requestCount, startProviderEmulator } from "../instance-fixtures";

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startProviderEmulator();
});
afterAll(async () => emu?.close());
beforeEach(async () => {
  await emu.control.reset();
  resetBackupPolicyRegistry();
});

const INSTANCE = "0123456789abcdef0123456789abcdefin14";

describe("check: every documented rule refused at preview, naming field, value and fix", () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["keepDays 0", { keepDays: 0 }, "keepDays", /keepDays: 0 is below the minimum 1/],
    ["keepDays 733", { keepDays: 733 }, "keepDays", /keepDays: 733 is above the maximum 732/],
    ["startTime not on the hour", { startTime: "19:30-20:30" }, "startTime", /"19:30-20:30" must start and end on the hour \(minutes 00\); use "19:00-20:00"/],
    ["startTime two hours", { startTime: "19:00-21:00" }, "startTime", /"19:00-21:00" must last exactly one hour \(HH = hh \+ 1, 23:00-00:00 included\); use "19:00-20:00"/],
    ["startTime backwards", { startTime: "20:00-19:00" }, "startTime", /must last exactly one hour.*use "20:00-21:00"/],
    ["startTime hour 24", { startTime: "24:00-01:00" }, "startTime", /"24:00-01:00" is not a valid time of day/],
    ["startTime malformed", { startTime: "7pm" }, "startTime", /"7pm" is not a window hh:mm-HH:MM; use e.g. "19:00-20:00"/],
    ["period weekday 0", { period: [0, 1] }, "period.0", /period.0: 0 is not a weekday; use 1 \(Monday\) to 7 \(Sunday\)/],
    ["period weekday 8", { period: [1, 8] }, "period.1", /8 is not a weekday/],
    ["period empty", { period: [] }, "period", /\[\] is empty; name at least one weekday 1-7/],
    ["period as the API's string", { period: "1,2" }, "period", /"1,2" is a string; expected an array/],
    ["differentialPeriod 45", { differentialPeriod: 45 }, "differentialPeriod", /45 is not an allowed interval; use one of 15, 30, 60, 180, 360, 720, 1440 \(minutes\)/],
    ["rateLimit -1", { rateLimit: -1 }, "rateLimit", /-1 is below the minimum 0/],
    ["rateLimit 1025", { rateLimit: 1025 }, "rateLimit", /1025 is above the maximum 1024/],
    ["prefetchBlock 0", { prefetchBlock: 0 }, "prefetchBlock", /0 is below the minimum 1/],
    ["prefetchBlock 8193", { prefetchBlock: 8193 }, "prefetchBlock", /8193 is above the maximum 8192/],
    ["fileSplitSize not a multiple of 4", { fileSplitSize: 6 }, "fileSplitSize", /6 is not a multiple of 4; use 0, 4, 8, … 1024 \(GB\)/],
    ["fileSplitSize 1028", { fileSplitSize: 1028 }, "fileSplitSize", /1028 is above the maximum 1024/],
    ["enableStandbyBackup not boolean", { enableStandbyBackup: "false" }, "enableStandbyBackup", /"false" is a string; expected a boolean/],
    ["missing instanceId", { instanceId: undefined }, "instanceId", /instanceId is required/],
  ];
  it.each(cases)("%s", async (_t, override, property, reason) => {
    const r = await backupPolicy.check({}, { instanceId: INSTANCE, ...override });
    const f = r.failures?.find((x) => x.property === property);
    expect(f?.reason, JSON.stringify(r.failures)).toMatch(reason);
    expect(f?.reason.startsWith(property)).toBe(true);
  });

  it.each(["00:00-01:00", "08:00-09:00", "22:00-23:00", "23:00-00:00"])("accepts the window %s", (w) => {
    expect(startTimeProblem(w)).toBeUndefined();
  });

  it("applies the platform defaults, orders the weekdays and counts a repeated day once (no rule forbids it)", async () => {
    const inputs = await checked(backupPolicy, { instanceId: INSTANCE, period: [5, 1, 3, 1] });
    expect(inputs).toMatchObject({ keepDays: 7, startTime: "19:00-20:00", period: [1, 3, 5], differentialPeriod: 30, rateLimit: 75, prefetchBlock: 64, fileSplitSize: 4, enableStandbyBackup: false, closeCompression: false });
  });
});

describe("one policy per instance", () => {
  it("refuses a second BackupPolicy for the same instance in one stack", async () => {
    await checked(backupPolicy, { instanceId: INSTANCE, __autoNamePrefix: "nightly" });
    // The same resource checked again (preview, then update) is not a conflict.
    await checked(backupPolicy, { instanceId: INSTANCE, keepDays: 9, __autoNamePrefix: "nightly" });
    const r = await backupPolicy.check({}, { instanceId: INSTANCE, __autoNamePrefix: "weekly" });
    expect(r.failures?.[0]?.reason).toMatch(/instanceId: "0123456789abcdef0123456789abcdefin14" already has a BackupPolicy in this stack \(nightly\).*Merge the two resources/);
  });

  it("cannot detect the conflict while the id is unknown at preview (documented limit), and does once it is known", async () => {
    await checked(backupPolicy, { instanceId: INSTANCE, __autoNamePrefix: "a" });
    await checked(backupPolicy, { instanceId: UNKNOWN, __autoNamePrefix: "b" });
    const known = await backupPolicy.check({}, { instanceId: INSTANCE, __autoNamePrefix: "b" });
    expect(known.failures?.[0]?.property).toBe("instanceId");
  });

  it("frees the instance when a policy moves to another instance", async () => {
    const other = INSTANCE.replace("0123", "9999");
    const first = await checked(backupPolicy, { instanceId: INSTANCE, __autoNamePrefix: "a" });
    await checked(backupPolicy, { instanceId: other, __autoNamePrefix: "a" }, first);
    await checked(backupPolicy, { instanceId: INSTANCE, __autoNamePrefix: "b" });
  });
});

describe("BackupPolicy lifecycle", () => {
  it("sets the policy, shows drift on read, updates in place and restores the platform default on delete", async () => {
    const hosts = await addHosts(emu, 3);
    const { id: instanceId } = await createInstance(emu, instanceArgs("triset", hosts, { engineVersion: "3.200.0" }));
    const platformDefault = (await emu.api("GET", `/gaussdb/v3/instances/${instanceId}/backups/policy`)).body.backup_policy;
    const defaultConfig = (await emu.api("GET", `/gaussdb/v3/instances/${instanceId}/backups/config`)).body;

    const inputs = await checked(backupPolicy, {
      instanceId,
      keepDays: 14,
      startTime: "23:00-00:00",
      period: [6, 7],
      differentialPeriod: 60,
      rateLimit: 100,
      prefetchBlock: 128,
      fileSplitSize: 8,
      enableStandbyBackup: true,
      closeCompression: true,
    });
    const created = await backupPolicy.create(inputs);
    expect(created.id).toBe(instanceId);
    const live = (await emu.api("GET", `/gaussdb/v3/instances/${instanceId}/backups/policy`)).body.backup_policy;
    // reference 4.2.1: period goes out as the API's comma string.
    expect(live).toMatchObject({ keep_days: 14, start_time: "23:00-00:00", period: "6,7", differential_period: 60, rate_limit: 100, prefetch_block: 128, file_split_size: 8, enable_standby_backup: true });
    expect((await emu.api("GET", `/gaussdb/v3/instances/${instanceId}/backups/config`)).body.close_compression).toBe(true);
    expect(created.outs).toMatchObject({ keepDays: 14, period: [6, 7], closeCompression: true });

    // Drift: a DBA changes the policy out of band; read shows the live values.
    await emu.api("PUT", `/gaussdb/v3/instances/${instanceId}/backups/policy`, { backup_policy: { keep_days: 3, start_time: "01:00-02:00", period: "1", differential_period: "15" } });
    const read = await backupPolicy.read(instanceId, { ...created.outs, __provider: PROVIDER });
    expect(read.props).toMatchObject({ keepDays: 3, startTime: "01:00-02:00", period: [1], differentialPeriod: 15 });
    expect(read.inputs).toMatchObject({ keepDays: 3 });
    expect(await backupPolicy.diff(instanceId, read.props, inputs)).toMatchObject({ changes: true, replaces: [] });

    const updated = await backupPolicy.update(instanceId, read.props, { ...inputs, keepDays: 30, closeCompression: false });
    expect(updated.outs).toMatchObject({ keepDays: 30, startTime: "23:00-00:00", closeCompression: false });
    expect(await requestCount(emu, "PUT", "/gaussdb/v3/instances/{instance_id}/backups/config", 200)).toBe(2);

    await backupPolicy.delete(instanceId, updated.outs);
    expect((await emu.api("GET", `/gaussdb/v3/instances/${instanceId}/backups/policy`)).body.backup_policy).toEqual(platformDefault);
    expect((await emu.api("GET", `/gaussdb/v3/instances/${instanceId}/backups/config`)).body).toEqual(defaultConfig);
  });

  it("reports the policy gone with its instance, and deletes it as already gone", async () => {
    const state = { instanceId: INSTANCE, keepDays: 7 };
    expect((await backupPolicy.read(INSTANCE, state)).id).toBe("");
    await expect(backupPolicy.delete(INSTANCE, state)).resolves.toBeUndefined();
  });

  it("refuses standby backups of a single-node instance at preview, and at create before any change (reference 4.2.4)", async () => {
    const hosts = await addHosts(emu, 1);
    const { id: instanceId } = await createInstance(emu, instanceArgs("single", hosts, { engineVersion: "3.200.0" }));
    const r = await backupPolicy.check({}, { instanceId, enableStandbyBackup: true, __autoNamePrefix: "p" });
    expect(r.failures).toEqual([
      {
        property: "enableStandbyBackup",
        reason: expect.stringMatching(new RegExp(`^enableStandbyBackup: true is not supported for instance ${instanceId}, a single-node instance.*\\(reference 4.2.4 "不支持单节点实例及3.100.0以下的实例"\\); set it to false$`)),
      },
    ]);
    await expect(backupPolicy.create(r.inputs!)).rejects.toThrow(/BackupPolicy .*nothing was changed: enableStandbyBackup: true is not supported/);
    expect(await requestCount(emu, "PUT", "/gaussdb/v3/instances/{instance_id}/backups/policy")).toBe(0);
  });

  it("accepts standby backups of a multi-node instance; an unchanged setting is not looked up again", async () => {
    const hosts = await addHosts(emu, 3);
    const { id: instanceId } = await createInstance(emu, instanceArgs("triset", hosts, { engineVersion: "3.200.0" }));
    const inputs = await checked(backupPolicy, { instanceId, enableStandbyBackup: true, __autoNamePrefix: "p" });
    const created = await backupPolicy.create(inputs);
    expect(created.outs.enableStandbyBackup).toBe(true);
    await emu.control.clearRequests();
    await checked(backupPolicy, { instanceId, enableStandbyBackup: true, keepDays: 9, __autoNamePrefix: "p" }, created.outs);
    expect(await requestCount(emu, "GET", "/gaussdb/v3/instances")).toBe(0);
  });

  it.each([
    ["single", "3.200.0", /a single-node instance \(single\)/],
    ["hcs6", "3.200.0", /a single-node instance \(hcs6\)/],
    ["triset", "3.0.5", /version 3.0.5, below 3.100.0/],
    ["triset", "3.100.0", undefined],
    ["hcs2", "3.200.0", undefined],
  ])("standby backups on %s %s", (solution, version, problem) => {
    const why = standbyRefusal({ id: "i1", solution, nodes: [], datastore: { type: "GaussDB", version } });
    if (problem) expect(why).toMatch(problem);
    else expect(why).toBeUndefined();
  });
});
