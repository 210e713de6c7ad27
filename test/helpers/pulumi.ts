/** Runs the real Pulumi engine (.tools/bin, built by `make pulumi`) on programs in temporary projects. */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";

/** The repository root. */
export const repoRoot = resolve(__dirname, "../..");
/** Where the engine toolchain lives. */
export const toolsBin = join(repoRoot, ".tools/bin");

/** Result of one Pulumi CLI run. */
export interface PulumiRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Fails fast with the fix when the engine has not been built. */
export function requireEngine(): void {
  if (!existsSync(join(toolsBin, "pulumi")) || !existsSync(join(toolsBin, "pulumi-language-nodejs"))) {
    throw new Error(`the Pulumi engine is not in ${toolsBin}: run 'make pulumi' (or 'make test')`);
  }
}

/**
 * The environment every Pulumi command of the project runs with: a file backend in the project's own
 * folder, a fixed passphrase, no update check, the engine toolchain first on PATH.
 */
export function pulumiEnv(stateDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${toolsBin}:${process.env.PATH ?? ""}`,
    PULUMI_BACKEND_URL: `file://${stateDir}`,
    PULUMI_CONFIG_PASSPHRASE: "pulumi-tpops-test-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_HOME: join(stateDir, ".pulumi-home"),
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    NO_COLOR: "1",
    ...extra,
  };
}

/** A Pulumi project in a fresh folder under .tmp/e2e that resolves `pulumi-tpops` to this repository. */
export class TestProject {
  private constructor(
    readonly dir: string,
    readonly stateDir: string,
    readonly stack: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Writes `files` (relative path → content) into a new project folder and creates the stack. */
  static async create(
    name: string,
    files: Record<string, string>,
    opts: { stack?: string; env?: NodeJS.ProcessEnv } = {},
  ): Promise<TestProject> {
    requireEngine();
    const dir = join(repoRoot, ".tmp/e2e", `${name}-${randomBytes(4).toString("hex")}`);
    const stateDir = join(dir, ".state");
    await mkdir(stateDir, { recursive: true });
    // Like a user's project: its own package.json and tsconfig.json (Pulumi's TypeScript template settings).
    const defaults: Record<string, string> = {
      "package.json": JSON.stringify({ name, private: true, dependencies: { "pulumi-tpops": "file:../..", "@pulumi/pulumi": "*" } }, null, 2),
      "tsconfig.json": JSON.stringify(
        { compilerOptions: { strict: true, target: "es2020", module: "commonjs", moduleResolution: "node", skipLibCheck: true, outDir: "bin" }, files: ["index.ts"] },
        null,
        2,
      ),
    };
    for (const [rel, content] of Object.entries({ ...defaults, ...files })) {
      await mkdir(dirname(join(dir, rel)), { recursive: true });
      await writeFile(join(dir, rel), content);
    }
    // The program and the dynamic-provider process (whose cwd is the program folder) resolve
    // `pulumi-tpops` here and `@pulumi/pulumi` from the repository's node_modules: one copy of each.
    await mkdir(join(dir, "node_modules"), { recursive: true });
    await symlink(repoRoot, join(dir, "node_modules/pulumi-tpops"), "dir");
    const stack = opts.stack ?? "test";
    const project = new TestProject(dir, stateDir, stack, pulumiEnv(stateDir, opts.env));
    const init = await project.run(["stack", "init", stack]);
    if (init.code !== 0) throw new Error(`pulumi stack init failed:\n${init.stdout}\n${init.stderr}`);
    return project;
  }

  /** Runs `pulumi <args>` in the project with `--non-interactive` and the stack selected. */
  run(args: string[], opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<PulumiRun> {
    const full = [...args, "--non-interactive", ...(args[0] === "stack" && args[1] === "init" ? [] : ["--stack", this.stack])];
    return this.exec(join(toolsBin, "pulumi"), full, opts);
  }

  /** Runs any command in the project folder with the project's Pulumi environment (e.g. a CI script). */
  exec(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<PulumiRun> {
    return new Promise((resolvePromise, reject) => {
      const child = spawn(cmd, args, { cwd: this.dir, env: { ...this.env, ...opts.env }, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 10 * 60_000);
      child.on("error", reject);
      child.on("close", (code) => {
        clearTimeout(timer);
        resolvePromise({ code: code ?? -1, stdout, stderr });
      });
    });
  }

  /** `pulumi up --yes --skip-preview`. */
  up(extra: string[] = []): Promise<PulumiRun> {
    return this.run(["up", "--yes", "--skip-preview", ...extra]);
  }

  /** `pulumi preview` (add `--expect-no-changes`, `--refresh` as needed). */
  preview(extra: string[] = []): Promise<PulumiRun> {
    return this.run(["preview", ...extra]);
  }

  /** `pulumi destroy --yes --skip-preview`. */
  destroy(): Promise<PulumiRun> {
    return this.run(["destroy", "--yes", "--skip-preview"]);
  }

  /** Sets a stack config value (`secret` encrypts it). */
  async setConfig(key: string, value: string, secret = false): Promise<void> {
    const r = await this.run(["config", "set", key, value, ...(secret ? ["--secret"] : ["--plaintext"])]);
    if (r.code !== 0) throw new Error(`pulumi config set ${key} failed: ${r.stderr}`);
  }

  /** The stack's outputs (secrets shown only when asked). */
  async outputs(showSecrets = false): Promise<Record<string, unknown>> {
    const r = await this.run(["stack", "output", "--json", ...(showSecrets ? ["--show-secrets"] : [])]);
    if (r.code !== 0) throw new Error(`pulumi stack output failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  }

  /** `pulumi stack export` as text (the state as stored, secrets encrypted). */
  async exportState(): Promise<string> {
    const r = await this.run(["stack", "export"]);
    if (r.code !== 0) throw new Error(`pulumi stack export failed: ${r.stderr}`);
    return r.stdout;
  }

  /** Removes the project folder (state included). */
  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
