import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startEmulator } from "../../../emulator";
import { startTestEmulator } from "../../helpers/emulator";
import { createDataCenter, hostEntry } from "../fixtures";

const tmpFile = () => join(mkdtempSync(join(tmpdir(), "tpops-state-")), "state.json");

describe("stateFile", () => {
  it("persists on change and resumes a running job after a restart", async () => {
    const stateFile = tmpFile();
    const first = await startTestEmulator({ stateFile, timeScale: 0.01 }); // AddHosts: 600 ms
    const dc = await createDataCenter(first, "AZ-persist");
    const r = await first.api("POST", "/gaussdb/v3/hosts", { hosts: [hostEntry("10.0.0.1", dc)] });
    expect(r.status).toBe(202);
    const saved = readFileSync(stateFile, "utf8");
    expect(saved).toContain("AZ-persist");
    expect(saved).not.toContain("Test_345612"); // the root password is never stored
    await first.close(); // the job is still running

    const second = await startTestEmulator({ stateFile, timeScale: 0.01 });
    try {
      const during = (await second.api("GET", "/gaussdb/v3/hosts")).body.hosts[0];
      expect(during).toMatchObject({ status: "initializing", job_id: r.body.job_id, data_center: "AZ-persist" });
      const job = await second.waitJob(r.body.job_id);
      expect(job).toMatchObject({ status: "Completed", name: "AddHosts" });
      expect((await second.api("GET", "/gaussdb/v3/hosts")).body.hosts[0].status).toBe("initialized");
    } finally {
      await second.close();
    }
    // the completion was persisted too
    expect(JSON.parse(readFileSync(stateFile, "utf8")).collections.hosts).toMatchObject({ [r.body.hosts[0].id]: { status: "initialized" } });
  });

  it("completes jobs that became overdue while the emulator was down", async () => {
    const stateFile = tmpFile();
    const first = await startTestEmulator({ stateFile, timeScale: 0.005 }); // RemoveHosts: 150 ms
    const dc = await createDataCenter(first);
    const add = await first.api("POST", "/gaussdb/v3/hosts", { hosts: [hostEntry("10.0.0.1", dc)] });
    await first.waitJob(add.body.job_id);
    const del = await first.api("DELETE", "/gaussdb/v3/hosts", { hosts: [{ manage_ip: "10.0.0.1", ssh_port: 22, os_root_pwd: "x" }] });
    await first.close();
    await new Promise((res) => setTimeout(res, 300));
    const second = await startTestEmulator({ stateFile, timeScale: 0.005 });
    try {
      expect((await second.waitJob(del.body.job_id, 2000)).status).toBe("Completed");
      expect((await second.api("GET", "/gaussdb/v3/hosts")).body.total_count).toBe(0);
    } finally {
      await second.close();
    }
  });

  it("refuses to start on a file that is not a state file", async () => {
    const stateFile = tmpFile();
    writeFileSync(stateFile, JSON.stringify({ hello: "world" }));
    await expect(startEmulator({ port: 0, tls: false, log: false, stateFile })).rejects.toThrow(/not a TPOPS emulator state file/);
  });
});
