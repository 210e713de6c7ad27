import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "./server";

/** `tpops-emulator --help` text. */
export const USAGE = `Usage: tpops-emulator [options]

A faithful stand-in for the TPOPS 24.1.30 REST API (base path /rds).

Options:
  --port N                 TCP port (default 8002; 0 = any free port)
  --host ADDR              listen address (default 127.0.0.1)
  --tls / --no-tls         serve HTTPS with a self-signed certificate (default --tls)
  --cert-out FILE          write the certificate (PEM) to trust to FILE
  --user NAME:PASSWORD     login user (repeatable; default admin:Admin@123)
  --time-scale F           multiply job durations by F (default 1.0; 0.01 = 100x faster)
  --session-timeout MIN    token lifetime in minutes (default 1440)
  --state-file FILE        persist state to FILE and load it at start
  --quiet                  no request log
  --help                   show this text
`;

/** Parsed command line: emulator options plus CLI-only flags. */
export interface CliArgs {
  help: boolean;
  certOut?: string;
  options: EmulatorOptions;
}

/** Parse `tpops-emulator` arguments; throws an Error with a usage hint on bad input. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: "string" },
      host: { type: "string" },
      tls: { type: "boolean" },
      "no-tls": { type: "boolean" },
      "cert-out": { type: "string" },
      user: { type: "string", multiple: true },
      "time-scale": { type: "string" },
      "session-timeout": { type: "string" },
      "state-file": { type: "string" },
      quiet: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  });
  const num = (flag: string, v: string | undefined, ok: (n: number) => boolean): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (v.trim() === "" || !Number.isFinite(n) || !ok(n)) throw new Error(`--${flag}: invalid value "${v}"`);
    return n;
  };
  if (values.tls && values["no-tls"]) throw new Error("--tls and --no-tls are mutually exclusive");
  const users = values.user?.map((u) => {
    const i = u.indexOf(":");
    if (i <= 0 || i === u.length - 1) throw new Error(`--user: expected NAME:PASSWORD, got "${u.slice(0, Math.max(0, i)) || u.split(":")[0]}:…"`);
    return { name: u.slice(0, i), password: u.slice(i + 1) };
  });
  const options: EmulatorOptions = {
    port: num("port", values.port, (n) => Number.isInteger(n) && n >= 0 && n <= 65535) ?? 8002,
    host: values.host ?? "127.0.0.1",
    tls: !values["no-tls"],
    users,
    timeScale: num("time-scale", values["time-scale"], (n) => n > 0),
    sessionTimeoutMinutes: num("session-timeout", values["session-timeout"], (n) => Number.isInteger(n) && n > 0),
    stateFile: values["state-file"],
  };
  if (values.quiet) options.log = false;
  return { help: values.help ?? false, certOut: values["cert-out"], options };
}

/** Run the CLI: start, print one `TPOPS emulator listening on <url>` line; with `handleSignals`, close cleanly on SIGINT/SIGTERM. */
export async function main(
  argv: readonly string[],
  io: { out: (s: string) => void; err: (s: string) => void } = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  },
  handleSignals = false,
): Promise<RunningEmulator | undefined> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (err) {
    io.err(`tpops-emulator: ${(err as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return undefined;
  }
  if (args.help) {
    io.out(USAGE);
    return undefined;
  }
  const log = args.options.log === false ? false : (line: string) => io.out(`${line}\n`);
  const emu = await startEmulator({ ...args.options, log });
  if (handleSignals) {
    // Installed before the listening line: whoever reads that line may signal at once.
    const stop = () => {
      emu.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  }
  if (args.certOut && emu.caCert) writeFileSync(args.certOut, emu.caCert);
  io.out(`TPOPS emulator listening on ${emu.url}\n`);
  return emu;
}

// Run only as the bundled bin (CommonJS); importing the module (tests) must not start a server.
if (typeof require !== "undefined" && typeof module !== "undefined" && require.main === module) {
  main(process.argv.slice(2), undefined, true).catch((err: unknown) => {
    process.stderr.write(`tpops-emulator: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
