import { barCloseTime, type ErrorCode, type TradingEvent, isArgoError } from "@argo/core";
import { expect } from "bun:test";
import { createPaperVenue } from "../create-paper-venue.ts";
import type { PaperConfigInput } from "../config/paper-config-schema.ts";
import type { PaperVenue } from "../venue/paper-venue.ts";

/** 2024-01-02T00:00:00Z, a Tuesday: the clock every test starts at. */
export const START = Date.UTC(2024, 0, 2);

/** OHLC(V) of one bar; volume defaults to plenty. */
export interface BarPrices {
  open: number;
  high: number;
  low: number;
  close: number;
  volume?: number;
}

/** A connected venue, its recorded events and a feeder of consecutive bars. */
export interface Harness {
  venue: PaperVenue;
  events: TradingEvent[];
  /** Feeds the next bar of `symbol` (opening where the previous bar of the feed closed) and returns its openTime. */
  feed(prices: BarPrices | number, symbol?: string): number;
}

/**
 * Commission-free unless the test says otherwise, so prices can be checked without fees. A first
 * bar of `symbol` at `seed` is fed, so the symbol exists and has a last price (0: no such bar).
 */
export async function harness(config: PaperConfigInput = {}, interval = "1m", symbol = "XYZ", seed = 100): Promise<Harness> {
  const venue = createPaperVenue({ commission: { makerRate: 0, takerRate: 0 }, ...config });
  await venue.connect();
  const events: TradingEvent[] = [];
  venue.on((event) => events.push(event));
  venue.setTime(START);
  let openTime = START;
  const h: Harness = {
    venue,
    events,
    feed(prices, barSymbol = symbol) {
      const p = typeof prices === "number" ? { open: prices, high: prices, low: prices, close: prices } : prices;
      const time = openTime;
      venue.processBar({ symbol: barSymbol, interval, openTime: time, volume: 1e9, ...p });
      // The next bar opens where this one closes (a calendar month for "1M", not 30 days).
      openTime = barCloseTime(time, interval);
      return time;
    },
  };
  if (seed > 0) h.feed(seed);
  events.length = 0;
  return h;
}

/** Asserts that a promise rejects with an ArgoError of `code` and returns the error. */
export async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<Error & { details?: Record<string, unknown> }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isArgoError(error)).toBe(true);
  expect((error as { code: string }).code).toBe(code);
  return error as Error & { details?: Record<string, unknown> };
}

/** Asserts two money amounts agree to the cent-and-better (1e-9). */
export function money(actual: number | undefined, expected: number): void {
  expect(actual).toBeDefined();
  expect(Math.abs((actual as number) - expected)).toBeLessThan(1e-9);
}

/** What a synchronous call (`restore`) throws, for its code, message and details; the test fails when it throws nothing. */
export function thrown(run: () => void): Error & { code?: string; details?: Record<string, unknown> } {
  try {
    run();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error("expected it to throw");
}

