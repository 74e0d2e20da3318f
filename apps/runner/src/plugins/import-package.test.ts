import { type ArgoError, isArgoError, unregisterProvider } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tempDir } from "../__fixtures__/session-config.ts";
import { importPackage } from "./import-package.ts";

const tmp = tempDir("argo-import-package-");
afterAll(() => tmp.cleanup());

/** The message of the error importing a module with this body gives (each body gets a file of its own). */
async function loadFailure(name: string, body: string): Promise<string> {
  writeFileSync(join(tmp.dir, name), body);
  try {
    await importPackage(`./${name}`, tmp.dir);
  } catch (error) {
    if (isArgoError(error, "PROVIDER_NOT_FOUND")) return error.message;
    throw error;
  }
  throw new Error(`${name} loaded`);
}

describe("a plugin that throws while it is imported", () => {
  test("a thrown string is the reason given, not \"undefined\"", async () => {
    expect(await loadFailure("throws-text.ts", 'throw "plain string";\n')).toBe('plugin package "./throws-text.ts" failed to load: plain string');
  });

  test("a thrown number and a thrown object without a prototype are named as what they are", async () => {
    expect(await loadFailure("throws-number.ts", "throw 42;\n")).toEndWith("failed to load: 42");
    // String() of such an object throws; the message must still be made.
    expect(await loadFailure("throws-bare.ts", "throw Object.create(null);\n")).toEndWith("failed to load: [object Object]");
  });

  test("a thrown Error gives its message", async () => {
    expect(await loadFailure("throws-error.ts", 'throw new Error("boom at import");\n')).toEndWith("failed to load: boom at import");
  });
});

describe("a plugin that throws an ArgoError while it is imported", () => {
  const core = resolve(import.meta.dir, "../../../../packages/core/src/index.ts");

  test("its own code is kept (a name conflict stays PROVIDER_CONFLICT), with the package named", async () => {
    const definition = (packageName: string) =>
      `{ name: "import-conflict", displayName: "C", description: "d", isPaperTrading: true, kind: "trading", ` +
      `configSchema: { kind: "schema", type: "unknown", "~run": (d) => d }, capabilities: {}, packageName: "${packageName}", create: () => ({}) }`;
    writeFileSync(
      join(tmp.dir, "conflict.ts"),
      `import { registerProvider } from ${JSON.stringify(core)};\n` +
        `registerProvider(${definition("argo-provider-first")});\nregisterProvider(${definition("argo-provider-second")});\n`,
    );
    const error = await importPackage("./conflict.ts", [tmp.dir, import.meta.dir]).catch((e: unknown) => e);
    try {
      expect(isArgoError(error, "PROVIDER_CONFLICT")).toBe(true);
      const argo = error as ArgoError;
      expect(argo.message).toStartWith('plugin package "./conflict.ts" failed to load: provider "import-conflict" is registered by both');
      expect(argo.message).toContain("argo-provider-first");
      expect(argo.message).toContain("argo-provider-second");
      expect(argo.provider).toBe("import-conflict");
      expect(argo.details?.package).toBe("./conflict.ts");
    } finally {
      unregisterProvider("import-conflict");
    }
  });
});
