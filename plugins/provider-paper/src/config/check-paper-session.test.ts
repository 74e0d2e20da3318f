import { parseConfig } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { paperProviderDefinition } from "../definition.ts";
import { paperConfigSchema } from "./paper-config-schema.ts";

/** The paper provider's session check, on a parsed config (through the definition, as the runner calls it). */
function check(input: unknown, symbols: string[]) {
  const config = parseConfig(paperConfigSchema, input, { label: "paper config" });
  return paperProviderDefinition.checkSession?.(config, { symbols, interval: "1m" }) ?? [];
}

describe("the paper provider's check of a session against its venue settings", () => {
  test("settings that fit the session, or none at all: no issue", () => {
    expect(check({}, ["BTCUSD"])).toEqual([]);
    expect(check({ symbols: ["BTCUSD", "ETHUSD"], symbolRules: { BTCUSD: { tickSize: 0.01 } } }, ["BTCUSD"])).toEqual([]);
    expect(check({ symbolRules: { BTCUSD: { minNotional: 10 }, ETHUSD: { minNotional: 10 } } }, ["ETHUSD", "BTCUSD"])).toEqual([]);
  });

  test("a session symbol missing from `symbols` is reported at symbols: every order for it would be refused", () => {
    const issues = check({ symbols: ["ETHUSD"] }, ["BTCUSD"]);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe("symbols");
    expect(issues[0]!.message).toContain("does not list BTCUSD");
    expect(issues[0]!.message).toContain("UNKNOWN_SYMBOL");
    // Several missing are named in one issue, in the session's order; a listed one is not named.
    const two = check({ symbols: ["ETHUSD"] }, ["SOLUSD", "ETHUSD", "BTCUSD"]);
    expect(two.map((issue) => issue.path)).toEqual(["symbols"]);
    expect(two[0]!.message).toStartWith("does not list SOLUSD, BTCUSD,");
  });

  test("a symbolRules key that is no session symbol is reported at its own key, naming the session's symbols", () => {
    const issues = check({ symbolRules: { "BTC-USD": { minNotional: 1e9 }, BTCUSD: { tickSize: 0.01 } } }, ["BTCUSD", "ETHUSD"]);
    expect(issues).toEqual([{ path: "symbolRules.BTC-USD", message: "not one of the session's symbols (BTCUSD, ETHUSD); a rule for it would never apply" }]);
  });

  test("both at once, each at its field", () => {
    const issues = check({ symbols: ["ETHUSD"], symbolRules: { ETHUSD: { stepSize: 0.1 } } }, ["BTCUSD"]);
    expect(issues.map((issue) => issue.path)).toEqual(["symbols", "symbolRules.ETHUSD"]);
  });
});
