import { ArgoError } from "@argo/core";
import { resolve } from "node:path";
import { loadConfigFile } from "./load-config-file.ts";
import { parseJsonText } from "./parse-json-text.ts";

/** A `--*-config` flag: inline JSON (`'{"seed":1}'`) or the path of a JSON/YAML file. */
export async function readStructuredFlag(flag: string, value: string, cwd: string): Promise<Record<string, unknown>> {
  const text = value.trim();
  if (text.startsWith("{")) {
    // Its errors give a position and a kind, never the text: an inline config often holds a key.
    const parsed = parseJsonText(text, `--${flag}`);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    throw new ArgoError("INVALID_CONFIGURATION", `--${flag}: expected a JSON object`);
  }
  return loadConfigFile(resolve(cwd, text));
}
