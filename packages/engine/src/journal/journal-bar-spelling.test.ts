import { afterAll, describe, expect, test } from "bun:test";
import type { Bar } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Journal } from "./journal.ts";

const root = mkdtempSync(join(tmpdir(), "argo-journal-spelling-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const DAY = 86_400_000;
const bar = (interval: string, openTime: number, close: number): Bar => ({ symbol: "X", interval, openTime, open: close, high: close, low: close, close, volume: 1 });

describe("Journal.loadBars finds bars by bar size, not by the interval's spelling", () => {
  test("\"24h\" finds the bars stored as \"1d\" (each keeps its spelling), one per open time, the newest `limit`; \"1h\" bars stay apart", () => {
    const journal = new Journal(join(root, "a"));
    try {
      // A feed that spelled the day "1d", then (after a config change) "24h" for days 2 and 3, with day 2 in both.
      for (let day = 0; day < 3; day++) journal.bar(bar("1d", day * DAY, 100 + day));
      journal.bar(bar("24h", 2 * DAY, 102));
      journal.bar(bar("24h", 3 * DAY, 103));
      journal.bar(bar("1h", 3 * DAY, 999));
      journal.bar({ ...bar("1d", 0, 0), symbol: "Y" });
      journal.flush();
      const loaded = journal.loadBars("X", "24h", 10);
      expect(loaded.map((b) => b.openTime)).toEqual([0, DAY, 2 * DAY, 3 * DAY]);
      expect(loaded.map((b) => b.close)).toEqual([100, 101, 102, 103]);
      expect(loaded[0]!.interval).toBe("1d");
      expect(loaded[3]!.interval).toBe("24h");
      expect(journal.loadBars("X", "1d", 2).map((b) => b.openTime)).toEqual([2 * DAY, 3 * DAY]);
      // Day 2 is stored twice: it must not take the place of day 1 among the newest three.
      expect(journal.loadBars("X", "1d", 3).map((b) => b.openTime)).toEqual([DAY, 2 * DAY, 3 * DAY]);
      expect(journal.loadBars("X", "60m", 10).map((b) => b.close)).toEqual([999]);
      expect(journal.loadBars("X", "1w", 10)).toEqual([]);
    } finally {
      journal.close("completed");
    }
  });
});
