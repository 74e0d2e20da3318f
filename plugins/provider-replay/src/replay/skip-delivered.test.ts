import { describe, expect, test } from "bun:test";
import { ArgoError, type StreamItem } from "@argo/core";
import { skipDelivered } from "./skip-delivered.ts";

const bar = (day: number): StreamItem => ({ type: "bar", bar: { symbol: "X", interval: "1d", openTime: Date.UTC(2024, 0, day), open: 1, high: 1, low: 1, close: 1, volume: 1 } });
const error = (line: number): StreamItem => ({ type: "error", error: new ArgoError("INVALID_DATA", `x.csv line ${line}: bad`) });

async function* source(items: StreamItem[], closed: { done: boolean }) {
  try {
    yield* items;
  } finally {
    closed.done = true;
  }
}

async function run(items: StreamItem[], after: number): Promise<string[]> {
  const out: string[] = [];
  for await (const item of skipDelivered(source(items, { done: false }), after)) {
    out.push(item.type === "bar" ? `bar ${new Date(item.bar.openTime).getUTCDate()}` : `error ${item.error.message}`);
  }
  return out;
}

// Rows: bar 2, bar 3, a bad row (line 4), bar 4, bar 5.
const rows = [bar(2), bar(3), error(4), bar(4), bar(5)];

describe("skipDelivered (a resumed replay stream)", () => {
  test("a bad row before a bar the consumer holds is not reported again", async () => {
    expect(await run(rows, Date.UTC(2024, 0, 4))).toEqual(["bar 5"]);
  });

  test("a bad row after the last bar held is kept: the consumer may have stopped before it", async () => {
    expect(await run(rows, Date.UTC(2024, 0, 3))).toEqual(["error x.csv line 4: bad", "bar 4", "bar 5"]);
  });

  test("bad rows at the end of a file wholly held are kept", async () => {
    expect(await run([bar(2), error(3)], Date.UTC(2024, 0, 9))).toEqual(["error x.csv line 3: bad"]);
  });

  test("ending early closes the source", async () => {
    const closed = { done: false };
    for await (const item of skipDelivered(source(rows, closed), Date.UTC(2024, 0, 1))) if (item.type === "bar") break;
    expect(closed.done).toBe(true);
  });
});
