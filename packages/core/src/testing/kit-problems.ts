import { timeProblem, within } from "../shape/describe-value.ts";
import { accountProblem, fillProblem, type FillOwner, orderProblem, positionProblem, tradeProblem, tradingEventProblem } from "../shape/index.ts";

/**
 * What the kit asks beyond the engine's own shape checks (src/shape): the engine tolerates these, so that a session
 * keeps trading, but each hides something from it, and a provider under test must not have them.
 */

/**
 * 1e11 ms is 1973-03-03, while a time of today in epoch seconds is about 1.7e9: a venue's seconds passed on unconverted
 * land below it. The engine's check stays finiteness only, as backtests and journals of synthetic data start near 0.
 */
const EARLIEST_MS = 1e11;

/** A time the kit takes: a finite number, as the engine reads it, and epoch milliseconds rather than seconds. */
export function kitTimeProblem(field: string, value: unknown): string | undefined {
  const problem = timeProblem(field, value);
  if (problem !== undefined) return problem;
  return (value as number) < EARLIEST_MS ? `has ${field} ${value as number}, which looks like epoch seconds, not milliseconds` : undefined;
}

/** An order as the engine reads it ({@link orderProblem}), its times in milliseconds, and every fill it lists well formed. */
export function keptOrderProblem(value: unknown): string | undefined {
  const problem = orderProblem(value);
  if (problem !== undefined) return problem;
  const order = value as FillOwner & { fills: unknown[]; createdAt: unknown; updatedAt: unknown };
  const times = kitTimeProblem("createdAt", order.createdAt) ?? kitTimeProblem("updatedAt", order.updatedAt);
  if (times !== undefined) return times;
  // The engine refuses a bad fill alone and keeps the order; the kit fails the provider that sent it.
  for (const [index, fill] of order.fills.entries()) {
    const found = fillProblem(fill, order) ?? kitTimeProblem("time", (fill as { time: unknown }).time);
    if (found !== undefined) return `has a fill (fills[${index}]) that ${found}`;
  }
  return undefined;
}

/**
 * A position as the engine reads it, stamped: after a fill the engine tells a snapshot made before it from a fresh one
 * by `updatedAt` alone. An answer (`listed`) never holds a flat position: flat is absent (getPosition answers undefined).
 * A position event of quantity 0 is left alone, as the engine takes it for "now flat".
 */
export function keptPositionProblem(value: unknown, symbol: string, listed: boolean): string | undefined {
  const problem = positionProblem(value, symbol);
  if (problem !== undefined || value === undefined || value === null) return problem;
  const position = value as { quantity: number; updatedAt: unknown };
  const stamp = stampProblem(position.updatedAt);
  if (stamp !== undefined) return stamp;
  return listed && position.quantity === 0 ? "has a quantity of 0: a flat position is not listed (leave it out; getPosition answers undefined)" : undefined;
}

/** An account as the engine reads it, stamped (see {@link keptPositionProblem}). */
export function keptAccountProblem(value: unknown): string | undefined {
  return accountProblem(value) ?? stampProblem((value as { updatedAt: unknown }).updatedAt);
}

/** A trade of the venue's history as the engine reads it, at a time in milliseconds. */
export function keptTradeProblem(value: unknown): string | undefined {
  return tradeProblem(value) ?? kitTimeProblem("time", (value as { time: unknown }).time);
}

/** What is wrong with an event the provider emitted, for the kit: the engine's check, then the kit's own. */
export function keptEventProblem(event: unknown): string | undefined {
  const problem = tradingEventProblem(event);
  if (problem !== undefined) return problem;
  const e = event as { type: string; order?: unknown; fill?: { time: unknown }; symbol?: string; position?: unknown; account?: unknown };
  switch (e.type) {
    case "order":
      return within("an order event whose order", keptOrderProblem(e.order));
    case "fill": {
      const order = keptOrderProblem(e.order);
      if (order !== undefined) return `a fill event whose order ${order}`;
      return within(`a fill event (order ${(e.order as FillOwner).clientOrderId}) whose fill`, kitTimeProblem("time", e.fill?.time));
    }
    case "position":
      return within(`a position event for ${e.symbol} whose position`, keptPositionProblem(e.position, String(e.symbol), false));
    case "account":
      return within("an account event whose account", keptAccountProblem(e.account));
    default:
      return undefined;
  }
}

/** The `updatedAt` a position or account must carry, with what it is for when it has none. */
function stampProblem(updatedAt: unknown): string | undefined {
  const missing = timeProblem("updatedAt", updatedAt);
  if (missing !== undefined) return `${missing}: stamp it with the venue's time of the figures (docs/plugins.md §3)`;
  return kitTimeProblem("updatedAt", updatedAt);
}
