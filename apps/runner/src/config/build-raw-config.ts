import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { applyEnvOverrides } from "./env-overrides.ts";
import { applyFlags } from "./apply-flags.ts";
import { loadConfigFile } from "./load-config-file.ts";
import { substituteEnv } from "./substitute-env.ts";

/**
 * The embedded default session: simulated data, paper trading, the SMA example, status API on 127.0.0.1:8787.
 * The published package carries a copy in demo/ (made at pack time); in the repository it is examples/demo.yaml.
 */
export const DEMO_CONFIG_PATH = [join(import.meta.dir, "../../demo/demo.yaml"), join(import.meta.dir, "../../../../examples/demo.yaml")].find((path) =>
  existsSync(path),
)!;

/** A config as read, before validation, and the folder its relative paths are resolved from. */
export interface RawConfig {
  raw: Record<string, unknown>;
  /** Folder of the config file (or the working directory without one). */
  baseDir: string;
  /** The file read, if any. */
  path?: string;
  /** The working directory the command ran in. */
  cwd?: string;
}

/** Reads the file (YAML/JSON), substitutes ${VAR}, applies ARGO__ overrides, then flags: in that order of precedence. */
export async function buildRawConfig(path: string | undefined, flags: Record<string, string | boolean | string[] | undefined>, env: Record<string, string | undefined>, cwd: string): Promise<RawConfig> {
  const file = path ? resolve(cwd, path) : undefined;
  const fromFile = file ? await loadConfigFile(file) : {};
  const substituted = substituteEnv(fromFile, env) as Record<string, unknown>;
  const overridden = applyEnvOverrides(substituted, env);
  const raw = await applyFlags(overridden, flags, cwd);
  return { raw, baseDir: file ? dirname(file) : cwd, cwd, ...(file ? { path: file } : {}) };
}
