import { z } from "zod";
import { DbsError, invalidParam } from "../errors";
import type { EmulatorContext, Router } from "../router";
import { newUuid, type DataCenterRecord } from "../state";
import { page, parseBody, parseQuery, queryInt } from "../validate";
import { dataCenterView } from "../views";

const MAX_BATCH = 50;
const NAME_PATTERN = /^[A-Za-z0-9_-]+$/;

const listQuery = z.strictObject({
  id: z.string().optional(),
  name: z.string().optional(),
  offset: queryInt("offset", 0, Number.MAX_SAFE_INTEGER),
  // reference 4.9.9: limit 1–100; A.3 DBS.280439 is the code for a bad record count
  limit: queryInt("limit", 1, 100, "DBS.280439"),
  sort_key: z.enum(["name", "hosts_num"]).optional(),
  sort_order: z.enum(["asc", "desc"]).optional(),
});

const addBody = z.strictObject({
  data_centers: z.array(z.strictObject({ name: z.string(), description: z.string().optional() })),
});
const modifyBody = z.strictObject({
  data_centers: z.array(
    z.strictObject({ id: z.string(), name: z.string().optional(), description: z.string().optional() }),
  ),
});
const deleteBody = z.strictObject({ data_center_ids: z.array(z.string()) });

// reference 4.9.10: at most 20 characters of letters, digits, "-" or "_"
function checkName(name: string, field: string): void {
  if (name.length < 1 || [...name].length > 20) {
    throw new DbsError(400, "DBS.06025024", { field, detail: "must be 1 to 20 characters" });
  }
  if (!NAME_PATTERN.test(name)) {
    throw invalidParam(field, "may contain only letters, digits, hyphens (-) and underscores (_)");
  }
}

// reference 4.9.10: description at most 100 characters
function checkDescription(description: string | undefined, field: string): void {
  if (description !== undefined && [...description].length > 100) {
    throw new DbsError(400, "DBS.06025025", { field, detail: "must be at most 100 characters" });
  }
}

function checkBatch(n: number, field: string): void {
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
      // reference 4.9.10: data center names are unique (also within one batch)
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
    // reference 4.9.10 documents 200 with no response body
    return { status: 200 };
  });

  r.add("PUT", "/gaussdb/v3/data-centers", (req) => {
    const { data_centers: list } = parseBody(modifyBody, req);
    checkBatch(list.length, "data_centers");
    const newNames = new Map<string, string>();
    list.forEach((d, i) => {
      const field = `data_centers[${i}]`;
      const dc = dcs()[d.id];
      if (!dc) throw new DbsError(400, "DBS.06025058", { field: `${field}.id`, detail: `no data center ${d.id}` });
      // reference 4.9.11: at least one of the optional fields
      if (d.name === undefined && d.description === undefined) throw invalidParam(field, "give name or description");
      checkDescription(d.description, `${field}.description`);
      if (d.name !== undefined && d.name !== dc.name) {
        checkName(d.name, `${field}.name`);
        const other = byName(d.name);
        if ((other && other.id !== d.id) || [...newNames.values()].includes(d.name)) {
          throw new DbsError(400, "DBS.06025059", { field: `${field}.name`, detail: `"${d.name}" already exists` });
        }
        // reference 4.9.2 / A.3 DBS.06025067: an instance's AZ name must equal its hosts' data center name,
        // so a data center whose hosts carry instances cannot be renamed (DBS.06025060)
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
    return { status: 204 };
  });

  r.add("DELETE", "/gaussdb/v3/data-centers", (req) => {
    const { data_center_ids: ids } = parseBody(deleteBody, req);
    checkBatch(ids.length, "data_center_ids");
    ids.forEach((id, i) => {
      if (!dcs()[id]) throw new DbsError(400, "DBS.06025058", { field: `data_center_ids[${i}]`, detail: `no data center ${id}` });
      // reference 4.9.12: a data center with hosts cannot be deleted
      const n = hostCount(id);
      if (n > 0) throw new DbsError(400, "DBS.06025030", { field: `data_center_ids[${i}]`, detail: `${n} host(s) in data center ${id}` });
    });
    for (const id of ids) delete dcs()[id];
    return { status: 200 };
  });
}
