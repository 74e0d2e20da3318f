import { expect, test } from "bun:test";
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
