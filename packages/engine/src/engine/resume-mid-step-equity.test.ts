import { afterAll, describe, expect, test } from "bun:test";
import { rmSync } from "node:fs";
import { H, hedgeDir, runHedge, T0 } from "../test-fixtures/hedge-session.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

// A hedge (see runHedge): in the 23:00 step AAA goes 100 → 110 and BBB 50 → 45, so equity stays 100,000 at every step.
const fresh = (aaa: number[], bbb: number[]) => hedgeDir(dirs, aaa, bbb);
const run = (dir: string, risk: Record<string, number>, stopAfter?: string) => runHedge(dir, risk, stopAfter);

const STEP_23 = T0 + 3 * H;

describe("a session stopped between two symbols' bars of one time step resumes without a mixed equity figure", () => {
  test("the drawdown peak is not raised to AAA's new close beside BBB's old one (no false HALT)", async () => {
    const aaa = [100, 100, 100, 110, 110, 110];
    const bbb = [50, 50, 50, 45, 45, 45];
    const risk = { maxDrawdown: 0.02, haltDrawdown: 0.03 };
    expect(await run(fresh(aaa, bbb), risk)).toEqual(["late entry: placed"]);
    const dir = fresh(aaa, bbb);
    await run(dir, risk, `AAA@${STEP_23}`);
    // Before: 400 × 110 + 800 × 50 = 104,000 (a figure no step had) raised the peak; 100,000 then read as a 3.85 % drawdown.
    expect(await run(dir, risk)).toEqual(["late entry: placed"]);
  });

  test("the day's start is not taken from that figure when the interrupted step closes at midnight", async () => {
    // The 23:00 step is judged at its close, 00:00, a new day: before, its start was the mixed 104,000 the session
    // started with, and 100,000 read as a daily loss of 3.85 % (REDUCING, the entry refused).
    const aaa = [100, 100, 100, 110, 110, 110];
    const bbb = [50, 50, 50, 45, 45, 45];
    const risk = { maxDailyLoss: 0.005 };
    expect(await run(fresh(aaa, bbb), risk)).toEqual(["late entry: placed"]);
    const dir = fresh(aaa, bbb);
    await run(dir, risk, `AAA@${STEP_23}`);
    expect(await run(dir, risk)).toEqual(["late entry: placed"]);
  });
});
