import { AsyncResource } from "node:async_hooks";
import { describe, expect, test } from "bun:test";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { backtest, bars, strategy } from "./backtest.test-helper.ts";

const X = bars("X", [[100, 102, 99, 101], [101, 103, 100, 102], [102, 104, 101, 103], [103, 105, 102, 104], [104, 106, 103, 105]]);
const OUTSIDE = ["STRATEGY_ERROR", "placed outside a strategy callback in a backtest: await your order calls"];
const outcome = (r: OrderResult) => (r.status === "rejected" ? [r.code, r.reason] : [r.status]);
const buy = { symbol: "X", side: "BUY", quantity: 1 } as const;

// Before: the gate read only whether some callback was running, so each of these calls passed while onBar awaited, and
// landed at whatever bar the replay had reached when the timer fired: a different fill from run to run.
describe("a backtest refuses an order call made while a turn runs but not from it", () => {
  test("a timer set in init, firing while an async onBar awaits: refused, and two runs give the same result", async () => {
    const runs = [];
    for (let i = 0; i < 2; i++) {
      const results: OrderResult[] = [];
      let armed = false;
      let timer: ReturnType<typeof setInterval> | undefined;
      const r = await backtest(X, strategy({
        init(ctx) {
          timer = setInterval(() => {
            if (!armed) return;
            armed = false;
            void ctx.placeOrder(buy).then((x) => results.push(x));
          }, 1);
        },
        async onBar(_bar, ctx) {
          if (ctx.history().length !== 2) return;
          armed = true;
          // Due after the interval's next tick: the timer fires inside this await.
          await Bun.sleep(20);
        },
        onStop: () => clearInterval(timer),
      }));
      expect(armed).toBe(false);
      expect(results.map(outcome)).toEqual([OUTSIDE]);
      expect(r.fills).toEqual([]);
      runs.push(r);
    }
    expect(runs[1]!.warnings).toEqual(runs[0]!.warnings);
    expect(runs[0]!.warnings.some((w) => w.startsWith("1 order call came "))).toBe(true);
  });

  test("a promise chain from init, or from an earlier bar's onBar, that resumes inside a later onBar's await: refused", async () => {
    // The second bar's onBar waits first: from then on it runs in its turn's context. (Its first wait cannot tell its own
    // continuation from the first bar's leftovers, which carry no context: see StrategyTurns.)
    const results: Record<string, OrderResult> = {};
    let fromInit: () => void = () => {};
    let fromBar1: () => void = () => {};
    const r = await backtest(X, strategy({
      init(ctx) {
        void new Promise<void>((resolve) => (fromInit = resolve)).then(async () => void (results.init = await ctx.placeOrder(buy)));
      },
      async onBar(_bar, ctx) {
        const n = ctx.history().length;
        if (n === 1) void new Promise<void>((resolve) => (fromBar1 = resolve)).then(async () => void (results.bar1 = await ctx.placeOrder(buy)));
        if (n === 2) await Bun.sleep(1);
        if (n === 3) {
          fromInit();
          fromBar1();
          await Bun.sleep(5);
        }
      },
    }));
    expect(outcome(results.init!)).toEqual(OUTSIDE);
    expect(outcome(results.bar1!)).toEqual(OUTSIDE);
    expect(r.counters.ordersPlaced).toBe(0);
  });

  test("a MessagePort handler the turn awaits, bound to it with AsyncResource.bind, places its orders", async () => {
    // Found by review: Bun runs such a handler without an async context; bound, it carries the turn's (engine README).
    const placed: string[] = [];
    const r = await backtest(X, strategy({
      async onBar(_bar, ctx) {
        await Bun.sleep(1); // a real wait first: from the next bar on, onBar runs in its turn's context
        const channel = new MessageChannel();
        await new Promise<void>((resolve) => {
          channel.port2.onmessage = AsyncResource.bind(async () => {
            placed.push((await ctx.placeOrder(buy)).status);
            resolve();
          });
          channel.port1.postMessage(1);
        });
        channel.port1.close();
        channel.port2.close();
      },
    }));
    expect(placed).toEqual(X.map(() => "placed"));
    expect(r.warnings.filter((w) => w.includes("outside"))).toEqual([]);
  });

  test("what belongs to the turn still trades: awaits inside onBar, a promise of the same turn not awaited, an onBar that is not async but returns a promise", async () => {
    const results: Record<string, OrderResult> = {};
    const r = await backtest(X, strategy({
      async onBar(_bar, ctx) {
        const n = ctx.history().length;
        if (n === 1) {
          await Bun.sleep(2);
          results.awaited = await ctx.placeOrder(buy);
        }
        if (n === 2) {
          void Promise.resolve().then(async () => void (results.sameTurn = await ctx.placeOrder(buy)));
          await Bun.sleep(2);
        }
      },
    }));
    const plain = await backtest(X, strategy({
      onBar(_bar, ctx) {
        if (ctx.history().length !== 1) return;
        return Bun.sleep(2).then(async () => void (results.notAsync = await ctx.placeOrder(buy)));
      },
    }));
    expect([results.awaited, results.sameTurn, results.notAsync].map((x) => x?.status)).toEqual(["placed", "placed", "placed"]);
    expect(r.counters.ordersRejected).toBe(0);
    expect(plain.counters.ordersRejected).toBe(0);
  });
});
