import { describe, expect, test } from "bun:test";
import { isArgoError } from "@argo/core";
import { assertSafeBind, DEFAULT_STATUS_HOST, isLoopbackHost } from "./assert-safe-bind.ts";

function refusal(host: string | undefined, token: string | undefined): unknown {
  try {
    assertSafeBind(host, token);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("assertSafeBind", () => {
  test("refuses every non-loopback address without a token, naming the address", () => {
    for (const host of ["0.0.0.0", "::", "[::]", "192.168.1.10", "example.com"]) {
      const error = refusal(host, undefined);
      expect(isArgoError(error, "INVALID_CONFIGURATION")).toBe(true);
      expect((error as Error).message).toContain(host);
      expect((error as Error).message).toContain("token");
    }
    expect(isArgoError(refusal("0.0.0.0", ""), "INVALID_CONFIGURATION")).toBe(true);
  });

  test("accepts loopback addresses without a token", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST", "::ffff:127.0.0.1"]) {
      expect(assertSafeBind(host, undefined)).toBe(host);
    }
  });

  test("accepts any address with a token", () => {
    expect(assertSafeBind("0.0.0.0", "a-long-token")).toBe("0.0.0.0");
  });

  test("defaults to loopback", () => {
    expect(DEFAULT_STATUS_HOST).toBe("127.0.0.1");
    expect(assertSafeBind(undefined, undefined)).toBe("127.0.0.1");
    expect(assertSafeBind("  ", undefined)).toBe("127.0.0.1");
  });

  test("isLoopbackHost does not take look-alikes for loopback", () => {
    for (const host of ["127.0.0.1.example.com", "128.0.0.1", "127.0.0.256", "localhost.evil", "::2"]) {
      expect(isLoopbackHost(host)).toBe(false);
    }
  });
});
