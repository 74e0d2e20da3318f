import { describe, expect, test } from "bun:test";
import { Writable } from "node:stream";
import { createLogger } from "./create-logger.ts";

// A quote, a backslash and a tab: each is spelled differently inside a JSON log line.
const SECRET = 'pw"with\\odd\tchars';
const PLAIN = "plain-secret-123456";

function capture(format: "json" | "pretty", secrets: string[] = [SECRET, PLAIN, ""]) {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: string | Uint8Array, _encoding, done) {
      chunks.push(typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk));
      done();
    },
  });
  const log = createLogger({ level: "info", format, secrets, interactive: false, destination });
  return { log, text: () => chunks.join("") };
}

describe("createLogger scrubs secret values", () => {
  test("in JSON lines, also where JSON escapes the secret", () => {
    const { log, text } = capture("json");
    log.warn({ detail: `field ${SECRET}` }, `venue said ${SECRET} and ${PLAIN}`);
    const line = JSON.parse(text().trim()) as { msg: string; detail: string };
    expect(line.msg).toBe("venue said [REDACTED] and [REDACTED]");
    expect(line.detail).toBe("field [REDACTED]");
    expect(text()).not.toContain(JSON.stringify(SECRET).slice(1, -1));
  });

  test("a secret with a newline that an error quotes JSON-escaped (a PEM key in a request body)", () => {
    // Found by a hunt: the raw key was redacted, but JSON.stringify(key) in a message was escaped again by the line and
    // printed both halves of the key.
    const key = "AbCdEfGh12345678\nZyXwVu98765432\n";
    for (const format of ["json", "pretty"] as const) {
      const { log, text } = capture(format, [key]);
      log.error(`venue refused body {"key":${JSON.stringify(key)}} and raw ${key}`);
      expect(text()).not.toContain("AbCdEfGh12345678");
      expect(text()).not.toContain("ZyXwVu98765432");
      expect(text()).toContain("[REDACTED]");
    }
  });

  test("in pretty output, which prints the JSON line's strings unescaped", () => {
    const { log, text } = capture("pretty");
    log.warn(`venue said ${SECRET}`);
    expect(text()).toContain("venue said [REDACTED]");
    expect(text()).not.toContain(SECRET);
    expect(text()).not.toContain('pw"with');
  });

  test("an empty secret does not redact everything", () => {
    const { log, text } = capture("json");
    log.info("nothing secret here");
    expect((JSON.parse(text().trim()) as { msg: string }).msg).toBe("nothing secret here");
  });
});

test("createLogger removes overlapping secrets whole: one a prefix of the other, the short one listed first", () => {
  const short = "key-4711";
  const long = `${short}-and-more-9932`;
  const { log, text } = capture("json", [short, long]);
  log.warn({ detail: long }, `long ${long} short ${short}`);
  log.warn(`again ${long}`);
  const lines = text().trim().split("\n").map((line) => JSON.parse(line) as { msg: string; detail?: string });
  expect(lines.map((line) => line.msg)).toEqual(["long [REDACTED] short [REDACTED]", "again [REDACTED]"]);
  expect(lines[0]!.detail).toBe("[REDACTED]");
  expect(text()).not.toContain("and-more");
});
