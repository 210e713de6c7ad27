/**
 * InspectionScene (reference 4.10.13 create, 4.10.12 list, 4.10.15 change, 4.10.14 delete): a named set of inspection
 * items. Scenes are addressed by name (4.10.14 `names`, 4.10.15 `name`); the id is the 4.10.12 `scene_id` (the name
 * when the platform lists none). Name and items change in place through 4.10.15.
 */
import { z } from "zod";
import { ops, TpopsError, type TpopsClient } from "../../client";
import type { InspectionScene as ApiScene } from "../../client/operations-ops-inspection";
import { createIdempotently, makeProvider, PartialCreateError, UNKNOWN, v, type CheckFailure, type ProviderImpl, type ResourceDefinition } from "../framework";
import { InspectionSceneMeta, type InspectionSceneOutputs } from "../schema.gen";
import { lookupForPreview } from "../live";
import { client as configuredClient } from "../../config";
import { printWarnings, type Warning } from "../rules";

/**
 * The name rule of 4.10.2 / 4.10.6 `inspection_name` and 4.10.13 / 4.10.15 `name`: "长度为4位到64位,必须以字母开头,可以包含
 * 字母、数字、中划线或下划线,不能包含其他特殊字符。 最小长度: 4 最大长度: 64". Undefined when the name obeys it.
 */
export function inspectionNameProblem(name: string, what: "task" | "scene"): string | undefined {
  const ref = what === "task" ? "4.10.2" : "4.10.13";
  const n = [...name].length;
  if (n < 4 || n > 64) return `is ${n} characters; a ${what} name has 4 to 64 (reference ${ref} "最小长度: 4 最大长度: 64")`;
  if (!/^[A-Za-z]/.test(name)) return `must start with a letter (reference ${ref} "必须以字母开头"); put a letter first`;
  if (!/^[A-Za-z0-9_-]+$/.test(name)) return `may contain only letters, digits, - and _ (reference ${ref} "可以包含字母、数字、中划线或下划线,不能包含其他特殊字符"); replace the others`;
  return undefined;
}

/** The generated-name rule of both inspection resources: the name rule's characters, a letter first. */
export function inspectionAutoName(letter: string) {
  return { maxLength: 64, sanitize: (s: string) => (/^[A-Za-z]/.test(s) ? s : `${letter}-${s}`).replace(/[^A-Za-z0-9_-]/g, "-") };
}

/** An item-id list of 1–100 entries (4.10.2 / 4.10.13 item_ids "数组长度: 1 - 100"). */
export function itemIdList(ref: string) {
  return z
    .array(z.string().min(1, { error: "is empty; use an inspection item id (getInspectionItems)" }))
    .min(1, { error: `is empty; give 1 to 100 inspection item ids (reference ${ref} item_ids "数组长度: 1 - 100")` })
    .max(100, { error: `has more than 100 item ids (reference ${ref} item_ids "数组长度: 1 - 100"); split it` });
}

const Inputs = z.object({
  adopt: z.boolean().optional(),
  // reference 4.10.13 table 4-454 item_ids "是 Array of strings … 数组长度: 1 - 100"
  itemIds: itemIdList("4.10.13"),
  // reference 4.10.13 table 4-454 name (inspectionNameProblem); generated when omitted
  name: z
    .string()
    .superRefine((s, ctx) => {
      const why = s === UNKNOWN ? undefined : inspectionNameProblem(s, "scene");
      if (why) ctx.addIssue({ code: "custom", message: why, input: s });
    })
    .optional(),
  timeouts: v.timeouts().optional(),
});

type In = z.output<typeof Inputs>;
type Out = InspectionSceneOutputs;

/** Every scene of the platform (4.10.12; the list is not paged). */
export async function listScenes(client: TpopsClient): Promise<ApiScene[]> {
  return (await client.call(ops.inspectionScenes.list)).scenes;
}

/** The inspection item ids 4.10.9 lists. */
export async function listedItemIds(client: TpopsClient): Promise<Set<string>> {
  const r = await client.call(ops.inspections.items);
  return new Set(r.inspections.flatMap((c) => (c.items ?? []).map((i) => i.id)));
}

/** Scenes declared by the program in this run (name → items), for tasks that name a scene not created yet. */
const declared = new Map<string, readonly string[] | undefined>();
/** Records that the program declares a scene of this name. */
export function declareScene(name: unknown, itemIds: unknown): void {
  if (typeof name === "string" && name && name !== UNKNOWN) declared.set(name, Array.isArray(itemIds) && !itemIds.includes(UNKNOWN) ? (itemIds as string[]) : undefined);
}
/** Whether the program declares a scene of this name (and its items, when known). */
export function declaredScene(name: string): { itemIds: readonly string[] | undefined } | undefined {
  return declared.has(name) ? { itemIds: declared.get(name) } : undefined;
}
/** Forgets the declared scenes (tests). */
export function resetDeclaredScenes(): void {
  declared.clear();
}

/** Warnings for item ids 4.10.9 does not list (the reference states no refusal of an unknown id). */
export async function unlistedItemWarnings(property: string, itemIds: readonly string[]): Promise<Warning[]> {
  const listed = await lookupForPreview("inspection items", () => listedItemIds(configuredClient()));
  if (!listed || listed.size === 0) return [];
  const unknown = itemIds.filter((i) => i !== UNKNOWN && !listed.has(i));
  return unknown.length
    ? [{ property, reason: `${property}: ${unknown.map((i) => JSON.stringify(i)).join(", ")} ${unknown.length > 1 ? "are" : "is"} not among the inspection items the platform lists (reference 4.10.9); check the id with getInspectionItems` }]
    : [];
}

function toOut(s: ApiScene, state: Partial<Out>): Out {
  return {
    name: s.name,
    itemIds: s.item_ids ?? state.itemIds ?? [],
    isDefault: s.is_default === true,
    ...(s.scene_id ? { sceneId: s.scene_id } : {}),
  };
}

/** The scene this resource manages: by its current name, else by its id (a rename out of band keeps the scene_id). */
async function findScene(client: TpopsClient, id: string, name: string | undefined): Promise<ApiScene | undefined> {
  const all = await listScenes(client);
  return all.find((s) => name !== undefined && s.name === name) ?? all.find((s) => s.scene_id === id);
}

/** The InspectionScene resource definition. */
export const inspectionSceneDefinition: ResourceDefinition<In, Out> = {
  kind: "InspectionScene",
  meta: InspectionSceneMeta,
  inputs: Inputs,
  autoName: inspectionAutoName("s"),
  localOnly: ["adopt", "timeouts"],
  defaultTimeouts: { create: "5m", update: "5m", delete: "5m" },
  describeKey: (i) => `name ${JSON.stringify(i.name)}`,

  async find(ctx, inputs) {
    if (!inputs.name) return undefined;
    const s = (await listScenes(ctx.client)).find((x) => x.name === inputs.name);
    return s && { id: s.scene_id ?? s.name };
  },

  async create(ctx, inputs) {
    const name = inputs.name;
    if (!name) throw new TpopsError("name is required to create a scene (reference 4.10.13 name \"是\"); set name");
    const lookup = async () => {
      const s = (await listScenes(ctx.client)).find((x) => x.name === name);
      return s && { id: s.scene_id ?? s.name };
    };
    // reference 4.10.13 answers "success" without an id: the scene is found by name afterwards.
    await createIdempotently(ctx, () => ctx.client.call(ops.inspectionScenes.create, { body: { name, item_ids: [...inputs.itemIds] } }), lookup);
    const partial: Out = { name, itemIds: [...inputs.itemIds], isDefault: false };
    try {
      const s = (await listScenes(ctx.client)).find((x) => x.name === name);
      if (!s) throw new TpopsError(`scene ${name} was created (4.10.13 answered success) but 4.10.12 does not list it`);
      return { id: s.scene_id ?? s.name, outs: toOut(s, partial) };
    } catch (e) {
      throw new PartialCreateError(name, partial, e);
    }
  },

  async read(ctx, id, state) {
    const s = await findScene(ctx.client, id, state.name);
    return s && toOut(s, state);
  },

  async update(ctx, id, olds, news) {
    const current = await findScene(ctx.client, id, olds.name);
    if (!current) throw new TpopsError(`scene ${olds.name} is gone from the platform (4.10.12); run pulumi up --refresh to create it again`);
    const name = news.name ?? current.name;
    // reference 4.10.15: name "之前的场景名称", modify_name "要修改为的场景名称", item_ids "是"
    await ctx.client.call(ops.inspectionScenes.update, { body: { name: current.name, item_ids: [...news.itemIds], modify_name: name } });
    const after = await findScene(ctx.client, id, name);
    if (!after) throw new TpopsError(`scene ${name} is not listed after the change (4.10.12)`);
    return toOut(after, { itemIds: [...news.itemIds] });
  },

  async delete(ctx, id, state) {
    const current = await findScene(ctx.client, id, state.name);
    if (!current) return;
    // The reference states no refusal for a scene a task uses (4.10.14): say which tasks still show it (4.10.1 scene).
    const users = (await ctx.client.listAll(ops.inspections.list).catch(() => [])).filter((t) => t.scene === current.name);
    if (users.length) {
      ctx.warn(
        `scene ${current.name} is deleted while ${users.length === 1 ? "task" : "tasks"} ${users.map((t) => `${t.inspection_name} (${t.id})`).join(", ")} still ${users.length === 1 ? "uses" : "use"} its items; ` +
          `the platform keeps their items (a task holds item ids, reference 4.10.2), so they go on running them. Delete or change those tasks if they should stop`,
      );
    }
    await ctx.client.call(ops.inspectionScenes.delete, { body: { names: [current.name] } });
    if ((await listScenes(ctx.client)).some((s) => s.name === current.name)) {
      throw new TpopsError(`the platform answered the delete of scene ${current.name} (4.10.14) but still lists it (4.10.12); delete it in the console and run pulumi destroy again`);
    }
  },
};

/** Preview-time refusals and warnings that need the platform's scenes and items. */
async function liveFindings(olds: Record<string, unknown>, inputs: In, generated: boolean): Promise<{ failures: CheckFailure[]; warnings: Warning[] }> {
  const failures: CheckFailure[] = [];
  const warnings = await unlistedItemWarnings("itemIds", inputs.itemIds);
  const name = inputs.name;
  // A new name (a create, or a rename) another scene has: 4.10.13 / 4.10.15 address scenes by name. A generated name found
  // on the platform was made by an interrupted run of this stack (it hashes the URN): create continues with it.
  if (name && name !== UNKNOWN && inputs.adopt !== true && olds.name !== name && !generated) {
    const scenes = await lookupForPreview("inspection scenes", () => listScenes(configuredClient()));
    const taken = scenes?.find((s) => s.name === name);
    if (taken) {
      failures.push({
        property: "name",
        reason: `name: ${JSON.stringify(name)} is already the name of a scene of the platform${taken.is_default ? " (a default one)" : ""} (reference 4.10.12); scenes are addressed by name (4.10.14, 4.10.15): choose another name, or set adopt: true to take it over`,
      });
    }
  }
  return { failures, warnings };
}

const base = makeProvider(inspectionSceneDefinition);

/** InspectionScene provider methods: the framework's, plus the preview refusals that need the platform. */
export const inspectionScene: ProviderImpl = {
  ...base,

  async check(olds, news) {
    const r = await base.check(olds, news);
    const inputs = (r.inputs ?? {}) as Record<string, unknown>;
    declareScene(inputs.name, inputs.itemIds);
    if (r.failures?.length) return r;
    const found = await liveFindings(olds, inputs as unknown as In, news.name === undefined);
    printWarnings("InspectionScene", news, found.warnings);
    return found.failures.length ? { ...r, failures: found.failures } : r;
  },
};
