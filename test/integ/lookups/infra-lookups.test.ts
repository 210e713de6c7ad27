// The infrastructure lookups against the emulator over real HTTP: getHostSpecifications (reference 4.9.8),
// getDataCenters (4.9.9), getKeyPairs (4.8.2) and getHosts (4.9.1) — their answers in the program's terms, the
// filters the reference states, paging by the client, one-line refusals; and the preview refusals of Host that
// point to them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEmulator } from "../../helpers/emulator";
import { lookup } from "../../../provider/functions";
import { host, resetHostPreviewCache } from "../../../provider/resources/infra/host";
import { resetLiveLookups } from "../../../provider/resources/live";
import { SETUP_SCALE, startProviderEmulator, TEST_SCALE } from "../instance-fixtures";

let emu: TestEmulator;
let dcBig: string;
let dcSmall: string;

type Host = Record<string, unknown> & { id: string; name: string; manageIp: string; status: string };

/** Adds hosts through the API in batches of 50 (4.9.2 "最多可批量添加50个主机"), the job at the setup pace. */
async function addHosts(dcId: string, n: number, prefix: string, octet: number): Promise<void> {
  await emu.control.setTimeScale(SETUP_SCALE);
  try {
    for (let start = 0; start < n; start += 50) {
      const hosts = Array.from({ length: Math.min(50, n - start) }, (_, k) => {
        const i = start + k;
        return {
          name: `${prefix}-${String(i).padStart(3, "0")}`,
          type: "BMS",
          os_type: "kylin",
          cpu_spec: "intel",
          storage_type: "localssd",
          ip: { manage_ip: `10.${octet}.${Math.floor(i / 200)}.${(i % 200) + 1}`, data_ip: `10.${octet + 1}.0.${(i % 200) + 1}`, virtual_ip: `10.${octet + 2}.0.${(i % 200) + 1}` },
          ssh_port: 22,
          data_center_id: dcId,
          os_root_pwd: "Root_pw_123",
        };
      });
      const r = await emu.api("POST", "/gaussdb/v3/hosts", { hosts });
      expect(r.status).toBe(202);
      expect((await emu.waitJob(r.body.job_id)).status).toBe("Completed");
    }
  } finally {
    await emu.control.setTimeScale(TEST_SCALE);
  }
}

async function dataCenter(name: string, description?: string): Promise<string> {
  expect((await emu.api("POST", "/gaussdb/v3/data-centers", { data_centers: [{ name, ...(description ? { description } : {}) }] })).status).toBe(200);
  return (await emu.api("GET", `/gaussdb/v3/data-centers?name=${name}`)).body.data_centers[0].id;
}

beforeAll(async () => {
  emu = await startProviderEmulator();
  dcBig = await dataCenter("room-big", "the big room");
  dcSmall = await dataCenter("room-small");
  // More than one page of 4.9.1 (limit "最大值为100"): the client pages.
  await addHosts(dcBig, 105, "big", 20);
  await addHosts(dcSmall, 3, "small", 30);
  for (let i = 0; i < 20; i++) {
    expect((await emu.api("POST", "/gaussdb/v3/hosts/key-pair", { name: `kp-${String(i).padStart(2, "0")}`, description: i % 2 ? "odd" : "even" })).status).toBe(200);
  }
});
afterAll(async () => emu?.close());

describe("getHostSpecifications (reference 4.9.8)", () => {
  it("answers the platform's lists under the Host input names", async () => {
    const raw = (await emu.api("GET", "/gaussdb/v3/hosts/specifications")).body;
    expect(await lookup("getHostSpecifications", {})).toEqual({ types: raw.types, osTypes: raw.os_types, storageTypes: raw.storage_types, cpuSpecs: raw.cpu_specs });
  });
  it("takes no arguments", async () => {
    await expect(lookup("getHostSpecifications", { osType: "kylin" })).rejects.toThrow(/^getHostSpecifications: inputs: unknown property osType; remove it$/);
  });
});

describe("getDataCenters (reference 4.9.9)", () => {
  it("lists every data center with its host count; filters by id and name", async () => {
    const all = (await lookup("getDataCenters", {})) as { dataCenters: { id: string; name: string; description?: string; hostsNum?: number }[] };
    expect(all.dataCenters.map((d) => d.name).sort()).toEqual(["room-big", "room-small"]);
    expect(all.dataCenters.find((d) => d.id === dcBig)).toEqual({ id: dcBig, name: "room-big", description: "the big room", hostsNum: 105 });
    expect(((await lookup("getDataCenters", { name: "room-small" })) as { dataCenters: { id: string }[] }).dataCenters.map((d) => d.id)).toEqual([dcSmall]);
    expect(((await lookup("getDataCenters", { id: dcBig })) as { dataCenters: { name: string }[] }).dataCenters.map((d) => d.name)).toEqual(["room-big"]);
    expect(((await lookup("getDataCenters", { name: "no-such-room" })) as { dataCenters: unknown[] }).dataCenters).toEqual([]);
  });
  it("sorts by hosts_num and name, both ways", async () => {
    const names = async (a: Record<string, string>) => ((await lookup("getDataCenters", a)) as { dataCenters: { name: string }[] }).dataCenters.map((d) => d.name);
    expect(await names({ sortKey: "hosts_num", sortOrder: "asc" })).toEqual(["room-small", "room-big"]);
    expect(await names({ sortKey: "hosts_num", sortOrder: "desc" })).toEqual(["room-big", "room-small"]);
    expect(await names({ sortKey: "name", sortOrder: "desc" })).toEqual(["room-small", "room-big"]);
  });
  it.each([
    [{ sortKey: "hostsNum" }, 'sortKey: "hostsNum" is not a 4.9.9 sort key; use name or hosts_num'],
    [{ sortOrder: "up" }, 'sortOrder: "up" is not a sort order; use asc or desc (reference 4.9.9)'],
    [{ name: 7 }, "name: 7 is a number; expected a string"],
  ])("refuses %j in one line", async (args, line) => {
    await expect(lookup("getDataCenters", args)).rejects.toThrow(new RegExp(`^getDataCenters: ${line.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  });
});

describe("getKeyPairs (reference 4.8.2)", () => {
  it("lists all 20 key pairs (4.8.2 limit at most 20 a page), with ISO creation times; filters by name, description, id", async () => {
    const all = ((await lookup("getKeyPairs", {})) as { keyPairs: { id: string; name: string; description?: string; createdAt?: string; hostNums?: number }[] }).keyPairs;
    expect(all).toHaveLength(20);
    expect(new Set(all.map((k) => k.name)).size).toBe(20);
    for (const k of all) {
      expect(k.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
      expect(k.hostNums).toBe(0);
    }
    const odd = ((await lookup("getKeyPairs", { description: "odd" })) as { keyPairs: { name: string }[] }).keyPairs;
    expect(odd.map((k) => k.name).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `kp-${String(2 * i + 1).padStart(2, "0")}`));
    const one = ((await lookup("getKeyPairs", { name: "kp-07" })) as { keyPairs: { id: string; description: string }[] }).keyPairs;
    expect(one).toHaveLength(1);
    expect(one[0]!.description).toBe("odd");
    expect(((await lookup("getKeyPairs", { id: one[0]!.id })) as { keyPairs: { name: string }[] }).keyPairs.map((k) => k.name)).toEqual(["kp-07"]);
  });
  it("refuses an unknown argument in one line", async () => {
    await expect(lookup("getKeyPairs", { algorithm: "RSA_2048" })).rejects.toThrow(/^getKeyPairs: inputs: unknown property algorithm; remove it$/);
  });
});

describe("getHosts (reference 4.9.1)", () => {
  it("pages through more than 100 hosts (4.9.1 limit at most 100) and maps each to the program's terms", async () => {
    const { hosts } = (await lookup("getHosts", { dataCenterId: dcBig })) as { hosts: Host[] };
    expect(hosts).toHaveLength(105);
    expect(new Set(hosts.map((h) => h.id)).size).toBe(105);
    const raw = (await emu.api("GET", `/gaussdb/v3/hosts?name=big-000`)).body.hosts[0];
    const h = hosts.find((x) => x.name === "big-000")!;
    expect(h).toMatchObject({
      id: raw.id,
      manageIp: "10.20.0.1",
      dataIp: "10.21.0.1",
      virtualIp: "10.22.0.1",
      dataCenterId: dcBig,
      dataCenter: "room-big",
      status: "initialized",
      type: "BMS",
      osType: "kylin",
      cpuSpec: "intel",
      storageType: "localssd",
      sshPort: 22,
    });
    // 4.9.1 table 4-314 sizes are strings on the wire; the program gets numbers.
    for (const k of ["vcpus", "mem", "rootDiskSize", "dataDiskSize"]) if (h[k] !== undefined) expect(typeof h[k], k).toBe("number");
    expect(h.vcpus).toBe(Number(raw.spec.vcpus));
    // 4.9.1 created_at "yyyy-mm-ddThh:mm:ssZ" with an offset: ISO 8601 UTC.
    expect(h.createdAt).toBe(new Date(Date.parse(String(raw.created_at).replace(/([+-]\d{2})(\d{2})$/, "$1:$2"))).toISOString().replace(/\.000Z$/, "Z"));
    expect(h).not.toHaveProperty("instanceId");
  });
  it("filters by name, status, type and data center", async () => {
    const names = async (a: Record<string, string>) => ((await lookup("getHosts", a)) as { hosts: Host[] }).hosts.map((h) => h.name);
    expect(await names({ name: "small-001" })).toEqual(["small-001"]);
    expect((await names({ dataCenterId: dcSmall })).sort()).toEqual(["small-000", "small-001", "small-002"]);
    expect(await names({ status: "in_use" })).toEqual([]);
    expect(await names({ status: "initialized", dataCenterId: dcSmall, sortKey: "name", sortOrder: "desc" })).toEqual(["small-002", "small-001", "small-000"]);
    expect(await names({ type: "CONTAINER" })).toEqual([]);
    expect(await names({ type: "BMS", dataCenterId: dcSmall, sortKey: "name", sortOrder: "asc" })).toEqual(["small-000", "small-001", "small-002"]);
  });
  it.each([
    [{ status: "free" }, 'status: "free" is not a 4.9.1 host status; use initializing, initialized, initialize_failed, unmanaged, in_use, deleting, delete_failed'],
    [{ sortKey: "ip" }, 'sortKey: "ip" is not a 4.9.1 sort key; use name, type or status'],
    [{ sortOrder: "DESC" }, 'sortOrder: "DESC" is not a sort order; use asc or desc (reference 4.9.1)'],
    [{ manageIp: "10.20.0.1" }, "inputs: unknown property manageIp; remove it"],
  ])("refuses %j in one line", async (args, line) => {
    await expect(lookup("getHosts", args)).rejects.toThrow(new RegExp(`^getHosts: ${line.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  });
});

describe("Host preview refusals name the lookup that lists the valid values", () => {
  const args = (extra: Record<string, unknown> = {}) => ({
    __provider: "p", name: "h-new", osType: "kylin", cpuSpec: "intel", manageIp: "10.90.0.1", dataIp: "10.91.0.1", virtualIp: "10.92.0.1", dataCenterId: dcSmall, rootPassword: "Root_pw_123", ...extra,
  });
  it("an unsupported specification points to getHostSpecifications; an unknown data center or key pair to getDataCenters and getKeyPairs", async () => {
    resetHostPreviewCache();
    resetLiveLookups();
    const spec = await host.check({}, args({ osType: "kylni" }));
    // Outside 4.9.8's enumeration: refused without a call, with the nearest valid name.
    expect(spec.failures).toEqual([{ property: "osType", reason: 'osType: "kylni" is not one of kylin, uniontech; use one of them (did you mean kylin? getHostSpecifications lists what this platform supports)' }]);
    // In the enumeration but not offered by this platform (its 4.9.8 answer lists BMS only).
    const live = await host.check({}, args({ type: "container" }));
    expect(live.failures).toEqual([{ property: "type", reason: 'type: "CONTAINER" is not supported by this platform; it supports BMS (reference 4.9.8); use one of them (getHostSpecifications lists them)' }]);
    const r = await host.check({}, args({ dataCenterId: "no-such-dc", rootPassword: undefined, sshKeyId: "no-such-key" }));
    expect(r.failures?.map((f) => f.reason)).toEqual([
      'dataCenterId: "no-such-dc" is not a data center of the platform (reference 4.9.2, DBS.06025058); use the id of a DataCenter, or one getDataCenters lists',
      'sshKeyId: "no-such-key" is not a key pair of the platform (reference 4.8.2); use the id of a KeyPair, or one getKeyPairs lists',
    ]);
  });
});
