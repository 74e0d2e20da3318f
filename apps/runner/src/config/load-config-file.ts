import { ArgoError } from "@argo/core";
import { extname } from "node:path";

/** Reads a YAML or JSON config file into a plain object; a missing file or a syntax error names the file. */
export async function loadConfigFile(path: string): Promise<Record<string, unknown>> {
  const file = Bun.file(path);
  if (!(await file.exists())) throw new ArgoError("INVALID_CONFIGURATION", `config file not found: ${path}`, { details: { path } });
  const text = await file.text();
  let parsed: unknown;
  try {
    parsed = extname(path).toLowerCase() === ".json" ? JSON.parse(text) : Bun.YAML.parse(text);
  } catch (error) {
    throw new ArgoError("INVALID_CONFIGURATION", `${path}: not valid ${extname(path) === ".json" ? "JSON" : "YAML"}: ${(error as Error).message}`, {
      details: { path },
      cause: error,
    });
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ArgoError("INVALID_CONFIGURATION", `${path}: the top level must be a mapping of sections (engine, market_data, trading, strategy, …)`, { details: { path } });
  }
  return parsed as Record<string, unknown>;
}
