import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { errorBody } from "../http/error-body.ts";

/** Query parameter that carries the token where headers cannot (the dashboard page, EventSource). */
export const TOKEN_QUERY_PARAM = "token";

// Hashing both sides gives equal-length inputs, so the comparison time says nothing about the token.
function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

/**
 * Reads the presented token: `Authorization: Bearer <token>` first, then `?token=` (where a raw "+" reads as a space).
 * Another kind of Authorization header (a proxy's Basic credentials, which a browser attaches to the page and to
 * EventSource) is not ours: the query's token still counts; with none, the request presents an invalid one.
 */
export function presentedToken(authorization: string | undefined, queryToken: string | undefined): string | undefined {
  const bearer = authorization === undefined ? undefined : /^bearer\s+(.+)$/i.exec(authorization.trim());
  if (bearer) return bearer[1]!.trim();
  // A query decodes a raw "+" to a space (form encoding), and a status token holds no whitespace: a token pasted into
  // `?token=` as written, "+" included, must still open the page.
  if (queryToken !== undefined) return queryToken.replaceAll(" ", "+");
  return authorization === undefined ? undefined : "";
}

/** Hono middleware: 401 JSON unless the request presents `token`; compared in constant time, never echoed. */
export function bearerAuth(token: string): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    const presented = presentedToken(c.req.header("authorization"), c.req.query(TOKEN_QUERY_PARAM));
    if (presented === undefined) {
      c.header("WWW-Authenticate", 'Bearer realm="argo"');
      return c.json(errorBody("UNAUTHORIZED", "missing token: send 'Authorization: Bearer <token>' (or ?token= for the dashboard and EventSource)"), 401);
    }
    if (!timingSafeEqual(digest(presented), expected)) {
      c.header("WWW-Authenticate", 'Bearer realm="argo", error="invalid_token"');
      return c.json(errorBody("UNAUTHORIZED", "invalid token"), 401);
    }
    await next();
  };
}
