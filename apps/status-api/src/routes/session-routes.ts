import type { Hono } from "hono";
import * as v from "valibot";
import { noQuery } from "../http/no-query.ts";
import { integerParam, parseQuery, stringParam } from "../http/parse-query.ts";
import { safeJson } from "../http/safe-json.ts";
import { redactSecretKeys } from "../security/redact-secret-keys.ts";
import type { StatusSession } from "../session/status-session.ts";
import { tradesPage } from "./trades-page.ts";

// Strict: a misspelled or unsupported parameter is a 400 naming it, never silently ignored.
// limit=0: open orders only (the dashboard's poll), without reading any recent ones.
const OrdersQuery = v.strictObject({ limit: v.optional(integerParam(0, 1000), "50") });
const TradesQuery = v.pipe(
  v.strictObject({
    symbol: v.optional(stringParam),
    strategyName: v.optional(stringParam),
    from: v.optional(integerParam(0, Number.MAX_SAFE_INTEGER)),
    to: v.optional(integerParam(0, Number.MAX_SAFE_INTEGER)),
    limit: v.optional(integerParam(1, 10_000), "500"),
  }),
  // from is inclusive and to exclusive: from >= to selects nothing, which is a mistake, not an answer.
  v.forward(
    v.check(({ from, to }) => from === undefined || to === undefined || from < to, 'must be before "to"'),
    ["from"],
  ),
);
const BarsQuery = v.strictObject({ symbol: stringParam, limit: v.optional(integerParam(1, 5000), "500") });

/** GET /session, /account, /positions, /orders, /trades and /bars: read-only views of the session. */
export function registerSessionRoutes(app: Hono, session: StatusSession, secrets: readonly string[], now: () => number): void {
  app.get("/session", noQuery, async (c) => {
    const info = await session.info();
    const body = { ...info, config: redactSecretKeys(info.config), uptimeMs: Math.max(0, now() - info.startedAt) };
    return safeJson(c, body, secrets);
  });
  app.get("/account", noQuery, async (c) => {
    return safeJson(c, { account: await session.account() }, secrets);
  });
  app.get("/positions", noQuery, async (c) => {
    return safeJson(c, { positions: await session.positions() }, secrets);
  });
  app.get("/orders", async (c) => {
    const { limit } = parseQuery(OrdersQuery, c.req.queries());
    const [open, recent] = await Promise.all([session.openOrders(), limit === 0 ? [] : session.recentOrders(limit)]);
    return safeJson(c, { open, recent }, secrets);
  });
  app.get("/trades", async (c) => {
    const query = parseQuery(TradesQuery, c.req.queries());
    const { limit, ...filter } = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as typeof query;
    return safeJson(c, await tradesPage((f) => session.trades(f), filter, limit), secrets);
  });
  app.get("/bars", async (c) => {
    const { symbol, limit } = parseQuery(BarsQuery, c.req.queries());
    // Optional in the session contract: without it the chart simply starts empty.
    const bars = session.recentBars ? await session.recentBars(symbol, limit) : [];
    return safeJson(c, { bars }, secrets);
  });
}
