import { describe, expect, test } from "bun:test";
import { serveStatusApi } from "./serve-status-api.ts";
import { makeAccount } from "./testing/fixtures.ts";
import { MemoryStatusSession } from "./testing/memory-session.ts";

describe("serveStatusApi on a port another status server holds", () => {
  test("the second start fails saying the port is in use, and the first session keeps the port alone", async () => {
    const first = serveStatusApi(new MemoryStatusSession({ account: makeAccount({ equity: 100_000 }) }));
    try {
      let second: ReturnType<typeof serveStatusApi> | undefined;
      let failure: unknown;
      try {
        second = serveStatusApi(new MemoryStatusSession({ account: makeAccount({ equity: 5_000 }) }), { port: first.port });
      } catch (error) {
        failure = error;
      }
      await second?.stop();
      expect(second).toBeUndefined();
      expect(String((failure as Error | undefined)?.message)).toContain(`port ${first.port} in use`);
      // Every request on the URL is answered by the first session: the two are never mixed behind one port.
      for (let i = 0; i < 8; i++) {
        const res = await fetch(`${first.url}/account`, { headers: { Connection: "close" } });
        expect(((await res.json()) as { account: { equity: number } }).account.equity).toBe(100_000);
      }
    } finally {
      await first.stop();
    }
  });
});
