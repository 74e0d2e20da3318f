import { afterAll, describe, expect, test } from "bun:test";
import type { Order } from "@argo/core";
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
});

describe("Journal with secrets", () => {
  test("state keys and values are stored scrubbed and load back as JSON; an order's numbers survive a numeric secret", () => {
    const dir = join(root, "state");
    const journal = new Journal(dir, {}, ["tok-9", "1234"]);
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
});
