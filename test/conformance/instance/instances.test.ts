import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { SOLUTIONS, SOLUTION_NAMES, type SolutionName } from "../../../emulator/domain/solutions";
import { activeInstance, createBody, freshIps, hangNextJob, readyHosts, resetDcs, showInstance } from "../instance-fixtures";

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
  delete process.env.TPOPS_EMULATOR_FEATURES;
});

const create = (body: unknown, lang?: string) => emu.api("POST", "/gaussdb/v3/instances", body, lang ? { lang } : {});

describe("reference 4.11.6 POST /gaussdb/v3/instances", () => {
  it("creates the single example: 202 with the documented fields, BUILD then ACTIVE, hosts in use", async () => {
    const ips = await readyHosts(emu, 1);
    const r = await create(createBody("single", ips, { datastore: { type: "GaussDB", version: "3.200.0" } }));
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({
      job_id: expect.any(String),
      instance_id: expect.stringMatching(/^[0-9a-f]{32}in14$/),
      name: "gaussdb-s10d",
      os_type: "Kylin",
      datastore: { type: "GaussDB", version: "3.200.0" },
      ha: { mode: "centralization_standard", consistency: "strong", replication_mode: "sync", consistency_protocol: "quorum" },
      solution: "single",
      port: "8000",
      manage_ip: ips,
      configuration_id: expect.stringMatching(/pr14$/),
      time_zone: "UTC+08:00",
      backup_strategy: { start_time: "19:00-20:00", keep_days: 7 },
    });
    expect((await showInstance(emu, r.body.instance_id)).status).toBe("BUILD");
    const job = await emu.waitJob(r.body.job_id);
    expect(job).toMatchObject({ name: "CreateGaussDBV5Instance", status: "Completed", instance_id: r.body.instance_id });
    const inst = await showInstance(emu, r.body.instance_id);
    expect(inst).toMatchObject({ status: "ACTIVE", port: 8000, type: "centralization_standard", replica_num: 1, db_user_name: "root" });
    expect(inst.nodes).toEqual([
      expect.objectContaining({ role: "master", status: "ACTIVE", management_ip: ips[0], availability_zone: "AZ1", id: expect.stringMatching(/no14$/) }),
    ]);
    const hosts = await emu.api("GET", `/gaussdb/v3/hosts?status=in_use`);
    expect(hosts.body.hosts.map((h: any) => [h.ip.manage_ip, h.instance_id, h.node_id])).toEqual([[ips[0], r.body.instance_id, inst.nodes[0].id]]);
  });

  it.each(SOLUTION_NAMES.filter((s) => !s.endsWith("noetcd")))("creates %s on its documented number of hosts", async (solution) => {
    const { id, ips } = await activeInstance(emu, solution);
    const inst = await showInstance(emu, id);
    expect(inst.nodes).toHaveLength(SOLUTIONS[solution].hostCount);
    expect(inst.nodes.map((n: any) => n.management_ip).sort()).toEqual([...ips].sort());
    expect(inst.type).toBe(SOLUTIONS[solution].family === "distributed" ? "Combined" : "centralization_standard");
    expect(inst.replica_num).toBe(SOLUTIONS[solution].replicas);
  });

  it.each(SOLUTION_NAMES.filter((s) => s.endsWith("noetcd")))("creates %s only with the DCC whitelist", async (solution) => {
    const ips = await readyHosts(emu, SOLUTIONS[solution].hostCount);
    const refused = await create(createBody(solution, ips));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error_code: "DBS.200001" });
    process.env.TPOPS_EMULATOR_FEATURES = "gaussdb_feature_supportDccCluster";
    const r = await create(createBody(solution, ips));
    expect(r.status).toBe(202);
    expect(r.body.ha.consistency_protocol).toBe("paxos");
  });

  it("converts triset to trisetnoetcd when the whitelist is on", async () => {
    process.env.TPOPS_EMULATOR_FEATURES = "gaussdb_feature_supportDccCluster";
    const ips = await readyHosts(emu, 3);
    const r = await create(createBody("triset", ips));
    expect(r.body).toMatchObject({ solution: "trisetnoetcd", ha: { consistency_protocol: "paxos" } });
  });

  it("creates the quadruset example with master/slave/arbiter AZ lists, primary in the master AZ", async () => {
    const ips = await readyHosts(emu, 5);
    const r = await create(createBody("quadruset", ips, { master_az_ip: [ips[2], ips[3]], slave_az_ip: [ips[0], ips[1]], arbiter_az_ip: [ips[4]] }));
    expect(r.status).toBe(202);
    expect(r.body.master_az_ip).toEqual([ips[2], ips[3]]);
    const inst = await showInstance(emu, r.body.instance_id);
    expect(inst.nodes.find((n: any) => n.role === "master").management_ip).toBe(ips[2]);
  });

  it("creates the triset example whose master_az_ip host is not in manage_ip, and the float-IP example", async () => {
    const ips = await readyHosts(emu, 3);
    const r = await create(createBody("triset", ips.slice(0, 2), { master_az_ip: [ips[2]], float_ip: ["10.9.2.1"] }));
    expect(r.status).toBe(202);
    expect(r.body.manage_ip).toEqual(ips);
    expect(r.body.float_ip).toBe("10.9.2.1");
  });

  it("defaults the version to the newest and echoes X-Language zh-cn errors in Chinese", async () => {
    const ips = await readyHosts(emu, 1);
    const r = await create(createBody("single", ips, { datastore: { type: "GaussDB" } }));
    expect(r.body.datastore.version).toBe("3.301.0");
    const zh = await create(createBody("single", ips), "zh-cn");
    expect(zh.body.error_code).toBe("DBS.06025015");
    expect(zh.body.error_msg).toContain("所选主机已被占用");
    const en = await create(createBody("single", ips));
    expect(en.body.error_msg).toContain("already in use");
  });

  describe.each(SOLUTION_NAMES)("host-count rule of %s", (solution: SolutionName) => {
    it.each([-1, 1])("refuses %i host(s) off with DBS.06025010", async (delta) => {
      process.env.TPOPS_EMULATOR_FEATURES = "gaussdb_feature_supportDccCluster";
      const n = SOLUTIONS[solution].hostCount + delta;
      if (n === 0) {
        const r = await create(createBody(solution, []));
        expect(r.body.error_code).toBe("DBS.06025010");
        return;
      }
      const ips = await readyHosts(emu, n);
      const r = await create(createBody(solution, ips));
      expect(r.status).toBe(400);
      expect(r.body.error_code).toBe("DBS.06025010");
    });
  });

  it.each([
    ["single", "master_az_ip"],
    ["pentaset", "master_az_ip"],
    ["triset", "slave_az_ip"],
    ["triset", "arbiter_az_ip"],
    ["hcs3", "master_az_ip"],
    ["hcs4", "slave_az_ip"],
  ] as const)("refuses %s with %s (DBS.200025)", async (solution, az) => {
    const ips = await readyHosts(emu, SOLUTIONS[solution].hostCount);
    const r = await create(createBody(solution, ips, { [az]: [ips[0]] }));
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe("DBS.200025");
  });

  const refusals: [string, Record<string, unknown>, string][] = [
    ["reserved port 2379", { port: "2379" }, "DBS.200001"],
    ["reserved port 32124", { port: "32124" }, "DBS.200001"],
    ["port below 1024", { port: "1000" }, "DBS.200001"],
    ["port above 39989", { port: "40000" }, "DBS.200001"],
    ["a password of two character classes", { password: "gaussdb1234" }, "DBS.200052"],
    ["a password too short", { password: "Ga_1" }, "DBS.200052"],
    ["a password with a character outside the 4.4.16 set", { password: "Gauss-2024x" }, "DBS.200052"],
    ["an empty name", { name: "" }, "DBS.200021"],
    ["an unsupported version", { datastore: { type: "GaussDB", version: "1.1" } }, "DBS.200856"],
    ["os_type not matching the hosts", { os_type: "UnionTech" }, "DBS.06025011"],
    ["cpu_spec not matching the hosts", { cpu_spec: "hygon" }, "DBS.06025014"],
    ["ha.mode of the other family", { ha: { mode: "combined", consistency: "strong", replication_mode: "sync" } }, "DBS.200001"],
    ["a restore point naming no backup", { restore_point: { instance_id: "x", backup_id: "y" } }, "DBS.200751"],
    ["XBSA certificates", { xbsa_ssl_certs: { ca_cert_pem: "Q2Vy", client_crt: "Q2Vy", client_key: "LS0t", rand_pass: "U8" } }, "DBS.200001"],
    ["an unknown configuration_id", { configuration_id: "0123456789abcdef0123456789abcdefpr14" }, "DBS.200001"],
  ];
  it.each(refusals)("refuses %s", async (_, over, code) => {
    const ips = await readyHosts(emu, 3);
    const r = await create(createBody("triset", ips, over));
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
    expect((await emu.api("GET", "/gaussdb/v3/hosts?status=in_use")).body.total_count).toBe(0);
  });

  it("refuses an empty body with DBS.200006 (also one of unknown fields only, which are ignored)", async () => {
    expect((await create({})).body.error_code).toBe("DBS.200006");
    const unknown = await create({ region: "cn-north-4" });
    expect([unknown.body.error_code, unknown.headers.get("x-emulator-ignored-fields")]).toEqual(["DBS.200006", "region"]);
  });

  it.each([
    ["a password containing the user name (the reference prints no such rule)", { password: "MyRoot_2024x" }],
    ["a password that is merely common", { password: "Huawei@123" }],
    ["a password with \\ and | (in the 4.4.16 set)", { password: "Gauss\\2024|x" }],
    ["a password longer than 32 characters (no maximum is printed)", { password: "Gauss_2024x".repeat(4) }],
    ["any non-empty name (4.11.6 prints no name rule)", { name: "1 db" }],
    ["any time zone string", { time_zone: "Asia/Shanghai" }],
    ["an unknown field, ignored and named (the restore examples' region)", { region: "cn-north-4" }],
  ])("accepts %s", async (_, over) => {
    const ips = await readyHosts(emu, 3);
    const r = await create(createBody("triset", ips, over));
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    if ("region" in over) expect(r.headers.get("x-emulator-ignored-fields")).toBe("region");
  });

  it("takes every host from the AZ lists when manage_ip is omitted (4.11.6 `manage_ip` \"否\")", async () => {
    const ips = await readyHosts(emu, 5);
    const body = createBody("quadruset", [], { master_az_ip: ips.slice(0, 2), slave_az_ip: ips.slice(2, 4), arbiter_az_ip: ips.slice(4) });
    delete body.manage_ip;
    const r = await create(body);
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    expect(r.body.manage_ip).toEqual(ips);
    expect((await emu.waitJob(r.body.job_id)).status).toBe("Completed");
    expect((await showInstance(emu, r.body.instance_id)).nodes.map((n: any) => n.management_ip).sort()).toEqual([...ips].sort());
  });

  it("accepts logger_az_ip on a single instance (4.11.6 \"日志AZ主机列表\" names no restriction)", async () => {
    const ips = await readyHosts(emu, 1);
    const body = createBody("single", [], { logger_az_ip: ips });
    delete body.manage_ip;
    expect((await create(body)).status).toBe(202);
  });

  it("refuses hosts that do not exist, are in use, are not initialized, or differ", async () => {
    const [missing] = freshIps(1);
    expect((await create(createBody("single", [missing!]))).body.error_code).toBe("DBS.06025031");

    const { ips: used } = await activeInstance(emu, "single");
    const r1 = await create(createBody("single", used));
    expect(r1.body.error_code).toBe("DBS.06025015");

    await emu.control.nextJob({ name: "AddHosts", outcome: "fail" });
    const failedIp = freshIps(1);
    await emu.api("POST", "/gaussdb/v3/hosts", { hosts: [(await import("../fixtures")).hostEntry(failedIp[0]!, (await emu.api("GET", "/gaussdb/v3/data-centers")).body.data_centers[0].id)] }).then((r) => emu.waitJob(r.body.job_id));
    expect((await create(createBody("single", failedIp))).body.error_code).toBe("DBS.06025061");

    const kylin = await readyHosts(emu, 2);
    const uos = await readyHosts(emu, 1, { extra: { os_type: "uniontech" } });
    expect((await create(createBody("triset", [...kylin, ...uos]))).body.error_code).toBe("DBS.06025011");
    const hygon = await readyHosts(emu, 1, { extra: { cpu_spec: "hygon" } });
    expect((await create(createBody("triset", [...kylin, ...hygon]))).body.error_code).toBe("DBS.06025014");
    const dorado = await readyHosts(emu, 1, { extra: { storage_type: "dorado" } });
    expect((await create(createBody("triset", [...kylin, ...dorado]))).body.error_code).toBe("DBS.06025046");
  });

  it("refuses an AZ list spanning two data centers (DBS.06025067)", async () => {
    const a = await readyHosts(emu, 2, { dcName: "AZ1" });
    const b = await readyHosts(emu, 3, { dcName: "AZ2" });
    const r = await create(createBody("quadruset", [...a, ...b], { master_az_ip: [a[0], b[0]] }));
    expect(r.body.error_code).toBe("DBS.06025067");
  });

  it("marks a failed create FAILED and keeps its hosts until deleted", async () => {
    const ips = await readyHosts(emu, 1);
    await emu.control.nextJob({ name: "CreateGaussDBV5Instance", outcome: "fail", failReason: "install failed" });
    const r = await create(createBody("single", ips));
    const job = await emu.waitJob(r.body.job_id);
    expect(job).toMatchObject({ status: "Failed", fail_reason: "install failed" });
    expect((await showInstance(emu, r.body.instance_id)).status).toBe("FAILED");
    const del = await emu.api("DELETE", `/gaussdb/v3/instances/${r.body.instance_id}/management`, { clear_data: true });
    expect(del.status).toBe(202);
    await emu.waitJob(del.body.job_id);
    expect((await emu.api("GET", "/gaussdb/v3/hosts?status=initialized")).body.total_count).toBe(1);
  });
});

describe("reference 4.11.7 POST /gaussdb/v3/instances with restore_point", () => {
  const restoreBody = (solution: SolutionName, ips: string[], point: Record<string, unknown>, over: Record<string, unknown> = {}) => {
    const body = createBody(solution, ips, { restore_point: point, ...over });
    // the reference's restore examples carry neither datastore nor ha
    delete body.datastore;
    delete body.ha;
    return body;
  };

  it("restores a backup to a new quadruset (example 1): RESTORING then ACTIVE on the backup's version", async () => {
    const src = await activeInstance(emu, "quadruset", { datastore: { type: "GaussDB", version: "3.103.0" } });
    const b = await emu.api("POST", "/gaussdb/v3/backups", { instance_id: src.id, name: "backup" });
    await emu.waitJob(b.body.job_id);
    const ips = await readyHosts(emu, 5);
    const r = await create(restoreBody("quadruset", ips, { backup_id: b.body.backup.id, instance_id: src.id }, {
      master_az_ip: ips.slice(0, 2), slave_az_ip: ips.slice(2, 4), arbiter_az_ip: ips.slice(4),
    }));
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ solution: "quadruset", datastore: { type: "GaussDB", version: "3.103.0" }, ha: { mode: "centralization_standard" } });
    expect((await showInstance(emu, r.body.instance_id)).status).toBe("RESTORING");
    expect((await emu.waitJob(r.body.job_id)).name).toBe("RestoreGaussDBInstance");
    expect((await showInstance(emu, r.body.instance_id)).status).toBe("ACTIVE");
  });

  it("restores to a point in time (example 2, type omitted) and a table list (example 3)", async () => {
    const src = await activeInstance(emu, "single");
    const ips = await readyHosts(emu, 2);
    const at = String(Date.now());
    const t = await create(restoreBody("single", [ips[0]!], { restore_time: at, instance_id: src.id }));
    expect(t.status).toBe(202);
    const tables = await create(restoreBody("single", [ips[1]!], {
      backup_id: (await emu.api("GET", `/gaussdb/v3.1/backups?instance_id=${src.id}`)).body.backups[0].id,
      instance_id: src.id,
      restore_source_type: "DATABASE_TABLE",
      table_list: [{ db_name: "test_1", table_name: "table_1", schema_name: "schema_1", new_db_name: "test_2" }],
    }));
    expect(tables.status).toBe(202);
  });

  it.each<[string, (src: string, backup: string) => Record<string, unknown>, Record<string, unknown>, string]>([
    ["a backup of another instance", (_s, b) => ({ backup_id: b, instance_id: "0".repeat(32) + "in14" }), {}, "DBS.200751"],
    ["a time before any backup", (s) => ({ restore_time: "1000", instance_id: s, type: "timestamp" }), {}, "DBS.200751"],
    ["a time in the future", (s) => ({ restore_time: String(Date.now() + 3_600_000), instance_id: s }), {}, "DBS.200001"],
    ["neither backup_id nor restore_time", (s) => ({ instance_id: s }), {}, "DBS.200001"],
    ["a table list without DATABASE_TABLE", (s, b) => ({ backup_id: b, instance_id: s, table_list: [{ db_name: "d" }] }), {}, "DBS.200001"],
    ["a distributed target for a centralized backup", (s, b) => ({ backup_id: b, instance_id: s }), { solution: "hcs6" }, "DBS.200001"],
    ["another engine version", (s, b) => ({ backup_id: b, instance_id: s }), { datastore: { type: "GaussDB", version: "3.301.0" } }, "DBS.200856"],
  ])("refuses %s", async (_, point, over, code) => {
    const src = await activeInstance(emu, "single");
    const backup = (await emu.api("GET", `/gaussdb/v3.1/backups?instance_id=${src.id}`)).body.backups[0].id;
    const ips = await readyHosts(emu, 1);
    const body = restoreBody("single", ips, point(src.id, backup));
    if (over.solution === "hcs6") body.solution = "hcs6";
    if (over.datastore) body.datastore = over.datastore;
    const r = await create(body);
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
  });
});

describe("instances survive an emulator restart (state file)", () => {
  it("finishes a create that was running when the emulator stopped", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "tpops-emu-"));
    const stateFile = join(dir, "state.json");
    try {
      const first = await startTestEmulator({ stateFile });
      const dcr = await first.api("POST", "/gaussdb/v3/data-centers", { data_centers: [{ name: "AZ1" }] });
      expect(dcr.status).toBe(200);
      const dcId = (await first.api("GET", "/gaussdb/v3/data-centers")).body.data_centers[0].id;
      const { hostEntry } = await import("../fixtures");
      const add = await first.api("POST", "/gaussdb/v3/hosts", { hosts: [hostEntry("10.7.0.1", dcId)] });
      await first.waitJob(add.body.job_id);
      const r = await first.api("POST", "/gaussdb/v3/instances", createBody("single", ["10.7.0.1"]));
      expect(r.status).toBe(202);
      await first.close();
      const second = await startTestEmulator({ stateFile });
      try {
        const job = await second.waitJob(r.body.job_id);
        expect(job.status).toBe("Completed");
        const inst = (await second.api("GET", `/gaussdb/v3.1/instances?id=${r.body.instance_id}`)).body.instances[0];
        expect(inst).toMatchObject({ status: "ACTIVE", nodes: [expect.objectContaining({ management_ip: "10.7.0.1", status: "ACTIVE" })] });
        expect((await second.api("GET", `/gaussdb/v3.1/backups?instance_id=${r.body.instance_id}`)).body.total_count).toBe(1);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
