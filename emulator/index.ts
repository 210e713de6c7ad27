/** The TPOPS emulator as a library: `import { startEmulator } from "pulumi-tpops/emulator"`. */
export { startEmulator } from "./server";
export type { EmulatorOptions, RunningEmulator } from "./server";
export type { EmulatorUser } from "./sessions";
export type { EmulatorContext } from "./router";
