// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { providerStub, resourceOptions, resourceProps } from "../stub";
import { DisasterRecoveryOutputKeys, DisasterRecoverySecretInputs, DisasterRecoverySecretOutputs, type DisasterRecoveryArgs, type DisasterRecoveryOutputs } from "../types.gen";

const provider = providerStub("disasterRecovery");

/** The disaster-recovery relationship of a primary instance with a standby instance, usually on another site (reference 4.18). Created from the primary's side (`site`: 4.18.4 construct, waiting on its job); read through 4.18.2 (the relation, by its synchronization id, with the roles as they are now) and 4.18.3 (the monitor). In place: `name` (4.18.1), `drill` (4.18.9 start / 4.18.10 stop, issued on the DR side, on `standbySite`) and `keepLog` (4.18.11 / 4.18.12, on the primary side). The reference prints no field that shows a drill or log keeping, so refresh keeps their last applied values. Failover, switchover and fail-back (4.18.5, 4.18.7, 4.18.8) are operations: run `npx tpops dr …`; afterwards `pulumi refresh` shows the new `role` and plans no replacement. Deleting releases the relationship (4.18.6, on whichever instance is primary then) and deletes its records on both sites (4.18.14); the instances stay. See docs/reference.md. */
export class DisasterRecovery extends pulumi.dynamic.Resource {
  /** Whether the relationship was adopted. */
  declare readonly adopt: pulumi.Output<DisasterRecoveryOutputs["adopt"]>;
  /** `stream` or `dorado`. */
  declare readonly disasterType: pulumi.Output<DisasterRecoveryOutputs["disasterType"]>;
  /** Whether a drill runs, as last applied. */
  declare readonly drill: pulumi.Output<DisasterRecoveryOutputs["drill"]>;
  /** The instance the relationship was built from. */
  declare readonly instanceId: pulumi.Output<DisasterRecoveryOutputs["instanceId"]>;
  /** Whether log keeping runs, as last applied. */
  declare readonly keepLog: pulumi.Output<DisasterRecoveryOutputs["keepLog"]>;
  /** The DR status of `instanceId` from the monitor (4.18.3), as last read. */
  declare readonly monitorStatus: pulumi.Output<DisasterRecoveryOutputs["monitorStatus"]>;
  /** DR task name. */
  declare readonly name: pulumi.Output<DisasterRecoveryOutputs["name"]>;
  /** The primary instance now (after a switchover or failover, the former standby). */
  declare readonly primaryInstanceId: pulumi.Output<DisasterRecoveryOutputs["primaryInstanceId"]>;
  /** The role of `instanceId` now: `master` or `disaster` (4.18.2). */
  declare readonly role: pulumi.Output<DisasterRecoveryOutputs["role"]>;
  /** Recovery point objective from the monitor (4.18.3), as last read. */
  declare readonly rpo: pulumi.Output<DisasterRecoveryOutputs["rpo"]>;
  /** Recovery time objective from the monitor (4.18.3), as last read. */
  declare readonly rto: pulumi.Output<DisasterRecoveryOutputs["rto"]>;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  declare readonly site: pulumi.Output<DisasterRecoveryOutputs["site"]>;
  /** Data IP the relationship was built with. */
  declare readonly standbyDataIp: pulumi.Output<DisasterRecoveryOutputs["standbyDataIp"]>;
  /** The DR (standby) instance now. */
  declare readonly standbyInstanceId: pulumi.Output<DisasterRecoveryOutputs["standbyInstanceId"]>;
  /** Password of the standby's account. (secret) */
  declare readonly standbyPassword: pulumi.Output<DisasterRecoveryOutputs["standbyPassword"]>;
  /** The standby's site. */
  declare readonly standbySite: pulumi.Output<DisasterRecoveryOutputs["standbySite"]>;
  /** Account on the standby. */
  declare readonly standbyUser: pulumi.Output<DisasterRecoveryOutputs["standbyUser"]>;
  /** The relation's record status (4.18.2), as last read. */
  declare readonly status: pulumi.Output<DisasterRecoveryOutputs["status"]>;
  /** The relationship's unique id (4.18.2 `synchronization_id`; also the resource id). */
  declare readonly synchronizationId: pulumi.Output<DisasterRecoveryOutputs["synchronizationId"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<DisasterRecoveryOutputs["timeouts"]>;
  /** Log keeping ratio. */
  declare readonly xlogKeepRatio: pulumi.Output<DisasterRecoveryOutputs["xlogKeepRatio"]>;

  /** Reads the existing DisasterRecovery with this id into the program without managing it (nothing is created, changed or deleted). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): DisasterRecovery {
    return new DisasterRecovery(name, {} as DisasterRecoveryArgs, { ...opts, id });
  }

  /** Declares a DisasterRecovery; `pulumi up` creates it (or, with `adopt: true` where offered, takes over the existing one). */
  constructor(name: string, args: DisasterRecoveryArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, "DisasterRecovery", args, DisasterRecoveryOutputKeys, DisasterRecoverySecretInputs, opts), resourceOptions(opts, DisasterRecoverySecretOutputs), "tpops", "DisasterRecovery");
  }
}
