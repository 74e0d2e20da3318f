import { ArgoError } from "@argo/core";
import { type ErrorCode, isMap, isScalar, isSeq, parseDocument } from "yaml";
import { assertNotTooDeep } from "./nesting-depth.ts";
import { type TextProblem, lineColumn, textProblemError } from "./text-problem.ts";

// The parser's codes in our words: its messages are fine, but its pretty form quotes the lines around the error.
const KINDS: Partial<Record<ErrorCode, string>> = {
  BAD_INDENT: "wrong indentation",
  TAB_AS_INDENT: "a tab used for indentation",
  MISSING_CHAR: "something is missing here: a closing quote or bracket, or ':' after a key",
  BLOCK_AS_IMPLICIT_KEY: "a mapping or list where a key was expected (check the indentation)",
  MULTILINE_IMPLICIT_KEY: "a key that runs over more than one line",
  UNEXPECTED_TOKEN: "unexpected text here",
  BAD_DQ_ESCAPE: "an invalid escape in a double-quoted string",
  BAD_SCALAR_START: "a plain value cannot start with this character (quote it)",
  MULTIPLE_DOCS: "more than one document (---) in the file",
  BAD_ALIAS: "an alias (*name) that is not valid here",
};

/**
 * Parses a YAML config text (YAML 1.2, with `<<` merge keys). A syntax error gives its line, column and kind; a key
 * written twice in one mapping is refused with its path and both lines (YAML 1.2 requires unique keys; a last-wins
 * reading would silently drop, say, the first of two `risk:` sections). No text of the file is ever quoted.
 * The `yaml` package only checks the text (Bun.YAML gives no positions and keeps the last of two keys); the values
 * come from Bun.YAML, the project's config reader.
 */
export function parseYamlText(text: string, label: string): unknown {
  // Our own walk finds repeated keys: it names the path, and also catches `1` and `'1'`, one key once in an object.
  const doc = parseDocument(text, { merge: true, uniqueKeys: false, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const kind = KINDS[error.code] ?? error.code.toLowerCase().replaceAll("_", " ");
    const at = lineColumn(text, error.pos[0]);
    throw textProblemError(label, "YAML", { ...at, problem: kind + placeholderHint(text, at.line) });
  }
  const duplicate = findDuplicateKey(doc.contents, "", text);
  if (duplicate) throw textProblemError(label, "YAML", duplicate);
  let parsed: unknown;
  try {
    parsed = Bun.YAML.parse(text);
  } catch {
    throw new ArgoError("INVALID_CONFIGURATION", `${label}: not valid YAML: the config reader refused it (an alias (*name) naming no anchor (&name) before it, or aliases expanding too far, are the usual causes)`, {
      details: { source: label },
    });
  }
  // Aliases can build depth the text does not show (each level an alias of the one before).
  assertNotTooDeep(parsed, label);
  return parsed;
}

/**
 * The usual cause of an error on a line with a `${NAME}` placeholder inside `{ }` or `[ ]`: placeholders are replaced in
 * the values after the text is read, and unquoted there `{` and `}` are YAML's own brackets (`{ cash: ${CAP} }`).
 */
function placeholderHint(text: string, line: number): string {
  const content = text.split("\n")[line - 1] ?? "";
  return /[[{][^"']*\$\{/.test(content) ? `; a \${NAME} placeholder inside { } or [ ] must be quoted: "\${NAME}"` : "";
}

/** The first key (in document order) written twice in one mapping, with the dotted path that leads to it. */
function findDuplicateKey(node: unknown, path: string, text: string): TextProblem | undefined {
  if (isSeq(node)) {
    for (const [n, item] of node.items.entries()) {
      const found = findDuplicateKey(item, path ? `${path}.${n}` : String(n), text);
      if (found) return found;
    }
  }
  if (!isMap(node)) return undefined;
  const seen = new Map<string, number>();
  for (const { key: keyNode, value } of node.items) {
    // A merge key (`<<`) has a symbol for its value: it adds keys, it is not one.
    const key = isScalar(keyNode) && typeof keyNode.value !== "symbol" ? String(keyNode.value) : undefined;
    const keyPath = key === undefined ? path : path ? `${path}.${key}` : key;
    if (key !== undefined) {
      const offset = (keyNode as { range?: [number, number, number] }).range?.[0] ?? 0;
      const first = seen.get(key);
      if (first !== undefined) {
        return { ...lineColumn(text, offset), problem: "a key is written twice", duplicate: { key: keyPath, firstLine: lineColumn(text, first).line } };
      }
      seen.set(key, offset);
    }
    const found = findDuplicateKey(value, keyPath, text);
    if (found) return found;
  }
  return undefined;
}
