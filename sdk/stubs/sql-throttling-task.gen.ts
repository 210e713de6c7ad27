// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import { stubMethods } from "./methods";

/** The provider stub of SqlThrottlingTask (`pulumi-tpops/dist/stub/sql-throttling-task.js`): methods that load `pulumi-tpops/provider` when called. */
export = stubMethods("sqlThrottlingTask");
