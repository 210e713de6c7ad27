/**
 * Sites: a program may address several TPOPS platforms (`tpops:sites`, provider/config.ts). Every resource has a
 * `site` input (schema.json; replaces on change) naming the platform it lives on, default the `tpops:*` one. This
 * wrapper runs each provider call of a resource in its site's scope (config.ts inSite), so every client the
 * resource's code obtains — `ctx.client`, the preview lookups' `client()` — talks to that site without the
 * resource knowing; it checks the name at preview and records the site in the state (outputs and inputs).
 */
import { currentSite, inSite, siteProblem } from "./config";
import type { CheckFailure, ProviderImpl } from "./resources/framework";

type Bag = Record<string, unknown>;

/** The `site` of inputs or state: a non-empty string, else undefined (the default platform). */
export function siteOf(props: Bag | undefined): string | undefined {
  const s = props?.site;
  return typeof s === "string" && s !== "" ? s : undefined;
}

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

function withSiteKey<T extends Bag | undefined>(props: T, site: string | undefined): T {
  if (!props || site === undefined) return props;
  return { ...props, site } as T;
}

/** The provider methods of a resource, each run in the scope of the resource's site. */
export function withSite(impl: ProviderImpl): ProviderImpl {
  return {
    async check(olds, news) {
      const raw = news.site;
      if (raw === UNKNOWN) return impl.check(olds, news);
      if (raw !== undefined && (typeof raw !== "string" || raw === "")) {
        const r = await impl.check(olds, { ...news, site: undefined });
        const failure: CheckFailure = { property: "site", reason: `site: ${JSON.stringify(raw)} is not a site name; name a key of tpops:sites, or leave site out` };
        return { inputs: r.inputs, failures: [...(r.failures ?? []), failure] };
      }
      const site = siteOf(news);
      const why = site === undefined ? undefined : siteProblem(site);
      if (why) return { inputs: { ...news }, failures: [{ property: "site", reason: why }] };
      const r = await inSite(site, () => impl.check(olds, news));
      return { ...r, inputs: withSiteKey(r.inputs, site) };
    },
    async diff(id, olds, news) {
      // Preview checks of a change look at the platform the resource is on now.
      const r = await inSite(siteOf(olds), () => impl.diff(id, olds, news));
      if (news.site === UNKNOWN || siteOf(olds) === siteOf(news)) return r;
      // Another site (also: dropping `site`, which means the tpops:endpoint platform) is another object.
      return { changes: true, replaces: [...new Set([...r.replaces, "site"])], deleteBeforeReplace: r.deleteBeforeReplace };
    },
    async create(inputs) {
      const site = siteOf(inputs);
      const r = await inSite(site, () => impl.create(inputs));
      return { ...r, outs: withSiteKey(r.outs, site) as Bag };
    },
    async read(id, props) {
      const site = siteOf(props);
      const r = await inSite(site, () => impl.read(id, props));
      if (!r.id) return r;
      return { ...r, props: withSiteKey(r.props, site) as Bag, ...(r.inputs ? { inputs: withSiteKey(r.inputs, site) } : {}) };
    },
    async update(id, olds, news) {
      // A change of site replaces the resource (schema.json replaceOnChanges), so an update stays on its site.
      const site = siteOf(news) ?? siteOf(olds);
      const r = await inSite(site, () => impl.update(id, olds, news));
      return { ...r, outs: withSiteKey(r.outs, site) as Bag };
    },
    delete(id, props) {
      return inSite(siteOf(props), () => impl.delete(id, props));
    },
  };
}

/** Runs a lookup in the scope of its `site` argument (checked), passing the other arguments on. */
export async function inLookupSite<T>(name: string, args: unknown, fn: (rest: unknown) => Promise<T>): Promise<T> {
  if (!args || typeof args !== "object" || !("site" in args)) return fn(args);
  const { site, ...rest } = args as Bag;
  if (site === undefined) return fn(rest);
  if (typeof site !== "string" || site === "") throw new Error(`${name}: site: ${JSON.stringify(site)} is not a site name; name a key of tpops:sites, or leave site out`);
  const why = siteProblem(site);
  if (why) throw new Error(`${name}: ${why}`);
  return inSite(site, () => fn(rest));
}

export { currentSite };
