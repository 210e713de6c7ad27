/** Provider configuration: `tpops:*` stack config (via configure()) with TPOPS_* environment fallbacks. */
import { getClient, TpopsConfigError, type TpopsClient, type TpopsClientConfig } from "./client";

/** What configure() receives from the dynamic-provider host: `get("tpops:endpoint")`. */
export interface ConfigureRequest {
  config: { get(key: string): string | undefined };
}

/** One setting: its Pulumi config key and environment variable. */
interface Setting {
  readonly key: string;
  readonly env?: string;
}

const SETTINGS = {
  endpoint: { key: "tpops:endpoint", env: "TPOPS_ENDPOINT" },
  username: { key: "tpops:username", env: "TPOPS_USERNAME" },
  password: { key: "tpops:password", env: "TPOPS_PASSWORD" },
  caCert: { key: "tpops:caCert", env: "TPOPS_CA_CERT" },
  insecure: { key: "tpops:insecure", env: "TPOPS_INSECURE" },
  language: { key: "tpops:language", env: "TPOPS_LANGUAGE" },
} satisfies Record<string, Setting>;

let stackConfig: ConfigureRequest["config"] | undefined;

/** Records the stack config; called once per provider process by every stub's configure(). */
export function configure(req: ConfigureRequest): void {
  stackConfig = req.config;
}

/** Forgets configure()'s config (tests). */
export function resetConfiguration(): void {
  stackConfig = undefined;
}

function lookup(s: Setting): string | undefined {
  const fromStack = stackConfig?.get(s.key);
  if (fromStack !== undefined && fromStack !== "") return fromStack;
  const fromEnv = s.env ? process.env[s.env] : undefined;
  return fromEnv === undefined || fromEnv === "" ? undefined : fromEnv;
}

function required(s: Setting, what: string): string {
  const v = lookup(s);
  if (v === undefined) {
    throw new TpopsConfigError(
      `missing ${what}: set the stack config \`${s.key}\` (pulumi config set ${s.key} …${s.key === "tpops:password" ? " --secret" : ""}) or the environment variable ${s.env}`,
    );
  }
  return v;
}

function parseBool(s: Setting, v: string | undefined): boolean {
  if (v === undefined) return false;
  const t = v.trim().toLowerCase();
  if (["true", "1", "yes"].includes(t)) return true;
  if (["false", "0", "no"].includes(t)) return false;
  throw new TpopsConfigError(`${s.key} / ${s.env}: ${JSON.stringify(v)} is not a boolean; use true or false`);
}

/** Resolves and validates the client configuration; errors name both the config key and the env var. */
export function resolveClientConfig(log?: TpopsClientConfig["log"]): TpopsClientConfig {
  const language = lookup(SETTINGS.language)?.toLowerCase() ?? "en-us";
  if (language !== "en-us" && language !== "zh-cn") {
    throw new TpopsConfigError(`${SETTINGS.language.key}: ${JSON.stringify(language)} is not supported; use en-us or zh-cn`);
  }
  const endpoint = required(SETTINGS.endpoint, "the TPOPS endpoint (e.g. https://10.0.0.5:8002/rds)");
  try {
    const u = new URL(endpoint);
    if (u.protocol !== "https:" && u.protocol !== "http:") throw new Error("scheme");
  } catch {
    throw new TpopsConfigError(
      `${SETTINGS.endpoint.key} / ${SETTINGS.endpoint.env}: ${JSON.stringify(endpoint)} is not an http(s) URL; use e.g. https://10.0.0.5:8002/rds`,
    );
  }
  return {
    endpoint,
    username: required(SETTINGS.username, "the TPOPS user name"),
    password: required(SETTINGS.password, "the TPOPS password"),
    caCert: lookup(SETTINGS.caCert),
    insecure: parseBool(SETTINGS.insecure, lookup(SETTINGS.insecure)),
    language,
    log,
  };
}

let logBroken = false;

/**
 * Writes one line to the provider's stderr, which the engine shows under the stack. Never throws: once a write
 * fails (the engine is gone, EPIPE) later lines are dropped; process-guard.ts ends the process in the host.
 */
export function providerLog(level: "debug" | "info" | "warn" | "error", msg: string): void {
  if (level === "debug" && !process.env.TPOPS_DEBUG) return;
  const stderr = process.stderr;
  if (logBroken || stderr.destroyed || stderr.writableEnded) return;
  try {
    stderr.write(`[tpops] ${level === "info" ? "" : `${level}: `}${msg}\n`, (e) => {
      if (e) logBroken = true;
    });
  } catch {
    logBroken = true;
  }
}

/** Lets providerLog write again after a failed write (tests). */
export function resetProviderLog(): void {
  logBroken = false;
}

/** The process-wide client for the configured endpoint and user (one login shared by all resources). */
export function client(): TpopsClient {
  return getClient(resolveClientConfig(providerLog));
}
