// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { providerStub, resourceOptions, resourceProps } from "../stub";
import { InstanceLabelsOutputKeys, InstanceLabelsSecretInputs, InstanceLabelsSecretOutputs, type InstanceLabelsArgs, type InstanceLabelsOutputs } from "../types.gen";

const provider = providerStub("instanceLabels");

/** Labels of an instance, kept in its extension information (reference 4.11.1 "设置实例扩展信息" `key` / `value`, read one key at a time through 4.11.2). Only the keys in `labels` are owned: other keys may change without drift, and one key has one owner in a stack (a second InstanceLabels naming it is refused at preview). Create records the value each key had (`originalLabels`; a warning names the keys that had one) and delete, or dropping a key from `labels`, puts that value back. The reference has no call that removes a key: a key that did not exist before stays with its last value after delete, and the delete says so by name. Refresh sees a value edited out of band; `pulumi up` sets it again. Extension information is also where the platform keeps settings of its own (the reference's example key is `BackupSet`, an XBSA configuration path): use keys of your own. Id `<instanceId>/labels/<hash>`. See docs/reference.md. */
export class InstanceLabels extends pulumi.dynamic.Resource {
  /** Instance id. */
  declare readonly instanceId: pulumi.Output<InstanceLabelsOutputs["instanceId"]>;
  /** The owned keys' values, as last read (a key without a value reads as absent). */
  declare readonly labels: pulumi.Output<InstanceLabelsOutputs["labels"]>;
  /** The value each owned key had before this resource first set it (keys that had none are absent); restored on delete. */
  declare readonly originalLabels: pulumi.Output<InstanceLabelsOutputs["originalLabels"]>;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  declare readonly site: pulumi.Output<InstanceLabelsOutputs["site"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<InstanceLabelsOutputs["timeouts"]>;

  /** Reads the existing InstanceLabels with this id into the program without managing it (nothing is created, changed or deleted). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): InstanceLabels {
    return new InstanceLabels(name, {} as InstanceLabelsArgs, { ...opts, id });
  }

  /** Declares a InstanceLabels; `pulumi up` creates it (or, with `adopt: true` where offered, takes over the existing one). */
  constructor(name: string, args: InstanceLabelsArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, "InstanceLabels", args, InstanceLabelsOutputKeys, InstanceLabelsSecretInputs, opts), resourceOptions(opts, InstanceLabelsSecretOutputs), "tpops", "InstanceLabels");
  }
}
