// Paper venue hot path: a market order placed, then filled by the next bar (place → fill event).
// Several rounds per figure, medians reported, against a baseline of bare bookkeeping measured here.
import type { Bar, OrderSide } from "@argo/core";
import { collectRounds } from "../../../bench/rounds.ts";
import { median, percentile } from "../../../bench/stats.ts";
import { writeResult } from "../../../bench/write-result.ts";
import { createPaperVenue } from "../src/index.ts";

const ORDERS = 100_000;
const ROUNDS = 7;
const MINUTE = 60_000;

interface PaperRun {
  ordersPerSecond: number;
  latenciesUs: number[];
}

/**
 * One round: `ordersPerBar` market orders placed (awaited, as a live engine would; or with `sync`, through
 * placeOrderSync as a backtest does), then one bar fills them all.
 */
async function paperRound(ordersPerBar: number, timeEach: boolean, sync = false): Promise<PaperRun> {
  const venue = createPaperVenue({ initialCapital: 1e12 });
  await venue.connect();
  let fills = 0;
  let lastFillAt = 0;
  venue.on((event) => {
    if (event.type === "fill") {
      fills++;
      lastFillAt = performance.now();
    }
  });
  let openTime = Date.UTC(2024, 0, 1);
  const bar = (price: number): Bar => ({ symbol: "BTCUSDT", interval: "1m", openTime, open: price, high: price, low: price, close: price, volume: 1e9 });
  venue.setTime(openTime);
  venue.processBar(bar(100));
  openTime += MINUTE;
  const latenciesUs: number[] = [];
  const started = performance.now();
  for (let i = 0; i < ORDERS; i += ordersPerBar) {
    const placedAt = timeEach ? performance.now() : 0;
    // Alternate sides bar by bar so the position stays small and every sell has a long to sell.
    const side: OrderSide = ((i / ordersPerBar) & 1) === 0 ? "BUY" : "SELL";
    for (let j = 0; j < ordersPerBar; j++) {
      if (sync) venue.placeOrderSync({ symbol: "BTCUSDT", side, type: "MARKET", quantity: 1 });
      else await venue.placeOrder({ symbol: "BTCUSDT", side, type: "MARKET", quantity: 1 });
    }
    venue.processBar(bar(100 + (i % 10)));
    openTime += MINUTE;
    if (timeEach) latenciesUs.push((lastFillAt - placedAt) * 1_000);
  }
  const elapsed = performance.now() - started;
  if (fills !== ORDERS) throw new Error(`expected ${ORDERS} fills, saw ${fills}`);
  return { ordersPerSecond: (ORDERS / elapsed) * 1_000, latenciesUs };
}

/** The floor: a Map insert per order, the cash/position arithmetic of its fill and a trade record, nothing else. */
function baselineRound(): number {
  const orders = new Map<string, { side: OrderSide; quantity: number; status: string; filled: number; price: number }>();
  const trades: Array<{ id: string; price: number; quantity: number }> = [];
  let cash = 1e12;
  let position = 0;
  let average = 0;
  const started = performance.now();
  for (let i = 0; i < ORDERS; i++) {
    const id = `b${i}`;
    const side: OrderSide = (i & 1) === 0 ? "BUY" : "SELL";
    const record = { side, quantity: 1, status: "ACCEPTED", filled: 0, price: 0 };
    orders.set(id, record);
    const price = 100 + (i % 10);
    const signed = side === "BUY" ? 1 : -1;
    cash -= signed * price + price * 0.001;
    average = position + signed === 0 ? 0 : (position * average + signed * price) / (position + signed);
    position += signed;
    record.status = "FILLED";
    record.filled = 1;
    record.price = price;
    trades.push({ id, price, quantity: 1 });
  }
  const elapsed = performance.now() - started;
  if (orders.size !== ORDERS || trades.length !== ORDERS || !Number.isFinite(cash + average)) throw new Error("baseline broke");
  return (ORDERS / elapsed) * 1_000;
}

// Warm-up (JIT), not recorded.
await paperRound(1, false);
await paperRound(1, false, true);
baselineRound();

const { perOrderBar, synchronous, batched, baseline, latencyP50, latencyP99 } = await collectRounds(ROUNDS, async () => {
  const figures = {
    perOrderBar: (await paperRound(1, false)).ordersPerSecond,
    synchronous: (await paperRound(1, false, true)).ordersPerSecond,
    batched: (await paperRound(100, false)).ordersPerSecond,
    baseline: baselineRound(),
  };
  const timed = await paperRound(1, true);
  return { ...figures, latencyP50: percentile(timed.latenciesUs, 50), latencyP99: percentile(timed.latenciesUs, 99) };
});

const paper = median(perOrderBar);
const base = median(baseline);
writeResult({
  name: "provider-paper-orders",
  description: `Paper venue: ${ORDERS} market orders per round placed (awaited) and filled by the next bar, one bar per order and 100 orders per bar, and one bar per order placed through placeOrderSync (as backtests place them); latency is place → fill event with one order per bar; ${ROUNDS} rounds, medians. Baseline: a Map insert plus the fill's cash/position arithmetic and a trade record per order.`,
  figures: {
    ordersPerSecondMedian: Math.round(paper),
    ordersPerSecondBatched100Median: Math.round(median(batched)),
    ordersPerSecondSyncMedian: Math.round(median(synchronous)),
    latencyP50Us: Number(median(latencyP50).toFixed(2)),
    latencyP99Us: Number(median(latencyP99).toFixed(2)),
    baselineOrdersPerSecondMedian: Math.round(base),
  },
  ratios: { paperVsBaseline: Number((paper / base).toFixed(4)) },
  goal: ">= 200000 orders/s",
});
