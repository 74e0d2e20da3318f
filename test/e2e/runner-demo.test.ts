// End to end: the real `argo run` process on the demo config, observed only from outside — HTTP on 127.0.0.1,
// its exit code and log, and the journal it leaves behind.
import type { Order, Position } from "@argo/core";
import { waitFor } from "@argo/core/testing";
import { SseReader } from "@argo/status-api/testing";
import { Database } from "bun:sqlite";
import { expect, test } from "bun:test";
import { join } from "node:path";
import { logLines, startDemoRunner } from "./support/runner-process.ts";

type Json = Record<string, any>;
/** How long a wait may take before it is a failure (not a timing check). */
const LIMIT_MS = 15_000;
const get = async (url: string): Promise<Json> => {
  const res = await fetch(url);
  expect(res.headers.get("content-type")).toContain("application/json");
  return (await res.json()) as Json;
};

test("argo run on the demo config: status API, clean SIGTERM, and every reported order journaled", async () => {
  const runner = await startDemoRunner({ barDelayMs: 20 });
  const reported = new Set<string>();
  let journalIds = new Set<string>();
  const streamed: Json[] = [];
  const mislabelled: string[] = [];
  let events: SseReader | undefined;
  try {
    const { url } = runner;
    // Subscribe first so the feed sees the session's orders as they happen.
    const res = await fetch(`${url}/events`);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    events = new SseReader(res.body!);
    const reading = (async () => {
      for (let e = await events!.next(); e; e = await events!.next()) {
        if (e.comment !== undefined) continue;
        const parsed = JSON.parse(e.data) as Json;
        // Checked after the stream ends: a failed expect in this background reader would be swallowed.
        if (parsed.type !== e.event) mislabelled.push(`${e.event} carried ${parsed.type}`);
        const event: Json = { ...parsed, id: Number(e.id) };
        streamed.push(event);
        if (event.type === "order") reported.add((event.data as Order).clientOrderId);
      }
    })().catch(() => undefined);

    // Bars arrive: /health turns ready with both providers connected and a recent bar.
    const health = await waitFor("ready /health", async () => {
      const r = await fetch(`${url}/health`);
      return r.status === 200 && ((await r.json()) as Json);
    }, LIMIT_MS);
    expect(health.checks).toEqual({ marketDataConnected: true, tradingConnected: true, recentBar: true });

    const session = await get(`${url}/session`);
    expect(session).toMatchObject({ mode: "paper", symbols: ["BTCUSD", "ETHUSD"], interval: "1m" });
    expect(session.config.market_data.config.barDelayMs).toBe(20);
    expect(session.config.engine.data_dir).toBe(runner.dataDir);

    // At least one order, then a few more polls so orders keep coming while we watch.
    const orders = await waitFor("a first order", async () => {
      const body = await get(`${url}/orders?limit=1000`);
      return body.recent.length > 0 && body;
    }, LIMIT_MS);
    for (const order of [...orders.recent, ...orders.open] as Order[]) reported.add(order.clientOrderId);
    await waitFor("bars and an order on /events", () => streamed.filter((e) => e.type === "bar").length >= 10 && streamed.some((e) => e.type === "order"), LIMIT_MS);
    // A handful of orders, so "every reported order is journaled" is checked on more than one.
    await waitFor("six orders", async () => {
      const latest = await get(`${url}/orders?limit=1000`);
      for (const order of [...latest.recent, ...latest.open] as Order[]) reported.add(order.clientOrderId);
      return reported.size >= 6;
    }, LIMIT_MS);

    const positions = (await get(`${url}/positions`)).positions as Position[];
    for (const p of positions) {
      expect(["BTCUSD", "ETHUSD"]).toContain(p.symbol);
      expect(p.quantity).toBeGreaterThan(0);
    }
    // The feed is in the session's order: ids strictly increase, every bar is one of the session's symbols.
    expect(mislabelled).toEqual([]);
    const ids = streamed.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    for (const bar of streamed.filter((e) => e.type === "bar")) expect(["BTCUSD", "ETHUSD"]).toContain(bar.data.symbol);

    runner.proc.kill("SIGTERM");
    expect(await runner.exited).toBe(0);
    await reading;

    // The process is gone; what it left on disk is the record.
    const db = new Database(join(runner.dataDir, "journal.sqlite"), { readonly: true });
    try {
      const rows = db.query("SELECT client_order_id AS id FROM orders").all() as Array<{ id: string }>;
      journalIds = new Set(rows.map((r) => r.id));
      expect(journalIds.size).toBe(rows.length);
    } finally {
      db.close();
    }
  } finally {
    await events?.cancel().catch(() => undefined);
    await runner.dispose().catch(() => undefined);
  }

  const lines = logLines(runner.stderr());
  expect(lines.find((l) => l.msg === "stopping")).toMatchObject({ reason: "SIGTERM" });
  const ended = lines.find((l) => l.msg === "session ended");
  expect(ended).toMatchObject({ status: "aborted" });
  expect(runner.stdout()).toBe("");

  expect(reported.size).toBeGreaterThanOrEqual(6);
  expect(journalIds.size).toBeGreaterThanOrEqual(reported.size);
  for (const id of reported) expect(journalIds.has(id)).toBe(true);
  // Every order the runner logged as placed is in the journal too.
  for (const l of lines.filter((l) => l.msg === "order placed")) expect(journalIds.has(l.clientOrderId as string)).toBe(true);
}, 30_000);
