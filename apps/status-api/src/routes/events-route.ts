import type { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import type { EventFanout, NumberedEvent } from "../http/event-fanout.ts";
import { noQuery } from "../http/no-query.ts";

/** Tuning of the event stream. */
export interface EventStreamOptions {
  /** Milliseconds between keep-alive comments (keeps proxies and idle timeouts from closing the stream). */
  heartbeatMs: number;
  /** Events a slow client may fall behind by before its stream is closed (it reconnects and resyncs). */
  maxQueuedEvents: number;
}

/** Headers of the event stream, as HEAD /events answers them without opening one. */
const EVENT_STREAM_HEADERS = { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" } as const;

/** GET /events: Server-Sent Events of session events, with increasing ids, in the session's order (HEAD: headers only). */
export function registerEventsRoute(app: Hono, fanout: EventFanout, options: EventStreamOptions): void {
  app.get("/events", noQuery, (c) => {
    // Hono answers HEAD with this GET handler and drops the body unread: a stream started here would never end, and
    // its subscription and heartbeat would stay for good. A HEAD gets the headers and nothing is started.
    if (c.req.method === "HEAD") return c.body(null, 200, EVENT_STREAM_HEADERS);
    return streamSSE(c, async (stream) => {
      let queue: NumberedEvent[] = [];
      let overflowed = false;
      let beat = false;
      let closed = false;
      let wake: (() => void) | undefined;
      const poke = () => {
        const resolve = wake;
        wake = undefined;
        resolve?.();
      };
      // Subscribe before the first await so no event emitted right after the response starts is missed.
      const remove = fanout.add((event) => {
        if (queue.length >= options.maxQueuedEvents) overflowed = true;
        else queue.push(event);
        poke();
      });
      const stop = () => {
        closed = true;
        poke();
      };
      stream.onAbort(stop);
      c.req.raw.signal?.addEventListener("abort", stop, { once: true });
      const heartbeat = setInterval(() => {
        beat = true;
        poke();
      }, options.heartbeatMs);
      try {
        await stream.write(": connected\n\n");
        while (!closed && !stream.aborted) {
          if (overflowed) {
            await stream.write(": too far behind, closing; reconnect to resume\n\n");
            break;
          }
          if (queue.length > 0) {
            const batch = queue;
            queue = [];
            for (const event of batch) await stream.writeSSE({ id: String(event.id), event: event.type, data: event.json });
          } else if (beat) {
            beat = false;
            await stream.write(": keep-alive\n\n");
          } else {
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
          }
        }
      } finally {
        clearInterval(heartbeat);
        remove();
      }
    });
  });
}
