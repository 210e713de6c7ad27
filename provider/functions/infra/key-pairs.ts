/** Lookup of SSH key pairs: getKeyPairs (reference 4.8.2, with its filters). */
import { z } from "zod";
import { ops } from "../../client";
import type { GetKeyPairsResult } from "../../resources/schema.gen";
import { defineLookup } from "../framework";
import { platformTime } from "./platform-time";

export const getKeyPairs = defineLookup({
  name: "getKeyPairs",
  // reference 4.8.2 table 4-298 id "按照私钥ID查找", name "按照私钥名称查找", description "按照私钥描述查找": free strings.
  inputs: z.strictObject({ description: z.string().optional(), id: z.string().optional(), name: z.string().optional() }),
  async run(client, a): Promise<GetKeyPairsResult> {
    // Paged by the client at 4.8.2's "最大值为20".
    const kps = await client.listAll(ops.keyPairs.list, {
      query: {
        ...(a.id !== undefined ? { id: a.id } : {}),
        ...(a.name !== undefined ? { name: a.name } : {}),
        ...(a.description !== undefined ? { description: a.description } : {}),
      },
    });
    return {
      keyPairs: kps.map((k) => ({ id: k.id, name: k.name, description: k.description ?? undefined, createdAt: platformTime(k.created_at), hostNums: k.host_nums ?? undefined })),
    };
  },
});
