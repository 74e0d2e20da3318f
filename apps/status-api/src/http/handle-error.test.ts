import { describe, expect, test } from "bun:test";
import { ArgoError } from "@argo/core";
import { createStatusApi } from "../create-status-api.ts";
import { MemoryStatusSession } from "../testing/memory-session.ts";
import type { RouteFailure } from "./route-failure.ts";

const TOKEN = "handle-error-token-77";
const API_KEY = "venue-key-handle-error-13";

function setup() {
  const session = new MemoryStatusSession();
  const failures: RouteFailure[] = [];
  const app = createStatusApi(session, { token: TOKEN, secrets: [API_KEY], onError: (failure) => void failures.push(failure) });
  const get = async (path: string) => {
    const res = await app.request(path, { headers: { Authorization: `Bearer ${TOKEN}` } });
    return { status: res.status, text: await res.text() };
  };
  return { session, failures, get };
}

describe("an ArgoError thrown by a session read is a server-side failure, not a bad request", () => {
  test("a venue reply the provider could not read (INVALID_DATA) is 502 and reaches onError, scrubbed", async () => {
    const { session, failures, get } = setup();
    session.positions = () => Promise.reject(new ArgoError("INVALID_DATA", `binance: position reply has positionAmt "abc" for key ${API_KEY}`));
    const res = await get("/positions");
    expect(res.status).toBe(502);
    expect(JSON.parse(res.text)).toEqual({ error: { code: "INVALID_DATA", message: 'binance: position reply has positionAmt "abc" for key [REDACTED]' } });
    expect(res.text).not.toContain(API_KEY);
    expect(failures).toEqual([
      { method: "GET", path: "/positions", name: "ArgoError", code: "INVALID_DATA", message: 'binance: position reply has positionAmt "abc" for key [REDACTED]' },
    ]);
  });

  test("INVALID_CONFIGURATION is 500 from the session itself and 502 when a provider reports it; both reach onError", async () => {
    const { session, failures, get } = setup();
    session.account = () => Promise.reject(new ArgoError("INVALID_CONFIGURATION", "venue says: API key lacks permission for futures account", { provider: "binance-live" }));
    session.info = () => {
      throw new ArgoError("INVALID_CONFIGURATION", "session config is missing engine.symbols");
    };
    expect((await get("/account")).status).toBe(502);
    expect((await get("/session")).status).toBe(500);
    expect(failures.map((f) => [f.path, f.code, f.provider])).toEqual([
      ["/account", "INVALID_CONFIGURATION", "binance-live"],
      ["/session", "INVALID_CONFIGURATION", undefined],
    ]);
  });

  test("a venue refusal (BROKER_REJECTED) of a read is 502 and reported", async () => {
    const { session, failures, get } = setup();
    session.openOrders = () => Promise.reject(new ArgoError("BROKER_REJECTED", "venue refused the open-orders query"));
    expect((await get("/orders")).status).toBe(502);
    expect(failures.map((f) => f.code)).toEqual(["BROKER_REJECTED"]);
  });

  test("a bad query parameter stays a 400 INVALID_DATA with its message, not reported", async () => {
    const { failures, get } = setup();
    const res = await get("/trades?limit=0");
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ error: { code: "INVALID_DATA", message: 'query parameter "limit" must be at least 1' } });
    expect(failures).toEqual([]);
  });
});
