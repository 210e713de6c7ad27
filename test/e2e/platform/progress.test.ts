// Issue 14 with the real engine: job progress is status on the resource's own row (an ephemeral engine
// message carrying the resource's URN), not lines under the stack repeated in Diagnostics; real warnings
// (a parameter pending restart) are attached to their resource.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import type { TestProject } from "../../helpers/pulumi";
import { expectNoIgnoredFields, programProject } from "../helpers";

let emu: TestEmulator;
let p: TestProject;

const program = `
import * as tpops from "pulumi-tpops";
const dc = new tpops.DataCenter("room");
const host = new tpops.Host("db-host", {
  dataCenterId: dc.id, manageIp: "10.91.0.1", dataIp: "10.92.0.1", virtualIp: "10.93.0.1",
  osType: "kylin", cpuSpec: "intel", rootPassword: "Root_pw_progress_1",
});
const db = new tpops.Instance("orders-db", {
  solution: "single", manageIps: [host.manageIp], osType: "kylin", cpuSpec: "intel", arch: "x86", password: "Gauss_progress_1x",
});
// max_connections needs a restart (template flag): without restartIfRequired it stays pending, with a warning.
new tpops.InstanceParameters("orders-params", { instanceId: db.id, values: { max_connections: "700" } });
`;

interface EngineEvent {
  diagnosticEvent?: { urn?: string; message: string; severity: string; ephemeral?: boolean };
}

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 0.003 }); // the instance create job takes about 4 s
  p = await programProject("progress", program, emu);
});
afterAll(async () => {
  if (p) await p.destroy();
  await p?.dispose();
  await emu?.close();
});

describe("progress on the resource's row", () => {
  it("sends job progress as ephemeral status with the Instance's URN, and the pending-restart warning on its resource", async () => {
    const log = join(p.dir, "events.jsonl");
    // `--event-log` is one of the engine's debug commands (PULUMI_DEBUG_COMMANDS).
    const up = await p.run(["up", "--yes", "--skip-preview", "--event-log", log], { env: { PULUMI_DEBUG_COMMANDS: "true" } });
    expect(up.code, up.stdout + up.stderr).toBe(0);
    const events = (await readFile(log, "utf8"))
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as EngineEvent)
      .flatMap((e) => (e.diagnosticEvent ? [e.diagnosticEvent] : []));

    const instanceUrn = "urn:pulumi:test::progress::pulumi-nodejs:dynamic/tpops:Instance::orders-db";
    const progress = events.filter((d) => /installing the database/.test(d.message));
    expect(progress.length).toBeGreaterThan(0);
    for (const d of progress) {
      expect(d.urn).toBe(instanceUrn);
      expect(d.ephemeral).toBe(true);
      // The step, the job's percentage and the time elapsed.
      expect(d.message).toMatch(/installing the database \(job \w+ (Running|Completed)( \d+%)?\) \[\d+(s|m\d\ds)\]/);
    }
    // One message per change: no two identical progress lines in a row.
    const texts = progress.map((d) => d.message.replace(/ \[.*\]$/, ""));
    expect(texts.filter((t, i) => i > 0 && t === texts[i - 1])).toEqual([]);

    const warning = events.find((d) => /take effect only after instance .* restarts/.test(d.message));
    expect(warning, JSON.stringify(events.filter((d) => d.severity.startsWith("warning")))).toBeDefined();
    expect(warning!.urn).toBe("urn:pulumi:test::progress::pulumi-nodejs:dynamic/tpops:InstanceParameters::orders-params");
    expect(warning!.severity).toMatch(/^warning/);
    expect(warning!.ephemeral ?? false).toBe(false);

    // Diagnostics keep what matters: the warning, under its resource; no progress lines, nothing under the stack.
    const diagnostics = up.stdout.slice(up.stdout.indexOf("Diagnostics:"));
    expect(diagnostics).not.toMatch(/installing the database|adding host/);
    expect(diagnostics).toMatch(/InstanceParameters \(orders-params\):\s+warning: max_connections take effect only after instance/);
    expect(up.stdout).not.toMatch(/pulumi:pulumi:Stack progress-test {2}\[tpops\]/);
    await expectNoIgnoredFields(emu);
  });
});
