import { createProviderFromParsed, type MarketDataProvider, type TradingProvider } from "@argo/core";
import { EXIT } from "../cli/exit-codes.ts";
import type { Io } from "../cli/io.ts";
import { buildRawConfig } from "../config/build-raw-config.ts";
import { flagValueIssues } from "../config/flag-value-issues.ts";
import { formatIssues } from "../config/format-issues.ts";
import { type ValidateOptions, type ValidSession, validateConfig } from "../config/validate-config.ts";
import { scrubbedError } from "./scrubbed-error.ts";

/** A validated session with its providers created, or the exit code and message of why not. */
export type Prepared =
  | { ok: true; session: ValidSession; trading: TradingProvider; marketData: MarketDataProvider }
  | { ok: false; exit: number };

/** A check between validation and provider creation; resolves with an exit code to stop there, or undefined to go on. */
export type BeforeCreate = (session: ValidSession) => Promise<number | undefined>;

/**
 * Checks the flags' values, then reads and validates the config (printing every problem, under the file's name or "command line" without one), runs
 * `beforeCreate` (the live-trading confirmation: no real-money provider is even constructed before it), then creates
 * both providers through the registry from the configs validation parsed (each parsed exactly once). An error creating them is rethrown with its code, scrubbed of the session's secrets.
 */
export async function prepareSession(
  path: string | undefined,
  flags: Record<string, string | boolean | string[] | undefined>,
  io: Io,
  beforeCreate?: BeforeCreate,
  options: ValidateOptions = {},
): Promise<Prepared> {
  // A bad flag value is the command line's mistake: named by its flag, before the file or anything it names is read.
  const flagIssues = flagValueIssues(flags);
  if (flagIssues.length > 0) {
    io.err(formatIssues("command line", flagIssues));
    return { ok: false, exit: EXIT.INVALID_CONFIG };
  }
  const raw = await buildRawConfig(path, flags, io.env, io.cwd);
  // What a --*-config flag dropped of the file's section: said before anything starts, as the run will not use it.
  for (const notice of raw.notices ?? []) io.err(`argo: ${notice}`);
  const outcome = await validateConfig(raw, options);
  if (!outcome.ok) {
    io.err(formatIssues(path ?? "command line", outcome.issues));
    return { ok: false, exit: EXIT.INVALID_CONFIG };
  }
  const { session } = outcome;
  const stop = await beforeCreate?.(session);
  if (stop !== undefined) return { ok: false, exit: stop };
  try {
    // The configs are validation's output: parsing them again would run a schema's transforms a second time.
    const trading = await createProviderFromParsed("trading", session.trading.info.name, session.trading.config);
    const marketData = await createProviderFromParsed("market-data", session.marketData.info.name, session.marketData.config);
    return { ok: true, session, trading, marketData };
  } catch (error) {
    // A factory (or the SDK it wraps) may put the key it was given in its error; main prints what escapes as it is.
    throw scrubbedError(error, session.secrets);
  }
}
