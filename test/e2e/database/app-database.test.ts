// Database objects as code with the real engine, on examples/app-database: instance → database → schema →
// two users (one login-only) → a role → privileges on schema and table scope; no-change re-run; a user locked
// and an attribute changed out of band are drift that `up --refresh` repairs; a password rotation is an
// in-place update and no password reaches the state or the engine output; a privilege removed from the program
// is revoked; destroy leaves no user, role or grant behind and says what the API cannot drop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import type { PulumiRun, TestProject } from "../../helpers/pulumi";
import { activeInstance } from "../../conformance/instance-fixtures";
import { exampleProject, expectNoIgnoredFields, programProject } from "../helpers";

let emu: TestEmulator;
let p: TestProject;
let instanceId: string;
const PW = { migrator: "Migrator#Pw2e7710", app: "App#Pw2e7710x", appRotated: "App#Pw2e7711y", reader: "Reader#Pw2e7710" };
const outputs: string[] = [];

const ok = (r: PulumiRun) => {
  outputs.push(r.stdout, r.stderr);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return r.stdout + r.stderr;
};

interface Account {
  name: string;
  locked: boolean;
  attributes: Record<string, unknown>;
}
interface Grant {
  grantee: string;
  scope: string;
  privilege: string;
  object: string | null;
}

async function live() {
  const s = (await emu.control.state()) as unknown as { dbUsers: Account[]; dbRoles: Account[]; dbGrants: Grant[]; databases: { name: string }[]; dbSchemas: { name: string }[] };
  const mine = (a: { name: string }) => a.name.startsWith("orders_");
  return { users: s.dbUsers.filter(mine), roles: s.dbRoles.filter(mine), grants: s.dbGrants.filter((g) => g.grantee.startsWith("orders_")), databases: s.databases, schemas: s.dbSchemas };
}

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 0.001 });
  ({ id: instanceId } = await activeInstance(emu, "single"));
  p = await exampleProject("app-database", emu);
  await p.setConfig("instanceId", instanceId);
  await p.setConfig("migratorPassword", PW.migrator, true);
  await p.setConfig("appPassword", PW.app, true);
  await p.setConfig("readerPassword", PW.reader, true);
});
afterAll(async () => {
  await p?.dispose();
  await emu?.close();
});

describe("app-database example", () => {
  it("creates the database, schema, users, role, membership and privileges", async () => {
    ok(await p.up());
    const l = await live();
    expect(l.databases.map((d) => d.name)).toContain("orders");
    expect(l.schemas.map((s) => s.name)).toContain("app");
    expect(l.users.map((u) => u.name).sort()).toEqual(["orders_app", "orders_migrator"]);
    expect(l.grants.filter((g) => g.grantee === "orders_migrator").map((g) => g.privilege).sort()).toEqual(["CREATE", "USAGE"]);
    expect(l.roles.map((r) => r.name)).toEqual(["orders_readers"]);
    const appTables = l.grants.filter((g) => g.grantee === "orders_app" && g.scope === "table");
    expect(new Set(appTables.map((g) => g.privilege))).toEqual(new Set(["SELECT", "INSERT", "UPDATE"]));
    expect(l.grants.some((g) => g.grantee === "orders_app" && g.scope === "schema" && g.privilege === "USAGE")).toBe(true);
    expect(l.grants.filter((g) => g.grantee === "orders_readers").map((g) => g.privilege)).toEqual(["SELECT", "SELECT"]);
  });

  it("re-runs without changes", async () => {
    const again = ok(await p.up());
    expect(again).not.toMatch(/\d+ (created|updated|replaced|deleted)/);
    ok(await p.preview(["--expect-no-changes"]));
  });

  it("detects a user locked and an attribute changed out of band, and up --refresh repairs both", async () => {
    expect((await emu.api("PUT", `/gaussdb/v3/instances/${instanceId}/db-user/lock`, { name: "orders_app" })).status).toBe(200);
    const attr = await emu.api("POST", `/gaussdb/v3/instances/${instanceId}/db-user/attributes`, { name: "orders_migrator", attributes: { createdb_enabled: false } });
    expect(attr.status).toBe(200);
    const drift = await p.preview(["--refresh", "--expect-no-changes", "--diff"]);
    expect(drift.code).not.toBe(0);
    expect(drift.stdout).toMatch(/locked/);
    expect(drift.stdout).toMatch(/createDb/);
    ok(await p.up(["--refresh"]));
    const l = await live();
    expect(l.users.find((u) => u.name === "orders_app")?.locked).toBe(false);
    ok(await p.preview(["--refresh", "--expect-no-changes"]));
  });

  it("rotates a password in place; no password is in the state or the engine output", async () => {
    await p.setConfig("appPassword", PW.appRotated, true);
    const rotated = ok(await p.up());
    expect(rotated).toMatch(/~ 1 updated/);
    expect(rotated).not.toMatch(/replaced/);
    const state = await p.exportState();
    for (const pw of Object.values(PW)) {
      expect(state).not.toContain(pw);
      expect(outputs.join("")).not.toContain(pw);
    }
  });

  it("revokes a privilege the program no longer grants", async () => {
    await p.setConfig("appTablePrivileges", "SELECT");
    ok(await p.up());
    const appTables = (await live()).grants.filter((g) => g.grantee === "orders_app" && g.scope === "table");
    expect(new Set(appTables.map((g) => g.privilege))).toEqual(new Set(["SELECT"]));
  });

  it("destroy leaves no user, role or grant, and says the database and schema remain", async () => {
    const destroyed = ok(await p.destroy());
    const l = await live();
    expect(l.users).toEqual([]);
    expect(l.roles).toEqual([]);
    expect(l.grants).toEqual([]);
    // The reference has no call that drops a database or a schema: they stay, and destroy says so.
    expect(l.databases.map((d) => d.name)).toContain("orders");
    expect(destroyed).toMatch(/Database \(orders\):[\s\S]*still exists/);
    expect(destroyed).toMatch(/Schema \(orders-app-schema\):[\s\S]*still exists/);
    await expectNoIgnoredFields(emu);
  });
});

describe("BuiltinPasswords", () => {
  it("sets a built-in user's password (secret even as config), rotates it in place and leaves it on destroy", async () => {
    const q = await programProject(
      "builtin-passwords",
      `
import * as pulumi from "@pulumi/pulumi";
import * as tpops from "pulumi-tpops";
new tpops.BuiltinPasswords("builtin", { instanceId: "${instanceId}", rdsMetricPassword: new pulumi.Config().require("metric") });
`,
      emu,
    );
    try {
      const first = "Metric#Pw2e7710";
      const second = "Metric#Pw2e7711";
      // A plain (not --secret) config value: the class makes the input secret itself.
      await q.setConfig("metric", first);
      const up = await q.up();
      expect(up.code, up.stdout + up.stderr).toBe(0);
      // The platform has it: setting the same password again is refused as "the same as the old one" (A.3 DBS.200475).
      const same = await emu.api("PUT", `/gaussdb/v3/instances/${instanceId}/db-user/init-password`, { metric_name: "rdsMetric", metric_password: first });
      expect(same.body?.error_code).toBe("DBS.200475");
      await q.setConfig("metric", second);
      const rotated = await q.up();
      expect(rotated.code, rotated.stdout + rotated.stderr).toBe(0);
      expect(rotated.stdout).toMatch(/~ 1 updated/);
      const state = JSON.parse(await q.exportState()) as { deployment: { resources: { urn: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }[] } };
      const res = state.deployment.resources.find((r) => r.urn.endsWith("::builtin"))!;
      expect(JSON.stringify(res)).not.toContain(second);
      expect(JSON.stringify(res.inputs?.rdsMetricPassword)).toContain("4dabf18193072939515e22adb298388d");
      expect((await q.preview(["--expect-no-changes"])).code).toBe(0);
      const destroyed = await q.destroy();
      expect(destroyed.code, destroyed.stdout).toBe(0);
      expect(destroyed.stdout).toMatch(/stay as this resource set them/);
      for (const pw of [first, second]) expect(up.stdout + rotated.stdout + destroyed.stdout).not.toContain(pw);
    } finally {
      await q.dispose();
    }
  });
});
