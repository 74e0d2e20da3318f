// Runs every `*.bench.ts` under packages/, plugins/ and apps/ in its own process, one after another,
// so one benchmark's garbage and JIT state never colours the next.
import { Glob } from "bun";
import { join } from "node:path";

const root = join(import.meta.dir, "..");
const filter = process.argv[2];
const files: string[] = [];
for (const pattern of ["packages/*/bench/*.bench.ts", "plugins/*/bench/*.bench.ts", "apps/*/bench/*.bench.ts"]) {
  for await (const file of new Glob(pattern).scan({ cwd: root })) files.push(file);
}
files.sort();
let failed = 0;
for (const file of files) {
  if (filter && !file.includes(filter)) continue;
  console.log(`\n▶ ${file}`);
  const child = Bun.spawnSync(["bun", "run", file], { cwd: root, stdout: "inherit", stderr: "inherit" });
  if (child.exitCode !== 0) failed++;
}
console.log(`\nresults in bench/results/`);
process.exit(failed ? 1 : 0);
