// docs/validation.md lists every input rule: each input field of each resource (walked from its zod input schema,
// nested objects included) has at least one row, every row names fields that exist, and every row says which
// reference section it implements, when it is checked and what it does.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { dataCenterDefinition } from "../../provider/resources/infra/data-center";
import { keyPairDefinition } from "../../provider/resources/infra/key-pair";
import { hostDefinition } from "../../provider/resources/infra/host";
import { instanceDefinition } from "../../provider/resources/instance/instance";
import { backupPolicyDefinition } from "../../provider/resources/backup/backup-policy";
import { backupDefinition } from "../../provider/resources/backup/backup";
import { disasterRecoveryDefinition } from "../../provider/resources/dr/disaster-recovery";
import { instanceParametersDefinition } from "../../provider/resources/instance/instance-parameters";
import { databaseDefinition } from "../../provider/resources/database/database";
import { schemaDefinition } from "../../provider/resources/database/schema";
import { privilegesDefinition } from "../../provider/resources/database/privileges";
import { dbRoleMembershipDefinition } from "../../provider/resources/database/role-membership";
import { dbUserDefinition } from "../../provider/resources/database/db-user";
import { dbRoleDefinition } from "../../provider/resources/database/db-role";
import { builtinPasswordsDefinition } from "../../provider/resources/database/builtin-passwords";
import { wdrSnapshotsDefinition } from "../../provider/resources/ops/wdr-snapshots";
import { intelligentOpsDefinition } from "../../provider/resources/ops/intelligent-ops";
import { instanceLabelsDefinition } from "../../provider/resources/ops/instance-labels";
import { inspectionTaskDefinition } from "../../provider/resources/ops/inspection-task";
import { inspectionSceneDefinition } from "../../provider/resources/ops/inspection-scene";
import { sqlThrottlingTaskDefinition } from "../../provider/resources/ops/sql-throttling-task";
import { sqlPatchDefinition } from "../../provider/resources/ops/sql-patch";

const DEFINITIONS = [dataCenterDefinition, keyPairDefinition, hostDefinition, instanceDefinition, backupPolicyDefinition, backupDefinition, disasterRecoveryDefinition, instanceParametersDefinition, databaseDefinition, schemaDefinition, privilegesDefinition, dbRoleMembershipDefinition, dbUserDefinition, dbRoleDefinition, builtinPasswordsDefinition, wdrSnapshotsDefinition, intelligentOpsDefinition, instanceLabelsDefinition, inspectionTaskDefinition, inspectionSceneDefinition, sqlThrottlingTaskDefinition, sqlPatchDefinition];
/** The rows of the inputs every resource has: `site` (provider/sites.ts). */
const EVERY = "Every resource";
const EVERY_RESOURCE_INPUTS = ["site"];
const doc = readFileSync(join(__dirname, "../../docs/validation.md"), "utf8");

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The field paths of a zod input schema: `a`, `a.b` for nested objects, `a[].b` inside arrays of objects. */
function fieldPaths(schema: z.ZodType, prefix = ""): string[] {
  let s = schema;
  // Wrappers: optional/default/nullable, and pipes (transforms: v.oneOf, Instance's ha derivation) by their input.
  for (;;) {
    const d = defOf(s);
    if (d.innerType && ["optional", "default", "nullable", "readonly", "catch", "nonoptional", "prefault"].includes(d.type)) s = d.innerType;
    else if (d.type === "pipe" && d.in) s = d.in;
    else break;
  }
  const d = defOf(s);
  if (d.type === "object" && d.shape) {
    return Object.entries(d.shape).flatMap(([k, v]) => fieldPaths(v, prefix ? `${prefix}.${k}` : k));
  }
  if (d.type === "array" && d.element) {
    const inner = fieldPaths(d.element, `${prefix}[]`);
    return inner.length === 1 && inner[0] === `${prefix}[]` ? [prefix] : inner;
  }
  return [prefix];
}

interface Row {
  resource: string;
  fields: string[];
  rule: string;
  reference: string;
  checked: string;
  effect: string;
  line: string;
}

/** The table rows of the document (header and separator rows excluded). */
function rows(): Row[] {
  const out: Row[] = [];
  for (const line of doc.split("\n")) {
    if (!line.startsWith("| ") || line.startsWith("| Resource ") || line.startsWith("|---")) continue;
    // Cells split on unescaped pipes.
    const cells = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim());
    const [resource = "", field = "", rule = "", reference = "", checked = "", effect = ""] = cells;
    expect(cells, line).toHaveLength(6);
    const fields = [...field.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    out.push({ resource, fields, rule, reference, checked, effect, line });
  }
  return out;
}

describe("docs/validation.md", () => {
  const table = rows();

  it("has rows for every resource", () => {
    expect(new Set(table.map((r) => r.resource))).toEqual(new Set([EVERY, ...DEFINITIONS.map((d) => d.kind)]));
  });

  it("documents the inputs every resource has (handled by provider/sites.ts, not the resource's schema) once", () => {
    const every = table.filter((r) => r.resource === EVERY);
    expect(new Set(every.flatMap((r) => r.fields))).toEqual(new Set(EVERY_RESOURCE_INPUTS));
    for (const d of DEFINITIONS) for (const k of EVERY_RESOURCE_INPUTS) expect(d.meta.inputs, `${d.kind} has no ${k} in schema.json`).toContain(k);
  });

  it.each(DEFINITIONS.map((d) => [d.kind, d] as const))("lists every input field of %s", (kind, def) => {
    const fields = fieldPaths(def.inputs as unknown as z.ZodType);
    // The walk sees the schema: the top-level fields are the schema's inputs (schema.json inputProperties).
    expect(new Set(fields.map((f) => f.split(/[.[]/)[0]))).toEqual(new Set(def.meta.inputs.filter((k) => !EVERY_RESOURCE_INPUTS.includes(k))));
    const documented = new Set(table.filter((r) => r.resource === kind).flatMap((r) => r.fields));
    const missing = fields.filter((f) => !documented.has(f));
    expect(missing, `fields of ${kind} without a row in docs/validation.md`).toEqual([]);
  });

  it("names only fields that exist", () => {
    const byKind = new Map([[EVERY, new Set(EVERY_RESOURCE_INPUTS)], ...DEFINITIONS.map((d) => [d.kind, new Set(fieldPaths(d.inputs as unknown as z.ZodType))] as const)]);
    for (const r of table) {
      expect(r.fields.length, r.line).toBeGreaterThan(0);
      for (const f of r.fields) expect(byKind.get(r.resource)?.has(f), `${r.resource} ${f}: ${r.line}`).toBe(true);
    }
  });

  it("gives every rule its reference, when it is checked and what it does", () => {
    for (const r of table) {
      expect(r.rule, r.line).not.toBe("");
      // A section (4.9.10, A.3), "not stated" for a warning's reason, or a provider input.
      expect(r.reference, r.line).toMatch(/\b\d+\.\d+(\.\d+)?\b|A\.3|not stated|provider input/);
      for (const when of r.checked.split(", ")) expect(["preview", "preview (live)", "apply"], r.line).toContain(when);
      for (const effect of r.effect.split(" / ")) expect(["refused", "warned", "normalised", "—"], r.line).toContain(effect);
    }
  });

  it("marks the rules the reference does not state as warnings or normalisations, never as refusals", () => {
    for (const r of table.filter((x) => /not stated/.test(x.rule + x.reference))) {
      expect(r.effect, r.line).not.toBe("refused");
    }
  });

  it("cites the reference by section only", () => {
    expect(doc).not.toMatch(/\/work\/|shared\/reference|api-reference\.md/);
  });
});
