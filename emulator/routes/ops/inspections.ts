/**
 * Daily inspections (reference 4.10): tasks (4.10.1 list, 4.10.2 create, 4.10.3 batch delete, 4.10.4 start, 4.10.5
 * detail, 4.10.6 change), the item list (4.10.9) and scenes (4.10.12 list, 4.10.13 create, 4.10.14 delete, 4.10.15
 * change). Records and results (4.10.7, 4.10.8, 4.10.10, 4.10.11) are not emulated. Readings: README "Inspections (4.10)".
 */
import { z } from "zod";
import { DbsError } from "../../errors";
import type { ApiRequest, ApiResponse, EmulatorContext, Router } from "../../router";
import { newUuid } from "../../state";
import { page, parseBody, parseQuery, queryInt } from "../../validate";
import {
  INSPECTION_CATEGORIES,
  PERIODS,
  POLICIES,
  RUN_MS,
  SCOPES,
  checkEnum,
  checkInspectionDay,
  checkInspectionName,
  checkPolicyPeriod,
  defaultScene,
  nextRun,
  type InspectionSceneRecord,
  type InspectionTaskRecord,
} from "../../domain/ops/inspection-rules";
import { getInstance } from "../instance/instance-model";

/** An array of strings with the printed "数组长度: min - max" (400 DBS.280001 outside it). */
const ids = (min: number, max: number) =>
  z
    .array(z.string())
    .min(min, { message: `needs ${min} to ${max} entries` })
    .max(max, { message: `takes at most ${max} entries` });

// reference 4.10.2 table 4-379 (请求 Body 参数)
const createBody = z.object({
  // inspection_name "是 String" (the rule: checkInspectionName)
  inspection_name: z.string(),
  // inspection_id "否 String 巡检ID。"
  inspection_id: z.string().optional(),
  // instance_ids "是 Array of strings 实例ID列表。 数组长度: 1 - 200"
  instance_ids: ids(1, 200),
  // inspection_scope, inspection_policy, inspection_period "是 String … 枚举值" (checkEnum)
  inspection_scope: z.string(),
  inspection_policy: z.string(),
  inspection_period: z.string(),
  // inspection_time, task_start_time "否 String … 例如 2024-01-22T11:00:59+08:00" (an example, not a format rule)
  inspection_time: z.string().optional(),
  // item_ids "是 Array of strings 巡检项ID。 数组长度: 1 - 100"
  item_ids: ids(1, 100),
  task_start_time: z.string().optional(),
  // inspection_day "否 String" (checkInspectionDay)
  inspection_day: z.string().optional(),
});

// reference 4.10.6 table 4-403 (请求 Body 参数); no inspection_day, no inspection_id
const updateBody = z.object({
  // inspection_name "否 String" with the create rule
  inspection_name: z.string().optional(),
  // instance_ids "是 Array of strings … 数组长度: 1 - 200"
  instance_ids: ids(1, 200),
  // inspection_scope, inspection_policy "否 String … 枚举值"
  inspection_scope: z.string().optional(),
  inspection_policy: z.string().optional(),
  // inspection_period "是 String … 枚举值: • fixed • daily • weekly • monthly" (and the example's "soon": README)
  inspection_period: z.string(),
  inspection_time: z.string().optional(),
  // item_ids "是 Array of strings … 数组长度: 1 - 100"
  item_ids: ids(1, 100),
  task_start_time: z.string().optional(),
});

// reference 4.10.3 table 4-384 inspection_ids "是 Array of strings"
const batchDeleteBody = z.object({ inspection_ids: z.array(z.string()) });

/** reference 4.10.1 "例如 "2024/01/11 15:47:53"": a filter time, read as UTC. */
const filterTime = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined) return undefined;
    const m = /^(\d{4})\/(\d{1,2})\/(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2})$/.exec(v.trim());
    if (!m) {
      ctx.addIssue({ code: "custom", message: `${JSON.stringify(v)} is not a time like "2024/01/11 15:47:53"` });
      return z.NEVER;
    }
    return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  });

// reference 4.10.1 table 4-371 (Query 参数)
const listQuery = z.object({
  // limit "最小值: 1 最大值: 100 缺省值: 10"; A.3 DBS.280439 "无效的查询记录数,请输入小于等于100的正整数"
  limit: queryInt("limit", 1, 100, "DBS.280439"),
  // offset "最小值: 0 最大值: 2147483647 缺省值: 0"
  offset: queryInt("offset", 0, 2147483647),
  // inspection_name "最小长度: 1 最大长度: 64"; instance_name "最小长度: 1 最大长度: 128"
  inspection_name: z.string().min(1).max(64).optional(),
  instance_name: z.string().min(1).max(128).optional(),
  create_time_start: filterTime,
  create_time_end: filterTime,
  last_execute_time_start: filterTime,
  last_execute_time_end: filterTime,
  next_execute_time_start: filterTime,
  next_execute_time_end: filterTime,
  // sort "缺省值: create_at 枚举值: inspection_name, create_at, last_execute_time, next_execute_time"
  sort: z.enum(["inspection_name", "create_at", "last_execute_time", "next_execute_time"]).optional(),
  // order "缺省值: desc 枚举值: desc, asc"
  order: z.enum(["desc", "asc"]).optional(),
});

// reference 4.10.13 table 4-454: name "是 String" (checkInspectionName), item_ids "是 Array of strings … 数组长度: 1 - 100"
const sceneCreateBody = z.object({ name: z.string(), item_ids: ids(1, 100) });
// reference 4.10.14 table 4-459 names "是 Array of strings 场景名称数组。"
const sceneDeleteBody = z.object({ names: z.array(z.string()) });
// reference 4.10.15 table 4-466: name, modify_name "是 String" (the rule), item_ids "是 Array of strings" (no length printed)
const sceneUpdateBody = z.object({ name: z.string(), item_ids: z.array(z.string()), modify_name: z.string() });

/** reference 4.10.2 / 4.10.6 / 4.10.13 / 4.10.15 响应示例 "success": a text body. */
const success = (status: number): ApiResponse => ({ status, raw: { contentType: "text/plain; charset=utf-8", data: "success" } });

/** Daily inspections (reference 4.10). */
export function register(r: Router, ctx: EmulatorContext): void {
  const tasks = () => ctx.state.data.inspectionTasks;
  const now = () => Date.now();

  /** The scenes, with 4.10.12's default "Health Check" on a fresh platform (once: a deleted default stays deleted). */
  const scenes = (): Record<string, InspectionSceneRecord> => {
    const extra = ctx.state.data.extra as { inspectionDefaultScene?: boolean };
    if (!extra.inspectionDefaultScene) {
      extra.inspectionDefaultScene = true;
      const d = defaultScene(now());
      ctx.state.data.inspectionScenes[d.scene_id] = d;
    }
    return ctx.state.data.inspectionScenes;
  };
  const sceneByName = (name: string) => Object.values(scenes()).find((s) => s.name === name);

  const requireTask = (req: ApiRequest): InspectionTaskRecord => {
    const id = req.params.inspection_id ?? "";
    // reference 4.10.4 / 4.10.5 / 4.10.6 inspection_id "最小长度: 1 最大长度: 64"
    if (id.length < 1 || id.length > 64) throw new DbsError(400, "DBS.280001", { field: "inspection_id", detail: "1 to 64 characters" });
    const t = tasks()[id];
    // A.3 DBS.200044 "访问资源不存在,或者无访问权限"
    if (!t) throw new DbsError(400, "DBS.200044", { field: "inspection_id", detail: `no inspection task ${id}` });
    return t;
  };

  /** Each instance id names an instance (A.3 DBS.200002 "实例不存在"). */
  const checkInstances = (instanceIds: readonly string[]) => {
    instanceIds.forEach((id, i) => getInstance(ctx, id, `instance_ids[${i}]`));
  };

  const running = (t: InspectionTaskRecord) => t.run_due !== null && now() < t.run_due;
  const startRun = (t: InspectionTaskRecord) => {
    t.last_run = now();
    t.run_due = t.last_run + Math.round(RUN_MS * ctx.jobs.getTimeScale());
  };

  /** 4.10.1 `scene` "巡检场景": the scene whose items are exactly the task's (4.10.12 "自动勾选场景中的巡检项"), else null. */
  const sceneOf = (t: InspectionTaskRecord): string | null => {
    const mine = new Set(t.item_ids);
    const hit = Object.values(scenes()).find((s) => {
      const theirs = new Set(s.item_ids);
      return theirs.size === mine.size && [...mine].every((x) => theirs.has(x));
    });
    return hit?.name ?? null;
  };

  // reference 4.10.1 table 4-375 InspectionInfo (times as epoch ms, as the example prints them)
  const listView = (t: InspectionTaskRecord) => ({
    id: t.id,
    inspection_name: t.inspection_name,
    inspection_scope: t.inspection_scope,
    instance_names: t.instance_ids.map((i) => ctx.state.data.instances[i]?.name ?? i).join(","),
    inspection_policy: t.inspection_policy,
    scene: sceneOf(t),
    // the example's "completed"; 4.10.10's record states running, completed (null before the first run)
    status: t.last_run === null ? null : running(t) ? "running" : "completed",
    last_execute_time: t.last_run,
    next_execute_time: nextRun(t, now()),
    create_at: t.created,
  });

  // reference 4.10.5 table 4-398
  const detailView = (t: InspectionTaskRecord) => ({
    inspection_id: t.inspection_id ?? t.id,
    inspection_name: t.inspection_name,
    instance_ids: t.instance_ids,
    inspection_scope: t.inspection_scope,
    inspection_policy: t.inspection_policy,
    inspection_period: t.inspection_period,
    inspection_day: t.inspection_day,
    inspection_time: t.inspection_time,
    item_ids: t.item_ids,
    task_start_time: t.task_start_time,
  });

  r.add("GET", "/gaussdb/v3/inspections", (req) => {
    const q = parseQuery(listQuery, req);
    let all = Object.values(tasks());
    // inspection_name "巡检任务名", instance_name "实例名": filters; read as "contains", as console search boxes do
    if (q.inspection_name !== undefined) all = all.filter((t) => t.inspection_name.includes(q.inspection_name!));
    if (q.instance_name !== undefined) all = all.filter((t) => t.instance_ids.some((i) => (ctx.state.data.instances[i]?.name ?? "").includes(q.instance_name!)));
    // "单独填写create_time_start不生效,需要同时填写create_time_end" (and the same for the other two ranges)
    const within = (v: number | null, a?: number, b?: number) => a === undefined || b === undefined || (v !== null && v >= a && v <= b);
    all = all.filter(
      (t) =>
        within(t.created, q.create_time_start, q.create_time_end) &&
        within(t.last_run, q.last_execute_time_start, q.last_execute_time_end) &&
        within(nextRun(t, now()), q.next_execute_time_start, q.next_execute_time_end),
    );
    const views = all.map(listView);
    const sort = q.sort ?? "create_at";
    const items = page(views, { offset: q.offset, limit: q.limit, defaultLimit: 10, sortKey: (v) => v[sort] ?? -1, desc: (q.order ?? "desc") === "desc" });
    // reference 4.10.1 状态码 "201 正常"; table 4-374 total_count, inspections
    return { status: 201, body: { total_count: all.length, inspections: items } };
  });

  r.add("POST", "/gaussdb/v3/inspections", (req) => {
    const b = parseBody(createBody, req);
    checkInspectionName(b.inspection_name, "inspection_name");
    checkEnum(b.inspection_scope, SCOPES, "inspection_scope");
    checkEnum(b.inspection_policy, POLICIES, "inspection_policy");
    checkEnum(b.inspection_period, PERIODS, "inspection_period");
    checkPolicyPeriod(b.inspection_policy, b.inspection_period);
    checkInspectionDay(b.inspection_policy, b.inspection_period, b.inspection_day ?? null);
    checkInstances(b.instance_ids);
    const t: InspectionTaskRecord = {
      id: newUuid(),
      inspection_name: b.inspection_name,
      inspection_id: b.inspection_id ?? null,
      instance_ids: b.instance_ids,
      inspection_scope: b.inspection_scope,
      inspection_policy: b.inspection_policy,
      inspection_period: b.inspection_period,
      inspection_time: b.inspection_time ?? null,
      item_ids: b.item_ids,
      task_start_time: b.task_start_time ?? null,
      inspection_day: b.inspection_day ?? null,
      created: now(),
      last_run: null,
      run_due: null,
    };
    // inspection_period soon "立即执行": the task runs at once
    if (t.inspection_period === "soon") startRun(t);
    tasks()[t.id] = t;
    // reference 4.10.2 状态码 "201 正常", 响应示例 "success"
    return success(201);
  });

  r.add("POST", "/gaussdb/v3/inspections/batch-delete", (req) => {
    const b = parseBody(batchDeleteBody, req);
    // reference 4.10.3 table 4-387 DeleteInspectionResult: "inspction_id" (sic, as printed), result success / failure
    const results = b.inspection_ids.map((id) => {
      const found = tasks()[id] !== undefined;
      if (found) delete tasks()[id];
      return { inspction_id: id, result: found ? "success" : "failure" };
    });
    return { status: 201, body: { results } };
  });

  r.add("POST", "/gaussdb/v3/inspections/{inspection_id}/start", (req) => {
    const t = requireTask(req);
    // reference 4.10.4 "启动选中的巡检任务" (example "重新执行巡检任务": a running task starts again)
    startRun(t);
    return success(201);
  });

  r.add("GET", "/gaussdb/v3/inspections/{inspection_id}", (req) => {
    const t = requireTask(req);
    // reference 4.10.5 状态码 "201 正常"
    return { status: 201, body: detailView(t) };
  });

  r.add("PUT", "/gaussdb/v3/inspections/{inspection_id}", (req) => {
    const t = requireTask(req);
    const b = parseBody(updateBody, req);
    if (b.inspection_name !== undefined) checkInspectionName(b.inspection_name, "inspection_name");
    if (b.inspection_scope !== undefined) checkEnum(b.inspection_scope, SCOPES, "inspection_scope");
    if (b.inspection_policy !== undefined) checkEnum(b.inspection_policy, POLICIES, "inspection_policy");
    checkEnum(b.inspection_period, PERIODS, "inspection_period");
    const policy = b.inspection_policy ?? t.inspection_policy;
    checkPolicyPeriod(policy, b.inspection_period);
    checkInstances(b.instance_ids);
    // Validated whole, then applied; omitted optional fields keep their value; inspection_day is not in 4.10.6: kept.
    t.inspection_name = b.inspection_name ?? t.inspection_name;
    t.instance_ids = b.instance_ids;
    t.inspection_scope = b.inspection_scope ?? t.inspection_scope;
    t.inspection_policy = policy;
    t.inspection_period = b.inspection_period;
    if (b.inspection_time !== undefined) t.inspection_time = b.inspection_time;
    t.item_ids = b.item_ids;
    if (b.task_start_time !== undefined) t.task_start_time = b.task_start_time;
    return success(201);
  });

  r.add("GET", "/gaussdb/v3/inspections/items", () => {
    // reference 4.10.9 table 4-427: total_count "String 总计个数" (the example prints a number: the item count, as printed)
    const total = INSPECTION_CATEGORIES.reduce((n, c) => n + c.items.length, 0);
    return { status: 200, body: { total_count: total, inspections: INSPECTION_CATEGORIES.map((c) => ({ name: c.name, items: c.items.map((i) => ({ ...i })) })) } };
  });

  r.add("GET", "/gaussdb/v3/inspections/scenes", () => {
    const all = Object.values(scenes());
    // reference 4.10.12 table 4-450: scene_id, name, is_default, item_ids
    return { status: 200, body: { total_count: all.length, scenes: all.map((s) => ({ scene_id: s.scene_id, name: s.name, is_default: s.is_default, item_ids: s.item_ids })) } };
  });

  r.add("POST", "/gaussdb/v3/inspections/scenes", (req) => {
    const b = parseBody(sceneCreateBody, req);
    checkInspectionName(b.name, "name");
    // Scenes are addressed by name (4.10.14 names, 4.10.15 name): a taken name is refused (A.3 has no "exists" code)
    if (sceneByName(b.name)) throw new DbsError(400, "DBS.280001", { field: "name", detail: `a scene named ${b.name} already exists` });
    const s: InspectionSceneRecord = { scene_id: newUuid(), name: b.name, is_default: false, item_ids: b.item_ids, created: now() };
    scenes()[s.scene_id] = s;
    // reference 4.10.13 状态码 "200 正常", 响应示例 "success"
    return success(200);
  });

  r.add("DELETE", "/gaussdb/v3/inspections/scenes", (req) => {
    const b = parseBody(sceneDeleteBody, req);
    // reference 4.10.14 table 4-462: one entry per name; inspection_id the scene's id, result "结果数量" the number of
    // scenes deleted under the name ("1", or "0" for a name no scene has). The reference states no refusal for a scene
    // a task uses (tasks hold item ids, not a scene): it is deleted, the tasks keep their items.
    const results = b.names.map((name) => {
      const s = sceneByName(name);
      if (s) delete scenes()[s.scene_id];
      return { inspection_id: s?.scene_id ?? null, result: s ? "1" : "0" };
    });
    return { status: 200, body: { results } };
  });

  r.add("PUT", "/gaussdb/v3/inspections/scenes", (req) => {
    const b = parseBody(sceneUpdateBody, req);
    // reference 4.10.15 name "之前的场景名称。场景名称长度为4位到64位…", modify_name the same rule
    checkInspectionName(b.name, "name");
    checkInspectionName(b.modify_name, "modify_name");
    const s = sceneByName(b.name);
    if (!s) throw new DbsError(400, "DBS.200044", { field: "name", detail: `no scene named ${b.name}` });
    const other = sceneByName(b.modify_name);
    if (other && other !== s) throw new DbsError(400, "DBS.280001", { field: "modify_name", detail: `a scene named ${b.modify_name} already exists` });
    s.name = b.modify_name;
    s.item_ids = b.item_ids;
    return success(200);
  });
}
