import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { activeInstance, resetDcs, showInstance } from "../instance-fixtures";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await emu.control.reset();
  resetDcs();
});

const policyPath = (id: string) => `/gaussdb/v3/instances/${id}/backups/policy`;
const configPath = (id: string) => `/gaussdb/v3/instances/${id}/backups/config`;
const example = {
  keep_days: 7,
  start_time: "19:00-20:00",
  period: "1,2,3,4,5",
  differential_period: "30",
  rate_limit: 75,
  prefetch_block: 64,
  file_split_size: 4,
  enable_standby_backup: "false",
};

describe("reference 4.2.5 GET …/backups/policy (platform default)", () => {
  it("answers the default policy of a new instance in the documented shape", async () => {
    const { id } = await activeInstance(emu, "triset");
    const r = await emu.api("GET", policyPath(id));
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      backup_policy: {
        keep_days: 7,
        start_time: "19:00-20:00",
        period: "1,2,3,4,5,6,7",
        differential_period: 30,
        rate_limit: 75,
        prefetch_block: 64,
        file_split_size: 4,
        enable_standby_backup: false,
      },
    });
  });
});

describe("reference 4.2.1 PUT …/backups/policy", () => {
  it("applies the example: 200 with no body; GET and the instance list reflect it", async () => {
    const { id } = await activeInstance(emu, "triset");
    const r = await emu.api("PUT", policyPath(id), { backup_policy: example });
    expect(r.status).toBe(200);
    expect(r.body).toBeUndefined();
    expect((await emu.api("GET", policyPath(id))).body.backup_policy).toMatchObject({ keep_days: 7, period: "1,2,3,4,5", differential_period: 30 });
    const r2 = await emu.api("PUT", policyPath(id), { backup_policy: { keep_days: 30, start_time: "23:00-00:00", period: "7", differential_period: 1440 } });
    expect(r2.status).toBe(200);
    const got = (await emu.api("GET", policyPath(id))).body.backup_policy;
    // optional fields left out keep their value
    expect(got).toMatchObject({ keep_days: 30, start_time: "23:00-00:00", period: "7", differential_period: 1440, rate_limit: 75, file_split_size: 4 });
    expect((await showInstance(emu, id)).backup_strategy).toEqual({ start_time: "23:00-00:00", keep_days: 30 });
  });

  it.each<[string, Record<string, unknown>]>([
    ["keep_days 0", { keep_days: 0 }],
    ["keep_days 733", { keep_days: 733 }],
    ["a two-hour window", { start_time: "19:00-21:00" }],
    ["a window not on the hour", { start_time: "19:30-20:30" }],
    ["an end hour 24", { start_time: "23:00-24:00" }],
    ["a malformed window", { start_time: "19-20" }],
    ["weekday 8", { period: "1,8" }],
    ["weekday 0", { period: "0" }],
    ["a slash-separated period", { period: "1/2" }],
    ["differential period 45", { differential_period: "45" }],
    ["rate_limit 1025", { rate_limit: 1025 }],
    ["rate_limit -1", { rate_limit: -1 }],
    ["prefetch_block 0", { prefetch_block: 0 }],
    ["prefetch_block 8193", { prefetch_block: 8193 }],
    ["file_split_size 1028", { file_split_size: 1028 }],
    ["file_split_size 6 (not a multiple of 4)", { file_split_size: 6 }],
    ["a missing keep_days", { keep_days: undefined }],
    ["a missing period", { period: undefined }],
    ["a missing differential_period", { differential_period: undefined }],
  ])("refuses %s with DBS.280125", async (_, over) => {
    const { id } = await activeInstance(emu, "single");
    const r = await emu.api("PUT", policyPath(id), { backup_policy: { ...example, ...over } });
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe("DBS.280125");
    expect((await emu.api("GET", policyPath(id))).body.backup_policy.keep_days).toBe(7);
  });

  it("refuses standby backup on a single-node instance, and a missing body", async () => {
    const { id } = await activeInstance(emu, "single");
    expect((await emu.api("PUT", policyPath(id), { backup_policy: { ...example, enable_standby_backup: true } })).body.error_code).toBe("DBS.280125");
    expect((await emu.api("PUT", policyPath(id), undefined)).body.error_code).toBe("DBS.200006");
    expect((await emu.api("PUT", policyPath(id), {})).body.error_code).toBe("DBS.280125");
  });
});

describe("reference 4.2.4 / 4.2.6 backups/config", () => {
  it("applies the example and answers it back", async () => {
    const { id } = await activeInstance(emu, "triset");
    const r = await emu.api("PUT", configPath(id), { rate_limit: 76, prefetch_block: 65, enable_standby_backup: true, close_compression: true });
    expect(r.status).toBe(200);
    expect(r.body).toBe("SUCCESS");
    const g = await emu.api("GET", configPath(id));
    expect(g.body).toEqual({ rate_limit: 76, prefetch_block: 65, enable_standby_backup: true, close_compression: true });
    expect((await emu.api("GET", policyPath(id))).body.backup_policy).toMatchObject({ rate_limit: 76, prefetch_block: 65, enable_standby_backup: true });
  });

  it.each<[string, unknown, string]>([
    ["rate_limit 1025", { rate_limit: 1025 }, "DBS.280125"],
    ["prefetch_block 0", { prefetch_block: 0 }, "DBS.280125"],
    ["a non-boolean close_compression", { close_compression: "yes" }, "DBS.280125"],
  ])("refuses %s", async (_, body, code) => {
    const { id } = await activeInstance(emu, "triset");
    const r = await emu.api("PUT", configPath(id), body);
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
  });

  it("refuses standby backup on a single-node instance", async () => {
    const { id } = await activeInstance(emu, "single");
    expect((await emu.api("PUT", configPath(id), { enable_standby_backup: true })).body.error_code).toBe("DBS.280125");
  });

  it("changes nothing for {} or unknown fields only (every 4.2.4 field is optional); a missing body is DBS.200006", async () => {
    const { id } = await activeInstance(emu, "triset");
    const before = (await emu.api("GET", configPath(id))).body;
    expect((await emu.api("PUT", configPath(id), {})).status).toBe(200);
    const unknown = await emu.api("PUT", configPath(id), { compression: true });
    expect([unknown.status, unknown.headers.get("x-emulator-ignored-fields")]).toEqual([200, "compression"]);
    expect((await emu.api("GET", configPath(id))).body).toEqual(before);
    expect((await emu.api("PUT", configPath(id), undefined)).body.error_code).toBe("DBS.200006");
  });

  it("takes the token in X-Auth-Token too, as 4.2.4 and 4.2.6 list it", async () => {
    const { id } = await activeInstance(emu, "triset");
    const token = await emu.login();
    const headers = { "X-Auth-Token": token };
    expect((await emu.api("PUT", configPath(id), { rate_limit: 70 }, { token: "", headers })).status).toBe(200);
    expect((await emu.api("GET", configPath(id), undefined, { token: "", headers })).body.rate_limit).toBe(70);
    // every other route reads X-Mini-Token only (reference 3.2)
    expect((await emu.api("GET", policyPath(id), undefined, { token: "", headers })).status).toBe(401);
  });
});

describe("reference 4.2.7 / 4.2.8 / 4.2.15 manual backups", () => {
  it("creates the example backup (202, BUILDING, BACKING UP), lists it COMPLETED, deletes it", async () => {
    const { id } = await activeInstance(emu, "triset");
    const r = await emu.api("POST", "/gaussdb/v3/backups", { instance_id: id, name: "backup", description: "mannual backup" });
    expect(r.status).toBe(202);
    expect(r.body).toEqual({
      backup: {
        id: expect.stringMatching(/^[0-9a-f]{32}br14$/),
        name: "backup",
        description: "mannual backup",
        status: "BUILDING",
        type: "manual",
        begin_time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/),
        instance_id: id,
      },
      job_id: expect.any(String),
    });
    expect((await showInstance(emu, id)).status).toBe("BACKING UP");
    const building = await emu.api("DELETE", `/gaussdb/v3/backups/${r.body.backup.id}`);
    expect([building.status, building.body.error_code]).toEqual([409, "DBS.201202"]);
    expect((await emu.waitJob(r.body.job_id)).name).toBe("CreateGaussDBManualBackup");
    expect((await showInstance(emu, id)).status).toBe("ACTIVE");

    const list = await emu.api("GET", `/gaussdb/v3.1/backups?instance_id=${id}&backup_type=manual`);
    expect(list.status).toBe(200);
    expect(list.body.total_count).toBe(1);
    expect(list.body.backups[0]).toEqual({
      id: r.body.backup.id,
      name: "backup",
      description: "mannual backup",
      begin_time: expect.any(String),
      end_time: expect.stringMatching(/\+0000$/),
      status: "COMPLETED",
      size: expect.any(Number),
      type: "manual",
      detail_message: null,
      datastore: { type: "GaussDB", version: "3.200.0" },
      instance_id: id,
      file_name: expect.stringContaining(r.body.backup.id),
    });
    const del = await emu.api("DELETE", `/gaussdb/v3/backups/${r.body.backup.id}`);
    expect(del.status).toBe(200);
    expect(del.body).toBeUndefined();
    expect((await emu.api("GET", `/gaussdb/v3.1/backups?backup_id=${r.body.backup.id}`)).body.total_count).toBe(0);
    const gone = await emu.api("DELETE", `/gaussdb/v3/backups/${r.body.backup.id}`);
    expect([gone.status, gone.body.error_code]).toEqual([400, "DBS.200751"]);
  });

  it("lists the automatic full backup taken after create and refuses to delete it (DBS.201218)", async () => {
    const { id } = await activeInstance(emu, "single");
    const list = await emu.api("GET", `/gaussdb/v3.1/backups?instance_id=${id}&backup_type=auto`);
    expect(list.body.total_count).toBe(1);
    const r = await emu.api("DELETE", `/gaussdb/v3/backups/${list.body.backups[0].id}`);
    expect([r.status, r.body.error_code]).toEqual([400, "DBS.201218"]);
  });

  it("filters by time window and pages", async () => {
    const { id } = await activeInstance(emu, "single");
    for (const name of ["backup-1", "backup-2"]) {
      await emu.waitJob((await emu.api("POST", "/gaussdb/v3/backups", { instance_id: id, name })).body.job_id);
    }
    const all = await emu.api("GET", "/gaussdb/v3.1/backups");
    expect(all.body.total_count).toBe(3);
    const page = await emu.api("GET", "/gaussdb/v3.1/backups?offset=2&limit=1");
    expect([page.body.backups.length, page.body.total_count]).toEqual([1, 3]);
    const inWindow = await emu.api("GET", "/gaussdb/v3.1/backups?begin_time=2000-01-01T00:00:00%2B0800&end_time=2100-01-01T00:00:00%2B0800");
    expect(inWindow.body.total_count).toBe(3);
    const before = await emu.api("GET", "/gaussdb/v3.1/backups?begin_time=2000-01-01T00:00:00%2B0800&end_time=2000-01-02T00:00:00%2B0800");
    expect(before.body.total_count).toBe(0);
  });

  it.each([
    ["begin_time alone", "begin_time=2022-05-09T18:02:31%2B0800", "DBS.200001"],
    ["a malformed time", "begin_time=2022-05-09&end_time=2022-05-10", "DBS.200001"],
    ["end before begin", "begin_time=2022-05-10T00:00:00%2B0800&end_time=2022-05-09T00:00:00%2B0800", "DBS.200001"],
    ["limit 101", "limit=101", "DBS.280439"],
    ["an unknown backup_type", "backup_type=full", "DBS.280001"],
  ])("refuses the list with %s", async (_, query, code) => {
    const r = await emu.api("GET", `/gaussdb/v3.1/backups?${query}`);
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["a three-character name", { name: "bak" }, "DBS.200001"],
    ["a name starting with a digit", { name: "1backup" }, "DBS.200001"],
    ["a description with <", { description: "a<b" }, "DBS.200001"],
    ["a log backup on a non-XBSA instance", { backup_type: "log" }, "DBS.200001"],
  ])("refuses a manual backup with %s", async (_, over, code) => {
    const { id } = await activeInstance(emu, "single");
    const r = await emu.api("POST", "/gaussdb/v3/backups", { instance_id: id, name: "backup", ...over });
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
  });

  it("refuses a backup of an unknown or stopped instance; keeps differential backups out of the full-backup list", async () => {
    const unknown = await emu.api("POST", "/gaussdb/v3/backups", { instance_id: "0".repeat(32) + "in14", name: "backup" });
    expect(unknown.body.error_code).toBe("DBS.200002");
    const { id } = await activeInstance(emu, "single");
    const diff = await emu.api("POST", "/gaussdb/v3/backups", { instance_id: id, name: "backup", backup_type: "differential" });
    expect(diff.status).toBe(202);
    await emu.waitJob(diff.body.job_id);
    // differential backups are not in the full-backup list (reference 4.2.15 constraint)
    expect((await emu.api("GET", `/gaussdb/v3.1/backups?instance_id=${id}&backup_type=manual`)).body.total_count).toBe(0);
    await emu.waitJob((await emu.api("POST", `/gaussdb/v3/instances/${id}/db-stop`, { node_ids: [] })).body.job_id);
    // every node stopped: A.3 DBS.216011 "实例节点状态不允许操作"
    expect((await emu.api("POST", "/gaussdb/v3/backups", { instance_id: id, name: "backup" })).body.error_code).toBe("DBS.216011");
  });

  it("ignores an unknown field of a manual backup, naming it", async () => {
    const { id } = await activeInstance(emu, "single");
    const r = await emu.api("POST", "/gaussdb/v3/backups", { instance_id: id, name: "backup", region: "x" });
    expect([r.status, r.headers.get("x-emulator-ignored-fields")]).toEqual([202, "region"]);
  });

  it("refuses Snapshot_Xbsa / Log_Xbsa lists for an instance below 3.301 (4.2.15 \"仅支持3.301及以上版本实例\")", async () => {
    const old = await activeInstance(emu, "single", { datastore: { type: "GaussDB", version: "3.200.0" } });
    const now = await activeInstance(emu, "single", { datastore: { type: "GaussDB", version: "3.301.0" } });
    for (const t of ["Snapshot_Xbsa", "Log_Xbsa"]) {
      const r = await emu.api("GET", `/gaussdb/v3.1/backups?instance_id=${old.id}&backup_type=${t}`);
      expect([r.status, r.body.error_code]).toEqual([400, "DBS.200001"]);
      expect((await emu.api("GET", `/gaussdb/v3.1/backups?instance_id=${now.id}&backup_type=${t}`)).body.total_count).toBe(0);
    }
    expect((await emu.api("GET", `/gaussdb/v3.1/backups?instance_id=${old.id}&backup_type=OffSite_Log_Xbsa`)).status).toBe(200);
  });

  it("keeps DBMind instances out of the backups (4.2.15 datastore.type \"枚举值:GaussDB\")", async () => {
    const { id } = await activeInstance(emu, "single", { datastore: { type: "gaussdbv5-dbmind", version: "3.200.0" } });
    expect((await emu.api("GET", `/gaussdb/v3.1/backups?instance_id=${id}`)).body.total_count).toBe(0);
    const r = await emu.api("POST", "/gaussdb/v3/backups", { instance_id: id, name: "backup" });
    expect([r.status, r.body.error_code]).toEqual([400, "DBS.216009"]);
    for (const b of (await emu.api("GET", "/gaussdb/v3.1/backups")).body.backups) expect(b.datastore.type).toBe("GaussDB");
  });
});
