/** Lookup of instances: getInstances (reference 4.11.8, with its filters). */
import { z } from "zod";
import { ops, type Instance } from "../../client";
import type { GetInstancesResult, ListedInstance } from "../../resources/schema.gen";
import { defineLookup } from "../framework";
import { platformTime } from "../infra/platform-time";

/** reference 4.11.8 id/name: ""*"为系统保留字符,如果id是以"*"起始,表示按照*后面的值模糊匹配…不能只传入"*"". */
const matchText = (field: string) => z.string().refine((s) => s !== "*", { error: `is "*" alone, which reference 4.11.8 refuses; write *text to match the ${field}s containing text, or the exact ${field}` });

/** A listed instance in the program's terms (4.11.8 tables 4-519 to 4-525). */
export function listedInstance(i: Instance): ListedInstance {
  return {
    id: i.id,
    name: i.name,
    status: i.status,
    port: i.port ?? undefined,
    type: i.type ?? undefined,
    consistency: i.ha?.consistency ?? undefined,
    replicationMode: i.ha?.replication_mode ?? undefined,
    consistencyProtocol: i.ha?.consistency_protocol ?? undefined,
    replicaNum: i.replica_num ?? undefined,
    engine: i.datastore?.type ?? undefined,
    engineVersion: i.datastore?.version ?? undefined,
    created: platformTime(i.created),
    updated: platformTime(i.updated),
    dbUserName: i.db_user_name ?? undefined,
    flavorRef: i.flavor_ref ?? undefined,
    vcpus: i.flavor_info?.vcpu ?? undefined,
    mem: i.flavor_info?.mem ?? undefined,
    volumeType: i.volume?.type ?? undefined,
    volumeSize: i.volume?.size ?? undefined,
    backupStartTime: i.backup_strategy?.start_time ?? undefined,
    backupKeepDays: i.backup_strategy?.keep_days ?? undefined,
    nodes: (i.nodes ?? []).map((n) => ({
      id: n.id,
      name: n.name ?? "",
      role: n.role ?? "",
      status: n.status ?? "",
      az: n.availability_zone ?? "",
      ips: { private: n.private_ip ?? "", data: n.data_ip ?? "", manage: n.management_ip ?? "" },
    })),
    // reference 4.11.8's example joins the nodes' IPs in one string with " / ".
    privateIps: (i.private_ips ?? []).flatMap((s) => s.split("/").map((x) => x.trim())).filter(Boolean),
    instanceMode: i.instance_mode ?? undefined,
    timeZone: i.time_zone ?? undefined,
  };
}

export const getInstances = defineLookup({
  name: "getInstances",
  inputs: z.strictObject({
    // reference 4.11.8 datastore_type "区分大小写 … 枚举值: GaussDB"
    datastoreType: z.enum(["GaussDB"], { error: "is not a 4.11.8 datastore type; use GaussDB (case-sensitive)" }).optional(),
    id: matchText("id").optional(),
    name: matchText("name").optional(),
    // reference 4.11.8 type "(区分大小写) … 枚举值: Enterprise Ha"
    type: z.enum(["Enterprise", "Ha"], { error: "is not a 4.11.8 instance type; use Enterprise (distributed) or Ha (primary/standby), case-sensitive" }).optional(),
  }),
  async run(client, a): Promise<GetInstancesResult> {
    const instances = await client.listAll(ops.instances.list, {
      query: {
        ...(a.id !== undefined ? { id: a.id } : {}),
        ...(a.name !== undefined ? { name: a.name } : {}),
        ...(a.type !== undefined ? { type: a.type } : {}),
        ...(a.datastoreType !== undefined ? { datastore_type: a.datastoreType } : {}),
      },
    });
    return { instances: instances.map(listedInstance) };
  },
});
