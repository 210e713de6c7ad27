// Errors a person can act on, printed once, with the real engine: a change refused by diff (preview) or by update,
// a refused login (read) and http:// against a TLS port (create) each show their message once, with no JavaScript
// stack trace (Pulumi's dynamic-provider host also prints `${e}: ${e.stack}` to stderr for check, diff, read and
// delete); the login names the credential settings, the wrong scheme says to use https://.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { TestProject, type PulumiRun } from "../../helpers/pulumi";
import { SECRETS } from "../helpers";

/** Lines of a JavaScript stack trace (`    at fn (file:line:col)`). */
const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

function all(r: PulumiRun): string {
  return `${r.stdout}\n${r.stderr}`;
}

const oneDataCenter = (name: string) => `import * as tpops from "pulumi-tpops";\nnew tpops.DataCenter("room", { name: "${name}" });\n`;

const program = `
import * as tpops from "pulumi-tpops";
import { Config } from "@pulumi/pulumi";
const cfg = new Config();
const dc = new tpops.DataCenter("room", { name: "errors-room" });
const host = new tpops.Host("h1", {
  dataCenterId: dc.id, manageIp: "10.80.0.1", dataIp: cfg.get("dataIp") ?? "10.81.0.1", virtualIp: "10.82.0.1",
  osType: "kylin", cpuSpec: "intel", rootPassword: "Root_pw_errors_1",
});
new tpops.Instance("db", {
  solution: "single", manageIps: [host.manageIp], osType: "kylin", cpuSpec: "intel", arch: "x86",
  port: 8000, password: "Gauss_errors_pw_1",
});
`;

describe("errors with the real engine", () => {
  let tlsEmu: TestEmulator;
  let emu: TestEmulator;
  const projects: TestProject[] = [];
  beforeAll(async () => {
    tlsEmu = await startTestEmulator({ tls: true });
    emu = await startTestEmulator({ timeScale: 0.0005 });
  });
  afterAll(async () => {
    for (const p of projects) await p.dispose();
    await tlsEmu?.close();
    await emu?.close();
  });

  async function project(name: string, endpoint: string, password: string, source = program): Promise<TestProject> {
    const p = await TestProject.create(name, { "Pulumi.yaml": `name: ${name}\nruntime: nodejs\nmain: index.ts\n`, "index.ts": source });
    projects.push(p);
    await p.setConfig("tpops:endpoint", endpoint);
    await p.setConfig("tpops:username", "admin");
    await p.setConfig("tpops:password", password, true);
    return p;
  }

  /**
   * Asserts `r` failed and showed `message` once, with no stack trace: exactly once in the Diagnostics summary, and
   * elsewhere only in the engine's own `error:` rows of the resource (the --non-interactive progress log repeats a
   * resource's error there). Before the fix the host's `${e}: ${e.stack}` print added "Name: message: Name: message"
   * lines and the stack, to the progress log and to the Diagnostics alike.
   */
  function expectOnce(r: PulumiRun, message: string): void {
    const text = all(r);
    expect(r.code, text).not.toBe(0);
    const at = text.indexOf("\nDiagnostics:\n");
    expect(at, text).toBeGreaterThan(0);
    expect(count(text.slice(at), message), `${message} in the Diagnostics of:\n${text}`).toBe(1);
    for (const line of text.split("\n").filter((l) => l.includes(message))) {
      expect(count(line, message), line).toBe(1);
      expect(line, text).toMatch(/(^|\s)error: /);
    }
    expect(text, text).not.toMatch(STACK_LINE);
  }

  let stack: TestProject;
  it("a stack comes up (set-up of the refused changes below)", async () => {
    stack = await project("errors", emu.url, SECRETS.tpops);
    const up = await stack.up();
    expect(up.code, all(up)).toBe(0);
  }, 180_000);

  it("a refused Host change (framework diff, reference 4.9.3) is shown once, without a stack", async () => {
    await stack.setConfig("dataIp", "10.81.0.99");
    try {
      // --refresh: the state still says "managed"; the platform says the instance now uses the host.
      const preview = await stack.preview(["--refresh"]);
      expectOnce(preview, "dataIp cannot change while the host is in_use");
    } finally {
      await stack.setConfig("dataIp", "10.81.0.1");
    }
  }, 120_000);

  it("the same change refused by the update (the state was stale at preview) is shown once, without a stack", async () => {
    await stack.setConfig("dataIp", "10.81.0.99");
    try {
      // No refresh: the preview plans an update from the stale state; the update asks the platform and refuses.
      const up = await stack.up();
      expectOnce(up, "dataIp cannot change while the host is in_use");
    } finally {
      await stack.setConfig("dataIp", "10.81.0.1");
    }
  }, 120_000);

  it("a wrong password (environment) names the settings, once, without the password or a stack", async () => {
    // Only the environment holds the password: a refresh reads with the stack's recorded provider config, and that
    // has none, so TPOPS_PASSWORD of this run is what the provider uses.
    const p = await TestProject.create("errors-login", { "Pulumi.yaml": "name: errors-login\nruntime: nodejs\nmain: index.ts\n", "index.ts": oneDataCenter("errors-login-room") }, { env: { TPOPS_PASSWORD: SECRETS.tpops } });
    projects.push(p);
    await p.setConfig("tpops:endpoint", emu.url);
    await p.setConfig("tpops:username", "admin");
    const up = await p.up();
    expect(up.code, all(up)).toBe(0);
    // The refresh reads the data center: the login is refused (reference 4.1.1, A.3 DBS.200029).
    const preview = await p.run(["preview", "--refresh"], { env: { TPOPS_PASSWORD: "Wrong_pw_4711" } });
    expectOnce(preview, "DBS.200029");
    for (const name of ["tpops:username", "tpops:password", "TPOPS_USERNAME", "TPOPS_PASSWORD"]) expect(all(preview)).toContain(name);
    expect(all(preview)).not.toContain("Wrong_pw_4711");
    expect((await p.destroy()).code).toBe(0);
  }, 180_000);

  it("a wrong password (stack config) fails the create the same way", async () => {
    const p = await project("errors-login-create", emu.url, "Wrong_pw_4712", oneDataCenter("login-create-room"));
    const up = await p.up();
    expectOnce(up, "DBS.200029");
    expect(all(up)).toContain("tpops:password");
    expect(all(up)).toContain("TPOPS_PASSWORD");
    expect(all(up)).not.toContain("Wrong_pw_4712");
  }, 120_000);

  it("http:// against the TLS emulator says to use https://, at once, without a stack", async () => {
    const p = await project("errors-scheme", tlsEmu.url.replace(/^https:/, "http:"), SECRETS.tpops, oneDataCenter("scheme-room"));
    const up = await p.up();
    const text = all(up);
    expect(up.code, text).not.toBe(0);
    expect(text).toContain(`Use ${tlsEmu.url} (stack config tpops:endpoint or env TPOPS_ENDPOINT)`);
    expect(text).not.toMatch(/retrying in/); // a wrong scheme is not retried
    expect(text).not.toMatch(STACK_LINE);
  }, 120_000);

  it("the stack is destroyed", async () => {
    const d = await stack.destroy();
    expect(d.code, all(d)).toBe(0);
  }, 180_000);
});
