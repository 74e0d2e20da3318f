import { type SchemaNode, unwrap } from "./config-schema-at.ts";

/** True when the schema takes this value as it is (by its type, or as one of its choices). */
function accepts(node: SchemaNode | undefined, value: unknown): boolean {
  const bare = unwrap(node);
  switch (bare?.type) {
    case "string":
    case "number":
    case "boolean":
      return typeof value === bare.type;
    case "picklist":
    case "enum":
      return (bare.options ?? []).includes(value);
    case "literal":
      return bare.literal === value;
    case "union":
    case "variant":
      return (bare.options ?? []).some((option) => accepts(option as SchemaNode, value));
    default:
      return false;
  }
}

/**
 * What a text from the environment stands for at a field: `typed`, the type its text spells (a port, a flag), unless
 * the field takes only the text (a token of 16 digits is a token, not a number). Without a schema: `typed`.
 */
export function envValue(text: string, typed: unknown, schema: SchemaNode | undefined): unknown {
  return typed !== text && !accepts(schema, typed) && accepts(schema, text) ? text : typed;
}

// A decimal number as people write one: 0.20, 100000.00, 1e5, -3, .5 (no hex, no Infinity, no blanks around it).
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * The number a text spells where the field takes a number and not that text (`0.20`, `100000.00`, `1e5` at
 * `risk.maxDrawdown`), as an ARGO__ value is read; undefined anywhere else, or for a text that is no finite decimal.
 */
export function numberAt(text: string, schema: SchemaNode | undefined): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const number = Number(text);
  return Number.isFinite(number) && accepts(schema, number) && !accepts(schema, text) ? number : undefined;
}

/** True when the schema wants a list. */
export function expectsList(schema: SchemaNode | undefined): boolean {
  return unwrap(schema)?.type === "array";
}
