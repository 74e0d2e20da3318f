import { scrubSecrets } from "@argo/core";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Serialises a value to JSON text with every occurrence of the given secrets replaced. */
export function safeStringify(value: unknown, secrets: readonly string[]): string {
  const text = JSON.stringify(value) ?? "null";
  // The includes() pre-check keeps the common case (no secret present) to one scan.
  return secrets.some((s) => s.length > 0 && text.includes(s)) ? scrubSecrets(text, secrets) : text;
}

/** A JSON response whose body can never contain one of `secrets` (defence in depth for the API token). */
export function safeJson(c: Context, value: unknown, secrets: readonly string[], status: ContentfulStatusCode = 200): Response {
  return c.body(safeStringify(value, secrets), status, { "Content-Type": "application/json; charset=utf-8" });
}
