// A strategy's state and a symbol's bars are stored under their names scrubbed of the session's secrets, but were looked
// up by the names as given: a strategy whose name holds a secret lost its state at every restart (and a symbol its
// warm-up bars). Expectations are the values written, by hand.
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { Journal } from "./journal.ts";

const root = mkdtempSync(join(tmpdir(), "argo-stored-name-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SECRET = "sk-live-0123456789abcdef";
const STRATEGY = `grid-${SECRET}`;

describe("a name the journal's redaction rewrites", () => {
  test("a strategy's state survives a restart: stored and found under grid-[REDACTED]", () => {
    const dir = join(root, "state");
    const first = new Journal(dir, {}, [SECRET]);
    first.beginSession(STRATEGY, ["X"], "1m", "paper", { name: "paper" });
    first.state(STRATEGY, "bought", "true");
    first.state(STRATEGY, "level", '{"price":101.5}');
    first.close("aborted", "SIGINT");
    // The row holds no secret: the name is stored scrubbed.
    expect(journalRows(dir, "SELECT strategy, key FROM state ORDER BY key")).toEqual([
      { strategy: "grid-[REDACTED]", key: "bought" },
      { strategy: "grid-[REDACTED]", key: "level" },
    ]);

    const second = new Journal(dir, {}, [SECRET]);
    // Before: [] (looked up by the raw name), and the strategy would buy again.
    expect(second.loadState(STRATEGY)).toEqual([["bought", true], ["level", { price: 101.5 }]]);
    second.close("completed");
  });

  test("a state row that is not JSON is refused naming the stored name, never the secret", () => {
    const dir = join(root, "bad-state");
    const first = new Journal(dir, {}, [SECRET]);
    first.beginSession(STRATEGY, ["X"], "1m", "paper", { name: "paper" });
    first.state(STRATEGY, "k", "not json");
    first.close("completed");
    const second = new Journal(dir, {}, [SECRET]);
    let thrown: unknown;
    try {
      second.loadState(STRATEGY);
    } catch (error) {
      thrown = error;
    } finally {
      second.close("completed");
    }
    const message = String((thrown as Error | undefined)?.message);
    expect((thrown as { code?: string } | undefined)?.code).toBe("INVALID_DATA");
    expect(message).toContain('key "k" of strategy "grid-[REDACTED]"');
    expect(message).not.toContain(SECRET);
  });

  test("a journal with no secrets reads state by the name as given, as before", () => {
    const dir = join(root, "plain");
    const first = new Journal(dir);
    first.beginSession("grid", ["X"], "1m", "paper", { name: "paper" });
    first.state("grid", "n", "3");
    first.close("completed");
    const second = new Journal(dir);
    expect(second.loadState("grid")).toEqual([["n", 3]]);
    second.close("completed");
  });

  test("a symbol's warm-up bars are found under the stored symbol and returned under the symbol asked for", () => {
    const dir = join(root, "bars");
    const symbol = `X${SECRET}`;
    const first = new Journal(dir, {}, [SECRET]);
    first.beginSession("s", [symbol], "1m", "paper", { name: "paper" });
    first.bar({ symbol, interval: "1m", openTime: 60_000, open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 });
    first.close("completed");
    const second = new Journal(dir, {}, [SECRET]);
    expect(second.loadBars(symbol, "1m", 10)).toEqual([{ symbol, interval: "1m", openTime: 60_000, open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 }]);
    second.close("completed");
  });
});
