import { isArgoError } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { readStructuredFlag } from "./read-structured-flag.ts";

const SECRET = "sk_live_SUPERSECRET_0123456789";

async function refusal(value: string): Promise<Error> {
  try {
    await readStructuredFlag("trading-config", value, process.cwd());
  } catch (error) {
    if (isArgoError(error, "INVALID_CONFIGURATION")) return error;
    throw error;
  }
  throw new Error("the flag was accepted");
}

describe("an inline --*-config flag", () => {
  test("with a key pasted without quotes: the flag and the position are named, the key never", async () => {
    const error = await refusal(`{"apiKey": ${SECRET}}`);
    // `{"apiKey": ` is 11 characters: the value starts at column 12.
    expect(error.message).toStartWith("--trading-config: not valid JSON at line 1, column 12: ");
    expect(error.message).not.toContain(SECRET);
  });

  test("with a key written twice: refused, not last-wins", async () => {
    expect((await refusal('{"apiKey": "a", "apiKey": "b"}')).message).toContain('--trading-config: key "apiKey" is written twice');
  });

  test("a valid object is read as it is", async () => {
    expect(await readStructuredFlag("trading-config", ' {"initialCapital": 5000, "fees": {"maker": 0.001}} ', process.cwd())).toEqual({
      initialCapital: 5000,
      fees: { maker: 0.001 },
    });
  });
});
