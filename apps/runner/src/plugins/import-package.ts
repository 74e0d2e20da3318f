import { ArgoError, isArgoError, listProviders } from "@argo/core";
import { checkCoreRange } from "./check-core-range.ts";

/**
 * Imports a package (or a module path) by name, resolving it from each folder of `from` in turn (the config's folder,
 * the working directory) and then from the runner's own dependencies, so plugins installed next to a config are found.
 * A missing package is an error saying how to install it; a plugin that throws an ArgoError while it loads (a
 * PROVIDER_CONFLICT, an INVALID_CONFIGURATION of its definition) keeps that error's code, with the package named. A
 * package whose package.json declares an @argo/core range the installed core is not in is refused before it runs.
 * Resolves with the names of the providers the module registered as it was imported (the first time this process
 * imported it: a module runs once), so a plugin that registers none can be named.
 */
export async function importPackage(name: string, from: string | readonly string[] = process.cwd()): Promise<readonly string[]> {
  let path: string | undefined;
  for (const dir of [...(typeof from === "string" ? [from] : from), import.meta.dir]) {
    try {
      path = Bun.resolveSync(name, dir);
      break;
    } catch {
      // try the next place
    }
  }
  if (!path) {
    throw new ArgoError("PROVIDER_NOT_FOUND", `plugin package "${name}" is not installed (install it with: bun add ${name})`, {
      details: { package: name, installed: false },
    });
  }
  checkCoreRange(name, path);
  const known = registeredAtImport.get(path);
  if (known !== undefined) return known;
  const before = new Set(listProviders().map(providerKey));
  try {
    await import(path);
  } catch (error) {
    const message = `plugin package "${name}" failed to load: ${thrownText(error)}`;
    if (isArgoError(error)) {
      throw new ArgoError(error.code, message, {
        ...(error.provider !== undefined ? { provider: error.provider } : {}),
        details: { ...error.details, package: name },
        cause: error,
        ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
      });
    }
    throw new ArgoError("PROVIDER_NOT_FOUND", message, { details: { package: name }, cause: error });
  }
  const added = listProviders().filter((p) => !before.has(providerKey(p))).map((p) => p.name);
  registeredAtImport.set(path, added);
  return added;
}

/** The providers each module (by resolved path) registered as it was imported; a module that threw is not in it. */
const registeredAtImport = new Map<string, readonly string[]>();

const providerKey = (p: { kind: string; name: string }) => `${p.kind}\u0000${p.name}`;

/** What a module threw, as text: a plugin may throw a string or any other value, not only an Error. */
function thrownText(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  try {
    return String(thrown);
  } catch {
    // An object without a prototype has no text of its own.
    return Object.prototype.toString.call(thrown);
  }
}
