import { isSecretSchema } from "./secret.ts";

type Node = {
  type?: string;
  entries?: Record<string, unknown>;
  wrapped?: unknown;
  pipe?: unknown[];
  options?: unknown[];
  item?: unknown;
  value?: unknown;
  rest?: unknown;
};

/**
 * Dotted paths of every secret field in a schema ("apiKey", "venue.token", "accounts.*.key").
 * `*` stands for any array index or record key. Walking the schema, not the value, means a secret
 * is known even where the input put something unexpected.
 */
export function secretPaths(schema: unknown, prefix = ""): string[] {
  if (isSecretSchema(schema)) return [prefix];
  const node = schema as Node | undefined;
  if (!node || typeof node !== "object") return [];
  const found: string[] = [];
  const join = (key: string) => (prefix ? `${prefix}.${key}` : key);
  if (node.entries) for (const [key, entry] of Object.entries(node.entries)) found.push(...secretPaths(entry, join(key)));
  if (node.wrapped) found.push(...secretPaths(node.wrapped, prefix));
  if (Array.isArray(node.pipe)) {
    for (const item of node.pipe) if (item !== node && (item as Node).type !== node.type) found.push(...secretPaths(item, prefix));
  }
  if (Array.isArray(node.options)) for (const option of node.options) found.push(...secretPaths(option, prefix));
  if (node.item) found.push(...secretPaths(node.item, join("*")));
  if (node.type === "record" && node.value) found.push(...secretPaths(node.value, join("*")));
  if (node.rest && typeof node.rest === "object") found.push(...secretPaths(node.rest, join("*")));
  return [...new Set(found)];
}

/** True when a concrete path ("accounts.0.key") matches a secret pattern ("accounts.*.key"). */
export function matchesSecretPath(path: string, patterns: readonly string[]): boolean {
  const parts = path.split(".");
  return patterns.some((pattern) => {
    const want = pattern.split(".");
    if (want.length > parts.length) return false;
    // A path inside a secret (or the secret itself) matches.
    return want.every((segment, i) => segment === "*" || segment === parts[i]);
  });
}
