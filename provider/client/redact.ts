/** Replacement text for every secret that would otherwise leave the process. */
export const REDACTED = "[REDACTED]";

/** Field names (any case, `_`/`-` ignored) whose values are secrets wherever they appear. */
const SECRET_KEY = /pass(word|wd)?|pwd|token|secret|private_?key|authorization|cookie|client_?key|rand_?pass/i;

// Values shorter than this are not registered: redacting "abc" everywhere would mangle messages.
const MIN_SECRET_LENGTH = 4;
// Tokens rotate on re-login; keep the most recent ones so late log lines are still redacted.
const MAX_SECRETS = 256;

const secrets = new Set<string>();

/** Registers a literal secret (password, token) so that every later redaction replaces it. */
export function registerSecret(value: string | undefined | null): void {
  if (!value || value.length < MIN_SECRET_LENGTH || secrets.has(value)) return;
  secrets.add(value);
  if (secrets.size > MAX_SECRETS) {
    const oldest = secrets.values().next().value;
    if (oldest !== undefined) secrets.delete(oldest);
  }
}

/** Whether a field name denotes a secret (`password`, `os_root_pwd`, `X-Mini-Token`, ...). */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

// `"password": "x"` (JSON), `password=x` (query strings, env), `X-Mini-Token: x` (headers) in free text.
const JSON_PAIR = /("[\w-]*(?:pass(?:word|wd)?|pwd|token|secret|private_?key|authorization|rand_?pass)[\w-]*"\s*:\s*)"(?:[^"\\]|\\.)*"/gi;
const ASSIGNMENT = /(\b[\w-]*(?:pass(?:word|wd)?|pwd|token|secret)[\w-]*=)(?!\[REDACTED\])[^\s,;&"'}]+/gi;
const HEADER = /((?:^|[\s,;{"])(?:x-mini-token|x-auth-token|authorization|cookie)\s*:\s*)(?!\[REDACTED\])(?:(?:bearer|basic) )?[^\s,;"'}]+/gi;

/** Removes registered secrets and `key: value` pairs with secret-looking keys from free text. */
export function redactText(text: string): string {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  out = out.replace(JSON_PAIR, `$1"${REDACTED}"`);
  out = out.replace(ASSIGNMENT, `$1${REDACTED}`);
  out = out.replace(HEADER, `$1${REDACTED}`);
  return out;
}

/** Deep copy of a value with secret-keyed fields and registered secrets replaced by `[REDACTED]`. */
export function redact<T>(value: T): T {
  return redactValue(value, new WeakSet()) as T;
}

function redactValue(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return redactText(value);
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[Circular]";
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = isSecretKey(k) && v !== null && v !== undefined ? REDACTED : redactValue(v, seen);
  }
  return out;
}

/** A path with query parameters whose names look secret replaced by `[REDACTED]` (ids are kept). */
export function redactPath(pathWithQuery: string): string {
  const q = pathWithQuery.indexOf("?");
  if (q < 0) return redactText(pathWithQuery);
  const params = new URLSearchParams(pathWithQuery.slice(q + 1));
  for (const key of [...params.keys()]) {
    if (isSecretKey(key)) params.set(key, REDACTED);
  }
  const query = params.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED);
  return redactText(`${pathWithQuery.slice(0, q)}?${query}`);
}
