import { describe, expect, it } from "vitest";
import {
  applyConfigUpdate,
  applyPolicyUpdate,
  checkManualBackup,
  checkStartTime,
  defaultBackupPolicy,
  formatBackupTime,
  parseBackupTime,
} from "../../emulator/domain/backup-rules";
import { checkParamValue, defaultConfigurationId, knownConfigurationIds, templateFor, PARAMETER_DEFS } from "../../emulator/domain/parameter-templates";
import { ENGINE_VERSIONS } from "../../emulator/domain/engine-versions";

const ctx = { standbyBackupSupported: true };
const valid = { keep_days: 7, start_time: "19:00-20:00", period: "1,2,3,4,5", differential_period: "30" };

describe("backup policy rules (reference 4.2.1)", () => {
  it("applies the reference example and keeps unset optional fields", () => {
    const r = applyPolicyUpdate(defaultBackupPolicy(), { backup_policy: { ...valid, rate_limit: 75, prefetch_block: 64, file_split_size: 4, enable_standby_backup: "false" } }, ctx);
    expect(r.ok && r.value).toMatchObject({ keep_days: 7, period: "1,2,3,4,5", differential_period: 30, rate_limit: 75 });
    const base = { ...defaultBackupPolicy(), rate_limit: 11 };
    const kept = applyPolicyUpdate(base, { backup_policy: valid }, ctx);
    expect(kept.ok && kept.value.rate_limit).toBe(11);
  });
  it.each(["00:00-01:00", "08:00-09:00", "22:00-23:00", "23:00-00:00"])("accepts window %s", (w) => {
    expect(checkStartTime(w).ok).toBe(true);
  });
  it.each(["19:00-21:00", "19:30-20:30", "19:00-20:30", "23:00-24:00", "24:00-01:00", "7:00-8:00", "", 19])("refuses window %s", (w) => {
    expect(checkStartTime(w).ok).toBe(false);
  });
  it.each([
    ["keep_days", 0], ["keep_days", 733], ["keep_days", "7"], ["keep_days", 1.5],
    ["period", "0,1"], ["period", "8"], ["period", "1,,2"], ["period", ""], ["period", "1/2"],
    ["differential_period", "45"], ["differential_period", 0], ["differential_period", "x"],
    ["rate_limit", -1], ["rate_limit", 1025],
    ["prefetch_block", 0], ["prefetch_block", 8193],
    ["file_split_size", -4], ["file_split_size", 1028], ["file_split_size", 6],
    ["enable_standby_backup", "yes"],
  ])("refuses %s = %j with DBS.280125", (field, value) => {
    const r = applyPolicyUpdate(defaultBackupPolicy(), { backup_policy: { ...valid, [field]: value } }, ctx);
    expect(r.ok ? undefined : r.violation).toMatchObject({ code: "DBS.280125", field: `backup_policy.${field}` });
  });
  it.each([["keep_days", 1], ["keep_days", 732], ["differential_period", 1440], ["differential_period", "15"], ["rate_limit", 0], ["rate_limit", 1024], ["prefetch_block", 1], ["prefetch_block", 8192], ["file_split_size", 0], ["file_split_size", 1024], ["period", "7,1"], ["period", "1,1"]])(
    "accepts %s = %j",
    (field, value) => {
      expect(applyPolicyUpdate(defaultBackupPolicy(), { backup_policy: { ...valid, [field]: value } }, ctx).ok).toBe(true);
    },
  );
  it.each(["keep_days", "start_time", "period", "differential_period"])("requires %s", (field) => {
    const p: Record<string, unknown> = { ...valid };
    delete p[field];
    expect(applyPolicyUpdate(defaultBackupPolicy(), { backup_policy: p }, ctx).ok).toBe(false);
  });
  it("refuses standby backup where unsupported", () => {
    const r = applyPolicyUpdate(defaultBackupPolicy(), { backup_policy: { ...valid, enable_standby_backup: true } }, { standbyBackupSupported: false });
    expect(r.ok).toBe(false);
  });
});

describe("backup config rules (reference 4.2.4)", () => {
  it("applies the example (its \"close_compression \" is not a field) and keeps absent fields", () => {
    const r = applyConfigUpdate(defaultBackupPolicy(), { rate_limit: 76, prefetch_block: 65, enable_standby_backup: true, "close_compression ": true }, ctx);
    expect(r.ok && r.value).toMatchObject({ rate_limit: 76, prefetch_block: 65, enable_standby_backup: true, close_compression: false });
    // every 4.2.4 field is optional: a body without one changes nothing
    expect(applyConfigUpdate(defaultBackupPolicy(), {}, ctx)).toEqual({ ok: true, value: defaultBackupPolicy() });
    expect(applyConfigUpdate(defaultBackupPolicy(), { close_compression: true }, ctx).ok).toBe(true);
  });
  it.each([["rate_limit", 1025], ["prefetch_block", 0], ["close_compression", "maybe"]])("refuses %s = %j", (f, v) => {
    expect(applyConfigUpdate(defaultBackupPolicy(), { [f]: v }, ctx).ok).toBe(false);
  });
});

describe("manual backups (reference 4.2.7)", () => {
  it("accepts the reference example", () => {
    const r = checkManualBackup({ instance_id: "d8e6ca5a624745bcb546a227aa3ae1cfin01", name: "backup", description: "mannual backup" });
    expect(r.ok && r.value.backupType).toBe("completed");
  });
  it.each([
    [{ name: "bak" }], [{ name: "1backup" }], [{ name: "back up" }], [{ name: "b".repeat(65) }],
    [{ description: "a<b" }], [{ description: "x".repeat(257) }], [{ backup_type: "log" }], [{ backup_type: "full" }], [{ instance_id: "" }],
  ])("refuses %j", (over) => {
    expect(checkManualBackup({ instance_id: "i1", name: "backup", ...over }).ok).toBe(false);
  });
  it("round-trips the time format", () => {
    const ms = Date.UTC(2022, 4, 9, 10, 2, 31);
    expect(formatBackupTime(ms)).toBe("2022-05-09T10:02:31+0000");
    expect(parseBackupTime("2022-05-09T18:02:31+0800")).toBe(ms);
    expect(parseBackupTime("2022-02-30T00:00:00+0000")).toBeUndefined();
    expect(parseBackupTime("2022-05-09 18:02:31")).toBeUndefined();
  });
});

describe("parameter templates (reference 4.3)", () => {
  it.each([...ENGINE_VERSIONS])("version %s has at least 30 parameters with valid defaults", (v) => {
    for (const family of ["centralized", "distributed"] as const) {
      const t = templateFor(v, family);
      expect(new Set(t.map((e) => e.def.name)).size).toBeGreaterThanOrEqual(30);
      for (const e of t) expect(checkParamValue(e.def, e.default), `${v} ${e.name}`).toBeNull();
    }
  });
  it("prefixes distributed names with cn:/dn: and adds version-gated parameters", () => {
    const names = templateFor("3.200.0", "distributed").map((e) => e.name);
    expect(names).toContain("cn:max_connections");
    expect(names).toContain("dn:max_connections");
    expect(names).toContain("cn:enable_tsdb");
    expect(names).not.toContain("dn:enable_tsdb");
    expect(names).not.toContain("max_connections");
    const central = templateFor("3.100.0", "centralized").map((e) => e.name);
    expect(central).not.toContain("enable_thread_pool");
    expect(central).not.toContain("enable_tsdb");
    expect(templateFor("3.103.0", "centralized").map((e) => e.name)).toContain("enable_thread_pool");
  });
  const def = (name: string) => PARAMETER_DEFS.find((d) => d.name === name)!;
  it.each([
    ["max_connections", "10", true], ["max_connections", "262143", true], ["max_connections", "9", false], ["max_connections", "262144", false],
    ["max_connections", "1e3", false], ["max_connections", 100, false], ["log_min_duration_statement", "-1", true], ["log_min_duration_statement", "-2", false],
    ["checkpoint_completion_target", "0.9", true], ["checkpoint_completion_target", "1.1", false], ["wal_level", "logical", true], ["wal_level", "replica", false],
    ["enable_thread_pool", "on", true], ["enable_thread_pool", "true", false], ["DateStyle", "ISO, DMY", true], ["DateStyle", "ISO", false],
    ["application_name", "x".repeat(63), true], ["application_name", "x".repeat(64), false], ["default_statistics_target", "-100", true],
  ] as const)("%s = %j valid=%s", (name, value, ok) => {
    expect(checkParamValue(def(name), value) === null).toBe(ok);
  });
  it("has distinct deterministic template ids", () => {
    expect(defaultConfigurationId("3.200.0", "centralized")).toMatch(/^[0-9a-f]{32}pr14$/);
    expect(knownConfigurationIds().size).toBe(ENGINE_VERSIONS.length * 2);
  });
});
