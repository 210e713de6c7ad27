// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import { stubMethods } from "./methods";

/** The provider stub of IntelligentOps (`pulumi-tpops/dist/stub/intelligent-ops.js`): methods that load `pulumi-tpops/provider` when called. */
export = stubMethods("intelligentOps");
