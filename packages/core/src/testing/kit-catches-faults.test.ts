import { describe, expect, test } from "bun:test";
import { join } from "node:path";

const CONFORMANCE = join(import.meta.dir, "__fixtures__", "kit-venue-conformance.ts");
// The two kit tests a small venue can take part in: the first sees a market order's fill event, the second re-places the
// client id of a cancelled order. The fixture venue has no funds or max-quantity logic for the others.
const MARKET_ORDER = "a market order returns both ids";
const CANCELLED_ID = "the id of a cancelled order is not used again";

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
  test("an honest venue passes both tests (so a failure below is the fault's)", () => {
    const run = runKit("none", `${MARKET_ORDER}|${CANCELLED_ID}`);
    expect(run.output).toContain(" 2 pass");
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
});
