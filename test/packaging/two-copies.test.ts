import { afterAll, expect, test } from "bun:test";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dir, "../..");
// Inside the workspace so both copies resolve valibot the same way an app's node_modules would.
const copies = join(import.meta.dir, ".copies");
afterAll(() => rmSync(copies, { recursive: true, force: true }));

function copyCore(name: string): string {
  const dir = join(copies, name);
  mkdirSync(dir, { recursive: true });
  // Tests stay behind: a leftover copy must never be picked up as a test of its own.
  cpSync(join(root, "packages/core/src"), join(dir, "src"), { recursive: true, filter: (path) => !path.endsWith(".test.ts") });
  cpSync(join(root, "packages/core/package.json"), join(dir, "package.json"));
  return join(dir, "src/index.ts");
}

test("two installed copies of @argo/core share one registry and recognise each other's errors", async () => {
  type Core = typeof import("@argo/core");
  const a: Core = await import(copyCore("a"));
  const b: Core = await import(copyCore("b"));
  expect(a.registerProvider).not.toBe(b.registerProvider);
  const { brokerDefinition } = await import("../../packages/core/src/__fixtures__/broker-provider.ts");
  a.registerProvider(brokerDefinition("copy-test", "@fixtures/copy-test"));
  try {
    expect(b.listProviders().map((p) => p.name)).toContain("copy-test");
    expect(b.getProviderInfo("copy-test").packageName).toBe("@fixtures/copy-test");
    // The same plugin imported through the other copy is harmless; a rival is caught across copies.
    b.registerProvider(brokerDefinition("copy-test", "@fixtures/copy-test"));
    expect(() => b.registerProvider(brokerDefinition("copy-test", "@fixtures/rival"))).toThrow(/@fixtures\/copy-test/);
    const error = new a.ArgoError("INSUFFICIENT_FUNDS", "no cash");
    expect(error instanceof b.ArgoError).toBe(false);
    expect(b.isArgoError(error, "INSUFFICIENT_FUNDS")).toBe(true);
  } finally {
    a.unregisterProvider("copy-test");
  }
});
