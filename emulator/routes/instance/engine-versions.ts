import type { EmulatorContext, Router } from "../../router";
import { ENGINE_VERSIONS } from "../../domain/engine-versions";

/** Engine versions (reference 4.12.1): `GET /gaussdb/v3/datastore/versions`. */
export function register(r: Router, _ctx: EmulatorContext): void {
  r.add("GET", "/gaussdb/v3/datastore/versions", (req) => {
    // reference 4.12.1 documents no query parameters: any is ignored (README "Unknown fields")
    for (const key of new Set(req.query.keys())) req.ignored.push(`?${key}`);
    // reference 4.12.1: `versions` is an Array of strings (the example's bare numbers would lose "3.200.0" forms).
    return { status: 200, body: { versions: [...ENGINE_VERSIONS] } };
  });
}
