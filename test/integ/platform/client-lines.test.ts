// The client's lines during a resource's call go to that resource (its row; without an engine, a stderr line that
// names it), not anonymously under the stack: a BackupPolicy created while its instance is busy with a backup job
// retries the 409 DBS.200019 (reference A.3) and each retry line carries the resource's label. Outside a resource's
// call the client's lines stay plain stderr lines, and warnings are never moved.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEmulator } from "../../helpers/emulator";
import { clientLog, withClientLines } from "../../../provider/config";
import { backupPolicy } from "../../../provider/resources/backup/backup-policy";
import { resetProviderLog } from "../../../provider/config";
import { addHosts, checked, createInstance, instanceArgs, startProviderEmulator } from "../instance-fixtures";
import { stderrOf } from "../../helpers/stderr";

let emu: TestEmulator;
let INSTANCE: string;

beforeAll(async () => {
  emu = await startProviderEmulator();
  INSTANCE = (await createInstance(emu, instanceArgs("single", await addHosts(emu, 1)))).id;
  resetProviderLog();
});
afterAll(async () => emu?.close());

describe("client lines", () => {
  it("inside a scope go to its sink (info only); outside, and warnings, to stderr", async () => {
    const got: string[] = [];
    const out = await stderrOf(async () => {
      withClientLines((m) => got.push(m), () => {
        clientLog("info", "PUT /x: HTTP 409 DBS.200019; retrying");
        clientLog("warn", "plain http");
      });
      clientLog("info", "GET /y: retrying");
    });
    expect(got).toEqual(["PUT /x: HTTP 409 DBS.200019; retrying"]);
    expect(out).toContain("[tpops] warn: plain http");
    expect(out).toContain("[tpops] GET /y: retrying");
    expect(out).not.toContain("/x");
  });

  it("a resource's retries of a busy instance carry the resource's name", async () => {
    // The instance is busy with a manual backup (4.2.7) for a while at this pace.
    await emu.control.setTimeScale(0.003);
    const b = await emu.api("POST", "/gaussdb/v3/backups", { instance_id: INSTANCE, name: "busy-now" });
    expect(b.status).toBe(202);
    const inputs = await checked(backupPolicy, { instanceId: INSTANCE, keepDays: 9, __autoNamePrefix: "orders-backups" });
    const text = await stderrOf(() => backupPolicy.create(inputs));
    const retries = text.split("\n").filter((l) => /DBS\.200019; retrying/.test(l));
    expect(retries.length).toBeGreaterThan(0);
    for (const l of retries) expect(l).toMatch(/^\[tpops\] BackupPolicy orders-backups: PUT \/gaussdb\/v3\/instances\/\w+\/backups\/policy: HTTP 409 DBS\.200019; retrying in \d+ ms/);
    expect((await emu.api("GET", `/gaussdb/v3/instances/${INSTANCE}/backups/policy`)).body.backup_policy.keep_days).toBe(9);
  });
});
