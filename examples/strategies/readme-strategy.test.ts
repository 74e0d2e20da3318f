import { loadStrategy, validateStrategyConfig } from "@argo/engine";
import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "argo-readme-strategy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The strategy of the root README's "Writing a strategy", as written there, its imports resolved from here. */
function readmeStrategyFile(): string {
  const readme = readFileSync(resolve(import.meta.dir, "../../README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Writing a strategy"));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (code === undefined) throw new Error("README.md has no ts block under \"Writing a strategy\"");
  const file = join(dir, "readme-strategy.ts");
  const resolved = code
    .replace(/from "@argo\/engine"/, `from ${JSON.stringify(import.meta.resolve("@argo/engine"))}`)
    .replace(/from "valibot"/, `from ${JSON.stringify(import.meta.resolve("valibot"))}`);
  writeFileSync(file, resolved);
  return file;
}

test("the README's strategy refuses a misspelt config key, naming it, instead of running with the defaults", async () => {
  const strategy = await loadStrategy(readmeStrategyFile());
  const result = validateStrategyConfig(strategy, { fats: 3, slwo: 8 }, "strategy.config");
  expect(result.ok).toBe(false);
  // Valibot names the first unknown key of an object.
  expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual(["strategy.config.fats"]);
  // Spelt right, the same values are taken.
  const right = validateStrategyConfig(strategy, { fast: 3, slow: 8 }, "strategy.config");
  expect(right.ok && right.value).toEqual({ fast: 3, slow: 8 });
});
