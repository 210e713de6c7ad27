/**
 * Shared by the instance switch and label resources (WdrSnapshots, IntelligentOps, InstanceLabels): one owner per
 * setting in a stack (refused at preview), the instance as 4.11.8 lists it, and the "instance is gone" codes.
 */
import { ops, TpopsApiError, type Instance as ApiInstance, type TpopsClient } from "../../client";
import { claimSetting, pulumiName, resourceIdentity, type CheckFailure } from "../framework";

/** Errors that mean the instance no longer exists (A.3 DBS.200002 / DBS.200602 "实例不存在", DBS.280404, a 404). */
export const isInstanceGone = (e: unknown) =>
  e instanceof TpopsApiError && (e.status === 404 || ["DBS.200002", "DBS.200602", "DBS.280404"].includes(e.errorCode ?? ""));

/** The instance with this id as 4.11.8 lists it, or undefined. */
export async function instanceById(client: TpopsClient, id: string): Promise<ApiInstance | undefined> {
  return (await client.listAll(ops.instances.list, { query: { id } })).find((i) => i.id === id);
}

/**
 * Why the instance cannot take a kernel-side change now, or undefined: FAILED (A.3 DBS.280011 "实例状态不正常") or
 * every node stopped (A.3 DBS.216011 "实例节点状态不允许操作"). Busy instances are not refused: the client waits.
 */
export function kernelRefusal(inst: ApiInstance): string | undefined {
  if (inst.status === "FAILED") return `instance ${inst.id} is FAILED (A.3 DBS.280011 "实例状态不正常"); repair it first`;
  const nodes = inst.nodes ?? [];
  if (nodes.length > 0 && nodes.every((n) => String(n.status ?? "").toUpperCase() === "STOPPED")) {
    return `every node of instance ${inst.id} is stopped (A.3 DBS.216011 "实例节点状态不允许操作"); start it first`;
  }
  return undefined;
}

/**
 * One owner per setting target in a stack: the first declared resource that claims a target holds it; a second one
 * is refused at preview. One provider process serves every resource of a `pulumi up`, so this map sees the stack.
 * Targets are also claimed for the framework's settings claims, so a dropped or renamed resource's delete leaves
 * a target the program still declares.
 */
export class SettingOwners {
  private readonly holders = new Map<string, { self: string; label: string }>();

  /** Claims `targets` for the resource `props` names; returns failures for targets another declared resource holds. */
  claim(kind: string, props: Record<string, unknown>, targets: { target: string; property: string; what: string }[], oldTargets: string[] = []): CheckFailure[] {
    const self = resourceIdentity(props);
    // Without the SDK's URN or name (a hand-made call) there is no identity to hold a target by.
    if (!self) return [];
    const label = `${kind} ${pulumiName(props) ?? "(unnamed)"}`;
    // A replacement (new instance id) or a dropped key gives up what this resource held before.
    const now = new Set(targets.map((t) => t.target));
    for (const t of oldTargets) if (!now.has(t) && this.holders.get(t)?.self === self) this.holders.delete(t);
    const failures: CheckFailure[] = [];
    for (const t of targets) {
      const holder = this.holders.get(t.target);
      if (holder && holder.self !== self) {
        failures.push({ property: t.property, reason: `${t.property}: ${t.what} already belongs to ${holder.label} in this stack; one setting has one owner. Merge the two resources, or remove it from one of them` });
        continue;
      }
      this.holders.set(t.target, { self, label });
      claimSetting(t.target, self, label);
    }
    return failures;
  }

  /** Forgets every holder (tests). */
  reset(): void {
    this.holders.clear();
  }
}
