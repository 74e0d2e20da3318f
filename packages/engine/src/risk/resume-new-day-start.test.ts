// Differential: an uninterrupted run against the same run stopped and resumed on its journal, around a UTC day's end.
// (a) Stopped between two symbols' bars of the step that opens a new day (the 23:00 hourly step closes at 00:00): the
//     resumed session started that day from that step's own equity, so a day's loss the uninterrupted session measured
//     from the step before went unseen. The journal now keeps the last judged step's equity, and the day starts from it.
// (b) A daily-loss halt whose journal's last step closed in the next UTC day: HALTED is final for the session, not for
//     its journal (README, Risk): resumed there, the day is a later one, and it starts from the equity at the restart.
import { afterAll, describe, expect, test } from "bun:test";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { withJournal } from "../test-fixtures/edited-journal.ts";
import { H, hedgeDir, runHedge, T0 } from "../test-fixtures/hedge-session.ts";

const DAY = 24 * H;
const JAN_2 = Date.UTC(2024, 0, 2);
const BBB = [50, 50, 50, 50, 50, 50];
const RISK = { maxDailyLoss: 0.005 }; // REDUCING at 0.5 %, HALTED at 0.75 % (1.5 ×)
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const fresh = (aaa: number[]) => hedgeDir(dirs, aaa, BBB);
const run = (dir: string, stopAfter?: string) => runHedge(dir, RISK, stopAfter);

const marksOf = (dir: string) => withJournal(join(dir, "session"), (j) => j.loadRiskState());
const STEP_23 = T0 + 3 * H; // the 23:00 step: closes at 00:00, the first step judged on January 2

describe("(a) resumed between two symbols' bars of the step that opens a new UTC day", () => {
  test("the day starts from the last step judged before it, as without the stop: the same REDUCING, the same marks", async () => {
    // By hand: 20,000 cash + 400 AAA + 800 × 50 = 100,000 at every step to 22:00 (closing 23:00, January 1). In the
    // 23:00 step AAA goes 100 → 98.5: 20,000 + 39,400 + 40,000 = 99,400, judged at 00:00: a new day, whose loss is
    // measured from the day before's last equity, 100,000: 0.6 % ≥ 0.5 %, REDUCING (< 0.75 %: no halt), so the 01:00
    // entry is refused. Before, the resumed session started the day from the step's own 99,400 (loss 0) and bought.
    const aaa = [100, 100, 100, 98.5, 98.5, 98.5];
    const uninterrupted = fresh(aaa);
    const expected = ["REDUCING: daily loss 0.60% reached maxDailyLoss 0.50%", "late entry: rejected"];
    expect(await run(uninterrupted)).toEqual(expected);
    const resumed = fresh(aaa);
    expect(await run(resumed, `AAA@${STEP_23}`)).toEqual([]);
    // The journal of the stopped session keeps the 22:00 step, judged at 23:00 (January 1): 100,000.
    expect(marksOf(resumed)).toMatchObject({ day: JAN_2 - DAY, dayStartEquity: 100_000, lastStepEquity: 100_000, lastStepTime: JAN_2 - H });
    expect(await run(resumed)).toEqual(expected);
    // Both journals end alike: January 2 measured from 100,000, its REDUCING kept, the 01:00 step (closing 02:00) last.
    const marks = { peak: 100_000, dayStartEquity: 100_000, day: JAN_2, reducedByDailyLoss: 0.005, lastStepEquity: 99_400, lastStepTime: JAN_2 + 2 * H };
    expect(marksOf(uninterrupted)).toEqual(marks);
    expect(marksOf(resumed)).toEqual(marks);
  });
});

describe("(b) a daily-loss halt whose journal's last step closed in the next UTC day", () => {
  // By hand: AAA 100 → 97.5 in the 21:00 step (closing 22:00): 20,000 + 39,000 + 40,000 = 99,000, 1 % down on the day's
  // 100,000: HALTED (≥ 0.75 %). No close on halt: AAA goes on to 95 (98,000 at 23:00) and 93.5 in the 23:00 step
  // (97,400 at 00:00, January 2), steps the halted session no longer judges.
  const aaa = [100, 97.5, 95, 93.5, 93.5, 93.5];

  test("the uninterrupted session stays HALTED (final for it); resumed, the session is a new one on a later day: ACTIVE", async () => {
    expect(await run(fresh(aaa))).toEqual(["HALTED: daily loss 1.00% reached haltDailyLoss 0.75%", "late entry: rejected"]);
    // Stopped after the 23:00 step's bars, which closed at 00:00 on January 2.
    const dir = fresh(aaa);
    expect(await run(dir, `BBB@${STEP_23}`)).toEqual(["HALTED: daily loss 1.00% reached haltDailyLoss 0.75%"]);
    // The halt's marks keep no last step: the halted session judged none after it.
    expect(marksOf(dir)).toEqual({ peak: 100_000, dayStartEquity: 100_000, day: JAN_2 - DAY, reducedByDailyLoss: 0.005 });
    // January 2 starts from the equity at the restart, 97,400 (the README: on a later day, the day starts from the
    // equity at the restart); flat from there, no loss: the entry goes through.
    expect(await run(dir)).toEqual(["late entry: placed"]);
    expect(marksOf(dir)).toMatchObject({ dayStartEquity: 97_400, day: JAN_2 });
    expect(marksOf(dir)?.reducedByDailyLoss).toBeUndefined();
  });

  test("stopped between the 23:00 step's two bars instead: the same, the halt's 99,000 not taken as the day's start", async () => {
    // Measured from the halt's step (99,000), the 23:00 step's 97,400 would be a 1.62 % loss: HALTED again on January 2
    // by January 1's losses. It starts from that step's own equity, as the complete-step restart above does.
    const dir = fresh(aaa);
    expect(await run(dir, `AAA@${STEP_23}`)).toEqual(["HALTED: daily loss 1.00% reached haltDailyLoss 0.75%"]);
    expect(await run(dir)).toEqual(["late entry: placed"]);
    expect(marksOf(dir)).toMatchObject({ dayStartEquity: 97_400, day: JAN_2 });
  });
});
