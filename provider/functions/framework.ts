/**
 * Lookups: read-only functions of the SDK (schema.json `functions`, generated into sdk/functions.gen.ts) that run in
 * the program's process, at preview and at up. Each is a definition here — its name, the zod schema of its arguments
 * (every rule citing the reference like the resources' inputs) and `run`, which calls the platform and maps the
 * answer to the schema's result. The SDK hands the stack's configuration to `runLookup`, which logs in once per
 * process (the client is shared) and turns every refusal into one line: `getRestoreTimes: instanceId: … ; fix`.
 */
import type { z } from "zod";
import { TpopsApiError, type TpopsClient } from "../client";
import { client as configuredClient, configure, type ConfigureRequest } from "../config";
import { issuesToFailures, storable } from "../resources/framework";

/** One lookup: what it is called, what it accepts, what it does. */
export interface LookupDefinition<I, O> {
  /** The SDK function's name, e.g. `getRestoreTimes` (schema.json `tpops:index:getRestoreTimes`). */
  readonly name: string;
  readonly inputs: z.ZodType<I>;
  /** Cross-field rules the schema cannot state; each entry a `field: value problem; fix` line. */
  readonly refine?: (args: I) => string[];
  run(client: TpopsClient, args: I): Promise<O>;
}

/** Declares a lookup (types are inferred from the schema). */
export function defineLookup<I, O>(def: LookupDefinition<I, O>): LookupDefinition<I, O> {
  return def;
}

/** Where a lookup's configuration comes from: the program's stack config (`pulumi.runtime.getConfig`). */
export type LookupConfig = ConfigureRequest["config"];

/** Runs a lookup with the program's configuration; rejects with one actionable line. */
export async function runLookup<I, O>(def: LookupDefinition<I, O>, raw: unknown, config?: LookupConfig): Promise<O> {
  if (config) configure({ config });
  const parsed = def.inputs.safeParse(raw ?? {});
  if (!parsed.success) {
    const lines = issuesToFailures(parsed.error, raw ?? {}, []).map((f) => f.reason);
    throw new Error(`${def.name}: ${lines.join("; ")}`);
  }
  const problems = def.refine?.(parsed.data) ?? [];
  if (problems.length) throw new Error(`${def.name}: ${problems.join("; ")}`);
  try {
    return storable(await def.run(configuredClient(), parsed.data));
  } catch (e) {
    const why = e instanceof TpopsApiError || e instanceof Error ? e.message : String(e);
    throw new Error(`${def.name}: ${why}`);
  }
}
