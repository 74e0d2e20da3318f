import { ArgoError } from "@argo/core";
import { findJsonProblem } from "./find-json-problem.ts";
import { assertNotTooDeep } from "./nesting-depth.ts";
import { textProblemError } from "./text-problem.ts";

/**
 * Parses a JSON config text. A syntax error gives its line, column and kind, never the parser's message (it quotes
 * the token it found: a secret pasted without quotes); a key written twice is refused with its path, not kept last-wins.
 */
export function parseJsonText(text: string, label: string): unknown {
  const found = findJsonProblem(text);
  if (found) throw textProblemError(label, "JSON", found);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    // Only where the scan above could not say more (nesting too deep for it); the parser's words are still not shown.
    throw new ArgoError("INVALID_CONFIGURATION", `${label}: not valid JSON`, { details: { source: label } });
  }
  assertNotTooDeep(parsed, label);
  return parsed;
}
