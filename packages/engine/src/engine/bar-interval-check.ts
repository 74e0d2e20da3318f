import { type Bar, INTERVAL_PATTERN, intervalKey, intervalProblem } from "@argo/core";
import { quoted, shown } from "../strategy/shown-value.ts";

/**
 * Judges the interval a bar is labelled with against the run's. The pipeline and the paper venue take a bar's close time
 * from its own label: a "1d" bar in a 1h session would move the clocks (the venue's never goes back) a day ahead, so
 * orders are stamped in the future and fill bars late; a malformed label ("1H") would throw INVALID_CONFIGURATION out of
 * the run though the config is fine. Live streams refuse such a bar (a stream error), a backtest's BarSource ends the run.
 */
export class BarIntervalCheck {
  private key: string | undefined;
  /** The last label that passed: a feed's bars share one, so a sound bar costs a string comparison. */
  private passed: string | undefined;

  /**
   * `interval`: the run's (already valid). Left out, the first well-formed label becomes the reference (`reference`
   * names it in messages), so at least a history that changes interval midway is refused.
   */
  constructor(
    private interval: string | undefined,
    private readonly reference = "the session's interval",
  ) {
    if (interval !== undefined) {
      this.key = intervalKey(interval);
      this.passed = interval;
    }
  }

  /** What is wrong with the bar's interval (`interval "1d" is not the session's interval "1h"`), or undefined when it is the run's. */
  fault(bar: Bar): string | undefined {
    const given: unknown = bar.interval;
    return given === this.passed ? undefined : this.judge(given);
  }

  private judge(given: unknown): string | undefined {
    if (typeof given !== "string") return `interval is ${shown(given)}, not a bar interval${this.suffix()}`;
    if (intervalProblem(given) !== undefined) {
      const why = INTERVAL_PATTERN.test(given)
        ? "longer than a year, the longest bar interval"
        : "no bar interval (expected a number from 1 without leading zeros and a unit s, m, h, d, w or M)";
      return `interval ${quoted(given)} is ${why}${this.suffix()}`;
    }
    const key = intervalKey(given);
    if (this.key === undefined) {
      this.interval = given;
      this.key = key;
    } else if (key !== this.key) {
      return `interval ${quoted(given)} is not ${this.reference} ${quoted(this.interval!)}`;
    }
    this.passed = given;
    return undefined;
  }

  /** Names the reference interval after a malformed label, when there is one yet. */
  private suffix(): string {
    return this.interval === undefined ? "" : `; ${this.reference} is ${quoted(this.interval)}`;
  }
}
