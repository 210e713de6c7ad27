/**
 * Instance switches and labels: WDR snapshots (reference 4.5.7 query, 4.5.8 switch), intelligent O&M enrolment
 * (4.6.1 enrol / withdraw, 4.6.2 enrolled and enrollable instances, 4.6.3 the intelligent O&M instances) and the
 * instance's extension information (4.11.1 set, 4.11.2 query). The state lives on the stored instance records
 * (`wdr_snapshot`, `extend_info`; an intelligent O&M instance's `db_assist_managed`), so it is persisted with them in
 * the state file and goes with its instance. README "Instance switches and labels (4.5.7, 4.5.8, 4.6.1–4.6.3,
 * 4.11.1, 4.11.2)" gives the readings.
 */
import { z } from "zod";
import { DbsError, invalidParam } from "../../errors";
import type { EmulatorContext, Router } from "../../router";
import type { Collections } from "../../state";
import { page, parseBody, parseQuery, queryInt } from "../../validate";
import { assertOperable, getInstance, jobInstance, type GaussInstance } from "../instance/instance-model";

/** WDR snapshot switch of one instance as stored (epoch ms; null = none). */
export interface WdrSnapshotRecord {
  status: "ON" | "OFF";
  /** When the switch was last turned on while it is ON (snapshots are taken from then on, hourly). */
  on_since: number | null;
  /** The earliest snapshot the kernel generated, if any. */
  first_snapshot: number | null;
  /** The newest snapshot of an earlier ON period (the current period's newest is derived from on_since). */
  last_snapshot: number | null;
}

/** The fields this area keeps on a stored instance (InstanceRecord allows extra JSON fields). */
export interface SwitchedInstance extends GaussInstance {
  wdr_snapshot?: WdrSnapshotRecord;
  /** reference 4.11.1: extension information, key → value. */
  extend_info?: Record<string, string>;
  /** On an intelligent O&M (gaussdbv5-dbmind) instance: the ids of the instances it manages (4.6.1). */
  db_assist_managed?: string[];
}

/** The job of reference 4.6.1 (the reference names none; the emulator's name) and its duration at time scale 1.0. */
export const MANAGE_JOB = { name: "DBAssistManageInstances", durationMs: 30_000 } as const;

/** GaussDB's default wdr_snapshot_interval: the kernel takes a snapshot every hour while the switch is ON. */
const SNAPSHOT_INTERVAL_MS = 60 * 60 * 1000;

/**
 * How many instances one intelligent O&M instance manages at most: reference 4.6.3's example `manageable_limit` 8
 * (the reference gives no other figure); more is A.3 DBS.06280028 "智能运维实例可纳管数量达到最大限制".
 */
export const MANAGEABLE_LIMIT = 8;

const DBMIND = "gaussdbv5-dbmind";

const isDbAssist = (inst: GaussInstance) => inst.datastore?.type?.toLowerCase() === DBMIND;

function wdrOf(inst: SwitchedInstance): WdrSnapshotRecord {
  // A new instance: the switch is OFF and the kernel has generated no snapshot (GaussDB's enable_wdr_snapshot default).
  inst.wdr_snapshot ??= { status: "OFF", on_since: null, first_snapshot: null, last_snapshot: null };
  return inst.wdr_snapshot;
}

/** The newest snapshot time: the last hourly tick of the current ON period, else the earlier periods' newest. */
function newestSnapshot(w: WdrSnapshotRecord, now: number): number | null {
  if (w.status === "ON" && w.on_since !== null) return w.on_since + Math.floor((now - w.on_since) / SNAPSHOT_INTERVAL_MS) * SNAPSHOT_INTERVAL_MS;
  return w.last_snapshot;
}

/** reference 4.5.7 start_time/end_time: "yyyy-mm-dd hh:mm:ss timezone", the example "2023-07-24 18:38:10.119531+08" (UTC: +00). */
function snapshotTime(ms: number | null): string | null {
  if (ms === null) return null;
  const iso = new Date(ms).toISOString(); // 2023-07-24T18:38:10.119Z
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000+00`;
}

/** The intelligent O&M instances of the store. */
function dbAssists(ctx: EmulatorContext): SwitchedInstance[] {
  return (Object.values(ctx.state.data.instances) as SwitchedInstance[]).filter(isDbAssist);
}

/** The ids an intelligent O&M instance manages, without instances that no longer exist. */
function managedBy(ctx: EmulatorContext, assist: SwitchedInstance): string[] {
  return (assist.db_assist_managed ?? []).filter((id) => ctx.state.data.instances[id] !== undefined);
}

/** Drop enrolments of deleted instances before every state write. */
function pruneManaged(data: Collections): void {
  for (const inst of Object.values(data.instances) as SwitchedInstance[]) {
    if (inst.db_assist_managed) inst.db_assist_managed = inst.db_assist_managed.filter((id) => data.instances[id] !== undefined);
  }
}

/** First host's spec of an instance (cpu, memory and disk type as 4.6.2/4.6.3 show them). */
function firstHost(ctx: EmulatorContext, inst: GaussInstance) {
  const node = (inst.nodes ?? [])[0];
  return node ? ctx.state.data.hosts[node.host_id] : undefined;
}

/** reference 4.6.2 table 4-252 DBAssistManageableInstances. */
function manageableView(ctx: EmulatorContext, inst: GaussInstance, managed: boolean): Record<string, unknown> {
  const host = firstHost(ctx, inst);
  return {
    id: inst.id,
    name: inst.name,
    status: inst.status,
    // table 4-252 manage_status "纳管状态": the 4.6.1 manage_type of an enrolled instance; the example's unenrolled one is null
    manage_status: managed ? "ENABLED" : null,
    upgrade_status: null,
    // the example's engine_name "gaussdbv5" for a GaussDB instance
    engine_name: "gaussdbv5",
    engine_version: inst.datastore.version,
    ha_mode: inst.ha?.mode ?? null,
    volume_type: (host?.spec.storage_type ?? "").toUpperCase() || null,
    virtualization_type: (host?.type ?? "BMS").toLowerCase(),
    server_type: host?.type ?? "BMS",
    vpc_id: null,
    vpc_ids: [],
    actions: [],
  };
}

/** reference 4.6.3 table 4-257 DBAssistInstanceInfo. */
function dbAssistView(ctx: EmulatorContext, inst: SwitchedInstance): Record<string, unknown> {
  const host = firstHost(ctx, inst);
  return {
    id: inst.id,
    name: inst.name,
    port: inst.port,
    cpu: host?.spec.vcpus ?? null,
    arch: inst.arch,
    mem: host?.spec.mem ?? null,
    actions: null,
    engine_name: DBMIND,
    engine_version: inst.datastore.version,
    project_id: null,
    // table 4-257 instance_status "枚举值:NORMAL" for a working instance; the example shows "FAILED" for a failed one
    instance_status: inst.status === "ACTIVE" ? "NORMAL" : inst.status,
    create_at: inst.created,
    ha_mode: inst.ha?.mode ?? null,
    volume_type: (host?.spec.storage_type ?? "").toUpperCase() || null,
    virtualization_type: (host?.type ?? "BMS").toLowerCase(),
    server_type: host?.type ?? "BMS",
    spec_code: null,
    managed_num: managedBy(ctx, inst).length,
    manageable_limit: MANAGEABLE_LIMIT,
    // the example's metadata_id/metadata_name are the instance's own id and name
    metadata_id: inst.id,
    metadata_name: inst.name,
    vpc_id: null,
    vpc_ids: [],
  };
}

// reference 4.5.8 table 4-225
const wdrBody = z.object({
  // reference 4.5.8 status "是 String 开关状态,不区分大小写。 枚举值: ON OFF"
  status: z.string({ error: "is required: ON or OFF" }).refine((s) => ["ON", "OFF"].includes(s.toUpperCase()), { error: "must be ON or OFF (any case)" }),
});

// reference 4.6.1 table 4-246
const manageBody = z.object({
  // reference 4.6.1 db_assist_id "是 String 智能运维实例ID"
  db_assist_id: z.string({ error: "is required" }),
  // reference 4.6.1 instance_ids "是 Array of strings 纳管/接触纳管的实例ID"
  instance_ids: z.array(z.string(), { error: "is required: a list of instance ids" }),
  // reference 4.6.1 manage_type "是 String … 枚举值: ENABLED DISABLED"
  manage_type: z.enum(["ENABLED", "DISABLED"], { error: "must be ENABLED or DISABLED" }),
});

// reference 4.6.2 table 4-249
const manageableQuery = z.object({
  db_assist_id: z.string().optional(),
  instance_id: z.string().optional(),
  instance_name: z.string().optional(),
  // reference 4.6.2 manage_type "是 String … 枚举值: ENABLED DISABLED"
  manage_type: z.enum(["ENABLED", "DISABLED"], { error: "is required: ENABLED or DISABLED" }),
  // reference 4.6.2 offset "必须为数字,不能为负数。最小值: 0"
  offset: queryInt("offset", 0, Number.MAX_SAFE_INTEGER),
  // reference 4.6.2 limit "最小值为1,最大值为100"; A.3 DBS.280439 "无效的查询记录数,请输入小于等于100的正整数"
  limit: queryInt("limit", 1, 100, "DBS.280439"),
});

// reference 4.6.3 table 4-254
const dbAssistQuery = z.object({
  instance_id: z.string().optional(),
  instance_name: z.string().optional(),
  // reference 4.6.3 offset "必须为数字,不能为负数。最小值: 0"
  offset: queryInt("offset", 0, Number.MAX_SAFE_INTEGER),
  // reference 4.6.3 limit "最小值为1,最大值为100"; A.3 DBS.280439
  limit: queryInt("limit", 1, 100, "DBS.280439"),
});

// reference 4.11.1 table 4-472
const extendBody = z.object({
  // reference 4.11.1 key "是 String 扩展信息的字段名称"
  key: z.string({ error: "is required: the name of the extension field" }),
  // reference 4.11.1 value "是 String 扩展信息的值"
  value: z.string({ error: "is required: the value of the extension field (a string)" }),
});

// reference 4.11.2 table 4-475
const extendQuery = z.object({
  // reference 4.11.2 key "是 String 扩展信息的字段名称"
  key: z.string({ error: "is required: the name of the extension field" }),
});

/** Routes of reference 4.5.7, 4.5.8, 4.6.1–4.6.3, 4.11.1 and 4.11.2. */
export function register(r: Router, ctx: EmulatorContext): void {
  ctx.state.onTidy(pruneManaged);

  // ---- WDR snapshots (4.5.7, 4.5.8)

  r.add("GET", "/gaussdb/v3/instances/{instance_id}/wdr-snapshot/status", (req) => {
    // reference A.3 DBS.200002 "实例不存在"
    const inst = getInstance(ctx, req.params.instance_id ?? "") as SwitchedInstance;
    const w = wdrOf(inst);
    // reference 4.5.7 start_time/end_time "若内核未生成快照,则该值为空"
    return { status: 200, body: { status: w.status, start_time: snapshotTime(w.first_snapshot), end_time: snapshotTime(newestSnapshot(w, Date.now())) } };
  });

  r.add("PUT", "/gaussdb/v3/instances/{instance_id}/wdr-snapshot/status", (req) => {
    const body = parseBody(wdrBody, req);
    const inst = getInstance(ctx, req.params.instance_id ?? "") as SwitchedInstance;
    // The switch is a kernel setting: the instance must be idle, ACTIVE and running (README "Instance switches").
    assertOperable(ctx, inst);
    const w = wdrOf(inst);
    const want = body.status.toUpperCase() as "ON" | "OFF";
    const now = Date.now();
    if (want === "ON" && w.status === "OFF") {
      // reference 4.5.8 "开启后内核将定期生成快照": the first snapshot at once, then hourly
      w.status = "ON";
      w.on_since = now;
      w.first_snapshot ??= now;
    } else if (want === "OFF" && w.status === "ON") {
      // Snapshots already generated stay (4.5.7 keeps showing their times).
      w.last_snapshot = newestSnapshot(w, now);
      w.status = "OFF";
      w.on_since = null;
    }
    // reference 4.5.8 响应示例 "状态码: 202 Success. {}"
    return { status: 202, body: {} };
  });

  // ---- intelligent O&M (4.6.1–4.6.3)

  ctx.jobs.define(MANAGE_JOB.name, {
    durationMs: MANAGE_JOB.durationMs,
    onDone(job) {
      const assist = jobInstance(ctx, job.instance_id) as SwitchedInstance;
      const p = job.payload as { instance_ids: string[]; manage_type: "ENABLED" | "DISABLED" };
      const managed = new Set(managedBy(ctx, assist));
      for (const id of p.instance_ids) {
        if (p.manage_type === "ENABLED") {
          if (ctx.state.data.instances[id]) managed.add(id);
        } else managed.delete(id);
      }
      assist.db_assist_managed = [...managed];
    },
  });

  r.add("POST", "/v3/db-assist/manage-instance", (req) => {
    const body = parseBody(manageBody, req);
    // reference 4.6.1 db_assist_id "智能运维实例ID": an instance 4.6.3 lists (a gaussdbv5-dbmind instance); A.3 DBS.200002
    const assist = getInstance(ctx, body.db_assist_id, "db_assist_id") as SwitchedInstance;
    if (!isDbAssist(assist)) {
      throw new DbsError(400, "DBS.200002", { field: "db_assist_id", detail: `instance ${assist.id} is not an intelligent O&M (${DBMIND}) instance` });
    }
    // reference 4.6.1 instance_ids "纳管/接触纳管的实例ID": every one an instance; A.3 DBS.200002 "实例不存在"
    const ids = [...new Set(body.instance_ids)];
    ids.forEach((id, i) => getInstance(ctx, id, `instance_ids[${i}]`));
    // reference A.3 DBS.200019 "该实例正在进行其它操作": the intelligent O&M instance runs one enrolment job at a time
    ctx.jobs.assertInstanceIdle(assist.id);
    if (body.manage_type === "ENABLED") {
      const managed = new Set(managedBy(ctx, assist));
      const after = new Set([...managed, ...ids]);
      // reference 4.6.3 manageable_limit "纳管集群数量上限"; A.3 DBS.06280028 "智能运维实例可纳管数量达到最大限制"
      if (after.size > MANAGEABLE_LIMIT) {
        throw new DbsError(400, "DBS.06280028", { field: "instance_ids", detail: `${assist.id} manages ${managed.size} of at most ${MANAGEABLE_LIMIT} instances` });
      }
    }
    const job = ctx.jobs.start(MANAGE_JOB.name, { instanceId: assist.id, payload: { instance_ids: ids, manage_type: body.manage_type } });
    // reference 4.6.1 响应示例 "状态码: 202 … {"job_id" : …}"
    return { status: 202, body: { job_id: job.id } };
  });

  r.add("GET", "/v3/db-assist/manageable-instances", (req) => {
    const q = parseQuery(manageableQuery, req);
    let assist: SwitchedInstance | undefined;
    if (q.db_assist_id !== undefined) {
      assist = getInstance(ctx, q.db_assist_id, "db_assist_id") as SwitchedInstance;
      if (!isDbAssist(assist)) throw new DbsError(400, "DBS.200002", { field: "db_assist_id", detail: `instance ${assist.id} is not an intelligent O&M (${DBMIND}) instance` });
    }
    const managedIds = new Set(assist ? managedBy(ctx, assist) : dbAssists(ctx).flatMap((a) => managedBy(ctx, a)));
    const candidates = (Object.values(ctx.state.data.instances) as GaussInstance[]).filter(
      (i) => !isDbAssist(i) && (q.instance_id === undefined || i.id === q.instance_id) && (q.instance_name === undefined || i.name === q.instance_name),
    );
    const enrolled = q.manage_type === "ENABLED";
    const listed = candidates.filter((i) => {
      if (enrolled) return managedIds.has(i.id);
      if (managedIds.has(i.id)) return false;
      // reference 4.6.2 db_assist_id "查询未纳管实例时展示与输入db_assist_id实例架构一致的实例"
      return !assist || String(i.arch).toLowerCase() === String(assist.arch).toLowerCase();
    });
    const shown = page(listed, { offset: q.offset, limit: q.limit, defaultLimit: 100 }).map((i) => manageableView(ctx, i, enrolled));
    // reference 4.6.2 table 4-251: managed_instances, unmanaged_instances, total_count (the example prints "total")
    return { status: 200, body: { managed_instances: enrolled ? shown : [], unmanaged_instances: enrolled ? [] : shown, total_count: listed.length } };
  });

  r.add(
    "GET",
    "/v3/db-assist/instances",
    (req) => {
      const q = parseQuery(dbAssistQuery, req);
      const listed = dbAssists(ctx).filter((i) => (q.instance_id === undefined || i.id === q.instance_id) && (q.instance_name === undefined || i.name === q.instance_name));
      const shown = page(listed, { offset: q.offset, limit: q.limit, defaultLimit: 100 }).map((i) => dbAssistView(ctx, i));
      return { status: 200, body: { instances: shown, total_count: listed.length } };
    },
    // reference 4.6.3 table 4-255 X-Mini-Token "否": the list answers without a token
    { auth: false },
  );

  // ---- extension information (4.11.1, 4.11.2)

  r.add("PUT", "/gaussdb/v3/instances/{instance_id}/extend-info", (req) => {
    const body = parseBody(extendBody, req);
    const inst = getInstance(ctx, req.params.instance_id ?? "") as SwitchedInstance;
    // reference A.3 DBS.200019 "该实例正在进行其它操作" (the emulator's rule for every mutating instance call)
    ctx.jobs.assertInstanceIdle(inst.id);
    inst.extend_info = { ...(inst.extend_info ?? {}), [body.key]: body.value };
    // reference 4.11.1 响应参数 "无", 状态码 200
    return { status: 200 };
  });

  r.add("GET", "/gaussdb/v3/instances/{instance_id}/extend-info", (req) => {
    if (!req.query.has("key")) throw invalidParam("key", "is required: the name of the extension field");
    const q = parseQuery(extendQuery, req);
    const inst = getInstance(ctx, req.params.instance_id ?? "") as SwitchedInstance;
    // A key never set: the reference prints no refusal; the answer names it with no value (README "Instance switches").
    const value = inst.extend_info && Object.prototype.hasOwnProperty.call(inst.extend_info, q.key) ? inst.extend_info[q.key] : null;
    return { status: 200, body: { key: q.key, value } };
  });
}
