import { describe, expect, test } from "bun:test";
import type { Fill, Order } from "@argo/core";
import pino from "pino";
import { engineLogCallbacks } from "./engine-log-callbacks.ts";

/** The `fill` line the callbacks write for `fill`, parsed. */
function fillLine(fill: Fill): Record<string, unknown> {
  const lines: string[] = [];
  const log = pino({ base: null, timestamp: false }, { write: (line: string) => void lines.push(line) });
  engineLogCallbacks(log).onOrderFilled!(fill, {} as Order); // the line reads only the fill
  return JSON.parse(lines[0]!) as Record<string, unknown>;
}

const fill: Fill = { id: "1", clientOrderId: "c-1", venueOrderId: "9", symbol: "BTCUSDT", side: "BUY", quantity: 0.01, price: 60_000, fee: 0.000375, time: 0 };

describe("the fill log line", () => {
  test("names the fee's currency when the venue gives one: a BNB fee does not read as the quote's", () => {
    expect(fillLine({ ...fill, feeCurrency: "BNB" })).toMatchObject({ msg: "fill", fee: 0.000375, feeCurrency: "BNB" });
  });

  test("has no feeCurrency when the venue gives none", () => {
    expect(fillLine(fill)).not.toHaveProperty("feeCurrency");
  });
});
