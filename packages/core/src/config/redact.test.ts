import { describe, expect, test } from "bun:test";
import { REDACTED, scrubSecrets, withJsonSpellings } from "./redact.ts";

describe("scrubbing secrets from serialised text", () => {
  test("a secret with a quote, backslash or newline is caught in JSON text only with its JSON spelling", () => {
    const secret = 'pa"ss\\wo\nrd';
    const json = JSON.stringify({ message: `login failed for ${secret}` });
    expect(json).not.toContain(secret);
    // The raw value alone misses the escaped form JSON writes.
    expect(scrubSecrets(json, [secret])).toBe(json);
    const scrubbed = scrubSecrets(json, withJsonSpellings([secret]));
    expect(scrubbed).toBe(JSON.stringify({ message: `login failed for ${REDACTED}` }));
    expect(JSON.parse(scrubbed).message).not.toContain("pa");
  });

  test("plain secrets are kept once, empty ones dropped", () => {
    expect(withJsonSpellings(["abc", "", "abc", 'q"'])).toEqual(["abc", 'q"', 'q\\"']);
    expect(scrubSecrets("x abc y", withJsonSpellings(["", "abc"]))).toBe(`x ${REDACTED} y`);
  });
});
