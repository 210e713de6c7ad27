/** KeyPair (reference 4.8.1–4.8.5): name and description in place; algorithm replaces. */
import { z } from "zod";
import { ops, TpopsApiError, TpopsError, type KeyPair as ApiKeyPair } from "../client";
import { createIdempotently, makeProvider, PartialCreateError, v, type Ctx, type ResourceDefinition } from "./framework";
import { KeyPairMeta, type KeyPairOutputs } from "./schema.gen";
import { client as configuredClient } from "../config";
import { lookupForPreview } from "./live";

const ALGORITHMS = ["RSA_2048", "RSA_3072", "RSA_4096"] as const;

const Inputs = z.object({
  adopt: z.boolean().optional(),
  algorithm: v.oneOf(ALGORITHMS),
  // reference 4.8.2 table 4-301: name at most 128 bytes, description at most 256 bytes.
  description: v.text(256, { bytes: true }).optional(),
  forceDelete: z.boolean().optional(),
  name: v.text(128, { bytes: true, min: 1 }),
  timeouts: v.timeouts().optional(),
});

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
    if (!changed.includes("name")) return;
    // reference 4.8.3 接口约束: "私钥名称不支持重复" (a key pair cannot take a name another one has); skipped when the platform does not answer.
    const other = await lookupForPreview(`key pair name ${news.name}`, () => byName({ client: configuredClient() } as Ctx, news.name));
    if (other && other.id !== id) {
      throw new TpopsError(`KeyPair ${olds.name}: name: ${JSON.stringify(news.name)} is already the name of key pair ${other.id} (reference 4.8.3: key pair names are unique); choose another name`);
    }
  },

  async update(ctx, id, olds, news, changed) {
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

/** KeyPair provider methods. */
export const keyPair = makeProvider(keyPairDefinition);
