/**
 * Messages on the resource's own row. Inside Pulumi's dynamic-provider host the engine's gRPC address is the
 * host's first argument; the engine's `Log` call takes the URN of the resource a message is about and an
 * `ephemeral` flag: ephemeral messages are status shown in place on that resource's row (not kept under
 * Diagnostics), the others are diagnostics attached to the resource. The provider methods do not receive the
 * URN: the SDK classes pass their own (`__urn`, computed like `pulumi.createUrn`), see sdk/stub.ts.
 *
 * One gRPC channel per provider process, opened at the first message. When there is no engine (tests, a
 * program loading the provider) or a call fails, the message goes to stderr as before (the engine shows it
 * under the stack); a failed log call never fails an operation.
 */
import { createRequire } from "node:module";
import { inDynamicProviderHost, parseAddress } from "./process-guard";

/** Severity of a message (pulumirpc.LogSeverity). */
export type Severity = "debug" | "info" | "warning" | "error";

const SEVERITY: Record<Severity, number> = { debug: 0, info: 1, warning: 2, error: 3 };

interface Engine {
  log(req: unknown, cb: (err: Error | null) => void): void;
  /** Builds a LogRequest. */
  request(severity: number, message: string, urn: string, ephemeral: boolean): unknown;
}

let engine: Engine | null | undefined;
let broken = false;

/** Points the module at an engine address (tests); `undefined` goes back to the process's own. */
export function useEngine(address: string | null | undefined): void {
  engine = address === undefined ? undefined : address === null ? null : connect(address);
  broken = false;
}

function connect(address: string): Engine | null {
  if (!parseAddress(address)) return null;
  try {
    // Pulumi's own generated client and its gRPC library, from the @pulumi/pulumi the program uses.
    const req = createRequire(require.resolve("@pulumi/pulumi/package.json"));
    const grpc = req("@grpc/grpc-js") as typeof import("@grpc/grpc-js");
    const rpc = req("@pulumi/pulumi/proto/engine_grpc_pb") as { EngineClient: new (addr: string, creds: unknown, opts?: object) => { log(r: unknown, cb: (e: Error | null) => void): void } };
    const pb = req("@pulumi/pulumi/proto/engine_pb") as {
      LogRequest: new () => { setSeverity(n: number): void; setMessage(s: string): void; setUrn(s: string): void; setEphemeral(b: boolean): void };
    };
    const client = new rpc.EngineClient(address, grpc.credentials.createInsecure(), { "grpc.max_receive_message_length": 4 * 1024 * 1024 });
    return {
      log: (r, cb) => client.log(r, cb),
      request(severity, message, urn, ephemeral) {
        const r = new pb.LogRequest();
        r.setSeverity(severity);
        r.setMessage(message);
        r.setUrn(urn);
        r.setEphemeral(ephemeral);
        return r;
      },
    };
  } catch {
    return null;
  }
}

function current(): Engine | null {
  if (engine === undefined) engine = inDynamicProviderHost() ? connect(process.argv[2] ?? "") : null;
  return broken ? null : engine;
}

/**
 * Sends `message` about the resource `urn` to the engine: `ephemeral` for status on its row, otherwise a
 * diagnostic attached to it. Calls `fallback` instead (at once, or when the call fails) when the engine
 * cannot be reached or `urn` is unknown. Never throws; resolves when the message went one way or the other.
 */
export function toResource(severity: Severity, message: string, urn: string | undefined, ephemeral: boolean, fallback: () => void): Promise<void> {
  const e = urn ? current() : null;
  if (!e) {
    fallback();
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    try {
      e.log(e.request(SEVERITY[severity], message, urn!, ephemeral), (err) => {
        if (err) {
          // The engine is gone or refuses: stderr from now on (one failed call, not one per message).
          broken = true;
          fallback();
        }
        resolve();
      });
    } catch {
      broken = true;
      fallback();
      resolve();
    }
  });
}
