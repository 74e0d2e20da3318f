import { describe, expect, test } from "bun:test";
import type { RouteFailure } from "./route-failure.ts";
import { serveStatusApi } from "../serve-status-api.ts";
import { makePosition } from "../testing/fixtures.ts";
import { MemoryStatusSession } from "../testing/memory-session.ts";
import { rawRequest } from "./raw-request.test-helper.ts";

const TOKEN = "require-host-token-1";
const PATHS = ["/", "/health", "/positions", "/account", "/orders?limit=5", "/nowhere"];

function parse(reply: string): { status: string; body: string } {
  const [head = "", body = ""] = reply.split("\r\n\r\n");
  return { status: head.split("\r\n")[0] ?? "", body };
}

/** Serves a session holding a BTCUSD position, with or without a token, and hands its port and reported failures to `use`. */
async function withServer(token: string | undefined, use: (port: number, failures: RouteFailure[]) => Promise<void>): Promise<void> {
  const failures: RouteFailure[] = [];
  const session = new MemoryStatusSession({ positions: [makePosition({ symbol: "BTCUSD", quantity: 3 })] });
  const server = serveStatusApi(session, { ...(token ? { token } : {}), onError: (failure) => void failures.push(failure) });
  try {
    await use(server.port, failures);
  } finally {
    await server.stop();
  }
}

describe("a request that names no host (HTTP/1.0 without Host) over a real socket", () => {
  for (const token of [undefined, TOKEN]) {
    test(`is 400 with a body saying to send a Host, on every route (${token ? "with" : "without"} a token)`, async () => {
      await withServer(token, async (port, failures) => {
        const auth = token ? `Authorization: Bearer ${token}\r\n` : "";
        for (const path of PATHS) {
          for (const host of ["", "Host:\r\n"]) {
            const { status, body } = parse(await rawRequest(port, `GET ${path} HTTP/1.0\r\n${host}${auth}\r\n`));
            expect([path, host, status]).toEqual([path, host, "HTTP/1.1 400 Bad Request"]);
            const error = (JSON.parse(body) as { error: { code: string; message: string } }).error;
            expect(error.code).toBe("INVALID_DATA");
            expect(error.message).toContain("names no host");
            expect(error.message).toContain("send a Host header");
            expect(body).not.toContain("BTCUSD");
          }
        }
        // The client's mistake, not a server failure for the operator's log.
        expect(failures).toEqual([]);
      });
    });
  }

  test("a Host header that is there but no valid host[:port] is named as such, not called missing", async () => {
    await withServer(undefined, async (port) => {
      for (const host of ["127.0.0.1:99999", "localhost:80a", `127.0.0.1:${port}, 127.0.0.1:${port}`]) {
        const { status, body } = parse(await rawRequest(port, `GET /positions HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
        expect([host, status]).toEqual([host, "HTTP/1.1 400 Bad Request"]);
        const message = (JSON.parse(body) as { error: { message: string } }).error.message;
        // Before: "the request names no host (its Host header is missing or empty …)".
        expect(message).toContain(`the Host header ${JSON.stringify(host)} is not a valid host[:port]`);
        expect(body).not.toContain("BTCUSD");
      }
    });
  });

  test("an HTTP/1.0 request that does send a loopback Host is answered as before", async () => {
    await withServer(undefined, async (port) => {
      const { status, body } = parse(await rawRequest(port, `GET /positions HTTP/1.0\r\nHost: 127.0.0.1:${port}\r\n\r\n`));
      expect(status).toBe("HTTP/1.1 200 OK");
      expect((JSON.parse(body) as { positions: Array<{ symbol: string }> }).positions.map((p) => p.symbol)).toEqual(["BTCUSD"]);
    });
  });
});
