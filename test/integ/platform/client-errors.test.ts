// Client errors a person can act on, over real HTTP: a refused login names the credential settings (never the
// password), a wrong endpoint path names tpops:endpoint, and a wrong scheme says which one to use — http:// to a
// TLS port (connection closed, a non-HTTP reply, a proxy's "plain HTTP request" page) and https:// to a plain port.
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { connect, createServer, type Server, type Socket } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TpopsApiError, TpopsClient, TpopsConfigError, TpopsConnectionError, TpopsTlsError, ops, type TpopsClientConfig } from "../../../provider/client";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";

let plain: TestEmulator;
let tls: TestEmulator;
const clients: TpopsClient[] = [];
const servers: (Server | HttpServer)[] = [];

function client(over: Partial<TpopsClientConfig>): TpopsClient {
  const c = new TpopsClient({ endpoint: plain.url, username: "admin", password: "Admin@123", log: () => {}, retry: { baseDelayMs: 1, maxDelayMs: 1 }, ...over });
  clients.push(c);
  return c;
}

async function failure(p: Promise<unknown>): Promise<Error> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(Error);
  return e as Error;
}

async function listen<S extends Server | HttpServer>(server: S): Promise<number> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return (server.address() as { port: number }).port;
}

/** A TLS port that answers plain bytes with a TLS alert record (as many TLS servers do): not an HTTP reply. */
async function tlsPortWithAlerts(): Promise<number> {
  const target = Number(new URL(tls.url).port);
  return listen(
    createServer((sock: Socket) => {
      sock.on("error", () => {});
      sock.once("data", (first: Buffer) => {
        if (first[0] === 0x16) {
          // A TLS ClientHello: hand the connection to the TLS emulator.
          const up = connect(target, "127.0.0.1");
          up.on("error", () => sock.destroy());
          up.write(first);
          sock.pipe(up).pipe(sock);
        } else {
          sock.end(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46])); // alert: protocol_version
        }
      });
    }),
  );
}

beforeAll(async () => {
  plain = await startTestEmulator({ tls: false });
  tls = await startTestEmulator({ tls: true });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  for (const s of servers) await new Promise((r) => s.close(r));
  await plain.close();
  await tls.close();
});

describe("a refused login", () => {
  it("names tpops:username / tpops:password and TPOPS_USERNAME / TPOPS_PASSWORD, never the password, with one request", async () => {
    const password = "Wrong#Passw0rd_77";
    const c = client({ password });
    const e = await failure(c.login());
    expect(e).toBeInstanceOf(TpopsApiError);
    // reference 4.1.1: a failed login answers 400; A.3 DBS.200029 "用户名或密码错误"
    expect(e).toMatchObject({ status: 400, errorCode: "DBS.200029" });
    expect(e.message).toMatch(/^POST \/v3\/auth\/mini-token: DBS\.200029 Incorrect username or password\. TPOPS refused the login of user "admin"/);
    for (const name of ["tpops:username", "tpops:password", "TPOPS_USERNAME", "TPOPS_PASSWORD"]) expect(e.message).toContain(name);
    expect(e.message + inspect(e, { depth: 5 })).not.toContain(password);
    expect(c.stats.requests).toBe(1); // a refusal is final: not retried
  });

  it("names the endpoint when the login path does not exist (a base URL without /rds)", async () => {
    const e = await failure(client({ endpoint: `${new URL(plain.url).origin}/tpops` }).login());
    expect(e).toBeInstanceOf(TpopsApiError);
    expect((e as TpopsApiError).status).toBe(404);
    expect(e.message).toContain("No TPOPS login API at");
    expect(e.message).toContain("tpops:endpoint / TPOPS_ENDPOINT");
    expect(e.message).not.toContain("tpops:password");
  });
});

describe("a wrong scheme", () => {
  it("http:// to the TLS emulator (connection closed) says to use https://, without retrying", async () => {
    const endpoint = tls.url.replace(/^https:/, "http:");
    const c = client({ endpoint });
    const e = await failure(c.call(ops.dataCenters.list));
    expect(e).toBeInstanceOf(TpopsConfigError);
    expect(e.message).toContain(`endpoint ${endpoint}: port ${new URL(endpoint).port} speaks TLS (HTTPS) but the endpoint uses http://`);
    expect(e.message).toContain(`Use ${tls.url} (stack config tpops:endpoint or env TPOPS_ENDPOINT)`);
    expect(c.stats.requests).toBe(1);
    expect(c.stats.retries).toBe(0);
  });

  it("http:// to a TLS port that answers with a TLS alert (not HTTP) says to use https://", async () => {
    const port = await tlsPortWithAlerts();
    const c = client({ endpoint: `http://127.0.0.1:${port}/rds` });
    const e = await failure(c.call(ops.dataCenters.list));
    expect(e).toBeInstanceOf(TpopsConfigError);
    expect(e.message).toContain("the reply to the plain-HTTP request is not HTTP");
    expect(e.message).toContain(`Use https://127.0.0.1:${port}/rds`);
    expect(c.stats.retries).toBe(0);
  });

  it("http:// to a TLS proxy that answers 400 \"plain HTTP request was sent to HTTPS port\" says to use https://", async () => {
    const port = await listen(
      createHttpServer((_req, res) => {
        res.writeHead(400, { "content-type": "text/html" });
        res.end("<html><center><h1>400 Bad Request</h1></center><center>The plain HTTP request was sent to HTTPS port</center></html>");
      }),
    );
    const e = await failure(client({ endpoint: `http://127.0.0.1:${port}` }).login());
    expect(e).toBeInstanceOf(TpopsConfigError);
    expect(e.message).toContain("it answered that a plain HTTP request was sent to an HTTPS port");
    expect(e.message).toContain(`Use https://127.0.0.1:${port}/rds`);
  });

  it("https:// to the plain-HTTP emulator says it answers plain HTTP: use http://, or check the port", async () => {
    const endpoint = plain.url.replace(/^http:/, "https:");
    const e = await failure(client({ endpoint, insecure: true }).call(ops.dataCenters.list));
    expect(e).toBeInstanceOf(TpopsTlsError);
    expect(e.message).toContain("does not speak TLS");
    expect(e.message).toContain(`it answers plain HTTP. Use ${plain.url}, or check the port`);
    expect(e.message).not.toMatch(/ssl3_get_record|openssl|\n/); // no OpenSSL internals
  });

  it("a plain-HTTP port that drops connections stays a connection error (no wrong https:// advice)", async () => {
    const port = await listen(createServer((sock) => sock.destroy()));
    const c = client({ endpoint: `http://127.0.0.1:${port}/rds` });
    const e = await failure(c.call(ops.dataCenters.list));
    expect(e).toBeInstanceOf(TpopsConnectionError);
    expect(e.message).not.toContain("https://");
    expect(c.stats.retries).toBeGreaterThan(0); // still treated as transient
  });
});

describe("error bodies", () => {
  it("reads the errCode / externalMessage form some sections print (reference 4.4.7, 4.4.16–4.4.18) like error_code / error_msg", async () => {
    // A platform answering the login, then refusing a list with the 4.4.16-style error body.
    const port = await listen(
      createHttpServer((req, res) => {
        res.setHeader("content-type", "application/json");
        if (req.url?.endsWith("/v3/auth/mini-token")) {
          res.setHeader("x-mini-token", "t".repeat(64));
          res.end(JSON.stringify({ x_mini_token: "t".repeat(64), session_timeout: 30 }));
          return;
        }
        res.statusCode = 400;
        res.end(JSON.stringify({ errCode: "DBS.200062", externalMessage: "Invalid user name." }));
      }),
    );
    const e = await failure(client({ endpoint: `http://127.0.0.1:${port}/rds` }).call(ops.engineVersions.list));
    expect(e).toBeInstanceOf(TpopsApiError);
    expect(e).toMatchObject({ status: 400, errorCode: "DBS.200062", errorMsg: "Invalid user name." });
  });
});
