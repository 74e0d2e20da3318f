import { ArgoError } from "@argo/core";
import { dirname, resolve } from "node:path";
import type { SchemaLookup } from "./config-schema-at.ts";
import { loadConfigFile } from "./load-config-file.ts";
import { parseJsonText } from "./parse-json-text.ts";
import { type SubstitutionProblem, substituteEnv, substitutionError } from "./substitute-env.ts";

/** How a flag's file gets `${VAR}` replaced: as the config file does, at the keys where its content lands. */
export interface FlagSubstitution {
  env: Record<string, string | undefined>;
  schemaAt?: SchemaLookup;
  /** Where the flag's value goes in the config (["trading", "config"]): the schema lookup and error paths start there. */
  keys?: readonly string[];
  /**
   * Where an unset variable or a malformed `${` is reported (naming the flag and its file), so it joins the config's
   * other problems; without it, the first one is thrown.
   */
  problems?: SubstitutionProblem[];
}

/** Whether a `--*-config` value is inline JSON rather than the path of a file. */
const isInline = (value: string) => value.trim().startsWith("{");

/**
 * Whether a `--*-config` value reads as the name of a config file, and so may be printed when there is no such file: it
 * ends in .json, .yaml or .yml and holds no `=`, quote or `:` (but a Windows drive's, `C:\`).
 */
export function looksLikeConfigPath(value: string): boolean {
  const text = value.trim();
  if (!/\.(json|ya?ml)$/i.test(text)) return false;
  const withoutDrive = text.replace(/^[a-z]:[\\/]/i, "");
  return !/[=:"'`]/.test(withoutDrive);
}

/**
 * The folder relative paths inside a `--*-config` flag's value resolve from: its file's own folder, or for inline JSON
 * (typed at the shell) the working directory.
 */
export function structuredFlagDir(value: string, cwd: string): string {
  return isInline(value) ? cwd : dirname(resolve(cwd, value.trim()));
}

/**
 * A `--*-config` flag: inline JSON (`'{"seed":1}'`, taken as it is: the shell has expanded it) or the path of a
 * JSON/YAML file, whose `${VAR}` and `${VAR:-default}` are replaced as in the config file.
 */
export async function readStructuredFlag(flag: string, value: string, cwd: string, substitution: FlagSubstitution = { env: {} }): Promise<Record<string, unknown>> {
  const text = value.trim();
  if (isInline(text)) {
    // Its errors give a position and a kind, never the text: an inline config often holds a key.
    const parsed = parseJsonText(text, `--${flag}`);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    throw new ArgoError("INVALID_CONFIGURATION", `--${flag}: expected a JSON object`);
  }
  const path = resolve(cwd, text);
  // A value that does not read as a file name is most likely a config typed inline (`apiKey=…`, `token: …`, quoted
  // JSON): the "not found" message would print it whole, key and all.
  if (!looksLikeConfigPath(text) && !(await Bun.file(path).exists())) {
    throw new ArgoError("INVALID_CONFIGURATION", `--${flag}: the value is neither inline JSON (starting with "{") nor an existing JSON/YAML file; it is not shown, as it may hold a secret`);
  }
  const fromFile = await loadConfigFile(path);
  const found: SubstitutionProblem[] = [];
  const out = substituteEnv(fromFile, substitution.env, substitution.schemaAt, substitution.keys, found) as Record<string, unknown>;
  // The variable and the field are named, never a value; the flag says which file to look in.
  const source = `--${flag} ${text}: `;
  if (substitution.problems) substitution.problems.push(...found.map((problem) => ({ ...problem, message: `${source}${problem.message}` })));
  else if (found.length > 0) throw substitutionError(found[0]!, source);
  return out;
}
