// Builds the package in the current directory for runtimes other than Bun: JavaScript with
// bundled-in nothing (dependencies stay external) plus .d.ts, from the entry points in `exports`.
import { rmSync } from "node:fs";
import { join } from "node:path";

/**
 * What only tests use, kept out of every build (type-checked with the source, never published): files whose name ends
 * in one of `suffixes` + ".ts", and everything in a folder with one of `folders`' names, at any depth under src.
 */
const TEST_ONLY = { suffixes: [".test", ".test-helper"], folders: ["__fixtures__", "test-fixtures", "bench"] };

/** Whether a path under src (a source file, or the declaration dist/ holds for it) is test-only. */
function isTestOnly(path: string): boolean {
  const parts = path.split("/");
  const stem = parts.pop()!.replace(/(\.d)?\.ts$/, "");
  return parts.some((part) => TEST_ONLY.folders.includes(part)) || TEST_ONLY.suffixes.some((suffix) => stem.endsWith(suffix));
}

const cwd = process.cwd();
const pkg = await Bun.file(join(cwd, "package.json")).json();
const entries = Object.values(pkg.exports as Record<string, { bun?: string } | string>)
  .map((target) => (typeof target === "object" ? target.bun : undefined))
  .filter((entry): entry is string => typeof entry === "string" && entry.endsWith(".ts"));

rmSync(join(cwd, "dist"), { recursive: true, force: true });
const result = await Bun.build({
  entrypoints: entries.map((entry) => join(cwd, entry)),
  outdir: join(cwd, "dist"),
  root: join(cwd, "src"),
  target: "node",
  format: "esm",
  packages: "external",
  external: ["bun:*"],
});
if (!result.success) {
  for (const log of result.logs) console.error(log);
  process.exit(1);
}
// Declarations come from src only (bench and tests are type-checked, not published), less what is test-only.
const buildConfig = join(cwd, "tsconfig.build.tmp.json");
const exclude = [...TEST_ONLY.suffixes.map((suffix) => `src/**/*${suffix}.ts`), ...TEST_ONLY.folders.map((folder) => `src/**/${folder}`)];
await Bun.write(buildConfig, JSON.stringify({ extends: "./tsconfig.json", include: ["src"], exclude }));
const tsc = Bun.spawnSync(
  ["bunx", "tsc", "-p", buildConfig, "--noEmit", "false", "--declaration", "--emitDeclarationOnly", "--outDir", "dist", "--rootDir", "src"],
  { cwd, stdout: "inherit", stderr: "inherit" },
);
rmSync(buildConfig, { force: true });
if (tsc.exitCode !== 0) process.exit(tsc.exitCode ?? 1);
// Declarations keep the source's ".ts" specifiers; consumers outside Bun resolve ".js" next to ".d.ts".
const dist = join(cwd, "dist");
for await (const file of new Bun.Glob("**/*.d.ts").scan({ cwd: dist })) {
  const path = join(dist, file);
  // A source file imports a test-only one: tsc emitted its declaration, which is not part of the published API.
  if (isTestOnly(file)) {
    rmSync(path);
    continue;
  }
  const text = await Bun.file(path).text();
  await Bun.write(path, text.replace(/(from\s+["'](?:\.{1,2}\/)[^"']*?)\.ts(["'])/g, "$1.js$2"));
}
// Test-only folders the removals above left behind.
const folders = [...new Bun.Glob("**").scanSync({ cwd: dist, onlyFiles: false })].filter((path) => TEST_ONLY.folders.includes(path.split("/").at(-1)!));
for (const folder of folders) rmSync(join(dist, folder), { recursive: true, force: true });
