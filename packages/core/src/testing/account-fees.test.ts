import { describe, expect, test } from "bun:test";
import type { Trade } from "../domain/trade.ts";
import { cashMoved, feesInCurrency } from "./account-fees.ts";

const trade = (side: Trade["side"], quantity: number, price: number, fee: number, feeCurrency?: string): Trade => ({
  id: "1", clientOrderId: "c", venueOrderId: "v", symbol: "BTCUSDT", side, quantity, price, fee, time: 0, realizedPnl: 0,
  ...(feeCurrency === undefined ? {} : { feeCurrency }),
});

describe("the kit's account check with fees in another currency (Binance charges BNB)", () => {
  const trades = [trade("BUY", 2, 100, 0.2, "USDT"), trade("SELL", 1, 110, 0.000375, "BNB"), trade("SELL", 1, 120, 0.12)];

  test("counts only the fees in the account currency, and those without one", () => {
    // By hand: 0.2 (USDT) + 0.12 (no currency) = 0.32; the BNB fee is not the account's.
    expect(feesInCurrency(trades, "USDT")).toBeCloseTo(0.32, 12);
    expect(feesInCurrency(trades, "BNB")).toBeCloseTo(0.000375 + 0.12, 12); // the BNB fee and the one without a currency
  });

  test("the cash moved is the notional less those fees", () => {
    // By hand: −200 + 110 + 120 = 30, less 0.32 = 29.68.
    expect(cashMoved(trades, "USDT")).toBeCloseTo(29.68, 12);
  });
});
