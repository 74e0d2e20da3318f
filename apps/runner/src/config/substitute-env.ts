import { ArgoError } from "@argo/core";
import type { SchemaLookup } from "./config-schema-at.ts";
import { envValue, numberAt } from "./env-value.ts";

// `$${` is a literal `${` (as in Docker Compose): a key or password may hold one.
const PATTERN = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;
const WHOLE = /^\$\{[A-Za-z_][A-Za-z0-9_]*(?::-[^}]*)?\}$/;

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
 * variable that is unset and has no default is an error naming the variable and where it is used; the value itself is
 * never shown (it may be a key).
 * A value that is one placeholder alone keeps the variable's text where `schemaAt` says the field takes that text (a
 * token of 16 digits is still a token); where it takes a number and not text, a decimal text is that number (`0.20`,
 * `1e5`); elsewhere it takes the type its text spells when that is lossless (a port, a flag).
 */
export function substituteEnv(value: unknown, env: Record<string, string | undefined>, schemaAt: SchemaLookup = () => undefined, keys: readonly string[] = []): unknown {
  if (typeof value === "string") {
    const whole = WHOLE.test(value);
    const missing: string[] = [];
    const out = value.replace(PATTERN, (_, name: string | undefined, fallback: string | undefined) => {
      if (name === undefined) return "${";
      const found = env[name];
      if (found !== undefined && found !== "") return found;
      if (fallback !== undefined) return fallback;
      missing.push(name);
      return "";
    });
    if (missing.length) {
      throw new ArgoError("INVALID_CONFIGURATION", `${keys.join(".") || "(root)"}: environment variable ${missing.map((m) => `\${${m}}`).join(", ")} is not set (set it, or write \${NAME:-default}; $\${ writes a literal \${)`, {
        details: { path: keys.join("."), variables: missing },
      });
    }
    if (!whole) return out;
    const schema = schemaAt(keys);
    // A number field takes any decimal spelling of a number (0.20, 1e5), as ARGO__ does; elsewhere only a lossless one.
    return numberAt(out, schema) ?? envValue(out, typedScalar(out), schema);
  }
  if (Array.isArray(value)) return value.map((item, i) => substituteEnv(item, env, schemaAt, [...keys, String(i)]));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substituteEnv(item, env, schemaAt, [...keys, key])]));
  }
  return value;
}
