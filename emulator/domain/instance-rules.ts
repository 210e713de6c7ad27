import { compareVersions, isEngineVersion, latestVersion, type EngineVersion } from "./engine-versions";
import { AZ_LIST_NAMES, SOLUTIONS, isSolutionName, noEtcdCounterpart, type AzListName, type SolutionName, type SolutionSpec } from "./solutions";

/** A refused request: the DBS code of appendix A.3, the offending field and an English detail. */
export interface Violation {
  readonly code: string;
  readonly field: string;
  readonly detail: string;
}

/** A successful check carrying a value, or a violation. */
export type Checked<T> = { ok: true; value: T } | { ok: false; violation: Violation };

const fail = (code: string, field: string, detail: string): { ok: false; violation: Violation } => ({
  ok: false,
  violation: { code, field, detail },
});

// reference 4.11.6 `port`: 2378~2380、2400、4999~5001、5100、5500、5999~6001、6009~6010、6500、8015、8097、8098、
// 8181、9090、9100、9180、9187、9200、12016、12017、20049、20050、21731、21732、32122~32126、39001 are taken by the system.
/** Ports the platform reserves, as inclusive ranges (reference 4.11.6 / 4.11.21). */
export const RESERVED_PORT_RANGES: readonly (readonly [number, number])[] = [
  [2378, 2380], [2400, 2400], [4999, 5001], [5100, 5100], [5500, 5500], [5999, 6001], [6009, 6010],
  [6500, 6500], [8015, 8015], [8097, 8098], [8181, 8181], [9090, 9090], [9100, 9100], [9180, 9180],
  [9187, 9187], [9200, 9200], [12016, 12017], [20049, 20050], [21731, 21732], [32122, 32126], [39001, 39001],
];

/** Lowest and highest settable database port (reference 4.11.6: 1024~39989). */
export const PORT_MIN = 1024;
/** Highest settable database port. */
export const PORT_MAX = 39989;
/** The database port used when a create request omits `port`. */
export const DEFAULT_PORT = 8000;

/** True when the platform reserves `port`. */
export function isReservedPort(port: number): boolean {
  return RESERVED_PORT_RANGES.some(([lo, hi]) => port >= lo && port <= hi);
}

/** Parses a port given as a digit string or an integer (the reference's examples use both). */
export function parsePort(raw: unknown, field: string): Checked<number> {
  const n = typeof raw === "number" ? raw : typeof raw === "string" && /^\d{1,5}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!Number.isInteger(n)) return fail("DBS.200001", field, `${JSON.stringify(raw)} is not a port number`);
  return { ok: true, value: n };
}

/** Checks a database port: range 1024–39989 and not reserved (reference 4.11.6). */
export function checkDbPort(raw: unknown): Checked<number> {
  if (raw === undefined || raw === null || raw === "") return { ok: true, value: DEFAULT_PORT };
  const p = parsePort(raw, "port");
  if (!p.ok) return p;
  if (p.value < PORT_MIN || p.value > PORT_MAX) return fail("DBS.200001", "port", `${p.value} is outside ${PORT_MIN}-${PORT_MAX}`);
  if (isReservedPort(p.value)) return fail("DBS.200001", "port", `${p.value} is reserved by the system`);
  return p;
}

/**
 * Checks an M-compatibility port (reference 4.11.21/4.11.22): 1024–39989 (0 = close, PUT only), not reserved,
 * not in [db port, db port + 10].
 */
export function checkMysqlPort(raw: unknown, dbPort: number, allowZero: boolean): Checked<number> {
  if (raw === undefined || raw === null || raw === "") return fail("DBS.200001", "port", "is required");
  const p = parsePort(raw, "port");
  if (!p.ok) return p;
  if (p.value === 0 && allowZero) return p;
  if (p.value < PORT_MIN || p.value > PORT_MAX) {
    return fail("DBS.200001", "port", `${p.value} is outside ${allowZero ? "0 or " : ""}${PORT_MIN}-${PORT_MAX}`);
  }
  if (isReservedPort(p.value)) return fail("DBS.200001", "port", `${p.value} is reserved by the system`);
  if (p.value >= dbPort && p.value <= dbPort + 10) {
    return fail("DBS.200001", "port", `${p.value} collides with the database port range [${dbPort}, ${dbPort + 10}]`);
  }
  return p;
}

// Reading: the root password follows GaussDB's rule (4.4.x role passwords): 8–32 characters, three of
// upper/lower/digit/special; specials are that section's set plus `-` and `_` (4.11.6's example uses Gauss_234).
/** Special characters a database password may contain. */
export const PASSWORD_SPECIALS = "~!@#$%^&*()-_=+[{}];:,<.>/?";

const WEAK_PASSWORDS = new Set(["gauss@123", "gauss_123", "gauss#123", "huawei@123", "huawei_123", "admin@123", "admin_123", "password@123", "passw0rd!", "test@1234", "abc@1234"]);

/** Checks a database password; `code` is the code for a malformed one (weak ones are DBS.200068). */
export function checkPassword(pw: unknown, field = "password", code = "DBS.200052", user = "root"): Violation | null {
  if (typeof pw !== "string" || pw.length === 0) return { code, field, detail: "is required" };
  if (pw.length < 8 || pw.length > 32) return { code, field, detail: "must be 8 to 32 characters long" };
  for (const ch of pw) {
    if (!/[A-Za-z0-9]/.test(ch) && !PASSWORD_SPECIALS.includes(ch)) {
      return { code, field, detail: `contains a character outside letters, digits and ${PASSWORD_SPECIALS}` };
    }
  }
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  if (classes < 3) return { code, field, detail: "must contain three of: upper-case letters, lower-case letters, digits, special characters" };
  const lower = pw.toLowerCase();
  const reversedUser = [...user].reverse().join("");
  if (lower.includes(user) || lower.includes(reversedUser)) {
    return { code: "DBS.200068", field, detail: `must not contain the user name ${user} or its reverse` };
  }
  if (WEAK_PASSWORDS.has(lower)) return { code: "DBS.200068", field, detail: "is in the weak-password dictionary" };
  return null;
}

// Reading: 4.11.6 does not spell out the name rule; we use the rule the reference gives backup names
// (4.2.7): 4–64 characters, starting with a letter, letters/digits/hyphens/underscores.
/** Checks an instance name (DBS.200021). */
export function checkInstanceName(name: unknown): Violation | null {
  if (typeof name !== "string" || !/^[A-Za-z][A-Za-z0-9_-]{3,63}$/.test(name)) {
    return { code: "DBS.200021", field: "name", detail: "must be 4 to 64 characters: a letter, then letters, digits, hyphens or underscores" };
  }
  return null;
}

/** True for a dotted-quad IPv4 address. */
export function isIpv4(s: unknown): s is string {
  if (typeof s !== "string") return false;
  const parts = s.split(".");
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

const enumCi = <T extends string>(raw: unknown, values: readonly T[]): T | undefined =>
  typeof raw === "string" ? values.find((v) => v.toLowerCase() === raw.trim().toLowerCase()) : undefined;

/** The canonical operating-system names (reference 4.11.6 `os_type`, case-insensitive). */
export const OS_TYPES = ["Kylin", "UnionTech"] as const;
/** The canonical CPU vendors (reference 4.11.6 `cpu_spec`, case-insensitive). */
export const CPU_SPECS = ["Intel", "Kunpeng", "Hygon"] as const;
/** The canonical architectures (reference 4.11.6 `arch`, case-insensitive). */
export const ARCHES = ["X86", "ARM"] as const;

/** A create request after validation, with canonical spellings and defaults filled in. */
export interface NormalizedCreate {
  readonly name: string;
  readonly osType: (typeof OS_TYPES)[number];
  readonly datastore: { readonly type: "GaussDB" | "gaussdbv5-dbmind"; readonly version: EngineVersion };
  readonly hostType: "BMS";
  readonly cpuSpec: (typeof CPU_SPECS)[number];
  readonly arch: (typeof ARCHES)[number];
  readonly solution: SolutionName;
  readonly ha: {
    readonly mode: SolutionSpec["haMode"];
    readonly consistency: "strong" | "eventual";
    readonly replication_mode: "sync";
    readonly consistency_protocol: "quorum" | "paxos";
  };
  readonly port: number;
  readonly password: string;
  /** Every host of the instance: manage_ip first, then AZ-list hosts not already named, without duplicates. */
  readonly hostIps: readonly string[];
  readonly manageIp: readonly string[];
  readonly azLists: Readonly<Partial<Record<AzListName, readonly string[]>>>;
  readonly floatIp?: string;
  readonly configurationId?: string;
  readonly timeZone: string;
}

/** Options of the emulated platform that change how a create request is read. */
export interface CreateOptions {
  /** The gaussdb_feature_supportDccCluster whitelist (reference 4.11.6); off by default. */
  readonly dccWhitelist: boolean;
  /** For a restore to a new instance (reference 4.11.7): the backup's engine and family; datastore and ha may be omitted. */
  readonly restoreFrom?: { readonly type: "GaussDB" | "gaussdbv5-dbmind"; readonly version: string; readonly family: "centralized" | "distributed" };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function stringList(raw: unknown, field: string): Checked<string[] | undefined> {
  if (raw === undefined || raw === null) return { ok: true, value: undefined };
  if (!Array.isArray(raw)) return fail("DBS.200001", field, "must be an array of IP addresses");
  for (const ip of raw) if (!isIpv4(ip)) return fail("DBS.200001", field, `${JSON.stringify(ip)} is not an IPv4 address`);
  const list = raw as string[];
  const dup = list.find((ip, i) => list.indexOf(ip) !== i);
  if (dup) return fail("DBS.06025010", field, `lists ${dup} twice`);
  return { ok: true, value: list };
}

/**
 * Reads the host selection of a create request (reference 4.11.6): the instance's hosts are the distinct
 * union of manage_ip and the AZ lists; the total must equal the solution's host count; each AZ list is
 * accepted only by the solutions the reference names; a host belongs to at most one AZ list; the quorum
 * arbiter AZ holds exactly one host.
 */
export function checkHostSelection(
  body: Record<string, unknown>,
  spec: SolutionSpec,
): Checked<{ hostIps: string[]; manageIp: string[]; azLists: Partial<Record<AzListName, string[]>> }> {
  const manage = stringList(body.manage_ip, "manage_ip");
  if (!manage.ok) return manage;
  const azLists: Partial<Record<AzListName, string[]>> = {};
  const owner = new Map<string, AzListName>();
  for (const az of AZ_LIST_NAMES) {
    const list = stringList(body[az], az);
    if (!list.ok) return list;
    if (list.value === undefined || list.value.length === 0) continue;
    if (!spec.azLists.includes(az)) return fail("DBS.200025", az, `is not available for solution ${spec.name}`);
    for (const ip of list.value) {
      const prev = owner.get(ip);
      if (prev) return fail("DBS.200025", az, `${ip} is already in ${prev}`);
      owner.set(ip, az);
    }
    azLists[az] = list.value;
  }
  if (azLists.arbiter_az_ip && azLists.arbiter_az_ip.length !== 1) {
    return fail("DBS.200025", "arbiter_az_ip", "must hold exactly one host");
  }
  const manageIp = manage.value ?? [];
  const hostIps = [...manageIp];
  for (const ip of owner.keys()) if (!hostIps.includes(ip)) hostIps.push(ip);
  if (hostIps.length !== spec.hostCount) {
    return fail("DBS.06025010", "manage_ip", `solution ${spec.name} needs ${spec.hostCount} hosts, got ${hostIps.length}`);
  }
  return { ok: true, value: { hostIps, manageIp, azLists } };
}

/** Checks a time zone of the form UTC±hh:mm (reference 4.11.6 example: UTC+08:00). */
export function checkTimeZone(raw: unknown): Checked<string> {
  if (raw === undefined || raw === null || raw === "") return { ok: true, value: "UTC+08:00" };
  const m = typeof raw === "string" ? /^UTC([+-])(\d{2}):(\d{2})$/.exec(raw) : null;
  if (!m || Number(m[2]) > 14 || !["00", "30", "45"].includes(m[3] ?? "")) {
    return fail("DBS.200001", "time_zone", `${JSON.stringify(raw)} is not a time zone like UTC+08:00`);
  }
  return { ok: true, value: raw as string };
}

/** Validates the body of `POST /gaussdb/v3/instances` (reference 4.11.6) without looking at hosts. */
export function checkCreateRequest(body: unknown, opts: CreateOptions): Checked<NormalizedCreate> {
  if (!isObject(body) || Object.keys(body).length === 0) return fail("DBS.200006", "body", "a JSON object is required");
  const nameV = checkInstanceName(body.name);
  if (nameV) return { ok: false, violation: nameV };
  const osType = enumCi(body.os_type, OS_TYPES);
  if (!osType) return fail("DBS.200001", "os_type", `${JSON.stringify(body.os_type)} is not one of ${OS_TYPES.join(", ")}`);
  const restore = opts.restoreFrom;
  // reference 4.11.7: a restore request may omit datastore (its examples do); the backup decides the version.
  const datastore = body.datastore === undefined && restore ? { type: restore.type, version: restore.version } : body.datastore;
  if (!isObject(datastore)) return fail("DBS.200001", "datastore", "is required");
  const dsType = enumCi(datastore.type, ["GaussDB", "gaussdbv5-dbmind"] as const);
  if (!dsType) return fail("DBS.200001", "datastore.type", `${JSON.stringify(datastore.type)} is not GaussDB or gaussdbv5-dbmind`);
  const rawVersion = datastore.version;
  let version: EngineVersion;
  if (rawVersion === undefined || rawVersion === null || rawVersion === "") {
    // reference 4.11.6: GaussDB defaults to the newest version; DBMind instances must name one.
    if (dsType === "gaussdbv5-dbmind") return fail("DBS.200001", "datastore.version", "is required for DBMind instances");
    version = restore && isEngineVersion(restore.version) ? restore.version : latestVersion();
  } else if (isEngineVersion(rawVersion)) {
    version = rawVersion;
  } else {
    return fail("DBS.200856", "datastore.version", `${JSON.stringify(rawVersion)} is not a supported engine version`);
  }
  if (restore && version !== restore.version) {
    return fail("DBS.200856", "datastore.version", `a restore keeps the backup's version ${restore.version}`);
  }
  if (!enumCi(body.host_type, ["BMS"] as const)) return fail("DBS.200001", "host_type", `${JSON.stringify(body.host_type)} is not BMS`);
  const cpuSpec = enumCi(body.cpu_spec, CPU_SPECS);
  if (!cpuSpec) return fail("DBS.200001", "cpu_spec", `${JSON.stringify(body.cpu_spec)} is not one of ${CPU_SPECS.join(", ")}`);
  const arch = enumCi(body.arch, ARCHES);
  if (!arch) return fail("DBS.200001", "arch", `${JSON.stringify(body.arch)} is not X86 or ARM`);
  // Kunpeng is an ARM CPU; Intel and Hygon are x86 CPUs.
  if ((cpuSpec === "Kunpeng") !== (arch === "ARM")) return fail("DBS.200001", "arch", `${arch} does not match cpu_spec ${cpuSpec}`);
  if (!isSolutionName(body.solution)) return fail("DBS.200001", "solution", `${JSON.stringify(body.solution)} is not a known solution`);
  let solution: SolutionName = body.solution;
  if (SOLUTIONS[solution].noEtcd && !opts.dccWhitelist) {
    return fail("DBS.200001", "solution", `${solution} needs the feature whitelist gaussdb_feature_supportDccCluster`);
  }
  // reference 4.11.6: with the whitelist on, triset/quadruset/pentaset are converted to their 去ETCD forms.
  if (opts.dccWhitelist) solution = noEtcdCounterpart(solution);
  const spec = SOLUTIONS[solution];
  if (restore && restore.family !== spec.family) {
    return fail("DBS.200001", "solution", `a ${restore.family} backup cannot be restored to ${solution}`);
  }
  const ha = body.ha === undefined && restore ? { mode: spec.haMode, replication_mode: "sync" } : body.ha;
  if (!isObject(ha)) return fail("DBS.200001", "ha", "is required");
  if (ha.mode !== spec.haMode) return fail("DBS.200001", "ha.mode", `solution ${solution} needs ${spec.haMode}, got ${JSON.stringify(ha.mode)}`);
  const consistency = ha.consistency === undefined ? "strong" : enumCi(ha.consistency, ["strong", "eventual"] as const);
  if (!consistency) return fail("DBS.200001", "ha.consistency", `${JSON.stringify(ha.consistency)} is not strong or eventual`);
  if (ha.replication_mode !== "sync") return fail("DBS.200001", "ha.replication_mode", "must be sync");
  const rawProtocol = ha.consistency_protocol;
  const protocol = rawProtocol === undefined ? (spec.noEtcd ? "paxos" : "quorum") : enumCi(rawProtocol, ["quorum", "paxos"] as const);
  if (!protocol) return fail("DBS.200001", "ha.consistency_protocol", `${JSON.stringify(rawProtocol)} is not quorum or paxos`);
  if (spec.noEtcd && protocol !== "paxos") {
    if (!(opts.dccWhitelist && solution !== body.solution)) {
      return fail("DBS.200001", "ha.consistency_protocol", `${solution} supports only paxos`);
    }
  }
  const port = checkDbPort(body.port);
  if (!port.ok) return port;
  const pwV = checkPassword(body.password);
  if (pwV) return { ok: false, violation: pwV };
  const hosts = checkHostSelection(body, spec);
  if (!hosts.ok) return hosts;
  let floatIp: string | undefined;
  if (body.float_ip !== undefined && body.float_ip !== null && body.float_ip !== "") {
    // reference 4.11.6: float_ip is a String in the table but an array in the example; accept one address either way.
    const raw = Array.isArray(body.float_ip) && body.float_ip.length === 1 ? body.float_ip[0] : body.float_ip;
    if (!isIpv4(raw)) return fail("DBS.200001", "float_ip", `${JSON.stringify(body.float_ip)} is not one IPv4 address`);
    if (spec.family !== "centralized" || spec.hostCount === 1) {
      return fail("DBS.200001", "float_ip", "is only available for multi-node centralized instances");
    }
    if (hosts.value.hostIps.includes(raw)) return fail("DBS.200001", "float_ip", `${raw} is one of the instance's hosts`);
    floatIp = raw;
  }
  const tz = checkTimeZone(body.time_zone);
  if (!tz.ok) return tz;
  if (body.configuration_id !== undefined && body.configuration_id !== null && typeof body.configuration_id !== "string") {
    return fail("DBS.200001", "configuration_id", "must be a string");
  }
  const diy = checkDiySettings(body.diy_install_settings, hosts.value.hostIps);
  if (diy) return { ok: false, violation: diy };
  return {
    ok: true,
    value: {
      name: body.name as string,
      osType,
      datastore: { type: dsType, version },
      hostType: "BMS",
      cpuSpec,
      arch,
      solution,
      ha: { mode: spec.haMode, consistency, replication_mode: "sync", consistency_protocol: spec.noEtcd ? "paxos" : protocol },
      port: port.value,
      password: body.password as string,
      hostIps: hosts.value.hostIps,
      manageIp: hosts.value.manageIp,
      azLists: hosts.value.azLists,
      ...(floatIp ? { floatIp } : {}),
      ...(typeof body.configuration_id === "string" && body.configuration_id ? { configurationId: body.configuration_id } : {}),
      timeZone: tz.value,
    },
  };
}

const DIR_NAMES = ["install_dir", "log_dir", "dn_dir", "etcd_dir"];

/** Checks `diy_install_settings` (reference 4.11.6 tables 4-498..4-500). */
export function checkDiySettings(raw: unknown, hostIps: readonly string[]): Violation | null {
  if (raw === undefined || raw === null) return null;
  if (!isObject(raw)) return { code: "DBS.200001", field: "diy_install_settings", detail: "must be an object" };
  const dirs = raw.dir_settings;
  if (dirs !== undefined) {
    if (!Array.isArray(dirs)) return { code: "DBS.200001", field: "diy_install_settings.dir_settings", detail: "must be an array" };
    for (const d of dirs) {
      if (!isObject(d) || typeof d.dir_name !== "string" || !DIR_NAMES.includes(d.dir_name)) {
        return { code: "DBS.200001", field: "diy_install_settings.dir_settings.dir_name", detail: `must be one of ${DIR_NAMES.join(", ")}` };
      }
      if (typeof d.dir !== "string" || !/^\/[A-Za-z0-9._/-]*$/.test(d.dir)) {
        return { code: "DBS.200001", field: "diy_install_settings.dir_settings.dir", detail: `${JSON.stringify(d.dir)} is not an absolute path` };
      }
    }
  }
  const comps = raw.component_distributions;
  if (comps !== undefined) {
    if (!Array.isArray(comps)) return { code: "DBS.200001", field: "diy_install_settings.component_distributions", detail: "must be an array" };
    for (const c of comps) {
      if (!isObject(c) || typeof c.component !== "string" || c.component === "") {
        return { code: "DBS.200001", field: "diy_install_settings.component_distributions.component", detail: "is required" };
      }
      if (typeof c.ip !== "string" || !hostIps.includes(c.ip)) {
        return { code: "DBS.200001", field: "diy_install_settings.component_distributions.ip", detail: `${JSON.stringify(c.ip)} is not one of the instance's hosts` };
      }
    }
  }
  return null;
}

/** The facts about a host that instance placement depends on (a plain projection of the host store). */
export interface HostFacts {
  readonly id: string;
  readonly manageIp: string;
  /** Host status (reference 4.9.1): initializing, initialized, initialize_failed, unmanaged, in_use, deleting, delete_failed. */
  readonly status: string;
  readonly type: string;
  readonly osType: string;
  readonly osArch: string;
  readonly cpuSpec: string;
  readonly storageType: string;
  readonly dataCenterName: string;
}

/** What the selected hosts must match. */
export interface HostExpectation {
  readonly osType: string;
  readonly cpuSpec: string;
  readonly arch: string;
  readonly hostType: string;
  readonly storageType?: string;
}

const norm = (s: string): string => s.trim().toLowerCase();

/**
 * Checks the hosts chosen for an instance (reference 4.11.6 and A.3 DBS.060250xx): each exists, is
 * initialized and free, and all share operating system, host type, architecture, CPU vendor and disk type,
 * matching the request; the hosts of one AZ list sit in one data center.
 */
export function checkHostsForInstance(
  ips: readonly string[],
  lookup: (ip: string) => HostFacts | undefined,
  expect: HostExpectation,
  azLists: Readonly<Partial<Record<AzListName, readonly string[]>>> = {},
): Violation | null {
  const hosts: HostFacts[] = [];
  for (const ip of ips) {
    const h = lookup(ip);
    if (!h) return { code: "DBS.06025031", field: "manage_ip", detail: `no host has manage IP ${ip}` };
    if (h.status === "in_use") return { code: "DBS.06025015", field: "manage_ip", detail: `host ${ip} is in use` };
    // reference 4.9.1: only an initialized (初始化完成) host can take an instance.
    if (h.status !== "initialized") return { code: "DBS.06025061", field: "manage_ip", detail: `host ${ip} is ${h.status}, not initialized` };
    hosts.push(h);
  }
  const attrs: readonly [keyof HostFacts, keyof HostExpectation, string, string][] = [
    ["osType", "osType", "DBS.06025011", "operating system"],
    ["type", "hostType", "DBS.06025012", "host type"],
    ["osArch", "arch", "DBS.06025013", "architecture"],
    ["cpuSpec", "cpuSpec", "DBS.06025014", "CPU vendor"],
    ["storageType", "storageType", "DBS.06025046", "disk type"],
  ];
  for (const [attr, want, code, label] of attrs) {
    const values = [...new Set(hosts.map((h) => norm(h[attr])))];
    if (values.length > 1) return { code, field: "manage_ip", detail: `the hosts have different ${label}s: ${values.join(", ")}` };
    const expected = expect[want];
    if (expected !== undefined && values[0] !== undefined && values[0] !== norm(expected)) {
      return { code, field: "manage_ip", detail: `the hosts' ${label} ${values[0]} does not match ${expected}` };
    }
  }
  for (const az of AZ_LIST_NAMES) {
    const list = azLists[az];
    if (!list || list.length < 2) continue;
    const dcs = new Set(list.map((ip) => lookup(ip)?.dataCenterName));
    if (dcs.size > 1) return { code: "DBS.06025067", field: az, detail: `the hosts of ${az} are in different data centers` };
  }
  return null;
}

/** True when `version` supports standby backups (reference 4.2.4: not below 3.100.0). */
export function supportsStandbyBackup(version: string, hostCount: number): boolean {
  return hostCount > 1 && compareVersions(version, "3.100.0") >= 0;
}
