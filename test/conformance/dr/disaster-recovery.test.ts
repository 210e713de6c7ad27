// The emulator against reference 4.18 (disaster recovery) on two sites of one simulated network: every example
// request as printed (masked values replaced by real ones), every refusal, both sides of each relation.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSites, type TestEmulator, type TestSites } from "../../helpers/emulator";
import { CANDIDATES, RECORD_DELETE, RELATIONS, constructBody, dr, instanceOn, refused, relationOf, relations, runJob, setRootPassword } from "./dr-fixtures";

let sites: TestSites;
let a: TestEmulator;
let b: TestEmulator;
beforeAll(async () => {
  sites = await startTestSites(["a", "b"]);
  a = sites.a as TestEmulator;
  b = sites.b as TestEmulator;
});
afterAll(async () => {
  await sites.close();
});
beforeEach(async () => {
  await a.control.reset();
  await b.control.reset();
});

/** A primary on site a and a standby on site b, root password known on the standby. */
async function pair() {
  const primary = await instanceOn(a);
  const standby = await instanceOn(b);
  await setRootPassword(b, standby.id);
  return { primary, standby };
}

/** A constructed relation (4.18.4 example as printed, real IP and password). */
async function constructed() {
  const p = await pair();
  const job = await runJob(a, "POST", dr(p.primary.id, "construct"), constructBody(p.standby.dataIps[0] as string));
  expect(job.status).toBe("Completed");
  expect(job.name).toBe("ConstructDisasterRecovery");
  return p;
}

/** Both sides' relation: [site a's record of the primary, site b's record of the standby]. */
async function bothSides(primaryId: string, standbyId: string) {
  return [await relationOf(a, primaryId), await relationOf(b, standbyId)] as const;
}

describe("4.18.13 candidates", () => {
  it("the example request lists the instances of both sites a DR can be built with, not the master itself", async () => {
    const primary = await instanceOn(a);
    const sameSite = await instanceOn(a);
    const other = await instanceOn(b);
    const olderVersion = await instanceOn(b, "single", { datastore: { type: "GaussDB", version: "3.100.0" } });
    const distributed = await instanceOn(b, "hcs6");
    // reference 4.18.13 请求示例 {"master_instance_id" : "…in14", "disaster_type" : "stream"}
    const r = await a.api("POST", CANDIDATES, { master_instance_id: primary.id, disaster_type: "stream" });
    expect(r.status).toBe(200);
    const ids = r.body.instance_list.map((x: any) => x.instance_id).sort();
    expect(ids).toEqual([sameSite.id, other.id].sort());
    expect(r.body.total).toBe(2);
    expect(ids).not.toContain(olderVersion.id);
    expect(ids).not.toContain(distributed.id);
    const item = r.body.instance_list.find((x: any) => x.instance_id === other.id);
    // reference 4.18.13 response example's fields
    expect(item).toEqual({
      instance_id: other.id,
      instance_name: "gaussdb-s10d",
      instance_status: "normal",
      instance_type: "Ha",
      engine_version: "3.200.0",
      deploy_type: null,
      consistency_protocol: "quorum",
      disaster_role: null,
      disaster_type: null,
      disaster_status: null,
      operations: [],
    });
    // the same question asked of site b answers the same list (the master is found on the network)
    const fromB = await b.api("POST", CANDIDATES, { master_instance_id: primary.id });
    expect(fromB.body.instance_list.map((x: any) => x.instance_id).sort()).toEqual(ids);
    // a type outside 4.18.4's enum has no candidate
    expect((await a.api("POST", CANDIDATES, { master_instance_id: primary.id, disaster_type: "sync" })).body).toEqual({ total: 0, instance_list: [] });
  });

  it.each([
    ["no body", undefined, "DBS.200006"],
    ["no master_instance_id", { disaster_type: "stream" }, "DBS.280001"],
    ["master_instance_id under 32 characters", { master_instance_id: "abc" }, "DBS.280001"],
    ["master_instance_id over 64 characters", { master_instance_id: "x".repeat(65) }, "DBS.280001"],
    ["disaster_type of one character", { master_instance_id: "x".repeat(36), disaster_type: "s" }, "DBS.280001"],
    ["an unknown master", { master_instance_id: "0".repeat(32) + "in14" }, "DBS.200002"],
  ])("refuses %s", async (_t, body, code) => {
    refused(await a.api("POST", CANDIDATES, body), code);
  });

  it("an instance in a relation, a busy one or a FAILED one is no candidate", async () => {
    const { primary, standby } = await constructed();
    const spare = await instanceOn(b);
    const busy = await instanceOn(b);
    const list = async () => (await a.api("POST", CANDIDATES, { master_instance_id: primary.id })).body.instance_list.map((x: any) => x.instance_id);
    expect((await list()).sort()).toEqual([spare.id, busy.id].sort());
    await b.control.nextJob({ name: "RestartGaussDBInstance", outcome: "hang" });
    expect((await b.api("POST", `/gaussdb/v3/instances/${busy.id}/restart`)).status).toBe(202);
    expect(await list()).toEqual([spare.id]);
    expect(await list()).not.toContain(standby.id);
    (b.ctx.state.data.instances[spare.id] as any).status = "FAILED";
    expect(await list()).toEqual([]);
  });
});

describe("4.18.4 construct", () => {
  it("the example request builds the relation; both sites list their side of it (4.18.2) and monitor it (4.18.3)", async () => {
    const { primary, standby } = await pair();
    // reference 4.18.4 请求示例 (dr_ip and the password replaced by real ones); 响应 202 {"job_id"}
    const r = await a.api("POST", dr(primary.id, "construct"), constructBody(standby.dataIps[0] as string));
    expect(r.status).toBe(202);
    expect(Object.keys(r.body)).toEqual(["job_id"]);
    // while the job runs both sides read "creating"
    expect((await relationOf(b, standby.id)).status).toBe("creating");
    expect((await a.waitJob(r.body.job_id)).status).toBe("Completed");
    const [ra, rb] = await bothSides(primary.id, standby.id);
    expect(ra.synchronization_id).toBe(rb.synchronization_id);
    expect(ra.id).not.toBe(rb.id);
    const master = { instance_id: primary.id, region_code: "a", project_name: "a_GaussDB", ip_address: primary.dataIps.join(","), project_id: expect.stringMatching(/^[0-9a-f]{32}$/) };
    const slave = { instance_id: standby.id, region_code: "b", project_name: "b_GaussDB", ip_address: standby.dataIps.join(","), project_id: expect.stringMatching(/^[0-9a-f]{32}$/) };
    expect(ra).toEqual({
      disaster_type: "stream",
      name: "dr-task-123",
      disaster_role: "master",
      created: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      updated: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      slave_region_instance_info: slave,
      master_region_instance_info: master,
      id: expect.any(String),
      synchronization_id: expect.any(String),
      instance_id: primary.id,
      instance_name: "gaussdb-s10d",
      instance_status: "normal",
      status: "normal",
      precheck_failed_reason: "",
      actions: ["STREAM_DISASTER_RELATION_MASTER_TAG"],
    });
    expect(rb).toMatchObject({ disaster_role: "disaster", instance_id: standby.id, status: "normal", name: "dr-task-123", slave_region_instance_info: slave, master_region_instance_info: master });
    expect(rb.actions).toEqual(["STREAM_DISASTER_RELATION_DISASTER_TAG"]);
    // reference 4.18.3 example: the standby reads "archive", rpo/rto "0", thresholds "10"/"900"
    const ma = await a.api("GET", `${dr(primary.id, "monitor")}?disaster_type=stream`);
    const mb = await b.api("GET", dr(standby.id, "monitor"));
    expect([ma.status, mb.status]).toEqual([200, 200]);
    expect(mb.body).toEqual({ instance_id: standby.id, status: "archive", rpo: "0", rto: "0", rpo_threshold: "10", rto_threshold: "900", switchover_progress: "", failover_progress: "" });
    expect(ma.body).toMatchObject({ instance_id: primary.id, status: "normal", rpo: "0" });
  });

  it("without dr_task_name the relation gets a name like the 4.18.2 example's DR-task-0962; dorado relations work too", async () => {
    const { primary, standby } = await pair();
    const body = constructBody(standby.dataIps[0] as string, { disaster_type: "dorado" });
    delete body.dr_task_name;
    expect((await runJob(a, "POST", dr(primary.id, "construct"), body)).status).toBe("Completed");
    const rec = await relationOf(a, primary.id);
    expect(rec.name).toMatch(/^DR-task-\d{4}$/);
    expect(rec.disaster_type).toBe("dorado");
    expect(rec.actions).toEqual(["DORADO_DISASTER_RELATION_MASTER_TAG"]);
    // reading the stream monitor of a dorado relation finds none
    refused(await a.api("GET", dr(primary.id, "monitor")), "DBS.200044");
    expect((await a.api("GET", `${dr(primary.id, "monitor")}?disaster_type=dorado`)).status).toBe(200);
  });

  it("any data IP of the standby finds it, and a standby on the primary's own site is fine", async () => {
    const primary = await instanceOn(a);
    // a triset stands by for a single: both are Ha with the same version and protocol (4.18.13 compares no topology)
    const standby = await instanceOn(a, "triset");
    expect((await runJob(a, "POST", dr(primary.id, "construct"), constructBody(standby.dataIps[2] as string, { dr_user_password: "whatever_1" }))).status).toBe("Completed");
    const list = await relations(a);
    expect(list.map((x) => [x.instance_id, x.disaster_role]).sort()).toEqual([[primary.id, "master"], [standby.id, "disaster"]].sort());
  });

  it.each([
    ["no body", () => undefined, "DBS.200006"],
    ["no disaster_type", (ip: string) => { const x = constructBody(ip); delete x.disaster_type; return x; }, "DBS.280001"],
    ["disaster_type not in the enum", (ip: string) => constructBody(ip, { disaster_type: "async" }), "DBS.280001"],
    ["no dr_ip", (ip: string) => { const x = constructBody(ip); delete x.dr_ip; return x; }, "DBS.280001"],
    ["no dr_user_name", (ip: string) => { const x = constructBody(ip); delete x.dr_user_name; return x; }, "DBS.280001"],
    ["no dr_user_password", (ip: string) => { const x = constructBody(ip); delete x.dr_user_password; return x; }, "DBS.280001"],
    ["a data IP no instance has", () => constructBody("172.31.9.9"), "DBS.200002"],
    ["an account the standby does not have", (ip: string) => constructBody(ip, { dr_user_name: "nobody" }), "DBS.200824"],
    ["a wrong password", (ip: string) => constructBody(ip, { dr_user_password: "Wrong_pass1" }), "DBS.200029"],
  ])("refuses %s and builds nothing", async (_t, make, code) => {
    const { primary, standby } = await pair();
    refused(await a.api("POST", dr(primary.id, "construct"), make(standby.dataIps[0] as string)), code);
    expect(await relations(a)).toEqual([]);
    expect(await relations(b)).toEqual([]);
  });

  it("refuses an unknown primary, the primary's own IP, a standby of another version, and an instance already in a relation", async () => {
    const { primary, standby } = await constructed();
    refused(await a.api("POST", dr("nosuchinstancein14", "construct"), constructBody(standby.dataIps[0] as string)), "DBS.200002");
    const fresh = await instanceOn(a);
    refused(await a.api("POST", dr(fresh.id, "construct"), constructBody(fresh.dataIps[0] as string)), "DBS.200001");
    // reference A.3 DBS.06013002: neither side takes a second relation
    refused(await a.api("POST", dr(fresh.id, "construct"), constructBody(standby.dataIps[0] as string)), "DBS.06013002");
    refused(await a.api("POST", dr(primary.id, "construct"), constructBody(fresh.dataIps[0] as string)), "DBS.06013002");
    const older = await instanceOn(b, "single", { datastore: { type: "GaussDB", version: "3.100.0" } });
    refused(await a.api("POST", dr(fresh.id, "construct"), constructBody(older.dataIps[0] as string)), "DBS.200856");
    const dist = await instanceOn(b, "hcs6");
    refused(await a.api("POST", dr(fresh.id, "construct"), constructBody(dist.dataIps[0] as string)), "DBS.200001");
  });

  it("a busy primary answers 409 DBS.200019; a FAILED standby DBS.280011", async () => {
    const { primary, standby } = await pair();
    await a.control.nextJob({ name: "RestartGaussDBInstance", outcome: "hang" });
    const restart = await a.api("POST", `/gaussdb/v3/instances/${primary.id}/restart`);
    expect(restart.status).toBe(202);
    refused(await a.api("POST", dr(primary.id, "construct"), constructBody(standby.dataIps[0] as string)), "DBS.200019", 409);
    const other = await instanceOn(a);
    (b.ctx.state.data.instances[standby.id] as any).status = "FAILED";
    refused(await a.api("POST", dr(other.id, "construct"), constructBody(standby.dataIps[0] as string)), "DBS.280011");
  });

  it("a construct job failing (site a's job plan) leaves a create_failed record on both sides, which 4.18.14 deletes", async () => {
    const { primary, standby } = await pair();
    // site b's plan does not touch site a's jobs
    await b.control.nextJob({ name: "ConstructDisasterRecovery", outcome: "fail", failReason: "not this one" });
    await a.control.nextJob({ name: "ConstructDisasterRecovery", outcome: "fail", failReason: "standby unreachable on port 5432" });
    const job = await runJob(a, "POST", dr(primary.id, "construct"), constructBody(standby.dataIps[0] as string));
    expect([job.status, job.fail_reason]).toEqual(["Failed", "standby unreachable on port 5432"]);
    const [ra, rb] = await bothSides(primary.id, standby.id);
    expect([ra.status, rb.status]).toEqual(["create_failed", "create_failed"]);
    expect(rb.precheck_failed_reason).toBe("standby unreachable on port 5432");
    // the instances are free again
    const c = await a.api("POST", CANDIDATES, { master_instance_id: primary.id });
    expect(c.body.instance_list.map((x: any) => x.instance_id)).toEqual([standby.id]);
    refused(await a.api("GET", dr(primary.id, "monitor")), "DBS.200044");
    const del = await runJob(a, "POST", RECORD_DELETE, { disaster_name: "dr-task-123" }, 200);
    expect(del.status).toBe("Completed");
    expect(await relations(a)).toEqual([]);
    expect(await relations(b)).toEqual([]);
  });
});

describe("4.18.7 switchover, 4.18.5 failover, 4.18.8 fail-back", () => {
  it("the switchover example flips the roles on both sides, issued on either side; the monitor shows its progress", async () => {
    const { primary, standby } = await constructed();
    // reference 4.18.7 请求示例 {"disaster_type" : "stream"} on the standby ("可在主备任意一端下发")
    const job = await runJob(b, "POST", dr(standby.id, "switchover"), { disaster_type: "stream" });
    expect(job.status).toBe("Completed");
    let [ra, rb] = await bothSides(primary.id, standby.id);
    expect([ra.disaster_role, rb.disaster_role]).toEqual(["disaster", "master"]);
    expect(ra.master_region_instance_info.instance_id).toBe(standby.id);
    expect(rb.slave_region_instance_info.instance_id).toBe(primary.id);
    expect((await a.api("GET", dr(primary.id, "monitor"))).body.status).toBe("archive");
    // back, from the other side
    expect((await runJob(a, "POST", dr(primary.id, "switchover"), { disaster_type: "stream" })).status).toBe("Completed");
    [ra, rb] = await bothSides(primary.id, standby.id);
    expect([ra.disaster_role, rb.disaster_role]).toEqual(["master", "disaster"]);
    // a switchover that hangs: both sides read switchovering; progress is a percentage; other operations wait
    await a.control.nextJob({ name: "SwitchoverDisasterRecovery", outcome: "hang" });
    expect((await a.api("POST", dr(primary.id, "switchover"), { disaster_type: "stream" })).status).toBe(202);
    [ra, rb] = await bothSides(primary.id, standby.id);
    expect([ra.status, rb.status]).toEqual(["switchovering", "switchovering"]);
    const m = await b.api("GET", dr(standby.id, "monitor"));
    expect(m.body.status).toBe("switchovering");
    expect(m.body.switchover_progress).toMatch(/^\d+%$/);
    refused(await b.api("POST", dr(standby.id, "failover"), { disaster_type: "stream" }), "DBS.200019", 409);
    refused(await a.api("POST", dr(primary.id, "release"), { disaster_type: "stream" }), "DBS.200019", 409);
  });

  it("a switchover needs both instances normal (DBS.200079) and a normal relation; a failed switchover changes nothing", async () => {
    const { primary, standby } = await constructed();
    (b.ctx.state.data.instances[standby.id] as any).status = "FAILED";
    refused(await a.api("POST", dr(primary.id, "switchover"), { disaster_type: "stream" }), "DBS.200079");
    (b.ctx.state.data.instances[standby.id] as any).status = "ACTIVE";
    await a.control.nextJob({ name: "SwitchoverDisasterRecovery", outcome: "fail" });
    expect((await runJob(a, "POST", dr(primary.id, "switchover"), { disaster_type: "stream" })).status).toBe("Failed");
    const [ra, rb] = await bothSides(primary.id, standby.id);
    expect([ra.disaster_role, ra.status, rb.disaster_role, rb.status]).toEqual(["master", "normal", "disaster", "normal"]);
    refused(await a.api("POST", dr(primary.id, "switchover"), { disaster_type: "dorado" }), "DBS.200044");
    refused(await a.api("POST", dr(primary.id, "switchover"), { disaster_type: "x" }), "DBS.280001");
    refused(await a.api("POST", dr(primary.id, "switchover")), "DBS.200006");
    const lone = await instanceOn(a);
    refused(await a.api("POST", dr(lone.id, "switchover"), { disaster_type: "stream" }), "DBS.200044");
  });

  it("the failover example promotes the standby (roles flip on both sides); the fail-back example restores the built roles", async () => {
    const { primary, standby } = await constructed();
    // reference 4.18.5 "灾备实例端下发": not on the primary
    refused(await a.api("POST", dr(primary.id, "failover"), { is_support_restore: true, disaster_type: "stream" }), "DBS.216009");
    // 4.18.8 before any failover
    refused(await b.api("POST", dr(standby.id, "restore"), { disaster_type: "stream" }), "DBS.216009");
    // reference 4.18.5 请求示例 {"is_support_restore" : true, "disaster_type" : "stream"}
    const r = await b.api("POST", dr(standby.id, "failover"), { is_support_restore: true, disaster_type: "stream" });
    expect(r.status).toBe(202);
    expect(Object.keys(r.body)).toEqual(["job_id"]);
    expect((await b.api("GET", dr(standby.id, "monitor"))).body.failover_progress).toMatch(/^\d+%$|^$/);
    expect((await b.waitJob(r.body.job_id)).status).toBe("Completed");
    let [ra, rb] = await bothSides(primary.id, standby.id);
    expect([ra.disaster_role, ra.status, rb.disaster_role, rb.status]).toEqual(["disaster", "failovered", "master", "failovered"]);
    refused(await b.api("POST", dr(standby.id, "switchover"), { disaster_type: "stream" }), "DBS.216009");
    // reference 4.18.8 请求示例 {"disaster_type" : "stream"}
    expect((await runJob(b, "POST", dr(standby.id, "restore"), { disaster_type: "stream" })).status).toBe("Completed");
    [ra, rb] = await bothSides(primary.id, standby.id);
    expect([ra.disaster_role, ra.status, rb.disaster_role, rb.status]).toEqual(["master", "normal", "disaster", "normal"]);
  });

  it("a failover without is_support_restore allows no fail-back; the new master releases; an old version cannot ask for fail-back", async () => {
    const { primary, standby } = await constructed();
    (b.ctx.state.data.instances[standby.id] as any).datastore.version = "3.0.0";
    refused(await b.api("POST", dr(standby.id, "failover"), { is_support_restore: true, disaster_type: "stream" }), "DBS.200856");
    (b.ctx.state.data.instances[standby.id] as any).datastore.version = "3.200.0";
    expect((await runJob(b, "POST", dr(standby.id, "failover"), { disaster_type: "stream" })).status).toBe("Completed");
    refused(await b.api("POST", dr(standby.id, "restore"), { disaster_type: "stream" }), "DBS.216009");
    // the release is issued from the (new) master: the old primary is now the DR side
    refused(await a.api("POST", dr(primary.id, "release"), { disaster_type: "stream" }), "DBS.06013002");
    expect((await runJob(b, "POST", dr(standby.id, "release"), { disaster_type: "stream" })).status).toBe("Completed");
    const [ra, rb] = await bothSides(primary.id, standby.id);
    expect([ra.status, rb.status]).toEqual(["released", "released"]);
  });
});

describe("4.18.9–4.18.12 drill and log keeping", () => {
  it("the drill examples: started on the primary with xlog_keep_ratio, ended on the DR instance; lag grows during the drill", async () => {
    const { primary, standby } = await constructed();
    refused(await a.api("POST", dr(primary.id, "simulation-start"), { disaster_type: "stream" }), "DBS.280001");
    refused(await a.api("POST", dr(primary.id, "simulation-start"), { xlog_keep_ratio: 0, disaster_type: "stream" }), "DBS.280001");
    refused(await a.api("POST", dr(primary.id, "simulation-start"), { xlog_keep_ratio: 101, disaster_type: "stream" }), "DBS.280001");
    refused(await a.api("POST", dr(primary.id, "simulation-start"), { xlog_keep_ratio: 90, disaster_type: "dorado" }), "DBS.280001");
    refused(await b.api("POST", dr(standby.id, "simulation-stop"), { disaster_type: "stream" }), "DBS.216009");
    // reference 4.18.9 请求示例 {"xlog_keep_ratio" : 90, "disaster_type" : "stream"}
    expect((await runJob(a, "POST", dr(primary.id, "simulation-start"), { xlog_keep_ratio: 90, disaster_type: "stream" })).status).toBe("Completed");
    const [ra, rb] = await bothSides(primary.id, standby.id);
    expect([ra.status, rb.status]).toEqual(["simulating", "simulating"]);
    expect(rb.actions).toContain("DR_SIMULATION");
    await new Promise((res) => setTimeout(res, 30));
    const m = await b.api("GET", dr(standby.id, "monitor"));
    expect(m.body.status).toBe("simulating");
    expect(Number(m.body.rpo)).toBeGreaterThanOrEqual(30);
    refused(await a.api("POST", dr(primary.id, "switchover"), { disaster_type: "stream" }), "DBS.216009");
    // reference 4.18.10 "灾备实例结束容灾演练": not on the primary
    refused(await a.api("POST", dr(primary.id, "simulation-stop"), { disaster_type: "stream" }), "DBS.216009");
    // reference 4.18.10 请求示例 {"disaster_type" : "stream"}
    expect((await runJob(b, "POST", dr(standby.id, "simulation-stop"), { disaster_type: "stream" })).status).toBe("Completed");
    expect((await relationOf(a, primary.id)).status).toBe("normal");
    expect((await a.api("GET", dr(primary.id, "monitor"))).body.rpo).toBe("0");
    // "备实例下发容灾演练是不必填"
    expect((await runJob(b, "POST", dr(standby.id, "simulation-start"), { disaster_type: "stream" })).status).toBe("Completed");
    expect((await relationOf(a, primary.id)).status).toBe("simulating");
  });

  it("the log keeping examples, on the primary only; the relation shows XLOG_KEEP on both sides", async () => {
    const { primary, standby } = await constructed();
    refused(await b.api("POST", dr(standby.id, "keep-log-start"), { xlog_keep_ratio: 90, disaster_type: "stream" }), "DBS.06013002");
    refused(await a.api("POST", dr(primary.id, "keep-log-start"), { xlog_keep_ratio: 100.5, disaster_type: "stream" }), "DBS.280001");
    refused(await a.api("POST", dr(primary.id, "keep-log-start"), { xlog_keep_ratio: 90, disaster_type: "dorado" }), "DBS.280001");
    // reference 4.18.11 请求示例 {"xlog_keep_ratio" : 90, "disaster_type" : "stream"}
    expect((await runJob(a, "POST", dr(primary.id, "keep-log-start"), { xlog_keep_ratio: 90, disaster_type: "stream" })).status).toBe("Completed");
    let [ra, rb] = await bothSides(primary.id, standby.id);
    expect(ra.actions).toEqual(["STREAM_DISASTER_RELATION_MASTER_TAG", "XLOG_KEEP"]);
    expect(rb.actions).toEqual(["STREAM_DISASTER_RELATION_DISASTER_TAG", "XLOG_KEEP"]);
    refused(await b.api("POST", dr(standby.id, "keep-log-stop"), { disaster_type: "stream" }), "DBS.06013002");
    // reference 4.18.12 请求示例 {"disaster_type" : "stream"}
    expect((await runJob(a, "POST", dr(primary.id, "keep-log-stop"), { disaster_type: "stream" })).status).toBe("Completed");
    [ra, rb] = await bothSides(primary.id, standby.id);
    expect([ra.actions, rb.actions]).toEqual([["STREAM_DISASTER_RELATION_MASTER_TAG"], ["STREAM_DISASTER_RELATION_DISASTER_TAG"]]);
  });
});

describe("4.18.1 rename, 4.18.2 list, 4.18.6 release, 4.18.14 record delete", () => {
  it("the rename example renames the relation on both sides; refusals", async () => {
    const { primary, standby } = await constructed();
    const rec = await relationOf(a, primary.id);
    // reference 4.18.1 请求示例 {"synchronization_id", "dr_task_name" : "dr-task-123"}; 响应示例 无
    const r = await b.api("PUT", dr(standby.id, "rename"), { synchronization_id: rec.synchronization_id, dr_task_name: "dr-task-456" });
    expect([r.status, r.body]).toEqual([200, undefined]);
    const [ra, rb] = await bothSides(primary.id, standby.id);
    expect([ra.name, rb.name]).toEqual(["dr-task-456", "dr-task-456"]);
    refused(await a.api("PUT", dr(primary.id, "rename"), { synchronization_id: "cd8c4a4a-2436-46aa-8c79-172c9019268f", dr_task_name: "x" }), "DBS.200044");
    refused(await a.api("PUT", dr(primary.id, "rename"), { synchronization_id: rec.synchronization_id }), "DBS.280001");
    refused(await a.api("PUT", dr(primary.id, "rename"), { synchronization_id: rec.synchronization_id, dr_task_name: "" }), "DBS.280001");
    refused(await a.api("PUT", dr(primary.id, "rename")), "DBS.200006");
    refused(await a.api("PUT", dr("nosuchinstancein14", "rename"), { synchronization_id: rec.synchronization_id, dr_task_name: "x" }), "DBS.200002");
  });

  it("the list example (limit=100&offset=0), its filters and paging refusals", async () => {
    const { primary } = await constructed();
    // reference 4.18.2 请求示例 GET …/disaster-recovery/relations?limit=100&offset=0
    const r = await a.api("GET", `${RELATIONS}?limit=100&offset=0`);
    expect([r.status, r.body.total, r.body.relations.length]).toEqual([200, 1, 1]);
    expect((await relations(a, `?instance_id=${primary.id}`)).length).toBe(1);
    expect((await relations(a, "?instance_id=other")).length).toBe(0);
    expect((await relations(a, "?instance_name=gaussdb-s10d")).length).toBe(1);
    expect((await relations(a, "?instance_name=nope")).length).toBe(0);
    expect((await a.api("GET", `${RELATIONS}?offset=1`)).body).toEqual({ total: 1, relations: [] });
    refused(await a.api("GET", `${RELATIONS}?limit=0`), "DBS.280439");
    refused(await a.api("GET", `${RELATIONS}?limit=101`), "DBS.280439");
    refused(await a.api("GET", `${RELATIONS}?offset=-1`), "DBS.280001");
  });

  it("the release example releases both sides; then the 4.18.14 example deletes the records on both sites", async () => {
    const { primary, standby } = await constructed();
    const name = (await relationOf(a, primary.id)).name;
    // reference 4.18.6 "从容灾主实例下发"
    refused(await b.api("POST", dr(standby.id, "release"), { disaster_type: "stream" }), "DBS.06013002");
    // a live relation's record is not deleted
    refused(await a.api("POST", RECORD_DELETE, { disaster_name: name }), "DBS.216009");
    // reference 4.18.6 请求示例 {"disaster_type" : "stream"}
    expect((await runJob(a, "POST", dr(primary.id, "release"), { disaster_type: "stream" })).status).toBe("Completed");
    const [ra, rb] = await bothSides(primary.id, standby.id);
    expect([ra.status, rb.status]).toEqual(["released", "released"]);
    refused(await a.api("GET", dr(primary.id, "monitor")), "DBS.200044");
    refused(await a.api("POST", dr(primary.id, "release"), { disaster_type: "stream" }), "DBS.200044");
    // the instances can be paired again
    const c = await a.api("POST", CANDIDATES, { master_instance_id: primary.id });
    expect(c.body.instance_list.map((x: any) => x.instance_id)).toEqual([standby.id]);
    refused(await a.api("POST", RECORD_DELETE, { disaster_name: "disaster_name" }), "DBS.200044");
    refused(await a.api("POST", RECORD_DELETE, { disaster_name: "" }), "DBS.280001");
    refused(await a.api("POST", RECORD_DELETE, { disaster_name: "x".repeat(65) }), "DBS.280001");
    // reference 4.18.14 请求示例 {"disaster_name" : …} (the example's placeholder replaced by the real name); 200 {"job_id"}
    const r = await a.api("POST", RECORD_DELETE, { disaster_name: name });
    expect([r.status, Object.keys(r.body)]).toEqual([200, ["job_id"]]);
    expect((await a.waitJob(r.body.job_id)).status).toBe("Completed");
    expect(await relations(a)).toEqual([]);
    expect(await relations(b)).toEqual([]);
    // nothing left to delete
    refused(await a.api("POST", RECORD_DELETE, {}), "DBS.200044");
  });

  it("a record whose instance was deleted is deleted by 4.18.14 like a released one", async () => {
    const { primary } = await constructed();
    const name = (await relationOf(a, primary.id)).name;
    delete a.ctx.state.data.instances[primary.id];
    const rec = (await relations(a))[0];
    expect([rec.instance_status, rec.status]).toEqual(["deleted", "normal"]);
    // the standby's side is still live: its site refuses until released
    refused(await b.api("POST", RECORD_DELETE, { disaster_name: name }), "DBS.216009");
    expect((await runJob(a, "POST", RECORD_DELETE, { disaster_name: name }, 200)).status).toBe("Completed");
    expect(await relations(a)).toEqual([]);
    expect(await relations(b)).toEqual([]);
  });

  it("without disaster_name (no body at all) every released record of the site is deleted", async () => {
    const { primary } = await constructed();
    expect((await runJob(a, "POST", dr(primary.id, "release"), { disaster_type: "stream" })).status).toBe("Completed");
    expect((await runJob(a, "POST", RECORD_DELETE, undefined, 200)).status).toBe("Completed");
    expect(await relations(a)).toEqual([]);
    expect(await relations(b)).toEqual([]);
  });
});

describe("sites: own users, faults, jobs, counters; IPs unique across the network", () => {
  it("a fault injected on site a does not touch site b; request counters and job plans are per site", async () => {
    await a.control.addFault({ path: "^/gaussdb/v3.6/disaster-recovery/relations$", status: 503, errorCode: "DBS.280005" });
    expect((await a.api("GET", RELATIONS)).status).toBe(503);
    expect((await b.api("GET", RELATIONS)).status).toBe(200);
    const ra = await a.control.requests();
    const rb = await b.control.requests();
    expect(ra.byRoute).toContainEqual({ method: "GET", route: "/gaussdb/v3.6/disaster-recovery/relations", status: 503, count: 1 });
    expect(rb.byRoute).toContainEqual({ method: "GET", route: "/gaussdb/v3.6/disaster-recovery/relations", status: 200, count: 1 });
    expect(rb.byRoute.find((x: any) => x.status === 503)).toBeUndefined();
    // a hang planned on b: b's construct hangs while a's completes
    const p1 = await pair();
    const p2 = { primary: await instanceOn(b), standby: await instanceOn(a) };
    await setRootPassword(a, p2.standby.id);
    await b.control.nextJob({ name: "ConstructDisasterRecovery", outcome: "hang" });
    const hung = await b.api("POST", dr(p2.primary.id, "construct"), constructBody(p2.standby.dataIps[0] as string));
    expect(hung.status).toBe(202);
    expect((await runJob(a, "POST", dr(p1.primary.id, "construct"), constructBody(p1.standby.dataIps[0] as string))).status).toBe("Completed");
    expect((await b.api("GET", `/v3/jobs?id=${hung.body.job_id}`)).body.job.status).toBe("Running");
    // a job of site b is not a job of site a
    expect((await a.api("GET", `/v3/jobs?id=${hung.body.job_id}`)).status).not.toBe(200);
    // the time scale is per site
    await b.control.setTimeScale(0.5);
    expect(b.ctx.jobs.getTimeScale()).toBe(0.5);
    expect(a.ctx.jobs.getTimeScale()).toBe(0.001);
    await b.control.setTimeScale(0.001);
    // GET /__emulator/state of each site shows its own side
    const sa = (await a.control.state()) as any;
    const sb = (await b.control.state()) as any;
    expect(sa.drRelations.map((x: any) => x.role).sort()).toEqual(["disaster", "master"]);
    expect(sb.drRelations.map((x: any) => x.role).sort()).toEqual(["disaster", "master"]);
  });

  it("a host whose manage, data or virtual IP another site holds is refused (DBS.06025047); so is changing a data IP to one", async () => {
    const { primary } = await pair();
    const hostA = (await a.api("GET", "/gaussdb/v3/hosts?limit=100")).body.hosts.find((h: any) => h.instance_id === primary.id);
    const dcB = (await b.api("GET", "/gaussdb/v3/data-centers?name=AZ1")).body.data_centers[0].id;
    const entry = (ip: Record<string, string>) => ({
      name: "dup", type: "BMS", os_type: "kylin", cpu_spec: "intel", storage_type: "localssd",
      ip: { manage_ip: "10.9.9.1", data_ip: "10.9.9.2", virtual_ip: "10.9.9.3", ...ip },
      ssh_port: 22, data_center_id: dcB, os_root_pwd: "Test_345612",
    });
    refused(await b.api("POST", "/gaussdb/v3/hosts", { hosts: [entry({ manage_ip: hostA.ip.manage_ip })] }), "DBS.06025047");
    refused(await b.api("POST", "/gaussdb/v3/hosts", { hosts: [entry({ data_ip: hostA.ip.data_ip })] }), "DBS.06025047");
    refused(await b.api("POST", "/gaussdb/v3/hosts", { hosts: [entry({ virtual_ip: hostA.ip.virtual_ip })] }), "DBS.06025047");
    const ok = await b.api("POST", "/gaussdb/v3/hosts", { hosts: [entry({})] });
    expect(ok.status).toBe(202);
    await b.waitJob(ok.body.job_id);
    refused(await b.api("PUT", "/gaussdb/v3/hosts", { hosts: [{ manage_ip: "10.9.9.1", data_ip: hostA.ip.data_ip }] }), "DBS.06025047");
    // and the other way round
    refused(await a.api("POST", "/gaussdb/v3/hosts", { hosts: [{ ...entry({}), data_center_id: hostA.data_center_id }] }), "DBS.06025047");
  });

  it("each site has its own users", async () => {
    const own = await startTestSites(["x", "y"], { perSite: { y: { users: [{ name: "ops", password: "Ops_pass1" }] } } });
    try {
      expect(typeof (await (own.x as TestEmulator).login("admin", "Admin@123"))).toBe("string");
      await expect((own.y as TestEmulator).login("admin", "Admin@123")).rejects.toThrow(/login failed/);
      expect(typeof (await (own.y as TestEmulator).login("ops", "Ops_pass1"))).toBe("string");
      expect(own.network.siteNames()).toEqual(["x", "y"]);
    } finally {
      await own.close();
    }
  });
});
