/** DataCenter (reference 4.9.9–4.9.12): name and description, both in place. */
import { z } from "zod";
import { ops, TpopsApiError, TpopsError, type DataCenter as ApiDataCenter, type Host as ApiHost } from "../../client";
import { client as configuredClient } from "../../config";
import { createIdempotently, generatedName, makeProvider, strip, UNKNOWN, v, type Ctx, type ProviderImpl, type ResourceDefinition } from "../framework";
import { lookupForPreview } from "../live";
import { DataCenterMeta, type DataCenterOutputs } from "../schema.gen";

const NAME = v
  // reference 4.9.10 table 4-362 name: "是 String 机房名称,不超过20个字符" (required, so not empty).
  .text(20, { min: 1 })
  // reference 4.9.10 table 4-362 name: "可以包含英文、数字、中划线或者下划线,不能包含其他特殊字符".
  .refine((s) => /^[A-Za-z0-9_-]*$/.test(s), { error: "may contain only letters, digits, - and _; remove other characters" });

const Inputs = z.object({
  adopt: z.boolean().optional(),
  // reference 4.9.10 table 4-362 description: "机房描述,不超过100个字符" (4.9.11 the same).
  description: v.text(100).optional(),
  name: NAME,
  timeouts: v.timeouts().optional(),
});

/** API record → state. */
function toOutputs(dc: ApiDataCenter): DataCenterOutputs {
  return { name: dc.name, description: dc.description ?? "", hostsNum: dc.hosts_num ?? 0 };
}

async function byName(ctx: Pick<Ctx, "client">, name: string): Promise<ApiDataCenter | undefined> {
  // The name filter may match loosely; only an exact match is the same data center.
  const found = await ctx.client.listAll(ops.dataCenters.list, { query: { name } });
  return found.find((d) => d.name === name);
}

async function byId(ctx: Pick<Ctx, "client">, id: string): Promise<ApiDataCenter | undefined> {
  const found = await ctx.client.listAll(ops.dataCenters.list, { query: { id } });
  return found.find((d) => d.id === id);
}

/** Hosts of a data center that belong to an instance (reference 4.9.1: `data_center_id` filter; `instance_id`, `in_use`). */
async function hostsUsedByInstances(ctx: Pick<Ctx, "client">, id: string): Promise<ApiHost[]> {
  const hosts = await ctx.client.listAll(ops.hosts.list, { query: { data_center_id: id } });
  return hosts.filter((h) => h.data_center_id === id && (Boolean(h.instance_id) || h.status === "in_use"));
}

/** `instance db-1 on 10.0.0.1, 10.0.0.2; instance db-2 on 10.0.0.3`, at most a few of each. */
export function describeUsage(hosts: readonly ApiHost[]): string {
  const byInstance = new Map<string, string[]>();
  const ipKey = (ip: string) => ip.split(".").map((x) => x.padStart(3, "0")).join(".");
  for (const h of [...hosts].sort((a, b) => ipKey(a.ip.manage_ip).localeCompare(ipKey(b.ip.manage_ip)))) {
    const who = h.instance_name || h.instance_id || "an instance";
    byInstance.set(who, [...(byInstance.get(who) ?? []), h.ip.manage_ip]);
  }
  const parts = [...byInstance].slice(0, 3).map(([who, ips]) => `instance ${who} on ${ips.slice(0, 3).join(", ")}${ips.length > 3 ? ` and ${ips.length - 3} more host(s)` : ""}`);
  const rest = byInstance.size - 3;
  return `${parts.join("; ")}${rest > 0 ? `; and ${rest} more instance(s)` : ""}`;
}

/**
 * Why the platform refuses renaming data center `id` to `name`, from live data, or undefined.
 * The rule (a reading, as the emulator's): reference 4.9.2 requires "如果主机上有实例,则添加主机时所选机房的名称需要和
 * 实例安装时使用的AZ名称保持一致" (a host's data center is named as its instance's AZ), A.3 DBS.06025067 "请检查安装
 * 实例的azName是否和机房名称相同", so while hosts of the data center carry instances the rename is refused with A.3
 * DBS.06025060 "所选机房不支持修改". The rule is about the name only: a description change is never refused for it.
 */
async function renameRefusal(ctx: Pick<Ctx, "client">, id: string, name: string): Promise<string | undefined> {
  const used = await hostsUsedByInstances(ctx, id);
  if (used.length) {
    return (
      `name: ${JSON.stringify(name)} cannot be set while hosts of this data center are used by instances (${describeUsage(used)}) ` +
      "(reference 4.9.11, DBS.06025060); keep the name, or move/remove the instances first"
    );
  }
  // reference 4.9.11 接口约束: "机房名称不可重复" (data center names are unique; A.3 DBS.06025059).
  const other = await byName(ctx, name);
  if (other && other.id !== id) {
    return `name: ${JSON.stringify(name)} is already the name of data center ${other.id} (reference 4.9.11: data center names are unique); choose another name`;
  }
  return undefined;
}

/** The DataCenter resource definition. */
export const dataCenterDefinition: ResourceDefinition<z.output<typeof Inputs>, DataCenterOutputs> = {
  kind: "DataCenter",
  meta: DataCenterMeta,
  inputs: Inputs,
  autoName: { maxLength: 20, sanitize: (s) => s.replace(/[^A-Za-z0-9_-]/g, "-") },
  localOnly: ["adopt", "timeouts"],
  defaultTimeouts: { create: "5m", update: "5m", delete: "5m" },
  describeKey: (i) => `name ${JSON.stringify(i.name)}`,

  async find(ctx, inputs) {
    return byName(ctx, inputs.name);
  },

  async create(ctx, inputs) {
    const body = { data_centers: [{ name: inputs.name, ...(inputs.description ? { description: inputs.description } : {}) }] };
    // reference 4.9.10 returns no id: the unique name finds the data center (and decides a lost reply).
    await createIdempotently(ctx, () => ctx.client.call(ops.dataCenters.add, { body }), () => byName(ctx, inputs.name));
    const dc = await byName(ctx, inputs.name);
    if (!dc) throw new TpopsError(`the platform accepted data center ${JSON.stringify(inputs.name)} but does not list it; run pulumi up again (adopt: true takes it over if it appears)`);
    return { id: dc.id, outs: toOutputs(dc) };
  },

  async read(ctx, id) {
    const dc = await byId(ctx, id);
    return dc && toOutputs(dc);
  },

  async checkChange(id, olds, news, changed) {
    if (!changed.includes("name")) return;
    // A refusal the platform will make is made at preview; an unreachable platform skips it (update meets the answer).
    const refusal = await lookupForPreview(`renaming data center ${id}`, () => renameRefusal({ client: configuredClient() }, id, news.name));
    if (refusal) throw new TpopsError(`DataCenter ${olds.name}: ${refusal}`);
  },

  async update(ctx, id, _olds, news, changed) {
    const change: { id: string; name?: string; description?: string } = { id };
    if (changed.includes("name")) change.name = news.name;
    if (changed.includes("description")) change.description = news.description ?? "";
    await ctx.client.call(ops.dataCenters.update, { body: { data_centers: [change] } });
    const dc = await byId(ctx, id);
    if (!dc) throw new TpopsError(`data center ${id} disappeared during the update`);
    return toOutputs(dc);
  },

  async delete(ctx, id) {
    try {
      await ctx.client.call(ops.dataCenters.delete, { body: { data_center_ids: [id] } });
    } catch (e) {
      const dc = e instanceof TpopsApiError && e.status < 500 ? await byId(ctx, id) : undefined;
      if (dc && (dc.hosts_num ?? 0) > 0) {
        // reference 4.9.12: a data center that still has hosts cannot be deleted.
        throw new TpopsError(
          `cannot delete data center ${dc.name} (${id}) while ${dc.hosts_num} host(s) belong to it: delete those hosts or move them (Host.dataCenterId) first (${(e as Error).message})`,
          { cause: e },
        );
      }
      throw e;
    }
  },
};

const base = makeProvider(dataCenterDefinition);

/** DataCenter provider methods: the framework's, plus the unique-name check of a create at preview. */
export const dataCenter: ProviderImpl = {
  ...base,
  async check(olds, news) {
    const r = await base.check(olds, news);
    const inputs = r.inputs ?? {};
    const name = inputs.name;
    const creating = Object.keys(strip(olds)).length === 0;
    if (!creating || r.failures?.length || inputs.adopt === true || typeof name !== "string" || name === UNKNOWN) return r;
    // A data center under this resource's own generated name was made by an interrupted run: create continues with it.
    if (name === generatedName(dataCenterDefinition, news, inputs)) return r;
    // reference 4.9.10 接口约束: "机房名称不可重复" (A.3 DBS.06025059). Without adopt the create is refused, so say it now.
    const existing = await lookupForPreview(`data center name ${name}`, () => byName({ client: configuredClient() }, name));
    if (!existing) return r;
    const failure = {
      property: "name",
      reason: `name: ${JSON.stringify(name)} is already the name of data center ${existing.id} on the platform (reference 4.9.10: data center names are unique); set adopt: true to take it over, or choose another name`,
    };
    return { ...r, failures: [failure] };
  },
};
