import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

describe("reference 4.12.1 GET /gaussdb/v3/datastore/versions", () => {
  it("answers the example request with an array of version strings, oldest first", async () => {
    const r = await emu.api("GET", "/gaussdb/v3/datastore/versions");
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ versions: ["3.100.0", "3.103.0", "3.200.0", "3.201.0", "3.301.0"] });
  });

  it("needs a token, ignores query parameters (none documented) and refuses other methods", async () => {
    const anon = await emu.api("GET", "/gaussdb/v3/datastore/versions", undefined, { token: "" });
    expect(anon.status).toBe(401);
    const q = await emu.api("GET", "/gaussdb/v3/datastore/versions?type=GaussDB");
    expect([q.status, q.headers.get("x-emulator-ignored-fields")]).toEqual([200, "?type"]);
    expect((await emu.api("POST", "/gaussdb/v3/datastore/versions", {})).status).toBe(405);
  });

  it("offers exactly these versions to create: another is refused with DBS.200856", async () => {
    const versions: string[] = (await emu.api("GET", "/gaussdb/v3/datastore/versions")).body.versions;
    expect(versions).not.toContain("1.1");
    const r = await emu.api("POST", "/gaussdb/v3/instances", {
      name: "gaussdb-s10d", os_type: "kylin", datastore: { type: "GaussDB", version: "1.1" }, host_type: "BMS", cpu_spec: "intel", arch: "X86",
      ha: { mode: "centralization_standard", consistency: "strong", replication_mode: "sync", consistency_protocol: "quorum" },
      solution: "single", port: "8000", password: "Gauss_234", manage_ip: ["10.1.1.1"],
    });
    expect([r.status, r.body.error_code]).toEqual([400, "DBS.200856"]);
  });
});
