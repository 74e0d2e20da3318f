import { describe, expect, test } from "bun:test";
import { REDACTED, scrubSecrets, secretScrubber, secretSpellings, withJsonSpellings } from "./redact.ts";

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
    // 'q"' also as JSON escapes it, escaped once more (q\\\" in a line that serialises an escaped quote), and as a URL
    // encodes it (%22); "abc" is spelled the same every way.
    expect(withJsonSpellings(["abc", "", "abc", 'q"'])).toEqual(["abc", 'q"', 'q\\"', 'q\\\\\\"', "q%22"]);
    expect(scrubSecrets("x abc y", withJsonSpellings(["", "abc"]))).toBe(`x ${REDACTED} y`);
  });
});

describe("scrubbing a secret JSON-escaped twice", () => {
  test("a two-line key an error quoted JSON-escaped, in a serialised log line or journal column", () => {
    // Found by a hunt: the line escaped the message's "\\n" again, and both halves of the key were printed.
    const key = "AbCdEfGh12345678\nZyXwVu98765432\n";
    const line = JSON.stringify({ msg: `venue refused body {"key":${JSON.stringify(key)}}` });
    const scrubbed = secretScrubber(withJsonSpellings([key]))(line);
    expect(scrubbed).not.toContain("AbCdEfGh12345678");
    expect(scrubbed).not.toContain("ZyXwVu98765432");
    expect(scrubbed).toContain(REDACTED);
  });
});

describe("scrubbing a secret echoed trimmed or URL-encoded", () => {
  test("a key configured with a trailing newline is scrubbed where a venue echoes it without", () => {
    // An env file or a Kubernetes secret keeps the newline; fetch trims header values, so the venue saw "Sk8-fake-abc".
    const scrub = secretScrubber(withJsonSpellings(["Sk8-fake-abc\n"]));
    expect(scrub("venue answered 401: Invalid API-key Sk8-fake-abc, IP")).toBe(`venue answered 401: Invalid API-key ${REDACTED}, IP`);
    expect(scrub('{"msg":"Invalid API-key Sk8-fake-abc\\n"}')).toBe(`{"msg":"Invalid API-key ${REDACTED}"}`);
    expect(scrub("key Sk8-fake-abc\n!")).toBe(`key ${REDACTED}!`);
  });

  test("a key with spaces around it (a schema's v.trim()) is scrubbed trimmed; blank ones add no empty spelling", () => {
    expect(scrubSecrets("invalid key fake-k3y.", withJsonSpellings(["  fake-k3y \t"]))).toBe(`invalid key ${REDACTED}.`);
    expect(secretSpellings(" ")).not.toContain("");
    expect(secretSpellings("")).toEqual([]);
  });

  test("a base64-style key quoted percent-encoded in a request body is scrubbed", () => {
    const text = "POST /api/v3/order failed 401; body: apiKey=kQ3%2BvN%2F8xZ%3D&signature=x";
    expect(scrubSecrets(text, withJsonSpellings(["kQ3+vN/8xZ="]))).toBe(`POST /api/v3/order failed 401; body: apiKey=${REDACTED}&signature=x`);
  });

  test("a key quoted percent-encoded with lower-case hex digits (%2b, as RFC 3986 allows) is scrubbed too", () => {
    const spellings = withJsonSpellings(["kQ3+vN/8xZ= x!"]);
    expect(scrubSecrets("apiKey=kQ3%2bvN%2f8xZ%3d%20x!&s=1", spellings)).toBe(`apiKey=${REDACTED}&s=1`);
    expect(scrubSecrets("apiKey=kQ3%2bvN%2f8xZ%3d+x%21&s=1", spellings)).toBe(`apiKey=${REDACTED}&s=1`);
  });

  test("a key with a space and a ! is scrubbed percent-encoded, with the space as +, and form-encoded", () => {
    const spellings = withJsonSpellings(["fake pass!"]);
    expect(scrubSecrets("q=fake%20pass!&x=1", spellings)).toBe(`q=${REDACTED}&x=1`);
    expect(scrubSecrets("q=fake+pass!&x=1", spellings)).toBe(`q=${REDACTED}&x=1`);
    // The form encoder (URLSearchParams) escapes ! as well.
    expect(scrubSecrets("q=fake+pass%21&x=1", spellings)).toBe(`q=${REDACTED}&x=1`);
  });

  test("a lone surrogate, which encodeURIComponent refuses, still gives its other spellings", () => {
    const spellings = secretSpellings("fake\ud800key");
    expect(spellings).toContain("fake\ud800key");
    expect(spellings).toContain("fake\\ud800key");
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
