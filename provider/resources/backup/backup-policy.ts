/**
 * BackupPolicy (reference 4.2.1, 4.2.4–4.2.6): an instance's one automatic backup policy; every field in
 * place. A settings resource: create records the live policy, delete restores it, and a policy claimed by
 * another BackupPolicy of the program (a rename) is left as that one set it.
 */
import { z } from "zod";
import { ops, TpopsApiError, TpopsError, type BackupPolicy as ApiPolicy, type BackupConfig as ApiConfig, type Instance as ApiInstance } from "../../client";
import { client as configuredClient } from "../../config";
import { AUTO_NAME_KEY, claimSetting, makeProvider, pulumiName, resetSettingClaims, resourceIdentity, settingClaimant, strip, UNKNOWN, v, type Ctx, type ProviderImpl, type ResourceDefinition } from "../framework";
import { compareVersions } from "../instance/instance";
import { lookupForPreview } from "../live";
import { BackupPolicyMeta, type BackupPolicyOutputs, type BackupPolicySettings } from "../schema.gen";

/** Differential backup intervals in minutes (reference 4.2.1 `differential_period`). */
export const DIFFERENTIAL_PERIODS = [15, 30, 60, 180, 360, 720, 1440] as const;

/** The policy a new instance has, restored on delete (schema defaults; see the reading in schema.json). */
export const DEFAULT_POLICY = {
  keepDays: BackupPolicyMeta.defaults.keepDays as number,
  startTime: BackupPolicyMeta.defaults.startTime as string,
  period: BackupPolicyMeta.defaults.period as number[],
  differentialPeriod: BackupPolicyMeta.defaults.differentialPeriod as number,
  rateLimit: BackupPolicyMeta.defaults.rateLimit as number,
  prefetchBlock: BackupPolicyMeta.defaults.prefetchBlock as number,
  fileSplitSize: BackupPolicyMeta.defaults.fileSplitSize as number,
  enableStandbyBackup: BackupPolicyMeta.defaults.enableStandbyBackup as boolean,
  closeCompression: BackupPolicyMeta.defaults.closeCompression as boolean,
};

/** Why a backup window is invalid, or undefined (reference 4.2.1: `hh:00-HH:00`, HH = hh + 1, UTC). */
export function startTimeProblem(s: string): string | undefined {
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(s);
  if (!m) return 'is not a window hh:mm-HH:MM; use e.g. "19:00-20:00"';
  const [h1, m1, h2, m2] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  if (h1 > 23 || h2 > 23 || m1 > 59 || m2 > 59) return 'is not a valid time of day; use hours 00-23, e.g. "19:00-20:00"';
  if (m1 !== 0 || m2 !== 0) return `must start and end on the hour (minutes 00); use "${m[1]}:00-${String((h1 + 1) % 24).padStart(2, "0")}:00"`;
  if ((h1 + 1) % 24 !== h2) return `must last exactly one hour (HH = hh + 1, 23:00-00:00 included); use "${m[1]}:00-${String((h1 + 1) % 24).padStart(2, "0")}:00"`;
  return undefined;
}

const Inputs = z.object({
  // reference 4.2.4 close_compression: "Boolean 是否关闭备份压缩".
  closeCompression: z.boolean(),
  differentialPeriod: z
    .number()
    // reference 4.2.1 differential_period: "取值范围: 15、30、60、180、360、720、1440。单位: 分钟".
    .refine((n) => (DIFFERENTIAL_PERIODS as readonly number[]).includes(n), { error: `is not an allowed interval; use one of ${DIFFERENTIAL_PERIODS.join(", ")} (minutes)` }),
  // reference 4.2.1 enable_standby_backup "Boolean"; 4.2.4 "不支持单节点实例及3.100.0以下的实例" is decided from the instance (standbyRefusal).
  enableStandbyBackup: z.boolean(),
  // reference 4.2.1 file_split_size: "可设置范围为0~1024GB,设置需为4的倍数".
  fileSplitSize: v.int(0, 1024).refine((n) => n % 4 === 0, { error: "is not a multiple of 4; use 0, 4, 8, … 1024 (GB)" }),
  // reference 4.2.1 instance_id: "是 String 实例ID" (empty names no instance).
  instanceId: z.string().min(1, { error: "is empty; use the id of an Instance" }),
  // reference 4.2.1 keep_days: "取值范围: 1-732天".
  keepDays: v.int(1, 732),
  period: z
    .array(
      // reference 4.2.1 period: "格式为逗号隔开的数字,数字代表星期 … 1/2/3/4则表示…星期一、星期二、星期三和星期四" (1 Monday … 7 Sunday).
      z.number().refine((d) => Number.isInteger(d) && d >= 1 && d <= 7, { error: "is not a weekday; use 1 (Monday) to 7 (Sunday)" }),
      { error: "is not a list of weekdays; use numbers 1 (Monday) to 7 (Sunday)" },
    )
    // reference 4.2.1 period: "是" (required) — "自动备份将在每星期指定的天进行" needs at least one day.
    .min(1, { error: "is empty; name at least one weekday 1-7" })
    // A repeated day is one day (no rule forbids it): sent and recorded once, in the ascending order the API answers
    // (so reads show no drift).
    .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
  // reference 4.2.1 prefetch_block: "取值范围:1~8192".
  prefetchBlock: v.int(1, 8192),
  // reference 4.2.1 rate_limit: "取值范围:0~1024".
  rateLimit: v.int(0, 1024),
  // reference 4.2.1 start_time: "格式必须为hh:mm-HH:MM且有效 … HH取值必须比hh大1,mm和MM取值必须相同,且取值必须为00" (startTimeProblem).
  startTime: z.string().superRefine((s, ctx) => {
    const why = startTimeProblem(s);
    if (why) ctx.addIssue({ code: "custom", message: why, input: s });
  }),
  timeouts: v.timeouts().optional(),
});

type In = z.output<typeof Inputs>;
type Out = BackupPolicyOutputs;

/** Why the instance cannot back up from a standby (reference 4.2.4 enable_standby_backup), or undefined. */
export function standbyRefusal(inst: Pick<ApiInstance, "id" | "solution" | "nodes" | "datastore">): string | undefined {
  const solution = (inst.solution ?? "").toLowerCase();
  // single and hcs6 deploy on one node (reference 4.11.6 "single: 单副本", "hcs6 一主单节点").
  const singleNode = solution ? solution === "single" || solution === "hcs6" : (inst.nodes ?? []).length <= 1;
  const version = inst.datastore?.version;
  const old = typeof version === "string" && /^\d+(\.\d+)*$/.test(version) && compareVersions(version, "3.100.0") < 0;
  if (!singleNode && !old) return undefined;
  const what = singleNode ? `a single-node instance${solution ? ` (${solution})` : ""}` : `version ${version}, below 3.100.0`;
  return `enableStandbyBackup: true is not supported for instance ${inst.id}, ${what} (reference 4.2.4 "不支持单节点实例及3.100.0以下的实例"); set it to false`;
}

async function instanceById(client: Ctx["client"], id: string): Promise<ApiInstance | undefined> {
  return (await client.listAll(ops.instances.list, { query: { id } })).find((i) => i.id === id);
}

/** Refuses standby backups the instance does not support, before any change (create and update). */
async function assertStandbySupported(ctx: Pick<Ctx, "client">, instanceId: string): Promise<void> {
  const inst = await instanceById(ctx.client, instanceId);
  const why = inst && standbyRefusal(inst);
  if (why) throw new TpopsError(`nothing was changed: ${why}`);
}

/** The settings target a BackupPolicy owns (see claimSetting). */
const target = (instanceId: string) => `backupPolicy:${instanceId}`;

/** The policy fields of a state (without instanceId, timeouts, originalPolicy). */
function settingsOf(o: Out): BackupPolicySettings {
  const { instanceId: _i, timeouts: _t, originalPolicy: _o, ...rest } = o;
  return rest;
}

/** The fields where `p` differs from the platform default, for messages: `keepDays 14, startTime "02:00-03:00"`. */
function differences(p: BackupPolicySettings, from: BackupPolicySettings = DEFAULT_POLICY): string[] {
  return (Object.keys(DEFAULT_POLICY) as (keyof BackupPolicySettings)[]).filter((k) => JSON.stringify(p[k]) !== JSON.stringify(from[k])).map((k) => `${k} ${JSON.stringify(p[k])}`);
}

/** API policy + extension config → state. */
function toOutputs(instanceId: string, p: ApiPolicy, c: ApiConfig): Out {
  return {
    instanceId,
    keepDays: p.keep_days,
    startTime: p.start_time ?? "",
    period: (p.period ?? "")
      .split(",")
      .map((d) => Number(d.trim()))
      .filter((d) => Number.isInteger(d) && d > 0)
      .sort((a, b) => a - b),
    differentialPeriod: Number(p.differential_period ?? 0),
    rateLimit: p.rate_limit ?? c.rate_limit ?? DEFAULT_POLICY.rateLimit,
    prefetchBlock: p.prefetch_block ?? c.prefetch_block ?? DEFAULT_POLICY.prefetchBlock,
    fileSplitSize: p.file_split_size ?? DEFAULT_POLICY.fileSplitSize,
    enableStandbyBackup: p.enable_standby_backup ?? c.enable_standby_backup ?? false,
    closeCompression: c.close_compression ?? false,
  };
}

const isGone = (e: unknown) =>
  e instanceof TpopsApiError && (e.status === 404 || ["DBS.200002", "DBS.200602", "DBS.280404", "DBS.200044"].includes(e.errorCode ?? ""));

async function readLive(ctx: Pick<Ctx, "client">, instanceId: string): Promise<Out | undefined> {
  const path = { instance_id: instanceId };
  try {
    const [{ backup_policy }, config] = await Promise.all([ctx.client.call(ops.backups.getPolicy, { path }), ctx.client.call(ops.backups.getConfig, { path })]);
    return toOutputs(instanceId, backup_policy, config);
  } catch (e) {
    if (isGone(e)) return undefined;
    throw e;
  }
}

/** Sends the policy (4.2.1) and, when asked, the compression switch (4.2.4, the only field 4.2.1 lacks). */
async function apply(ctx: Ctx, instanceId: string, p: Omit<In, "instanceId" | "timeouts">, config: boolean): Promise<void> {
  const path = { instance_id: instanceId };
  await ctx.client.call(ops.backups.setPolicy, {
    path,
    body: {
      backup_policy: {
        keep_days: p.keepDays,
        start_time: p.startTime,
        // reference 4.2.1: the weekdays as a comma-separated string, the interval as a string of minutes.
        period: p.period.join(","),
        differential_period: String(p.differentialPeriod),
        rate_limit: p.rateLimit,
        prefetch_block: p.prefetchBlock,
        file_split_size: p.fileSplitSize,
        enable_standby_backup: p.enableStandbyBackup,
      },
    },
  });
  if (config) await ctx.client.call(ops.backups.setConfig, { path, body: { close_compression: p.closeCompression } });
}

/** The BackupPolicy resource definition. */
export const backupPolicyDefinition: ResourceDefinition<In, Out> = {
  kind: "BackupPolicy",
  meta: BackupPolicyMeta,
  inputs: Inputs,
  localOnly: ["timeouts"],
  defaultTimeouts: { create: "5m", update: "5m", delete: "5m" },
  describeKey: (i) => `instanceId ${i.instanceId}`,
  isGone,

  // Every instance always has a policy: there is nothing to adopt or conflict with, only values to set.
  async find() {
    return undefined;
  },

  async create(ctx, inputs) {
    const before = await readLive(ctx, inputs.instanceId);
    if (!before) throw new TpopsError(`instance ${inputs.instanceId} not found; check instanceId`);
    if (inputs.enableStandbyBackup) await assertStandbySupported(ctx, inputs.instanceId);
    const originalPolicy = settingsOf(before);
    const handSet = differences(originalPolicy);
    if (handSet.length) {
      // Taking over is visible, and reversible: delete restores exactly this policy.
      ctx.warn(`takes over a backup policy set outside this stack (${handSet.join(", ")}); deleting this resource restores it`);
    }
    // A program that declares the live policy (tpops-import writes one) changes nothing: 4.2.1 and 4.2.4 are not sent.
    if (differences(settingsOf(inputs as unknown as Out), originalPolicy).length) await apply(ctx, inputs.instanceId, inputs, true);
    const live = await readLive(ctx, inputs.instanceId);
    if (!live) throw new TpopsError(`instance ${inputs.instanceId} disappeared while its backup policy was set`);
    return { id: inputs.instanceId, outs: { ...live, originalPolicy } };
  },

  async read(ctx, id, state) {
    const live = await readLive(ctx, String(state.instanceId ?? id));
    return live && (state.originalPolicy ? { ...live, originalPolicy: state.originalPolicy } : live);
  },

  async update(ctx, id, olds, news, changed) {
    const instanceId = news.instanceId ?? id;
    if (news.enableStandbyBackup && changed.includes("enableStandbyBackup")) await assertStandbySupported(ctx, instanceId);
    await apply(ctx, instanceId, news, changed.includes("closeCompression"));
    const live = await readLive(ctx, instanceId);
    if (!live) throw new TpopsError(`instance ${instanceId} disappeared during the update`);
    return olds.originalPolicy ? { ...live, originalPolicy: olds.originalPolicy } : live;
  },

  async delete(ctx, id, state) {
    const instanceId = String(state.instanceId ?? id);
    const owner = settingClaimant(target(instanceId), ctx.self);
    if (owner !== undefined) {
      // Renamed or moved without aliases (or replaced): the program's other BackupPolicy now sets this policy.
      const before = state.originalPolicy ? differences(state.originalPolicy) : [];
      const msg = `the backup policy of instance ${instanceId} now belongs to ${owner}; left as it set it`;
      if (before.length) ctx.warn(`${msg}. The policy from before this stack (${before.join(", ")}) is no longer recorded; a rename with \`aliases\` keeps it`);
      else ctx.note(msg);
      return;
    }
    const restore = state.originalPolicy ?? DEFAULT_POLICY;
    const what = state.originalPolicy ? differences(state.originalPolicy) : [];
    ctx.progress(what.length ? `restoring the backup policy from before this stack (${what.join(", ")})` : "restoring the platform's default backup policy");
    await apply(ctx, instanceId, restore, true);
  },
};

const base = makeProvider(backupPolicyDefinition);

// One provider process serves every resource of a `pulumi up`, so this map sees the whole stack.
const owners = new Map<string, string>();

/** Forgets the instance → BackupPolicy registry (tests). */
export function resetBackupPolicyRegistry(): void {
  owners.clear();
  resetSettingClaims();
}

/** BackupPolicy provider methods: the framework's, plus the one-policy-per-instance check. */
export const backupPolicy: ProviderImpl = {
  ...base,
  async check(olds, news) {
    const r = await base.check(olds, news);
    const instanceId = news.instanceId;
    const owner = news[AUTO_NAME_KEY];
    // An id unknown at preview cannot be compared; the check runs again with the real id before create.
    if (typeof instanceId !== "string" || instanceId === UNKNOWN || typeof owner !== "string") return r;
    claimSetting(target(instanceId), resourceIdentity(news), `BackupPolicy ${pulumiName(news) ?? owner}`);
    const previous = olds.instanceId;
    if (typeof previous === "string" && previous !== instanceId && owners.get(previous) === owner) owners.delete(previous);
    const holder = owners.get(instanceId);
    if (holder !== undefined && holder !== owner) {
      const failure = {
        property: "instanceId",
        reason: `instanceId: ${JSON.stringify(instanceId)} already has a BackupPolicy in this stack (${holder}); an instance has exactly one backup policy (reference 4.2.1). Merge the two resources into one`,
      };
      return { ...r, failures: [...(r.failures ?? []), failure] };
    }
    owners.set(instanceId, owner);
    // reference 4.2.4: standby backups need a multi-node instance of 3.100.0 or later — decided now when the instance
    // can be read (a new one is decided by create before any change).
    const creating = Object.keys(strip(olds)).length === 0;
    if (!r.failures?.length && r.inputs?.enableStandbyBackup === true && (creating || olds.enableStandbyBackup !== true)) {
      const inst = await lookupForPreview(`instance ${instanceId}`, () => instanceById(configuredClient(), instanceId));
      const why = inst && standbyRefusal(inst);
      if (why) return { ...r, failures: [{ property: "enableStandbyBackup", reason: why }] };
    }
    return r;
  },
};
