// Errors printed once: quiet() and the console filter that drops the dynamic-provider host's `${e}: ${e.stack}`
// print (the engine shows the message from the gRPC status anyway), and providerLog, which never throws.
import { afterEach, describe, expect, it, vi } from "vitest";
import { TpopsApiError, TpopsError } from "../../provider/client";
import { providerLog, resetProviderLog } from "../../provider/config";
import { installQuietErrors, isRedundantPrint, quiet, quietMethods } from "../../provider/quiet-errors";

/** What the host prints when a provider method rejects with `e` (cmd/dynamic-provider/index.js). */
const hostPrint = (e: Error) => `${e}: ${e.stack}`;

describe("quiet()", () => {
  it("keeps the error object, its class and fields, and empties its stack", () => {
    const e = Object.assign(new TpopsError("Host h: created as h-1, but the job failed"), { id: "h-1", properties: { a: 1 } });
    const q = quiet(e);
    expect(q).toBe(e);
    expect(q).toBeInstanceOf(TpopsError);
    expect(q).toMatchObject({ id: "h-1", properties: { a: 1 }, message: "Host h: created as h-1, but the job failed" });
    expect(q.stack).toBe("");
  });

  it("turns a thrown non-Error into a TpopsError with its text", () => {
    expect(quiet("boom")).toBeInstanceOf(TpopsError);
    expect(quiet("boom").message).toBe("boom");
    expect(quiet(42).message).toBe("unexpected error: 42");
  });

  it("quietMethods passes every rejection through quiet(), results through unchanged", async () => {
    const impl = quietMethods({
      async diff() {
        throw new TypeError("x is undefined");
      },
      async read() {
        return { id: "1" };
      },
    });
    await expect(impl.read()).resolves.toEqual({ id: "1" });
    const e = await impl.diff().catch((x: Error) => x);
    expect(e).toBeInstanceOf(TypeError);
    expect(e.stack).toBe("");
    expect(isRedundantPrint(hostPrint(e))).toBe(true); // a quiet error of any class
  });
});

describe("the host-print filter", () => {
  it("recognises the host's print of our errors, with or without a stack", () => {
    const api = new TpopsApiError({ status: 400, method: "POST", path: "/v3/auth/mini-token", errorCode: "DBS.200029", errorMsg: "Incorrect username or password." });
    expect(isRedundantPrint(hostPrint(api))).toBe(true);
    expect(isRedundantPrint(hostPrint(quiet(new TpopsError("refused"))))).toBe(true);
  });

  it("keeps everything else: other errors, the bare stack of an uncaught error, ordinary lines", () => {
    const bug = new TypeError("cannot read properties of undefined");
    expect(isRedundantPrint(hostPrint(bug))).toBe(false);
    expect(isRedundantPrint(new TpopsError("uncaught").stack!)).toBe(false); // uncaughtException prints err.stack
    expect(isRedundantPrint("[tpops] Host h: job 1 at 40%")).toBe(false);
    expect(isRedundantPrint("TpopsError is mentioned here")).toBe(false);
  });

  it("drops only single-string calls that are such prints; TPOPS_DEBUG keeps them all", () => {
    const printed: unknown[][] = [];
    const target = { error: (...args: unknown[]) => void printed.push(args) };
    installQuietErrors(target);
    const e = new TpopsError("Host h: dataIp cannot change while the host is in_use");
    target.error(hostPrint(e));
    target.error("fatal: Missing <engine> address");
    target.error(hostPrint(e), "and more");
    expect(printed).toEqual([["fatal: Missing <engine> address"], [hostPrint(e), "and more"]]);
    vi.stubEnv("TPOPS_DEBUG", "1");
    try {
      target.error(hostPrint(e));
    } finally {
      vi.unstubAllEnvs();
    }
    expect(printed).toHaveLength(3);
  });
});

describe("providerLog", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    resetProviderLog();
  });

  it("never throws when stderr's write throws, and stops writing after a failure", () => {
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => {
      throw Object.assign(new Error("write EPIPE"), { code: "EPIPE" });
    });
    expect(() => providerLog("info", "Host h: job 1 at 10%")).not.toThrow();
    expect(() => providerLog("warn", "Host h: job 1 at 20%")).not.toThrow();
    expect(write).toHaveBeenCalledTimes(1);
  });

  it("drops lines once a write reported an error through its callback", () => {
    const write = vi.spyOn(process.stderr, "write").mockImplementation(((_chunk: unknown, cb?: (e?: Error | null) => void) => {
      cb?.(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
      return false;
    }) as typeof process.stderr.write);
    providerLog("info", "one");
    providerLog("info", "two");
    expect(write).toHaveBeenCalledTimes(1);
  });

  it("writes `[tpops] ` lines while stderr works", () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation(((chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stderr.write);
    providerLog("info", "Host h: adding");
    providerLog("warn", "careful");
    expect(lines).toEqual(["[tpops] Host h: adding\n", "[tpops] warn: careful\n"]);
  });
});
