import type { OrderRequest, SimulatedVenue, TradingProvider } from "@argo/core";

type Method = (...args: unknown[]) => unknown;

/**
 * Wraps a trading provider so every order placement's round trip (request to venue acknowledgement) is measured:
 * `placeOrder`, and `placeOrderSync` where a simulator has it (the engine places through that one when it exists).
 * A Proxy keeps everything else — including a simulator's processBar/setTime — exactly as the provider has it.
 */
export function timedTradingProvider<P extends TradingProvider>(provider: P, observe: (ms: number) => void): P {
  const timed: Record<PropertyKey, Method> = {
    placeOrder: async (request) => {
      const started = performance.now();
      try {
        return await provider.placeOrder(request as OrderRequest);
      } finally {
        observe(performance.now() - started);
      }
    },
    placeOrderSync: (request) => {
      const started = performance.now();
      try {
        return (provider as Partial<SimulatedVenue>).placeOrderSync!(request as OrderRequest);
      } finally {
        observe(performance.now() - started);
      }
    },
  };
  // Methods are bound once each, not on every access: the engine reaches processBar and setTime through here per bar.
  const bound = new WeakMap<Method, Method>();
  return new Proxy(provider, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== "function") return value;
      if (Object.hasOwn(timed, property)) return timed[property];
      let method = bound.get(value as Method);
      if (method === undefined) {
        method = (value as Method).bind(target);
        bound.set(value as Method, method);
      }
      return method;
    },
  });
}
