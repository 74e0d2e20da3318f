// Builds the package in the current directory for runtimes other than Bun: JavaScript with
// bundled-in nothing (dependencies stay external) plus .d.ts, from the entry points in `exports`.
import { rmSync } from "node:fs";
import { join } from "node:path";

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
// Declarations come from src only (bench and tests are type-checked, not published). What tests use stays out too:
// *.test.ts, *.test-helper.ts and the __fixtures__ and test-fixtures folders.
const buildConfig = join(cwd, "tsconfig.build.tmp.json");
const exclude = ["src/**/*.test.ts", "src/**/*.test-helper.ts", "src/**/__fixtures__", "src/**/test-fixtures"];
await Bun.write(buildConfig, JSON.stringify({ extends: "./tsconfig.json", include: ["src"], exclude }));
const tsc = Bun.spawnSync(
  ["bunx", "tsc", "-p", buildConfig, "--noEmit", "false", "--declaration", "--emitDeclarationOnly", "--outDir", "dist", "--rootDir", "src"],
  { cwd, stdout: "inherit", stderr: "inherit" },
);
rmSync(buildConfig, { force: true });
if (tsc.exitCode !== 0) process.exit(tsc.exitCode ?? 1);
// Declarations keep the source's ".ts" specifiers; consumers outside Bun resolve ".js" next to ".d.ts".
for await (const file of new Bun.Glob("**/*.d.ts").scan({ cwd: join(cwd, "dist") })) {
  const path = join(cwd, "dist", file);
  // Tests and fixtures are type-checked with the source but are not part of the published API.
  if (/\.test(-helper)?\.d\.ts$|(^|\/)(__fixtures__|test-fixtures|bench)\//.test(file)) {
    rmSync(path);
    continue;
  }
  const text = await Bun.file(path).text();
  await Bun.write(path, text.replace(/(from\s+["'](?:\.{1,2}\/)[^"']*?)\.ts(["'])/g, "$1.js$2"));
}
// Folders left empty by the removals above.
for (const dir of ["__fixtures__", "test-fixtures", "bench"]) rmSync(join(cwd, "dist", dir), { recursive: true, force: true });
