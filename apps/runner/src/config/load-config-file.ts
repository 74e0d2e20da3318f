import { ArgoError } from "@argo/core";
import { stat } from "node:fs/promises";
import { extname } from "node:path";
import { parseJsonText } from "./parse-json-text.ts";
import { parseYamlText } from "./parse-yaml-text.ts";

/**
 * Reads a YAML or JSON config file into a plain object. A missing file, one that is no regular file (a directory, a
 * device), a syntax error (with its line and column) or a key written twice names the file; no text of the file is
 * quoted, as it may hold a secret.
 */
export async function loadConfigFile(path: string): Promise<Record<string, unknown>> {
  await checkRegularFile(path);
  const text = await Bun.file(path).text();
  const parsed = extname(path).toLowerCase() === ".json" ? parseJsonText(text, path) : parseYamlText(text, path);
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ArgoError("INVALID_CONFIGURATION", `${path}: the top level must be a mapping of sections (engine, market_data, trading, strategy, …)`, { details: { path } });
  }
  return parsed as Record<string, unknown>;
}

/** Refuses what cannot be a config file: `/dev/null` would read as an empty config, a pipe could block forever. */
async function checkRegularFile(path: string): Promise<void> {
  const refuse = (message: string) => new ArgoError("INVALID_CONFIGURATION", message, { details: { path } });
  const found = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") throw refuse(`config file not found: ${path}`);
    throw refuse(`cannot read config file ${path}: ${error.code ?? error.message}`);
  });
  if (found.isDirectory()) throw refuse(`${path} is a directory, not a config file`);
  if (!found.isFile()) throw refuse(`${path} is not a regular file (a device, a pipe or a socket), not a config file`);
}
