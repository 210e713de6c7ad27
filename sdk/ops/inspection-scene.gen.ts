// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { providerStub, resourceOptions, resourceProps } from "../stub";
import { InspectionSceneOutputKeys, InspectionSceneSecretInputs, InspectionSceneSecretOutputs, type InspectionSceneArgs, type InspectionSceneOutputs } from "../types.gen";

const provider = providerStub("inspectionScene");

/** A daily-inspection scene (reference 4.10.13 create, 4.10.12 list, 4.10.15 change, 4.10.14 delete): a named set of inspection items that tasks take (InspectionTask `scene`). Name and items change in place (4.10.15 `name` → `modify_name`, `item_ids`). Delete removes the scene; the reference states no refusal for a scene a task uses and tasks hold item ids, not the scene, so such tasks keep their items: a task of the same program that names the scene through its `name` output is destroyed first, and the delete warns about any other task that still shows the scene (4.10.1 `scene`). Id: the scene id of 4.10.12 (the name when the platform lists none). See docs/reference.md. */
export class InspectionScene extends pulumi.dynamic.Resource {
  /** Whether the scene was adopted. */
  declare readonly adopt: pulumi.Output<InspectionSceneOutputs["adopt"]>;
  /** Whether the platform marks the scene as a default one (4.10.12 `is_default`). */
  declare readonly isDefault: pulumi.Output<InspectionSceneOutputs["isDefault"]>;
  /** Inspection items, as the platform holds them. */
  declare readonly itemIds: pulumi.Output<InspectionSceneOutputs["itemIds"]>;
  /** Scene name. */
  declare readonly name: pulumi.Output<InspectionSceneOutputs["name"]>;
  /** Scene id (4.10.12 `scene_id`), absent when the platform lists none. */
  declare readonly sceneId: pulumi.Output<InspectionSceneOutputs["sceneId"]>;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  declare readonly site: pulumi.Output<InspectionSceneOutputs["site"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<InspectionSceneOutputs["timeouts"]>;

  /** Reads the existing InspectionScene with this id into the program without managing it (nothing is created, changed or deleted). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): InspectionScene {
    return new InspectionScene(name, {} as InspectionSceneArgs, { ...opts, id });
  }

  /** Declares a InspectionScene; `pulumi up` creates it (or, with `adopt: true` where offered, takes over the existing one). */
  constructor(name: string, args: InspectionSceneArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, "InspectionScene", args, InspectionSceneOutputKeys, InspectionSceneSecretInputs, opts), resourceOptions(opts, InspectionSceneSecretOutputs), "tpops", "InspectionScene");
  }
}
