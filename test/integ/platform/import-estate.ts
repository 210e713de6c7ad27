// A hand-made estate for the tpops-import tests, built through the emulator's REST API only (no provider code): two
// data centers, a key pair, six hosts (four with a root password, two with the key pair), a triset and a single
// instance, an intelligent O&M instance the single one is enrolled in, a backup policy, a parameter, WDR snapshots, a database with an owner and a schema, a user and a role, a
// label and an inspection scene.
import { expect } from "vitest";
import type { TestEmulator } from "../../helpers/emulator";

/** Passwords the estate was made with (the tests search states and programs for them). */
export const ESTATE_SECRETS = { hostRoot: "Root_pw_import_4711", instance: "Gauss_import_4711", user: "User@import4711", role: "Role@import4711" } as const;

/** What the estate holds, for assertions. */
export interface EstateFacts {
  dataCenters: { az1: string; az2: string };
  keyPairId: string;
  hostIps: string[];
  triset: { id: string; name: string };
  single: { id: string; name: string };
  dbmind: { id: string; name: string };
}

async function ok(emu: TestEmulator, method: string, path: string, body?: unknown, status = 200): Promise<any> {
  const r = await emu.api(method, path, body);
  expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBe(status);
  return r.body;
}

async function job(emu: TestEmulator, body: any): Promise<void> {
  const j = await emu.waitJob(body.job_id, 60_000);
  expect(j.status).toBe("Completed");
}

/** Builds the estate (the emulator at a fast time scale); `prefix` keeps the names of two estates apart. */
export async function buildEstate(emu: TestEmulator, prefix = "brown"): Promise<EstateFacts> {
  await ok(emu, "POST", "/gaussdb/v3/data-centers", { data_centers: [{ name: `${prefix}-az1`, description: "room 1" }, { name: `${prefix}-az2` }] });
  const dcs = (await ok(emu, "GET", "/gaussdb/v3/data-centers")).data_centers as { id: string; name: string }[];
  const az1 = dcs.find((d) => d.name === `${prefix}-az1`)!.id;
  const az2 = dcs.find((d) => d.name === `${prefix}-az2`)!.id;
  const kp = await ok(emu, "POST", "/gaussdb/v3/hosts/key-pair", { name: `${prefix}-ops-key`, description: "ops team", key_algorithms: "RSA_2048" });
  const hostIps = ["10.77.0.11", "10.77.0.12", "10.77.0.13", "10.77.0.21", "10.77.0.22", "10.77.0.23"];
  const hosts = hostIps.map((ip, k) => {
    const last = ip.split(".").pop();
    return {
      name: `${prefix}-db-${last}`,
      type: "BMS",
      os_type: "kylin",
      cpu_spec: "intel",
      storage_type: "localssd",
      ip: { manage_ip: ip, data_ip: `192.168.77.${last}`, virtual_ip: `192.168.78.${last}` },
      ssh_port: 22,
      data_center_id: k < 3 ? az1 : az2,
      ...(k < 4 ? { os_root_pwd: ESTATE_SECRETS.hostRoot } : { ssh_key_id: kp.id }),
      ...(k === 0 ? { description: "rack A" } : {}),
    };
  });
  await job(emu, await ok(emu, "POST", "/gaussdb/v3/hosts", { hosts }, 202));
  const versions: string[] = (await ok(emu, "GET", "/gaussdb/v3/datastore/versions")).versions.map(String);
  const version = versions[0]!;
  const common = { os_type: "kylin", datastore: { type: "GaussDB", version }, host_type: "BMS", cpu_spec: "intel", arch: "X86", password: ESTATE_SECRETS.instance };
  const ha = { mode: "centralization_standard", consistency: "strong", replication_mode: "sync", consistency_protocol: "quorum" };
  const triset = await ok(emu, "POST", "/gaussdb/v3/instances", { ...common, ha, name: `${prefix}-orders`, solution: "triset", port: "8000", manage_ip: hostIps.slice(0, 3) }, 202);
  const single = await ok(emu, "POST", "/gaussdb/v3/instances", { ...common, ha, name: `${prefix}-billing`, solution: "single", port: "8100", manage_ip: [hostIps[3]] }, 202);
  // An intelligent O&M instance (4.11.6 type gaussdbv5-dbmind, 4.6.3) on a key-pair host, which the single one is enrolled in.
  const dbmind = await ok(emu, "POST", "/gaussdb/v3/instances", { ...common, ha, datastore: { type: "gaussdbv5-dbmind", version: "3.200.0" }, name: `${prefix}-dbmind`, solution: "single", port: "8200", manage_ip: [hostIps[4]] }, 202);
  await Promise.all([job(emu, triset), job(emu, single), job(emu, dbmind)]);
  const t = triset.instance_id as string;
  const s = single.instance_id as string;
  await job(emu, await ok(emu, "POST", "/v3/db-assist/manage-instance", { db_assist_id: dbmind.instance_id, instance_ids: [s], manage_type: "ENABLED" }, 202));
  await ok(emu, "PUT", `/gaussdb/v3/instances/${t}/backups/policy`, {
    backup_policy: { keep_days: 14, start_time: "02:00-03:00", period: "1,3,5", differential_period: "60" },
  });
  const params = await ok(emu, "PUT", `/gaussdb/v3/instances/${s}/configurations`, { values: { max_connections: "600" } });
  if (params.job_id) await job(emu, params);
  await ok(emu, "PUT", `/gaussdb/v3/instances/${t}/wdr-snapshot/status`, { status: "ON" }, 202);
  await ok(emu, "POST", `/gaussdb/v3/instances/${s}/db-user`, { name: "app_owner", password: ESTATE_SECRETS.user });
  await ok(emu, "POST", `/gaussdb/v3/instances/${s}/db-role`, { name: "readers", password: ESTATE_SECRETS.role });
  await ok(emu, "POST", `/gaussdb/v3/instances/${s}/database`, { name: "billing", owner: "app_owner", lc_collate: "C", lc_ctype: "C" });
  await ok(emu, "POST", `/gaussdb/v3/instances/${s}/schema`, { db_name: "billing", schemas: [{ name: "ledger", owner: "app_owner" }] });
  await ok(emu, "PUT", `/gaussdb/v3/instances/${s}/extend-info`, { key: "team", value: "billing" });
  const items = (await ok(emu, "GET", "/gaussdb/v3/inspections/items")).inspections.flatMap((c: any) => c.items.map((i: any) => i.id)) as string[];
  await ok(emu, "POST", "/gaussdb/v3/inspections/scenes", { name: `${prefix}_nightly`, item_ids: items.slice(0, 2) });
  await ok(emu, "POST", "/gaussdb/v3/inspections", {
    inspection_name: `${prefix}_daily`, instance_ids: [t, s], inspection_scope: "daily", inspection_policy: "periodic", inspection_period: "daily", inspection_time: "01:00:00", item_ids: items.slice(0, 3),
  }, 201);
  return { dataCenters: { az1, az2 }, keyPairId: kp.id, hostIps, triset: { id: t, name: `${prefix}-orders` }, single: { id: s, name: `${prefix}-billing` }, dbmind: { id: dbmind.instance_id, name: `${prefix}-dbmind` } };
}

/** The requests of the emulator's log that change something (every method but GET, and not the login). */
export function mutating(byRoute: { method: string; route: string; status: number; count: number }[]): { method: string; route: string; status: number; count: number }[] {
  return byRoute.filter((r) => r.method !== "GET" && !/auth\/mini-token/.test(r.route));
}
