/**
 * Daily inspections (reference 4.10): the records the emulator keeps for inspection tasks (4.10.1–4.10.6) and
 * scenes (4.10.12–4.10.15), the printed rules they obey, and the inspection-item catalogue of 4.10.9.
 * An independent reading of the reference: nothing here comes from provider/ or sdk/.
 */
import { DbsError } from "../../errors";

/** An inspection task as stored (the fields of 4.10.2 table 4-379 and 4.10.1 table 4-375). */
export interface InspectionTaskRecord {
  id: string;
  inspection_name: string;
  /** 4.10.2 `inspection_id` "否 String 巡检ID。": kept as sent, answered by 4.10.5. */
  inspection_id: string | null;
  instance_ids: string[];
  inspection_scope: string;
  inspection_policy: string;
  inspection_period: string;
  inspection_time: string | null;
  item_ids: string[];
  task_start_time: string | null;
  inspection_day: string | null;
  created: number;
  /** Epoch ms of the last run (4.10.1 last_execute_time), null before the first. */
  last_run: number | null;
  /** Epoch ms when the last run ends (status running until then). */
  run_due: number | null;
}

/** An inspection scene as stored (4.10.13 table 4-454, 4.10.12 table 4-450). */
export interface InspectionSceneRecord {
  scene_id: string;
  name: string;
  is_default: boolean;
  item_ids: string[];
  created: number;
}

// reference 4.10.2 table 4-379 inspection_scope "枚举值: • real_time • daily • weekly • monthly"
export const SCOPES = ["real_time", "daily", "weekly", "monthly"] as const;
// reference 4.10.2 table 4-379 inspection_policy "single-单次巡检 … periodic-周期巡检 … 枚举值: … • periodic"
export const POLICIES = ["single", "periodic"] as const;
// reference 4.10.2 table 4-379 inspection_period "枚举值: • fixed • daily weekly monthly • later • soon"
export const PERIODS = ["fixed", "daily", "weekly", "monthly", "later", "soon"] as const;
/**
 * reference 4.10.2 inspection_policy "single-单次巡检,可选值later(稍后执行),soon(立即执行)。 periodic-周期巡检,可选值:
 * fixed(按时间间隔执行),daily(按天执行),weekly(按周执行),monthly(按月执行)": the periods each policy takes.
 */
export const PERIODS_OF: Readonly<Record<(typeof POLICIES)[number], readonly string[]>> = {
  single: ["later", "soon"],
  periodic: ["fixed", "daily", "weekly", "monthly"],
};

/**
 * The name rule of 4.10.2 / 4.10.6 inspection_name and 4.10.13 / 4.10.15 name, modify_name: "长度为4位到64位,必须以字母
 * 开头,可以包含字母、数字、中划线或下划线,不能包含其他特殊字符。 最小长度: 4 最大长度: 64". Letters are ASCII (the rule
 * names no other alphabet; the examples are ASCII). Throws 400 DBS.280001 ("参数错误"; A.3 has no inspection code; the field error of every emulated area).
 */
export function checkInspectionName(name: string, field: string): void {
  if (name.length < 4 || name.length > 64) throw new DbsError(400, "DBS.280001", { field, detail: `${JSON.stringify(name)} is ${name.length} characters; 4 to 64 are allowed` });
  if (!/^[A-Za-z]/.test(name)) throw new DbsError(400, "DBS.280001", { field, detail: `${JSON.stringify(name)} must start with a letter` });
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new DbsError(400, "DBS.280001", { field, detail: `${JSON.stringify(name)} may contain only letters, digits, - and _` });
}

/** An enum value as printed (exact spelling); 400 DBS.280001 otherwise. */
export function checkEnum(value: string, allowed: readonly string[], field: string): void {
  if (!allowed.includes(value)) throw new DbsError(400, "DBS.280001", { field, detail: `${JSON.stringify(value)} is not one of ${allowed.join(", ")}` });
}

/** reference 4.10.2 inspection_policy "可选值…": the period must be one its policy offers. */
export function checkPolicyPeriod(policy: string, period: string): void {
  const allowed = PERIODS_OF[policy as (typeof POLICIES)[number]] ?? [];
  if (!allowed.includes(period)) {
    throw new DbsError(400, "DBS.280001", { field: "inspection_period", detail: `${JSON.stringify(period)} is not a period of policy ${policy}; it takes ${allowed.join(", ")}` });
  }
}

/**
 * reference 4.10.2 inspection_day "巡检策略为周期巡检时候指定,如果是按天执行则值固定为0,按周巡检值为1-7,分别代表周一到周日执行,
 * 按月巡检取值范围为1-31". Checked only where it takes effect (periodic daily/weekly/monthly); for a single task, or a
 * fixed-interval one, the reference gives no values and the field is kept as sent. Not required: the create example
 * (periodic, daily) omits it.
 */
export function checkInspectionDay(policy: string, period: string, day: string | null): void {
  if (day === null || policy !== "periodic") return;
  const range = period === "daily" ? [0, 0] : period === "weekly" ? [1, 7] : period === "monthly" ? [1, 31] : undefined;
  if (!range) return;
  const n = /^\d+$/.test(day.trim()) ? Number(day.trim()) : NaN;
  if (!(n >= range[0]! && n <= range[1]!)) {
    const want = period === "daily" ? "0 (按天执行则值固定为0)" : `${range[0]}-${range[1]}`;
    throw new DbsError(400, "DBS.280001", { field: "inspection_day", detail: `${JSON.stringify(day)} is not a day of a ${period} inspection; it takes ${want}` });
  }
}

/**
 * The inspection items of 4.10.9 (table 4-428: categories 诊断优化、实例状态、数据库资源、数据库性能、系统资源). The ids are the
 * ones the examples use: 4.10.12's scene lists eleven, 4.10.5's task seven of them (its "5ba48f64-…" is the scene's
 * "b348664-…", printed one digit short there), 4.10.9 and 4.10.13 "405e791367f3419fa262e75ccb202e5c" (printed
 * twice in 4.10.9 for CPU and 内存; one id is one item, so 内存 gets its own). Names come from 4.10.8 (数据库大小 db_size,
 * 长事务 long_transaction) and 4.10.7's categories; the rest are the usual GaussDB checks.
 */
export const INSPECTION_CATEGORIES: readonly { name: string; items: readonly { id: string; name: string; description: string }[] }[] = [
  {
    name: "诊断优化",
    items: [
      { id: "37b40377-47e6-4392-9748-a567c5d068aa", name: "慢SQL", description: "检查执行时间超过阈值的SQL。" },
      { id: "b2b89b48-bbd1-46e8-ad7d-012247a23d2f", name: "索引推荐", description: "检查缺少索引的高频查询。" },
    ],
  },
  {
    name: "实例状态",
    items: [
      { id: "ae348ee4-5139-4777-8808-d68791549de3", name: "实例状态", description: "检查实例及各节点状态是否正常。" },
      { id: "ad1b4bf5-7be8-4708-a10e-bee6a89f35fe", name: "主备同步", description: "检查主备复制是否正常。" },
    ],
  },
  {
    name: "数据库资源",
    items: [
      { id: "405e791367f3419fa262e75ccb202e5c", name: "CPU", description: "检查个节点CPU使用情况。" },
      { id: "405e791367f3419fa262e75ccb202e5d", name: "内存", description: "检查个节点内存使用情况。" },
      { id: "c4473978-73b0-43b8-b233-7aceca98507b", name: "数据库大小", description: "检查各数据库大小并进行记录。" },
    ],
  },
  {
    name: "数据库性能",
    items: [
      { id: "12526548-a4ea-478b-b1bd-1dc2ff83cb5a", name: "长事务", description: "查询超过12小时未结束的活跃事务。若存在,则巡检不通过。" },
      { id: "b3dab237-c5e4-40da-8174-71182898a359", name: "锁等待", description: "检查等锁会话数量。" },
      { id: "1778ce4e-82af-426f-af90-f55ae062387e", name: "连接数", description: "检查在线会话数与最大连接数之比。" },
    ],
  },
  {
    name: "系统资源",
    items: [
      { id: "1613f70e-27e3-426c-96f6-4834c883ab97", name: "磁盘空间", description: "检查数据磁盘空间使用率。" },
      { id: "5ba48f64-1792-4c77-802e-c8fdd6aa38fa", name: "磁盘IO", description: "检查数据磁盘读写速率。" },
      { id: "bb09847e-905d-4d65-8d81-4a19458dea1e", name: "网络", description: "检查网卡收发错误包。" },
    ],
  },
];

/** The default scene of 4.10.12's example ("Health Check", every item it lists; its "b348664-…" read as 5ba48f64-…). */
export function defaultScene(now: number): InspectionSceneRecord {
  return {
    scene_id: "9f1c0d3e-5a7b-4c2d-8e6f-0a1b2c3d4e5f",
    name: "Health Check",
    is_default: true,
    item_ids: [
      "c4473978-73b0-43b8-b233-7aceca98507b",
      "12526548-a4ea-478b-b1bd-1dc2ff83cb5a",
      "b3dab237-c5e4-40da-8174-71182898a359",
      "1613f70e-27e3-426c-96f6-4834c883ab97",
      "ae348ee4-5139-4777-8808-d68791549de3",
      "ad1b4bf5-7be8-4708-a10e-bee6a89f35fe",
      "5ba48f64-1792-4c77-802e-c8fdd6aa38fa",
      "1778ce4e-82af-426f-af90-f55ae062387e",
      "37b40377-47e6-4392-9748-a567c5d068aa",
      "b2b89b48-bbd1-46e8-ad7d-012247a23d2f",
      "bb09847e-905d-4d65-8d81-4a19458dea1e",
    ],
    created: now,
  };
}

/** Length of one emulated inspection run at time scale 1.0 (a run takes about a minute). */
export const RUN_MS = 60_000;

/** Seconds of the day of a time given as "hh:mm:ss" (4.10.2 example "01:00:00") or ISO (its description's "2024-01-22T11:00:59+08:00"), UTC. */
function timeOfDayMs(time: string | null): number {
  if (!time) return 0;
  const hms = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time.trim());
  if (hms) return ((Number(hms[1]) * 60 + Number(hms[2])) * 60 + Number(hms[3] ?? 0)) * 1000;
  const t = Date.parse(time);
  return Number.isNaN(t) ? 0 : t % 86_400_000;
}

/**
 * 4.10.1 next_execute_time: the next time the schedule fires after `now` (UTC), null when it will not fire again
 * (a single task that ran, or a fixed interval, whose interval the reference does not define).
 */
export function nextRun(t: InspectionTaskRecord, now: number): number | null {
  if (t.inspection_policy === "single") {
    if (t.last_run !== null) return null;
    const at = t.task_start_time ? Date.parse(t.task_start_time) : t.inspection_time ? Date.parse(t.inspection_time) : NaN;
    return Number.isNaN(at) ? null : at;
  }
  const tod = timeOfDayMs(t.inspection_time);
  const day = t.inspection_day === null ? NaN : Number(t.inspection_day);
  const startOfToday = now - (now % 86_400_000);
  for (let d = 0; d <= 62; d++) {
    const at = startOfToday + d * 86_400_000 + tod;
    if (at <= now) continue;
    const date = new Date(at);
    if (t.inspection_period === "daily") return at;
    // 1-7 "分别代表周一到周日"
    if (t.inspection_period === "weekly" && (Number.isNaN(day) || ((date.getUTCDay() + 6) % 7) + 1 === day)) return at;
    if (t.inspection_period === "monthly" && (Number.isNaN(day) || date.getUTCDate() === day)) return at;
    if (t.inspection_period === "fixed") return null;
  }
  return null;
}
