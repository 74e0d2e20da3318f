import { afterAll, describe, expect, test } from "bun:test";
import { ArgoError, type Fill, type Order, type Position, type TradingEventListener } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-start-events-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Closes 100..109 (lows from 99.5 up): a limit buy at 90 placed on the first bar rests through the first session.
const bars = barsFromCloses("BTC", Array.from({ length: 10 }, (_, i) => 100 + i));
/** The market dips to 85 during the resumed session's start: the resting buy at 90 fills (FakeVenue: at min(open 95, 90) = 90). */
const dip = { ...bars[9]!, openTime: bars[9]!.openTime + 60_000, open: 95, high: 96, low: 85, close: 96 };
/** The first bar of the resumed session (low 95: nothing else fills). */
const next = { ...bars[9]!, openTime: dip.openTime + 60_000, open: 96, high: 97, low: 95, close: 97 };

/** When, during the start-up reads, the venue fills the resting entry (sending its events at once). */
type FillAt = "after open orders answer" | "before open orders read" | "never";

/**
 * A venue across a network whose resting order fills while a session starts: `after open orders answer` fills it just
 * after the open orders read answered (listing it SUBMITTED) while the positions read is still on its way (a slower REST
 * call: it answers once the fill happened, so with the position); `before open orders read` fills it inside the account
 * read, so every read already shows the fill. Counts the listeners subscribed to its events.
 */
class FillingAtStartVenue extends FakeVenue {
  fillAt: FillAt = "never";
  listening = 0;
  /** What the open orders reads answered, as "id STATUS". */
  readonly openAnswers: string[][] = [];
  private filled: Promise<void> = Promise.resolve();
  private fillDone: () => void = () => {};

  override on(listener: TradingEventListener) {
    this.listening++;
    const off = super.on(listener);
    let done = false;
    return () => {
      if (done) return undefined;
      done = true;
      this.listening--;
      return off();
    };
  }

  /** Called first of the three reads (the start asks account, positions, open orders at once, in that order). */
  override async getAccount() {
    if (this.fillAt === "before open orders read") this.fillNow();
    // The positions read, asked next, waits for the fill to come after the open orders answer.
    if (this.fillAt === "after open orders answer") this.filled = new Promise((resolve) => (this.fillDone = resolve));
    return super.getAccount();
  }

  override async getOpenOrders(symbol?: string): Promise<Order[]> {
    const answer = await super.getOpenOrders(symbol);
    this.openAnswers.push(answer.map((o) => `${o.clientOrderId} ${o.status}`));
    if (this.fillAt === "after open orders answer") {
      // A turn of the event loop after the answer: the engine has it, and is waiting for the positions read.
      setTimeout(() => {
        this.fillNow();
        this.fillDone();
      }, 0);
    }
    return answer;
  }

  override async getPositions(): Promise<Position[]> {
    await this.filled;
    return super.getPositions();
  }

  private fillNow(): void {
    this.fillAt = "never";
    this.setTime(dip.openTime);
    this.processBar(dip);
  }
}

/** The entry: BUY 2 BTC, limit 90, on the first bar; it rests when the session stops. */
const entering = testStrategy({
  onBar(bar, ctx) {
    if (bar === bars[0]) void ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 2, limitPrice: 90, clientOrderId: "entry" });
  },
});

/** A strategy logging init, the updates it hears ("id STATUS filled") and its bars, in the order they happen. */
function logging(log: string[]) {
  return testStrategy({
    init: () => void log.push("init"),
    onBar: (bar) => void log.push(`bar ${bar.openTime === next.openTime ? "next" : bar.openTime}`),
    onOrderUpdate: (order) => void log.push(`${order.clientOrderId} ${order.status} ${order.filledQuantity}`),
  });
}

/** Runs the first session (the entry rests), then resumes it on the same journal with the venue filling at `fillAt`. */
async function resumeFillingAt(name: string, fillAt: FillAt) {
  const sessionDir = join(root, name);
  const venue = new FillingAtStartVenue({ cash: 10_000 });
  const first = await runEngine({ bars, venue, strategy: entering, engine: { sessionDir } });
  expect(first.result?.openOrders.map((o) => o.clientOrderId)).toEqual(["entry"]);
  expect(venue.listening).toBe(0);
  venue.fillAt = fillAt;
  const log: string[] = [];
  const run = await runEngine({ bars: [...bars, next], venue, strategy: logging(log), engine: { sessionDir } });
  return { run, log, venue, sessionDir };
}

describe("events the venue sends during the start-up reads", () => {
  for (const fillAt of ["after open orders answer", "before open orders read"] as const) {
    test(`a resting order filling ${fillAt}: booked once, FILLED in the journal and the mirror, heard once after init`, async () => {
      const { run, log, venue, sessionDir } = await resumeFillingAt(fillAt.replaceAll(" ", "-"), fillAt);
      expect(run.error).toBeUndefined();
      // The venue filled it: 2 at 90 (see dip), one fill.
      expect(venue.orders.get("entry")?.status).toBe("FILLED");
      expect(venue.trades.length).toBe(1);
      // The resumed start's open orders read (the second) listed the entry still working only when it filled after the answer.
      expect(venue.openAnswers[1]).toEqual(fillAt === "after open orders answer" ? ["entry SUBMITTED"] : []);
      // By hand: one fill, booked once, however it reached the engine (the held events, or the reconcile's lookup).
      expect(run.result?.counters.fills).toBe(1);
      expect(run.named("onOrderFilled").map(([f]) => [(f as Fill).clientOrderId, (f as Fill).quantity, (f as Fill).price])).toEqual([["entry", 2, 90]]);
      const rows = journalRows<{ client_order_id: string; status: string; filled_quantity: number }>(sessionDir, "SELECT client_order_id, status, filled_quantity FROM orders");
      expect(rows.map((r) => [r.client_order_id, r.status, r.filled_quantity])).toEqual([["entry", "FILLED", 2]]);
      expect(journalRows<{ n: number }>(sessionDir, "SELECT COUNT(*) AS n FROM fills")[0]!.n).toBe(1);
      // The mirror: nothing open, LONG 2 (not 4: the position events and the positions read are states, not additions).
      expect(run.result?.openOrders).toEqual([]);
      expect(run.result?.positions.map((p) => [p.side, p.quantity])).toEqual([["LONG", 2]]);
      // Cash by hand: 10,000 - 2 × 90.
      expect(run.result?.account.balance).toBe(10_000 - 2 * 90);
      // Heard once, after init (held for it: see StrategyRunner), before the first bar; the engine's callback once too.
      expect(log).toEqual(["init", "entry FILLED 2", "bar next"]);
      const told = run.named("onOrderUpdate").map(([o]) => o as Order).filter((o) => o.clientOrderId === "entry");
      expect(told.map((o) => `${o.status} ${o.filledQuantity}`)).toEqual(["FILLED 2"]);
      expect(run.result?.counters.errors).toBe(0);
      expect(venue.listening).toBe(0);
    });
  }
});

describe("the subscription of a start", () => {
  test("a start refused at its reads leaves no listener at the venue", async () => {
    const venue = new FillingAtStartVenue({ cash: 10_000 });
    venue.getPositions = async () => {
      throw new ArgoError("CONNECTION_LOST", "positions unavailable");
    };
    const run = await runEngine({ bars, venue, strategy: testStrategy({}) });
    expect((run.error as ArgoError | undefined)?.code).toBe("CONNECTION_LOST");
    expect(venue.listening).toBe(0);
  });

  test("a start whose init fails leaves no listener at the venue", async () => {
    const venue = new FillingAtStartVenue({ cash: 10_000 });
    const run = await runEngine({ bars, venue, strategy: testStrategy({ init: () => { throw new Error("no init"); } }) });
    expect((run.error as ArgoError | undefined)?.code).toBe("STRATEGY_INIT_FAILED");
    expect(venue.listening).toBe(0);
  });

  test("a start stopped during its reads leaves no listener at the venue", async () => {
    const venue = new FillingAtStartVenue({ cash: 10_000 });
    const stop = new AbortController();
    venue.getOpenOrders = async () => {
      stop.abort(new Error("stopped"));
      return new Promise<Order[]>(() => {});
    };
    const run = await runEngine({ bars, venue, strategy: testStrategy({}), signal: stop.signal });
    expect(run.error).toBeDefined();
    expect(venue.listening).toBe(0);
  });
});
