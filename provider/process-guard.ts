/**
 * No runaway provider process. Inside Pulumi's dynamic-provider host (one node process per `pulumi up`, started
 * by the engine through the pulumi-resource-pulumi-nodejs shell launcher), end the process when nobody is left
 * to talk to:
 * - stdout or stderr is broken (EPIPE or any write error): the engine that read them is gone, and the host's
 *   uncaughtException handler would otherwise print the error to the same broken stderr, forever, at 100% CPU;
 * - the engine is gone: the parent process changed (or, behind the shell launcher, the launcher's parent did), or
 *   the engine's gRPC address (the host's first argument) refuses connections.
 * Installed on import only inside that host; tests and Pulumi programs that load the provider are untouched.
 */
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { installQuietErrors } from "./quiet-errors";

/** How often the engine is looked for. */
export const ENGINE_CHECK_INTERVAL_MS = 1_000;

const HOST_SCRIPT = /[\\/]@pulumi[\\/]pulumi[\\/]cmd[\\/]dynamic-provider(?:[\\/]index(?:\.js)?)?$/;

/** Why the guard ends the process. */
export type GuardReason = "stdout broken" | "stderr broken" | "parent gone" | "engine gone";

/** Options of installProcessGuard (tests shorten the interval and observe the exit). */
export interface ProcessGuardOptions {
  /** `host:port` of the engine's gRPC server; default: the host's first argument. */
  engineAddress?: string | undefined;
  intervalMs?: number | undefined;
  /** Ends the process; default process.exit(1) after a best-effort note on stderr. */
  exit?: ((reason: GuardReason, detail: string) => void) | undefined;
}

/** True inside Pulumi's dynamic-provider host (`node …/@pulumi/pulumi/cmd/dynamic-provider <engine address>`). */
export function inDynamicProviderHost(argv: readonly string[] = process.argv, mainFile: string | undefined = mainModuleFile()): boolean {
  return HOST_SCRIPT.test(mainFile ?? "") || HOST_SCRIPT.test(argv[1] ?? "");
}

function mainModuleFile(): string | undefined {
  try {
    return typeof require === "undefined" ? undefined : require.main?.filename;
  } catch {
    return undefined;
  }
}

/** `host:port` → connect options; undefined when `addr` is not an address (the argument is optional). */
export function parseAddress(addr: string | undefined): { host: string; port: number } | undefined {
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(addr?.trim() ?? "");
  if (!m) return undefined;
  const port = Number(m[3]);
  return port > 0 && port < 65536 ? { host: m[1] ?? m[2]!, port } : undefined;
}

/** The parent pid of `pid` and its command line, from /proc (Linux); undefined elsewhere or when gone. */
function procInfo(pid: number): { ppid: number; cmdline: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
    return Number.isInteger(ppid) ? { ppid, cmdline } : undefined;
  } catch {
    return undefined;
  }
}

let installed = false;

/** Installs the guard (once per process); returns a function that removes it. */
export function installProcessGuard(opts: ProcessGuardOptions = {}): () => void {
  if (installed) return () => {};
  installed = true;
  let ending = false;
  const exit =
    opts.exit ??
    ((reason: GuardReason, detail: string) => {
      if (reason !== "stderr broken") {
        try {
          process.stderr.write(`[tpops] ${reason} (${detail}): ending the provider process\n`);
        } catch {
          /* nobody is listening */
        }
      }
      process.exit(1);
    });
  const end = (reason: GuardReason, detail: string) => {
    if (ending) return;
    ending = true;
    clearInterval(timer);
    exit(reason, detail);
  };

  // A write error on a standard stream is final: the reader is gone, and every later write fails too.
  const onStdout = (e: NodeJS.ErrnoException) => end("stdout broken", e.code ?? e.message);
  const onStderr = (e: NodeJS.ErrnoException) => end("stderr broken", e.code ?? e.message);
  process.stdout.on("error", onStdout);
  process.stderr.on("error", onStderr);

  // The engine: our parent, or the parent of the shell launcher between us (its `node …` does not exec).
  const parent = process.ppid;
  const launcher = procInfo(parent);
  const grandparent = launcher && /pulumi-resource-pulumi-nodejs/.test(launcher.cmdline) ? launcher.ppid : undefined;
  const engine = parseAddress(opts.engineAddress ?? process.argv[2]);
  let probing = false;
  const check = () => {
    if (process.ppid !== parent) return end("parent gone", `parent ${parent} exited`);
    if (grandparent !== undefined) {
      const now = procInfo(parent);
      if (now && now.ppid !== grandparent) return end("engine gone", `engine ${grandparent} exited`);
    }
    if (!engine || probing) return;
    probing = true;
    const socket = connect({ host: engine.host, port: engine.port });
    socket.unref();
    socket.setTimeout(Math.max(500, (opts.intervalMs ?? ENGINE_CHECK_INTERVAL_MS) * 2), () => {
      probing = false;
      socket.destroy(); // busy or slow, not gone
    });
    socket.once("connect", () => {
      probing = false;
      socket.destroy();
    });
    socket.once("error", (e: NodeJS.ErrnoException) => {
      probing = false;
      // Refused: nothing listens on the engine's address any more.
      if (e.code === "ECONNREFUSED") end("engine gone", `${engine.host}:${engine.port} refuses connections`);
    });
  };
  const timer = setInterval(check, opts.intervalMs ?? ENGINE_CHECK_INTERVAL_MS);
  timer.unref();

  return () => {
    clearInterval(timer);
    process.stdout.off("error", onStdout);
    process.stderr.off("error", onStderr);
    installed = false;
  };
}

if (inDynamicProviderHost()) {
  installProcessGuard();
  installQuietErrors();
}
