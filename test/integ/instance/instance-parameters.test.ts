// InstanceParameters provider methods against the emulator over real HTTP (issue 6): template validation at
// preview and before any PUT, originals recorded and restored, drift limited to managed keys, restarts.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TestEmulator } from "../../helpers/emulator";
import { canonicalValue, instanceParameters, rangeProblem } from "../../../provider/resources/instance/instance-parameters";
import { UNKNOWN } from "../../../provider/resources/framework";
import { addHosts, checked, createInstance, instanceArgs, jobs, PROVIDER, requestCount, startProviderEmulator } from "../instance-fixtures";

let emu: TestEmulator;
let instanceId: string;
const PUT_ROUTE = "/gaussdb/v3/instances/{instance_id}/configurations";

beforeAll(async () => {
  emu = await startProviderEmulator();
});
afterAll(async () => emu?.close());
/** A fresh single-node instance for each test that needs one. */
async function freshInstance(): Promise<void> {
  await emu.control.reset();
  const hosts = await addHosts(emu, 1);
  ({ id: instanceId } = await createInstance(emu, instanceArgs("single", hosts, { engineVersion: "3.200.0" })));
  await emu.control.clearRequests();
}
afterEach(() => vi.restoreAllMocks());

/** Live values of the instance's parameters by name. */
async function liveValues(): Promise<Record<string, string>> {
  const r = await emu.api("GET", `/gaussdb/v3.1/instances/${instanceId}/configurations`);
  return Object.fromEntries(r.body.configuration_parameters.map((p: { name: string; value: string }) => [p.name, p.value]));
}

describe("value ranges (reference 4.3.1 value_range)", () => {
  const cases: [string, string, string | undefined, string][] = [
    ["10-262143", "5", "integer", "is outside"],
    ["10-262143", "100", "integer", ""],
    ["10-262143", "1e3", "integer", "is not a whole number"],
    ["-1-262144", "-1", "integer", ""],
    ["0-1", "0.5", "float", ""],
    ["0-1", "1.5", "float", "is outside"],
    ["on,off", "on", "integer", ""],
    ["on,off", "ON", "integer", "is not one of"],
    ["on,off", " on", "boolean", "is not one of"],
    ["10-262143", " 10", "integer", "is not a whole number"],
    ["10-262143", "10 ", "integer", "is not a whole number"],
    ["0-1", " 0.5", "float", "is not a number"],
    ["on,off", "maybe", "boolean", "is not one of"],
    ["ISO, MDY,ISO, DMY,SQL, MDY", "ISO, DMY", "enum", ""],
    ["ISO, MDY,ISO, DMY,SQL, MDY", "DMY", "enum", "is not one of"],
    ["length 0-63", "x".repeat(64), "string", "has a length outside"],
    ["", "anything", "string", ""],
  ];
  it.each(cases)("%s with %s", (range, value, type, problem) => {
    expect(rangeProblem({ name: "p", value_range: range, type }, value) ?? "").toBe(problem);
  });
});

describe("near misses are refused with the spelling to use, never sent (they would read back differently)", () => {
  const cases: [string, string, string | undefined][] = [
    ["on,off", "ON", "on"],
    ["on,off", " Off ", "off"],
    ["on,off", "maybe", undefined],
    ["on,off", "on", undefined],
    ["minimal,archive,hot_standby,logical", "Hot_Standby", "hot_standby"],
    ["ISO, MDY,ISO, DMY,SQL, MDY", "iso, dmy", "ISO, DMY"],
    ["10-262143", " 10", "10"],
    ["10-262143", " 5", undefined],
    ["length 0-63", " x", undefined],
  ];
  it.each(cases)("%s with %j", (range, value, fix) => {
    expect(canonicalValue({ name: "p", value_range: range, type: "string" }, value)).toBe(fix);
  });
});

describe("check: names and values validated against the instance's template at preview", () => {
  beforeEach(freshInstance);
  it.each([
    [{ max_connections: "5" }, "values.max_connections", /"5" is outside the allowed range 10-262143 of max_connections; use a value in 10-262143/],
    [{ wal_level: "verbose" }, "values.wal_level", /"verbose" is not one of the allowed range minimal,archive,hot_standby,logical of wal_level/],
    [{ max_conections: "100" }, "values.max_conections", /"max_conections" is not a parameter of instance .* \(GaussDB 3.200.0\); did you mean max_connections\? \(getParameterTemplate lists them\)$/],
    [{ zzz_unheard_of: "1" }, "values.zzz_unheard_of", /"zzz_unheard_of" is not a parameter of instance .*; check the name \(distributed instances name parameters cn:<name> or dn:<name>\) \(getParameterTemplate lists them\)$/],
    [{ connections: "100" }, "values.connections", /did you mean max_connections/],
    [{ wal_level: "LOGICAL" }, "values.wal_level", /"LOGICAL" is not one of the allowed range minimal,archive,hot_standby,logical of wal_level as written; did you mean "logical"\?/],
    [{ max_connections: " 100" }, "values.max_connections", /" 100" is not a whole number \(the allowed range of max_connections is 10-262143\) as written; did you mean "100"\?/],
  ])("%j is refused", async (values, property, reason) => {
    const r = await instanceParameters.check({}, { instanceId, values });
    const f = r.failures?.find((x) => x.property === property);
    expect(f?.reason, JSON.stringify(r.failures)).toMatch(reason);
  });

  it("refuses non-string values without a platform call; an empty map is only warned about (4.3.2 values is optional)", async () => {
    expect((await instanceParameters.check({}, { instanceId, values: { work_mem: 4 } })).failures?.[0]?.reason).toMatch(/values.work_mem: 4 is a number; expected a string/);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect((await instanceParameters.check({}, { instanceId, values: {}, __autoNamePrefix: "none" })).failures ?? []).toEqual([]);
    expect(stderr.mock.calls.map((c) => String(c[0])).join("")).toMatch(/warn: InstanceParameters none: values: \{\} names no parameter; this resource manages nothing/);
  });

  it("skips the template read while the instance id is unknown", async () => {
    const r = await instanceParameters.check({}, { instanceId: UNKNOWN, values: { max_connections: "5" } });
    expect(r.failures ?? []).toEqual([]);
    expect(await requestCount(emu, "GET", "/gaussdb/v3.1/instances/{instance_id}/configurations")).toBe(0);
  });

  it("rejects everything before any change when check could not see the instance", async () => {
    const err = await instanceParameters
      .create({ instanceId, values: { work_mem: "131072", max_connections: "5" }, restartIfRequired: false, __provider: PROVIDER })
      .catch((e: Error) => e);
    expect((err as Error).message).toMatch(/nothing was changed: values.max_connections: "5" is outside the allowed range 10-262143/);
    expect(await requestCount(emu, "PUT", PUT_ROUTE)).toBe(0);
    expect((await liveValues()).work_mem).toBe("65536");
  });
});

describe("InstanceParameters lifecycle", () => {
  beforeEach(freshInstance);
  it("records originals, sets values waiting for the job, reads drift only on managed keys, and restores on delete", async () => {
    const inputs = await checked(instanceParameters, { instanceId, values: { work_mem: "131072", failed_login_attempts: "4" } });
    const created = await instanceParameters.create(inputs);
    expect(created.outs).toMatchObject({
      values: { work_mem: "131072", failed_login_attempts: "4" },
      originalValues: { work_mem: "65536", failed_login_attempts: "10" },
      pendingRestart: false,
    });
    expect(await jobs(emu)).toContain("ModifyGaussDBInstanceParameters:Completed");

    // A DBA changes an unmanaged parameter: no drift. Then a managed one: drift.
    await emu.api("PUT", `/gaussdb/v3/instances/${instanceId}/configurations`, { values: { lockwait_timeout: "60000" } });
    await new Promise((r) => setTimeout(r, 100));
    let read = await instanceParameters.read(created.id, { ...created.outs, __provider: PROVIDER });
    expect(read.props.values).toEqual({ work_mem: "131072", failed_login_attempts: "4" });
    await emu.api("PUT", `/gaussdb/v3/instances/${instanceId}/configurations`, { values: { work_mem: "2048" } });
    await new Promise((r) => setTimeout(r, 100));
    read = await instanceParameters.read(created.id, created.outs);
    expect(read.props.values).toEqual({ work_mem: "2048", failed_login_attempts: "4" });
    expect((await instanceParameters.diff(created.id, read.props, inputs)).changes).toBe(true);

    await instanceParameters.delete(created.id, created.outs);
    const live = await liveValues();
    expect(live).toMatchObject({ work_mem: "65536", failed_login_attempts: "10", lockwait_timeout: "60000" });
  });

  it("removing a key restores its original; adding one records its original", async () => {
    const created = await instanceParameters.create(await checked(instanceParameters, { instanceId, values: { work_mem: "131072", failed_login_attempts: "4" } }));
    const news = await checked(instanceParameters, { instanceId, values: { failed_login_attempts: "5", session_timeout: "300" } }, created.outs);
    const updated = await instanceParameters.update(created.id, created.outs, news);
    expect(updated.outs).toMatchObject({
      values: { failed_login_attempts: "5", session_timeout: "300" },
      originalValues: { failed_login_attempts: "10", session_timeout: "600" },
    });
    expect(await liveValues()).toMatchObject({ work_mem: "65536", failed_login_attempts: "5", session_timeout: "300" });
    await instanceParameters.delete(created.id, updated.outs);
    expect(await liveValues()).toMatchObject({ failed_login_attempts: "10", session_timeout: "600" });
  });

  it("marks a restart as pending with a warning when restartIfRequired is false", async () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const created = await instanceParameters.create(await checked(instanceParameters, { instanceId, values: { max_connections: "1000" } }));
    expect(created.outs).toMatchObject({ values: { max_connections: "1000" }, pendingRestart: true });
    expect(stderr.mock.calls.map((c) => String(c[0])).join("")).toMatch(/warn: .*max_connections take effect only after instance .* restarts; restart it, or set restartIfRequired: true/);
    expect(await jobs(emu)).not.toContain("RestartGaussDBInstance:Completed");
  });

  it("restarts the instance and waits when restartIfRequired is true", async () => {
    const created = await instanceParameters.create(await checked(instanceParameters, { instanceId, values: { max_connections: "1000" }, restartIfRequired: true }));
    expect(created.outs).toMatchObject({ pendingRestart: false });
    expect(await jobs(emu)).toEqual(expect.arrayContaining(["ModifyGaussDBInstanceParameters:Completed", "RestartGaussDBInstance:Completed"]));
    expect((emu.ctx.state.data.instances[instanceId] as unknown as { pending_restart: boolean }).pending_restart).toBe(false);
  });

  it("retries a change while the instance is busy (409)", async () => {
    expect((await emu.api("POST", `/gaussdb/v3/instances/${instanceId}/restart`)).status).toBe(202);
    const created = await instanceParameters.create(await checked(instanceParameters, { instanceId, values: { work_mem: "131072" } }));
    expect(created.outs.values).toEqual({ work_mem: "131072" });
    expect(await requestCount(emu, "PUT", PUT_ROUTE, 409)).toBeGreaterThan(0);
  });

  it("is gone when its instance is gone", async () => {
    const state = { instanceId: "ffffffffffffffffffffffffffffffffin14", values: { work_mem: "1" }, originalValues: { work_mem: "2" } };
    expect((await instanceParameters.read("x", state)).id).toBe("");
    await expect(instanceParameters.delete("x", state)).resolves.toBeUndefined();
  });
});
