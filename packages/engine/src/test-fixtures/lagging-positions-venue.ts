import { type Account, ArgoError, type Position, type TradingEvent } from "@argo/core";
import { FakeVenue } from "./fake-venue.ts";

/**
 * A venue across a network whose position (or account) events lag its fills (IBKR's position, account and execution
 * callbacks are separate streams, its account values come every few minutes; Binance futures may send ACCOUNT_UPDATE
 * after ORDER_TRADE_UPDATE): those events wait until `release()`. `getPosition` and `getAccount` answer from the venue's
 * own books, which hold every fill.
 */
export class LaggingPositionsVenue extends FakeVenue {
  private readonly held: TradingEvent[] = [];
  /** The symbols of every position read, in order. */
  readonly readSymbols: string[] = [];
  /** How many times the account was read. */
  accountReads = 0;
  /** While set, every position read, and every account read after the start-up's, fails as a lost connection would. */
  readsFail: boolean;
  /** `readsFail`: see the field. `lagging`: the event type held back. */
  constructor(readsFail = false, protected readonly lagging: "position" | "account" = "position") {
    super({ allowShort: true });
    this.readsFail = readsFail;
  }

  protected override emit(event: TradingEvent): void {
    if (event.type === this.lagging) this.held.push(event);
    else super.emit(event);
  }

  /** Sends `event` now, past the holding back. */
  protected deliver(event: TradingEvent): void {
    super.emit(event);
  }

  /** Sends the events held back so far. */
  release(): void {
    for (const event of this.held.splice(0)) super.emit(event);
  }

  override async getPosition(symbol: string): Promise<Position | undefined> {
    this.readSymbols.push(symbol);
    if (this.readsFail) throw new ArgoError("CONNECTION_LOST", "simulated CONNECTION_LOST");
    return super.getPosition(symbol);
  }

  override async getAccount(): Promise<Account> {
    this.accountReads++;
    if (this.readsFail && this.barsSeen.length !== 0) throw new ArgoError("CONNECTION_LOST", "simulated CONNECTION_LOST");
    return super.getAccount();
  }
}
