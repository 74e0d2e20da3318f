import "./register.ts";

export { replayProviderDefinition } from "./replay/replay-definition.ts";
export { createReplayProvider } from "./replay/create-replay-provider.ts";
export { ReplayProvider } from "./replay/replay-provider.ts";
export {
  replayConfigSchema,
  replayFileSchema,
  columnsSchema,
  BAR_FIELDS,
  FILE_FORMATS,
  TIME_FORMATS,
  type BarField,
  type ReplayConfig,
  type ReplayConfigInput,
  type ReplayFileConfig,
} from "./replay/replay-config.ts";
export { simulatedProviderDefinition } from "./simulated/simulated-definition.ts";
export { createSimulatedProvider } from "./simulated/create-simulated-provider.ts";
export { SimulatedProvider } from "./simulated/simulated-provider.ts";
export {
  simulatedConfigSchema,
  PATTERNS,
  DEFAULT_START_TIME,
  type Pattern,
  type SimulatedConfig,
  type SimulatedConfigInput,
} from "./simulated/simulated-config.ts";
export { parseIsoTime } from "./shared/parse-iso-time.ts";
export { PACKAGE_NAME } from "./package-info.ts";
