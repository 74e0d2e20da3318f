import { intervalToMs } from "@argo/core";
import type { Hono } from "hono";
import { noQuery } from "../http/no-query.ts";
import type { SessionInfo, StatusSession } from "../session/status-session.ts";

/** Body of GET /health. */
export interface HealthBody {
  alive: true;
  ready: boolean;
  /** Milliseconds since the session last processed a bar; null before the first. */
  lastBarAgeMs: number | null;
  checks: { marketDataConnected: boolean; tradingConnected: boolean; recentBar: boolean };
}

// Two bar intervals plus a minute of grace: a bar arrives once per interval, a little late at worst.
function defaultMaxBarAgeMs(interval: string): number {
  try {
    return 2 * intervalToMs(interval) + 60_000;
  } catch {
    return 120_000;
  }
}

/** Health of a session at `now`; ready means both providers connected and a bar seen recently. */
export function computeHealth(info: SessionInfo, now: number, maxBarAgeMs?: number): HealthBody {
  const lastBarAgeMs = info.lastBarAt === undefined ? null : Math.max(0, now - info.lastBarAt);
  const limit = maxBarAgeMs ?? defaultMaxBarAgeMs(info.interval);
  const checks = {
    marketDataConnected: info.providers.marketData.connected,
    tradingConnected: info.providers.trading.connected,
    recentBar: lastBarAgeMs !== null && lastBarAgeMs <= limit,
  };
  const ready = checks.marketDataConnected && checks.tradingConnected && checks.recentBar;
  return { alive: true, ready, lastBarAgeMs, checks };
}

/** GET /health, open without a token: 200 when ready, 503 otherwise; says nothing secret. */
export function registerHealthRoute(app: Hono, session: StatusSession, now: () => number, maxBarAgeMs?: number): void {
  app.get("/health", noQuery, async (c) => {
    let body: HealthBody;
    try {
      body = computeHealth(await session.info(), now(), maxBarAgeMs);
    } catch {
      // The process answers, so it is alive; a session that cannot describe itself is not ready.
      body = { alive: true, ready: false, lastBarAgeMs: null, checks: { marketDataConnected: false, tradingConnected: false, recentBar: false } };
    }
    c.header("Cache-Control", "no-store");
    return c.json(body, body.ready ? 200 : 503);
  });
}
