import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  TpopsAbortedError,
  TpopsApiError,
  TpopsClient,
  TpopsJobFailedError,
  TpopsWaitTimeoutError,
  ops,
} from "../../../provider/client";
import { waitUntilJobDone, waitUntilInstanceStatus, type JobProgress } from "../../../provider/waiters";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";

let emu: TestEmulator;
let client: TpopsClient;
const JOB = "ClientTestJob";

/** Starts an emulator job of `seconds` (at time scale 1) through the in-process engine. */
function startJob(seconds: number): string {
  return emu.ctx.jobs.start(JOB, { durationMs: seconds * 1000 }).id;
}

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 0.001 });
  emu.ctx.jobs.define(JOB, { durationMs: 60_000, onDone: () => undefined });
  client = new TpopsClient({
    endpoint: emu.url,
    username: "admin",
    password: "Admin@123",
    log: () => undefined,
    retry: { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 2 },
  });
});
afterAll(async () => {
  await client.close();
  await emu.close();
});
beforeEach(async () => {
  await emu.control.clearRequests();
});
afterEach(async () => {
  await emu.control.clearFaults();
});

async function jobPolls(): Promise<{ ok: number; failed: number }> {
  const r = await emu.control.requests();
  const rows = r.byRoute.filter((x) => x.route === "/v3/jobs");
  return {
    ok: rows.filter((x) => x.status === 200).reduce((n, x) => n + x.count, 0),
    failed: rows.filter((x) => x.status !== 200).reduce((n, x) => n + x.count, 0),
  };
}

describe("waitUntilJobDone", () => {
  it("resolves with the Completed job and reports progress changes", async () => {
    const id = startJob(600); // 0.6 s at time scale 0.001
    const seen: JobProgress[] = [];
    const r = await waitUntilJobDone(client, id, { timeout: "1m", onProgress: (p) => seen.push(p) });
    expect(r.job).toMatchObject({ id, name: JOB, status: "Completed" });
    expect(r.polls).toBe((await jobPolls()).ok);
    expect(seen[0]).toMatchObject({ jobId: id, name: JOB, status: "Running" });
    expect(seen.at(-1)).toMatchObject({ status: "Completed", progress: "100%" });
  });

  it("rejects with fail_reason and the job id when the job fails", async () => {
    await emu.control.nextJob({ name: JOB, outcome: "fail", failReason: "disk /data is full on 10.0.0.7" });
    const id = startJob(200);
    const e = await waitUntilJobDone(client, id, { timeout: 60_000 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TpopsJobFailedError);
    expect(e).toMatchObject({ jobId: id, jobName: JOB, failReason: "disk /data is full on 10.0.0.7" });
    expect((e as Error).message).toBe(`job ${id} (${JOB}) failed: disk /data is full on 10.0.0.7`);
  });

  it("times out naming the job, its last progress and how to raise the timeout", async () => {
    await emu.control.nextJob({ name: JOB, outcome: "hang" });
    const id = startJob(10);
    const e = await waitUntilJobDone(client, id, { timeout: 400, timeoutKey: "update" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TpopsWaitTimeoutError);
    const t = e as TpopsWaitTimeoutError;
    expect(t.jobId).toBe(id);
    expect(t.lastProgress).toMatch(/^Running \d+%$/);
    expect(t.message).toContain(`job ${id} (${JOB})`);
    expect(t.message).toContain('timeouts: { update: "1m" }');
  });

  it("stops polling when aborted", async () => {
    await emu.control.nextJob({ name: JOB, outcome: "hang" });
    const id = startJob(10);
    const ctl = new AbortController();
    const p = waitUntilJobDone(client, id, { timeout: "10m", signal: ctl.signal, onProgress: () => ctl.abort() });
    await expect(p).rejects.toBeInstanceOf(TpopsAbortedError);
    const polls = (await jobPolls()).ok;
    await new Promise((r) => setTimeout(r, 600));
    expect((await jobPolls()).ok).toBe(polls);
  });

  it("rides out transient errors while polling", async () => {
    const id = startJob(1500);
    // 6 failures: more than one call's retry attempts (2), so whole polls fail and the waiter must go on.
    await emu.control.addFault({ method: "GET", path: "^/v3/jobs$", status: 503, times: 4 });
    await emu.control.addFault({ method: "GET", path: "^/v3/jobs$", drop: true, times: 2 });
    const r = await waitUntilJobDone(client, id, { timeout: "1m" });
    expect(r.job.status).toBe("Completed");
    expect((await jobPolls()).failed).toBe(6);
    expect(r.polls).toBeGreaterThanOrEqual(4);
  });

  it("keeps polling through a status it does not know", async () => {
    await emu.control.nextJob({ name: JOB, outcome: "hang" });
    const id = startJob(10);
    const record = emu.ctx.jobs.get(id)!;
    (record as { status: string }).status = "Queued";
    const statuses: string[] = [];
    const r = await waitUntilJobDone(client, id, {
      timeout: "1m",
      onProgress: (p) => {
        statuses.push(p.status);
        if (statuses.length === 1) {
          setTimeout(() => {
            (record as { status: string }).status = "Completed";
          }, 300);
        }
      },
    });
    expect(statuses[0]).toBe("Queued");
    expect(r.job.status).toBe("Completed");
    expect(r.polls).toBeGreaterThan(1);
  });

  it("fails after a few polls when the job id is unknown, without waiting for the timeout", async () => {
    const e = await waitUntilJobDone(client, "no-such-job", { timeout: "10m" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TpopsApiError);
    expect((e as TpopsApiError).status).toBe(400);
    expect((await jobPolls()).failed).toBe(3);
  });
});

describe("client behaviour across a job-driven sequence", () => {
  it("uses one login for data center, key pair and host operations with their jobs", async () => {
    await emu.control.reset();
    const c = new TpopsClient({ endpoint: emu.url, username: "admin", password: "Admin@123", log: () => undefined });
    try {
      await c.call(ops.dataCenters.add, { body: { data_centers: [{ name: "seq-az" }] } });
      const [dc] = await c.listAll(ops.dataCenters.list, { query: { name: "seq-az" } });
      const specs = await c.call(ops.hosts.specifications);
      const { id: keyId } = await c.call(ops.keyPairs.create, { body: { name: "seq-kp", key_algorithms: "RSA_2048" } });
      const added = await c.call(ops.hosts.add, {
        body: {
          hosts: [
            {
              name: "seq-host",
              type: specs.types[0]!,
              os_type: specs.os_types[0]!,
              cpu_spec: specs.cpu_specs[0]!,
              storage_type: specs.storage_types[0]!,
              ip: { manage_ip: "10.9.0.1", data_ip: "10.9.1.1", virtual_ip: "10.9.2.1" },
              ssh_port: 22,
              ssh_key_id: keyId,
              data_center_id: dc!.id,
            },
          ],
        },
      });
      await waitUntilJobDone(c, added.job_id, { timeout: "1m" });
      const hosts = await c.listAll(ops.hosts.list, { query: { data_center_id: dc!.id } });
      expect(hosts.map((h) => h.ip.manage_ip)).toEqual(["10.9.0.1"]);
      expect((await emu.control.requests()).logins).toBe(1);
    } finally {
      await c.close();
    }
  });
});

describe("waitUntilInstanceStatus", () => {
  it("times out on an instance that never appears, naming it and its last status", async () => {
    const e = await waitUntilInstanceStatus(client, "nope", { target: "ACTIVE", timeout: 300 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TpopsWaitTimeoutError);
    expect((e as Error).message).toContain("instance nope to become ACTIVE");
    expect((e as TpopsWaitTimeoutError).lastProgress).toBe("NOT FOUND");
  });
});
