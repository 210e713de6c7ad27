// Every example request of the reference sections the emulator implements, sent as printed. What the reference
// masks ("***", "127.0.0.*", "100.72.236.*", "100.*.*.1") and the ids of objects the emulator generates are
// replaced by real values; nothing else is changed. Where an example is refused as printed, the test pins the
// refusal and emulator/README.md ("Examples refused as printed") gives the reading with the quoted text.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { createKeyPair } from "../fixtures";
import { SETUP_TIME_SCALE, TEST_TIME_SCALE, activeInstance, createBody, dc, readyHosts, resetDcs, showInstance } from "../instance-fixtures";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ users: [{ name: "admin", password: "Admin@123" }, { name: "test", password: "Test_pass1" }] });
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await emu.control.reset();
  resetDcs();
});

/** The password behind the reference's "***" for a root password: 4.11.6's own unmasked example. */
const ROOT_PW = "Gauss_234";
const accepted = (r: { status: number; body: any }, status = 202) => expect(r.status, JSON.stringify(r.body)).toBe(status);
const refused = (r: { status: number; body: any }, code: string, status = 400) => expect([r.status, r.body?.error_code]).toEqual([status, code]);
const ignored = (r: { headers: Headers }) => r.headers.get("x-emulator-ignored-fields");
/** Setup at the fast pace (jobs of tens of minutes), as activeInstance does. */
const fast = async <T>(fn: () => Promise<T>): Promise<T> => {
  await emu.control.setTimeScale(SETUP_TIME_SCALE);
  try {
    return await fn();
  } finally {
    await emu.control.setTimeScale(TEST_TIME_SCALE);
  }
};

describe("4.1.1 login", () => {
  it('{"username": "test", "password": "***"}: the mask is refused (shorter than 8), the real password accepted', async () => {
    const login = (body: unknown) => emu.api("POST", "/v3/auth/mini-token", body, { token: "" });
    refused(await login({ username: "test", password: "***" }), "DBS.280001");
    accepted(await login({ username: "test", password: "Test_pass1" }), 200);
  });
});

describe("4.2 backups", () => {
  it("4.2.1, 4.2.4, 4.2.5, 4.2.6, 4.2.7, 4.2.8, 4.2.10, 4.2.11, 4.2.12, 4.2.15 (4.2.9 prints no request)", async () => {
    const { id } = await activeInstance(emu, "triset");
    // 4.2.1 开启或修改自动备份策略 (strings for differential_period and enable_standby_backup, as printed)
    accepted(
      await emu.api("PUT", `/gaussdb/v3/instances/${id}/backups/policy`, {
        backup_policy: {
          keep_days: 7,
          start_time: "19:00-20:00",
          period: "1,2,3,4,5",
          differential_period: "30",
          rate_limit: 75,
          prefetch_block: 64,
          file_split_size: 4,
          enable_standby_backup: "false",
        },
      }),
      200,
    );
    // 4.2.5
    expect((await emu.api("GET", `/gaussdb/v3/instances/${id}/backups/policy`)).body.backup_policy).toMatchObject({ period: "1,2,3,4,5", differential_period: 30 });
    // 4.2.4: "close_compression " (trailing blank) is not a field of table 4-20: ignored and named
    const config = await emu.api("PUT", `/gaussdb/v3/instances/${id}/backups/config`, {
      rate_limit: 76,
      prefetch_block: 65,
      enable_standby_backup: true,
      "close_compression ": true,
    });
    accepted(config, 200);
    expect([config.body, ignored(config)]).toEqual(["SUCCESS", "close_compression "]);
    // 4.2.6
    expect((await emu.api("GET", `/gaussdb/v3/instances/${id}/backups/config`)).body).toEqual({
      rate_limit: 76,
      prefetch_block: 65,
      enable_standby_backup: true,
      close_compression: false,
    });
    // 4.2.7 (the example's instance id "d8e6ca5a624745bcb546a227aa3ae1cfin01" stands for a real one)
    const b = await emu.api("POST", "/gaussdb/v3/backups", { instance_id: id, name: "backup", description: "mannual backup" });
    accepted(b);
    await emu.waitJob(b.body.job_id);
    // 4.2.15 (the example URL is garbled in the reference: the plain list)
    expect((await emu.api("GET", "/gaussdb/v3.1/backups")).body.total_count).toBe(2);
    // 4.2.10 (source "88efb3…in14" and backup "d3f223…br14" stand for real ones): the instance_list of the example
    const restorable = await emu.api("GET", `/gaussdb/v3/restorable-instances?source_instance_id=${id}&backup_id=${b.body.backup.id}`);
    accepted(restorable, 200);
    expect(restorable.body).toMatchObject({ instance_list: [{ instance_id: id, mode: "Ha", instance_mode: "enterprise" }], total_count: 1 });
    // 4.2.11 ?date=2022-01-01 ("3d39c1…in14" stands for a real one): no period of a new instance overlaps that day
    expect((await emu.api("GET", `/gaussdb/v3/instances/${id}/restore-time?date=2022-01-01`)).body).toEqual({ restore_time: [] });
    // 4.2.12 as printed ("…/differential backups") is no path (README "Examples refused as printed"); the URI's path
    expect((await emu.api("GET", `/gaussdb/v3/instances/${id}/differential%20backups`)).status).toBe(404);
    expect((await emu.api("GET", `/gaussdb/v3/instances/${id}/differential-backups`)).body).toEqual({ differential_backups: [], total_count: 0 });
    // 4.2.8
    accepted(await emu.api("DELETE", `/gaussdb/v3/backups/${b.body.backup.id}`), 200);
  });
});

describe("4.3 parameters", () => {
  it("4.3.1 GET and 4.3.2 请求将failed_login_attempts修改为4", async () => {
    const { id } = await activeInstance(emu, "single");
    accepted(await emu.api("GET", `/gaussdb/v3.1/instances/${id}/configurations`), 200);
    const r = await emu.api("PUT", `/gaussdb/v3/instances/${id}/configurations`, { values: { failed_login_attempts: "4" } });
    accepted(r, 200);
    expect(r.body).toEqual({ restart_required: false, job_id: expect.any(String) });
  });
});

describe("4.8 key pairs", () => {
  it("4.8.1–4.8.5 (4.8.1 posts to /key, which is not the URI section's /key-pair; 4.8.3 spells descirption)", async () => {
    const body = { name: "ssh-123456", description: "用于机房一主机连接", key_algorithms: "RSA_3072" };
    refused(await emu.api("POST", "/gaussdb/v3/hosts/key", body), "DBS.200044", 404);
    const created = await emu.api("POST", "/gaussdb/v3/hosts/key-pair", { ...body, key_algorithms: "RSA_2048" }); // 2048: faster to generate
    accepted(created, 200);
    const id = created.body.id;
    accepted(await emu.api("GET", "/gaussdb/v3/hosts/key-pair"), 200);
    const modified = await emu.api("PUT", "/gaussdb/v3/hosts/key-pair", { id, name: "ssh_key", descirption: "机房2的秘钥对" });
    accepted(modified, 204);
    expect(ignored(modified)).toBe("descirption");
    expect((await emu.api("GET", `/gaussdb/v3/hosts/key-pair?id=${id}`)).body.key_pairs[0]).toMatchObject({ name: "ssh_key", description: "用于机房一主机连接" });
    accepted(await emu.api("GET", `/gaussdb/v3/hosts/public-key?id=${id}`), 200);
    accepted(await emu.api("DELETE", "/gaussdb/v3/hosts/key-pair", { id, forced: true }), 200);
  });
});

describe("4.9 hosts and data centers", () => {
  it("4.9.10, 4.9.9, 4.9.11, 4.9.12", async () => {
    accepted(await emu.api("POST", "/gaussdb/v3/data-centers", { data_centers: [{ name: "AZ1" }] }), 200);
    accepted(await emu.api("POST", "/gaussdb/v3/data-centers", { data_centers: [{ name: "AZ3" }] }), 200);
    const list = await emu.api("GET", "/gaussdb/v3/data-centers");
    accepted(list, 200);
    const [a, b] = list.body.data_centers.map((d: { id: string }) => d.id);
    accepted(await emu.api("PUT", "/gaussdb/v3/data-centers", { data_centers: [{ id: a, name: "AZ2" }] }), 204);
    accepted(await emu.api("DELETE", "/gaussdb/v3/data-centers", { data_center_ids: [a, b] }), 200);
  });

  it("4.9.2 (password batch, SSH key), 4.9.1, 4.9.3, 4.9.8, 4.9.4 (password single and batch, SSH key)", async () => {
    const dcId = await dc(emu);
    const key = await createKeyPair(emu, "ssh-123456");
    const [m1, m2, m3, m4] = ["100.72.236.1", "100.72.236.2", "100.72.236.3", "100.72.236.4"];
    const host = (name: string, manageIp: string, dataIp: string, virtualIp: string, credential: Record<string, string>) => ({
      name,
      type: "BMS",
      os_type: "kylin",
      cpu_spec: "intel",
      storage_type: "localssd",
      ip: { manage_ip: manageIp, data_ip: dataIp, virtual_ip: virtualIp },
      ssh_port: 22,
      data_center_id: dcId,
      ...credential,
      description: `${name}主机用于构建GaussDB数据库。`,
      is_force_rm_chroot_dir: false,
    });
    // 通过密码批量添加主机
    const byPassword = await emu.api("POST", "/gaussdb/v3/hosts", {
      hosts: [
        host("test_hosts", m1, "192.168.0.2", "192.168.0.3", { os_root_pwd: "Test_345612" }),
        host("test_hosts2", m2, "192.168.0.4", "192.168.0.5", { os_root_pwd: "Test_345612" }),
      ],
    });
    accepted(byPassword);
    // 通过SSH私钥方式添加单个主机 (its first entry carries os_root_pwd, its second ssh_key_id)
    const byKey = await emu.api("POST", "/gaussdb/v3/hosts", {
      hosts: [
        host("test_hosts3", m3, "192.168.0.6", "192.168.0.7", { os_root_pwd: "Test_345612" }),
        host("test_hosts4", m4, "192.168.0.8", "192.168.0.9", { ssh_key_id: key }),
      ],
    });
    accepted(byKey);
    await emu.waitJob(byPassword.body.job_id);
    await emu.waitJob(byKey.body.job_id);
    accepted(await emu.api("GET", "/gaussdb/v3/hosts"), 200);
    accepted(await emu.api("PUT", "/gaussdb/v3/hosts", { hosts: [{ manage_ip: m1, data_ip: "192.168.0.2" }] }), 200);
    expect((await emu.api("GET", "/gaussdb/v3/hosts/specifications")).body).toEqual({
      types: ["BMS"],
      os_types: ["kylin", "uniontech"],
      storage_types: ["localssd", "dorado"],
      cpu_specs: ["intel", "kunpeng", "hygon"],
    });
    // 通过密码删除单个主机, 通过密码批量删除主机, 通过ssh私钥删除单个主机
    accepted(await emu.api("DELETE", "/gaussdb/v3/hosts", { hosts: [{ manage_ip: m1, ssh_port: 22, os_root_pwd: "Test_345612" }] }));
    accepted(
      await emu.api("DELETE", "/gaussdb/v3/hosts", {
        hosts: [
          { manage_ip: m2, ssh_port: 22, os_root_pwd: "Test_345612" },
          { manage_ip: m3, ssh_port: 22, os_root_pwd: "Test_345612" },
        ],
      }),
    );
    accepted(await emu.api("DELETE", "/gaussdb/v3/hosts", { hosts: [{ manage_ip: m4, ssh_port: 22, ssh_key_id: key }] }));
  });
});

/** A 4.11.6 example as printed: name, kylin/BMS/intel/X86, version "1.1", port "8000", the given solution and lists. */
function example411(mode: "centralization_standard" | "combined", solution: string, lists: Record<string, unknown>): Record<string, unknown> {
  return {
    name: "gaussdb-s10d",
    os_type: "kylin",
    datastore: { type: "GaussDB", version: "1.1" },
    host_type: "BMS",
    cpu_spec: "intel",
    arch: "X86",
    ha: { mode, consistency: "strong", replication_mode: "sync", consistency_protocol: "quorum" },
    solution,
    port: "8000",
    password: "***",
    ...lists,
  };
}
/** The substitutions: a listed version (4.12.1) for "1.1", a real password for "***". */
const real = (body: Record<string, unknown>): Record<string, unknown> => ({ ...body, datastore: { type: "GaussDB", version: "3.200.0" }, password: ROOT_PW });

describe("4.11.6 create (all ten examples)", () => {
  const C = "centralization_standard";
  const D = "combined";
  // [title, ha.mode, solution, hosts needed, lists from fresh IPs, printed host count (when one short)]
  const examples: [string, typeof C | typeof D, string, number, (ip: string[]) => Record<string, unknown>, number?][] = [
    ["创建主备版single实例", C, "single", 1, (ip) => ({ manage_ip: [ip[0]] })],
    ["创建主备版triset实例", C, "triset", 3, (ip) => ({ manage_ip: [ip[0], ip[1]], master_az_ip: [ip[2]] })],
    ["创建主备版quadruset实例", C, "quadruset", 5, (ip) => ({ manage_ip: ip.slice(0, 5), master_az_ip: [ip[0], ip[1]], slave_az_ip: [ip[2], ip[3]], arbiter_az_ip: [ip[4]] })],
    ["创建主备版pentaset实例", C, "pentaset", 5, (ip) => ({ manage_ip: ip.slice(0, 4) }), 4],
    ["创建分布式hcs1实例", D, "hcs1", 9, (ip) => ({ manage_ip: ip.slice(0, 9), master_az_ip: ip.slice(0, 4), slave_az_ip: ip.slice(4, 7), arbiter_az_ip: [ip[7]] })],
    ["创建分布式hcs2实例", D, "hcs2", 3, (ip) => ({ manage_ip: ip.slice(0, 2) }), 2],
    ["创建分布式hcs3实例", D, "hcs3", 4, (ip) => ({ manage_ip: ip.slice(0, 3) }), 3],
    ["创建分布式hcs4实例", D, "hcs4", 5, (ip) => ({ manage_ip: ip.slice(0, 4), arbiter_az_ip: [ip[4]] })],
    ["创建分布式hcs6实例", D, "hcs6", 1, (ip) => ({ manage_ip: [ip[0]] })],
    ["创建带浮动IP的主备版triset实例", C, "triset", 3, (ip) => ({ manage_ip: [ip[0], ip[1]], master_az_ip: [ip[2]], float_ip: ["127.0.2.1"] })],
  ];
  it.each(examples)("%s", async (_title, mode, solution, hosts, lists, printed) => {
    const ips = await readyHosts(emu, hosts);
    const asPrinted = example411(mode, solution, lists(ips));
    // "1.1" is not a version 4.12.1 offers (and "***" masks the password)
    refused(await emu.api("POST", "/gaussdb/v3/instances", { ...asPrinted, password: ROOT_PW }), "DBS.200856");
    if (printed !== undefined) {
      // the printed manage_ip lists one host fewer than the solution has: refused, then completed
      refused(await emu.api("POST", "/gaussdb/v3/instances", real(asPrinted)), "DBS.06025010");
      const r = await emu.api("POST", "/gaussdb/v3/instances", real({ ...asPrinted, manage_ip: ips }));
      accepted(r);
      return;
    }
    const r = await emu.api("POST", "/gaussdb/v3/instances", real(asPrinted));
    accepted(r);
    expect([...r.body.manage_ip].sort()).toEqual([...ips].sort());
  });
});

describe("4.11.7 restore to a new instance (all six examples)", () => {
  it("backup (with region), point in time, table level, float IP (with region); XBSA refused", async () => {
    const src = await activeInstance(emu, "quadruset");
    const b = await emu.api("POST", "/gaussdb/v3/backups", { instance_id: src.id, name: "backup" });
    await emu.waitJob(b.body.job_id);
    const backupId = b.body.backup.id;
    const target = async (extra: Record<string, unknown> = {}) => {
      const ip = await readyHosts(emu, 5);
      return {
        name: "gaussdb-s10d",
        os_type: "Kylin",
        host_type: "BMS",
        cpu_spec: "Intel",
        arch: "X86",
        solution: "quadruset",
        port: "8000",
        password: ROOT_PW,
        manage_ip: ip.slice(0, 4),
        master_az_ip: [ip[0], ip[1]],
        slave_az_ip: [ip[2], ip[3]],
        arbiter_az_ip: [ip[4]],
        ...extra,
      };
    };
    const create = (body: unknown) => emu.api("POST", "/gaussdb/v3/instances", body);
    // 恢复主备版5节点实例: "region" is no field of table 4-506
    const one = await create({ region: "cn-north-4", ...(await target({ restore_point: { backup_id: backupId, instance_id: src.id } })) });
    accepted(one);
    expect(ignored(one)).toBe("region");
    // 恢复主备版5节点实例到指定时间点: "1234564789" (ms) precedes every backup; a time after the backup is accepted
    const pitr = await target();
    refused(await create({ ...pitr, restore_point: { restore_time: "1234564789", instance_id: src.id } }), "DBS.200751");
    accepted(await create({ ...pitr, restore_point: { restore_time: String(Date.now()), instance_id: src.id } }));
    // 库表级备份恢复到新的主备版5节点实例: as printed it lists only arbiter_az_ip (one host of five)
    const point = {
      backup_id: backupId,
      instance_id: src.id,
      restore_source_type: "DATABASE_TABLE",
      table_list: [
        { db_name: "test_1", table_name: "table_1", schema_name: "schema_1", new_db_name: "test_2", new_table_name: "table_2", new_schema_name: "schema_2" },
        { db_name: "test_2", table_name: "table_1", schema_name: "schema_1" },
      ],
    };
    const tables = await target({ restore_point: point });
    const printed = { ...tables, manage_ip: undefined, master_az_ip: undefined, slave_az_ip: undefined };
    refused(await create(JSON.parse(JSON.stringify(printed))), "DBS.06025010");
    accepted(await create(tables));
    // 恢复主备版5节点实例带浮动IP
    accepted(await create({ region: "cn-north-4", ...(await target({ float_ip: ["127.0.2.1"], restore_point: { backup_id: backupId, instance_id: src.id } })) }));
    // XBSA全量备份恢复到主备3节点 / XBSA根据指定时间点恢复到分布式5节点: XBSA media are not emulated
    const xbsa = {
      xbsa_extension_infos: [{ key: "BackupSet", value: "/opt/xbsa/conf/xbsa_gaussdb_restore.conf" }],
      xbsa_ssl_certs: { ca_cert_pem: "Q2VydGlma*****tCg==", client_crt: "Q2VydG****tLS0K", client_key: "LS0t****LS0tLQo=", rand_pass: "U*****8" },
    };
    const ip3 = await readyHosts(emu, 3);
    const full = { name: "gauss-restore-xbsa", host_type: "bms", os_type: "Kylin", cpu_spec: "intel", arch: "x86", storage_type: "LOCALSSD", port: "8000", password: ROOT_PW, manage_ip: ip3, master_az_ip: [ip3[0]], restore_point: { type: "backup" }, ...xbsa };
    refused(await create(full), "DBS.200001");
    const timed = { ...(await target()), name: "gauss-restore-pitr-xbsa", storage_type: "LOCALSSD", restore_point: { restore_point: "1710138043000", instance_id: src.id, type: "timestamp" }, ...xbsa };
    refused(await create(timed), "DBS.200001");
  });
});

describe("4.11.5, 4.11.8–4.11.11 instance lifecycle", () => {
  it("list, stop (node, instance), start (node, instance), restart, uninstall and unmanage", async () => {
    const { id } = await activeInstance(emu, "triset");
    accepted(await emu.api("GET", "/gaussdb/v3.1/instances"), 200);
    const base = `/gaussdb/v3/instances/${id}`;
    const slave = (await showInstance(emu, id)).nodes.find((n: { role: string }) => n.role === "slave").id;
    // node_ids中有节点id的时候表示停止节点: the printed id is no node of this instance
    refused(await emu.api("POST", `${base}/db-stop`, { node_ids: ["a4e6ca5a624745bcb546a227aa373kcfin14"] }), "DBS.216030");
    const run = (method: string, path: string, body?: unknown) =>
      fast(async () => {
        const r = await emu.api(method, path, body);
        accepted(r);
        return emu.waitJob(r.body.job_id);
      });
    await run("POST", `${base}/db-stop`, { node_ids: [slave] });
    await run("POST", `${base}/db-startup`, { node_ids: [slave] });
    await run("POST", `${base}/db-stop`, { node_ids: [] });
    await run("POST", `${base}/db-startup`, { node_ids: [] });
    await run("POST", `${base}/restart`);
    // 卸载数据库实例
    await run("DELETE", `${base}/management`, { rds_admin_password: null, is_force_remove_instance: false, clear_data: true, keep_db_backup: 0, keep_difference_backup: 0 });
    // 取消纳管数据库实例: "clear_date" is no field of table 4-491 (ignored: clear_data absent means unmanage)
    const other = await activeInstance(emu, "single");
    const r = await emu.api("DELETE", `/gaussdb/v3/instances/${other.id}/management`, {
      rds_admin_password: "Rds_admin_77",
      is_force_remove_instance: false,
      clear_date: false,
      keep_db_backup: 0,
      keep_difference_backup: 0,
    });
    accepted(r);
    expect(ignored(r)).toBe("clear_date");
    expect((await emu.waitJob(r.body.job_id)).name).toBe("UnmanageGaussDBInstance");
  });
});

describe("4.11.12, 4.11.13 taking over a database installed outside TPOPS", () => {
  it("当manage_ip中有管理节点IP / 没有管理节点IP, then 纳管三节点集中式实例 (its two IPs name the three-node database)", async () => {
    // Setup: a triset database on three machines (control API, README "Taking over databases"), added to TPOPS.
    const ips = ["10.0.200.1", "10.0.200.2", "10.0.200.3"];
    const seed = await fetch(`${emu.origin}/__emulator/unmanaged-databases`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ manage_ips: ips, solution: "triset", manage_password: "Rds_admin_77" }) });
    expect(seed.status).toBe(201);
    const dcId = await dc(emu);
    const add = await emu.api("POST", "/gaussdb/v3/hosts", { hosts: ips.map((ip, i) => ({ name: `host-${i}`, type: "BMS", os_type: "kylin", cpu_spec: "intel", storage_type: "localssd", ip: { manage_ip: ip, data_ip: `192.168.200.${i + 1}`, virtual_ip: `192.168.201.${i + 1}` }, ssh_port: 22, data_center_id: dcId, os_root_pwd: "Test_345612" })) });
    accepted(add);
    await emu.waitJob(add.body.job_id);
    const withIp = await emu.api("POST", "/v3/instances/management/check-hosts-manageable", { manage_ip: ips[0] });
    accepted(withIp, 200);
    expect(withIp.body.host_status_info.map((h: { is_online: string }) => h.is_online)).toEqual(["added", "added", "added"]);
    accepted(await emu.api("POST", "/v3/instances/management/check-hosts-manageable", { manage_ip: null }), 200);
    const r = await emu.api("POST", "/v3/instances/management", {
      instance_name: "instance-a",
      manage_ip_list: [ips[0], ips[1]],
      manage_user: "rdsAdmin",
      manage_userpass: "Rds_admin_77",
      storage_device: { device_id: "nas_server_1", device_directory: "/data/nas", real_path: "/home/nfs/data1", is_manually_mount: false },
    });
    accepted(r, 200);
    expect(ignored(r)).toBeNull();
    expect((await fast(() => emu.waitJob(r.body.job_id))).status).toBe("Completed");
  });
});

describe("4.11.15, 4.11.17, 4.11.18, 4.11.20–4.11.22 instance changes", () => {
  it("三节点组节点扩容: the printed two IPs are one short of an hcs2 group; three are accepted", async () => {
    const { id } = await activeInstance(emu, "hcs2");
    const ips = await readyHosts(emu, 3);
    const expand = (manage_ip: string[]) => emu.api("POST", `/gaussdb/v3/instances/${id}/expansion`, { expand_cluster: { nodes: { count: 1, manage_ip } } });
    refused(await expand(ips.slice(0, 2)), "DBS.06025010");
    accepted(await expand(ips));
  });

  it("4.11.17 and the five 4.11.18 examples (就地升级, 灰度升级--待观察, -升级回退, -提交升级, -自动提交)", async () => {
    const v103 = { datastore: { type: "GaussDB", version: "3.103.0" } };
    const up = (id: string, body: unknown) => emu.api("PUT", `/gaussdb/v3.1/instances/${id}/db-upgrade`, body);
    const finish = (request: () => Promise<{ status: number; body: any }>) =>
      fast(async () => {
        const r = await request();
        accepted(r);
        expect((await emu.waitJob(r.body.job_id)).status).toBe("Completed");
      });
    const inplace = await activeInstance(emu, "single", v103);
    accepted(await emu.api("GET", `/gaussdb/v3/instances/${inplace.id}/db-upgrade/candidate-versions`), 200);
    await finish(() => up(inplace.id, { target_version: "3.200.0", upgrade_type: "inplace" }));
    // a triset on data centers az_01 (2 hosts) and az_02 (1 host), the example's AZ names
    const grey = await fast(async () => {
      const ips = [...(await readyHosts(emu, 2, { dcName: "az_01" })), ...(await readyHosts(emu, 1, { dcName: "az_02" }))];
      const c = await emu.api("POST", "/gaussdb/v3/instances", createBody("triset", ips, v103));
      await emu.waitJob(c.body.job_id);
      return c.body.instance_id as string;
    });
    await finish(() => up(grey, { target_version: "3.200.0", upgrade_action: "upgrade", upgrade_az: "az_02,az_01", upgrade_type: "grey" }));
    await finish(() => up(grey, { target_version: "3.200.0", upgrade_action: "rollback", upgrade_type: "grey" }));
    await finish(() => up(grey, { target_version: "3.200.0", upgrade_action: "upgrade", upgrade_az: "az_02,az_01", upgrade_type: "grey" }));
    await finish(() => up(grey, { target_version: "3.200.0", upgrade_action: "commit", upgrade_type: "grey" }));
    const auto = await activeInstance(emu, "triset", v103);
    await finish(() => up(auto.id, { target_version: "3.200.0", upgrade_action: "upgradeAutoCommit", upgrade_type: "grey" }));
  });

  it("主备5节点缩副本 and 主备3节点扩副本", async () => {
    const penta = await activeInstance(emu, "pentaset");
    const ids = (await showInstance(emu, penta.id)).nodes.filter((n: { role: string }) => n.role === "slave").slice(0, 2).map((n: { id: string }) => n.id);
    accepted(await emu.api("PUT", `/gaussdb/v3/instances/${penta.id}/solution`, { solution: "triset", node_id: ids }));
    const tri = await activeInstance(emu, "triset");
    // the printed "100.*.*.1", "100.*.*.2" stand for two free hosts
    const extra = await readyHosts(emu, 2);
    accepted(await emu.api("PUT", `/gaussdb/v3/instances/${tri.id}/solution`, { solution: "pentaset", manage_ip: extra }));
  });

  it("开启MySQl兼容端口服务 and 更新MySQI兼容端口服务 (printed at /gaussdb/v3/instance/…, not the URI section's /instances/)", async () => {
    const { id } = await activeInstance(emu, "single");
    const open = await emu.api("POST", `/gaussdb/v3/instances/${id}/mysql-compatibility`, { port: 3306 });
    accepted(open);
    await emu.waitJob(open.body.job_id);
    refused(await emu.api("PUT", `/gaussdb/v3/instance/${id}/mysql-compatibility`, { port: 3308 }), "DBS.200044", 404);
    accepted(await emu.api("PUT", `/gaussdb/v3/instances/${id}/mysql-compatibility`, { port: 3308 }));
  });
});

describe("4.12.1 and 4.17.1", () => {
  it("查询数据库引擎的版本 (strings: the table's Array of strings) and 请求任务详情", async () => {
    const v = await emu.api("GET", "/gaussdb/v3/datastore/versions");
    accepted(v, 200);
    for (const x of v.body.versions) expect(typeof x).toBe("string");
    await readyHosts(emu, 1);
    const jobId = (await emu.api("GET", "/gaussdb/v3/hosts")).body.hosts[0].job_id;
    const j = await emu.api("GET", `/v3/jobs?id=${jobId}`);
    accepted(j, 200);
    expect(j.body.job).toMatchObject({ id: jobId, name: "AddHosts", status: "Completed" });
  });
});

describe("4.10 daily inspections", () => {
  it("创建巡检任务, 查询巡检任务列表, 查询一个巡检任务明细, 修改一个选中的巡检任务, 重新执行巡检任务, 批量删除巡检任务 (instance ids and task ids replaced by real ones)", async () => {
    const { id } = await activeInstance(emu, "single");
    // 4.10.2: the printed instance ids name no instance (DBS.200002); with a real one
    const create = {
      inspection_name: "inspection_test",
      instance_ids: ["619d3e78f61b4be68bc5aa0b59edcf7b", "219d3e78f61b4be68bc5aa0b59edcf7b"],
      inspection_scope: "daily",
      inspection_policy: "periodic",
      inspection_period: "daily",
      inspection_time: "01:00:00",
      item_ids: ["619d3e78f61b4be68bc5aa0b59edcf7b", "619d3e78f61b4be68bc5aa0b59edhf7b"],
    };
    refused(await emu.api("POST", "/gaussdb/v3/inspections", create), "DBS.200002");
    accepted(await emu.api("POST", "/gaussdb/v3/inspections", { ...create, instance_ids: [id] }), 201);
    // 4.10.1 GET …/inspections?limit=10&offset=0&inspection_name=inspection_test
    const list = await emu.api("GET", "/gaussdb/v3/inspections?limit=10&offset=0&inspection_name=inspection_test");
    accepted(list, 201);
    const taskId = list.body.inspections[0].id as string;
    // 4.10.5
    accepted(await emu.api("GET", `/gaussdb/v3/inspections/${taskId}`), 201);
    // 4.10.6 (its instance id replaced by the real one)
    const update = {
      inspection_name: "test_3",
      instance_ids: [id],
      inspection_scope: "real_time",
      inspection_policy: "single",
      item_ids: ["ae348ee4-5139-4777-8808-d68791549de3", "ad1b4bf5-7be8-4708-a10e-bee6a89f35fe", "c4473978-73b0-43b8-b233-7aceca98507b", "12526548-a4ea-478b-b1bd-1dc2ff83cb5a", "b3dab237-c5e4-40da-8174-71182898a359", "1613f70e-27e3-426c-96f6-4834c883ab97"],
      inspection_period: "soon",
      task_start_time: "2024-01-04T19:53:33+08:00",
    };
    accepted(await emu.api("PUT", `/gaussdb/v3/inspections/${taskId}`, update), 201);
    // 4.10.4
    accepted(await emu.api("POST", `/gaussdb/v3/inspections/${taskId}/start`), 201);
    // 4.10.3 (the printed ids name no task: result failure each; with the real one: success)
    const printed = await emu.api("POST", "/gaussdb/v3/inspections/batch-delete", { inspection_ids: ["6b13d4ba7268438dbb4fe6869ab5fcf0", "d101c49ab9f64b0ca93e289d9b401d7f"] });
    accepted(printed, 201);
    expect(printed.body.results.map((r: { result: string }) => r.result)).toEqual(["failure", "failure"]);
    const real = await emu.api("POST", "/gaussdb/v3/inspections/batch-delete", { inspection_ids: [taskId] });
    expect(real.body.results).toEqual([{ inspction_id: taskId, result: "success" }]);
  });

  it("查询巡检类别及巡检项, 查询场景列表, 创建巡检场景, 修改巡检场景, 巡检场景明细 (delete)", async () => {
    accepted(await emu.api("GET", "/gaussdb/v3/inspections/items"), 200);
    accepted(await emu.api("GET", "/gaussdb/v3/inspections/scenes"), 200);
    accepted(await emu.api("POST", "/gaussdb/v3/inspections/scenes", { name: "test_scenes", item_ids: ["405e791367f3419fa262e75ccb202e5c", "405e791367f3419fa262e75ccb202e5c"] }), 200);
    // 4.10.15 and 4.10.14 name the scene "test"
    accepted(await emu.api("POST", "/gaussdb/v3/inspections/scenes", { name: "test", item_ids: ["405e791367f3419fa262e75ccb202e5c"] }), 200);
    accepted(await emu.api("PUT", "/gaussdb/v3/inspections/scenes", { name: "test", item_ids: ["ae348ee4-5139-4777-8808-d68791549de3", "ad1b4bf5-7be8-4708-a10e-bee6a89f35fe"], modify_name: "test" }), 200);
    const del = await emu.api("DELETE", "/gaussdb/v3/inspections/scenes", { names: ["test"] });
    accepted(del, 200);
    expect(del.body.results[0].result).toBe("1");
    expect(ignored(del)).toBeNull();
  });
});

describe("4.5.7/4.5.8 WDR, 4.6.1–4.6.3 intelligent O&M, 4.11.1/4.11.2 extension information", () => {
  it("打开WDR快照开关 and 查询wdr快照开关状态; 开启实例纳管 (real ids); the two lists; 设置/查询实例扩展信息 (4.11.1 printed without braces)", async () => {
    const { id } = await activeInstance(emu, "single");
    const { id: assist } = await activeInstance(emu, "single", { datastore: { type: "gaussdbv5-dbmind", version: "3.200.0" } });
    accepted(await emu.api("PUT", `/gaussdb/v3/instances/${id}/wdr-snapshot/status`, { status: "ON" }), 202);
    accepted(await emu.api("GET", `/gaussdb/v3/instances/${id}/wdr-snapshot/status`), 200);
    // 4.6.1 as printed names ids that do not exist (DBS.200002); with real ones it is accepted
    refused(await emu.api("POST", "/v3/db-assist/manage-instance", { db_assist_id: "6997795f659840d595232225d9a70d2din19", instance_ids: ["ad40c3ff2603429c9eb5511361047933in14", "ad40c3ff2603429c9eb5511361047933in15"], manage_type: "ENABLED" }), "DBS.200002");
    accepted(await emu.api("POST", "/v3/db-assist/manage-instance", { db_assist_id: assist, instance_ids: [id], manage_type: "ENABLED" }), 202);
    accepted(await emu.api("GET", `/v3/db-assist/manageable-instances?db_assist_id=${assist}&manage_type=DISABLED`), 200);
    accepted(await emu.api("GET", "/v3/db-assist/instances"), 200);
    refused(await emu.api("PUT", `/gaussdb/v3/instances/${id}/extend-info`, '"key" : "BackupSet",\n"value" : "/etc/xbsa.conf"'), "DBS.200001");
    accepted(await emu.api("PUT", `/gaussdb/v3/instances/${id}/extend-info`, { key: "BackupSet", value: "/etc/xbsa.conf" }), 200);
    const got = await emu.api("GET", `/gaussdb/v3/instances/${id}/extend-info?key=BackupSet`);
    expect(got.body).toEqual({ key: "BackupSet", value: "/etc/xbsa.conf" });
  });
});

describe("4.6.4–4.6.6 SQL patches, 4.7.1–4.7.4 SQL throttling", () => {
  it("新建/查询/开启 SQL Patch as printed (refused: a trailing comma, an instance id as node, a placeholder action); 创建限流任务 (2023 windows refused), 删除, 查询列表, SQL模板", async () => {
    const { id } = await activeInstance(emu, "single");
    const node = (emu.ctx.state.data.instances[id] as any).nodes[0].id as string;
    const base = `/gaussdb/v3/instances/${id}`;
    // 4.6.4: a comma before the closing brace (DBS.200001); as JSON, node_id "…in14" is no node of the instance (DBS.216030)
    refused(await emu.api("POST", `${base}/sql-patch`, '{\n"node_id" : "d8e6ca5a624745bcb546a227aa3ae1cfin14",\n"sql_id" : "28f61af50fc9452aa0ed5ea25c3cc3d3",\n"patch_name" : "patch1",\n"hint" : "indexscan(t1)",\n}'), "DBS.200001");
    refused(await emu.api("POST", `${base}/sql-patch`, { node_id: "d8e6ca5a624745bcb546a227aa3ae1cfin14", sql_id: "28f61af50fc9452aa0ed5ea25c3cc3d3", patch_name: "patch1", hint: "indexscan(t1)" }), "DBS.216030");
    accepted(await emu.api("POST", `${base}/sql-patch`, { node_id: node, sql_id: "28f61af50fc9452aa0ed5ea25c3cc3d3", patch_name: "patch1", hint: "indexscan(t1)" }), 200);
    // 4.6.5 (its parameters as the query string: fetch sends no body on a GET; test/conformance/ops covers the body)
    expect((await emu.api("GET", `${base}/sql-patch?node_id=${node}&sql_id=28f61af50fc9452aa0ed5ea25c3cc3d3`)).body).toEqual({ patch_name: "patch1", hint: "indexscan(t1)", patch_status: "enabled" });
    // 4.6.6: "action": "open/close/drop" is a placeholder
    refused(await emu.api("POST", `${base}/handle-sql-patch`, { node_id: node, sql_id: "28f61af50fc9452aa0ed5ea25c3cc3d3", patch_name: "patch1", action: "open/close/drop" }), "DBS.280001");
    accepted(await emu.api("POST", `${base}/handle-sql-patch`, { node_id: node, sql_id: "28f61af50fc9452aa0ed5ea25c3cc3d3", patch_name: "patch1", action: "close" }), 200);
    // 4.7.1: the three examples' windows lie in 2023 ("大于等于当前时间的前俩分钟"): refused; moved to now they are taken
    const session = { task_name: "test", task_scope: "SESSION", start_time: "2023-06-06T01:47:20+0800", end_time: "2023-06-07T01:47:20+0800", limit_type: "SESSION_ACTIVE_MAX_COUNT", limit_type_value: "CPU_OR_MEMORY", cpu_utilization: 80, memory_utilization: 80, parallel_size: 100 };
    refused(await emu.api("POST", `${base}/limit-task`, session), "DBS.280001");
    const soon = new Date(Date.now() + 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const later = new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const made = await emu.api("POST", `${base}/limit-task`, { ...session, start_time: soon, end_time: later });
    accepted(made, 200);
    accepted(await emu.api("POST", `${base}/limit-task`, { task_scope: "SQL", start_time: soon, end_time: later, limit_type: "SQL_TYPE", limit_type_value: "select", task_name: "test1", key_words: "table1,id", parallel_size: 100, databases: "test1" }), 200);
    accepted(await emu.api("POST", `${base}/limit-task`, { task_scope: "SQL", start_time: soon, end_time: later, limit_type: "SQL_ID", limit_type_value: "39b6a1a", task_name: "test1", sql_model: "select * from a where b = ?", parallel_size: 100, databases: "test1", node_infos: [{ node_id: node, sql_id: "39b6a1a" }] }), 200);
    // 4.7.3 (the printed "limittask-list" is the Markdown's broken "limit-task-list")
    const listed = await emu.api("GET", `${base}/limit-task-list?offset=1&limit=10&limit_type=SQL_ID`);
    expect(listed.body).toMatchObject({ total_count: 1, offset: 1, limit: 10, limit_task_list: [] });
    expect((await emu.api("GET", `${base}/limit-task-list?offset=0&limit=10&limit_type=SQL_ID&task_name=test`)).body.total_count).toBe(1);
    accepted(await emu.api("GET", `${base}/limit-task-list?offset=0&limit=10&start_time=2024-01-11T08:41:45%2B0000&end_time=2024-01-18T08:41:51%2B0000`), 200);
    // 4.7.2: the example's task id is unknown here (500, the one error status printed); a real one is deleted
    refused(await emu.api("DELETE", `${base}/limit-task/96854ba7-8d50-4a3c-8fd8-210a7390e9d1`), "DBS.280005", 500);
    accepted(await emu.api("DELETE", `${base}/limit-task/${made.body.task_id}`), 200);
    // 4.7.4: the quoted node id of the example names no node of this instance; this instance's, quoted alike, is listed
    refused(await emu.api("GET", `${base}/list-node-limit-sql-model?node_id='46d996fdda594f58b17fe509061e0893no14'`), "DBS.216030");
    accepted(await emu.api("GET", `${base}/list-node-limit-sql-model?node_id='${node}'`), 200);
  });
});

describe("4.18 disaster recovery", () => {
  it("4.18.13, 4.18.4, 4.18.2, 4.18.3, 4.18.1, 4.18.11/4.18.12, 4.18.9/4.18.10, 4.18.7, 4.18.5, 4.18.8, 4.18.6, 4.18.14 (ids, the data IP and the password masks replaced; four bodies printed without their closing brace)", async () => {
    const primary = (await activeInstance(emu, "single")).id;
    const standby = (await activeInstance(emu, "single")).id;
    const base = (id: string) => `/gaussdb/v3.6/instances/${id}/disaster-recovery`;
    accepted(await emu.api("PUT", `/gaussdb/v3/instances/${standby}/db-user/init-password`, { root_name: "root", root_password: ROOT_PW }), 200);
    const drIp = (await showInstance(emu, standby)).nodes[0].data_ip as string;
    const done = async (r: { status: number; body: any }, status = 202) => {
      accepted(r, status);
      expect((await emu.waitJob(r.body.job_id)).status).toBe("Completed");
    };
    // 4.18.13 {"master_instance_id" : "436f…in14", "disaster_type" : "stream"}
    const candidates = await emu.api("POST", "/gaussdb/v3/instances/disaster/instanceList", { master_instance_id: primary, disaster_type: "stream" });
    accepted(candidates, 200);
    expect(candidates.body.instance_list.map((x: any) => x.instance_id)).toEqual([standby]);
    // 4.18.4 {"disaster_type" : "stream", "dr_ip" : "127.****", "dr_user_name" : "root", "dr_user_password" : "***", "dr_task_name" : "dr-task-123"}
    refused(await emu.api("POST", `${base(primary)}/construct`, { disaster_type: "stream", dr_ip: "127.****", dr_user_name: "root", dr_user_password: "***", dr_task_name: "dr-task-123" }), "DBS.200002");
    await done(await emu.api("POST", `${base(primary)}/construct`, { disaster_type: "stream", dr_ip: drIp, dr_user_name: "root", dr_user_password: ROOT_PW, dr_task_name: "dr-task-123" }));
    // 4.18.2 GET …/relations?limit=100&offset=0
    const rel = await emu.api("GET", "/gaussdb/v3.6/disaster-recovery/relations?limit=100&offset=0");
    accepted(rel, 200);
    expect(rel.body.total).toBe(2);
    const sync = rel.body.relations[0].synchronization_id as string;
    // 4.18.3 GET …/monitor (no query: disaster_type "缺省值: stream")
    accepted(await emu.api("GET", `${base(standby)}/monitor`), 200);
    // 4.18.1 {"synchronization_id" : "cd8c…", "dr_task_name" : "dr-task-123" — printed without "}"
    refused(await emu.api("PUT", `${base(primary)}/rename`, `{\n    "synchronization_id" : "${sync}",\n    "dr_task_name" : "dr-task-123"\n`), "DBS.200001");
    accepted(await emu.api("PUT", `${base(primary)}/rename`, { synchronization_id: sync, dr_task_name: "dr-task-123" }), 200);
    // 4.18.11 {"xlog_keep_ratio" : 90, "disaster_type" : "stream"}; 4.18.12 {"disaster_type" : "stream" — printed without "}"
    await done(await emu.api("POST", `${base(primary)}/keep-log-start`, { xlog_keep_ratio: 90, disaster_type: "stream" }));
    refused(await emu.api("POST", `${base(primary)}/keep-log-stop`, '{\n   "disaster_type" : "stream"\n'), "DBS.200001");
    await done(await emu.api("POST", `${base(primary)}/keep-log-stop`, { disaster_type: "stream" }));
    // 4.18.9 {"xlog_keep_ratio" : 90, "disaster_type" : "stream"} on the primary; 4.18.10 {"disaster_type" : "stream"} on the DR instance
    await done(await emu.api("POST", `${base(primary)}/simulation-start`, { xlog_keep_ratio: 90, disaster_type: "stream" }));
    await done(await emu.api("POST", `${base(standby)}/simulation-stop`, { disaster_type: "stream" }));
    // 4.18.7 {"disaster_type" : "stream" — printed without "}"
    refused(await emu.api("POST", `${base(primary)}/switchover`, '{\n    "disaster_type" : "stream"\n'), "DBS.200001");
    await done(await emu.api("POST", `${base(primary)}/switchover`, { disaster_type: "stream" }));
    // now the standby is the primary: the failover is issued on the DR instance, the original primary
    // 4.18.5 {"is_support_restore" : true, "disaster_type" : "stream"}
    await done(await emu.api("POST", `${base(primary)}/failover`, { is_support_restore: true, disaster_type: "stream" }));
    // 4.18.8 {"disaster_type" : "stream" — printed without "}"
    refused(await emu.api("POST", `${base(primary)}/restore`, '{\n    "disaster_type" : "stream"\n'), "DBS.200001");
    await done(await emu.api("POST", `${base(primary)}/restore`, { disaster_type: "stream" }));
    // 4.18.6 {"disaster_type" : "stream"} from the master (the fail-back returned the roles the relation was built with)
    await done(await emu.api("POST", `${base(primary)}/release`, { disaster_type: "stream" }));
    // 4.18.14 {"disaster_name" : "disaster_name"}: no record has that name; the relation's own name is deleted
    refused(await emu.api("POST", "/gaussdb/v3/instances/disaster/record/delete", { disaster_name: "disaster_name" }), "DBS.200044");
    await done(await emu.api("POST", "/gaussdb/v3/instances/disaster/record/delete", { disaster_name: "dr-task-123" }), 200);
    expect((await emu.api("GET", "/gaussdb/v3.6/disaster-recovery/relations")).body).toEqual({ total: 0, relations: [] });
  });
});
