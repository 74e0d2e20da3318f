import type { MiddlewareHandler } from "hono";
import * as v from "valibot";
import { parseQuery } from "./parse-query.ts";

const NoParameters = v.strictObject({});

/**
 * Hono middleware for a route that takes no query parameters (but `token`): any other is a 400 naming it, not ignored,
 * as on the routes that declare theirs. Put before the handler: `app.get(path, noQuery, handler)`.
 */
export const noQuery: MiddlewareHandler = async (c, next) => {
  parseQuery(NoParameters, c.req.queries());
  await next();
};
