import { z } from "zod";
import { DbsError } from "../errors";
import type { EmulatorContext, Router } from "../router";
import { newHexId, type HostRecord } from "../state";
import { page, parseBody, parseQuery, queryInt } from "../validate";
import { defaultBackupPolicy, formatBackupTime } from "../domain/backup-rules";
import { upgradeCandidates } from "../domain/engine-versions";
import { checkCreateRequest, checkHostsForInstance, checkMysqlPort, checkPassword, isIpv4 } from "../domain/instance-rules";
import { defaultConfigurationId, knownConfigurationIds } from "../domain/parameter-templates";
import { SOLUTIONS, SOLUTION_CHANGES, expansionGroupSize, listTypeFilter, type SolutionName } from "../domain/solutions";
import {
  assertOperable,
  backups,
  dccWhitelist,
  factsLookup,
  freeHosts,
  getInstance,
  instanceAzs,
  instanceView,
  jobInstance,
  refuse,
  type BackupRecord,
  type GaussInstance,
  type NodeRecord,
} from "./instance-model";

const MIN = 60_000;

/** Where a restore to a new instance comes from (reference 4.11.7). */
interface RestoreSource {
  datastore: { type: string; version: string };
  family: "centralized" | "distributed";
  point: { instance_id: string; backup_id: string; mode: string };
}

/** Job names and base durations (time scale 1.0) of the instance operations. */
export const INSTANCE_JOBS = {
  create: { name: "CreateGaussDBV5Instance", baseMs: 20 * MIN, perHostMs: 1 * MIN },
  createDbmind: { name: "CreateGaussDBV5MiniDBMindInstance", baseMs: 15 * MIN, perHostMs: 1 * MIN },
  restore: { name: "RestoreGaussDBInstance", baseMs: 25 * MIN, perHostMs: 1 * MIN },
  uninstall: { name: "DeleteGaussDBInstance", durationMs: 8 * MIN },
  unmanage: { name: "UnmanageGaussDBInstance", durationMs: 2 * MIN },
  stop: { name: "StopGaussDBInstance", durationMs: 2 * MIN },
  start: { name: "StartGaussDBInstance", durationMs: 2 * MIN },
  restart: { name: "RestartGaussDBInstance", durationMs: 3 * MIN },
  expand: { name: "ExpandGaussDBInstanceNodes", perGroupMs: 25 * MIN },
  upgrade: { name: "UpgradeGaussDBInstance", inplaceMs: 15 * MIN, greyPerAzMs: 6 * MIN, commitMs: 2 * MIN, rollbackMs: 8 * MIN },
  solution: { name: "ChangeGaussDBInstanceSolution", durationMs: 20 * MIN },
  enableMysql: { name: "EnableMysqlCompatibility", durationMs: 2 * MIN },
  modifyMysql: { name: "ModifyMysqlCompatibility", durationMs: 2 * MIN },
} as const;

// reference 4.11.6 / 4.11.7 request fields; anything else is refused so that typos surface.
const CREATE_FIELDS = new Set([
  "name", "os_type", "datastore", "host_type", "cpu_spec", "arch", "ha", "solution", "port", "password", "manage_ip",
  "master_az_ip", "slave_az_ip", "arbiter_az_ip", "logger_az_ip", "float_ip", "configuration_id", "time_zone",
  "diy_install_settings", "restore_point", "xbsa_ssl_certs", "xbsa_extension_infos",
]);

const listQuery = z.strictObject({
  id: z.string().optional(),
  name: z.string().optional(),
  type: z.enum(["Enterprise", "Ha"]).optional(),
  datastore_type: z.enum(["GaussDB"]).optional(),
  offset: queryInt("offset", 0, 99_999_999),
  // reference A.3 DBS.280439: the record count must be a positive integer up to 100
  limit: queryInt("limit", 1, 100, "DBS.280439"),
});

const deleteBody = z.strictObject({
  clear_data: z.boolean().optional(),
  keep_db_backup: z.number().int().min(0).max(732).optional(),
  keep_difference_backup: z.number().int().min(0).max(732).optional(),
  rds_admin_password: z.string().nullable().optional(),
  is_force_remove_instance: z.boolean().optional(),
});

const nodeIdsBody = z.strictObject({ node_ids: z.array(z.string().min(1)) });

const expansionBody = z.strictObject({
  expand_cluster: z.strictObject({
    nodes: z.strictObject({ count: z.number().int().min(1), manage_ip: z.array(z.string()).min(1) }),
  }),
});

const upgradeBody = z.strictObject({
  target_version: z.string().min(1),
  upgrade_action: z.enum(["upgrade", "commit", "rollback", "upgradeAutoCommit", "inplace"]).optional(),
  upgrade_type: z.enum(["inplace", "grey"]),
  upgrade_az: z.string().optional(),
});

const solutionBody = z.strictObject({
  solution: z.enum(["triset", "pentaset", "trisetnoetcd", "pentasetnoetcd"]),
  manage_ip: z.array(z.string()).optional(),
  node_id: z.array(z.string()).optional(),
});

// reference 4.11.18: grey actions; upgradeAutoCommit upgrades every AZ and commits in one job.
const GREY_ACTIONS = { upgrade: "grey", commit: "commit", rollback: "rollback", upgradeAutoCommit: "full" } as const;

const mysqlBody = z.strictObject({ port: z.union([z.string(), z.number()]).optional() });

/** Instances (reference 4.11.5–4.11.22): create, list, delete, stop/start/restart, expand, upgrade, solution, M-compat port. */
export function register(r: Router, ctx: EmulatorContext): void {
  const J = INSTANCE_JOBS;
  const instances = () => ctx.state.data.instances as Record<string, GaussInstance>;
  const touch = (inst: GaussInstance) => {
    inst.updated = Date.now();
  };

  /** Validate hosts for new nodes of an existing instance: free, initialized, alike each other and the instance. */
  const checkNewHosts = (inst: GaussInstance, ips: readonly string[], field: string): HostRecord[] => {
    for (const ip of ips) if (!isIpv4(ip)) throw new DbsError(400, "DBS.200001", { field, detail: `${JSON.stringify(ip)} is not an IPv4 address` });
    const dup = ips.find((ip, i) => ips.indexOf(ip) !== i);
    if (dup) throw new DbsError(400, "DBS.06025010", { field, detail: `lists ${dup} twice` });
    const existing = ctx.state.data.hosts[inst.nodes[0]?.host_id ?? ""];
    const v = checkHostsForInstance(ips, factsLookup(ctx), {
      osType: inst.os_type,
      cpuSpec: inst.cpu_spec,
      arch: inst.arch,
      hostType: inst.host_type,
      storageType: existing?.spec.storage_type,
    });
    if (v) refuse({ ...v, field });
    return ctx.state.hostsByManageIps(ips).hosts;
  };

  const addNodes = (inst: GaussInstance, hosts: HostRecord[], status: NodeRecord["status"]): NodeRecord[] => {
    // Node names stay unique after a shrink: continue after the highest index in use.
    const used = inst.nodes.map((n) => Number(/_(\d+)$/.exec(n.name)?.[1] ?? -1));
    const start = Math.max(-1, ...used) + 1;
    const nodes = hosts.map((h, i): NodeRecord => ({
      id: newHexId("no14"),
      name: `${inst.name}_root_${start + i}`,
      host_id: h.id,
      manage_ip: h.ip.manage_ip,
      role: "slave",
      status,
    }));
    ctx.state.markHostsInUse(hosts.map((h) => h.id), inst, (_h, i) => nodes[i]?.id ?? newHexId("no14"));
    return nodes;
  };

  // ---- create (4.11.6) ------------------------------------------------------------------------------------
  const onCreateDone = (jobInstanceId: string | null) => {
    const inst = jobInstance(ctx, jobInstanceId);
    inst.status = "ACTIVE";
    for (const n of inst.nodes) n.status = "ACTIVE";
    touch(inst);
    // Reading: like GaussDB on the cloud, the platform takes a first automatic full backup once the instance is up.
    const now = Date.now();
    const id = newHexId("br14");
    backups(ctx)[id] = {
      id,
      name: `${inst.name}-auto-${formatBackupTime(now).slice(0, 19).replace(/[-:T]/g, "")}`,
      description: "",
      begin_time: now,
      end_time: now,
      status: "COMPLETED",
      size: 512,
      type: "auto",
      backup_type: "completed",
      instance_id: inst.id,
      datastore: { ...inst.datastore },
      family: SOLUTIONS[inst.solution].family,
      file_name: `/backup/${inst.id}/${id}`,
    };
  };
  const onCreateFail = (jobInstanceId: string | null) => {
    const inst = jobInstanceId ? instances()[jobInstanceId] : undefined;
    if (!inst) return;
    inst.status = "FAILED";
    for (const n of inst.nodes) n.status = "STOPPED";
    touch(inst);
  };
  ctx.jobs.define(J.create.name, { durationMs: J.create.baseMs, onDone: (job) => onCreateDone(job.instance_id), onFail: (job) => onCreateFail(job.instance_id) });
  ctx.jobs.define(J.restore.name, { durationMs: J.restore.baseMs, onDone: (job) => onCreateDone(job.instance_id), onFail: (job) => onCreateFail(job.instance_id) });
  ctx.jobs.define(J.createDbmind.name, { durationMs: J.createDbmind.baseMs, onDone: (job) => onCreateDone(job.instance_id), onFail: (job) => onCreateFail(job.instance_id) });

  /** Validate a restore point (reference 4.11.7 RestorePoint) against the stored backups. */
  const restoreSource = (raw: unknown): RestoreSource => {
    const f = (field: string, detail: string, code = "DBS.200001"): never => {
      throw new DbsError(400, code, { field: `restore_point.${field}`, detail });
    };
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return f("", "must be an object");
    const rp = raw as Record<string, unknown>;
    const allowed = ["restore_time", "instance_id", "backup_id", "type", "table_list", "restore_source_type"];
    const unknown = Object.keys(rp).find((k) => !allowed.includes(k));
    if (unknown) f(unknown, "unknown field");
    if (typeof rp.instance_id !== "string" || rp.instance_id === "") f("instance_id", "is required");
    const sourceId = rp.instance_id as string;
    if (rp.type !== undefined && rp.type !== "backup" && rp.type !== "timestamp") f("type", `${JSON.stringify(rp.type)} is not backup or timestamp`);
    // reference 4.11.7: type may be omitted for a backup restore; its second example also omits it for a time.
    const mode = rp.type ?? (rp.backup_id !== undefined ? "backup" : rp.restore_time !== undefined ? "timestamp" : undefined);
    if (mode === undefined) f("type", "give backup_id or restore_time");
    if (rp.restore_source_type !== undefined && rp.restore_source_type !== "INSTANCE" && rp.restore_source_type !== "DATABASE_TABLE") {
      f("restore_source_type", `${JSON.stringify(rp.restore_source_type)} is not INSTANCE or DATABASE_TABLE`);
    }
    if (rp.table_list !== undefined) {
      if (rp.restore_source_type !== "DATABASE_TABLE") f("table_list", "needs restore_source_type DATABASE_TABLE");
      if (!Array.isArray(rp.table_list) || rp.table_list.length === 0) f("table_list", "must be a non-empty array");
      for (const t of rp.table_list as unknown[]) {
        if (typeof t !== "object" || t === null || typeof (t as { db_name?: unknown }).db_name !== "string") f("table_list", "every entry needs db_name");
      }
    }
    const own = Object.values(backups(ctx)).filter((b) => b.instance_id === sourceId && b.status === "COMPLETED");
    let from: BackupRecord | undefined;
    if (mode === "backup") {
      if (typeof rp.backup_id !== "string") return f("backup_id", "is required for a backup restore");
      from = own.find((b) => b.id === rp.backup_id);
      if (!from) f("backup_id", `no completed backup ${rp.backup_id} of instance ${sourceId}`, "DBS.200751");
    } else {
      // Reading: restore_time is epoch milliseconds (the XBSA example's 1710138043000).
      if (typeof rp.restore_time !== "string" || !/^\d{1,15}$/.test(rp.restore_time)) f("restore_time", "must be epoch milliseconds as a string");
      const at = Number(rp.restore_time);
      const fulls = own.filter((b) => b.backup_type === "completed" && b.begin_time <= at).sort((a, b) => b.begin_time - a.begin_time);
      from = fulls[0];
      if (!from) f("restore_time", `no full backup of instance ${sourceId} precedes ${rp.restore_time}`, "DBS.200751");
      if (at > Date.now()) f("restore_time", "is in the future");
    }
    const b = from as BackupRecord;
    return { datastore: { ...b.datastore }, family: b.family, point: { instance_id: sourceId, backup_id: b.id, mode: String(mode) } };
  };

  r.add("POST", "/gaussdb/v3/instances", (req) => {
    if (req.body === undefined) throw new DbsError(400, "DBS.200006");
    let restore: RestoreSource | undefined;
    if (typeof req.body === "object" && req.body !== null && !Array.isArray(req.body)) {
      const body = req.body as Record<string, unknown>;
      const unknown = Object.keys(body).find((k) => !CREATE_FIELDS.has(k));
      if (unknown) throw new DbsError(400, "DBS.200001", { field: unknown, detail: "unknown field" });
      for (const k of ["xbsa_ssl_certs", "xbsa_extension_infos"]) {
        if (body[k] !== undefined) throw new DbsError(400, "DBS.200001", { field: k, detail: "XBSA backup media are not emulated" });
      }
      if (body.restore_point !== undefined) restore = restoreSource(body.restore_point);
    }
    const checked = checkCreateRequest(req.body, {
      dccWhitelist: dccWhitelist(),
      ...(restore ? { restoreFrom: { type: restore.datastore.type as "GaussDB", version: restore.datastore.version, family: restore.family } } : {}),
    });
    if (!checked.ok) refuse(checked.violation);
    const c = checked.value;
    const spec = SOLUTIONS[c.solution];
    if (c.configurationId !== undefined) {
      const tpl = knownConfigurationIds().get(c.configurationId);
      if (!tpl) throw new DbsError(400, "DBS.200001", { field: "configuration_id", detail: `no parameter template ${c.configurationId}` });
      if (tpl.version !== c.datastore.version || tpl.family !== spec.family) {
        throw new DbsError(400, "DBS.200001", { field: "configuration_id", detail: `template ${c.configurationId} is for ${tpl.family} ${tpl.version}` });
      }
    }
    const hv = checkHostsForInstance(c.hostIps, factsLookup(ctx), { osType: c.osType, cpuSpec: c.cpuSpec, arch: c.arch, hostType: c.hostType }, c.azLists);
    if (hv) refuse(hv);
    // The primary goes to the master AZ when one is named.
    const masterIp = c.azLists.master_az_ip?.[0] ?? c.hostIps[0];
    const ordered = [...c.hostIps].sort((a, b) => (a === masterIp ? -1 : b === masterIp ? 1 : 0));
    const hosts = ctx.state.hostsByManageIps(ordered).hosts;
    const now = Date.now();
    const inst: GaussInstance = {
      id: newHexId("in14"),
      name: c.name,
      // reference 4.11.8: RESTORING is the status of an instance being restored.
      status: restore ? "RESTORING" : "BUILD",
      os_type: c.osType,
      datastore: { type: c.datastore.type, version: c.datastore.version },
      host_type: c.hostType,
      cpu_spec: c.cpuSpec,
      arch: c.arch,
      ha: { ...c.ha },
      solution: c.solution,
      port: c.port,
      float_ip: c.floatIp ?? null,
      configuration_id: c.configurationId ?? defaultConfigurationId(c.datastore.version, spec.family),
      time_zone: c.timeZone,
      az_lists: Object.fromEntries(Object.entries(c.azLists).map(([k, v]) => [k, [...(v ?? [])]])),
      nodes: [],
      created: now,
      updated: now,
      backup_policy: defaultBackupPolicy(),
      parameters: {},
      parameters_updated: now,
      pending_restart: false,
      mysql_port: null,
      grey_upgrade: null,
    };
    inst.nodes = addNodes(inst, hosts, "BUILD");
    const first = inst.nodes[0];
    if (first) first.role = "master";
    instances()[inst.id] = inst;
    const def = restore ? J.restore : c.datastore.type === "gaussdbv5-dbmind" ? J.createDbmind : J.create;
    const payload = { instance_id: inst.id, ...(restore ? { restore_from: restore.point } : {}) };
    const job = ctx.jobs.start(def.name, { instanceId: inst.id, durationMs: def.baseMs + def.perHostMs * hosts.length, payload });
    return {
      status: 202,
      body: {
        job_id: job.id,
        instance_id: inst.id,
        name: inst.name,
        os_type: inst.os_type,
        datastore: inst.datastore,
        ha: inst.ha,
        solution: inst.solution,
        port: String(inst.port),
        manage_ip: [...c.hostIps],
        ...inst.az_lists,
        float_ip: inst.float_ip,
        configuration_id: inst.configuration_id,
        time_zone: inst.time_zone,
        backup_strategy: { start_time: inst.backup_policy.start_time, keep_days: inst.backup_policy.keep_days },
      },
    };
  });

  // ---- list / detail (4.11.8) -------------------------------------------------------------------------------
  const matcher = (field: string, raw: string | undefined): ((v: string) => boolean) => {
    if (raw === undefined) return () => true;
    // reference 4.11.8: a leading "*" asks for a fuzzy match on the rest; "*" alone is refused.
    if (raw.startsWith("*")) {
      const rest = raw.slice(1);
      if (rest === "") throw new DbsError(400, "DBS.200001", { field, detail: `"*" alone is not a valid ${field}` });
      return (v) => v.toLowerCase().includes(rest.toLowerCase());
    }
    return (v) => v === raw;
  };
  r.add("GET", "/gaussdb/v3.1/instances", (req) => {
    const q = parseQuery(listQuery, req);
    const idOk = matcher("id", q.id);
    const nameOk = matcher("name", q.name);
    const all = Object.values(instances())
      .filter((i) => idOk(i.id) && nameOk(i.name))
      .filter((i) => q.type === undefined || listTypeFilter(SOLUTIONS[i.solution].family) === q.type)
      .filter((i) => q.datastore_type === undefined || i.datastore.type === q.datastore_type)
      .sort((a, b) => b.created - a.created);
    const items = page(all, { offset: q.offset, limit: q.limit, defaultLimit: 100 });
    return { status: 200, body: { instances: items.map((i) => instanceView(ctx, i)), total_count: all.length } };
  });

  // ---- delete (4.11.5) ----------------------------------------------------------------------------------------
  const onDeleteDone = (jobInstanceId: string | null, payload: unknown, hostStatus: "initialized" | "unmanaged") => {
    const inst = jobInstance(ctx, jobInstanceId);
    const p = payload as { keep_db_backup: number };
    ctx.state.freeHostsOfInstance(inst.id, hostStatus);
    // reference 4.11.5 keep_db_backup: full backups are kept that many days; 0 removes them with the instance.
    if (p.keep_db_backup === 0) {
      const all = backups(ctx);
      for (const b of Object.values(all)) if (b.instance_id === inst.id) delete all[b.id];
    }
    delete ctx.state.data.instances[inst.id];
  };
  ctx.jobs.define(J.uninstall.name, { durationMs: J.uninstall.durationMs, onDone: (job) => onDeleteDone(job.instance_id, job.payload, "initialized") });
  // Reading: an unmanaged instance keeps running on its hosts, so they become 待纳管 (unmanaged), not reusable.
  ctx.jobs.define(J.unmanage.name, { durationMs: J.unmanage.durationMs, onDone: (job) => onDeleteDone(job.instance_id, job.payload, "unmanaged") });

  r.add("DELETE", "/gaussdb/v3/instances/{instance_id}/management", (req) => {
    const body = req.body === undefined ? {} : parseBody(deleteBody, req);
    const inst = getInstance(ctx, req.params.instance_id ?? "");
    // reference 4.11.5: without clear_data and is_force_remove_instance, rds_admin_password is required.
    if (body.clear_data === undefined && body.is_force_remove_instance === undefined) {
      if (body.rds_admin_password === undefined || body.rds_admin_password === null) {
        throw new DbsError(400, "DBS.200001", { field: "rds_admin_password", detail: "is required unless clear_data or is_force_remove_instance is given" });
      }
    }
    if (typeof body.rds_admin_password === "string") {
      const v = checkPassword(body.rds_admin_password, "rds_admin_password", "DBS.6025117", "rdsadmin");
      if (v) refuse(v);
    }
    ctx.jobs.assertInstanceIdle(inst.id);
    const def = body.clear_data === true ? J.uninstall : J.unmanage;
    const job = ctx.jobs.start(def.name, { instanceId: inst.id, payload: { keep_db_backup: body.keep_db_backup ?? 0 } });
    return { status: 202, body: { instance_id: inst.id, job_id: job.id } };
  });

  // ---- stop / start / restart (4.11.9–4.11.11) --------------------------------------------------------------
  const resolveNodes = (inst: GaussInstance, ids: readonly string[]): NodeRecord[] => {
    if (ids.length === 0) return [...inst.nodes];
    return ids.map((id, i) => {
      const n = inst.nodes.find((x) => x.id === id);
      if (!n) throw new DbsError(400, "DBS.216030", { field: `node_ids[${i}]`, detail: `node ${id} is not part of instance ${inst.id}` });
      return n;
    });
  };
  ctx.jobs.define(J.stop.name, {
    durationMs: J.stop.durationMs,
    onDone(job) {
      const inst = jobInstance(ctx, job.instance_id);
      const ids = (job.payload as { node_ids: string[] }).node_ids;
      for (const n of inst.nodes) if (ids.includes(n.id)) n.status = "STOPPED";
      if (inst.nodes.every((n) => n.status === "STOPPED")) inst.status = "STOPPED";
      touch(inst);
    },
  });
  ctx.jobs.define(J.start.name, {
    durationMs: J.start.durationMs,
    onDone(job) {
      const inst = jobInstance(ctx, job.instance_id);
      const ids = (job.payload as { node_ids: string[] }).node_ids;
      for (const n of inst.nodes) if (ids.includes(n.id)) n.status = "ACTIVE";
      inst.status = "ACTIVE";
      touch(inst);
    },
  });
  const restoreActive = (id: string | null) => {
    const inst = id ? instances()[id] : undefined;
    if (!inst) return;
    inst.status = "ACTIVE";
    for (const n of inst.nodes) if (n.status === "REBOOTING") n.status = "ACTIVE";
  };
  ctx.jobs.define(J.restart.name, {
    durationMs: J.restart.durationMs,
    onDone(job) {
      const inst = jobInstance(ctx, job.instance_id);
      inst.status = "ACTIVE";
      for (const n of inst.nodes) n.status = "ACTIVE";
      inst.pending_restart = false;
      touch(inst);
    },
    onFail: (job) => restoreActive(job.instance_id),
  });

  r.add("POST", "/gaussdb/v3/instances/{instance_id}/db-stop", (req) => {
    const body = parseBody(nodeIdsBody, req);
    const inst = getInstance(ctx, req.params.instance_id ?? "");
    assertOperable(ctx, inst);
    const nodes = resolveNodes(inst, body.node_ids);
    const stopped = nodes.find((n) => n.status !== "ACTIVE");
    if (stopped) throw new DbsError(400, "DBS.216011", { field: "node_ids", detail: `node ${stopped.id} is ${stopped.status}` });
    const job = ctx.jobs.start(J.stop.name, { instanceId: inst.id, payload: { node_ids: nodes.map((n) => n.id) } });
    return { status: 202, body: { job_id: job.id } };
  });

  r.add("POST", "/gaussdb/v3/instances/{instance_id}/db-startup", (req) => {
    const body = parseBody(nodeIdsBody, req);
    const inst = getInstance(ctx, req.params.instance_id ?? "");
    assertOperable(ctx, inst, ["ACTIVE", "STOPPED"]);
    const nodes = resolveNodes(inst, body.node_ids);
    // reference A.3 DBS.301147: starting a stopped instance needs a majority of its nodes.
    const running = inst.nodes.filter((n) => n.status === "ACTIVE").length;
    const after = new Set([...inst.nodes.filter((n) => n.status === "ACTIVE").map((n) => n.id), ...nodes.map((n) => n.id)]).size;
    if (running === 0 && after < Math.floor(inst.nodes.length / 2) + 1) {
      throw new DbsError(400, "DBS.301147", { field: "node_ids", detail: `${after} of ${inst.nodes.length} nodes is not a majority` });
    }
    const job = ctx.jobs.start(J.start.name, { instanceId: inst.id, payload: { node_ids: nodes.map((n) => n.id) } });
    return { status: 202, body: { job_id: job.id } };
  });

  r.add("POST", "/gaussdb/v3/instances/{instance_id}/restart", (req) => {
    const inst = getInstance(ctx, req.params.instance_id ?? "");
    assertOperable(ctx, inst);
    const job = ctx.jobs.start(J.restart.name, { instanceId: inst.id, payload: {} });
    inst.status = "REBOOTING";
    for (const n of inst.nodes) n.status = "REBOOTING";
    // reference 4.11.10: the job id is answered in a header as well as in the body.
    return { status: 202, body: { job_id: job.id }, headers: { job_id: job.id } };
  });

  // ---- expansion (4.11.15) ----------------------------------------------------------------------------------
  ctx.jobs.define(J.expand.name, {
    durationMs: J.expand.perGroupMs,
    onDone(job) {
      const inst = jobInstance(ctx, job.instance_id);
      const p = job.payload as { nodes: NodeRecord[] };
      inst.nodes.push(...p.nodes.map((n) => ({ ...n, status: "ACTIVE" as const })));
      touch(inst);
    },
    onFail(job) {
      freeHosts(ctx, (job.payload as { nodes: NodeRecord[] }).nodes.map((n) => n.host_id));
    },
  });
  r.add("POST", "/gaussdb/v3/instances/{instance_id}/expansion", (req) => {
    const body = parseBody(expansionBody, req);
    const inst = getInstance(ctx, req.params.instance_id ?? "");
    assertOperable(ctx, inst);
    if (SOLUTIONS[inst.solution].family !== "distributed") {
      throw new DbsError(400, "DBS.216009", { detail: `node expansion is for distributed instances; ${inst.id} is ${inst.solution}` });
    }
    const { count, manage_ip } = body.expand_cluster.nodes;
    const group = expansionGroupSize(inst.solution);
    if (manage_ip.length !== count * group) {
      throw new DbsError(400, "DBS.06025010", { field: "expand_cluster.nodes.manage_ip", detail: `${count} group(s) of ${inst.solution} need ${count * group} hosts, got ${manage_ip.length}` });
    }
    const hosts = checkNewHosts(inst, manage_ip, "expand_cluster.nodes.manage_ip");
    const nodes = addNodes(inst, hosts, "BUILD");
    const job = ctx.jobs.start(J.expand.name, { instanceId: inst.id, durationMs: J.expand.perGroupMs * count, payload: { nodes } });
    return { status: 202, body: { job_id: job.id } };
  });

  // ---- upgrade (4.11.17 / 4.11.18) ---------------------------------------------------------------------------
  const greyCapable = (inst: GaussInstance) => inst.nodes.length > 1;
  r.add("GET", "/gaussdb/v3/instances/{instance_id}/db-upgrade/candidate-versions", (req) => {
    const inst = getInstance(ctx, req.params.instance_id ?? "");
    const candidates = [...upgradeCandidates(inst.datastore.version)];
    const g = inst.grey_upgrade;
    const azs = instanceAzs(ctx, inst);
    const can = candidates.length > 0 && inst.status === "ACTIVE";
    const remaining = g ? azs.filter((a) => !g.upgraded_azs.includes(a)) : azs;
    return {
      status: 200,
      body: {
        upgrade_type_list: [
          {
            upgrade_type: "grey",
            upgrade_action_list: [
              { upgrade_action: "commit", enable: !!g && remaining.length === 0 },
              { upgrade_action: "rollback", enable: !!g },
              { upgrade_action: "upgrade", enable: greyCapable(inst) && (g ? remaining.length > 0 : can) },
              { upgrade_action: "upgradeAutoCommit", enable: greyCapable(inst) && !g && can },
            ],
            enable: greyCapable(inst) && (can || !!g),
          },
          { upgrade_type: "hotfix", upgrade_action_list: null, enable: false },
          { upgrade_type: "inplace", upgrade_action_list: [{ upgrade_action: "upgradeAutoCommit", enable: !g && can }], enable: !g && can },
        ],
        rollback_enabled: !!g,
        source_version: inst.datastore.version,
        target_version: g?.target ?? null,
        roll_upgrade_progress: {
          not_fully_upgraded_az: remaining.join(","),
          already_upgraded_az: (g?.upgraded_azs ?? []).join(","),
          az_description_map: Object.fromEntries(azs.map((a) => [a, a])),
        },
        upgrade_candidate_versions: g ? [g.target] : candidates,
        hotfix_upgrade_candidate_versions: [],
        hotfix_rollback_candidate_versions: [],
      },
    };
  });

  ctx.jobs.define(J.upgrade.name, {
    durationMs: J.upgrade.inplaceMs,
    onDone(job) {
      const inst = jobInstance(ctx, job.instance_id);
      const p = job.payload as { action: "full" | "grey" | "commit" | "rollback"; target: string; azs: string[] };
      if (p.action === "full" || p.action === "commit") {
        inst.datastore.version = p.target;
        inst.grey_upgrade = null;
      } else if (p.action === "rollback") {
        inst.grey_upgrade = null;
      } else {
        const g = inst.grey_upgrade ?? { target: p.target, upgraded_azs: [] };
        g.upgraded_azs.push(...p.azs.filter((a) => !g.upgraded_azs.includes(a)));
        inst.grey_upgrade = g;
      }
      inst.status = "ACTIVE";
      touch(inst);
    },
    onFail: (job) => restoreActive(job.instance_id),
  });
  r.add("PUT", "/gaussdb/v3.1/instances/{instance_id}/db-upgrade", (req) => {
    const body = parseBody(upgradeBody, req);
    const inst = getInstance(ctx, req.params.instance_id ?? "");
    assertOperable(ctx, inst);
    const g = inst.grey_upgrade;
    const bad = (detail: string, code = "DBS.280657", field = "upgrade_action"): never => {
      throw new DbsError(400, code, { field, detail });
    };
    let action: "full" | "grey" | "commit" | "rollback";
    let azs: string[] = [];
    let durationMs: number = J.upgrade.inplaceMs;
    if (body.upgrade_type === "inplace") {
      if (body.upgrade_action !== undefined && body.upgrade_action !== "inplace" && body.upgrade_action !== "upgradeAutoCommit") {
        bad(`${body.upgrade_action} is not an in-place upgrade action`);
      }
      if (body.upgrade_az !== undefined) bad("upgrade_az is only for grey upgrades", "DBS.280658", "upgrade_az");
      action = "full";
    } else {
      if (!greyCapable(inst)) bad(`a single-node instance cannot be upgraded grey`, "DBS.280657", "upgrade_type");
      if (body.upgrade_action === undefined) bad("is required for grey upgrades");
      if (body.upgrade_action === "inplace") bad("inplace is not a grey upgrade action");
      action = GREY_ACTIONS[body.upgrade_action as keyof typeof GREY_ACTIONS];
      if (action !== "grey" && body.upgrade_az !== undefined) bad("upgrade_az is only for the upgrade action", "DBS.280658", "upgrade_az");
    }
    if (action === "commit" || action === "rollback") {
      if (!g) bad(`no grey upgrade is in progress to ${action}`, "DBS.280660");
      if (g && body.target_version !== g.target) bad(`the grey upgrade in progress targets ${g.target}`, "DBS.280657", "target_version");
      if (action === "commit" && g) {
        const left = instanceAzs(ctx, inst).filter((a) => !g.upgraded_azs.includes(a));
        if (left.length > 0) bad(`AZs ${left.join(",")} are not upgraded yet`, "DBS.280660");
      }
      durationMs = action === "commit" ? J.upgrade.commitMs : J.upgrade.rollbackMs;
    } else {
      if (g) {
        if (action === "full") bad("a grey upgrade is in progress; commit or roll it back first", "DBS.280660");
        if (body.target_version !== g.target) bad(`the grey upgrade in progress targets ${g.target}`, "DBS.280657", "target_version");
      } else {
        if (body.target_version === inst.datastore.version) throw new DbsError(400, "DBS.05000008", { field: "target_version" });
        const candidates: readonly string[] = upgradeCandidates(inst.datastore.version);
        if (!candidates.includes(body.target_version)) {
          throw new DbsError(400, "DBS.280236", {
            field: "target_version",
            detail: `${body.target_version} is not an upgrade candidate of ${inst.datastore.version} (${candidates.join(", ") || "none"})`,
          });
        }
      }
      if (action === "grey") {
        const all = instanceAzs(ctx, inst);
        const want = (body.upgrade_az ?? "").split(",").map((s) => s.trim()).filter(Boolean);
        if (want.length === 0) bad("is required for the upgrade action", "DBS.280658", "upgrade_az");
        for (const az of want) {
          if (!all.includes(az)) bad(`${az} is not an AZ of the instance (${all.join(",")})`, "DBS.280658", "upgrade_az");
          if (g?.upgraded_azs.includes(az)) bad(`${az} is already upgraded`, "DBS.280658", "upgrade_az");
        }
        azs = [...new Set(want)];
        durationMs = J.upgrade.greyPerAzMs * azs.length;
      }
    }
    const job = ctx.jobs.start(J.upgrade.name, { instanceId: inst.id, durationMs, payload: { action, target: body.target_version, azs } });
    inst.status = "UPGRADING";
    return { status: 202, body: { job_id: job.id } };
  });

  // ---- solution change (4.11.20) ------------------------------------------------------------------------------
  ctx.jobs.define(J.solution.name, {
    durationMs: J.solution.durationMs,
    onDone(job) {
      const inst = jobInstance(ctx, job.instance_id);
      const p = job.payload as { solution: SolutionName; add: NodeRecord[]; remove: string[] };
      inst.nodes.push(...p.add.map((n) => ({ ...n, status: "ACTIVE" as const })));
      const removed = inst.nodes.filter((n) => p.remove.includes(n.id));
      inst.nodes = inst.nodes.filter((n) => !p.remove.includes(n.id));
      freeHosts(ctx, removed.map((n) => n.host_id));
      inst.solution = p.solution;
      touch(inst);
    },
    onFail(job) {
      freeHosts(ctx, (job.payload as { add: NodeRecord[] }).add.map((n) => n.host_id));
    },
  });
  r.add("PUT", "/gaussdb/v3/instances/{instance_id}/solution", (req) => {
    const body = parseBody(solutionBody, req);
    const inst = getInstance(ctx, req.params.instance_id ?? "");
    assertOperable(ctx, inst);
    if (SOLUTION_CHANGES[inst.solution] !== body.solution) {
      throw new DbsError(400, "DBS.200001", {
        field: "solution",
        detail: `${inst.solution} cannot change to ${body.solution}; allowed: triset<->pentaset, trisetnoetcd<->pentasetnoetcd`,
      });
    }
    const delta = SOLUTIONS[body.solution].hostCount - SOLUTIONS[inst.solution].hostCount;
    let add: NodeRecord[] = [];
    let remove: string[] = [];
    if (delta > 0) {
      if (body.node_id !== undefined && body.node_id.length > 0) throw new DbsError(400, "DBS.200001", { field: "node_id", detail: "is only for shrinking" });
      const ips = body.manage_ip ?? [];
      if (ips.length !== delta) throw new DbsError(400, "DBS.06025010", { field: "manage_ip", detail: `${inst.solution} -> ${body.solution} needs ${delta} new hosts, got ${ips.length}` });
      add = addNodes(inst, checkNewHosts(inst, ips, "manage_ip"), "BUILD");
    } else {
      if (body.manage_ip !== undefined && body.manage_ip.length > 0) throw new DbsError(400, "DBS.200001", { field: "manage_ip", detail: "is only for growing" });
      const ids = body.node_id ?? [];
      if (ids.length !== -delta || new Set(ids).size !== ids.length) {
        throw new DbsError(400, "DBS.200001", { field: "node_id", detail: `${inst.solution} -> ${body.solution} removes ${-delta} distinct nodes, got ${ids.length}` });
      }
      for (const [i, id] of ids.entries()) {
        const n = inst.nodes.find((x) => x.id === id);
        if (!n) throw new DbsError(400, "DBS.216030", { field: `node_id[${i}]`, detail: `node ${id} is not part of instance ${inst.id}` });
        if (n.role === "master") throw new DbsError(400, "DBS.216011", { field: `node_id[${i}]`, detail: `node ${id} is the primary` });
      }
      remove = ids;
    }
    const job = ctx.jobs.start(J.solution.name, { instanceId: inst.id, payload: { solution: body.solution, add, remove } });
    return { status: 202, body: { job_id: job.id } };
  });

  // ---- M-compatibility port (4.11.21 / 4.11.22) --------------------------------------------------------------
  const setMysqlPort = (job: { instance_id: string | null; payload: unknown }) => {
    const inst = jobInstance(ctx, job.instance_id);
    const port = (job.payload as { port: number }).port;
    inst.mysql_port = port === 0 ? null : port;
    touch(inst);
  };
  ctx.jobs.define(J.enableMysql.name, { durationMs: J.enableMysql.durationMs, onDone: setMysqlPort });
  ctx.jobs.define(J.modifyMysql.name, { durationMs: J.modifyMysql.durationMs, onDone: setMysqlPort });
  r.add("POST", "/gaussdb/v3/instances/{instance_id}/mysql-compatibility", (req) => {
    const body = parseBody(mysqlBody, req);
    const inst = getInstance(ctx, req.params.instance_id ?? "");
    assertOperable(ctx, inst);
    if (inst.mysql_port !== null) throw new DbsError(400, "DBS.216009", { detail: `the M-compatibility port is already open on ${inst.mysql_port}; use PUT to change it` });
    const p = checkMysqlPort(body.port, inst.port, false);
    if (!p.ok) refuse(p.violation);
    const job = ctx.jobs.start(J.enableMysql.name, { instanceId: inst.id, payload: { port: p.value } });
    return { status: 202, body: { job_id: job.id } };
  });
  r.add("PUT", "/gaussdb/v3/instances/{instance_id}/mysql-compatibility", (req) => {
    const body = parseBody(mysqlBody, req);
    const inst = getInstance(ctx, req.params.instance_id ?? "");
    assertOperable(ctx, inst);
    const p = checkMysqlPort(body.port, inst.port, true);
    if (!p.ok) refuse(p.violation);
    if (inst.mysql_port === null) throw new DbsError(400, "DBS.216009", { detail: "the M-compatibility port is not open; use POST to open it" });
    const job = ctx.jobs.start(J.modifyMysql.name, { instanceId: inst.id, payload: { port: p.value } });
    return { status: 202, body: { job_id: job.id } };
  });
}
