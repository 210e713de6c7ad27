// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import { stubMethods } from "./methods";

/** The provider stub of InspectionScene (`pulumi-tpops/dist/stub/inspection-scene.js`): methods that load `pulumi-tpops/provider` when called. */
export = stubMethods("inspectionScene");
