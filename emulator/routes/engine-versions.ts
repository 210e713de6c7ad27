import { DbsError } from "../errors";
import type { EmulatorContext, Router } from "../router";
import { ENGINE_VERSIONS } from "../domain/engine-versions";

/** Engine versions (reference 4.12.1): `GET /gaussdb/v3/datastore/versions`. */
export function register(r: Router, _ctx: EmulatorContext): void {
  r.add("GET", "/gaussdb/v3/datastore/versions", (req) => {
    // The reference documents no query parameters for this call.
    const stray = [...req.query.keys()][0];
    if (stray !== undefined) throw new DbsError(400, "DBS.280001", { field: stray, detail: "unknown query parameter" });
    // reference 4.12.1: `versions` is an Array of strings (the example's bare numbers would lose "3.200.0" forms).
    return { status: 200, body: { versions: [...ENGINE_VERSIONS] } };
  });
}
