import { generateKeyPair, randomBytes, type KeyObject } from "node:crypto";
import { z } from "zod";
import { DbsError, invalidParam } from "../errors";
import type { EmulatorContext, Router } from "../router";
import { newUuid, type KeyPairRecord } from "../state";
import { byteLength, page, parseBody, parseQuery, queryInt } from "../validate";
import { keyPairView } from "../views";

// reference 4.8.1: at most 20 key pairs
const MAX_KEY_PAIRS = 20;
const ALGORITHMS = ["RSA_2048", "RSA_3072", "RSA_4096"] as const;

const createBody = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  key_algorithms: z.enum(ALGORITHMS).optional(),
});
const modifyBody = z.strictObject({ id: z.string(), name: z.string().optional(), description: z.string().optional() });
const deleteBody = z.strictObject({ id: z.string(), forced: z.boolean().optional() });
const listQuery = z.strictObject({
  id: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  offset: queryInt("offset", 0, Number.MAX_SAFE_INTEGER),
  // reference 4.8.2: limit 1–20, default 10
  limit: queryInt("limit", 1, 20),
});
const idQuery = z.strictObject({ id: z.string().min(1) });

// reference 4.8.2: names up to 128 bytes; 4.8.3: descriptions shorter than 256 bytes
function checkName(name: string, field: string): void {
  if (name.length === 0 || byteLength(name) > 128) throw invalidParam(field, "must be 1 to 128 bytes");
}
function checkDescription(d: string | undefined, field: string): void {
  if (d !== undefined && byteLength(d) >= 256) throw invalidParam(field, "must be shorter than 256 bytes");
}

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
    if (Object.keys(kps()).length >= MAX_KEY_PAIRS) {
      throw invalidParam("key_pairs", `at most ${MAX_KEY_PAIRS} key pairs can exist`);
    }
    checkName(name, field);
    // reference 4.8.3: key pair names are unique
    if (byName(name)) throw invalidParam(field, `a key pair named "${name}" already exists`);
  };

  r.add("POST", "/gaussdb/v3/hosts/key-pair", async (req) => {
    const body = parseBody(createBody, req);
    const name = body.name ?? `KeyPair-${randomBytes(4).toString("hex")}`;
    checkCreate(name, "name");
    checkDescription(body.description, "description");
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
    if (!kp) throw new DbsError(400, "DBS.200044", { field: "id", detail: `no key pair ${body.id}` });
    if (body.name !== undefined && body.name !== kp.name) {
      checkName(body.name, "name");
      if (byName(body.name)) throw invalidParam("name", `a key pair named "${body.name}" already exists`);
    }
    checkDescription(body.description, "description");
    if (body.name !== undefined) kp.name = body.name;
    if (body.description !== undefined) kp.description = body.description;
    return { status: 204 };
  });

  r.add("DELETE", "/gaussdb/v3/hosts/key-pair", (req) => {
    const body = parseBody(deleteBody, req);
    if (!kps()[body.id]) throw new DbsError(400, "DBS.200044", { field: "id", detail: `no key pair ${body.id}` });
    const hosts = usedBy(body.id);
    // reference 4.8.4: a key pair bound to hosts is deleted only when forced
    if (hosts.length > 0 && !body.forced) {
      throw invalidParam("forced", `key pair ${body.id} is used by ${hosts.length} host(s); set forced to true to delete it`);
    }
    for (const h of hosts) h.ssh_key_id = null;
    delete kps()[body.id];
    return { status: 200 };
  });

  r.add("GET", "/gaussdb/v3/hosts/public-key", (req) => {
    const { id } = parseQuery(idQuery, req);
    const kp = kps()[id];
    if (!kp) throw new DbsError(400, "DBS.200044", { field: "id", detail: `no key pair ${id}` });
    return {
      status: 200,
      raw: { contentType: "application/octet-stream", data: `${kp.public_key} ${kp.name}\n` },
      headers: { "content-disposition": `attachment; filename="${kp.name.replace(/[^\w.-]/g, "_")}.pub"` },
    };
  });
}
