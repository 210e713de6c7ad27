// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { providerStub, resourceOptions, resourceProps } from "../stub";
import { KeyPairOutputKeys, KeyPairSecretInputs, KeyPairSecretOutputs, type KeyPairArgs, type KeyPairOutputs } from "../types.gen";

const provider = providerStub("keyPair");

/** An SSH key pair the platform generates to log in to hosts (reference 4.8.1–4.8.5). Place `publicKey` in the hosts' `~/.ssh/authorized_keys`, then add hosts with `sshKeyId`. At most 20 key pairs exist on a platform: a create beyond that (the live ones plus the stack's new ones) is refused at preview. See docs/reference.md. */
export class KeyPair extends pulumi.dynamic.Resource {
  /** Whether the key pair was adopted. */
  declare readonly adopt: pulumi.Output<KeyPairOutputs["adopt"]>;
  /** Key algorithm. */
  declare readonly algorithm: pulumi.Output<KeyPairOutputs["algorithm"]>;
  /** Creation time as the platform reports it. */
  declare readonly createdAt: pulumi.Output<KeyPairOutputs["createdAt"]>;
  /** Description. */
  declare readonly description: pulumi.Output<KeyPairOutputs["description"]>;
  /** Whether delete forces removal while hosts use the key. */
  declare readonly forceDelete: pulumi.Output<KeyPairOutputs["forceDelete"]>;
  /** Number of hosts bound to the key pair, as last read. */
  declare readonly hostNums: pulumi.Output<KeyPairOutputs["hostNums"]>;
  /** Name. */
  declare readonly name: pulumi.Output<KeyPairOutputs["name"]>;
  /** The OpenSSH public key line (`ssh-rsa AAAA…`) for `authorized_keys`. */
  declare readonly publicKey: pulumi.Output<KeyPairOutputs["publicKey"]>;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  declare readonly site: pulumi.Output<KeyPairOutputs["site"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<KeyPairOutputs["timeouts"]>;

  /** Reads the existing KeyPair with this id into the program without managing it (nothing is created, changed or deleted). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): KeyPair {
    return new KeyPair(name, {} as KeyPairArgs, { ...opts, id });
  }

  /** Declares a KeyPair; `pulumi up` creates it (or, with `adopt: true` where offered, takes over the existing one). */
  constructor(name: string, args: KeyPairArgs = {}, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, "KeyPair", args, KeyPairOutputKeys, KeyPairSecretInputs, opts), resourceOptions(opts, KeyPairSecretOutputs), "tpops", "KeyPair");
  }
}
