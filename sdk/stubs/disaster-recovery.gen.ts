// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import { stubMethods } from "./methods";

/** The provider stub of DisasterRecovery (`pulumi-tpops/dist/stub/disaster-recovery.js`): methods that load `pulumi-tpops/provider` when called. */
export = stubMethods("disasterRecovery");
