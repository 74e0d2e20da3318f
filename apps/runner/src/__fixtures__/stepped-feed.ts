import type { Bar, MarketDataProvider, StreamItem } from "@argo/core";

/** A market data provider whose stream yields each item only when the test hands it over; `end()` ends the stream. */
export class SteppedFeed implements MarketDataProvider {
  readonly name = "stepped";
  private readonly queue: Array<StreamItem | null> = [];
  private wake: (() => void) | undefined;

  /** Hands the stream its next item. */
  send(item: StreamItem): void {
    this.push(item);
  }

  /** Ends the stream once the items sent before are taken. */
  end(): void {
    this.push(null);
  }

  async *stream(): AsyncIterable<StreamItem> {
    for (;;) {
      while (this.queue.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
      const item = this.queue.shift()!;
      if (item === null) return;
      yield item;
    }
  }

  async *history(): AsyncIterable<Bar> {}

  private push(item: StreamItem | null): void {
    this.queue.push(item);
    this.wake?.();
    this.wake = undefined;
  }
}
