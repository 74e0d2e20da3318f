/** A workspace package as the release reads it from its package.json. */
export interface WorkspacePackage {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

// Dev dependencies are left out: a consumer never installs them, so they cannot break an install of what was published.
const RUNTIME_FIELDS = ["dependencies", "peerDependencies", "optionalDependencies"] as const;

/**
 * The packages in an order that publishes every package after the workspace packages it depends on, so
 * nothing is ever on the registry needing a version that is not there yet (also when a release stops
 * half way). Ties keep name order, so the order is the same on every machine. Throws on a cycle.
 */
export function publishOrder<T extends WorkspacePackage>(packages: readonly T[]): T[] {
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  const sorted = [...packages].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const done = new Set<string>();
  const visiting: string[] = [];
  const order: T[] = [];
  const visit = (pkg: T): void => {
    if (done.has(pkg.name)) return;
    if (visiting.includes(pkg.name)) throw new Error(`workspace dependency cycle: ${[...visiting.slice(visiting.indexOf(pkg.name)), pkg.name].join(" -> ")}`);
    visiting.push(pkg.name);
    for (const dependency of runtimeDependencies(pkg)) {
      const inWorkspace = byName.get(dependency);
      if (inWorkspace !== undefined) visit(inWorkspace);
    }
    visiting.pop();
    done.add(pkg.name);
    order.push(pkg);
  };
  for (const pkg of sorted) visit(pkg);
  return order;
}

function runtimeDependencies(pkg: WorkspacePackage): string[] {
  const names = new Set<string>();
  for (const field of RUNTIME_FIELDS) for (const name of Object.keys(pkg[field] ?? {})) names.add(name);
  return [...names].sort();
}
