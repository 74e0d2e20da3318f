import { describe, expect, test } from "bun:test";
import { createStatusApi } from "../create-status-api.ts";
import { rawRequest } from "../http/raw-request.test-helper.ts";
import { serveStatusApi } from "../serve-status-api.ts";
import { makePosition } from "../testing/fixtures.ts";
import { MemoryStatusSession } from "../testing/memory-session.ts";
import { hostHeaderName } from "./loopback-host-guard.ts";

const READS = ["/health", "/session", "/account", "/positions", "/orders", "/trades", "/metrics", "/", "/nowhere"];

describe("without a token, only loopback Host names are answered (DNS rebinding)", () => {
  const app = createStatusApi(new MemoryStatusSession());

  test("a rebound name, with or without a port, is 403 FORBIDDEN on every route, /health included", async () => {
    for (const host of ["attacker.example:8787", "attacker.example", "localhost.attacker.example", "127.0.0.1.nip.io:8787", "192.168.1.20:8787"]) {
      for (const path of READS) {
        const res = await app.request(path, { headers: { Host: host } });
        expect([host, path, res.status]).toEqual([host, path, 403]);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe("FORBIDDEN");
        expect(body.error.message).toContain("Host is not a loopback name");
        expect(body.error.message).toContain("set a token");
      }
    }
  });

  test("127.0.0.1, [::1] and localhost are answered, with or without a port", async () => {
    for (const host of ["127.0.0.1:8787", "127.0.0.1", "localhost:8787", "localhost", "LocalHost:8787", "[::1]:8787", "[::1]"]) {
      const res = await app.request("/positions", { headers: { Host: host } });
      expect([host, res.status]).toEqual([host, 200]);
    }
  });

  test("a request built in-process without a Host header is judged by its URL's host", async () => {
    for (const [url, status] of [["/positions", 200], ["http://127.0.0.1:8787/positions", 200], ["http://[::1]/positions", 200], ["http://attacker.example/positions", 403]] as const) {
      expect([url, (await app.request(url)).status]).toEqual([url, status]);
    }
  });

  test("a malformed Host is refused rather than guessed at", async () => {
    for (const host of ["::1", "[::1]x:8787", "127.0.0.1:80:80", "attacker.example@127.0.0.1", ""]) {
      expect([host, (await app.request("/account", { headers: { Host: host } })).status]).toEqual([host, 403]);
    }
  });

  test("a page from another site is refused by its Origin even with a loopback Host", async () => {
    const asked = (origin: string) => app.request("/account", { headers: { Host: "127.0.0.1:8787", Origin: origin } });
    expect((await asked("http://attacker.example")).status).toBe(403);
    expect((await asked("null")).status).toBe(403);
    expect((await asked("http://localhost:8787")).status).toBe(200);
    expect((await asked("http://127.0.0.1:8787")).status).toBe(200);
  });

  test("with a token the bearer check guards instead, so any Host may be served (a non-loopback bind)", async () => {
    const token = "host-guard-token-123";
    const guarded = createStatusApi(new MemoryStatusSession(), { token });
    const res = await guarded.request("/account", { headers: { Host: "status.example:8787", Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
  });

  test("over a real socket: the rebinding request of the hunt is refused, the README's curl is answered", async () => {
    const session = new MemoryStatusSession({ positions: [makePosition({ symbol: "BTCUSD", quantity: 3 })] });
    const server = serveStatusApi(session, {});
    try {
      const get = (path: string, headers: string) => rawRequest(server.port, `GET ${path} HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`);
      const rebound = await get("/positions", `Host: attacker.example:${server.port}\r\nOrigin: http://attacker.example:${server.port}\r\n`);
      expect(rebound.split("\r\n")[0]).toBe("HTTP/1.1 403 Forbidden");
      expect(rebound).not.toContain("BTCUSD");
      const local = await get("/positions", `Host: 127.0.0.1:${server.port}\r\n`);
      expect(local.split("\r\n")[0]).toBe("HTTP/1.1 200 OK");
      expect(local).toContain('"symbol":"BTCUSD"');
      // What the README shows: curl 127.0.0.1:8787/health (fetch sends the Host "127.0.0.1:<port>").
      const health = (await (await fetch(`${server.url}/health`)).json()) as { alive?: boolean };
      expect(health.alive).toBe(true);
    } finally {
      await server.stop();
    }
  });
});

describe("hostHeaderName", () => {
  test("takes the name before the port, keeps IPv6 brackets, and gives undefined for what is not a Host value", () => {
    expect(hostHeaderName("127.0.0.1:8787")).toBe("127.0.0.1");
    expect(hostHeaderName("[::1]:8787")).toBe("[::1]");
    expect(hostHeaderName("localhost")).toBe("localhost");
    expect(hostHeaderName("a b")).toBeUndefined();
    expect(hostHeaderName("::1")).toBeUndefined();
  });
});
