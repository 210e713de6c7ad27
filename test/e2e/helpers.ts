// Shared set-up of the e2e tier: an example project wired to an in-process emulator.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { TestEmulator } from "../helpers/emulator";
import { repoRoot, TestProject } from "../helpers/pulumi";

/** Passwords used by the e2e programs; the secrets test searches state and logs for them. */
export const SECRETS = {
  tpops: "Admin@123",
  root: "Host_root_pw_e2e_4711",
  db: "Gauss_db_pw_e2e_4711",
} as const;

/** A TestProject from examples/<name> (Pulumi.yaml, index.ts, tsconfig.json, stack files), configured for `emu`. */
export async function exampleProject(name: string, emu: TestEmulator, opts: { stack?: string; env?: NodeJS.ProcessEnv } = {}): Promise<TestProject> {
  const dir = join(repoRoot, "examples", name);
  const files: Record<string, string> = {};
  for (const f of ["Pulumi.yaml", "index.ts", "tsconfig.json"]) files[f] = await readFile(join(dir, f), "utf8");
  if (opts.stack) {
    try {
      files[`Pulumi.${opts.stack}.yaml`] = await readFile(join(dir, `Pulumi.${opts.stack}.yaml`), "utf8");
    } catch {
      /* no stack file */
    }
  }
  const project = await TestProject.create(name, files, { stack: opts.stack, env: opts.env });
  await project.setConfig("tpops:endpoint", emu.url);
  await project.setConfig("tpops:username", "admin");
  await project.setConfig("tpops:password", SECRETS.tpops, true);
  await project.setConfig("rootPassword", SECRETS.root, true);
  await project.setConfig("dbPassword", SECRETS.db, true);
  return project;
}

/** Counts of objects on the emulated platform. */
export async function platformCounts(emu: TestEmulator) {
  const s = await emu.control.state();
  return { dataCenters: s.dataCenters.length, keyPairs: s.keyPairs.length, hosts: s.hosts.length, instances: s.instances.length };
}

/** A TestProject whose index.ts is `program`, configured for `emu` (TPOPS endpoint and credentials). */
export async function programProject(name: string, program: string, emu: TestEmulator): Promise<TestProject> {
  const project = await TestProject.create(name, { "Pulumi.yaml": `name: ${name}\nruntime: nodejs\nmain: index.ts\n`, "index.ts": program });
  await project.setConfig("tpops:endpoint", emu.url);
  await project.setConfig("tpops:username", "admin");
  await project.setConfig("tpops:password", SECRETS.tpops, true);
  return project;
}

/**
 * The provider sent only fields the reference defines: the emulator ignores unknown fields as the platform
 * would (so a typo would pass silently) but counts them.
 */
export async function expectNoIgnoredFields(emu: TestEmulator): Promise<void> {
  const { ignoredFields } = await emu.control.requests();
  if (ignoredFields.length) throw new Error(`the provider sent fields the reference does not define: ${JSON.stringify(ignoredFields)}`);
}
