import * as v from "valibot";
import { secret } from "../config/secret.ts";
import { defineProvider } from "../contracts/provider-definition.ts";
import type { TradingProvider } from "../contracts/trading-provider.ts";

/** A realistic broker config: secrets, ranges, enums, nested objects, arrays, unknown keys refused. */
export const brokerConfigSchema = v.strictObject({
  apiKey: secret("API key"),
  secretKey: secret("API secret"),
  testnet: v.optional(v.boolean(), true),
  initialCapital: v.pipe(v.number(), v.minValue(0)),
  recvWindow: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(60_000)), 5_000),
  mode: v.optional(v.picklist(["spot", "margin"]), "spot"),
  connection: v.optional(
    v.strictObject({
      host: v.pipe(v.string(), v.nonEmpty()),
      port: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(65_535)),
    }),
    { host: "127.0.0.1", port: 7497 },
  ),
  symbols: v.optional(v.array(v.pipe(v.string(), v.regex(/^[A-Z0-9]+$/, "must be upper-case letters and digits"))), []),
  subAccounts: v.optional(v.array(v.strictObject({ id: v.string(), token: secret("sub-account token") })), []),
});

/** Builds the fixture definition under a given name and package (to exercise conflicts). */
export function brokerDefinition(name = "fixture-broker", packageName = "@fixtures/broker") {
  return defineProvider({
    name,
    displayName: "Fixture Broker",
    description: "A provider used only by core's tests",
    isPaperTrading: true,
    kind: "trading",
    configSchema: brokerConfigSchema,
    capabilities: { orderTypes: { MARKET: "supported", LIMIT: "supported", STOP: "emulated" } },
    packageName,
    create: (config) => ({ name, config }) as unknown as TradingProvider,
  });
}

/** A complete, valid config for the fixture. */
export const validBrokerConfig = { apiKey: "AKIA-VALID-KEY-123", secretKey: "s3cr3t-VALUE-xyz", initialCapital: 1000 };
