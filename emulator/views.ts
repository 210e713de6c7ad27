import type { DataCenterRecord, HostRecord, InstanceRecord, KeyPairRecord, Store } from "./state";

/** A data center as reference 4.9.9 lists it (DataCenterResult). */
export function dataCenterView(store: Store, dc: DataCenterRecord): Record<string, unknown> {
  return {
    id: dc.id,
    name: dc.name,
    description: dc.description,
    hosts_num: Object.values(store.data.hosts).filter((h) => h.data_center_id === dc.id).length,
  };
}

/** A key pair as reference 4.8.2 lists it (QueryKeyPiarResult). */
export function keyPairView(store: Store, kp: KeyPairRecord): Record<string, unknown> {
  return {
    id: kp.id,
    name: kp.name,
    created_at: kp.created_at,
    description: kp.description,
    host_nums: Object.values(store.data.hosts).filter((h) => h.ssh_key_id === kp.id).length,
  };
}

/** A host as reference 4.9.1 lists it (HostResult). */
export function hostView(store: Store, h: HostRecord): Record<string, unknown> {
  return {
    id: h.id,
    name: h.name,
    description: h.description,
    type: h.type,
    ssh_port: h.ssh_port,
    data_center: store.data.dataCenters[h.data_center_id]?.name ?? null,
    data_center_id: h.data_center_id,
    os: { ...h.os },
    spec: { ...h.spec },
    ip: { ...h.ip },
    instance_id: h.instance_id,
    instance_name: h.instance_name,
    node_id: h.node_id,
    status: h.status,
    created_at: h.created_at,
    updated_at: h.updated_at,
    job_id: h.job_id,
    async_task_error: h.async_task_error ? { ...h.async_task_error } : null,
    ssh_key_id: h.ssh_key_id,
  };
}

const SECRET_KEY = /passw(or)?d|pwd|secret|token|private_?key/i;

/** A deep copy without secret-looking fields (passwords, tokens, private keys) for the control API. */
export function redacted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redacted);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!SECRET_KEY.test(k)) out[k] = redacted(v);
    return out;
  }
  return value;
}

/** An instance for the control API's state dump: the stored record minus secrets. */
export function instanceStateView(inst: InstanceRecord): unknown {
  return redacted(inst);
}
