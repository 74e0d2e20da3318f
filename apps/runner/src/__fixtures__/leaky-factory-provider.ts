// Careless third-party providers as a test fixture, whose errors echo their secret key as an SDK's might: "leaky-create"
// (trading) fails in its factory; "leaky-history" (market data) is created fine, then fails reading history, with the
// error code its config names, so both a failure and a configuration error can be seen to escape `argo backtest`.
import { ArgoError, defineProvider, type ErrorCode, registerProvider, secret } from "@argo/core";
import * as v from "valibot";
import { LIVE_FIXTURE_CAPABILITIES } from "./live-fixture-capabilities.ts";

/** The provider names this fixture registers. */
export const LEAKY_CREATE = "leaky-create";
export const LEAKY_HISTORY = "leaky-history";

registerProvider(
  defineProvider({
    name: LEAKY_CREATE, displayName: "Leaky create", description: "factory echoes its key", isPaperTrading: true, kind: "trading",
    configSchema: v.strictObject({ apiKey: secret("key") }), capabilities: LIVE_FIXTURE_CAPABILITIES, packageName: "leaky-factory-fixture",
    create: (config) => {
      throw new ArgoError("PROVIDER_CONNECTION_FAILED", `bad key format: ${config.apiKey}`, { details: { sent: config.apiKey } });
    },
  }),
);

registerProvider(
  defineProvider({
    name: LEAKY_HISTORY, displayName: "Leaky history", description: "history echoes its key", isPaperTrading: true, kind: "market-data",
    configSchema: v.strictObject({ apiKey: secret("key"), failCode: v.optional(v.picklist(["CONNECTION_LOST", "INVALID_CONFIGURATION"]), "CONNECTION_LOST") }),
    capabilities: LIVE_FIXTURE_CAPABILITIES, packageName: "leaky-factory-fixture",
    create: (config) => ({
      name: LEAKY_HISTORY,
      stream: () => ({ [Symbol.asyncIterator]: () => ({ next: async () => ({ done: true as const, value: undefined }) }) }),
      history: () => ({
        [Symbol.asyncIterator]: () => ({
          next: async () => {
            throw new ArgoError(config.failCode as ErrorCode, `history refused for key ${config.apiKey}`);
          },
        }),
      }),
    }),
  }),
);
