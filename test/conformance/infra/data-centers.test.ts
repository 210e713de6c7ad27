import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { addHosts, createDataCenter, hostEntry } from "../fixtures";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await emu.control.reset();
});

describe("reference 4.9.10 POST /gaussdb/v3/data-centers", () => {
  it("adds the example data center: 200 with no body", async () => {
    const r = await emu.api("POST", "/gaussdb/v3/data-centers", { data_centers: [{ name: "AZ1" }] });
    expect(r.status).toBe(200);
    expect(r.body).toBeUndefined();
    const list = await emu.api("GET", "/gaussdb/v3/data-centers");
    expect(list.body.data_centers).toEqual([{ id: expect.any(String), name: "AZ1", description: null, hosts_num: 0 }]);
  });

  it("adds a batch of 50", async () => {
    const batch = Array.from({ length: 50 }, (_, i) => ({ name: `dc-${i}`, description: `room ${i}` }));
    expect((await emu.api("POST", "/gaussdb/v3/data-centers", { data_centers: batch })).status).toBe(200);
    expect((await emu.api("GET", "/gaussdb/v3/data-centers")).body.total_count).toBe(50);
  });

  const refusals: [string, unknown, number, string][] = [
    ["a name over 20 characters", { data_centers: [{ name: "a".repeat(21) }] }, 400, "DBS.06025024"],
    ["an empty name", { data_centers: [{ name: "" }] }, 400, "DBS.06025024"],
    ["a name with other special characters", { data_centers: [{ name: "AZ 1!" }] }, 400, "DBS.280001"],
    ["a description over 100 characters", { data_centers: [{ name: "AZ1", description: "d".repeat(101) }] }, 400, "DBS.06025025"],
    ["a duplicate name within the batch", { data_centers: [{ name: "AZ1" }, { name: "AZ1" }] }, 400, "DBS.06025059"],
    ["more than 50 data centers", { data_centers: Array.from({ length: 51 }, (_, i) => ({ name: `d${i}` })) }, 400, "DBS.280001"],
    ["an empty list", { data_centers: [] }, 400, "DBS.280001"],
    ["a wrong type", { data_centers: [{ name: 7 }] }, 400, "DBS.280001"],
    ["a missing list", {}, 400, "DBS.280001"],
  ];
  it.each(refusals)("refuses %s", async (_what, body, status, code) => {
    const r = await emu.api("POST", "/gaussdb/v3/data-centers", body);
    expect(r.status).toBe(status);
    expect(r.body.error_code).toBe(code);
    expect((await emu.control.state()).dataCenters).toEqual([]);
  });

  it("refuses a name that already exists (reference: 机房名称不可重复)", async () => {
    await createDataCenter(emu, "AZ1");
    const r = await emu.api("POST", "/gaussdb/v3/data-centers", { data_centers: [{ name: "AZ2" }, { name: "AZ1" }] });
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe("DBS.06025059");
    // validated fully before mutating: AZ2 was not added either
    expect((await emu.api("GET", "/gaussdb/v3/data-centers")).body.total_count).toBe(1);
  });
});

describe("reference 4.9.9 GET /gaussdb/v3/data-centers", () => {
  beforeEach(async () => {
    const names = ["b-room", "a-room", "c-room"];
    await emu.api("POST", "/gaussdb/v3/data-centers", { data_centers: names.map((name) => ({ name, description: `${name} desc` })) });
  });

  it("lists with total_count and the DataCenterResult fields", async () => {
    const r = await emu.api("GET", "/gaussdb/v3/data-centers");
    expect(r.status).toBe(200);
    expect(r.body.total_count).toBe(3);
    expect(Object.keys(r.body.data_centers[0]).sort()).toEqual(["description", "hosts_num", "id", "name"]);
  });

  const queries: [string, string, string[]][] = [
    ["name filter", "?name=a-room", ["a-room"]],
    ["sort by name asc", "?sort_key=name&sort_order=asc", ["a-room", "b-room", "c-room"]],
    ["sort by name desc", "?sort_key=name&sort_order=desc", ["c-room", "b-room", "a-room"]],
    ["offset and limit", "?sort_key=name&offset=1&limit=1", ["b-room"]],
    ["offset past the end", "?offset=5", []],
  ];
  it.each(queries)("%s", async (_what, query, names) => {
    const r = await emu.api("GET", `/gaussdb/v3/data-centers${query}`);
    expect(r.status).toBe(200);
    expect(r.body.total_count).toBe(query.includes("name=a-room") ? 1 : 3);
    expect(r.body.data_centers.map((d: { name: string }) => d.name)).toEqual(names);
  });

  it("filters by id", async () => {
    const all = (await emu.api("GET", "/gaussdb/v3/data-centers")).body.data_centers;
    const r = await emu.api("GET", `/gaussdb/v3/data-centers?id=${all[1].id}`);
    expect(r.body.data_centers).toEqual([all[1]]);
  });

  it("sorts by hosts_num and counts hosts", async () => {
    const all = (await emu.api("GET", "/gaussdb/v3/data-centers?name=c-room")).body.data_centers;
    await addHosts(emu, [hostEntry("10.0.0.1", all[0].id), hostEntry("10.0.0.2", all[0].id)]);
    const r = await emu.api("GET", "/gaussdb/v3/data-centers?sort_key=hosts_num&sort_order=desc");
    expect(r.body.data_centers[0]).toMatchObject({ name: "c-room", hosts_num: 2 });
  });

  const bad: [string, string, string][] = [
    ["limit 0", "?limit=0", "DBS.280439"],
    ["limit 101", "?limit=101", "DBS.280439"],
    ["a negative offset", "?offset=-1", "DBS.280001"],
    ["a non-numeric limit", "?limit=ten", "DBS.280439"],
    ["an unknown sort_key", "?sort_key=id", "DBS.280001"],
    ["an unknown sort_order", "?sort_order=up", "DBS.280001"],
  ];
  it.each(bad)("refuses %s", async (_what, query, code) => {
    const r = await emu.api("GET", `/gaussdb/v3/data-centers${query}`);
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
  });
});

describe("reference 4.9.11 PUT /gaussdb/v3/data-centers", () => {
  it("renames with the example request: 204", async () => {
    const id = await createDataCenter(emu, "AZ1");
    const r = await emu.api("PUT", "/gaussdb/v3/data-centers", { data_centers: [{ id, name: "AZ2" }] });
    expect(r.status).toBe(204);
    expect(r.body).toBeUndefined();
    const list = await emu.api("GET", `/gaussdb/v3/data-centers?id=${id}`);
    expect(list.body.data_centers[0].name).toBe("AZ2");
  });

  it("changes only the description", async () => {
    const id = await createDataCenter(emu, "AZ1");
    expect((await emu.api("PUT", "/gaussdb/v3/data-centers", { data_centers: [{ id, description: "room" }] })).status).toBe(204);
    expect((await emu.api("GET", `/gaussdb/v3/data-centers?id=${id}`)).body.data_centers[0]).toMatchObject({ name: "AZ1", description: "room" });
  });

  it.each([
    ["an unknown id", (_id: string) => [{ id: "nope", name: "X" }], "DBS.06025058"],
    ["neither name nor description", (id: string) => [{ id }], "DBS.280001"],
    ["a name taken by another data center", (id: string) => [{ id, name: "AZ9" }], "DBS.06025059"],
    ["an invalid name", (id: string) => [{ id, name: "a/b" }], "DBS.280001"],
    ["a long description", (id: string) => [{ id, description: "x".repeat(101) }], "DBS.06025025"],
  ])("refuses %s", async (_what, make, code) => {
    const id = await createDataCenter(emu, "AZ1");
    await createDataCenter(emu, "AZ9");
    const r = await emu.api("PUT", "/gaussdb/v3/data-centers", { data_centers: make(id) });
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
    expect((await emu.api("GET", `/gaussdb/v3/data-centers?id=${id}`)).body.data_centers[0].name).toBe("AZ1");
  });

  it("refuses renaming a data center whose hosts carry an instance (DBS.06025060)", async () => {
    const id = await createDataCenter(emu, "AZ1");
    const [hostId] = await addHosts(emu, [hostEntry("10.0.0.1", id)]);
    // out-of-band: an instance takes the host (as the instance routes do through the store helper)
    const state = (await emu.control.state()).hosts;
    expect(state[0].id).toBe(hostId);
    await markInUse(emu, "10.0.0.1");
    const r = await emu.api("PUT", "/gaussdb/v3/data-centers", { data_centers: [{ id, name: "AZ2" }] });
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe("DBS.06025060");
  });
});

describe("reference 4.9.12 DELETE /gaussdb/v3/data-centers", () => {
  it("deletes with the example request shape: 200", async () => {
    const a = await createDataCenter(emu, "AZ1");
    const b = await createDataCenter(emu, "AZ2");
    const r = await emu.api("DELETE", "/gaussdb/v3/data-centers", { data_center_ids: [a, b] });
    expect(r.status).toBe(200);
    expect((await emu.api("GET", "/gaussdb/v3/data-centers")).body.total_count).toBe(0);
  });

  it("refuses a data center with hosts (DBS.06025030)", async () => {
    const id = await createDataCenter(emu, "AZ1");
    await addHosts(emu, [hostEntry("10.0.0.1", id)]);
    const r = await emu.api("DELETE", "/gaussdb/v3/data-centers", { data_center_ids: [id] });
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe("DBS.06025030");
  });

  it.each([
    ["an unknown id", ["nope"], "DBS.06025058"],
    ["an empty list", [], "DBS.280001"],
    ["more than 50 ids", Array.from({ length: 51 }, (_, i) => `id-${i}`), "DBS.280001"],
  ])("refuses %s", async (_what, ids, code) => {
    const r = await emu.api("DELETE", "/gaussdb/v3/data-centers", { data_center_ids: ids });
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
  });
});

/** Put a host in use the way instance creation does (the store helper instance routes use). */
async function markInUse(e: TestEmulator, manageIp: string): Promise<void> {
  const host = e.ctx.state.hostByManageIp(manageIp);
  if (!host) throw new Error(`no host ${manageIp}`);
  e.ctx.state.markHostsInUse([host.id], { id: "inst-1", name: "db1" });
}
