/**
 * `tpops`: operations that are not desired state, run by a person or a pipeline (not by `pulumi up`). Today the
 * disaster-recovery operations of reference 4.18: failover (4.18.5, on the DR instance), switchover (4.18.7, either
 * side) and fail-back (4.18.8), each waiting on its job and printing its progress, and `status` (4.18.2 + 4.18.3).
 *
 * The platform: `--site NAME` picks a site of `tpops:sites` — read from the TPOPS_SITES environment variable (JSON),
 * or from the Pulumi stack of the current directory (`pulumi config --json --show-secrets`, `--stack` to choose one);
 * without `--site`, the TPOPS_ENDPOINT / TPOPS_USERNAME / TPOPS_PASSWORD environment (or that stack's `tpops:*`).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { ops, TpopsError, type TpopsClient } from "../client";
import type { DisasterRelation, DisasterType } from "../client/operations-dr";
import { client, configure, inSite, siteProblem } from "../config";
import { waitUntilJobDone } from "../waiters";

const USAGE = `Usage: tpops dr <failover|switchover|failback|status> --instance ID [--site NAME] [options]

  failover     promote the DR (standby) instance (reference 4.18.5; run it on the DR instance's site)
  switchover   exchange the roles of primary and DR instance (4.18.7; either side)
  failback     rebuild the relationship after a failover that allowed it (4.18.8)
  status       the instance's relationships (4.18.2) and DR monitor (4.18.3)

Options:
  --instance ID            the instance to act on (required)
  --site NAME              a site of tpops:sites (TPOPS_SITES, or the current Pulumi stack's config)
  --stack NAME             the Pulumi stack whose config to read (default: the selected one)
  --disaster-type TYPE     stream (default) or dorado
  --support-restore        failover only: allow a later fail-back (4.18.5 is_support_restore; 3.100 and later)
  --timeout DURATION       how long to wait for the job (default 60m)
  -h, --help               this text

After an operation, \`pulumi refresh\` in the stack that holds the DisasterRecovery resource shows the new roles; it plans no replacement.`;

/** Stack config of the current directory's Pulumi project, if there is one and the pulumi CLI can read it. */
function stackConfig(stack: string | undefined): Record<string, string> {
  if (!existsSync("Pulumi.yaml") && !existsSync("Pulumi.yml")) return {};
  try {
    const raw = execFileSync("pulumi", ["config", "--json", "--show-secrets", ...(stack ? ["--stack", stack] : [])], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    const parsed = JSON.parse(raw) as Record<string, { value?: unknown; objectValue?: unknown }>;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed)) {
      const value = v.objectValue ?? v.value;
      if (value !== undefined) out[k] = typeof value === "string" ? value : JSON.stringify(value);
    }
    return out;
  } catch {
    return {};
  }
}

/** The one relation of `instanceId` of `type` that its site lists (4.18.2), or an error that says what to check. */
async function relationOf(c: TpopsClient, instanceId: string, type: DisasterType): Promise<DisasterRelation> {
  const all = await c.listAll(ops.disasterRecovery.relations);
  const mine = all.filter(
    (r) =>
      (r.instance_id === instanceId || r.master_region_instance_info?.instance_id === instanceId || r.slave_region_instance_info?.instance_id === instanceId) &&
      (r.disaster_type ?? "stream") === type &&
      String(r.status ?? "").toLowerCase() !== "released",
  );
  const r = mine[0];
  if (!r) throw new TpopsError(`instance ${instanceId} is in no ${type} DR relationship on this site (reference 4.18.2); check --instance and --site`);
  return r;
}

function describe(r: DisasterRelation, instanceId: string): string {
  const primary = r.master_region_instance_info?.instance_id ?? "?";
  const standby = r.slave_region_instance_info?.instance_id ?? "?";
  return `${r.name ?? r.synchronization_id}: ${instanceId === primary ? "this instance is the primary" : instanceId === standby ? "this instance is the DR instance" : "role unknown"} (primary ${primary}, DR ${standby}), status ${r.status ?? "?"}`;
}

/** Runs `tpops` with these arguments; resolves to the exit code (errors are one line on stderr). */
export async function tpopsCli(argv: readonly string[]): Promise<number> {
  try {
    return await run([...argv]);
  } catch (e) {
    process.stderr.write(`tpops: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      instance: { type: "string" },
      site: { type: "string" },
      stack: { type: "string" },
      "disaster-type": { type: "string", default: "stream" },
      "support-restore": { type: "boolean", default: false },
      timeout: { type: "string", default: "60m" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [area, action] = positionals;
  if (values.help || !area) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  if (area !== "dr" || !action || !["failover", "switchover", "failback", "status"].includes(action)) {
    process.stderr.write(`tpops: unknown command ${JSON.stringify([area, action].filter(Boolean).join(" "))}; run tpops --help\n`);
    return 2;
  }
  const instanceId = values.instance;
  if (!instanceId) {
    process.stderr.write("tpops: --instance is required: the id of the instance to act on\n");
    return 2;
  }
  const type = values["disaster-type"];
  if (type !== "stream" && type !== "dorado") {
    process.stderr.write(`tpops: --disaster-type: ${JSON.stringify(type)} is not stream or dorado (reference 4.18.4)\n`);
    return 2;
  }
  const cfg = stackConfig(values.stack);
  configure({ config: { get: (k) => cfg[k] } });
  const site = values.site;
  if (site !== undefined) {
    const why = siteProblem(site);
    if (why) throw new TpopsError(`--site: ${why.replace(/^site: /, "")}`);
  }
  return inSite(site, async () => {
    const c = client();
    const r = await relationOf(c, instanceId, type);
    if (action === "status") {
      process.stdout.write(`${describe(r, instanceId)}\n`);
      const m = await c.call(ops.disasterRecovery.monitor, { path: { instance_id: instanceId }, query: { disaster_type: type } }).catch(() => undefined);
      if (m) process.stdout.write(`monitor: status ${m.status ?? "?"}, RPO ${m.rpo ?? "?"} (threshold ${m.rpo_threshold ?? "?"}), RTO ${m.rto ?? "?"} (threshold ${m.rto_threshold ?? "?"})\n`);
      return 0;
    }
    process.stdout.write(`before: ${describe(r, instanceId)}\n`);
    const op = action === "failover" ? ops.disasterRecovery.failover : action === "switchover" ? ops.disasterRecovery.switchover : ops.disasterRecovery.failback;
    const body = action === "failover" ? { disaster_type: type as DisasterType, is_support_restore: values["support-restore"] } : { disaster_type: type as DisasterType };
    const { job_id } = await c.call(op, { path: { instance_id: instanceId }, body });
    process.stdout.write(`${action}: job ${job_id} started\n`);
    let last = "";
    await waitUntilJobDone(c, job_id, {
      timeout: values.timeout,
      onProgress: (p) => {
        const line = `${action}: job ${p.jobId} ${p.status}${p.progress ? ` ${p.progress}` : ""}`;
        if (line !== last) process.stdout.write(`${line} [${Math.round(p.elapsedMs / 1000)}s]\n`);
        last = line;
      },
    });
    const after = await relationOf(c, instanceId, type);
    process.stdout.write(`${action}: done. ${describe(after, instanceId)}\n`);
    process.stdout.write("Run pulumi refresh in the stack that holds the DisasterRecovery resource to record the new roles.\n");
    return 0;
  });
}

