import { errorBody } from "./http/error-body.ts";
import { assertSafeBind } from "./security/assert-safe-bind.ts";
import { createStatusApi, type StatusApiOptions } from "./create-status-api.ts";
import type { StatusSession } from "./session/status-session.ts";

/** Options of {@link serveStatusApi}: where to listen, plus the API's own options. */
export interface ServeStatusApiOptions extends StatusApiOptions {
  /** Bind address; default 127.0.0.1. A non-loopback address requires `token`. */
  host?: string;
  /** TCP port; 0 picks a free one. Default 0. */
  port?: number;
}

/** A running status server. */
export interface StatusServer {
  /** Base URL, e.g. "http://127.0.0.1:41234" (never contains the token). */
  url: string;
  port: number;
  /** Stops listening and closes open connections (including event streams). */
  stop(): Promise<void>;
}

/** Checks the bind address, builds the app and serves it with Bun.serve. */
export function serveStatusApi(session: StatusSession, options: ServeStatusApiOptions = {}): StatusServer {
  const hostname = assertSafeBind(options.host, options.token);
  const app = createStatusApi(session, options);
  // Event streams send a keep-alive at least every heartbeatMs; the idle timeout must outlast it.
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const server = Bun.serve({
    hostname,
    port: options.port ?? 0,
    idleTimeout: Math.min(255, Math.ceil((heartbeatMs * 2) / 1000) + 5),
    fetch: app.fetch,
    // Last resort behind the app's own handlers: Bun's default error page (and its stderr report) would echo the error.
    development: false,
    // Bun turns SO_REUSEPORT on with development: false; a second session on this port must fail, not share it.
    reusePort: false,
    error: () => Response.json(errorBody("INTERNAL", "internal error"), { status: 500 }),
  });
  const host = hostname.includes(":") && !hostname.startsWith("[") ? `[${hostname}]` : hostname;
  return {
    url: `http://${host}:${server.port}`,
    port: server.port ?? 0,
    stop: () => server.stop(true),
  };
}
