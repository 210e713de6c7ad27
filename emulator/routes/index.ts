import type { EmulatorContext, Router } from "../router";
import { register as auth } from "./auth";
import { register as jobs } from "./jobs";

/** Every API area's `register` function; route authors add theirs here (one import + one entry). */
export const routeModules: ReadonlyArray<(r: Router, ctx: EmulatorContext) => void> = [auth, jobs];
