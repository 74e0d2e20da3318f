import { ArgoError, isArgoError, REDACTED } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { scrubbedError } from "./scrubbed-error.ts";

const KEY = "ak-LIVE-9f8e7d6c5b";
// A quote and a backslash: inside JSON text (details) this secret is spelled escaped.
const PASS = 'pa"ss\\word-77';

describe("scrubbedError", () => {
  test("keeps the code, provider and retry hint; takes every secret out of the message and the details", () => {
    const original = new ArgoError("RATE_LIMITED", `slow down, key ${KEY} (passphrase ${PASS})`, {
      provider: "venue",
      retryAfterMs: 1500,
      details: { headers: `X-KEY: ${KEY}`, nested: { pass: PASS }, count: 3 },
      cause: new Error(`raw ${KEY}`),
    });
    const out = scrubbedError(original, [KEY, PASS]);
    expect(isArgoError(out, "RATE_LIMITED")).toBe(true);
    expect(out.provider).toBe("venue");
    expect(out.retryAfterMs).toBe(1500);
    expect(out.message).toBe(`slow down, key ${REDACTED} (passphrase ${REDACTED})`);
    expect(out.details).toEqual({ headers: `X-KEY: ${REDACTED}`, nested: { pass: REDACTED }, count: 3 });
    // The unscrubbed original is not carried along as the cause.
    expect(out.cause).toBeUndefined();
    expect(JSON.stringify(out)).not.toContain(KEY);
  });

  test("anything else thrown becomes an INTERNAL error, scrubbed", () => {
    const out = scrubbedError(new TypeError(`cannot read ${KEY}`), [KEY]);
    expect(out.code).toBe("INTERNAL");
    expect(out.message).toBe(`cannot read ${REDACTED}`);
  });

  test("details JSON cannot hold are dropped rather than shown", () => {
    const details: Record<string, unknown> = { key: KEY };
    details.self = details;
    const out = scrubbedError(new ArgoError("CONNECTION_LOST", "lost", { details }), [KEY]);
    expect(out.details).toBeUndefined();
  });
});
