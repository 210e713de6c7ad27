// provider/engine-log: messages reach the engine's Log service with the resource's URN and the ephemeral flag
// (a real gRPC server built from Pulumi's own service definition, on port 0), and fall back to stderr when no
// engine answers — without ever throwing.
import * as grpc from "@grpc/grpc-js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { toResource, useEngine } from "../../../provider/engine-log";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const rpc = require("@pulumi/pulumi/proto/engine_grpc_pb") as { EngineService: grpc.ServiceDefinition };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const empty = require("google-protobuf/google/protobuf/empty_pb") as { Empty: new () => unknown };

interface Received {
  severity: number;
  message: string;
  urn: string;
  ephemeral: boolean;
}

let server: grpc.Server;
let address: string;
const received: Received[] = [];

beforeAll(async () => {
  server = new grpc.Server();
  const unimplemented = (_call: unknown, cb: grpc.sendUnaryData<unknown>) => cb({ code: grpc.status.UNIMPLEMENTED }, null);
  const handlers: grpc.UntypedServiceImplementation = {};
  for (const name of Object.keys(rpc.EngineService)) handlers[name] = unimplemented;
  handlers.log = (call: grpc.ServerUnaryCall<{ getSeverity(): number; getMessage(): string; getUrn(): string; getEphemeral(): boolean }, unknown>, cb: grpc.sendUnaryData<unknown>) => {
    const r = call.request;
    received.push({ severity: r.getSeverity(), message: r.getMessage(), urn: r.getUrn(), ephemeral: r.getEphemeral() });
    cb(null, new empty.Empty());
  };
  server.addService(rpc.EngineService, handlers);
  const port = await new Promise<number>((resolve, reject) => server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  address = `127.0.0.1:${port}`;
});
afterAll(() => server?.forceShutdown());
afterEach(() => {
  received.length = 0;
  useEngine(undefined);
});

const URN = "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/tpops:Instance::orders-db";

describe("messages on the resource's row", () => {
  it("sends status as ephemeral info and warnings as kept diagnostics, with the URN", async () => {
    useEngine(address);
    let fellBack = 0;
    await toResource("info", "installing the database (job j1 Running 43%) [12s]", URN, true, () => fellBack++);
    await toResource("warning", "max_connections take effect only after a restart", URN, false, () => fellBack++);
    expect(fellBack).toBe(0);
    expect(received).toEqual([
      { severity: 1, message: "installing the database (job j1 Running 43%) [12s]", urn: URN, ephemeral: true },
      { severity: 2, message: "max_connections take effect only after a restart", urn: URN, ephemeral: false },
    ]);
  });

  it("falls back to stderr without an engine, without a URN, and after a failed call", async () => {
    const fallbacks: string[] = [];
    useEngine(null);
    await toResource("info", "no engine", URN, true, () => fallbacks.push("no engine"));
    useEngine(address);
    await toResource("info", "no urn", undefined, true, () => fallbacks.push("no urn"));
    // Nothing listens there: the call fails, the message still goes out (once), and later ones go to stderr at once.
    useEngine("127.0.0.1:1");
    await toResource("info", "engine gone", URN, true, () => fallbacks.push("engine gone"));
    await toResource("info", "still gone", URN, true, () => fallbacks.push("still gone"));
    expect(fallbacks).toEqual(["no engine", "no urn", "engine gone", "still gone"]);
    expect(received).toEqual([]);
  });
});
