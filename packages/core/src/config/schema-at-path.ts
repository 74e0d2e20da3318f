type Node = {
  type?: string; expects?: string; entries?: Record<string, unknown>; wrapped?: unknown; item?: unknown; items?: unknown[]; rest?: unknown; value?: unknown;
  options?: readonly unknown[];
};

/**
 * The schema a path leads to inside an object/array/tuple/record schema, unwrapping optional and nullable; undefined if
 * unknown. In a union or variant of objects a key leads into the first option that declares it ({ equityFraction } or
 * { quantity }: `quantity` is the second's).
 */
export function schemaAtPath(schema: unknown, keys: readonly string[]): Node | undefined {
  let node = schema as Node | undefined;
  for (const key of keys) {
    while (node?.wrapped) node = node.wrapped as Node;
    if (!node) return undefined;
    if (node.entries) node = node.entries[key] as Node | undefined;
    else if (Array.isArray(node.items)) node = (node.items[Number(key)] ?? node.rest) as Node | undefined;
    else if (node.item) node = node.item as Node;
    else if (node.type === "record") node = node.value as Node;
    else if (node.options && (node.type === "union" || node.type === "variant")) node = optionEntry(node.options, key);
    else return undefined;
  }
  return node;
}

/** The schema of `key` in the first object option that declares it. */
function optionEntry(options: readonly unknown[], key: string): Node | undefined {
  for (const option of options) {
    let node = option as Node | undefined;
    while (node?.wrapped) node = node.wrapped as Node;
    if (node?.entries && Object.hasOwn(node.entries, key)) return node.entries[key] as Node;
  }
  return undefined;
}
