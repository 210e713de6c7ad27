// Instance.takeOver against the emulator over real HTTP (issue 19 part 3): the input rules, the 4.11.12 check at
// preview (decided only where the hosts are added) and at create (strict), the 4.11.13 take-over and its job, the
// facts of the database in state, a program that describes the database otherwise, the diff rules (takeOver and the
// unsent root password change nothing; only a new name replaces), and what delete means (unmanage by default).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestEmulator } from "../../helpers/emulator";
import { instance, warnings } from "../../../provider/resources/instance/instance";
import { addHosts, checked, jobs, PASSWORD, PROVIDER, SETUP_SCALE, startProviderEmulator, TEST_SCALE } from "../instance-fixtures";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startProviderEmulator();
});
afterAll(async () => emu?.close());
beforeEach(async () => {
  await emu.control.reset();
});

const ADMIN_PW = "Admin_pw_2345";
const TAKE_OVER = { manageUser: "rdsAdmin", manageUserPassword: ADMIN_PW, storageDevice: { deviceId: "nas_server_1", deviceDirectory: "/data/nas", realPath: "/home/nfs/data1", isManuallyMount: false } };
const args = (manageIps: string[], extra: Record<string, unknown> = {}) => ({ name: "legacy-orders", osType: "kylin", cpuSpec: "intel", arch: "x86", solution: "triset", manageIps, takeOver: TAKE_OVER, ...extra });

async function seed(manageIps: string[], extra: Record<string, unknown> = {}) {
  const r = await fetch(`${emu.origin}/__emulator/unmanaged-databases`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ manage_ips: manageIps, solution: "triset", version: "3.201.0", port: 8100, manage_password: ADMIN_PW, ...extra }),
  });
  expect(r.status).toBe(201);
}

/** Three added hosts carrying one triset database. */
async function legacyHosts(): Promise<string[]> {
  const ips = await addHosts(emu, 3);
  await seed(ips);
  return ips;
}

const failures = async (news: Record<string, unknown>, olds: Record<string, unknown> = {}) => (await instance.check(olds, { __provider: PROVIDER, ...news })).failures ?? [];

async function takeOver(news: Record<string, unknown>) {
  const inputs = await checked(instance, news);
  await emu.control.setTimeScale(SETUP_SCALE);
  try {
    return await instance.create(inputs);
  } finally {
    await emu.control.setTimeScale(TEST_SCALE);
  }
}

describe("check", () => {
  it("takes no root password with takeOver, and requires one without", async () => {
    expect(await failures(args(["10.1.0.1", "10.1.0.2", "10.1.0.3"]))).toEqual([]);
    const f = await failures({ ...args(["10.1.0.1", "10.1.0.2", "10.1.0.3"]), takeOver: undefined });
    expect(f.map((x) => x.reason)).toEqual([expect.stringMatching(/^password is required to install the instance \(reference 4.11.6 password "是"\); set it .*or give takeOver/)]);
  });

  it.each([
    ["an empty administrator", { ...TAKE_OVER, manageUser: "" }, /takeOver.manageUser/],
    ["no storage device", { ...TAKE_OVER, storageDevice: undefined }, /takeOver.storageDevice/],
    ["a storage device without isManuallyMount", { ...TAKE_OVER, storageDevice: { ...TAKE_OVER.storageDevice, isManuallyMount: undefined } }, /takeOver.storageDevice.isManuallyMount/],
    ["an unknown key", { ...TAKE_OVER, manageIp: "10.0.0.1" }, /takeOver: unknown property manageIp/],
  ])("refuses %s (reference 4.11.13 tables 4-549/4-550)", async (_what, takeOver, re) => {
    const f = await failures(args(["10.1.0.1", "10.1.0.2", "10.1.0.3"], { takeOver }));
    expect(f.map((x) => `${x.property} ${x.reason}`).join("\n")).toMatch(re);
  });

  it("refuses takeOver with restoreFrom", async () => {
    const f = await failures(args(["10.1.0.1", "10.1.0.2", "10.1.0.3"], { restoreFrom: { sourceInstanceId: "abc", backupId: "b1" } }));
    expect(f.map((x) => x.reason)).toContainEqual(expect.stringMatching(/^takeOver: cannot be combined with restoreFrom/));
  });

  it("warns about what 4.11.13 does not send", () => {
    const w = warnings(args(["10.1.0.1"], { password: PASSWORD, timeZone: "UTC+08:00" })).map((x) => x.property);
    expect(w).toEqual(expect.arrayContaining(["password", "timeZone"]));
    expect(warnings(args(["10.1.0.1"])).map((x) => x.property)).not.toContain("password");
  });

  it("decides at preview what 4.11.12 says about added hosts: a host that is not the database's, and a missing one", async () => {
    const ips = await legacyHosts();
    const [plain] = await addHosts(emu, 1);
    const wrong = await failures(args([ips[0]!, ips[1]!, plain!]));
    expect(wrong.map((x) => x.reason)).toEqual([
      expect.stringMatching(new RegExp(`^manageIps: ${plain} is not a host of the database on ${ips[0]}, which runs on ${ips.join(", ")} \\(reference 4.11.12\\)`)),
      expect.stringMatching(new RegExp(`the database on ${ips[0]} also runs on ${ips[2]}`)),
    ]);
    const single = await failures(args([ips[0]!], { solution: "single" }));
    expect(single.map((x) => x.reason)).toEqual([expect.stringMatching(/also runs on .*list all 3 hosts and a solution with that many/)]);
  });

  it("refuses at preview hosts that carry no database to take over (DBS.200002)", async () => {
    const ips = await addHosts(emu, 3);
    await seed([ips[0]!], { solution: "single" });
    const f = await failures(args([ips[1]!, ips[2]!, ips[0]!]));
    // ips[0] is the added host awaiting management: 4.11.12 answers its database (one host), so the others do not belong
    expect(f.map((x) => x.reason).join("\n")).toMatch(/are not a host of the database on/);
    const none = await failures(args(ips.slice(1).concat("10.1.9.9"), { solution: "triset" }));
    expect(none).toEqual([]); // no host of these awaits management: nothing to decide before they are added
  });

  it("does not refuse at preview hosts the program has not added yet", async () => {
    await seed(["10.1.2.1", "10.1.2.2", "10.1.2.3"]);
    expect(await failures(args(["10.1.2.1", "10.1.2.2", "10.1.2.3"]))).toEqual([]);
  });
});

describe("create", () => {
  it("takes the database over: an ACTIVE instance with the database's version and port, its hosts in use", async () => {
    const ips = await legacyHosts();
    const { id, outs } = await takeOver(args(ips));
    expect(outs).toMatchObject({ name: "legacy-orders", engineVersion: "3.201.0", port: 8100, status: "ACTIVE", takenOver: true, takeOver: TAKE_OVER });
    expect(outs.password).toBeUndefined();
    expect(await jobs(emu)).toContain("ManageGaussDBInstance:Completed");
    const s = await emu.control.state();
    expect(s.instances.map((i: any) => i.id)).toEqual([id]);
    expect(s.hosts.filter((h: any) => ips.includes(h.ip.manage_ip)).map((h: any) => h.status)).toEqual(["in_use", "in_use", "in_use"]);
    expect((await emu.control.requests()).ignoredFields).toEqual([]);
    // read keeps takenOver; an ordinary refresh shows no drift
    expect((await instance.read(id, outs)).props).toMatchObject({ takenOver: true, port: 8100 });
  });

  it("refuses at create while a host of the database is not added, naming it (reference 4.11.12 is_online)", async () => {
    const ips = await addHosts(emu, 2);
    await seed([...ips, "10.1.3.3"]);
    await expect(takeOver(args([...ips, "10.1.3.3"]))).rejects.toThrow(/manageIps: host 10.1.3.3 of the database is not_added, not added \(reference 4.11.12 is_online\); add it to TPOPS/);
    expect((await emu.control.state()).instances).toEqual([]);
  });

  it("refuses a wrong administrator password with the platform's code, without the password in the message", async () => {
    const ips = await legacyHosts();
    const err = (await takeOver(args(ips, { takeOver: { ...TAKE_OVER, manageUserPassword: "Wrong_pw_9876" } })).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/DBS\.200029/);
    expect(err.message).not.toContain("Wrong_pw_9876");
  });

  it("a program that describes the database otherwise is a partial create saying what to write", async () => {
    const ips = await legacyHosts();
    const err = (await takeOver(args(ips, { port: 8000 })).catch((e: unknown) => e)) as Error & { id?: string; properties?: Record<string, unknown> };
    expect(err.message).toMatch(/^Instance legacy-orders: created as \w+in14, but the program describes the taken-over database otherwise: port: the database listens on 8100, the program says 8000; set 8100 or leave port out$/);
    expect(err.id).toMatch(/in14$/);
    expect(err.properties).toMatchObject({ port: 8100, takenOver: true });
    // The next up: the program as it was cannot be applied (no replacement changes the database), the platform's port can.
    await expect(instance.diff(err.id!, err.properties!, await checked(instance, args(ips, { port: 8000 }), err.properties!))).rejects.toThrow(/port cannot change: they describe the database found on the hosts/);
    expect(await instance.diff(err.id!, err.properties!, await checked(instance, args(ips, { port: 8100 }), err.properties!))).toMatchObject({ replaces: [] });
  });
});

describe("diff and delete", () => {
  async function managed() {
    const ips = await legacyHosts();
    return { ips, ...(await takeOver(args(ips))) };
  }

  it("dropping or changing takeOver, or adding a root password, changes nothing; osType cannot change; a new name replaces", async () => {
    const { id, outs } = await managed();
    const news = await checked(instance, { ...args(outs.manageIps as string[]), takeOver: undefined }, outs);
    expect(await instance.diff(id, outs, news)).toMatchObject({ changes: false, replaces: [] });
    const pw = await checked(instance, { ...args(outs.manageIps as string[]), password: PASSWORD }, outs);
    expect(await instance.diff(id, outs, pw)).toMatchObject({ changes: false });
    const os = await checked(instance, { ...args(outs.manageIps as string[]), osType: "UnionTech" }, outs);
    await expect(instance.diff(id, outs, os)).rejects.toThrow(/Instance legacy-orders: osType cannot change: they describe the database found on the hosts/);
    const renamed = await checked(instance, { ...args(outs.manageIps as string[]), name: "orders-db" }, outs);
    expect(await instance.diff(id, outs, renamed)).toMatchObject({ replaces: ["name"], deleteBeforeReplace: true });
    const renamedBare = await checked(instance, { ...args(outs.manageIps as string[]), name: "orders-db", takeOver: undefined }, outs);
    await expect(instance.diff(id, outs, renamedBare)).rejects.toThrow(/needs takeOver in the program/);
  });

  it("delete unmanages by default: the database stays on its hosts, which await management again", async () => {
    const { ips, id, outs } = await managed();
    await instance.delete(id, { ...outs, takeOver: undefined });
    expect(await jobs(emu)).toContain("UnmanageGaussDBInstance:Completed");
    const s = (await emu.control.state()) as any;
    expect(s.instances).toEqual([]);
    expect(s.hosts.filter((h: any) => ips.includes(h.ip.manage_ip)).map((h: any) => h.status)).toEqual(["unmanaged", "unmanaged", "unmanaged"]);
    expect(s.unmanagedDatabases).toEqual([expect.objectContaining({ manage_ips: ips, managed_by: null, datastore: { type: "GaussDB", version: "3.201.0" } })]);
    // …and can be taken over again with the same administrator password
    const again = await takeOver(args(ips));
    expect(again.outs.status).toBe("ACTIVE");
  });

  it("deletion.clearData: true uninstalls it", async () => {
    const { ips, id, outs } = await managed();
    await instance.delete(id, { ...outs, deletion: { clearData: true } });
    expect(await jobs(emu)).toContain("DeleteGaussDBInstance:Completed");
    const s = (await emu.control.state()) as any;
    expect(s.hosts.filter((h: any) => ips.includes(h.ip.manage_ip)).map((h: any) => h.status)).toEqual(["initialized", "initialized", "initialized"]);
    expect(s.unmanagedDatabases).toEqual([]);
  });
});
