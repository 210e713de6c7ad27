// Sites: one provider process addressing two TPOPS platforms (two emulators over HTTP). Each resource's calls go to
// the platform its `site` names (tpops:sites), the default one without; the site is checked at preview, kept in the
// state, and a change of it replaces; one login per site; lookups take a site; a site's password may come from
// TPOPS_PASSWORD_<SITE>.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { closeAllClients } from "../../../provider/client";
import { configure, resetConfiguration } from "../../../provider/config";
import { dataCenter, lookup } from "../../../provider";

let a: TestEmulator;
let b: TestEmulator;
const PROVIDER = "serialized-provider-text";
let cfg: Record<string, string>;

beforeAll(async () => {
  a = await startTestEmulator({ timeScale: 0.001 });
  b = await startTestEmulator({ timeScale: 0.001, users: [{ name: "ops", password: "Ops@12345" }] });
});
afterAll(async () => {
  resetConfiguration();
  await closeAllClients();
  await a?.close();
  await b?.close();
});
beforeEach(async () => {
  await closeAllClients();
  cfg = {
    "tpops:endpoint": a.url,
    "tpops:username": "admin",
    "tpops:password": "Admin@123",
    "tpops:sites": JSON.stringify({ west: { endpoint: b.url, username: "ops", password: "Ops@12345" } }),
  };
  configure({ config: { get: (k) => cfg[k] } });
  // The tests' own API calls log in once per emulator before the count starts.
  await names(a);
  await names(b);
  await a.control.clearRequests();
  await b.control.clearRequests();
});

const names = async (emu: TestEmulator) => ((await emu.api("GET", "/gaussdb/v3/data-centers")).body.data_centers as { name: string }[]).map((d) => d.name);

describe("resources on sites", () => {
  it("a site that is not configured is refused at preview, naming the known sites and how to add one", async () => {
    const r = await dataCenter.check({}, { __provider: PROVIDER, name: "room-x", site: "east" });
    expect(r.failures?.map((f) => f.reason).join(" ")).toMatch(/site: "east" is not a site of tpops:sites \(it has west\); add it with pulumi config set --path 'tpops:sites\.east\.endpoint'/);
    const empty = await dataCenter.check({}, { __provider: PROVIDER, name: "room-x", site: "" });
    expect(empty.failures?.[0]?.reason).toContain("is not a site name");
  });

  it("creates, reads and deletes on the site the resource names; without a site on the tpops:endpoint platform", async () => {
    const westIn = (await dataCenter.check({}, { __provider: PROVIDER, name: "room-west", site: "west" })).inputs!;
    expect(westIn.site).toBe("west");
    const west = await dataCenter.create(westIn);
    expect(west.outs.site).toBe("west");
    const homeIn = (await dataCenter.check({}, { __provider: PROVIDER, name: "room-home" })).inputs!;
    const home = await dataCenter.create(homeIn);
    expect(home.outs.site).toBeUndefined();
    expect(await names(b)).toContain("room-west");
    expect(await names(b)).not.toContain("room-home");
    expect(await names(a)).toContain("room-home");
    expect(await names(a)).not.toContain("room-west");
    const read = await dataCenter.read(west.id, west.outs);
    expect(read.props.site).toBe("west");
    expect(read.inputs?.site).toBe("west");
    // Moving to another site replaces the resource.
    const d = await dataCenter.diff(west.id, west.outs, { ...westIn, site: undefined });
    expect(d.replaces).toContain("site");
    await dataCenter.delete(west.id, west.outs);
    await dataCenter.delete(home.id, home.outs);
    expect(await names(b)).not.toContain("room-west");
    expect(await names(a)).not.toContain("room-home");
    // One login per site for all of it.
    expect((await a.control.requests()).logins).toBe(1);
    expect((await b.control.requests()).logins).toBe(1);
  });

  it("takes a site's password from TPOPS_PASSWORD_<SITE> when the config has none", async () => {
    cfg["tpops:sites"] = JSON.stringify({ "west-2": { endpoint: b.url, username: "ops" } });
    process.env.TPOPS_PASSWORD_WEST_2 = "Ops@12345";
    try {
      const inputs = (await dataCenter.check({}, { __provider: PROVIDER, name: "room-env", site: "west-2" })).inputs!;
      const made = await dataCenter.create(inputs);
      expect(await names(b)).toContain("room-env");
      await dataCenter.delete(made.id, made.outs);
    } finally {
      delete process.env.TPOPS_PASSWORD_WEST_2;
    }
  });

  it("a site without a password says where to set it", async () => {
    cfg["tpops:sites"] = JSON.stringify({ west: { endpoint: b.url, username: "ops" } });
    const inputs = (await dataCenter.check({}, { __provider: PROVIDER, name: "room-nopw", site: "west" })).inputs!;
    await expect(dataCenter.create(inputs)).rejects.toThrow(/missing the TPOPS password of site west: set pulumi config set --path 'tpops:sites\.west\.password' … --secret \(or the environment variable TPOPS_PASSWORD_WEST\)/);
  });
});

describe("lookups on sites", () => {
  it("answer from the site named, and refuse an unknown one in one line", async () => {
    await b.api("POST", "/gaussdb/v3/data-centers", { data_centers: [{ name: "AZW" }] });
    const west = (await lookup("getBackups", { site: "west" }, { get: (k) => cfg[k] })) as { backups: unknown[] };
    expect(west.backups).toEqual([]);
    expect((await b.control.requests()).byRoute.some((r) => r.route === "/gaussdb/v3.1/backups")).toBe(true);
    expect((await a.control.requests()).byRoute.some((r) => r.route === "/gaussdb/v3.1/backups")).toBe(false);
    await expect(lookup("getBackups", { site: "nowhere" }, { get: (k) => cfg[k] })).rejects.toThrow(/^getBackups: site: "nowhere" is not a site of tpops:sites/);
  });
});
