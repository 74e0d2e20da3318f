import { ArgoError, withJsonSpellings } from "@argo/core";
import { Hono } from "hono";
import { errorBody } from "./http/error-body.ts";
import { EventFanout } from "./http/event-fanout.ts";
import { catchNonErrors, handleError } from "./http/handle-error.ts";
import { requireHost } from "./http/require-host.ts";
import type { RouteFailureHook } from "./http/route-failure.ts";
import { safeJson } from "./http/safe-json.ts";
import { registerDashboardRoutes } from "./routes/dashboard-routes.ts";
import { registerEventsRoute } from "./routes/events-route.ts";
import { registerHealthRoute } from "./routes/health-route.ts";
import { registerMetricsRoute } from "./routes/metrics-route.ts";
import { registerProviderRoutes } from "./routes/provider-routes.ts";
import { registerSessionRoutes } from "./routes/session-routes.ts";
import { bearerAuth } from "./security/bearer-auth.ts";
import { loopbackHostGuard } from "./security/loopback-host-guard.ts";
import { statusTokenProblem } from "./security/status-token.ts";
import type { StatusSession } from "./session/status-session.ts";

/** Options of {@link createStatusApi}. */
export interface StatusApiOptions {
  /**
   * Bearer token guarding every route but /health; also accepted as `?token=`. At least 16 printable ASCII characters and no
   * whitespace, as it is sent in an HTTP header (statusTokenSchema), or INVALID_CONFIGURATION. Absent: no auth, and only requests whose Host (and
   * Origin, when sent) is a loopback name are answered (403 otherwise), against DNS rebinding.
   */
  token?: string;
  /** Other values that must never appear in a response (provider API keys and the like); scrubbed like the token. */
  secrets?: readonly string[];
  /** Oldest last bar (ms) for /health to say ready; default two bar intervals plus a minute. */
  maxBarAgeMs?: number;
  /** Milliseconds between keep-alive comments on /events; default 15 000. */
  heartbeatMs?: number;
  /** Events a slow /events client may lag by before it is disconnected; default 10 000. */
  maxQueuedEvents?: number;
  /**
   * Told of every server-side route failure (scrubbed, no stack), e.g. to log it: an unexpected exception (an opaque
   * 500 for the client) or an Argo error answered 500/502, such as a venue reply the provider could not read.
   */
  onError?: RouteFailureHook;
  /** Wall clock, for tests; default Date.now. */
  now?: () => number;
}

/** The status API of a running session as a Hono app (serve it with Bun.serve or call app.request). */
export function createStatusApi(session: StatusSession, options: StatusApiOptions = {}): Hono {
  const { token } = options;
  const problem = token === undefined ? undefined : statusTokenProblem(token);
  if (problem !== undefined) throw new ArgoError("INVALID_CONFIGURATION", `status API token ${problem}`, { details: { field: "token" } });
  const secrets = withJsonSpellings([...(token ? [token] : []), ...(options.secrets ?? [])]);
  const now = options.now ?? Date.now;
  const app = new Hono();

  app.onError((error, c) => handleError(error, c, secrets, options.onError));
  app.use("*", catchNonErrors(secrets, options.onError));
  app.notFound((c) => safeJson(c, errorBody("NOT_FOUND", `no route ${c.req.method} ${new URL(c.req.url).pathname}`), secrets, 404));

  // With a token too: without a Host, Bun gives the app a bare path for the URL, and routing goes wrong.
  app.use("*", requireHost());
  // Without a token the loopback bind is the only guard, and DNS rebinding gets around it: check the Host instead.
  if (!token) app.use("*", loopbackHostGuard());
  // Registered before the auth middleware, so it answers without a token.
  registerHealthRoute(app, session, now, options.maxBarAgeMs);
  if (token) app.use("*", bearerAuth(token));

  registerDashboardRoutes(app);
  registerProviderRoutes(app, secrets);
  registerSessionRoutes(app, session, secrets, now);
  registerMetricsRoute(app, session);
  registerEventsRoute(app, new EventFanout(session, secrets), {
    heartbeatMs: options.heartbeatMs ?? 15_000,
    maxQueuedEvents: options.maxQueuedEvents ?? 10_000,
  });
  return app;
}
