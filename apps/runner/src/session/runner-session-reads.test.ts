import type { TradingProvider } from "@argo/core";
import type { LiveEngine } from "@argo/engine";
import { createStatusApi, LatencyHistogram } from "@argo/status-api";
import { makeAccount, makeBar } from "@argo/status-api/testing";
import { describe, expect, test } from "bun:test";
import { RunnerSession } from "./runner-session.ts";

const OPTIONS = { mode: "paper" as const, symbols: ["BTCUSD", "ETHUSD"], interval: "1m", marketDataName: "simulated", tradingName: "hungvenue", config: {} };
const never = () => new Promise<never>(() => {});

/** The status API over a RunnerSession whose venue has `methods`, with a short read timeout and an engine holding `bars`. */
function statusApi(methods: Partial<TradingProvider>, bars = [makeBar()]) {
  const trading = { name: "hungvenue", connectionState: () => "CONNECTED", ...methods } as unknown as TradingProvider;
  const engine = { recentBars: (symbol: string, limit: number) => bars.filter((b) => b.symbol === symbol).slice(-limit) } as unknown as LiveEngine;
  const runner = new RunnerSession({ ...OPTIONS, venueCallTimeoutMs: 20 }, trading, engine, new LatencyHistogram());
  return createStatusApi(runner);
}

async function get(app: ReturnType<typeof statusApi>, path: string) {
  const res = await app.request(`http://127.0.0.1${path}`);
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } & Record<string, unknown> };
}

describe("RunnerSession: status reads from the venue are bounded", () => {
  test("a venue whose account read never answers gives /account a 503 naming CONNECTION_LOST, the venue and the read", async () => {
    const app = statusApi({ getAccount: never });
    const { status, body } = await get(app, "/account");
    expect(status).toBe(503);
    expect(body.error!.code).toBe("CONNECTION_LOST");
    expect(body.error!.message).toContain("hungvenue did not answer the account read");
  });

  test("positions, open orders and trades reads are bounded too, each named in its error", async () => {
    const app = statusApi({ getPositions: never, getOpenOrders: never, getTrades: never });
    for (const [path, call] of [["/positions", "positions read"], ["/orders?limit=0", "open orders read"], ["/trades", "trades read"]] as const) {
      const { status, body } = await get(app, path);
      expect([path, status, body.error?.code]).toEqual([path, 503, "CONNECTION_LOST"]);
      expect(body.error!.message).toContain(call);
    }
  });

  test("a venue that answers is passed through", async () => {
    const account = makeAccount({ balance: 1234.5 });
    const app = statusApi({ getAccount: async () => account });
    expect(await get(app, "/account")).toEqual({ status: 200, body: { account } });
  });
});

describe("RunnerSession: /bars for a symbol the session does not trade", () => {
  test("is a 404 UNKNOWN_SYMBOL naming the symbol and the session's symbols", async () => {
    const app = statusApi({});
    for (const symbol of ["NOPE", "btcusd"]) {
      const { status, body } = await get(app, `/bars?symbol=${symbol}`);
      expect([symbol, status, body.error?.code]).toEqual([symbol, 404, "UNKNOWN_SYMBOL"]);
      // By hand from OPTIONS.symbols.
      expect(body.error!.message).toBe(`no symbol "${symbol}" in this session (symbols: BTCUSD, ETHUSD)`);
    }
  });

  test("a session symbol still gets its bars", async () => {
    const bar = makeBar({ symbol: "ETHUSD", close: 2000 });
    const app = statusApi({}, [makeBar(), bar]);
    expect(await get(app, "/bars?symbol=ETHUSD")).toEqual({ status: 200, body: { bars: [bar] } });
  });
});
