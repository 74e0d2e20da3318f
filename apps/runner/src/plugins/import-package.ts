import { ArgoError } from "@argo/core";

/**
 * Imports a package by name, resolving it first from the user's project (cwd) and then from the runner's own
 * dependencies, so plugins installed next to a config are found. A missing package is an error saying how to install it.
 */
export async function importPackage(name: string, cwd = process.cwd()): Promise<void> {
  let path: string | undefined;
  for (const from of [cwd, import.meta.dir]) {
    try {
      path = Bun.resolveSync(name, from);
      break;
    } catch {
      // try the next place
    }
  }
  if (!path) {
    throw new ArgoError("PROVIDER_NOT_FOUND", `plugin package "${name}" is not installed (install it with: bun add ${name})`, { details: { package: name } });
  }
  try {
    await import(path);
  } catch (error) {
    throw new ArgoError("PROVIDER_NOT_FOUND", `plugin package "${name}" failed to load: ${(error as Error).message}`, { details: { package: name }, cause: error });
  }
}
