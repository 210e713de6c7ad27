import { expect } from "vitest";
import type { RawResponse, TestEmulator } from "../../helpers/emulator";
import { activeInstance } from "../instance-fixtures";

/** The instance path of reference 4.4 (relative to /rds). */
export const inst = (id: string, version = "v3") => `/gaussdb/${version}/instances/${id}`;

/** A single-node ACTIVE instance (the cheapest solution to build). */
export async function dbInstance(emu: TestEmulator): Promise<string> {
  return (await activeInstance(emu, "single")).id;
}

let counter = 0;
/** A fresh object name, valid under the 4.4 name rules (letters, digits, underscores; not "pg" or a digit first). */
export function fresh(prefix = "obj"): string {
  counter += 1;
  return `${prefix}_${counter}`;
}

/** A password that passes the 4.4.16 rule. */
export const GOOD_PASSWORD = "Gauss@2024";

/** Expect a 200 with no body (every 4.4 change: "响应示例 无"). */
export function ok(r: RawResponse): void {
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(r.body).toBeUndefined();
}

/** Expect a refusal with this status and A.3 code. */
export function refused(r: RawResponse, status: number, code: string): void {
  expect({ status: r.status, code: r.body?.error_code }, JSON.stringify(r.body)).toEqual({ status, code });
  expect(r.body.error_msg).toEqual(expect.any(String));
}

/** Create a database user (4.4.4) and expect success. */
export async function createUser(emu: TestEmulator, id: string, name: string, extra: Record<string, unknown> = {}): Promise<void> {
  ok(await emu.api("POST", `${inst(id)}/db-user`, { name, password: GOOD_PASSWORD, ...extra }));
}

/** Create a database role (4.4.16) and expect success. */
export async function createRole(emu: TestEmulator, id: string, name: string): Promise<void> {
  ok(await emu.api("POST", `${inst(id)}/db-role`, { name, password: GOOD_PASSWORD }));
}

/** Create a database (4.4.1) and expect success. */
export async function createDatabase(emu: TestEmulator, id: string, name: string, extra: Record<string, unknown> = {}): Promise<void> {
  ok(await emu.api("POST", `${inst(id)}/database`, { name, ...extra }));
}

/** Create schemas in a database (4.4.2) and expect success. */
export async function createSchemas(emu: TestEmulator, id: string, db: string, schemas: { name: string; owner: string }[]): Promise<void> {
  ok(await emu.api("POST", `${inst(id)}/schema`, { db_name: db, schemas }));
}

/** The 4.4.13 entry of one account, or undefined. */
export async function listedUser(emu: TestEmulator, id: string, name: string): Promise<any> {
  const r = await emu.api("GET", `${inst(id)}/db-users?limit=100`);
  expect(r.status).toBe(200);
  return r.body.users.find((u: { name: string }) => u.name === name);
}
