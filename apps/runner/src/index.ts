export { main } from "./main.ts";
export { EXIT, type ExitCode } from "./cli/exit-codes.ts";
export type { Io } from "./cli/io.ts";
export { runnerConfigSchema, type RunnerConfig } from "./config/config-schema.ts";
export { configJsonSchema } from "./config/config-json-schema.ts";
