import type { ErrorCode, OrderRequest } from "@argo/core";
import { isoTimeOrText } from "../report/iso-time.ts";
import type { StrategyTurns } from "./strategy-turns.ts";

/** Where the session is: taking the strategy's orders, past onStop (stopping), or over (ended). */
export type SessionPhase = "open" | "stopping" | "ended";

/** Order calls refused because no strategy callback was running (backtests only): how many, and the first of them. */
export interface OutsideTurnCalls {
  count: number;
  /** What it was and the engine time when it came. */
  first: string;
}

/** Why the gate refused a strategy's placement. */
export interface GateRefusal {
  code: ErrorCode;
  reason: string;
  /** False once the session has ended: onEngineStop was its last callback, so nothing is reported after it. */
  report: boolean;
}

/** The reason of a placement after onStop and its order updates are done. */
export const STOPPING_REASON = "the session is stopping: no new orders after onStop";
/** The reason of a placement after the run has ended (a strategy promise that outlived it). */
export const ENDED_REASON = "the session has ended: no new orders after the run";
/** The reason of a backtest placement made while none of the strategy's callbacks was running. */
export const OUTSIDE_TURN_REASON = "placed outside a strategy callback in a backtest: await your order calls";

/**
 * Decides, before any check or venue call, whether the strategy may place an order now (cancels always pass).
 *
 * - Once onStop and the order updates it caused are done, the session is stopping: the cancel of open orders on stop
 *   hands the strategy CANCELLED updates, and an order it placed again then would be left working after the session.
 * - Once the run has ended, a strategy promise that outlived it must not reach a venue nobody watches any more (with a
 *   journal it could not even be recorded first).
 * - A backtest replays bars synchronously, yielding only now and then: an order placed while no callback, bar turn or
 *   drain of order updates runs (a timer, an un-awaited promise) would land at whatever bar the replay reached, a
 *   different one from run to run. So would one made while a turn runs but not from it (a timer set in init firing
 *   while onBar awaits an HTTP call): see StrategyTurns. It is refused, counted and named in the result's warnings instead.
 */
export class StrategyOrderGate {
  phase: SessionPhase = "open";
  /** Placements refused because no strategy callback was running (backtests only); undefined while there are none. */
  outsideTurn: OutsideTurnCalls | undefined;

  constructor(
    readonly backtest: boolean,
    private readonly turns: StrategyTurns,
  ) {}

  /** True when a placement must be refused: checked on every order, so it stays a few comparisons. */
  closed(running: boolean): boolean {
    return this.phase !== "open" || (this.backtest && !(running && this.turns.owns()));
  }

  /** True once the run has ended: a cancel then does nothing at the venue (see ENDED_REASON). */
  get ended(): boolean {
    return this.phase === "ended";
  }

  /** The refusal of a placement for which {@link closed} was true; counts one made outside a backtest's callbacks. */
  refusal(request: OrderRequest, time: number): GateRefusal {
    if (this.phase === "ended") return { code: "CONTEXT_CANCELLED", reason: ENDED_REASON, report: false };
    if (this.phase === "stopping") return { code: "CONTEXT_CANCELLED", reason: STOPPING_REASON, report: true };
    if (this.outsideTurn === undefined) this.outsideTurn = { count: 1, first: `${describe(request)} at ${isoTimeOrText(time)}` };
    else this.outsideTurn.count++;
    return { code: "STRATEGY_ERROR", reason: OUTSIDE_TURN_REASON, report: true };
  }
}

/** "BUY 3 X" / "SELL quote 100 X" / "BUY 0.5 of equity X": enough to find the call in the strategy (its fields may be anything). */
function describe(request: OrderRequest): string {
  const size = request.quantity !== undefined
    ? String(request.quantity)
    : request.quoteAmount !== undefined
      ? `quote ${String(request.quoteAmount)}`
      : request.equityFraction !== undefined
        ? `${String(request.equityFraction)} of equity`
        : "(no size)";
  const symbol = request.symbol === "" ? "(no symbol)" : String(request.symbol);
  const reason = request.reason === undefined ? "" : ` (${String(request.reason)})`;
  return `${String(request.side)} ${size} ${symbol}${reason}`;
}
