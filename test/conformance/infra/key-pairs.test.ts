import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../helpers/emulator";
import { addHosts, createDataCenter, createKeyPair, hostEntry, insertKeyPair } from "../fixtures";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await emu.control.reset();
});

/** Decode an OpenSSH ssh-rsa line's wire format (RFC 4253 §6.6) into its parts. */
function decodeSshRsa(line: string): { type: string; e: bigint; bits: number; comment: string } {
  const [type, b64, ...comment] = line.trim().split(" ");
  const buf = Buffer.from(b64 ?? "", "base64");
  let off = 0;
  const next = () => {
    const len = buf.readUInt32BE(off);
    const v = buf.subarray(off + 4, off + 4 + len);
    off += 4 + len;
    return v;
  };
  const name = next().toString();
  const e = BigInt(`0x${next().toString("hex")}`);
  const n = next();
  expect(off).toBe(buf.length);
  expect(name).toBe(type);
  expect(n[0]).toBeLessThan(0x80); // mpint: positive, so a set high bit needs a leading zero byte
  return { type: type ?? "", e, bits: BigInt(`0x${n.toString("hex")}`).toString(2).length, comment: comment.join(" ") };
}

describe("reference 4.8.1 POST /gaussdb/v3/hosts/key-pair", () => {
  it("creates the example key pair: 200 {id}", async () => {
    const r = await emu.api("POST", "/gaussdb/v3/hosts/key-pair", {
      name: "ssh-123456",
      description: "用于机房一主机连接",
      key_algorithms: "RSA_3072",
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const pub = await emu.api("GET", `/gaussdb/v3/hosts/public-key?id=${r.body.id}`);
    expect(decodeSshRsa(pub.body)).toEqual({ type: "ssh-rsa", e: 65537n, bits: 3072, comment: "ssh-123456" });
  });

  it("generates a random name and RSA_3072 by default", async () => {
    const r = await emu.api("POST", "/gaussdb/v3/hosts/key-pair", {});
    expect(r.status).toBe(200);
    const kp = (await emu.api("GET", `/gaussdb/v3/hosts/key-pair?id=${r.body.id}`)).body.key_pairs[0];
    expect(kp.name).toMatch(/^KeyPair-[0-9a-f]{8}$/);
    const pub = await emu.api("GET", `/gaussdb/v3/hosts/public-key?id=${r.body.id}`);
    expect(decodeSshRsa(pub.body).bits).toBe(3072);
  });

  it.each([
    ["an unknown algorithm", { name: "k", key_algorithms: "DSA_1024" }],
    ["a name over 128 bytes", { name: "键".repeat(43) }],
    ["a description over 256 bytes", { name: "k", description: "d".repeat(257) }],
    ["a wrong type", { name: 12 }],
  ])("refuses %s (400 DBS.280001)", async (_what, body) => {
    const r = await emu.api("POST", "/gaussdb/v3/hosts/key-pair", body);
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe("DBS.280001");
    expect((await emu.control.state()).keyPairs).toEqual([]);
  });

  it("refuses a duplicate name", async () => {
    await createKeyPair(emu, "dup");
    const r = await emu.api("POST", "/gaussdb/v3/hosts/key-pair", { name: "dup", key_algorithms: "RSA_2048" });
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe("DBS.280001");
  });

  it("refuses the 21st key pair (at most 20)", async () => {
    // Out of band (RSA generation is slow): 19 copies of one real key pair, then the 20th through the API.
    const first = await createKeyPair(emu, "k0");
    const record = emu.ctx.state.data.keyPairs[first]!;
    for (let i = 1; i < 19; i++) emu.ctx.state.data.keyPairs[`id-${i}`] = { ...record, id: `id-${i}`, name: `k${i}` };
    expect((await emu.api("POST", "/gaussdb/v3/hosts/key-pair", { name: "k19", key_algorithms: "RSA_2048" })).status).toBe(200);
    const r = await emu.api("POST", "/gaussdb/v3/hosts/key-pair", { name: "k20", key_algorithms: "RSA_2048" });
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe("DBS.280001");
    expect((await emu.api("GET", "/gaussdb/v3/hosts/key-pair?limit=20")).body.total_count).toBe(20);
  });
});

describe("reference 4.8.2 GET /gaussdb/v3/hosts/key-pair", () => {
  it("lists with the QueryKeyPiarResult fields and host_nums", async () => {
    const id = await createKeyPair(emu, "SSH-123456");
    await emu.api("PUT", "/gaussdb/v3/hosts/key-pair", { id, description: "机房一使用" });
    const dc = await createDataCenter(emu);
    await addHosts(emu, [hostEntry("10.0.0.1", dc, { os_root_pwd: undefined, ssh_key_id: id })]);
    const r = await emu.api("GET", "/gaussdb/v3/hosts/key-pair");
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      total_count: 1,
      key_pairs: [
        {
          id,
          name: "SSH-123456",
          description: "机房一使用",
          created_at: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
          host_nums: 1,
        },
      ],
    });
  });

  it("filters by id, name and description and pages with offset/limit", async () => {
    for (const n of ["a", "b", "c"]) insertKeyPair(emu, n); // out of band: RSA generation is slow
    const all = (await emu.api("GET", "/gaussdb/v3/hosts/key-pair")).body.key_pairs;
    expect((await emu.api("GET", "/gaussdb/v3/hosts/key-pair?name=b")).body.key_pairs.map((k: any) => k.name)).toEqual(["b"]);
    expect((await emu.api("GET", `/gaussdb/v3/hosts/key-pair?id=${all[2].id}`)).body.key_pairs[0].name).toBe("c");
    expect((await emu.api("GET", "/gaussdb/v3/hosts/key-pair?description=none")).body.total_count).toBe(0);
    const p = await emu.api("GET", "/gaussdb/v3/hosts/key-pair?offset=1&limit=1");
    expect(p.body.total_count).toBe(3);
    expect(p.body.key_pairs.map((k: any) => k.name)).toEqual(["b"]);
  });

  it.each([["?limit=0"], ["?limit=21"], ["?offset=-1"]])("refuses %s", async (query) => {
    const r = await emu.api("GET", `/gaussdb/v3/hosts/key-pair${query}`);
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe("DBS.280001");
  });
});

describe("reference 4.8.3 PUT /gaussdb/v3/hosts/key-pair", () => {
  it("modifies name and description: 204", async () => {
    const id = await createKeyPair(emu, "old");
    // the reference example misspells "description" as "descirption"; the emulator rejects unknown fields
    const r = await emu.api("PUT", "/gaussdb/v3/hosts/key-pair", { id, name: "ssh_key", description: "机房2的秘钥对" });
    expect(r.status).toBe(204);
    const kp = (await emu.api("GET", `/gaussdb/v3/hosts/key-pair?id=${id}`)).body.key_pairs[0];
    expect(kp).toMatchObject({ name: "ssh_key", description: "机房2的秘钥对" });
  });

  it.each([
    ["a duplicate name", (id: string) => ({ id, name: "other" }), "DBS.280001"],
    ["an unknown id", (_id: string) => ({ id: "nope", name: "x" }), "DBS.200044"],
    ["a missing id", (_id: string) => ({ name: "x" }), "DBS.280001"],
    ["a 256-byte description", (id: string) => ({ id, description: "x".repeat(256) }), "DBS.280001"],
  ])("refuses %s", async (_what, make, code) => {
    const id = insertKeyPair(emu, "mine"); // out of band: RSA generation is slow
    insertKeyPair(emu, "other");
    const r = await emu.api("PUT", "/gaussdb/v3/hosts/key-pair", make(id));
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
    expect((await emu.api("GET", `/gaussdb/v3/hosts/key-pair?id=${id}`)).body.key_pairs[0].name).toBe("mine");
  });
});

describe("reference 4.8.4 DELETE /gaussdb/v3/hosts/key-pair", () => {
  it("deletes an unused key pair: 200", async () => {
    const id = await createKeyPair(emu);
    const r = await emu.api("DELETE", "/gaussdb/v3/hosts/key-pair", { id });
    expect(r.status).toBe(200);
    expect((await emu.api("GET", "/gaussdb/v3/hosts/key-pair")).body.total_count).toBe(0);
  });

  it("refuses a key pair used by hosts unless forced (the example request)", async () => {
    const id = await createKeyPair(emu);
    const dc = await createDataCenter(emu);
    await addHosts(emu, [hostEntry("10.0.0.1", dc, { os_root_pwd: undefined, ssh_key_id: id })]);
    const refused = await emu.api("DELETE", "/gaussdb/v3/hosts/key-pair", { id });
    expect(refused.status).toBe(400);
    expect(refused.body.error_code).toBe("DBS.280001");
    expect((await emu.api("DELETE", "/gaussdb/v3/hosts/key-pair", { id, forced: false })).status).toBe(400);
    const forced = await emu.api("DELETE", "/gaussdb/v3/hosts/key-pair", { id, forced: true });
    expect(forced.status).toBe(200);
    expect((await emu.control.state()).hosts[0].ssh_key_id).toBeNull();
  });

  it.each([
    ["an unknown id", { id: "nope" }, "DBS.200044"],
    ["a non-boolean forced", { id: "nope", forced: "yes" }, "DBS.280001"],
    ["no body", undefined, "DBS.200006"],
  ])("refuses %s", async (_what, body, code) => {
    const r = await emu.api("DELETE", "/gaussdb/v3/hosts/key-pair", body);
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
  });
});

describe("reference 4.8.5 GET /gaussdb/v3/hosts/public-key", () => {
  it.each([
    ["RSA_2048", 2048],
    ["RSA_4096", 4096],
  ])("downloads a real OpenSSH %s public key", async (algorithm, bits) => {
    const id = await createKeyPair(emu, `key-${bits}`, algorithm);
    const r = await emu.api("GET", `/gaussdb/v3/hosts/public-key?id=${id}`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/octet-stream");
    expect(r.headers.get("content-disposition")).toBe(`attachment; filename="key-${bits}.pub"`);
    expect(r.body).toMatch(/^ssh-rsa AAAA[A-Za-z0-9+/=]+ key-\d+\n$/);
    const key = decodeSshRsa(r.body);
    expect(key).toEqual({ type: "ssh-rsa", e: 65537n, bits, comment: `key-${bits}` });
    // ssh-keygen agrees on the key size (the emulator's encoding is the real wire format)
    const dir = mkdtempSync(join(tmpdir(), "tpops-kp-"));
    writeFileSync(join(dir, "k.pub"), r.body);
    let fingerprint = "";
    try {
      fingerprint = execFileSync("ssh-keygen", ["-l", "-f", join(dir, "k.pub")], { encoding: "utf8" });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      return; // no ssh-keygen on this machine; the decoding above already checked the format
    }
    expect(fingerprint).toMatch(new RegExp(`^${bits} SHA256:\\S+ key-${bits} \\(RSA\\)`));
  });

  it.each([
    ["an unknown id", "?id=nope", "DBS.200044"],
    ["a missing id", "", "DBS.280001"],
  ])("refuses %s", async (_what, query, code) => {
    const r = await emu.api("GET", `/gaussdb/v3/hosts/public-key${query}`);
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe(code);
  });
});
