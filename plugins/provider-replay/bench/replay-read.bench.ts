// How fast the replay provider reads a large CSV: 500,000 rows through history(), against the
// cheapest possible read (whole file as text, split, Number per cell) measured in one process.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createReplayProvider } from "../src/index.ts";
import { collectRounds, timeMs } from "../../../bench/rounds.ts";
import { median } from "../../../bench/stats.ts";
import { writeResult } from "../../../bench/write-result.ts";

const ROWS = 500_000;
const RUNS = 5;
const dir = mkdtempSync(join(tmpdir(), "argo-replay-bench-"));
const path = join(dir, "big.csv");
const lines = [",Open,High,Low,Close,Volume"];
const start = Date.UTC(2020, 0, 1);
for (let i = 0; i < ROWS; i++) {
  const price = 100 + Math.sin(i / 100) * 10;
  lines.push(`${new Date(start + i * 60_000).toISOString().slice(0, 19).replace("T", " ")},${price},${price + 1},${price - 1},${price + 0.5},${1000 + (i % 7)}`);
}
writeFileSync(path, `${lines.join("\n")}\n`);

async function baseline(): Promise<number> {
  const text = await Bun.file(path).text();
  let checksum = 0;
  const rows = text.split("\n");
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i]!.split(",");
    if (cells.length < 6) continue;
    checksum += Date.parse(`${cells[0]}Z`) + Number(cells[1]) + Number(cells[2]) + Number(cells[3]) + Number(cells[4]) + Number(cells[5]);
  }
  return checksum;
}

async function viaHistory(): Promise<number> {
  const provider = await createReplayProvider({ baseDir: dir, files: [{ path: "big.csv", symbol: "BIG", interval: "1m" }] });
  let checksum = 0;
  for await (const bar of provider.history("BIG", "1m", 0, Number.POSITIVE_INFINITY)) checksum += bar.openTime + bar.close;
  return checksum;
}

/** As the backtest engine reads a history: an answer that has already settled is taken without awaiting it. */
async function viaHistoryPeeking(): Promise<number> {
  const provider = await createReplayProvider({ baseDir: dir, files: [{ path: "big.csv", symbol: "BIG", interval: "1m" }] });
  const history = provider.history("BIG", "1m", 0, Number.POSITIVE_INFINITY)[Symbol.asyncIterator]();
  let checksum = 0;
  for (;;) {
    const next = history.next();
    const result = Bun.peek.status(next) === "fulfilled" ? (Bun.peek(next) as IteratorResult<{ openTime: number; close: number }>) : await next;
    if (result.done === true) return checksum;
    checksum += result.value.openTime + result.value.close;
  }
}

try {
  await baseline();
  if ((await viaHistory()) !== (await viaHistoryPeeking())) throw new Error("the two ways of reading history disagree");
  const samples = await collectRounds(RUNS, async () => ({
    base: await timeMs(baseline), history: await timeMs(viaHistory), peeking: await timeMs(viaHistoryPeeking),
  }));
  const base = median(samples.base);
  const history = median(samples.history);
  const peeking = median(samples.peeking);
  writeResult({
    name: "provider-replay-csv-read",
    description:
      `Median of ${RUNS} runs reading a ${ROWS.toLocaleString("en")}-row CSV through history() (streamed, validated): with for await, and as the backtest engine ` +
      "reads it (answers already settled are taken without awaiting), against reading it whole and splitting it.",
    figures: {
      historyMsMedian: history,
      historyAsEngineReadsMsMedian: peeking,
      wholeFileSplitMsMedian: base,
      rowsPerSecond: Math.round(ROWS / (history / 1000)),
      rowsPerSecondAsEngineReads: Math.round(ROWS / (peeking / 1000)),
    },
    ratios: { historyVsWholeFileSplit: history / base, historyAsEngineReadsVsWholeFileSplit: peeking / base },
    goal: "Streaming and validating rows costs a small multiple of the naive whole-file read, without holding the file in memory.",
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
