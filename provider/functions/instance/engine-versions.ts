/** Lookups of engine versions: getEngineVersions (reference 4.12.1) and getUpgradeCandidates (4.11.17). */
import { z } from "zod";
import { ops } from "../../client";
import { compareVersions } from "../../resources/instance/instance";
import type { GetEngineVersionsResult, GetUpgradeCandidatesResult } from "../../resources/schema.gen";
import { defineLookup } from "../framework";
import { forInstance } from "./instance-gone";

const byNumber = (versions: readonly string[]) => [...new Set(versions.map(String))].sort(compareVersions);
/** 4.11.17's AZ lists are comma-separated strings ("az_01,az_02,az_03"; "" for none). */
const azList = (raw: string | null | undefined) => (raw ?? "").split(",").map((s) => s.trim()).filter(Boolean);

export const getEngineVersions = defineLookup({
  name: "getEngineVersions",
  // reference 4.12.1 takes no parameters.
  inputs: z.strictObject({}),
  async run(client): Promise<GetEngineVersionsResult> {
    const versions = byNumber((await client.call(ops.engineVersions.list)).versions);
    const latest = versions[versions.length - 1];
    return { versions, ...(latest !== undefined ? { latest } : {}) };
  },
});

export const getUpgradeCandidates = defineLookup({
  name: "getUpgradeCandidates",
  inputs: z.strictObject({
    // reference 4.11.17 table 4-567 instance_id "是 String 实例的ID"
    instanceId: z.string().min(1, { error: "is empty; give the instance id" }),
  }),
  async run(client, a): Promise<GetUpgradeCandidatesResult> {
    const c = await forInstance(a.instanceId, () => client.call(ops.instances.upgradeCandidates, { path: { instance_id: a.instanceId } }));
    const progress = c.roll_upgrade_progress;
    return {
      sourceVersion: c.source_version ?? undefined,
      targetVersion: c.target_version ?? undefined,
      versions: byNumber(c.upgrade_candidate_versions),
      hotfixVersions: byNumber(c.hotfix_upgrade_candidate_versions ?? []),
      hotfixRollbackVersions: byNumber(c.hotfix_rollback_candidate_versions ?? []),
      rollbackEnabled: c.rollback_enabled ?? false,
      upgradeTypes: (c.upgrade_type_list ?? []).map((t) => ({
        type: t.upgrade_type,
        enabled: t.enable ?? false,
        actions: (t.upgrade_action_list ?? []).map((x) => ({ action: x.upgrade_action, enabled: x.enable ?? false })),
      })),
      notUpgradedAzs: azList(progress?.not_fully_upgraded_az),
      upgradedAzs: azList(progress?.already_upgraded_az),
      azDescriptions: { ...(progress?.az_description_map ?? {}) },
    };
  },
});
