import { expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "./run.ts";

const root = join(import.meta.dir, "../..");
// Inside the workspace (in a git-ignored test-output folder) so the package resolves TypeScript and the base tsconfig
// as a real one does; a folder of its own, because other test runs may be cleaning up theirs meanwhile.
const outputDir = join(import.meta.dir, "test-output");
let pkg = "";

function write(path: string, text: string): void {
  mkdirSync(join(pkg, path, ".."), { recursive: true });
  writeFileSync(join(pkg, path), text);
}

test("the package build publishes the API's declarations and nothing that only tests use", () => {
  mkdirSync(outputDir, { recursive: true });
  pkg = mkdtempSync(join(outputDir, "build-fixture-"));
  try {
    write("package.json", JSON.stringify({ name: "build-fixture", type: "module", exports: { ".": { bun: "./src/index.ts", types: "./dist/index.d.ts", import: "./dist/index.js" } } }));
    write("tsconfig.json", JSON.stringify({ extends: join(root, "tsconfig.base.json"), include: ["src", "bench"] }));
    write("src/index.ts", 'export { answer } from "./answer.ts";\n');
    write("src/answer.ts", "/** The answer. */\nexport const answer = 42;\n");
    // The kinds of files the packages keep beside their code for tests (the names engine and core use). No test body:
    // a copy left behind by a crash must not become a test of its own.
    write("src/answer.test.ts", 'import { answer } from "./answer.ts";\nexport const checked = answer;\n');
    write("src/report/answer.test-helper.ts", 'import { fixture } from "../test-fixtures/data.ts";\nexport const helper = fixture;\n');
    write("src/test-fixtures/data.ts", "export const fixture = 1;\n");
    write("src/__fixtures__/thing.ts", "export const thing = 1;\n");
    write("bench/answer.bench.ts", 'import { answer } from "../src/answer.ts";\nconsole.log(answer);\n');

    run(["bun", join(root, "scripts/build-package.ts")], pkg);

    const files = [...new Bun.Glob("**/*").scanSync({ cwd: join(pkg, "dist") })].sort();
    expect(files).toEqual(["answer.d.ts", "index.d.ts", "index.js"]);
    // Declarations point at the .js files other runtimes load.
    expect(readFileSync(join(pkg, "dist/index.d.ts"), "utf8")).toContain('from "./answer.js"');
  } finally {
    rmSync(pkg, { recursive: true, force: true });
  }
}, 60_000);

test("declarations tsc emits for test-only files a source file imports are removed, with their folders at any depth", () => {
  mkdirSync(outputDir, { recursive: true });
  pkg = mkdtempSync(join(outputDir, "build-fixture-"));
  try {
    write("package.json", JSON.stringify({ name: "build-fixture", type: "module", exports: { ".": { bun: "./src/index.ts", types: "./dist/index.d.ts", import: "./dist/index.js" } } }));
    write("tsconfig.json", JSON.stringify({ extends: join(root, "tsconfig.base.json"), include: ["src", "bench"] }));
    // Imported by the API, so tsc emits them despite the exclusion; names that merely contain "test" stay.
    const imported: Record<string, string> = {
      "test-fixtures/a.ts": "a", "__fixtures__/b.ts": "b", "deep/test-fixtures/c.ts": "c", "deep/bench/d.ts": "d",
      "e.test-helper.ts": "e", "f.test.ts": "f", "latest.ts": "g", "contest.ts": "h",
    };
    for (const [path, name] of Object.entries(imported)) write(`src/${path}`, `export const ${name} = 1;\n`);
    write("src/index.ts", `${Object.entries(imported).map(([path, name]) => `export { ${name} } from "./${path}";`).join("\n")}\n`);

    run(["bun", join(root, "scripts/build-package.ts")], pkg);

    const files = [...new Bun.Glob("**/*").scanSync({ cwd: join(pkg, "dist") })].sort();
    expect(files).toEqual(["contest.d.ts", "index.d.ts", "index.js", "latest.d.ts"]);
    const folders = [...new Bun.Glob("**").scanSync({ cwd: join(pkg, "dist"), onlyFiles: false })].filter((path) => !files.includes(path));
    expect(folders).toEqual(["deep"]);
  } finally {
    rmSync(pkg, { recursive: true, force: true });
  }
}, 60_000);
