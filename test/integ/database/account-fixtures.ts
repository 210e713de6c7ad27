// Shared setup of the DbUser, DbRole and BuiltinPasswords integ tests: an emulator on port 0 with one ACTIVE
// single-node instance, the provider configured against it, and a capture of everything the provider prints.
import { expect, vi } from "vitest";
import type { TestEmulator } from "../../helpers/emulator";
import { addHosts, createInstance, instanceArgs, PROVIDER, startProviderEmulator } from "../instance-fixtures";
import type { ProviderImpl } from "../../../provider/resources/framework";

export { PROVIDER };

/** Starts the emulator and creates one instance; returns both. */
export async function startWithInstance(): Promise<{ emu: TestEmulator; instanceId: string }> {
  const emu = await startProviderEmulator();
  const { id } = await createInstance(emu, instanceArgs("single", await addHosts(emu, 1)));
  return { emu, instanceId: id };
}

let n = 0;
/** A fresh account name (the emulator keeps accounts across tests of one file). */
export function fresh(prefix: string): string {
  return `${prefix}_${++n}_${process.pid % 1000}`;
}

/** The engine's bookkeeping a generated class passes: Pulumi name and URN. */
export function sdkKeys(type: string, name: string): Record<string, string> {
  return { __autoNamePrefix: name, __urn: `urn:pulumi:test::accounts::pulumi-nodejs:dynamic/tpops:${type}::${name}` };
}

/** check() that must succeed; returns the normalised inputs as the engine would pass them on. */
export async function checked(p: ProviderImpl, news: Record<string, unknown>, olds: Record<string, unknown> = {}) {
  const r = await p.check(olds, { __provider: PROVIDER, ...news });
  expect(r.failures ?? []).toEqual([]);
  return r.inputs!;
}

/** The accounts 4.4.13 lists for the instance, by name. */
export async function listed(emu: TestEmulator, instanceId: string): Promise<Map<string, any>> {
  const r = await emu.api("GET", `/gaussdb/v3/instances/${instanceId}/db-users?limit=100`);
  expect(r.status).toBe(200);
  return new Map((r.body.users as any[]).map((u) => [u.name, u]));
}

/**
 * Whether `name` has the password `pw`, asked the way the API allows: resetting it to that password is refused as
 * "the same as the old one" (A.3 DBS.200475) exactly when it already has it. A 200 changes nothing observable for the
 * test (the password becomes `pw`), so callers ask only about passwords they expect.
 */
export async function hasPassword(emu: TestEmulator, instanceId: string, name: string, pw: string): Promise<boolean> {
  const r = await emu.api("PUT", `/gaussdb/v3/instances/${instanceId}/db-user/password`, { name, password: pw });
  return r.status === 400 && r.body?.error_code === "DBS.200475";
}

/** Captures what the provider writes to stderr (log lines, warnings without an engine) until `stop()`. */
export function captureStderr(): { text: () => string; stop: () => void } {
  const spy = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  return { text: () => spy.mock.calls.map((c) => String(c[0])).join(""), stop: () => spy.mockRestore() };
}

/** The message of what `fn` throws (fails when it does not throw). */
export async function thrown(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (e) {
    return e instanceof Error ? `${e.message} ${String((e as { cause?: unknown }).cause ?? "")}` : String(e);
  }
  throw new Error("expected an error");
}
