// WdrSnapshots, IntelligentOps and InstanceLabels provider methods against the emulator over real HTTP: rules at
// preview, one owner per setting, create recording what was there, drift on read, updates, deletes giving it back.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestEmulator } from "../../helpers/emulator";
import { UNKNOWN, resetSettingClaims } from "../../../provider/resources/framework";
import { resetWarnings } from "../../../provider/resources/rules";
import { resetWdrSnapshotOwners, wdrSnapshots } from "../../../provider/resources/ops/wdr-snapshots";
import { intelligentOps, resetIntelligentOpsOwners } from "../../../provider/resources/ops/intelligent-ops";
import { instanceLabels, resetInstanceLabelOwners } from "../../../provider/resources/ops/instance-labels";
import { addHosts, checked, createInstance, instanceArgs, PROVIDER, startProviderEmulator } from "../instance-fixtures";

let emu: TestEmulator;
let inst: string;
let dbmind: string;
let stderr: string[] = [];
const realWrite = process.stderr.write.bind(process.stderr);

beforeAll(async () => {
  emu = await startProviderEmulator();
  inst = (await createInstance(emu, instanceArgs("single", await addHosts(emu, 1)))).id;
  dbmind = (await createInstance(emu, instanceArgs("single", await addHosts(emu, 1), { engine: "gaussdbv5-dbmind", engineVersion: "3.200.0" }))).id;
  // Warnings and notes go to stderr without an engine: captured to assert on them.
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
}, 60_000);
afterAll(async () => {
  process.stderr.write = realWrite;
  await emu?.close();
});
beforeEach(() => {
  resetSettingClaims();
  resetWdrSnapshotOwners();
  resetIntelligentOpsOwners();
  resetInstanceLabelOwners();
  resetWarnings();
  stderr = [];
});

const urn = (kind: string, name: string) => `urn:pulumi:dev::ops::pulumi-nodejs:dynamic:Resource$tpops:${kind}::${name}`;
const props = (kind: string, name: string, args: Record<string, unknown>) => ({ __provider: PROVIDER, __autoNamePrefix: name, __urn: urn(kind, name), ...args });
const logged = () => stderr.join("");

const wdrStatus = async (id = inst) => (await emu.api("GET", `/gaussdb/v3/instances/${id}/wdr-snapshot/status`)).body.status;
const setWdr = async (status: string, id = inst) => expect((await emu.api("PUT", `/gaussdb/v3/instances/${id}/wdr-snapshot/status`, { status })).status).toBe(202);
const label = async (key: string, id = inst) => (await emu.api("GET", `/gaussdb/v3/instances/${id}/extend-info?key=${encodeURIComponent(key)}`)).body.value;
const setLabel = async (key: string, value: string, id = inst) => expect((await emu.api("PUT", `/gaussdb/v3/instances/${id}/extend-info`, { key, value })).status).toBe(200);
const enrolled = async (id = inst) =>
  (await emu.api("GET", `/v3/db-assist/manageable-instances?db_assist_id=${dbmind}&manage_type=ENABLED`)).body.managed_instances.some((i: { id: string }) => i.id === id);

describe("WdrSnapshots", () => {
  it("refuses at preview: a missing or empty instanceId, a non-boolean enabled, an unknown instance; defaults enabled to true", async () => {
    expect((await wdrSnapshots.check({}, props("WdrSnapshots", "w", {}))).failures?.[0]?.reason).toBe("instanceId is required");
    expect((await wdrSnapshots.check({}, props("WdrSnapshots", "w", { instanceId: "" }))).failures?.[0]?.reason).toMatch(/^instanceId: "" is empty; use the id of an Instance/);
    expect((await wdrSnapshots.check({}, props("WdrSnapshots", "w", { instanceId: inst, enabled: "on" }))).failures?.[0]?.reason).toMatch(/^enabled: "on" is a string; expected a boolean/);
    const unknown = await wdrSnapshots.check({}, props("WdrSnapshots", "w", { instanceId: "nosuchinstancein14" }));
    expect(unknown.failures?.[0]?.reason).toMatch(/^instanceId: "nosuchinstancein14" is not an instance of the platform \(A.3 DBS.200002/);
    expect(await checked(wdrSnapshots, props("WdrSnapshots", "w", { instanceId: inst }))).toMatchObject({ enabled: true });
    // an id not yet known (the instance is created by the same up) is decided at apply
    expect((await wdrSnapshots.check({}, props("WdrSnapshots", "w", { instanceId: UNKNOWN }))).failures ?? []).toEqual([]);
  });

  it("refuses a second WdrSnapshots for the same instance at preview", async () => {
    await checked(wdrSnapshots, props("WdrSnapshots", "a", { instanceId: inst }));
    const second = await wdrSnapshots.check({}, props("WdrSnapshots", "b", { instanceId: inst }));
    expect(second.failures?.[0]).toEqual({
      property: "instanceId",
      reason: `instanceId: the WDR snapshot switch of instance ${inst} already belongs to WdrSnapshots a in this stack; one setting has one owner. Merge the two resources, or remove it from one of them`,
    });
  });

  it("create switches on and records OFF; read sees an out-of-band OFF; update switches again; delete switches back off", async () => {
    const inputs = await checked(wdrSnapshots, props("WdrSnapshots", "wdr", { instanceId: inst }));
    const { id, outs } = await wdrSnapshots.create(inputs);
    expect(id).toBe(`${inst}/wdr-snapshots`);
    expect(outs).toMatchObject({ instanceId: inst, enabled: true, originalEnabled: false });
    expect(outs.firstSnapshotTime).toMatch(/^\d{4}-\d{2}-\d{2} /);
    expect(await wdrStatus()).toBe("ON");
    await setWdr("OFF");
    const read = await wdrSnapshots.read(id, outs);
    expect(read.props).toMatchObject({ enabled: false, originalEnabled: false });
    expect(read.inputs).toMatchObject({ instanceId: inst, enabled: false });
    const diff = await wdrSnapshots.diff(id, read.inputs!, inputs);
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    const up = await wdrSnapshots.update(id, read.props, inputs);
    expect(up.outs).toMatchObject({ enabled: true, originalEnabled: false });
    expect(await wdrStatus()).toBe("ON");
    await wdrSnapshots.delete(id, up.outs);
    expect(await wdrStatus()).toBe("OFF");
  });

  it("takes over a switch turned on by hand (warned) and leaves it on at delete", async () => {
    await setWdr("ON");
    const { id, outs } = await wdrSnapshots.create(await checked(wdrSnapshots, props("WdrSnapshots", "taken", { instanceId: inst, enabled: false })));
    expect(logged()).toMatch(/WdrSnapshots taken: takes over WDR snapshots switched on outside this stack; deleting this resource switches them on again/);
    expect(outs).toMatchObject({ enabled: false, originalEnabled: true });
    expect(await wdrStatus()).toBe("OFF");
    await wdrSnapshots.delete(id, outs);
    expect(await wdrStatus()).toBe("ON");
    await setWdr("OFF");
  });

  it("a renamed resource's delete leaves the switch to its successor; a gone instance drops the resource", async () => {
    const old = await wdrSnapshots.create(await checked(wdrSnapshots, props("WdrSnapshots", "old", { instanceId: inst })));
    resetWdrSnapshotOwners();
    resetSettingClaims();
    // the next up declares only the new name
    await checked(wdrSnapshots, props("WdrSnapshots", "new", { instanceId: inst }));
    await wdrSnapshots.delete(old.id, { ...old.outs, __urn: urn("WdrSnapshots", "old") });
    expect(await wdrStatus()).toBe("ON");
    expect(logged()).toMatch(/now belongs to WdrSnapshots new; left as it set it/);
    await setWdr("OFF");
    expect((await wdrSnapshots.read("nosuchin14/wdr-snapshots", { instanceId: "nosuchin14", enabled: true, originalEnabled: false })).id).toBe("");
  });

  it("refuses at preview a change a stopped instance cannot take (A.3 DBS.216011)", async () => {
    const ips = await addHosts(emu, 1);
    const stopped = (await createInstance(emu, instanceArgs("single", ips))).id;
    const list = (await emu.api("GET", `/gaussdb/v3.1/instances?id=${stopped}`)).body.instances[0];
    const r = await emu.api("POST", `/gaussdb/v3/instances/${stopped}/db-stop`, { node_ids: list.nodes.map((n: { id: string }) => n.id) });
    await emu.waitJob(r.body.job_id ?? r.headers.get("job_id"));
    const f = await wdrSnapshots.check({}, props("WdrSnapshots", "s", { instanceId: stopped }));
    expect(f.failures?.[0]?.reason).toMatch(/^enabled: true cannot be applied now: every node of instance .* is stopped \(A.3 DBS.216011/);
    // nothing to change: no refusal
    resetWdrSnapshotOwners();
    expect((await wdrSnapshots.check({}, props("WdrSnapshots", "s2", { instanceId: stopped, enabled: false }))).failures ?? []).toEqual([]);
  });
});

describe("IntelligentOps", () => {
  it("refuses at preview: a dbAssistId that 4.6.3 does not list, empty ids, an unknown instance", async () => {
    const notAssist = await intelligentOps.check({}, props("IntelligentOps", "i", { instanceId: inst, dbAssistId: inst }));
    expect(notAssist.failures?.[0]?.reason).toBe(
      `dbAssistId: ${JSON.stringify(inst)} is not an intelligent O&M instance (GET /v3/db-assist/instances, reference 4.6.3, lists none with this id); use the id of a gaussdbv5-dbmind Instance`,
    );
    expect((await intelligentOps.check({}, props("IntelligentOps", "i", { instanceId: inst, dbAssistId: "" }))).failures?.[0]?.property).toBe("dbAssistId");
    expect((await intelligentOps.check({}, props("IntelligentOps", "i", { dbAssistId: dbmind }))).failures?.[0]?.reason).toBe("instanceId is required");
    const unknown = await intelligentOps.check({}, props("IntelligentOps", "i", { instanceId: "nosuchin14", dbAssistId: dbmind }));
    expect(unknown.failures?.[0]?.reason).toMatch(/^instanceId: "nosuchin14" is not an instance of the platform/);
    expect(await checked(intelligentOps, props("IntelligentOps", "i", { instanceId: inst, dbAssistId: dbmind }))).toMatchObject({ enabled: true });
    const twice = await intelligentOps.check({}, props("IntelligentOps", "j", { instanceId: inst, dbAssistId: dbmind }));
    expect(twice.failures?.[0]?.reason).toMatch(/already belongs to IntelligentOps i in this stack/);
  });

  it("refuses at preview an intelligent O&M instance without room (manageable_limit, A.3 DBS.06280028)", async () => {
    const store = emu.ctx.state.data.instances as Record<string, any>;
    const saved = store[dbmind].db_assist_managed;
    const fillers = Array.from({ length: 8 }, (_, i) => `filler${i}in14`);
    for (const id of fillers) store[id] = { ...store[inst], id, name: id, nodes: [] };
    store[dbmind].db_assist_managed = fillers;
    try {
      const full = await intelligentOps.check({}, props("IntelligentOps", "full", { instanceId: inst, dbAssistId: dbmind }));
      expect(full.failures?.[0]?.reason).toBe(
        `dbAssistId: ${JSON.stringify(dbmind)} already manages 8 of at most 8 instances (reference 4.6.3 manageable_limit; A.3 DBS.06280028); withdraw one, or use another intelligent O&M instance`,
      );
    } finally {
      for (const id of fillers) delete store[id];
      store[dbmind].db_assist_managed = saved;
    }
  });

  it("warns at preview about an instance 4.6.2 does not show as enrollable (another architecture)", async () => {
    const store = emu.ctx.state.data.instances as Record<string, any>;
    store[inst].arch = "ARM";
    try {
      await checked(intelligentOps, props("IntelligentOps", "arm", { instanceId: inst, dbAssistId: dbmind }));
      expect(logged()).toMatch(/is not among the instances reference 4.6.2 lists as enrollable in .* \(it shows those of the same architecture, X86\); the platform may refuse the enrolment/);
    } finally {
      store[inst].arch = "X86";
    }
  });

  it("create enrols (job) and records not enrolled; read sees a withdrawal out of band; update enrols again; delete withdraws", async () => {
    const inputs = await checked(intelligentOps, props("IntelligentOps", "dbmind", { instanceId: inst, dbAssistId: dbmind }));
    const { id, outs } = await intelligentOps.create(inputs);
    expect(id).toBe(`${dbmind}/managed/${inst}`);
    expect(outs).toMatchObject({ instanceId: inst, dbAssistId: dbmind, enabled: true, originalEnabled: false });
    expect(await enrolled()).toBe(true);
    const off = await emu.api("POST", "/v3/db-assist/manage-instance", { db_assist_id: dbmind, instance_ids: [inst], manage_type: "DISABLED" });
    await emu.waitJob(off.body.job_id);
    const read = await intelligentOps.read(id, outs);
    expect(read.props).toMatchObject({ enabled: false });
    expect((await intelligentOps.diff(id, read.inputs!, inputs)).changes).toBe(true);
    const up = await intelligentOps.update(id, read.props, inputs);
    expect(up.outs).toMatchObject({ enabled: true });
    // get(): an id alone reads the pair
    expect((await intelligentOps.read(id, {})).props).toMatchObject({ instanceId: inst, dbAssistId: dbmind, enabled: true });
    await intelligentOps.delete(id, up.outs);
    expect(await enrolled()).toBe(false);
  });

  it("an instance enrolled before the stack is warned about and stays enrolled after delete", async () => {
    const on = await emu.api("POST", "/v3/db-assist/manage-instance", { db_assist_id: dbmind, instance_ids: [inst], manage_type: "ENABLED" });
    await emu.waitJob(on.body.job_id);
    const { id, outs } = await intelligentOps.create(await checked(intelligentOps, props("IntelligentOps", "pre", { instanceId: inst, dbAssistId: dbmind })));
    expect(outs.originalEnabled).toBe(true);
    expect(logged()).toMatch(/was already enrolled in intelligent O&M instance .* outside this stack; deleting this resource leaves it enrolled/);
    await intelligentOps.delete(id, outs);
    expect(await enrolled()).toBe(true);
    const off = await emu.api("POST", "/v3/db-assist/manage-instance", { db_assist_id: dbmind, instance_ids: [inst], manage_type: "DISABLED" });
    await emu.waitJob(off.body.job_id);
  });
});

describe("InstanceLabels", () => {
  it("check: values must be strings; one owner per key; unusual keys warned", async () => {
    const f = await instanceLabels.check({}, props("InstanceLabels", "l", { instanceId: inst, labels: { team: 3 } }));
    expect(f.failures?.[0]?.reason).toMatch(/^labels.team: 3 is a number; expected a string/);
    await checked(instanceLabels, props("InstanceLabels", "a", { instanceId: inst, labels: { team: "orders", env: "prod" } }));
    const b = await instanceLabels.check({}, props("InstanceLabels", "b", { instanceId: inst, labels: { env: "dev", tier: "gold" } }));
    expect(b.failures).toEqual([
      {
        property: "labels.env",
        reason: `labels.env: the label "env" of instance ${inst} already belongs to InstanceLabels a in this stack; one setting has one owner. Merge the two resources, or remove it from one of them`,
      },
    ]);
    await checked(instanceLabels, props("InstanceLabels", "c", { instanceId: inst, labels: { BackupSet: "/x", "": "v" } }));
    expect(logged()).toMatch(/labels.BackupSet: the platform keeps its own settings in extension information under this key/);
    expect(logged()).toMatch(/the key "" is empty/);
  });

  it("create records what was there (warned), read sees an edit out of band, update repairs, adds and drops keys, delete restores and says what stays", async () => {
    await setLabel("owner", "someone");
    const inputs = await checked(instanceLabels, props("InstanceLabels", "labels", { instanceId: inst, labels: { team: "orders", owner: "dba" } }));
    const { id, outs } = await instanceLabels.create(inputs);
    expect(id).toMatch(new RegExp(`^${inst}/labels/[0-9a-f]{8}$`));
    expect(outs).toMatchObject({ labels: { team: "orders", owner: "dba" }, originalLabels: { owner: "someone" } });
    expect(logged()).toMatch(/takes over labels set outside this stack \(owner "someone"\); deleting this resource puts these values back/);
    expect([await label("team"), await label("owner")]).toEqual(["orders", "dba"]);

    await setLabel("team", "payments");
    const read = await instanceLabels.read(id, outs);
    expect(read.props).toMatchObject({ labels: { team: "payments", owner: "dba" } });
    expect((await instanceLabels.diff(id, read.inputs!, inputs)).changes).toBe(true);
    const repaired = await instanceLabels.update(id, read.props, inputs);
    expect(await label("team")).toBe("orders");

    // add env, drop team (no earlier value: it stays, and the update says so)
    const next = await checked(instanceLabels, props("InstanceLabels", "labels", { instanceId: inst, labels: { owner: "dba", env: "prod" } }), repaired.outs);
    const updated = await instanceLabels.update(id, repaired.outs, next);
    expect(updated.outs).toMatchObject({ labels: { owner: "dba", env: "prod" }, originalLabels: { owner: "someone" } });
    expect(logged()).toMatch(/dropped from labels: team "orders" stays on instance .* the reference has no call that removes an extension key/);

    stderr = [];
    await instanceLabels.delete(id, updated.outs);
    expect(await label("owner")).toBe("someone");
    expect(await label("env")).toBe("prod");
    expect(logged()).toMatch(/not removed: env "prod" stays on instance/);
  });

  it("a gone instance drops the resource on read and makes delete a no-op", async () => {
    const state = { instanceId: "nosuchin14", labels: { a: "b" }, originalLabels: {} };
    expect((await instanceLabels.read("nosuchin14/labels/00000000", state)).id).toBe("");
    await expect(instanceLabels.delete("nosuchin14/labels/00000000", state)).resolves.toBeUndefined();
  });
});
