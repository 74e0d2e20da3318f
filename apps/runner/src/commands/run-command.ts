import { toArgoError } from "@argo/core";
import { LiveEngine } from "@argo/engine";
import { LatencyHistogram, serveStatusApi, type StatusServer } from "@argo/status-api";
import { resolve } from "node:path";
import { failureExit } from "../cli/config-refusal.ts";
import { EXIT, type ExitCode } from "../cli/exit-codes.ts";
import type { Io } from "../cli/io.ts";
import type { ParsedCli } from "../cli/parse-cli.ts";
import { DEMO_CONFIG_PATH } from "../config/build-raw-config.ts";
import { engineLogCallbacks } from "../logging/engine-log-callbacks.ts";
import { logRouteFailure } from "../logging/log-route-failure.ts";
import { confirmLive, liveAccountName } from "../safety/confirm-live.ts";
import { prepareSession } from "../session/prepare-session.ts";
import { RunnerSession } from "../session/runner-session.ts";
import { sessionEngineOptions, sessionLogger } from "../session/session-engine-options.ts";
import { timedTradingProvider } from "../session/timed-trading-provider.ts";
import { watchStreamEnd } from "../session/watch-stream-end.ts";

const SESSION_FLAGS = ["strategy", "strategy-config", "market-data-provider", "market-data-config", "trading-provider", "trading-config", "symbols", "interval"];

/** `argo run [config]`: a paper (default) or live session with the status API, until the stream ends or a signal stops it. */
export async function runCommand(cli: ParsedCli, io: Io): Promise<ExitCode> {
  // No config and no session flags: the embedded demo.
  const usesFlags = SESSION_FLAGS.some((flag) => cli.flags[flag] !== undefined);
  const path = cli.positionals[0] ?? (usesFlags ? undefined : DEMO_CONFIG_PATH);
  const prepared = await prepareSession(path, cli.flags, io, async (valid) => {
    if (valid.trading.info.isPaperTrading) return undefined;
    try {
      await confirmLive(valid.trading.info.name, liveAccountName(valid.trading.info.name, valid.trading.config), cli.flags.live === true, io);
      return undefined;
    } catch (error) {
      io.err(`argo: ${toArgoError(error).message}`);
      return EXIT.LIVE_NOT_CONFIRMED;
    }
    // A run replays no backtest range: its backtest section is not judged against the market data.
  }, { backtest: false });
  if (!prepared.ok) return prepared.exit as ExitCode;
  const { session } = prepared;
  const marketData = prepared.marketData;
  const { config } = session;
  const engineSettings = config.engine!;
  const log = sessionLogger(session, io);
  const mode = session.trading.info.isPaperTrading ? "paper" : "live";
  // The journal records the live account and refuses to resume another's (a paper venue's is its starting cash). Without
  // an account id in the config the confirmation name is the provider's: no account, so the venue name alone is compared.
  const tradingName = session.trading.info.name;
  const accountName = liveAccountName(tradingName, session.trading.config);
  const account = mode === "live" && accountName !== tradingName ? accountName : undefined;

  const latency = new LatencyHistogram();
  const trading = timedTradingProvider(prepared.trading, (ms) => latency.observe(ms));
  // The engine settles orders after the stream ends, before onEngineStop: /health says the feed is gone from its end.
  const watched = watchStreamEnd(marketData, () => runner.streamEnded());
  const engine = new LiveEngine({
    ...sessionEngineOptions(session, watched, trading, log),
    sessionDir: resolve(io.cwd, engineSettings.data_dir!),
    cancelOpenOrdersOnStop: engineSettings.cancel_open_orders_on_stop!,
    mode,
    ...(account === undefined ? {} : { account }),
  });
  const runner = new RunnerSession(
    {
      mode,
      symbols: engineSettings.symbols,
      interval: engineSettings.interval!,
      marketDataName: session.marketData.info.name,
      tradingName: session.trading.info.name,
      config: session.redacted,
      venueCallTimeoutMs: engineSettings.venue_call_timeout_ms!,
    },
    trading,
    engine,
    latency,
  );

  let server: StatusServer | undefined;
  const status = config.status!;
  if (status.enabled) {
    try {
      // Every secret of the config, not just the token: a provider may echo its key in an error or event.
      server = serveStatusApi(runner, {
        host: status.host!,
        port: status.port!,
        secrets: session.secrets,
        onError: logRouteFailure(log),
        ...(status.token ? { token: status.token } : {}),
      });
    } catch (error) {
      const argo = toArgoError(error);
      io.err(`argo: status API: ${argo.message}`);
      await marketData.close?.();
      // A refused bind (no token off loopback) is a config mistake; a port in use is a failure of this run.
      return failureExit(argo);
    }
    log.info({ url: server.url }, "status API and dashboard listening");
  }

  const stopping = new AbortController();
  const stop = (reason: string) => {
    if (!stopping.signal.aborted) {
      log.info({ reason }, "stopping");
      stopping.abort(reason);
    }
  };
  // A signal that came while the config was loading has already fired: a listener added now would never run.
  if (io.signal.aborted) stop(String(io.signal.reason ?? "signal"));
  else io.signal.addEventListener("abort", () => stop(String(io.signal.reason ?? "signal")), { once: true });
  // The log's reader gone (`argo run | head`, a dead log shipper: EPIPE): trading on with nobody seeing a line would
  // hide every fill, halt and error, so the session stops as a signal stops it (open orders cancelled when the config
  // says so, the journal closed with all it recorded) and the exit code says it failed.
  let outputLost: string | undefined;
  const loseOutput = (reason: unknown) => {
    outputLost ??= toArgoError(reason).message;
    stop(`log output lost: ${outputLost}`);
  };
  const lost = io.outputLost;
  if (lost?.aborted) loseOutput(lost.reason);
  else lost?.addEventListener("abort", () => loseOutput(lost.reason), { once: true });
  // The engine tells a fatal error through onEngineStop (logged there): the catch below logs only one it never reached.
  let stopLogged = false;
  const logged = engineLogCallbacks(log);
  const onEngineStop = logged.onEngineStop!;
  logged.onEngineStop = (error) => {
    stopLogged ||= error !== undefined;
    return onEngineStop(error);
  };
  try {
    const result = await engine.run(stopping.signal, runner.callbacks(logged));
    // Why it stopped, as the journal's sessions table records it: a signal's name, or the log output lost.
    const reason = result.status === "aborted" ? { reason: String(result.abortReason) } : {};
    log.info({ status: result.status, ...reason, bars: result.counters.bars, orders: result.counters.ordersPlaced, fills: result.counters.fills, equity: result.equity }, "session ended");
    // Stopped because nobody could read its log: a failure, whatever the engine made of the stop.
    return outputLost === undefined ? EXIT.OK : EXIT.FAILURE;
  } catch (error) {
    const argo = toArgoError(error);
    if (argo.code === "CONTEXT_CANCELLED" && stopping.signal.aborted) {
      // Stopped by the signal before the engine had started: nothing ran, and nothing failed (unless the log was lost).
      log.info({ status: "aborted", reason: String(stopping.signal.reason) }, "session ended");
      return outputLost === undefined ? EXIT.OK : EXIT.FAILURE;
    }
    if (!stopLogged) log.error({ code: argo.code }, argo.message);
    // The engine refuses its configuration (another session holding data_dir, a strategy config it rejects or its init
    // throws on) before anything trades: a config mistake, exit 3 as `argo backtest` gives for the same, not a failed run.
    return failureExit(argo);
  } finally {
    await server?.stop();
    await marketData.close?.();
    log.flush();
  }
}
