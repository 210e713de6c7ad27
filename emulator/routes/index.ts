import type { EmulatorContext, Router } from "../router";
import { register as auth } from "./auth";
import { register as dataCenters } from "./infra/data-centers";
import { register as hosts } from "./infra/hosts";
import { register as jobs } from "./jobs";
import { register as keyPairs } from "./infra/key-pairs";
import { register as instances } from "./instance/instances";
import { register as parameters } from "./instance/parameters";
import { register as backups } from "./backup/backups";
import { register as engineVersions } from "./instance/engine-versions";
import { register as databaseObjects } from "./database";
import { register as backupRestore } from "./backup/backup-restore";
import { register as instanceSwitches } from "./ops/instance-switches";
import { register as inspections } from "./ops/inspections";
import { register as sqlThrottling } from "./ops/sql-throttling";
import { register as sqlPatches } from "./ops/sql-patches";
import { register as takeover } from "./instance/takeover";
import { register as disasterRecovery } from "./dr/disaster-recovery";

/** Every API area's `register` function; route authors add theirs here (one import + one entry). */
export const routeModules: ReadonlyArray<(r: Router, ctx: EmulatorContext) => void> = [auth, jobs, dataCenters, keyPairs, hosts, instances, parameters, backups, engineVersions, databaseObjects, instanceSwitches, inspections, sqlThrottling, sqlPatches, backupRestore, takeover, disasterRecovery];
