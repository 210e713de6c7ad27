// A tiny TPOPS API caller for scripts (the demo's out-of-band change): logs in, sends one request,
// prints the JSON answer. Env: TPOPS_ENDPOINT, TPOPS_USERNAME, TPOPS_PASSWORD, TPOPS_CA_CERT (path).
// Usage: node scripts/tpops-api.mjs METHOD PATH [JSON-BODY]
import { readFileSync } from "node:fs";
import { Agent } from "undici";

const [method, path, body] = process.argv.slice(2);
if (!method || !path) {
  console.error("usage: node scripts/tpops-api.mjs METHOD PATH [JSON-BODY]");
  process.exit(2);
}
const base = process.env.TPOPS_ENDPOINT.replace(/\/$/, "");
const ca = process.env.TPOPS_CA_CERT ? readFileSync(process.env.TPOPS_CA_CERT, "utf8") : undefined;
const dispatcher = new Agent({ connect: ca ? { ca } : {} });
const login = await fetch(`${base}/v3/auth/mini-token`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ username: process.env.TPOPS_USERNAME, password: process.env.TPOPS_PASSWORD }),
  dispatcher,
});
if (!login.ok) {
  console.error(`login failed: HTTP ${login.status}`);
  process.exit(1);
}
const token = login.headers.get("x-mini-token");
const res = await fetch(`${base}${path}`, {
  method,
  headers: { "content-type": "application/json", "x-mini-token": token },
  body,
  dispatcher,
});
const text = await res.text();
console.log(`${method} ${path} → ${res.status}${text ? ` ${text}` : ""}`);
await dispatcher.close();
process.exit(res.ok ? 0 : 1);
