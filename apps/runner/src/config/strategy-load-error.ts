import { ArgoError, isArgoError } from "@argo/core";
import { existsSync, statSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Where Bun's transpiler found a problem (its BuildMessage's `position`): 1-based line and column. */
interface BuildPosition {
  file: string;
  line: number;
  column: number;
}

/** What Bun's import throws for a file that does not compile: not an Error subclass of ours, but it carries where. */
interface BuildMessageLike {
  name: "BuildMessage";
  message: string;
  position: BuildPosition;
}

/** A place in a file the error passed through: 1-based line and column. */
interface Site {
  file: string;
  line: number;
  column: number;
}

/** One `at …` line of a stack: `at fn (/path:3:11)` or `at /path:3:11`; the path may be a file: URL. */
const FRAME = /^\s*at (?:.*\()?(file:\/\/[^()]+|\/[^()]+|[A-Za-z]:\\[^()]+):(\d+):(\d+)\)?\s*$/;

/** The places the error's stack names, innermost first. */
const stackSites = (error: unknown): Site[] => {
  const stack = (error as { stack?: unknown } | null)?.stack;
  if (typeof stack !== "string") return [];
  return stack.split("\n").flatMap((line) => {
    const match = FRAME.exec(line);
    return match ? [{ file: asPath(match[1]!), line: Number(match[2]), column: Number(match[3]) }] : [];
  });
};

const isBuildMessage = (value: unknown): value is BuildMessageLike => {
  const position = (value as { position?: Partial<BuildPosition> | null } | null)?.position;
  return (value as { name?: unknown } | null)?.name === "BuildMessage" && typeof position?.file === "string" && typeof position.line === "number" && typeof position.column === "number";
};

const asPath = (url: string) => (url.startsWith("file:") ? fileURLToPath(url) : url);

/**
 * The error of a strategy that could not be imported, saying where: for a file that does not compile, the file, line
 * and column with the transpiler's own text; for one that throws while it is imported, the message as it was plus the
 * file (and the line where the throw happened when the error knows it). Any other error is returned as it is.
 */
export function locatedStrategyError(error: unknown, source: string, baseDir: string): unknown {
  if (!isArgoError(error) || error.cause === undefined) return error;
  const cause = error.cause;
  const details = { ...error.details, source };
  // Several syntax errors come as an AggregateError of BuildMessages: the first is where to look.
  const errors = (cause as { errors?: unknown } | null)?.errors;
  const build = isBuildMessage(cause) ? cause : Array.isArray(errors) && isBuildMessage(errors[0]) ? errors[0] : undefined;
  if (build !== undefined) {
    const { file, line, column } = build.position;
    const more = Array.isArray(errors) && errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
    return new ArgoError(error.code, `cannot load strategy "${source}": ${file}: syntax error at line ${line}, column ${column}: ${build.message}${more}`, {
      cause,
      details: { ...details, file, line, column },
    });
  }
  // A package or file it imports that cannot be found: Bun's message names the file that imports it already.
  if ((cause as { name?: unknown } | null)?.name === "ResolveMessage") return error;
  // The strategy file's own line, even when the throw came from deeper (defineStrategy refusing it, a helper it calls).
  const file = strategyFile(source, baseDir);
  const sites = stackSites(cause);
  const site = sites.find((frame) => frame.file === file) ?? sites[0];
  if (site === undefined && file === undefined) return error;
  const where = site ? `thrown at ${site.file}, line ${site.line}, column ${site.column}` : `thrown by ${file}`;
  return new ArgoError(error.code, `${error.message} (${where})`, { cause, details: { ...details, file: site?.file ?? file, ...(site ? { line: site.line, column: site.column } : {}) } });
}

/** The file a strategy source names, for a message: a path from `baseDir`, or a package resolved from there. */
function strategyFile(source: string, baseDir: string): string | undefined {
  if (source.startsWith("file:")) return fileURLToPath(source);
  const path = isAbsolute(source) ? source : resolve(baseDir, source);
  if (existsSync(path) && statSync(path).isFile()) return path;
  try {
    return Bun.resolveSync(source, baseDir);
  } catch {
    return undefined;
  }
}
