/** GaussDB engine versions the emulated platform offers, oldest first (reference 4.12.1). */
export const ENGINE_VERSIONS = ["3.100.0", "3.103.0", "3.200.0", "3.201.0", "3.301.0"] as const;

/** One supported engine version. */
export type EngineVersion = (typeof ENGINE_VERSIONS)[number];

// reference 4.11.17 example: a 3.103.0 instance may upgrade to 3.200.0. The graph below keeps that
// edge and adds the analogous minor/major steps; hotfix candidates are always empty.
/** Versions an instance on a given version may upgrade to (reference 4.11.17 `upgrade_candidate_versions`). */
export const UPGRADE_CANDIDATES: Readonly<Record<EngineVersion, readonly EngineVersion[]>> = {
  "3.100.0": ["3.103.0", "3.200.0"],
  "3.103.0": ["3.200.0"],
  "3.200.0": ["3.201.0", "3.301.0"],
  "3.201.0": ["3.301.0"],
  "3.301.0": [],
};

/** True when `v` is a supported engine version. */
export function isEngineVersion(v: unknown): v is EngineVersion {
  return typeof v === "string" && (ENGINE_VERSIONS as readonly string[]).includes(v);
}

/** The newest version: the default when a create request omits `datastore.version` (reference 4.11.6). */
export function latestVersion(): EngineVersion {
  return ENGINE_VERSIONS[ENGINE_VERSIONS.length - 1] as EngineVersion;
}

/** Orders two dotted versions numerically (negative when a < b). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The upgrade candidates of a version (empty for unknown versions). */
export function upgradeCandidates(from: string): readonly EngineVersion[] {
  return isEngineVersion(from) ? UPGRADE_CANDIDATES[from] : [];
}
