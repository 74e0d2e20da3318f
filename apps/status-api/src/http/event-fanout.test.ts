import { describe, expect, test } from "bun:test";
import { makeBar } from "../testing/fixtures.ts";
import { MemoryStatusSession } from "../testing/memory-session.ts";
import { EventFanout, type NumberedEvent } from "./event-fanout.ts";

const bar = (time: number) => ({ type: "bar" as const, time, data: makeBar({ openTime: time }) });

describe("EventFanout", () => {
  test("subscribes to the session only while a client is connected; removing a client twice is harmless", () => {
    const session = new MemoryStatusSession();
    const fanout = new EventFanout(session, []);
    expect(session.listenerCount).toBe(0);
    const removeA = fanout.add(() => {});
    const removeB = fanout.add(() => {});
    expect(session.listenerCount).toBe(1);
    removeA();
    removeA();
    expect(session.listenerCount).toBe(1);
    removeB();
    expect(session.listenerCount).toBe(0);
    // A new client after everyone left subscribes again; the stale remover does not undo that.
    const removeC = fanout.add(() => {});
    removeA();
    expect(session.listenerCount).toBe(1);
    removeC();
    expect(session.listenerCount).toBe(0);
  });

  test("every client gets the same numbered, scrubbed text; a client that throws does not stop the others", () => {
    const session = new MemoryStatusSession();
    const fanout = new EventFanout(session, ["SECRET-42"]);
    const seen: NumberedEvent[][] = [[], []];
    fanout.add((event) => seen[0]!.push(event));
    fanout.add(() => {
      throw new Error("broken client");
    });
    fanout.add((event) => seen[1]!.push(event));
    session.emit(bar(1));
    session.emit({ type: "error", time: 2, data: { code: "CONNECTION_LOST", message: "lost SECRET-42" } });
    expect(seen[0]).toEqual(seen[1]!);
    expect(seen[0]!.map((e) => [e.id, e.type])).toEqual([[1, "bar"], [2, "error"]]);
    expect(JSON.parse(seen[0]![1]!.json).data.message).toBe("lost [REDACTED]");
  });

  test("the same function added twice is two clients, removed one at a time", () => {
    const session = new MemoryStatusSession();
    const fanout = new EventFanout(session, []);
    let calls = 0;
    const client = () => void calls++;
    const first = fanout.add(client);
    fanout.add(client);
    session.emit(bar(1));
    first();
    session.emit(bar(2));
    expect(calls).toBe(3);
  });
});
