// The trade history is kept in time order as trades come, so a read of the newest few looks at those alone (a long
// session's /trades?limit=1 filtered and sorted the whole history on every call, blocking the engine: a long-run hunt).
import type { Trade, TradeFilter } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { addTrade, tradesMatching } from "./trade-history.ts";

/** A trade of `symbol` at `time`, told apart by `id`. */
const trade = (id: number, symbol: string, time: number, strategyName?: string): Trade => ({
  id: String(id), clientOrderId: `c${id}`, venueOrderId: `P${id}`, symbol, side: "BUY", quantity: 1, price: 1, fee: 0, time, realizedPnl: 0,
  ...(strategyName ? { strategyName } : {}),
});

/** The reference: what the venue did before, a filter of the history in execution order and a stable sort by time. */
function reference(executed: readonly Trade[], filter: TradeFilter): Trade[] {
  const { symbol, from, to, strategyName, limit } = filter;
  const out = executed
    .filter((t) => (symbol === undefined || t.symbol === symbol) && (from === undefined || t.time >= from) && (to === undefined || t.time < to) && (strategyName === undefined || t.strategyName === strategyName))
    .sort((a, b) => a.time - b.time);
  return limit !== undefined && out.length > limit ? out.slice(out.length - limit) : out;
}

describe("the paper venue's trade history", () => {
  test("matches a filter and stable sort of the execution order, for random histories and filters", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const executed: Trade[] = [];
      const kept: Trade[] = [];
      let step = 0;
      for (let i = 0; i < 60; i++) {
        if (random() < 0.4) step += 60_000;
        // Within a step, a trade may come at the step's open after one at its close (another symbol's leg).
        const t = trade(i, random() < 0.5 ? "A" : "B", step + (random() < 0.5 ? 0 : 59_999), random() < 0.3 ? "s1" : undefined);
        executed.push(t);
        addTrade(kept, t);
      }
      const filter: TradeFilter = {};
      if (random() < 0.5) filter.symbol = random() < 0.5 ? "A" : "B";
      if (random() < 0.3) filter.strategyName = "s1";
      if (random() < 0.4) filter.from = Math.floor(random() * step);
      if (random() < 0.4) filter.to = Math.floor(random() * step) + 1;
      if (random() < 0.6) filter.limit = Math.floor(random() * 10);
      expect(tradesMatching(kept, filter).map((t) => t.id)).toEqual(reference(executed, filter).map((t) => t.id));
    }
  });

  test("the newest few are found from the newest end: a limit of 2 reads a handful of 100,000 trades", () => {
    const kept: Trade[] = [];
    for (let i = 0; i < 100_000; i++) addTrade(kept, trade(i, i % 2 === 0 ? "A" : "B", i * 1000));
    let reads = 0;
    const counted = new Proxy(kept, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    expect(tradesMatching(counted, { symbol: "B", limit: 2 }).map((t) => t.id)).toEqual(["99997", "99999"]);
    // By hand: 99,999 (B), 99,998 (A), 99,997 (B): three reads from the end find the two of B.
    expect(reads).toBe(3);
  });

  test("paging back with `to` starts there: the newest 2 before a time far back read 2 of 100,000 past the search", () => {
    const kept: Trade[] = [];
    for (let i = 0; i < 100_000; i++) addTrade(kept, trade(i, "A", i * 1000));
    let reads = 0;
    const counted = new Proxy(kept, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    expect(tradesMatching(counted, { to: 1_000_000, limit: 2 }).map((t) => t.id)).toEqual(["998", "999"]);
    // The search halves 100,000 in 17 reads; the two found are read once more each.
    expect(reads).toBeLessThanOrEqual(17 + 2);
  });

  test("one time's executions stay in the order they happened; a late one goes back past the later times only", () => {
    const kept: Trade[] = [];
    for (const [id, time] of [[1, 0], [2, 60], [3, 60], [4, 0], [5, 60]] as const) addTrade(kept, trade(id, "A", time));
    expect(kept.map((t) => t.id)).toEqual(["1", "4", "2", "3", "5"]);
  });
});
