import type { ErrorCode, OrderRequest, Position } from "@argo/core";
import { estimateQuantity, isReducing, neverReducing, referencePrice, signedQuantity } from "./exposure.ts";
import type { RiskConfig } from "./risk-config.ts";
import type { TradingState } from "./trading-state.ts";
import { ordersOf, sideAgainst, type WorkingQuantity } from "./working-quantity.ts";

/** Why the risk manager refused an order. */
export interface RiskRejection {
  code: Extract<ErrorCode, "RISK_REJECTED" | "TRADING_HALTED">;
  reason: string;
}

/** What the risk manager looks at besides the order. */
export interface RiskView {
  state: TradingState;
  position: Position | undefined;
  /** Last price of the order's symbol (NaN when none yet). */
  lastPrice: number;
  equity: number;
  /** Open orders at the venue plus those in flight. */
  openOrders: number;
}

/**
 * Checks an order against the limits. Order of checks: HALTED refuses everything; orders that only
 * reduce a position (counting what already works against it; never one with bracket legs or sized otherwise than by
 * quantity, see neverReducing) pass; REDUCING refuses the rest; then open orders (an entry with a bracket as itself and
 * its legs), order value and position size (quantity and notional, per-symbol overrides first), the position projected
 * with every order already working on the order's side. Prices are the worst the order can fill at (referencePrice).
 */
/** The refusal of every order while trading is HALTED (also when the order gate meets it first: see OrderGateway). */
export const HALTED_REFUSAL: RiskRejection = { code: "TRADING_HALTED", reason: "trading is HALTED: no orders are accepted" };

export class RiskManager {
  /** `working` tells what already works per symbol and side (the engine passes its own); without it nothing does. */
  /**
   * Whether a check may read the position (REDUCING aside, which always does): an order against it passes as reducing,
   * past every limit, and the position limits add to it. Without order limits nothing reads it. Fixed with the config.
   */
  readonly readsPosition: boolean;

  constructor(
    readonly config: RiskConfig,
    private readonly working: WorkingQuantity = nothingWorking,
  ) {
    const c = config;
    this.readsPosition = c.maxOpenOrders !== undefined || c.maxOrderValue !== undefined || c.maxPositionQuantity !== undefined ||
      c.maxPositionNotional !== undefined || c.symbols !== undefined;
  }

  /** Undefined when the order may go to the venue, else why not. */
  check(request: OrderRequest, view: RiskView): RiskRejection | undefined {
    if (view.state === "HALTED") return HALTED_REFUSAL;
    const price = referencePrice(request, view.lastPrice);
    const position = view.position;
    const against = position !== undefined && request.side === sideAgainst(position);
    // Asked at most once, and only when a rule needs it: most orders of a backtest neither reduce nor meet a position limit.
    let working: number | undefined;
    let reducible = 0;
    if (against && request.quantity === undefined && request.equityFraction !== undefined) {
      // Sized against the position: of what the orders already working against it leave (a close sent just before).
      working = this.working(request.symbol, request.side, view.lastPrice, view.equity);
      reducible = working >= 0 ? Math.max(0, position.quantity - working) : position.quantity;
    }
    const quantity = estimateQuantity(request, price, view.equity, reducible);
    const notReducing = against ? neverReducing(request) : undefined;
    if (against && notReducing === undefined) {
      working ??= this.working(request.symbol, request.side, view.lastPrice, view.equity);
      if (isReducing(request, position, quantity, working)) return undefined;
    }
    if (view.state === "REDUCING") {
      const why = notReducing === undefined ? "" : `; ${notReducing}`;
      return { code: "RISK_REJECTED", reason: `trading is REDUCING: only orders that reduce a position are accepted (${request.side} ${request.symbol})${why}` };
    }
    const c = this.config;
    if (c.maxOpenOrders !== undefined) {
      // The venue adds an entry's bracket legs as orders of their own: judged as one, each of several entries could pass.
      const adds = ordersOf(request);
      if (view.openOrders + adds > c.maxOpenOrders) {
        const reason = adds === 1
          ? `maxOpenOrders ${c.maxOpenOrders} reached (${view.openOrders} open)`
          : `maxOpenOrders ${c.maxOpenOrders} would be exceeded: ${view.openOrders} open, and this order adds ${adds} (itself and the ${adds - 1} bracket ` +
            `leg${adds > 2 ? "s" : ""} the venue places when it fills)`;
        return { code: "RISK_REJECTED", reason };
      }
    }
    const override = c.symbols?.[request.symbol];
    const maxQuantity = override?.maxPositionQuantity ?? c.maxPositionQuantity;
    const maxNotional = override?.maxPositionNotional ?? c.maxPositionNotional;
    const needsPrice = c.maxOrderValue !== undefined || maxNotional !== undefined || (maxQuantity !== undefined && request.quantity === undefined);
    if (needsPrice && !(price > 0 && Number.isFinite(quantity))) {
      return { code: "RISK_REJECTED", reason: `no price known for ${request.symbol} yet: cannot check the order against the limits` };
    }
    if (c.maxOrderValue !== undefined && quantity * price > c.maxOrderValue) {
      return { code: "RISK_REJECTED", reason: `order value ${round(quantity * price)} exceeds maxOrderValue ${c.maxOrderValue}` };
    }
    if (maxQuantity === undefined && maxNotional === undefined) return undefined;
    // Orders already working on this side fill too: judged alone, each of many could pass and together exceed the limit.
    working ??= this.working(request.symbol, request.side, view.lastPrice, view.equity);
    if (!(working >= 0)) {
      return { code: "RISK_REJECTED", reason: `orders working in ${request.symbol} have no known size yet: cannot check the order against the position limits` };
    }
    const added = quantity + working;
    const projected = Math.abs(signedQuantity(position) + (request.side === "BUY" ? added : -added));
    const also = working > 0 ? ` with the ${round(working)} already working on the ${request.side} side` : "";
    if (maxQuantity !== undefined && projected > maxQuantity * (1 + 1e-9)) {
      return { code: "RISK_REJECTED", reason: `position in ${request.symbol} would be ${round(projected)}${also}, above maxPositionQuantity ${maxQuantity}` };
    }
    if (maxNotional !== undefined && projected * price > maxNotional * (1 + 1e-9)) {
      return {
        code: "RISK_REJECTED",
        reason: `position value in ${request.symbol} would be ${round(projected * price)}${also}, above maxPositionNotional ${maxNotional}`,
      };
    }
    return undefined;
  }
}

function nothingWorking(): number {
  return 0;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
