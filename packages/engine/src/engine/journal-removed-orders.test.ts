import { isArgoError } from "@argo/core";
import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, type TestRun, testStrategy } from "../test-fixtures/run-engine.ts";
import type { OrderRejection } from "./callbacks.ts";

const root = mkdtempSync(join(tmpdir(), "argo-journal-removed-orders-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test("session directory removed mid-session: no later order reaches the venue, the session halts, and a second engine on it is refused", async () => {
  const dir = join(root, "session");
  const venue = new FakeVenue();
  const results: OrderResult[] = [];
  let second: TestRun | undefined;
  let bar = 0;
  const strategy = testStrategy({
    async onBar(_bar, ctx) {
      bar++;
      if (bar === 2) {
        rmSync(dir, { recursive: true, force: true }); // a cleanup of the data folder while the session runs
        // Another engine of this process on the same directory: its claim went with the directory, the first still runs.
        second = await runEngine({ bars: barsFromCloses("X", [100], Date.UTC(2024, 0, 2)), strategy: testStrategy({}, "other"), engine: { sessionDir: dir, mode: "live" } });
      }
      results.push(await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 1 }));
    },
  });
  const run = await runEngine({ bars: barsFromCloses("X", [100, 101, 102]), venue, strategy, engine: { sessionDir: dir, mode: "live" } });

  // Bar 1's order was recorded and sent; bars 2 and 3 came after the removal: neither may be sent unrecorded. Bar 2's
  // found the loss (refused by the engine, and the session halted); bar 3's is refused as any order once HALTED.
  expect(results.map((r) => r.status)).toEqual(["placed", "rejected", "rejected"]);
  expect(venue.placed).toHaveLength(1);
  const [, found, later] = results;
  expect(found?.status === "rejected" && found.code).toBe("INTERNAL");
  expect(found?.status === "rejected" && found.reason).toContain("not sent: the session journal could not record it first (session journal");
  expect(found?.status === "rejected" && found.reason).toContain("was removed or replaced");
  expect(later?.status === "rejected" && later.code).toBe("TRADING_HALTED");
  const rejected = run.named("onOrderRejected").map(([r]) => (r as OrderRejection).source);
  expect(rejected).toEqual(["engine", "risk"]);
  const errors = run.named("onError").map(([e]) => (e as Error).message);
  expect(errors.filter((m) => m.includes("not sent: the session journal could not record it first"))).toHaveLength(1);
  expect(run.result?.tradingState).toBe("HALTED");
  // The second engine never started trading.
  expect(isArgoError(second?.error, "INVALID_CONFIGURATION")).toBe(true);
  expect((second?.error as Error).message).toContain(`in use by process ${process.pid}`);
});
