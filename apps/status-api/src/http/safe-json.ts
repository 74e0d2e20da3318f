import { REDACTED, scrubSecrets, secretScrubber } from "@argo/core";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** A secrets list made ready once: each non-empty secret and its JSON-escaped spelling, and their scrubber. */
interface Prepared {
  spellings: readonly string[];
  scrub: (text: string) => string;
}

// The API builds its list once and passes the same array on every response: prepared once per array.
const preparedLists = new WeakMap<readonly string[], Prepared>();

// A secret left in the body that contains one of these spans JSON tokens (a key and its value, say): the text must go.
const STRUCTURE = /["{}[\]:,]/;

function prepare(secrets: readonly string[]): Prepared {
  let prepared = preparedLists.get(secrets);
  if (prepared === undefined) {
    const spellings = new Set<string>();
    for (const secret of secrets) {
      if (secret.length === 0) continue;
      spellings.add(secret);
      spellings.add(JSON.stringify(secret).slice(1, -1));
    }
    prepared = { spellings: [...spellings], scrub: secretScrubber([...spellings]) };
    preparedLists.set(secrets, prepared);
  }
  return prepared;
}

/**
 * One string (a value or a key) with every secret replaced. If its JSON spelling (quotes included) still shows a
 * secret, one that only escaping spells out (a line break before "n-secret"), the whole string is replaced.
 */
function scrubString(text: string, { spellings, scrub }: Prepared): string {
  const scrubbed = scrub(text);
  const quoted = JSON.stringify(scrubbed);
  return spellings.some((secret) => quoted.includes(secret)) ? REDACTED : scrubbed;
}

/** A JSON.stringify replacer that scrubs string values and object keys, and leaves numbers, booleans and null alone. */
function scrubbingReplacer(prepared: Prepared): (key: string, value: unknown) => unknown {
  return (_key, value) => {
    if (typeof value === "string") return scrubString(value, prepared);
    if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
    const entries = Object.entries(value);
    // Copied only when a key holds a secret; the values are scrubbed as JSON.stringify reaches them.
    if (!entries.some(([key]) => scrubString(key, prepared) !== key)) return value;
    return Object.fromEntries(entries.map(([key, item]) => [scrubString(key, prepared), item]));
  };
}

/**
 * Serialises a value to JSON text in which no string (value or key) contains one of the given secrets, in any spelling
 * `secrets` lists (createStatusApi passes withJsonSpellings) or as JSON escapes it. Scrubbed structurally, not in the
 * finished text: a secret made of digits ("4242") must not be replaced inside numbers, where the body would stop being JSON.
 */
export function safeStringify(value: unknown, secrets: readonly string[]): string {
  const text = JSON.stringify(value) ?? "null";
  const prepared = prepare(secrets);
  // The common case (no secret anywhere in the text) costs one scan per spelling.
  if (!prepared.spellings.some((secret) => text.includes(secret))) return text;
  const scrubbed = JSON.stringify(value, scrubbingReplacer(prepared)) ?? "null";
  // Every string is clean now; a secret still found lies in a number or literal (left, it is no string), or spans
  // tokens across quotes or punctuation, which no string check can see: that occurrence is scrubbed from the text.
  const spanning = prepared.spellings.filter((secret) => STRUCTURE.test(secret) && scrubbed.includes(secret));
  return spanning.length === 0 ? scrubbed : scrubSecrets(scrubbed, spanning);
}

/** A JSON response whose body can never contain one of `secrets` (defence in depth for the API token). */
export function safeJson(c: Context, value: unknown, secrets: readonly string[], status: ContentfulStatusCode = 200): Response {
  return c.body(safeStringify(value, secrets), status, { "Content-Type": "application/json; charset=utf-8" });
}
