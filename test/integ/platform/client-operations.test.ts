import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TpopsClient, ops } from "../../../provider/client";
import { waitUntilInstanceStatus, waitUntilJobDone } from "../../../provider/waiters";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";

// Every operation of the table, called through the typed client against the emulator (an independent
// reading of the reference): a wrong path, method, body shape or response schema fails here.

let emu: TestEmulator;
let c: TpopsClient;
const done = (jobId: string) => waitUntilJobDone(c, jobId, { timeout: "1m" });

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 0.0005 });
  c = new TpopsClient({ endpoint: emu.url, username: "admin", password: "Admin@123", log: () => undefined });
});
afterAll(async () => {
  await c.close();
  await emu.close();
});

describe("operations table against the emulator", () => {
  it("runs a full platform lifecycle with typed operations and schema-checked answers", async () => {
    const versions = await c.call(ops.engineVersions.list);
    expect(versions.versions.length).toBeGreaterThan(0);
    const oldest = [...versions.versions].sort()[0]!;

    // data centers (4.9.9–4.9.12)
    await c.call(ops.dataCenters.add, { body: { data_centers: [{ name: "AZ1", description: "room 1" }] } });
    const [dc] = await c.listAll(ops.dataCenters.list, { query: { name: "AZ1" } });
    expect(dc).toMatchObject({ name: "AZ1", description: "room 1" });
    await c.call(ops.dataCenters.update, { body: { data_centers: [{ id: dc!.id, description: "room one" }] } });
    expect((await c.call(ops.dataCenters.list, { query: { id: dc!.id } })).data_centers[0]?.description).toBe("room one");

    // key pairs (4.8.1–4.8.5)
    const { id: keyId } = await c.call(ops.keyPairs.create, { body: { name: "kp-ops", key_algorithms: "RSA_2048" } });
    await c.call(ops.keyPairs.update, { body: { id: keyId, description: "for hosts" } });
    expect((await c.listAll(ops.keyPairs.list, { query: { id: keyId } }))[0]).toMatchObject({ name: "kp-ops", description: "for hosts" });
    expect(await c.call(ops.keyPairs.publicKey, { query: { id: keyId } })).toMatch(/^ssh-rsa \S+/);

    // hosts (4.9.1–4.9.4, 4.9.8)
    const specs = await c.call(ops.hosts.specifications);
    expect(specs.types).toContain("BMS");
    const ips = ["10.1.0.1", "10.1.0.2", "10.1.0.3", "10.1.0.4", "10.1.0.5"];
    const added = await c.call(ops.hosts.add, {
      body: {
        hosts: ips.map((ip, i) => ({
          name: `h${i}`,
          type: "BMS",
          os_type: "kylin",
          cpu_spec: "intel",
          storage_type: "localssd",
          ip: { manage_ip: ip, data_ip: `192.168.0.${i + 1}`, virtual_ip: `192.168.1.${i + 1}` },
          ssh_port: 22,
          ...(i === 0 ? { ssh_key_id: keyId } : { os_root_pwd: "Test_345612" }),
          data_center_id: dc!.id,
        })),
      },
    });
    expect(added.hosts).toHaveLength(5);
    await done(added.job_id);
    await c.call(ops.hosts.update, { body: { hosts: [{ manage_ip: ips[0]!, description: "primary" }] } });
    const hosts = await c.listAll(ops.hosts.list, { query: { data_center_id: dc!.id } });
    expect(hosts.map((h) => h.status)).toEqual(Array(5).fill("initialized"));
    expect(hosts.find((h) => h.ip.manage_ip === ips[0])?.description).toBe("primary");

    // instance (4.11.6, 4.11.8) on three hosts
    const created = await c.call(ops.instances.create, {
      body: {
        name: "ops-db",
        os_type: "kylin",
        datastore: { type: "GaussDB", version: oldest },
        host_type: "BMS",
        cpu_spec: "intel",
        arch: "X86",
        ha: { mode: "centralization_standard", consistency: "strong", replication_mode: "sync", consistency_protocol: "quorum" },
        solution: "triset",
        port: "8000",
        password: "Gauss_234",
        manage_ip: ips.slice(0, 3),
      },
    });
    expect((await c.call(ops.instances.list, { query: { id: created.instance_id } })).instances[0]?.status).toBe("BUILD");
    await done(created.job_id);
    const inst = await waitUntilInstanceStatus(c, created.instance_id, { target: "ACTIVE", timeout: "1m" });
    expect(inst.nodes?.length).toBe(3);
    expect(typeof inst.port).toBe("number");
    const id = { instance_id: created.instance_id };

    // backups (4.2.1, 4.2.4–4.2.6)
    const policy = await c.call(ops.backups.getPolicy, { path: id });
    expect(policy.backup_policy.keep_days).toBeGreaterThan(0);
    await c.call(ops.backups.setPolicy, {
      path: id,
      body: { backup_policy: { keep_days: 9, start_time: "01:00-02:00", period: "1,3,5", differential_period: "60" } },
    });
    expect((await c.call(ops.backups.getPolicy, { path: id })).backup_policy).toMatchObject({ keep_days: 9, start_time: "01:00-02:00" });
    await c.call(ops.backups.setConfig, { path: id, body: { rate_limit: 80, prefetch_block: 32 } });
    expect(await c.call(ops.backups.getConfig, { path: id })).toMatchObject({ rate_limit: 80, prefetch_block: 32 });

    // parameters (4.3.1–4.3.2)
    const params = await c.call(ops.configurations.get, { path: id });
    const param = params.configuration_parameters.find((p) => p.name.endsWith("failed_login_attempts")) ?? params.configuration_parameters[0]!;
    const upd = await c.call(ops.configurations.update, { path: id, body: { values: { [param.name]: String(param.value ?? "") } } });
    if (upd.job_id) await done(upd.job_id);

    // operations with jobs (4.11.9–4.11.11, 4.11.15, 4.11.17–4.11.18, 4.11.20–4.11.22)
    await done((await c.call(ops.instances.restart, { path: id })).job_id);
    await done((await c.call(ops.instances.stop, { path: id, body: { node_ids: [] } })).job_id);
    await done((await c.call(ops.instances.start, { path: id, body: { node_ids: [] } })).job_id);
    await done((await c.call(ops.instances.enableMysqlCompatibility, { path: id, body: { port: "3306" } })).job_id);
    await done((await c.call(ops.instances.updateMysqlCompatibility, { path: id, body: { port: "3308" } })).job_id);
    await done((await c.call(ops.instances.changeSolution, { path: id, body: { solution: "pentaset", manage_ip: ips.slice(3) } })).job_id);
    expect((await c.call(ops.instances.list, { query: { id: id.instance_id } })).instances[0]?.nodes).toHaveLength(5);
    const candidates = await c.call(ops.instances.upgradeCandidates, { path: id });
    if (candidates.upgrade_candidate_versions.length > 0) {
      const target = candidates.upgrade_candidate_versions.at(-1)!;
      await done((await c.call(ops.instances.upgrade, { path: id, body: { target_version: target, upgrade_type: "inplace" } })).job_id);
      expect((await c.call(ops.instances.list, { query: { id: id.instance_id } })).instances[0]?.datastore?.version).toBe(target);
    }

    // teardown (4.11.5, 4.9.4, 4.8.4, 4.9.12)
    await done((await c.call(ops.instances.delete, { path: id, body: { clear_data: true, keep_db_backup: 0, keep_difference_backup: 0 } })).job_id);
    expect((await c.call(ops.instances.list)).total_count).toBe(0);
    const removed = await c.call(ops.hosts.delete, {
      body: { hosts: ips.map((ip, i) => ({ manage_ip: ip, ssh_port: 22, ...(i === 0 ? { ssh_key_id: keyId } : { os_root_pwd: "Test_345612" }) })) },
    });
    await done(removed.job_id);
    await c.call(ops.keyPairs.delete, { body: { id: keyId } });
    await c.call(ops.dataCenters.delete, { body: { data_center_ids: [dc!.id] } });
    const state = await emu.control.state();
    expect([state.dataCenters, state.keyPairs, state.hosts, state.instances].map((x) => x.length)).toEqual([0, 0, 0, 0]);
    expect((await emu.control.requests()).logins).toBe(1);
  });
});
