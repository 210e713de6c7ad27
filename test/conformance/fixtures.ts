import type { TestEmulator } from "../helpers/emulator";

/** A host entry shaped like the reference 4.9.2 example, with a real manage IP. */
export function hostEntry(manageIp: string, dataCenterId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const last = manageIp.split(".").pop() ?? "1";
  return {
    name: `host-${last}`,
    type: "BMS",
    os_type: "kylin",
    cpu_spec: "intel",
    storage_type: "localssd",
    ip: { manage_ip: manageIp, data_ip: `192.168.0.${last}`, virtual_ip: `192.168.1.${last}` },
    ssh_port: 22,
    data_center_id: dataCenterId,
    os_root_pwd: "Test_345612",
    description: "test host",
    is_force_rm_chroot_dir: false,
    ...extra,
  };
}

/** Create a data center and return its id (the POST answers no body, so look it up by name). */
export async function createDataCenter(emu: TestEmulator, name = "AZ1"): Promise<string> {
  const r = await emu.api("POST", "/gaussdb/v3/data-centers", { data_centers: [{ name }] });
  if (r.status !== 200) throw new Error(`data center ${name}: ${r.status} ${JSON.stringify(r.body)}`);
  const list = await emu.api("GET", `/gaussdb/v3/data-centers?name=${encodeURIComponent(name)}`);
  return list.body.data_centers[0].id;
}

/** Create a key pair and return its id. */
export async function createKeyPair(emu: TestEmulator, name = "ssh-key", algorithm = "RSA_2048"): Promise<string> {
  const r = await emu.api("POST", "/gaussdb/v3/hosts/key-pair", { name, key_algorithms: algorithm });
  if (r.status !== 200) throw new Error(`key pair ${name}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id;
}

/** Add hosts, wait for the job and return the host ids in order. */
export async function addHosts(emu: TestEmulator, entries: Record<string, unknown>[]): Promise<string[]> {
  const r = await emu.api("POST", "/gaussdb/v3/hosts", { hosts: entries });
  if (r.status !== 202) throw new Error(`add hosts: ${r.status} ${JSON.stringify(r.body)}`);
  const job = await emu.waitJob(r.body.job_id);
  if (job.status !== "Completed") throw new Error(`add hosts job ${job.status}: ${job.fail_reason}`);
  return r.body.hosts.map((h: { id: string }) => h.id);
}

/** Insert a key pair record out of band (RSA generation is slow; host tests only need the id to exist). */
export function insertKeyPair(emu: TestEmulator, name = "ssh-key"): string {
  const id = `kp-${Object.keys(emu.ctx.state.data.keyPairs).length + 1}-${name}`;
  emu.ctx.state.data.keyPairs[id] = {
    id,
    name,
    description: null,
    key_algorithms: "RSA_2048",
    created_at: "2026-01-01 00:00:00",
    public_key: "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAAQC7",
  };
  return id;
}
