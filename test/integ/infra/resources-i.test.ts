// DataCenter, KeyPair and Host provider methods against the emulator over real HTTP (issue 5).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { configure } from "../../../provider/config";
import { dataCenter } from "../../../provider/resources/infra/data-center";
import { keyPair, algorithmOf, resetPlannedKeyPairs } from "../../../provider/resources/infra/key-pair";
import { host, resetHostPreviewCache } from "../../../provider/resources/infra/host";
import { UNKNOWN, type ProviderImpl } from "../../../provider/resources/framework";

let emu: TestEmulator;
const PROVIDER = "serialized-provider-text";

beforeAll(async () => {
  emu = await startTestEmulator();
  const cfg: Record<string, string> = { "tpops:endpoint": emu.url, "tpops:username": "admin", "tpops:password": "Admin@123" };
  configure({ config: { get: (k) => cfg[k] } });
});
afterAll(async () => emu?.close());
beforeEach(async () => {
  await emu.control.reset();
  resetHostPreviewCache();
  resetPlannedKeyPairs();
});

/** The id of a data center created through the API (check looks data centers up at preview). */
async function dcId(name = "dc-check"): Promise<string> {
  await emu.api("POST", "/gaussdb/v3/data-centers", { data_centers: [{ name }] });
  return (await emu.api("GET", `/gaussdb/v3/data-centers?name=${name}`)).body.data_centers[0].id as string;
}

/** check() that must succeed; returns the normalised inputs as the engine would pass them on. */
async function checked(p: ProviderImpl, news: Record<string, unknown>, olds: Record<string, unknown> = {}) {
  const r = await p.check(olds, { __provider: PROVIDER, ...news });
  expect(r.failures ?? []).toEqual([]);
  return r.inputs!;
}

async function newDataCenter(name = "dc1") {
  return dataCenter.create(await checked(dataCenter, { name }));
}

function hostArgs(dataCenterId: string, n = 5, extra: Record<string, unknown> = {}) {
  return {
    name: `h${n}`,
    osType: "kylin",
    cpuSpec: "intel",
    manageIp: `10.0.0.${n}`,
    dataIp: `10.1.0.${n}`,
    virtualIp: `10.2.0.${n}`,
    dataCenterId,
    rootPassword: "Root_pw_123",
    ...extra,
  };
}

describe("check: every rule rejected at preview with field, value and fix", () => {
  const dcCases: [string, Record<string, unknown>, string, RegExp][] = [
    ["name too long", { name: "a".repeat(21) }, "name", /"a{21}" is longer than 20 characters/],
    ["name with special characters", { name: "dc one!" }, "name", /may contain only letters, digits, - and _/],
    ["description over 100", { name: "dc", description: "d".repeat(101) }, "description", /longer than 100 characters/],
    ["bad timeout", { name: "dc", timeouts: { create: "soon" } }, "timeouts.create", /"soon" is not a duration; use e.g./],
    ["unknown timeout key", { name: "dc", timeouts: { forever: "1m" } }, "timeouts", /unknown/],
    ["adopt not a boolean", { name: "dc", adopt: "yes" }, "adopt", /"yes" is a string; expected a boolean/],
  ];
  it.each(dcCases)("DataCenter: %s", async (_t, news, property, reason) => {
    const r = await dataCenter.check({}, news);
    const f = r.failures?.find((x) => x.property === property);
    expect(f?.reason).toMatch(reason);
    expect(f?.reason.startsWith(property)).toBe(true);
  });

  const kpCases: [string, Record<string, unknown>, string, RegExp][] = [
    ["algorithm", { name: "k", algorithm: "DSA_1024" }, "algorithm", /"DSA_1024" is not one of RSA_2048, RSA_3072, RSA_4096/],
    ["name over 128 bytes", { name: "名".repeat(43) }, "name", /longer than 128 bytes/],
    ["description over 256 bytes", { name: "k", description: "x".repeat(257) }, "description", /longer than 256 bytes/],
    ["description over 256 bytes in UTF-8", { name: "k", description: "机".repeat(86) }, "description", /longer than 256 bytes/],
    ["name empty", { name: "" }, "name", /is shorter than 1/],
  ];
  it.each(kpCases)("KeyPair: %s", async (_t, news, property, reason) => {
    const r = await keyPair.check({}, news);
    expect(r.failures?.find((x) => x.property === property)?.reason).toMatch(reason);
  });

  const hostCases: [string, Record<string, unknown>, string, RegExp][] = [
    ["reserved port 8002", { sshPort: 8002 }, "sshPort", /8002 is reserved by TPOPS \(8002, 12017\); choose another port/],
    ["reserved port 12017", { sshPort: 12017 }, "sshPort", /12017 is reserved/],
    ["port 0", { sshPort: 0 }, "sshPort", /0 is below the minimum 1/],
    ["port 70000", { sshPort: 70000 }, "sshPort", /70000 is above the maximum 65535/],
    ["port not whole", { sshPort: 22.5 }, "sshPort", /22.5 is not a whole number/],
    ["os", { osType: "centos" }, "osType", /"centos" is not one of kylin, uniontech/],
    ["cpu", { cpuSpec: "amd" }, "cpuSpec", /"amd" is not one of intel, kunpeng, hygon/],
    ["storage", { storageType: "nvme" }, "storageType", /"nvme" is not one of localssd, dorado/],
    ["type", { type: "VM" }, "type", /"VM" is not one of BMS, CONTAINER/],
    ["manage ip", { manageIp: "10.0.0.300" }, "manageIp", /"10.0.0.300" is not an IP address/],
    ["data ip", { dataIp: "host" }, "dataIp", /not an IP address/],
    ["virtual ip", { virtualIp: "" }, "virtualIp", /not an IP address/],
    ["name over 64 bytes", { name: "n".repeat(65) }, "name", /longer than 64 bytes/],
    ["description over 100", { description: "d".repeat(101) }, "description", /longer than 100 characters/],
    ["no credential", { rootPassword: undefined }, "rootPassword", /give exactly one: rootPassword \(secret\) or sshKeyId/],
    ["both credentials", { sshKeyId: "kp-1" }, "rootPassword", /both set; give exactly one/],
    ["missing manage ip", { manageIp: undefined }, "manageIp", /manageIp is required/],
  ];
  it.each(hostCases)("Host: %s", async (_t, override, property, reason) => {
    const r = await host.check({}, { ...hostArgs("dc-id"), ...override });
    expect(r.failures?.find((x) => x.property === property)?.reason).toMatch(reason);
  });

  it("never shows a secret value in a failure", async () => {
    const r = await host.check({}, { ...hostArgs("dc-id"), rootPassword: 12345678 });
    const f = r.failures?.find((x) => x.property === "rootPassword");
    expect(f?.reason).toContain("[secret]");
    expect(JSON.stringify(r.failures)).not.toContain("12345678");
  });

  it("accepts IPv6 addresses (the reference does not restrict the address family)", async () => {
    await checked(host, { ...hostArgs(await dcId()), manageIp: "fd00::5", dataIp: "fd00:1::5", virtualIp: "fd00:2::5" });
  });

  it("normalises case-insensitive enums and applies defaults", async () => {
    const inputs = await checked(host, { ...hostArgs(await dcId()), osType: "Kylin", cpuSpec: "KUNPENG", type: "bms" });
    expect(inputs).toMatchObject({ osType: "kylin", cpuSpec: "kunpeng", type: "BMS", sshPort: 22, storageType: "localssd", adopt: false });
  });

  it("skips values unknown at preview", async () => {
    const r = await host.check({}, { ...hostArgs(UNKNOWN), manageIp: UNKNOWN, sshPort: UNKNOWN });
    expect(r.failures ?? []).toEqual([]);
  });

  it("auto-names from the resource name and keeps the name stable", async () => {
    const first = await checked(dataCenter, { __autoNamePrefix: "prod dc" });
    expect(first.name).toMatch(/^prod-dc-[0-9a-f]{6}$/);
    const again = await checked(dataCenter, { __autoNamePrefix: "prod dc", description: "x" }, first);
    expect(again.name).toBe(first.name);
    const long = await checked(dataCenter, { __autoNamePrefix: "a-very-long-resource-name-indeed" });
    expect(String(long.name).length).toBeLessThanOrEqual(20);
  });
});

describe("diff", () => {
  const olds = { ...hostArgs("dc-1"), name: "h5", type: "BMS", sshPort: 22, storageType: "localssd", status: "initialized", adopt: false };
  const DC2 = "dc-2";
  const cases: [string, Record<string, unknown>, { changes: boolean; replaces: string[]; deleteBeforeReplace: boolean }][] = [
    ["no change", {}, { changes: false, replaces: [], deleteBeforeReplace: false }],
    ["name in place", { name: "renamed" }, { changes: true, replaces: [], deleteBeforeReplace: false }],
    ["description in place", { description: "db host" }, { changes: true, replaces: [], deleteBeforeReplace: false }],
    ["dataIp in place", { dataIp: "10.1.0.99" }, { changes: true, replaces: [], deleteBeforeReplace: false }],
    ["dataCenterId in place", { dataCenterId: DC2 }, { changes: true, replaces: [], deleteBeforeReplace: false }],
    ["manageIp replaces, delete first", { manageIp: "10.0.0.99" }, { changes: true, replaces: ["manageIp"], deleteBeforeReplace: true }],
    ["sshPort replaces", { sshPort: 2222 }, { changes: true, replaces: ["sshPort"], deleteBeforeReplace: true }],
    ["osType replaces", { osType: "uniontech" }, { changes: true, replaces: ["osType"], deleteBeforeReplace: true }],
    ["password is local (no API call)", { rootPassword: "Other_pw_456" }, { changes: true, replaces: [], deleteBeforeReplace: false }],
    ["timeouts are local", { timeouts: { create: "1h" } }, { changes: true, replaces: [], deleteBeforeReplace: false }],
  ];
  it.each(cases)("Host: %s", async (_t, change, expected) => {
    // dc-2 must exist on the platform: a move to an unknown data center is refused at preview.
    const dc2 = change.dataCenterId === DC2 ? await dcId("dc2") : undefined;
    const news = await checked(host, { ...olds, ...change, ...(dc2 ? { dataCenterId: dc2 } : {}) }, olds);
    expect(await host.diff("id-1", { ...olds, __provider: PROVIDER }, news)).toEqual(expected);
  });

  it("KeyPair: algorithm replaces; name in place", async () => {
    const base = { name: "k", algorithm: "RSA_3072", description: "", forceDelete: false, adopt: false, publicKey: "ssh-rsa x", hostNums: 0, createdAt: "" };
    expect((await keyPair.diff("k1", base, await checked(keyPair, { name: "k", algorithm: "RSA_4096" }))).replaces).toEqual(["algorithm"]);
    expect(await keyPair.diff("k1", base, await checked(keyPair, { name: "k2" }))).toMatchObject({ changes: true, replaces: [] });
  });

  it("KeyPair: a description of 256 bytes is created (4.8.2) but a change needs fewer than 256 bytes (4.8.3)", async () => {
    const base = { name: "k", algorithm: "RSA_3072", description: "", forceDelete: false, adopt: false, publicKey: "ssh-rsa x", hostNums: 0, createdAt: "" };
    const d256 = "x".repeat(256);
    await checked(keyPair, { name: "k", description: d256 });
    await expect(keyPair.diff("k1", base, await checked(keyPair, { name: "k", description: d256 }, base))).rejects.toThrow(
      /KeyPair k: description: "x{256}" is 256 bytes; changing a key pair's description needs fewer than 256 bytes \(reference 4.8.3/,
    );
    expect(await keyPair.diff("k1", base, await checked(keyPair, { name: "k", description: "x".repeat(255) }, base))).toMatchObject({ changes: true, replaces: [] });
    // The same 256-byte text on a replacement (a new key pair) is a create: allowed.
    expect((await keyPair.diff("k1", base, await checked(keyPair, { name: "k", description: d256, algorithm: "RSA_4096" }, base))).replaces).toEqual(["algorithm"]);
  });

  it("an unknown replace field during preview still plans a replacement", async () => {
    const r = await host.diff("id-1", olds, { ...olds, manageIp: UNKNOWN });
    expect(r.replaces).toEqual(["manageIp"]);
  });
});

describe("DataCenter CRUD", () => {
  it("creates, reads, updates in place, detects drift and deletes", async () => {
    const created = await newDataCenter("dc-crud");
    expect(created.outs).toMatchObject({ name: "dc-crud", hostsNum: 0 });
    const inputs = await checked(dataCenter, { name: "dc-crud2", description: "room 2" });
    const updated = await dataCenter.update(created.id, created.outs, inputs);
    expect(updated.outs).toMatchObject({ name: "dc-crud2", description: "room 2" });

    // Out-of-band change through the TPOPS API shows up in read (drift) and in its inputs.
    const oob = await emu.api("PUT", "/gaussdb/v3/data-centers", { data_centers: [{ id: created.id, description: "changed by a DBA" }] });
    expect(oob.status).toBeLessThan(300);
    const read = await dataCenter.read(created.id, { ...updated.outs, __provider: PROVIDER });
    expect(read.props.description).toBe("changed by a DBA");
    expect(read.inputs?.description).toBe("changed by a DBA");
    expect((await dataCenter.diff(created.id, read.props, inputs)).changes).toBe(true);

    await dataCenter.delete(created.id, read.props);
    expect((await emu.control.state()).dataCenters).toHaveLength(0);
    // Deleting again: already gone counts as done.
    await dataCenter.delete(created.id, read.props);
  });

  it("read returns an empty id after an out-of-band delete", async () => {
    const created = await newDataCenter("dc-gone");
    await emu.api("DELETE", "/gaussdb/v3/data-centers", { data_center_ids: [created.id] });
    expect(await dataCenter.read(created.id, created.outs)).toEqual({ id: "", props: {} });
  });

  it("refuses a duplicate without adopt and takes it over with adopt", async () => {
    await emu.api("POST", "/gaussdb/v3/data-centers", { data_centers: [{ name: "dc-existing" }] });
    // Refused at preview (check) now; create still refuses when it gets the inputs anyway.
    expect((await dataCenter.check({}, { name: "dc-existing" })).failures?.[0]?.reason).toMatch(/already the name of data center .* set adopt: true/);
    await expect(dataCenter.create((await dataCenter.check({}, { name: "dc-existing" })).inputs!)).rejects.toThrow(/already exists.*Set adopt: true/);
    const adopted = await dataCenter.create(await checked(dataCenter, { name: "dc-existing", description: "now managed", adopt: true }));
    expect(adopted.outs).toMatchObject({ name: "dc-existing", description: "now managed", adopt: true });
    expect((await emu.control.state()).dataCenters).toHaveLength(1);
  });

  it("explains why a data center with hosts cannot be deleted", async () => {
    const dc = await newDataCenter("dc-busy");
    await host.create(await checked(host, hostArgs(dc.id, 7)));
    await expect(dataCenter.delete(dc.id, dc.outs)).rejects.toThrow(/while 1 host\(s\) belong to it: delete those hosts/);
  });

  it("is not duplicated when the reply to the add is lost after the platform acted", async () => {
    await emu.control.addFault({ method: "POST", path: "^/gaussdb/v3/data-centers$", status: 503, when: "after", times: 1 });
    const created = await newDataCenter("dc-lost-reply");
    expect(created.outs.name).toBe("dc-lost-reply");
    expect((await emu.control.state()).dataCenters).toHaveLength(1);
  });
});

describe("KeyPair CRUD", () => {
  it("creates with the chosen algorithm and a real OpenSSH public key", async () => {
    const kp = await keyPair.create(await checked(keyPair, { name: "kp1", algorithm: "rsa_2048" }));
    expect(kp.outs.publicKey).toMatch(/^ssh-rsa AAAA[0-9A-Za-z+/=]+/);
    expect(algorithmOf(String(kp.outs.publicKey))).toBe("RSA_2048");
    expect(kp.outs).toMatchObject({ name: "kp1", algorithm: "RSA_2048", hostNums: 0 });
    const updated = await keyPair.update(kp.id, kp.outs, await checked(keyPair, { name: "kp1-renamed", algorithm: "RSA_2048", description: "lab" }));
    expect(updated.outs).toMatchObject({ name: "kp1-renamed", description: "lab", publicKey: kp.outs.publicKey });
    await keyPair.delete(kp.id, updated.outs);
    expect((await emu.control.state()).keyPairs).toHaveLength(0);
  });

  it("refresh costs one list call once the public key is in state", async () => {
    const kp = await keyPair.create(await checked(keyPair, { name: "kp-refresh" }));
    await emu.control.clearRequests();
    await keyPair.read(kp.id, kp.outs);
    const counts = await emu.control.requests();
    expect(counts.byRoute.filter((r) => r.route !== "/v3/auth/mini-token").reduce((n, r) => n + r.count, 0)).toBe(1);
  });

  it("refuses to delete a key pair in use unless forceDelete", async () => {
    const dc = await newDataCenter("dc-kp");
    const kp = await keyPair.create(await checked(keyPair, { name: "kp-used" }));
    await host.create(await checked(host, { ...hostArgs(dc.id, 8), rootPassword: undefined, sshKeyId: kp.id }));
    await expect(keyPair.delete(kp.id, { ...kp.outs, forceDelete: false })).rejects.toThrow(/1 host\(s\) use it.*forceDelete: true/);
    await keyPair.delete(kp.id, { ...kp.outs, forceDelete: true });
    expect((await emu.control.state()).keyPairs).toHaveLength(0);
  });
});

describe("Host CRUD", () => {
  it("adds a host, waits for its job, updates in place, and removes it with the stored credential", async () => {
    const dc = await newDataCenter("dc-h");
    const h = await host.create(await checked(host, hostArgs(dc.id, 10)));
    expect(h.outs).toMatchObject({ status: "initialized", manageIp: "10.0.0.10", osType: "kylin", rootPassword: "Root_pw_123" });
    const jobs = (await emu.control.state()).jobs;
    expect(jobs.some((j: { name: string; status: string }) => j.name === "AddHosts" && j.status === "Completed")).toBe(true);

    const news = await checked(host, { ...hostArgs(dc.id, 10), name: "db-10", dataIp: "10.1.0.110", description: "primary" });
    const updated = await host.update(h.id, h.outs, news);
    expect(updated.outs).toMatchObject({ name: "db-10", dataIp: "10.1.0.110", description: "primary" });

    await host.delete(h.id, updated.outs);
    expect((await emu.control.state()).hosts).toHaveLength(0);
  });

  it("records a partial create (id + properties) when the add job fails", async () => {
    const dc = await newDataCenter("dc-fail");
    await emu.control.nextJob({ name: "AddHosts", outcome: "fail", failReason: "agent install failed" });
    const inputs = await checked(host, hostArgs(dc.id, 11));
    const err = (await host.create(inputs).catch((e: unknown) => e)) as Error & { id?: string; properties?: Record<string, unknown> };
    expect(err.message).toMatch(/agent install failed/);
    expect(err.id).toBeTruthy();
    expect(err.properties).toMatchObject({ manageIp: "10.0.0.11", __provider: PROVIDER });
    expect(err.message).not.toContain("Root_pw_123");
  });

  it("fails a wait that exceeds timeouts.create with a message naming the job and the fix", async () => {
    const dc = await newDataCenter("dc-slow");
    await emu.control.nextJob({ name: "AddHosts", outcome: "hang" });
    const err = (await host.create(await checked(host, { ...hostArgs(dc.id, 12), timeouts: { create: "1s" } })).catch((e: unknown) => e)) as Error & { id?: string };
    expect(err.message).toMatch(/timed out after 1s waiting for job .*timeouts: \{ create: /);
    expect(err.id).toBeTruthy();
  });

  it("refuses an IP change at preview while the host is in use", async () => {
    const dc = await newDataCenter("dc-inuse");
    const h = await host.create(await checked(host, hostArgs(dc.id, 13)));
    const rec = emu.ctx.state.data.hosts[h.id];
    expect(rec).toBeDefined();
    rec!.status = "in_use";
    const news = await checked(host, { ...hostArgs(dc.id, 13), dataIp: "10.1.0.213" });
    await expect(host.diff(h.id, { ...h.outs, status: "in_use" }, news)).rejects.toThrow(/dataIp cannot change while the host is in_use/);
    await expect(host.delete(h.id, h.outs)).rejects.toThrow(/in use by instance/);
  });

  it("adopts a host added directly through the API", async () => {
    const dc = await newDataCenter("dc-adopt");
    const add = await emu.api("POST", "/gaussdb/v3/hosts", {
      hosts: [{ name: "legacy", type: "BMS", os_type: "kylin", cpu_spec: "intel", storage_type: "localssd", ip: { manage_ip: "10.0.0.14", data_ip: "10.1.0.14", virtual_ip: "10.2.0.14" }, ssh_port: 22, data_center_id: dc.id, os_root_pwd: "Root_pw_123" }],
    });
    await emu.waitJob(add.body.job_id);
    // Refused at preview already (the manage IP is known and taken); create still refuses when it gets the inputs anyway.
    const r = await host.check({}, hostArgs(dc.id, 14));
    expect(r.failures).toEqual([{ property: "manageIp", reason: expect.stringMatching(/manageIp: 10.0.0.14 is already the manage IP of host .* \(legacy\) on the platform; set adopt: true/) }]);
    await expect(host.create(r.inputs!)).rejects.toThrow(/manageIp 10.0.0.14 already exists.*adopt: true/);
    const adopted = await host.create(await checked(host, { ...hostArgs(dc.id, 14), name: "adopted", adopt: true }));
    expect(adopted.outs).toMatchObject({ name: "adopted", adopt: true });
    expect((await emu.control.state()).hosts).toHaveLength(1);
  });

  it("adds hosts concurrently", async () => {
    const dc = await newDataCenter("dc-par");
    const created = await Promise.all([20, 21, 22, 23, 24].map(async (n) => host.create(await checked(host, hostArgs(dc.id, n)))));
    expect(new Set(created.map((c) => c.id)).size).toBe(5);
    expect((await emu.control.state()).hosts.every((h: { status: string }) => h.status === "initialized")).toBe(true);
  });

  it("read drops a host deleted out of band", async () => {
    const dc = await newDataCenter("dc-oob");
    const h = await host.create(await checked(host, hostArgs(dc.id, 15)));
    const del = await emu.api("DELETE", "/gaussdb/v3/hosts", { hosts: [{ manage_ip: "10.0.0.15", ssh_port: 22, os_root_pwd: "Root_pw_123" }] });
    await emu.waitJob(del.body.job_id);
    expect((await host.read(h.id, h.outs)).id).toBe("");
  });
});
