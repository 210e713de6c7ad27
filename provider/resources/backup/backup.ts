/**
 * Backup (reference 4.2.7 create, 4.2.8 delete; read through 4.2.15, differential backups through 4.2.12): an object
 * with an id whose every input replaces it (4.2 has no call that changes a backup). Create waits for the backup job;
 * a FAILED backup is replaced, deleting it first (the replacement reuses its stable name).
 */
import { z } from "zod";
import { ops, TpopsApiError, TpopsError } from "../../client";
import { client as configuredClient } from "../../config";
import { parseDuration, waitUntil, waitUntilJobDone } from "../../waiters";
import { createIdempotently, makeProvider, PartialCreateError, strip, UNKNOWN, v, type Ctx, type ProviderImpl, type ResourceDefinition } from "../framework";
import { lookupForPreview } from "../live";
import { BackupMeta, type BackupInfo, type BackupOutputs } from "../schema.gen";
import { compareVersions } from "../instance/instance";
import { findBackup, listBackups, listDifferentialBackups } from "./recovery";
import { parseTime } from "./times";

// reference 4.2.7 description "不能包含>!<"&'=特殊字符"
const FORBIDDEN_DESCRIPTION = /[>!<"&'=]/;
const TYPES = ["completed", "differential", "log"] as const;

const Inputs = z.object({
  adopt: z.boolean().optional(),
  // reference 4.2.7 backup_type "枚举值: completed differential log" (缺省值为"completed")
  backupType: v.oneOf(TYPES),
  description: z
    .string()
    // reference 4.2.7 description "不大于256个字符"
    .refine((s) => [...s].length <= 256, { error: "is longer than 256 characters; shorten it" })
    // reference 4.2.7 description "不能包含>!<"&'=特殊字符"
    .refine((s) => !FORBIDDEN_DESCRIPTION.test(s), { error: "contains one of > ! < \" & ' =, which a backup description cannot hold; remove them" })
    .optional(),
  // reference 4.2.7 instance_id "是 String 实例ID"
  instanceId: z.string().min(1, { error: "is empty; give the id of the instance to back up" }),
  name: z
    .string()
    // reference 4.2.7 name "4~64个字符"
    .refine((s) => s.length >= 4 && s.length <= 64, { error: "is not 4 to 64 characters long; a backup name has 4-64 characters" })
    // reference 4.2.7 name "必须以英文字母开头,区分大小写,可以包含英文字母、数字、中划线或者下划线,不能包含其他特殊字符"
    .refine((s) => /^[A-Za-z][A-Za-z0-9_-]*$/.test(s), { error: "must start with a letter and hold only letters, digits, - and _; rename it" }),
  timeouts: v.timeouts().optional(),
});

type In = z.output<typeof Inputs>;
type Out = BackupOutputs;

/** How the lists spell a backup type (4.2.15 backup_type): full manual backups are `manual`, XBSA log ones `Log_Xbsa`. */
const LIST_TYPE: Record<In["backupType"], string | undefined> = { completed: undefined, differential: undefined, log: "Log_Xbsa" };

function toOutputs(b: BackupInfo, prev: Partial<Out> & { backupType: string; instanceId: string }): Out {
  return {
    instanceId: b.instanceId ?? prev.instanceId,
    name: b.name ?? String(prev.name ?? ""),
    backupType: prev.backupType,
    backupId: b.id,
    status: b.status,
    beginTime: b.beginTime ?? String(prev.beginTime ?? ""),
    ...(b.endTime ? { endTime: b.endTime } : {}),
    ...(b.sizeMb !== undefined ? { sizeMb: b.sizeMb } : {}),
    ...(b.engineVersion ? { engineVersion: b.engineVersion } : {}),
    ...(prev.description ? { description: prev.description } : b.description ? { description: b.description } : {}),
  };
}

/** The backups of an instance that could be this one: full ones (4.2.15) and, since `since`, differential ones (4.2.12). */
async function backupsOf(ctx: Pick<Ctx, "client">, instanceId: string, type: In["backupType"], since: number): Promise<BackupInfo[]> {
  if (type === "differential") return listDifferentialBackups(ctx.client, instanceId, since, Date.now() + 60_000);
  return listBackups(ctx.client, { instance_id: instanceId, ...(LIST_TYPE[type] ? { backup_type: LIST_TYPE[type] } : {}) });
}

/** The backup with this id, or undefined when the platform no longer lists it. */
async function byId(ctx: Pick<Ctx, "client">, id: string, state: Partial<Out>): Promise<BackupInfo | undefined> {
  const instanceId = String(state.instanceId ?? "");
  if (state.backupType === "differential") {
    // reference 4.2.12 begin_time "默认为前一天的当前时刻": the window opens just before the backup began
    const since = (parseTime(String(state.beginTime ?? "")) ?? Date.now() - 86_400_000) - 60_000;
    return (await listDifferentialBackups(ctx.client, instanceId, since, Date.now() + 60_000)).find((b) => b.id === id);
  }
  const found = (await listBackups(ctx.client, { backup_id: id, ...(instanceId ? { instance_id: instanceId } : {}), ...(state.backupType === "log" ? { backup_type: "Log_Xbsa" } : {}) })).find((b) => b.id === id);
  return found;
}

/** Waits until the backup leaves BUILDING (by its job when known, else by the list); FAILED is an error. */
async function finish(ctx: Ctx, inputs: In, id: string, beginTime: string, jobId?: string): Promise<Out> {
  const prev = { instanceId: inputs.instanceId, name: inputs.name, backupType: inputs.backupType, description: inputs.description, beginTime };
  let last: BackupInfo = { id, status: "BUILDING", name: inputs.name, instanceId: inputs.instanceId, beginTime };
  try {
    if (jobId) {
      await waitUntilJobDone(ctx.client, jobId, {
        timeout: ctx.timeouts.create,
        timeoutKey: "create",
        onProgress: (p) => ctx.progress(`backing up instance ${inputs.instanceId} (job ${p.jobId} ${p.status}${p.progress ? ` ${p.progress}` : ""})`),
      });
    }
    const { value } = await waitUntil<BackupInfo>(
      async () => {
        const b = await byId(ctx, id, prev);
        if (!b) return { state: "FAILURE", error: new TpopsError(`backup ${id} is no longer listed (reference 4.2.15); it may have been deleted`) };
        last = b;
        if (b.status === "COMPLETED") return { state: "SUCCESS", value: b };
        if (b.status === "FAILED") return { state: "FAILURE", error: new TpopsError(`backup ${id} FAILED on the platform; the next pulumi up replaces it`) };
        ctx.progress(`backup ${id} is ${b.status}`);
        return { state: "RETRY" };
      },
      { subject: `backup ${id}`, timeoutMs: parseDuration(ctx.timeouts.create), timeoutHint: "raise timeouts.create" },
    );
    return toOutputs(value as BackupInfo, prev);
  } catch (e) {
    throw new PartialCreateError(id, toOutputs({ ...last, status: last.status === "COMPLETED" ? "COMPLETED" : "FAILED" }, prev), e);
  }
}

/** The Backup resource definition. */
export const backupDefinition: ResourceDefinition<In, Out> = {
  kind: "Backup",
  meta: BackupMeta,
  inputs: Inputs,
  autoName: {
    maxLength: 64,
    // reference 4.2.7 name: a letter first, then letters, digits, - and _
    sanitize: (s) => {
      const x = s.replace(/[^A-Za-z0-9_-]/g, "-");
      return /^[A-Za-z]/.test(x) ? x : `b-${x}`;
    },
  },
  localOnly: ["adopt", "timeouts"],
  defaultTimeouts: { create: "60m", update: "5m", delete: "10m" },
  describeKey: (i) => `name ${JSON.stringify(i.name)} on instance ${i.instanceId}`,

  async find(ctx, inputs) {
    // The reference does not say backup names are unique; the newest with the name is the one an interrupted run made.
    const all = await backupsOf(ctx, inputs.instanceId, inputs.backupType, Date.now() - 7 * 86_400_000);
    const hit = all.find((b) => b.name === inputs.name && (inputs.backupType !== "completed" || b.type === "manual" || b.type === undefined));
    return hit && { id: hit.id };
  },

  async create(ctx, inputs) {
    const body = {
      instance_id: inputs.instanceId,
      name: inputs.name,
      ...(inputs.description ? { description: inputs.description } : {}),
      // reference 4.2.7 backup_type "缺省值为"completed"": sent only when it is not the default
      ...(inputs.backupType !== "completed" ? { backup_type: inputs.backupType } : {}),
    };
    // A lost reply is decided by the list: a backup under this name means it was made (never a second one).
    const r = await createIdempotently(
      ctx,
      () => ctx.client.call(ops.backupObjects.create, { body }),
      async () => {
        const f = await backupDefinition.find(ctx, inputs);
        return f && { id: f.id };
      },
    );
    if ("sent" in r) return { id: r.sent.backup.id, outs: await finish(ctx, inputs, r.sent.backup.id, String(r.sent.backup.begin_time ?? ""), r.sent.job_id) };
    return { id: r.found.id, outs: await finish(ctx, inputs, r.found.id, "") };
  },

  // A backup an interrupted run started: wait for it like the run that started it would have.
  async resume(ctx, id, inputs) {
    return finish(ctx, inputs, id, "");
  },

  async read(ctx, id, state) {
    const live = await byId(ctx, id, state);
    if (!live) return undefined;
    return toOutputs(live, { ...state, backupType: String(state.backupType ?? "completed"), instanceId: String(state.instanceId ?? live.instanceId ?? "") });
  },

  async update(_ctx, _id, olds) {
    // Every input of a backup replaces it (schema.json replaceOnChanges); only local inputs reach here.
    return olds;
  },

  async delete(ctx, id, state) {
    try {
      await ctx.client.call(ops.backupObjects.delete, { path: { backup_id: id } });
    } catch (e) {
      // reference A.3 DBS.200751 "备份文件不存在": already gone
      if (e instanceof TpopsApiError && e.errorCode === "DBS.200751") return;
      if (e instanceof TpopsApiError && state.backupType === "log") {
        // reference 4.2.8 "XBSA的手动备份目前不支持删除"
        throw new TpopsError(
          `backup ${id} is an XBSA backup, which TPOPS cannot delete (reference 4.2.8 "XBSA的手动备份目前不支持删除"); it stays on the backup media. ` +
            `Remove it from the stack with pulumi state delete, and from the media with its own tools (${e.message})`,
          { cause: e },
        );
      }
      throw e;
    }
  },

  isGone: (e) => e instanceof TpopsApiError && e.errorCode === "DBS.200751",
};

const base = makeProvider(backupDefinition);

/** Why the platform refuses a `log` backup of an instance of this version (reference 4.2.7), or undefined. */
function logRefusal(version: string | undefined): string | undefined {
  if (!version || compareVersions(version, "3.301") >= 0) return undefined;
  return `backupType: "log" needs an XBSA instance of version 3.301 or later, and instance runs ${version} (reference 4.2.7 "log: 增备,仅支持XBSA实例(该类型仅支持3.301及以上版本实例)"); use completed or differential`;
}

/** Backup provider methods: the framework's, a FAILED backup replaced (delete first), and the `log` version rule at preview. */
export const backup: ProviderImpl = {
  ...base,

  async check(olds, news) {
    const r = await base.check(olds, news);
    const inputs = r.inputs ?? {};
    const creating = Object.keys(strip(olds)).length === 0;
    if (!creating || r.failures?.length || inputs.backupType !== "log" || typeof inputs.instanceId !== "string" || inputs.instanceId === UNKNOWN) return r;
    const live = await lookupForPreview(`instance ${inputs.instanceId}`, async () => (await configuredClient().listAll(ops.instances.list, { query: { id: String(inputs.instanceId) } }))[0]);
    const why = logRefusal(live?.datastore?.version ?? undefined);
    return why ? { ...r, failures: [{ property: "backupType", reason: why }] } : r;
  },

  async diff(id, olds, news) {
    if (String(olds.status ?? "").toUpperCase() === "FAILED") {
      // A failed backup is replaced under the same stable name: the old one goes first.
      return { changes: true, replaces: ["name"], deleteBeforeReplace: true };
    }
    return base.diff(id, olds, news);
  },
};

/** A backup of `instanceId` by id among its full and (since `since`) differential backups; for Instance.restoreFrom. */
export { findBackup };
