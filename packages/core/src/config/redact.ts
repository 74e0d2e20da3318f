import { matchesSecretPath } from "./secret-paths.ts";

/** What a secret value is replaced with wherever it would be shown. */
export const REDACTED = "[REDACTED]";

/** A deep copy of `value` with every field at a secret path replaced by {@link REDACTED}. */
export function redact<T>(value: T, patterns: readonly string[], path = ""): T {
  if (path && matchesSecretPath(path, patterns)) return (value === undefined ? value : REDACTED) as T;
  if (Array.isArray(value)) return value.map((item, i) => redact(item, patterns, path ? `${path}.${i}` : String(i))) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = redact(item, patterns, path ? `${path}.${key}` : key);
    return out as T;
  }
  return value;
}

/** Every non-empty string found at a secret path; used to scrub text that might echo one. */
export function collectSecretValues(value: unknown, patterns: readonly string[], path = ""): string[] {
  if (path && matchesSecretPath(path, patterns)) {
    return typeof value === "string" && value.length > 0 ? [value] : [];
  }
  const out: string[] = [];
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) out.push(...collectSecretValues(item, patterns, path ? `${path}.${key}` : key));
  }
  return out;
}

/** Replaces every occurrence of each secret in `text` with {@link REDACTED}. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  return secretScrubber(secrets)(text);
}

/** {@link scrubSecrets} for many texts (log lines): the secrets are ordered once, not for every text. */
export function secretScrubber(secrets: readonly string[]): (text: string) => string {
  // Longest first, so a secret that contains another is removed whole; an empty value would match everywhere.
  const ordered = secrets.filter((value) => value.length > 0).sort((a, b) => b.length - a.length);
  if (ordered.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const value of ordered) out = out.split(value).join(REDACTED);
    return out;
  };
}

/**
 * The secrets plus the spelling each takes inside JSON text (a quote, backslash or control character is escaped there),
 * for scrubbing serialised bodies and log lines with {@link scrubSecrets}; empty values are dropped (they would match everywhere).
 */
export function withJsonSpellings(secrets: readonly string[]): string[] {
  const out = new Set<string>();
  for (const value of secrets) {
    if (value.length === 0) continue;
    out.add(value);
    out.add(JSON.stringify(value).slice(1, -1));
  }
  return [...out];
}
