/** Tells which protocol a port speaks (TLS, plain HTTP), to explain a wrong endpoint scheme in one sentence. */
import { connect as connectTcp } from "node:net";
import { connect as connectTls } from "node:tls";

/** What a port answered: a TLS handshake, a plain HTTP reply, or neither (closed, silent, something else). */
export type PortProtocol = "tls" | "http" | "unknown";

/** Default limit of one probe. */
export const PROBE_TIMEOUT_MS = 3_000;

/** True when the port completes a TLS handshake (the certificate is not checked: only the protocol matters). */
export function speaksTls(host: string, port: number, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connectTls({ host: unbracket(host), port, rejectUnauthorized: false, servername: sniName(host) });
    const done = (v: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(v);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    timer.unref();
    socket.once("secureConnect", () => done(true));
    socket.once("error", () => done(false));
    socket.once("close", () => done(false));
  });
}

/** True when the port answers a plain HTTP request with an HTTP status line. */
export function speaksHttp(host: string, port: number, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connectTcp({ host: unbracket(host), port });
    let head = "";
    const done = (v: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(v);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    timer.unref();
    socket.once("connect", () => socket.write(`HEAD / HTTP/1.1\r\nHost: ${host}:${port}\r\nConnection: close\r\n\r\n`));
    socket.on("data", (d: Buffer) => {
      head += d.toString("latin1");
      if (head.length >= 5) done(head.startsWith("HTTP/"));
    });
    socket.once("error", () => done(false));
    socket.once("close", () => done(head.startsWith("HTTP/")));
  });
}

/** The protocol of `url`'s port, probing the one the URL does not use. */
export async function probeOtherProtocol(url: URL, timeoutMs = PROBE_TIMEOUT_MS): Promise<PortProtocol> {
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  if (url.protocol === "http:") return (await speaksTls(url.hostname, port, timeoutMs)) ? "tls" : "unknown";
  return (await speaksHttp(url.hostname, port, timeoutMs)) ? "http" : "unknown";
}

function unbracket(host: string): string {
  return host.replace(/^\[(.*)\]$/, "$1");
}

// SNI takes host names only, never IP addresses.
function sniName(host: string): string | undefined {
  return /^[\d.]+$|^\[|:/.test(host) ? undefined : host;
}
