import type { TestEmulator } from "../helpers/emulator";
import { addHosts, createDataCenter, hostEntry } from "./fixtures";
import { SOLUTIONS, type SolutionName } from "../../emulator/domain/solutions";

let nextOctet = 10;

/** The time scale conformance tests run at (startTestEmulator's default). */
export const TEST_TIME_SCALE = 0.001;
/** The time scale used while building fixture instances. */
export const SETUP_TIME_SCALE = 0.00005;

/** Fresh manage IPs (10.0.x.y), unique within the test file. */
export function freshIps(n: number): string[] {
  return Array.from({ length: n }, () => {
    const i = nextOctet++;
    return `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`;
  });
}

/** Data center ids by name, created on first use (reset() drops them, so tests call `resetDcs` in beforeEach). */
const dcCache = new Map<string, string>();

/** Forget cached data centers after a control reset. */
export function resetDcs(): void {
  dcCache.clear();
}

/** The id of a data center with this name, creating it when needed. */
export async function dc(emu: TestEmulator, name = "AZ1"): Promise<string> {
  const known = dcCache.get(name);
  if (known) return known;
  const id = await createDataCenter(emu, name);
  dcCache.set(name, id);
  return id;
}

/** Add `n` initialized hosts (kylin / intel / localssd unless `extra` says otherwise) and return their manage IPs. */
export async function readyHosts(emu: TestEmulator, n: number, opts: { dcName?: string; extra?: Record<string, unknown> } = {}): Promise<string[]> {
  const dcId = await dc(emu, opts.dcName);
  const ips = freshIps(n);
  await addHosts(emu, ips.map((ip) => hostEntry(ip, dcId, opts.extra)));
  return ips;
}

/** A create request shaped like the reference 4.11.6 examples, for a solution and real manage IPs. */
export function createBody(solution: SolutionName, manageIp: string[], over: Record<string, unknown> = {}): Record<string, unknown> {
  const spec = SOLUTIONS[solution];
  return {
    name: "gaussdb-s10d",
    os_type: "kylin",
    datastore: { type: "GaussDB", version: "3.200.0" },
    host_type: "BMS",
    cpu_spec: "intel",
    arch: "X86",
    ha: { mode: spec.haMode, consistency: "strong", replication_mode: "sync", consistency_protocol: spec.noEtcd ? "paxos" : "quorum" },
    solution,
    port: "8000",
    password: "Gauss_234",
    manage_ip: manageIp,
    ...over,
  };
}

/** Create an instance of a solution on fresh hosts and wait until it is ACTIVE; returns its id and manage IPs. */
export async function activeInstance(
  emu: TestEmulator,
  solution: SolutionName,
  over: Record<string, unknown> = {},
): Promise<{ id: string; ips: string[] }> {
  const ips = await readyHosts(emu, SOLUTIONS[solution].hostCount);
  // Setup, not the operation under test: build at a faster pace (20+ minutes at 0.001 would take over a second).
  await emu.control.setTimeScale(SETUP_TIME_SCALE);
  try {
    const r = await emu.api("POST", "/gaussdb/v3/instances", createBody(solution, ips, over));
    if (r.status !== 202) throw new Error(`create ${solution}: ${r.status} ${JSON.stringify(r.body)}`);
    const job = await emu.waitJob(r.body.job_id);
    if (job.status !== "Completed") throw new Error(`create ${solution} job ${job.status}: ${job.fail_reason}`);
    return { id: r.body.instance_id, ips };
  } finally {
    await emu.control.setTimeScale(TEST_TIME_SCALE);
  }
}

/** The reference 4.11.8 view of one instance (list filtered by id). */
export async function showInstance(emu: TestEmulator, id: string): Promise<any> {
  const r = await emu.api("GET", `/gaussdb/v3.1/instances?id=${id}`);
  if (r.status !== 200) throw new Error(`show ${id}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.instances[0];
}

/** Start a job on an instance that never finishes (control API plan "hang"), to observe 409 DBS.200019. */
export async function hangNextJob(emu: TestEmulator, name: string): Promise<void> {
  await emu.control.nextJob({ name, outcome: "hang" });
}
