/** Where a progress bar writes: stderr by default; anything with `write` (tests pass a collector). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Options of the backtest progress bar. */
export interface ProgressOptions {
  /** Default process.stderr. */
  stream?: ProgressStream;
  /** Smallest wall-clock gap between two redraws, ms; default 200. */
  intervalMs?: number;
  /** Bar width in characters; default 30. */
  width?: number;
}

/** The progress a backtest reports: bars so far, and the share of the time range covered when it is known. */
export interface ProgressState {
  bars: number;
  /** 0–1, undefined when the end of the range is unknown. */
  fraction: number | undefined;
}

/**
 * A one-line progress bar for long backtests. It only reads what it is given and writes to its
 * stream, at most once per `intervalMs` (on a terminal the line is redrawn in place with \r;
 * elsewhere one line per redraw), so results never depend on it.
 */
export class ProgressBar {
  private readonly stream: ProgressStream;
  private readonly intervalMs: number;
  private readonly width: number;
  private readonly startedAt: number;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private lastPercent = -1;
  private drawn = false;
  /** A terminal line drawn and not ended yet: anything else written to the terminal would be glued onto it. */
  private lineOpen = false;

  constructor(options: ProgressOptions = {}, private readonly now: () => number = () => performance.now()) {
    this.stream = options.stream ?? process.stderr;
    this.intervalMs = options.intervalMs ?? 200;
    this.width = options.width ?? 30;
    this.startedAt = now();
  }

  /** Redraws if the throttle allows (and the percentage moved); cheap to call often. */
  update(state: ProgressState): void {
    const t = this.now();
    if (t - this.lastDraw < this.intervalMs) return;
    const percent = state.fraction === undefined ? -1 : Math.floor(state.fraction * 100);
    if (this.drawn && percent !== -1 && percent === this.lastPercent) return;
    this.draw(state, t, false);
  }

  /** Draws the final state and ends the line. */
  finish(state: ProgressState): void {
    this.draw(state, this.now(), true);
  }

  /** Ends a terminal line left open (a run that failed or stopped before finish), so what follows starts on its own line. */
  end(): void {
    if (!this.lineOpen) return;
    this.lineOpen = false;
    this.stream.write("\n");
  }

  /** The text of one progress line. */
  render(state: ProgressState, elapsedMs: number): string {
    const rate = elapsedMs > 0 ? (state.bars / elapsedMs) * 1000 : 0;
    const counts = `${state.bars.toLocaleString("en-US")} bars, ${formatRate(rate)} bars/s`;
    if (state.fraction === undefined) return `backtest ${counts}`;
    const fraction = Math.min(1, Math.max(0, state.fraction));
    const filled = Math.round(fraction * this.width);
    const percent = `${Math.floor(fraction * 100)}`.padStart(3);
    return `backtest [${"#".repeat(filled)}${"-".repeat(this.width - filled)}] ${percent}% ${counts}`;
  }

  private draw(state: ProgressState, t: number, final: boolean): void {
    this.lastDraw = t;
    this.lastPercent = state.fraction === undefined ? -1 : Math.floor(state.fraction * 100);
    this.drawn = true;
    const line = this.render(state, t - this.startedAt);
    const tty = this.stream.isTTY === true;
    this.lineOpen = tty && !final;
    this.stream.write(tty ? `\r${line}\x1b[K${final ? "\n" : ""}` : `${line}\n`);
  }
}

/** Whether to show progress: asked explicitly, or "auto" on an interactive stderr. */
export function resolveProgress(option: boolean | "auto" | ProgressOptions | undefined): ProgressOptions | undefined {
  if (option === undefined || option === false) return undefined;
  if (option === true) return {};
  if (option === "auto") return process.stderr.isTTY ? {} : undefined;
  return option;
}

function formatRate(rate: number): string {
  if (rate >= 1e6) return `${(rate / 1e6).toFixed(2)}M`;
  if (rate >= 1e3) return `${(rate / 1e3).toFixed(1)}k`;
  return rate.toFixed(0);
}
