// How readLines splits a file: at "\n" ("\r" left on for the reader) or, when the first line break is a lone "\r", at "\r";
// the choice is made once, and not on a "\r" that a chunk ends with (its "\n" may come with the next chunk).
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lineSeparator, readLines } from "./read-lines.ts";

const dir = mkdtempSync(join(tmpdir(), "argo-replay-lines-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function allLines(path: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const batch of readLines(path)) lines.push(...batch);
  return lines;
}

describe("readLines", () => {
  test("the line ending is told from the first line break, and not before one is whole", () => {
    expect(lineSeparator("a\rb")).toBe("\r");
    expect(lineSeparator("a\r\nb\rc")).toBe("\n");
    expect(lineSeparator("a\nb\rc")).toBe("\n");
    expect(lineSeparator("a\rb\nc")).toBe("\r");
    // No break yet, or a "\r" at the end whose "\n" may be in the next chunk.
    expect(lineSeparator("abc")).toBeUndefined();
    expect(lineSeparator("abc\r")).toBeUndefined();
  });

  test('"\\r\\n" and "\\n" files give the same lines as before ("\\r" left on for the reader), a file ending in a lone "\\r" too', async () => {
    writeFileSync(join(dir, "crlf.csv"), "a\r\nb\r\n");
    writeFileSync(join(dir, "lf.csv"), "a\nb");
    writeFileSync(join(dir, "one.csv"), "a\r");
    expect(await allLines(join(dir, "crlf.csv"))).toEqual(["a\r", "b\r"]);
    expect(await allLines(join(dir, "lf.csv"))).toEqual(["a", "b"]);
    expect(await allLines(join(dir, "one.csv"))).toEqual(["a"]);
  });

  test('a "\\r\\n" whose "\\r" ends the first chunk is not taken for a lone "\\r"', async () => {
    // The first chunk is 256 KiB (262,144 bytes): a first line of 262,143 bytes puts its "\r" last in it, its "\n" next.
    const first = "a".repeat(262_143);
    writeFileSync(join(dir, "edge.csv"), `${first}\r\nb\r\nc`);
    expect(await allLines(join(dir, "edge.csv"))).toEqual([`${first}\r`, "b\r", "c"]);
  });
});
