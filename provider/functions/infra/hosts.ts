/** Lookups of hosts: getHostSpecifications (reference 4.9.8) and getHosts (4.9.1 with its filters). */
import { z } from "zod";
import { ops, type Host } from "../../client";
import type { GetHostSpecificationsResult, GetHostsResult, ListedHost } from "../../resources/schema.gen";
import { defineLookup } from "../framework";
import { numberOf, platformTime } from "./platform-time";

// reference 4.9.1 status "枚举值: initializing initialized initialize_failed unmanaged in_use deleting delete_failed"
const STATUSES = ["initializing", "initialized", "initialize_failed", "unmanaged", "in_use", "deleting", "delete_failed"] as const;

export const getHostSpecifications = defineLookup({
  name: "getHostSpecifications",
  inputs: z.strictObject({}),
  async run(client): Promise<GetHostSpecificationsResult> {
    const s = await client.call(ops.hosts.specifications);
    return { types: s.types, osTypes: s.os_types, storageTypes: s.storage_types, cpuSpecs: s.cpu_specs };
  },
});

/** A listed host in the program's terms (4.9.1 tables 4-312 to 4-316). */
export function listedHost(h: Host): ListedHost {
  return {
    id: h.id,
    name: h.name,
    status: h.status,
    description: h.description ?? undefined,
    type: h.type ?? undefined,
    sshPort: h.ssh_port ?? undefined,
    dataCenter: h.data_center ?? undefined,
    dataCenterId: h.data_center_id ?? undefined,
    osType: h.os?.os_type ?? undefined,
    osVersion: h.os?.os_version ?? undefined,
    osArch: h.os?.os_arch ?? undefined,
    vcpus: numberOf(h.spec?.vcpus),
    cpuSpec: h.spec?.cpu_spec ?? undefined,
    mem: numberOf(h.spec?.mem),
    rootDiskSize: numberOf(h.spec?.root_disk_size),
    dataDiskSize: numberOf(h.spec?.data_disk_size),
    storageType: h.spec?.storage_type ?? undefined,
    manageIp: h.ip.manage_ip,
    dataIp: h.ip.data_ip ?? undefined,
    virtualIp: h.ip.virtual_ip ?? undefined,
    floatIp: h.ip.float_ip ?? undefined,
    instanceId: h.instance_id || undefined,
    instanceName: h.instance_name || undefined,
    nodeId: h.node_id || undefined,
    createdAt: platformTime(h.created_at),
    updatedAt: platformTime(h.updated_at),
    jobId: h.job_id || undefined,
    errorCode: h.async_task_error?.error_code || undefined,
    errorMessage: h.async_task_error?.error_msg || undefined,
    sshKeyId: h.ssh_key_id || undefined,
  };
}

export const getHosts = defineLookup({
  name: "getHosts",
  inputs: z.strictObject({
    // reference 4.9.1 table 4-309: id, data_center_id, name, type are free strings ("按照主机ID查询" …).
    dataCenterId: z.string().optional(),
    id: z.string().optional(),
    name: z.string().optional(),
    // reference 4.9.1 sort_key "枚举值: name type status"
    sortKey: z.enum(["name", "type", "status"], { error: "is not a 4.9.1 sort key; use name, type or status" }).optional(),
    // reference 4.9.1 sort_order "枚举值: asc desc"
    sortOrder: z.enum(["asc", "desc"], { error: "is not a sort order; use asc or desc (reference 4.9.1)" }).optional(),
    status: z.enum(STATUSES, { error: `is not a 4.9.1 host status; use ${STATUSES.join(", ")}` }).optional(),
    type: z.string().optional(),
  }),
  async run(client, a): Promise<GetHostsResult> {
    const hosts = await client.listAll(ops.hosts.list, {
      query: {
        ...(a.id !== undefined ? { id: a.id } : {}),
        ...(a.dataCenterId !== undefined ? { data_center_id: a.dataCenterId } : {}),
        ...(a.name !== undefined ? { name: a.name } : {}),
        ...(a.type !== undefined ? { type: a.type } : {}),
        ...(a.status !== undefined ? { status: a.status } : {}),
        ...(a.sortKey !== undefined ? { sort_key: a.sortKey } : {}),
        ...(a.sortOrder !== undefined ? { sort_order: a.sortOrder } : {}),
      },
    });
    return { hosts: hosts.map(listedHost) };
  },
});
