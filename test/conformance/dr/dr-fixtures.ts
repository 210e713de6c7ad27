import { expect } from "vitest";
import type { TestEmulator } from "../../helpers/emulator";
import { addHosts, createDataCenter, hostEntry } from "../fixtures";
import { SETUP_TIME_SCALE, TEST_TIME_SCALE, createBody, freshIps } from "../instance-fixtures";
import { SOLUTIONS, type SolutionName } from "../../../emulator/domain/solutions";

/** The DR call paths of reference 4.18 (relative to /rds). */
export const dr = (id: string, op: string) => `/gaussdb/v3.6/instances/${id}/disaster-recovery/${op}`;
export const RELATIONS = "/gaussdb/v3.6/disaster-recovery/relations";
export const CANDIDATES = "/gaussdb/v3/instances/disaster/instanceList";
export const RECORD_DELETE = "/gaussdb/v3/instances/disaster/record/delete";

/** A known root password, set through 4.4.8 so that 4.18.4's password check has something to compare. */
export const ROOT_PASSWORD = "Gauss_234";

/** An A.3 refusal: status and code. */
export const refused = (r: { status: number; body: any }, code: string, status = 400) =>
  expect([r.status, r.body?.error_code], JSON.stringify(r.body)).toEqual([status, code]);

/** An ACTIVE instance on one site (its own data center, fresh IPs unique across the test file and so across sites). */
export async function instanceOn(
  emu: TestEmulator,
  solution: SolutionName = "single",
  over: Record<string, unknown> = {},
): Promise<{ id: string; manageIps: string[]; dataIps: string[] }> {
  const list = await emu.api("GET", "/gaussdb/v3/data-centers?name=AZ1");
  const dcId: string = list.body.data_centers?.[0]?.id ?? (await createDataCenter(emu, "AZ1"));
  const ips = freshIps(SOLUTIONS[solution].hostCount);
  await emu.control.setTimeScale(SETUP_TIME_SCALE);
  try {
    await addHosts(emu, ips.map((ip) => hostEntry(ip, dcId)));
    const r = await emu.api("POST", "/gaussdb/v3/instances", createBody(solution, ips, over));
    if (r.status !== 202) throw new Error(`create ${solution}: ${r.status} ${JSON.stringify(r.body)}`);
    const job = await emu.waitJob(r.body.job_id);
    if (job.status !== "Completed") throw new Error(`create job ${job.status}: ${job.fail_reason}`);
    const hosts = (await emu.api("GET", "/gaussdb/v3/hosts?limit=100")).body.hosts as any[];
    const dataIps = ips.map((ip) => hosts.find((h) => h.ip.manage_ip === ip).ip.data_ip as string);
    return { id: r.body.instance_id, manageIps: ips, dataIps };
  } finally {
    await emu.control.setTimeScale(TEST_TIME_SCALE);
  }
}

/** Set root's password through 4.4.8 (the emulator then checks 4.18.4's dr_user_password against it). */
export async function setRootPassword(emu: TestEmulator, id: string, pw = ROOT_PASSWORD): Promise<void> {
  const r = await emu.api("PUT", `/gaussdb/v3/instances/${id}/db-user/init-password`, { root_name: "root", root_password: pw });
  if (r.status !== 200) throw new Error(`init-password: ${r.status} ${JSON.stringify(r.body)}`);
}

/** The 4.18.4 example request with real values. */
export function constructBody(drIp: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return { disaster_type: "stream", dr_ip: drIp, dr_user_name: "root", dr_user_password: ROOT_PASSWORD, dr_task_name: "dr-task-123", ...over };
}

/** Start a DR operation and wait for its job; returns the job. */
export async function runJob(emu: TestEmulator, method: string, path: string, body?: unknown, expected = 202): Promise<any> {
  const r = await emu.api(method, path, body);
  expect([r.status, typeof r.body?.job_id], JSON.stringify(r.body)).toEqual([expected, "string"]);
  return emu.waitJob(r.body.job_id);
}

/** The site's 4.18.2 relations. */
export async function relations(emu: TestEmulator, query = ""): Promise<any[]> {
  const r = await emu.api("GET", `${RELATIONS}${query}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(r.body.total).toBe(r.body.relations.length);
  return r.body.relations;
}

/** The one relation a site lists for an instance. */
export async function relationOf(emu: TestEmulator, instanceId: string): Promise<any> {
  const list = await relations(emu, `?instance_id=${instanceId}`);
  expect(list).toHaveLength(1);
  return list[0];
}
