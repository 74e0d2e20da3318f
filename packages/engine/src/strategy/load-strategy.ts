import { ArgoError } from "@argo/core";
import { existsSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type AnyStrategy, isStrategyDefinition } from "./define-strategy.ts";
import { definitionProblem } from "./definition-problem.ts";

/** Where a strategy comes from: a file path (.ts/.js), a package name, or the definition itself. */
export type StrategySource = string | AnyStrategy;

/** Options of {@link loadStrategy}. */
export interface LoadStrategyOptions {
  /** Directory relative paths and package names resolve from; default process.cwd(). */
  baseDir?: string;
}

const FILE_LIKE = /^(\.{1,2}[\\/]|[\\/]|[A-Za-z]:[\\/])|\.(m|c)?(t|j)sx?$/;

/** Loads a strategy: imports a file or package and takes its default export (or an export named `strategy`). */
export async function loadStrategy(source: StrategySource, options: LoadStrategyOptions = {}): Promise<AnyStrategy> {
  const strategy = await importStrategy(source, options);
  const problem = definitionProblem(strategy);
  if (problem !== undefined) {
    const name = typeof source === "string" ? `"${source}"` : typeof strategy.name === "string" && strategy.name !== "" ? `"${strategy.name}"` : "object";
    throw new ArgoError("STRATEGY_INIT_FAILED", `strategy ${name}: ${problem}`, { details: { source: typeof source === "string" ? source : strategy.name } });
  }
  return strategy;
}

async function importStrategy(source: StrategySource, options: LoadStrategyOptions): Promise<AnyStrategy> {
  if (typeof source !== "string") {
    if (looksLikeStrategy(source)) return source as AnyStrategy;
    throw new ArgoError("STRATEGY_INIT_FAILED", "strategy object is not a strategy: expected defineStrategy({ name, description, config, onBar, … })");
  }
  const baseDir = options.baseDir ?? process.cwd();
  const specifier = toSpecifier(source, baseDir);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(specifier)) as Record<string, unknown>;
  } catch (error) {
    throw new ArgoError("STRATEGY_INIT_FAILED", `cannot load strategy "${source}": ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
      details: { source },
    });
  }
  const candidate = mod.default ?? mod.strategy;
  if (!looksLikeStrategy(candidate)) {
    throw new ArgoError(
      "STRATEGY_INIT_FAILED",
      `strategy "${source}" has no strategy as its default export: write \`export default defineStrategy({ … })\``,
      { details: { source, exports: Object.keys(mod) } },
    );
  }
  return candidate as AnyStrategy;
}

function toSpecifier(source: string, baseDir: string): string {
  if (source.startsWith("file:")) return source;
  if (FILE_LIKE.test(source)) {
    const path = isAbsolute(source) ? source : resolve(baseDir, source);
    if (!existsSync(path)) {
      throw new ArgoError("STRATEGY_INIT_FAILED", `strategy file not found: ${path}`, { details: { source, path } });
    }
    return pathToFileURL(path).href;
  }
  // A package name: resolve it from the user's project, not from the engine's own folder.
  try {
    return pathToFileURL(Bun.resolveSync(source, baseDir)).href;
  } catch {
    return source;
  }
}

/**
 * A definition, or an object with an onBar that was meant as one: an unsound one (no config schema, say) is a strategy with a
 * mistake, which definitionProblem names, rather than "not a strategy".
 */
function looksLikeStrategy(candidate: unknown): boolean {
  if (isStrategyDefinition(candidate)) return true;
  return typeof candidate === "object" && candidate !== null && typeof (candidate as { onBar?: unknown }).onBar === "function";
}
