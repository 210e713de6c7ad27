import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DbsError } from "../../../emulator/errors";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { createDataCenter, hostEntry } from "../fixtures";

let emu: TestEmulator;
let dc: string;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await emu.control.reset();
  await emu.control.setTimeScale(0.001);
  dc = await createDataCenter(emu);
});

const addHost = async (ip = "10.0.0.1") => (await emu.api("POST", "/gaussdb/v3/hosts", { hosts: [hostEntry(ip, dc)] })).body.job_id as string;
const getJob = (id: string) => emu.api("GET", `/v3/jobs?id=${id}`);
const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));

describe("reference 4.17.1 GET /v3/jobs", () => {
  it("shows a running job with the documented fields, progress growing over time", async () => {
    await emu.control.setTimeScale(0.02); // AddHosts: 60 s → 1.2 s
    const id = await addHost();
    const r = await getJob(id);
    expect(r.status).toBe(200);
    expect(Object.keys(r.body)).toEqual(["job"]);
    expect(Object.keys(r.body.job).sort()).toEqual(["created", "ended", "fail_reason", "id", "instance_id", "name", "progress", "status"]);
    expect(r.body.job).toMatchObject({ id, name: "AddHosts", status: "Running", ended: null, instance_id: null, fail_reason: null });
    expect(r.body.job.created).toBeGreaterThan(1_600_000_000_000);
    const p1 = parseInt(r.body.job.progress, 10);
    await sleep(500);
    const p2 = parseInt((await getJob(id)).body.job.progress, 10);
    expect(p2).toBeGreaterThan(p1);
    expect(p2).toBeLessThan(100);
    const done = await emu.waitJob(id);
    expect(done.status).toBe("Completed");
    expect(done.progress).toBe("100%");
    expect(done.ended).toBeGreaterThanOrEqual(done.created + 1000);
  });

  it.each([
    ["a missing id", "/v3/jobs", "DBS.280001"],
    ["an unknown id", "/v3/jobs?id=baeb3b373d1626a37d197acf3ac6f6bb", "DBS.200044"],
  ])("refuses %s with 400", async (_what, path, code) => {
    const r = await emu.api("GET", path);
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
  });
});

describe("job failure injection (POST /__emulator/jobs/next)", () => {
  it("fails the next job with the given fail_reason", async () => {
    await emu.control.nextJob({ outcome: "fail", failReason: "disk full" });
    const job = await emu.waitJob(await addHost());
    expect(job).toMatchObject({ status: "Failed", fail_reason: "disk full" });
    expect(job.ended).not.toBeNull();
    // only the next one
    expect((await emu.waitJob(await addHost("10.0.0.2"))).status).toBe("Completed");
  });

  it("uses a default fail_reason", async () => {
    await emu.control.nextJob({ outcome: "fail" });
    const job = await emu.waitJob(await addHost());
    expect(job.fail_reason).toMatch(/injected/);
  });

  it("applies to `times` jobs and only to the named job", async () => {
    await emu.control.nextJob({ name: "RemoveHosts", outcome: "fail", times: 2 });
    expect((await emu.waitJob(await addHost("10.0.0.1"))).status).toBe("Completed");
    expect((await emu.waitJob(await addHost("10.0.0.2"))).status).toBe("Completed");
    const del = (ip: string) =>
      emu.api("DELETE", "/gaussdb/v3/hosts", { hosts: [{ manage_ip: ip, ssh_port: 22, os_root_pwd: "x" }] }).then((r) => r.body.job_id as string);
    expect((await emu.waitJob(await del("10.0.0.1"))).status).toBe("Failed");
    expect((await emu.waitJob(await del("10.0.0.2"))).status).toBe("Failed");
    expect((await emu.waitJob(await del("10.0.0.1"))).status).toBe("Completed");
  });

  it("hangs a job: it stays Running", async () => {
    await emu.control.nextJob({ outcome: "hang" });
    const id = await addHost();
    await sleep(200); // 3x its normal duration
    expect((await getJob(id)).body.job.status).toBe("Running");
    expect((await emu.api("GET", "/gaussdb/v3/hosts")).body.hosts[0].status).toBe("initializing");
  });

  it.each([
    [{ outcome: "explode" }],
    [{ outcome: "fail", times: 0 }],
    [{ outcome: "fail", extra: 1 }],
  ])("refuses a bad plan %j", async (plan) => {
    const r = await fetch(`${emu.origin}/__emulator/jobs/next`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(plan) });
    expect(r.status).toBe(400);
  });
});

describe("time scale", () => {
  it("PUT /__emulator/time-scale speeds up running jobs", async () => {
    await emu.control.setTimeScale(1); // AddHosts: a realistic minute
    const id = await addHost();
    await sleep(50);
    expect((await getJob(id)).body.job.status).toBe("Running");
    await emu.control.setTimeScale(0.001);
    expect((await emu.waitJob(id, 2000)).status).toBe("Completed");
  });

  it.each([[{ timeScale: 0 }], [{ timeScale: -1 }], [{ timeScale: "fast" }], [{}]])("refuses %j", async (body) => {
    const r = await fetch(`${emu.origin}/__emulator/time-scale`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect(r.status).toBe(400);
  });
});

describe("busy instances (reference A.3 DBS.200019)", () => {
  it("assertInstanceIdle answers 409 DBS.200019 while a job runs on the instance", async () => {
    const jobs = emu.ctx.jobs;
    if (!jobs.definitions().some((d) => d.name === "ConformanceProbe")) {
      jobs.define("ConformanceProbe", { durationMs: 100_000, onDone() {} });
    }
    const job = jobs.start("ConformanceProbe", { instanceId: "inst-1" }); // 100 ms at 0.001
    let caught: unknown;
    try {
      jobs.assertInstanceIdle("inst-1");
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DbsError);
    expect(caught).toMatchObject({ status: 409, code: "DBS.200019" });
    expect(() => jobs.assertInstanceIdle("inst-2")).not.toThrow();
    const view = (await emu.waitJob(job.id)) as { instance_id: string; status: string };
    expect(view).toMatchObject({ instance_id: "inst-1", status: "Completed" });
    expect(() => jobs.assertInstanceIdle("inst-1")).not.toThrow();
  });
});
