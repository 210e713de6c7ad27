import { describe, expect, it } from "vitest";
import {
  checkCreateRequest,
  checkDbPort,
  checkHostsForInstance,
  checkInstanceName,
  checkMysqlPort,
  checkPassword,
  checkTimeZone,
  isReservedPort,
  PASSWORD_SPECIALS,
  ROOT_PASSWORD_SPECIALS,
  type HostFacts,
} from "../../emulator/domain/instance-rules";
import { SOLUTIONS, SOLUTION_NAMES, SOLUTION_CHANGES, noEtcdCounterpart } from "../../emulator/domain/solutions";
import { ENGINE_VERSIONS, UPGRADE_CANDIDATES, compareVersions, latestVersion, upgradeCandidates } from "../../emulator/domain/engine-versions";

const ips = (n: number, base = 10): string[] => Array.from({ length: n }, (_, i) => `192.168.1.${base + i}`);

function request(solution: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const spec = SOLUTIONS[solution as keyof typeof SOLUTIONS];
  return {
    name: "gaussdb-s10d",
    os_type: "kylin",
    datastore: { type: "GaussDB", version: "3.200.0" },
    host_type: "BMS",
    cpu_spec: "intel",
    arch: "X86",
    ha: { mode: spec.haMode, consistency: "strong", replication_mode: "sync", consistency_protocol: spec.noEtcd ? "paxos" : "quorum" },
    solution,
    port: "8000",
    password: "Gauss_234",
    manage_ip: ips(spec.hostCount),
    ...overrides,
  };
}

describe("solutions", () => {
  it("has the twelve documented solutions", () => {
    expect(SOLUTION_NAMES).toHaveLength(12);
  });
  it.each([
    ["single", 1], ["triset", 3], ["quadruset", 5], ["pentaset", 5], ["trisetnoetcd", 3], ["quadrusetnoetcd", 5],
    ["pentasetnoetcd", 5], ["hcs1", 9], ["hcs2", 3], ["hcs3", 4], ["hcs4", 5], ["hcs6", 1],
  ] as const)("%s runs on %i hosts", (name, count) => {
    expect(SOLUTIONS[name].hostCount).toBe(count);
  });
  it("changes only triset<->pentaset and the noetcd pair", () => {
    expect(SOLUTION_CHANGES).toEqual({ triset: "pentaset", pentaset: "triset", trisetnoetcd: "pentasetnoetcd", pentasetnoetcd: "trisetnoetcd" });
    expect(noEtcdCounterpart("quadruset")).toBe("quadrusetnoetcd");
    expect(noEtcdCounterpart("hcs1")).toBe("hcs1");
  });
});

describe("engine versions", () => {
  it("defaults to the newest version and orders numerically", () => {
    expect(latestVersion()).toBe(ENGINE_VERSIONS[ENGINE_VERSIONS.length - 1]);
    expect(compareVersions("3.103.0", "3.20.0")).toBeGreaterThan(0);
    expect(compareVersions("3.200.0", "3.200.0")).toBe(0);
  });
  it("only offers newer versions as upgrade candidates", () => {
    for (const [from, tos] of Object.entries(UPGRADE_CANDIDATES)) for (const to of tos) expect(compareVersions(to, from)).toBeGreaterThan(0);
    expect(upgradeCandidates("3.103.0")).toEqual(["3.200.0"]);
    expect(upgradeCandidates("9.9.9")).toEqual([]);
  });
});

describe("ports", () => {
  it.each([2378, 2379, 2380, 2400, 4999, 5000, 5001, 5100, 5500, 5999, 6000, 6001, 6009, 6010, 6500, 8015, 8097, 8098, 8181, 9090, 9100, 9180, 9187, 9200, 12016, 12017, 20049, 20050, 21731, 21732, 32122, 32124, 32126, 39001])(
    "%i is reserved",
    (port) => {
      expect(isReservedPort(port)).toBe(true);
      expect(checkDbPort(String(port)).ok).toBe(false);
    },
  );
  it.each([["8000", 8000], [8000, 8000], [undefined, 8000], ["1024", 1024], ["39989", 39989], ["2377", 2377], ["32127", 32127]] as const)("accepts %s", (raw, want) => {
    expect(checkDbPort(raw)).toEqual({ ok: true, value: want });
  });
  it.each(["1023", "39990", "80a", -1, 8000.5])("refuses %s", (raw) => {
    expect(checkDbPort(raw).ok).toBe(false);
  });
  it.each([
    [3306, 8000, false, true],
    [0, 8000, true, true],
    [0, 8000, false, false],
    [8000, 8000, false, false],
    [8010, 8000, false, false],
    [8011, 8000, false, true],
    [5000, 8000, false, false],
    [40000, 8000, true, false],
  ] as const)("M-compat port %i with db port %i (allowZero %s) ok=%s", (port, db, zero, ok) => {
    expect(checkMysqlPort(port, db, zero).ok).toBe(ok);
  });
});

describe("passwords (reference 4.4.16, the one password rule the reference prints)", () => {
  it("allows exactly the 4.4.16 specials ~!@#$%^&*()=+\\|[{}];,<.>/?, plus _ for root (4.11.6's example Gauss_234)", () => {
    expect([...PASSWORD_SPECIALS].sort()).toEqual([..."~!@#$%^&*()=+\\|[{}];,<.>/?"].sort());
    expect([...ROOT_PASSWORD_SPECIALS].sort()).toEqual([..."~!@#$%^&*()=+\\|[{}];,<.>/?_"].sort());
  });
  it.each([
    "Gauss_234", "Abcdef12", "abc@1234X", "Zz9~Zz9~Zz9~",
    // the reference prints no weak-password rule: a password containing the user name, or a common one, is valid
    "MyRoot_2024x", "Root_1234", "Toor_1234", "Huawei@123", "Rds_admin_77", "rdsadmin_1A",
    // the reference prints no maximum length
    "Aa1_".repeat(9),
    // the 4.4.16 set has \ and |
    "Abc\\1234", "Abc|1234", "Ab1=+[{}];,<.>/?",
    // three of the four classes suffice
    "ABCDEF1_", "abcdef1_", "Abcdefg_",
  ])("accepts %s", (pw) => {
    expect(checkPassword(pw)).toBeNull();
  });
  it.each([
    ["Ab1_", "DBS.200052"],
    ["Abcdef1", "DBS.200052"],
    ["abcdefgh", "DBS.200052"],
    ["abcdef12", "DBS.200052"],
    ["ABCDEFGH", "DBS.200052"],
    ["12345678", "DBS.200052"],
    // outside the 4.4.16 set ("当密码中包含的字符不属于上述四种字符范围内时…会报错")
    ["Abc 1234", "DBS.200052"],
    ["Abc-1234", "DBS.200052"],
    ["Abc:1234", "DBS.200052"],
    ["Abc'1234", "DBS.200052"],
    ["Abc中1234", "DBS.200052"],
    [undefined, "DBS.200052"],
    ["", "DBS.200052"],
  ] as const)("refuses %s with %s", (pw, code) => {
    expect(checkPassword(pw)?.code).toBe(code);
  });
  it("uses the caller's code and set", () => {
    expect(checkPassword("weak", "rds_admin_password", "DBS.6025117")).toMatchObject({ code: "DBS.6025117", field: "rds_admin_password" });
    expect(checkPassword("Rds_admin_77", "rds_admin_password", "DBS.6025117")).toBeNull();
    expect(checkPassword("Rds_admin_77", "password", "DBS.6025117", PASSWORD_SPECIALS)).toMatchObject({ code: "DBS.6025117" });
  });
});

describe("names and time zones (4.11.6 prints no format for either)", () => {
  it.each([["gaussdb-s10d", true], ["abc", true], ["1abc", true], ["a".repeat(65), true], ["ab c", true], ["", false], [7, false], [undefined, false]] as const)(
    "name %s ok=%s",
    (name, ok) => expect(checkInstanceName(name) === null).toBe(ok),
  );
  it.each([["UTC+08:00", true], ["UTC-05:30", true], ["Asia/Shanghai", true], [undefined, true], [8, false]] as const)("time zone %s ok=%s", (tz, ok) => {
    expect(checkTimeZone(tz).ok).toBe(ok);
  });
});

describe("checkCreateRequest", () => {
  const off = { dccWhitelist: false };
  it.each(SOLUTION_NAMES.filter((s) => !s.endsWith("noetcd")))("accepts a %s request with the right host count", (solution) => {
    const r = checkCreateRequest(request(solution), off);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.hostIps).toHaveLength(SOLUTIONS[solution].hostCount);
  });
  it.each(SOLUTION_NAMES)("refuses %s with one host too many", (solution) => {
    const r = checkCreateRequest(request(solution, { manage_ip: ips(SOLUTIONS[solution].hostCount + 1) }), { dccWhitelist: true });
    expect(r.ok ? undefined : r.violation.code).toBe("DBS.06025010");
  });
  it.each(SOLUTION_NAMES.filter((s) => SOLUTIONS[s].hostCount > 1))("refuses %s with one host too few", (solution) => {
    const r = checkCreateRequest(request(solution, { manage_ip: ips(SOLUTIONS[solution].hostCount - 1) }), { dccWhitelist: true });
    expect(r.ok ? undefined : r.violation.code).toBe("DBS.06025010");
  });
  it("counts AZ-list hosts not in manage_ip (4.11.6 triset example)", () => {
    const r = checkCreateRequest(request("triset", { manage_ip: ips(2), master_az_ip: ["192.168.1.50"] }), off);
    expect(r.ok && r.value.hostIps).toEqual(["192.168.1.10", "192.168.1.11", "192.168.1.50"]);
  });
  it("accepts AZ lists that are subsets of manage_ip (4.11.6 quadruset example)", () => {
    const m = ips(5);
    const r = checkCreateRequest(request("quadruset", { manage_ip: m, master_az_ip: m.slice(0, 2), slave_az_ip: m.slice(2, 4), arbiter_az_ip: m.slice(4) }), off);
    expect(r.ok).toBe(true);
  });
  it.each([
    ["single", "master_az_ip"], ["pentaset", "master_az_ip"], ["triset", "slave_az_ip"], ["triset", "arbiter_az_ip"],
    ["hcs2", "master_az_ip"], ["hcs4", "slave_az_ip"], ["hcs4", "master_az_ip"], ["hcs3", "arbiter_az_ip"],
  ] as const)("refuses %s with %s (DBS.200025)", (solution, az) => {
    const m = ips(SOLUTIONS[solution].hostCount);
    const r = checkCreateRequest(request(solution, { manage_ip: m, [az]: m.slice(0, 1) }), off);
    expect(r.ok ? undefined : r.violation).toMatchObject({ code: "DBS.200025", field: az });
  });
  it("needs no manage_ip when the AZ lists name every host (4.11.6 `manage_ip` \"否\")", () => {
    const m = ips(5);
    const quad = checkCreateRequest(request("quadruset", { manage_ip: undefined, master_az_ip: m.slice(0, 2), slave_az_ip: m.slice(2, 4), arbiter_az_ip: m.slice(4) }), off);
    expect(quad.ok && quad.value.hostIps).toEqual(m);
    const tri = checkCreateRequest(request("triset", { manage_ip: undefined, master_az_ip: m.slice(0, 2), logger_az_ip: m.slice(2, 3) }), off);
    expect(tri.ok && tri.value.hostIps).toEqual(m.slice(0, 3));
    const none = checkCreateRequest(request("triset", { manage_ip: undefined }), off);
    expect(none.ok ? undefined : none.violation.code).toBe("DBS.06025010");
  });
  it("accepts logger_az_ip on every solution (4.11.6 \"日志AZ主机列表\" names no restriction)", () => {
    for (const solution of SOLUTION_NAMES.filter((x) => !x.endsWith("noetcd"))) {
      const m = ips(SOLUTIONS[solution].hostCount);
      expect([solution, checkCreateRequest(request(solution, { manage_ip: m, logger_az_ip: m.slice(0, 1) }), off).ok]).toEqual([solution, true]);
    }
  });
  it("accepts a float_ip that is also a host address (no rule printed)", () => {
    expect(checkCreateRequest(request("triset", { float_ip: "192.168.1.10" }), off).ok).toBe(true);
  });
  it("refuses a host in two AZ lists and an arbiter AZ with two hosts", () => {
    const m = ips(5);
    const twice = checkCreateRequest(request("quadruset", { manage_ip: m, master_az_ip: m.slice(0, 2), slave_az_ip: m.slice(1, 3) }), off);
    expect(twice.ok ? undefined : twice.violation.code).toBe("DBS.200025");
    const arb = checkCreateRequest(request("quadruset", { manage_ip: m, arbiter_az_ip: m.slice(3) }), off);
    expect(arb.ok ? undefined : arb.violation.field).toBe("arbiter_az_ip");
  });
  it.each([
    [{ name: "" }, "DBS.200021"],
    [{ os_type: "ubuntu" }, "DBS.200001"],
    [{ datastore: { type: "GaussDB", version: "1.1" } }, "DBS.200856"],
    [{ datastore: { type: "mysql" } }, "DBS.200001"],
    [{ host_type: "ECS" }, "DBS.200001"],
    [{ cpu_spec: "amd" }, "DBS.200001"],
    [{ solution: "hcs5" }, "DBS.200001"],
    [{ ha: { mode: "combined", replication_mode: "sync" } }, "DBS.200001"],
    [{ ha: { mode: "centralization_standard", replication_mode: "async" } }, "DBS.200001"],
    [{ port: "2379" }, "DBS.200001"],
    [{ password: "weakpass" }, "DBS.200052"],
    [{ password: "Gauss-234" }, "DBS.200052"],
    [{ manage_ip: ["192.168.1.10", "192.168.1.10", "192.168.1.12"] }, "DBS.06025010"],
    [{ manage_ip: ["192.168.1.300", "192.168.1.11", "192.168.1.12"] }, "DBS.200001"],
    [{ float_ip: "10.0.0.*" }, "DBS.200001"],
    [{ time_zone: 8 }, "DBS.200001"],
    [{ ha: { mode: "centralization_standard", replication_mode: "sync", consistency_protocol: "QUORUM" } }, "DBS.200001"],
    [{ diy_install_settings: { dir_settings: [{ dir_name: "log_dir", dir: "" }] } }, "DBS.200001"],
    [{ diy_install_settings: { dir_settings: [{ dir_name: "tmp_dir", dir: "/tmp" }] } }, "DBS.200001"],
  ])("refuses triset with %j as %s", (over, code) => {
    const r = checkCreateRequest(request("triset", over), off);
    expect(r.ok ? undefined : r.violation.code).toBe(code);
  });
  it("refuses an empty body with DBS.200006", () => {
    const r = checkCreateRequest({}, off);
    expect(r.ok ? undefined : r.violation.code).toBe("DBS.200006");
  });
  it("defaults version, port, protocol and time zone, and canonicalizes spellings", () => {
    const r = checkCreateRequest(request("triset", { datastore: { type: "gaussdb" }, port: undefined, os_type: "KYLIN", arch: "x86", cpu_spec: "Intel" }), off);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ osType: "Kylin", arch: "X86", cpuSpec: "Intel", port: 8000, timeZone: "UTC+08:00", datastore: { type: "GaussDB", version: latestVersion() } });
  });
  it("accepts float_ip as a string or one-element array only on multi-node centralized solutions", () => {
    expect(checkCreateRequest(request("triset", { float_ip: ["10.0.2.1"] }), off).ok).toBe(true);
    expect(checkCreateRequest(request("triset", { float_ip: "10.0.2.1" }), off).ok).toBe(true);
    expect(checkCreateRequest(request("single", { float_ip: "10.0.2.1" }), off).ok).toBe(false);
    expect(checkCreateRequest(request("hcs2", { float_ip: "10.0.2.1" }), off).ok).toBe(false);
  });
  it("needs the DCC whitelist for noetcd solutions and converts with it on", () => {
    const refused = checkCreateRequest(request("trisetnoetcd"), off);
    expect(refused.ok ? undefined : refused.violation.field).toBe("solution");
    const converted = checkCreateRequest(request("triset"), { dccWhitelist: true });
    expect(converted.ok && converted.value.solution).toBe("trisetnoetcd");
    expect(converted.ok && converted.value.ha.consistency_protocol).toBe("paxos");
    const quorum = checkCreateRequest(request("trisetnoetcd", { ha: { mode: "centralization_standard", replication_mode: "sync", consistency_protocol: "quorum" } }), { dccWhitelist: true });
    expect(quorum.ok).toBe(false);
  });
});

describe("checkHostsForInstance", () => {
  const host = (ip: string, over: Partial<HostFacts> = {}): HostFacts => ({
    id: `h-${ip}`, manageIp: ip, status: "initialized", type: "BMS", osType: "kylin", osArch: "x86", cpuSpec: "intel", storageType: "localssd", dataCenterName: "AZ1", ...over,
  });
  const expectKylin = { osType: "Kylin", cpuSpec: "Intel", arch: "X86", hostType: "BMS" };
  const run = (hosts: HostFacts[], az = {}) => {
    const m = new Map(hosts.map((h) => [h.manageIp, h]));
    return checkHostsForInstance(hosts.map((h) => h.manageIp).concat(hosts.length === 0 ? ["1.1.1.1"] : []), (ip) => m.get(ip), expectKylin, az);
  };
  it("accepts matching initialized hosts", () => {
    expect(run([host("1.1.1.1"), host("1.1.1.2")])).toBeNull();
  });
  it.each([
    ["missing host", [], "DBS.06025031"],
    ["in use", [host("1.1.1.1", { status: "in_use" })], "DBS.06025015"],
    ["initializing", [host("1.1.1.1", { status: "initializing" })], "DBS.06025061"],
    ["initialize_failed", [host("1.1.1.1", { status: "initialize_failed" })], "DBS.06025061"],
    ["mixed os", [host("1.1.1.1"), host("1.1.1.2", { osType: "UnionTech" })], "DBS.06025011"],
    ["os differs from request", [host("1.1.1.1", { osType: "UnionTech" })], "DBS.06025011"],
    ["mixed type", [host("1.1.1.1"), host("1.1.1.2", { type: "ECS" })], "DBS.06025012"],
    ["mixed arch", [host("1.1.1.1"), host("1.1.1.2", { osArch: "arm" })], "DBS.06025013"],
    ["mixed cpu", [host("1.1.1.1"), host("1.1.1.2", { cpuSpec: "hygon" })], "DBS.06025014"],
    ["cpu differs from request", [host("1.1.1.1", { cpuSpec: "hygon" })], "DBS.06025014"],
    ["mixed disks", [host("1.1.1.1"), host("1.1.1.2", { storageType: "sas" })], "DBS.06025046"],
  ] as const)("refuses %s with %s", (_, hosts, code) => {
    expect(run([...hosts])?.code).toBe(code);
  });
  it("refuses an AZ list spanning two data centers", () => {
    const hs = [host("1.1.1.1"), host("1.1.1.2", { dataCenterName: "AZ2" })];
    expect(run(hs, { master_az_ip: ["1.1.1.1", "1.1.1.2"] })?.code).toBe("DBS.06025067");
  });
});
