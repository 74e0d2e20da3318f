import { ArgoError } from "@argo/core";
import corePackage from "@argo/core/package.json" with { type: "json" };
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { rangeAdmits, specRange } from "./core-range.ts";

/** The version of the @argo/core this program runs on (the runner's own copy, where it looks providers up). */
export const INSTALLED_CORE_VERSION: string = corePackage.version;

/** Where a package may declare the core it was made for, in the order they are read. */
const FIELDS = ["peerDependencies", "dependencies"] as const;

/**
 * Refuses a plugin whose package.json declares an @argo/core range the installed core is not in, before it is imported:
 * it was made for another core (docs/plugins.md §1), and would register where the runner does not look or read
 * contracts it does not know. The code is that of the registry's refusal of a plugin built for another major,
 * PROVIDER_NOT_FOUND. A plugin without a package.json, or without the field, or with a workspace:/file:/link: range
 * (a local build) is not refused.
 */
export function checkCoreRange(name: string, resolvedPath: string, coreVersion: string = INSTALLED_CORE_VERSION): void {
  const manifest = pluginManifest(name, resolvedPath);
  if (!manifest) return;
  for (const field of FIELDS) {
    const declared = dependencyOn(manifest.json[field]);
    const range = specRange(declared);
    if (range === undefined || rangeAdmits(range, coreVersion)) continue;
    const label = typeof manifest.json.name === "string" && manifest.json.name !== "" ? manifest.json.name : name;
    throw new ArgoError(
      "PROVIDER_NOT_FOUND",
      `plugin package "${name}" is made for @argo/core ${range} (its ${field}), while this program uses @argo/core ${coreVersion}: ` +
        `install a version of ${label} whose @argo/core range admits ${coreVersion}`,
      { details: { package: name, declaredRange: range, field, coreVersion, manifest: manifest.path } },
    );
  }
}

/** The @argo/core entry of a dependency map, if the map is an object. */
function dependencyOn(map: unknown): unknown {
  return typeof map === "object" && map !== null ? (map as Record<string, unknown>)["@argo/core"] : undefined;
}

/**
 * The package.json of the plugin at `resolvedPath`: for a package name, the nearest one above the entry file that bears
 * that name (a build folder's own `{"type": "module"}` is passed over); for a file path, the nearest one of any name.
 * Undefined when there is none, or it cannot be read as JSON (the import then says what is wrong).
 */
function pluginManifest(name: string, resolvedPath: string): { path: string; json: Record<string, unknown> } | undefined {
  const packageName = bareName(name);
  for (let dir = dirname(resolvedPath); ; dir = dirname(dir)) {
    const path = join(dir, "package.json");
    if (existsSync(path)) {
      const json = readJson(path);
      if (packageName === undefined) return json && { path, json };
      if (json?.name === packageName) return { path, json };
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** The package a bare specifier names ("@scope/pkg/sub" → "@scope/pkg"), or undefined for a relative or absolute path. */
function bareName(specifier: string): string | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("/") || /^[a-z]:[\\/]/i.test(specifier) || specifier.startsWith("file:")) return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** A JSON object read from `path`, or undefined. */
function readJson(path: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, "utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
