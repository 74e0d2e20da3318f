import { ArgoError } from "@argo/core";

const PATTERN = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * Replaces `${VAR}` and `${VAR:-default}` in every string of a parsed config. A variable that is unset and has no
 * default is an error naming the variable and where it is used; the value itself is never shown (it may be a key).
 */
export function substituteEnv(value: unknown, env: Record<string, string | undefined>, path = ""): unknown {
  if (typeof value === "string") {
    const missing: string[] = [];
    const out = value.replace(PATTERN, (_, name: string, fallback: string | undefined) => {
      const found = env[name];
      if (found !== undefined && found !== "") return found;
      if (fallback !== undefined) return fallback;
      missing.push(name);
      return "";
    });
    if (missing.length) {
      throw new ArgoError("INVALID_CONFIGURATION", `${path || "(root)"}: environment variable ${missing.map((m) => `\${${m}}`).join(", ")} is not set (set it, or write \${NAME:-default})`, {
        details: { path, variables: missing },
      });
    }
    return out;
  }
  if (Array.isArray(value)) return value.map((item, i) => substituteEnv(item, env, path ? `${path}.${i}` : String(i)));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substituteEnv(item, env, path ? `${path}.${key}` : key)]));
  }
  return value;
}
