/**
 * Every lookup of the SDK (schema.json `functions`), by name. A new lookup: its schema entry, a definition in
 * provider/functions/<chapter>/ (framework.ts), one line here; test/unit/generated.test.ts checks the two lists agree.
 */
import { getBackups, getDifferentialBackups } from "./backup/backups";
import { getBackupSource, getRestorableInstances, getRestoreTimes } from "./backup/restore";
import { getSqlTemplates } from "./ops/sql-templates";
import { getInspectionItems } from "./ops/inspection-items";
import { runLookup, type LookupConfig, type LookupDefinition } from "./framework";

export const LOOKUPS: Readonly<Record<string, LookupDefinition<never, unknown>>> = {
  getBackups,
  getDifferentialBackups,
  getBackupSource,
  getRestorableInstances,
  getRestoreTimes,
  getSqlTemplates,
  getInspectionItems,
} as unknown as Record<string, LookupDefinition<never, unknown>>;

/** Runs the lookup `name` (the SDK's functions.gen.ts calls this through sdk/lookup.ts). */
export async function lookup(name: string, args: unknown, config?: LookupConfig): Promise<unknown> {
  const def = LOOKUPS[name];
  if (!def) throw new Error(`${name}: no such lookup in this version of pulumi-tpops; upgrade the package`);
  return runLookup(def, args, config);
}
