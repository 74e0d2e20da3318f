import {
  type ConfigIssue,
  createProvider,
  getProviderInfo,
  isArgoError,
  isSimulatedVenue,
  parseProviderConfig,
  providerConfigJsonSchema,
  registerProvider,
} from "@argo/core";
import { describe, expect, test } from "bun:test";
import { createPaperVenue, paperProviderDefinition } from "./index.ts";

function issuesOf(input: unknown): ConfigIssue[] {
  try {
    parseProviderConfig("paper", input);
  } catch (error) {
    expect(isArgoError(error, "INVALID_CONFIGURATION")).toBe(true);
    return (error as { details: { issues: ConfigIssue[] } }).details.issues;
  }
  throw new Error("expected INVALID_CONFIGURATION");
}

describe("the paper provider definition", () => {
  test("importing the package registers it as a paper trading provider; importing again is harmless", () => {
    const info = getProviderInfo("paper");
    expect(info.kind).toBe("trading");
    expect(info.isPaperTrading).toBe(true);
    expect(info.packageName).toBe("@argo/provider-paper");
    expect(info.capabilities.orderTypes?.STOP_LIMIT).toBe("supported");
    expect(() => registerProvider(paperProviderDefinition)).not.toThrow();
  });

  test("createProvider validates the config and returns a connected-able simulated venue", async () => {
    const provider = await createProvider("trading", "paper", { initialCapital: 5_000, currency: "EUR" });
    expect(isSimulatedVenue(provider)).toBe(true);
    await provider.connect();
    const account = await provider.getAccount();
    expect(account.balance).toBe(5_000);
    expect(account.currency).toBe("EUR");
  });

  test("an empty config gets the documented defaults", () => {
    expect(parseProviderConfig("paper", {})).toEqual({
      initialCapital: 100_000,
      currency: "USD",
      commission: { makerRate: 0.001, takerRate: 0.001, minimum: 0 },
      slippage: { model: "none" },
      latencyMs: 0,
      allowShorting: false,
      symbolRules: {},
    });
  });

  test("bad config is INVALID_CONFIGURATION naming each bad field", () => {
    const paths = (input: unknown) => issuesOf(input).map((issue) => issue.path);
    expect(paths({ initialCapital: -5 })).toEqual(["initialCapital"]);
    expect(paths({ commission: { takerRate: 2 } })).toEqual(["commission.takerRate"]);
    expect(paths({ slippage: { model: "fixed" } })).toEqual(["slippage.amount"]);
    expect(paths({ slippage: { model: "gaussian" } })).toEqual(["slippage.model"]);
    expect(paths({ latencyMs: 1.5, maxVolumeShare: 0 })).toEqual(["latencyMs", "maxVolumeShare"]);
    expect(paths({ latency: 5 })).toEqual(["latency"]);
    expect(paths({ symbolRules: { XYZ: { minQuantity: 5, maxQuantity: 1 } } })).toEqual(["symbolRules.XYZ.maxQuantity"]);
    expect(paths({ symbolRules: { XYZ: { tickSize: 0 } } })).toEqual(["symbolRules.XYZ.tickSize"]);
    expect(paths({ symbols: ["ABC"], symbolRules: { XYZ: { tickSize: 0.01 } } })).toEqual(["symbolRules"]);
    expect(paths({ currency: "usd" })).toEqual(["currency"]);
  });

  test("createProvider and createPaperVenue refuse bad config with the field in the message", async () => {
    const error = await createProvider("trading", "paper", { allowShorting: "yes" }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isArgoError(error, "INVALID_CONFIGURATION")).toBe(true);
    expect((error as Error).message).toContain("allowShorting");
    expect(() => createPaperVenue({ initialCapital: 0 })).toThrow(/initialCapital/);
  });

  test("the config's JSON Schema is stable", () => {
    expect(providerConfigJsonSchema("paper")).toMatchSnapshot();
  });
});
