import { describe, expect, test } from "bun:test";
import { isArgoError } from "@argo/core";
import { serveStatusApi } from "../serve-status-api.ts";
import { MemoryStatusSession } from "../testing/memory-session.ts";
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
    for (const host of ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST"]) {
      expect(assertSafeBind(host, undefined)).toBe(host);
    }
  });

  test("refuses an IPv4-mapped address in any spelling, with or without a token, saying what to bind instead", () => {
    for (const host of ["::ffff:127.0.0.1", "[::ffff:127.0.0.1]", "::FFFF:7F00:1", "0:0:0:0:0:ffff:7f00:1", "::ffff:10.0.0.1"]) {
      for (const token of [undefined, "a-long-enough-token"]) {
        const error = refusal(host, token);
        expect([host, token, isArgoError(error, "INVALID_CONFIGURATION")]).toEqual([host, token, true]);
        expect((error as Error).message).toContain(`"${host}" is an IPv4-mapped IPv6 address`);
        expect((error as Error).message).toContain("bind 127.0.0.1 or ::1 instead");
      }
    }
    // Not mapped: ::ffff:1 is 0:0:0:0:0:0:ffff:1 (any address with a token), and ::1 is loopback itself.
    expect(assertSafeBind("::ffff:1", "a-long-enough-token")).toBe("::ffff:1");
    expect(assertSafeBind("::1", undefined)).toBe("::1");
  });

  test("over a real socket: a bind accepted without a token is answered at its printed URL, not refused 403", async () => {
    for (const host of ["127.0.0.1", "::ffff:127.0.0.1"]) {
      if (refusal(host, undefined) !== undefined) continue;
      const server = serveStatusApi(new MemoryStatusSession(), { host });
      try {
        const res = await fetch(`${server.url}/session`);
        expect([host, res.status]).toEqual([host, 200]);
      } finally {
        await server.stop();
      }
    }
  });

  test("refuses, with or without a token, an address the bind could not resolve as written, saying what is wrong", () => {
    const cases: [string, string][] = [
      ["[127.0.0.1]", "brackets, which are for IPv6 addresses only: write 127.0.0.1 without them"],
      ["127.0.0.1:8787", "is not an IPv6 address"],
      ["http://127.0.0.1", "is not an IPv6 address"],
      ["my host", "is not a host name or IP address"],
      ["[::1", "is not an IPv6 address"],
    ];
    for (const [host, says] of cases) {
      for (const token of [undefined, "a-long-enough-token"]) {
        const error = refusal(host, token);
        expect([host, isArgoError(error, "INVALID_CONFIGURATION")]).toEqual([host, true]);
        expect((error as Error).message).toContain(`"${host}"`);
        expect((error as Error).message).toContain(says);
      }
    }
  });

  test("over a real socket: every loopback spelling accepted without a token binds", async () => {
    for (const host of ["127.0.0.1", "::1", "[::1]", "localhost"]) {
      expect(assertSafeBind(host, undefined)).toBe(host);
      const server = serveStatusApi(new MemoryStatusSession(), { host, port: 0 });
      await server.stop();
    }
  });

  test("accepts any address with a token", () => {
    expect(assertSafeBind("0.0.0.0", "a-long-token")).toBe("0.0.0.0");
    // A Docker service name (underscores) and a link-local address with its interface are bind addresses too.
    for (const host of ["my_svc", "argo_status.internal", "fe80::1%eth0", "[fe80::1%eth0]"]) expect(assertSafeBind(host, "a-long-token")).toBe(host);
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
