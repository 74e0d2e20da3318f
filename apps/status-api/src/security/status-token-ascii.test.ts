import { describe, expect, test } from "bun:test";
import { isArgoError } from "@argo/core";
import { createStatusApi } from "../create-status-api.ts";
import { MemoryStatusSession } from "../testing/memory-session.ts";
import { statusTokenProblem } from "./status-token.ts";

const ASCII_MESSAGE = "must be printable ASCII without spaces (it is sent in an HTTP header)";
// Each 16+ characters long, each with one character outside 0x21-0x7E that is not whitespace (written out by hand:
// ö and € are non-ASCII, U+0000 and U+007F are control characters).
const NOT_PRINTABLE_ASCII = ["sesam-öffne-dich-€-2024", "abcdefghijklmnop\u0000", "abcdefgh\u007Fijklmnop", "token-with-emoji-🔑-123"];

describe("the status API token: printable ASCII only", () => {
  test("a token with a non-ASCII or control character is refused, saying why and without the token", () => {
    for (const token of NOT_PRINTABLE_ASCII) {
      expect([token, statusTokenProblem(token)]).toEqual([token, ASCII_MESSAGE]);
      let error: unknown;
      try {
        createStatusApi(new MemoryStatusSession(), { token });
      } catch (caught) {
        error = caught;
      }
      expect([token, isArgoError(error, "INVALID_CONFIGURATION")]).toEqual([token, true]);
      expect((error as Error).message).toBe(`status API token ${ASCII_MESSAGE}`);
    }
  });

  test("every printable ASCII character is taken, and a plain token works in an Authorization header", async () => {
    // 0x21..0x7E: the 94 characters a header value carries as they are.
    const all = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)).join("");
    expect(statusTokenProblem(all)).toBeUndefined();
    const token = "plain-Token_0123.~";
    expect(statusTokenProblem(token)).toBeUndefined();
    const app = createStatusApi(new MemoryStatusSession(), { token });
    const res = await app.request("http://127.0.0.1/positions", { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
  });

  test("whitespace keeps its own message", () => {
    expect(statusTokenProblem("sesam öffne dich 2024")).toBe("must contain no whitespace (spaces, tabs or line breaks)");
  });
});
