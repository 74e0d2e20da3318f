import { ArgoError } from "../errors/argo-error.ts";
import type { ProviderDefinition } from "../contracts/provider-definition.ts";

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const KINDS = ["trading", "market-data"];

/**
 * Checks the shape of a definition before it enters the registry, throwing INVALID_CONFIGURATION naming every bad field
 * and the package. A plain-JavaScript plugin has no types to catch `id:` for `name:`; without this a nameless provider
 * would break `argo providers` later, and an `isPaperTrading: "no"` would pass the runner's real-money check as paper.
 */
export function checkDefinition(definition: unknown): asserts definition is ProviderDefinition {
  if (typeof definition !== "object" || definition === null) {
    throw new ArgoError("INVALID_CONFIGURATION", `a provider definition must be an object, got ${describe(definition)}`);
  }
  const d = definition as Record<string, unknown>;
  const problems: string[] = [];
  const field = (key: string, ok: boolean, want: string) => {
    if (!ok) problems.push(`${key} must be ${want}, got ${describe(d[key])}`);
  };
  field("name", typeof d.name === "string" && NAME.test(d.name), 'a kebab-case string (e.g. "my-broker")');
  field("packageName", typeof d.packageName === "string" && d.packageName.trim().length > 0, "the plugin's package name (a non-empty string)");
  field("kind", KINDS.includes(d.kind as string), '"trading" or "market-data"');
  field("isPaperTrading", typeof d.isPaperTrading === "boolean", "true or false (false means real money)");
  field("displayName", typeof d.displayName === "string", "a string");
  field("description", typeof d.description === "string", "a string");
  field("configSchema", isSchema(d.configSchema), "a valibot schema");
  field("capabilities", typeof d.capabilities === "object" && d.capabilities !== null && !Array.isArray(d.capabilities), "an object");
  field("create", typeof d.create === "function", "a function");
  field("checkSession", d.checkSession === undefined || typeof d.checkSession === "function", "a function when given");
  if (problems.length === 0) return;
  const name = typeof d.name === "string" && d.name.length > 0 ? `provider "${d.name}"` : "a provider";
  const from = typeof d.packageName === "string" && d.packageName.length > 0 ? ` from package "${d.packageName}"` : " from a package that does not name itself";
  throw new ArgoError("INVALID_CONFIGURATION", `${name}${from} cannot be registered: ${problems.join("; ")}`, {
    ...(typeof d.name === "string" ? { provider: d.name } : {}),
    details: { ...(typeof d.packageName === "string" ? { packageName: d.packageName } : {}), problems },
  });
}

function isSchema(value: unknown): boolean {
  return typeof value === "object" && value !== null && typeof (value as { "~run"?: unknown })["~run"] === "function";
}

/** A short, safe account of a value: definitions are code, but only a short string is shown as it is. */
function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return value.length <= 40 ? JSON.stringify(value) : `a string of ${value.length} characters`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
