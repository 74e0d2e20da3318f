import type { ErrorCode, Trade, VenueRecord } from "@argo/core";
import { applyFill } from "./apply-fill.ts";
import { venueError } from "./errors.ts";
import { isFiniteNumber, isId, isObject } from "./restore-ids.ts";
import { openBook } from "./book-for.ts";
import { fillKey, type HeldBefore } from "./restore-budget.ts";
import { isPositive } from "./validate-request.ts";
import type { VenueState } from "./venue-state.ts";
import { addTrade } from "./trade-history.ts";

interface FillProblem {
  code: ErrorCode;
  field: string;
  message: string;
}

/**
 * Refuses a record whose fills cannot be booked, before anything is changed: the first bad fill throws an
 * ArgoError naming it and the field (INVALID_DATA; UNKNOWN_SYMBOL for a symbol outside config `symbols`;
 * INVALID_CONFIGURATION for a fee currency other than config `currency`). Finite quantities and prices can still
 * multiply past what a number holds (1e308 × 100): the cash the fills move, summed, must stay finite, or the account
 * would be booked to -Infinity.
 */
export function validateFills(state: VenueState, fills: readonly unknown[]): void {
  let moved = 0;
  for (let i = 0; i < fills.length; i++) {
    const fill = fills[i];
    const named = isObject(fill) && isId(fill.id);
    const name = named ? `fill "${fill.id as string}"` : `fill #${i}`;
    let problem = named ? fillProblem(state, fill) : { code: "INVALID_DATA" as const, field: "id", message: "has no id (a non-empty string)" };
    if (problem === undefined && named) {
      // Each fill moves cash by at most its quantity × price and its fee (validated above as finite, positive).
      moved += (fill.quantity as number) * (fill.price as number) + (fill.fee as number);
      if (!Number.isFinite(moved)) problem = invalid("quantity", `has quantity ${String(fill.quantity)} at price ${String(fill.price)}, which takes the cash the fills move past what a number holds`);
    }
    if (problem !== undefined) {
      throw venueError(state, problem.code, `restore: ${name} (position ${i} of the record's fills) ${problem.message}; nothing was restored`, {
        fillId: named ? fill.id : undefined,
        index: i,
        field: problem.field,
      });
    }
  }
}

function fillProblem(state: VenueState, fill: Record<string, unknown>): FillProblem | undefined {
  const { side, symbol, quantity, price, fee, time, feeCurrency } = fill;
  if (side !== "BUY" && side !== "SELL") return invalid("side", `has side ${String(side)}; it must be BUY or SELL`);
  if (!isId(symbol)) return invalid("symbol", "has no symbol (a non-empty string)");
  if (state.allowed !== undefined && !state.allowed.has(symbol)) {
    const message = `is for symbol "${symbol}", which is not among this venue's symbols (config \`symbols\`: ${[...state.allowed].join(", ")})`;
    return { code: "UNKNOWN_SYMBOL", field: "symbol", message };
  }
  if (!isPositive(quantity)) return invalid("quantity", `has quantity ${String(quantity)}; it must be a positive finite number`);
  if (!isPositive(price)) return invalid("price", `has price ${String(price)}; it must be a positive finite number`);
  if (!(isFiniteNumber(fee) && fee >= 0)) {
    return invalid("fee", `has fee ${String(fee)}; it must be a finite number, 0 or more`);
  }
  if (!isFiniteNumber(time)) return invalid("time", `has time ${String(time)}; it must be epoch milliseconds`);
  for (const field of ["clientOrderId", "venueOrderId"] as const) {
    const id = fill[field];
    if (!isId(id)) return invalid(field, `has no ${field} (a non-empty string)`);
  }
  if (feeCurrency !== undefined && feeCurrency !== state.currency) {
    const message = `has feeCurrency ${String(feeCurrency)}, but the account currency is ${state.currency} (config \`currency\`)`;
    return { code: "INVALID_CONFIGURATION", field: "feeCurrency", message };
  }
  return undefined;
}

function invalid(field: string, message: string): FillProblem {
  return { code: "INVALID_DATA", field, message };
}

/**
 * Books validated fills in the given order with `applyFill`, at their recorded price, quantity, side and fee (no
 * commission or slippage recomputed), and appends each to the trade history as execute-fill.ts builds a Trade,
 * with the PnL it realises here. Each symbol is marked at its last fill price until a bar marks it. A fill
 * without its strategy's name takes the one `strategyNames` gives for its order, if any. Returns, for the fills of the
 * orders `positionsFor` names, the position their symbol held just before each (restore-budget.ts HeldBefore).
 */
export function bookFills(
  state: VenueState,
  fills: VenueRecord["fills"],
  strategyNames: ReadonlyMap<string, string>,
  positionsFor: ReadonlySet<string> = new Set(),
): HeldBefore {
  const held = new Map<string, number>();
  for (const fill of fills) {
    const book = openBook(state, fill.symbol);
    if (positionsFor.has(fill.clientOrderId)) held.set(fillKey(fill.clientOrderId, fill.id), book.position?.quantity ?? 0);
    const realizedPnl = applyFill(state, book, fill.side === "BUY", fill.quantity, fill.price, fill.fee, fill.time);
    book.mark = fill.price;
    // The key order of execute-fill.ts, so trades list their fields alike (JSON output).
    const trade = {
      id: fill.id,
      clientOrderId: fill.clientOrderId,
      venueOrderId: fill.venueOrderId,
      symbol: fill.symbol,
      side: fill.side,
      quantity: fill.quantity,
      price: fill.price,
      fee: fill.fee,
      feeCurrency: state.currency,
    } as Trade;
    if (fill.liquidity === "MAKER" || fill.liquidity === "TAKER") trade.liquidity = fill.liquidity;
    trade.time = fill.time;
    trade.realizedPnl = realizedPnl;
    const strategyName = fill.strategyName ?? strategyNames.get(fill.clientOrderId);
    if (typeof strategyName === "string") trade.strategyName = strategyName;
    addTrade(state.trades, Object.freeze(trade));
  }
  return held;
}

