import "@argo/provider-paper";
import { afterAll, describe, expect, test } from "bun:test";
import type { Bar } from "@argo/core";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { writeOldSessionsJournal } from "../test-fixtures/old-sessions-journal.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-journal-venue-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const first = barsFromCloses("X", [100, 101, 102]);
const later = barsFromCloses("X", [100, 101, 102, 103, 104]);

/** On its first bar leaves a limit buy far below the market working (a live start asks the venue about it). */
const trader = testStrategy({
  onBar(bar: Bar, ctx) {
    if (ctx.state.get("placed") === true) return;
    ctx.state.set("placed", true);
    ctx.placeOrder({ symbol: bar.symbol, side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 1 });
  },
});

/** A venue (optionally under another name) that counts the orders it is asked about. */
function countingVenue(name?: string): FakeVenue & { asked: string[] } {
  const venue = Object.assign(new FakeVenue(), { asked: [] as string[] }, name === undefined ? {} : { name });
  const getOrder = venue.getOrder.bind(venue);
  venue.getOrder = (id: string) => {
    venue.asked.push(id);
    return getOrder(id);
  };
  return venue;
}

const sessions = (sessionDir: string) => journalRows<{ venue: string | null; account: string | null }>(sessionDir, "SELECT venue, account FROM sessions ORDER BY id");
const paper = (initialCapital: number, currency = "USD") => ({ provider: "paper", config: { initialCapital, currency, commission: { takerRate: 0 } } });

describe("a live session resumes only the journal of its own venue and account", () => {
  test("another account: refused before the venue is asked about the journal's orders; that account resumes it", async () => {
    const sessionDir = join(root, "other-account");
    const a = await runEngine({ bars: first, strategy: trader, engine: { sessionDir, mode: "live", account: "acct-A" } });
    expect(a.result?.openOrders).toHaveLength(1);
    const id = a.result!.openOrders[0]!.clientOrderId;

    const venueB = countingVenue();
    const b = await runEngine({ bars: later, strategy: trader, venue: venueB, engine: { sessionDir, mode: "live", account: "acct-B" } });
    expect(b.error).toMatchObject({ code: "INVALID_CONFIGURATION", details: { field: "sessionDir", account: "acct-B", recorded: [{ venue: "fake-venue", account: "acct-A" }] } });
    const message = (b.error as Error).message;
    expect(message).toContain(`sessionDir: ${sessionDir} holds the journal of a live session at venue "fake-venue", account "acct-A"`);
    expect(message).toContain('this session trades at venue "fake-venue", account "acct-B"');
    expect(message).toContain("Trade at that account again, or give this session another session directory (engine.data_dir");
    // Account B was not asked about account A's order, nor was the order recorded as failed.
    expect(venueB.asked).toEqual([]);
    expect(venueB.placed).toEqual([]);
    expect(journalRows<{ status: string }>(sessionDir, "SELECT status FROM orders")).toEqual([{ status: "SUBMITTED" }]);

    // Account A again (the venue that holds the order): resumed, the order still working there.
    const again = await runEngine({ bars: later, strategy: trader, venue: a.venue, engine: { sessionDir, mode: "live", account: "acct-A" } });
    expect(again.error).toBeUndefined();
    expect(again.named("onError")).toEqual([]);
    expect(again.result?.openOrders.map((order) => order.clientOrderId)).toEqual([id]);
    expect(sessions(sessionDir)).toEqual([{ venue: "fake-venue", account: "acct-A" }, { venue: "fake-venue", account: "acct-A" }]);
  });

  test("another venue: refused, naming both", async () => {
    const sessionDir = join(root, "other-venue");
    await runEngine({ bars: first, strategy: trader, engine: { sessionDir, mode: "live" } });
    const other = countingVenue("other-venue");
    const b = await runEngine({ bars: later, strategy: trader, venue: other, engine: { sessionDir, mode: "live" } });
    expect(b.error).toMatchObject({ code: "INVALID_CONFIGURATION", details: { field: "sessionDir", venue: "other-venue" } });
    const message = (b.error as Error).message;
    expect(message).toContain('holds the journal of a live session at venue "fake-venue"; this session trades at venue "other-venue"');
    expect(message).toContain("Trade at that venue and account again");
    expect(other.asked).toEqual([]);
  });

  test("a session without an account key is compared by the venue alone, and records none", async () => {
    const sessionDir = join(root, "no-key");
    await runEngine({ bars: first, strategy: trader, engine: { sessionDir, mode: "live", account: "acct-A" } });
    const b = await runEngine({ bars: later, strategy: trader, engine: { sessionDir, mode: "live" } });
    expect(b.error).toBeUndefined();
    expect(sessions(sessionDir)).toEqual([{ venue: "fake-venue", account: "acct-A" }, { venue: "fake-venue", account: null }]);
  });

  test("an account that is a configured secret is stored and named only as [REDACTED]", async () => {
    const secret = "acct-9-very-secret";
    const refusedDir = join(root, "secret-refused");
    await runEngine({ bars: first, strategy: trader, engine: { sessionDir: refusedDir, mode: "live", account: "acct-A" } });
    const b = await runEngine({ bars: later, strategy: trader, engine: { sessionDir: refusedDir, mode: "live", account: secret, secrets: [secret] } });
    expect(b.error).toMatchObject({ code: "INVALID_CONFIGURATION", details: { account: "[REDACTED]" } });
    expect((b.error as Error).message).toContain('this session trades at venue "fake-venue", account "[REDACTED]"');
    expect(JSON.stringify({ message: (b.error as Error).message, details: (b.error as { details?: unknown }).details })).not.toContain(secret);

    const storedDir = join(root, "secret-stored");
    await runEngine({ bars: first, strategy: trader, engine: { sessionDir: storedDir, mode: "live", account: secret, secrets: [secret] } });
    expect(sessions(storedDir)).toEqual([{ venue: "fake-venue", account: "[REDACTED]" }]);
    expect(readFileSync(join(storedDir, "journal.sqlite")).includes(secret)).toBe(false);
  });

  test("an empty account is refused as a config mistake, before anything is connected", async () => {
    const venue = countingVenue();
    const run = await runEngine({ bars: first, strategy: trader, venue, engine: { mode: "live", account: "" } });
    expect(run.error).toMatchObject({ code: "INVALID_CONFIGURATION", details: { field: "account" } });
    expect(venue.connectionState()).toBe("DISCONNECTED");
  });
});

describe("a paper session resumes only the journal of the paper account it starts as", () => {
  test("another starting cash or currency is refused before the recorded account is rebuilt; the same one resumes it", async () => {
    const sessionDir = join(root, "paper-capital");
    // A market buy of 90 on the first bar fills at the next bar's open, 100, without commission: 9,000 of the 10,000.
    const buyer = testStrategy({
      onBar(_bar: Bar, ctx) {
        if (ctx.state.get("bought") === true) return;
        ctx.state.set("bought", true);
        ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 90 });
      },
    });
    const flat = barsFromCloses("X", [100, 100, 100, 100]);
    const a = await runEngine({ bars: flat, strategy: buyer, engine: { sessionDir, trading: paper(10_000) } });
    expect(a.result?.account.balance).toBe(1_000);

    for (const [capital, currency] of [[1_000, "USD"], [10_000, "EUR"]] as const) {
      const b = await runEngine({ bars: flat, strategy: buyer, engine: { sessionDir, trading: paper(capital, currency) } });
      expect(b.error).toMatchObject({ code: "INVALID_CONFIGURATION", details: { field: "sessionDir" } });
      const message = (b.error as Error).message;
      expect(message).toContain('holds the journal of a paper session at venue "paper", account "starting cash 10000 USD"');
      expect(message).toContain(`this session trades at venue "paper", account "starting cash ${capital} ${currency}"`);
    }
    const resumed = await runEngine({ bars: flat, strategy: buyer, engine: { sessionDir, trading: paper(10_000) } });
    expect(resumed.error).toBeUndefined();
    expect([resumed.result?.account.balance, resumed.result?.account.equity]).toEqual([1_000, 10_000]);
    expect(sessions(sessionDir)).toEqual([{ venue: "paper", account: "starting cash 10000 USD" }, { venue: "paper", account: "starting cash 10000 USD" }]);
  });

  test("a journal written before venues were recorded: accepted with any account, which the session then records", async () => {
    const sessionDir = join(root, "old-journal");
    // The sessions table as journals had it before (no venue, no account), with one paper session of the strategy.
    writeOldSessionsJournal(sessionDir, "test-strategy", "paper");

    const idle = testStrategy({});
    const b = await runEngine({ bars: first, strategy: idle, engine: { sessionDir, trading: paper(5_000) } });
    expect(b.error).toBeUndefined();
    expect(sessions(sessionDir)).toEqual([{ venue: null, account: null }, { venue: "paper", account: "starting cash 5000 USD" }]);
    const c = await runEngine({ bars: first, strategy: idle, engine: { sessionDir, trading: paper(6_000) } });
    expect((c.error as Error | undefined)?.message).toContain('account "starting cash 5000 USD"');
  });
});
