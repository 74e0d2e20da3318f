import { ArgoError } from "@argo/core";

/**
 * Why a config text is refused, and where: a syntax error or a key written twice. It holds no text of the file, since
 * a parser's own message quotes the offending token, and that token may be a secret pasted without quotes.
 */
export interface TextProblem {
  /** 1-based line and column of the problem. */
  line: number;
  column: number;
  /** The kind of error, in words of our own ("expected ',' or '}'"), never the text found. */
  problem: string;
  /** For a key written twice: its dotted path and the line of its first occurrence. */
  duplicate?: { key: string; firstLine: number };
}

/** 1-based line and column of a character offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lastBreak = before.lastIndexOf("\n");
  return { line: before.split("\n").length, column: offset - lastBreak };
}

/** The INVALID_CONFIGURATION error of a refused config text, named by `label` (the file's path, or the flag). */
export function textProblemError(label: string, format: "JSON" | "YAML", found: TextProblem): ArgoError {
  const details = { source: label, line: found.line, column: found.column, ...(found.duplicate ? { key: found.duplicate.key } : {}) };
  if (found.duplicate) {
    const { key, firstLine } = found.duplicate;
    return new ArgoError(
      "INVALID_CONFIGURATION",
      `${label}: key "${key}" is written twice (line ${firstLine} and line ${found.line}); the second would silently replace the first, so write it once`,
      { details },
    );
  }
  return new ArgoError("INVALID_CONFIGURATION", `${label}: not valid ${format} at line ${found.line}, column ${found.column}: ${found.problem}`, { details });
}
