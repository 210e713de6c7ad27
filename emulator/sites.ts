import { SimulatedNetwork } from "./network";
import { launchSite, type EmulatorOptions, type RunningEmulator, type RunningSite } from "./server";
import type { EmulatorUser } from "./sessions";

/** One site of `startSites`: a TPOPS installation with its own port, users, time scale and state file. */
export interface SiteOptions {
  /** Unique site name (letters, digits, `-`, `_`): it names the site in logs, on the network and in DR relations. */
  name: string;
  port?: number;
  host?: string;
  tls?: boolean;
  users?: EmulatorUser[];
  timeScale?: number;
  sessionTimeoutMinutes?: number;
  stateFile?: string;
}

/** Options of `startSites`. */
export interface SitesOptions {
  sites: SiteOptions[];
  /** Request log sink for every site, each line prefixed with `[<site>] ` (default stdout); false disables logging. */
  log?: ((line: string) => void) | false;
}

/** What `startSites` resolves to. */
export interface RunningSites {
  /** Each site's handle, exactly what `startEmulator` returns (url, origin, caCert, context, close). */
  sites: Record<string, RunningEmulator>;
  /** The network the sites share. */
  network: SimulatedNetwork;
  /** Close every site. */
  close(): Promise<void>;
}

const SITE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

/**
 * Start several sites on one simulated network (README "Sites"); resolves once all listen. Jobs of the sites' state
 * files resume only when every site is on the network, so a job ending at once still reaches its peer site.
 */
export async function startSites(options: SitesOptions): Promise<RunningSites> {
  if (options.sites.length === 0) throw new Error("startSites needs at least one site");
  const seen = new Set<string>();
  for (const s of options.sites) {
    if (!SITE_NAME.test(s.name)) throw new Error(`site name "${s.name}" must be 1-32 letters, digits, - or _, starting with a letter or digit`);
    if (seen.has(s.name)) throw new Error(`site name "${s.name}" is given twice`);
    seen.add(s.name);
  }
  const stateFiles = options.sites.map((s) => s.stateFile).filter((f): f is string => f !== undefined);
  if (new Set(stateFiles).size !== stateFiles.length) throw new Error("each site needs its own state file");
  const network = new SimulatedNetwork();
  const log = options.log === false ? undefined : (options.log ?? ((line: string) => console.log(line)));
  const started: RunningSite[] = [];
  const sites: Record<string, RunningEmulator> = {};
  try {
    for (const s of options.sites) {
      const opts: EmulatorOptions = {
        port: s.port,
        host: s.host,
        tls: s.tls,
        users: s.users,
        timeScale: s.timeScale,
        sessionTimeoutMinutes: s.sessionTimeoutMinutes,
        stateFile: s.stateFile,
        log: log ? (line: string) => log(`[${s.name}] ${line}`) : false,
      };
      const site = await launchSite(opts, { name: s.name, network, deferJobs: true });
      started.push(site);
      const { resumeJobs: _resume, ...handle } = site;
      sites[s.name] = handle;
    }
  } catch (err) {
    await Promise.all(started.map((s) => s.close()));
    throw err;
  }
  for (const s of started) s.resumeJobs();
  let closed: Promise<void> | undefined;
  return {
    sites,
    network,
    close() {
      closed ??= Promise.all(started.map((s) => s.close())).then(() => undefined);
      return closed;
    },
  };
}
