import { afterAll, describe, expect, test } from "bun:test";
import { loadStrategy } from "@argo/engine";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { quickSessionConfig, tempDir, writeConfig } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";
import { loadConfigStrategy } from "./load-config-strategy.ts";

const tmp = tempDir("argo-strategy-error-");
afterAll(() => tmp.cleanup());

/** Writes a strategy file under a fresh name (a module Bun failed to load stays failed under its name) and returns it. */
let written = 0;
function strategyFile(lines: readonly string[]): { file: string; source: string; lines: readonly string[] } {
  const name = `strategy-${++written}.ts`;
  const file = join(tmp.dir, name);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return { file, source: `./${name}`, lines };
}

/** The message of a strategy that failed to load, as the runner reports it at strategy.path. */
async function loadMessage(source: string): Promise<string> {
  const load = await loadConfigStrategy(source, tmp.dir);
  expect(load?.strategy).toBeUndefined();
  return (load?.error as Error).message;
}

const BROKEN = [
  'import { defineStrategy } from "@argo/engine";',
  "export default defineStrategy({",
  '  name: "broken",',
  "  onBar() {",
  "    const x = (1 + 2;",
  "  },",
  "});",
];

describe("a strategy file that does not compile", () => {
  test("names the file, the line and the column, and keeps the transpiler's text", async () => {
    const { file, source, lines } = strategyFile(BROKEN);
    // The `;` where the `)` should be: line 5, its 1-based column counted here from the text.
    const column = lines[4]!.indexOf(";") + 1;
    const message = await loadMessage(source);
    expect(message).toBe(`cannot load strategy "${source}": ${file}: syntax error at line 5, column ${column}: Expected ")" but found ";"`);
  });

  test("several syntax errors (Bun throws them together): the first one's place, and how many more", async () => {
    // Found by a hunt: "2 errors building …" named no line or column.
    const { file, source, lines } = strategyFile(['import { defineStrategy } from "@argo/engine";', "export default defineStrategy({", '  name: "x",', "  onBar() { if (1 { } }", "});"]);
    const message = await loadMessage(source);
    expect(message).toStartWith(`cannot load strategy "${source}": ${file}: syntax error at line 4, column `);
    expect(message).toMatch(/\(and \d+ more\)$/);
    expect(lines[3]).toContain("if (1 {");
  });

  test("a syntax error in a file the strategy imports names that file", async () => {
    const broken = strategyFile(["export const size = 1;", "export const bad = [1, 2;"]);
    const { source } = strategyFile([`import { size } from "${broken.source}";`, "export default size;"]);
    const message = await loadMessage(source);
    expect(message).toContain(`${broken.file}: syntax error at line 2, column ${broken.lines[1]!.indexOf(";") + 1}: `);
  });

  test("argo validate prints it at strategy.path with the place, exit 3", async () => {
    const { file, source } = strategyFile(BROKEN);
    const config = writeConfig(tmp.dir, "broken.json", quickSessionConfig(join(tmp.dir, "data"), { strategy: { path: source } }));
    const c = captureIo({ cwd: tmp.dir });
    expect(await main(["validate", config], c.io)).toBe(3);
    expect(c.stderr()).toContain(`✗ strategy.path: cannot load strategy "${source}": ${file}: syntax error at line 5, column `);
    expect(c.stderr()).toContain('Expected ")"');
  });
});

describe("a strategy file that throws while it is imported", () => {
  test("keeps the message it had, plus the file and the line of the throw", async () => {
    const { file, source } = strategyFile(["const ready = false;", 'if (!ready) throw new Error("refused at import");', "export default {};"]);
    const original = await loadStrategy(file).then(
      () => "",
      (error: Error) => error.message,
    );
    expect(original).toContain("refused at import");
    const message = await loadMessage(source);
    // The engine's message names the source as the config wrote it; the runner's is that, then where.
    expect(message).toStartWith(`cannot load strategy "${source}": refused at import (`);
    expect(message).toContain(`(thrown at ${file}, line 2, column `);
  });

  test("a throw from a helper it calls names the strategy file's own line", async () => {
    const helper = strategyFile(["export function check(): void {", '  throw new Error("helper says no");', "}"]);
    const { file, source } = strategyFile([`import { check } from "${helper.source}";`, "", "check();", "export default {};"]);
    const message = await loadMessage(source);
    expect(message).toContain("helper says no");
    expect(message).toContain(`(thrown at ${file}, line 3, column `);
  });

  test("a thrown value that is no Error still names the file", async () => {
    const { file, source } = strategyFile(['throw "not an error";']);
    const message = await loadMessage(source);
    expect(message).toContain("not an error");
    expect(message).toEndWith(`(thrown by ${file})`);
  });

  test("a file that does not exist keeps its message as it was", async () => {
    const missing = join(tmp.dir, "nowhere.ts");
    expect(await loadMessage(missing)).toBe(`strategy file not found: ${missing}`);
  });
});
