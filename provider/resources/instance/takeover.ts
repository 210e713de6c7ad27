/**
 * Instance.takeOver: an instance made by taking over a GaussDB database installed on the hosts outside TPOPS
 * (reference 4.11.13 "纳管实例"), after the check of reference 4.11.12 "检查主机是否可被纳管为实例" — at preview where
 * the hosts are known and added, and again at create. What delete means for it (4.11.5: unmanage by default, since
 * TPOPS did not install the database) is decided in instance.ts from the output `takenOver`.
 */
import { z } from "zod";
import { ops, TpopsApiError, TpopsError, type Instance as ApiInstance, type TpopsClient } from "../../client";
import type { ManageInstanceRequest } from "../../client/operations-takeover";
import { UNKNOWN, type CheckFailure } from "../framework";
import { lookupForPreview } from "../live";
import type { Warning } from "../rules";

const nonEmpty = (what: string) => z.string().min(1, { error: `is empty; give ${what}` });

/** The `takeOver` input (reference 4.11.13 tables 4-549 and 4-550). */
export const TakeOverInput = z.strictObject(
  {
    // reference 4.11.13 table 4-549 manage_user "是 String 管理员用户"
    manageUser: nonEmpty("the database's administrator user, e.g. rdsAdmin"),
    // reference 4.11.13 table 4-549 manage_userpass "是 String 管理员用户密码" (no rule printed beyond a string)
    manageUserPassword: nonEmpty("the administrator's password"),
    storageDevice: z.strictObject(
      {
        // reference 4.11.13 table 4-550 device_id "是 String 设备ID"
        deviceId: nonEmpty("the storage device id, e.g. nas_server_1"),
        // reference 4.11.13 table 4-550 device_directory "是 String 备份文件存储路径"
        deviceDirectory: nonEmpty("the directory backups are stored in, e.g. /data/nas"),
        // reference 4.11.13 table 4-550 real_path "是 String NAS挂载点路径"
        realPath: nonEmpty("the NAS mount point, e.g. /home/nfs/data1"),
        // reference 4.11.13 table 4-550 is_manually_mount "是 Boolean 是否手动挂载"
        isManuallyMount: z.boolean(),
      },
      { error: "has unknown keys; use deviceId, deviceDirectory, realPath and isManuallyMount (reference 4.11.13 table 4-550)" },
    ),
  },
  { error: "has unknown keys; use manageUser, manageUserPassword and storageDevice (reference 4.11.13 table 4-549)" },
);

export type TakeOver = z.output<typeof TakeOverInput>;

type Bag = Record<string, unknown>;
const known = (x: unknown): boolean => x !== UNKNOWN && !(Array.isArray(x) && x.includes(UNKNOWN));

/** Inputs that the way of creating decides and no single field's schema can (skips unknown values). */
export function creationProblems(i: Bag, olds: Bag = {}): CheckFailure[] {
  const out: CheckFailure[] = [];
  const taking = i.takeOver !== undefined;
  // 4.11.13 takes over a database that exists, 4.11.7 restores into a new one: one call makes the instance.
  if (taking && i.restoreFrom !== undefined) {
    out.push({ property: "takeOver", reason: "takeOver: cannot be combined with restoreFrom; a taken-over instance keeps the database found on its hosts (reference 4.11.13), a restore installs a new one (4.11.7). Remove one of them" });
  }
  // reference 4.11.6 (and 4.11.7) password "是 String root密码": required to install; 4.11.13 takes none.
  // An instance already taken over keeps needing none when takeOver leaves the program.
  if (!taking && i.password === undefined && olds.takenOver !== true && olds.takeOver === undefined) {
    out.push({ property: "password", reason: "password is required to install the instance (reference 4.11.6 password \"是\"); set it (a secret), or give takeOver to take over a database installed on the hosts" });
  }
  return out;
}

// What 4.11.13 does not take (table 4-549 has instance_name, manage_ip_list, manage_user, manage_userpass and
// storage_device only): the database keeps what it was installed with.
const NOT_SENT = ["password", "configurationId", "floatIp", "installSettings", "timeZone"] as const;

/** Inputs a take-over does not send, warned about (never blocking). */
export function takeOverWarnings(i: Bag): Warning[] {
  if (i.takeOver === undefined) return [];
  return NOT_SENT.filter((k) => i[k] !== undefined).map((k) => ({
    property: k,
    reason: `${k}: is not sent when taking over (reference 4.11.13 takes instance_name, manage_ip_list, manage_user, manage_userpass and storage_device only); the database keeps what it was installed with`,
  }));
}

/** The 4.11.13 body. */
export function takeOverBody(name: string, t: TakeOver, hosts: readonly string[]): ManageInstanceRequest {
  return {
    instance_name: name,
    manage_ip_list: [...hosts],
    manage_user: t.manageUser,
    manage_userpass: t.manageUserPassword,
    storage_device: { device_id: t.storageDevice.deviceId, device_directory: t.storageDevice.deviceDirectory, real_path: t.storageDevice.realPath, is_manually_mount: t.storageDevice.isManuallyMount },
  };
}

type Answer = { hosts: { ip: string; online: string; name: string }[] } | { refused: TpopsApiError };

/** 4.11.12 for one manage IP: the database's hosts, or the platform's refusal (4xx). */
async function checkHosts(client: TpopsClient, ip: string): Promise<Answer> {
  try {
    const r = await client.call(ops.takeover.checkHosts, { body: { manage_ip: ip } });
    return { hosts: (r.host_status_info ?? []).map((h) => ({ ip: h.manage_ip, online: h.is_online ?? "", name: h.host_name ?? "" })) };
  } catch (e) {
    if (e instanceof TpopsApiError && e.status >= 400 && e.status < 500) return { refused: e };
    throw e;
  }
}

const refusalText = (ip: string, e: TpopsApiError) =>
  `host ${ip} cannot be taken over: ${e.errorCode ?? `HTTP ${e.status}`} ${e.errorMsg ?? ""}`.trimEnd() +
  ` (reference 4.11.12; A.3 DBS.06025031 "所选主机不存在": the host is not added, DBS.06025015 "所选主机已被占用": an instance uses it, DBS.200002 "实例不存在": it carries no database TPOPS does not manage)`;

/** Where the program's hosts and the database's differ (4.11.12 "返回所有关联的主机列表"), as reasons. */
function hostMismatch(ip: string, program: readonly string[], db: readonly string[]): string[] {
  const out: string[] = [];
  const extra = program.filter((x) => !db.includes(x));
  const missing = db.filter((x) => !program.includes(x));
  if (extra.length) out.push(`${extra.join(", ")} ${extra.length > 1 ? "are" : "is"} not a host of the database on ${ip}, which runs on ${db.join(", ")} (reference 4.11.12); list exactly its hosts`);
  if (missing.length) out.push(`the database on ${ip} also runs on ${missing.join(", ")} (reference 4.11.12 lists ${db.join(", ")}); 4.11.13 takes the whole database over, so list all ${db.length} hosts and a solution with that many`);
  return out;
}

/**
 * Preview: refusals of taking over the database on `hosts` that the platform's data decides now. The check needs a
 * host TPOPS added (4.11.12 reaches the database through it); while none is (the program may add them in this run)
 * nothing is decided here, and create checks again. Hosts not added yet are not refused at preview for that reason.
 */
export async function takeOverRefusals(client: () => TpopsClient, hosts: readonly string[]): Promise<CheckFailure[]> {
  const ips = hosts.filter((x) => known(x) && x !== "");
  if (!ips.length || ips.length !== hosts.length) return [];
  const awaiting = await lookupForPreview("hosts awaiting management", () => client().listAll(ops.hosts.list, { query: { status: "unmanaged" } }));
  const added = ips.find((ip) => awaiting?.some((h) => h.ip.manage_ip === ip));
  if (!added) return [];
  const answer = await lookupForPreview(`the hosts of the database on ${added}`, () => checkHosts(client(), added));
  if (!answer) return [];
  if ("refused" in answer) return [{ property: "manageIps", reason: `manageIps: ${refusalText(added, answer.refused)}; takeOver needs hosts that carry a database no instance manages (status unmanaged)` }];
  return hostMismatch(added, ips, answer.hosts.map((h) => h.ip)).map((r) => ({ property: "manageIps", reason: `manageIps: ${r}` }));
}

/** Create: the 4.11.12 check again, now strict — every host of the database must have been added. Throws the reasons. */
export async function assertManageable(client: TpopsClient, hosts: readonly string[]): Promise<void> {
  const first = hosts[0];
  if (!first) throw new TpopsError("manageIps: names no host; list the hosts the database runs on");
  const answer = await checkHosts(client, first);
  if ("refused" in answer) throw new TpopsError(`manageIps: ${refusalText(first, answer.refused)}`);
  const problems = hostMismatch(first, hosts, answer.hosts.map((h) => h.ip));
  for (const h of answer.hosts) {
    // reference 4.11.12 "检查待纳管为实例的主机是否都已添加到…TPOPS": is_online "added" (its example) for an added host
    if (h.online !== "added") problems.push(`host ${h.ip} of the database is ${h.online || "not reported"}, not added (reference 4.11.12 is_online); add it to TPOPS (a Host resource) before taking the database over`);
  }
  if (problems.length) throw new TpopsError(`manageIps: ${problems.join("; ")}`);
}

/**
 * After the take-over: where the program's description differs from the database 4.11.8 now reports (engine
 * version and port when given, the family of the solution, the hosts), as reasons; empty when it matches.
 */
export function takenOverMismatches(live: ApiInstance, i: { engineVersion?: string | undefined; port?: number | undefined; family: "centralized" | "distributed"; hosts: readonly string[] }): string[] {
  const out: string[] = [];
  const version = live.datastore?.version;
  if (i.engineVersion !== undefined && version && version !== i.engineVersion) out.push(`engineVersion: the database runs ${version}, the program says ${i.engineVersion}; set ${version} or leave engineVersion out`);
  if (i.port !== undefined && live.port != null && live.port !== i.port) out.push(`port: the database listens on ${live.port}, the program says ${i.port}; set ${live.port} or leave port out`);
  // reference 4.11.8 type "Combined … 分布式 … centralization_standard … 主备版"
  const type = String((live as Bag).type ?? "").toLowerCase();
  const family = type === "combined" ? "distributed" : type === "centralization_standard" || type === "ha" ? "centralized" : undefined;
  if (family && family !== i.family) out.push(`solution: the database is ${family} (reference 4.11.8 type ${String((live as Bag).type)}), the program's solution is ${i.family}; choose a ${family} solution`);
  const nodes = (live.nodes ?? []).map((n) => n.management_ip ?? "").filter(Boolean);
  if (nodes.length && (nodes.length !== i.hosts.length || nodes.some((x) => !i.hosts.includes(x)))) out.push(`manageIps: the instance's nodes run on ${nodes.join(", ")}; list those hosts`);
  return out;
}

/**
 * A replacement of a taken-over instance: only a new name is one (unmanage, then take the same database over under
 * that name, with `takeOver` still in the program); any other replaced input describes the database, which a new
 * take-over cannot change. The reason, or undefined.
 */
export function takeOverReplacementRefusal(name: string, olds: Bag, news: Bag, replaces: readonly string[]): string | undefined {
  if (olds.takenOver !== true && olds.takeOver === undefined) return undefined;
  const others = replaces.filter((k) => k !== "name");
  if (!others.length && news.takeOver !== undefined) return undefined;
  const what = others.length ? `${others.join(", ")} cannot change: they describe the database found on the hosts, which replacing the instance (unmanage, take over again) cannot change` : "a new name replaces the instance, which needs takeOver in the program to take the database over again";
  return `Instance ${name}: ${what} (it was taken over, reference 4.11.13). Make the program match the platform${others.length ? "" : ", or keep the name"}`;
}
