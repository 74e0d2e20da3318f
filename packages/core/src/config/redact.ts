import { matchesSecretPath, type SecretPath } from "./secret-paths.ts";

/** What a secret value is replaced with wherever it would be shown. */
export const REDACTED = "[REDACTED]";

/**
 * A deep copy of `value` with every field at a secret path replaced by {@link REDACTED}. Give it the exact paths of
 * {@link secretLocations} (or the patterns of {@link secretPaths}); keys are compared one by one, never as dotted text.
 */
export function redact<T>(value: T, paths: readonly SecretPath[], keys: readonly string[] = []): T {
  if (keys.length > 0 && matchesSecretPath(keys, paths)) return (value === undefined ? value : REDACTED) as T;
  if (Array.isArray(value)) return value.map((item, i) => redact(item, paths, [...keys, String(i)])) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = redact(item, paths, [...keys, key]);
    return out as T;
  }
  return value;
}

/**
 * Every non-empty string at a secret path (and, where a whole section is secret, every string inside it); used to
 * scrub text that might echo one.
 */
export function collectSecretValues(value: unknown, paths: readonly SecretPath[], keys: readonly string[] = []): string[] {
  if (keys.length > 0 && matchesSecretPath(keys, paths)) return stringsIn(value);
  const out: string[] = [];
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) out.push(...collectSecretValues(item, paths, [...keys, key]));
  }
  return out;
}

function stringsIn(value: unknown, depth = 0): string[] {
  if (typeof value === "string") return value.length > 0 ? [value] : [];
  // A cyclic value must not loop; a real config is never this deep.
  if (!value || typeof value !== "object" || depth > 64) return [];
  return Object.values(value).flatMap((item) => stringsIn(item, depth + 1));
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
 * The secrets plus every spelling each takes in text that quotes it, for scrubbing serialised bodies and log lines with
 * {@link scrubSecrets}: see {@link secretSpellings}. Empty values are dropped (they would match everywhere).
 */
export function withJsonSpellings(secrets: readonly string[]): string[] {
  const out = new Set<string>();
  for (const value of secrets) for (const spelling of secretSpellings(value)) out.add(spelling);
  return [...out];
}

/**
 * The spellings one secret takes where text quotes it, itself first: trimmed too (a key read from an env file or a
 * Kubernetes secret keeps its newline, but fetch trims header values and a schema may `v.trim()`, so the venue sees and
 * echoes it without), and each of those as JSON text escapes it, escaped once more (an error quoting a request body
 * JSON-escapes a two-line key, and a log line or journal column that serialises that message escapes it again), and
 * URL-encoded, percent and form style (SDK errors quote request bodies and query strings). Each spelling once; none for
 * an empty value.
 */
export function secretSpellings(value: string): string[] {
  const out = new Set<string>();
  for (const base of [value, value.trim()]) {
    if (base.length === 0) continue;
    out.add(base);
    const escaped = JSON.stringify(base).slice(1, -1);
    out.add(escaped);
    out.add(JSON.stringify(escaped).slice(1, -1));
    for (const encoded of urlSpellings(base)) out.add(encoded);
  }
  return [...out];
}

/**
 * encodeURIComponent, the same with a space as `+`, and the form encoding (URLSearchParams, which also escapes `!'()~`);
 * each also with lower-case hex digits (`%2b`), which RFC 3986 allows and some SDKs and proxies write.
 */
function urlSpellings(value: string): string[] {
  const spellings = [new URLSearchParams([["", value]]).toString().slice(1)];
  try {
    const percent = encodeURIComponent(value);
    spellings.push(percent, percent.replaceAll("%20", "+"));
  } catch {
    // a lone surrogate: encodeURIComponent throws, the form encoder writes U+FFFD
  }
  return spellings.flatMap((spelling) => [spelling, spelling.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase())]);
}
