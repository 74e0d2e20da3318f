import type { MiddlewareHandler } from "hono";
import { errorBody } from "./error-body.ts";

/**
 * Hono middleware answering 400 to a request that names no host. HTTP/1.0 lets a client leave out the Host header (and
 * one may send it empty); Bun then gives the app a bare path for the request URL, which Hono routes wrongly (a 500, or
 * the page at "/") and the loopback guard cannot check. A request built in-process (`app.request`) has a full URL.
 */
export function requireHost(): MiddlewareHandler {
  return async (c, next) => {
    if (!URL.canParse(c.req.url)) {
      const host = c.req.header("host")?.trim();
      // Shown cut short and as JSON text: it is the client's own header, and could be anything.
      const message = host
        ? `the Host header ${JSON.stringify(host.slice(0, 64))} is not a valid host[:port]; send one such as Host: 127.0.0.1:8787`
        : "the request names no host (its Host header is missing or empty, which HTTP/1.0 allows); send a Host header, e.g. Host: 127.0.0.1:8787, as browsers and curl do";
      return c.json(errorBody("INVALID_DATA", message), 400);
    }
    await next();
  };
}
