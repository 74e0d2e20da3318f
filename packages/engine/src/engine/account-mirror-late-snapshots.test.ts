import { describe, expect, test } from "bun:test";
import type { Account, Position } from "@argo/core";
import { AccountMirror } from "./account-mirror.ts";

const account = (balance: number, updatedAt?: number): Account =>
  ({ currency: "USD", balance, equity: balance, buyingPower: balance, realizedPnl: 0, unrealizedPnl: 0, totalFees: 0, marginUsed: 0, updatedAt }) as Account;
const position = (quantity: number, updatedAt?: number): Position =>
  ({ symbol: "X", side: "LONG", quantity, averagePrice: 100, marketPrice: 100, unrealizedPnl: 0, realizedPnl: 0, openedAt: 0, updatedAt }) as Position;

// A venue that sends its snapshots on a timer, or whose events are reordered on the wire, can deliver a position or
// account made before a fill after the one made after it (found by a conformance-kit fuzz: the kit passes such a venue).
describe("a position or account snapshot delivered after a fresher one", () => {
  test("an older position (stamped before the newest fill) unconfirms the position a fresh event had confirmed", () => {
    const mirror = new AccountMirror(account(10_000, 0), [], []);
    mirror.fillNoted("X", 100); // sold 1 of 2 at t = 100
    mirror.applyPosition("X", position(1, 100), true);
    expect(mirror.positionConfirmed("X")).toBe(true);
    mirror.applyPosition("X", position(2, 99), true); // made before the fill, delivered after
    // Before: still confirmed, and LONG 2 stood as current until the next fill (the venue held 1).
    expect(mirror.positionConfirmed("X")).toBe(false);
    expect(mirror.confirmed).toBe(false);
  });

  test("an older account unconfirms the account a fresh event had confirmed", () => {
    const mirror = new AccountMirror(account(10_000, 0), [], []);
    mirror.fillNoted("X", 100);
    mirror.applyAccount(account(9_900, 100), true);
    expect(mirror.accountConfirmed).toBe(true);
    mirror.applyAccount(account(10_000, 99), true);
    expect(mirror.accountConfirmed).toBe(false);
    // A read (not an event) confirms it again.
    mirror.applyAccount(account(9_900, 100));
    expect(mirror.accountConfirmed).toBe(true);
  });

  test("after a fill, a snapshot without a stamp confirms nothing: it cannot say it holds the fill", () => {
    const mirror = new AccountMirror(account(10_000, 0), [], []);
    mirror.fillNoted("X", 100);
    mirror.applyAccount(account(9_900), true);
    mirror.applyPosition("X", position(1), true);
    // Before: a missing stamp counted as fresh (undefined < 100 is false).
    expect(mirror.accountConfirmed).toBe(false);
    expect(mirror.positionConfirmed("X")).toBe(false);
    // Before any fill, an unstamped event is as good as any: nothing can be missing from it.
    const fresh = new AccountMirror(account(10_000, 0), [], []);
    fresh.applyAccount(account(10_000), true);
    expect(fresh.accountConfirmed).toBe(true);
  });

  test("a late snapshot showing what the mirror holds already leaves it confirmed (no read for nothing)", () => {
    const mirror = new AccountMirror(account(10_000, 0), [], []);
    mirror.fillNoted("X", 100);
    mirror.applyPosition("X", undefined); // a read: flat
    mirror.applyPosition("X", undefined, true); // the close's flat event, held back on the wire until now
    expect(mirror.positionConfirmed("X")).toBe(true);
    mirror.applyPosition("X", position(1, 100), true);
    mirror.applyPosition("X", position(1, 99), true); // stamped before the fill, but the same LONG 1
    expect(mirror.positionConfirmed("X")).toBe(true);
  });

  test("a position listed flat (quantity 0) at the start is not held", () => {
    const mirror = new AccountMirror(account(10_000, 0), [position(0, 0)], []);
    // Before: the strategy saw LONG 0 all session, and "buy when flat" never traded.
    expect(mirror.positions()).toEqual([]);
    expect(mirror.positionsBySymbol.has("X")).toBe(false);
  });
});
