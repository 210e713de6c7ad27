// Shared setup of the Instance, BackupPolicy and InstanceParameters integ tests: an emulator on port 0, the
// provider configured against it, hosts added through the API, instances built at a fast time scale.
import { expect } from "vitest";
import { startTestEmulator, type TestEmulator } from "../helpers/emulator";
import { configure } from "../../provider/config";
import { instance } from "../../provider/resources/instance/instance";
import type { ProviderImpl } from "../../provider/resources/framework";

/** The serialized provider the engine would pass along in inputs. */
export const PROVIDER = "serialized-provider-text";
/** The time scale of the operations under test. */
export const TEST_SCALE = 0.001;
/** The time scale used while building fixtures (a 20-minute install takes 60 ms). */
export const SETUP_SCALE = 0.00005;
/** A root password that passes every rule. */
export const PASSWORD = "Gauss_2345x";

/** Starts an emulator and points the provider's configuration at it. */
export async function startProviderEmulator(): Promise<TestEmulator> {
  const emu = await startTestEmulator({ timeScale: TEST_SCALE });
  const cfg: Record<string, string> = { "tpops:endpoint": emu.url, "tpops:username": "admin", "tpops:password": "Admin@123" };
  configure({ config: { get: (k) => cfg[k] } });
  return emu;
}

let octet = 10;

/** Adds `n` initialized hosts (kylin / intel / localssd) in one data center; returns their manage IPs. */
export async function addHosts(emu: TestEmulator, n: number, dcName = "AZ1"): Promise<string[]> {
  let list = await emu.api("GET", `/gaussdb/v3/data-centers?name=${dcName}`);
  if (!list.body.data_centers?.length) {
    const r = await emu.api("POST", "/gaussdb/v3/data-centers", { data_centers: [{ name: dcName }] });
    expect(r.status).toBe(200);
    list = await emu.api("GET", `/gaussdb/v3/data-centers?name=${dcName}`);
  }
  const dcId = list.body.data_centers[0].id as string;
  const ips = Array.from({ length: n }, () => {
    const i = octet++;
    return `10.9.${Math.floor(i / 250)}.${(i % 250) + 1}`;
  });
  const hosts = ips.map((ip) => {
    const last = ip.split(".").pop();
    return {
      name: `host-${ip.replace(/\./g, "-")}`,
      type: "BMS",
      os_type: "kylin",
      cpu_spec: "intel",
      storage_type: "localssd",
      ip: { manage_ip: ip, data_ip: `192.168.0.${last}`, virtual_ip: `192.168.1.${last}` },
      ssh_port: 22,
      data_center_id: dcId,
      os_root_pwd: "Root_pw_123",
    };
  });
  const r = await emu.api("POST", "/gaussdb/v3/hosts", { hosts });
  expect(r.status).toBe(202);
  const job = await emu.waitJob(r.body.job_id);
  expect(job.status).toBe("Completed");
  return ips;
}

/** check() that must succeed; returns the normalised inputs as the engine would pass them on. */
export async function checked(p: ProviderImpl, news: Record<string, unknown>, olds: Record<string, unknown> = {}) {
  const r = await p.check(olds, { __provider: PROVIDER, ...news });
  expect(r.failures ?? []).toEqual([]);
  return r.inputs!;
}

/** Instance inputs for a solution on the given hosts. */
export function instanceArgs(solution: string, manageIps: string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: `db-${solution}-${octet}`, osType: "kylin", cpuSpec: "intel", arch: "x86", solution, password: PASSWORD, manageIps, ...extra };
}

/** Creates an instance through the provider at the fast setup pace; returns id and state. */
export async function createInstance(emu: TestEmulator, args: Record<string, unknown>): Promise<{ id: string; outs: Record<string, unknown> }> {
  const inputs = await checked(instance, args);
  await emu.control.setTimeScale(SETUP_SCALE);
  try {
    return await instance.create(inputs);
  } finally {
    await emu.control.setTimeScale(TEST_SCALE);
  }
}

/** Jobs the emulator ran, in start order, as `name:status`. */
export async function jobs(emu: TestEmulator): Promise<string[]> {
  return (await emu.control.state()).jobs.map((j: { name: string; status: string }) => `${j.name}:${j.status}`);
}

/** Count of requests to a route template with a status (or any status). */
export async function requestCount(emu: TestEmulator, method: string, route: string, status?: number): Promise<number> {
  const r = await emu.control.requests();
  return r.byRoute.filter((x) => x.method === method && x.route === route && (status === undefined || x.status === status)).reduce((a, x) => a + x.count, 0);
}
