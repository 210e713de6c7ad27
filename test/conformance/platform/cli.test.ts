import { mkdtempSync, readFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { USAGE, main, parseCliArgs } from "../../../emulator/cli";

describe("tpops-emulator arguments", () => {
  it("has the documented defaults", () => {
    expect(parseCliArgs([])).toEqual({
      help: false,
      certOut: undefined,
      options: { port: 8002, host: "127.0.0.1", tls: true, users: undefined, timeScale: undefined, sessionTimeoutMinutes: undefined, stateFile: undefined },
    });
  });

  it("parses every flag", () => {
    const args = parseCliArgs([
      "--port", "0", "--host", "localhost", "--no-tls", "--cert-out", "ca.pem",
      "--user", "admin:Admin@123", "--user", "ops:Pa:ss@word1", "--time-scale", "0.01",
      "--session-timeout", "30", "--state-file", "s.json", "--quiet",
    ]);
    expect(args).toEqual({
      help: false,
      certOut: "ca.pem",
      options: {
        port: 0,
        host: "localhost",
        tls: false,
        users: [{ name: "admin", password: "Admin@123" }, { name: "ops", password: "Pa:ss@word1" }],
        timeScale: 0.01,
        sessionTimeoutMinutes: 30,
        stateFile: "s.json",
        log: false,
      },
    });
    expect(parseCliArgs(["--tls"]).options.tls).toBe(true);
    expect(parseCliArgs(["--help"]).help).toBe(true);
  });

  it.each([
    [["--port", "70000"], /--port/],
    [["--port", "abc"], /--port/],
    [["--time-scale", "0"], /--time-scale/],
    [["--session-timeout", "1.5"], /--session-timeout/],
    [["--user", "admin"], /NAME:PASSWORD/],
    [["--user", "admin:"], /NAME:PASSWORD/],
    [["--tls", "--no-tls"], /mutually exclusive/],
    [["--colour"], /Unknown option/],
    [["extra"], /positional/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it("never echoes a password in an error", () => {
    expect(() => parseCliArgs(["--user", "adminSecret_1"])).toThrow();
    try {
      parseCliArgs(["--user", "admin:"]);
    } catch (err) {
      expect((err as Error).message).not.toContain("Secret");
    }
  });
});

describe("tpops-emulator main", () => {
  const capture = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) } };
  };

  it("prints exactly one listening line with the /rds base URL, then request logs", async () => {
    const c = capture();
    const emu = await main(["--port", "0", "--no-tls"], c.io);
    expect(emu).toBeDefined();
    try {
      expect(c.out).toEqual([`TPOPS emulator listening on ${emu!.url}\n`]);
      expect(emu!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/rds$/);
      await fetch(`${emu!.url}/gaussdb/v3/hosts`);
      await new Promise((res) => setTimeout(res, 20));
      expect(c.out[1]).toMatch(/GET \/rds\/gaussdb\/v3\/hosts 401/);
    } finally {
      await emu!.close();
    }
  });

  it("writes the certificate with --cert-out", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "tpops-cli-")), "ca.pem");
    const c = capture();
    const emu = await main(["--port", "0", "--cert-out", file, "--quiet"], c.io);
    try {
      expect(emu!.url).toMatch(/^https:/);
      expect(readFileSync(file, "utf8")).toBe(emu!.caCert);
    } finally {
      await emu!.close();
    }
  });

  it("prints usage for --help and exits 2 on bad arguments", async () => {
    const help = capture();
    expect(await main(["--help"], help.io)).toBeUndefined();
    expect(help.out.join("")).toBe(USAGE);
    const bad = capture();
    const before = process.exitCode;
    try {
      expect(await main(["--port", "x"], bad.io)).toBeUndefined();
      expect(process.exitCode).toBe(2);
      expect(bad.err.join("")).toMatch(/--port: invalid value/);
    } finally {
      process.exitCode = before;
    }
  });

  it("the bundled bin starts and stops cleanly on SIGTERM", async () => {
    // Bundle like scripts/build.mjs does, into a temp dir: the suite must not depend on dist/.
    const built = join(mkdtempSync(join(tmpdir(), "tpops-bin-")), "cli.js");
    await build({ entryPoints: [join(__dirname, "../../../emulator/cli.ts")], bundle: true, platform: "node", format: "cjs", outfile: built, banner: { js: "#!/usr/bin/env node" }, logLevel: "silent" });
    const child = spawn(process.execPath, [built, "--port", "0", "--no-tls"], { stdio: ["ignore", "pipe", "pipe"] });
    const line = await new Promise<string>((resolve, reject) => {
      let buf = "";
      child.stdout.on("data", (d: Buffer) => {
        buf += d.toString();
        if (buf.includes("\n")) resolve(buf.split("\n")[0]!);
      });
      child.on("exit", (code) => reject(new Error(`exited ${code}`)));
    });
    expect(line).toMatch(/^TPOPS emulator listening on http:\/\/127\.0\.0\.1:\d+\/rds$/);
    const code = await new Promise<number | null>((resolve) => {
      child.on("exit", (c) => resolve(c));
      child.kill("SIGTERM");
    });
    expect(code).toBe(0);
  });
});
