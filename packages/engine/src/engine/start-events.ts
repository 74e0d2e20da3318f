import type { TradingEvent, TradingEventListener, TradingProvider } from "@argo/core";

/**
 * A venue's events from before the pipeline exists. The start reads the account, positions and open orders, then builds
 * the pipeline: an event in between (a working order filling just after the open orders read answered) would reach no
 * listener and be lost for the whole session. So the session listens before its first read, holds what comes, and hands
 * it to the pipeline in the order it came (as Binance's docs say: open the user data stream before the snapshot, buffer,
 * apply after). Events the reads already reflect are harmless: the engine refuses repeats and older states of an order
 * and skips a fill it booked already. One venue subscription throughout, so nothing falls between two listeners.
 */
export class StartEvents {
  private held: TradingEvent[] = [];
  private listener: TradingEventListener | undefined;
  private off: (() => void) | undefined;
  private closed = false;

  constructor(trading: TradingProvider) {
    this.off = trading.on(this.receive);
  }

  /**
   * Hands the events held so far to `listener`, in order, then forwards each new one as it comes; returns what ends the
   * subscription (the venue's own). Events that arrive while the held ones are handed over go after them.
   */
  readonly attach = (listener: TradingEventListener): (() => void) => {
    if (this.closed) return this.close;
    const held = this.held;
    // Read by length each round: an event sent during the hand-over (a callback calling the venue) is appended.
    for (let i = 0; i < held.length; i++) listener(held[i]!);
    this.held = [];
    this.listener = listener;
    return this.close;
  };

  /** Stops listening (idempotent): a start refused before its pipeline took over must leave no listener at the venue. */
  readonly close = (): void => {
    const off = this.off;
    this.closed = true;
    this.off = undefined;
    this.listener = undefined;
    this.held = [];
    off?.();
  };

  /** How many events are held for the pipeline (tests). */
  get size(): number {
    return this.held.length;
  }

  private readonly receive = (event: TradingEvent): void => {
    if (this.closed) return;
    if (this.listener !== undefined) this.listener(event);
    else this.held.push(event);
  };
}
