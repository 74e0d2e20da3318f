import type { MarketDataProvider, StreamItem } from "@argo/core";

type Method = (...args: unknown[]) => unknown;

/**
 * Wraps a market data provider so `onEnd` is called once a stream it gave is over: its last item was read, it failed,
 * or its reader returned early (an abort). The engine reads the stream and goes on settling orders after it ends; this
 * is how the runner sees the end without an engine callback. Everything else is the provider's own, through a Proxy.
 */
export function watchStreamEnd<P extends MarketDataProvider>(provider: P, onEnd: () => void): P {
  const stream: MarketDataProvider["stream"] = (...args) => endWatched(provider.stream(...args), onEnd);
  // Methods are bound once each, not on every access.
  const bound = new WeakMap<Method, Method>();
  return new Proxy(provider, {
    get(target, property) {
      if (property === "stream") return stream;
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== "function") return value;
      let method = bound.get(value as Method);
      if (method === undefined) {
        method = (value as Method).bind(target);
        bound.set(value as Method, method);
      }
      return method;
    },
  });
}

function endWatched(items: AsyncIterable<StreamItem>, onEnd: () => void): AsyncIterable<StreamItem> {
  return {
    [Symbol.asyncIterator]() {
      const inner = items[Symbol.asyncIterator]();
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        onEnd();
      };
      return {
        next: () =>
          inner.next().then(
            (result) => {
              if (result.done) end();
              return result;
            },
            (error: unknown) => {
              end();
              throw error;
            },
          ),
        return: async (value?: unknown) => {
          end();
          return (await inner.return?.(value)) ?? { done: true, value: undefined };
        },
      };
    },
  };
}
