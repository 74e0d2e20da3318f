import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-order-side-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('a side spelt "buy" (a JavaScript strategy) is refused before the journal records it, so the next start reads the journal', async () => {
  const sessionDir = join(root, "s");
  const results: OrderResult[] = [];
  const venue = new FakeVenue();
  const first = await runEngine({
    bars: barsFromCloses("X", [100, 101]), venue, engine: { sessionDir, mode: "live" },
    strategy: testStrategy({
      async onBar(_bar, ctx) {
        if (ctx.history().length === 1) results.push(await ctx.placeOrder({ side: "buy" as never, quantity: 1 }));
      },
    }),
  });
  expect(first.error).toBeUndefined();
  expect(results.map((r) => (r.status === "rejected" ? [r.code, r.reason] : [r.status]))).toEqual([["INVALID_ORDER", 'side must be BUY or SELL, got the string "buy"']]);
  expect(venue.placed).toEqual([]);
  expect(journalRows(sessionDir, "SELECT client_order_id FROM orders")).toEqual([]);
  // Before, the PENDING row held side "buy", which the start's order check refuses: the session could not resume.
  const second = await runEngine({ bars: barsFromCloses("X", [102]), venue: new FakeVenue(), engine: { sessionDir, mode: "live" }, strategy: testStrategy({}) });
  expect(second.error).toBeUndefined();
});
