import { z } from "zod";
import { DbsError, invalidParam } from "../../errors";
import type { EmulatorContext, Router } from "../../router";
import { newUuid, type DataCenterRecord } from "../../state";
import { page, parseBody, parseQuery, queryInt } from "../../validate";
import { dataCenterView } from "../../views";

// reference 4.9.10 "最多可批量添加50个机房" (4.9.11 "最多可批量修改50个", 4.9.12 "最多可批量删除50个")
const MAX_BATCH = 50;
// reference 4.9.10 `name` "可以包含英文、数字、中划线或者下划线,不能包含其他特殊字符"
const NAME_PATTERN = /^[A-Za-z0-9_-]+$/;

const listQuery = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  // reference 4.9.9 `offset` "必须为数字,不能为负数"
  offset: queryInt("offset", 0, Number.MAX_SAFE_INTEGER),
  // reference 4.9.9 `limit` "最小值为1,最大值为100"; A.3 DBS.280439 "无效的查询记录数,请输入小于等于100的正整数"
  limit: queryInt("limit", 1, 100, "DBS.280439"),
  // reference 4.9.9 `sort_key` "枚举值: name hosts_num"
  sort_key: z.enum(["name", "hosts_num"]).optional(),
  // reference 4.9.9 `sort_order` "枚举值: asc desc"
  sort_order: z.enum(["asc", "desc"]).optional(),
});

// reference 4.9.10 tables 4-361/4-362
const addBody = z.object({
  data_centers: z.array(z.object({ name: z.string(), description: z.string().optional() })),
});
// reference 4.9.11 tables 4-365/4-366
const modifyBody = z.object({
  data_centers: z.array(
    z.object({ id: z.string(), name: z.string().optional(), description: z.string().optional() }),
  ),
});
// reference 4.9.12 table 4-369 `data_center_ids` "是 Array of strings"
const deleteBody = z.object({ data_center_ids: z.array(z.string()) });

function checkName(name: string, field: string): void {
  // reference 4.9.10 `name` "机房名称,不超过20个字符"; A.3 DBS.06025024 "所选主机或者机房名字长度不合法" (also for none)
  if (name.length < 1 || [...name].length > 20) {
    throw new DbsError(400, "DBS.06025024", { field, detail: "must be 1 to 20 characters" });
  }
  // reference 4.9.10 `name` "可以包含英文、数字、中划线或者下划线,不能包含其他特殊字符"
  if (!NAME_PATTERN.test(name)) {
    throw invalidParam(field, "may contain only letters, digits, hyphens (-) and underscores (_)");
  }
}

function checkDescription(description: string | undefined, field: string): void {
  // reference 4.9.10 `description` "机房描述,不超过100个字符"; A.3 DBS.06025025 "所选主机或者机房描述长度不合法"
  if (description !== undefined && [...description].length > 100) {
    throw new DbsError(400, "DBS.06025025", { field, detail: "must be at most 100 characters" });
  }
}

function checkBatch(n: number, field: string): void {
  // reference 4.9.10 "支持批量添加机房,最多可批量添加50个机房" (and 4.9.11, 4.9.12; an empty batch names none)
  if (n < 1 || n > MAX_BATCH) throw invalidParam(field, `must list 1 to ${MAX_BATCH} data centers`);
}

/** Data centers (reference 4.9.9–4.9.12): `/gaussdb/v3/data-centers` GET, POST, PUT, DELETE. */
export function register(r: Router, ctx: EmulatorContext): void {
  const dcs = () => ctx.state.data.dataCenters;
  const byName = (name: string) => Object.values(dcs()).find((d) => d.name === name);
  const hostCount = (id: string) => Object.values(ctx.state.data.hosts).filter((h) => h.data_center_id === id).length;

  r.add("GET", "/gaussdb/v3/data-centers", (req) => {
    const q = parseQuery(listQuery, req);
    const all = Object.values(dcs()).filter((d) => (q.id === undefined || d.id === q.id) && (q.name === undefined || d.name === q.name));
    const sortKey = q.sort_key === "name" ? (d: DataCenterRecord) => d.name : q.sort_key === "hosts_num" ? (d: DataCenterRecord) => hostCount(d.id) : undefined;
    const items = page(all, { offset: q.offset, limit: q.limit, defaultLimit: 10, sortKey, desc: q.sort_order === "desc" });
    return { status: 200, body: { total_count: all.length, data_centers: items.map((d) => dataCenterView(ctx.state, d)) } };
  });

  r.add("POST", "/gaussdb/v3/data-centers", (req) => {
    const { data_centers: list } = parseBody(addBody, req);
    checkBatch(list.length, "data_centers");
    const seen = new Set<string>();
    list.forEach((d, i) => {
      checkName(d.name, `data_centers[${i}].name`);
      checkDescription(d.description, `data_centers[${i}].description`);
      // reference 4.9.10 接口约束 "机房名称不可重复" (also within one batch); A.3 DBS.06025059 "所选机房已存在"
      if (seen.has(d.name) || byName(d.name)) {
        throw new DbsError(400, "DBS.06025059", { field: `data_centers[${i}].name`, detail: `"${d.name}" already exists` });
      }
      seen.add(d.name);
    });
    const now = Date.now();
    for (const d of list) {
      const id = newUuid();
      dcs()[id] = { id, name: d.name, description: d.description ?? null, created: now };
    }
    // reference 4.9.10 状态码 "200 正常", 响应示例 "无"
    return { status: 200 };
  });

  r.add("PUT", "/gaussdb/v3/data-centers", (req) => {
    const { data_centers: list } = parseBody(modifyBody, req);
    checkBatch(list.length, "data_centers");
    const newNames = new Map<string, string>();
    list.forEach((d, i) => {
      const field = `data_centers[${i}]`;
      const dc = dcs()[d.id];
      // reference A.3 DBS.06025058 "所选机房不存在"
      if (!dc) throw new DbsError(400, "DBS.06025058", { field: `${field}.id`, detail: `no data center ${d.id}` });
      // reference 4.9.11 `name` / `description` "(非必选参数至少选一个)"
      if (d.name === undefined && d.description === undefined) throw invalidParam(field, "give name or description");
      checkDescription(d.description, `${field}.description`);
      if (d.name !== undefined && d.name !== dc.name) {
        checkName(d.name, `${field}.name`);
        // reference 4.9.11 接口约束 "机房名称不可重复"; A.3 DBS.06025059 "所选机房已存在"
        const other = byName(d.name);
        if ((other && other.id !== d.id) || [...newNames.values()].includes(d.name)) {
          throw new DbsError(400, "DBS.06025059", { field: `${field}.name`, detail: `"${d.name}" already exists` });
        }
        // reference 4.9.2 接口约束 "所选机房的名称需要和实例安装时使用的AZ名称保持一致" (A.3 DBS.06025067): a data center
        // whose hosts carry instances keeps its name; A.3 DBS.06025060 "所选机房不支持修改"
        if (Object.values(ctx.state.data.hosts).some((h) => h.data_center_id === d.id && h.instance_id)) {
          throw new DbsError(400, "DBS.06025060", { field: `${field}.name`, detail: "hosts of this data center are used by instances" });
        }
        newNames.set(d.id, d.name);
      }
    });
    for (const d of list) {
      const dc = dcs()[d.id];
      if (!dc) continue;
      if (d.name !== undefined) dc.name = d.name;
      if (d.description !== undefined) dc.description = d.description;
    }
    // reference 4.9.11 状态码 "204 正常"
    return { status: 204 };
  });

  r.add("DELETE", "/gaussdb/v3/data-centers", (req) => {
    const { data_center_ids: ids } = parseBody(deleteBody, req);
    checkBatch(ids.length, "data_center_ids");
    ids.forEach((id, i) => {
      // reference A.3 DBS.06025058 "所选机房不存在"
      if (!dcs()[id]) throw new DbsError(400, "DBS.06025058", { field: `data_center_ids[${i}]`, detail: `no data center ${id}` });
      // reference 4.9.12 接口约束 "如果存在主机关联了机房,则不允许进行删除机房的操作"; A.3 DBS.06025030 "所选机房下存在主机"
      const n = hostCount(id);
      if (n > 0) throw new DbsError(400, "DBS.06025030", { field: `data_center_ids[${i}]`, detail: `${n} host(s) in data center ${id}` });
    });
    for (const id of ids) delete dcs()[id];
    return { status: 200 };
  });
}
