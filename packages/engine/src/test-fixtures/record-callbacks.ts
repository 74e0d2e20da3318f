import type { EngineCallbacks } from "../engine/callbacks.ts";

/** Every engine callback call, in order: the callback's name, then its arguments. */
export type CallbackCall = [string, ...unknown[]];

/** Engine callbacks that record every call (and still run the test's own `callbacks`), with the calls of one name on request. */
export function recordCallbacks(own: EngineCallbacks = {}): {
  callbacks: EngineCallbacks;
  calls: CallbackCall[];
  named(name: string): unknown[][];
} {
  const calls: CallbackCall[] = [];
  const callbacks = new Proxy({} as EngineCallbacks, {
    get: (_target, name: string) => (...args: unknown[]) => {
      calls.push([name, ...args]);
      return (own as Record<string, ((...a: unknown[]) => unknown) | undefined>)[name]?.(...args);
    },
  });
  return { callbacks, calls, named: (name) => calls.filter((call) => call[0] === name).map((call) => call.slice(1)) };
}
