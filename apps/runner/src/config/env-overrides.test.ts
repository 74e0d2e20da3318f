import "@argo/provider-paper";
import "@argo/provider-replay";
import { describe, expect, test } from "bun:test";
import * as v from "valibot";
import { configSchemaLookup } from "./config-schema-at.ts";
import { applyEnvOverrides } from "./env-overrides.ts";

test("ARGO__SECTION__KEY overrides keys with typed values, matching existing spellings", () => {
  const config = { engine: { interval: "1m", symbols: ["A"] }, trading: { provider: "paper", config: { initialCapital: 1000 } } };
  const out = applyEnvOverrides(config, {
    ARGO__ENGINE__INTERVAL: "5m",
    ARGO__TRADING__CONFIG__INITIAL_CAPITAL: "2500.5",
    ARGO__STATUS__ENABLED: "false",
    ARGO__STATUS__PORT: "9000",
    UNRELATED: "x",
  });
  expect(out).toEqual({
    engine: { interval: "5m", symbols: ["A"] },
    trading: { provider: "paper", config: { initialCapital: 2500.5 } },
    status: { enabled: false, port: 9000 },
  });
  // The input is not modified.
  expect(config.engine.interval).toBe("1m");
});

describe("ARGO__ names resolved against the schema's keys", () => {
  // The paper and simulated providers register themselves; their config schemas declare initialCapital and barDelayMs.
  const schemaAt = configSchemaLookup({ trading: "paper", marketData: "simulated" });

  test("the README's example sets a provider's camelCase key the file does not have", () => {
    const out = applyEnvOverrides({}, {
      ARGO__TRADING__CONFIG__INITIAL_CAPITAL: "5000",
      ARGO__MARKET_DATA__CONFIG__BAR_DELAY_MS: "25",
      ARGO__RISK__MAX_ORDER_VALUE: "1000",
      ARGO__ENGINE__MARKET_DATA_CACHE_SIZE: "50",
    }, schemaAt);
    expect(out).toEqual({
      trading: { config: { initialCapital: 5000 } },
      market_data: { config: { barDelayMs: 25 } },
      risk: { maxOrderValue: 1000 },
      engine: { market_data_cache_size: 50 },
    });
  });

  test("a list field takes a YAML flow sequence or a comma list", () => {
    expect(applyEnvOverrides({}, { ARGO__ENGINE__SYMBOLS: "[BTCUSD, ETHUSD]" }, schemaAt)).toEqual({ engine: { symbols: ["BTCUSD", "ETHUSD"] } });
    expect(applyEnvOverrides({}, { ARGO__ENGINE__SYMBOLS: "BTCUSD, ETHUSD" }, schemaAt)).toEqual({ engine: { symbols: ["BTCUSD", "ETHUSD"] } });
    expect(applyEnvOverrides({}, { ARGO__PLUGINS: "argo-provider-foo" }, schemaAt)).toEqual({ plugins: ["argo-provider-foo"] });
  });

  test("a text field keeps digits as text; a choice of text or false gets false; numbers stay numbers", () => {
    const out = applyEnvOverrides({}, {
      ARGO__STATUS__TOKEN: "4815162342108888",
      ARGO__STATUS__PORT: "9000",
      ARGO__BACKTEST__CLOSE_AT_END: "false",
      ARGO__BACKTEST__FROM: "2020-01-01",
      ARGO__LOG__LEVEL: "debug",
    }, schemaAt);
    expect(out).toEqual({ status: { token: "4815162342108888", port: 9000 }, backtest: { close_at_end: false, from: "2020-01-01" }, log: { level: "debug" } });
  });

  test("where no schema key matches (a strategy's config), the file's spelling, else the lower-cased name", () => {
    const out = applyEnvOverrides({ strategy: { path: "s.ts", config: { fastPeriod: 5 } } }, {
      ARGO__STRATEGY__CONFIG__FAST_PERIOD: "8",
      ARGO__STRATEGY__CONFIG__SLOW: "21",
    }, schemaAt);
    expect(out).toEqual({ strategy: { path: "s.ts", config: { fastPeriod: 8, slow: 21 } } });
  });
});

describe("ARGO__ names under strategy.config, resolved against the strategy's config schema", () => {
  // The shape of the SMA example's config: camelCase keys, and a choice of sizing shapes.
  const strategyConfig = v.pipe(
    v.strictObject({
      fast: v.optional(v.number(), 10),
      sizing: v.optional(v.union([v.strictObject({ equityFraction: v.number() }), v.strictObject({ quoteAmount: v.number() })])),
      label: v.optional(v.string()),
      account: v.optional(v.union([v.strictObject({ accountId: v.string() }), v.strictObject({ subaccount: v.string() })])),
    }),
    v.check(() => true),
  );
  const schemaAt = configSchemaLookup({ trading: "paper", marketData: "simulated" }, strategyConfig);

  test("a key the file does not have is spelt as the schema declares it, inside a choice of shapes too", () => {
    const out = applyEnvOverrides({ strategy: { path: "s.ts", config: { fast: 5 } } }, {
      ARGO__STRATEGY__CONFIG__SIZING__EQUITYFRACTION: "0.5",
      ARGO__STRATEGY__CONFIG__FAST: "8",
    }, schemaAt);
    expect(out).toEqual({ strategy: { path: "s.ts", config: { fast: 8, sizing: { equityFraction: 0.5 } } } });
    expect(applyEnvOverrides({}, { ARGO__STRATEGY__CONFIG__SIZING__QUOTE_AMOUNT: "250" }, schemaAt)).toEqual({ strategy: { config: { sizing: { quoteAmount: 250 } } } });
  });

  test("a text field of the strategy keeps digits as text; a name no schema or file knows is lower-cased as before", () => {
    const out = applyEnvOverrides({}, { ARGO__STRATEGY__CONFIG__LABEL: "007", ARGO__STRATEGY__CONFIG__SLOWW: "9" }, schemaAt);
    expect(out).toEqual({ strategy: { config: { label: "007", sloww: 9 } } });
  });

  test("a text field inside a choice of shapes keeps digits as text too", () => {
    const out = applyEnvOverrides({}, { ARGO__STRATEGY__CONFIG__ACCOUNT__ACCOUNT_ID: "007" }, schemaAt);
    expect(out).toEqual({ strategy: { config: { account: { accountId: "007" } } } });
  });

  test("without the strategy's schema a key the file lacks is lower-cased (the strategy could not be loaded)", () => {
    const out = applyEnvOverrides({}, { ARGO__STRATEGY__CONFIG__SIZING__EQUITYFRACTION: "0.5" }, configSchemaLookup({}));
    expect(out).toEqual({ strategy: { config: { sizing: { equityfraction: 0.5 } } } });
  });
});

describe("ARGO__ parts that land in a record keyed by symbol", () => {
  const schemaAt = configSchemaLookup({ trading: "paper", marketData: "simulated" });

  test("the symbol is kept as written, in a venue's symbolRules and in risk.symbols alike; the keys inside are the schema's", () => {
    const out = applyEnvOverrides({}, {
      ARGO__TRADING__CONFIG__SYMBOL_RULES__BTCUSD__MIN_NOTIONAL: "1000000000",
      ARGO__RISK__SYMBOLS__BTCUSD__MAX_POSITION_QUANTITY: "5",
    }, schemaAt);
    expect(out).toEqual({
      trading: { config: { symbolRules: { BTCUSD: { minNotional: 1_000_000_000 } } } },
      risk: { symbols: { BTCUSD: { maxPositionQuantity: 5 } } },
    });
  });

  test("a symbol the file has is overridden in place; one spelt otherwise (BTC_USD) is another key, not matched loosely", () => {
    const file = { risk: { symbols: { BTCUSD: { maxPositionQuantity: 1, maxPositionNotional: 100 } } } };
    expect(applyEnvOverrides(file, { ARGO__RISK__SYMBOLS__BTCUSD__MAX_POSITION_QUANTITY: "2" }, schemaAt)).toEqual({
      risk: { symbols: { BTCUSD: { maxPositionQuantity: 2, maxPositionNotional: 100 } } },
    });
    expect(applyEnvOverrides(file, { ARGO__RISK__SYMBOLS__BTC_USD__MAX_POSITION_QUANTITY: "2" }, schemaAt)).toEqual({
      risk: { symbols: { BTCUSD: { maxPositionQuantity: 1, maxPositionNotional: 100 }, BTC_USD: { maxPositionQuantity: 2 } } },
    });
  });

  test("a symbol the file writes in lower case is found by the upper-case variable (case only), not doubled", () => {
    const file = { risk: { symbols: { btcusdt: { maxPositionQuantity: 1 } } }, trading: { config: { symbolRules: { btcusdt: { stepSize: 1 } } } } };
    const out = applyEnvOverrides(file, {
      ARGO__RISK__SYMBOLS__BTCUSDT__MAX_POSITION_QUANTITY: "5",
      ARGO__TRADING__CONFIG__SYMBOL_RULES__BTCUSDT__STEP_SIZE: "0.1",
    }, schemaAt);
    expect(out).toEqual({ risk: { symbols: { btcusdt: { maxPositionQuantity: 5 } } }, trading: { config: { symbolRules: { btcusdt: { stepSize: 0.1 } } } } });
  });
});
