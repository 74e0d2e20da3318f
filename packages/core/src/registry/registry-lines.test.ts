import { afterAll, describe, expect, test } from "bun:test";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { isArgoError } from "../errors/is-argo-error.ts";
import { getProviderDefinition } from "./lookup.ts";
import { compatibleLine } from "./registry-state.ts";
import { unregisterProvider } from "./register-provider.ts";

const coreDir = resolve(import.meta.dir, "../..");
const ourVersion = (JSON.parse(readFileSync(join(coreDir, "package.json"), "utf8")) as { version: string }).version;
const root = mkdtempSync(join(tmpdir(), "argo-core-lines-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

type CoreCopy = typeof import("../index.ts");

/** Another installed copy of this core, claiming `version`: what a plugin with its own @argo/core brings along. */
async function coreCopy(version: string): Promise<CoreCopy> {
  const dir = join(root, `core-${version}`);
  cpSync(join(coreDir, "src"), join(dir, "src"), { recursive: true, filter: (path) => !path.endsWith(".test.ts") });
  const pkg = JSON.parse(readFileSync(join(coreDir, "package.json"), "utf8")) as Record<string, unknown>;
  writeFileSync(join(dir, "package.json"), JSON.stringify({ ...pkg, version }));
  symlinkSync(join(coreDir, "node_modules"), join(dir, "node_modules"));
  return (await import(join(dir, "src/index.ts"))) as CoreCopy;
}

/** Registers a trading provider through a copy of core, as a plugin's entry module does. */
function registerThrough(core: CoreCopy, name: string, packageName: string): void {
  core.registerProvider(core.defineProvider({
    name, displayName: name, description: "from another copy of core", isPaperTrading: true, kind: "trading",
    configSchema: core.secret() as never, capabilities: {}, packageName, create: () => { throw new Error("unused"); },
  }));
}

function lookupError(name: string, kind?: "trading" | "market-data"): Error {
  try {
    getProviderDefinition(name, kind);
  } catch (error) {
    expect(isArgoError(error, "PROVIDER_NOT_FOUND")).toBe(true);
    return error as Error;
  }
  throw new Error(`${name} was found`);
}

// This copy's line, worked out here from the version: its major.
const [major, minor] = ourVersion.split(".");
const ourLine = major;

describe("registries per compatible line of @argo/core", () => {
  test("the line is the major, below 1.0 too", () => {
    expect(compatibleLine("0.1.0")).toBe("0");
    expect(compatibleLine("0.2.5")).toBe("0");
    expect(compatibleLine("1.4.2")).toBe("1");
    expect(compatibleLine("2.0.0-beta.1")).toBe("2");
  });

  test("a provider registered against another major: the lookup names the package and both versions", async () => {
    registerThrough(await coreCopy("1.0.0"), "v1-paper", "argo-provider-v1");
    const error = lookupError("v1-paper", "trading");
    expect(error.message).toContain(
      `"v1-paper" was registered by argo-provider-v1 against @argo/core 1.x (1.0.0), while this program uses @argo/core ${ourLine}.x: ` +
        `install a version of argo-provider-v1 made for @argo/core ${ourLine}.x`,
    );
    // Looked up as the other kind, it is simply unknown here.
    expect(lookupError("v1-paper", "market-data").message).not.toContain("argo-provider-v1");
  });

  test("another minor or patch of the same major shares this registry", async () => {
    for (const [version, name] of [[`${major}.${Number(minor) + 1}.0`, "next-minor-paper"], [`${major}.${minor}.99`, "same-line-paper"]] as const) {
      registerThrough(await coreCopy(version), name, `argo-provider-${name}`);
      try {
        expect(getProviderDefinition(name, "trading").packageName).toBe(`argo-provider-${name}`);
      } finally {
        unregisterProvider(name);
      }
    }
  });
});
