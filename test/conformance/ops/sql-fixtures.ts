// Shared by the SQL throttling and SQL patch conformance tests: reference 4.6.5 is a GET with a JSON body, which
// fetch() cannot send; undici's request() can (as the provider's client does).
import { request } from "undici";
import type { RawResponse, TestEmulator } from "../../helpers/emulator";

const tokens = new WeakMap<TestEmulator, string>();

/** GET `/rds<path>` with a JSON body (reference 4.6.5 table 4-265 "请求 Body 参数"). */
export async function getWithBody(emu: TestEmulator, path: string, body: unknown): Promise<RawResponse> {
  let token = tokens.get(emu);
  if (!token) tokens.set(emu, (token = await emu.login()));
  const res = await request(`${emu.url}${path}`, {
    method: "GET",
    headers: { "x-mini-token": token, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await res.body.text();
  let parsed: unknown = undefined;
  if (text.length > 0) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  const headers = new Headers();
  for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string") headers.set(k, v);
  return { status: res.statusCode, headers, body: parsed };
}
