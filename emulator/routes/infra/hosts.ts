import { isIP } from "node:net";
import { z } from "zod";
import { DbsError, invalidParam } from "../../errors";
import type { EmulatorContext, Router } from "../../router";
import { isoSeconds, newUuid, type HostRecord, type HostStatus, type JobRecord } from "../../state";
import { byteLength, page, parseBody, parseQuery, queryInt } from "../../validate";
import { hostView } from "../../views";
import { addedHostStatus, checkHostAddForDatabase } from "../../domain/takeover";

/** Host specifications answered by reference 4.9.8 (its example, verbatim; each value is in the table's 枚举值). */
export const HOST_SPECIFICATIONS = {
  types: ["BMS"],
  os_types: ["kylin", "uniontech"],
  storage_types: ["localssd", "dorado"],
  cpu_specs: ["intel", "kunpeng", "hygon"],
} as const;

/** Job names and base durations (time scale 1.0) of the host area. */
export const HOST_JOBS = { add: { name: "AddHosts", durationMs: 60_000 }, remove: { name: "RemoveHosts", durationMs: 30_000 } } as const;

// reference 4.9.2 "最多可批量添加50个主机", 4.9.3 "最多可批量修改50个", 4.9.4 "最多可批量删除50个主机"
const MAX_BATCH = 50;
// reference 4.9.2 / 4.9.4 `ssh_port` "范围为1-65535,限制端口:8002, 12017"
const RESERVED_PORTS = new Set([8002, 12017]);
// reference 4.9.1 `status` "枚举值: initializing initialized initialize_failed unmanaged in_use deleting delete_failed"
const STATUSES = ["initializing", "initialized", "initialize_failed", "unmanaged", "in_use", "deleting", "delete_failed"] as const;

// reference 4.9.2 tables 4-319..4-321 (是 = required)
const addBody = z.object({
  hosts: z.array(
    z.object({
      name: z.string(),
      type: z.string(),
      os_type: z.string(),
      cpu_spec: z.string(),
      storage_type: z.string(),
      ip: z.object({ manage_ip: z.string(), data_ip: z.string(), virtual_ip: z.string() }),
      ssh_port: z.number().int(),
      os_root_pwd: z.string().optional(),
      ssh_key_id: z.string().optional(),
      data_center_id: z.string(),
      description: z.string().optional(),
      is_force_rm_chroot_dir: z.boolean().optional(),
    }),
  ),
});
// reference 4.9.3 tables 4-326/4-327
const modifyBody = z.object({
  hosts: z.array(
    z.object({
      manage_ip: z.string(),
      name: z.string().optional(),
      data_ip: z.string().optional(),
      virtual_ip: z.string().optional(),
      data_center_id: z.string().optional(),
      description: z.string().optional(),
      ssh_key_id: z.string().optional(),
    }),
  ),
});
// reference 4.9.4 tables 4-332/4-333
const removeBody = z.object({
  hosts: z.array(
    z.object({
      manage_ip: z.string(),
      ssh_port: z.number().int(),
      os_root_pwd: z.string().optional(),
      ssh_key_id: z.string().optional(),
    }),
  ),
});
const listQuery = z.object({
  id: z.string().optional(),
  data_center_id: z.string().optional(),
  name: z.string().optional(),
  type: z.string().optional(),
  status: z.enum(STATUSES).optional(),
  // reference 4.9.1 `offset` "必须为数字,不能为负数"
  offset: queryInt("offset", 0, Number.MAX_SAFE_INTEGER),
  // reference 4.9.1 `limit` "最小值为1,最大值为100"; A.3 DBS.280439 "无效的查询记录数,请输入小于等于100的正整数"
  limit: queryInt("limit", 1, 100, "DBS.280439"),
  // reference 4.9.1 `sort_key` "枚举值: name type status"
  sort_key: z.enum(["name", "type", "status"]).optional(),
  // reference 4.9.1 `sort_order` "枚举值: asc desc"
  sort_order: z.enum(["asc", "desc"]).optional(),
});

function checkBatch(n: number): void {
  // reference 4.9.2 "最多可批量添加50个主机" (and 4.9.3, 4.9.4); A.3 DBS.06025010 "所选主机数量有误" (also for none)
  if (n < 1 || n > MAX_BATCH) throw new DbsError(400, "DBS.06025010", { field: "hosts", detail: `must list 1 to ${MAX_BATCH} hosts` });
}
function checkName(name: string, field: string): void {
  // reference 4.9.2 `name` "主机别名,不超过64个字节"; A.3 DBS.06025024 "所选主机或者机房名字长度不合法" (also for none)
  if (name.length === 0 || byteLength(name) > 64) throw new DbsError(400, "DBS.06025024", { field, detail: "must be 1 to 64 bytes" });
}
function checkDescription(d: string | undefined, field: string): void {
  // reference 4.9.2 `description` "主机描述,不超过100个字符"; A.3 DBS.06025025 "所选主机或者机房描述长度不合法"
  if (d !== undefined && [...d].length > 100) throw new DbsError(400, "DBS.06025025", { field, detail: "must be at most 100 characters" });
}
function checkPort(port: number, field: string): void {
  // reference 4.9.2 `ssh_port` "范围为1-65535,限制端口:8002, 12017"; A.3 DBS.06025026 "所选主机SSH端口号不合法"
  if (port < 1 || port > 65535 || RESERVED_PORTS.has(port)) {
    throw new DbsError(400, "DBS.06025026", { field, detail: `${port} is outside 1-65535 or reserved (8002, 12017)` });
  }
}
function checkIp(ip: string, field: string): void {
  // reference 4.9.2 table 4-321 `manage_ip` "主机管理IP" (and data_ip, virtual_ip): an IP address
  if (isIP(ip) === 0) throw invalidParam(field, `"${ip}" is not an IP address`);
}
function oneOf(value: string, allowed: readonly string[], field: string): string {
  // reference 4.9.2 `os_type` "类型包括Kylin、Uniontech" against 4.9.8's "kylin", "uniontech": compared without
  // case (4.11.6 "不区分大小写"), stored in 4.9.8's spelling
  const v = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!v) throw invalidParam(field, `"${value}" is not one of ${allowed.join(", ")}`);
  return v;
}

/** Hosts (reference 4.9.1–4.9.4, 4.9.8): `/gaussdb/v3/hosts` GET, POST, PUT, DELETE and `/specifications`. */
export function register(r: Router, ctx: EmulatorContext): void {
  const hosts = () => ctx.state.data.hosts;
  const now = () => isoSeconds(Date.now());
  const payloadIds = (job: JobRecord) => ((job.payload as { hostIds?: string[] } | null)?.hostIds ?? []);

  ctx.jobs.define(HOST_JOBS.add.name, {
    durationMs: HOST_JOBS.add.durationMs,
    onDone(job) {
      for (const id of payloadIds(job)) {
        const h = hosts()[id];
        if (!h || h.status !== "initializing") continue;
        // reference 4.9.1 status "待纳管": a host carrying a database TPOPS does not manage (domain/takeover.ts)
        h.status = addedHostStatus(ctx, h.ip.manage_ip);
        // The agent reports the host's facts once installed (4.9.1 `os_arch` "枚举值: x86 arm").
        h.os.os_version = h.os.os_type === "kylin" ? "V10" : "20";
        h.os.os_arch = h.spec.cpu_spec === "kunpeng" ? "arm" : "x86";
        Object.assign(h.spec, { vcpus: "32", mem: "128", root_disk_size: "100", data_disk_size: "1000" });
        h.async_task_error = null;
        h.updated_at = now();
      }
    },
    onFail(job, reason) {
      for (const id of payloadIds(job)) {
        const h = hosts()[id];
        if (!h || h.status !== "initializing") continue;
        h.status = "initialize_failed";
        h.async_task_error = { error_code: "DBS.06025044", error_msg: reason };
        h.updated_at = now();
      }
    },
  });
  ctx.jobs.define(HOST_JOBS.remove.name, {
    durationMs: HOST_JOBS.remove.durationMs,
    onDone(job) {
      for (const id of payloadIds(job)) if (hosts()[id]?.status === "deleting") delete hosts()[id];
    },
    onFail(job, reason) {
      for (const id of payloadIds(job)) {
        const h = hosts()[id];
        if (!h || h.status !== "deleting") continue;
        h.status = "delete_failed";
        h.async_task_error = { error_code: "DBS.06025029", error_msg: reason };
        h.updated_at = now();
      }
    },
  });

  const keyPairExists = (id: string, field: string) => {
    // reference A.3 DBS.200044 "访问资源不存在,或者无访问权限"
    if (!ctx.state.data.keyPairs[id]) throw new DbsError(400, "DBS.200044", { field, detail: `no key pair ${id}` });
  };
  const existingHost = (ip: string, field: string): HostRecord => {
    const h = ctx.state.hostByManageIp(ip);
    // reference A.3 DBS.06025031 "所选主机不存在"
    if (!h) throw new DbsError(400, "DBS.06025031", { field, detail: `no host with manage_ip ${ip}` });
    return h;
  };
  const uniqueIps = (ips: string[]) => {
    const seen = new Set<string>();
    ips.forEach((ip, i) => {
      // reference A.3 DBS.06025027 "批量添加主机存在重复"
      if (seen.has(ip)) throw new DbsError(400, "DBS.06025027", { field: `hosts[${i}].manage_ip`, detail: `${ip} is listed twice` });
      seen.add(ip);
    });
  };

  r.add("GET", "/gaussdb/v3/hosts/specifications", () => ({ status: 200, body: structuredClone(HOST_SPECIFICATIONS) }));

  r.add("GET", "/gaussdb/v3/hosts", (req) => {
    const q = parseQuery(listQuery, req);
    const all = Object.values(hosts()).filter(
      (h) =>
        (q.id === undefined || h.id === q.id) &&
        (q.data_center_id === undefined || h.data_center_id === q.data_center_id) &&
        (q.name === undefined || h.name === q.name) &&
        (q.type === undefined || h.type.toLowerCase() === q.type.toLowerCase()) &&
        (q.status === undefined || h.status === q.status),
    );
    const key = q.sort_key;
    const items = page(all, {
      offset: q.offset,
      limit: q.limit,
      defaultLimit: 10,
      sortKey: key ? (h: HostRecord) => h[key] : undefined,
      desc: q.sort_order === "desc",
    });
    return { status: 200, body: { total_count: all.length, hosts: items.map((h) => hostView(ctx.state, h)) } };
  });

  r.add("POST", "/gaussdb/v3/hosts", (req) => {
    const { hosts: list } = parseBody(addBody, req);
    checkBatch(list.length);
    uniqueIps(list.map((h) => h.ip.manage_ip));
    const normalized = list.map((h, i) => {
      const f = `hosts[${i}]`;
      checkName(h.name, `${f}.name`);
      checkDescription(h.description, `${f}.description`);
      const type = oneOf(h.type, HOST_SPECIFICATIONS.types, `${f}.type`);
      // reference 4.9.2 接口约束 "可支持主机规格请查询"可支持主机规格"API" (4.9.8)
      const osType = oneOf(h.os_type, HOST_SPECIFICATIONS.os_types, `${f}.os_type`);
      const cpu = oneOf(h.cpu_spec, HOST_SPECIFICATIONS.cpu_specs, `${f}.cpu_spec`);
      const storage = oneOf(h.storage_type, HOST_SPECIFICATIONS.storage_types, `${f}.storage_type`);
      checkIp(h.ip.manage_ip, `${f}.ip.manage_ip`);
      checkIp(h.ip.data_ip, `${f}.ip.data_ip`);
      checkIp(h.ip.virtual_ip, `${f}.ip.virtual_ip`);
      checkPort(h.ssh_port, `${f}.ssh_port`);
      // reference 4.9.2 接口约束 "主机上线方式支持root密码和ssh私钥两种方式,必须选择其中一种上线"
      const hasPwd = h.os_root_pwd !== undefined && h.os_root_pwd !== "";
      const hasKey = h.ssh_key_id !== undefined && h.ssh_key_id !== "";
      if (hasPwd === hasKey) throw invalidParam(`${f}.os_root_pwd`, "give exactly one of os_root_pwd and ssh_key_id");
      if (hasKey) keyPairExists(h.ssh_key_id ?? "", `${f}.ssh_key_id`);
      // reference A.3 DBS.06025058 "所选机房不存在"
      if (!ctx.state.data.dataCenters[h.data_center_id]) {
        throw new DbsError(400, "DBS.06025058", { field: `${f}.data_center_id`, detail: `no data center ${h.data_center_id}` });
      }
      checkHostAddForDatabase(ctx, h.ip.manage_ip, h.data_center_id, `${f}.data_center_id`);
      // reference 4.9.2 接口约束 "同一主机不允许被多个云数据库GaussDB管理平台重复添加"; A.3 DBS.06025027
      if (ctx.state.hostByManageIp(h.ip.manage_ip)) {
        throw new DbsError(400, "DBS.06025027", { field: `${f}.ip.manage_ip`, detail: `a host with manage_ip ${h.ip.manage_ip} already exists` });
      }
      // reference 4.9.2 接口约束 "同一主机不允许被多个云数据库GaussDB管理平台重复添加"; A.3 DBS.06025047 "该主机已在其他平台上线":
      // an IP another site of the network holds (README "Sites")
      ctx.site.network.assertIpFree(h.ip.manage_ip, ctx.site.name, `${f}.ip.manage_ip`);
      ctx.site.network.assertIpFree(h.ip.data_ip, ctx.site.name, `${f}.ip.data_ip`);
      ctx.site.network.assertIpFree(h.ip.virtual_ip, ctx.site.name, `${f}.ip.virtual_ip`);
      return { h, type, osType, cpu, storage, hasKey };
    });
    const ts = now();
    const created: HostRecord[] = normalized.map(({ h, type, osType, cpu, storage, hasKey }) => ({
      id: newUuid(),
      name: h.name,
      description: h.description ?? null,
      type,
      ssh_port: h.ssh_port,
      data_center_id: h.data_center_id,
      os: { os_type: osType, os_version: null, os_arch: null },
      spec: { vcpus: null, cpu_spec: cpu, mem: null, root_disk_size: null, data_disk_size: null, storage_type: storage },
      ip: { manage_ip: h.ip.manage_ip, data_ip: h.ip.data_ip, virtual_ip: h.ip.virtual_ip, float_ip: null },
      instance_id: null,
      instance_name: null,
      node_id: null,
      status: "initializing",
      created_at: ts,
      updated_at: ts,
      job_id: null,
      async_task_error: null,
      ssh_key_id: hasKey ? (h.ssh_key_id ?? null) : null,
      onboarded_with: hasKey ? "ssh_key" : "password",
    }));
    for (const h of created) hosts()[h.id] = h;
    const job = ctx.jobs.start(HOST_JOBS.add.name, { payload: { hostIds: created.map((h) => h.id) } });
    for (const h of created) h.job_id = job.id;
    return { status: 202, body: { job_id: job.id, hosts: created.map((h) => ({ id: h.id, manage_ip: h.ip.manage_ip })) } };
  });

  r.add("PUT", "/gaussdb/v3/hosts", (req) => {
    const { hosts: list } = parseBody(modifyBody, req);
    checkBatch(list.length);
    uniqueIps(list.map((h) => h.manage_ip));
    const targets = list.map((m, i) => {
      const f = `hosts[${i}]`;
      const h = existingHost(m.manage_ip, `${f}.manage_ip`);
      if (m.name !== undefined) checkName(m.name, `${f}.name`);
      checkDescription(m.description, `${f}.description`);
      if (m.data_ip !== undefined) checkIp(m.data_ip, `${f}.data_ip`);
      if (m.virtual_ip !== undefined) checkIp(m.virtual_ip, `${f}.virtual_ip`);
      const ipChange =
        (m.data_ip !== undefined && m.data_ip !== h.ip.data_ip) || (m.virtual_ip !== undefined && m.virtual_ip !== h.ip.virtual_ip);
      // reference 4.9.3 接口约束 "主机状态为待纳管或者使用中,不允许修改主机IP信息"; A.3 DBS.06025028 "所选主机不支持修改"
      const frozen: HostStatus[] = ["unmanaged", "in_use"];
      if (ipChange && frozen.includes(h.status)) {
        throw new DbsError(400, "DBS.06025028", { field: `${f}.data_ip`, detail: `host ${m.manage_ip} is ${h.status}; its IPs cannot change` });
      }
      // reference A.3 DBS.06025058 "所选机房不存在"
      if (m.data_center_id !== undefined && !ctx.state.data.dataCenters[m.data_center_id]) {
        throw new DbsError(400, "DBS.06025058", { field: `${f}.data_center_id`, detail: `no data center ${m.data_center_id}` });
      }
      // reference 4.9.2 接口约束 "如果主机上有实例,则…所选机房的名称需要和实例安装时使用的AZ名称保持一致": a host in
      // use stays in its instance's data center; A.3 DBS.06025028 "所选主机不支持修改"
      if (m.data_center_id !== undefined && m.data_center_id !== h.data_center_id && h.status === "in_use") {
        throw new DbsError(400, "DBS.06025028", { field: `${f}.data_center_id`, detail: `host ${m.manage_ip} is in use by instance ${h.instance_id}` });
      }
      // reference A.3 DBS.06025047 "该主机已在其他平台上线": a new IP another site of the network holds (README "Sites")
      if (m.data_ip !== undefined) ctx.site.network.assertIpFree(m.data_ip, ctx.site.name, `${f}.data_ip`);
      if (m.virtual_ip !== undefined) ctx.site.network.assertIpFree(m.virtual_ip, ctx.site.name, `${f}.virtual_ip`);
      if (m.ssh_key_id !== undefined) keyPairExists(m.ssh_key_id, `${f}.ssh_key_id`);
      return { m, h };
    });
    const ts = now();
    for (const { m, h } of targets) {
      if (m.name !== undefined) h.name = m.name;
      if (m.description !== undefined) h.description = m.description;
      if (m.data_ip !== undefined) h.ip.data_ip = m.data_ip;
      if (m.virtual_ip !== undefined) h.ip.virtual_ip = m.virtual_ip;
      if (m.data_center_id !== undefined) h.data_center_id = m.data_center_id;
      if (m.ssh_key_id !== undefined) h.ssh_key_id = m.ssh_key_id;
      h.updated_at = ts;
    }
    return { status: 200, body: { hosts: targets.map(({ h }) => ({ id: h.id, manage_ip: h.ip.manage_ip })) } };
  });

  r.add("DELETE", "/gaussdb/v3/hosts", (req) => {
    const { hosts: list } = parseBody(removeBody, req);
    checkBatch(list.length);
    uniqueIps(list.map((h) => h.manage_ip));
    const targets = list.map((d, i) => {
      const f = `hosts[${i}]`;
      checkPort(d.ssh_port, `${f}.ssh_port`);
      const h = existingHost(d.manage_ip, `${f}.manage_ip`);
      // reference 4.9.4 接口约束 "主机状态为初始化中、使用中或者删除中,不允许删除主机"; A.3 DBS.06025029 "所选主机不支持删除"
      if (h.status === "initializing" || h.status === "in_use" || h.status === "deleting") {
        throw new DbsError(400, "DBS.06025029", { field: `${f}.manage_ip`, detail: `host ${d.manage_ip} is ${h.status}` });
      }
      // reference A.3 DBS.06025063 "主机SSH连接失败,检查密码或sshd配置": the removal connects on the given SSH port
      if (d.ssh_port !== h.ssh_port) {
        throw new DbsError(400, "DBS.06025063", { field: `${f}.ssh_port`, detail: `host ${d.manage_ip} listens for SSH on ${h.ssh_port}` });
      }
      if (d.ssh_key_id) keyPairExists(d.ssh_key_id, `${f}.ssh_key_id`);
      // reference 4.9.4 接口约束 "如果主机通过SSH私钥上线,…通过ssh私钥下线时,可以不填写ssh_key_id"; a host added with a
      // password needs one of os_root_pwd / ssh_key_id to be reached (A.3 DBS.06025063)
      if (!d.os_root_pwd && !d.ssh_key_id && h.onboarded_with === "password") {
        throw invalidParam(`${f}.os_root_pwd`, `host ${d.manage_ip} was added with a password; give os_root_pwd or ssh_key_id`);
      }
      return h;
    });
    const job = ctx.jobs.start(HOST_JOBS.remove.name, { payload: { hostIds: targets.map((h) => h.id) } });
    const ts = now();
    for (const h of targets) {
      h.status = "deleting";
      h.job_id = job.id;
      h.async_task_error = null;
      h.updated_at = ts;
    }
    return { status: 202, body: { job_id: job.id, hosts: targets.map((h) => ({ id: h.id, manage_ip: h.ip.manage_ip })) } };
  });
}
