import type { ProviderInfo } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { FAKE_LIVE_PLUGIN, tempDir } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";

// The first-party providers installed in this workspace, with their kinds, as the architecture names them.
const FIRST_PARTY = { paper: "trading", replay: "market-data", simulated: "market-data" } as const;

describe("argo providers", () => {
  test("the table lists each installed provider with kind, paper/LIVE, package and description", async () => {
    const c = captureIo();
    expect(await main(["providers"], c.io)).toBe(0);
    const [header, ...rows] = c.stdout().trimEnd().split("\n");
    expect(header!.split(/\s{2,}/)).toEqual(["NAME", "KIND", "MONEY", "PACKAGE", "DESCRIPTION"]);
    for (const [name, kind] of Object.entries(FIRST_PARTY)) {
      const row = rows.find((r) => r.startsWith(`${name} `));
      expect(row).toBeDefined();
      const cells = row!.split(/\s{2,}/);
      expect(cells[1]).toBe(kind);
      expect(cells[2]).toBe("paper");
      expect(cells[3]).toBe(name === "paper" ? "@argo/provider-paper" : "@argo/provider-replay");
      expect(cells[4]!.length).toBeGreaterThan(10);
    }
  });

  test("--json is a parseable array of provider infos with capabilities", async () => {
    const c = captureIo();
    expect(await main(["providers", "--json"], c.io)).toBe(0);
    const list = JSON.parse(c.stdout()) as ProviderInfo[];
    const names = list.map((p) => p.name);
    expect(names).toEqual([...names].sort());
    for (const [name, kind] of Object.entries(FIRST_PARTY)) {
      const info = list.find((p) => p.name === name)!;
      expect(info.kind).toBe(kind);
      expect(info.isPaperTrading).toBe(true);
      expect(typeof info.displayName).toBe("string");
      expect(info.capabilities.assetClasses).toBeDefined();
    }
    expect(list.find((p) => p.name === "paper")!.capabilities.orderTypes?.MARKET).toBe("supported");
  });

  test("--plugin imports a third-party plugin; its live provider is marked LIVE", async () => {
    const c = captureIo();
    expect(await main(["providers", "--plugin", FAKE_LIVE_PLUGIN], c.io)).toBe(0);
    const row = c.stdout().split("\n").find((r) => r.startsWith("fake-live "));
    expect(row?.split(/\s{2,}/).slice(0, 4)).toEqual(["fake-live", "trading", "LIVE", "argo-fake-live-fixture"]);
  });

  test("--plugin naming a package that is not installed fails with exit 3 and how to install it", async () => {
    const c = captureIo();
    expect(await main(["providers", "--plugin", "argo-provider-does-not-exist"], c.io)).toBe(3);
    expect(c.stderr()).toContain('"argo-provider-does-not-exist" is not installed');
    expect(c.stderr()).toContain("bun add argo-provider-does-not-exist");
  });
});

describe("argo providers with a malformed plugin", () => {
  const tmp = tempDir("argo-providers-");
  afterAll(() => tmp.cleanup());

  test("a definition written with `id:` for `name:` is refused naming the field and the package: exit 3, no crash", async () => {
    const core = resolve(import.meta.dir, "../../../../packages/core/src/index.ts");
    const plugin = join(tmp.dir, "nameless.js");
    writeFileSync(
      plugin,
      `import { registerProvider } from ${JSON.stringify(core)};\n` +
        `registerProvider({ id: "acme-paper", displayName: "Acme", description: "Acme paper", isPaperTrading: true, kind: "trading",\n` +
        `  configSchema: { kind: "schema", type: "unknown", "~run": (d) => d }, capabilities: {}, packageName: "argo-provider-acme", create: () => ({}) });\n`,
    );
    const c = captureIo();
    expect(await main(["providers", "--plugin", plugin], c.io)).toBe(3);
    expect(c.stderr()).toContain('a provider from package "argo-provider-acme" cannot be registered: name must be a kebab-case string');
    expect(c.stderr()).not.toContain("TypeError");
  });
});
