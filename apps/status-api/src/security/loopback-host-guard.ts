import type { MiddlewareHandler } from "hono";
import { errorBody } from "../http/error-body.ts";
import { isLoopbackHost } from "./assert-safe-bind.ts";

// A Host header: a bracketed IPv6 address or a name without colons, then an optional port. Anything else is refused.
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[^:[\]\s]+)(?::\d{0,5})?$/i;

/** The hostname of a `Host` header value ("[::1]:8787" gives "[::1]"), or undefined when it is malformed. */
export function hostHeaderName(value: string): string | undefined {
  return HOST_HEADER.exec(value.trim())?.[1];
}

/** True when an `Origin` header names a page served from a loopback address; "null" and malformed origins are not. */
export function isLoopbackOrigin(origin: string): boolean {
  if (!URL.canParse(origin)) return false;
  return isLoopbackHost(new URL(origin).hostname);
}

/**
 * Hono middleware for an API without a token (which binds loopback only): 403 unless the request's `Host` names a
 * loopback address. A web page whose DNS name is rebound to 127.0.0.1 reaches the port, but its requests carry its
 * own name as Host; without this they would read positions and the account. A request without a Host header is judged
 * by its URL's host: one built in-process has a full URL (a served one without Host was refused by requireHost). A
 * cross-site `Origin` is refused too, so no other page even triggers a read.
 */
export function loopbackHostGuard(): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header("host") ?? (URL.canParse(c.req.url) ? new URL(c.req.url).host : "");
    const name = hostHeaderName(host);
    if (name === undefined || !isLoopbackHost(name)) {
      return c.json(
        errorBody(
          "FORBIDDEN",
          "the request's Host is not a loopback name (127.0.0.1, [::1] or localhost): without a status API token only those are served; set a token to serve other hosts",
        ),
        403,
      );
    }
    const origin = c.req.header("origin");
    if (origin !== undefined && !isLoopbackOrigin(origin)) {
      return c.json(
        errorBody("FORBIDDEN", "the request comes from a page that is not served from a loopback address; without a status API token only those are answered"),
        403,
      );
    }
    await next();
  };
}
