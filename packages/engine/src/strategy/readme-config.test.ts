// The strategy examples of the root README and the engine README: their fast/slow config refuses periods that would fail
// on every bar, as examples/strategies/sma-cross.ts does.
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadStrategy } from "./load-strategy.ts";
import { validateStrategyConfig } from "./strategy-config.ts";

const dir = mkdtempSync(join(tmpdir(), "argo-readme-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The first ts block after `heading` in `readme`, written to a file with its imports resolved from here. */
function exampleFile(readme: string, heading: string, name: string): string {
  const text = readFileSync(resolve(import.meta.dir, readme), "utf8");
  const code = /```ts\n([\s\S]*?)```/.exec(text.slice(text.indexOf(heading)))?.[1];
  if (code === undefined) throw new Error(`${readme} has no ts block under "${heading}"`);
  const file = join(dir, name);
  writeFileSync(file, code
    .replace(/from "@argo\/engine"/, `from ${JSON.stringify(resolve(import.meta.dir, "../index.ts"))}`)
    .replace(/from "valibot"/, `from ${JSON.stringify(import.meta.resolve("valibot"))}`));
  return file;
}

const examples = [
  ["root README", "../../../../README.md", "## Writing a strategy"],
  ["engine README", "../../README.md", "## Strategies"],
] as const;

describe("the README strategy examples validate their periods", () => {
  for (const [name, readme, heading] of examples) {
    test(`${name}: whole periods of at least 1, slow above fast; the defaults and good values pass`, async () => {
      const strategy = await loadStrategy(exampleFile(readme, heading, `${name.replace(" ", "-")}.ts`));
      const refused = (config: object) => {
        const result = validateStrategyConfig(strategy, config, "strategy.config");
        return result.ok ? [] : result.issues.map((issue) => issue.path);
      };
      expect(refused({ fast: 10.5 })).toEqual(["strategy.config.fast"]);
      expect(refused({ fast: 0 })).toEqual(["strategy.config.fast"]);
      expect(refused({ slow: 20.5 })).toEqual(["strategy.config.slow"]);
      expect(refused({ fast: 30, slow: 10 })).toEqual(["strategy.config.slow"]);
      const defaults = validateStrategyConfig(strategy, {}, "strategy.config");
      expect(defaults.ok && defaults.value).toEqual({ fast: 10, slow: 30 });
      const good = validateStrategyConfig(strategy, { fast: 3, slow: 8 }, "strategy.config");
      expect(good.ok && good.value).toEqual({ fast: 3, slow: 8 });
    });
  }
});
