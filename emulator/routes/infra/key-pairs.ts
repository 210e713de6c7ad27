import { generateKeyPair, randomBytes, type KeyObject } from "node:crypto";
import { z } from "zod";
import { DbsError, invalidParam } from "../../errors";
import type { EmulatorContext, Router } from "../../router";
import { newUuid, type KeyPairRecord } from "../../state";
import { byteLength, page, parseBody, parseQuery, queryInt } from "../../validate";
import { keyPairView } from "../../views";

// reference 4.8.1 接口约束 "最大支持创建20个秘钥对"
const MAX_KEY_PAIRS = 20;
// reference 4.8.1 `key_algorithms` "枚举值: RSA_2048 RSA_3072 RSA_4096"
const ALGORITHMS = ["RSA_2048", "RSA_3072", "RSA_4096"] as const;

const createBody = z.object({
  name: z.string().optional(),
  description: z.string().optional(),
  key_algorithms: z.enum(ALGORITHMS).optional(),
});
// reference 4.8.3 table 4-303 `id` "是"
const modifyBody = z.object({ id: z.string(), name: z.string().optional(), description: z.string().optional() });
// reference 4.8.4 table 4-305 `id` "是", `forced` "Boolean"
const deleteBody = z.object({ id: z.string(), forced: z.boolean().optional() });
const listQuery = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  // reference 4.8.2 `offset` "必须为数字,不能为负数"
  offset: queryInt("offset", 0, Number.MAX_SAFE_INTEGER),
  // reference 4.8.2 `limit` "默认为10,不能为负数,最小值为1,最大值为20"
  limit: queryInt("limit", 1, 20),
});
// reference 4.8.5 table 4-306 `id` "是"
const idQuery = z.object({ id: z.string().min(1) });

// reference 4.8.2 table 4-301 `name` "私钥名称,不超过128个字节" (what a listed name can be)
function checkName(name: string, field: string): void {
  if (byteLength(name) > 128) throw invalidParam(field, "must be at most 128 bytes");
}
// reference 4.8.3 `description` "私钥描述需少于256字节" (modify); 4.8.2 table 4-301 "私钥描述,不超过256个字节"
// (the only bound a created description has: 4.8.1 prints none)
function checkDescription(d: string | undefined, field: string, max: { bytes: number; text: string }): void {
  if (d !== undefined && byteLength(d) > max.bytes) throw invalidParam(field, `must be ${max.text}`);
}
const CREATE_DESCRIPTION = { bytes: 256, text: "at most 256 bytes" };
const MODIFY_DESCRIPTION = { bytes: 255, text: "shorter than 256 bytes" };

/** OpenSSH `ssh-rsa` public key blob (RFC 4253 §6.6: string "ssh-rsa", mpint e, mpint n), base64. */
export function sshRsaBlob(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: "jwk" });
  if (jwk.kty !== "RSA" || !jwk.n || !jwk.e) throw new Error("not an RSA public key");
  const str = (b: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length);
    return Buffer.concat([len, b]);
  };
  const mpint = (b64url: string) => {
    let b = Buffer.from(b64url, "base64url");
    if ((b[0] ?? 0) & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
    return str(b);
  };
  return Buffer.concat([str(Buffer.from("ssh-rsa")), mpint(jwk.e), mpint(jwk.n)]).toString("base64");
}

function rsaPublicKey(bits: number): Promise<KeyObject> {
  return new Promise((resolve, reject) =>
    generateKeyPair("rsa", { modulusLength: bits, publicExponent: 0x10001 }, (err, pub) => (err ? reject(err) : resolve(pub))),
  );
}

function createdAt(ms: number): string {
  // reference 4.8.2 example: "2023-12-18 14:47:32"
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

/** Key pairs (reference 4.8.1–4.8.5): `/gaussdb/v3/hosts/key-pair` and `/gaussdb/v3/hosts/public-key`. */
export function register(r: Router, ctx: EmulatorContext): void {
  const kps = () => ctx.state.data.keyPairs;
  const byName = (name: string) => Object.values(kps()).find((k) => k.name === name);
  const usedBy = (id: string) => Object.values(ctx.state.data.hosts).filter((h) => h.ssh_key_id === id);

  const checkCreate = (name: string, field: string) => {
    // reference 4.8.1 接口约束 "最大支持创建20个秘钥对"
    if (Object.keys(kps()).length >= MAX_KEY_PAIRS) {
      throw invalidParam("key_pairs", `at most ${MAX_KEY_PAIRS} key pairs can exist`);
    }
    checkName(name, field);
    // reference 4.8.3 接口约束 "私钥名称不支持重复"
    if (byName(name)) throw invalidParam(field, `a key pair named "${name}" already exists`);
  };

  r.add("POST", "/gaussdb/v3/hosts/key-pair", async (req) => {
    const body = parseBody(createBody, req);
    // reference 4.8.1 `name` "SSH私钥名称,默认随机生成" (an empty name is no name)
    const name = body.name || `KeyPair-${randomBytes(4).toString("hex")}`;
    checkCreate(name, "name");
    checkDescription(body.description, "description", CREATE_DESCRIPTION);
    // reference 4.8.1 `key_algorithms` "缺省值: RSA_3072"
    const algorithm = body.key_algorithms ?? "RSA_3072";
    const pub = await rsaPublicKey(Number(algorithm.slice(4)));
    // Key generation is asynchronous: check again so concurrent requests cannot break the limits.
    checkCreate(name, "name");
    const record: KeyPairRecord = {
      id: newUuid(),
      name,
      description: body.description ?? null,
      key_algorithms: algorithm,
      created_at: createdAt(Date.now()),
      public_key: `ssh-rsa ${sshRsaBlob(pub)}`,
    };
    kps()[record.id] = record;
    return { status: 200, body: { id: record.id } };
  });

  r.add("GET", "/gaussdb/v3/hosts/key-pair", (req) => {
    const q = parseQuery(listQuery, req);
    const all = Object.values(kps()).filter(
      (k) =>
        (q.id === undefined || k.id === q.id) &&
        (q.name === undefined || k.name === q.name) &&
        (q.description === undefined || k.description === q.description),
    );
    const items = page(all, { offset: q.offset, limit: q.limit, defaultLimit: 10 });
    return { status: 200, body: { total_count: all.length, key_pairs: items.map((k) => keyPairView(ctx.state, k)) } };
  });

  r.add("PUT", "/gaussdb/v3/hosts/key-pair", (req) => {
    const body = parseBody(modifyBody, req);
    const kp = kps()[body.id];
    // reference A.3 DBS.200044 "访问资源不存在,或者无访问权限"
    if (!kp) throw new DbsError(400, "DBS.200044", { field: "id", detail: `no key pair ${body.id}` });
    // reference 4.8.3 `name` "修改私钥名称" (an empty name changes nothing: every key pair has one, 4.8.1 "默认随机生成")
    const name = body.name || undefined;
    if (name !== undefined && name !== kp.name) {
      checkName(name, "name");
      // reference 4.8.3 `name` "私钥名称不允许重复"
      if (byName(name)) throw invalidParam("name", `a key pair named "${name}" already exists`);
    }
    checkDescription(body.description, "description", MODIFY_DESCRIPTION);
    if (name !== undefined) kp.name = name;
    if (body.description !== undefined) kp.description = body.description;
    // reference 4.8.3 状态码 "204 正常"
    return { status: 204 };
  });

  r.add("DELETE", "/gaussdb/v3/hosts/key-pair", (req) => {
    const body = parseBody(deleteBody, req);
    // reference A.3 DBS.200044 "访问资源不存在,或者无访问权限"
    if (!kps()[body.id]) throw new DbsError(400, "DBS.200044", { field: "id", detail: `no key pair ${body.id}` });
    const hosts = usedBy(body.id);
    // reference 4.8.4 接口约束 "秘钥对绑定主机时默认不能删除,如需删除请选择强制删除"
    if (hosts.length > 0 && !body.forced) {
      throw invalidParam("forced", `key pair ${body.id} is used by ${hosts.length} host(s); set forced to true to delete it`);
    }
    for (const h of hosts) h.ssh_key_id = null;
    delete kps()[body.id];
    // reference 4.8.4 状态码 "200 正常", 响应参数 "无"
    return { status: 200 };
  });

  r.add("GET", "/gaussdb/v3/hosts/public-key", (req) => {
    const { id } = parseQuery(idQuery, req);
    const kp = kps()[id];
    // reference A.3 DBS.200044 "访问资源不存在,或者无访问权限"
    if (!kp) throw new DbsError(400, "DBS.200044", { field: "id", detail: `no key pair ${id}` });
    // reference 4.8.5 table 4-308 "File": the public key as a file
    return {
      status: 200,
      raw: { contentType: "application/octet-stream", data: `${kp.public_key} ${kp.name}\n` },
      headers: { "content-disposition": `attachment; filename="${kp.name.replace(/[^\w.-]/g, "_")}.pub"` },
    };
  });
}
