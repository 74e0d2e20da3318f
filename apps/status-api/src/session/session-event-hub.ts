import type { SessionEvent, SessionListener } from "./session-event.ts";

/**
 * The subscribe/emit half of a {@link StatusSession}: the runner emits what the engine reports and
 * hands `subscribe` to the API. A throwing listener is reported to `onListenerError`, never to the
 * emitter, so one bad consumer cannot stop the engine's callbacks.
 */
export class SessionEventHub {
  private readonly listeners = new Set<{ listener: SessionListener }>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => {}) {}

  /** Adds a listener; the returned function removes it (calling it twice is harmless). */
  subscribe(listener: SessionListener): () => void {
    const entry = { listener };
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  /** Delivers an event to every listener, in subscription order. */
  emit(event: SessionEvent): void {
    for (const entry of this.listeners) {
      try {
        entry.listener(event);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  /** Number of listeners. */
  get size(): number {
    return this.listeners.size;
  }
}
