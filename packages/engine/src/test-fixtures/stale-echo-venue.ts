import type { OrderRequest, Order, TradingEvent } from "@argo/core";
import { LaggingPositionsVenue } from "./lagging-positions-venue.ts";

/**
 * A venue across a network that delivers, right after each fill, a position (or account) event it generated just before
 * that fill: stamped a millisecond earlier and holding the figures from before it, as a venue sending snapshots on a
 * timer of its own may. The event holding the fill lags until `release()` (LaggingPositionsVenue).
 */
export class StaleEchoVenue extends LaggingPositionsVenue {
  /** The lagging kind's figures when the last order was placed: what the venue held before its fill. */
  private before: TradingEvent | undefined;

  constructor(lagging: "position" | "account" = "position") {
    super(false, lagging);
  }

  protected override placeNow(request: OrderRequest): Order {
    const position = this.positions.get(request.symbol);
    this.before = this.lagging === "account"
      ? { type: "account", account: this.account() }
      : { type: "position", symbol: request.symbol, position: position && { ...position } };
    return super.placeNow(request);
  }

  protected override emit(event: TradingEvent): void {
    super.emit(event);
    if (event.type !== "fill" || this.before === undefined) return;
    const stampedAt = event.fill.time - 1;
    const echo = this.before;
    if (echo.type === "account") this.deliver({ type: "account", account: { ...echo.account, updatedAt: stampedAt } });
    else if (echo.type === "position") this.deliver({ ...echo, position: echo.position && { ...echo.position, updatedAt: stampedAt } });
  }
}
