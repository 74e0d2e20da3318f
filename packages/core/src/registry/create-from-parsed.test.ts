import { afterEach, describe, expect, test } from "bun:test";
import * as v from "valibot";
import { defineProvider } from "../contracts/provider-definition.ts";
import type { TradingProvider } from "../contracts/trading-provider.ts";
import { isArgoError } from "../errors/is-argo-error.ts";
import { createProvider, createProviderFromParsed, parseProviderConfig } from "./provider-config.ts";
import { registerProvider, unregisterProvider } from "./register-provider.ts";

const created: unknown[] = [];

// Latency written in seconds, converted to milliseconds by the schema: running it twice would give 1000× the delay.
const secondsDefinition = defineProvider({
  name: "seconds-broker", displayName: "Seconds", description: "latency in seconds", isPaperTrading: true, kind: "trading",
  configSchema: v.strictObject({
    latencySeconds: v.pipe(v.number(), v.minValue(0), v.maxValue(60), v.transform((seconds) => seconds * 1000)),
  }),
  capabilities: {}, packageName: "@fixtures/seconds",
  create: (config) => {
    created.push(config);
    return { name: "seconds-broker" } as unknown as TradingProvider;
  },
});

afterEach(() => {
  unregisterProvider("seconds-broker");
  created.length = 0;
});

describe("creating a provider from a parsed config", () => {
  test("the parsed config reaches create as it is: 2 s is 2000 ms, 0.05 s is 50 ms", async () => {
    registerProvider(secondsDefinition);
    for (const [seconds, ms] of [[2, 2000], [0.05, 50]] as const) {
      const parsed = parseProviderConfig("seconds-broker", { latencySeconds: seconds });
      expect(parsed).toEqual({ latencySeconds: ms });
      await createProviderFromParsed("trading", "seconds-broker", parsed);
    }
    expect(created).toEqual([{ latencySeconds: 2000 }, { latencySeconds: 50 }]);
  });

  test("createProvider with the user's config parses it once", async () => {
    registerProvider(secondsDefinition);
    await createProvider("trading", "seconds-broker", { latencySeconds: 2 });
    expect(created).toEqual([{ latencySeconds: 2000 }]);
  });

  test("the kind is still checked", async () => {
    registerProvider(secondsDefinition);
    const error = await createProviderFromParsed("market-data", "seconds-broker", { latencySeconds: 2000 }).catch((e: unknown) => e);
    expect(isArgoError(error, "PROVIDER_NOT_FOUND")).toBe(true);
    expect((error as Error).message).toContain('"seconds-broker" is a trading provider');
    expect(created).toEqual([]);
  });
});
