/** Lookup of data centers: getDataCenters (reference 4.9.9, with its filters). */
import { z } from "zod";
import { ops } from "../../client";
import type { GetDataCentersResult } from "../../resources/schema.gen";
import { defineLookup } from "../framework";

export const getDataCenters = defineLookup({
  name: "getDataCenters",
  inputs: z.strictObject({
    // reference 4.9.9 table 4-355 id "按照机房ID查询", name "按照机房别名查询": free strings.
    id: z.string().optional(),
    name: z.string().optional(),
    // reference 4.9.9 sort_key "枚举值: name hosts_num"
    sortKey: z.enum(["name", "hosts_num"], { error: "is not a 4.9.9 sort key; use name or hosts_num" }).optional(),
    // reference 4.9.9 sort_order "枚举值: asc desc"
    sortOrder: z.enum(["asc", "desc"], { error: "is not a sort order; use asc or desc (reference 4.9.9)" }).optional(),
  }),
  async run(client, a): Promise<GetDataCentersResult> {
    const dcs = await client.listAll(ops.dataCenters.list, {
      query: {
        ...(a.id !== undefined ? { id: a.id } : {}),
        ...(a.name !== undefined ? { name: a.name } : {}),
        ...(a.sortKey !== undefined ? { sort_key: a.sortKey } : {}),
        ...(a.sortOrder !== undefined ? { sort_order: a.sortOrder } : {}),
      },
    });
    return { dataCenters: dcs.map((d) => ({ id: d.id, name: d.name, description: d.description ?? undefined, hostsNum: d.hosts_num ?? undefined })) };
  },
});
