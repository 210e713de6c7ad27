// reference 4.9.11 PUT /gaussdb/v3/data-centers with instances on the hosts: the rename refusal DBS.06025060.
//
// The reference ties it to nothing in 4.9.11 itself; the emulator's reading (README, data centers) follows 4.9.2
// "如果主机上有实例,则添加主机时所选机房的名称需要和实例安装时使用的AZ名称保持一致" and A.3 DBS.06025067: an instance's AZ
// carries its hosts' data center name, so the *name* of a data center whose hosts belong to an instance (4.9.1
// `instance_id`) cannot change (A.3 DBS.06025060 "所选机房不支持修改"); a description can. These tests pin that
// reading with instances made through the API (4.11.6 / 4.11.5), since the provider refuses the same at preview.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { activeInstance, createBody, dc, readyHosts, resetDcs, SETUP_TIME_SCALE, TEST_TIME_SCALE } from "../instance-fixtures";
import { createDataCenter } from "../fixtures";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await emu.control.reset();
  resetDcs();
});

const put = (entries: unknown[]) => emu.api("PUT", "/gaussdb/v3/data-centers", { data_centers: entries });
const show = async (id: string) => (await emu.api("GET", `/gaussdb/v3/data-centers?id=${id}`)).body.data_centers[0];

async function deleteInstance(id: string, body: Record<string, unknown>): Promise<void> {
  await emu.control.setTimeScale(SETUP_TIME_SCALE);
  try {
    const r = await emu.api("DELETE", `/gaussdb/v3/instances/${id}/management`, body);
    expect(r.status).toBe(202);
    expect((await emu.waitJob(r.body.job_id)).status).toBe("Completed");
  } finally {
    await emu.control.setTimeScale(TEST_TIME_SCALE);
  }
}

describe("reference 4.9.11 rename while hosts of the data center belong to an instance", () => {
  it("refuses the rename with DBS.06025060 and keeps the name", async () => {
    await activeInstance(emu, "triset");
    const id = await dc(emu);
    const r = await put([{ id, name: "AZ2" }]);
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe("DBS.06025060");
    expect((await show(id)).name).toBe("AZ1");
  });

  it("refuses while the instance is still being built (its hosts are taken from the create on)", async () => {
    const ips = await readyHosts(emu, 1);
    await emu.control.nextJob({ name: "CreateGaussDBV5Instance", outcome: "hang" });
    expect((await emu.api("POST", "/gaussdb/v3/instances", createBody("single", ips))).status).toBe(202);
    const r = await put([{ id: await dc(emu), name: "AZ2" }]);
    expect(r.body.error_code).toBe("DBS.06025060");
  });

  it("accepts a description change (the rule concerns the name), and a name equal to the current one", async () => {
    await activeInstance(emu, "single");
    const id = await dc(emu);
    expect((await put([{ id, description: "room 1" }])).status).toBe(204);
    expect((await put([{ id, name: "AZ1", description: "room one" }])).status).toBe(204);
    expect(await show(id)).toMatchObject({ name: "AZ1", description: "room one" });
  });

  it("refuses a whole entry and a whole batch: nothing of it is applied", async () => {
    await activeInstance(emu, "single");
    const id = await dc(emu);
    const free = await createDataCenter(emu, "AZ9");
    const r = await put([
      { id: free, name: "AZ8", description: "free" },
      { id, name: "AZ2", description: "changed" },
    ]);
    expect(r.body.error_code).toBe("DBS.06025060");
    expect(await show(id)).toMatchObject({ name: "AZ1", description: null });
    expect(await show(free)).toMatchObject({ name: "AZ9", description: null });
  });

  it("accepts the rename once the instance is deleted and its hosts are free", async () => {
    const inst = await activeInstance(emu, "single");
    const id = await dc(emu);
    await deleteInstance(inst.id, { clear_data: true });
    expect((await put([{ id, name: "AZ2" }])).status).toBe(204);
    expect((await show(id)).name).toBe("AZ2");
  });

  it("accepts the rename of a data center whose hosts belong to no instance (hosts report no instance_id)", async () => {
    await activeInstance(emu, "single");
    await readyHosts(emu, 2, { dcName: "AZ7" });
    const other = await dc(emu, "AZ7");
    expect((await show(other)).hosts_num).toBe(2);
    expect((await put([{ id: other, name: "AZ6" }])).status).toBe(204);
  });
});
