import { describe, expect, test } from "bun:test";
import { ArgoError, type TradeFilter } from "@argo/core";
import { createStatusApi } from "../create-status-api.ts";
import type { StatusSession } from "../session/status-session.ts";
import { makeAccount, makeBar, makeOrder, makePosition, makeTrade } from "../testing/fixtures.ts";
import { defaultSessionInfo, MemoryStatusSession } from "../testing/memory-session.ts";

const NOW = 1_800_000_000_000;
const TOKEN = "session-routes-token";
const auth = { headers: { Authorization: `Bearer ${TOKEN}` } };

function setup() {
  const session = new MemoryStatusSession({ info: { ...defaultSessionInfo(NOW - 90_000), lastBarAt: NOW - 10 } });
  return { session, app: createStatusApi(session, { token: TOKEN, now: () => NOW }) };
}

async function json(res: Response): Promise<any> {
  return JSON.parse(await res.text());
}

describe("session routes", () => {
  test("GET /session returns the info with the uptime and redacts secret-looking config keys", async () => {
    const { session, app } = setup();
    session.state.info.config = {
      trading: { provider: "paper", config: { apiKey: "AKIA-LEAK", apiSecret: "S-LEAK", baseUrl: "http://127.0.0.1:1" } },
      status: { token: "T-LEAK", port: 8080 },
      accounts: [{ password: "P-LEAK", user: "me" }],
      passphrase: "PP-LEAK",
    };
    const res = await app.request("/session", auth);
    expect(res.status).toBe(200);
    const text = await res.clone().text();
    for (const leak of ["AKIA-LEAK", "S-LEAK", "T-LEAK", "P-LEAK", "PP-LEAK"]) expect(text).not.toContain(leak);
    const body = await json(res);
    expect(body.uptimeMs).toBe(90_000);
    expect(body).toMatchObject({ mode: "paper", symbols: ["BTCUSD"], interval: "1m", tradingState: "ACTIVE", lastBarAt: NOW - 10 });
    expect(body.config).toEqual({
      trading: { provider: "paper", config: { apiKey: "[REDACTED]", apiSecret: "[REDACTED]", baseUrl: "http://127.0.0.1:1" } },
      status: { token: "[REDACTED]", port: 8080 },
      accounts: [{ password: "[REDACTED]", user: "me" }],
      passphrase: "[REDACTED]",
    });
  });

  test("GET /account and /positions return the session's values", async () => {
    const { session, app } = setup();
    session.state.account = makeAccount({ equity: 12_345.5, balance: 10_000 });
    session.state.positions = [makePosition({ symbol: "ETHUSD", quantity: 3 }), makePosition({ symbol: "BTCUSD", side: "SHORT" })];
    expect(await json(await app.request("/account", auth))).toEqual({ account: session.state.account });
    const res = await app.request("/positions", auth);
    expect(res.status).toBe(200);
    expect((await json(res)).positions.map((p: { symbol: string; side: string }) => `${p.symbol}:${p.side}`)).toEqual(["ETHUSD:LONG", "BTCUSD:SHORT"]);
  });

  test("GET /orders returns open orders and the newest recent ones (50 by default, or ?limit=)", async () => {
    const { session, app } = setup();
    session.state.openOrders = [makeOrder({ clientOrderId: "open-1" })];
    session.state.recentOrders = Array.from({ length: 60 }, (_, i) => makeOrder({ clientOrderId: `r-${i}`, status: "FILLED" }));
    const all = await json(await app.request("/orders", auth));
    expect(all.open.map((o: { clientOrderId: string }) => o.clientOrderId)).toEqual(["open-1"]);
    expect(all.recent).toHaveLength(50);
    const three = await json(await app.request("/orders?limit=3", auth));
    expect(three.recent.map((o: { clientOrderId: string }) => o.clientOrderId)).toEqual(["r-0", "r-1", "r-2"]);
  });

  test("GET /orders?limit=0 returns the open orders only, without reading recent ones (the dashboard's poll)", async () => {
    const { session, app } = setup();
    session.state.openOrders = [makeOrder({ clientOrderId: "open-1" })];
    session.state.recentOrders = [makeOrder({ clientOrderId: "r-0", status: "FILLED" })];
    const asked: number[] = [];
    session.recentOrders = async (limit) => {
      asked.push(limit);
      return session.state.recentOrders.slice(0, limit);
    };
    const res = await app.request("/orders?limit=0", auth);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.open.map((o: { clientOrderId: string }) => o.clientOrderId)).toEqual(["open-1"]);
    expect(body.recent).toEqual([]);
    expect(asked).toEqual([]);
  });

  test("bad query parameters are 400 INVALID_DATA naming the parameter", async () => {
    const { app } = setup();
    for (const [path, name] of [["/orders?limit=-1", "limit"], ["/orders?limit=1001", "limit"], ["/orders?limit=abc", "limit"], ["/trades?from=yesterday", "from"], ["/bars", "symbol"]] as const) {
      const res = await app.request(path, auth);
      expect(res.status).toBe(400);
      const body = await json(res);
      expect(body.error.code).toBe("INVALID_DATA");
      expect(body.error.message).toContain(`"${name}"`);
    }
    // A required parameter left out is said plainly, not in the schema library's words.
    const missing = await json(await app.request("/bars", auth));
    expect(missing.error.message).toBe('query parameter "symbol" is required');
  });

  test("unknown or misspelled query parameters are 400 INVALID_DATA naming them, not silently ignored", async () => {
    const { session, app } = setup();
    session.state.trades = [makeTrade({ id: "a", strategyName: "sma" }), makeTrade({ id: "b", strategyName: "rsi" })];
    const cases = [
      ["/trades?strategy=sma", "strategy"],
      ["/trades?symbols=ETHUSD", "symbols"],
      ["/trades?start=1500", "start"],
      ["/orders?limt=1", "limt"],
      ["/bars?symbol=BTCUSD&limits=5", "limits"],
      ["/positions?symbol=BTCUSD", "symbol"],
      ["/account?currency=USD", "currency"],
      ["/session?verbose=1", "verbose"],
      ["/providers?knd=trading", "knd"],
      ["/providers/paper/schema?format=yaml", "format"],
    ] as const;
    for (const [path, name] of cases) {
      const res = await app.request(path, auth);
      const body = await json(res);
      expect([path, res.status, body.error.code]).toEqual([path, 400, "INVALID_DATA"]);
      expect(body.error.message).toStartWith(`unknown query parameter "${name}"`);
    }
    // The message lists what the route does accept, so a misspelling is easy to fix.
    expect((await json(await app.request("/trades?strategy=sma", auth))).error.message).toContain("symbol, strategyName, from, to, limit, token");
  });

  test("a parameter given more than once is a 400 naming it, on every route, before the session is asked", async () => {
    const { session, app } = setup();
    session.state.trades = [makeTrade({ id: "a", symbol: "BTCUSD" }), makeTrade({ id: "b", symbol: "ETHUSD" })];
    const asked: TradeFilter[] = [];
    session.trades = async (filter) => {
      asked.push(filter);
      return [];
    };
    const cases = [
      ["/trades?symbol=BTCUSD&symbol=ETHUSD", "symbol"],
      ["/trades?symbol=ETHUSD&symbol=BTCUSD", "symbol"],
      ["/trades?limit=1&limit=1000", "limit"],
      ["/orders?limit=0&limit=abc", "limit"],
      ["/bars?symbol=BTCUSD&symbol=BTCUSD", "symbol"],
      ["/session?x=1&x=2", "x"],
      [`/positions?token=${TOKEN}&token=${TOKEN}`, "token"],
    ] as const;
    for (const [path, name] of cases) {
      const res = await app.request(path, auth);
      const body = await json(res);
      expect([path, res.status, body.error.code]).toEqual([path, 400, "INVALID_DATA"]);
      expect(body.error.message).toBe(`query parameter "${name}" given more than once; give it once`);
    }
    expect(asked).toEqual([]);
  });

  test("token is accepted on every route, with or without a configured token, and never reaches the session's filter", async () => {
    const { session, app } = setup();
    const open = createStatusApi(session, { now: () => NOW });
    const filters: TradeFilter[] = [];
    const select = session.trades.bind(session);
    session.trades = (filter) => {
      filters.push(filter);
      return select(filter);
    };
    for (const path of ["/session", "/account", "/positions", "/orders?limit=1", "/trades?symbol=BTCUSD", "/bars?symbol=BTCUSD", "/providers"]) {
      const q = `${path}${path.includes("?") ? "&" : "?"}token=${TOKEN}`;
      expect([q, (await app.request(q)).status]).toEqual([q, 200]);
      expect([q, (await open.request(q)).status]).toEqual([q, 200]);
    }
    // One more than the default 500: the route tells whether older trades were left out.
    expect(filters).toStrictEqual([
      { symbol: "BTCUSD", limit: 501 },
      { symbol: "BTCUSD", limit: 501 },
    ]);
  });

  test("/trades refuses from at or after to (400 naming both); either alone is fine", async () => {
    const { session, app } = setup();
    session.state.trades = [makeTrade({ id: "a", time: 1000 }), makeTrade({ id: "b", time: 2000 })];
    for (const q of ["?from=2000&to=1000", "?from=1000&to=1000"]) {
      const res = await app.request(`/trades${q}`, auth);
      expect([q, res.status]).toEqual([q, 400]);
      const message: string = (await json(res)).error.message;
      expect(message).toContain('"from"');
      expect(message).toContain('"to"');
    }
    expect((await json(await app.request("/trades?from=1000&to=1001", auth))).trades.map((t: { id: string }) => t.id)).toEqual(["a"]);
    expect((await json(await app.request("/trades?from=2000", auth))).trades.map((t: { id: string }) => t.id)).toEqual(["b"]);
    expect((await json(await app.request("/trades?to=2000", auth))).trades.map((t: { id: string }) => t.id)).toEqual(["a"]);
  });

  test("GET /trades passes the filter from the query", async () => {
    const { session, app } = setup();
    session.state.trades = [
      makeTrade({ id: "a", symbol: "BTCUSD", time: 1000 }),
      makeTrade({ id: "b", symbol: "ETHUSD", time: 2000 }),
      makeTrade({ id: "c", symbol: "BTCUSD", time: 3000 }),
      makeTrade({ id: "d", symbol: "BTCUSD", time: 4000 }),
    ];
    // What the route hands the session, apart from what the in-memory session then does with it.
    const filters: TradeFilter[] = [];
    const select = session.trades.bind(session);
    session.trades = (filter) => {
      filters.push(filter);
      return select(filter);
    };
    const ids = async (q: string) => (await json(await app.request(`/trades${q}`, auth))).trades.map((t: { id: string }) => t.id);
    expect(await ids("")).toEqual(["a", "b", "c", "d"]);
    expect(await ids("?symbol=BTCUSD")).toEqual(["a", "c", "d"]);
    // from inclusive, to exclusive
    expect(await ids("?from=2000&to=4000")).toEqual(["b", "c"]);
    expect(await ids("?symbol=BTCUSD&limit=2")).toEqual(["c", "d"]);
    // Numbers as numbers, absent parameters absent, and the route's default limit of 500 (asked one more, see below).
    expect(filters).toStrictEqual([{ limit: 501 }, { symbol: "BTCUSD", limit: 501 }, { from: 2000, to: 4000, limit: 501 }, { symbol: "BTCUSD", limit: 3 }]);
  });

  test("GET /trades says whether older trades matched beyond the limit (more), whichever order the venue lists them in", async () => {
    const { session, app } = setup();
    session.state.trades = [1000, 2000, 3000, 4000].map((time, i) => makeTrade({ id: "abcd"[i]!, time }));
    const page = async (q: string) => {
      const body = await json(await app.request(`/trades${q}`, auth));
      return [body.trades.map((t: { id: string }) => t.id).join(""), body.more];
    };
    // Before, 500 of 600 trades came back with nothing saying 100 older ones were left out.
    expect(await page("?limit=2")).toEqual(["cd", true]);
    expect(await page("?limit=3")).toEqual(["bcd", true]);
    expect(await page("?limit=4")).toEqual(["abcd", false]);
    expect(await page("")).toEqual(["abcd", false]);
    // Paging back with to = the oldest time shown.
    expect(await page("?limit=2&to=3000")).toEqual(["ab", false]);
    // A venue listing newest first: the oldest (last) is the one left out; shown oldest first all the same.
    const select = session.trades.bind(session);
    session.trades = async (filter) => (await select(filter)).reverse();
    expect(await page("?limit=2")).toEqual(["cd", true]);
  });

  test("GET /trades never splits the trades of one time across pages: paging back with to reaches every trade", async () => {
    const { session, app } = setup();
    // a at 1000; b, c, d at 2000 (one sweep filled at one time); e at 3000.
    session.state.trades = [[1000, "a"], [2000, "b"], [2000, "c"], [2000, "d"], [3000, "e"]].map(([time, id]) => makeTrade({ id: id as string, time: time as number }));
    const page = async (q: string) => {
      const body = await json(await app.request(`/trades${q}`, auth));
      return [body.trades.map((t: { id: string }) => t.id).join(""), body.more];
    };
    // Before: limit 2 gave "de" (more), then to=2000 gave "a": b and c were never shown.
    // The limit cuts through 2000: those are left to the next page, which holds them all (to = 3000, the oldest shown).
    expect(await page("?limit=2")).toEqual(["e", true]);
    expect(await page("?limit=2&to=3000")).toEqual(["bcd", true]);
    expect(await page("?limit=2&to=2000")).toEqual(["a", false]);
    // A limit that ends on a time boundary is kept whole; one time holding more than the limit, with nothing older.
    expect(await page("?limit=4")).toEqual(["bcde", true]);
    expect(await page("?limit=1&from=2000&to=3000")).toEqual(["bcd", false]);
    // More than 10,000 at one time: the newest 10,000 of them, and `more` says the rest were left out (review).
    const many = Array.from({ length: 10_002 }, (_, i) => makeTrade({ id: `m${i}`, time: 5000 }));
    const kept = session.state.trades;
    session.state.trades = many;
    const big = await json(await app.request("/trades?limit=1", auth));
    expect([big.trades.length, big.more]).toEqual([10_000, true]);
    session.state.trades = kept;
    // Whichever order the venue lists them in (the order within one time is the venue's).
    const select = session.trades.bind(session);
    session.trades = async (filter) => (await select(filter)).reverse();
    expect(await page("?limit=2")).toEqual(["e", true]);
    expect(await page("?limit=2&to=3000")).toEqual(["dcb", true]);
    expect(await page("?limit=2&to=2000")).toEqual(["a", false]);
  });

  test("GET /bars returns the symbol's recent bars, or none when the session cannot provide them", async () => {
    const { session, app } = setup();
    session.state.bars = [makeBar({ openTime: 1 }), makeBar({ symbol: "ETHUSD", openTime: 2 }), makeBar({ openTime: 3 })];
    const body = await json(await app.request("/bars?symbol=BTCUSD&limit=5", auth));
    expect(body.bars.map((b: { openTime: number }) => b.openTime)).toEqual([1, 3]);
    (session as StatusSession).recentBars = undefined;
    expect(await json(await app.request("/bars?symbol=BTCUSD", auth))).toEqual({ bars: [] });
  });

  test("an ArgoError from the session keeps its code and message, with a matching status", async () => {
    const { session, app } = setup();
    session.account = () => Promise.reject(new ArgoError("PROVIDER_NOT_CONNECTED", "trading provider paper is not connected"));
    const res = await app.request("/account", auth);
    expect(res.status).toBe(503);
    expect(await json(res)).toEqual({ error: { code: "PROVIDER_NOT_CONNECTED", message: "trading provider paper is not connected" } });
  });

  test("any other error is an opaque 500 without message or stack", async () => {
    const { session, app } = setup();
    session.positions = () => Promise.reject(new Error("db password=hunter2 at /srv/engine.ts:12"));
    const res = await app.request("/positions", auth);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: "INTERNAL", message: "internal error" } });
    expect(text).not.toContain("hunter2");
  });

  test("unknown routes are 404 JSON", async () => {
    const res = await setup().app.request("/nope", auth);
    expect(res.status).toBe(404);
    expect(await json(res)).toEqual({ error: { code: "NOT_FOUND", message: "no route GET /nope" } });
  });
});
