import * as pulumi from "@pulumi/pulumi";

/** What the provider runtime exports for lookups (provider/functions/index.ts). */
interface LookupRuntime {
  lookup(name: string, args: unknown, config: { get(key: string): string | undefined }): Promise<unknown>;
}

/**
 * Runs a lookup (schema.json `functions`) in the program's process: the provider runtime, loaded by package name
 * as the stubs load it, reads the platform with the stack's `tpops:*` configuration (then the `TPOPS_*`
 * environment), logging in once per process. A refusal becomes a `pulumi.RunError`: Pulumi prints its one-line
 * message (it names the lookup and the argument to fix) without a stack trace.
 */
export async function invokeLookup<T>(name: string, args: unknown): Promise<T> {
  const runtime = require("pulumi-tpops/provider") as LookupRuntime;
  try {
    return (await runtime.lookup(name, args, { get: (key) => pulumi.runtime.getConfig(key) })) as T;
  } catch (e) {
    throw new pulumi.RunError(e instanceof Error ? e.message : String(e));
  }
}
