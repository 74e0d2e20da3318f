import { afterAll, describe, expect, test } from "bun:test";
import { isArgoError } from "@argo/core";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineStrategy } from "./define-strategy.ts";
import { loadStrategy } from "./load-strategy.ts";
import * as v from "valibot";

const repoRoot = join(import.meta.dir, "../../../..");
const dir = mkdtempSync(join(tmpdir(), "argo-load-"));
const engineEntry = join(import.meta.dir, "../index.ts");
const valibotEntry = Bun.resolveSync("valibot", import.meta.dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

describe("loadStrategy", () => {
  test("loads a TypeScript file by a path relative to baseDir (the example sma-cross)", async () => {
    const strategy = await loadStrategy("./examples/strategies/sma-cross.ts", { baseDir: repoRoot });
    expect(strategy.name).toBe("sma-cross");
    expect(typeof strategy.onBar).toBe("function");
  });

  test("loads a TypeScript file by absolute path, using defineStrategy from the engine", async () => {
    const file = join(dir, "abs-strategy.ts");
    writeFileSync(file, `import { defineStrategy } from ${JSON.stringify(engineEntry)};\nimport * as v from ${JSON.stringify(valibotEntry)};\nexport default defineStrategy({ name: "abs", description: "d", config: v.object({}), onBar() {} });\n`);
    expect((await loadStrategy(file)).name).toBe("abs");
  });

  test("loads a JavaScript file whose default export is shaped like a strategy", async () => {
    const file = join(dir, "plain.mjs");
    writeFileSync(file, `import * as v from ${JSON.stringify(valibotEntry)};\nexport default { name: "plain", description: "d", config: v.object({}), onBar() {} };\n`);
    expect((await loadStrategy(file)).name).toBe("plain");
  });

  test("loads a package by name, resolved from baseDir", async () => {
    const pkg = join(dir, "node_modules", "my-argo-strategy");
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: "my-argo-strategy", type: "module", main: "index.js" }));
    writeFileSync(join(pkg, "index.js"), `import * as v from ${JSON.stringify(valibotEntry)};\nexport const strategy = { name: "from-package", description: "d", config: v.object({}), onBar() {} };\n`);
    expect((await loadStrategy("my-argo-strategy", { baseDir: dir })).name).toBe("from-package");
  });

  test("an object is used as it is", async () => {
    const def = defineStrategy({ name: "obj", description: "d", config: v.object({}), onBar() {} });
    expect(await loadStrategy(def)).toBe(def);
  });

  test("a missing file and a module without a strategy fail with STRATEGY_INIT_FAILED naming them", async () => {
    const missing = await failure(loadStrategy("./nope/missing.ts", { baseDir: dir }));
    expect(isArgoError(missing, "STRATEGY_INIT_FAILED")).toBe(true);
    expect((missing as Error).message).toContain(join(dir, "nope/missing.ts"));
    const file = join(dir, "empty.ts");
    writeFileSync(file, "export const x = 1;\n");
    const empty = await failure(loadStrategy(file));
    expect(isArgoError(empty, "STRATEGY_INIT_FAILED")).toBe(true);
    expect((empty as Error).message).toContain("default export");
    const broken = join(dir, "broken.ts");
    writeFileSync(broken, "throw new Error('boom at import');\n");
    expect(((await failure(loadStrategy(broken))) as Error).message).toContain("boom at import");
  });
  test.each([
    ["no config", { name: "s", description: "d", onBar() {} }, 'strategy "s": config must be a valibot schema (e.g. v.strictObject({}) for no settings), got undefined'],
    ["a plain object as config", { name: "s", description: "d", config: { fast: 10 }, onBar() {} }, 'strategy "s": config must be a valibot schema (e.g. v.strictObject({}) for no settings), got an object'],
    ["an empty name", { name: "", description: "d", config: v.object({}), onBar() {} }, "strategy object: name must be a non-empty string, got string"],
    ["onStop that is not a function", { name: "s", description: "d", config: v.object({}), onBar() {}, onStop: "later" }, 'strategy "s": onStop must be a function when given, got string'],
  ])("a definition with %s fails with STRATEGY_INIT_FAILED saying what is wrong", async (_case, definition, message) => {
    const error = await failure(loadStrategy(defineStrategy(definition as never)));
    expect(isArgoError(error, "STRATEGY_INIT_FAILED")).toBe(true);
    expect((error as Error).message).toBe(message);
  });

  test("a plain object with an onBar (defineStrategy left out) gets its mistake named, as a file's default export does", async () => {
    const error = await failure(loadStrategy({ name: "s", description: "d", onBar() {} } as never));
    expect((error as Error).message).toBe('strategy "s": config must be a valibot schema (e.g. v.strictObject({}) for no settings), got undefined');
    // Without an onBar it is no strategy at all.
    expect(((await failure(loadStrategy({ name: "s" } as never))) as Error).message).toContain("strategy object is not a strategy");
  });

  test("a strategy file whose definition has no config names the file", async () => {
    const file = join(dir, "no-config.ts");
    writeFileSync(file, "export default { name: 'nc', description: 'd', config: undefined, onBar() {} };\n");
    expect(((await failure(loadStrategy(file))) as Error).message).toBe(`strategy "${file}": config must be a valibot schema (e.g. v.strictObject({}) for no settings), got undefined`);
  });
});
