import { ArgoError, type Position, type TradingEvent } from "@argo/core";
import { FakeVenue } from "./fake-venue.ts";

/**
 * A venue across a network whose position events lag its fills (IBKR's position and execution callbacks are separate
 * streams; Binance futures may send ACCOUNT_UPDATE after ORDER_TRADE_UPDATE): position events wait until `release()`.
 * `getPosition` answers from the venue's own books, which hold every fill.
 */
export class LaggingPositionsVenue extends FakeVenue {
  private readonly held: TradingEvent[] = [];
  /** The symbols of every position read, in order. */
  readonly readSymbols: string[] = [];
  /** `readFails`: every position read fails as a lost connection would. */
  constructor(private readonly readFails = false) {
    super({ allowShort: true });
  }

  protected override emit(event: TradingEvent): void {
    if (event.type === "position") this.held.push(event);
    else super.emit(event);
  }

  /** Sends the position events held back so far. */
  release(): void {
    for (const event of this.held.splice(0)) super.emit(event);
  }

  override async getPosition(symbol: string): Promise<Position | undefined> {
    this.readSymbols.push(symbol);
    if (this.readFails) throw new ArgoError("CONNECTION_LOST", "simulated CONNECTION_LOST");
    return super.getPosition(symbol);
  }
}
