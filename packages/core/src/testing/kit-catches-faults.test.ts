import { describe, expect, test } from "bun:test";
import { join } from "node:path";

const CONFORMANCE = join(import.meta.dir, "__fixtures__", "kit-venue-conformance.ts");
// The kit tests a small venue can take part in (the fixture venue has no funds or max-quantity logic for the others):
// positions of a fresh account and of a closed one; a market order's fill, fill, position and account events; a resting limit order
// cancelled; the client id of a filled and of a cancelled order placed again.
const FRESH = "a flat position is not listed";
const MARKET_ORDER = "a market order returns both ids";
const RESTING = "a resting limit order is open until cancelled";
const FILLED_ID = "the id of a filled order is not used again";
const CANCELLED_ID = "the id of a cancelled order is not used again";
const failed = (fault: string, test: string) => `(fail) trading conformance: kit venue (fault: ${fault}) > ${test}`;

/** Runs the kit's tests matching `filter` against the fixture venue with `fault`, in a child `bun test`. */
function runKit(fault: string, filter: string): { exitCode: number; output: string } {
  const child = Bun.spawnSync(["bun", "test", CONFORMANCE, "-t", filter], {
    cwd: import.meta.dir,
    env: { ...process.env, KIT_VENUE_FAULT: fault },
    stdout: "pipe",
    stderr: "pipe",
  });
  return { exitCode: child.exitCode, output: `${child.stdout.toString()}${child.stderr.toString()}` };
}

describe("the conformance kit fails a provider the engine cannot use", () => {
  test("an honest venue passes the five tests (so a failure below is the fault's)", () => {
    const run = runKit("none", [FRESH, MARKET_ORDER, RESTING, FILLED_ID, CANCELLED_ID].join("|"));
    expect(run.output).toContain(" 5 pass");
    expect(run.exitCode).toBe(0);
  });

  test("a fill event whose fee is the venue's decimal string fails, naming the field", () => {
    // The venue's behaviour is right in all else (the fill's quantity and the order's status are), only the fee's type is wrong.
    const run = runKit("fee-string", MARKET_ORDER);
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain("(fail) trading conformance: kit venue (fault: fee-string) > a market order returns both ids");
    expect(run.output).toContain("emitted a fill event (order conf-mkt-1) whose fill has a fee that is a string");
  });

  test("a venue that forgets a cancelled order's client id, and takes it again as a new order, fails", () => {
    const run = runKit("forget-cancelled", CANCELLED_ID);
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain(`(fail) trading conformance: kit venue (fault: forget-cancelled) > ${CANCELLED_ID}`);
    expect(run.output).toContain("expected a refusal with DUPLICATE_ORDER, but the call succeeded");
  });

  test("positions and accounts without updatedAt fail, in answers and in events, naming the field", () => {
    const run = runKit("no-stamp", `${FRESH}|${MARKET_ORDER}`);
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain(failed("no-stamp", FRESH));
    expect(run.output).toContain(failed("no-stamp", MARKET_ORDER));
    const missing = "has an updatedAt that is missing, not a time (epoch milliseconds): stamp it with the venue's time of the figures";
    expect(run.output).toContain(`getAccount answered an account that ${missing}`);
    expect(run.output).toContain(`getPosition answered a position that ${missing}`);
    expect(run.output).toContain(`emitted a position event for BTCUSDT whose position ${missing}`);
    expect(run.output).toContain(`emitted an account event whose account ${missing}`);
  });

  test("a flat position listed with quantity 0 fails: a flat position is not listed", () => {
    const run = runKit("zero-position", FRESH);
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain(failed("zero-position", FRESH));
    expect(run.output).toContain("getPosition answered a position that has a quantity of 0: a flat position is not listed");
  });

  test("cancelling an id never placed must be refused with ORDER_NOT_FOUND, not answered as cancelled", () => {
    const run = runKit("cancel-unknown-ok", RESTING);
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain(failed("cancel-unknown-ok", RESTING));
    expect(run.output).toContain("expected a refusal with ORDER_NOT_FOUND, but the call succeeded");
  });

  test("times in epoch seconds fail as such", () => {
    const run = runKit("seconds", MARKET_ORDER);
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain(failed("seconds", MARKET_ORDER));
    // A time of today in seconds is 1.7e9 or more, far below 1e11 (1973 in milliseconds); its digits vary with the clock.
    expect(run.output).toMatch(/placeOrder answered an order that has createdAt 1\d{9}, which looks like epoch seconds, not milliseconds/);
    expect(run.output).toMatch(/getTrades answered a list whose item 0 \(a trade\) has time 1\d{9}, which looks like epoch seconds/);
  });

  test("the same fill reported twice with the same id counts once, as docs/plugins.md allows", () => {
    // With the repeat counted, the fill events of the 1 ordered would sum to 2 and the market order test would fail.
    const run = runKit("repeat-fill", `${MARKET_ORDER}|${FILLED_ID}`);
    expect(run.output).toContain(" 2 pass");
    expect(run.exitCode).toBe(0);
  });

  test("a filledQuantity that is not the sum of the order's fills fails naming both", () => {
    // The fixture orders 1 and fills it in one fill of 1; the fault halves the filledQuantity it reports to 0.5.
    const run = runKit("filled-half", MARKET_ORDER);
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain(failed("filled-half", MARKET_ORDER));
    expect(run.output).toContain("order conf-mkt-1: filledQuantity 0.5 ≠ sum of its fills 1");
  });

  test("placeOrder resolving before getOrder knows the order fails saying so", () => {
    // The fixture's venue ids count from 1, and the market order test looks its order up by venue id.
    const run = runKit("getorder-lags", MARKET_ORDER);
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain(failed("getorder-lags", MARKET_ORDER));
    expect(run.output).toContain('placeOrder resolved but getOrder("1") does not know the order (it threw ORDER_NOT_FOUND');
  });
});
