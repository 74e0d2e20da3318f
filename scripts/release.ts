// Publishes every public workspace package whose current version is not on the registry yet, each after
// the workspace packages it depends on (publish-order.ts). `bun publish` packs like `bun pm pack`, rewriting
// `workspace:` ranges to real versions; `changeset publish` would not, so it is never used here.
import { Glob } from "bun";
import { dirname, join } from "node:path";
import { publishOrder, type WorkspacePackage } from "./release/publish-order.ts";

const root = join(import.meta.dir, "..");
const dryRun = process.argv.includes("--dry-run");
const found: Array<WorkspacePackage & { dir: string }> = [];
for (const pattern of ["packages/*/package.json", "plugins/*/package.json", "apps/*/package.json"]) {
  for await (const file of new Glob(pattern).scan({ cwd: root })) {
    const pkg = (await Bun.file(join(root, file)).json()) as WorkspacePackage;
    found.push({ ...pkg, dir: join(root, dirname(file)) });
  }
}
// Private packages are ordered too (a public one never depends on them at runtime), then skipped.
for (const pkg of publishOrder(found)) {
  if (pkg.private) continue;
  const view = Bun.spawnSync(["npm", "view", `${pkg.name}@${pkg.version}`, "version"], { stdout: "pipe", stderr: "pipe" });
  if (view.stdout.toString().trim() === pkg.version) {
    console.log(`${pkg.name}@${pkg.version} is already published`);
    continue;
  }
  const args = ["bun", "publish", "--access", "public", ...(dryRun ? ["--dry-run"] : [])];
  console.log(`publishing ${pkg.name}@${pkg.version}`);
  const child = Bun.spawnSync(args, { cwd: pkg.dir, stdout: "inherit", stderr: "inherit" });
  if (child.exitCode !== 0) process.exit(child.exitCode ?? 1);
}
