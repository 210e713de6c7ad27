/** The TPOPS emulator as a library: `import { startEmulator } from "pulumi-tpops/emulator"`. */
export { startEmulator } from "./server";
export type { EmulatorOptions, RunningEmulator } from "./server";
export type { EmulatorUser } from "./sessions";
export type { EmulatorContext } from "./router";
export { startSites } from "./sites";
export type { RunningSites, SiteOptions, SitesOptions } from "./sites";
export { SimulatedNetwork } from "./network";
export type { SiteLink, SiteRegion } from "./network";
/** A site's handle: what `startEmulator` returns. */
export type { RunningEmulator as EmulatorHandle } from "./server";
/** The `tpops-emulator` command (dist/emulator/cli.js runs it from this bundle). */
export { main as cliMain } from "./cli-lib";
