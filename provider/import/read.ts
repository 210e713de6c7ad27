/**
 * The reader of tpops-import: lists what a TPOPS platform holds, through the provider's own client and each
 * resource's own read(), and turns every object into the declaration that adopts it without a change. An object's
 * arguments are the inputs its resource's read() reports (what `pulumi refresh` would record), so the adopt compares
 * equal; each declaration is checked with the resource's own input rules, and one that would fail the preview is
 * skipped with the reason instead of written.
 */
import { ops, TpopsError, type DataCenter as ApiDataCenter, type Host as ApiHost, type Instance as ApiInstance, type KeyPair as ApiKeyPair, type TpopsClient } from "../client";
import { issuesToFailures, resourceContext, sameValue, type ResourceDefinition } from "../resources/framework";
import { dataCenterDefinition } from "../resources/infra/data-center";
import { keyPairDefinition } from "../resources/infra/key-pair";
import { hostDefinition } from "../resources/infra/host";
import { crossCheck, instanceDefinition } from "../resources/instance/instance";
import { instanceParametersDefinition, rangeProblem } from "../resources/instance/instance-parameters";
import { backupPolicyDefinition } from "../resources/backup/backup-policy";
import { wdrSnapshotsDefinition } from "../resources/ops/wdr-snapshots";
import { intelligentOpsDefinition } from "../resources/ops/intelligent-ops";
import { inspectionSceneDefinition, listScenes } from "../resources/ops/inspection-scene";
import { inspectionTaskDefinition } from "../resources/ops/inspection-task";
import { databaseDefinition, databaseId } from "../resources/database/database";
import { schemaDefinition, schemaId } from "../resources/database/schema";
import { accountId, dbUserDefinition } from "../resources/database/db-user";
import { dbRoleDefinition } from "../resources/database/db-role";
import { isRef, isSecret, type Arg, type Declaration, type Estate, type KindNotImported, type Skipped } from "./model";
import { ResourceNames, VariableNames } from "./naming";

/** Which part of the platform to import; empty: all of it. */
export interface ImportFilter {
  /** Data centers by name or id: their hosts, and the instances on them. */
  readonly dataCenters?: readonly string[];
  /** Instances by name: with their hosts and the hosts' data centers and key pairs. */
  readonly instances?: readonly string[];
}

/** The kinds tpops-import never declares, and why (the generated program repeats this). */
export const KINDS_NOT_IMPORTED: readonly KindNotImported[] = [
  { kind: "Privileges", why: "the reference has no call that lists grants (4.4.6 grants and revokes; 4.4.3, 4.4.12, 4.4.13 list schemas, databases and accounts only), so what is granted cannot be read" },
  { kind: "BuiltinPasswords", why: "write-only: reference 4.4.8 sets the built-in users' passwords and no call reads them" },
  { kind: "DbRoleMembership", why: "4.4.13 memberof shows a membership but not its admin option, and the resource's create grants the membership again (4.4.18), a change on the platform; declare the memberships you want this stack to own by hand" },
  { kind: "InstanceLabels", why: "reference 4.11.2 reads one extension key by its name and no call lists the keys an instance has; declare the labels you want this stack to own by hand (their create records the live values and changes nothing when they match)" },
  { kind: "Backup", why: "backups are copies of data, not configuration: adopting one would make pulumi destroy delete it; read them with getBackups instead" },
  {
    kind: "DisasterRecovery",
    why: "a relationship between instances of two platforms (reference 4.18): tpops-import reads one platform (its TPOPS_ENDPOINT), so the other side cannot be declared; declare it by hand in a program that names both sites",
  },
  { kind: "SqlPatch", why: "no call lists SQL patches (reference 4.6.5 reads one patch by its node and SQL id)" },
  {
    kind: "SqlThrottlingTask",
    why: "a task that has started cannot be adopted: SqlThrottlingTask's preview applies 4.7.1's rule that a window starts no earlier than two minutes before now to every create, adopt included, and no call changes a task (4.7); declare the tasks you want this stack to own by hand",
  },
];

type Bag = Record<string, unknown>;
type AnyDefinition = ResourceDefinition<Bag, Bag>;
const asDef = <I extends object, O extends object>(d: ResourceDefinition<I, O>) => d as unknown as AnyDefinition;

/** The inputs a resource's read() reports for an object (secrets, local-only and empty values left out), or undefined when gone. */
async function liveInputs(def: AnyDefinition, client: TpopsClient, id: string, state: Bag = {}): Promise<Bag | undefined> {
  const ctx = resourceContext(def, {}, state, id, client);
  const outs = await def.read(ctx, id, state);
  if (!outs) return undefined;
  const skip = new Set([...def.localOnly, ...def.meta.secrets]);
  return Object.fromEntries(def.meta.inputs.filter((k) => !skip.has(k) && outs[k] !== undefined && outs[k] !== null && outs[k] !== "").map((k) => [k, outs[k]]));
}

/** `args` without the values equal to the schema's defaults (the program stays short; check() puts them back). */
function withoutDefaults(def: AnyDefinition, args: Record<string, Arg>): Record<string, Arg> {
  return Object.fromEntries(Object.entries(args).filter(([k, a]) => !(k in def.meta.defaults) || isRef(a) || isSecret(a) || !sameValue(def.meta.defaults[k], a)));
}

/** The value check() would see: references by their live value, secrets by a value that passes the rules. */
function resolved(a: Arg): unknown {
  if (isRef(a)) return a.live;
  if (isSecret(a)) return "Import_Placeholder_1a";
  if (Array.isArray(a)) return a.map(resolved);
  if (a && typeof a === "object") return Object.fromEntries(Object.entries(a).map(([k, x]) => [k, resolved(x as Arg)]));
  return a;
}

/** Why check() would refuse these arguments (the resource's own input rules), or undefined. */
export function inputProblems(def: AnyDefinition, args: Readonly<Record<string, Arg>>, extra?: (inputs: Bag) => { reason: string }[]): string | undefined {
  const input: Bag = Object.fromEntries(Object.entries(args).map(([k, a]) => [k, resolved(a)]));
  for (const [k, d] of Object.entries(def.meta.defaults)) if (input[k] === undefined) input[k] = d;
  const parsed = def.inputs.safeParse(input);
  const failures = parsed.success ? (extra?.(input) ?? []) : issuesToFailures(parsed.error, input, def.meta.secrets);
  return failures.length ? failures.map((f) => f.reason).join("; ") : undefined;
}

const ref = (d: Declaration | undefined, prop: string, live: unknown): Arg => (d ? { ref: d.variable, prop, live } : (live as Arg));
const oneOfCase = <T extends string>(values: readonly T[], s: string | null | undefined): T | undefined => values.find((x) => x.toLowerCase() === String(s ?? "").trim().toLowerCase());

/** reference 4.4.2 name: "已存在的schema包括public,information_schema" — every database has them: never declared. */
const BUILTIN_SCHEMAS = ["public", "information_schema"];

/** Reads the platform (all of it, or the part `filter` names) into the declarations of a program. */
export async function readEstate(client: TpopsClient, opts: { endpoint: string; filter?: ImportFilter; progress?: (msg: string) => void }): Promise<Estate> {
  const progress = opts.progress ?? (() => undefined);
  const filter = opts.filter ?? {};
  const declarations: Declaration[] = [];
  const skipped: Skipped[] = [];
  const vars = new VariableNames();
  const names = new ResourceNames();

  progress("listing data centers, key pairs, hosts and instances");
  const [dcs, kps, hosts, instances] = await Promise.all([
    client.listAll(ops.dataCenters.list),
    client.listAll(ops.keyPairs.list),
    client.listAll(ops.hosts.list),
    client.listAll(ops.instances.list),
  ]);
  const sel = select(filter, dcs, kps, hosts, instances);

  /** Declares an object, or records why not (its arguments would fail the resource's check). */
  const declare = (
    def: AnyDefinition,
    o: { name: string; what: string; variable: string; prefix: string; args: Record<string, Arg>; notes?: string[]; options?: Record<string, Arg> },
    extra?: (inputs: Bag) => { reason: string }[],
  ): Declaration | undefined => {
    const args = withoutDefaults(def, o.args);
    const why = inputProblems(def, args, extra);
    if (why) {
      skipped.push({ kind: def.kind, what: o.what, why: `its live values would not pass the resource's checks: ${why}` });
      return undefined;
    }
    const d: Declaration = { kind: def.kind, variable: vars.take(o.variable, o.prefix), name: names.take(def.kind, o.name), args, notes: o.notes ?? [], what: o.what, ...(o.options ? { options: o.options } : {}) };
    declarations.push(d);
    return d;
  };

  // ---- data centers (4.9.9) and key pairs (4.8.2)
  const dcDecl = new Map<string, Declaration>();
  for (const dc of sel.dcs) {
    const live = await liveInputs(asDef(dataCenterDefinition), client, dc.id);
    if (!live) continue;
    const d = declare(asDef(dataCenterDefinition), { name: dc.name, what: `data center ${dc.name}`, variable: dc.name, prefix: "dc", args: { adopt: true, ...(live as Record<string, Arg>) } });
    if (d) dcDecl.set(dc.id, d);
  }
  const kpDecl = new Map<string, Declaration>();
  for (const kp of sel.kps) {
    const live = await liveInputs(asDef(keyPairDefinition), client, kp.id);
    if (!live) continue;
    const d = declare(asDef(keyPairDefinition), {
      name: kp.name,
      what: `key pair ${kp.name}`,
      variable: kp.name,
      prefix: "key",
      args: { adopt: true, ...(live as Record<string, Arg>) },
      notes: ["pulumi destroy deletes this key pair (reference 4.8.4); hosts that use it must go first"],
    });
    if (d) kpDecl.set(kp.id, d);
  }

  // ---- hosts (4.9.1)
  const hostDecl = new Map<string, Declaration>();
  for (const h of sel.hosts) {
    const live = await liveInputs(asDef(hostDefinition), client, h.id);
    if (!live) continue;
    const args: Record<string, Arg> = { adopt: true, ...(live as Record<string, Arg>) };
    args.dataCenterId = ref(dcDecl.get(String(live.dataCenterId)), "id", live.dataCenterId);
    const notes: string[] = [];
    if (live.sshKeyId) {
      args.sshKeyId = ref(kpDecl.get(String(live.sshKeyId)), "id", live.sshKeyId);
    } else {
      const key = `${vars.peek(h.name, "host")}RootPassword`;
      args.rootPassword = { secret: key, what: `the root password of host ${h.ip.manage_ip}` };
      notes.push(
        "rootPassword: the platform cannot read it back; adopting sends nothing (the password is kept in the state only),",
        "and it is used when the host is removed (reference 4.9.4 os_root_pwd), so set it to the host's real root password.",
      );
    }
    // reference 4.11.12: a host whose status is unmanaged carries a database TPOPS does not manage (4.11.13 takes it over).
    if (h.status === "unmanaged") notes.push("status unmanaged: it carries a database TPOPS does not manage; an Instance with takeOver (4.11.13) brings it under management");
    const d = declare(asDef(hostDefinition), { name: h.name, what: `host ${h.ip.manage_ip} (${h.name})`, variable: h.name, prefix: "host", args, notes });
    if (d) hostDecl.set(h.ip.manage_ip, d);
  }

  // ---- instances (4.11.8) and what belongs to each
  const instDecl = new Map<string, Declaration>();
  for (const inst of sel.instances) {
    const d = declareInstance(inst);
    if (!d) continue;
    instDecl.set(inst.id, d);
    await declareInstanceSettings(inst, d);
  }

  // ---- intelligent O&M enrolments (4.6.3 instances, 4.6.2 the instances each manages)
  progress("reading intelligent O&M enrolments");
  const assists = await client.listAll(ops.intelligentOps.instances).catch(() => []);
  for (const a of assists) {
    const r = await client.call(ops.intelligentOps.manageable, { query: { db_assist_id: a.id, manage_type: "ENABLED" } }).catch(() => undefined);
    for (const m of r?.managed_instances ?? []) {
      const inst = instDecl.get(m.id);
      if (!inst) continue;
      const live = await liveInputs(asDef(intelligentOpsDefinition), client, `${a.id}/managed/${m.id}`);
      if (!live || live.enabled !== true) continue;
      declare(asDef(intelligentOpsDefinition), {
        name: `${inst.name}-dbmind`,
        what: `enrolment of instance ${inst.name} in intelligent O&M instance ${a.name ?? a.id}`,
        variable: `${inst.variable} ops`,
        prefix: "ops",
        args: { instanceId: ref(inst, "id", m.id), dbAssistId: ref(instDecl.get(a.id), "id", a.id), enabled: true },
        notes: ["delete leaves the instance enrolled, as it was before this stack"],
      });
    }
  }

  // ---- inspection scenes (4.10.12): the ones users made (default scenes are the platform's own)
  if (!filter.dataCenters?.length && !filter.instances?.length) {
    progress("reading inspection scenes");
    for (const s of await listScenes(client).catch(() => [])) {
      if (s.is_default) {
        skipped.push({ kind: "InspectionScene", what: `scene ${s.name}`, why: "a default scene of the platform (4.10.12 is_default): it exists on every platform and is not this stack's to delete" });
        continue;
      }
      const live = await liveInputs(asDef(inspectionSceneDefinition), client, s.scene_id ?? s.name, { name: s.name });
      if (!live) continue;
      declare(asDef(inspectionSceneDefinition), { name: s.name, what: `inspection scene ${s.name}`, variable: s.name, prefix: "scene", args: { adopt: true, ...(live as Record<string, Arg>) } });
    }
  }

  // ---- inspection tasks (4.10.1) of declared instances: adopt finds a task by its name, so only a name one task has
  progress("reading inspection tasks");
  const tasks = await client.listAll(ops.inspections.list).catch(() => []);
  const sceneDecl = new Map(declarations.filter((d) => d.kind === "InspectionScene").map((d) => [String(d.args.name), d]));
  for (const t of tasks) {
    const what = `inspection task ${t.inspection_name}`;
    // 4.10.1 names the instances; the task's detail (4.10.5, through the resource's read) has their ids.
    const live = await liveInputs(asDef(inspectionTaskDefinition), client, t.id).catch(() => undefined);
    if (!live) continue;
    const ids = Array.isArray(live.instanceIds) ? (live.instanceIds as string[]) : [];
    if (!ids.length || !ids.every((id) => instDecl.has(id))) {
      if (ids.some((id) => instDecl.has(id))) skipped.push({ kind: "InspectionTask", what, why: "it also inspects instances this import does not declare" });
      continue;
    }
    if (tasks.filter((o) => o.inspection_name === t.inspection_name).length > 1) {
      skipped.push({ kind: "InspectionTask", what, why: "other tasks have its name (reference 4.10.2 prints no uniqueness rule) and adopt finds a task by name; rename them apart first" });
      continue;
    }
    const scene = typeof t.scene === "string" ? sceneDecl.get(t.scene) : undefined;
    declare(asDef(inspectionTaskDefinition), {
      name: t.inspection_name,
      what,
      variable: t.inspection_name,
      prefix: "task",
      args: { adopt: true, ...(live as Record<string, Arg>), instanceIds: ids.map((id) => ref(instDecl.get(id), "id", id)) },
      notes: scene ? [`its items are those of scene ${scene.name} today; name the scene (scene: ${scene.variable}.name) to keep them in step`] : [],
    });
  }

  return { endpoint: opts.endpoint, declarations, skipped, kindsNotImported: KINDS_NOT_IMPORTED };

  function declareInstance(inst: ApiInstance): Declaration | undefined {
    const what = `instance ${inst.name}`;
    // An instance that is not running yet (or failed) cannot be adopted as it is: a FAILED one is replaced by the next up.
    if (inst.status !== "ACTIVE") {
      skipped.push({ kind: "Instance", what, why: `it is ${inst.status}; import it again once it is ACTIVE` });
      return undefined;
    }
    const ips = (inst.nodes ?? []).map((n) => n.management_ip ?? "").filter(Boolean);
    const own = hosts.filter((h) => ips.includes(h.ip.manage_ip));
    const first = own[0];
    if (!first) {
      skipped.push({ kind: "Instance", what, why: "the platform lists none of its hosts (4.9.1), so its operating system and CPU cannot be told" });
      return undefined;
    }
    // reference 4.11.8 does not report the install settings: they are the hosts' (4.9.1 os, spec), in 4.11.6's spelling.
    const cpuSpec = oneOfCase(["Intel", "Kunpeng", "Hygon"], first.spec?.cpu_spec);
    const archLive = String(first.os?.os_arch ?? "");
    const arch = /arm|aarch/i.test(archLive) ? "ARM" : /x86|amd64|i\d86/i.test(archLive) ? "X86" : cpuSpec === "Kunpeng" ? "ARM" : "X86";
    const ha = inst.ha
      ? Object.fromEntries(
          Object.entries({ mode: inst.ha.mode, consistency: inst.ha.consistency, replicationMode: inst.ha.replication_mode, consistencyProtocol: inst.ha.consistency_protocol }).filter(
            (e): e is [string, string] => typeof e[1] === "string" && e[1] !== "",
          ),
        )
      : undefined;
    const solution = solutionOf(inst);
    if ("why" in solution) {
      skipped.push({ kind: "Instance", what, why: solution.why });
      return undefined;
    }
    const variable = vars.peek(inst.name, "db");
    const args: Record<string, Arg> = {
      adopt: true,
      name: inst.name,
      solution: solution.solution,
      engine: String(inst.datastore?.type ?? "GaussDB"),
      ...(inst.datastore?.version ? { engineVersion: String(inst.datastore.version) } : {}),
      osType: oneOfCase(["Kylin", "UnionTech"], first.os?.os_type) ?? String(first.os?.os_type ?? ""),
      cpuSpec: cpuSpec ?? String(first.spec?.cpu_spec ?? ""),
      arch,
      ...(inst.port != null ? { port: inst.port } : {}),
      ...(inst.time_zone ? { timeZone: inst.time_zone } : {}),
      ...(ha && Object.keys(ha).length ? { ha } : {}),
      manageIps: ips.map((ip) => ref(hostDecl.get(ip), "manageIp", ip)),
      password: { secret: `${variable}Password`, what: `the root password of instance ${inst.name} (4.11.6 password)` },
    };
    return declare(
      asDef(instanceDefinition),
      {
        name: inst.name,
        what,
        variable: inst.name,
        prefix: "db",
        args,
        notes: [
          "password: the platform cannot read it back and adopting sends nothing; it is used only if the instance is ever",
          "replaced (4.11.6), so set it to the instance's root password. pulumi destroy uninstalls the instance and",
          "deletes its data (deletion.clearData defaults to true); set deletion: { clearData: false } to unmanage instead (4.11.5).",
        ],
      },
      crossCheck,
    );
  }

  async function declareInstanceSettings(inst: ApiInstance, d: Declaration): Promise<void> {
    const listSchemas = (db: string) => client.listAll(ops.schemas.list, { path: { instance_id: inst.id }, query: { db_name: db } }).catch(() => []);
    const instanceId = ref(d, "id", inst.id);
    progress(`reading the settings, databases and accounts of instance ${inst.name}`);
    const policy = await liveInputs(asDef(backupPolicyDefinition), client, inst.id, { instanceId: inst.id }).catch(() => undefined);
    if (policy) {
      declare(asDef(backupPolicyDefinition), {
        name: `${d.name}-backups`,
        what: `backup policy of instance ${inst.name}`,
        variable: `${d.variable} backups`,
        prefix: "policy",
        args: { ...(policy as Record<string, Arg>), instanceId },
        notes: ["the live policy (4.2.5, 4.2.6): creating this resource changes nothing; delete restores it as it is now"],
      });
    }
    const tpl = await client.call(ops.configurations.get, { path: { instance_id: inst.id } }).catch(() => undefined);
    if (tpl) {
      const values: Record<string, Arg> = {};
      for (const p of [...tpl.configuration_parameters].sort((a, b) => a.name.localeCompare(b.name))) {
        const value = String(p.value ?? "");
        const why = rangeProblem(p, value);
        if (why) skipped.push({ kind: "InstanceParameters", what: `parameter ${p.name} of instance ${inst.name}`, why: `its live value ${JSON.stringify(value)} ${why} its range ${p.value_range}` });
        else values[p.name] = value;
      }
      declare(asDef(instanceParametersDefinition), {
        name: `${d.name}-parameters`,
        what: `parameters of instance ${inst.name}`,
        variable: `${d.variable} parameters`,
        prefix: "params",
        args: { instanceId, values },
        notes: [
          "Every parameter with its live value: reference 4.3.1 reports values but not defaults, so which ones were set by",
          "hand cannot be told. Creating this resource changes nothing; delete the lines you do not want this stack to own.",
        ],
      });
    }
    const wdr = await liveInputs(asDef(wdrSnapshotsDefinition), client, `${inst.id}/wdr-snapshots`).catch(() => undefined);
    if (wdr) {
      declare(asDef(wdrSnapshotsDefinition), {
        name: `${d.name}-wdr`,
        what: `WDR snapshot switch of instance ${inst.name}`,
        variable: `${d.variable} wdr`,
        prefix: "wdr",
        args: { ...(wdr as Record<string, Arg>), instanceId },
      });
    }
    // ---- databases (4.4.12), accounts (4.4.13), schemas (4.4.3)
    const path = { instance_id: inst.id };
    const dbs = await client.listAll(ops.databases.list, { path }).catch(() => []);
    const schemasOf = new Map<string, Awaited<ReturnType<typeof listSchemas>>>();
    for (const db of dbs) schemasOf.set(db.name, await listSchemas(db.name));
    // What each account owns that no call drops (4.4 has no drop of a database or schema).
    const owned = (user: string) => [
      ...dbs.filter((db) => db.owner === user).map((db) => `database ${db.name}`),
      ...[...schemasOf].flatMap(([db, list]) => list.filter((s) => s.owner === user && !BUILTIN_SCHEMAS.includes(s.schema_name)).map((s) => `schema ${db}.${s.schema_name}`)),
    ];
    const accounts = await client.listAll(ops.users.list, { path }).catch(() => []);
    const userDecl = new Map<string, Declaration>();
    for (const a of accounts) {
      if (a.name === "root") {
        // reference 4.11.6 password "root密码" and 4.4.8: root is the instance's administrator, listed by 4.4.13 like a user.
        skipped.push({ kind: "DbUser", what: `user root of instance ${inst.name}`, why: "the instance's own administrator (its password is the Instance's, 4.11.6), not a user this stack makes; BuiltinPasswords sets its password (4.4.8)" });
        continue;
      }
      // reference 4.4.13 attribute rolcanlogin: a role is an account that cannot log in (4.4.16 creates roles).
      const role = a.attribute?.rolcanlogin === false;
      const def = role ? asDef(dbRoleDefinition) : asDef(dbUserDefinition);
      const live = await liveInputs(def, client, accountId(inst.id, role ? "roles" : "users", a.name)).catch(() => undefined);
      if (!live) continue;
      const owns = owned(a.name);
      const decl = declare(def, {
        ...(owns.length ? { options: { retainOnDelete: true } } : {}),
        name: `${d.name}-${a.name}`,
        what: `${role ? "role" : "user"} ${a.name} of instance ${inst.name}`,
        variable: `${d.variable} ${a.name}`,
        prefix: role ? "role" : "user",
        args: { adopt: true, ...(live as Record<string, Arg>), instanceId },
        notes: [
          ...(role
            ? ["password: omitted; adopt records none (no call reads or sets a role's password), and a role without one cannot be re-created"]
            : ["password: omitted, so adopt keeps the user's own; setting it resets the password (4.4.9)"]),
          ...(owns.length
            ? [
                `retainOnDelete: it owns ${owns.join(", ")}, which no call drops (reference 4.4), and GaussDB refuses to drop an owner`,
                "(A.3 DBS.200818), so pulumi destroy leaves it on the platform instead of failing",
              ]
            : []),
        ],
      });
      if (decl) userDecl.set(a.name, decl);
    }
    for (const db of dbs) {
      const live = await liveInputs(asDef(databaseDefinition), client, databaseId(inst.id, db.name)).catch(() => undefined);
      if (!live) continue;
      const owner = userDecl.get(String(live.owner));
      const decl = declare(asDef(databaseDefinition), {
        name: `${d.name}-${db.name}`,
        what: `database ${db.name} of instance ${inst.name}`,
        variable: `${d.variable} ${db.name}`,
        prefix: "db",
        args: { adopt: true, ...(live as Record<string, Arg>), instanceId, ...(owner ? { owner: ref(owner, "name", live.owner) } : {}) },
        notes: ["pulumi destroy forgets the database and leaves it and its data on the platform (no call drops a database, reference 4.4)"],
      });
      if (!decl) continue;
      for (const s of schemasOf.get(db.name) ?? []) {
        if (BUILTIN_SCHEMAS.includes(s.schema_name)) continue;
        const sl = await liveInputs(asDef(schemaDefinition), client, schemaId(inst.id, db.name, s.schema_name)).catch(() => undefined);
        if (!sl) continue;
        const sOwner = userDecl.get(String(sl.owner));
        declare(asDef(schemaDefinition), {
          name: `${d.name}-${db.name}-${s.schema_name}`,
          what: `schema ${s.schema_name} of database ${db.name} of instance ${inst.name}`,
          variable: `${decl.variable} ${s.schema_name}`,
          prefix: "schema",
          args: { adopt: true, ...(sl as Record<string, Arg>), instanceId, database: ref(decl, "name", db.name), ...(sOwner ? { owner: ref(sOwner, "name", sl.owner) } : {}) },
          notes: ["pulumi destroy forgets the schema and leaves it on the platform (no call drops a schema, reference 4.4)"],
        });
      }
    }
  }
}

/**
 * The solution (reference 4.11.6 table 4-495) of a listed instance. 4.11.8 reports no solution: it reports the family
 * (`type` "Combined" or "centralization_standard"), `replica_num`, the nodes and `ha.consistency_protocol`. The reading:
 * the node count is the solution's host count (single 1, triset 3, quadruset and pentaset 5: "一主三备一仲裁" has four
 * replicas, "一主四备" five), and paxos is the 去ETCD solutions' protocol (4.11.6 table 4-497 "去ETCD形态仅支持paxos").
 * A distributed instance is named when one solution has its node count (hcs6 1, hcs2 3, hcs3 4, hcs4 5, hcs1 9).
 */
export function solutionOf(inst: Pick<ApiInstance, "type" | "replica_num" | "nodes" | "ha" | "solution">): { solution: string } | { why: string } {
  if (inst.solution) return { solution: inst.solution };
  const n = (inst.nodes ?? []).length;
  const family = String(inst.type ?? "").toLowerCase();
  const paxos = String(inst.ha?.consistency_protocol ?? "").toLowerCase() === "paxos";
  if (family === "combined") {
    const byCount: Record<number, string> = { 1: "hcs6", 3: "hcs2", 4: "hcs3", 5: "hcs4", 9: "hcs1" };
    const s = byCount[n];
    return s ? { solution: s } : { why: `a distributed instance of ${n} nodes: reference 4.11.8 reports no solution and no hcs solution has ${n} hosts (expanded ones cannot be told apart); declare it by hand with adopt: true` };
  }
  const suffix = paxos ? "noetcd" : "";
  if (n === 1 && !paxos) return { solution: "single" };
  if (n === 3) return { solution: `triset${suffix}` };
  if (n === 5 && inst.replica_num === 4) return { solution: `quadruset${suffix}` };
  if (n === 5 && inst.replica_num === 5) return { solution: `pentaset${suffix}` };
  return { why: `a primary/standby instance of ${n} nodes and ${inst.replica_num ?? "no"} replicas: reference 4.11.8 reports no solution and none fits; declare it by hand with adopt: true` };
}

/** The objects a filter selects; throws naming what is not on the platform. */
function select(filter: ImportFilter, dcs: ApiDataCenter[], kps: ApiKeyPair[], hosts: ApiHost[], instances: ApiInstance[]) {
  const wantDcs = filter.dataCenters ?? [];
  const wantInstances = filter.instances ?? [];
  if (!wantDcs.length && !wantInstances.length) return { dcs, kps, hosts, instances };
  const missing: string[] = [];
  const pickedDcs = new Set<string>();
  for (const w of wantDcs) {
    const dc = dcs.find((d) => d.name === w || d.id === w);
    if (dc) pickedDcs.add(dc.id);
    else missing.push(`--data-center ${JSON.stringify(w)}: no data center has this name or id (the platform has ${dcs.map((d) => d.name).join(", ") || "none"})`);
  }
  const pickedInstances = new Set<string>();
  for (const w of wantInstances) {
    const inst = instances.find((i) => i.name === w);
    if (inst) pickedInstances.add(inst.id);
    else missing.push(`--instance ${JSON.stringify(w)}: no instance has this name (the platform has ${instances.map((i) => i.name).join(", ") || "none"})`);
  }
  if (missing.length) throw new TpopsError(`${missing.join("; ")}; check the spelling`);
  const ipsOf = (i: ApiInstance) => (i.nodes ?? []).map((n) => n.management_ip ?? "");
  const dcHostIps = new Set(hosts.filter((h) => pickedDcs.has(String(h.data_center_id))).map((h) => h.ip.manage_ip));
  // Without --instance, a data center brings the instances that run on its hosts.
  const selInstances = instances.filter((i) => pickedInstances.has(i.id) || (!wantInstances.length && ipsOf(i).some((ip) => dcHostIps.has(ip))));
  const instanceIps = new Set(selInstances.flatMap(ipsOf));
  const selHosts = hosts.filter((h) => dcHostIps.has(h.ip.manage_ip) || instanceIps.has(h.ip.manage_ip));
  const selDcIds = new Set([...pickedDcs, ...selHosts.map((h) => String(h.data_center_id))]);
  const selKpIds = new Set(selHosts.map((h) => h.ssh_key_id).filter((x): x is string => Boolean(x)));
  return { dcs: dcs.filter((d) => selDcIds.has(d.id)), kps: kps.filter((k) => selKpIds.has(k.id)), hosts: selHosts, instances: selInstances };
}
