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
      return c.json(
        errorBody(
          "INVALID_DATA",
          "the request names no host (its Host header is missing or empty, which HTTP/1.0 allows); send a Host header, e.g. Host: 127.0.0.1:8787, as browsers and curl do",
        ),
        400,
      );
    }
    await next();
  };
}
