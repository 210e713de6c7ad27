import * as pulumi from "@pulumi/pulumi";

/**
 * The dynamic provider a resource class hands to Pulumi: a few lines per method that load the provider
 * runtime by package name *inside* the method and delegate by resource kind. It captures nothing but
 * `kind` (a string), so its serialized text in state stays small and never goes stale
 * (ARCHITECTURE.md, the serialization rule). Configuration is read in configure(), never captured here.
 */
export function providerStub(kind: string): pulumi.dynamic.ResourceProvider {
  return {
    async configure(req) {
      return require("pulumi-tpops/provider").configure(req);
    },
    async check(olds, news) {
      return require("pulumi-tpops/provider")[kind].check(olds, news);
    },
    async diff(id, olds, news) {
      return require("pulumi-tpops/provider")[kind].diff(id, olds, news);
    },
    async create(inputs) {
      return require("pulumi-tpops/provider")[kind].create(inputs);
    },
    async read(id, props) {
      return require("pulumi-tpops/provider")[kind].read(id, props);
    },
    async update(id, olds, news) {
      return require("pulumi-tpops/provider")[kind].update(id, olds, news);
    },
    async delete(id, props) {
      return require("pulumi-tpops/provider")[kind].delete(id, props);
    },
  };
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
