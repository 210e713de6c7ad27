// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import { stubMethods } from "./methods";

/** The provider stub of DbRoleMembership (`pulumi-tpops/dist/stub/db-role-membership.js`): methods that load `pulumi-tpops/provider` when called. */
export = stubMethods("dbRoleMembership");
