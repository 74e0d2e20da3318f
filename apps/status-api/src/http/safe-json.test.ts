import { describe, expect, test } from "bun:test";
import { withJsonSpellings } from "@argo/core";
import { createStatusApi } from "../create-status-api.ts";
import { makeAccount, makeBar } from "../testing/fixtures.ts";
import { MemoryStatusSession } from "../testing/memory-session.ts";
import { SseReader } from "../testing/sse-reader.ts";
import { safeStringify } from "./safe-json.ts";

// A secret of digits only (a venue passphrase, a numeric account id marked secret).
const DIGITS = "4242";
const WORD = "venue-key-Xy81";
// Spelled differently inside JSON text (escaped quote and backslash).
const QUOTED = 'pa"ss\\word-42';

describe("safeStringify", () => {
  test("a digit secret leaves numbers and booleans as they are, and the text parses", () => {
    const value = { balance: 104242.5, equity: 4242, ids: [14242, -42420], ok: true, none: null };
    const text = safeStringify(value, withJsonSpellings([DIGITS]));
    // Nothing here is a string: the body is exactly the unscrubbed one, and it parses back to the same numbers.
    expect(JSON.parse(text)).toEqual({ balance: 104242.5, equity: 4242, ids: [14242, -42420], ok: true, none: null });
  });

  test("a digit secret inside a string value or a key is still redacted", () => {
    const value = { note: "ref 4242-x", byId: { "id-4242": 1 }, price: 4242 };
    const parsed = JSON.parse(safeStringify(value, withJsonSpellings([DIGITS])));
    // By hand: "ref " + [REDACTED] + "-x"; the key "id-" + [REDACTED]; the number untouched.
    expect(parsed).toEqual({ note: "ref [REDACTED]-x", byId: { "id-[REDACTED]": 1 }, price: 4242 });
  });

  test("a secret in a string value, in a key, and nested in arrays is redacted, and the text never contains it", () => {
    const value = { message: `rejected ${WORD}`, [`key-${WORD}`]: "v", list: [{ inner: WORD }] };
    const text = safeStringify(value, withJsonSpellings([WORD]));
    expect(text).not.toContain(WORD);
    expect(JSON.parse(text)).toEqual({ message: "rejected [REDACTED]", "key-[REDACTED]": "v", list: [{ inner: "[REDACTED]" }] });
  });

  test("a secret with a quote and a backslash is redacted in values and keys, raw or as JSON escapes it", () => {
    const value = { a: `x ${QUOTED} y`, [QUOTED]: 1 };
    const text = safeStringify(value, withJsonSpellings([QUOTED]));
    expect(text).not.toContain(QUOTED);
    expect(text).not.toContain(JSON.stringify(QUOTED).slice(1, -1));
    expect(JSON.parse(text)).toEqual({ a: "x [REDACTED] y", "[REDACTED]": 1 });
  });

  test("a secret only JSON escaping spells out (a line break before it) does not reach the text", () => {
    const secret = "n-secret-77QQ";
    // JSON writes the line break as backslash + "n", so the text would read "...\n-secret-77QQ".
    const text = safeStringify({ s: "\n-secret-77QQ" }, withJsonSpellings([secret]));
    expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toEqual({ s: "[REDACTED]" });
  });

  test("a secret spanning a key and its value is still kept out of the text", () => {
    const secret = 'a":"b';
    expect(JSON.stringify({ a: "b" })).toContain(secret);
    expect(safeStringify({ a: "b" }, withJsonSpellings([secret]))).not.toContain(secret);
  });

  test("without any secret in it the text is plain JSON.stringify, and an empty secret changes nothing", () => {
    const value = { a: "text", n: 1.5, list: [1, "two"] };
    expect(safeStringify(value, withJsonSpellings([WORD, ""]))).toBe('{"a":"text","n":1.5,"list":[1,"two"]}');
    expect(safeStringify(undefined, [WORD])).toBe("null");
  });
});

describe("the status API with a digit secret", () => {
  test("/account keeps its numbers and parses; a string holding the secret is redacted", async () => {
    const session = new MemoryStatusSession({ account: makeAccount({ balance: 104242.5, equity: 104242.5, currency: "USD-4242" }) });
    const app = createStatusApi(session, { secrets: [DIGITS] });
    const text = await (await app.request("http://127.0.0.1/account")).text();
    const { account } = JSON.parse(text);
    expect([account.balance, account.equity, account.currency]).toEqual([104242.5, 104242.5, "USD-[REDACTED]"]);
  });

  test("an /events bar whose prices contain the digits parses with its prices", async () => {
    const session = new MemoryStatusSession();
    const app = createStatusApi(session, { secrets: [DIGITS] });
    const reader = new SseReader((await app.request("http://127.0.0.1/events")).body!);
    await reader.next();
    session.emit({ type: "bar", time: 1_700_004_242_000, data: makeBar({ close: 4242.25 }) });
    const [event] = await reader.events(1);
    const parsed = JSON.parse(event!.data);
    expect([parsed.time, parsed.data.close]).toEqual([1_700_004_242_000, 4242.25]);
    await reader.cancel();
  });
});
