// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { providerStub, resourceOptions, resourceProps } from "../stub";
import { WdrSnapshotsOutputKeys, WdrSnapshotsSecretInputs, WdrSnapshotsSecretOutputs, type WdrSnapshotsArgs, type WdrSnapshotsOutputs } from "../types.gen";

const provider = providerStub("wdrSnapshots");

/** The WDR snapshot switch of an instance (reference 4.5.8 "打开或者关闭 WDR 快照开关,开启后内核将定期生成快照", read through 4.5.7). A settings resource: an instance has one switch, so a stack holds one WdrSnapshots per instance (a second one for the same instance id is refused at preview). Create records the switch as it was (`originalEnabled`; a warning says so when someone had turned it on by hand) and sets `enabled`; delete turns it back to that state. Refresh sees the switch flipped out of band; `pulumi up` sets it again. The switch is a kernel setting: the instance must be idle, running and not failed when it changes. Id `<instanceId>/wdr-snapshots`. See docs/reference.md. */
export class WdrSnapshots extends pulumi.dynamic.Resource {
  /** Whether the switch is ON, as last read (4.5.7 `status`). */
  declare readonly enabled: pulumi.Output<WdrSnapshotsOutputs["enabled"]>;
  /** Time of the earliest snapshot the kernel generated (4.5.7 `start_time`, e.g. `2023-07-24 18:38:10.119531+08`); absent while there is none. */
  declare readonly firstSnapshotTime: pulumi.Output<WdrSnapshotsOutputs["firstSnapshotTime"]>;
  /** Instance id. */
  declare readonly instanceId: pulumi.Output<WdrSnapshotsOutputs["instanceId"]>;
  /** Whether the switch was ON before this resource first set it; restored on delete. */
  declare readonly originalEnabled: pulumi.Output<WdrSnapshotsOutputs["originalEnabled"]>;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  declare readonly site: pulumi.Output<WdrSnapshotsOutputs["site"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<WdrSnapshotsOutputs["timeouts"]>;

  /** Reads the existing WdrSnapshots with this id into the program without managing it (nothing is created, changed or deleted). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): WdrSnapshots {
    return new WdrSnapshots(name, {} as WdrSnapshotsArgs, { ...opts, id });
  }

  /** Declares a WdrSnapshots; `pulumi up` creates it (or, with `adopt: true` where offered, takes over the existing one). */
  constructor(name: string, args: WdrSnapshotsArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, "WdrSnapshots", args, WdrSnapshotsOutputKeys, WdrSnapshotsSecretInputs, opts), resourceOptions(opts, WdrSnapshotsSecretOutputs), "tpops", "WdrSnapshots");
  }
}
