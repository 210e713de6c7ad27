/** The one-line refusal of an instance id the platform does not know, for the lookups that take one. */
import { TpopsApiError } from "../../client";

/**
 * Runs `fn`; an answer that the instance does not exist (reference A.3 DBS.200002 "实例不存在", or a 404) becomes
 * `instanceId: "…" is not an instance of the platform …; see getInstances`, other errors pass unchanged.
 */
export async function forInstance<T>(instanceId: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof TpopsApiError && (e.status === 404 || e.errorCode === "DBS.200002")) {
      throw new Error(`instanceId: ${JSON.stringify(instanceId)} is not an instance of the platform (A.3 DBS.200002 "实例不存在"); use the id of an Instance, or one getInstances lists`);
    }
    throw e;
  }
}
