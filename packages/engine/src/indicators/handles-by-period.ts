import type { IndicatorHandle } from "./indicator-handle.ts";

// Periods below this are array slots; larger ones (rare) go to a Map.
const SLOTS = 1024;

/**
 * The handles of a one-parameter indicator by period. Strategies ask for them on every bar
 * (`ctx.indicators.sma(10)`), so the common periods are an array index rather than a Map lookup.
 */
export class HandlesByPeriod<T> {
  private readonly slots: Array<IndicatorHandle<T> | undefined> = [];
  private readonly rest = new Map<number, IndicatorHandle<T>>();

  /** The handle registered for `period`, if any (undefined for anything that is not a valid period). */
  get(period: number): IndicatorHandle<T> | undefined {
    // A string is refused here too ("10" would index slot 10): asked first or after sma(10), sma("10") is the same error.
    if (typeof period !== "number") return undefined;
    return period >= 0 && period < SLOTS ? this.slots[period] : this.rest.get(period);
  }

  /** Registers the handle of a period (a positive integer). */
  set(period: number, handle: IndicatorHandle<T>): void {
    if (Number.isInteger(period) && period < SLOTS) this.slots[period] = handle;
    else this.rest.set(period, handle);
  }
}
