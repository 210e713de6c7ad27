import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TpopsClient, TpopsConfigError, TpopsTlsError, ops, type LogLevel, type TpopsClientConfig } from "../../../provider/client";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";

let emu: TestEmulator;
const clients: TpopsClient[] = [];
const logs: { level: LogLevel; msg: string }[] = [];

function client(over: Partial<TpopsClientConfig>): TpopsClient {
  const c = new TpopsClient({
    endpoint: emu.url,
    username: "admin",
    password: "Admin@123",
    log: (level, msg) => logs.push({ level, msg }),
    retry: { baseDelayMs: 1, maxDelayMs: 1 },
    ...over,
  });
  clients.push(c);
  return c;
}

beforeAll(async () => {
  emu = await startTestEmulator({ tls: true });
  expect(emu.url).toMatch(/^https:/);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await emu.close();
});

describe("TLS", () => {
  it("refuses a self-signed certificate by default, naming the fix", async () => {
    const c = client({});
    const e = await c.call(ops.dataCenters.list).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TpopsTlsError);
    const tls = e as TpopsTlsError;
    expect(tls.code).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
    expect(tls.message).toContain("caCert");
    expect(tls.message).toContain("TPOPS_CA_CERT");
    expect(tls.message).toContain("insecure");
    expect(c.stats.requests).toBe(1);
  });

  it("trusts the platform CA given as PEM content", async () => {
    const c = client({ caCert: emu.caCert });
    await expect(c.call(ops.dataCenters.list)).resolves.toMatchObject({ data_centers: [] });
  });

  it("trusts the platform CA given as a file path", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tpops-ca-"));
    const file = join(dir, "ca.pem");
    writeFileSync(file, emu.caCert!);
    const c = client({ caCert: file });
    await expect(c.call(ops.dataCenters.list)).resolves.toBeTruthy();
  });

  it("reports an unreadable or non-PEM caCert as a configuration error", () => {
    expect(() => client({ caCert: "/nonexistent/ca.pem" })).toThrow(TpopsConfigError);
    expect(() => client({ caCert: "/nonexistent/ca.pem" })).toThrow(/caCert: cannot read .*ENOENT/);
    expect(() => client({ caCert: "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----" })).toThrow(/no PEM certificate/);
  });

  it("skips verification only with insecure: true, and warns once", async () => {
    logs.length = 0;
    const a = client({ insecure: true });
    await expect(a.call(ops.dataCenters.list)).resolves.toBeTruthy();
    const b = client({ insecure: true });
    await expect(b.call(ops.dataCenters.list)).resolves.toBeTruthy();
    const warnings = logs.filter((l) => l.level === "warn");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toMatch(/verification is disabled/);
  });

  it("explains a TLS client talking to a plain-http port", async () => {
    const plain = await startTestEmulator({ tls: false });
    try {
      const c = client({ endpoint: plain.url.replace(/^http:/, "https:") });
      const e = await c.call(ops.dataCenters.list).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(TpopsTlsError);
      expect((e as Error).message).toMatch(/does not speak TLS/);
    } finally {
      await plain.close();
    }
  });
});
