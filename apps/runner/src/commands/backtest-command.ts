import { type BacktestResult, type EngineCallbacks, STATISTIC_LABELS, formatStatistic, runBacktest, runProblems, writeBacktestResults } from "@argo/engine";
import { resolve } from "node:path";
import type { Logger as Pino } from "pino";
import { EXIT, type ExitCode } from "../cli/exit-codes.ts";
import type { Io } from "../cli/io.ts";
import type { ParsedCli } from "../cli/parse-cli.ts";
import { UsageError } from "../cli/usage-error.ts";
import { checkOutputFolder } from "./check-output-folder.ts";
import { utcDay } from "../config/calendar-day.ts";
import { engineLogCallbacks } from "../logging/engine-log-callbacks.ts";
import { sessionEngineOptions, sessionLogger } from "../session/session-engine-options.ts";
import { prepareSession } from "../session/prepare-session.ts";
import { scrubbedError } from "../session/scrubbed-error.ts";

/** Date flags and config values are UTC days (validation has made sure each is a real one). */
const day = (text: string | undefined) => (text ? utcDay(text) : undefined);

/** `argo backtest [config]`: the strategy over history in virtual time; writes the results folder and prints a summary. */
export async function backtestCommand(cli: ParsedCli, io: Io): Promise<ExitCode> {
  const path = cli.positionals[0];
  if (!path && typeof cli.flags.strategy !== "string") throw new UsageError("name a config file, or pass at least --strategy and --symbols", "backtest");
  // A backtest serves no status API: its bind settings are no reason to refuse one.
  const prepared = await prepareSession(path, cli.flags, io, undefined, { serveStatus: false });
  if (!prepared.ok) return prepared.exit as ExitCode;
  const { session, marketData, trading } = prepared;
  const { config } = session;
  const engine = config.engine!;
  const settings = config.backtest;
  const log = sessionLogger(session, io);
  const from = day(settings.from);
  const to = day(settings.to);
  // Checked before the run: a long backtest must not end in a folder it cannot write.
  const folder = resolve(io.cwd, settings.output_dir);
  checkOutputFolder(folder);
  let result: BacktestResult;
  try {
    result = await runBacktest(
      {
        ...sessionEngineOptions(session, marketData, trading, log),
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
        closeAtEnd: settings.close_at_end,
        // The bar only draws on a terminal; results are identical either way.
        progress: settings.progress && io.interactive ? "auto" : false,
      },
      problemLogCallbacks(log),
      io.signal,
    );
  } catch (error) {
    // What escapes goes to main, which prints it as it is: a provider may have echoed its key. The code is kept, so a
    // configuration error is still exit 3.
    throw scrubbedError(error, session.secrets);
  }
  // In the log once each, so a log read later holds them as well as the summary below.
  for (const warning of result.warnings) log.warn(warning);
  // A second Ctrl-C must not leave a folder half written: what the run recorded would be lost.
  const write = () => writeBacktestResults(folder, result, `${session.strategy.name} on ${engine.symbols.join(", ")}`);
  const files = await (io.uninterrupted ? io.uninterrupted(write) : write());
  const rows = STATISTIC_LABELS.map(({ key, label, kind }) => [label, formatStatistic(result.statistics[key] as number | null, kind)] as const);
  const width = Math.max(...rows.map(([label]) => label.length));
  io.out(
    [
      `backtest ${result.status}: ${session.strategy.name} on ${engine.symbols.join(", ")} @ ${engine.interval}, ${result.bars} bars`,
      ...problems(result, log),
      ...result.warnings.map((warning) => `  warning: ${warning}`),
      ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
      `results: ${folder}`,
      ...Object.values(files).map((file) => `  ${file}`),
    ].join("\n"),
  );
  return result.status === "completed" ? EXIT.OK : EXIT.FAILURE;
}

/**
 * The log lines of what can change a backtest's result behind its back: strategy failures, refused orders, trading
 * state changes, non-fatal errors. Not every order and fill: a backtest places thousands.
 */
function problemLogCallbacks(log: Pino): EngineCallbacks {
  const { onStrategyError, onOrderRejected, onTradingStateChange, onError } = engineLogCallbacks(log);
  return { onStrategyError, onOrderRejected, onTradingStateChange, onError };
}

/**
 * Summary lines of those problems (counted whatever the log level), none for a clean run. They point at the log only when
 * it holds them: strategy errors are logged at error level, the rest (refused orders, state changes, other errors) as
 * warnings, gone at `--log-level error` or `silent`.
 */
function problems(result: BacktestResult, log: Pino): string[] {
  const run = { ...result.counters, tradingState: result.tradingState };
  const found = runProblems(run);
  if (found.length === 0) return [];
  const inLog = log.isLevelEnabled("warn") || (log.isLevelEnabled("error") && runProblems({ ...run, strategyErrors: 0 }).length === 0);
  return [`  warning: ${found.join(", ")} (${inLog ? "see the log" : `the log at level ${log.level} leaves them out: run with --log-level warn to see them`})`];
}
