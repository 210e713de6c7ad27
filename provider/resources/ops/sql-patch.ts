/**
 * SqlPatch (reference 4.6.4 create, 4.6.5 query, 4.6.6 open / close / drop). Id `<instanceId>/sql-patches/<nodeId>/<sqlId>`:
 * a node has one patch per SQL id (4.6.4 "Cannot accept sql patches with duplicate unique sql id."). `enabled` changes in
 * place (open / close); no call changes a patch's name or hint, so the other inputs replace it, the old one dropped first.
 */
import { z } from "zod";
import { ops, TpopsApiError, TpopsError } from "../../client";
import { createIdempotently, makeProvider, PartialCreateError, strip, UNKNOWN, v, type Ctx, type ProviderImpl, type ResourceDefinition } from "../framework";
import { SqlPatchMeta, type SqlPatchOutputs } from "../schema.gen";
import { client as configuredClient } from "../../config";
import { lookupForPreview } from "../live";
import { instanceGone, nodeFindings } from "./sql-common";

/**
 * reference 4.6.4 table 4-261 hint "hint内容不可包含以下字符: (" ", ";", "<", ">", ">", "\", """, "{", "}", "[", "]", "~", "?", "!",
 * "\n")" — the blank first, the doubled ">" counted once.
 */
export const HINT_FORBIDDEN: readonly string[] = [" ", ";", "<", ">", "\\", '"', "{", "}", "[", "]", "~", "?", "!", "\n"];
const shown = (c: string) => (c === " " ? "a blank" : c === "\n" ? "a line break" : c);

const Inputs = z.object({
  adopt: z.boolean().optional(),
  // reference 4.6.4 table 4-259 instance_id "是 String 实例ID"
  instanceId: z.string().min(1, { error: "is empty; use the id of an Instance" }),
  // reference 4.6.4 node_id "是 String 节点ID。仅支持CN/DN节点 ID。"
  nodeId: z.string().min(1, { error: "is empty; use the id of a CN or DN node of the instance" }),
  // reference 4.6.4 sql_id "是 String 慢SQL的unique_sql_id"
  sqlId: z.string().min(1, { error: "is empty; use the slow statement's unique_sql_id" }),
  // reference 4.6.4 patch_name "最小值: 1 最大值: 63" (A.3 DBS.6013036 "无效的patch名称"); generated when omitted
  name: v.text(63, { min: 1 }).optional(),
  // reference 4.6.4 hint "最小值: 1 最大值: 1024" and its forbidden characters (A.3 DBS.6013037 "无效的hint")
  hint: v
    .text(1024, { min: 1 })
    .superRefine((h, ctx) => {
      if (h === UNKNOWN) return;
      const bad = HINT_FORBIDDEN.filter((c) => h.includes(c));
      if (bad.length) {
        ctx.addIssue({
          code: "custom",
          input: h,
          message: `contains ${bad.map(shown).join(", ")}, which reference 4.6.4 forbids in a hint (blank ; < > \\ " { } [ ] ~ ? ! and line breaks); write the hint without ${bad.length > 1 ? "them" : "it"}, e.g. indexscan(t1) or leading((t1,t2))`,
        });
      }
    }),
  // reference 4.6.4 enabled "否 Boolean 是否使能,默认为true"
  enabled: z.boolean(),
  timeouts: v.timeouts().optional(),
});

type In = z.output<typeof Inputs>;
type Out = SqlPatchOutputs;

const patchId = (i: { instanceId: string; nodeId: string; sqlId: string }) => `${i.instanceId}/sql-patches/${i.nodeId}/${i.sqlId}`;

function whereIs(id: string, state: Partial<Out>): { instanceId: string; nodeId: string; sqlId: string } {
  if (state.instanceId && state.nodeId && state.sqlId) return { instanceId: state.instanceId, nodeId: state.nodeId, sqlId: state.sqlId };
  const m = /^(.+?)\/sql-patches\/([^/]+)\/(.+)$/.exec(id);
  if (!m) throw new TpopsError(`SqlPatch id ${JSON.stringify(id)} is not of the form <instanceId>/sql-patches/<nodeId>/<sqlId>`);
  return { instanceId: m[1]!, nodeId: m[2]!, sqlId: m[3]! };
}

/** No patch for that SQL id on that node (A.3 DBS.200044 "访问资源不存在"), or the instance is gone. */
function patchGone(e: unknown): boolean {
  return instanceGone(e) || (e instanceof TpopsApiError && e.errorCode === "DBS.200044");
}

/** The patch of a node's SQL id (4.6.5), or undefined when there is none. */
async function readPatch(ctx: Pick<Ctx, "client">, where: { instanceId: string; nodeId: string; sqlId: string }): Promise<Out | undefined> {
  let p;
  try {
    p = await ctx.client.call(ops.sqlPatches.get, { path: { instance_id: where.instanceId }, body: { node_id: where.nodeId, sql_id: where.sqlId } });
  } catch (e) {
    if (patchGone(e)) return undefined;
    throw e;
  }
  if (!p || typeof p !== "object" || !p.patch_name) return undefined;
  // reference 4.6.5 example patch_status "enabled/disabled"
  const status = (p.patch_status ?? "").toLowerCase();
  return { ...where, name: p.patch_name, hint: p.hint ?? "", enabled: status === "enabled", status };
}

/** The SqlPatch resource definition. */
export const sqlPatchDefinition: ResourceDefinition<In, Out> = {
  kind: "SqlPatch",
  meta: SqlPatchMeta,
  inputs: Inputs,
  // reference 4.6.4 patch_name: 1–63 (no character rule printed; the generated one keeps to letters, digits and _)
  autoName: { maxLength: 63, sanitize: (s) => s.toLowerCase().replace(/[^a-z0-9_]/g, "_"), separator: "_" },
  naturalKey: "sqlId",
  localOnly: ["adopt", "timeouts"],
  // One patch per SQL id on a node: the old one must go before its replacement is made.
  deleteBeforeReplace: true,
  defaultTimeouts: { create: "5m", update: "5m", delete: "5m" },
  describeKey: (i) => `sqlId ${JSON.stringify(i.sqlId)} on node ${i.nodeId} of instance ${i.instanceId}`,

  async find(ctx, inputs) {
    const live = await readPatch(ctx, inputs);
    return live && { id: patchId(inputs) };
  },

  async create(ctx, inputs) {
    const name = inputs.name;
    if (!name) throw new TpopsError("name is required to create a SQL patch (reference 4.6.4 patch_name \"是\"); set name");
    const id = patchId(inputs);
    // A lost reply: 4.6.5 shows the patch when the platform made it (a replay would be refused as a duplicate SQL id).
    await createIdempotently(
      ctx,
      () =>
        ctx.client.call(ops.sqlPatches.create, {
          path: { instance_id: inputs.instanceId },
          body: { node_id: inputs.nodeId, sql_id: inputs.sqlId, patch_name: name, hint: inputs.hint, enabled: inputs.enabled },
        }),
      async () => {
        const live = await readPatch(ctx, inputs);
        return live && live.name === name ? { id } : undefined;
      },
    );
    const given: Out = { instanceId: inputs.instanceId, nodeId: inputs.nodeId, sqlId: inputs.sqlId, name, hint: inputs.hint, enabled: inputs.enabled, status: inputs.enabled ? "enabled" : "disabled" };
    try {
      const outs = await readPatch(ctx, inputs);
      if (!outs) throw new TpopsError(`the platform accepted SQL patch ${name} but 4.6.5 does not show it`);
      return { id, outs };
    } catch (e) {
      throw new PartialCreateError(id, given, e);
    }
  },

  async read(ctx, id, state) {
    return readPatch(ctx, whereIs(id, state));
  },

  async update(ctx, id, olds, news, changed) {
    const where = whereIs(id, olds);
    if (changed.some((k) => k !== "enabled")) throw new TpopsError(`only enabled changes a SQL patch in place (reference 4.6.6); ${changed.join(", ")} replace it — this is a bug of the provider`);
    // reference 4.6.6 action "开启/关闭/删除: open/close/drop"
    await ctx.client.call(ops.sqlPatches.handle, {
      path: { instance_id: where.instanceId },
      body: { node_id: where.nodeId, sql_id: where.sqlId, patch_name: olds.name, action: news.enabled ? "open" : "close" },
    });
    const outs = await readPatch(ctx, where);
    if (!outs) throw new TpopsError(`SQL patch ${olds.name} disappeared while it was ${news.enabled ? "opened" : "closed"}; run pulumi up again to make it`);
    return outs;
  },

  async delete(ctx, id, state) {
    const where = whereIs(id, state);
    const live = await readPatch(ctx, where);
    if (!live) return; // already gone
    await ctx.client.call(ops.sqlPatches.handle, { path: { instance_id: where.instanceId }, body: { ...{ node_id: where.nodeId, sql_id: where.sqlId }, patch_name: live.name, action: "drop" } });
  },

  isGone: patchGone,
};

const base = makeProvider(sqlPatchDefinition);

/** SqlPatch provider methods: the framework's, plus the preview-time node check (4.6.4 node_id, A.3 DBS.216030). */
export const sqlPatch: ProviderImpl = {
  ...base,

  async check(olds, news) {
    const r = await base.check(olds, news);
    if (r.failures?.length) return r;
    const inputs = r.inputs ?? {};
    const o = strip(olds);
    const moved = Object.keys(o).length === 0 || o.instanceId !== inputs.instanceId || o.nodeId !== inputs.nodeId;
    if (moved && typeof inputs.instanceId === "string" && inputs.instanceId !== UNKNOWN && typeof inputs.nodeId === "string" && inputs.nodeId !== UNKNOWN) {
      const failures = await nodeFindings("SqlPatch", inputs.instanceId, [{ property: "nodeId", nodeId: inputs.nodeId }], "4.6.4 node_id \"仅支持CN/DN节点 ID\"");
      if (failures.length) return { ...r, failures };
      // reference 4.6.4 错误示例 "Cannot accept sql patches with duplicate unique sql id.": the node's SQL id has a patch already
      const sqlId = typeof inputs.sqlId === "string" && inputs.sqlId !== UNKNOWN ? inputs.sqlId : undefined;
      if (sqlId && inputs.adopt !== true && Object.keys(o).length === 0) {
        const where = { instanceId: inputs.instanceId, nodeId: inputs.nodeId, sqlId };
        const live = await lookupForPreview(`SQL patch of ${sqlId}`, () => readPatch({ client: configuredClient() }, where));
        // A patch under this resource's own generated name was made by an interrupted run: create continues with it.
        const ours = news.name === undefined && live?.name === inputs.name;
        if (live && !ours) {
          return {
            ...r,
            failures: [
              {
                property: "sqlId",
                reason: `sqlId: node ${inputs.nodeId} already has SQL patch ${JSON.stringify(live.name)} for ${JSON.stringify(sqlId)}, and a node takes one patch per SQL id (reference 4.6.4 "Cannot accept sql patches with duplicate unique sql id."); set adopt: true to take it over, or drop it first`,
              },
            ],
          };
        }
      }
    }
    return r;
  },
};
