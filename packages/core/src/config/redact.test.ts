import { describe, expect, test } from "bun:test";
import { REDACTED, scrubSecrets, secretScrubber, withJsonSpellings } from "./redact.ts";

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

describe("secretScrubber: secrets ordered once for many texts", () => {
  test("a secret that is a prefix of another, listed first, still leaves nothing of the longer one", () => {
    const scrub = secretScrubber(["abc123", "abc123-tail-XYZ"]);
    expect(scrub("long abc123-tail-XYZ, short abc123.")).toBe(`long ${REDACTED}, short ${REDACTED}.`);
    // Applied again to another text: the order it made once still holds.
    expect(scrub("abc123-tail-XYZabc123")).toBe(`${REDACTED}${REDACTED}`);
  });

  test("a secret that is a suffix of another, and one inside another, are removed whole too", () => {
    const scrub = secretScrubber(["XYZ", "mid", "tail-XYZ", "pre-mid-post"]);
    expect(scrub("a tail-XYZ b pre-mid-post c XYZ d mid")).toBe(`a ${REDACTED} b ${REDACTED} c ${REDACTED} d ${REDACTED}`);
  });

  test("no secrets, or only empty ones, leave the text as it is", () => {
    expect(secretScrubber([])("plain text")).toBe("plain text");
    expect(secretScrubber(["", ""])("plain text")).toBe("plain text");
  });
});
