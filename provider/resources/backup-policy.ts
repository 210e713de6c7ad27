/**
 * BackupPolicy (reference 4.2.1, 4.2.4–4.2.6): an instance's one automatic backup policy; every field in
 * place. A settings resource: create records the live policy, delete restores it, and a policy claimed by
 * another BackupPolicy of the program (a rename) is left as that one set it.
 */
import { z } from "zod";
import { ops, TpopsApiError, TpopsError, type BackupPolicy as ApiPolicy, type BackupConfig as ApiConfig } from "../client";
import { AUTO_NAME_KEY, claimSetting, makeProvider, pulumiName, resetSettingClaims, resourceIdentity, settingClaimant, UNKNOWN, v, type Ctx, type ProviderImpl, type ResourceDefinition } from "./framework";
import { BackupPolicyMeta, type BackupPolicyOutputs, type BackupPolicySettings } from "./schema.gen";

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
  closeCompression: z.boolean(),
  differentialPeriod: z
    .number()
    .refine((n) => (DIFFERENTIAL_PERIODS as readonly number[]).includes(n), { error: `is not an allowed interval; use one of ${DIFFERENTIAL_PERIODS.join(", ")} (minutes)` }),
  enableStandbyBackup: z.boolean(),
  fileSplitSize: v.int(0, 1024).refine((n) => n % 4 === 0, { error: "is not a multiple of 4; use 0, 4, 8, … 1024 (GB)" }),
  instanceId: z.string().min(1, { error: "is empty; use the id of an Instance" }),
  keepDays: v.int(1, 732),
  period: z
    .array(
      z.number().refine((d) => Number.isInteger(d) && d >= 1 && d <= 7, { error: "is not a weekday; use 1 (Monday) to 7 (Sunday)" }),
      { error: "is not a list of weekdays; use numbers 1 (Monday) to 7 (Sunday)" },
    )
    .min(1, { error: "is empty; name at least one weekday 1-7" })
    .refine((days) => new Set(days).size === days.length, { error: "repeats a weekday; name each day once" })
    // The API answers the days in ascending order; keep the state in that order so reads show no drift.
    .transform((days) => [...days].sort((a, b) => a - b)),
  prefetchBlock: v.int(1, 8192),
  rateLimit: v.int(0, 1024),
  startTime: z.string().superRefine((s, ctx) => {
    const why = startTimeProblem(s);
    if (why) ctx.addIssue({ code: "custom", message: why, input: s });
  }),
  timeouts: v.timeouts().optional(),
});

type In = z.output<typeof Inputs>;
type Out = BackupPolicyOutputs;

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
    const originalPolicy = settingsOf(before);
    const handSet = differences(originalPolicy);
    if (handSet.length) {
      // Taking over is visible, and reversible: delete restores exactly this policy.
      ctx.warn(`takes over a backup policy set outside this stack (${handSet.join(", ")}); deleting this resource restores it`);
    }
    await apply(ctx, inputs.instanceId, inputs, true);
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
    return r;
  },
};
