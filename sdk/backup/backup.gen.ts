// DO NOT EDIT: generated from schema.json by scripts/gen.mjs (`make build`).

import * as pulumi from "@pulumi/pulumi";
import { providerStub, resourceOptions, resourceProps } from "../stub";
import { BackupOutputKeys, BackupSecretInputs, BackupSecretOutputs, type BackupArgs, type BackupOutputs } from "../types.gen";

const provider = providerStub("backup");

/** A manual backup of an instance (reference 4.2.7; read through 4.2.15, differential ones through 4.2.12; deleted with 4.2.8). Creating it starts the backup job and waits for it (the instance is `BACKING UP` meanwhile); a failed job is recorded as a partial create and the next `pulumi up` replaces it. Every input replaces the resource (4.2 has no call that changes a backup). A backup deleted outside the stack drops from the state at refresh and `pulumi up` takes a new one. Deleting the resource deletes the backup; XBSA manual backups cannot be deleted (4.2.8 "XBSA的手动备份目前不支持删除"), which the delete says. Deleting the instance first (outside the stack) removes its backups with it unless it kept them (Instance `deletion.keepFullBackupDays`). See docs/reference.md. */
export class Backup extends pulumi.dynamic.Resource {
  /** Whether the backup was adopted. */
  declare readonly adopt: pulumi.Output<BackupOutputs["adopt"]>;
  /** Backup id (also the resource id): what `Instance.restoreFrom.backupId` takes. */
  declare readonly backupId: pulumi.Output<BackupOutputs["backupId"]>;
  /** `completed`, `differential` or `log`. */
  declare readonly backupType: pulumi.Output<BackupOutputs["backupType"]>;
  /** When the backup began, ISO 8601 UTC. */
  declare readonly beginTime: pulumi.Output<BackupOutputs["beginTime"]>;
  /** Description. */
  declare readonly description: pulumi.Output<BackupOutputs["description"]>;
  /** When the backup ended, ISO 8601 UTC. */
  declare readonly endTime: pulumi.Output<BackupOutputs["endTime"]>;
  /** Engine version of the backed-up instance. */
  declare readonly engineVersion: pulumi.Output<BackupOutputs["engineVersion"]>;
  /** Instance id. */
  declare readonly instanceId: pulumi.Output<BackupOutputs["instanceId"]>;
  /** Backup name. */
  declare readonly name: pulumi.Output<BackupOutputs["name"]>;
  /** The site the resource lives on (absent: the `tpops:endpoint` platform). */
  declare readonly site: pulumi.Output<BackupOutputs["site"]>;
  /** Size in MB, as last read. */
  declare readonly sizeMb: pulumi.Output<BackupOutputs["sizeMb"]>;
  /** `COMPLETED` or `FAILED` (`BUILDING` while the job runs), as last read. */
  declare readonly status: pulumi.Output<BackupOutputs["status"]>;
  /** Waiting limits. */
  declare readonly timeouts: pulumi.Output<BackupOutputs["timeouts"]>;

  /** Reads the existing Backup with this id into the program without managing it (nothing is created, changed or deleted). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): Backup {
    return new Backup(name, {} as BackupArgs, { ...opts, id });
  }

  /** Declares a Backup; `pulumi up` creates it (or, with `adopt: true` where offered, takes over the existing one). */
  constructor(name: string, args: BackupArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, resourceProps(name, "Backup", args, BackupOutputKeys, BackupSecretInputs, opts), resourceOptions(opts, BackupSecretOutputs), "tpops", "Backup");
  }
}
