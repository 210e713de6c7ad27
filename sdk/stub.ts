import type * as pulumi from "@pulumi/pulumi";

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

/** Input through which a class lets check() derive a unique name from the Pulumi resource name. */
export const AUTO_NAME_KEY = "__autoNamePrefix";

/** The props handed to dynamic.Resource: every output key (so it becomes an Output), the args, the name prefix. */
export function resourceProps(name: string, args: object, outputKeys: readonly string[], autoName: boolean): pulumi.Inputs {
  const props: Record<string, unknown> = Object.fromEntries(outputKeys.map((k) => [k, undefined]));
  Object.assign(props, args);
  if (autoName && (args as { name?: unknown }).name === undefined) props[AUTO_NAME_KEY] = name;
  return props as pulumi.Inputs;
}
