import { type AnyStrategy, loadStrategy } from "@argo/engine";
import { locatedStrategyError } from "./strategy-load-error.ts";

/** What loading the strategy a config names came to: the path it was for, and the strategy or the error. */
export interface StrategyLoad {
  path: string;
  baseDir: string;
  strategy?: AnyStrategy;
  /** Reported by validation at strategy.path; before that the strategy's config only lacks a schema to read it by. */
  error?: unknown;
}

/**
 * Loads the strategy at `path` (relative to `baseDir`, as the session resolves it); never throws. Undefined when the
 * config names none. buildRawConfig loads it to read `strategy.config` by its schema, validation reports this outcome.
 */
export async function loadConfigStrategy(path: unknown, baseDir: string): Promise<StrategyLoad | undefined> {
  if (typeof path !== "string" || path.length === 0) return undefined;
  try {
    return { path, baseDir, strategy: await loadStrategy(path, { baseDir }) };
  } catch (error) {
    // Where in the file it went wrong: the engine's message has the transpiler's or the throw's text, not the place.
    return { path, baseDir, error: locatedStrategyError(error, path, baseDir) };
  }
}

/** The outcome of loading `path` from `baseDir`: the one given when it was for exactly that, else a load now. */
export async function strategyLoadFor(given: StrategyLoad | undefined, path: unknown, baseDir: string): Promise<StrategyLoad | undefined> {
  if (given !== undefined && given.path === path && given.baseDir === baseDir) return given;
  return loadConfigStrategy(path, baseDir);
}
