import { describe, expect, test } from "bun:test";
import { createStatusApi } from "../create-status-api.ts";
import { rawRequest } from "../http/raw-request.test-helper.ts";
import { serveStatusApi } from "../serve-status-api.ts";
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

  test("HEAD /events answers the stream's headers only, and leaves no subscription or stream behind", async () => {
    const { session, app } = setup();
    for (let i = 0; i < 5; i++) {
      const res = await app.request(`/events?token=${TOKEN}`, { method: "HEAD" });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toStartWith("text/event-stream");
      expect(await res.text()).toBe("");
    }
    expect(session.listenerCount).toBe(0);
    // A GET afterwards still streams, and is then the one client.
    const reader = await connect(app);
    expect(session.listenerCount).toBe(1);
    session.emit(sequence[0]!);
    expect((await reader.events(1)).map((e) => e.event)).toEqual(["state"]);
    await reader.cancel();
  });

  test("HEAD /events over a real socket leaves no subscription behind", async () => {
    const session = new MemoryStatusSession();
    const server = serveStatusApi(session, { token: TOKEN });
    try {
      for (let i = 0; i < 5; i++) {
        const reply = await rawRequest(server.port, `HEAD /events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nConnection: close\r\n\r\n`);
        expect(reply.split("\r\n")[0]).toBe("HTTP/1.1 200 OK");
        expect(reply.toLowerCase()).toContain("content-type: text/event-stream");
      }
      expect(session.listenerCount).toBe(0);
    } finally {
      await server.stop();
    }
  });

  test("an unknown query parameter is a 400 naming it, not a stream of everything (GET and HEAD)", async () => {
    const { session, app } = setup();
    for (const method of ["GET", "HEAD"]) {
      const res = await app.request(`/events?type=fill&token=${TOKEN}`, { method });
      expect([method, res.status]).toEqual([method, 400]);
      if (method === "GET") expect(((await res.json()) as { error: { message: string } }).error.message).toStartWith('unknown query parameter "type"');
    }
    const repeated = await app.request(`/events?token=${TOKEN}&token=${TOKEN}`);
    expect(repeated.status).toBe(400);
    expect(((await repeated.json()) as { error: { message: string } }).error.message).toContain('"token" given more than once');
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
