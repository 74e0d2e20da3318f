/**
 * Whether a plugin's declared @argo/core range admits the installed core. The range is read the way a package manager
 * reads it (Bun.semver), with one widening the registry makes too: while core is 0.x its contracts change only
 * additively and all 0.x copies share one registry (packages/core registry-state.ts), so a 0.x range admits every later
 * 0.x core (a plugin made for ^0.1.0 keeps working under 0.2.0), but never an earlier one it may need more than, nor 1.x.
 */
export function rangeAdmits(range: string, coreVersion: string): boolean {
  const release = coreVersion.replace(/[-+].*$/, "");
  // A prerelease core (1.0.0-rc.1) is chosen on purpose: a range for its release admits it.
  if (Bun.semver.satisfies(coreVersion, range) || Bun.semver.satisfies(release, range)) return true;
  if (!release.startsWith("0.")) return false;
  return range.split("||").some((alternative) => {
    const lowest = lowestVersion(alternative);
    if (lowest === undefined || !lowest.version.startsWith("0.")) return false;
    const order = Bun.semver.order(lowest.version, release);
    return lowest.exclusive ? order < 0 : order <= 0;
  });
}

/**
 * The semver range a dependency spec stands for, or undefined when it names no registry version to check: a workspace:,
 * file:, link:, git or URL spec (a local build, as in a monorepo), or a dist-tag such as "latest". An npm: alias gives
 * the range after its last "@".
 */
export function specRange(spec: unknown): string | undefined {
  if (typeof spec !== "string") return undefined;
  const text = spec.trim();
  if (text.startsWith("npm:")) {
    const at = text.lastIndexOf("@");
    return at > "npm:".length ? specRange(text.slice(at + 1)) : undefined;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.includes("/")) return undefined;
  // A dist-tag has no digit; "*", "x" and "" admit every version anyway.
  return /\d/.test(text) ? text : undefined;
}

const COMPARATOR = /(<=?|>=?|=|\^|~>?)?\s*v?(\d+)(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?/g;

/**
 * The lower bound of one alternative of a range (no "||"): its first comparator that is not an upper bound, as x.y.z
 * (a missing or x part is 0), exclusive for ">"; 0.0.0 when it gives only upper bounds.
 */
function lowestVersion(alternative: string): { version: string; exclusive: boolean } | undefined {
  if (alternative.trim() === "") return undefined;
  for (const [, operator, major, minor, patch] of alternative.matchAll(COMPARATOR)) {
    if (operator?.startsWith("<")) continue;
    const part = (value: string | undefined) => (value === undefined || /[xX*]/.test(value) ? "0" : value);
    return { version: `${major}.${part(minor)}.${part(patch)}`, exclusive: operator === ">" };
  }
  return { version: "0.0.0", exclusive: false };
}
