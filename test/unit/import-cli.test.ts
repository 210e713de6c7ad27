// tpops-import's command line: usage, flags and configuration problems as one line a person can act on, before any
// call to the platform.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../provider/import/cli";

let lines: string[];
let errors: string[];
let dir: string;
const saved = { ...process.env };
const out = { log: (s: string) => lines.push(s), error: (s: string) => errors.push(s) };

beforeEach(async () => {
  lines = [];
  errors = [];
  dir = await mkdtemp(join(tmpdir(), "tpops-import-"));
  for (const k of Object.keys(process.env)) if (k.startsWith("TPOPS_")) delete process.env[k];
});
afterEach(async () => {
  process.env = { ...saved };
  await rm(dir, { recursive: true, force: true });
});

describe("tpops-import flags", () => {
  it("--help prints the usage, naming every flag and the TPOPS_* variables", async () => {
    expect(await main(["--help"], out)).toBe(0);
    for (const f of ["--out", "--data-center", "--instance", "--stack", "--project", "--force", "TPOPS_ENDPOINT", "TPOPS_PASSWORD"]) expect(lines.join("\n")).toContain(f);
  });

  it.each([
    [[], /--out is required/],
    [["--out"], /Option '--out <value>' argument missing/],
    [["--out", "x", "--bogus"], /Unknown option '--bogus'/],
    [["--out", "x", "--stack", "a b"], /--stack "a b" is not a stack name/],
  ])("%j is refused with the usage (exit 2)", async (argv, why) => {
    expect(await main(argv as string[], out)).toBe(2);
    expect(errors.join("\n")).toMatch(why);
  });

  it("refuses a folder that holds a project unless --force", async () => {
    await writeFile(join(dir, "index.ts"), "// mine\n");
    expect(await main(["--out", dir], out)).toBe(1);
    expect(errors.join("\n")).toMatch(/already holds a Pulumi project .*pass --force/);
  });

  it("without TPOPS_ENDPOINT says which variable to set, and writes nothing", async () => {
    expect(await main(["--out", join(dir, "p"), "--force"], out)).toBe(1);
    expect(errors).toEqual([expect.stringMatching(/^tpops-import: missing the TPOPS endpoint .*environment variable TPOPS_ENDPOINT$/)]);
  });

  it("an endpoint nobody answers is one line naming the call, no stack", async () => {
    Object.assign(process.env, { TPOPS_ENDPOINT: "http://127.0.0.1:9/rds", TPOPS_USERNAME: "admin", TPOPS_PASSWORD: "Secret_pw_1" });
    expect(await main(["--out", join(dir, "p")], out)).toBe(1);
    const last = errors.at(-1)!;
    expect(last).toMatch(/^tpops-import: /);
    expect(last).not.toMatch(/\n\s+at |Secret_pw_1/);
  }, 120_000);
});
