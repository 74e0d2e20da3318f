// A careless third-party plugin as a test fixture: registers "leaky-live", a real-money trading provider whose errors
// ECHO its secret config (message and details), as a venue SDK that puts the request headers in its error text would.
// It trades on the paper simulator until the test switches its mode (see leaky-live-switch.ts): "failing", every order
// call fails with the secrets in it, and listing trades throws a plain Error (not an ArgoError) that also carries them;
// "rejecting", it answers each order with a REJECTED event whose reason echoes the secrets, then throws.
import { ArgoError, defineProvider, type ErrorCode, type Order, parseConfig, registerProvider, secret, type TradingEventListener } from "@argo/core";
import { LIVE_FIXTURE_CAPABILITIES } from "./live-fixture-capabilities.ts";
import { PaperVenue, paperConfigSchema } from "@argo/provider-paper";
import * as v from "valibot";
import { leakyLiveMode } from "./leaky-live-switch.ts";

/** Config of the leaky venue: an account to confirm, two secrets, and whether connecting fails outright. */
export const leakyLiveConfigSchema = v.strictObject({
  accountId: v.pipe(v.string(), v.nonEmpty()),
  apiKey: secret("API key of the (imaginary) venue"),
  passphrase: secret("API passphrase of the (imaginary) venue"),
  failConnect: v.optional(v.boolean(), false),
});

/** The provider name this fixture registers. */
export const LEAKY_LIVE = "leaky-live";

type LeakyConfig = v.InferOutput<typeof leakyLiveConfigSchema>;

function echo(code: ErrorCode, what: string, config: LeakyConfig): ArgoError {
  return new ArgoError(code, `${what} (request headers X-API-KEY: ${config.apiKey}, X-PASSPHRASE: ${config.passphrase})`, {
    provider: LEAKY_LIVE,
    details: { apiKey: config.apiKey, passphrase: config.passphrase, headers: `X-API-KEY: ${config.apiKey}` },
  });
}

/** The paper venue behind a Proxy that, once switched to failing or rejecting, puts the secrets in every error. */
function leakyVenue(config: LeakyConfig): PaperVenue {
  const inner = new PaperVenue(parseConfig(paperConfigSchema, { initialCapital: 100_000, allowShorting: true }, { label: LEAKY_LIVE }), LEAKY_LIVE);
  const listeners = new Set<TradingEventListener>();
  let announced = false;
  const overrides: Record<PropertyKey, unknown> = {
    // Without the synchronous shortcut the engine goes through placeOrder, as with a real venue.
    placeOrderSync: undefined,
    connect: async () => {
      if (config.failConnect) throw echo("PROVIDER_CONNECTION_FAILED", "login refused", config);
      return inner.connect();
    },
    placeOrder: async (request: Parameters<PaperVenue["placeOrder"]>[0]): Promise<Order> => {
      const mode = leakyLiveMode();
      if (mode === "rejecting") {
        const now = Date.now();
        const order: Order = {
          ...request, clientOrderId: request.clientOrderId ?? `leaky-${now}`, venueOrderId: `rej-${now}`, timeInForce: request.timeInForce ?? "GTC",
          status: "REJECTED", quantity: request.quantity ?? 0, filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: now, updatedAt: now,
          rejectReason: echo("BROKER_REJECTED", "margin check failed", config).message,
        };
        for (const listener of listeners) listener({ type: "order", order: { ...order } });
        throw echo("BROKER_REJECTED", `order ${order.clientOrderId} refused`, config);
      }
      if (mode === "trading") return inner.placeOrder(request);
      if (!announced) {
        announced = true;
        for (const listener of listeners) listener({ type: "connection", state: "RECONNECTING", error: echo("CONNECTION_LOST", "user stream dropped", config) });
      }
      throw echo("CONNECTION_LOST", `socket closed while placing ${request.clientOrderId}`, config);
    },
    getOrder: async (id: string): Promise<Order> => {
      if (leakyLiveMode() === "failing") throw echo("CONNECTION_LOST", `socket closed while asking for ${id}`, config);
      return inner.getOrder(id);
    },
    getTrades: async (...args: Parameters<PaperVenue["getTrades"]>) => {
      if (leakyLiveMode() === "failing") throw new Error(`unexpected EOF reading trades; sent apiKey=${config.apiKey}&passphrase=${config.passphrase}`);
      return inner.getTrades(...args);
    },
    on: (listener: TradingEventListener) => {
      listeners.add(listener);
      const off = inner.on(listener);
      return () => {
        listeners.delete(listener);
        off();
      };
    },
  };
  return new Proxy(inner, {
    get(target, property) {
      if (Object.hasOwn(overrides, property)) return overrides[property];
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

registerProvider(
  defineProvider({
    name: LEAKY_LIVE,
    displayName: "Leaky live venue",
    description: "Test fixture: a real-money provider whose errors echo its secrets",
    isPaperTrading: false,
    kind: "trading",
    configSchema: leakyLiveConfigSchema,
    capabilities: LIVE_FIXTURE_CAPABILITIES,
    packageName: "argo-leaky-live-fixture",
    create: (config) => leakyVenue(config),
  }),
);
