import { describe, expect, test } from "bun:test";
import { makeBar } from "../testing/fixtures.ts";
import type { SessionEvent } from "./session-event.ts";
import { SessionEventHub } from "./session-event-hub.ts";

describe("SessionEventHub", () => {
  const event: SessionEvent = { type: "bar", time: 1, data: makeBar() };

  test("delivers to every listener until it unsubscribes", () => {
    const hub = new SessionEventHub();
    const seen: string[] = [];
    const offA = hub.subscribe(() => seen.push("a"));
    hub.subscribe(() => seen.push("b"));
    hub.emit(event);
    offA();
    offA();
    hub.emit(event);
    expect(seen).toEqual(["a", "b", "b"]);
    expect(hub.size).toBe(1);
  });

  test("a throwing listener neither stops the others nor reaches the emitter", () => {
    const errors: unknown[] = [];
    const hub = new SessionEventHub((error) => errors.push(error));
    const seen: number[] = [];
    hub.subscribe(() => {
      throw new Error("bad consumer");
    });
    hub.subscribe((e) => seen.push(e.time));
    expect(() => hub.emit(event)).not.toThrow();
    expect(seen).toEqual([1]);
    expect((errors[0] as Error).message).toBe("bad consumer");
  });

  test("the same function subscribed twice is called twice and removed one at a time", () => {
    const hub = new SessionEventHub();
    let calls = 0;
    const listener = () => calls++;
    const off = hub.subscribe(listener);
    hub.subscribe(listener);
    hub.emit(event);
    off();
    hub.emit(event);
    expect(calls).toBe(3);
  });
});
