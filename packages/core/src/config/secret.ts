import * as v from "valibot";

/** Metadata that marks a schema as a secret: write-only in JSON Schema, redacted everywhere else. */
export const SECRET_METADATA = { writeOnly: true, "x-argo-secret": true } as const;

/** A secret string field (API key, token): required, non-empty, never echoed back. */
export function secret(description?: string) {
  return v.pipe(
    v.string("must be a string"),
    v.nonEmpty("must not be empty"),
    v.metadata(description ? { ...SECRET_METADATA, description } : SECRET_METADATA),
  );
}

/** True when a valibot schema (or one it wraps) carries the secret marker. */
export function isSecretSchema(schema: unknown): boolean {
  const node = schema as { pipe?: unknown[]; wrapped?: unknown; kind?: string; type?: string; metadata?: Record<string, unknown> } | undefined;
  if (!node || typeof node !== "object") return false;
  if (node.kind === "metadata" && node.metadata?.["x-argo-secret"] === true) return true;
  if (Array.isArray(node.pipe) && node.pipe.some((item) => item !== node && isSecretSchema(item))) return true;
  return node.wrapped !== undefined && isSecretSchema(node.wrapped);
}
