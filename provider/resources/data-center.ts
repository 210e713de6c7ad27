/** DataCenter (reference 4.9.9–4.9.12): name and description, both in place. */
import { z } from "zod";
import { ops, TpopsApiError, TpopsError, type DataCenter as ApiDataCenter } from "../client";
import { createIdempotently, makeProvider, v, type Ctx, type ResourceDefinition } from "./framework";
import { DataCenterMeta, type DataCenterOutputs } from "./schema.gen";

// reference 4.9.10: at most 20 characters: letters, digits, `-` and `_`.
const NAME = v
  .text(20, { min: 1 })
  .refine((s) => /^[A-Za-z0-9_-]*$/.test(s), { error: "may contain only letters, digits, - and _; remove other characters" });

const Inputs = z.object({
  adopt: z.boolean().optional(),
  description: v.text(100).optional(),
  name: NAME,
  timeouts: v.timeouts().optional(),
});

/** API record → state. */
function toOutputs(dc: ApiDataCenter): DataCenterOutputs {
  return { name: dc.name, description: dc.description ?? "", hostsNum: dc.hosts_num ?? 0 };
}

async function byName(ctx: Ctx, name: string): Promise<ApiDataCenter | undefined> {
  // The name filter may match loosely; only an exact match is the same data center.
  const found = await ctx.client.listAll(ops.dataCenters.list, { query: { name } });
  return found.find((d) => d.name === name);
}

async function byId(ctx: Ctx, id: string): Promise<ApiDataCenter | undefined> {
  const found = await ctx.client.listAll(ops.dataCenters.list, { query: { id } });
  return found.find((d) => d.id === id);
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

/** DataCenter provider methods. */
export const dataCenter = makeProvider(dataCenterDefinition);
