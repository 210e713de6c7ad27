import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "./server";
import { startSites, type SiteOptions } from "./sites";
import type { EmulatorUser } from "./sessions";

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
  --site NAME:PORT         run several sites (TPOPS installations) on one simulated
                           network, one port each (repeatable; replaces --port);
                           then --user SITE=NAME:PASSWORD and --state-file SITE=FILE
                           apply to one site (a --user without SITE= to every site)
                           and --cert-out writes every site's certificate
  --quiet                  no request log
  --help                   show this text
`;

/** Parsed command line: emulator options plus CLI-only flags. */
export interface CliArgs {
  help: boolean;
  certOut?: string;
  options: EmulatorOptions;
  /** With `--site`: the sites to run on one network (each inherits host, tls, time scale, session timeout). */
  sites?: SiteOptions[];
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
      "state-file": { type: "string", multiple: true },
      site: { type: "string", multiple: true },
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
  const parseUser = (u: string): EmulatorUser => {
    const i = u.indexOf(":");
    if (i <= 0 || i === u.length - 1) throw new Error(`--user: expected NAME:PASSWORD, got "${u.slice(0, Math.max(0, i)) || u.split(":")[0]}:…"`);
    return { name: u.slice(0, i), password: u.slice(i + 1) };
  };
  const siteFlags = values.site ?? [];
  const stateFiles = values["state-file"] ?? [];
  if (siteFlags.length === 0 && stateFiles.length > 1) throw new Error("--state-file: given twice (several sites need --site)");
  const users = siteFlags.length === 0 ? values.user?.map(parseUser) : undefined;
  const options: EmulatorOptions = {
    port: num("port", values.port, (n) => Number.isInteger(n) && n >= 0 && n <= 65535) ?? 8002,
    host: values.host ?? "127.0.0.1",
    tls: !values["no-tls"],
    users,
    timeScale: num("time-scale", values["time-scale"], (n) => n > 0),
    sessionTimeoutMinutes: num("session-timeout", values["session-timeout"], (n) => Number.isInteger(n) && n > 0),
    stateFile: siteFlags.length === 0 ? stateFiles[0] : undefined,
  };
  if (values.quiet) options.log = false;
  if (siteFlags.length === 0) return { help: values.help ?? false, certOut: values["cert-out"], options };
  // README "Sites": --site NAME:PORT (repeatable); per-site --user SITE=NAME:PASSWORD and --state-file SITE=FILE
  if (values.port !== undefined) throw new Error("--port and --site are mutually exclusive (give each site its port: --site NAME:PORT)");
  const sites: SiteOptions[] = siteFlags.map((f) => {
    const m = /^([A-Za-z0-9][A-Za-z0-9_-]{0,31}):(\d+)$/.exec(f);
    const port = m ? Number(m[2]) : NaN;
    if (!m || !(port >= 0 && port <= 65535)) throw new Error(`--site: expected NAME:PORT (name of letters, digits, - and _; port 0-65535), got "${f}"`);
    return { name: m[1] as string, port, host: options.host, tls: options.tls, timeScale: options.timeScale, sessionTimeoutMinutes: options.sessionTimeoutMinutes };
  });
  const byName = new Map<string, SiteOptions>();
  for (const site of sites) {
    if (byName.has(site.name)) throw new Error(`--site: site "${site.name}" given twice`);
    byName.set(site.name, site);
  }
  const sitePrefix = (flag: string, v: string): { site?: SiteOptions; rest: string } => {
    const i = v.indexOf("=");
    const site = i > 0 ? byName.get(v.slice(0, i)) : undefined;
    if (site) return { site, rest: v.slice(i + 1) };
    if (flag === "--state-file") throw new Error(`--state-file: with --site, expected SITE=FILE naming one of ${[...byName.keys()].join(", ")}`);
    return { rest: v };
  };
  for (const u of values.user ?? []) {
    const { site, rest } = sitePrefix("--user", u);
    const user = parseUser(rest);
    for (const s of site ? [site] : sites) s.users = [...(s.users ?? []), user];
  }
  for (const f of stateFiles) {
    const { site, rest } = sitePrefix("--state-file", f);
    if (!site || rest === "") throw new Error(`--state-file: expected SITE=FILE, got "${f}"`);
    if (site.stateFile !== undefined) throw new Error(`--state-file: site "${site.name}" given twice`);
    site.stateFile = rest;
  }
  return { help: values.help ?? false, certOut: values["cert-out"], options, sites };
}

/** What `main` started: one emulator, or with `--site` the first site's handle plus every site (close() closes all). */
export type CliRun = RunningEmulator & { sites?: Record<string, RunningEmulator> };

/** Run the CLI: start, print one `TPOPS emulator listening on <url>` line; with `handleSignals`, close cleanly on SIGINT/SIGTERM. */
export async function main(
  argv: readonly string[],
  io: { out: (s: string) => void; err: (s: string) => void } = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  },
  handleSignals = false,
): Promise<CliRun | undefined> {
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
  let emu: CliRun;
  if (args.sites) {
    const all = await startSites({ sites: args.sites, log });
    const first = all.sites[args.sites[0]?.name ?? ""] as RunningEmulator;
    emu = { ...first, sites: all.sites, close: () => all.close() };
  } else {
    emu = await startEmulator({ ...args.options, log });
  }
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
  if (emu.sites) {
    const certs = Object.values(emu.sites).map((s) => s.caCert).filter((c): c is string => c !== undefined);
    if (args.certOut && certs.length > 0) writeFileSync(args.certOut, certs.join(""));
    for (const [name, site] of Object.entries(emu.sites)) io.out(`TPOPS emulator site ${name} listening on ${site.url}\n`);
    return emu;
  }
  if (args.certOut && emu.caCert) writeFileSync(args.certOut, emu.caCert);
  io.out(`TPOPS emulator listening on ${emu.url}\n`);
  return emu;
}
