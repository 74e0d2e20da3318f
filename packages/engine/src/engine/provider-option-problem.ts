import { ArgoError, type MarketDataProvider, type TradingProvider } from "@argo/core";
import { isPromiseLike } from "./is-promise-like.ts";

/** Methods every market data provider has (MarketDataProvider in @argo/core; close() is optional). */
export const MARKET_DATA_METHODS = ["stream", "history"] as const satisfies ReadonlyArray<keyof MarketDataProvider>;

/** Methods every trading provider has (TradingProvider in @argo/core). */
export const TRADING_METHODS = [
  "connect", "disconnect", "connectionState", "placeOrder", "placeOrders", "cancelOrder", "cancelAllOrders", "getOrder", "getOpenOrders",
  "getPositions", "getPosition", "getAccount", "getTrades", "getMaxBuyQuantity", "getMaxSellQuantity", "on",
] as const satisfies ReadonlyArray<keyof TradingProvider>;

/** A `{ provider: "<name>", config }` option: the engine creates the provider through the registry. */
export function isProviderSpec(value: unknown): value is { provider: string; config?: unknown } {
  return typeof value === "object" && value !== null && typeof (value as { provider?: unknown }).provider === "string";
}

/**
 * Refuses a `marketData` / `trading` option that is neither a `{ provider, config }` spec nor a provider instance, with
 * INVALID_CONFIGURATION naming the option, before the engine calls into it (a TypeError deep inside would say nothing
 * of the option). An instance is judged by its contract's methods and its `name`; the value itself is never echoed.
 */
export function assertProviderOption(option: "marketData" | "trading", value: unknown): void {
  const fail = (message: string) => {
    throw new ArgoError("INVALID_CONFIGURATION", `${option}: ${message}`, { details: { field: option } });
  };
  // First: a forgotten await hands over a Promise, which has no provider's methods but is no typo either.
  if (isPromiseLike(value)) fail("is a Promise: await it (createProvider and create…Provider are async)");
  if (isProviderSpec(value)) return;
  const methods: readonly string[] = option === "marketData" ? MARKET_DATA_METHODS : TRADING_METHODS;
  const expected = `expected { provider: "<name>", config } or a provider instance (an object with a name and ${methods.map((m) => `${m}()`).join(", ")})`;
  if (typeof value !== "object" || value === null) fail(`${expected}; got ${describe(value)}`);
  const instance = value as Record<string, unknown>;
  const missing = methods.filter((method) => typeof instance[method] !== "function");
  if (missing.length === methods.length) {
    // Its keys (never their values) show the likely slip: { type: "paper" } where { provider: "paper" } was meant.
    const keys = Object.keys(instance);
    fail(`${expected}; got an object with neither a string \`provider\` nor those methods${keys.length > 0 ? ` (its keys: ${keys.join(", ")})` : ""}`);
  }
  if (missing.length > 0) fail(`${expected}; got an object without ${missing.map((m) => `${m}()`).join(", ")}`);
  if (typeof instance.name !== "string") fail(`${expected}; got an instance without a string \`name\``);
}

// A provider's name is shown, as the spec it was likely meant for; any other text (a key pasted by mistake) is not.
function describe(value: unknown): string {
  if (typeof value === "string" && /^[a-z0-9][a-z0-9._-]{0,39}$/i.test(value)) return `the string "${value}" (for a registered provider, { provider: "${value}" })`;
  return value === null ? "null" : `a ${typeof value}`;
}
