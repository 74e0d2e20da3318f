import type { TradingEvent } from "@argo/core";
import { FakeVenue } from "./fake-venue.ts";

/** The fake venue, able to send any event on request: a venue breaking its contract, or reporting what the test says. */
export class LooseVenue extends FakeVenue {
  /** Emits `event` to the venue's listeners as it is, checked by nothing. */
  send(event: unknown): void {
    this.emit(event as TradingEvent);
  }
}
