/** Host (reference 4.9.1–4.9.4, 4.9.8): add and remove are platform jobs; static fields update in place. */
import { z } from "zod";
import { ops, TpopsApiError, TpopsError, type Host as ApiHost, type TpopsClient } from "../../client";
import { waitUntil, waitUntilJobDone, type JobProgress } from "../../waiters";
import { createIdempotently, generatedName, makeProvider, PartialCreateError, strip, UNKNOWN, v, type CheckFailure, type Ctx, type ProviderImpl, type ResourceDefinition } from "../framework";
import { HostMeta, type HostOutputs } from "../schema.gen";
import { client as configuredClient } from "../../config";
import { lookupForPreview } from "../live";
import { ipAddress } from "../rules";

// reference A.3: the add-host call names a manage IP that another host already has.
const DUPLICATE_MANAGE_IP = "DBS.06025027";

// reference 4.9.2 table 4-320: ssh_port 1-65535 except 8002 and 12017.
const RESERVED_SSH_PORTS = [8002, 12017] as const;

// reference 4.9.8 table 4-353: the enumerations of the supported types; the platform's own list is checked at preview
// (4.9.2 接口约束 "可支持主机规格请查询"可支持主机规格"API"). Sent in 4.9.8's spelling.
const TYPES = ["BMS", "CONTAINER"] as const;
const OS_TYPES = ["kylin", "uniontech"] as const;
const STORAGE_TYPES = ["localssd", "dorado"] as const;
const CPU_SPECS = ["intel", "kunpeng", "hygon"] as const;

const Inputs = z
  .object({
    adopt: z.boolean().optional(),
    // reference 4.9.8 cpu_specs: "枚举值: intel kunpeng hygon" (4.9.2 cpu_spec "类型包括Intel、Hygon,、Kunpeng").
    cpuSpec: v.oneOf(CPU_SPECS, { lookup: "getHostSpecifications" }),
    // reference 4.9.2 data_center_id: "是 String 主机所属机房ID" (it must exist: checked at preview).
    dataCenterId: z.string().min(1, { error: "is empty; use the id of a DataCenter" }),
    // reference 4.9.2 table 4-321 data_ip: "是 String 主机数据IP".
    dataIp: ipAddress(),
    // reference 4.9.2 description: "主机描述,不超过100个字符".
    description: v.text(100).optional(),
    forceRemoveChrootDir: z.boolean().optional(),
    // reference 4.9.2 table 4-321 manage_ip: "是 String 主机管理IP".
    manageIp: ipAddress(),
    // reference 4.9.2 name: "主机别名,不超过64个字节" (required: check() generates one, except for `adopt: true`
    // without a name, where the live name is kept, or one is generated at create when there is nothing to adopt).
    name: v.text(64, { bytes: true, min: 1 }).optional(),
    // reference 4.9.8 os_types: "枚举值: kylin uniontech" (4.9.2 os_type "类型包括Kylin、Uniontech").
    osType: v.oneOf(OS_TYPES, { lookup: "getHostSpecifications" }),
    // reference 4.9.2 os_root_pwd: "主机root用户密码" (no rule stated; empty is no password).
    rootPassword: z.string().min(1, { error: "is empty; give the root password or use sshKeyId" }).optional(),
    // reference 4.9.2 ssh_key_id: "SSH私钥ID" (it must exist: checked at preview).
    sshKeyId: z.string().min(1, { error: "is empty; use the id of a KeyPair" }).optional(),
    // reference 4.9.2 ssh_port: "范围为1-65535,限制端口:8002, 12017".
    sshPort: v.port(RESERVED_SSH_PORTS),
    // reference 4.9.8 storage_types: "枚举值: localssd dorado" (4.9.2 storage_type "类型包括localssd").
    storageType: v.oneOf(STORAGE_TYPES, { lookup: "getHostSpecifications" }),
    timeouts: v.timeouts().optional(),
    // reference 4.9.8 types: "枚举值: BMS CONTAINER" (4.9.2 type "类型包括BMS").
    type: v.oneOf(TYPES, { lookup: "getHostSpecifications" }),
    // reference 4.9.2 table 4-321 virtual_ip: "是 String 主机业务IP".
    virtualIp: ipAddress(),
  })
  .superRefine((h, ctx) => {
    // reference 4.9.2 接口约束: "主机上线方式支持root密码和ssh私钥两种方式,必须选择其中一种上线".
    if ((h.rootPassword === undefined) === (h.sshKeyId === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["rootPassword"],
        input: undefined,
        message:
          h.rootPassword === undefined
            ? "is missing and so is sshKeyId; give exactly one: rootPassword (secret) or sshKeyId (a KeyPair whose public key is in root's authorized_keys)"
            : "and sshKeyId are both set; give exactly one of them",
      });
    }
  });

type In = z.output<typeof Inputs>;
type Out = HostOutputs;

/** API record (+ local fields of the state) → state. */
function toOutputs(h: ApiHost, prev: Partial<Out>): Out {
  return {
    name: h.name,
    description: h.description ?? "",
    type: h.type ?? String(prev.type ?? ""),
    osType: h.os?.os_type ?? String(prev.osType ?? ""),
    cpuSpec: h.spec?.cpu_spec ?? String(prev.cpuSpec ?? ""),
    storageType: h.spec?.storage_type ?? String(prev.storageType ?? ""),
    manageIp: h.ip.manage_ip,
    dataIp: h.ip.data_ip ?? "",
    virtualIp: h.ip.virtual_ip ?? "",
    floatIp: h.ip.float_ip ?? "",
    sshPort: h.ssh_port ?? Number(prev.sshPort ?? 22),
    dataCenterId: h.data_center_id ?? String(prev.dataCenterId ?? ""),
    ...(h.ssh_key_id ? { sshKeyId: h.ssh_key_id } : prev.sshKeyId ? { sshKeyId: prev.sshKeyId } : {}),
    status: h.status,
    instanceId: h.instance_id ?? "",
    instanceName: h.instance_name ?? "",
    nodeId: h.node_id ?? "",
    createdAt: h.created_at ?? "",
    os: { osType: h.os?.os_type ?? undefined, osVersion: h.os?.os_version ?? undefined, osArch: h.os?.os_arch ?? undefined },
    spec: {
      vcpus: h.spec?.vcpus ?? undefined,
      cpuSpec: h.spec?.cpu_spec ?? undefined,
      mem: h.spec?.mem ?? undefined,
      rootDiskSize: h.spec?.root_disk_size ?? undefined,
      dataDiskSize: h.spec?.data_disk_size ?? undefined,
      storageType: h.spec?.storage_type ?? undefined,
    },
  };
}

async function byId(ctx: Ctx, id: string): Promise<ApiHost | undefined> {
  return (await ctx.client.listAll(ops.hosts.list, { query: { id } })).find((h) => h.id === id);
}

async function byManageIp(ctx: Ctx, ip: string): Promise<ApiHost | undefined> {
  // reference 4.9.1 has no manage-IP filter: page through the list.
  return (await scanHosts(ctx.client)).find((h) => h.ip.manage_ip === ip);
}

/**
 * Reports a job's progress once it has run for a second: each line is an engine event, and for jobs
 * that end at once (hundreds of hosts in one `up`) they only cost time.
 */
function jobReporter(ctx: Ctx, what: string): (p: JobProgress) => void {
  let shown = false;
  return (p) => {
    if (!shown && p.elapsedMs < 1000) return;
    shown = true;
    ctx.progress(`${what} (job ${p.jobId} ${p.status}${p.progress ? ` ${p.progress}` : ""})`);
  };
}

/** Per client: the full host list being fetched, and the one queued to start after it. */
const scans = new WeakMap<TpopsClient, { running?: Promise<ApiHost[]>; queued?: Promise<ApiHost[]> }>();

/**
 * The whole host list, fetched at most once at a time per client: concurrent lookups (an `up` adding
 * many hosts) share a fetch instead of each paging through every host (O(N²) requests). A caller never
 * shares a fetch that began before its call (it could miss a host added since); it joins the queued one.
 */
function scanHosts(client: TpopsClient): Promise<ApiHost[]> {
  let s = scans.get(client);
  if (!s) scans.set(client, (s = {}));
  const state = s;
  const start = (): Promise<ApiHost[]> => {
    const p = client.listAll(ops.hosts.list);
    state.running = p;
    const done = () => {
      if (state.running === p) state.running = undefined;
    };
    p.then(done, done);
    return p;
  };
  if (!state.running) return start();
  if (!state.queued) {
    const q = state.running.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      state.queued = undefined;
      return start();
    });
    state.queued = q;
  }
  return state.queued;
}

/** Waits until a host leaves `initializing` (used when the add job's id was lost with the reply). */
async function waitInitialized(ctx: Ctx, id: string): Promise<ApiHost> {
  const r = await waitUntil<ApiHost>(
    async () => {
      const h = await byId(ctx, id);
      if (!h) return { state: "FAILURE", error: new TpopsError(`host ${id} disappeared while initializing`) };
      if (h.status === "initializing") return { state: "RETRY", progress: h.status };
      return { state: "SUCCESS", value: h };
    },
    { subject: `host ${id} to initialize`, timeoutMs: ctx.timeouts.create, timeoutHint: 'Raise it with timeouts: { create: "40m" }' },
  );
  return r.value;
}

/** Why the platform refuses an IP change, or undefined (reference 4.9.3). */
function ipChangeRefusal(status: string | undefined, changed: readonly string[]): string | undefined {
  const ipFields = changed.filter((k) => k === "dataIp" || k === "virtualIp");
  // reference 4.9.3 接口约束: "主机状态为待纳管或者使用中,不允许修改主机IP信息" (no IP change while unmanaged or in use).
  if (!ipFields.length || (status !== "unmanaged" && status !== "in_use")) return undefined;
  return `${ipFields.join(" and ")} cannot change while the host is ${status} (reference 4.9.3: IP changes are refused for unmanaged and in-use hosts). ${status === "in_use" ? "Remove the host from its instance first, or keep the current IPs." : "Keep the current IPs until the host is managed again."}`;
}

/**
 * Why the platform refuses moving a host to another data center, or undefined. The reading (the same as for
 * renaming a data center): reference 4.9.2 "如果主机上有实例,则添加主机时所选机房的名称需要和实例安装时使用的AZ名称保持一致"
 * and A.3 DBS.06025067 "请检查安装实例的azName是否和机房名称相同" tie a host with an instance to the data center named as
 * its instance's AZ, so a host in use cannot move (A.3 DBS.06025028 "所选主机不支持修改"). Names are unique (4.9.10),
 * so any other data center has another name.
 */
function moveRefusal(h: ApiHost, changed: readonly string[], dataCenterId: string | undefined): string | undefined {
  if (!changed.includes("dataCenterId") || dataCenterId === undefined || dataCenterId === h.data_center_id) return undefined;
  if (h.status !== "in_use" && !h.instance_id) return undefined;
  return `dataCenterId cannot change while the host is in use by instance ${h.instance_name || h.instance_id} (its AZ is named after the host's data center: reference 4.9.2, DBS.06025067). Keep dataCenterId, or remove the host from its instance first.`;
}

/** Every refusal of an in-place change that the host's live record decides. */
function changeRefusals(h: ApiHost, changed: readonly string[], news: { dataCenterId?: string }): string[] {
  return [ipChangeRefusal(h.status, changed), moveRefusal(h, changed, news.dataCenterId)].filter((x): x is string => x !== undefined);
}

/** The Host resource definition. */
export const hostDefinition: ResourceDefinition<In, Out> = {
  kind: "Host",
  meta: HostMeta,
  inputs: Inputs,
  autoName: { maxLength: 64, sanitize: (s) => s.replace(/[^A-Za-z0-9_.-]/g, "-") },
  naturalKey: "manageIp",
  localOnly: ["adopt", "timeouts", "rootPassword", "forceRemoveChrootDir"],
  // Two hosts with one manage IP cannot exist side by side: remove the old one first.
  deleteBeforeReplace: true,
  defaultTimeouts: { create: "20m", update: "5m", delete: "20m" },
  describeKey: (i) => `manageIp ${i.manageIp}`,

  async find(ctx, inputs) {
    // reference 4.9.2 refuses a second host with one manage IP (DBS.06025027), so without adopt the add
    // call itself detects the conflict (create below); paging through every host first made each create
    // O(hosts) and an `up` of N hosts O(N²).
    if (inputs.adopt !== true) return undefined;
    return byManageIp(ctx, inputs.manageIp);
  },

  async create(ctx, inputs) {
    if (!inputs.name) throw new TpopsError("name is required to add a host (reference 4.9.2); set name");
    const body = {
      hosts: [
        {
          name: inputs.name,
          type: inputs.type,
          os_type: inputs.osType,
          cpu_spec: inputs.cpuSpec,
          storage_type: inputs.storageType,
          ip: { manage_ip: inputs.manageIp, data_ip: inputs.dataIp, virtual_ip: inputs.virtualIp },
          ssh_port: inputs.sshPort,
          data_center_id: inputs.dataCenterId,
          ...(inputs.rootPassword !== undefined ? { os_root_pwd: inputs.rootPassword } : {}),
          ...(inputs.sshKeyId !== undefined ? { ssh_key_id: inputs.sshKeyId } : {}),
          ...(inputs.description ? { description: inputs.description } : {}),
          is_force_rm_chroot_dir: inputs.forceRemoveChrootDir === true,
        },
      ],
    };
    let id: string;
    let jobId: string | undefined;
    // A lost reply is decided by the manage IP: found means added (its job id is then unknown), absent means send again.
    const r = await createIdempotently(ctx, () => ctx.client.call(ops.hosts.add, { body }), () => byManageIp(ctx, inputs.manageIp)).catch(
      async (e: unknown) => {
        const existing = e instanceof TpopsApiError && e.errorCode === DUPLICATE_MANAGE_IP ? await byManageIp(ctx, inputs.manageIp) : undefined;
        if (!existing) throw e;
        // Added by an interrupted run of this stack (it carries this resource's own generated name): continue with it.
        if (ctx.ownsName(existing.name)) {
          ctx.progress(`continuing with host ${existing.id} (${inputs.manageIp}), which an interrupted run of this stack added under this resource's name ${JSON.stringify(existing.name)}`);
          return { found: { id: existing.id } };
        }
        throw new TpopsError(
          `a Host with manageIp ${inputs.manageIp} already exists on the platform (id ${existing.id}). ` +
            "Set adopt: true to take it over, or change manageIp (dynamic resources cannot use `pulumi import`).",
          { cause: e },
        );
      },
    );
    if ("sent" in r) {
      jobId = r.sent.job_id;
      const ref = r.sent.hosts.find((h) => h.manage_ip === inputs.manageIp) ?? r.sent.hosts[0];
      if (!ref) throw new TpopsError(`the add-host reply lists no host for ${inputs.manageIp}`);
      id = ref.id;
    } else {
      id = r.found.id;
    }
    const partial: Out = { ...toOutputs({ id, name: inputs.name, status: "initializing", ip: { manage_ip: inputs.manageIp, data_ip: inputs.dataIp, virtual_ip: inputs.virtualIp } } as ApiHost, inputs as Partial<Out>) };
    try {
      if (jobId) {
        await waitUntilJobDone(ctx.client, jobId, {
          timeout: ctx.timeouts.create,
          timeoutKey: "create",
          onProgress: jobReporter(ctx, "adding host"),
        });
      } else {
        await waitInitialized(ctx, id);
      }
      const h = await byId(ctx, id);
      if (!h) throw new TpopsError(`host ${id} is not listed after its add job completed`);
      // reference 4.9.1 status "待纳管" (unmanaged): a host that carries a database TPOPS does not manage yet (Instance takeOver).
      if (h.status !== "initialized" && h.status !== "unmanaged") {
        const why = h.async_task_error?.error_msg ? `: ${h.async_task_error.error_code ?? ""} ${h.async_task_error.error_msg}`.trimEnd() : "";
        throw new TpopsError(`host ${inputs.manageIp} ended in status ${h.status}${why}`);
      }
      return { id, outs: toOutputs(h, inputs as Partial<Out>) };
    } catch (e) {
      throw new PartialCreateError(id, partial, e);
    }
  },

  async read(ctx, id, state) {
    const h = await byId(ctx, id);
    return h && toOutputs(h, state);
  },

  async checkChange(id, olds, news, changed) {
    if (!changed.some((k) => k === "dataIp" || k === "virtualIp" || k === "dataCenterId")) return;
    // The state's status is stale as soon as an instance takes the host (Host state is not refreshed by that),
    // so the live record decides; an unreachable platform skips the check (update asks again).
    const live = await lookupForPreview(`host ${id}`, () => byId({ client: configuredClient() } as Ctx, id));
    const refusals = live ? changeRefusals(live, changed, news) : [];
    if (refusals.length) throw new TpopsError(`Host ${olds.name}: ${refusals.join(" ")}`);
  },

  async update(ctx, id, olds, news, changed) {
    const live = await byId(ctx, id);
    if (!live) throw new TpopsError(`host ${id} no longer exists; run pulumi refresh, then pulumi up to add it again`);
    const refusals = changeRefusals(live, changed, news);
    if (refusals.length) throw new TpopsError(refusals.join(" "));
    const change: { manage_ip: string; name?: string; data_ip?: string; virtual_ip?: string; data_center_id?: string; description?: string; ssh_key_id?: string } = {
      manage_ip: live.ip.manage_ip,
    };
    if (changed.includes("name")) change.name = news.name;
    if (changed.includes("dataIp")) change.data_ip = news.dataIp;
    if (changed.includes("virtualIp")) change.virtual_ip = news.virtualIp;
    if (changed.includes("dataCenterId")) change.data_center_id = news.dataCenterId;
    if (changed.includes("description")) change.description = news.description ?? "";
    if (changed.includes("sshKeyId") && news.sshKeyId) change.ssh_key_id = news.sshKeyId;
    await ctx.client.call(ops.hosts.update, { body: { hosts: [change] } });
    const h = await byId(ctx, id);
    if (!h) throw new TpopsError(`host ${id} disappeared during the update`);
    return toOutputs(h, { ...olds, ...news } as unknown as Partial<Out>);
  },

  async delete(ctx, id, state) {
    const live = await byId(ctx, id);
    if (!live) return; // already gone
    if (live.status === "in_use") {
      throw new TpopsError(
        `host ${live.ip.manage_ip} is in use by instance ${live.instance_name || live.instance_id}; delete the instance (or remove the host from it) first (reference 4.9.4)`,
      );
    }
    const credential = state.rootPassword ? { os_root_pwd: String(state.rootPassword) } : state.sshKeyId ? { ssh_key_id: String(state.sshKeyId) } : {};
    const res = await ctx.client.call(ops.hosts.delete, {
      body: { hosts: [{ manage_ip: live.ip.manage_ip, ssh_port: live.ssh_port ?? Number(state.sshPort ?? 22), ...credential }] },
    });
    await waitUntilJobDone(ctx.client, res.job_id, {
      timeout: ctx.timeouts.delete,
      timeoutKey: "delete",
      onProgress: jobReporter(ctx, "removing host"),
    });
  },
};

const base = makeProvider(hostDefinition);

/** What one provider process fetched for preview checks: the supported specifications and the host list. */
let specs: Promise<{ types: string[]; os_types: string[]; storage_types: string[]; cpu_specs: string[] } | undefined> | undefined;
let known: Promise<ApiHost[] | undefined> | undefined;
/** Data center and key pair ids found to exist (a preview of many hosts in one data center looks it up once). */
const existing = new Set<string>();

/** Forgets the fetched specifications, host list and ids (tests). */
export function resetHostPreviewCache(): void {
  specs = undefined;
  known = undefined;
  existing.clear();
}

const SPEC_FIELDS = [
  ["type", "types"],
  ["osType", "os_types"],
  ["storageType", "storage_types"],
  ["cpuSpec", "cpu_specs"],
] as const;

/**
 * Refusals of a new or changed host that the platform's data decides (skipped for unknown values and when the
 * platform does not answer): specifications it does not support, a data center or key pair that does not exist,
 * and, for a create, a manage IP another host has.
 */
async function liveRefusals(olds: Record<string, unknown>, inputs: Record<string, unknown>, news: Record<string, unknown>): Promise<CheckFailure[]> {
  const out: CheckFailure[] = [];
  const creating = Object.keys(strip(olds)).length === 0;
  const fresh = (k: string) => {
    const x = inputs[k];
    return typeof x === "string" && x !== UNKNOWN && x !== "" && (creating || olds[k] !== x);
  };
  const client = () => configuredClient();
  if (SPEC_FIELDS.some(([k]) => fresh(k))) {
    specs ??= lookupForPreview("host specifications", () => client().call(ops.hosts.specifications));
    const s = await specs;
    for (const [k, list] of SPEC_FIELDS) {
      const offered = s?.[list];
      // reference 4.9.2 接口约束: "可支持主机规格请查询"可支持主机规格"API" (reference 4.9.8).
      if (fresh(k) && offered && !offered.some((o) => o.toLowerCase() === String(inputs[k]).toLowerCase())) {
        out.push({ property: k, reason: `${k}: ${JSON.stringify(inputs[k])} is not supported by this platform; it supports ${offered.join(", ") || "none"} (reference 4.9.8); use one of them (getHostSpecifications lists them)` });
      }
    }
  }
  if (fresh("dataCenterId") && !existing.has(`dc:${inputs.dataCenterId}`)) {
    const id = String(inputs.dataCenterId);
    const dcs = await lookupForPreview(`data center ${id}`, () => client().listAll(ops.dataCenters.list, { query: { id } }));
    if (dcs?.some((d) => d.id === id)) existing.add(`dc:${id}`);
    // reference 4.9.2 data_center_id "主机所属机房ID"; A.3 DBS.06025058 "所选机房不存在".
    else if (dcs) out.push({ property: "dataCenterId", reason: `dataCenterId: ${JSON.stringify(id)} is not a data center of the platform (reference 4.9.2, DBS.06025058); use the id of a DataCenter, or one getDataCenters lists` });
  }
  if (fresh("sshKeyId") && !existing.has(`kp:${inputs.sshKeyId}`)) {
    const id = String(inputs.sshKeyId);
    const kps = await lookupForPreview(`key pair ${id}`, () => client().listAll(ops.keyPairs.list, { query: { id } }));
    if (kps?.some((k) => k.id === id)) existing.add(`kp:${id}`);
    // reference 4.9.2 ssh_key_id "SSH私钥ID": the id of a key pair (4.8.2).
    else if (kps) out.push({ property: "sshKeyId", reason: `sshKeyId: ${JSON.stringify(id)} is not a key pair of the platform (reference 4.8.2); use the id of a KeyPair, or one getKeyPairs lists` });
  }
  const ip = inputs.manageIp;
  if (creating && inputs.adopt !== true && typeof ip === "string" && ip !== UNKNOWN) {
    // One list per process (a preview of many hosts costs one scan): hosts added during the run are not ours to find.
    known ??= lookupForPreview("hosts", () => scanHosts(client()));
    const other = (await known)?.find((h) => h.ip.manage_ip === ip);
    // A host carrying this resource's own generated name was added by an interrupted run: create continues with it.
    if (other && other.name !== generatedName(hostDefinition, news, inputs)) {
      // reference 4.9.2 refuses a host added twice (A.3 DBS.06025027); without adopt the create is refused, so say it now.
      out.push({ property: "manageIp", reason: `manageIp: ${ip} is already the manage IP of host ${other.id} (${other.name}) on the platform; set adopt: true to take it over, or change manageIp` });
    }
  }
  return out;
}

/** Host provider methods: the framework's, plus the refusals the platform's data decides at preview. */
export const host: ProviderImpl = {
  ...base,
  async check(olds, news) {
    const r = await base.check(olds, news);
    if (r.failures?.length) return r;
    const failures = await liveRefusals(olds, r.inputs ?? {}, news);
    return failures.length ? { ...r, failures } : r;
  },
};
