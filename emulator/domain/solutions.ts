/** Names of the twelve instance solutions (reference 4.11.6, table 4-495 `solution`). */
export const SOLUTION_NAMES = [
  "single",
  "triset",
  "quadruset",
  "pentaset",
  "trisetnoetcd",
  "quadrusetnoetcd",
  "pentasetnoetcd",
  "hcs1",
  "hcs2",
  "hcs3",
  "hcs4",
  "hcs6",
] as const;

/** One of the twelve solution names. */
export type SolutionName = (typeof SOLUTION_NAMES)[number];

/** The per-AZ host lists of a create request (reference 4.11.6). */
export type AzListName = "master_az_ip" | "slave_az_ip" | "arbiter_az_ip" | "logger_az_ip";

/** The AZ list field names, in the order the reference lists them. */
export const AZ_LIST_NAMES: readonly AzListName[] = ["master_az_ip", "slave_az_ip", "arbiter_az_ip", "logger_az_ip"];

/** Static facts about a solution: family, HA mode, host count, accepted AZ lists. */
export interface SolutionSpec {
  readonly name: SolutionName;
  /** centralized = 主备版, distributed = 分布式. */
  readonly family: "centralized" | "distributed";
  /** The `ha.mode` a create request must carry for this solution. */
  readonly haMode: "centralization_standard" | "combined";
  /** Number of hosts (nodes) the solution is deployed on. */
  readonly hostCount: number;
  /** Data replicas: one primary plus standbys. */
  readonly replicas: number;
  /** Shards (distributed only; 1 for centralized). */
  readonly shards: number;
  /** Nodes that hold no data replica (the quorum arbiter). */
  readonly arbiters: number;
  /** True for the 去ETCD solutions, which only support the paxos protocol. */
  readonly noEtcd: boolean;
  /** AZ host lists the solution accepts. */
  readonly azLists: readonly AzListName[];
  /** The reference's description, in Chinese. */
  readonly description: string;
}

// reference 4.11.6 table 4-495: master_az_ip "仅hcs1、triset、quadruset、trisetnoetcd、quadrusetnoetcd可用";
// slave_az_ip "仅hcs1、quadruset、quadrusetnoetcd可用"; arbiter_az_ip "仅hcs1、hcs4、quadruset、quadrusetnoetcd可用";
// logger_az_ip "日志AZ主机列表" names no restriction, so every solution accepts it.
// Host counts: the descriptions "单副本" (1), "…三节点" (3), "…四节点" (4), "…五节点" (5), "…九节点" (9), "一主单节点" (1).
const spec = (s: SolutionSpec): SolutionSpec => s;

/** The twelve solutions with their documented shapes (reference 4.11.6 / 4.11.7). */
export const SOLUTIONS: Readonly<Record<SolutionName, SolutionSpec>> = {
  single: spec({ name: "single", family: "centralized", haMode: "centralization_standard", hostCount: 1, replicas: 1, shards: 1, arbiters: 0, noEtcd: false, azLists: ["logger_az_ip"], description: "单副本" }),
  triset: spec({ name: "triset", family: "centralized", haMode: "centralization_standard", hostCount: 3, replicas: 3, shards: 1, arbiters: 0, noEtcd: false, azLists: ["master_az_ip", "logger_az_ip"], description: "一主两备三节点" }),
  quadruset: spec({ name: "quadruset", family: "centralized", haMode: "centralization_standard", hostCount: 5, replicas: 4, shards: 1, arbiters: 1, noEtcd: false, azLists: ["master_az_ip", "slave_az_ip", "arbiter_az_ip", "logger_az_ip"], description: "一主三备一仲裁五节点" }),
  pentaset: spec({ name: "pentaset", family: "centralized", haMode: "centralization_standard", hostCount: 5, replicas: 5, shards: 1, arbiters: 0, noEtcd: false, azLists: ["logger_az_ip"], description: "一主四备五节点" }),
  trisetnoetcd: spec({ name: "trisetnoetcd", family: "centralized", haMode: "centralization_standard", hostCount: 3, replicas: 3, shards: 1, arbiters: 0, noEtcd: true, azLists: ["master_az_ip", "logger_az_ip"], description: "一主两备三节点(去ETCD形态)" }),
  quadrusetnoetcd: spec({ name: "quadrusetnoetcd", family: "centralized", haMode: "centralization_standard", hostCount: 5, replicas: 4, shards: 1, arbiters: 1, noEtcd: true, azLists: ["master_az_ip", "slave_az_ip", "arbiter_az_ip", "logger_az_ip"], description: "一主三备一仲裁五节点(去ETCD形态)" }),
  pentasetnoetcd: spec({ name: "pentasetnoetcd", family: "centralized", haMode: "centralization_standard", hostCount: 5, replicas: 5, shards: 1, arbiters: 0, noEtcd: true, azLists: ["logger_az_ip"], description: "一主四备五节点(去ETCD形态)" }),
  hcs1: spec({ name: "hcs1", family: "distributed", haMode: "combined", hostCount: 9, replicas: 4, shards: 4, arbiters: 0, noEtcd: false, azLists: ["master_az_ip", "slave_az_ip", "arbiter_az_ip", "logger_az_ip"], description: "一主三备九节点,包含四个分片" }),
  hcs2: spec({ name: "hcs2", family: "distributed", haMode: "combined", hostCount: 3, replicas: 3, shards: 3, arbiters: 0, noEtcd: false, azLists: ["logger_az_ip"], description: "一主两备三节点,包含三个分片" }),
  hcs3: spec({ name: "hcs3", family: "distributed", haMode: "combined", hostCount: 4, replicas: 4, shards: 4, arbiters: 0, noEtcd: false, azLists: ["logger_az_ip"], description: "一主三备四节点,包含四个分片" }),
  hcs4: spec({ name: "hcs4", family: "distributed", haMode: "combined", hostCount: 5, replicas: 4, shards: 4, arbiters: 1, noEtcd: false, azLists: ["arbiter_az_ip", "logger_az_ip"], description: "一主三备五节点,包含四个分片" }),
  hcs6: spec({ name: "hcs6", family: "distributed", haMode: "combined", hostCount: 1, replicas: 1, shards: 3, arbiters: 0, noEtcd: false, azLists: ["logger_az_ip"], description: "一主单节点,包含三个分片" }),
};

/** True when `name` is one of the twelve solution names (case-sensitive, as the enum is). */
export function isSolutionName(name: unknown): name is SolutionName {
  return typeof name === "string" && (SOLUTION_NAMES as readonly string[]).includes(name);
}

/** The 去ETCD counterpart a solution converts to when the DCC whitelist is on (reference 4.11.6). */
export function noEtcdCounterpart(name: SolutionName): SolutionName {
  if (name === "triset") return "trisetnoetcd";
  if (name === "quadruset") return "quadrusetnoetcd";
  if (name === "pentaset") return "pentasetnoetcd";
  return name;
}

/** Allowed solution changes (reference 4.11.20): triset↔pentaset and trisetnoetcd↔pentasetnoetcd. */
export const SOLUTION_CHANGES: Readonly<Partial<Record<SolutionName, SolutionName>>> = {
  triset: "pentaset",
  pentaset: "triset",
  trisetnoetcd: "pentasetnoetcd",
  pentasetnoetcd: "trisetnoetcd",
};

/** Hosts per expansion node group of a distributed solution (reading: one more copy of the solution's layout). */
export function expansionGroupSize(name: SolutionName): number {
  return SOLUTIONS[name].hostCount;
}

/** The instance-list `type` filter value for a family (reference 4.11.8: Enterprise = distributed, Ha = centralized). */
export function listTypeFilter(family: SolutionSpec["family"]): "Enterprise" | "Ha" {
  return family === "distributed" ? "Enterprise" : "Ha";
}
