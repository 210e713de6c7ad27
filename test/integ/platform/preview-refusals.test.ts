// Refusals the platform will make, decided at preview from live data when the platform answers (trust issue,
// item 5): provider methods called directly against the emulator over real HTTP (port 0), no client mocks.
//
// - DataCenter rename while hosts of it are used by instances (reference 4.9.11, DBS.06025060), and to a taken
//   name (4.9.11 机房名称不可重复); a create with a taken name (4.9.10).
// - Instance create with an engine version the platform does not offer (4.12.1), with hosts another instance
//   holds (A.3 DBS.06025015); the same for a replacement, and hosts added in place (grow, expansion).
// - Host IP changes (4.9.3) and moves (4.9.2) while in use, decided from the live record, not the stale state.
// - KeyPair rename to a taken name (4.8.3); a create with a taken name, and beyond the 20 key pairs (4.8.1).
// - Host create or change with a specification the platform does not list (4.9.8), an unknown data center or key
//   pair, and a create with a manage IP another host has (issue 12).
// - An unreachable platform skips these checks instead of failing the preview.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestEmulator } from "../../helpers/emulator";
import { configure } from "../../../provider/config";
import { dataCenter } from "../../../provider/resources/infra/data-center";
import { host, resetHostPreviewCache } from "../../../provider/resources/infra/host";
import { keyPair, MAX_KEY_PAIRS, resetPlannedKeyPairs } from "../../../provider/resources/infra/key-pair";
import { instance, nearestVersions, resetOfferedVersions } from "../../../provider/resources/instance/instance";
import { resetLiveLookups } from "../../../provider/resources/live";
import { UNKNOWN } from "../../../provider/resources/framework";
import { addHosts, checked, createInstance, instanceArgs, PROVIDER, requestCount, startProviderEmulator } from "../instance-fixtures";

let emu: TestEmulator;

function pointAt(url: string) {
  const cfg: Record<string, string> = { "tpops:endpoint": url, "tpops:username": "admin", "tpops:password": "Admin@123" };
  configure({ config: { get: (k) => cfg[k] } });
}

beforeAll(async () => {
  emu = await startProviderEmulator();
});
afterAll(async () => emu?.close());
beforeEach(async () => {
  await emu.control.reset();
  pointAt(emu.url);
  resetLiveLookups();
  resetHostPreviewCache();
  resetPlannedKeyPairs();
});

/** Every request the emulator counted with this method (any route, any status). */
async function countMethod(method: string): Promise<number> {
  return (await emu.control.requests()).byRoute.filter((r) => r.method === method && r.route !== "/v3/auth/mini-token").reduce((n, r) => n + r.count, 0);
}

/** The data center the fixture's hosts live in ("AZ1"), as provider state. */
async function dcState(name = "AZ1") {
  const list = await emu.api("GET", `/gaussdb/v3/data-centers?name=${name}`);
  const id = list.body.data_centers[0].id as string;
  const read = await dataCenter.read(id, { __provider: PROVIDER });
  return { id, olds: { ...read.props, __provider: PROVIDER } };
}

describe("DataCenter: a rename the platform refuses is refused at preview", () => {
  it("refuses renaming while hosts are used by an instance, listing hosts and instance, with no PUT", async () => {
    const hosts = await addHosts(emu, 3);
    await createInstance(emu, instanceArgs("triset", hosts, { name: "db-rename", engineVersion: "3.200.0" }));
    const { id, olds } = await dcState();
    const news = await checked(dataCenter, { name: "dc-new" }, olds);
    await emu.control.clearRequests();
    const err = (await dataCenter.diff(id, olds, news).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toBe(
      `DataCenter AZ1: name: "dc-new" cannot be set while hosts of this data center are used by instances (instance db-rename on ${hosts.join(", ")}) ` +
        "(reference 4.9.11, DBS.06025060); keep the name, or move/remove the instances first",
    );
    expect(await countMethod("PUT")).toBe(0);
    // The platform refuses the same change (what `pulumi up` met before this check).
    await expect(dataCenter.update(id, olds, news)).rejects.toThrow(/DBS\.06025060/);
  });

  it("names at most three hosts per instance and three instances", async () => {
    const hosts = await addHosts(emu, 8);
    await createInstance(emu, instanceArgs("pentaset", hosts.slice(0, 5), { name: "db-penta", engineVersion: "3.200.0" }));
    for (const [k, ip] of hosts.slice(5).entries()) await createInstance(emu, instanceArgs("single", [ip], { name: `db-single-${k}`, engineVersion: "3.200.0" }));
    const { id, olds } = await dcState();
    const err = (await dataCenter.diff(id, olds, await checked(dataCenter, { name: "dc-new" }, olds)).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/instance db-penta on [\d., ]+ and 2 more host\(s\); instance db-single-0 on [\d.]+; instance db-single-1 on [\d.]+; and 1 more instance\(s\)\)/);
  });

  it("plans a description change in place while the hosts are used (the rule is about the name)", async () => {
    const hosts = await addHosts(emu, 1);
    await createInstance(emu, instanceArgs("single", hosts, { engineVersion: "3.200.0" }));
    const { id, olds } = await dcState();
    const news = await checked(dataCenter, { name: "AZ1", description: "room 1" }, olds);
    expect(await dataCenter.diff(id, olds, news)).toMatchObject({ changes: true, replaces: [] });
    expect((await dataCenter.update(id, olds, news)).outs).toMatchObject({ description: "room 1" });
  });

  it("allows the rename while no host is used, and after the instance is gone", async () => {
    const hosts = await addHosts(emu, 1);
    const { id, olds } = await dcState();
    const news = await checked(dataCenter, { name: "dc-new" }, olds);
    expect(await dataCenter.diff(id, olds, news)).toMatchObject({ changes: true, replaces: [] });
    const inst = await createInstance(emu, instanceArgs("single", hosts, { engineVersion: "3.200.0" }));
    await expect(dataCenter.diff(id, olds, news)).rejects.toThrow(/cannot be set while hosts/);
    await instance.delete(inst.id, inst.outs);
    expect(await dataCenter.diff(id, olds, news)).toMatchObject({ changes: true });
    expect((await dataCenter.update(id, olds, news)).outs).toMatchObject({ name: "dc-new" });
  });

  it("refuses a rename to the name of another data center (reference 4.9.11: names are unique)", async () => {
    const a = await dataCenter.create(await checked(dataCenter, { name: "dc-a" }));
    const b = await dataCenter.create(await checked(dataCenter, { name: "dc-b" }));
    await expect(dataCenter.diff(a.id, a.outs, await checked(dataCenter, { name: "dc-b" }, a.outs))).rejects.toThrow(
      `DataCenter dc-a: name: "dc-b" is already the name of data center ${b.id} (reference 4.9.11: data center names are unique); choose another name`,
    );
  });

  it("refuses a create with a taken name at check unless adopt is set (reference 4.9.10)", async () => {
    const a = await dataCenter.create(await checked(dataCenter, { name: "dc-a" }));
    const r = await dataCenter.check({}, { name: "dc-a" });
    expect(r.failures).toEqual([
      { property: "name", reason: `name: "dc-a" is already the name of data center ${a.id} on the platform (reference 4.9.10: data center names are unique); set adopt: true to take it over, or choose another name` },
    ]);
    expect((await dataCenter.check({}, { name: "dc-a", adopt: true })).failures ?? []).toEqual([]);
    // An update of the existing resource is not a create.
    expect((await dataCenter.check(a.outs, { name: "dc-a", description: "x" })).failures ?? []).toEqual([]);
  });

  it("lets a create continue with the data center an interrupted run made under the generated name", async () => {
    const sdk = { __autoNamePrefix: "room", __urn: "urn:pulumi:test::proj::tpops:index:DataCenter::room" };
    const first = await checked(dataCenter, sdk);
    expect((await emu.api("POST", "/gaussdb/v3/data-centers", { data_centers: [{ name: first.name }] })).status).toBe(200);
    expect((await dataCenter.check({}, sdk)).failures ?? []).toEqual([]);
  });
});

describe("Instance create: engine version not offered (reference 4.12.1)", () => {
  const args = (extra: Record<string, unknown> = {}) => instanceArgs("single", ["10.77.0.1"], extra);

  it("orders versions nearest first", () => {
    expect(nearestVersions("3.250.0", ["3.100.0", "3.103.0", "3.200.0", "3.201.0", "3.301.0"])).toEqual(["3.201.0", "3.200.0", "3.301.0", "3.103.0", "3.100.0"]);
    // Component by component: 3.1 is one major and one minor away, 1.4 one major and four minors.
    expect(nearestVersions("2.0", ["1.0", "1.4", "2.0", "3.1"])).toEqual(["2.0", "1.0", "3.1", "1.4"]);
  });

  it("fails check with the offered versions, nearest first, before anything is created", async () => {
    resetOfferedVersions();
    await emu.control.clearRequests();
    const r = await instance.check({}, { __provider: PROVIDER, ...args({ engineVersion: "3.250.0" }) });
    expect(r.failures).toEqual([
      {
        property: "engineVersion",
        reason: 'engineVersion: "3.250.0" is not offered by the platform; it offers 3.201.0, 3.200.0, 3.301.0, 3.103.0, 3.100.0 (nearest first, reference 4.12.1). Use one of them, or leave engineVersion out for the newest (getEngineVersions lists them)',
      },
    ]);
    expect(await countMethod("POST")).toBe(0);
    const dbmind = await instance.check({}, args({ engine: "gaussdbv5-dbmind", engineVersion: "9.9.9" }));
    expect(dbmind.failures?.find((f) => f.property === "engineVersion")?.reason).toMatch(/\(nearest first, reference 4.12.1\)\. Use one of them \(getEngineVersions lists them\)$/);
  });

  it("fetches the version list once per provider process", async () => {
    resetOfferedVersions();
    await emu.control.clearRequests();
    await Promise.all([1, 2, 3].map(() => instance.check({}, args({ engineVersion: "3.250.0" }))));
    await instance.check({}, args({ engineVersion: "3.200.0" }));
    // (a reset emulator forgets the session: a 401 and the re-sent request may precede the answer)
    expect(await requestCount(emu, "GET", "/gaussdb/v3/datastore/versions", 200)).toBe(1);
  });

  it("accepts an offered version, an omitted one, and skips one unknown at preview", async () => {
    for (const extra of [{ engineVersion: "3.301.0" }, {}, { engineVersion: UNKNOWN }]) {
      expect((await instance.check({}, args(extra))).failures ?? []).toEqual([]);
    }
  });

  it("does not re-check the version of an existing instance (an update is not a create)", async () => {
    const olds = { ...args({ engineVersion: "3.050.0" }), status: "ACTIVE" };
    expect((await instance.check(olds, { ...args({ engineVersion: "3.050.0" }) })).failures ?? []).toEqual([]);
  });

  it("refuses the replacement of an instance with a version not offered at diff", async () => {
    const hosts = await addHosts(emu, 1);
    const { id, outs } = await createInstance(emu, instanceArgs("single", hosts, { engineVersion: "3.200.0" }));
    // The port replaces the instance; the new one would be created with the given version.
    const news = { ...(await checked(instance, { ...outs, port: 8100 }, outs)), engineVersion: "3.250.0" };
    await expect(instance.diff(id, outs, news)).rejects.toThrow(/the replacement cannot be created: engineVersion: "3.250.0" is not offered by the platform; it offers 3.201.0/);
    const ok = await checked(instance, { ...outs, port: 8100 }, outs);
    expect(await instance.diff(id, outs, ok)).toMatchObject({ replaces: ["port"] });
  });
});

describe("Instance create: hosts another instance holds (reference A.3 DBS.06025015)", () => {
  it("fails check naming the field, the hosts and the instance holding them", async () => {
    const hosts = await addHosts(emu, 3);
    await createInstance(emu, instanceArgs("single", [hosts[0]!], { name: "db-holder", engineVersion: "3.200.0" }));
    const r = await instance.check({}, instanceArgs("triset", [hosts[1]!, hosts[2]!], { name: "db-second", masterAzIps: [hosts[0]!] }));
    expect(r.failures).toEqual([
      {
        property: "masterAzIps",
        reason: `masterAzIps: ${hosts[0]} (instance db-holder) is in use by another instance (reference 4.11.6, DBS.06025015: a host belongs to one instance); choose free hosts (getHosts with status "initialized" lists them), or delete that instance first`,
      },
    ]);
    const m = await instance.check({}, instanceArgs("single", [hosts[0]!], { name: "db-third" }));
    expect(m.failures?.map((f) => f.property)).toEqual(["manageIps"]);
    // Without the check the platform refuses the same create.
    const inputs = (await instance.check({}, instanceArgs("single", [hosts[1]!], { name: "db-third" }))).inputs!;
    await expect(instance.create({ ...inputs, manageIps: [hosts[0]!] })).rejects.toThrow(/DBS\.06025015/);
  });

  it("does not count the instance itself: an update, and a same-name create (adopt)", async () => {
    const hosts = await addHosts(emu, 1);
    const { outs } = await createInstance(emu, instanceArgs("single", hosts, { name: "db-self", engineVersion: "3.200.0" }));
    expect((await instance.check(outs, { ...outs })).failures ?? []).toEqual([]);
    expect((await instance.check({}, instanceArgs("single", hosts, { name: "db-self", adopt: true }))).failures ?? []).toEqual([]);
  });

  it("skips hosts unknown at preview and hosts not added yet", async () => {
    expect((await instance.check({}, instanceArgs("triset", ["10.66.0.1", UNKNOWN, "10.66.0.3"]))).failures ?? []).toEqual([]);
  });

  it("refuses a replacement onto another instance's hosts at diff, not onto its own", async () => {
    const hosts = await addHosts(emu, 2);
    await createInstance(emu, instanceArgs("single", [hosts[0]!], { name: "db-a", engineVersion: "3.200.0" }));
    const b = await createInstance(emu, instanceArgs("single", [hosts[1]!], { name: "db-b", engineVersion: "3.200.0" }));
    const onA = await checked(instance, { ...b.outs, manageIps: [hosts[0]!] }, b.outs);
    await expect(instance.diff(b.id, b.outs, onA)).rejects.toThrow(`Instance db-b: the replacement cannot be created: manageIps: ${hosts[0]} (instance db-a) is in use by another instance`);
    const ownHosts = await checked(instance, { ...b.outs, port: 8100 }, b.outs);
    expect(await instance.diff(b.id, b.outs, ownHosts)).toMatchObject({ replaces: ["port"], deleteBeforeReplace: true });
  });

  it("refuses growing onto a host another instance holds, with no solution change sent", async () => {
    const hosts = await addHosts(emu, 5);
    await createInstance(emu, instanceArgs("single", [hosts[3]!], { name: "db-other", engineVersion: "3.200.0" }));
    const t = await createInstance(emu, instanceArgs("triset", hosts.slice(0, 3), { name: "db-grow", engineVersion: "3.200.0" }));
    const grow = await checked(instance, { ...t.outs, solution: "pentaset", manageIps: hosts }, t.outs);
    await expect(instance.diff(t.id, t.outs, grow)).rejects.toThrow(`Instance db-grow: the hosts to add: ${hosts[3]} (instance db-other) is in use by another instance`);
    expect(await requestCount(emu, "PUT", "/gaussdb/v3/instances/{instance_id}/solution")).toBe(0);
  });
});

describe("Host: in-place changes decided by the live record", () => {
  async function hostOnInstance() {
    const dcs = await emu.api("POST", "/gaussdb/v3/data-centers", { data_centers: [{ name: "dc-h" }, { name: "dc-other" }] });
    expect(dcs.status).toBe(200);
    const list = (await emu.api("GET", "/gaussdb/v3/data-centers")).body.data_centers as { id: string; name: string }[];
    const dcId = list.find((d) => d.name === "dc-h")!.id;
    const otherId = list.find((d) => d.name === "dc-other")!.id;
    const args = { name: "h1", osType: "kylin", cpuSpec: "intel", manageIp: "10.55.0.1", dataIp: "10.56.0.1", virtualIp: "10.57.0.1", dataCenterId: dcId, rootPassword: "Root_pw_123" };
    const h = await host.create(await checked(host, args));
    // The state says initialized; then an instance takes the host (Host state is not refreshed by that).
    expect(h.outs.status).toBe("initialized");
    await createInstance(emu, instanceArgs("single", ["10.55.0.1"], { name: "db-on-h1", engineVersion: "3.200.0" }));
    return { h, args, otherId };
  }

  it("refuses an IP change at preview although the state still says initialized (reference 4.9.3)", async () => {
    const { h, args } = await hostOnInstance();
    const news = await checked(host, { ...args, dataIp: "10.56.0.99" }, h.outs);
    await expect(host.diff(h.id, { ...h.outs, __provider: PROVIDER }, news)).rejects.toThrow("Host h1: dataIp cannot change while the host is in_use (reference 4.9.3");
  });

  it("refuses moving a host in use to another data center at preview and at update, with no PUT", async () => {
    const { h, args, otherId } = await hostOnInstance();
    const news = await checked(host, { ...args, dataCenterId: otherId }, h.outs);
    await emu.control.clearRequests();
    await expect(host.diff(h.id, { ...h.outs, __provider: PROVIDER }, news)).rejects.toThrow(
      "Host h1: dataCenterId cannot change while the host is in use by instance db-on-h1 (its AZ is named after the host's data center: reference 4.9.2, DBS.06025067). Keep dataCenterId, or remove the host from its instance first.",
    );
    await expect(host.update(h.id, h.outs, news)).rejects.toThrow(/dataCenterId cannot change while the host is in use/);
    expect(await countMethod("PUT")).toBe(0);
  });

  it("plans a name change and a move of a free host in place", async () => {
    const dc = await dataCenter.create(await checked(dataCenter, { name: "dc-free" }));
    const other = await dataCenter.create(await checked(dataCenter, { name: "dc-free2" }));
    const args = { name: "h2", osType: "kylin", cpuSpec: "intel", manageIp: "10.55.0.2", dataIp: "10.56.0.2", virtualIp: "10.57.0.2", dataCenterId: dc.id, rootPassword: "Root_pw_123" };
    const h = await host.create(await checked(host, args));
    const news = await checked(host, { ...args, name: "h2b", dataIp: "10.56.0.22", dataCenterId: other.id }, h.outs);
    expect(await host.diff(h.id, h.outs, news)).toMatchObject({ changes: true, replaces: [] });
    expect((await host.update(h.id, h.outs, news)).outs).toMatchObject({ name: "h2b", dataIp: "10.56.0.22", dataCenterId: other.id });
  });
});

describe("KeyPair: rename to a taken name (reference 4.8.3)", () => {
  it("refuses at preview; a free name is planned in place", async () => {
    const a = await keyPair.create(await checked(keyPair, { name: "kp-a" }));
    const b = await keyPair.create(await checked(keyPair, { name: "kp-b" }));
    await expect(keyPair.diff(a.id, a.outs, await checked(keyPair, { name: "kp-b" }, a.outs))).rejects.toThrow(
      `KeyPair kp-a: name: "kp-b" is already the name of key pair ${b.id} (reference 4.8.3: key pair names are unique); choose another name`,
    );
    expect(await keyPair.diff(a.id, a.outs, await checked(keyPair, { name: "kp-c" }, a.outs))).toMatchObject({ changes: true, replaces: [] });
  });
});

describe("KeyPair create: a taken name and the limit of 20 (reference 4.8.1, 4.8.3)", () => {
  it("refuses a taken name at check unless adopt is set", async () => {
    const a = await keyPair.create(await checked(keyPair, { name: "kp-taken" }));
    const r = await keyPair.check({}, { name: "kp-taken" });
    expect(r.failures).toEqual([
      { property: "name", reason: `name: "kp-taken" is already the name of key pair ${a.id} on the platform (reference 4.8.3: key pair names are unique); set adopt: true to take it over, or choose another name` },
    ]);
    await checked(keyPair, { name: "kp-taken", adopt: true });
  });

  it("counts the live key pairs and the ones this stack creates, refusing the 21st", async () => {
    for (let i = 0; i < MAX_KEY_PAIRS - 2; i++) {
      const r = await emu.api("POST", "/gaussdb/v3/hosts/key-pair", { name: `live-${i}` });
      expect(r.status).toBe(200);
    }
    await checked(keyPair, { __autoNamePrefix: "first", __urn: "urn:pulumi:s::p::tpops:index:KeyPair::first" });
    await checked(keyPair, { __autoNamePrefix: "second", __urn: "urn:pulumi:s::p::tpops:index:KeyPair::second" });
    // Checked again (preview, then up): the same resource is not counted twice.
    await checked(keyPair, { __autoNamePrefix: "second", __urn: "urn:pulumi:s::p::tpops:index:KeyPair::second" });
    const third = await keyPair.check({}, { __autoNamePrefix: "third", __urn: "urn:pulumi:s::p::tpops:index:KeyPair::third" });
    expect(third.failures?.[0]?.reason).toMatch(/the platform holds 18 key pair\(s\) and this stack creates 3 more; at most 20 exist \(reference 4.8.1 "最大支持创建20个秘钥对"\)/);
    // A key pair created meanwhile is counted once (its name is live and planned).
    await keyPair.create((await keyPair.check({}, { __autoNamePrefix: "first", __urn: "urn:pulumi:s::p::tpops:index:KeyPair::first" })).inputs!);
    expect((await keyPair.check({}, { __autoNamePrefix: "second", __urn: "urn:pulumi:s::p::tpops:index:KeyPair::second" })).failures ?? []).toEqual([]);
  });
});

describe("Host create: what the platform's data decides (reference 4.9.2, 4.9.8)", () => {
  async function dc(name = "dc-live") {
    const d = await dataCenter.create(await checked(dataCenter, { name }));
    return d.id;
  }
  const args = (dataCenterId: string, extra: Record<string, unknown> = {}) => ({
    name: "h-live", osType: "kylin", cpuSpec: "intel", manageIp: "10.77.0.1", dataIp: "10.78.0.1", virtualIp: "10.79.0.1", dataCenterId, rootPassword: "Root_pw_123", ...extra,
  });

  it("refuses a type the platform does not list as supported (4.9.8), and checks it once per process", async () => {
    const id = await dc();
    const r = await host.check({}, args(id, { type: "container" }));
    expect(r.failures).toEqual([{ property: "type", reason: 'type: "CONTAINER" is not supported by this platform; it supports BMS (reference 4.9.8); use one of them (getHostSpecifications lists them)' }]);
    await host.check({}, args(id, { manageIp: "10.77.0.2" }));
    expect(await requestCount(emu, "GET", "/gaussdb/v3/hosts/specifications")).toBe(1);
    // Without the check the platform refuses the same add.
    await expect(host.create(r.inputs!)).rejects.toThrow(/DBS\.200001|CONTAINER/);
  });

  it("refuses a data center or key pair the platform does not know", async () => {
    const r = await host.check({}, args("no-such-dc", { rootPassword: undefined, sshKeyId: "no-such-key" }));
    expect(r.failures?.map((f) => f.property)).toEqual(["dataCenterId", "sshKeyId"]);
    expect(r.failures?.[0]?.reason).toMatch(/dataCenterId: "no-such-dc" is not a data center of the platform \(reference 4.9.2, DBS.06025058\)/);
    expect(r.failures?.[1]?.reason).toMatch(/sshKeyId: "no-such-key" is not a key pair of the platform \(reference 4.8.2\)/);
  });

  it("checks a changed field of an existing host, not the unchanged ones", async () => {
    const id = await dc();
    const h = await host.create(await checked(host, args(id)));
    expect((await host.check(h.outs, { ...args(id), description: "x" })).failures ?? []).toEqual([]);
    expect((await host.check(h.outs, { ...args("gone-dc") })).failures?.[0]?.property).toBe("dataCenterId");
  });

  it("continues with a host an interrupted run added under this resource's generated name", async () => {
    const id = await dc();
    const props = { ...args(id), name: undefined, __autoNamePrefix: "db-host", __urn: "urn:pulumi:s::p::tpops:index:Host::db-host" };
    const inputs = await checked(host, props);
    await emu.api("POST", "/gaussdb/v3/hosts", {
      hosts: [{ name: inputs.name, type: "BMS", os_type: "kylin", cpu_spec: "intel", storage_type: "localssd", ip: { manage_ip: "10.77.0.1", data_ip: "10.78.0.1", virtual_ip: "10.79.0.1" }, ssh_port: 22, data_center_id: id, os_root_pwd: "Root_pw_123" }],
    });
    resetHostPreviewCache();
    expect((await host.check({}, props)).failures ?? []).toEqual([]);
  });
});

describe("an unreachable platform skips the live checks", () => {
  it("does not fail check or diff, and waits for one retry cycle only", async () => {
    const hosts = await addHosts(emu, 1);
    await createInstance(emu, instanceArgs("single", hosts, { name: "db-x", engineVersion: "3.200.0" }));
    const { id, olds } = await dcState();
    const news = await checked(dataCenter, { name: "dc-new" }, olds);
    // A port nothing listens on: connections are refused.
    pointAt("http://127.0.0.1:9/rds");
    resetOfferedVersions();
    const t0 = Date.now();
    expect(await dataCenter.diff(id, olds, news)).toMatchObject({ changes: true, replaces: [] });
    const first = Date.now() - t0;
    const t1 = Date.now();
    expect((await instance.check({}, instanceArgs("single", hosts, { name: "db-y", engineVersion: "3.250.0" }))).failures ?? []).toEqual([]);
    expect(Date.now() - t1).toBeLessThan(Math.max(1000, first));
  });
});
