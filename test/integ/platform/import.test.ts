// tpops-import's reader against the emulator over real HTTP: a hand-made estate (built through the REST API only)
// becomes declarations, and creating each of them as the engine would (check, then create, references resolved from
// the outputs of the ones before) adopts everything without one mutating request.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { closeAllClients, getClient } from "../../../provider/client";
import { configure } from "../../../provider/config";
import * as provider from "../../../provider";
import type { ProviderImpl } from "../../../provider/resources/framework";
import { resetSettingClaims } from "../../../provider/resources/framework";
import { resetBackupPolicyRegistry } from "../../../provider/resources/backup/backup-policy";
import { resetWdrSnapshotOwners } from "../../../provider/resources/ops/wdr-snapshots";
import { resetHostPreviewCache } from "../../../provider/resources/infra/host";
import { readEstate, solutionOf } from "../../../provider/import/read";
import { isRef, isSecret, type Arg, type Estate } from "../../../provider/import/model";
import { inOrder } from "../../../provider/import/write";
import { buildEstate, ESTATE_SECRETS, mutating, type EstateFacts } from "./import-estate";

let emu: TestEmulator;
let facts: EstateFacts;

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 0.00005 });
  facts = await buildEstate(emu);
  const cfg: Record<string, string> = { "tpops:endpoint": emu.url, "tpops:username": "admin", "tpops:password": "Admin@123" };
  configure({ config: { get: (k) => cfg[k] } });
}, 60_000);
afterAll(async () => {
  await closeAllClients();
  await emu?.close();
});
beforeEach(() => {
  resetSettingClaims();
  resetBackupPolicyRegistry();
  resetWdrSnapshotOwners();
  resetHostPreviewCache();
});

const client = () => getClient({ endpoint: emu.url, username: "admin", password: "Admin@123" });
const byKind = (e: Estate, kind: string) => e.declarations.filter((d) => d.kind === kind);
const lower = (kind: string) => kind[0]!.toLowerCase() + kind.slice(1);

/** The engine's part: references become the outputs of the resources made before, secrets the values set in config. */
function resolve(a: Arg, made: Map<string, { id: string; outs: Record<string, unknown> }>, secrets: Record<string, string>): unknown {
  if (isRef(a)) {
    const r = made.get(a.ref);
    if (!r) throw new Error(`reference to ${a.ref} before it was declared`);
    return a.prop === "id" ? r.id : r.outs[a.prop];
  }
  if (isSecret(a)) return secrets[a.secret] ?? ESTATE_SECRETS.instance;
  if (Array.isArray(a)) return a.map((x) => resolve(x, made, secrets));
  if (a && typeof a === "object") return Object.fromEntries(Object.entries(a).map(([k, x]) => [k, resolve(x as Arg, made, secrets)]));
  return a;
}

/** check() then create() of every declaration, in program order, as `pulumi up` does for a new stack. */
async function adoptAll(estate: Estate): Promise<Map<string, { id: string; outs: Record<string, unknown> }>> {
  const made = new Map<string, { id: string; outs: Record<string, unknown> }>();
  for (const d of inOrder(estate.declarations)) {
    const p = (provider as unknown as Record<string, ProviderImpl>)[lower(d.kind)]!;
    const news = { ...(resolve(d.args as Arg, made, {}) as Record<string, unknown>), __provider: "serialized", __autoNamePrefix: d.name, __urn: `urn:pulumi:import::brown::tpops:index:${d.kind}::${d.name}` };
    const checked = await p.check({}, news);
    expect(checked.failures ?? [], `${d.kind} ${d.name}`).toEqual([]);
    made.set(d.variable, await p.create(checked.inputs!));
  }
  return made;
}

describe("readEstate on a hand-made estate", () => {
  it("declares every object with references between them, secrets as config, and says what it left out", async () => {
    const estate = await readEstate(client(), { endpoint: emu.url });
    const kinds = Object.fromEntries(["DataCenter", "KeyPair", "Host", "Instance", "BackupPolicy", "InstanceParameters", "WdrSnapshots", "DbUser", "DbRole", "Database", "Schema", "InspectionScene", "IntelligentOps", "InspectionTask"].map((k) => [k, byKind(estate, k).length]));
    expect(kinds).toEqual({ DataCenter: 2, KeyPair: 1, Host: 6, Instance: 3, BackupPolicy: 3, InstanceParameters: 3, WdrSnapshots: 3, DbUser: 1, DbRole: 1, Database: 1, Schema: 1, InspectionScene: 1, IntelligentOps: 1, InspectionTask: 1 });
    const az1 = byKind(estate, "DataCenter").find((d) => d.args.name === "brown-az1")!;
    const hosts = byKind(estate, "Host");
    // Hosts name their data center and key pair through the declarations; password hosts take a secret from config.
    expect(hosts.filter((h) => isRef(h.args.dataCenterId!) && (h.args.dataCenterId as { ref: string }).ref === az1.variable)).toHaveLength(3);
    expect(hosts.filter((h) => isRef(h.args.sshKeyId ?? null)).map((h) => h.args.manageIp)).toEqual(["10.77.0.22", "10.77.0.23"]);
    expect(hosts.filter((h) => isSecret(h.args.rootPassword ?? null))).toHaveLength(4);
    const orders = byKind(estate, "Instance").find((d) => d.name === facts.triset.name)!;
    expect(orders.args).toMatchObject({ adopt: true, solution: "triset", osType: "Kylin", cpuSpec: "Intel", arch: "X86", port: 8000 });
    expect((orders.args.manageIps as Arg[]).map((a) => (isRef(a) ? `${a.ref}.${a.prop}` : a))).toEqual(hosts.slice(0, 3).map((h) => `${h.variable}.manageIp`));
    expect(isSecret(orders.args.password!)).toBe(true);
    // The hand-set values are the live ones: the policy, the parameter, the switch, the owner.
    const policy = byKind(estate, "BackupPolicy").find((d) => (d.args.instanceId as { ref: string }).ref === orders.variable)!;
    expect(policy.args).toMatchObject({ keepDays: 14, startTime: "02:00-03:00", period: [1, 3, 5], differentialPeriod: 60 });
    const billing = byKind(estate, "Instance").find((d) => d.name === facts.single.name)!;
    const params = byKind(estate, "InstanceParameters").find((d) => (d.args.instanceId as { ref: string }).ref === billing.variable)!;
    expect((params.args.values as Record<string, string>).max_connections).toBe("600");
    expect(byKind(estate, "WdrSnapshots").map((d) => d.args.enabled ?? true).sort()).toEqual([false, false, true]);
    const dbmind = byKind(estate, "Instance").find((d) => d.name === facts.dbmind.name)!;
    expect(dbmind.args).toMatchObject({ engine: "gaussdbv5-dbmind", engineVersion: "3.200.0" });
    expect(byKind(estate, "IntelligentOps")[0]!.args).toEqual({ instanceId: { ref: billing.variable, prop: "id", live: facts.single.id }, dbAssistId: { ref: dbmind.variable, prop: "id", live: facts.dbmind.id } });
    const db = byKind(estate, "Database")[0]!;
    expect(db.args).toMatchObject({ adopt: true, name: "billing", owner: { ref: byKind(estate, "DbUser")[0]!.variable, prop: "name" } });
    expect(byKind(estate, "Schema")[0]!.args).toMatchObject({ name: "ledger", database: { ref: db.variable, prop: "name" } });
    // No user carries a password (adopt keeps the user's own); root is the instance's, not a DbUser.
    expect(byKind(estate, "DbUser").map((d) => [d.args.name, d.args.password])).toEqual([["app_owner", undefined]]);
    expect(estate.skipped.map((s) => `${s.kind} ${s.what}`)).toEqual(expect.arrayContaining(["InspectionScene scene Health Check"]));
    expect(estate.skipped.some((s) => s.kind === "DbUser" && /root/.test(s.what) && /administrator/.test(s.why))).toBe(true);
    expect(estate.kindsNotImported.map((k) => k.kind)).toEqual(expect.arrayContaining(["Privileges", "BuiltinPasswords", "InstanceLabels"]));
    // Nothing the reader did changed the platform.
    expect(JSON.stringify(estate)).not.toContain(ESTATE_SECRETS.hostRoot);
  });

  it("creating the declarations as the engine does adopts everything with no mutating request", async () => {
    const estate = await readEstate(client(), { endpoint: emu.url });
    await emu.control.clearRequests();
    const made = await adoptAll(estate);
    const { byRoute } = await emu.control.requests();
    expect(mutating(byRoute)).toEqual([]);
    expect(made.size).toBe(estate.declarations.length);
    const state = await emu.control.state();
    expect([state.dataCenters.length, state.keyPairs.length, state.hosts.length, state.instances.length]).toEqual([2, 1, 6, 3]);
  });

  it("a BackupPolicy declared with the live policy sends nothing; one that differs still sets it (reference 4.2.1)", async () => {
    const estate = await readEstate(client(), { endpoint: emu.url, filter: { instances: [facts.triset.name] } });
    const policy = byKind(estate, "BackupPolicy")[0]!;
    const news = { ...(resolve({ ...policy.args, instanceId: facts.triset.id } as Arg, new Map(), {}) as Record<string, unknown>), __provider: "p", __autoNamePrefix: "pol", __urn: "urn:pulumi:s::p::tpops:index:BackupPolicy::pol" };
    await emu.control.clearRequests();
    await provider.backupPolicy.create((await provider.backupPolicy.check({}, news)).inputs!);
    expect(mutating((await emu.control.requests()).byRoute)).toEqual([]);
    resetBackupPolicyRegistry();
    await provider.backupPolicy.create((await provider.backupPolicy.check({}, { ...news, keepDays: 15 })).inputs!);
    expect(mutating((await emu.control.requests()).byRoute).map((r) => `${r.method} ${r.route}`)).toContain("PUT /gaussdb/v3/instances/{instance_id}/backups/policy");
    expect((await emu.api("GET", `/gaussdb/v3/instances/${facts.triset.id}/backups/policy`)).body.backup_policy.keep_days).toBe(15);
    await emu.api("PUT", `/gaussdb/v3/instances/${facts.triset.id}/backups/policy`, { backup_policy: { keep_days: 14, start_time: "02:00-03:00", period: "1,3,5", differential_period: "60" } });
  });
});

describe("filters", () => {
  it("--instance brings the instance, its hosts and their data center, nothing else", async () => {
    const estate = await readEstate(client(), { endpoint: emu.url, filter: { instances: [facts.single.name] } });
    expect(byKind(estate, "Instance").map((d) => d.name)).toEqual([facts.single.name]);
    expect(byKind(estate, "Host").map((d) => d.args.manageIp)).toEqual(["10.77.0.21"]);
    expect(byKind(estate, "DataCenter").map((d) => d.args.name)).toEqual(["brown-az2"]);
    expect(byKind(estate, "KeyPair")).toEqual([]);
    expect(byKind(estate, "InspectionScene")).toEqual([]);
  });

  it("--data-center brings its hosts, their key pair and the instances on them", async () => {
    const estate = await readEstate(client(), { endpoint: emu.url, filter: { dataCenters: ["brown-az2"] } });
    expect(byKind(estate, "Host").map((d) => d.args.manageIp)).toEqual(["10.77.0.21", "10.77.0.22", "10.77.0.23"]);
    expect(byKind(estate, "KeyPair")).toHaveLength(1);
    expect(byKind(estate, "Instance").map((d) => d.name).sort()).toEqual([facts.single.name, facts.dbmind.name].sort());
  });

  it("a name the platform does not have is one error naming what it has", async () => {
    await expect(readEstate(client(), { endpoint: emu.url, filter: { instances: ["nope"], dataCenters: ["az9"] } })).rejects.toThrow(
      /--data-center "az9": no data center has this name or id \(the platform has brown-az1, brown-az2\); --instance "nope": no instance has this name \(the platform has .*brown-orders.*\); check the spelling/,
    );
  });
});

describe("solutionOf (reference 4.11.8 reports no solution)", () => {
  const nodes = (n: number) => Array.from({ length: n }, (_, k) => ({ id: `n${k}` }));
  it.each([
    ["centralization_standard", 1, 1, "quorum", "single"],
    ["centralization_standard", 3, 3, "quorum", "triset"],
    ["centralization_standard", 3, 3, "paxos", "trisetnoetcd"],
    ["centralization_standard", 5, 4, "quorum", "quadruset"],
    ["centralization_standard", 5, 5, "paxos", "pentasetnoetcd"],
    ["Combined", 9, 3, "quorum", "hcs1"],
    ["Combined", 3, 3, "quorum", "hcs2"],
  ])("%s, %i nodes, %i replicas, %s → %s", (type, n, replicas, protocol, want) => {
    expect(solutionOf({ type, nodes: nodes(n), replica_num: replicas, ha: { consistency_protocol: protocol } })).toEqual({ solution: want });
  });
  it("an expanded distributed instance or an unknown shape is left out with the reason", () => {
    expect(solutionOf({ type: "Combined", nodes: nodes(6), replica_num: 3 })).toEqual({ why: expect.stringMatching(/no hcs solution has 6 hosts/) });
    expect(solutionOf({ type: "centralization_standard", nodes: nodes(5), replica_num: 3 })).toEqual({ why: expect.stringMatching(/none fits; declare it by hand/) });
  });
});

