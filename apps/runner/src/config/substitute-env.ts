import { ArgoError, type ConfigIssue } from "@argo/core";
import type { SchemaLookup } from "./config-schema-at.ts";
import { envValue, numberAt } from "./env-value.ts";

// `$${` is a literal `${` (as in Docker Compose): a key or password may hold one. A `${` that starts neither form
// (`${KEY:x}`, `${KEY-x}`, `${MY-KEY}`, one never closed) is caught by the last choice: taken as text, it would hand
// the session the placeholder's own text, a status token made of it for one.
const PATTERN = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$\{/g;
const WHOLE = /^\$\{[A-Za-z_][A-Za-z0-9_]*(?::-[^}]*)?\}$/;
const LITERAL_HINT = "$${ writes a literal ${";

/** The problem of a `${` that starts no placeholder; the text itself is never shown (it may hold a secret). */
export const MALFORMED_PLACEHOLDER = `"\${" starts no valid placeholder; write \${NAME} or \${NAME:-default} (${LITERAL_HINT})`;

/** A problem `${…}` substitution found, with the keys of the value it is in (a key may hold a dot). */
export interface SubstitutionProblem extends ConfigIssue {
  keys: readonly string[];
}

/** The INVALID_CONFIGURATION error of a substitution problem, for a caller with no list to report it in; `prefix` names its source. */
export function substitutionError(problem: SubstitutionProblem, prefix = ""): ArgoError {
  return new ArgoError("INVALID_CONFIGURATION", `${prefix}${problem.path || "(root)"}: ${problem.message}`, { details: { path: problem.path } });
}

/** The problem of variables that are empty (set to nothing) and have no default, naming them (there is no value to hide). */
export function emptyVariablesMessage(names: readonly string[]): string {
  const list = names.map((name) => `\${${name}}`).join(", ");
  return names.length > 1
    ? `environment variables ${list} are empty (give them a value, or write \${NAME:-default} to fall back when empty)`
    : `environment variable ${list} is empty (give it a value, or write \${NAME:-default} to fall back when empty)`;
}

/** The problem of variables that are unset and have no default, naming them (never a value). */
export function unsetVariablesMessage(names: readonly string[]): string {
  const list = names.map((name) => `\${${name}}`).join(", ");
  return names.length > 1
    ? `environment variables ${list} are not set (set them, or write \${NAME:-default}; ${LITERAL_HINT})`
    : `environment variable ${list} is not set (set it, or write \${NAME:-default}; ${LITERAL_HINT})`;
}

/**
 * A value that is one placeholder and nothing else takes the type its text spells (`port: ${PORT:-8787}` is a number),
 * but only when that type writes back to exactly the same text: "007" or a 20-digit key stay strings.
 */
function typedScalar(text: string): unknown {
  if (text === "true" || text === "false") return text === "true";
  const number = Number(text);
  return text.trim() !== "" && Number.isFinite(number) && String(number) === text ? number : text;
}

/**
 * Replaces `${VAR}` and `${VAR:-default}` in every string of a parsed config; `$${` is written as a literal `${`. A
 * variable that is unset and has no default, or a `${` that starts no placeholder, is a problem at the path of the
 * value: pushed to `problems` when it is given (so every one is reported with the config's other problems; the value
 * then holds "" for the variable, or the text as written), else thrown as INVALID_CONFIGURATION naming the path. The
 * value itself is never shown (it may be a key).
 * A value that is one placeholder alone keeps the variable's text where `schemaAt` says the field takes that text (a
 * token of 16 digits is still a token); where it takes a number and not text, a decimal text is that number (`0.20`,
 * `1e5`); elsewhere it takes the type its text spells when that is lossless (a port, a flag).
 */
export function substituteEnv(
  value: unknown,
  env: Record<string, string | undefined>,
  schemaAt: SchemaLookup = () => undefined,
  keys: readonly string[] = [],
  problems?: SubstitutionProblem[],
): unknown {
  if (typeof value === "string") {
    const whole = WHOLE.test(value);
    const missing: string[] = [];
    const empty: string[] = [];
    let malformed = false;
    const out = value.replace(PATTERN, (match: string, name: string | undefined, fallback: string | undefined) => {
      if (match === "$${") return "${";
      if (name === undefined) {
        malformed = true;
        return match;
      }
      const found = env[name];
      if (found !== undefined && found !== "") return found;
      // As in the shell, `:-` falls back when the variable is unset or empty; without it an empty one is a mistake
      // (an empty value is refused wherever it comes from: see the runner README), told apart from an unset one.
      if (fallback !== undefined) return fallback;
      (found === "" ? empty : missing).push(name);
      return "";
    });
    const found: SubstitutionProblem[] = [];
    const path = keys.join(".");
    if (missing.length) found.push({ path, keys, message: unsetVariablesMessage([...new Set(missing)]) });
    if (empty.length) found.push({ path, keys, message: emptyVariablesMessage([...new Set(empty)]) });
    if (malformed) found.push({ path, keys, message: MALFORMED_PLACEHOLDER });
    if (found.length > 0) {
      if (problems === undefined) throw substitutionError(found[0]!);
      problems.push(...found);
      return out;
    }
    if (!whole) return out;
    const schema = schemaAt(keys);
    // A number field takes any decimal spelling of a number (0.20, 1e5), as ARGO__ does; elsewhere only a lossless one.
    return numberAt(out, schema) ?? envValue(out, typedScalar(out), schema);
  }
  if (Array.isArray(value)) return value.map((item, i) => substituteEnv(item, env, schemaAt, [...keys, String(i)], problems));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substituteEnv(item, env, schemaAt, [...keys, key], problems)]));
  }
  return value;
}

/** The variables `value`'s strings name in `${NAME}` placeholders, anywhere in it (`$${` is no placeholder). */
export function placeholderNames(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === "string") {
    for (const match of value.matchAll(PATTERN)) if (match[1] !== undefined) into.add(match[1]);
  } else if (Array.isArray(value)) {
    for (const item of value) placeholderNames(item, into);
  } else if (value && typeof value === "object") {
    for (const item of Object.values(value)) placeholderNames(item, into);
  }
  return into;
}
