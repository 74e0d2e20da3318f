import { ArgoError } from "@argo/core";

/**
 * Deepest nesting a config value may have. The deepest real config (a provider's per-symbol rules inside `trading.config`)
 * is under ten levels; every later step (`${VAR}` substitution, the secret walk, the schema) recurses, and a file nested
 * thousands deep would end in a bare "Maximum call stack size exceeded" naming nothing.
 */
export const MAX_CONFIG_DEPTH = 64;

/**
 * The top-level key under which `value` nests objects or arrays deeper than `limit` levels, "" when that is the top
 * level itself (an array), or undefined when it does not. Walked with an explicit stack, so the check cannot overflow.
 */
export function tooDeepUnder(value: unknown, limit = MAX_CONFIG_DEPTH): string | undefined {
  const stack: Array<{ value: unknown; depth: number; top: string }> = [{ value, depth: 0, top: "" }];
  while (stack.length !== 0) {
    const { value: node, depth, top } = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (depth >= limit) return top;
    for (const [key, child] of Object.entries(node)) stack.push({ value: child, depth: depth + 1, top: depth === 0 && !Array.isArray(node) ? key : top });
  }
  return undefined;
}

/** Throws INVALID_CONFIGURATION when a parsed config text nests deeper than {@link MAX_CONFIG_DEPTH}, naming where. */
export function assertNotTooDeep(value: unknown, label: string): void {
  const top = tooDeepUnder(value);
  if (top === undefined) return;
  const where = top === "" ? "" : ` under "${top}"`;
  throw new ArgoError("INVALID_CONFIGURATION", `${label}: nested more than ${MAX_CONFIG_DEPTH} levels deep${where}; a config is a few levels of sections and values`, {
    details: { source: label, ...(top === "" ? {} : { key: top }) },
  });
}
