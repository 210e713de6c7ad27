/**
 * Instance (reference 4.11.5–4.11.22, 4.12.1): create and delete are platform jobs; engine upgrades, the
 * triset↔pentaset solution changes, expansion of distributed instances and the M-compatibility port change in
 * place, each waiting for its job; every other change replaces the instance (old one deleted first).
 */
import { isIP } from "node:net";
import { z } from "zod";
import { ops, registerSecret, TpopsApiError, TpopsError, type Instance as ApiInstance } from "../../client";
import { waitUntilInstanceStatus, waitUntilJobDone } from "../../waiters";
import { client as configuredClient, providerLog } from "../../config";
import {
  AUTO_NAME_KEY,
  URN_KEY,
  pulumiName,
  strip as stripKeys,
  changedInputs,
  createIdempotently,
  makeProvider,
  PartialCreateError,
  resolveTimeouts,
  resourceContext,
  UNKNOWN,
  v,
  type CheckFailure,
  type Ctx,
  type ProviderImpl,
  type ResourceDefinition,
} from "../framework";
import { lookupForPreview } from "../live";
import { ipAddress, passwordProblem, passwordWarning, printWarnings, type Warning } from "../rules";
import { InstanceMeta, type InstanceNode, type InstanceOutputs } from "../schema.gen";
import { restoreFacts, RestoreFromInput, restoreInputProblems, restorePoint, type RestoreFrom } from "./restore";
import { assertManageable, creationProblems, TakeOverInput, takenOverMismatches, takeOverBody, takeOverRefusals, takeOverReplacementRefusal, takeOverWarnings } from "./takeover";

// ---------------------------------------------------------------- solutions (reference 4.11.6 table 4-495)

/** AZ host-list inputs, in the reference's order. */
const AZ_LISTS = ["masterAzIps", "slaveAzIps", "arbiterAzIps", "loggerAzIps"] as const;
type AzList = (typeof AZ_LISTS)[number];
/** Every input naming hosts. */
const HOST_FIELDS = ["manageIps", ...AZ_LISTS] as const;

interface SolutionSpec {
  readonly family: "centralized" | "distributed";
  /** Hosts the solution is deployed on (for distributed ones also the size of one expansion node group). */
  readonly hosts: number;
  /** AZ lists the solution accepts besides the unrestricted logger list. */
  readonly azLists: readonly AzList[];
  /** The 去ETCD solutions support only the paxos protocol. */
  readonly noEtcd: boolean;
}

const C = (hosts: number, azLists: readonly AzList[], noEtcd = false): SolutionSpec => ({ family: "centralized", hosts, azLists, noEtcd });
const D = (hosts: number, azLists: readonly AzList[]): SolutionSpec => ({ family: "distributed", hosts, azLists, noEtcd: false });

// Host counts from the solution descriptions (一主两备三节点 = 3 nodes, ...); AZ lists from the master_az_ip,
// slave_az_ip and arbiter_az_ip rows ("仅hcs1、triset、... 可用"); logger_az_ip names no restriction.
/** The twelve solutions. */
export const SOLUTIONS = {
  single: C(1, []),
  triset: C(3, ["masterAzIps"]),
  quadruset: C(5, ["masterAzIps", "slaveAzIps", "arbiterAzIps"]),
  pentaset: C(5, []),
  trisetnoetcd: C(3, ["masterAzIps"], true),
  quadrusetnoetcd: C(5, ["masterAzIps", "slaveAzIps", "arbiterAzIps"], true),
  pentasetnoetcd: C(5, [], true),
  hcs1: D(9, ["masterAzIps", "slaveAzIps", "arbiterAzIps"]),
  hcs2: D(3, []),
  hcs3: D(4, []),
  hcs4: D(5, ["arbiterAzIps"]),
  hcs6: D(1, []),
} as const satisfies Record<string, SolutionSpec>;
type SolutionName = keyof typeof SOLUTIONS;
const SOLUTION_NAMES = Object.keys(SOLUTIONS) as [SolutionName, ...SolutionName[]];

// reference 4.11.20: triset and pentaset change into each other, and so do trisetnoetcd and pentasetnoetcd.
const SOLUTION_CHANGES: Partial<Record<SolutionName, SolutionName>> = {
  triset: "pentaset",
  pentaset: "triset",
  trisetnoetcd: "pentasetnoetcd",
  pentasetnoetcd: "trisetnoetcd",
};

const solutionsAccepting = (list: AzList) => SOLUTION_NAMES.filter((s) => (SOLUTIONS[s].azLists as readonly string[]).includes(list));

// reference 4.11.6 `port` (and 4.11.21/4.11.22 for the M-compatibility port): 1024–39989 minus these.
/** Ports TPOPS reserves, as inclusive ranges. */
export const RESERVED_PORTS: readonly (readonly [number, number])[] = [
  [2378, 2380], [2400, 2400], [4999, 5001], [5100, 5100], [5500, 5500], [5999, 6001], [6009, 6010], [6500, 6500],
  [8015, 8015], [8097, 8098], [8181, 8181], [9090, 9090], [9100, 9100], [9180, 9180], [9187, 9187], [9200, 9200],
  [12016, 12017], [20049, 20050], [21731, 21732], [32122, 32126], [39001, 39001],
];
const isReserved = (p: number) => RESERVED_PORTS.some(([lo, hi]) => p >= lo && p <= hi);
const RESERVED_TEXT = "2378-2380, 2400, 4999-5001, 5100, 5500, 5999-6001, 6009-6010, 6500, 8015, 8097, 8098, 8181, 9090, 9100, 9180, 9187, 9200, 12016, 12017, 20049, 20050, 21731, 21732, 32122-32126, 39001";
// Reading: the port the platform uses when `port` is omitted (the reference's examples all use 8000).
const DEFAULT_DB_PORT = 8000;

/** Orders dotted versions numerically (negative when a < b). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

// ---------------------------------------------------------------- inputs

// reference 4.11.6 manage_ip, master_az_ip, ...: "Array of strings" of host IPs (the address family is not restricted).
const ipList = z.array(ipAddress());
const DIR_KEYS = { installDir: "install_dir", logDir: "log_dir", dnDir: "dn_dir", etcdDir: "etcd_dir" } as const;
const whole = () => z.number().int({ error: "is not a whole number" });

const Inputs = z
  .object({
    adopt: z.boolean().optional(),
    arbiterAzIps: ipList.optional(),
    // reference 4.11.6 arch: "架构类型,不区分大小写。 枚举值: X86 ARM".
    arch: v.oneOf(["X86", "ARM"]),
    // reference 4.11.6 configuration_id: "参数模板ID" (an empty string names no template: leave it out).
    configurationId: z.string().min(1, { error: "is empty; give a parameter template id or leave it out" }).optional(),
    // reference 4.11.6 cpu_spec: "英特尔 Intel 鲲鹏 Kunpeng 海光 Hygon 不区分大小写".
    cpuSpec: v.oneOf(["Intel", "Kunpeng", "Hygon"], { lookup: "getHostSpecifications" }),
    deletion: z
      .strictObject(
        // reference 4.11.5 clear_data "Boolean"; keep_db_backup and keep_difference_backup "Integer" (no range stated: see warnings()).
        { clearData: z.boolean().optional(), keepDifferentialBackupDays: whole().optional(), keepFullBackupDays: whole().optional() },
        { error: "has unknown keys; use clearData, keepFullBackupDays and keepDifferentialBackupDays" },
      )
      .optional(),
    // reference 4.11.6 table 4-496 type: "GaussDB … gaussdbv5-dbmind …不分区大小写".
    engine: v.oneOf(["GaussDB", "gaussdbv5-dbmind"]),
    // reference 4.11.6 table 4-496 version: "参考查询数据库引擎的版本查询" — decided against 4.12.1 at preview (createRefusals).
    engineVersion: z.string().min(1, { error: "is empty; name a version such as 3.200.0, or leave it out for the newest" }).optional(),
    // reference 4.11.6 float_ip: "String" (an IP; the solution rule is in crossCheck).
    floatIp: ipAddress().optional(),
    ha: z
      .strictObject(
        {
          // reference 4.11.6 table 4-497 consistency: "strong … eventual … 不分区大小写".
          consistency: v.oneOf(["strong", "eventual"]).optional(),
          // reference 4.11.6 table 4-497 consistency_protocol: "枚举值: quorum paxos".
          consistencyProtocol: v.oneOf(["quorum", "paxos"]).optional(),
          // reference 4.11.6 table 4-497 mode: "枚举值: centralization_standard combined".
          mode: v.oneOf(["centralization_standard", "combined"]).optional(),
          // reference 4.11.6 table 4-497 replication_mode: "固定"sync"".
          replicationMode: v.oneOf(["sync"]).optional(),
        },
        { error: "has unknown keys; use mode, consistency, replicationMode and consistencyProtocol" },
      )
      .optional(),
    // reference 4.11.6 host_type: "当前只支持物理机,不区分大小写。 枚举值: BMS".
    hostType: v.oneOf(["BMS"]),
    installSettings: z
      .strictObject(
        {
          componentDistributions: z
            // reference 4.11.6 table 4-500: component "是 String 组件名称", ip "是 String 主机IP地址".
            .array(z.strictObject({ component: z.string().min(1, { error: "is empty; name the component" }), ip: ipAddress() }))
            .optional(),
          dirs: z
            .strictObject(
              // reference 4.11.6 table 4-499 dir: "目录" (no form stated: see warnings()).
              { installDir: z.string().optional(), logDir: z.string().optional(), dnDir: z.string().optional(), etcdDir: z.string().optional() },
              { error: "has unknown keys; use installDir, logDir, dnDir and etcdDir (reference 4.11.6 table 4-499 dir_name)" },
            )
            .optional(),
        },
        { error: "has unknown keys; use dirs and componentDistributions" },
      )
      .optional(),
    loggerAzIps: ipList.optional(),
    // reference 4.11.6 manage_ip: "否 Array of strings 主机列表" — optional: hosts may be given in the AZ lists only.
    manageIps: ipList.optional(),
    masterAzIps: ipList.optional(),
    mysqlCompatibilityPort: whole()
      // reference 4.11.21/4.11.22 port: "可选范围为: 0,1024-39989。取值为0,标识关闭MySQL兼容端口服务".
      .refine((p) => p === 0 || (p >= 1024 && p <= 39989), { error: "is outside 1024-39989; use a port in that range, or 0 to keep it closed" })
      // reference 4.11.21 port: "限制端口: 2378,2379,2380,…,39001".
      .refine((p) => !isReserved(p), { error: `is reserved by TPOPS (${RESERVED_TEXT}); choose another port` }),
    // reference 4.11.6 name: "是 String 实例名称" (no form stated: see warnings()); empty is no name.
    name: z.string().min(1, { error: "is empty; give the instance a name or leave it out for a generated one" }),
    // reference 4.11.6 os_type: "麒麟:Kylin 统信: UnionTech 不区分大小写".
    osType: v.oneOf(["Kylin", "UnionTech"], { lookup: "getHostSpecifications" }),
    // reference 4.11.6 password "root密码", with the rule reference 4.4.16 prints (rules.ts passwordProblem); required
    // unless taking over (creationProblems, takeover.ts).
    password: z
      .string()
      .superRefine((pw, ctx) => {
        const why = passwordProblem(pw);
        if (why) ctx.addIssue({ code: "custom", message: why, input: pw });
      })
      .optional(),
    port: v
      // reference 4.11.6 port: "设置范围为1024~39989".
      .int(1024, 39989)
      // reference 4.11.6 port: "(其中2378~2380、2400、…、39001被系统占用不可设置)".
      .refine((p) => !isReserved(p), { error: `is reserved by TPOPS (${RESERVED_TEXT}); choose another port` })
      .optional(),
    rdsAdminPassword: z
      .string()
      // reference 4.11.5 rds_admin_password "设置rdsAdmin的密码" — a database password: the same rule as `password`.
      .superRefine((pw, ctx) => {
        const why = passwordProblem(pw);
        if (why) ctx.addIssue({ code: "custom", message: why, input: pw });
      })
      .optional(),
    // reference 4.11.7 restore_point "恢复到目标实例的备份ID或者时间戳" (restore.ts)
    restoreFrom: RestoreFromInput.optional(),
    slaveAzIps: ipList.optional(),
    // reference 4.11.13 "纳管实例" tables 4-549/4-550 (takeover.ts)
    takeOver: TakeOverInput.optional(),
    // reference 4.11.6 solution: "枚举值: single triset … hcs6" (case-insensitive here: sent in the reference's spelling).
    solution: v.oneOf(SOLUTION_NAMES),
    // reference 4.11.6 time_zone: "时区" (no form stated: see warnings()).
    timeZone: z.string().optional(),
    timeouts: v.timeouts().optional(),
  })
  // The HA options follow from the solution when omitted (reference 4.11.6 table 4-497).
  .transform((i) => ({ ...i, ha: fullHa(i.solution, i.ha) }));

type In = z.output<typeof Inputs>;
type Out = InstanceOutputs;
type Bag = Record<string, unknown>;

function fullHa(solution: SolutionName, ha: { mode?: string; consistency?: string; replicationMode?: string; consistencyProtocol?: string } | undefined) {
  const spec: SolutionSpec = SOLUTIONS[solution];
  return {
    mode: ha?.mode ?? (spec.family === "distributed" ? "combined" : "centralization_standard"),
    consistency: ha?.consistency ?? "strong",
    replicationMode: ha?.replicationMode ?? "sync",
    consistencyProtocol: ha?.consistencyProtocol ?? (spec.noEtcd ? "paxos" : "quorum"),
  };
}

const known = (x: unknown): boolean => x !== UNKNOWN && !(Array.isArray(x) && x.includes(UNKNOWN));
const lower = (x: unknown) => (typeof x === "string" ? x.trim().toLowerCase() : undefined);
const asList = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === "string") : []);
const show = (x: unknown) => JSON.stringify(x);

/** All hosts of an instance: manage IPs first, then AZ-list hosts not already named. */
function hostsOf(i: Bag): string[] {
  const out: string[] = [];
  for (const f of HOST_FIELDS) for (const ip of asList(i[f])) if (!out.includes(ip)) out.push(ip);
  return out;
}

/** Cross-field rules of reference 4.11.5/4.11.6 that zod's per-field schema cannot express; skips unknown values. */
export function crossCheck(i: Bag): CheckFailure[] {
  const out: CheckFailure[] = [];
  const fail = (property: string, reason: string) => out.push({ property, reason: `${property}: ${reason}` });
  const solution = SOLUTION_NAMES.find((s) => s === lower(i.solution));
  const spec: SolutionSpec | undefined = solution && SOLUTIONS[solution];
  const hostsKnown = HOST_FIELDS.every((f) => known(i[f]));
  if (solution && spec) {
    for (const list of AZ_LISTS) {
      const ips = asList(i[list]);
      if (list === "loggerAzIps" || !ips.length || !known(i[list])) continue;
      // reference 4.11.6 master_az_ip "仅hcs1、triset、quadruset、trisetnoetcd、quadrusetnoetcd可用", slave_az_ip
      // "仅hcs1、quadruset、quadrusetnoetcd可用", arbiter_az_ip "仅hcs1、hcs4、quadruset、quadrusetnoetcd可用".
      if (!(spec.azLists as readonly string[]).includes(list)) {
        fail(list, `${show(ips)} is not accepted by solution ${solution}; only ${solutionsAccepting(list).join(", ")} take ${list} (reference 4.11.6). Remove it and list the hosts in manageIps`);
      }
    }
    const arbiter = asList(i.arbiterAzIps);
    // reference 4.11.6 solution: "quadruset:一主三备一仲裁五节点" — one arbiter (hcs1/hcs4 state no count: warnings()).
    if (known(i.arbiterAzIps) && arbiter.length > 1 && (solution === "quadruset" || solution === "quadrusetnoetcd")) {
      fail("arbiterAzIps", `${show(arbiter)} names ${arbiter.length} hosts; ${solution} has one arbiter node (reference 4.11.6 "一主三备一仲裁五节点"): list one host`);
    }
    if (hostsKnown) {
      const owner = new Map<string, AzList>();
      for (const list of AZ_LISTS) {
        for (const ip of asList(i[list])) {
          const prev = owner.get(ip);
          // A host has one data center (reference 4.9.1 data_center_id), whose name is its AZ (4.9.2 "所选机房的名称需要和实例安装时使用的AZ名称保持一致").
          if (prev && prev !== list) fail(list, `${ip} is already in ${prev}; a host belongs to one AZ (its data center, reference 4.9.2)`);
          owner.set(ip, list);
        }
      }
      const n = hostsOf(i).length;
      const need = spec.hosts;
      if (spec.family === "distributed") {
        // reference 4.11.6 solution "hcs2 一主两备三节点…" gives the host count; more hosts join by whole node groups
        // of that size through expansion (reference 4.11.15 count "扩容节点组数"), which is how the provider creates them.
        if (n < need || (n - need) % need !== 0) {
          fail("manageIps", `names ${n} host(s) (manageIps plus the AZ lists) but solution ${solution} needs ${need}, or ${need} plus whole node groups of ${need} (expansion); list ${n < need ? need : n - ((n - need) % need)} hosts`);
        }
      } else if (n !== need) {
        // reference 4.11.6 solution: "single: 单副本", "triset: 一主两备三节点", … (A.3 DBS.06025010 "所选主机数量有误").
        fail("manageIps", `names ${n} host(s) (manageIps plus the AZ lists) but solution ${solution} needs exactly ${need}; list ${need} hosts`);
      }
    }
    const ha = (i.ha ?? {}) as Bag;
    if (known(i.ha) && known(ha.mode) && ha.mode !== undefined) {
      const want = spec.family === "distributed" ? "combined" : "centralization_standard";
      // reference 4.11.6 table 4-497 mode: "实例类型,主备版centralization_standard,分布式combined".
      if (lower(ha.mode) !== want) fail("ha.mode", `${show(ha.mode)} does not fit solution ${solution} (${spec.family}); use ${want}, or leave ha.mode out`);
    }
    // reference 4.11.6 table 4-497 consistency_protocol: "去ETCD形态仅支持paxos".
    if (spec.noEtcd && known(i.ha) && known(ha.consistencyProtocol) && ha.consistencyProtocol !== undefined && lower(ha.consistencyProtocol) !== "paxos") {
      fail("ha.consistencyProtocol", `${show(ha.consistencyProtocol)} is not supported by ${solution}; the noetcd solutions support only paxos (reference 4.11.6)`);
    }
    // reference 4.11.6 float_ip: "主备版部署形态创建非单节点带浮动IP的实例可用".
    if (typeof i.floatIp === "string" && known(i.floatIp) && (spec.family !== "centralized" || spec.hosts === 1)) {
      fail("floatIp", `${show(i.floatIp)} is not available for solution ${solution}; floating IPs exist only for multi-node centralized solutions (reference 4.11.6). Remove it`);
    }
  }
  const mport = i.mysqlCompatibilityPort;
  // reference 4.11.21 port: "限制端口: …,[数据库端口,数据库端口+10]" — decided here when `port` is given (omitted: warnings()).
  if (typeof mport === "number" && mport !== 0 && typeof i.port === "number" && mport >= i.port && mport <= i.port + 10) {
    fail("mysqlCompatibilityPort", `${mport} lies in [port, port+10] = [${i.port}, ${i.port + 10}], which the database uses (reference 4.11.21); choose a port outside it`);
  }
  // reference 4.11.6 table 4-496 version: "DBMind实例创建时必传".
  if (lower(i.engine) === "gaussdbv5-dbmind" && i.engineVersion === undefined) {
    fail("engineVersion", "is required for gaussdbv5-dbmind instances (reference 4.11.6 table 4-496); name the version");
  }
  out.push(...restoreInputProblems(i));
  const comps = ((i.installSettings ?? {}) as Bag).componentDistributions;
  if (Array.isArray(comps) && hostsKnown && known(i.installSettings)) {
    const hosts = hostsOf(i);
    comps.forEach((c: Bag, k) => {
      // reference 4.11.6 table 4-498 component_distributions "自定义安装组件IP分布": the instance's components go on its hosts.
      if (typeof c?.ip === "string" && known(c.ip) && !hosts.includes(c.ip)) {
        fail(`installSettings.componentDistributions[${k}].ip`, `${show(c.ip)} is not one of the instance's hosts; use one of ${hosts.join(", ")}`);
      }
    });
  }
  return out;
}

// Reading of the reference's examples (4.11.6 response "time_zone" : "UTC+08:00"); not a stated rule.
const TIME_ZONE_FORM = /^UTC[+-](0\d|1[0-4]):(00|30|45)$/;
// Reading: the form real GaussDB instance names take (the rule reference 4.2.7 states for backup names).
const NAME_FORM = /^[A-Za-z][A-Za-z0-9_-]{3,63}$/;

/**
 * Concerns about valid inputs that the reference does not state as rules: printed as warnings by check(), never
 * blocking (each says why a real platform may care). Skips unknown values.
 */
export function warnings(i: Bag): Warning[] {
  const out: Warning[] = [];
  const warn = (property: string, reason: string) => out.push({ property, reason: `${property}: ${reason}` });
  const solution = SOLUTION_NAMES.find((s) => s === lower(i.solution));
  const spec: SolutionSpec | undefined = solution && SOLUTIONS[solution];
  // Not stated (4.11.6 name "实例名称"); A.3 DBS.200021 "实例名非法" says a rule exists: the one GaussDB instance names follow.
  if (typeof i.name === "string" && known(i.name) && i.name && !NAME_FORM.test(i.name)) {
    warn("name", `${show(i.name)} may be refused as an instance name (A.3 DBS.200021): GaussDB instance names have 4-64 characters, a letter first, then letters, digits, - or _`);
  }
  // Not stated (4.11.6 time_zone "时区"): a spelling other than the one the platform reports reads back differently and
  // replaces the instance on every up.
  if (typeof i.timeZone === "string" && known(i.timeZone) && !TIME_ZONE_FORM.test(i.timeZone)) {
    warn("timeZone", `${show(i.timeZone)} is not in the form the platform reports time zones (UTC+08:00, reference 4.11.6); if it reads back differently, every up replaces the instance`);
  }
  // Not stated (4.11.6 version "参考查询数据库引擎的版本查询"): the platform's versions are dotted numbers (4.12.1 example).
  if (typeof i.engineVersion === "string" && known(i.engineVersion) && !/^\d+(\.\d+)*$/.test(i.engineVersion)) {
    warn("engineVersion", `${show(i.engineVersion)} is not a dotted version such as 3.200.0, the form the platform lists (reference 4.12.1)`);
  }
  for (const f of HOST_FIELDS) {
    const ips = asList(i[f]);
    const dup = known(i[f]) ? ips.find((ip, k) => ips.indexOf(ip) !== k) : undefined;
    // Not stated: a host named twice is one host; check() sends and records the list without the repeat.
    if (dup) warn(f, `lists ${dup} more than once; it is one host, counted and sent once`);
  }
  const arbiter = asList(i.arbiterAzIps);
  // Not stated for hcs1/hcs4 (their descriptions name no arbiter count); the reference's examples list one arbiter host.
  if (known(i.arbiterAzIps) && arbiter.length > 1 && (solution === "hcs1" || solution === "hcs4")) {
    warn("arbiterAzIps", `names ${arbiter.length} hosts; the reference's ${solution} example has one arbiter host (reference 4.11.6)`);
  }
  // Not stated: a floating IP moves between the nodes, so one of their own addresses cannot serve as it.
  if (spec && typeof i.floatIp === "string" && known(i.floatIp) && HOST_FIELDS.every((f) => known(i[f])) && hostsOf(i).includes(i.floatIp)) {
    warn("floatIp", `${show(i.floatIp)} is one of the instance's hosts; a floating IP is normally a free address`);
  }
  const cpu = lower(i.cpuSpec);
  const arch = lower(i.arch);
  if (cpu && arch && known(i.cpuSpec) && known(i.arch) && ["intel", "kunpeng", "hygon"].includes(cpu) && ["x86", "arm"].includes(arch)) {
    // Not stated: Kunpeng processors are ARM; Intel and Hygon processors are x86.
    const want = cpu === "kunpeng" ? "ARM" : "X86";
    if (arch !== want.toLowerCase()) warn("arch", `${show(i.arch)} does not match cpuSpec ${show(i.cpuSpec)}: ${i.cpuSpec} processors are ${want}`);
  }
  const mport = i.mysqlCompatibilityPort;
  // Not stated: the platform's port when `port` is omitted; the reference's examples all use 8000.
  if (typeof mport === "number" && mport !== 0 && i.port === undefined && mport >= DEFAULT_DB_PORT && mport <= DEFAULT_DB_PORT + 10) {
    warn("mysqlCompatibilityPort", `${mport} lies in [${DEFAULT_DB_PORT}, ${DEFAULT_DB_PORT + 10}]: if the platform's default port is ${DEFAULT_DB_PORT} (as in the reference's examples), opening it is refused (reference 4.11.21 "[数据库端口,数据库端口+10]"); set port, or choose another`);
  }
  const deletion = (i.deletion ?? {}) as Bag;
  // reference 4.11.5 requires rds_admin_password only "未传clear_data且未传is_force_remove_instance场景"; the provider sends
  // clear_data. Without a new password rdsAdmin keeps the one only TPOPS knew.
  if (known(i.deletion) && deletion.clearData === false && i.rdsAdminPassword === undefined && i.takeOver === undefined) {
    warn("rdsAdminPassword", "is not set while deletion.clearData is false: unmanaging then leaves rdsAdmin with a password only TPOPS knew (reference 4.11.5 rds_admin_password \"重新设置新密码\"); set rdsAdminPassword (secret) to choose it");
  }
  for (const k of ["keepFullBackupDays", "keepDifferentialBackupDays"] as const) {
    const d = deletion[k];
    // Not stated (4.11.5 "Integer"): backups are kept 0-732 days elsewhere (4.11.6 keep_days "0~732", 4.2.1 "1-732天").
    if (known(i.deletion) && typeof d === "number" && (d < 0 || d > 732)) warn(`deletion.${k}`, `${d} is outside 0-732, the days the platform keeps backups elsewhere (reference 4.11.6, 4.2.1)`);
  }
  const dirs = ((i.installSettings ?? {}) as Bag).dirs;
  if (dirs && typeof dirs === "object" && known(i.installSettings)) {
    for (const [k, d] of Object.entries(dirs as Bag)) {
      // Not stated (4.11.6 dir "目录"): the installer works with absolute paths.
      if (typeof d === "string" && known(d) && !d.startsWith("/")) warn(`installSettings.dirs.${k}`, `${show(d)} is not an absolute directory; the installer expects a path such as /opt/gaussdb`);
    }
  }
  out.push(...takeOverWarnings(i));
  for (const f of ["password", "rdsAdminPassword"] as const) {
    const why = typeof i[f] === "string" && known(i[f]) ? passwordWarning(String(i[f])) : undefined;
    if (why) warn(f, `[secret] ${why}`);
  }
  return out;
}

/** The host lists without repeats (a host named twice is one host); unknown lists unchanged. */
function uniqueHosts(i: Bag): Bag {
  const out: Bag = { ...i };
  for (const f of HOST_FIELDS) if (Array.isArray(i[f]) && known(i[f])) out[f] = [...new Set(asList(i[f]))];
  return out;
}

// ---------------------------------------------------------------- mapping

/** API record (+ inputs kept in state) → state. */
function toOutputs(inst: ApiInstance, prev: Bag): Out {
  const nodes: InstanceNode[] = (inst.nodes ?? []).map((n) => ({
    id: n.id,
    name: n.name ?? "",
    role: n.role ?? "",
    status: n.status ?? "",
    az: n.availability_zone ?? "",
    ips: { private: n.private_ip ?? "", data: n.data_ip ?? "", manage: n.management_ip ?? "" },
  }));
  // reference 4.11.8's example joins the nodes' IPs in one string with " / ".
  const privateIps = (inst.private_ips ?? []).flatMap((s) => s.split("/").map((x) => x.trim())).filter(Boolean);
  const inputs = Object.fromEntries(InstanceMeta.inputs.filter((k) => prev[k] !== undefined).map((k) => [k, prev[k]]));
  return {
    ...(inputs as unknown as Out),
    name: inst.name,
    engineVersion: inst.datastore?.version ?? String(prev.engineVersion ?? ""),
    port: inst.port ?? Number(prev.port ?? DEFAULT_DB_PORT),
    mysqlCompatibilityPort: Number(prev.mysqlCompatibilityPort ?? 0),
    status: inst.status,
    nodes,
    privateIps,
    dbUserName: inst.db_user_name ?? "",
    flavorRef: inst.flavor_ref ?? "",
    instanceMode: inst.instance_mode ?? "",
    timeZone: inst.time_zone ?? (prev.timeZone as string | undefined) ?? "",
    created: inst.created ?? "",
    updated: inst.updated ?? "",
    // Kept once set: decides what delete means (4.11.5 unmanage) after takeOver leaves the program.
    ...(prev.takenOver === true || prev.takeOver !== undefined ? { takenOver: true } : {}),
  };
}

async function byId(ctx: Pick<Ctx, "client">, id: string): Promise<ApiInstance | undefined> {
  return (await ctx.client.listAll(ops.instances.list, { query: { id } })).find((i) => i.id === id);
}

async function byName(ctx: Pick<Ctx, "client">, name: string): Promise<ApiInstance | undefined> {
  // reference 4.11.8: a name without a leading "*" matches exactly.
  return (await ctx.client.listAll(ops.instances.list, { query: { name } })).find((i) => i.name === name);
}

/** The hosts the instance is created on; for a distributed instance with more, the rest join by expansion. */
function createHosts(i: In): { base: string[]; extra: string[] } {
  const all = hostsOf(i as unknown as Bag);
  const spec: SolutionSpec = SOLUTIONS[i.solution];
  if (spec.family !== "distributed" || all.length <= spec.hosts) return { base: all, extra: [] };
  const az = new Set(AZ_LISTS.flatMap((l) => i[l] ?? []));
  const base = [...all.filter((ip) => az.has(ip)), ...all.filter((ip) => !az.has(ip))].slice(0, spec.hosts);
  return { base, extra: all.filter((ip) => !base.includes(ip)) };
}

/** The fields 4.11.6 (create) and 4.11.7 (restore, table 4-506) share. */
function commonBody(i: In, base: readonly string[]) {
  const az = (l: AzList) => (i[l]?.length ? { [l.replace(/AzIps$/, "_az_ip")]: [...(i[l] ?? [])] } : {});
  return {
    name: i.name,
    os_type: i.osType,
    host_type: i.hostType,
    cpu_spec: i.cpuSpec,
    arch: i.arch,
    solution: i.solution,
    ...(i.port !== undefined ? { port: String(i.port) } : {}),
    password: i.password as string,
    // reference 4.11.6 manage_ip is optional: sent when the program names hosts outside the AZ lists.
    ...(i.manageIps?.length ? { manage_ip: i.manageIps.filter((ip) => base.includes(ip)) } : {}),
    ...az("masterAzIps"),
    ...az("slaveAzIps"),
    ...az("arbiterAzIps"),
    ...az("loggerAzIps"),
    ...(i.floatIp ? { float_ip: i.floatIp } : {}),
    ...(i.configurationId ? { configuration_id: i.configurationId } : {}),
    ...(i.timeZone ? { time_zone: i.timeZone } : {}),
  };
}

function createBody(i: In, version: string, base: readonly string[]) {
  // reference 4.11.7 table 4-506: a restore has no `datastore`, `ha` or `diy_install_settings` (the version is the
  // backup's), and a `restore_point`.
  if (i.restoreFrom) return { ...commonBody(i, base), restore_point: restorePoint(i.restoreFrom) };
  const dirs = i.installSettings?.dirs;
  const dirSettings = dirs ? Object.entries(DIR_KEYS).flatMap(([k, apiName]) => (dirs[k as keyof typeof dirs] ? [{ dir_name: apiName, dir: dirs[k as keyof typeof dirs] as string }] : [])) : [];
  const comps = i.installSettings?.componentDistributions ?? [];
  return {
    ...commonBody(i, base),
    datastore: { type: i.engine, version },
    ha: { mode: i.ha.mode, consistency: i.ha.consistency, replication_mode: i.ha.replicationMode, consistency_protocol: i.ha.consistencyProtocol },
    ...(dirSettings.length || comps.length
      ? { diy_install_settings: { ...(dirSettings.length ? { dir_settings: dirSettings } : {}), ...(comps.length ? { component_distributions: comps.map((c) => ({ component: c.component, ip: c.ip })) } : {}) } }
      : {}),
  };
}

/**
 * The rest of a create once the platform accepted it: wait for the job (when its id is known) and for ACTIVE,
 * join the hosts beyond the solution's count (distributed), open the M-compatibility port. Any failure is a
 * partial create: the instance stays in state and the next `up` repairs or replaces it.
 */
async function finishCreate(ctx: Ctx, inputs: In, id: string, version: string, jobId?: string, joined: ReadonlySet<string> = new Set()): Promise<{ id: string; outs: Out }> {
  const extra = createHosts(inputs).extra.filter((ip) => !joined.has(ip));
  const state: Bag = { ...inputs, engineVersion: version };
  let last: ApiInstance = { id, name: inputs.name, status: "BUILD" } as ApiInstance;
  try {
    if (jobId) await waitJob(ctx, jobId, inputs.takeOver ? "taking over the database" : "installing the database", "create");
    last = await waitUntilInstanceStatus(ctx.client, id, {
      target: "ACTIVE",
      failOn: ["FAILED"],
      timeout: ctx.timeouts.create,
      timeoutKey: "create",
      onProgress: (s) => ctx.progress(`instance ${id} is ${s}`),
    });
    if (extra.length) {
      const group = SOLUTIONS[inputs.solution].hosts;
      await runStep(ctx, id, { kind: "expand", addIps: extra, groups: extra.length / group });
    }
    if (inputs.mysqlCompatibilityPort !== 0) {
      // With `port` omitted the database port is known only now (check warned): refuse before the call the platform refuses.
      const dbPort = last.port ?? DEFAULT_DB_PORT;
      const mport = inputs.mysqlCompatibilityPort;
      if (mport >= dbPort && mport <= dbPort + 10) {
        throw new TpopsError(`mysqlCompatibilityPort ${mport} lies in [port, port+10] = [${dbPort}, ${dbPort + 10}] of the database port the platform chose (reference 4.11.21); choose a port outside it, or set port`);
      }
      await runStep(ctx, id, { kind: "mysqlPort", from: 0, to: mport });
    }
    const live = await byId(ctx, id);
    if (!live) throw new TpopsError(`instance ${id} is not listed after its create job completed`);
    return { id, outs: toOutputs(live, state) };
  } catch (e) {
    const live = await byId(ctx, id).catch(() => undefined);
    const partial = toOutputs(live ?? last, { ...state, mysqlCompatibilityPort: 0 });
    throw new PartialCreateError(id, { ...partial, status: live?.status ?? "FAILED" }, e);
  }
}

/**
 * The version a restore gets (the source's), after the refusals the platform would make to it: decided again at
 * create, since preview may not have known the source or the platform may have changed since.
 */
async function restoredVersion(ctx: Ctx, inputs: In, from: RestoreFrom): Promise<string> {
  const facts = await restoreFacts(ctx.client, { ...inputs, restoreFrom: from }, SOLUTIONS[inputs.solution].family);
  if (facts.failures.length) throw new TpopsError(facts.failures.map((f) => f.reason).join("; "));
  ctx.progress(`restoring ${from.backupId !== undefined ? `backup ${from.backupId}` : `the state of ${from.restoreTime}`} of instance ${from.sourceInstanceId}`);
  return facts.version ?? inputs.engineVersion ?? "";
}

/** The newest engine version the platform offers (reference 4.12.1). */
async function latestVersion(ctx: Pick<Ctx, "client">): Promise<string> {
  const { versions } = await ctx.client.call(ops.engineVersions.list);
  const sorted = [...versions].sort(compareVersions);
  const last = sorted[sorted.length - 1];
  if (!last) throw new TpopsError("the platform offers no engine versions (reference 4.12.1); set engineVersion");
  return last;
}

async function waitJob(ctx: Ctx, jobId: string, what: string, key: "create" | "update" | "delete"): Promise<void> {
  await waitUntilJobDone(ctx.client, jobId, {
    timeout: ctx.timeouts[key],
    timeoutKey: key,
    onProgress: (p) => ctx.progress(`${what} (job ${p.jobId} ${p.status}${p.progress ? ` ${p.progress}` : ""})`),
  });
}

/**
 * Create by taking over the database on the hosts (reference 4.11.12, then 4.11.13 and its job): afterwards an
 * ordinary instance. A program that describes the database otherwise than the platform now reports is a partial
 * create (the instance is managed, in state) whose message says what to write.
 */
async function createByTakeOver(ctx: Ctx, inputs: In, t: NonNullable<In["takeOver"]>): Promise<{ id: string; outs: Out }> {
  registerSecret(t.manageUserPassword);
  const hosts = hostsOf(inputs as unknown as Bag);
  await assertManageable(ctx.client, hosts);
  ctx.progress(`taking over the database on ${hosts.join(", ")} as instance ${inputs.name}`);
  const send = () => ctx.client.call(ops.takeover.manage, { body: takeOverBody(inputs.name, t, hosts) });
  const r = await createIdempotently(ctx, send, () => byName(ctx, inputs.name));
  const version = inputs.engineVersion ?? "";
  const done = "sent" in r ? await finishCreate(ctx, inputs, r.sent.instance_id, version, r.sent.job_id) : await finishCreate(ctx, inputs, r.found.id, version);
  const live = await byId(ctx, done.id);
  const family = SOLUTIONS[inputs.solution].family;
  const why = live ? takenOverMismatches(live, { engineVersion: inputs.engineVersion, port: inputs.port, family, hosts }) : [];
  if (why.length) throw new PartialCreateError(done.id, done.outs, new TpopsError(`the program describes the taken-over database otherwise: ${why.join("; ")}`));
  return done;
}

// ---------------------------------------------------------------- change planning

/** One in-place change and the job that carries it out. */
export type Step =
  | { kind: "shrink"; solution: SolutionName; removeIps: string[] }
  | { kind: "upgrade"; from: string; to: string }
  | { kind: "grow"; solution: SolutionName; addIps: string[] }
  | { kind: "expand"; addIps: string[]; groups: number }
  | { kind: "mysqlPort"; from: number; to: number };

const LOCAL_ONLY = ["adopt", "timeouts", "deletion", "rdsAdminPassword", "takeOver"];
const STEP_ORDER: Step["kind"][] = ["shrink", "upgrade", "grow", "expand", "mysqlPort"];
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Classifies a change: which inputs force a replacement and which in-place steps run, in their safe order. */
export function planChanges(olds: Bag, news: Bag): { changed: string[]; replaces: string[]; steps: Step[]; unknown: boolean } {
  const changed = new Set(changedInputs(InstanceMeta, olds, news));
  // An omitted host list means no hosts there: compare lists as sets, treating absent as empty.
  for (const f of HOST_FIELDS) {
    changed.delete(f);
    if (!known(news[f])) changed.add(f);
    else if (!sameSet(asList(olds[f]), asList(news[f]))) changed.add(f);
  }
  // restoreFrom says where the data came from at create: dropping it keeps the instance; another source is a new restore.
  if (changed.has("restoreFrom") && news.restoreFrom === undefined) changed.delete("restoreFrom");
  // takeOver says how the instance came under management (4.11.13): changing or dropping it changes nothing, and a
  // taken-over instance's root password is never sent (its database keeps its own).
  changed.delete("takeOver");
  if (olds.takenOver === true || olds.takeOver !== undefined) changed.delete("password");
  const apiChanged = [...changed].filter((k) => !LOCAL_ONLY.includes(k));
  const unknown = apiChanged.some((k) => !known(news[k]));
  const replaces = apiChanged.filter((k) => InstanceMeta.replaceOnChanges.includes(k));
  const steps: Step[] = [];
  const hostChanges = apiChanged.filter((k) => (HOST_FIELDS as readonly string[]).includes(k));
  const oldSol = SOLUTION_NAMES.find((s) => s === lower(olds.solution));
  const newSol = SOLUTION_NAMES.find((s) => s === lower(news.solution));
  if (apiChanged.includes("engineVersion") && known(news.engineVersion) && typeof news.engineVersion === "string") {
    steps.push({ kind: "upgrade", from: String(olds.engineVersion ?? ""), to: news.engineVersion });
  }
  if (apiChanged.includes("mysqlCompatibilityPort") && typeof news.mysqlCompatibilityPort === "number") {
    steps.push({ kind: "mysqlPort", from: Number(olds.mysqlCompatibilityPort ?? 0), to: news.mysqlCompatibilityPort });
  }
  if (!unknown && (apiChanged.includes("solution") || hostChanges.length)) {
    const oldHosts = hostsOf(olds);
    const newHosts = hostsOf(news);
    const added = newHosts.filter((ip) => !oldHosts.includes(ip));
    const removed = oldHosts.filter((ip) => !newHosts.includes(ip));
    let step: Step | undefined;
    if (oldSol && newSol && oldSol !== newSol && SOLUTION_CHANGES[oldSol] === newSol) {
      const delta = SOLUTIONS[newSol].hosts - SOLUTIONS[oldSol].hosts;
      if (delta > 0 && !removed.length && added.length === delta) step = { kind: "grow", solution: newSol, addIps: added };
      if (delta < 0 && !added.length && removed.length === -delta) step = { kind: "shrink", solution: newSol, removeIps: removed };
    } else if (oldSol && oldSol === newSol && SOLUTIONS[oldSol].family === "distributed" && !removed.length && added.length) {
      const group = SOLUTIONS[oldSol].hosts;
      if (added.length % group === 0) step = { kind: "expand", addIps: added, groups: added.length / group };
    }
    if (step) steps.push(step);
    else replaces.push(...(apiChanged.includes("solution") ? ["solution"] : []), ...hostChanges);
  }
  steps.sort((a, b) => STEP_ORDER.indexOf(a.kind) - STEP_ORDER.indexOf(b.kind));
  return { changed: [...changed], replaces: [...new Set(replaces)].sort(), steps, unknown };
}

/** Preview-time refusals of in-place steps that the platform's current state can decide (skipped when it does not answer). */
async function validateSteps(client: Ctx["client"], id: string, name: string, steps: readonly Step[], port: number): Promise<void> {
  for (const s of steps) {
    if (s.kind === "upgrade") {
      if (s.from && compareVersions(s.to, s.from) < 0) {
        throw new TpopsError(`Instance ${name}: engineVersion ${s.to} is older than the running ${s.from}; downgrades are not possible (reference 4.11.17 offers only upgrades). Keep ${s.from}, or replace the instance`);
      }
      const c = await lookupForPreview(`upgrade candidates of instance ${id}`, () => upgradeOptions(client, id));
      const why = c && candidateRefusal(c, id, name, s.to);
      if (why) throw new TpopsError(why);
    }
    if (s.kind === "mysqlPort" && s.to !== 0 && s.to >= port && s.to <= port + 10) {
      throw new TpopsError(`Instance ${name}: mysqlCompatibilityPort ${s.to} lies in [port, port+10] = [${port}, ${port + 10}] (reference 4.11.21); choose a port outside it`);
    }
    if (s.kind === "grow" || s.kind === "expand") {
      // The new hosts of a solution change (4.11.20) or an expansion (4.11.15) must be free like those of a create.
      const taken = await lookupForPreview(`hosts for instance ${id}`, () => hostsTakenByOthers(client, s.addIps, { id, name }));
      if (taken?.length) {
        throw new TpopsError(`Instance ${name}: the hosts to add: ${describeTaken(taken)}`);
      }
    }
  }
}

async function upgradeOptions(client: Ctx["client"], id: string) {
  return client.call(ops.instances.upgradeCandidates, { path: { instance_id: id } });
}

/** Why `target` cannot be upgraded to (reference 4.11.17 `upgrade_candidate_versions`), or undefined. */
function candidateRefusal(c: Awaited<ReturnType<typeof upgradeOptions>>, id: string, name: string, target: string): string | undefined {
  if (c.source_version === target || c.upgrade_candidate_versions.includes(target)) return undefined;
  return (
    `Instance ${name}: engineVersion ${target} is not an upgrade candidate of instance ${id} (running ${c.source_version ?? "?"}; candidates: ${c.upgrade_candidate_versions.join(", ") || "none"}, reference 4.11.17). ` +
    `Upgrade to a listed version first, one step per pulumi up (getUpgradeCandidates lists them)`
  );
}

async function assertCandidate(client: Ctx["client"], id: string, name: string, target: string) {
  const why = candidateRefusal(await upgradeOptions(client, id), id, name, target);
  if (why) throw new TpopsError(why);
}

// ---------------------------------------------------------------- create-time refusals decided at preview

let offeredVersions: Promise<string[] | undefined> | undefined;

/** Forgets the cached engine-version list (tests). */
export function resetOfferedVersions(): void {
  offeredVersions = undefined;
}

/** The engine versions the platform offers (reference 4.12.1), fetched once per provider process; undefined when it did not answer. */
function offered(client: () => Ctx["client"]): Promise<string[] | undefined> {
  offeredVersions ??= lookupForPreview("engine versions", async () => (await client().call(ops.engineVersions.list)).versions.map(String));
  return offeredVersions;
}

/** Versions ordered by closeness to `target`: component by component, the smaller distance first. */
export function nearestVersions(target: string, versions: readonly string[]): string[] {
  const parts = (x: string) => x.split(".").map(Number);
  const t = parts(target);
  const distance = (x: string) => {
    const p = parts(x);
    return Array.from({ length: Math.max(t.length, p.length) }, (_, i) => Math.abs((p[i] ?? 0) - (t[i] ?? 0)));
  };
  return [...new Set(versions)].sort((a, b) => {
    const da = distance(a);
    const db = distance(b);
    for (let i = 0; i < Math.max(da.length, db.length); i++) {
      const d = (da[i] ?? 0) - (db[i] ?? 0);
      if (d !== 0) return d;
    }
    return compareVersions(b, a);
  });
}

/** Why the platform refuses to create with `version`, or undefined (reference 4.11.6 datastore.version, 4.12.1). */
function versionRefusal(version: string, engine: unknown, versions: readonly string[]): string | undefined {
  // reference 4.11.6 table 4-496 version: "数据库引擎版本,参考查询数据库引擎的版本查询" — one of the versions 4.12.1 lists.
  // 4.12.1's example lists bare numbers ([1.0, 1.4, 2.0]), whose spelling ("1.0" or "1") does not survive JSON, so
  // versions equal as numbers match: refusing "1.0" against a listed 1.0 would be stricter than the platform.
  if (versions.some((x) => x === version || compareVersions(x, version) === 0)) return undefined;
  const dbmind = lower(engine) === "gaussdbv5-dbmind";
  return (
    `engineVersion: ${show(version)} is not offered by the platform; it offers ${nearestVersions(version, versions).join(", ") || "none"} (nearest first, reference 4.12.1). ` +
    (dbmind ? "Use one of them" : "Use one of them, or leave engineVersion out for the newest") +
    " (getEngineVersions lists them)"
  );
}

/** Hosts among `ips` that another instance holds (reference 4.9.1 status filter `in_use`). */
async function hostsTakenByOthers(client: Ctx["client"], ips: readonly string[], self: { id?: string; name?: string }): Promise<{ ip: string; by: string }[]> {
  if (!ips.length) return [];
  const inUse = await client.listAll(ops.hosts.list, { query: { status: "in_use" } });
  const out: { ip: string; by: string }[] = [];
  for (const ip of ips) {
    const h = inUse.find((x) => x.ip.manage_ip === ip && x.status === "in_use");
    if (!h) continue;
    // The instance itself (an update, or the replaced instance that is deleted first) and an instance of the same
    // name (adopt, or the create's own "already exists" refusal) do not count.
    if ((self.id && h.instance_id === self.id) || (self.name && h.instance_name === self.name)) continue;
    out.push({ ip, by: h.instance_name || h.instance_id || "another instance" });
  }
  return out;
}

function describeTaken(taken: readonly { ip: string; by: string }[]): string {
  const list = taken.map((t) => `${t.ip} (instance ${t.by})`).join(", ");
  // reference A.3 DBS.06025015 "所选主机已被占用" (the selected host is already taken).
  return `${list} ${taken.length > 1 ? "are" : "is"} in use by another instance (reference 4.11.6, DBS.06025015: a host belongs to one instance); choose free hosts (getHosts with status "initialized" lists them), or delete that instance first`;
}

/**
 * Refusals the platform would make when creating the instance from `i` that need live data: an engine version it
 * does not offer, hosts another instance holds. Skips unknown values and a platform that does not answer.
 * `self` names the instance being replaced (its hosts are freed first: deleteBeforeReplace).
 */
async function createRefusals(i: Bag, self: { id?: string; name?: string }): Promise<CheckFailure[]> {
  const out: CheckFailure[] = [];
  const version = i.engineVersion;
  const from = i.restoreFrom as RestoreFrom | undefined;
  if (from !== undefined && known(from) && !Object.values(from).includes(UNKNOWN)) {
    const sol = SOLUTION_NAMES.find((s) => s === lower(i.solution));
    const facts = await lookupForPreview(`restore of ${from.sourceInstanceId}`, () => restoreFacts(configuredClient(), { ...i, restoreFrom: from }, sol && SOLUTIONS[sol].family));
    out.push(...(facts?.failures ?? []));
  } else if (typeof version === "string" && known(version) && version && i.takeOver === undefined) {
    const versions = await offered(configuredClient);
    const why = versions && versionRefusal(version, i.engine, versions);
    if (why) out.push({ property: "engineVersion", reason: why });
  }
  const named = HOST_FIELDS.flatMap((f) => asList(i[f]).filter((ip) => ip !== UNKNOWN && isIP(ip) !== 0).map((ip) => ({ f, ip })));
  const ips = [...new Set(named.map((n) => n.ip))];
  const taken = ips.length ? await lookupForPreview("hosts in use", () => hostsTakenByOthers(configuredClient(), ips, self)) : undefined;
  for (const f of HOST_FIELDS) {
    const mine = (taken ?? []).filter((t) => named.some((n) => n.f === f && n.ip === t.ip));
    // Each host once: under the first field that names it.
    const first = mine.filter((t) => named.find((n) => n.ip === t.ip)?.f === f);
    if (first.length) out.push({ property: f, reason: `${f}: ${describeTaken(first)}` });
  }
  // reference 4.11.12: the hosts carry one database no instance manages (takeover.ts)
  if (i.takeOver !== undefined && !taken?.length && HOST_FIELDS.every((f) => known(i[f]))) out.push(...(await takeOverRefusals(configuredClient, hostsOf(i))));
  return out;
}

// ---------------------------------------------------------------- step execution

async function runStep(ctx: Ctx, id: string, s: Step): Promise<void> {
  const path = { instance_id: id };
  switch (s.kind) {
    case "shrink": {
      const live = await byId(ctx, id);
      if (!live) throw new TpopsError(`instance ${id} no longer exists; run pulumi refresh`);
      const nodeIds = s.removeIps.map((ip) => {
        const node = (live.nodes ?? []).find((n) => n.management_ip === ip);
        if (!node) throw new TpopsError(`no node of instance ${id} runs on host ${ip}; run pulumi refresh and check manageIps`);
        return node.id;
      });
      // reference 4.11.20: shrinking names the node ids to remove.
      const { job_id } = await ctx.client.call(ops.instances.changeSolution, { path, body: { solution: s.solution, node_id: nodeIds } });
      return waitJob(ctx, job_id, `changing solution to ${s.solution}, removing ${s.removeIps.join(", ")}`, "update");
    }
    case "grow": {
      // reference 4.11.20: growing names the manage IPs of the new hosts.
      const { job_id } = await ctx.client.call(ops.instances.changeSolution, { path, body: { solution: s.solution, manage_ip: s.addIps } });
      return waitJob(ctx, job_id, `changing solution to ${s.solution}, adding ${s.addIps.join(", ")}`, "update");
    }
    case "expand": {
      const { job_id } = await ctx.client.call(ops.instances.expand, { path, body: { expand_cluster: { nodes: { count: s.groups, manage_ip: s.addIps } } } });
      return waitJob(ctx, job_id, `expanding by ${s.groups} node group(s)`, "update");
    }
    case "upgrade": {
      const c = await upgradeOptions(ctx.client, id);
      if (c.source_version === s.to) return; // already there (an earlier attempt finished)
      await assertCandidate(ctx.client, id, ctx.label, s.to);
      const types = c.upgrade_type_list ?? [];
      const enabled = (t: string) => types.find((x) => x.upgrade_type === t)?.enable !== false;
      const greyAuto = types.find((x) => x.upgrade_type === "grey")?.upgrade_action_list?.find((a) => a.upgrade_action === "upgradeAutoCommit")?.enable === true;
      // reference 4.11.18: in-place upgrades take no action; grey ones need one, and upgradeAutoCommit finishes in one job.
      const body =
        enabled("inplace") || !greyAuto
          ? { target_version: s.to, upgrade_type: "inplace" as const }
          : { target_version: s.to, upgrade_type: "grey" as const, upgrade_action: "upgradeAutoCommit" as const };
      const { job_id } = await ctx.client.call(ops.instances.upgrade, { path, body });
      return waitJob(ctx, job_id, `upgrading ${s.from || "engine"} → ${s.to}`, "update");
    }
    case "mysqlPort": {
      // reference 4.11.21 opens the port; 4.11.22 moves it, or closes it with port 0.
      const res =
        s.from === 0 // -1: open with an unknown port (adopt), moved with 4.11.22
          ? await ctx.client.call(ops.instances.enableMysqlCompatibility, { path, body: { port: String(s.to) } })
          : await ctx.client.call(ops.instances.updateMysqlCompatibility, { path, body: { port: String(s.to) } });
      return waitJob(ctx, res.job_id, s.to === 0 ? "closing the M-compatibility port" : `setting the M-compatibility port to ${s.to}`, "update");
    }
  }
}

// ---------------------------------------------------------------- the definition

const isGone = (e: unknown) =>
  e instanceof TpopsApiError && (e.status === 404 || ["DBS.200002", "DBS.200602", "DBS.200044"].includes(e.errorCode ?? ""));

/** The Instance resource definition. */
export const instanceDefinition: ResourceDefinition<In, Out> = {
  kind: "Instance",
  meta: InstanceMeta,
  inputs: Inputs,
  autoName: {
    maxLength: 64,
    sanitize: (s) => {
      const x = s.replace(/[^A-Za-z0-9_-]/g, "-");
      return /^[A-Za-z]/.test(x) ? x : `db-${x}`;
    },
  },
  localOnly: LOCAL_ONLY,
  // Hosts cannot belong to two instances: the old instance must free them first.
  deleteBeforeReplace: true,
  defaultTimeouts: { create: "90m", update: "120m", delete: "60m" },
  describeKey: (i) => `name ${JSON.stringify(i.name)}`,
  isGone,

  async find(ctx, inputs) {
    return byName(ctx, inputs.name);
  },

  async create(ctx, inputs) {
    if (inputs.takeOver) return createByTakeOver(ctx, inputs, inputs.takeOver);
    if (inputs.password !== undefined) registerSecret(inputs.password);
    const version = inputs.restoreFrom ? await restoredVersion(ctx, inputs, inputs.restoreFrom) : (inputs.engineVersion ?? (await latestVersion(ctx)));
    const { base } = createHosts(inputs);
    // A lost reply is decided by the unique name: found means created (nothing orphaned), absent means send again.
    const r = await createIdempotently(ctx, () => ctx.client.call(ops.instances.create, { body: createBody(inputs, version, base) }), () => byName(ctx, inputs.name));
    if ("sent" in r) return finishCreate(ctx, inputs, r.sent.instance_id, version, r.sent.job_id);
    return finishCreate(ctx, inputs, r.found.id, version);
  },

  // An instance an interrupted run created: wait for it like the run that created it would have.
  async resume(ctx, id, inputs) {
    if (inputs.password !== undefined) registerSecret(inputs.password);
    if (inputs.takeOver) registerSecret(inputs.takeOver.manageUserPassword);
    const live = await byId(ctx, id);
    const version = live?.datastore?.version ?? inputs.engineVersion ?? (await latestVersion(ctx));
    const joined = new Set((live?.nodes ?? []).map((n) => n.management_ip ?? ""));
    return (await finishCreate(ctx, inputs, id, version, undefined, joined)).outs;
  },

  async read(ctx, id, state) {
    const live = await byId(ctx, id);
    return live && toOutputs(live, state as Bag);
  },

  async update(ctx, id, olds, news) {
    const plan = planChanges(olds as unknown as Bag, news as unknown as Bag);
    if (plan.replaces.length) throw new TpopsError(`${plan.replaces.join(", ")} cannot change in place; this needs a replacement (report this as a bug)`);
    for (const step of plan.steps) await runStep(ctx, id, step);
    const live = await byId(ctx, id);
    if (!live) throw new TpopsError(`instance ${id} disappeared during the update`);
    const merged: Bag = { ...(olds as unknown as Bag), ...(news as unknown as Bag) };
    // The platform does not report AZ lists (4.11.8): after the change the state holds what the program says,
    // so a list the program dropped (e.g. masterAzIps when growing triset to pentaset) is gone from state too.
    for (const f of HOST_FIELDS) if ((news as unknown as Bag)[f] === undefined) delete merged[f];
    return toOutputs(live, merged);
  },

  async delete(ctx, id, state) {
    const d = (state.deletion ?? {}) as { clearData?: boolean; keepFullBackupDays?: number; keepDifferentialBackupDays?: number };
    // A database taken over (takeOver, 4.11.13) was not installed by TPOPS: unmanaged unless clearData is true.
    const takenOver = state.takenOver === true || state.takeOver !== undefined;
    const clear = d.clearData ?? !takenOver;
    if (takenOver) {
      ctx.warn(
        clear
          ? "uninstalling the database this stack took over from its hosts (deletion.clearData: true): its data is removed (reference 4.11.5 clear_data true)"
          : `unmanaging the database this stack took over (reference 4.11.5 clear_data false): it keeps running on ${hostsOf(state as unknown as Bag).join(", ") || "its hosts"}, which await management again (status unmanaged); set deletion.clearData: true to uninstall it instead`,
      );
    }
    if (state.rdsAdminPassword) registerSecret(String(state.rdsAdminPassword));
    // reference 4.11.5 rds_admin_password is required only "未传clear_data且未传is_force_remove_instance场景"; both are sent,
    // so unmanaging without it is accepted (check warned that rdsAdmin then keeps its old password).
    if (!clear && !state.rdsAdminPassword) ctx.progress("unmanaging without rdsAdminPassword: rdsAdmin keeps the password TPOPS set");
    const body = {
      clear_data: clear,
      is_force_remove_instance: false,
      keep_db_backup: d.keepFullBackupDays ?? 0,
      keep_difference_backup: d.keepDifferentialBackupDays ?? 0,
      ...(!clear && state.rdsAdminPassword ? { rds_admin_password: String(state.rdsAdminPassword) } : {}),
    };
    const { job_id } = await ctx.client.call(ops.instances.delete, { path: { instance_id: id }, body });
    // The job frees the hosts (reference 4.11.5), so dependent Host deletes may follow only after it.
    await waitJob(ctx, job_id, clear ? "uninstalling the database" : "unmanaging the instance", "delete");
  },
};

const base = makeProvider(instanceDefinition);

const strip = stripKeys;

/** Instance provider methods: the framework's, with cross-field checks, host-aware diff and adopt. */
export const instance: ProviderImpl = {
  ...base,

  async check(olds, news) {
    const r = await base.check(olds, news);
    const warned = warnings(r.inputs ?? {});
    // A host named twice is one host: sent and recorded once (warned), so state and program compare equal.
    const inputs = uniqueHosts(r.inputs ?? {});
    const failures = [...(r.failures ?? []), ...crossCheck(inputs), ...creationProblems(inputs, strip(olds))];
    const prev = olds.engineVersion;
    const next = inputs.engineVersion;
    const dotted = (x: string) => /^\d+(\.\d+)*$/.test(x);
    // reference 4.11.17 upgrade_candidate_versions "可升级版本": only upgrades, so an older version is never a candidate.
    if (typeof prev === "string" && typeof next === "string" && known(prev) && known(next) && dotted(next) && dotted(prev) && compareVersions(next, prev) < 0) {
      failures.push({
        property: "engineVersion",
        reason: `engineVersion: ${show(next)} is older than ${show(prev)}; downgrades are not possible (reference 4.11.17 offers only upgrades). Keep ${prev}, or replace the instance`,
      });
    }
    // A create (no old inputs): refusals the platform would make at create time that need its data, decided now
    // rather than after the program's hosts were added. Updates are decided by diff (a replacement is a create too).
    // Input errors come first: a program that the reference's rules already refuse costs no API call.
    const creating = Object.keys(strip(olds)).length === 0;
    if (creating && !failures.length) {
      const flagged = new Set(failures.map((f) => f.property.split(".")[0]));
      const live = await createRefusals(inputs, { name: typeof inputs.name === "string" ? inputs.name : undefined });
      failures.push(...live.filter((f) => !flagged.has(f.property)));
    }
    printWarnings("Instance", news, warned.filter((w) => !failures.some((f) => f.property === w.property)));
    return failures.length ? { inputs, failures } : { inputs };
  },

  async diff(id, oldsRaw, newsRaw) {
    const olds = strip(oldsRaw);
    const news = strip(newsRaw);
    if (String(olds.status ?? "").toUpperCase() === "FAILED") {
      // A FAILED instance (e.g. its create job failed: a partial create) cannot be repaired through the API;
      // the next up replaces it, deleting it first so its hosts are freed for the new one.
      await refuseReplacement(id, olds, news);
      return { changes: true, replaces: ["name"], deleteBeforeReplace: true };
    }
    const plan = planChanges(olds, news);
    if (!plan.replaces.length && plan.steps.length && !plan.unknown) {
      const port = typeof olds.port === "number" ? olds.port : DEFAULT_DB_PORT;
      await validateSteps(configuredClient(), id, String(olds.name ?? id), plan.steps, port);
    }
    const takenOverWhy = plan.replaces.length ? takeOverReplacementRefusal(String(olds.name ?? id), olds, news, plan.replaces) : undefined;
    if (takenOverWhy) throw new TpopsError(takenOverWhy);
    if (plan.replaces.length) await refuseReplacement(id, olds, news);
    return { changes: plan.changed.length > 0, replaces: plan.replaces, deleteBeforeReplace: plan.replaces.length > 0 };
  },

  async create(props) {
    if (props.adopt !== true) return base.create(props);
    return adoptInstance(props);
  },

  async update(id, olds, news) {
    // The engine retries a partial create through update; a FAILED instance cannot be repaired by the API.
    const live = await byId({ client: configuredClient() }, id).catch(() => undefined);
    if (live?.status === "FAILED") {
      throw new TpopsError(
        `Instance ${String(olds.name ?? id)}: instance ${id} is FAILED on the platform (for example its create job failed) and cannot be updated. ` +
          `Replace it with pulumi up --replace <this instance's URN>, or repair it on the platform and run pulumi refresh`,
      );
    }
    return base.update(id, olds, news);
  },
};

/** A replacement creates a new instance: the create-time refusals apply to it (its predecessor's hosts are freed first). */
async function refuseReplacement(id: string, olds: Bag, news: Bag): Promise<void> {
  const failures = await createRefusals(news, { id, name: typeof news.name === "string" ? news.name : undefined });
  if (failures.length) {
    throw new TpopsError(`Instance ${String(olds.name ?? id)}: the replacement cannot be created: ${failures.map((f) => f.reason).join("; ")}`);
  }
}

/** Takes over an instance with the same name: compares what the platform reports, then applies in-place steps. */
async function adoptInstance(props: Bag): Promise<{ id: string; outs: Bag }> {
  const inputs = strip(props) as unknown as In;
  const ctx: Ctx = resourceContext(instanceDefinition, props, inputs as unknown as Bag, String(inputs.name), configuredClient());
  const label = ctx.label;
  const live = await byName(ctx, inputs.name);
  if (!live) return base.create(props);
  ctx.warn(`adopting the existing instance ${live.id} (name ${JSON.stringify(inputs.name)}): it is managed by this stack from now on, and deleted by pulumi destroy`);
  // Only what reference 4.11.8 reports can be compared; the other inputs are taken as the program states them.
  const liveHosts = (live.nodes ?? []).map((n) => n.management_ip ?? "").filter(Boolean);
  const mismatches: string[] = [];
  if (liveHosts.length && !sameSet(liveHosts, hostsOf(inputs as unknown as Bag))) {
    mismatches.push(`its hosts are ${liveHosts.join(", ")} on the platform but ${hostsOf(inputs as unknown as Bag).join(", ")} in the program`);
  }
  if (inputs.port !== undefined && live.port != null && live.port !== inputs.port) mismatches.push(`port is ${live.port} on the platform but ${inputs.port} in the program`);
  if (inputs.timeZone !== undefined && live.time_zone && live.time_zone !== inputs.timeZone) mismatches.push(`timeZone is ${live.time_zone} on the platform but ${inputs.timeZone} in the program`);
  if (mismatches.length) {
    throw new TpopsError(`${label}: cannot adopt instance ${live.id}: ${mismatches.join("; ")}. These cannot change in place; make the program match the platform`);
  }
  const current = toOutputs(live, { ...inputs, engineVersion: live.datastore?.version, mysqlCompatibilityPort: 0 }) as unknown as Bag;
  const steps: Step[] = [];
  const liveVersion = live.datastore?.version;
  if (inputs.engineVersion && liveVersion && inputs.engineVersion !== liveVersion) {
    await validateSteps(ctx.client, live.id, inputs.name, [{ kind: "upgrade", from: liveVersion, to: inputs.engineVersion }], live.port ?? DEFAULT_DB_PORT);
    steps.push({ kind: "upgrade", from: liveVersion, to: inputs.engineVersion });
  }
  // reference 4.11.8 does not report the M-compatibility port: opening it is attempted, moving it is not knowable.
  if (inputs.mysqlCompatibilityPort !== 0) steps.push({ kind: "mysqlPort", from: 0, to: inputs.mysqlCompatibilityPort });
  try {
    for (const s of steps) {
      if (s.kind !== "mysqlPort") await runStep(ctx, live.id, s);
      else await runStep(ctx, live.id, s).catch((e: unknown) => {
        // Already open on another port: 4.11.21 refuses, 4.11.22 moves it.
        if (e instanceof TpopsApiError && e.status === 400) return runStep(ctx, live.id, { ...s, from: -1 });
        throw e;
      });
    }
  } catch (e) {
    if (e instanceof Error) e.message = `${label}: ${e.message}`;
    throw e;
  }
  const after = (await byId(ctx, live.id)) ?? live;
  const outs = toOutputs(after, { ...current, ...inputs, engineVersion: after.datastore?.version ?? liveVersion }) as unknown as Bag;
  // The auto-name prefix travels in state like the framework's own creates (keeps generated names stable).
  const prefix = Object.fromEntries([AUTO_NAME_KEY, URN_KEY].filter((k) => props[k] !== undefined).map((k) => [k, props[k]]));
  return { id: live.id, outs: { ...outs, adopt: true, ...prefix } };
}
