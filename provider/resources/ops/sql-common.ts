/**
 * Shared by SqlThrottlingTask and SqlPatch: the preview-time lookup of an instance and its nodes (reference 4.11.8),
 * and the codes meaning the instance is gone.
 */
import { client as configuredClient } from "../../config";
import type { CheckFailure } from "../framework";
import { lookupForPreview } from "../live";
import { instanceById } from "../database/database";

export { instanceGone } from "../database/database";

/**
 * The refusals the instance list decides at preview: the instance exists (A.3 DBS.200002 "实例不存在") and each named
 * node is one of its nodes (A.3 DBS.216030 "当前节点不属于实例"). Nothing when the platform does not answer.
 */
export async function nodeFindings(kind: string, instanceId: string, nodes: { property: string; nodeId: string }[], ref: string): Promise<CheckFailure[]> {
  const found = await lookupForPreview(`instance ${instanceId}`, async () => ({ inst: await instanceById(configuredClient(), instanceId) }));
  if (!found) return [];
  if (!found.inst) {
    return [{ property: "instanceId", reason: `instanceId: ${JSON.stringify(instanceId)} is not an instance of the platform (A.3 DBS.200002); use the id of an existing instance (Instance.id), or one getInstances lists` }];
  }
  const ids = (found.inst.nodes ?? []).map((n) => n.id);
  return nodes
    .filter((n) => !ids.includes(n.nodeId))
    .map((n) => ({
      property: n.property,
      reason: `${n.property}: ${JSON.stringify(n.nodeId)} is not a node of instance ${found.inst!.name} (${instanceId}) (reference ${ref}; A.3 DBS.216030); use one of ${ids.join(", ") || "its nodes"} (a ${kind} names a node of its own instance)`,
    }));
}
