/**
 * Instance (reference 4.11.5–4.11.22, 4.12.1): create and delete are platform jobs; engine upgrades, the
 * triset↔pentaset solution changes, expansion of distributed instances and the M-compatibility port change in
 * place, each waiting for its job; every other change replaces the instance (old one deleted first).
 */
import { isIPv4 } from "node:net";
import { z } from "zod";
import { ops, registerSecret, TpopsApiError, TpopsError, type Instance as ApiInstance } from "../client";
import { waitUntilInstanceStatus, waitUntilJobDone } from "../waiters";
import { client as configuredClient, providerLog } from "../config";
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
} from "./framework";
import { lookupForPreview } from "./live";
import { InstanceMeta, type InstanceNode, type InstanceOutputs } from "./schema.gen";

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

// Reading: GaussDB's password rule (reference 4.4 role passwords: three of four character classes, at least
// 8 characters; 4.11.6's example Gauss_234 adds `_`); at most 32 as for the login password (4.1.1).
const PASSWORD_SPECIALS = "~!@#$%^&*()-_=+\\|[{}];:,<.>/?";

/** Why a database password is too weak, or undefined. */
export function passwordProblem(pw: string, user: string): string | undefined {
  if (pw.length < 8 || pw.length > 32) return "must be 8 to 32 characters long";
  if ([...pw].some((ch) => !/[A-Za-z0-9]/.test(ch) && !PASSWORD_SPECIALS.includes(ch))) {
    return `may contain only letters, digits and ${PASSWORD_SPECIALS}; remove other characters`;
  }
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  if (classes < 3) return "must contain three of: upper-case letters, lower-case letters, digits, special characters; add the missing kinds";
  const lower = pw.toLowerCase();
  if (lower.includes(user) || lower.includes([...user].reverse().join(""))) return `must not contain the user name ${user} or its reverse; choose another`;
  return undefined;
}

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

const ipList = z.array(v.ipv4());
const absDir = z.string().refine((s) => /^\/[A-Za-z0-9._/-]*$/.test(s), { error: "is not an absolute directory; use a path such as /opt/gaussdb" });
const DIR_KEYS = { installDir: "install_dir", logDir: "log_dir", dnDir: "dn_dir", etcdDir: "etcd_dir" } as const;

const Inputs = z
  .object({
    adopt: z.boolean().optional(),
    arbiterAzIps: ipList.optional(),
    arch: v.oneOf(["X86", "ARM"]),
    configurationId: z.string().min(1, { error: "is empty; give a parameter template id or leave it out" }).optional(),
    cpuSpec: v.oneOf(["Intel", "Kunpeng", "Hygon"]),
    deletion: z
      .strictObject(
        { clearData: z.boolean().optional(), keepDifferentialBackupDays: v.int(0, 732).optional(), keepFullBackupDays: v.int(0, 732).optional() },
        { error: "has unknown keys; use clearData, keepFullBackupDays and keepDifferentialBackupDays" },
      )
      .optional(),
    engine: v.oneOf(["GaussDB", "gaussdbv5-dbmind"]),
    engineVersion: z.string().refine((s) => /^\d+(\.\d+)*$/.test(s), { error: "is not a version such as 3.200.0" }).optional(),
    floatIp: v.ipv4().optional(),
    ha: z
      .strictObject(
        {
          consistency: v.oneOf(["strong", "eventual"]).optional(),
          consistencyProtocol: v.oneOf(["quorum", "paxos"]).optional(),
          mode: v.oneOf(["centralization_standard", "combined"]).optional(),
          replicationMode: v.oneOf(["sync"]).optional(),
        },
        { error: "has unknown keys; use mode, consistency, replicationMode and consistencyProtocol" },
      )
      .optional(),
    hostType: v.oneOf(["BMS"]),
    installSettings: z
      .strictObject(
        {
          componentDistributions: z.array(z.strictObject({ component: z.string().min(1, { error: "is empty; name the component" }), ip: v.ipv4() })).optional(),
          dirs: z
            .strictObject(
              { installDir: absDir.optional(), logDir: absDir.optional(), dnDir: absDir.optional(), etcdDir: absDir.optional() },
              { error: "has unknown keys; use installDir, logDir, dnDir and etcdDir" },
            )
            .optional(),
        },
        { error: "has unknown keys; use dirs and componentDistributions" },
      )
      .optional(),
    loggerAzIps: ipList.optional(),
    manageIps: ipList,
    masterAzIps: ipList.optional(),
    mysqlCompatibilityPort: z
      .number()
      .int({ error: "is not a whole number" })
      .refine((p) => p === 0 || (p >= 1024 && p <= 39989), { error: "is outside 1024-39989; use a port in that range, or 0 to keep it closed" })
      .refine((p) => !isReserved(p), { error: `is reserved by TPOPS (${RESERVED_TEXT}); choose another port` }),
    name: z
      .string()
      .refine((s) => /^[A-Za-z][A-Za-z0-9_-]{3,63}$/.test(s), { error: "is not a valid instance name; use 4-64 characters: a letter, then letters, digits, - or _" }),
    osType: v.oneOf(["Kylin", "UnionTech"]),
    password: z.string().superRefine((pw, ctx) => {
      const why = passwordProblem(pw, "root");
      if (why) ctx.addIssue({ code: "custom", message: why, input: pw });
    }),
    port: v
      .int(1024, 39989)
      .refine((p) => !isReserved(p), { error: `is reserved by TPOPS (${RESERVED_TEXT}); choose another port` })
      .optional(),
    rdsAdminPassword: z
      .string()
      .superRefine((pw, ctx) => {
        const why = passwordProblem(pw, "rdsadmin");
        if (why) ctx.addIssue({ code: "custom", message: why, input: pw });
      })
      .optional(),
    slaveAzIps: ipList.optional(),
    solution: v.oneOf(SOLUTION_NAMES),
    timeZone: z
      .string()
      .refine((s) => /^UTC[+-](0\d|1[0-4]):(00|30|45)$/.test(s), { error: "is not a time zone such as UTC+08:00" })
      .optional(),
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
      if (!(spec.azLists as readonly string[]).includes(list)) {
        fail(list, `${show(ips)} is not accepted by solution ${solution}; only ${solutionsAccepting(list).join(", ")} take ${list} (reference 4.11.6). Remove it and list the hosts in manageIps`);
      }
    }
    const arbiter = asList(i.arbiterAzIps);
    if (known(i.arbiterAzIps) && arbiter.length > 1) fail("arbiterAzIps", `${show(arbiter)} names ${arbiter.length} hosts; the arbiter AZ holds exactly one host`);
    if (hostsKnown) {
      for (const f of HOST_FIELDS) {
        const ips = asList(i[f]);
        const dup = ips.find((ip, k) => ips.indexOf(ip) !== k);
        if (dup) fail(f, `${show(ips)} lists ${dup} twice; name each host once`);
      }
      const owner = new Map<string, AzList>();
      for (const list of AZ_LISTS) {
        for (const ip of asList(i[list])) {
          const prev = owner.get(ip);
          if (prev && prev !== list) fail(list, `${ip} is already in ${prev}; a host belongs to one AZ`);
          owner.set(ip, list);
        }
      }
      const n = hostsOf(i).length;
      const need = spec.hosts;
      if (spec.family === "distributed") {
        // reference 4.11.15: a distributed instance grows by whole node groups of the solution's size.
        if (n < need || (n - need) % need !== 0) {
          fail("manageIps", `names ${n} host(s) (manageIps plus the AZ lists) but solution ${solution} needs ${need}, or ${need} plus whole node groups of ${need} (expansion); list ${n < need ? need : n - ((n - need) % need)} hosts`);
        }
      } else if (n !== need) {
        fail("manageIps", `names ${n} host(s) (manageIps plus the AZ lists) but solution ${solution} needs exactly ${need}; list ${need} hosts`);
      }
    }
    const ha = (i.ha ?? {}) as Bag;
    if (known(i.ha) && known(ha.mode) && ha.mode !== undefined) {
      const want = spec.family === "distributed" ? "combined" : "centralization_standard";
      if (lower(ha.mode) !== want) fail("ha.mode", `${show(ha.mode)} does not fit solution ${solution} (${spec.family}); use ${want}, or leave ha.mode out`);
    }
    if (spec.noEtcd && known(i.ha) && known(ha.consistencyProtocol) && ha.consistencyProtocol !== undefined && lower(ha.consistencyProtocol) !== "paxos") {
      fail("ha.consistencyProtocol", `${show(ha.consistencyProtocol)} is not supported by ${solution}; the noetcd solutions support only paxos (reference 4.11.6)`);
    }
    if (typeof i.floatIp === "string" && known(i.floatIp)) {
      if (spec.family !== "centralized" || spec.hosts === 1) {
        fail("floatIp", `${show(i.floatIp)} is not available for solution ${solution}; floating IPs exist only for multi-node centralized solutions (reference 4.11.6). Remove it`);
      } else if (hostsKnown && hostsOf(i).includes(i.floatIp)) {
        fail("floatIp", `${show(i.floatIp)} is one of the instance's hosts; use a free address`);
      }
    }
  }
  const cpu = lower(i.cpuSpec);
  const arch = lower(i.arch);
  if (cpu && arch && known(i.cpuSpec) && known(i.arch) && ["intel", "kunpeng", "hygon"].includes(cpu) && ["x86", "arm"].includes(arch)) {
    // Kunpeng CPUs are ARM; Intel and Hygon CPUs are x86.
    const want = cpu === "kunpeng" ? "ARM" : "X86";
    if (arch !== want.toLowerCase()) fail("arch", `${show(i.arch)} does not match cpuSpec ${show(i.cpuSpec)}; use ${want}`);
  }
  const mport = i.mysqlCompatibilityPort;
  const port = i.port === undefined ? DEFAULT_DB_PORT : i.port;
  if (typeof mport === "number" && mport !== 0 && typeof port === "number" && mport >= port && mport <= port + 10) {
    fail("mysqlCompatibilityPort", `${mport} lies in [port, port+10] = [${port}, ${port + 10}], which the database uses (reference 4.11.21); choose a port outside it`);
  }
  const deletion = (i.deletion ?? {}) as Bag;
  if (known(i.deletion) && deletion.clearData === false && i.rdsAdminPassword === undefined) {
    fail("rdsAdminPassword", "is required when deletion.clearData is false: unmanaging an instance resets the rdsAdmin password (reference 4.11.5); set rdsAdminPassword (secret) or leave clearData true");
  }
  if (lower(i.engine) === "gaussdbv5-dbmind" && i.engineVersion === undefined) {
    fail("engineVersion", "is required for gaussdbv5-dbmind instances (reference 4.11.6 table 4-496); name the version");
  }
  const comps = ((i.installSettings ?? {}) as Bag).componentDistributions;
  if (Array.isArray(comps) && hostsKnown && known(i.installSettings)) {
    const hosts = hostsOf(i);
    comps.forEach((c: Bag, k) => {
      if (typeof c?.ip === "string" && known(c.ip) && !hosts.includes(c.ip)) {
        fail(`installSettings.componentDistributions[${k}].ip`, `${show(c.ip)} is not one of the instance's hosts; use one of ${hosts.join(", ")}`);
      }
    });
  }
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

function createBody(i: In, version: string, base: readonly string[]) {
  const dirs = i.installSettings?.dirs;
  const dirSettings = dirs ? Object.entries(DIR_KEYS).flatMap(([k, apiName]) => (dirs[k as keyof typeof dirs] ? [{ dir_name: apiName, dir: dirs[k as keyof typeof dirs] as string }] : [])) : [];
  const comps = i.installSettings?.componentDistributions ?? [];
  const az = (l: AzList) => (i[l]?.length ? { [l.replace(/AzIps$/, "_az_ip")]: [...(i[l] ?? [])] } : {});
  return {
    name: i.name,
    os_type: i.osType,
    datastore: { type: i.engine, version },
    host_type: i.hostType,
    cpu_spec: i.cpuSpec,
    arch: i.arch,
    ha: { mode: i.ha.mode, consistency: i.ha.consistency, replication_mode: i.ha.replicationMode, consistency_protocol: i.ha.consistencyProtocol },
    solution: i.solution,
    ...(i.port !== undefined ? { port: String(i.port) } : {}),
    password: i.password,
    manage_ip: i.manageIps.filter((ip) => base.includes(ip)),
    ...az("masterAzIps"),
    ...az("slaveAzIps"),
    ...az("arbiterAzIps"),
    ...az("loggerAzIps"),
    ...(i.floatIp ? { float_ip: i.floatIp } : {}),
    ...(i.configurationId ? { configuration_id: i.configurationId } : {}),
    ...(i.timeZone ? { time_zone: i.timeZone } : {}),
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
    if (jobId) await waitJob(ctx, jobId, "installing the database", "create");
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
    if (inputs.mysqlCompatibilityPort !== 0) await runStep(ctx, id, { kind: "mysqlPort", from: 0, to: inputs.mysqlCompatibilityPort });
    const live = await byId(ctx, id);
    if (!live) throw new TpopsError(`instance ${id} is not listed after its create job completed`);
    return { id, outs: toOutputs(live, state) };
  } catch (e) {
    const live = await byId(ctx, id).catch(() => undefined);
    const partial = toOutputs(live ?? last, { ...state, mysqlCompatibilityPort: 0 });
    throw new PartialCreateError(id, { ...partial, status: live?.status ?? "FAILED" }, e);
  }
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

// ---------------------------------------------------------------- change planning

/** One in-place change and the job that carries it out. */
export type Step =
  | { kind: "shrink"; solution: SolutionName; removeIps: string[] }
  | { kind: "upgrade"; from: string; to: string }
  | { kind: "grow"; solution: SolutionName; addIps: string[] }
  | { kind: "expand"; addIps: string[]; groups: number }
  | { kind: "mysqlPort"; from: number; to: number };

const LOCAL_ONLY = ["adopt", "timeouts", "deletion", "rdsAdminPassword"];
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
    `Upgrade to a listed version first, one step per pulumi up`
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
    (dbmind ? "Use one of them" : "Use one of them, or leave engineVersion out for the newest")
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
  return `${list} ${taken.length > 1 ? "are" : "is"} in use by another instance (reference 4.11.6, DBS.06025015: a host belongs to one instance); choose free hosts, or delete that instance first`;
}

/**
 * Refusals the platform would make when creating the instance from `i` that need live data: an engine version it
 * does not offer, hosts another instance holds. Skips unknown values and a platform that does not answer.
 * `self` names the instance being replaced (its hosts are freed first: deleteBeforeReplace).
 */
async function createRefusals(i: Bag, self: { id?: string; name?: string }): Promise<CheckFailure[]> {
  const out: CheckFailure[] = [];
  const version = i.engineVersion;
  if (typeof version === "string" && known(version) && /^\d+(\.\d+)*$/.test(version)) {
    const versions = await offered(configuredClient);
    const why = versions && versionRefusal(version, i.engine, versions);
    if (why) out.push({ property: "engineVersion", reason: why });
  }
  const named = HOST_FIELDS.flatMap((f) => asList(i[f]).filter((ip) => ip !== UNKNOWN && isIPv4(ip)).map((ip) => ({ f, ip })));
  const ips = [...new Set(named.map((n) => n.ip))];
  const taken = ips.length ? await lookupForPreview("hosts in use", () => hostsTakenByOthers(configuredClient(), ips, self)) : undefined;
  for (const f of HOST_FIELDS) {
    const mine = (taken ?? []).filter((t) => named.some((n) => n.f === f && n.ip === t.ip));
    // Each host once: under the first field that names it.
    const first = mine.filter((t) => named.find((n) => n.ip === t.ip)?.f === f);
    if (first.length) out.push({ property: f, reason: `${f}: ${describeTaken(first)}` });
  }
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
    registerSecret(inputs.password);
    const version = inputs.engineVersion ?? (await latestVersion(ctx));
    const { base } = createHosts(inputs);
    // A lost reply is decided by the unique name: found means created (nothing orphaned), absent means send again.
    const r = await createIdempotently(ctx, () => ctx.client.call(ops.instances.create, { body: createBody(inputs, version, base) }), () => byName(ctx, inputs.name));
    if ("sent" in r) return finishCreate(ctx, inputs, r.sent.instance_id, version, r.sent.job_id);
    return finishCreate(ctx, inputs, r.found.id, version);
  },

  // An instance an interrupted run created: wait for it like the run that created it would have.
  async resume(ctx, id, inputs) {
    registerSecret(inputs.password);
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
    const clear = d.clearData !== false;
    if (!clear && !state.rdsAdminPassword) {
      throw new TpopsError("deletion.clearData is false (unmanage) but rdsAdminPassword is not set; set it and run pulumi up before destroying (reference 4.11.5)");
    }
    if (state.rdsAdminPassword) registerSecret(String(state.rdsAdminPassword));
    const body = {
      clear_data: clear,
      is_force_remove_instance: false,
      keep_db_backup: d.keepFullBackupDays ?? 0,
      keep_difference_backup: d.keepDifferentialBackupDays ?? 0,
      ...(clear ? {} : { rds_admin_password: String(state.rdsAdminPassword) }),
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
    const inputs = r.inputs ?? {};
    const failures = [...(r.failures ?? []), ...crossCheck(inputs)];
    const prev = olds.engineVersion;
    const next = inputs.engineVersion;
    if (typeof prev === "string" && typeof next === "string" && known(prev) && known(next) && /^\d+(\.\d+)*$/.test(next) && compareVersions(next, prev) < 0) {
      failures.push({
        property: "engineVersion",
        reason: `engineVersion: ${show(next)} is older than ${show(prev)}; downgrades are not possible (reference 4.11.17 offers only upgrades). Keep ${prev}, or replace the instance`,
      });
    }
    // A create (no old inputs): refusals the platform would make at create time that need its data, decided now
    // rather than after the program's hosts were added. Updates are decided by diff (a replacement is a create too).
    const creating = Object.keys(strip(olds)).length === 0;
    if (creating) {
      const flagged = new Set(failures.map((f) => f.property.split(".")[0]));
      const live = await createRefusals(inputs, { name: typeof inputs.name === "string" ? inputs.name : undefined });
      failures.push(...live.filter((f) => !flagged.has(f.property)));
    }
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
