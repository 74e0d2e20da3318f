import type { TradingProvider } from "../contracts/trading-provider.ts";
import { keptAccountProblem, keptEventProblem, keptOrderProblem, keptPositionProblem, keptTradeProblem } from "./kit-problems.ts";

/** How each answer of the provider is checked: a problem with the answer, or undefined. */
const ANSWER_CHECKS: Partial<Record<keyof TradingProvider, (answer: unknown, args: unknown[]) => string | undefined>> = {
  placeOrder: (answer) => within("answered an order that", keptOrderProblem(answer)),
  cancelOrder: (answer) => within("answered an order that", keptOrderProblem(answer)),
  getOrder: (answer) => within("answered an order that", keptOrderProblem(answer)),
  getOpenOrders: (answer) => each(answer, "an order", keptOrderProblem),
  cancelAllOrders: (answer) => each(answer, "an order", keptOrderProblem),
  placeOrders: (answer) =>
    each(answer, "a result", (result) => {
      const r = result as { ok?: unknown; order?: unknown } | null;
      return r !== null && typeof r === "object" && r.ok === true ? within("has an order that", keptOrderProblem(r.order)) : undefined;
    }),
  getPosition: (answer, [symbol]) => within("answered a position that", keptPositionProblem(answer, String(symbol), true)),
  getPositions: (answer) =>
    each(answer, "a position", (position) =>
      position === undefined || position === null ? "is missing" : keptPositionProblem(position, String((position as { symbol?: unknown }).symbol), true)),
  getAccount: (answer) => within("answered an account that", keptAccountProblem(answer)),
  getTrades: (answer) => each(answer, "a trade", keptTradeProblem),
};

/**
 * Collects, during one conformance test, every event and answer of the provider that breaks the contract's types
 * (core's shape checks, src/shape, and the kit's own, kit-problems.ts), so the test fails naming them even when the
 * behaviour it checks came out right: the engine would have dropped, refused or misread what the kit let through.
 */
export class ContractWatch {
  private readonly problems = new Set<string>();

  /** Checks an event the provider emitted. */
  event(event: unknown): void {
    const problem = keptEventProblem(event);
    if (problem !== undefined) this.problems.add(`emitted ${problem}`);
  }

  /**
   * The provider seen through the watch: the methods listed above have their answers checked, everything else is the
   * provider's own, called on the provider itself (so private fields keep working).
   */
  wrap(provider: TradingProvider): TradingProvider {
    return new Proxy(provider, {
      get: (target, key) => {
        const value: unknown = Reflect.get(target, key, target);
        if (typeof value !== "function") return value;
        const check = ANSWER_CHECKS[key as keyof TradingProvider];
        return (...args: unknown[]) => {
          const result: unknown = value.apply(target, args);
          if (!check || typeof (result as PromiseLike<unknown> | undefined)?.then !== "function") return result;
          return Promise.resolve(result).then((answer: unknown) => {
            const problem = check(answer, args);
            if (problem !== undefined) this.problems.add(`${String(key)} ${problem}`);
            return answer;
          });
        };
      },
    });
  }

  /** Throws naming every problem seen (and the test's own failure, if it had one); returns when there were none. */
  verify(failure?: unknown): void {
    if (this.problems.size === 0) {
      if (failure !== undefined) throw failure;
      return;
    }
    const listed = [...this.problems].slice(0, 10).map((problem) => `  - the provider ${problem}`);
    const more = this.problems.size > 10 ? [`  … and ${this.problems.size - 10} more`] : [];
    const then = failure === undefined ? [] : [`and then the test failed: ${failure instanceof Error ? failure.message : String(failure)}`];
    throw new Error(
      ["the provider breaks the contract's types (the engine drops, refuses or misreads such events and answers):", ...listed, ...more, ...then].join("\n"),
    );
  }
}

/** Checks every item of a list answer, naming the first bad one by its index. */
function each(answer: unknown, what: string, problem: (item: unknown) => string | undefined): string | undefined {
  if (!Array.isArray(answer)) return `answered ${answer === null ? "null" : typeof answer}, not a list`;
  for (const [index, item] of answer.entries()) {
    const found = problem(item);
    if (found !== undefined) return `answered a list whose item ${index} (${what}) ${found}`;
  }
  return undefined;
}

/** Prefixes a problem, keeping undefined. */
function within(prefix: string, problem: string | undefined): string | undefined {
  return problem === undefined ? undefined : `${prefix} ${problem}`;
}
