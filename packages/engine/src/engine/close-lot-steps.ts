import type { SymbolIncrements, TradingProvider } from "@argo/core";
import { ignoreLate, withDeadline } from "./venue-deadline.ts";

/**
 * The lot step per symbol that a close beside an estimated order is rounded down to (see floorToLot), asked of the venue
 * (`getSymbolIncrements`) at most once per symbol and session, and only when such a close comes: never on a bar's path.
 * 0 when the venue does not say: no method, no step in its answer, a failure or no answer within the call deadline
 * (the close then goes by the position's own decimals; none of these is an error).
 */
export class CloseLotSteps {
  private readonly steps = new Map<string, number | Promise<number>>();

  constructor(
    private readonly trading: TradingProvider,
    private readonly timeoutMs: number,
  ) {}

  /** The step of `symbol`, or a promise of it while the venue's answer is on its way (it is then kept, as a number). */
  step(symbol: string): number | Promise<number> {
    let step = this.steps.get(symbol);
    if (step === undefined) {
      step = this.ask(symbol);
      this.steps.set(symbol, step);
    }
    return step;
  }

  private ask(symbol: string): number | Promise<number> {
    const trading = this.trading;
    if (typeof trading.getSymbolIncrements !== "function") return 0;
    let answer: Promise<SymbolIncrements | undefined>;
    try {
      answer = Promise.resolve(trading.getSymbolIncrements(symbol));
    } catch {
      return 0;
    }
    // A simulator answers within the call: taken at once, so a backtest's close is placed in the turn that sent it,
    // not after an await that lets the replay move on.
    const status = Bun.peek.status(answer);
    if (status === "fulfilled") return stepOf(Bun.peek(answer));
    if (status === "rejected") {
      answer.catch(ignoreLate);
      return 0;
    }
    return withDeadline(answer, this.timeoutMs, trading.name, `increments read of ${symbol}`, ignoreLate, "")
      .then(stepOf, () => 0)
      .then((step) => {
        this.steps.set(symbol, step);
        return step;
      });
  }
}

/** The positive, finite stepSize of an answer, else 0 (an answer of any other shape says nothing). */
function stepOf(increments: unknown): number {
  const step = typeof increments === "object" && increments !== null ? (increments as SymbolIncrements).stepSize : undefined;
  return typeof step === "number" && step > 0 && step < Number.POSITIVE_INFINITY ? step : 0;
}
