import { ArgoError } from "@argo/core";
import { extname } from "node:path";
import { parseJsonText } from "./parse-json-text.ts";
import { parseYamlText } from "./parse-yaml-text.ts";

/**
 * Reads a YAML or JSON config file into a plain object. A missing file, a syntax error (with its line and column) or a
 * key written twice names the file; no text of the file is quoted, as it may hold a secret.
 */
export async function loadConfigFile(path: string): Promise<Record<string, unknown>> {
  const file = Bun.file(path);
  if (!(await file.exists())) throw new ArgoError("INVALID_CONFIGURATION", `config file not found: ${path}`, { details: { path } });
  const text = await file.text();
  const parsed = extname(path).toLowerCase() === ".json" ? parseJsonText(text, path) : parseYamlText(text, path);
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ArgoError("INVALID_CONFIGURATION", `${path}: the top level must be a mapping of sections (engine, market_data, trading, strategy, …)`, { details: { path } });
  }
  return parsed as Record<string, unknown>;
}
