import type { TradingProvider } from "@argo/core";

/**
 * Wraps a trading provider so every placeOrder's round trip (request to venue acknowledgement) is measured. A Proxy
 * keeps everything else — including a simulator's processBar/setTime — exactly as the provider has it.
 */
export function timedTradingProvider<P extends TradingProvider>(provider: P, observe: (ms: number) => void): P {
  return new Proxy(provider, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (property === "placeOrder") {
        return async (...args: Parameters<TradingProvider["placeOrder"]>) => {
          const started = performance.now();
          try {
            return await target.placeOrder(...args);
          } finally {
            observe(performance.now() - started);
          }
        };
      }
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
