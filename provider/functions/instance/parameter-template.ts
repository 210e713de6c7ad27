/** Lookup of an instance's parameters: getParameterTemplate (reference 4.3.1), each with its range read out and restart flag. */
import { z } from "zod";
import { ops } from "../../client";
import { rangeLimits } from "../../resources/instance/instance-parameters";
import type { GetParameterTemplateResult } from "../../resources/schema.gen";
import { defineLookup } from "../framework";
import { platformTime } from "../infra/platform-time";
import { forInstance } from "./instance-gone";

export const getParameterTemplate = defineLookup({
  name: "getParameterTemplate",
  inputs: z.strictObject({
    // reference 4.3.1 table 4-80 instance_id "是 String 实例ID"
    instanceId: z.string().min(1, { error: "is empty; give the instance id" }),
  }),
  async run(client, a): Promise<GetParameterTemplateResult> {
    const t = await forInstance(a.instanceId, () => client.call(ops.configurations.get, { path: { instance_id: a.instanceId } }));
    return {
      engineName: t.datastore_name ?? undefined,
      engineVersion: t.datastore_version ?? undefined,
      created: platformTime(t.created),
      updated: platformTime(t.updated),
      parameters: t.configuration_parameters.map((p) => ({
        name: p.name,
        value: p.value ?? "",
        // reference 4.3.1 table 4-83 restart_required "是否需要重启" (absent read as no).
        restartRequired: p.restart_required ?? false,
        valueRange: p.value_range ?? "",
        type: p.type ?? undefined,
        description: p.description ?? undefined,
        ...rangeLimits(p.value_range),
      })),
    };
  },
});
