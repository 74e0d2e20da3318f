import { SessionEventHub } from "../session/session-event-hub.ts";
import type { SessionEvent } from "../session/session-event.ts";
import type { StatusSession } from "../session/status-session.ts";
import { safeStringify } from "./safe-json.ts";

/** One session event ready to send: its sequence id, type and JSON text. */
export interface NumberedEvent {
  id: number;
  type: SessionEvent["type"];
  json: string;
}

/**
 * Shares one session subscription among all event-stream clients: each event is numbered and
 * serialised once, so every client sees the same increasing ids. The session subscription exists
 * only while at least one client is connected.
 */
export class EventFanout {
  private sequence = 0;
  private readonly clients = new SessionEventHub<NumberedEvent>();
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly session: StatusSession,
    private readonly secrets: readonly string[],
  ) {}

  /** Adds a client; the returned function removes it (idempotent). */
  add(client: (event: NumberedEvent) => void): () => void {
    const remove = this.clients.subscribe(client);
    this.unsubscribe ??= this.session.subscribe((event) => this.dispatch(event));
    return () => {
      remove();
      if (this.clients.size === 0 && this.unsubscribe) {
        const stop = this.unsubscribe;
        this.unsubscribe = undefined;
        stop();
      }
    };
  }

  private dispatch(event: SessionEvent): void {
    this.clients.emit({ id: ++this.sequence, type: event.type, json: safeStringify(event, this.secrets) });
  }
}
