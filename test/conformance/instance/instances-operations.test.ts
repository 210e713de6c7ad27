import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { activeInstance, createBody, hangNextJob, readyHosts, resetDcs, showInstance } from "../instance-fixtures";

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

const base = (id: string) => `/gaussdb/v3/instances/${id}`;
const done = async (r: { status: number; body: any }, status = 202) => {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.body.job_id).toEqual(expect.any(String));
  return emu.waitJob(r.body.job_id);
};

describe("reference 4.11.8 GET /gaussdb/v3.1/instances", () => {
  it("lists with the documented fields, filters and paging", async () => {
    const a = await activeInstance(emu, "triset", { name: "gauss-9e88" });
    const b = await activeInstance(emu, "hcs2", { name: "dist-one" });
    const all = await emu.api("GET", "/gaussdb/v3.1/instances");
    expect(all.status).toBe(200);
    expect(all.body.total_count).toBe(2);
    const tri = all.body.instances.find((i: any) => i.id === a.id);
    expect(tri).toMatchObject({
      id: a.id,
      name: "gauss-9e88",
      status: "ACTIVE",
      port: 8000,
      type: "centralization_standard",
      // reference 4.11.8 table 4-520 `consistency` "分布式模式实例仅有"
      ha: { replication_mode: "sync", consistency_protocol: "quorum" },
      replica_num: 3,
      datastore: { type: "GaussDB", version: "3.200.0" },
      created: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/),
      db_user_name: "root",
      flavor_info: { vcpu: 32, mem: 128 },
      volume: { type: "LOCALSSD", size: 1000 },
      backup_strategy: { start_time: "19:00-20:00", keep_days: 7 },
      // reference 4.11.8 `instance_mode` "enterprise为企业版"
      instance_mode: "enterprise",
      time_zone: "UTC+08:00",
    });
    expect(tri.ha).not.toHaveProperty("consistency");
    expect(tri.private_ips).toHaveLength(1);
    expect(tri.private_ips[0].split(" / ")).toHaveLength(3);
    expect(tri.nodes.map((n: any) => n.role).sort()).toEqual(["master", "slave", "slave"]);
    expect(tri.nodes[0]).toEqual({
      id: expect.stringMatching(/no14$/),
      name: expect.stringContaining("gauss-9e88"),
      hostname: expect.any(String),
      role: "master",
      status: "ACTIVE",
      availability_zone: "AZ1",
      private_ip: expect.any(String),
      data_ip: expect.any(String),
      management_ip: a.ips[0],
    });
    const q = async (query: string) => (await emu.api("GET", `/gaussdb/v3.1/instances?${query}`)).body;
    expect((await q(`id=${a.id}`)).instances.map((i: any) => i.id)).toEqual([a.id]);
    expect((await q("name=gauss")).total_count).toBe(0);
    expect((await q("name=*gauss")).instances.map((i: any) => i.id)).toEqual([a.id]);
    expect((await q(`id=*${b.id.slice(5, 15)}`)).instances.map((i: any) => i.id)).toEqual([b.id]);
    expect((await q("type=Enterprise")).instances.map((i: any) => i.id)).toEqual([b.id]);
    expect((await q("type=Ha")).instances.map((i: any) => i.id)).toEqual([a.id]);
    expect((await q("datastore_type=GaussDB")).total_count).toBe(2);
    const page = await q("offset=1&limit=1");
    expect(page.instances).toHaveLength(1);
    expect(page.total_count).toBe(2);
    expect((await q("type=Enterprise")).instances[0]).toMatchObject({ type: "Combined", instance_mode: "enterprise", replica_num: 3, ha: { consistency: "strong" } });
  });

  it.each([
    ["id=*", "DBS.200001"],
    ["name=*", "DBS.200001"],
    ["type=enterprise", "DBS.280001"],
    ["datastore_type=mysql", "DBS.280001"],
    ["limit=101", "DBS.280439"],
    ["limit=0", "DBS.280439"],
    ["offset=-1", "DBS.280001"],
  ])("refuses ?%s with %s", async (query, code) => {
    const r = await emu.api("GET", `/gaussdb/v3.1/instances?${query}`);
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
  });
});

describe("reference 4.11.5 DELETE /gaussdb/v3/instances/{id}/management", () => {
  it("uninstalls (clear_data true, the example body): 202, hosts freed to initialized, backups dropped", async () => {
    const { id, ips } = await activeInstance(emu, "triset");
    const r = await emu.api("DELETE", `${base(id)}/management`, { rds_admin_password: null, is_force_remove_instance: false, clear_data: true, keep_db_backup: 0, keep_difference_backup: 0 });
    expect(r.body).toEqual({ instance_id: id, job_id: expect.any(String) });
    const job = await done(r);
    expect(job).toMatchObject({ name: "DeleteGaussDBInstance", status: "Completed" });
    expect((await emu.api("GET", `/gaussdb/v3.1/instances?id=${id}`)).body.total_count).toBe(0);
    const hosts = (await emu.api("GET", "/gaussdb/v3/hosts?limit=100")).body.hosts.filter((h: any) => ips.includes(h.ip.manage_ip));
    expect(hosts.map((h: any) => [h.status, h.instance_id, h.node_id])).toEqual(ips.map(() => ["initialized", null, null]));
    expect((await emu.api("GET", `/gaussdb/v3.1/backups?instance_id=${id}`)).body.total_count).toBe(0);
    // the freed hosts take a new instance
    expect((await emu.api("POST", "/gaussdb/v3/instances", createBody("triset", ips))).status).toBe(202);
  });

  it("unmanages (the second example): hosts become unmanaged, backups kept with keep_db_backup", async () => {
    const { id, ips } = await activeInstance(emu, "single");
    const r = await emu.api("DELETE", `${base(id)}/management`, { rds_admin_password: "Admin@2024x", is_force_remove_instance: false, clear_data: false, keep_db_backup: 7, keep_difference_backup: 0 });
    const job = await done(r);
    expect(job.name).toBe("UnmanageGaussDBInstance");
    const hosts = (await emu.api("GET", "/gaussdb/v3/hosts?status=unmanaged")).body.hosts;
    expect(hosts.map((h: any) => h.ip.manage_ip)).toEqual(ips);
    expect((await emu.api("GET", `/gaussdb/v3.1/backups?instance_id=${id}`)).body.total_count).toBe(1);
  });

  it.each([
    ["no body (rds_admin_password then required)", undefined, "DBS.200001"],
    ["a weak rds_admin_password", { rds_admin_password: "password" }, "DBS.6025117"],
    ["a fractional keep_db_backup", { clear_data: true, keep_db_backup: 1.5 }, "DBS.280001"],
  ])("refuses %s", async (_, body, code) => {
    const { id } = await activeInstance(emu, "single");
    const r = await emu.api("DELETE", `${base(id)}/management`, body);
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
  });

  it("answers DBS.200002 for an unknown instance, whatever its id looks like (the reference gives no id format)", async () => {
    for (const id of ["0".repeat(32) + "in14", "nope", "dsfae23fsfdsae3435in14", "d8e6ca5a624745bcb546a227aa3ae1cfin01"]) {
      const r = await emu.api("DELETE", `${base(id)}/management`, { clear_data: true });
      expect([id, r.status, r.body.error_code]).toEqual([id, 400, "DBS.200002"]);
    }
  });
});

describe("reference 4.11.9–4.11.11 db-stop, restart, db-startup", () => {
  it("stops a node, stops the instance, refuses restart while stopped, starts it again", async () => {
    const { id } = await activeInstance(emu, "triset");
    const inst = await showInstance(emu, id);
    const slave = inst.nodes.find((n: any) => n.role === "slave").id;
    expect((await done(await emu.api("POST", `${base(id)}/db-stop`, { node_ids: [slave] }))).status).toBe("Completed");
    let now = await showInstance(emu, id);
    expect(now.status).toBe("ACTIVE");
    expect(now.nodes.find((n: any) => n.id === slave).status).toBe("STOPPED");
    const again = await emu.api("POST", `${base(id)}/db-stop`, { node_ids: [slave] });
    expect(again.body.error_code).toBe("DBS.216011");
    await done(await emu.api("POST", `${base(id)}/db-startup`, { node_ids: [slave] }));
    const stop = await done(await emu.api("POST", `${base(id)}/db-stop`, { node_ids: [] }));
    expect(stop.name).toBe("StopGaussDBInstance");
    now = await showInstance(emu, id);
    // the instance status stays in the 4.11.8 enum; the nodes show the stop (README "Status model")
    expect(now.status).toBe("ACTIVE");
    expect(now.nodes.every((n: any) => n.status === "STOPPED")).toBe(true);
    // reference A.3 DBS.216011 "实例节点状态不允许操作"
    expect((await emu.api("POST", `${base(id)}/restart`)).body.error_code).toBe("DBS.216011");
    expect((await emu.api("POST", `${base(id)}/db-stop`, { node_ids: [] })).body.error_code).toBe("DBS.216011");
    // reference A.3 DBS.301147: one of three nodes is not a majority
    expect((await emu.api("POST", `${base(id)}/db-startup`, { node_ids: [slave] })).body.error_code).toBe("DBS.301147");
    const startReply = await emu.api("POST", `${base(id)}/db-startup`, { node_ids: [] });
    // reference 4.11.11 table 4-539 (响应 Header 参数) job_id
    expect(startReply.headers.get("job_id")).toBe(startReply.body.job_id);
    const start = await done(startReply);
    expect(start.name).toBe("StartGaussDBInstance");
    expect((await showInstance(emu, id)).status).toBe("ACTIVE");
  });

  it("restarts: 202 with job_id in body and header, REBOOTING then ACTIVE", async () => {
    const { id } = await activeInstance(emu, "single");
    const r = await emu.api("POST", `${base(id)}/restart`);
    expect(r.status).toBe(202);
    // reference 4.11.10 table 4-533 (响应 Header 参数) job_id
    expect(r.headers.get("job_id")).toBe(r.body.job_id);
    expect((await showInstance(emu, id)).status).toBe("REBOOTING");
    expect((await emu.waitJob(r.body.job_id)).name).toBe("RestartGaussDBInstance");
    expect((await showInstance(emu, id)).status).toBe("ACTIVE");
  });

  it.each([
    ["db-stop", { node_ids: null }, "DBS.280001"],
    ["db-stop", {}, "DBS.280001"],
    ["db-stop", { node_ids: ["ffffffffffffffffffffffffffffffffno14"] }, "DBS.216030"],
    ["db-startup", { node_ids: ["ffffffffffffffffffffffffffffffffno14"] }, "DBS.216030"],
    ["db-startup", undefined, "DBS.200006"],
  ])("POST %s with %j is refused with %s", async (op, body, code) => {
    const { id } = await activeInstance(emu, "single");
    const r = await emu.api("POST", `${base(id)}/${op}`, body);
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
  });
});

describe("busy instance: 409 DBS.200019, or the operation's own A.3 code (upgrade: 400 DBS.280012)", () => {
  it("refuses every mutating call while a restart hangs", async () => {
    const { id, ips } = await activeInstance(emu, "triset");
    await hangNextJob(emu, "RestartGaussDBInstance");
    expect((await emu.api("POST", `${base(id)}/restart`)).status).toBe(202);
    const extra = await readyHosts(emu, 2);
    const calls: [string, string, unknown][] = [
      ["POST", `${base(id)}/restart`, undefined],
      ["POST", `${base(id)}/db-stop`, { node_ids: [] }],
      ["POST", `${base(id)}/db-startup`, { node_ids: [] }],
      ["DELETE", `${base(id)}/management`, { clear_data: true }],
      ["PUT", `${base(id)}/solution`, { solution: "pentaset", manage_ip: extra }],
      ["POST", `${base(id)}/mysql-compatibility`, { port: 3306 }],
      ["PUT", `${base(id)}/configurations`, { values: { failed_login_attempts: "4" } }],
      ["PUT", `${base(id)}/backups/policy`, { backup_policy: { keep_days: 7, start_time: "19:00-20:00", period: "1,2", differential_period: "30" } }],
      ["PUT", `${base(id)}/backups/config`, { rate_limit: 76 }],
      ["POST", "/gaussdb/v3/backups", { instance_id: id, name: "backup" }],
    ];
    for (const [method, path, body] of calls) {
      const r = await emu.api(method, path, body);
      expect([method, path, r.status, r.body?.error_code]).toEqual([method, path, 409, "DBS.200019"]);
    }
    // reference A.3 lists the upgrade's own code: 400 DBS.280012 "当前实例正处于其他操作中,无法升级"
    const up = await emu.api("PUT", `/gaussdb/v3.1/instances/${id}/db-upgrade`, { target_version: "3.201.0", upgrade_type: "inplace" });
    expect([up.status, up.body.error_code]).toEqual([400, "DBS.280012"]);
    // reads still work, and no host was taken by the refused solution change
    expect((await showInstance(emu, id)).status).toBe("REBOOTING");
    expect((await emu.api("GET", "/gaussdb/v3/hosts?status=in_use")).body.total_count).toBe(ips.length);
  });
});

describe("reference 4.11.15 POST /gaussdb/v3/instances/{id}/expansion", () => {
  it("expands an hcs2 instance by one three-node group", async () => {
    const { id } = await activeInstance(emu, "hcs2");
    const ips = await readyHosts(emu, 3);
    const job = await done(await emu.api("POST", `${base(id)}/expansion`, { expand_cluster: { nodes: { count: 1, manage_ip: ips } } }));
    expect(job.name).toBe("ExpandGaussDBInstanceNodes");
    const inst = await showInstance(emu, id);
    expect(inst.nodes).toHaveLength(6);
    expect((await emu.api("GET", "/gaussdb/v3/hosts?status=in_use")).body.total_count).toBe(6);
  });

  it("refuses a centralized instance, a wrong host count and hosts in use", async () => {
    const tri = await activeInstance(emu, "triset");
    const free = await readyHosts(emu, 3);
    expect((await emu.api("POST", `${base(tri.id)}/expansion`, { expand_cluster: { nodes: { count: 1, manage_ip: free } } })).body.error_code).toBe("DBS.216009");
    const dist = await activeInstance(emu, "hcs2");
    expect((await emu.api("POST", `${base(dist.id)}/expansion`, { expand_cluster: { nodes: { count: 1, manage_ip: free.slice(0, 2) } } })).body.error_code).toBe("DBS.06025010");
    expect((await emu.api("POST", `${base(dist.id)}/expansion`, { expand_cluster: { nodes: { count: 1, manage_ip: tri.ips } } })).body.error_code).toBe("DBS.06025015");
    expect((await emu.api("POST", `${base(dist.id)}/expansion`, { expand_cluster: { nodes: { count: 0, manage_ip: [] } } })).body.error_code).toBe("DBS.280001");
    const arm = await readyHosts(emu, 3, { extra: { cpu_spec: "kunpeng" } });
    expect((await emu.api("POST", `${base(dist.id)}/expansion`, { expand_cluster: { nodes: { count: 1, manage_ip: arm } } })).body.error_code).toBe("DBS.06025013");
  });
});

describe("reference 4.11.15: the table's flat shape", () => {
  it("also reads expand_cluster.{count, manage_ip} (table 4-559 gives expand_cluster the type 表4-560 Nodes)", async () => {
    const { id } = await activeInstance(emu, "hcs2");
    const ips = await readyHosts(emu, 3);
    expect((await emu.api("POST", `${base(id)}/expansion`, { expand_cluster: { count: 1, manage_ip: ips.slice(0, 2) } })).body.error_code).toBe("DBS.06025010");
    await done(await emu.api("POST", `${base(id)}/expansion`, { expand_cluster: { count: 1, manage_ip: ips } }));
    expect((await showInstance(emu, id)).nodes).toHaveLength(6);
  });
});

describe("reference 4.11.17 / 4.11.18 upgrade", () => {
  it("answers the candidate versions with the documented shape", async () => {
    const { id } = await activeInstance(emu, "triset", { datastore: { type: "GaussDB", version: "3.103.0" } });
    const r = await emu.api("GET", `${base(id)}/db-upgrade/candidate-versions`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      upgrade_type_list: [
        {
          upgrade_type: "grey",
          upgrade_action_list: [
            { upgrade_action: "commit", enable: false },
            { upgrade_action: "rollback", enable: false },
            { upgrade_action: "upgrade", enable: true },
            { upgrade_action: "upgradeAutoCommit", enable: true },
          ],
          enable: true,
        },
        { upgrade_type: "hotfix", upgrade_action_list: null, enable: false },
        { upgrade_type: "inplace", upgrade_action_list: [{ upgrade_action: "upgradeAutoCommit", enable: true }], enable: true },
      ],
      rollback_enabled: false,
      source_version: "3.103.0",
      target_version: null,
      roll_upgrade_progress: { not_fully_upgraded_az: "AZ1", already_upgraded_az: "", az_description_map: { AZ1: "AZ1" } },
      upgrade_candidate_versions: ["3.200.0"],
      hotfix_upgrade_candidate_versions: [],
      hotfix_rollback_candidate_versions: [],
    });
  });

  it("upgrades in place (the first example): UPGRADING then ACTIVE on the target", async () => {
    const { id } = await activeInstance(emu, "single", { datastore: { type: "GaussDB", version: "3.103.0" } });
    const r = await emu.api("PUT", `/gaussdb/v3.1/instances/${id}/db-upgrade`, { target_version: "3.200.0", upgrade_type: "inplace" });
    expect(r.status).toBe(202);
    expect((await showInstance(emu, id)).status).toBe("UPGRADING");
    expect((await emu.waitJob(r.body.job_id)).name).toBe("UpgradeGaussDBInstance");
    const inst = await showInstance(emu, id);
    expect([inst.status, inst.datastore.version]).toEqual(["ACTIVE", "3.200.0"]);
    expect((await emu.api("GET", `${base(id)}/db-upgrade/candidate-versions`)).body.upgrade_candidate_versions).toEqual(["3.201.0", "3.301.0"]);
  });

  it("runs a grey upgrade AZ by AZ, then commits (examples 2 and 4); rollback keeps the source version", async () => {
    const az1 = await readyHosts(emu, 2, { dcName: "az_01" });
    const az2 = await readyHosts(emu, 1, { dcName: "az_02" });
    const c = await emu.api("POST", "/gaussdb/v3/instances", createBody("triset", [...az1, ...az2], { datastore: { type: "GaussDB", version: "3.103.0" } }));
    const id = c.body.instance_id;
    await emu.waitJob(c.body.job_id);
    const up = (body: Record<string, unknown>) => emu.api("PUT", `/gaussdb/v3.1/instances/${id}/db-upgrade`, { target_version: "3.200.0", upgrade_type: "grey", ...body });
    expect((await up({ upgrade_action: "commit" })).body.error_code).toBe("DBS.280660");
    expect((await up({ upgrade_action: "upgrade" })).body.error_code).toBe("DBS.280658");
    expect((await up({ upgrade_action: "upgrade", upgrade_az: "az_09" })).body.error_code).toBe("DBS.280658");
    await done(await up({ upgrade_action: "upgrade", upgrade_az: "az_01" }));
    let cand = (await emu.api("GET", `${base(id)}/db-upgrade/candidate-versions`)).body;
    expect(cand).toMatchObject({ rollback_enabled: true, target_version: "3.200.0", roll_upgrade_progress: { not_fully_upgraded_az: "az_02", already_upgraded_az: "az_01" } });
    expect((await up({ upgrade_action: "commit" })).body.error_code).toBe("DBS.280660");
    expect((await up({ upgrade_action: "upgrade", upgrade_az: "az_01" })).body.error_code).toBe("DBS.280658");
    await done(await up({ upgrade_action: "upgrade", upgrade_az: "az_02" }));
    cand = (await emu.api("GET", `${base(id)}/db-upgrade/candidate-versions`)).body;
    expect(cand.upgrade_type_list[0].upgrade_action_list[0]).toEqual({ upgrade_action: "commit", enable: true });
    await done(await up({ upgrade_action: "commit" }));
    expect((await showInstance(emu, id)).datastore.version).toBe("3.200.0");

    const other = await activeInstance(emu, "triset", { datastore: { type: "GaussDB", version: "3.103.0" } });
    const up2 = (body: Record<string, unknown>) => emu.api("PUT", `/gaussdb/v3.1/instances/${other.id}/db-upgrade`, { target_version: "3.200.0", upgrade_type: "grey", ...body });
    await done(await up2({ upgrade_action: "upgrade", upgrade_az: "AZ1" }));
    await done(await up2({ upgrade_action: "rollback" }));
    expect((await showInstance(emu, other.id)).datastore.version).toBe("3.103.0");
    expect((await done(await up2({ upgrade_action: "upgradeAutoCommit" }))).status).toBe("Completed");
    expect((await showInstance(emu, other.id)).datastore.version).toBe("3.200.0");
  });

  it.each([
    ["a non-candidate version", { target_version: "3.301.0", upgrade_type: "inplace" }, "DBS.280236"],
    ["an unknown version", { target_version: "9.9.9", upgrade_type: "inplace" }, "DBS.280236"],
    ["the current version", { target_version: "3.103.0", upgrade_type: "inplace" }, "DBS.05000008"],
    ["grey without an action", { target_version: "3.200.0", upgrade_type: "grey" }, "DBS.280657"],
    ["inplace with the commit action", { target_version: "3.200.0", upgrade_type: "inplace", upgrade_action: "commit" }, "DBS.280657"],
    ["an unknown upgrade type", { target_version: "3.200.0", upgrade_type: "hotfix" }, "DBS.280657"],
    ["an unknown upgrade action", { target_version: "3.200.0", upgrade_type: "grey", upgrade_action: "upgradeLater" }, "DBS.280657"],
    ["a missing upgrade type", { target_version: "3.200.0" }, "DBS.280001"],
  ])("refuses %s", async (_, body, code) => {
    const { id } = await activeInstance(emu, "triset", { datastore: { type: "GaussDB", version: "3.103.0" } });
    const r = await emu.api("PUT", `/gaussdb/v3.1/instances/${id}/db-upgrade`, body);
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
  });
});

describe("reference 4.11.20 PUT /gaussdb/v3/instances/{id}/solution", () => {
  it("grows triset to pentaset with two manage IPs, then shrinks back by two node ids (the examples)", async () => {
    const { id } = await activeInstance(emu, "triset");
    const extra = await readyHosts(emu, 2);
    const grow = await done(await emu.api("PUT", `${base(id)}/solution`, { solution: "pentaset", manage_ip: extra }));
    expect(grow.name).toBe("ChangeGaussDBInstanceSolution");
    let inst = await showInstance(emu, id);
    expect(inst.nodes).toHaveLength(5);
    expect(inst.replica_num).toBe(5);
    const slaves = inst.nodes.filter((n: any) => n.role === "slave").slice(0, 2);
    await done(await emu.api("PUT", `${base(id)}/solution`, { solution: "triset", node_id: slaves.map((n: any) => n.id) }));
    inst = await showInstance(emu, id);
    expect(inst.nodes).toHaveLength(3);
    const freed = (await emu.api("GET", "/gaussdb/v3/hosts?status=initialized")).body.hosts.map((h: any) => h.ip.manage_ip).sort();
    expect(freed).toEqual(slaves.map((n: any) => n.management_ip).sort());
    // growing again reuses the freed hosts and keeps node names unique
    await done(await emu.api("PUT", `${base(id)}/solution`, { solution: "pentaset", manage_ip: freed }));
    const names = (await showInstance(emu, id)).nodes.map((n: any) => n.name);
    expect(new Set(names).size).toBe(5);
  });

  it("refuses paths the reference does not allow and malformed selections", async () => {
    const tri = await activeInstance(emu, "triset");
    const penta = await activeInstance(emu, "pentaset");
    const quad = await activeInstance(emu, "quadruset");
    const extra = await readyHosts(emu, 3);
    const put = (id: string, body: unknown) => emu.api("PUT", `${base(id)}/solution`, body);
    expect((await put(tri.id, { solution: "pentasetnoetcd", manage_ip: extra.slice(0, 2) })).body.error_code).toBe("DBS.200001");
    expect((await put(tri.id, { solution: "triset" })).body.error_code).toBe("DBS.200001");
    expect((await put(quad.id, { solution: "triset", node_id: [] })).body.error_code).toBe("DBS.200001");
    expect((await put(tri.id, { solution: "quadruset" })).body.error_code).toBe("DBS.280001");
    expect((await put(tri.id, { solution: "pentaset", manage_ip: extra })).body.error_code).toBe("DBS.06025010");
    expect((await put(tri.id, { solution: "pentaset", manage_ip: quad.ips.slice(0, 2) })).body.error_code).toBe("DBS.06025015");
    const p = await showInstance(emu, penta.id);
    const master = p.nodes.find((n: any) => n.role === "master").id;
    const slave = p.nodes.find((n: any) => n.role === "slave").id;
    expect((await put(penta.id, { solution: "triset", node_id: [slave] })).body.error_code).toBe("DBS.200001");
    expect((await put(penta.id, { solution: "triset", node_id: [slave, slave] })).body.error_code).toBe("DBS.200001");
    expect((await put(penta.id, { solution: "triset", node_id: [slave, "ffffffffffffffffffffffffffffffffno14"] })).body.error_code).toBe("DBS.216030");
    // the reference prints no rule against removing the primary: a standby takes over
    await done(await put(penta.id, { solution: "triset", node_id: [slave, master] }));
    const after = await showInstance(emu, penta.id);
    expect(after.nodes).toHaveLength(3);
    expect(after.nodes.filter((n: any) => n.role === "master")).toHaveLength(1);
    expect(after.nodes.map((n: any) => n.id)).not.toContain(master);
  });
});

/** The stored M-compatibility port (the reference has no read for it). */
const mysqlPort = (id: string) => (emu.ctx.state.data.instances[id] as unknown as { mysql_port: number | null }).mysql_port;

describe("reference 4.11.21 / 4.11.22 M-compatibility port", () => {
  it("opens (the example's 3306), changes (3308) and closes (0) the port", async () => {
    const { id } = await activeInstance(emu, "single");
    const open = await done(await emu.api("POST", `${base(id)}/mysql-compatibility`, { port: 3306 }));
    expect(open.name).toBe("EnableMysqlCompatibility");
    expect((await done(await emu.api("PUT", `${base(id)}/mysql-compatibility`, { port: 3308 }))).name).toBe("ModifyMysqlCompatibility");
    // reference 4.11.22 "不填默认保持原有设定端口": a PUT without port keeps it
    await done(await emu.api("PUT", `${base(id)}/mysql-compatibility`, {}));
    expect(mysqlPort(id)).toBe(3308);
    await done(await emu.api("PUT", `${base(id)}/mysql-compatibility`, { port: "0" }));
    expect(mysqlPort(id)).toBeNull();
    // the reference prints no refusal for opening an open port or changing a closed one: both set the port
    await done(await emu.api("PUT", `${base(id)}/mysql-compatibility`, { port: 3309 }));
    await done(await emu.api("POST", `${base(id)}/mysql-compatibility`, { port: 3310 }));
    expect(mysqlPort(id)).toBe(3310);
  });

  it.each([
    ["POST", {}, "DBS.200001"],
    ["POST", { port: 0 }, "DBS.200001"],
    ["POST", { port: 5000 }, "DBS.200001"],
    ["POST", { port: 8000 }, "DBS.200001"],
    ["POST", { port: 8010 }, "DBS.200001"],
    ["POST", { port: 1023 }, "DBS.200001"],
    ["POST", { port: "abc" }, "DBS.200001"],
    ["PUT", { port: 39990 }, "DBS.200001"],
  ])("%s %j is refused with %s", async (method, body, code) => {
    const { id } = await activeInstance(emu, "single");
    if (method === "PUT") await done(await emu.api("POST", `${base(id)}/mysql-compatibility`, { port: 3306 }));
    const r = await emu.api(method, `${base(id)}/mysql-compatibility`, body);
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
  });
});
