import { afterAll, describe, expect, test } from "bun:test";
import { type ArgoError, isArgoError, parseConfig, type StreamItem } from "@argo/core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createReplayProvider } from "./create-replay-provider.ts";
import { replayConfigSchema } from "./replay-config.ts";
import { replayProviderDefinition } from "./replay-definition.ts";

const dir = mkdtempSync(join(tmpdir(), "argo-replay-quoted-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Every cell quoted, as pandas' QUOTE_ALL and Investing.com exports write them.
const header = '"Date","Open","High","Low","Close","Volume"';
const day2 = '"2024-01-02","100","105","99","104","1500000"';
const day3 = '"2024-01-03","104","106","103","105","1234567"';

const provider = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return createReplayProvider({ baseDir: dir, files: [{ path: name, symbol: "X", interval: "1d" }] });
};

async function historyFailure(name: string, text: string): Promise<{ closes: number[]; error: ArgoError }> {
  const closes: number[] = [];
  try {
    for await (const bar of (await provider(name, text)).history("X", "1d", 0, Number.POSITIVE_INFINITY)) closes.push(bar.close);
  } catch (error) {
    if (isArgoError(error)) return { closes, error };
    throw error;
  }
  throw new Error("expected history to reject");
}

const UNTERMINATED = "unterminated quote: the row is cut or a quote is stray";

describe("a quoted CSV whose quotes do not pair up is refused at the row, naming the file and line", () => {
  test("cut in the middle of its last row: the cut number is not read as the value", async () => {
    // The file stopped 6 bytes early (`34567"` lost): the last row ends `"105","12`, volume 1234567 cut to 12, its quote open.
    const cut = [header, day2, day3].join("\n").slice(0, -6);
    expect(cut.endsWith('"105","12')).toBe(true);
    const { closes, error } = await historyFailure("cut.csv", cut);
    expect(closes).toEqual([104]);
    expect(error.code).toBe("INVALID_DATA");
    expect(error.message).toStartWith(`cut.csv line 3: ${UNTERMINATED}`);
    expect(error.details).toMatchObject({ file: "cut.csv", line: 3 });
    // The stream reports the row and goes on (there is nothing after it).
    const items: StreamItem[] = await Array.fromAsync((await provider("cut.csv", cut)).stream(["X"], "1d"));
    expect(items.map((item) => (item.type === "bar" ? item.bar.volume : item.error.message.slice(0, 16 + UNTERMINATED.length)))).toEqual([
      1500000,
      `cut.csv line 3: ${UNTERMINATED}`,
    ]);
  });

  test("a stray quote inside a cell (\"1\"00): refused, not read as 100 with the quote dropped", async () => {
    const { closes, error } = await historyFailure("stray.csv", [header, '"2024-01-02","1"00,"105","99","104","1500000"'].join("\n"));
    expect(closes).toEqual([]);
    expect(error.code).toBe("INVALID_DATA");
    expect(error.message).toStartWith("stray.csv line 2: text after a closing quote in cell 2");
  });

  test("a header whose quote is never closed is refused at its line", async () => {
    const { error } = await historyFailure("bad-header.csv", ['"Date","Open","High","Low","Close","Volume', day2].join("\n"));
    expect(error.message).toStartWith(`bad-header.csv line 1: ${UNTERMINATED}`);
  });

  test("the session check reports a file whose only row is cut, and a header that does not split, at files.0.path", () => {
    writeFileSync(join(dir, "one-cut.csv"), [header, '"2024-01-02","100","105","99","104","15'].join("\n"));
    writeFileSync(join(dir, "header-cut.csv"), ['"Date","Open","High","Low","Close","Volu', day2, day3].join("\n"));
    for (const [name, line] of [["one-cut.csv", 2], ["header-cut.csv", 1]] as const) {
      const config = parseConfig(replayConfigSchema, { baseDir: dir, files: [{ path: name, symbol: "X", interval: "1d" }] }, { label: "replay config" });
      const issues = replayProviderDefinition.checkSession(config, { symbols: ["X"], interval: "1d" });
      expect(issues.map((issue) => issue.path)).toEqual(["files.0.path"]);
      expect(issues[0]!.message).toStartWith(`${name} line ${line}: ${UNTERMINATED}`);
    }
  });

  test("well-formed quoting still reads: blanks around quoted cells, a doubled quote, a comma inside quotes", async () => {
    // Prices by hand from the row: open 100, high 105, low 99, close 104; volume 1500; the quoted name is ignored.
    const text = ['"Date","Open","High","Low","Close","Volume","Name"', ' "2024-01-02" , "100","105", "99" ,"104","1500","Acme ""A"", Inc."'].join("\n");
    const bars = await Array.fromAsync((await provider("good.csv", text)).history("X", "1d", 0, Number.POSITIVE_INFINITY));
    expect(bars.map((bar) => [bar.openTime, bar.open, bar.high, bar.low, bar.close, bar.volume])).toEqual([[Date.UTC(2024, 0, 2), 100, 105, 99, 104, 1500]]);
  });
});
