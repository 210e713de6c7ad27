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
  // reference 4.11.6 `port` "否" (optional); the default 8000 is every example's port (README "Ports")
  if (raw === undefined || raw === null || raw === "") return { ok: true, value: DEFAULT_PORT };
  const p = parsePort(raw, "port");
  if (!p.ok) return p;
  // reference 4.11.6 `port` "设置范围为1024~39989"
  if (p.value < PORT_MIN || p.value > PORT_MAX) return fail("DBS.200001", "port", `${p.value} is outside ${PORT_MIN}-${PORT_MAX}`);
  // reference 4.11.6 `port` "(其中2378~2380、…、39001被系统占用不可设置)"
  if (isReservedPort(p.value)) return fail("DBS.200001", "port", `${p.value} is reserved by the system`);
  return p;
}

/**
 * Checks an M-compatibility port (reference 4.11.21/4.11.22): 1024–39989 (0 = close, PUT only), not reserved,
 * not in [db port, db port + 10].
 */
export function checkMysqlPort(raw: unknown, dbPort: number, allowZero: boolean): Checked<number> {
  // reference 4.11.21 接口约束 "开启特性时port不可为空" (the PUT of 4.11.22 handles an omitted port itself)
  if (raw === undefined || raw === null || raw === "") return fail("DBS.200001", "port", "is required");
  const p = parsePort(raw, "port");
  if (!p.ok) return p;
  // reference 4.11.22 "可选范围为: 0,1024-39989。取值为0,标识关闭MySQL兼容端口服务"
  if (p.value === 0 && allowZero) return p;
  // reference 4.11.21 "可选范围为: 1024-39989"
  if (p.value < PORT_MIN || p.value > PORT_MAX) {
    return fail("DBS.200001", "port", `${p.value} is outside ${allowZero ? "0 or " : ""}${PORT_MIN}-${PORT_MAX}`);
  }
  // reference 4.11.21 "限制端口: 2378,2379,…,39001"
  if (isReservedPort(p.value)) return fail("DBS.200001", "port", `${p.value} is reserved by the system`);
  // reference 4.11.21 "[数据库端口,数据库端口+10]。与数据库对外端口互斥"
  if (p.value >= dbPort && p.value <= dbPort + 10) {
    return fail("DBS.200001", "port", `${p.value} collides with the database port range [${dbPort}, ${dbPort + 10}]`);
  }
  return p;
}

// reference 4.4.16 `password` "非字母数字字符(限定为~!@#\$%^&*()=+\ [{}];,<.>/?)": `\$` is the document's escaped
// `$`, the blank after `\` is read as the `|` lost there (README "Passwords").
/** Special characters a database password may contain (the 4.4.16 set). */
export const PASSWORD_SPECIALS = "~!@#$%^&*()=+\\|[{}];,<.>/?";
// reference 4.11.6 / 4.11.7 example "password" : "Gauss_234": the instance API's passwords (root, and rdsAdmin's
// of 4.11.5) also take `_`
/** Special characters the root and rdsAdmin passwords of the instance API may contain (the 4.4.16 set plus `_`). */
export const ROOT_PASSWORD_SPECIALS = `${PASSWORD_SPECIALS}_`;

/** Shortest database password (reference 4.4.16 "最小长度: 8"); the reference prints no maximum. */
export const PASSWORD_MIN = 8;

/**
 * Checks a database password with the one rule the reference prints (4.4.16, applied to root by 4.11.6 and to
 * rdsAdmin by 4.11.5, which print none of their own); `code` is the A.3 code for a refused one (DBS.200052 for
 * root, DBS.6025117 for rdsAdmin), `specials` the special characters allowed (ROOT_PASSWORD_SPECIALS by default). The reference prints no weak-password rule (A.3 DBS.200068 has no rule
 * attached), so there is none: a password equal to the user name or its reverse cannot have three character
 * classes for root or rdsAdmin anyway.
 */
export function checkPassword(pw: unknown, field = "password", code = "DBS.200052", specials = ROOT_PASSWORD_SPECIALS): Violation | null {
  // reference 4.11.6 `password` "是" (required)
  if (typeof pw !== "string" || pw.length === 0) return { code, field, detail: "is required" };
  // reference 4.4.16 "最小长度: 8"
  if ([...pw].length < PASSWORD_MIN) return { code, field, detail: `must be at least ${PASSWORD_MIN} characters long` };
  // reference 4.4.16 "当密码中包含的字符不属于上述四种字符范围内时语句执行会报错"
  for (const ch of pw) {
    if (!/[A-Za-z0-9]/.test(ch) && !specials.includes(ch)) {
      return { code, field, detail: `contains a character outside letters, digits and ${specials}` };
    }
  }
  // reference 4.4.16 "至少包含大写字母(A-Z),小写字母(a-z),为字(0-9),非字母数字字符…四类字符中的三类字符"
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  if (classes < 3) return { code, field, detail: "must contain three of: upper-case letters, lower-case letters, digits, special characters" };
  return null;
}

/** Checks an instance name (DBS.200021): 4.11.6 prints no rule beyond "name 是 String 实例名称" (a required string). */
export function checkInstanceName(name: unknown): Violation | null {
  // reference 4.11.6 `name` "是 String 实例名称"; A.3 DBS.200021 "实例名非法"
  if (typeof name !== "string" || name.length === 0) return { code: "DBS.200021", field: "name", detail: "is required (a non-empty string)" };
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
  // reference 4.11.6 `manage_ip` and the AZ lists "Array of strings" (host IPs)
  if (!Array.isArray(raw)) return fail("DBS.200001", field, "must be an array of IP addresses");
  for (const ip of raw) if (!isIpv4(ip)) return fail("DBS.200001", field, `${JSON.stringify(ip)} is not an IPv4 address`);
  const list = raw as string[];
  // reference A.3 DBS.06025010 "所选主机数量有误": a host named twice in one list miscounts the selection
  const dup = list.find((ip, i) => list.indexOf(ip) !== i);
  if (dup) return fail("DBS.06025010", field, `lists ${dup} twice`);
  return { ok: true, value: list };
}

/**
 * Reads the host selection of a create request (reference 4.11.6): the instance's hosts are the distinct
 * union of manage_ip (optional, "manage_ip 否") and the AZ lists; the total must equal the solution's host
 * count; each AZ list is accepted only by the solutions the reference names; a host belongs to one AZ list;
 * the quorum arbiter AZ of quadruset holds one host.
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
    // reference 4.11.6 "主AZ的主机列表,仅hcs1、triset、…可用" (and the slave/arbiter lists); A.3 DBS.200025 "可用区取值非法"
    if (!spec.azLists.includes(az)) return fail("DBS.200025", az, `is not available for solution ${spec.name}`);
    for (const ip of list.value) {
      const prev = owner.get(ip);
      // reference 4.11.6 "主AZ的主机列表" / "备AZ主机列表" / "仲裁AZ主机列表": each list names the hosts of one AZ
      if (prev) return fail("DBS.200025", az, `${ip} is already in ${prev}`);
      owner.set(ip, az);
    }
    azLists[az] = list.value;
  }
  // reference 4.11.6 quadruset "一主三备一仲裁五节点": one arbiter
  if (spec.description.includes("一仲裁") && azLists.arbiter_az_ip && azLists.arbiter_az_ip.length !== 1) {
    return fail("DBS.200025", "arbiter_az_ip", `${spec.name} has one arbiter (一仲裁): list exactly one host`);
  }
  const manageIp = manage.value ?? [];
  const hostIps = [...manageIp];
  for (const ip of owner.keys()) if (!hostIps.includes(ip)) hostIps.push(ip);
  // reference 4.11.6 `solution` "一主两备三节点" … "一主三备九节点": the solution's number of hosts; A.3 DBS.06025010
  if (hostIps.length !== spec.hostCount) {
    return fail("DBS.06025010", "manage_ip", `solution ${spec.name} needs ${spec.hostCount} hosts, got ${hostIps.length}`);
  }
  return { ok: true, value: { hostIps, manageIp, azLists } };
}

/** Checks a time zone: 4.11.6 prints only "time_zone 否 String 时区" (an optional string; default UTC+08:00, the example). */
export function checkTimeZone(raw: unknown): Checked<string> {
  // reference 4.11.6 response example "time_zone" : "UTC+08:00" (the default when none is given)
  if (raw === undefined || raw === null || raw === "") return { ok: true, value: "UTC+08:00" };
  // reference 4.11.6 `time_zone` "String"
  if (typeof raw !== "string") return fail("DBS.200001", "time_zone", `${JSON.stringify(raw)} is not a string`);
  return { ok: true, value: raw };
}

/** Validates the body of `POST /gaussdb/v3/instances` (reference 4.11.6) without looking at hosts. */
export function checkCreateRequest(body: unknown, opts: CreateOptions): Checked<NormalizedCreate> {
  // reference A.3 DBS.200006 "请求体为空"
  if (!isObject(body) || Object.keys(body).length === 0) return fail("DBS.200006", "body", "a JSON object is required");
  const nameV = checkInstanceName(body.name);
  if (nameV) return { ok: false, violation: nameV };
  // reference 4.11.6 `os_type` "麒麟:Kylin / 统信: UnionTech … 不区分大小写"
  const osType = enumCi(body.os_type, OS_TYPES);
  if (!osType) return fail("DBS.200001", "os_type", `${JSON.stringify(body.os_type)} is not one of ${OS_TYPES.join(", ")}`);
  const restore = opts.restoreFrom;
  // reference 4.11.7 table 4-506 has no `datastore` (nor do its examples): a restore takes the backup's engine
  const datastore = body.datastore === undefined && restore ? { type: restore.type, version: restore.version } : body.datastore;
  // reference 4.11.6 `datastore` "是" (required)
  if (!isObject(datastore)) return fail("DBS.200001", "datastore", "is required");
  // reference 4.11.6 table 4-496 `type` "GaussDB … gaussdbv5-dbmind,… 不分区大小写"
  const dsType = enumCi(datastore.type, ["GaussDB", "gaussdbv5-dbmind"] as const);
  if (!dsType) return fail("DBS.200001", "datastore.type", `${JSON.stringify(datastore.type)} is not GaussDB or gaussdbv5-dbmind`);
  const rawVersion = datastore.version;
  let version: EngineVersion;
  if (rawVersion === undefined || rawVersion === null || rawVersion === "") {
    // reference 4.11.6 `version` "DBMind实例创建时必传"
    if (dsType === "gaussdbv5-dbmind") return fail("DBS.200001", "datastore.version", "is required for DBMind instances");
    // reference 4.11.6 `version` "GaussDB实例创建时,若不传将默认取最新版本"
    version = restore && isEngineVersion(restore.version) ? restore.version : latestVersion();
  } else if (isEngineVersion(rawVersion)) {
    version = rawVersion;
  } else {
    // reference 4.11.6 `version` "参考查询数据库引擎的版本查询" (4.12.1); A.3 DBS.200856 "数据库引擎版本不支持"
    return fail("DBS.200856", "datastore.version", `${JSON.stringify(rawVersion)} is not a supported engine version`);
  }
  // reference 4.11.7 "备份恢复新实例": the new instance is the backup's data, so its version
  if (restore && version !== restore.version) {
    return fail("DBS.200856", "datastore.version", `a restore keeps the backup's version ${restore.version}`);
  }
  // reference 4.11.6 `host_type` "当前只支持物理机,不区分大小写。枚举值: BMS"
  if (!enumCi(body.host_type, ["BMS"] as const)) return fail("DBS.200001", "host_type", `${JSON.stringify(body.host_type)} is not BMS`);
  // reference 4.11.6 `cpu_spec` "英特尔 Intel 鲲鹏 Kunpeng 海光 Hygon 不区分大小写"
  const cpuSpec = enumCi(body.cpu_spec, CPU_SPECS);
  if (!cpuSpec) return fail("DBS.200001", "cpu_spec", `${JSON.stringify(body.cpu_spec)} is not one of ${CPU_SPECS.join(", ")}`);
  // reference 4.11.6 `arch` "架构类型,不区分大小写。枚举值: X86 ARM"
  const arch = enumCi(body.arch, ARCHES);
  if (!arch) return fail("DBS.200001", "arch", `${JSON.stringify(body.arch)} is not X86 or ARM`);
  // reference 4.11.6 `solution` "枚举值: single … hcs6" (no case-insensitivity note: exact)
  if (!isSolutionName(body.solution)) return fail("DBS.200001", "solution", `${JSON.stringify(body.solution)} is not a known solution`);
  let solution: SolutionName = body.solution;
  // reference 4.11.6 "使用去ETCD形态需要开启白名单,特性白名称为: gaussdb_feature_supportDccCluster"
  if (SOLUTIONS[solution].noEtcd && !opts.dccWhitelist) {
    return fail("DBS.200001", "solution", `${solution} needs the feature whitelist gaussdb_feature_supportDccCluster`);
  }
  // reference 4.11.6 "白名单开启后,使用triset、quadruset、pentaset将自动转换为去ETCD形态"
  if (opts.dccWhitelist) solution = noEtcdCounterpart(solution);
  const spec = SOLUTIONS[solution];
  // reference 4.11.7 "备份恢复新实例": a backup restores to an instance of its own family (主备版 or 分布式)
  if (restore && restore.family !== spec.family) {
    return fail("DBS.200001", "solution", `a ${restore.family} backup cannot be restored to ${solution}`);
  }
  // reference 4.11.7 table 4-506 has no `ha` (nor do its examples): a restore takes the solution's
  const ha = body.ha === undefined && restore ? { mode: spec.haMode, replication_mode: "sync" } : body.ha;
  // reference 4.11.6 `ha` "是" (required)
  if (!isObject(ha)) return fail("DBS.200001", "ha", "is required");
  // reference 4.11.6 table 4-497 `mode` "主备版 centralization_standard,分布式combined"
  if (ha.mode !== spec.haMode) return fail("DBS.200001", "ha.mode", `solution ${solution} needs ${spec.haMode}, got ${JSON.stringify(ha.mode)}`);
  // reference 4.11.6 table 4-497 `consistency` "默认为强一致性,不分区大小写。枚举值: strong eventual"
  const consistency = ha.consistency === undefined ? "strong" : enumCi(ha.consistency, ["strong", "eventual"] as const);
  if (!consistency) return fail("DBS.200001", "ha.consistency", `${JSON.stringify(ha.consistency)} is not strong or eventual`);
  // reference 4.11.6 table 4-497 `replication_mode` "是 … 固定"sync""
  if (ha.replication_mode !== "sync") return fail("DBS.200001", "ha.replication_mode", "must be sync");
  const rawProtocol = ha.consistency_protocol;
  // reference 4.11.6 table 4-497 `consistency_protocol` "否 … 枚举值: quorum paxos" (default: README "Other create fields")
  const protocol = rawProtocol === undefined ? (spec.noEtcd ? "paxos" : "quorum") : rawProtocol === "quorum" || rawProtocol === "paxos" ? rawProtocol : undefined;
  if (!protocol) return fail("DBS.200001", "ha.consistency_protocol", `${JSON.stringify(rawProtocol)} is not quorum or paxos`);
  // reference 4.11.6 `consistency_protocol` "去ETCD形态仅支持paxos" (a converted triset etc. takes paxos, as converted)
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
    // reference 4.11.6 `float_ip` "String" but its example sends [ "127.0.2.*" ]: one address either way
    const raw = Array.isArray(body.float_ip) && body.float_ip.length === 1 ? body.float_ip[0] : body.float_ip;
    if (!isIpv4(raw)) return fail("DBS.200001", "float_ip", `${JSON.stringify(body.float_ip)} is not one IPv4 address`);
    // reference 4.11.6 `float_ip` "主备版部署形态创建非单节点带浮动IP的实例可用"
    if (spec.family !== "centralized" || spec.hostCount === 1) {
      return fail("DBS.200001", "float_ip", "is only available for multi-node centralized instances");
    }
    floatIp = raw;
  }
  const tz = checkTimeZone(body.time_zone);
  if (!tz.ok) return tz;
  // reference 4.11.6 `configuration_id` "String" (which templates exist: routes/instance/instances.ts)
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

// reference 4.11.6 table 4-499 `dir_name` "枚举值: install_dir log_dir dn_dir etcd_dir"
const DIR_NAMES = ["install_dir", "log_dir", "dn_dir", "etcd_dir"];

/** Checks `diy_install_settings` (reference 4.11.6 tables 4-498..4-500). */
export function checkDiySettings(raw: unknown, hostIps: readonly string[]): Violation | null {
  if (raw === undefined || raw === null) return null;
  // reference 4.11.6 `diy_install_settings` "表4-498 object"
  if (!isObject(raw)) return { code: "DBS.200001", field: "diy_install_settings", detail: "must be an object" };
  const dirs = raw.dir_settings;
  if (dirs !== undefined) {
    // reference 4.11.6 table 4-498 `dir_settings` "Array of 表4-499 objects"
    if (!Array.isArray(dirs)) return { code: "DBS.200001", field: "diy_install_settings.dir_settings", detail: "must be an array" };
    for (const d of dirs) {
      // reference 4.11.6 table 4-499 `dir_name` "是 … 目前支持自定义的目录: install_dir … etcd_dir"
      if (!isObject(d) || typeof d.dir_name !== "string" || !DIR_NAMES.includes(d.dir_name)) {
        return { code: "DBS.200001", field: "diy_install_settings.dir_settings.dir_name", detail: `must be one of ${DIR_NAMES.join(", ")}` };
      }
      // reference 4.11.6 table 4-499 `dir` "是 String 目录。"
      if (typeof d.dir !== "string" || d.dir === "") {
        return { code: "DBS.200001", field: "diy_install_settings.dir_settings.dir", detail: "is required (a directory)" };
      }
    }
  }
  const comps = raw.component_distributions;
  if (comps !== undefined) {
    // reference 4.11.6 table 4-498 `component_distributions` "Array of 表4-500 objects"
    if (!Array.isArray(comps)) return { code: "DBS.200001", field: "diy_install_settings.component_distributions", detail: "must be an array" };
    for (const c of comps) {
      // reference 4.11.6 table 4-500 `component` "是 String 组件名称"
      if (!isObject(c) || typeof c.component !== "string" || c.component === "") {
        return { code: "DBS.200001", field: "diy_install_settings.component_distributions.component", detail: "is required" };
      }
      // reference 4.11.6 table 4-498 "自定义安装组件IP分布": a component goes to one of the instance's hosts (`ip` "主机IP地址")
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
    // reference A.3 DBS.06025031 "所选主机不存在"
    if (!h) return { code: "DBS.06025031", field: "manage_ip", detail: `no host has manage IP ${ip}` };
    // reference A.3 DBS.06025015 "所选主机已被占用" (4.9.1 status in_use "使用中")
    if (h.status === "in_use") return { code: "DBS.06025015", field: "manage_ip", detail: `host ${ip} is in use` };
    // reference 4.9.1 status "初始化完成" (initialized) is the state of a usable host; A.3 DBS.06025061 "主机标准化检查未通过"
    if (h.status !== "initialized") return { code: "DBS.06025061", field: "manage_ip", detail: `host ${ip} is ${h.status}, not initialized` };
    hosts.push(h);
  }
  // reference 4.11.6 `os_type` "与选用的主机操作系统保持一致", `cpu_spec` "与选用主机的CPU厂商保持一致"; A.3 DBS.06025011
  // "所选主机操作系统不一致", …012 "所选主机类型不一致", …013 "所选主机的异构属性不一致", …014 "所选主机的CPU厂商不一致",
  // …046 "所选主机磁盘类型不一致"
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
    // reference A.3 DBS.06025067 "请检查安装实例的azName是否和机房名称相同": an AZ list is one data center
    const dcs = new Set(list.map((ip) => lookup(ip)?.dataCenterName));
    if (dcs.size > 1) return { code: "DBS.06025067", field: az, detail: `the hosts of ${az} are in different data centers` };
  }
  return null;
}

/** True when standby backups are possible (reference 4.2.4 "不支持单节点实例及3.100.0以下的实例"). */
export function supportsStandbyBackup(version: string, hostCount: number): boolean {
  return hostCount > 1 && compareVersions(version, "3.100.0") >= 0;
}
