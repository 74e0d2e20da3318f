import { isArgoError } from "@argo/core";
import "@argo/provider-paper";
import "@argo/provider-replay";
import { describe, expect, test } from "bun:test";
import { configSchemaLookup } from "./config-schema-at.ts";
import { substituteEnv } from "./substitute-env.ts";

test("${VAR} and ${VAR:-default} are substituted in every string, nested and in arrays", () => {
  const env = { KEY: "abc", PORT: "7497" };
  const out = substituteEnv({ a: "${KEY}", b: { c: ["x-${KEY}-y", "${MISSING:-fallback}"] }, port: "${PORT}", n: 3 }, env);
  expect(out).toEqual({ a: "abc", b: { c: ["x-abc-y", "fallback"] }, port: 7497, n: 3 });
});

test("an empty variable takes the default; an unset one without default names the variable and path, not values", () => {
  expect(substituteEnv("${EMPTY:-d}", { EMPTY: "" })).toBe("d");
  let error: unknown;
  try {
    substituteEnv({ trading: { config: { apiKey: "${BINANCE_KEY}" } } }, { OTHER: "s3cret" });
  } catch (e) {
    error = e;
  }
  expect(isArgoError(error, "INVALID_CONFIGURATION")).toBe(true);
  expect((error as Error).message).toContain("trading.config.apiKey");
  expect((error as Error).message).toContain("${BINANCE_KEY}");
  expect((error as Error).message).not.toContain("s3cret");
});

test("a value that is only a placeholder takes the type its text spells, when that is lossless", () => {
  const env = { PORT: "9000", LIVE: "false", ZIP: "007", KEY: "12345678901234567890", RATE: "0.5" };
  const out = substituteEnv({ port: "${PORT}", live: "${LIVE}", zip: "${ZIP}", key: "${KEY}", rate: "${RATE}", d: "${NONE:-8787}", mixed: "p${PORT}" }, env);
  expect(out).toEqual({ port: 9000, live: false, zip: "007", key: "12345678901234567890", rate: 0.5, d: 8787, mixed: "p9000" });
});

describe("a placeholder alone, where the schema says what the field takes", () => {
  const schemaAt = configSchemaLookup({ trading: "paper", marketData: "simulated" });

  test("a text field keeps a value of digits as text (a token is not a number)", () => {
    const out = substituteEnv({ status: { token: "${TOKEN}", port: "${PORT}" }, engine: { symbols: ["${SYMBOL}"] } }, { TOKEN: "4815162342108888", PORT: "9000", SYMBOL: "700" }, schemaAt);
    expect(out).toEqual({ status: { token: "4815162342108888", port: 9000 }, engine: { symbols: ["700"] } });
  });

  test("numbers, booleans and a choice of text or false are typed; a field of number or text takes the number", () => {
    const env = { CAPITAL: "2500", ENABLED: "false", CLOSE: "false", LEVEL: "warn", START: "1700000000000" };
    const out = substituteEnv(
      {
        trading: { config: { initialCapital: "${CAPITAL}" } },
        status: { enabled: "${ENABLED}" },
        backtest: { close_at_end: "${CLOSE}" },
        log: { level: "${LEVEL}" },
        market_data: { config: { startTime: "${START}" } },
      },
      env,
      schemaAt,
    );
    expect(out).toEqual({
      trading: { config: { initialCapital: 2500 } },
      status: { enabled: false },
      backtest: { close_at_end: false },
      log: { level: "warn" },
      market_data: { config: { startTime: 1_700_000_000_000 } },
    });
  });

  test("a number field takes any decimal spelling of a number, as ARGO__ does: 0.20, 100000.00, 1e5", () => {
    const config = { risk: { maxDrawdown: "${DD}" }, trading: { config: { initialCapital: "${CAP}", latencyMs: "${LAT}" } } };
    expect(substituteEnv(config, { DD: "0.20", CAP: "100000.00", LAT: "1e1" }, schemaAt)).toEqual({
      risk: { maxDrawdown: 0.2 },
      trading: { config: { initialCapital: 100_000, latencyMs: 10 } },
    });
    expect(substituteEnv(config, { DD: ".5", CAP: "1e5", LAT: "+3" }, schemaAt)).toEqual({
      risk: { maxDrawdown: 0.5 },
      trading: { config: { initialCapital: 100_000, latencyMs: 3 } },
    });
  });

  test("a text that is no plain decimal stays text at a number field (the schema names it); text fields keep the text", () => {
    const config = { risk: { maxDrawdown: "${DD}" }, status: { token: "${TOKEN}" } };
    for (const odd of ["0x10", "Infinity", "1e999", " 5", "1,5", "20%"]) {
      expect(substituteEnv(config, { DD: odd, TOKEN: "x" }, schemaAt)).toEqual({ risk: { maxDrawdown: odd }, status: { token: "x" } });
    }
    expect(substituteEnv(config, { DD: "0.1", TOKEN: "1e5" }, schemaAt)).toEqual({ risk: { maxDrawdown: 0.1 }, status: { token: "1e5" } });
  });

  test("where no schema is known (a strategy's config), the type its text spells, as before", () => {
    expect(substituteEnv({ strategy: { config: { fast: "${FAST}", key: "${KEY}" } } }, { FAST: "8", KEY: "0042" }, schemaAt)).toEqual({
      strategy: { config: { fast: 8, key: "0042" } },
    });
  });
});

test("$${ is a literal ${, so a secret holding one is kept as written and never read as a variable", () => {
  // Fake key "Ab9${Xq7Zp}Kd", written with the escape; without it ${Xq7Zp} would be an unset variable.
  expect(substituteEnv({ apiKey: "Ab9$${Xq7Zp}Kd" }, {})).toEqual({ apiKey: "Ab9${Xq7Zp}Kd" });
  expect(substituteEnv("$${HOME} and ${HOME}", { HOME: "/h" })).toBe("${HOME} and /h");
  expect(substituteEnv("$${", {})).toBe("${");
  // The refusal of an unset variable says how to write a literal ${.
  expect(() => substituteEnv({ apiKey: "Ab9${Xq7Zp}Kd" }, {})).toThrow("$${ writes a literal ${");
});
