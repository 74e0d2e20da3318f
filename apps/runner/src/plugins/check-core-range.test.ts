import { isArgoError } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tempDir } from "../__fixtures__/session-config.ts";
import { importPackage } from "./import-package.ts";

const tmp = tempDir("argo-core-range-");
afterAll(() => tmp.cleanup());

// The installed core's version, read from its package.json here (not from the code under test); a range for the next
// major can never admit it.
const coreVersion: string = JSON.parse(readFileSync(resolve(import.meta.dir, "../../../../packages/core/package.json"), "utf8")).version;
const nextMajor = `^${Number(coreVersion.split(".")[0]) + 1}.0.0`;

/** Writes a package under the temp dir's node_modules whose entry records on globalThis that it ran; returns its name. */
function writePackage(name: string, manifest: Record<string, unknown>): string {
  const dir = join(tmp.dir, "node_modules", name);
  mkdirSync(join(dir, "src"), { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, version: "1.0.0", type: "module", exports: { ".": "./src/index.ts" }, ...manifest }));
  writeFileSync(join(dir, "src", "index.ts"), `(globalThis as any).__coreRangeRan ??= []; (globalThis as any).__coreRangeRan.push(${JSON.stringify(name)});\n`);
  return name;
}

const ran = (name: string) => ((globalThis as { __coreRangeRan?: string[] }).__coreRangeRan ?? []).includes(name);

/** The error importing `name` from the temp dir gives, or undefined when it loads. */
const importError = (name: string) => importPackage(name, tmp.dir).then(() => undefined, (error: unknown) => error);

describe("a plugin made for another @argo/core than the installed one", () => {
  test("a peer range for the next major is refused before the plugin runs, naming the package, its range and the core", async () => {
    const name = writePackage("argo-provider-next-peer", { peerDependencies: { "@argo/core": nextMajor } });
    const error = await importError(name);
    expect(isArgoError(error, "PROVIDER_NOT_FOUND")).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('"argo-provider-next-peer"');
    expect(message).toContain(`@argo/core ${nextMajor} (its peerDependencies)`);
    expect(message).toContain(`this program uses @argo/core ${coreVersion}`);
    expect((error as { details?: Record<string, unknown> }).details).toMatchObject({ package: name, declaredRange: nextMajor, coreVersion });
    expect(ran(name)).toBe(false);
  });

  test("so is its own copy of core at another major, declared under dependencies", async () => {
    const name = writePackage("argo-provider-next-dep", { dependencies: { "@argo/core": nextMajor, valibot: "^1.5.0" } });
    const error = await importError(name);
    expect(isArgoError(error, "PROVIDER_NOT_FOUND")).toBe(true);
    expect((error as Error).message).toContain(`@argo/core ${nextMajor} (its dependencies)`);
    expect(ran(name)).toBe(false);
  });

  test("a scoped package is found by its name past a build folder's own package.json", async () => {
    const name = "@acme/argo-provider-scoped";
    const dir = join(tmp.dir, "node_modules", "@acme", "argo-provider-scoped");
    mkdirSync(join(dir, "dist"), { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name, type: "module", exports: { ".": "./dist/index.js" }, peerDependencies: { "@argo/core": nextMajor } }));
    writeFileSync(join(dir, "dist", "package.json"), JSON.stringify({ type: "module" }));
    writeFileSync(join(dir, "dist", "index.js"), "export {};\n");
    const error = await importError(name);
    expect(isArgoError(error, "PROVIDER_NOT_FOUND")).toBe(true);
    // Refused for its range, not as missing or failing to load (the same code).
    expect((error as Error).message).toContain(`is made for @argo/core ${nextMajor} (its peerDependencies)`);
  });

  test("a local file whose folder's package.json declares another major is refused too", async () => {
    const dir = join(tmp.dir, "local-next");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "my-plugins", peerDependencies: { "@argo/core": nextMajor } }));
    writeFileSync(join(dir, "plugin.ts"), "export {};\n");
    const error = await importPackage("./local-next/plugin.ts", tmp.dir).catch((e: unknown) => e);
    expect(isArgoError(error, "PROVIDER_NOT_FOUND")).toBe(true);
    expect((error as Error).message).toContain(`is made for @argo/core ${nextMajor} (its peerDependencies)`);
  });
});

describe("a plugin whose declared core is the installed one, or that declares none to check", () => {
  test("a range the installed core satisfies loads", async () => {
    const name = writePackage("argo-provider-same", { peerDependencies: { "@argo/core": `^${coreVersion}` } });
    expect(await importError(name)).toBeUndefined();
    expect(ran(name)).toBe(true);
  });

  test("workspace:, file: and link: ranges (a local build) load", async () => {
    for (const [suffix, spec] of [["workspace", "workspace:^"], ["file", "file:../core"], ["link", "link:../core"]]) {
      const name = writePackage(`argo-provider-${suffix}`, { peerDependencies: { "@argo/core": spec } });
      expect(await importError(name)).toBeUndefined();
      expect(ran(name)).toBe(true);
    }
  });

  test("a package.json without the field loads, and so does a local file with no package.json above it", async () => {
    const name = writePackage("argo-provider-undeclared", { dependencies: { valibot: "^1.5.0" } });
    expect(await importError(name)).toBeUndefined();
    expect(ran(name)).toBe(true);
    writeFileSync(join(tmp.dir, "bare-plugin.ts"), "(globalThis as any).__coreRangeRan.push('bare-plugin');\n");
    expect(await importPackage("./bare-plugin.ts", tmp.dir).then(() => undefined)).toBeUndefined();
    expect(ran("bare-plugin")).toBe(true);
  });
});
