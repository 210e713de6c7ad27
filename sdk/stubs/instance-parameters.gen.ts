// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import { stubMethods } from "./methods";

/** The provider stub of InstanceParameters (`pulumi-tpops/dist/stub/instance-parameters.js`): methods that load `pulumi-tpops/provider` when called. */
export = stubMethods("instanceParameters");
