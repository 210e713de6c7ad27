/** KeyPair (reference 4.8.1–4.8.5): name and description in place; algorithm replaces. */
import { z } from "zod";
import { ops, TpopsApiError, TpopsError, type KeyPair as ApiKeyPair } from "../../client";
import { createIdempotently, generatedName, makeProvider, PartialCreateError, resourceIdentity, strip, UNKNOWN, v, type Ctx, type ProviderImpl, type ResourceDefinition } from "../framework";
import { KeyPairMeta, type KeyPairOutputs } from "../schema.gen";
import { client as configuredClient } from "../../config";
import { lookupForPreview } from "../live";

const ALGORITHMS = ["RSA_2048", "RSA_3072", "RSA_4096"] as const;

/** reference 4.8.1 接口约束: "最大支持创建20个秘钥对". */
export const MAX_KEY_PAIRS = 20;
/** reference 4.8.3 description: "私钥描述需少于256字节" (a change of description; 4.8.2 allows a stored one 256). */
const UPDATE_DESCRIPTION_MAX_BYTES = 255;

const Inputs = z.object({
  adopt: z.boolean().optional(),
  // reference 4.8.1 key_algorithms: "枚举值: RSA_2048 RSA_3072 RSA_4096" (sent in that spelling).
  algorithm: v.oneOf(ALGORITHMS),
  // reference 4.8.2 table 4-301 description: "私钥描述,不超过256个字节" (the stored form; 4.8.1 states no limit).
  description: v.text(256, { bytes: true }).optional(),
  forceDelete: z.boolean().optional(),
  // reference 4.8.2 table 4-301 name: "私钥名称,不超过128个字节"; empty would let 4.8.1 "默认随机生成" pick another name.
  name: v.text(128, { bytes: true, min: 1 }),
  timeouts: v.timeouts().optional(),
});

/** Why a description cannot be set by an update (reference 4.8.3), or undefined. */
export function descriptionChangeProblem(description: string | undefined): string | undefined {
  const bytes = Buffer.byteLength(description ?? "");
  if (bytes <= UPDATE_DESCRIPTION_MAX_BYTES) return undefined;
  return `description: ${JSON.stringify(description)} is ${bytes} bytes; changing a key pair's description needs fewer than 256 bytes (reference 4.8.3 "私钥描述需少于256字节"); shorten it`;
}

/** The RSA key size of an OpenSSH `ssh-rsa` line, as the API's algorithm name. */
export function algorithmOf(publicKey: string): string | undefined {
  const b64 = publicKey.trim().split(/\s+/)[1];
  if (!b64) return undefined;
  const buf = Buffer.from(b64, "base64");
  let at = 0;
  const next = () => {
    if (at + 4 > buf.length) return undefined;
    const len = buf.readUInt32BE(at);
    const part = buf.subarray(at + 4, at + 4 + len);
    at += 4 + len;
    return part;
  };
  if (next()?.toString() !== "ssh-rsa") return undefined;
  next(); // public exponent
  const n = next();
  if (!n) return undefined;
  let bytes = n.length;
  for (const b of n) {
    if (b !== 0) break;
    bytes--; // mpint sign padding
  }
  return `RSA_${bytes * 8}`;
}

function toOutputs(kp: ApiKeyPair, publicKey: string, algorithm: string): KeyPairOutputs {
  return {
    name: kp.name,
    description: kp.description ?? "",
    algorithm,
    publicKey: publicKey.trim(),
    hostNums: kp.host_nums ?? 0,
    createdAt: kp.created_at ?? "",
  };
}

async function list(ctx: Ctx, query: { id?: string; name?: string }): Promise<ApiKeyPair[]> {
  return ctx.client.listAll(ops.keyPairs.list, { query });
}

async function byName(ctx: Ctx, name: string) {
  return (await list(ctx, { name })).find((k) => k.name === name);
}

async function byId(ctx: Ctx, id: string) {
  return (await list(ctx, { id })).find((k) => k.id === id);
}

async function publicKeyOf(ctx: Ctx, id: string): Promise<string> {
  return (await ctx.client.call(ops.keyPairs.publicKey, { query: { id } })).trim();
}

/** The KeyPair resource definition. */
export const keyPairDefinition: ResourceDefinition<z.output<typeof Inputs>, KeyPairOutputs> = {
  kind: "KeyPair",
  meta: KeyPairMeta,
  inputs: Inputs,
  autoName: { maxLength: 64, sanitize: (s) => s.replace(/[^A-Za-z0-9_.-]/g, "-") },
  localOnly: ["adopt", "timeouts", "forceDelete"],
  defaultTimeouts: { create: "5m", update: "5m", delete: "5m" },
  describeKey: (i) => `name ${JSON.stringify(i.name)}`,

  async find(ctx, inputs) {
    return byName(ctx, inputs.name);
  },

  async create(ctx, inputs) {
    const body = { name: inputs.name, ...(inputs.description ? { description: inputs.description } : {}), key_algorithms: inputs.algorithm };
    // A lost reply is decided by the unique name: found means created, absent means send again.
    const r = await createIdempotently(ctx, () => ctx.client.call(ops.keyPairs.create, { body }), () => byName(ctx, inputs.name));
    const id = "sent" in r ? r.sent.id : r.found.id;
    const partial = { name: inputs.name, description: inputs.description ?? "", algorithm: inputs.algorithm, publicKey: "", hostNums: 0, createdAt: "" };
    try {
      const [kp, publicKey] = await Promise.all([byId(ctx, id), publicKeyOf(ctx, id)]);
      if (!kp) throw new TpopsError(`key pair ${id} was created but is not listed`);
      return { id, outs: toOutputs(kp, publicKey, algorithmOf(publicKey) ?? inputs.algorithm) };
    } catch (e) {
      throw new PartialCreateError(id, partial, e);
    }
  },

  async read(ctx, id, state) {
    const kp = await byId(ctx, id);
    if (!kp) return undefined;
    // The public key never changes for an id: download it only when the state lacks it.
    const publicKey = state.publicKey ? String(state.publicKey) : await publicKeyOf(ctx, id);
    return toOutputs(kp, publicKey, algorithmOf(publicKey) ?? String(state.algorithm ?? ""));
  },

  async checkChange(id, olds, news, changed) {
    // reference 4.8.3 description: "私钥描述需少于256字节".
    const why = changed.includes("description") ? descriptionChangeProblem(news.description) : undefined;
    if (why) throw new TpopsError(`KeyPair ${olds.name}: ${why}`);
    if (!changed.includes("name")) return;
    // reference 4.8.3 接口约束: "私钥名称不支持重复" (a key pair cannot take a name another one has); skipped when the platform does not answer.
    const other = await lookupForPreview(`key pair name ${news.name}`, () => byName({ client: configuredClient() } as Ctx, news.name));
    if (other && other.id !== id) {
      throw new TpopsError(`KeyPair ${olds.name}: name: ${JSON.stringify(news.name)} is already the name of key pair ${other.id} (reference 4.8.3: key pair names are unique); choose another name`);
    }
  },

  async update(ctx, id, olds, news, changed) {
    const why = changed.includes("description") ? descriptionChangeProblem(news.description) : undefined;
    if (why) throw new TpopsError(why);
    const body: { id: string; name?: string; description?: string } = { id };
    if (changed.includes("name")) body.name = news.name;
    if (changed.includes("description")) body.description = news.description ?? "";
    await ctx.client.call(ops.keyPairs.update, { body });
    const kp = await byId(ctx, id);
    if (!kp) throw new TpopsError(`key pair ${id} disappeared during the update`);
    const publicKey = olds.publicKey || (await publicKeyOf(ctx, id));
    return toOutputs(kp, publicKey, algorithmOf(publicKey) ?? news.algorithm);
  },

  async delete(ctx, id, state) {
    try {
      await ctx.client.call(ops.keyPairs.delete, { body: { id, forced: state.forceDelete === true } });
    } catch (e) {
      if (e instanceof TpopsApiError && e.status < 500 && state.forceDelete !== true) {
        const kp = await byId(ctx, id);
        if (kp && (kp.host_nums ?? 0) > 0) {
          // reference 4.8.4: a key pair bound to hosts is deleted only when forced.
          throw new TpopsError(
            `cannot delete key pair ${kp.name} (${id}): ${kp.host_nums} host(s) use it. Delete those hosts first, or set forceDelete: true and run pulumi up before destroying (${e.message})`,
            { cause: e },
          );
        }
      }
      throw e;
    }
  },
};

const base = makeProvider(keyPairDefinition);

/** Key pairs this provider process checked for creation: identity → name (counted against the limit until listed). */
const planned = new Map<string, string>();

/** Forgets the planned creates (tests). */
export function resetPlannedKeyPairs(): void {
  planned.clear();
}

/** KeyPair provider methods: the framework's, plus the create refusals the platform's key-pair list decides at preview. */
export const keyPair: ProviderImpl = {
  ...base,
  async check(olds, news) {
    const r = await base.check(olds, news);
    const inputs = r.inputs ?? {};
    const creating = Object.keys(strip(olds)).length === 0;
    if (!creating || r.failures?.length || inputs.adopt === true) return r;
    const name = inputs.name;
    const self = resourceIdentity(news) || String(name);
    planned.set(self, typeof name === "string" && name !== UNKNOWN ? name : `\0${self}`);
    const live = await lookupForPreview("key pairs", () => configuredClient().listAll(ops.keyPairs.list));
    if (!live) return r;
    const failures: { property: string; reason: string }[] = [];
    // A key pair under this resource's own generated name was made by an interrupted run: create continues with it.
    const own = typeof name === "string" && name === generatedName(keyPairDefinition, news, inputs);
    const existing = typeof name === "string" ? live.find((k) => k.name === name) : undefined;
    if (existing && !own) {
      // reference 4.8.3 接口约束: "私钥名称不支持重复"; without adopt the create is refused, so say it now.
      failures.push({
        property: "name",
        reason: `name: ${JSON.stringify(name)} is already the name of key pair ${existing.id} on the platform (reference 4.8.3: key pair names are unique); set adopt: true to take it over, or choose another name`,
      });
    }
    // reference 4.8.1 接口约束: "最大支持创建20个秘钥对" — the live ones plus the ones this stack is about to create.
    const names = new Set([...live.map((k) => k.name), ...planned.values()]);
    if (!existing && names.size > MAX_KEY_PAIRS) {
      failures.push({
        property: "name",
        reason: `name: ${JSON.stringify(name)}: the platform holds ${live.length} key pair(s) and this stack creates ${names.size - live.length} more; at most ${MAX_KEY_PAIRS} exist (reference 4.8.1 "最大支持创建20个秘钥对"). Delete unused key pairs, or share one among hosts`,
      });
    }
    if (!failures.length) return r;
    planned.delete(self); // a refused create is not one this stack makes
    return { ...r, failures };
  },
};
