/**
 * Every lookup of the SDK (schema.json `functions`), by name. A new lookup: its schema entry, a definition in
 * provider/functions/<chapter>/ (framework.ts), one line here; test/unit/generated.test.ts checks the two lists agree.
 */
import { getBackups, getDifferentialBackups } from "./backup/backups";
import { getBackupSource, getRestorableInstances, getRestoreTimes } from "./backup/restore";
import { getSqlTemplates } from "./ops/sql-templates";
import { getInspectionItems } from "./ops/inspection-items";
import { getDataCenters } from "./infra/data-centers";
import { getHostSpecifications, getHosts } from "./infra/hosts";
import { getKeyPairs } from "./infra/key-pairs";
import { getEngineVersions, getUpgradeCandidates } from "./instance/engine-versions";
import { getInstances } from "./instance/instances";
import { getParameterTemplate } from "./instance/parameter-template";
import { closeAllClients } from "../client";
import { configure } from "../config";
import { runLookup, type LookupConfig, type LookupDefinition } from "./framework";
import { inLookupSite } from "../sites";

export const LOOKUPS: Readonly<Record<string, LookupDefinition<never, unknown>>> = {
  getBackups,
  getDifferentialBackups,
  getBackupSource,
  getRestorableInstances,
  getRestoreTimes,
  getSqlTemplates,
  getInspectionItems,
  getEngineVersions,
  getHostSpecifications,
  getUpgradeCandidates,
  getInstances,
  getHosts,
  getDataCenters,
  getKeyPairs,
  getParameterTemplate,
} as unknown as Record<string, LookupDefinition<never, unknown>>;

let inFlight = 0;
let idle: NodeJS.Timeout | undefined;

/**
 * Runs the lookup `name` (the SDK's functions.gen.ts calls this through sdk/lookup.ts, passing the program's config).
 * In the program's process nothing else uses the client: once no lookup is running, its kept-alive connections are
 * closed shortly after, so they do not hold the program's process open for the keep-alive time (30 s) after the
 * program is done. A lookup after that logs in again.
 */
export async function lookup(name: string, args: unknown, config?: LookupConfig): Promise<unknown> {
  const def = LOOKUPS[name];
  if (!def) throw new Error(`${name}: no such lookup in this version of pulumi-tpops; upgrade the package`);
  // The `site` argument (every lookup has one, schema.json) picks the platform; the definitions never see it.
  if (!config) return inLookupSite(name, args, (rest) => runLookup(def, rest));
  configure({ config });
  inFlight++;
  if (idle) clearTimeout(idle);
  idle = undefined;
  try {
    return await inLookupSite(name, args, (rest) => runLookup(def, rest, config));
  } finally {
    if (--inFlight === 0) {
      idle = setTimeout(() => void closeAllClients().catch(() => undefined), 200);
      idle.unref();
    }
  }
}
