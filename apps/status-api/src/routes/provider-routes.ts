import { listProviders, providerConfigJsonSchema, type ProviderKind } from "@argo/core";
import type { Hono } from "hono";
import * as v from "valibot";
import { noQuery } from "../http/no-query.ts";
import { parseQuery } from "../http/parse-query.ts";
import { safeJson } from "../http/safe-json.ts";

// Strict: a misspelled parameter is a 400 naming it, never silently ignored.
const ListQuery = v.strictObject({ kind: v.optional(v.picklist(["trading", "market-data"] satisfies ProviderKind[], 'must be "trading" or "market-data"')) });

/** GET /providers (optionally ?kind=) and GET /providers/:name/schema from the core registry. */
export function registerProviderRoutes(app: Hono, secrets: readonly string[]): void {
  app.get("/providers", (c) => {
    const { kind } = parseQuery(ListQuery, c.req.queries());
    return safeJson(c, { providers: listProviders(kind) }, secrets);
  });
  // providerConfigJsonSchema throws PROVIDER_NOT_FOUND (listing what exists), which becomes a 404.
  app.get("/providers/:name/schema", noQuery, (c) => {
    return safeJson(c, providerConfigJsonSchema(c.req.param("name")), secrets);
  });
}
