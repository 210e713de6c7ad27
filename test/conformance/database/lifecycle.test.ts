import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { SETUP_TIME_SCALE, TEST_TIME_SCALE, hangNextJob, resetDcs } from "../instance-fixtures";
import { GOOD_PASSWORD, createDatabase, createRole, createSchemas, createUser, dbInstance, inst, listedUser, ok, refused } from "./fixtures";

/** One valid request per 4.4 change, on an instance where the named objects exist (or not: validity of shape only). */
const CHANGES: [string, string, string, unknown][] = [
  ["4.4.1", "POST", "/database", { name: "busy_db" }],
  ["4.4.2", "POST", "/schema", { db_name: "busy_db", schemas: [{ name: "s1", owner: "root" }] }],
  ["4.4.4", "POST", "/db-user", { name: "busy_user", password: GOOD_PASSWORD }],
  ["4.4.5", "DELETE", "/db-user", { name: "busy_user" }],
  ["4.4.6", "POST", "/db-user/privileges", { privileges: [{ name: "root", operation: "grant", scope: "database", privilege: "CREATE", database_name: "postgres" }] }],
  ["4.4.7", "POST", "/db-user/attributes", { name: "root", attributes: { createdb_enabled: true } }],
  ["4.4.8", "PUT", "/db-user/init-password", { metric_name: "rdsMetric", metric_password: "Metric@2024" }],
  ["4.4.9", "PUT", "/db-user/password", { name: "root", password: "Root@2024x" }],
  ["4.4.10", "PUT", "/db-user/lock", { name: "root" }],
  ["4.4.11", "PUT", "/db-user/unlock", { name: "root" }],
  ["4.4.16", "POST", "/db-role", { name: "busy_role", password: GOOD_PASSWORD }],
  ["4.4.17", "DELETE", "/db-role", { name: "busy_role" }],
  ["4.4.18", "POST", "/db-user/privileges@v3.1", { system_permissions: { operation_type: "grant", operations: [{ name: "root", attributes: { createdb_enabled: true } }] } }],
];
const LISTS: [string, string][] = [
  ["4.4.3", "/schemas?db_name=postgres"],
  ["4.4.12", "/databases"],
  ["4.4.13", "/db-users"],
];
const call = (emu: TestEmulator, id: string, method: string, path: string, body?: unknown) => {
  const [p, version] = path.split("@");
  return emu.api(method, `${inst(id, version ?? "v3")}${p}`, body);
};
const UNKNOWN = "0123456789abcdef0123456789abcdefin14";

describe("instance state (reference 4.4.1 / 4.4.2 接口约束, A.3)", () => {
  let emu: TestEmulator;
  let busy: string;
  let other: string;
  beforeAll(async () => {
    emu = await startTestEmulator();
    busy = await dbInstance(emu);
    other = await dbInstance(emu);
    await hangNextJob(emu, "RestartGaussDBInstance");
    expect((await emu.api("POST", `${inst(busy)}/restart`)).status).toBe(202);
  });
  afterAll(async () => {
    await emu.close();
  });

  it.each(CHANGES)("%s %s %s answers 409 DBS.200019 while a job runs on the instance", async (_ref, method, path, body) => {
    refused(await call(emu, busy, method, path, body), 409, "DBS.200019");
  });

  it.each(LISTS)("%s GET %s still answers while a job runs", async (_ref, path) => {
    expect((await call(emu, busy, "GET", path)).status).toBe(200);
  });

  it.each(CHANGES)("%s %s %s refuses an instance that is not ACTIVE (DBS.216009), FAILED (DBS.280011) or stopped (DBS.216011)", async (_ref, method, path, body) => {
    // out of band: the states themselves take minutes of jobs to reach
    const record = emu.ctx.state.data.instances[other] as unknown as { status: string; nodes: { status: string }[] };
    const nodeStatus = record.nodes.map((n) => n.status);
    try {
      record.status = "BUILD";
      refused(await call(emu, other, method, path, body), 400, "DBS.216009");
      record.status = "FAILED";
      refused(await call(emu, other, method, path, body), 400, "DBS.280011");
      record.status = "ACTIVE";
      for (const n of record.nodes) n.status = "STOPPED";
      refused(await call(emu, other, method, path, body), 400, "DBS.216011");
    } finally {
      record.status = "ACTIVE";
      record.nodes.forEach((n, i) => (n.status = nodeStatus[i] as string));
    }
  });

  it.each([...CHANGES.map(([ref, method, path, body]) => [ref, method, path, body] as const), ...LISTS.map(([ref, path]) => [ref, "GET", path, undefined] as const)])(
    "%s %s %s refuses an unknown instance (DBS.200002)",
    async (_ref, method, path, body) => {
      refused(await call(emu, UNKNOWN, method, path, body), 400, "DBS.200002");
    },
  );
});

describe("the objects belong to their instance", () => {
  it("are deleted with it: gone from the state dump and the state file; the calls answer DBS.200002", async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), "tpops-db-")), "state.json");
    const emu = await startTestEmulator({ stateFile });
    resetDcs(); // data centers are cached per emulator
    try {
      const id = await dbInstance(emu);
      const keep = await dbInstance(emu);
      for (const target of [id, keep]) {
        await createUser(emu, target, "owner_u");
        await createDatabase(emu, target, "owned_db", { owner: "owner_u" });
        await createSchemas(emu, target, "owned_db", [{ name: "owned_s", owner: "owner_u" }]);
        await createRole(emu, target, "a_role");
        ok(await emu.api("POST", `${inst(target)}/db-user/privileges`, { privileges: [{ name: "a_role", operation: "grant", scope: "database", privilege: "CREATE", database_name: "owned_db" }] }));
      }
      const before = (await emu.control.state()) as any;
      expect(before.databases.map((d: any) => d.instance_id).sort()).toEqual([id, keep].sort());
      await emu.control.setTimeScale(SETUP_TIME_SCALE);
      const del = await emu.api("DELETE", `/gaussdb/v3/instances/${id}/management`, { clear_data: true });
      expect(del.status).toBe(202);
      expect((await emu.waitJob(del.body.job_id)).status).toBe("Completed");
      await emu.control.setTimeScale(TEST_TIME_SCALE);
      const after = (await emu.control.state()) as any;
      for (const key of ["databases", "dbSchemas", "dbUsers", "dbRoles", "dbGrants"]) {
        expect(after[key].length, key).toBeGreaterThan(0);
        expect(after[key].every((r: any) => r.instance_id === keep), key).toBe(true);
      }
      const saved = JSON.parse(readFileSync(stateFile, "utf8")).collections;
      for (const key of ["dbDatabases", "dbSchemas", "dbAccounts", "dbGrants"]) {
        expect(Object.values(saved[key]).every((r: any) => r.instance_id === keep), key).toBe(true);
      }
      refused(await emu.api("GET", `${inst(id)}/db-users`), 400, "DBS.200002");
    } finally {
      await emu.close();
    }
  });
});

describe("state file (--state-file)", () => {
  it("keeps databases, schemas, users, roles, grants, memberships, locks, attributes and password checks across a restart; never a password", async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), "tpops-db-")), "state.json");
    const first = await startTestEmulator({ stateFile });
    resetDcs(); // data centers are cached per emulator
    let id: string;
    const snapshot = async (emu: TestEmulator) => ({
      databases: (await emu.api("GET", `${inst(id)}/databases?limit=100`)).body,
      schemas: (await emu.api("GET", `${inst(id)}/schemas?db_name=app`)).body,
      users: (await emu.api("GET", `${inst(id)}/db-users?limit=100`)).body,
      grants: ((await emu.control.state()) as any).dbGrants,
    });
    let before: Awaited<ReturnType<typeof snapshot>>;
    try {
      id = await dbInstance(first);
      await createUser(first, id, "app_user", { password: "Secret@Pw2024" });
      await createRole(first, id, "app_role");
      await createDatabase(first, id, "app", { owner: "app_user", character_set: "GBK" });
      await createSchemas(first, id, "app", [{ name: "app_s", owner: "app_user" }]);
      ok(await first.api("PUT", `${inst(id)}/db-user/lock`, { name: "app_user" }));
      ok(await first.api("POST", `${inst(id)}/db-user/attributes`, { name: "app_user", attributes: { replication_enabled: true } }));
      ok(await first.api("POST", `${inst(id, "v3.1")}/db-user/privileges`, {
        user_role_permissions: { operation_type: "grant", operations: [{ source_name: "app_role", target_name: "app_user" }] },
        schema_permissions: { operation_type: "grant", operations: [{ name: "app_role", database_name: "app", schema_name: "app_s", attributes: { usage_enabled: true } }] },
      }));
      ok(await first.api("PUT", `${inst(id)}/db-user/init-password`, { root_name: "root", root_password: "Root@Pw2024" }));
      before = await snapshot(first);
      expect(before.users.users.find((u: any) => u.name === "app_user")).toMatchObject({ lock_status: true, memberof: "{app_role}", attribute: { rolreplication: true } });
    } finally {
      await first.close();
    }
    const text = readFileSync(stateFile, "utf8");
    for (const secret of ["Secret@Pw2024", "Root@Pw2024", GOOD_PASSWORD]) expect(text).not.toContain(secret);

    const second = await startTestEmulator({ stateFile });
    try {
      const after = await snapshot(second);
      const deadlines = (b: typeof before) => ({ ...b, users: { ...b.users, users: b.users.users.map((u: any) => ({ ...u, attribute: { ...u.attribute, rolpassworddeadline: "-" } })) } });
      expect(deadlines(after)).toEqual(deadlines(before));
      // the stored password hashes survived: the old passwords are still recognised
      refused(await second.api("PUT", `${inst(id)}/db-user/password`, { name: "app_user", password: "Secret@Pw2024" }), 400, "DBS.200475");
      refused(await second.api("PUT", `${inst(id)}/db-user/init-password`, { root_name: "root", root_password: "Root@Pw2024" }), 400, "DBS.200475");
      expect(await listedUser(second, id, "app_role")).toMatchObject({ attribute: { rolcanlogin: false } });
    } finally {
      await second.close();
    }
  });
});
