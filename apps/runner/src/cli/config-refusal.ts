import { type ErrorCode, isArgoError } from "@argo/core";
import { EXIT, type ExitCode } from "./exit-codes.ts";

/**
 * Error codes that mean the configuration was refused before anything traded: the engine (or the registry) would not
 * start with it, as `argo validate` would refuse a bad file. Every command maps them to exit 3 alike.
 */
export const CONFIG_REFUSAL_CODES: readonly ErrorCode[] = ["INVALID_CONFIGURATION", "PROVIDER_NOT_FOUND", "PROVIDER_CONFLICT", "STRATEGY_INIT_FAILED"];

/** True for an Argo error whose code says the configuration was refused before trading. */
export function isConfigRefusal(error: unknown): boolean {
  return isArgoError(error) && CONFIG_REFUSAL_CODES.includes(error.code);
}

/** The exit code of an error that ended a command: 3 for a refused configuration, 1 for anything else. */
export function failureExit(error: unknown): ExitCode {
  return isConfigRefusal(error) ? EXIT.INVALID_CONFIG : EXIT.FAILURE;
}
