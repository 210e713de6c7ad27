import { DbsError } from "../../errors";
import type { EmulatorContext, Router } from "../../router";
import { templateFor, checkParamValue } from "../../domain/parameter-templates";
import { SOLUTIONS } from "../../domain/solutions";
import { noteUnknownFields } from "../../validate";
import { assertOperable, getInstance, jobInstance, plainTime, type GaussInstance } from "./instance-model";

/** Job name and base duration (time scale 1.0) of a parameter change. */
export const PARAMETER_JOB = { name: "ModifyGaussDBInstanceParameters", durationMs: 20_000 } as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The instance's template entries with current values (reference 4.3.1 configuration_parameters). */
function currentParameters(inst: GaussInstance) {
  const family = SOLUTIONS[inst.solution].family;
  return templateFor(inst.datastore.version, family).map((e) => ({
    entry: e,
    value: inst.parameters[e.name] ?? e.default,
  }));
}

/** Parameters (reference 4.3.1 / 4.3.2): read the instance's template with values, change values. */
export function register(r: Router, ctx: EmulatorContext): void {
  r.add("GET", "/gaussdb/v3.1/instances/{instance_id}/configurations", (req) => {
    const inst = getInstance(ctx, req.params.instance_id ?? "");
    return {
      status: 200,
      body: {
        datastore_version: inst.datastore.version,
        datastore_name: inst.datastore.type,
        created: plainTime(inst.created),
        updated: plainTime(inst.parameters_updated),
        configuration_parameters: currentParameters(inst).map(({ entry, value }) => ({
          name: entry.name,
          value,
          restart_required: entry.def.restart_required,
          value_range: entry.def.value_range,
          type: entry.def.type,
          description: entry.def.description,
        })),
      },
    };
  });

  ctx.jobs.define(PARAMETER_JOB.name, {
    durationMs: PARAMETER_JOB.durationMs,
    onDone(job) {
      const inst = jobInstance(ctx, job.instance_id);
      const p = job.payload as { values: Record<string, string>; restart_required: boolean };
      const names = new Set(currentParameters(inst).map((c) => c.entry.name));
      for (const [name, value] of Object.entries(p.values)) {
        // An upgrade cannot run concurrently (busy check), so every name is still in the template.
        if (names.has(name)) inst.parameters[name] = value;
      }
      if (p.restart_required) inst.pending_restart = true;
      inst.parameters_updated = Date.now();
    },
  });

  r.add("PUT", "/gaussdb/v3/instances/{instance_id}/configurations", (req) => {
    // reference A.3 DBS.200006 "请求体为空"
    if (req.body === undefined) throw new DbsError(400, "DBS.200006");
    // reference 4.3.2 table 4-87 (a JSON object)
    if (!isObject(req.body)) throw new DbsError(400, "DBS.200001", { field: "body", detail: "must be a JSON object" });
    noteUnknownFields(req, req.body, { values: true });
    // reference 4.3.2 `values` "否 表4-88 object": absent or empty, nothing changes
    const values = req.body.values ?? {};
    // reference 4.3.2 table 4-88 `map` "Map<String,String> 参数名,参数值"
    if (!isObject(values)) throw new DbsError(400, "DBS.200001", { field: "values", detail: "must map parameter names to values" });
    const inst = getInstance(ctx, req.params.instance_id ?? "");
    const current = new Map(currentParameters(inst).map((c) => [c.entry.name, c]));
    const distributed = SOLUTIONS[inst.solution].family === "distributed";
    let restart = false;
    const accepted: Record<string, string> = {};
    for (const [name, value] of Object.entries(values)) {
      const c = current.get(name);
      // reference 4.3.2 "改的参数必须在指定数据库引擎版本的默认参数范围内": a parameter of the instance's template (4.3.1)
      if (!c) {
        const hint = distributed && !name.includes(":") ? " (distributed instances name parameters cn:<name> or dn:<name>)" : "";
        throw new DbsError(400, "DBS.200001", { field: `values.${name}`, detail: `not a parameter of ${inst.datastore.type} ${inst.datastore.version}${hint}` });
      }
      // reference 4.3.2 "改的参数必须在指定数据库引擎版本的默认参数范围内": within the template's value_range
      const why = checkParamValue(c.entry.def, value);
      if (why) throw new DbsError(400, "DBS.200001", { field: `values.${name}`, detail: why });
      if (c.entry.def.restart_required && value !== c.value) restart = true;
      accepted[name] = value as string;
    }
    assertOperable(ctx, inst);
    const job = ctx.jobs.start(PARAMETER_JOB.name, { instanceId: inst.id, payload: { values: accepted, restart_required: restart } });
    return { status: 200, body: { restart_required: restart, job_id: job.id } };
  });
}
