type Node = { type?: string; expects?: string; entries?: Record<string, unknown>; wrapped?: unknown; item?: unknown; items?: unknown[]; rest?: unknown; value?: unknown };

/** The schema a path leads to inside an object/array/tuple/record schema, unwrapping optional and nullable; undefined if unknown. */
export function schemaAtPath(schema: unknown, keys: readonly string[]): Node | undefined {
  let node = schema as Node | undefined;
  for (const key of keys) {
    while (node?.wrapped) node = node.wrapped as Node;
    if (!node) return undefined;
    if (node.entries) node = node.entries[key] as Node | undefined;
    else if (Array.isArray(node.items)) node = (node.items[Number(key)] ?? node.rest) as Node | undefined;
    else if (node.item) node = node.item as Node;
    else if (node.type === "record") node = node.value as Node;
    else return undefined;
  }
  return node;
}
