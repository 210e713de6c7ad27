/** Lookup of the inspection items: getInspectionItems (reference 4.10.9), the ids InspectionTask and InspectionScene take. */
import { z } from "zod";
import { ops } from "../../client";
import type { GetInspectionItemsResult } from "../../resources/schema.gen";
import { defineLookup } from "../framework";

export const getInspectionItems = defineLookup({
  name: "getInspectionItems",
  // reference 4.10.9 takes no parameters (headers only)
  inputs: z.strictObject({}),
  async run(client): Promise<GetInspectionItemsResult> {
    const r = await client.call(ops.inspections.items);
    // reference 4.10.9 table 4-428 InspectionCategory name, items (table 4-429 id, name, description)
    return {
      items: r.inspections.flatMap((c) =>
        (c.items ?? []).map((i) => ({ category: c.name, id: i.id, name: i.name ?? i.id, ...(i.description ? { description: i.description } : {}) })),
      ),
    };
  },
});
