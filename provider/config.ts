/** Provider configuration: `tpops:*` stack config (via configure()) with TPOPS_* environment fallbacks. */
import { AsyncLocalStorage } from "node:async_hooks";
import { getClient, TpopsConfigError, type TpopsClient, type TpopsClientConfig } from "./client";

const siteScope = new AsyncLocalStorage<string | undefined>();
/** Where the client's lines go during a resource's call: that resource's row (framework.ts runWithResource). */
const lineScope = new AsyncLocalStorage<(msg: string) => void>();

/** Runs `fn` with the client's retry and re-login lines sent to `toRow` (the resource's progress) instead of stderr. */
export function withClientLines<T>(toRow: (msg: string) => void, fn: () => T): T {
  return lineScope.run(toRow, fn);
}

/** The site of the provider call or lookup in progress (undefined: the `tpops:*` platform). */
export function currentSite(): string | undefined {
  return siteScope.getStore();
}

/** Runs `fn` with `site` as the current site: every client() inside it, awaited or not, talks to that site. */
export function inSite<T>(site: string | undefined, fn: () => T): T {
  return siteScope.run(site, fn);
}

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
  sites: { key: "tpops:sites", env: "TPOPS_SITES" },
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

/** One named site of `tpops:sites` as written in stack config (every field optional until resolved). */
interface SiteSettings {
  endpoint?: unknown;
  username?: unknown;
  password?: unknown;
  caCert?: unknown;
  insecure?: unknown;
  language?: unknown;
}

const SITE_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;

/** The environment variable that may hold a site's password: `TPOPS_PASSWORD_<SITE>` (upper case, `-` as `_`). */
export function sitePasswordEnv(site: string): string {
  return `TPOPS_PASSWORD_${site.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

/**
 * The named sites of `tpops:sites` (stack config, an object) or `TPOPS_SITES` (JSON): each a TPOPS platform with
 * its endpoint, user, password (a secret: `pulumi config set --secret --path 'tpops:sites.<name>.password' …`, or
 * the environment variable `TPOPS_PASSWORD_<NAME>`), caCert, insecure and language.
 */
export function configuredSites(): Record<string, SiteSettings> {
  const raw = lookup(SETTINGS.sites);
  if (raw === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new TpopsConfigError(`${SETTINGS.sites.key} / ${SETTINGS.sites.env}: is not an object; set it with pulumi config set --path 'tpops:sites.<name>.endpoint' https://…`);
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new TpopsConfigError(`${SETTINGS.sites.key} / ${SETTINGS.sites.env}: is not an object of sites; set it with pulumi config set --path 'tpops:sites.<name>.endpoint' https://…`);
  }
  for (const name of Object.keys(parsed)) {
    if (!SITE_NAME.test(name)) throw new TpopsConfigError(`${SETTINGS.sites.key}: site name ${JSON.stringify(name)} is not a letter followed by letters, digits, - or _; rename it`);
  }
  return parsed as Record<string, SiteSettings>;
}

/** Why `site` cannot be used (not configured), or undefined. */
export function siteProblem(site: string): string | undefined {
  let sites: Record<string, SiteSettings>;
  try {
    sites = configuredSites();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  if (sites[site]) return undefined;
  const known = Object.keys(sites);
  return (
    `site: ${JSON.stringify(site)} is not a site of ${SETTINGS.sites.key} (${known.length ? `it has ${known.join(", ")}` : "none is configured"}); ` +
    `add it with pulumi config set --path 'tpops:sites.${site}.endpoint' https://… (and .username, and --secret .password), or leave site out for the tpops:endpoint platform`
  );
}

function checkEndpoint(endpoint: string, where: string): void {
  try {
    const u = new URL(endpoint);
    if (u.protocol !== "https:" && u.protocol !== "http:") throw new Error("scheme");
  } catch {
    throw new TpopsConfigError(`${where}: ${JSON.stringify(endpoint)} is not an http(s) URL; use e.g. https://10.0.0.5:8002/rds`);
  }
}

function checkLanguage(language: string, where: string): "en-us" | "zh-cn" {
  if (language !== "en-us" && language !== "zh-cn") throw new TpopsConfigError(`${where}: ${JSON.stringify(language)} is not supported; use en-us or zh-cn`);
  return language;
}

/** The client configuration of a named site (`tpops:sites.<site>`); the site-less settings give defaults for language. */
function resolveSiteConfig(site: string, log?: TpopsClientConfig["log"]): TpopsClientConfig {
  const why = siteProblem(site);
  if (why) throw new TpopsConfigError(why);
  const s = configuredSites()[site] as SiteSettings;
  const at = (f: string) => `tpops:sites.${site}.${f}`;
  const str = (f: keyof SiteSettings): string | undefined => {
    const v = s[f];
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v !== "string" && typeof v !== "boolean") throw new TpopsConfigError(`${at(f)}: is not a string; set it with pulumi config set --path '${at(f)}' …`);
    return String(v);
  };
  const need = (f: keyof SiteSettings, what: string, fallback?: string): string => {
    const v = str(f) ?? fallback;
    if (v === undefined) throw new TpopsConfigError(`missing ${what} of site ${site}: set pulumi config set --path '${at(f)}' …${f === "password" ? ` --secret (or the environment variable ${sitePasswordEnv(site)})` : ""}`);
    return v;
  };
  const endpoint = need("endpoint", "the TPOPS endpoint");
  checkEndpoint(endpoint, at("endpoint"));
  const envPassword = process.env[sitePasswordEnv(site)];
  return {
    endpoint,
    username: need("username", "the TPOPS user name"),
    password: need("password", "the TPOPS password", envPassword === "" ? undefined : envPassword),
    caCert: str("caCert"),
    insecure: parseBool({ key: at("insecure") }, str("insecure")),
    language: checkLanguage((str("language") ?? lookup(SETTINGS.language) ?? "en-us").toLowerCase(), at("language")),
    log,
  };
}

/**
 * Resolves and validates the client configuration of a site (`tpops:sites.<site>`), or without one of the
 * `tpops:*` settings; errors name both the config key and the env var.
 */
export function resolveClientConfig(log?: TpopsClientConfig["log"], site?: string): TpopsClientConfig {
  if (site !== undefined) return resolveSiteConfig(site, log);
  const language = checkLanguage(lookup(SETTINGS.language)?.toLowerCase() ?? "en-us", SETTINGS.language.key);
  const endpoint = required(SETTINGS.endpoint, "the TPOPS endpoint (e.g. https://10.0.0.5:8002/rds)");
  checkEndpoint(endpoint, `${SETTINGS.endpoint.key} / ${SETTINGS.endpoint.env}`);
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

/**
 * The client's log: during a resource's call its informational lines (a retry of a busy instance, a re-login) go to
 * that resource's row, where they belong; otherwise, and for warnings and errors, to stderr like any provider line.
 */
export function clientLog(level: "debug" | "info" | "warn" | "error", msg: string): void {
  const toRow = lineScope.getStore();
  if (toRow && level === "info") toRow(msg);
  else providerLog(level, msg);
}

/** Lets providerLog write again after a failed write (tests). */
export function resetProviderLog(): void {
  logBroken = false;
}

/**
 * The process-wide client of a site (one login per site shared by all its resources): `site`, else the site of the
 * provider call in progress (sites.ts runs every call of a resource in its site's scope), else the `tpops:*` platform.
 */
export function client(site: string | undefined = currentSite()): TpopsClient {
  return getClient(resolveClientConfig(clientLog, site));
}
