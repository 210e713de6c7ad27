import * as pulumi from "@pulumi/pulumi";
import Module from "node:module";
import { join, relative } from "node:path";

/** Where the stub modules are, as a `require` path: `dist/stub/<kind>.js`, exported as such by package.json. */
export const STUB_PATH = "pulumi-tpops/dist/stub";

const stubs = new Map<string, pulumi.dynamic.ResourceProvider>();

/**
 * The provider a resource class hands to dynamic.Resource: the exports object of the kind's stub module
 * (`dist/stub/<kind>.js`, whose methods load `pulumi-tpops/provider` when called). Pulumi's closure serializer
 * writes a value that *is* a module's exports, in a require.cache entry under node_modules, as
 * `require("<package path>")`, so the state holds `require("pulumi-tpops/dist/stub/host.js")` and a few lines
 * around it instead of the methods' source (docs/architecture.md, the stub rule). It captures nothing;
 * configuration is read in configure(), in the provider process.
 */
export function providerStub(kind: string): pulumi.dynamic.ResourceProvider {
  let stub = stubs.get(kind);
  if (!stub) stubs.set(kind, (stub = loadStub(kind)));
  return stub;
}

/** The stub module's file name for a kind: `dataCenter` → `data-center`. */
export function stubFile(kind: string): string {
  return kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * The name under which Pulumi's closure serializer writes the exports of the module cached as `file`: what
 * follows the first `node_modules` of the path relative to the working directory (runtime/closure/createClosure,
 * findNormalizedModuleNameAsync and captureModuleAsync); undefined when the path has none (it would then
 * serialize the module's exports by value).
 */
export function serializerName(file: string, cwd = process.cwd()): string | undefined {
  const parts = `./${relative(cwd, file)}`.replace(/\\/g, "/").split("/");
  const at = parts.indexOf("node_modules");
  return at < 0 ? undefined : parts.slice(at + 1).join("/");
}

function loadStub(kind: string): pulumi.dynamic.ResourceProvider {
  const request = `${STUB_PATH}/${stubFile(kind)}.js`;
  const file = require.resolve(request);
  const stub = require(file) as pulumi.dynamic.ResourceProvider;
  if (serializerName(file) === request) return stub; // installed under node_modules: the serializer names it as is
  // Linked (`file:`, `npm link`, a workspace): Node caches the module under its real path, outside any
  // node_modules, so the serializer would write its methods by value. A second cache entry under the path
  // through which the program's folder reaches the package names it `require(request)`, which resolves in the
  // provider process (whose working directory is the program's) to this same file. That entry holds a copy of
  // the stub (the serializer takes the first entry whose exports are the value, and the real entry comes first).
  const alias = join(process.cwd(), "node_modules", ...request.split("/"));
  const taken = require.cache[alias];
  if (taken) return taken.exports as pulumi.dynamic.ResourceProvider;
  const entry = new Module(alias);
  entry.filename = alias;
  entry.loaded = true;
  entry.exports = { ...stub };
  require.cache[alias] = entry;
  return entry.exports as pulumi.dynamic.ResourceProvider;
}

/** Input through which a class tells the provider its Pulumi resource name (auto-names, messages). */
export const AUTO_NAME_KEY = "__autoNamePrefix";
/** Input through which a class tells the provider its URN (stable generated names, settings ownership). */
export const URN_KEY = "__urn";

/**
 * The props handed to dynamic.Resource: every output key (so it becomes an Output), the args with the
 * schema's secret inputs wrapped in `pulumi.secret` (a password written as a plain string never reaches the
 * state in plain text), the Pulumi name and the URN the resource will have.
 */
export function resourceProps(
  name: string,
  type: string,
  args: object,
  outputKeys: readonly string[],
  secretInputs: readonly string[],
  opts: pulumi.CustomResourceOptions,
): pulumi.Inputs {
  const props: Record<string, unknown> = Object.fromEntries(outputKeys.map((k) => [k, undefined]));
  Object.assign(props, args);
  for (const k of secretInputs) if (props[k] !== undefined) props[k] = pulumi.secret(props[k]);
  props[AUTO_NAME_KEY] = name;
  // The engine names a dynamic resource's type `pulumi-nodejs:dynamic/<module>:<type>` (module "tpops").
  props[URN_KEY] = urnOf(name, `pulumi-nodejs:dynamic/tpops:${type}`, opts.parent);
  return props as pulumi.Inputs;
}

/**
 * The URN the engine gives a resource: `pulumi.createUrn`'s, without making the parent a dependency.
 * `createUrn(name, type, parent)` derives it from `parent.urn`, an Output that carries the parent, and an
 * input depending on a component waits for all of the component's children — this one too: a component with
 * two tpops children would never finish. The parent's URN is read without its dependency instead.
 */
function urnOf(name: string, type: string, parent: pulumi.Resource | undefined): pulumi.Input<string> {
  if (!parent) return pulumi.createUrn(name, type);
  const parentUrn = new Promise<string>((resolve) => parent.urn.apply((u) => (resolve(u), u)));
  return pulumi.output(
    parentUrn.then((u) => {
      const prefix = u.slice(0, u.lastIndexOf("::"));
      // Children of the stack itself carry no parent type (the engine leaves the root stack out of the chain).
      return prefix.endsWith("::pulumi:pulumi:Stack") ? `${prefix.slice(0, -"pulumi:pulumi:Stack".length)}${type}::${name}` : `${prefix}$${type}::${name}`;
    }),
  );
}

/** The options handed to dynamic.Resource: the caller's, plus the schema's secret outputs. */
export function resourceOptions(opts: pulumi.CustomResourceOptions, secretOutputs: readonly string[]): pulumi.CustomResourceOptions {
  return secretOutputs.length ? { ...opts, additionalSecretOutputs: [...(opts.additionalSecretOutputs ?? []), ...secretOutputs] } : opts;
}
