import type { SymbolIncrements, TradingProvider } from "@argo/core";
import { ignoreLate, withDeadline } from "./venue-deadline.ts";

/**
 * The lot step per symbol that a close beside an estimated order is rounded down to (see floorToLot), asked of the venue
 * (`getSymbolIncrements`) only when such a close comes, never on a bar's path, and kept once it answered. 0 when the
 * venue does not say: no method, no step in its answer, a failure or no answer within the call deadline (the close then
 * goes as closeRoom sizes it; none of these is an error). A failure or a deadline is not kept: the next close asks again,
 * so one lost answer does not leave the session's closes off the grid. A close that waited for an answer is sized with
 * what the promise gave (0 for none): it does not ask again, else a venue failing every read would hold it forever.
 */
export class CloseLotSteps {
  private readonly steps = new Map<string, number | Promise<number>>();

  constructor(
    private readonly trading: TradingProvider,
    private readonly timeoutMs: number,
  ) {}

  /** The step of `symbol`, or a promise of it while the venue's answer is on its way (it is then kept, as a number). */
  step(symbol: string): number | Promise<number> {
    return this.steps.get(symbol) ?? this.ask(symbol);
  }

  /** Asks the venue; keeps what it answered (a question on its way too, so closes meanwhile share it). */
  private ask(symbol: string): number | Promise<number> {
    const trading = this.trading;
    if (typeof trading.getSymbolIncrements !== "function") return this.keep(symbol, 0);
    let answer: Promise<SymbolIncrements | undefined>;
    try {
      answer = Promise.resolve(trading.getSymbolIncrements(symbol));
    } catch {
      return this.unknown(symbol);
    }
    // A simulator answers within the call: taken at once, so a backtest's close is placed in the turn that sent it,
    // not after an await that lets the replay move on.
    const status = Bun.peek.status(answer);
    if (status === "fulfilled") return this.keep(symbol, stepOf(Bun.peek(answer)));
    if (status === "rejected") {
      answer.catch(ignoreLate);
      return this.unknown(symbol);
    }
    const asked = withDeadline(answer, this.timeoutMs, trading.name, `increments read of ${symbol}`, ignoreLate, "").then(
      (increments) => this.keep(symbol, stepOf(increments)),
      () => this.unknown(symbol),
    );
    this.steps.set(symbol, asked);
    return asked;
  }

  private keep(symbol: string, step: number): number {
    this.steps.set(symbol, step);
    return step;
  }

  /** No answer this time: 0 for this close, and asked again by the next. */
  private unknown(symbol: string): number {
    this.steps.delete(symbol);
    return 0;
  }
}

/** The positive, finite stepSize of an answer, else 0 (an answer of any other shape says nothing). */
function stepOf(increments: unknown): number {
  const step = typeof increments === "object" && increments !== null ? (increments as SymbolIncrements).stepSize : undefined;
  return typeof step === "number" && step > 0 && step < Number.POSITIVE_INFINITY ? step : 0;
}
