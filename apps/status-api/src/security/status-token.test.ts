import { describe, expect, test } from "bun:test";
import { isArgoError } from "@argo/core";
import * as v from "valibot";
import { createStatusApi } from "../create-status-api.ts";
import { MemoryStatusSession } from "../testing/memory-session.ts";
import { MIN_STATUS_TOKEN_LENGTH, statusTokenProblem, statusTokenSchema } from "./status-token.ts";

/** The error createStatusApi throws for `token`, or undefined when it takes it. */
function refusal(token: string): Error | undefined {
  try {
    createStatusApi(new MemoryStatusSession(), { token });
  } catch (error) {
    return error as Error;
  }
  return undefined;
}

// Written out by hand: 15 and 16 characters, and whitespace of each kind inside or at either end.
const FIFTEEN = "abcdefghijklmno";
const SIXTEEN = "abcdefghijklmnop";
const WITH_WHITESPACE = ["correct horse battery staple", " abcdefghijklmnop", "abcdefghijklmnop\n", "abcdefgh\tijklmnop"];

describe("the status API token rule", () => {
  test("createStatusApi refuses a token shorter than 16 characters, naming the length and not the token", () => {
    expect(FIFTEEN.length).toBe(15);
    const error = refusal(FIFTEEN);
    expect(isArgoError(error, "INVALID_CONFIGURATION")).toBe(true);
    expect(error!.message).toBe("status API token must be at least 16 characters long");
    expect(refusal(SIXTEEN)).toBeUndefined();
    expect(MIN_STATUS_TOKEN_LENGTH).toBe(16);
  });

  test("createStatusApi refuses a long enough token with whitespace anywhere, without printing it", () => {
    for (const token of WITH_WHITESPACE) {
      const error = refusal(token);
      expect([token, isArgoError(error, "INVALID_CONFIGURATION")]).toEqual([token, true]);
      expect(error!.message).toBe("status API token must contain no whitespace (spaces, tabs or line breaks)");
    }
  });

  test("the schema (what the runner's config uses) refuses exactly what createStatusApi refuses", () => {
    for (const token of [FIFTEEN, SIXTEEN, ...WITH_WHITESPACE, "", "x".repeat(64), "tab\there-but-long-enough"]) {
      const schemaTakes = v.safeParse(statusTokenSchema, token).success;
      expect([token, schemaTakes]).toEqual([token, refusal(token) === undefined]);
      expect([token, statusTokenProblem(token) === undefined]).toEqual([token, schemaTakes]);
    }
  });
});
