import { engineSettingsSchema } from "@argo/engine";
import { statusTokenSchema } from "@argo/status-api";
import * as v from "valibot";
import { calendarDay, isCalendarDay, utcDay } from "./calendar-day.ts";
import { DEFAULT_PROVIDERS } from "./session-providers.ts";

const providerSection = (what: string, fallback: string) =>
  v.strictObject({
    provider: v.optional(v.pipe(v.string(), v.nonEmpty(), v.description(`Registered ${what} provider name`)), fallback),
    config: v.optional(v.pipe(v.record(v.string(), v.unknown()), v.description(`Configuration of the ${what} provider (see \`argo schema <provider>\`)`)), {}),
  });

/** The `argo` configuration file (YAML or JSON), after `${VAR}` substitution and ARGO__ overrides. */
export const runnerConfigSchema = v.strictObject({
  engine: v.optional(
    v.strictObject({
      // The engine's own rule for symbols, so `argo validate` refuses exactly what the engine would.
      symbols: engineSettingsSchema.entries.symbols,
      // The engine's rule too (its message names the units); the engine has no default interval, the runner's is "1m".
      interval: v.optional(engineSettingsSchema.entries.interval, "1m"),
      market_data_cache_size: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000), v.description("Bars kept per symbol for history and indicators")), 1000),
      data_dir: v.optional(v.pipe(v.string(), v.nonEmpty(), v.description("Session directory: the bun:sqlite journal lives here")), "./.argo"),
      cancel_open_orders_on_stop: v.optional(v.pipe(v.boolean(), v.description("Cancel open orders when the session stops")), false),
      // The engine's rule and default, so `argo validate` refuses what the engine would.
      venue_call_timeout_ms: engineSettingsSchema.entries.venueCallTimeoutMs,
    }),
  ),
  market_data: v.optional(providerSection("market data", DEFAULT_PROVIDERS.marketData), { provider: DEFAULT_PROVIDERS.marketData, config: {} }),
  trading: v.optional(providerSection("trading", DEFAULT_PROVIDERS.trading), { provider: DEFAULT_PROVIDERS.trading, config: {} }),
  strategy: v.strictObject({
    path: v.pipe(v.string(), v.nonEmpty(), v.description("Strategy file (TypeScript or JavaScript) or package name")),
    config: v.optional(v.pipe(v.record(v.string(), v.unknown()), v.description("Configuration validated by the strategy's own schema")), {}),
  }),
  risk: v.optional(v.pipe(v.record(v.string(), v.unknown()), v.description("Risk limits (see `argo schema risk`)")), {}),
  status: v.optional(
    v.strictObject({
      enabled: v.optional(v.pipe(v.boolean(), v.description("Serve the status API and dashboard")), true),
      host: v.optional(v.pipe(v.string(), v.nonEmpty(), v.description("Bind address; anything but loopback needs a token")), "127.0.0.1"),
      port: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65_535), v.description("Port (0 picks a free one)")), 8787),
      // The status API's own rule, so `argo validate` refuses exactly the tokens `argo run` would.
      token: v.optional(v.pipe(statusTokenSchema, v.metadata({ writeOnly: true, "x-argo-secret": true }), v.description("Bearer token guarding everything but /health"))),
    }),
    { enabled: true, host: "127.0.0.1", port: 8787 },
  ),
  backtest: v.optional(
    v.pipe(
      v.strictObject({
        from: v.optional(v.pipe(v.string(), ...calendarDay("2010-01-31"), v.description("First bar date (inclusive)"))),
        to: v.optional(v.pipe(v.string(), ...calendarDay("2020-12-31"), v.description("Last bar date (exclusive)"))),
        output_dir: v.optional(v.pipe(v.string(), v.nonEmpty(), v.description("Folder the results are written into")), "./backtest-results"),
        progress: v.optional(v.pipe(v.boolean(), v.description("Show a progress bar on a terminal")), true),
        close_at_end: v.optional(
          v.pipe(
            v.union([v.literal("last-open"), v.literal("last-close"), v.literal(false)], 'must be "last-open", "last-close" or false'),
            v.description("Close what is still open after the last bar: at its open (backtesting.py's final pass), at its close, or not at all"),
          ),
          "last-open",
        ),
      }),
      // Run only when both are real days; the message names the days as written, not as milliseconds.
      v.forward(
        v.partialCheck(
          [["from"], ["to"]],
          // Days that are not real are reported at their own field, not again here.
          ({ from, to }) => from === undefined || to === undefined || !isCalendarDay(from) || !isCalendarDay(to) || utcDay(from) < utcDay(to),
          (issue) => `must be a later day than backtest.from (${(issue.input as { from?: string }).from}): the range runs from \`from\` up to, not including, \`to\``,
        ),
        ["to"],
      ),
    ),
    // A missing section parses as an empty one: the defaults above are the only place they are declared.
    {},
  ),
  plugins: v.optional(v.pipe(v.array(v.pipe(v.string(), v.nonEmpty())), v.description("Third-party provider packages to import")), []),
  log: v.optional(
    v.strictObject({
      level: v.optional(v.pipe(v.picklist(["trace", "debug", "info", "warn", "error", "fatal", "silent"]), v.description("Least severe log level written")), "info"),
      format: v.optional(
        v.pipe(v.picklist(["auto", "json", "pretty"]), v.description("auto: JSON lines, or human-readable on a terminal; json or pretty to force one")),
        "auto",
      ),
    }),
    { level: "info", format: "auto" },
  ),
});

/** The validated configuration file. */
export type RunnerConfig = v.InferOutput<typeof runnerConfigSchema>;
