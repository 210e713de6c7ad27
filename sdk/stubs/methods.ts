import type * as pulumi from "@pulumi/pulumi";

/**
 * The methods of one resource kind's provider stub: each loads the provider runtime by package name *inside*
 * the method and delegates to the kind. This file imports nothing at run time, so a stub module
 * (`dist/stub/<kind>.js`, built from `sdk/stubs/<kind>.gen.ts`) is a few hundred bytes of code that loads
 * nothing until the engine calls it. Pulumi writes a stub module into the state as a `require` of its
 * package path (docs/architecture.md, the stub rule); should it ever serialize these methods by value
 * instead, they still capture nothing but `kind`.
 */
export function stubMethods(kind: string): pulumi.dynamic.ResourceProvider {
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
