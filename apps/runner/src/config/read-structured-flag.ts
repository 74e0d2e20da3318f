import { ArgoError } from "@argo/core";
import { resolve } from "node:path";
import { loadConfigFile } from "./load-config-file.ts";

/** A `--*-config` flag: inline JSON (`'{"seed":1}'`) or the path of a JSON/YAML file. */
export async function readStructuredFlag(flag: string, value: string, cwd: string): Promise<Record<string, unknown>> {
  const text = value.trim();
  if (text.startsWith("{")) {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch (error) {
      throw new ArgoError("INVALID_CONFIGURATION", `--${flag}: not valid JSON (${(error as Error).message})`, { cause: error });
    }
    throw new ArgoError("INVALID_CONFIGURATION", `--${flag}: expected a JSON object`);
  }
  return loadConfigFile(resolve(cwd, text));
}
