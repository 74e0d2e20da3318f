import { ArgoError, type MarketDataProvider, type StreamItem } from "@argo/core";
import { makeBar } from "@argo/status-api/testing";
import { describe, expect, test } from "bun:test";
import { SteppedFeed } from "../__fixtures__/stepped-feed.ts";
import { watchStreamEnd } from "./watch-stream-end.ts";

const bar = (openTime: number): StreamItem => ({ type: "bar", bar: makeBar({ openTime }) });
/** The stream of a watched provider, read as the engine reads it. */
const watchedStream = (provider: MarketDataProvider, onEnd: () => void) => watchStreamEnd(provider, onEnd).stream(["BTCUSD"], "1m")[Symbol.asyncIterator]();

describe("watchStreamEnd", () => {
  test("the items pass unchanged; onEnd is called once, when the stream is done, not before", async () => {
    const feed = new SteppedFeed();
    let ends = 0;
    const iterator = watchedStream(feed, () => ends++);
    const first = bar(60_000);
    feed.send(first);
    expect(await iterator.next()).toEqual({ done: false, value: first });
    expect(ends).toBe(0);
    feed.end();
    expect((await iterator.next()).done).toBe(true);
    expect(ends).toBe(1);
    await iterator.return?.();
    expect(ends).toBe(1);
  });

  test("a stream that fails, and one its reader leaves early, are ended too", async () => {
    const failing = {
      name: "failing",
      async *stream(): AsyncIterable<StreamItem> {
        throw new ArgoError("CONNECTION_LOST", "feed gone");
      },
      async *history() {},
    };
    let ends = 0;
    const iterator = watchedStream(failing, () => ends++);
    await expect(iterator.next()).rejects.toThrow("feed gone");
    expect(ends).toBe(1);

    const feed = new SteppedFeed();
    const left = watchedStream(feed, () => ends++);
    feed.send(bar(60_000));
    await left.next();
    await left.return?.();
    expect(ends).toBe(2);
  });

  test("everything but stream is the provider's own: its fields, and its methods acting on it", async () => {
    const feed = new SteppedFeed();
    const watched = watchStreamEnd(feed, () => {});
    expect(watched.name).toBe("stepped");
    const sent = bar(120_000);
    watched.send(sent);
    expect(await feed.stream()[Symbol.asyncIterator]().next()).toEqual({ done: false, value: sent });
  });
});
