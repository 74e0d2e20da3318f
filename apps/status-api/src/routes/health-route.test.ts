import { describe, expect, test } from "bun:test";
import { createStatusApi } from "../create-status-api.ts";
import { defaultSessionInfo, MemoryStatusSession } from "../testing/memory-session.ts";

const NOW = 1_800_000_000_000;
const TOKEN = "health-test-token";

function setup(patch: Partial<ReturnType<typeof defaultSessionInfo>> = {}, maxBarAgeMs?: number) {
  const session = new MemoryStatusSession({ info: { ...defaultSessionInfo(NOW - 60_000), ...patch } });
  const app = createStatusApi(session, { token: TOKEN, now: () => NOW, ...(maxBarAgeMs ? { maxBarAgeMs } : {}) });
  return { session, app };
}

describe("GET /health", () => {
  test("is open without a token and ready (200) with both providers connected and a recent bar", async () => {
    const { app } = setup({ lastBarAt: NOW - 1500 });
    const res = await app.request("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      alive: true,
      ready: true,
      lastBarAgeMs: 1500,
      checks: { marketDataConnected: true, tradingConnected: true, recentBar: true },
    });
  });

  test("is 503 before the first bar, with a null bar age", async () => {
    const res = await setup().app.request("/health");
    expect(res.status).toBe(503);
    const body = (await res.json()) as { ready: boolean; alive: boolean; lastBarAgeMs: number | null };
    expect(body).toMatchObject({ alive: true, ready: false, lastBarAgeMs: null });
  });

  test("a 1m session's bar is stale after two intervals plus a minute (180 000 ms)", async () => {
    expect((await setup({ lastBarAt: NOW - 180_000 }).app.request("/health")).status).toBe(200);
    const stale = await setup({ lastBarAt: NOW - 180_001 }).app.request("/health");
    expect(stale.status).toBe(503);
    expect(await stale.json()).toMatchObject({ lastBarAgeMs: 180_001, checks: { recentBar: false } });
  });

  test("maxBarAgeMs overrides the staleness limit", async () => {
    expect((await setup({ lastBarAt: NOW - 5000 }, 4000).app.request("/health")).status).toBe(503);
    expect((await setup({ lastBarAt: NOW - 3000 }, 4000).app.request("/health")).status).toBe(200);
  });

  test("is 503 when either provider is disconnected", async () => {
    const base = defaultSessionInfo(NOW);
    const trading = setup({ lastBarAt: NOW, providers: { ...base.providers, trading: { ...base.providers.trading, connected: false } } });
    const data = setup({ lastBarAt: NOW, providers: { ...base.providers, marketData: { name: "simulated", connected: false } } });
    const t = await trading.app.request("/health");
    const d = await data.app.request("/health");
    expect([t.status, d.status]).toEqual([503, 503]);
    expect(await t.json()).toMatchObject({ checks: { tradingConnected: false, marketDataConnected: true } });
    expect(await d.json()).toMatchObject({ checks: { tradingConnected: true, marketDataConnected: false } });
  });

  test("stays alive but not ready when the session cannot describe itself", async () => {
    const { session, app } = setup();
    session.info = () => {
      throw new Error("engine gone");
    };
    const res = await app.request("/health");
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ alive: true, ready: false });
    expect(text).not.toContain("engine gone");
  });

  test("an unknown query parameter is a 400 naming it, without a token too; ?token= alone is fine", async () => {
    const { app } = setup({ lastBarAt: NOW - 1500 });
    const res = await app.request("/health?verbose=1");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('unknown query parameter "verbose"; this route accepts: token');
    expect((await app.request(`/health?token=${TOKEN}`)).status).toBe(200);
  });
});
