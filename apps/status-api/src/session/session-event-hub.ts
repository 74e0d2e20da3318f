import type { SessionEvent } from "./session-event.ts";

/**
 * The subscribe/emit half of a {@link StatusSession}: the runner emits what the engine reports and
 * hands `subscribe` to the API (which fans its numbered events out to stream clients with another hub).
 * A throwing listener is reported to `onListenerError`, never to the emitter, so one bad consumer
 * cannot stop the engine's callbacks.
 */
export class SessionEventHub<E = SessionEvent> {
  // One entry per subscription, so the same function subscribed twice is two listeners, removed one at a time.
  private readonly listeners = new Set<{ listener: (event: E) => void }>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => {}) {}

  /** Adds a listener; the returned function removes it (calling it twice is harmless). */
  subscribe(listener: (event: E) => void): () => void {
    const entry = { listener };
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  /** Delivers an event to every listener, in subscription order. */
  emit(event: E): void {
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
