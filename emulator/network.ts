/**
 * The simulated network several emulator sites share (README "Sites"). Each site is one TPOPS installation with its
 * own port, users, store, jobs and control API; the network is what lets a route on one site reach another site:
 * find a host or an instance by an IP (reference 4.18.4 `dr_ip` "灾备实例任意数据IP" may belong to an instance of
 * another platform), keep host IPs unique across platforms (reference 4.9.2 "同一主机不允许被多个云数据库GaussDB管理
 * 平台重复添加"; A.3 DBS.06025047 "该主机已在其他平台上线"), and deliver the peer side of a change (DR relations).
 */
import { createHash } from "node:crypto";
import { DbsError } from "./errors";
import type { EmulatorContext } from "./router";
import type { HostRecord, InstanceRecord } from "./state";

/** A site's place on the network, as route modules see it (`ctx.site`). */
export interface SiteLink {
  /** The site's name (`a`, `b`; `local` for a single `startEmulator`). */
  readonly name: string;
  readonly network: SimulatedNetwork;
}

/** Where a site's objects live in the reference's vocabulary (4.18.2 RegionInstanceInfo). */
export interface SiteRegion {
  region_code: string;
  project_id: string;
  project_name: string;
}

/** A host found on the network. */
export interface NetworkHost {
  site: string;
  ctx: EmulatorContext;
  host: HostRecord;
}

/** An instance found on the network. */
export interface NetworkInstance {
  site: string;
  ctx: EmulatorContext;
  instance: InstanceRecord;
}

type JoinListener = (otherSite: string) => void;

interface Member {
  ctx: EmulatorContext;
  listeners: JoinListener[];
}

/** The registry of running sites: lookups across sites and peer notifications. */
export class SimulatedNetwork {
  private readonly members = new Map<string, Member>();
  private readonly pendingListeners = new Map<string, JoinListener[]>();

  /** Names of the sites currently on the network, in join order. */
  siteNames(): string[] {
    return [...this.members.keys()];
  }

  /** The context of a running site, if it is on the network (a closed site is unreachable). */
  site(name: string): EmulatorContext | undefined {
    return this.members.get(name)?.ctx;
  }

  /** The region facts of a site (reading: one region and one project per TPOPS installation). */
  region(name: string): SiteRegion {
    return {
      region_code: name,
      project_id: createHash("md5").update(`tpops-site:${name}`).digest("hex"),
      project_name: `${name}_GaussDB`,
    };
  }

  /**
   * Register a function called when another site joins while this one is on the network, and for every site already
   * there when this one joins (route modules use it to deliver changes made while the peer was away).
   */
  onPeerJoin(site: string, fn: JoinListener): void {
    const m = this.members.get(site);
    if (m) m.listeners.push(fn);
    else this.pendingListeners.set(site, [...(this.pendingListeners.get(site) ?? []), fn]);
  }

  /** Put a site on the network (after its state is loaded). Names are unique. */
  join(name: string, ctx: EmulatorContext): void {
    if (this.members.has(name)) throw new Error(`site ${name} is already on the network`);
    const listeners = this.pendingListeners.get(name) ?? [];
    this.pendingListeners.delete(name);
    this.members.set(name, { ctx, listeners });
    for (const [other, m] of this.members) {
      if (other === name) continue;
      for (const fn of m.listeners) fn(name);
      for (const fn of listeners) fn(other);
    }
  }

  /** Take a site off the network (its server closed). */
  leave(name: string): void {
    this.members.delete(name);
  }

  /** Every host of every site with this IP as its manage, data or virtual IP (or only the given kinds). */
  hostsByIp(ip: string, kinds: readonly ("manage_ip" | "data_ip" | "virtual_ip")[] = ["manage_ip", "data_ip", "virtual_ip"]): NetworkHost[] {
    const out: NetworkHost[] = [];
    for (const [site, m] of this.members) {
      for (const host of Object.values(m.ctx.state.data.hosts)) {
        if (kinds.some((k) => host.ip[k] === ip)) out.push({ site, ctx: m.ctx, host });
      }
    }
    return out;
  }

  /** The instance using a host with this data IP, on any site (reference 4.18.4 `dr_ip`). */
  instanceByDataIp(ip: string): NetworkInstance | undefined {
    for (const { site, ctx, host } of this.hostsByIp(ip, ["data_ip"])) {
      const instance = host.instance_id ? ctx.state.data.instances[host.instance_id] : undefined;
      if (instance) return { site, ctx, instance };
    }
    return undefined;
  }

  /** The instance with this id on the named site, if that site is on the network. */
  instance(site: string, id: string): InstanceRecord | undefined {
    return this.members.get(site)?.ctx.state.data.instances[id];
  }

  /** The instance with this id on whichever site holds it, the asking site first. */
  findInstance(id: string, prefer?: string): NetworkInstance | undefined {
    const order = [...this.members.keys()].sort((a, b) => (a === prefer ? -1 : b === prefer ? 1 : 0));
    for (const site of order) {
      const ctx = this.members.get(site)?.ctx;
      const instance = ctx?.state.data.instances[id];
      if (ctx && instance) return { site, ctx, instance };
    }
    return undefined;
  }

  /**
   * Refuse an IP another site's host already uses: reference 4.9.2 接口约束 "同一主机不允许被多个云数据库GaussDB管理
   * 平台重复添加"; A.3 DBS.06025047 "该主机已在其他平台上线".
   */
  assertIpFree(ip: string, askingSite: string, field: string): void {
    const taken = this.hostsByIp(ip).find((h) => h.site !== askingSite);
    if (taken) {
      throw new DbsError(400, "DBS.06025047", { field, detail: `${ip} is an IP of host ${taken.host.name} on site ${taken.site}` });
    }
  }
}
