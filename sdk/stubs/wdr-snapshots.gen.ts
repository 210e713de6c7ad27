// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import { stubMethods } from "./methods";

/** The provider stub of WdrSnapshots (`pulumi-tpops/dist/stub/wdr-snapshots.js`): methods that load `pulumi-tpops/provider` when called. */
export = stubMethods("wdrSnapshots");
