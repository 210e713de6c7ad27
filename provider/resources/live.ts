/**
 * Live lookups for preview-time refusals: a refusal the platform will make is made at `pulumi preview` when
 * the platform can tell, but an unreachable (or unconfigured) platform never fails a preview — the check is
 * skipped and create/update meet the platform's own answer.
 */
import { ops, TpopsApiError, TpopsConfigError, TpopsConnectionError, TpopsTimeoutError, TpopsTlsError } from "../client";
import { providerLog } from "../config";

/** After a transport failure, later preview lookups of the process are skipped for this long. */
const UNREACHABLE_FOR_MS = 60_000;
let unreachableUntil = 0;

/** Forgets a remembered transport failure (tests). */
export function resetLiveLookups(): void {
  unreachableUntil = 0;
}

/**
 * Runs a preview-time lookup; undefined when the platform did not answer (unreachable, not configured, an
 * error reply). A transport failure is remembered for a minute, so a preview of many resources against an
 * unreachable platform waits for one retry cycle, not one per resource.
 */
export async function lookupForPreview<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
  if (Date.now() < unreachableUntil) return undefined;
  try {
    return await fn();
  } catch (e) {
    // A refused login (wrong user, password or endpoint) is not an unreachable platform: the preview says so.
    if (e instanceof TpopsApiError && e.path === ops.auth.login.path) throw e;
    const transport = e instanceof TpopsConnectionError || e instanceof TpopsTimeoutError || e instanceof TpopsTlsError || e instanceof TpopsConfigError;
    const why = e instanceof Error ? e.message : String(e);
    if (transport) {
      if (unreachableUntil === 0 || Date.now() >= unreachableUntil) providerLog("info", `the platform did not answer (${why}); preview checks that need its data are skipped`);
      unreachableUntil = Date.now() + UNREACHABLE_FOR_MS;
    }
    providerLog("debug", `preview check of ${what} skipped: the platform did not answer (${why})`);
    return undefined;
  }
}
