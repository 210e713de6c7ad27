// Instance provider methods against the emulator over real HTTP (issue 6): check rules, diff classification,
// create/read/delete with their jobs, every in-place change path, busy retries, partial creates, adopt, secrets.
// Issue 12: exactly the rules the reference states refuse (the password rule of 4.4.16, manageIps optional);
// rules it does not state are warnings (docs/validation.md lists every rule).
//
// Emulator/reference disagreements noted while writing these tests (the provider follows the reference):
// - logger_az_ip: the reference names no solution restriction; the emulator refuses it on single and hcs6.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TestEmulator } from "../../helpers/emulator";
import { instance, planChanges, SOLUTIONS, warnings } from "../../../provider/resources/instance/instance";
import { UNKNOWN } from "../../../provider/resources/framework";
import { PASSWORD_SPECIALS, passwordProblem, passwordWarning, resetWarnings } from "../../../provider/resources/rules";
import { addHosts, checked, createInstance, instanceArgs, jobs, PASSWORD, PROVIDER, requestCount, SETUP_SCALE, startProviderEmulator, TEST_SCALE } from "../instance-fixtures";

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startProviderEmulator();
});
afterAll(async () => emu?.close());
beforeEach(async () => {
  await emu.control.reset();
});

const ip = (n: number) => `10.0.0.${n}`;
const ips = (from: number, n: number) => Array.from({ length: n }, (_, k) => ip(from + k));
const base = (extra: Record<string, unknown> = {}) => ({ name: "db-one", osType: "kylin", cpuSpec: "intel", arch: "x86", solution: "triset", password: PASSWORD, manageIps: ips(1, 3), ...extra });

describe("check: every documented rule refused at preview, naming field, value and fix", () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["name empty", { name: "" }, "name", /name: "" is empty; give the instance a name or leave it out/],
    ["os type", { osType: "centos" }, "osType", /"centos" is not one of Kylin, UnionTech; use one of them/],
    ["cpu vendor", { cpuSpec: "amd" }, "cpuSpec", /"amd" is not one of Intel, Kunpeng, Hygon/],
    ["arch", { arch: "mips" }, "arch", /"mips" is not one of X86, ARM/],
    ["host type", { hostType: "VM" }, "hostType", /"VM" is not one of BMS/],
    ["engine", { engine: "mysql" }, "engine", /"mysql" is not one of GaussDB, gaussdbv5-dbmind/],
    ["engine version empty", { engineVersion: "" }, "engineVersion", /"" is empty; name a version such as 3.200.0, or leave it out/],
    ["DBMind without a version", { engine: "gaussdbv5-dbmind" }, "engineVersion", /required for gaussdbv5-dbmind/],
    ["solution", { solution: "hexaset" }, "solution", /"hexaset" is not one of single, triset/],
    ["too few hosts for triset", { manageIps: ips(1, 2) }, "manageIps", /names 2 host\(s\).*triset needs exactly 3; list 3 hosts/],
    ["too many hosts for single", { solution: "single" }, "manageIps", /names 3 host\(s\).*single needs exactly 1/],
    ["pentaset with 4 hosts", { solution: "pentaset", manageIps: ips(1, 4) }, "manageIps", /pentaset needs exactly 5/],
    ["hcs2 with 4 hosts (not whole groups)", { solution: "hcs2", manageIps: ips(1, 4) }, "manageIps", /hcs2 needs 3, or 3 plus whole node groups of 3/],
    ["AZ hosts count towards the total", { manageIps: ips(1, 3), masterAzIps: [ip(9)] }, "manageIps", /names 4 host\(s\) \(manageIps plus the AZ lists\)/],
    ["masterAzIps on pentaset", { solution: "pentaset", manageIps: ips(1, 4), masterAzIps: [ip(5)] }, "masterAzIps", /\["10.0.0.5"\] is not accepted by solution pentaset; only triset, quadruset, trisetnoetcd, quadrusetnoetcd, hcs1 take masterAzIps/],
    ["slaveAzIps on triset", { manageIps: ips(1, 2), slaveAzIps: [ip(3)] }, "slaveAzIps", /not accepted by solution triset; only quadruset, quadrusetnoetcd, hcs1 take slaveAzIps/],
    ["arbiterAzIps on hcs2", { solution: "hcs2", manageIps: ips(1, 2), arbiterAzIps: [ip(3)] }, "arbiterAzIps", /only quadruset, quadrusetnoetcd, hcs1, hcs4 take arbiterAzIps/],
    ["two arbiter hosts on quadruset", { solution: "quadruset", manageIps: ips(1, 3), arbiterAzIps: ips(4, 2) }, "arbiterAzIps", /names 2 hosts; quadruset has one arbiter node \(reference 4.11.6 "一主三备一仲裁五节点"\)/],
    ["no hosts at all", { manageIps: undefined }, "manageIps", /names 0 host\(s\) \(manageIps plus the AZ lists\) but solution triset needs exactly 3/],
    ["a host in two AZs", { solution: "quadruset", manageIps: ips(1, 3), masterAzIps: [ip(4)], slaveAzIps: [ip(4), ip(5)] }, "slaveAzIps", /10.0.0.4 is already in masterAzIps/],
    ["a host listed twice counts once", { manageIps: [ip(1), ip(1), ip(2)] }, "manageIps", /names 2 host\(s\).*triset needs exactly 3/],
    ["bad manage IP", { manageIps: [ip(1), ip(2), "10.0.0.300"] }, "manageIps.2", /"10.0.0.300" is not an IP address/],
    ["ha.mode of the other family", { ha: { mode: "combined" } }, "ha.mode", /"combined" does not fit solution triset \(centralized\); use centralization_standard/],
    ["ha.mode for distributed", { solution: "hcs2", ha: { mode: "centralization_standard" } }, "ha.mode", /does not fit solution hcs2 \(distributed\); use combined/],
    ["quorum on a noetcd solution", { solution: "trisetnoetcd", ha: { consistencyProtocol: "quorum" } }, "ha.consistencyProtocol", /"quorum" is not supported by trisetnoetcd; the noetcd solutions support only paxos/],
    ["replication mode", { ha: { replicationMode: "async" } }, "ha.replicationMode", /"async" is not one of sync/],
    ["consistency", { ha: { consistency: "weak" } }, "ha.consistency", /"weak" is not one of strong, eventual/],
    ["port below 1024", { port: 80 }, "port", /80 is below the minimum 1024/],
    ["port above 39989", { port: 40000 }, "port", /40000 is above the maximum 39989/],
    ["reserved port 5000", { port: 5000 }, "port", /5000 is reserved by TPOPS .*choose another port/],
    ["reserved port 32124", { port: 32124 }, "port", /32124 is reserved by TPOPS/],
    ["M-compat port reserved", { mysqlCompatibilityPort: 9100 }, "mysqlCompatibilityPort", /9100 is reserved by TPOPS/],
    ["M-compat port out of range", { mysqlCompatibilityPort: 80 }, "mysqlCompatibilityPort", /80 is outside 1024-39989; use a port in that range, or 0/],
    ["M-compat port next to the database port", { port: 8000, mysqlCompatibilityPort: 8005 }, "mysqlCompatibilityPort", /8005 lies in \[port, port\+10\] = \[8000, 8010\]/],
    ["floatIp on single", { solution: "single", manageIps: [ip(1)], floatIp: ip(99) }, "floatIp", /not available for solution single; floating IPs exist only for multi-node centralized/],
    ["keep backup days not whole", { deletion: { keepFullBackupDays: 1.5 } }, "deletion.keepFullBackupDays", /1.5 is not a whole number/],
    ["deletion unknown key", { deletion: { wipe: true } }, "deletion", /unknown/],
    ["install dir name unknown", { installSettings: { dirs: { dataDir: "/data" } } }, "installSettings.dirs", /installSettings.dirs: unknown property dataDir; remove it/],
    ["component on a foreign host", { installSettings: { componentDistributions: [{ component: "cm", ip: ip(50) }] } }, "installSettings.componentDistributions[0].ip", /"10.0.0.50" is not one of the instance's hosts/],
    ["component without a name", { installSettings: { componentDistributions: [{ component: "", ip: ip(1) }] } }, "installSettings.componentDistributions.0.component", /is empty; name the component/],
    ["password too short", { password: "Ab_1" }, "password", /\[secret\] is shorter than 8 characters \(reference 4.4.16\)/],
    ["password with two classes", { password: "abcdefgh12" }, "password", /\[secret\] must contain three of.*\(reference 4.4.16\)/],
    ["password with a space", { password: "Gauss 12345" }, "password", /\[secret\] contains a character outside letters, digits and/],
    ["password with -", { password: "Gauss-12345" }, "password", /contains a character outside/],
    ["password with :", { password: "Gauss:12345" }, "password", /contains a character outside/],
    ["rdsAdmin password equal to the user name", { rdsAdminPassword: "RdsAdmin" }, "rdsAdminPassword", /\[secret\] must contain three of/],
    ["rdsAdmin password too short", { rdsAdminPassword: "Rds_1" }, "rdsAdminPassword", /\[secret\] is shorter than 8 characters/],
    ["missing solution", { solution: undefined }, "solution", /solution is required/],
    ["missing password", { password: undefined }, "password", /password is required/],
  ];
  it.each(cases)("%s", async (_t, override, property, reason) => {
    const r = await instance.check({}, { ...base(), ...override });
    const f = r.failures?.find((x) => x.property === property);
    expect(f?.reason, JSON.stringify(r.failures)).toMatch(reason);
    expect(f?.reason.startsWith(property)).toBe(true);
  });

  it("never shows a password in a failure", async () => {
    const r = await instance.check({}, { ...base(), password: "weakpassword", rdsAdminPassword: "alsoweak", deletion: { clearData: false } });
    expect(r.failures?.length).toBeGreaterThan(1);
    expect(JSON.stringify(r.failures)).not.toMatch(/weakpassword|alsoweak/);
  });

  it("normalises case-insensitive enums, derives ha from the solution and applies defaults", async () => {
    const inputs = await checked(instance, { ...base(), osType: "KYLIN", cpuSpec: "INTEL", arch: "x86", solution: "TriSet", hostType: "bms", __autoNamePrefix: "db" });
    expect(inputs).toMatchObject({
      osType: "Kylin",
      cpuSpec: "Intel",
      arch: "X86",
      solution: "triset",
      hostType: "BMS",
      engine: "GaussDB",
      mysqlCompatibilityPort: 0,
      adopt: false,
      ha: { mode: "centralization_standard", consistency: "strong", replicationMode: "sync", consistencyProtocol: "quorum" },
    });
    const noetcd = await checked(instance, { ...base(), solution: "pentasetnoetcd", manageIps: ips(1, 5) });
    expect(noetcd.ha).toMatchObject({ consistencyProtocol: "paxos" });
    const dist = await checked(instance, { ...base(), solution: "hcs6", manageIps: [ip(1)] });
    expect(dist.ha).toMatchObject({ mode: "combined" });
  });

  it("accepts every solution with its documented host count and AZ lists", async () => {
    for (const [name, spec] of Object.entries(SOLUTIONS)) {
      const azs: Record<string, string[]> = {};
      let manage = ips(1, spec.hosts);
      if ((spec.azLists as readonly string[]).includes("masterAzIps") && spec.hosts > 1) {
        azs.masterAzIps = [ip(1)];
        manage = ips(2, spec.hosts - 1);
      }
      const extra = { solution: name, manageIps: manage, ...azs, ...(spec.noEtcd ? {} : {}) };
      await checked(instance, { ...base(), ...extra });
    }
  });

  it("auto-names from the resource name with a valid instance name", async () => {
    const { name: _n, ...rest } = base();
    const a = await checked(instance, { ...rest, __autoNamePrefix: "1st db" });
    expect(a.name).toMatch(/^db-1st-db-[0-9a-f]{6}$/);
  });

  it("refuses a downgrade of engineVersion at preview", async () => {
    const r = await instance.check({ ...base(), engineVersion: "3.200.0" }, { ...base(), engineVersion: "3.103.0" });
    expect(r.failures?.find((f) => f.property === "engineVersion")?.reason).toMatch(/"3.103.0" is older than "3.200.0"; downgrades are not possible.*Keep 3.200.0/);
  });

  it("skips values unknown at preview", async () => {
    const r = await instance.check({}, { ...base(), manageIps: UNKNOWN, port: UNKNOWN, password: UNKNOWN });
    expect(r.failures ?? []).toEqual([]);
    const r2 = await instance.check({}, { ...base(), manageIps: [ip(1), UNKNOWN, UNKNOWN] });
    expect(r2.failures ?? []).toEqual([]);
  });
});

describe("passwords: exactly the rule reference 4.4.16 prints (plus 4.11.6's `_`)", () => {
  const cases: [string, string, RegExp | undefined][] = [
    // Valid: containing the user name or its reverse is no rule of the reference.
    ["MyRoot_2024x", "contains root", undefined],
    ["Root_12345", "starts with root", undefined],
    ["xtoor_12345A", "contains toor", undefined],
    ["Rdsadmin_1A", "contains rdsadmin", undefined],
    ["Gauss_234", "the reference's own example (4.11.6)", undefined],
    ["Gauss\\1234", "backslash is in the printed set", undefined],
    ["Gauss|1234", "| is read into the printed set (the blank after \\)", undefined],
    ["Gauss~!@#$%^&*()=+[{}];,<.>/?1", "every other printed special", undefined],
    ["abcdEFGH", "upper and lower case only: two classes", /three of/],
    ["ABCD1234", "upper case and digits only", /three of/],
    ["abcd_efgh", "lower case and a special only", /three of/],
    ["abcd1234_", "lower case, digits, special: three classes", undefined],
    ["Ab_12345", "exactly 8", undefined],
    ["Ab_1234", "7 characters", /shorter than 8/],
    ["root", "equal to the user name (openGauss refuses it; here by length)", /shorter than 8/],
    ["ROOT", "the user name in upper case", /shorter than 8/],
    ["toor", "the user name reversed", /shorter than 8/],
    ["RdsAdmin", "equal to rdsAdmin (two classes)", /three of/],
    ["nimdAsdr", "rdsAdmin reversed (two classes)", /three of/],
    ["Gauss-1234", "- is not in the printed set", /character outside/],
    ["Gauss:1234", ": is not in the printed set", /character outside/],
    ["Gauss 1234", "a space is not in the set", /character outside/],
    ["Gauss'1234", "' is not in the set", /character outside/],
    ["Gauss\"1234", '" is not in the set', /character outside/],
    ["Gauß_12345", "a non-ASCII letter", /character outside/],
  ];
  it.each(cases)("%s (%s)", (pw, _why, problem) => {
    const got = passwordProblem(pw);
    if (problem) expect(got).toMatch(problem);
    else expect(got).toBeUndefined();
  });

  it("prints the set the reference prints: \\ and | in, - and : out, plus _", () => {
    expect(PASSWORD_SPECIALS).toBe("~!@#$%^&*()=+\\|[{}];,<.>/?_");
  });

  it("warns, without blocking, above 32 characters (GaussDB's default password_max_length)", () => {
    expect(passwordWarning("Ab_" + "x".repeat(29))).toBeUndefined();
    expect(passwordWarning("Ab_" + "x".repeat(30))).toMatch(/longer than 32 characters: .*password_max_length/);
    expect(passwordProblem("Ab_" + "x".repeat(60))).toBeUndefined();
  });

  it("accepts a password containing the user name at check", async () => {
    const r = await instance.check({}, { ...base(), password: "MyRoot_2024x", rdsAdminPassword: "MyRdsadmin_2024", deletion: { clearData: false } });
    expect(r.failures ?? []).toEqual([]);
  });
});

describe("rules the reference does not state: warnings, never failures", () => {
  beforeEach(() => resetWarnings());
  afterEach(() => vi.restoreAllMocks());
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["name shorter than 4", { name: "db" }, "name", /"db" may be refused as an instance name \(A.3 DBS.200021\): GaussDB instance names have 4-64 characters/],
    ["name starting with a digit", { name: "1db-x" }, "name", /"1db-x" may be refused/],
    ["arch not matching the CPU", { cpuSpec: "kunpeng", arch: "x86" }, "arch", /"X86" does not match cpuSpec "Kunpeng": Kunpeng processors are ARM/],
    ["time zone in another form", { timeZone: "CET" }, "timeZone", /"CET" is not in the form the platform reports time zones \(UTC\+08:00/],
    ["a host listed twice", { manageIps: [ip(1), ip(1), ip(2), ip(3)] }, "manageIps", /lists 10.0.0.1 more than once; it is one host, counted and sent once/],
    ["floatIp on a host", { floatIp: ip(2) }, "floatIp", /"10.0.0.2" is one of the instance's hosts/],
    ["M-compat port next to the default port", { mysqlCompatibilityPort: 8010 }, "mysqlCompatibilityPort", /8010 lies in \[8000, 8010\]: if the platform's default port is 8000/],
    ["unmanage without rdsAdmin password", { deletion: { clearData: false } }, "rdsAdminPassword", /not set while deletion.clearData is false: unmanaging then leaves rdsAdmin with a password only TPOPS knew/],
    ["keep backup days above 732", { deletion: { keepFullBackupDays: 733 } }, "deletion.keepFullBackupDays", /733 is outside 0-732/],
    ["keep backup days negative", { deletion: { keepDifferentialBackupDays: -1 } }, "deletion.keepDifferentialBackupDays", /-1 is outside 0-732/],
    ["install dir not absolute", { installSettings: { dirs: { installDir: "opt/gauss" } } }, "installSettings.dirs.installDir", /"opt\/gauss" is not an absolute directory/],
    ["two arbiter hosts on hcs4", { solution: "hcs4", manageIps: ips(1, 3), arbiterAzIps: ips(4, 2) }, "arbiterAzIps", /names 2 hosts; the reference's hcs4 example has one arbiter host/],
    ["a password longer than 32", { password: "Ab_" + "x".repeat(30) }, "password", /\[secret\] is longer than 32 characters/],
  ];
  it.each(cases)("%s", async (_t, override, property, reason) => {
    const inputs = { ...base(), ...override };
    const r = await instance.check({}, inputs);
    expect(r.failures ?? [], JSON.stringify(r.failures)).toEqual([]);
    const w = warnings(r.inputs!).concat(warnings(inputs)).find((x) => x.property === property);
    expect(w?.reason).toMatch(reason);
    expect(w?.reason.startsWith(property)).toBe(true);
  });

  it("prints each warning once per resource, on stderr when the engine is not there, without the password", async () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const long = "Ab_" + "y".repeat(30);
    await instance.check({}, { ...base(), name: "db", password: long, __autoNamePrefix: "main-db" });
    await instance.check({}, { ...base(), name: "db", password: long, __autoNamePrefix: "main-db" });
    const out = stderr.mock.calls.map((c) => String(c[0])).join("");
    expect(out.match(/warn: Instance main-db: name: "db" may be refused/g)).toHaveLength(1);
    expect(out).toMatch(/warn: Instance main-db: password: \[secret\] is longer than 32/);
    expect(out).not.toContain(long);
  });

  it("a version that is no dotted number: the form is only warned about; what decides is the platform's list (4.12.1)", async () => {
    expect(warnings({ ...base(), engineVersion: "latest" }).map((w) => w.reason)).toEqual([expect.stringMatching(/engineVersion: "latest" is not a dotted version such as 3.200.0/)]);
    const r = await instance.check({}, { ...base(), engineVersion: "latest" });
    expect(r.failures?.[0]?.reason).toMatch(/engineVersion: "latest" is not offered by the platform; it offers .*3.200.0/);
  });

  it("sends and records a host named twice once", async () => {
    const inputs = await checked(instance, { ...base(), manageIps: [ip(1), ip(2), ip(2), ip(3)] });
    expect(inputs.manageIps).toEqual([ip(1), ip(2), ip(3)]);
  });
});

describe("manageIps is optional (reference 4.11.6 manage_ip 否)", () => {
  it.each([
    ["triset with every host in masterAzIps", { solution: "triset", manageIps: undefined, masterAzIps: ips(1, 3) }],
    ["quadruset with the hosts in the master, slave and arbiter AZs", { solution: "quadruset", manageIps: undefined, masterAzIps: ips(1, 2), slaveAzIps: ips(3, 2), arbiterAzIps: [ip(5)] }],
    ["hcs1 from its AZ lists", { solution: "hcs1", manageIps: undefined, masterAzIps: ips(1, 4), slaveAzIps: ips(5, 4), arbiterAzIps: [ip(9)] }],
    ["pentaset with manageIps and loggerAzIps", { solution: "pentaset", manageIps: ips(1, 4), loggerAzIps: [ip(5)] }],
  ])("accepts %s", async (_t, override) => {
    const { manageIps: _m, ...rest } = base();
    await checked(instance, { ...rest, ...override });
  });

  it("plans no change for a state and program without manageIps", async () => {
    const { manageIps: _m, ...rest } = base();
    const state = { ...rest, masterAzIps: ips(1, 3), engine: "GaussDB", hostType: "BMS", engineVersion: "3.200.0", mysqlCompatibilityPort: 0 };
    expect(planChanges(state, { ...state })).toMatchObject({ replaces: [], steps: [] });
    expect(planChanges(state, { ...state, masterAzIps: ips(1, 2).concat(ip(9)) }).replaces).toEqual(["masterAzIps"]);
  });

  it("creates from the AZ lists alone, sending no manage_ip, and records no manageIps", async () => {
    const hosts = await addHosts(emu, 3);
    const { manageIps: _m, ...args } = instanceArgs("triset", [], { masterAzIps: hosts, engineVersion: "3.200.0" });
    const { id, outs } = await createInstance(emu, args);
    expect(outs.manageIps).toBeUndefined();
    expect(outs.masterAzIps).toEqual(hosts);
    expect((outs.nodes as unknown[]).length).toBe(3);
    const held = (await emu.control.state()).hosts.filter((h: { instance_id: string }) => h.instance_id === id);
    expect(held).toHaveLength(3);
    // The host-in-use preview check counts hosts named only in the AZ lists.
    const r = await instance.check({}, { ...args, name: "db-other" });
    expect(r.failures?.map((f) => f.property)).toEqual(["masterAzIps"]);
  });
});

describe("diff: in place versus replace", () => {
  const state = (extra: Record<string, unknown> = {}) => ({ ...base(), engine: "GaussDB", hostType: "BMS", engineVersion: "3.103.0", mysqlCompatibilityPort: 0, ha: { mode: "centralization_standard" }, ...extra });
  const cases: [string, Record<string, unknown>, Record<string, unknown>, string[], string[]][] = [
    ["port replaces", {}, { port: 8100 }, ["port"], []],
    ["password replaces", {}, { password: "Other_pw_99" }, ["password"], []],
    ["osType replaces", {}, { osType: "UnionTech" }, ["osType"], []],
    ["timeZone replaces", {}, { timeZone: "UTC+01:00" }, ["timeZone"], []],
    ["engineVersion upgrades in place", {}, { engineVersion: "3.200.0" }, [], ["upgrade"]],
    ["M-compat port in place", {}, { mysqlCompatibilityPort: 3306 }, [], ["mysqlPort"]],
    ["triset→pentaset adding 2 hosts grows in place", {}, { solution: "pentaset", manageIps: ips(1, 5) }, [], ["grow"]],
    ["pentaset→triset removing 2 hosts shrinks in place", { solution: "pentaset", manageIps: ips(1, 5) }, { solution: "triset", manageIps: ips(1, 3) }, [], ["shrink"]],
    ["triset→pentaset swapping a host replaces", {}, { solution: "pentaset", manageIps: [...ips(2, 2), ...ips(10, 3)] }, ["manageIps", "solution"], []],
    ["triset→quadruset replaces", {}, { solution: "quadruset", manageIps: ips(1, 5) }, ["manageIps", "solution"], []],
    ["a different host replaces", {}, { manageIps: [ip(1), ip(2), ip(9)] }, ["manageIps"], []],
    ["reordering hosts is no change", {}, { manageIps: [ip(3), ip(1), ip(2)] }, [], []],
    ["distributed: adding a node group expands in place", { solution: "hcs2" }, { solution: "hcs2", manageIps: ips(1, 6) }, [], ["expand"]],
    ["distributed: removing hosts replaces", { solution: "hcs2", manageIps: ips(1, 6) }, { solution: "hcs2", manageIps: ips(1, 3) }, ["manageIps"], []],
    ["deletion settings need no API call", {}, { deletion: { clearData: false }, rdsAdminPassword: "Rds_admin_77" }, [], []],
    ["several in-place changes run shrink, upgrade, grow, port", {}, { engineVersion: "3.200.0", solution: "pentaset", manageIps: ips(1, 5), mysqlCompatibilityPort: 3306 }, [], ["upgrade", "grow", "mysqlPort"]],
  ];
  it.each(cases)("%s", async (_t, oldOver, newOver, replaces, steps) => {
    const olds = state(oldOver);
    const news = { ...olds, ...newOver };
    const plan = planChanges(olds, news);
    expect(plan.replaces).toEqual(replaces);
    expect(plan.steps.map((s) => s.kind)).toEqual(steps);
    if (!steps.length) {
      // No platform call is needed to classify these.
      const d = await instance.diff("id", olds, news);
      expect(d.replaces).toEqual(replaces);
      expect(d.deleteBeforeReplace).toBe(replaces.length > 0);
    }
  });

  it("plans an unknown host list as a possible change without refusing it", async () => {
    const olds = state();
    const d = await instance.diff("id", olds, { ...olds, manageIps: UNKNOWN });
    expect(d).toMatchObject({ changes: true, replaces: [] });
  });
});

describe("Instance lifecycle", () => {
  it("creates with the newest engine version, waits for BUILD → ACTIVE, reads and deletes, freeing the hosts", async () => {
    const hosts = await addHosts(emu, 3);
    const inputs = await checked(instance, instanceArgs("triset", hosts.slice(1), { masterAzIps: [hosts[0]], name: "db-life" }));
    const created = await instance.create(inputs);
    expect(created.outs).toMatchObject({ status: "ACTIVE", engineVersion: "3.301.0", port: 8000, dbUserName: "root", password: PASSWORD, solution: "triset", mysqlCompatibilityPort: 0 });
    const nodes = created.outs.nodes as { role: string; ips: { manage: string }; az: string }[];
    expect(nodes).toHaveLength(3);
    expect(nodes.find((n) => n.role === "master")?.ips.manage).toBe(hosts[0]);
    expect(nodes[0]?.az).toBe("AZ1");
    expect(created.outs.privateIps).toHaveLength(3);
    expect(await jobs(emu)).toContain("CreateGaussDBV5Instance:Completed");
    const hostState = (await emu.control.state()).hosts;
    expect(hostState.every((h: { status: string; instance_id: string }) => h.status === "in_use" && h.instance_id === created.id)).toBe(true);

    const read = await instance.read(created.id, { ...created.outs, __provider: PROVIDER });
    expect(read.id).toBe(created.id);
    expect(read.inputs).toMatchObject({ engineVersion: "3.301.0", manageIps: hosts.slice(1), password: PASSWORD });

    await instance.delete(created.id, created.outs);
    expect(await jobs(emu)).toContain("DeleteGaussDBInstance:Completed");
    const after = await emu.control.state();
    expect(after.instances).toHaveLength(0);
    expect(after.hosts.every((h: { status: string }) => h.status === "initialized")).toBe(true);
    expect((await instance.read(created.id, created.outs)).id).toBe("");
  });

  it("records a partial create carrying the id when the install job fails, without the password in the error", async () => {
    const hosts = await addHosts(emu, 1);
    await emu.control.nextJob({ name: "CreateGaussDBV5Instance", outcome: "fail", failReason: "cm_agent install failed on 10.9.0.1" });
    const err = (await instance.create(await checked(instance, instanceArgs("single", hosts, { engineVersion: "3.200.0" }))).catch((e: unknown) => e)) as Error & {
      id?: string;
      properties?: Record<string, unknown>;
    };
    expect(err.message).toMatch(/cm_agent install failed/);
    expect(err.id).toMatch(/in14$/);
    expect(err.properties).toMatchObject({ status: "FAILED", engineVersion: "3.200.0", __provider: PROVIDER });
    expect(err.message).not.toContain(PASSWORD);
    // The failed instance is still on the platform: the next `up` sees it through read.
    expect((await instance.read(err.id!, err.properties!)).props).toMatchObject({ status: "FAILED" });
    // The engine retries a partial create through update: the FAILED instance is reported, not silently kept.
    await expect(instance.update(err.id!, err.properties!, err.properties!)).rejects.toThrow(/is FAILED on the platform .*pulumi up --replace/);
  });

  it("keeps the password out of platform errors", async () => {
    const err = (await instance.create(await checked(instance, instanceArgs("single", ["10.9.9.9"], { engineVersion: "3.200.0" }))).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/DBS\.06025031/);
    expect(err.message).not.toContain(PASSWORD);
  });

  it("unmanages without rdsAdminPassword (reference 4.11.5 requires it only without clear_data), sending none", async () => {
    const hosts = await addHosts(emu, 1);
    const { id, outs } = await createInstance(emu, instanceArgs("single", hosts, { deletion: { clearData: false } }));
    await instance.delete(id, outs);
    expect(await jobs(emu)).toContain("UnmanageGaussDBInstance:Completed");
  });

  it("refuses an M-compatibility port next to the port the platform chose before opening it (port omitted)", async () => {
    const hosts = await addHosts(emu, 1);
    const inputs = await checked(instance, instanceArgs("single", hosts, { engineVersion: "3.200.0", mysqlCompatibilityPort: 8005 }));
    await emu.control.setTimeScale(SETUP_SCALE);
    const err = (await instance.create(inputs).catch((e: unknown) => e)) as Error & { id?: string };
    await emu.control.setTimeScale(TEST_SCALE);
    expect(err.message).toMatch(/mysqlCompatibilityPort 8005 lies in \[port, port\+10\] = \[8000, 8010\] of the database port the platform chose/);
    expect(err.id).toMatch(/in14$/);
    expect(await requestCount(emu, "POST", "/gaussdb/v3/instances/{instance_id}/mysql-compatibility")).toBe(0);
  });

  it("unmanages instead of uninstalling when deletion.clearData is false", async () => {
    const hosts = await addHosts(emu, 1);
    const { id, outs } = await createInstance(emu, instanceArgs("single", hosts, { deletion: { clearData: false }, rdsAdminPassword: "Rds_Admin_77" }));
    await instance.delete(id, outs);
    expect(await jobs(emu)).toContain("UnmanageGaussDBInstance:Completed");
    expect((await emu.control.state()).hosts[0].status).toBe("unmanaged");
  });

  it("refuses a duplicate name without adopt, and adopts with it (upgrading in place)", async () => {
    const hosts = await addHosts(emu, 1);
    const first = await createInstance(emu, instanceArgs("single", hosts, { name: "legacy-db", engineVersion: "3.103.0" }));
    await expect(instance.create(await checked(instance, instanceArgs("single", hosts, { name: "legacy-db" })))).rejects.toThrow(/name "legacy-db" already exists.*adopt: true/);
    await expect(instance.create(await checked(instance, instanceArgs("single", ["10.9.9.8"], { name: "legacy-db", adopt: true })))).rejects.toThrow(/cannot adopt.*hosts/);
    const adopted = await instance.create(await checked(instance, instanceArgs("single", hosts, { name: "legacy-db", adopt: true, engineVersion: "3.200.0" })));
    expect(adopted.id).toBe(first.id);
    expect(adopted.outs).toMatchObject({ adopt: true, engineVersion: "3.200.0", status: "ACTIVE" });
    expect(await jobs(emu)).toContain("UpgradeGaussDBInstance:Completed");
  });
});

describe("in-place changes, each waiting for its job", () => {
  it("upgrades engineVersion to a candidate, and refuses a non-candidate at preview", async () => {
    const hosts = await addHosts(emu, 1);
    const { id, outs } = await createInstance(emu, instanceArgs("single", hosts, { engineVersion: "3.103.0" }));
    const skip = await checked(instance, { ...outs, engineVersion: "3.301.0" }, outs);
    await expect(instance.diff(id, outs, skip)).rejects.toThrow(/3.301.0 is not an upgrade candidate.*running 3.103.0; candidates: 3.200.0/);
    const news = await checked(instance, { ...outs, engineVersion: "3.200.0" }, outs);
    expect(await instance.diff(id, outs, news)).toMatchObject({ changes: true, replaces: [] });
    const r = await instance.update(id, outs, news);
    expect(r.outs).toMatchObject({ engineVersion: "3.200.0", status: "ACTIVE" });
    expect(await jobs(emu)).toContain("UpgradeGaussDBInstance:Completed");
    expect(await requestCount(emu, "PUT", "/gaussdb/v3.1/instances/{instance_id}/db-upgrade", 202)).toBe(1);
  });

  it("grows triset → pentaset with two new hosts and shrinks back, freeing them", async () => {
    const hosts = await addHosts(emu, 5);
    const { id, outs } = await createInstance(emu, instanceArgs("triset", hosts.slice(0, 3), { engineVersion: "3.200.0" }));
    const grow = await checked(instance, { ...outs, solution: "pentaset", manageIps: hosts }, outs);
    const grown = await instance.update(id, outs, grow);
    expect(grown.outs).toMatchObject({ solution: "pentaset" });
    expect(grown.outs.nodes).toHaveLength(5);
    const shrink = await checked(instance, { ...grown.outs, solution: "triset", manageIps: hosts.slice(0, 3) }, grown.outs);
    const shrunk = await instance.update(id, grown.outs, shrink);
    expect(shrunk.outs.nodes).toHaveLength(3);
    expect(await jobs(emu)).toEqual(expect.arrayContaining(["ChangeGaussDBInstanceSolution:Completed"]));
    expect(await requestCount(emu, "PUT", "/gaussdb/v3/instances/{instance_id}/solution", 202)).toBe(2);
    const freed = (await emu.control.state()).hosts.filter((h: { ip: { manage_ip: string } }) => hosts.slice(3).includes(h.ip.manage_ip));
    expect(freed.map((h: { status: string }) => h.status)).toEqual(["initialized", "initialized"]);
  });

  it("expands a distributed instance by a node group", async () => {
    const hosts = await addHosts(emu, 6);
    const { id, outs } = await createInstance(emu, instanceArgs("hcs2", hosts.slice(0, 3), { engineVersion: "3.200.0" }));
    const news = await checked(instance, { ...outs, manageIps: hosts }, outs);
    const r = await instance.update(id, outs, news);
    expect(r.outs.nodes).toHaveLength(6);
    expect(await jobs(emu)).toContain("ExpandGaussDBInstanceNodes:Completed");
  });

  it("creates a distributed instance with extra node groups by create + expansion", async () => {
    const hosts = await addHosts(emu, 6);
    const { outs } = await createInstance(emu, instanceArgs("hcs2", hosts, { engineVersion: "3.200.0" }));
    expect(outs.nodes).toHaveLength(6);
    expect(await jobs(emu)).toEqual(["AddHosts:Completed", "CreateGaussDBV5Instance:Completed", "ExpandGaussDBInstanceNodes:Completed"]);
  });

  it("opens, moves and closes the M-compatibility port", async () => {
    const hosts = await addHosts(emu, 1);
    const { id, outs } = await createInstance(emu, instanceArgs("single", hosts, { engineVersion: "3.200.0", mysqlCompatibilityPort: 3306 }));
    const rec = () => emu.ctx.state.data.instances[id] as unknown as { mysql_port: number | null };
    expect(rec().mysql_port).toBe(3306);
    const moved = await instance.update(id, outs, await checked(instance, { ...outs, mysqlCompatibilityPort: 3310 }, outs));
    expect(rec().mysql_port).toBe(3310);
    // Leaving the port out means closed (default 0).
    const { mysqlCompatibilityPort: _m, ...without } = moved.outs;
    const closed = await instance.update(id, moved.outs, await checked(instance, without, moved.outs));
    expect(rec().mysql_port).toBeNull();
    expect(closed.outs.mysqlCompatibilityPort).toBe(0);
    expect(await requestCount(emu, "POST", "/gaussdb/v3/instances/{instance_id}/mysql-compatibility", 202)).toBe(1);
    expect(await requestCount(emu, "PUT", "/gaussdb/v3/instances/{instance_id}/mysql-compatibility", 202)).toBe(2);
  });

  it("runs several in-place changes in the safe order, one job after another", async () => {
    const hosts = await addHosts(emu, 5);
    const { id, outs } = await createInstance(emu, instanceArgs("triset", hosts.slice(0, 3), { engineVersion: "3.103.0" }));
    const news = await checked(instance, { ...outs, engineVersion: "3.200.0", solution: "pentaset", manageIps: hosts, mysqlCompatibilityPort: 3306 }, outs);
    const r = await instance.update(id, outs, news);
    expect(r.outs).toMatchObject({ engineVersion: "3.200.0", solution: "pentaset", mysqlCompatibilityPort: 3306 });
    expect((await jobs(emu)).slice(2)).toEqual(["UpgradeGaussDBInstance:Completed", "ChangeGaussDBInstanceSolution:Completed", "EnableMysqlCompatibility:Completed"]);
  });

  it("retries while the instance is busy with another job (409 DBS.200019)", async () => {
    const hosts = await addHosts(emu, 1);
    const { id, outs } = await createInstance(emu, instanceArgs("single", hosts, { engineVersion: "3.200.0" }));
    const restart = await emu.api("POST", `/gaussdb/v3/instances/${id}/restart`);
    expect(restart.status).toBe(202);
    const r = await instance.update(id, outs, await checked(instance, { ...outs, mysqlCompatibilityPort: 3306 }, outs));
    expect(r.outs.mysqlCompatibilityPort).toBe(3306);
    expect(await requestCount(emu, "POST", "/gaussdb/v3/instances/{instance_id}/mysql-compatibility", 409)).toBeGreaterThan(0);
    expect(await requestCount(emu, "POST", "/gaussdb/v3/instances/{instance_id}/mysql-compatibility", 202)).toBe(1);
  });

  it("retries an upgrade while the instance is in another operation (400 DBS.280012, reference A.3)", async () => {
    const hosts = await addHosts(emu, 1);
    const { id, outs } = await createInstance(emu, instanceArgs("single", hosts, { engineVersion: "3.103.0" }));
    const restart = await emu.api("POST", `/gaussdb/v3/instances/${id}/restart`);
    expect(restart.status).toBe(202);
    const r = await instance.update(id, outs, await checked(instance, { ...outs, engineVersion: "3.200.0" }, outs));
    expect(r.outs.engineVersion).toBe("3.200.0");
    const route = "/gaussdb/v3.1/instances/{instance_id}/db-upgrade";
    expect(await requestCount(emu, "PUT", route, 400)).toBeGreaterThan(0);
    expect(await requestCount(emu, "PUT", route, 202)).toBe(1);
  });
});
