import { describe, expect, test } from "bun:test";
import { createStatusApi } from "../create-status-api.ts";
import type { SessionEvent } from "../session/session-event.ts";
import { makeBar, makeFill, makeOrder } from "../testing/fixtures.ts";
import { MemoryStatusSession } from "../testing/memory-session.ts";
import { SseReader } from "../testing/sse-reader.ts";

const TOKEN = "events-route-token";

function setup(options: { heartbeatMs?: number; maxQueuedEvents?: number } = {}) {
  const session = new MemoryStatusSession();
  return { session, app: createStatusApi(session, { token: TOKEN, ...options }) };
}

async function connect(app: ReturnType<typeof setup>["app"]) {
  const res = await app.request(`/events?token=${TOKEN}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toStartWith("text/event-stream");
  return new SseReader(res.body!);
}

const sequence: SessionEvent[] = [
  { type: "state", time: 1, data: { tradingState: "ACTIVE" } },
  { type: "bar", time: 2, data: makeBar({ openTime: 60_000 }) },
  { type: "order", time: 3, data: makeOrder({ clientOrderId: "o-1" }) },
  { type: "fill", time: 4, data: makeFill({ clientOrderId: "o-1", price: 101 }) },
  { type: "order", time: 5, data: makeOrder({ clientOrderId: "o-1", status: "FILLED", filledQuantity: 1 }) },
  { type: "error", time: 6, data: { code: "STREAM_DISCONNECTED", message: "market data stream closed", provider: "simulated" } },
  { type: "state", time: 7, data: { tradingState: "HALTED", previous: "ACTIVE", reason: "drawdown limit" } },
];

describe("GET /events", () => {
  test("delivers every session event in order, typed, with ids increasing by one", async () => {
    const { session, app } = setup();
    const reader = await connect(app);
    for (const event of sequence) session.emit(event);
    const received = await reader.events(sequence.length);
    expect(received.map((e) => e.event)).toEqual(sequence.map((e) => e.type));
    expect(received.map((e) => JSON.parse(e.data))).toEqual(sequence);
    const ids = received.map((e) => Number(e.id));
    expect(ids.every((id, i) => i === 0 || id === ids[i - 1]! + 1)).toBe(true);
    await reader.cancel();
  });

  test("keeps order across events emitted while earlier ones are being written", async () => {
    const { session, app } = setup();
    const reader = await connect(app);
    const bars = Array.from({ length: 300 }, (_, i) => makeBar({ openTime: i * 60_000 }));
    let next = 0;
    // Emit in bursts interleaved with reads, so writes and new events overlap.
    const received: number[] = [];
    while (received.length < bars.length) {
      for (let k = 0; k < 7 && next < bars.length; k++) session.emit({ type: "bar", time: next, data: bars[next++]! });
      const [event] = await reader.events(1);
      received.push(JSON.parse(event!.data).data.openTime);
    }
    expect(received).toEqual(bars.map((b) => b.openTime));
    await reader.cancel();
  });

  test("concurrent clients see the same ids for the same events", async () => {
    const { session, app } = setup();
    const a = await connect(app);
    const b = await connect(app);
    for (const event of sequence.slice(0, 3)) session.emit(event);
    const [ea, eb] = await Promise.all([a.events(3), b.events(3)]);
    expect(ea.map((e) => e.id)).toEqual(eb.map((e) => e.id));
    expect(ea.map((e) => e.data)).toEqual(eb.map((e) => e.data));
    await a.cancel();
    await b.cancel();
  });

  test("unsubscribes from the session when the client disconnects", async () => {
    const { session, app } = setup();
    const a = await connect(app);
    const b = await connect(app);
    expect(session.listenerCount).toBe(1);
    await a.cancel();
    session.emit(sequence[0]!);
    expect((await b.events(1)).length).toBe(1);
    expect(session.listenerCount).toBe(1);
    await b.cancel();
    // Cancelling resolves before the stream loop runs its cleanup; let it.
    for (let i = 0; i < 20 && session.listenerCount > 0; i++) await Bun.sleep(1);
    expect(session.listenerCount).toBe(0);
  });

  test("a client that falls too far behind is disconnected instead of buffering without bound", async () => {
    const { session, app } = setup({ maxQueuedEvents: 3 });
    const reader = await connect(app);
    for (let i = 0; i < 50; i++) session.emit({ type: "bar", time: i, data: makeBar({ openTime: i }) });
    const received = await reader.events(50);
    expect(received.length).toBeLessThanOrEqual(3);
    expect(await reader.next()).toBeUndefined();
    expect(session.listenerCount).toBe(0);
  });

  test("sends keep-alive comments while idle", async () => {
    const { app } = setup({ heartbeatMs: 5 });
    const reader = await connect(app);
    const comments: string[] = [];
    while (comments.length < 2) {
      const item = await reader.next();
      if (item?.comment) comments.push(item.comment);
    }
    expect(comments).toEqual(["connected", "keep-alive"]);
    await reader.cancel();
  });
});
