import { afterAll, describe, expect, test } from "bun:test";
import type { Fill, Order } from "@argo/core";
import { Database } from "bun:sqlite";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Journal } from "./journal.ts";
import { SecretScrubber } from "./secret-scrubber.ts";

const root = mkdtempSync(join(tmpdir(), "argo-scrubber-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("SecretScrubber", () => {
  test("without secrets (or only empty ones) it is inactive and returns its input", () => {
    for (const secrets of [[], [""]]) {
      const scrub = new SecretScrubber(secrets);
      expect(scrub.active).toBe(false);
      expect(scrub.text("a b")).toBe("a b");
      expect(scrub.text(undefined)).toBeUndefined();
      expect(scrub.json('{"a":1}')).toBe('{"a":1}');
    }
  });

  test("plain text: every occurrence of every secret", () => {
    const scrub = new SecretScrubber(["abc123", "zz"]);
    expect(scrub.text("key=abc123, again abc123; zz.")).toBe("key=[REDACTED], again [REDACTED]; [REDACTED].");
    expect(scrub.text("nothing here")).toBe("nothing here");
  });

  test("JSON text: a secret with a quote and a backslash is caught in its escaped spelling", () => {
    const secret = 'pp"x\\y';
    const text = JSON.stringify({ reason: `bad ${secret}!` });
    expect(text).toContain('pp\\"x\\\\y'); // how JSON spells it: neither the raw form nor a plain substring search finds it
    const out = new SecretScrubber([secret]).json(text);
    expect(JSON.parse(out)).toEqual({ reason: "bad [REDACTED]!" });
  });

  test("JSON text stays JSON when a short secret matches a number or punctuation: strings and keys are scrubbed instead", () => {
    const scrub = new SecretScrubber(["1234"]);
    const out = scrub.json(JSON.stringify({ quantity: 1234, note: "pin 1234", "x1234": [1234, "1234"] }));
    expect(JSON.parse(out)).toEqual({ quantity: 1234, note: "pin [REDACTED]", "x[REDACTED]": [1234, "[REDACTED]"] });
    const punct = new SecretScrubber(['1,"b']);
    expect(JSON.parse(punct.json('{"a":1,"b":"v"}'))).toEqual({ a: 1, b: "v" });
    // Text that was never JSON is scrubbed as text, not thrown on.
    expect(scrub.json("{not json 1234")).toBe("{not json [REDACTED]");
  });

  test("a value that is not text (a venue breaking the contract): numbers and words as they are, objects and bytes as scrubbed text", () => {
    const scrub = new SecretScrubber(["s3cr3t"]);
    const text = (value: unknown): unknown => scrub.text(value as string);
    expect(text(28457)).toBe(28457);
    expect(text(12n)).toBe(12n);
    expect(text(true)).toBe(true);
    expect(text(null)).toBeNull();
    expect(text({ reason: "key s3cr3t" })).toBe('{"reason":"key [REDACTED]"}');
    expect(text(["a", "s3cr3t"])).toBe('["a","[REDACTED]"]');
    // Bytes would be stored as a blob no one scrubbed.
    expect(text(new TextEncoder().encode("id-s3cr3t"))).toBe("id-[REDACTED]");
    // Nothing to store as text: NULL, which a NOT NULL column refuses (the journal then names the record).
    expect(text(Symbol("x"))).toBeNull();
    // Without secrets an object is text too, not the NULL SQLite would make of it.
    expect(new SecretScrubber([]).text({ a: 1 } as unknown as string)).toBe('{"a":1}');
  });
});

describe("Journal with secrets", () => {
  test("state keys and values are stored scrubbed and load back as JSON; an order's numbers survive a numeric secret", () => {
    const dir = join(root, "state");
    const journal = new Journal(dir, {}, ["tok-9", "1234"]);
    journal.beginSession("s", ["X"], "1m", "paper");
    journal.state("s", "last tok-9", JSON.stringify({ error: "denied tok-9", count: 1234 }));
    const order: Order = {
      symbol: "X", side: "BUY", type: "MARKET", clientOrderId: "o1", venueOrderId: "v1", timeInForce: "GTC", status: "REJECTED", quantity: 1234,
      filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: 1, updatedAt: 2, rejectReason: "pin 1234 refused",
    };
    journal.order(order);
    journal.close("completed");

    const again = new Journal(dir);
    expect(again.loadState("s")).toEqual([["last [REDACTED]", { error: "denied [REDACTED]", count: 1234 }]]);
    again.close("completed");
    const db = new Database(join(dir, "journal.sqlite"), { readonly: true });
    const row = db.query("SELECT quantity, data FROM orders").get() as { quantity: number; data: string };
    db.close();
    expect(row.quantity).toBe(1234);
    expect(JSON.parse(row.data)).toEqual({ ...order, rejectReason: "pin [REDACTED] refused" });
  });

  test("an order and a fill whose venueOrderId is a number are written with secrets as without, the id as its digits", () => {
    for (const secrets of [[], ["s3cr3t-api-key"]]) {
      const dir = join(root, `numeric-id-${secrets.length}`);
      const journal = new Journal(dir, {}, secrets);
      const fill = { id: "T1", clientOrderId: "c1", venueOrderId: 28457, symbol: "X", side: "BUY", quantity: 1, price: 100, fee: 0.1, time: 1 } as unknown as Fill;
      journal.order({
        symbol: "X", side: "BUY", type: "MARKET", clientOrderId: "c1", venueOrderId: 28457 as unknown as string, timeInForce: "GTC", status: "FILLED",
        quantity: 1, filledQuantity: 1, averageFillPrice: 100, fills: [fill], createdAt: 1, updatedAt: 1,
      });
      journal.fill(fill);
      expect(() => journal.flush()).not.toThrow();
      expect(journal.hasOrder("c1")).toBe(true);
      // SQLite stores a number in a TEXT column as its digits.
      expect(journal.recordedFills().map((f) => [f.id, f.venueOrderId])).toEqual([["T1", "28457"]]);
      journal.close("completed");
    }
  });
});

