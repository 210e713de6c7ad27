/**
 * The API calls of daily inspections (reference 4.10): tasks (4.10.1 list, 4.10.2 create, 4.10.3 batch delete,
 * 4.10.5 detail, 4.10.6 change), the item list (4.10.9) and scenes (4.10.12 list, 4.10.13 create, 4.10.14 delete,
 * 4.10.15 change): the `inspections` and `inspectionScenes` sections of `ops`. None starts a job. 4.10.1–4.10.6 answer
 * 201 ("状态码: 201 正常", the GETs too), the others 200; the creates and changes answer the text "success".
 *
 * operations.ts imports this file and this file imports op() and paged() from operations.ts; so the sections are
 * built by a function that operations.ts calls while it builds `ops`, never at this module's top level.
 */
import { z } from "zod";
import { int, opt, text } from "./shapes";
import { op, paged, type PageQuery } from "./operations";

/** 4.10.12 table 4-450 item_ids "Array of integers" (its example prints strings): read as strings. */
function idList() {
  return z.array(text());
}

/** One task of 4.10.1 table 4-375 InspectionInfo. */
function taskInfoSchema() {
  return z.looseObject({
    id: z.string(),
    inspection_name: z.string(),
    inspection_scope: opt(z.string()),
    instance_names: opt(z.string()),
    inspection_policy: opt(z.string()),
    scene: opt(z.string()),
    status: opt(z.string()),
    last_execute_time: opt(text()),
    next_execute_time: opt(text()),
    create_at: opt(text()),
  });
}
/** A task as 4.10.1 lists it. */
export type InspectionInfo = z.output<ReturnType<typeof taskInfoSchema>>;

/** 4.10.5 table 4-398 (the example prints `instance_ids` and `inspection_day` as null). */
function taskDetailSchema() {
  return z.looseObject({
    inspection_id: opt(z.string()),
    inspection_name: z.string(),
    instance_ids: opt(z.array(z.string())),
    inspection_scope: opt(z.string()),
    inspection_policy: opt(z.string()),
    inspection_period: opt(z.string()),
    inspection_time: opt(z.string()),
    item_ids: opt(z.array(z.string())),
    task_start_time: opt(z.string()),
    inspection_day: opt(text()),
  });
}
/** A task as 4.10.5 shows it. */
export type InspectionDetail = z.output<ReturnType<typeof taskDetailSchema>>;

/** One scene of 4.10.12 table 4-450. */
function sceneSchema() {
  return z.looseObject({ scene_id: opt(z.string()), name: z.string(), is_default: opt(z.boolean()), item_ids: opt(idList()) });
}
/** A scene as 4.10.12 lists it. */
export type InspectionScene = z.output<ReturnType<typeof sceneSchema>>;

/** One category of 4.10.9 table 4-428 with its items (table 4-429). */
function categorySchema() {
  return z.looseObject({
    name: z.string(),
    items: opt(z.array(z.looseObject({ id: text(), name: opt(z.string()), description: opt(z.string()) }))),
  });
}
/** An inspection category of 4.10.9. */
export type InspectionCategory = z.output<ReturnType<typeof categorySchema>>;

/** Query of 4.10.1 table 4-371 (the filters the provider uses). */
export interface InspectionQuery extends PageQuery {
  inspection_name?: string;
}

/** Body of 4.10.2 table 4-379. */
export interface CreateInspectionBody {
  inspection_name: string;
  instance_ids: string[];
  inspection_scope: string;
  inspection_policy: string;
  inspection_period: string;
  inspection_time?: string;
  item_ids: string[];
  task_start_time?: string;
  inspection_day?: string;
}

/** Body of 4.10.6 table 4-403 (no inspection_day). */
export interface UpdateInspectionBody {
  inspection_name?: string;
  instance_ids: string[];
  inspection_scope?: string;
  inspection_policy?: string;
  inspection_period: string;
  inspection_time?: string;
  item_ids: string[];
  task_start_time?: string;
}

/** The `inspections` and `inspectionScenes` sections, built when operations.ts asks (a new object per call). */
export function inspectionOperations() {
  const anyText = z.unknown();
  const list = op<InspectionQuery>()({
    id: "inspections.list",
    ref: "4.10.1",
    method: "GET",
    path: "/gaussdb/v3/inspections",
    idempotent: true,
    response: z.looseObject({ total_count: opt(int()), inspections: opt(z.array(taskInfoSchema())).transform((x) => x ?? []) }),
  });
  return {
    inspections: {
      // reference 4.10.1 limit "最小值: 1 最大值: 100"
      list: paged<InspectionQuery, InspectionInfo>(100, "inspections")(list),
      // reference 4.10.2: answers "success", no id (the id is found in 4.10.1 afterwards)
      create: op<undefined, CreateInspectionBody>()({
        id: "inspections.create",
        ref: "4.10.2",
        method: "POST",
        path: "/gaussdb/v3/inspections",
        idempotent: false,
        responseType: "text",
        response: anyText,
      }),
      // reference 4.10.3 table 4-387 DeleteInspectionResult ("inspction_id" as printed)
      batchDelete: op<undefined, { inspection_ids: string[] }>()({
        id: "inspections.batchDelete",
        ref: "4.10.3",
        method: "POST",
        path: "/gaussdb/v3/inspections/batch-delete",
        idempotent: true,
        response: z.looseObject({
          results: opt(z.array(z.looseObject({ inspction_id: opt(z.string()), inspection_id: opt(z.string()), result: opt(z.string()) }))).transform((x) => x ?? []),
        }),
      }),
      get: op()({
        id: "inspections.get",
        ref: "4.10.5",
        method: "GET",
        path: "/gaussdb/v3/inspections/{inspection_id}",
        idempotent: true,
        response: taskDetailSchema(),
      }),
      // reference 4.10.6: the full desired task (instance_ids, inspection_period, item_ids "是")
      update: op<undefined, UpdateInspectionBody>()({
        id: "inspections.update",
        ref: "4.10.6",
        method: "PUT",
        path: "/gaussdb/v3/inspections/{inspection_id}",
        idempotent: true,
        responseType: "text",
        response: anyText,
      }),
      items: op()({
        id: "inspections.items",
        ref: "4.10.9",
        method: "GET",
        path: "/gaussdb/v3/inspections/items",
        idempotent: true,
        response: z.looseObject({ total_count: opt(text()), inspections: opt(z.array(categorySchema())).transform((x) => x ?? []) }),
      }),
    },
    inspectionScenes: {
      list: op()({
        id: "inspectionScenes.list",
        ref: "4.10.12",
        method: "GET",
        path: "/gaussdb/v3/inspections/scenes",
        idempotent: true,
        response: z.looseObject({ total_count: opt(int()), scenes: opt(z.array(sceneSchema())).transform((x) => x ?? []) }),
      }),
      create: op<undefined, { name: string; item_ids: string[] }>()({
        id: "inspectionScenes.create",
        ref: "4.10.13",
        method: "POST",
        path: "/gaussdb/v3/inspections/scenes",
        idempotent: false,
        responseType: "text",
        response: anyText,
      }),
      // reference 4.10.14: DELETE with a JSON body {names}, as its example sends it
      delete: op<undefined, { names: string[] }>()({
        id: "inspectionScenes.delete",
        ref: "4.10.14",
        method: "DELETE",
        path: "/gaussdb/v3/inspections/scenes",
        idempotent: true,
        response: z.unknown(),
      }),
      // reference 4.10.15: name (the current one), item_ids, modify_name (the new one; the same for no rename).
      // Not replayed blindly: after a rename the old name is gone and a replay is refused
      update: op<undefined, { name: string; item_ids: string[]; modify_name: string }>()({
        id: "inspectionScenes.update",
        ref: "4.10.15",
        method: "PUT",
        path: "/gaussdb/v3/inspections/scenes",
        idempotent: false,
        responseType: "text",
        response: anyText,
      }),
    },
  } as const;
}
