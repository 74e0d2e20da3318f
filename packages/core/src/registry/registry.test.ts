import { afterEach, describe, expect, test } from "bun:test";
import * as v from "valibot";
import { brokerDefinition, validBrokerConfig } from "../__fixtures__/broker-provider.ts";
import { defineProvider } from "../contracts/provider-definition.ts";
import type { MarketDataProvider } from "../contracts/market-data-provider.ts";
import { isArgoError } from "../errors/is-argo-error.ts";
import { getProviderDefinition, getProviderInfo, listProviders } from "./lookup.ts";
import { createProvider, parseProviderConfig, providerConfigJsonSchema, redactProviderConfig } from "./provider-config.ts";
import { registerProvider, unregisterProvider } from "./register-provider.ts";

const dataDefinition = defineProvider({
  name: "fixture-data",
  displayName: "Fixture Data",
  description: "bars for tests",
  isPaperTrading: true,
  kind: "market-data",
  configSchema: v.object({ depth: v.optional(v.number(), 3) }),
  capabilities: { features: { history: "supported" } },
  packageName: "@fixtures/data",
  create: (config) => ({ name: "fixture-data", depth: config.depth }) as unknown as MarketDataProvider,
});

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

afterEach(() => {
  for (const name of ["fixture-broker", "fixture-data", "Bad_Name"]) unregisterProvider(name);
});

describe("registry", () => {
  test("lists providers, optionally by kind, with their info", () => {
    registerProvider(brokerDefinition());
    registerProvider(dataDefinition);
    const names = listProviders().map((p) => p.name);
    expect(names).toContain("fixture-broker");
    expect(names).toContain("fixture-data");
    expect(listProviders("trading").map((p) => p.name)).toContain("fixture-broker");
    expect(listProviders("trading").map((p) => p.name)).not.toContain("fixture-data");
    expect(getProviderInfo("fixture-broker")).toEqual({
      name: "fixture-broker",
      displayName: "Fixture Broker",
      description: "A provider used only by core's tests",
      isPaperTrading: true,
      kind: "trading",
      packageName: "@fixtures/broker",
      capabilities: { orderTypes: { MARKET: "supported", LIMIT: "supported", STOP: "emulated" } },
    });
  });

  test("the same plugin registering twice is harmless; another plugin taking the name is an error naming both", () => {
    registerProvider(brokerDefinition());
    registerProvider(brokerDefinition());
    expect(listProviders().filter((p) => p.name === "fixture-broker")).toHaveLength(1);
    const error = caught(() => registerProvider(brokerDefinition("fixture-broker", "argo-provider-rival")));
    expect(isArgoError(error, "PROVIDER_CONFLICT")).toBe(true);
    expect((error as Error).message).toContain("@fixtures/broker");
    expect((error as Error).message).toContain("argo-provider-rival");
    expect(getProviderInfo("fixture-broker").packageName).toBe("@fixtures/broker");
  });

  test("names must be kebab-case", () => {
    expect(isArgoError(caught(() => registerProvider(brokerDefinition("Bad_Name"))), "INVALID_CONFIGURATION")).toBe(true);
  });

  test("an unknown provider is an error listing the available ones", () => {
    registerProvider(brokerDefinition());
    const error = caught(() => getProviderInfo("binance-typo"));
    expect(isArgoError(error, "PROVIDER_NOT_FOUND")).toBe(true);
    expect((error as Error).message).toContain("binance-typo");
    expect((error as Error).message).toContain("fixture-broker");
  });

  test("with none of a kind registered, the error says a provider registers when its package is imported", async () => {
    registerProvider(brokerDefinition());
    // Other test files share the registry: market data providers they left registered are put back afterwards.
    const others = listProviders("market-data").map((info) => getProviderDefinition(info.name));
    for (const definition of others) unregisterProvider(definition.name);
    let error: unknown;
    try {
      // A program of its own (not the runner, which imports first-party ones by name) asked for one it never imported.
      error = await createProvider("market-data", "simulated", {}).catch((e: unknown) => e);
    } finally {
      for (const definition of others) registerProvider(definition);
    }
    expect(isArgoError(error, "PROVIDER_NOT_FOUND")).toBe(true);
    expect((error as Error).message).toContain('available: none (a provider is registered when its package is imported: import "@argo/provider-paper" for paper');
    // Some registered: the list alone (the runner parses it), no hint.
    expect((caught(() => getProviderInfo("binance-typo")) as Error).message).not.toContain("registered when its package is imported");
  });

  test("create validates the config and refuses a provider of the wrong kind", async () => {
    registerProvider(brokerDefinition());
    registerProvider(dataDefinition);
    const provider = (await createProvider("trading", "fixture-broker", validBrokerConfig)) as unknown as { config: Record<string, unknown> };
    expect(provider.config).toEqual({ ...validBrokerConfig, testnet: true, recvWindow: 5000, mode: "spot", connection: { host: "127.0.0.1", port: 7497 }, symbols: [], subAccounts: [] });
    const data = (await createProvider("market-data", "fixture-data", {})) as unknown as { depth: number };
    expect(data.depth).toBe(3);
    const wrongKind = await createProvider("market-data", "fixture-broker", validBrokerConfig).catch((e: unknown) => e);
    expect(isArgoError(wrongKind, "PROVIDER_NOT_FOUND")).toBe(true);
    expect((wrongKind as Error).message).toContain("is a trading provider");
    const bad = await createProvider("trading", "fixture-broker", { ...validBrokerConfig, initialCapital: -1 }).catch((e: unknown) => e);
    expect(isArgoError(bad, "INVALID_CONFIGURATION")).toBe(true);
  });

  test("parse returns the typed config with defaults", () => {
    registerProvider(brokerDefinition());
    const config = parseProviderConfig<{ recvWindow: number; mode: string }>("fixture-broker", validBrokerConfig);
    expect(config.recvWindow).toBe(5000);
    expect(config.mode).toBe("spot");
  });

  test("redaction hides every secret, nested and in arrays", () => {
    registerProvider(brokerDefinition());
    const shown = redactProviderConfig("fixture-broker", { ...validBrokerConfig, subAccounts: [{ id: "a", token: "tok-1" }] });
    const text = JSON.stringify(shown);
    expect(text).not.toContain(validBrokerConfig.apiKey);
    expect(text).not.toContain(validBrokerConfig.secretKey);
    expect(text).not.toContain("tok-1");
    expect(shown).toMatchObject({ apiKey: "[REDACTED]", initialCapital: 1000, subAccounts: [{ id: "a", token: "[REDACTED]" }] });
  });

  test("the config JSON Schema is in input mode with secrets write-only", () => {
    registerProvider(brokerDefinition());
    const schema = providerConfigJsonSchema("fixture-broker") as {
      required: string[];
      properties: Record<string, { writeOnly?: boolean; default?: unknown }>;
    };
    expect(schema.properties.apiKey?.writeOnly).toBe(true);
    expect(schema.properties.secretKey?.writeOnly).toBe(true);
    expect(schema.properties.initialCapital?.writeOnly).toBeUndefined();
    // Input mode: fields with defaults are optional for the user and show their default.
    expect(schema.required.sort()).toEqual(["apiKey", "initialCapital", "secretKey"]);
    expect(schema.properties.recvWindow?.default).toBe(5000);
    expect(schema).toMatchSnapshot();
  });
});
