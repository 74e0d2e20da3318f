import * as v from "valibot";
import { type RunnerConfig, runnerConfigSchema } from "./config-schema.ts";

/** The backtest section of a validated config, every default filled in. */
export type BacktestSettings = NonNullable<RunnerConfig["backtest"]>;

/**
 * The config's backtest section, or when it has none the section an empty one parses to: the schema stays the one
 * place the defaults are declared, so a default changed there cannot disagree with `argo backtest`.
 */
export function backtestSettings(config: RunnerConfig): BacktestSettings {
  return config.backtest ?? v.parse(runnerConfigSchema.entries.backtest.wrapped, {});
}
