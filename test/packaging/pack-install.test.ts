import { expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "./run.ts";

const root = join(import.meta.dir, "../..");

// The path a user takes: `bun add @argo/core argo-provider-example` in a project of their own,
// outside this workspace, from the tarballs `bun publish` would upload.
test("packed @argo/core and the example plugin install into a fresh project and register there", () => {
  const work = mkdtempSync(join(tmpdir(), "argo-pack-"));
  try {
    run(["bun", "run", "build"], join(root, "packages/core"));
    const coreTgz = run(["bun", "pm", "pack", "--quiet", "--destination", work], join(root, "packages/core")).trim().split("\n").pop()!;
    const pluginTgz = run(["bun", "pm", "pack", "--quiet", "--destination", work], join(root, "examples/argo-provider-example")).trim().split("\n").pop()!;
    const app = join(work, "app");
    mkdirSync(app);
    writeFileSync(
      join(app, "package.json"),
      JSON.stringify({ name: "my-bot", private: true, type: "module", dependencies: { "@argo/core": `file:${coreTgz}`, "argo-provider-example": `file:${pluginTgz}` } }),
    );
    // Offline: the workspace install already put valibot in Bun's cache; tests never reach a registry.
    run(["bun", "install", "--offline"], app);
    writeFileSync(
      join(app, "main.ts"),
      [
        'import "argo-provider-example";',
        'import { listProviders, providerConfigJsonSchema } from "@argo/core";',
        'const info = listProviders("trading").find((p) => p.name === "example");',
        "console.log(JSON.stringify({ info, schema: providerConfigJsonSchema(\"example\") }));",
      ].join("\n"),
    );
    const out = JSON.parse(run(["bun", "main.ts"], app));
    expect(out.info).toMatchObject({ name: "example", kind: "trading", packageName: "argo-provider-example", isPaperTrading: true });
    expect(out.schema.properties.apiToken.writeOnly).toBe(true);
    expect(out.schema.required).toEqual(["initialCash", "symbols"]);
    // Other runtimes get the built JavaScript: Node imports @argo/core from dist.
    const node = run(["node", "--input-type=module", "-e", 'import("@argo/core").then((c) => console.log(typeof c.registerProvider, typeof c.isArgoError))'], app);
    expect(node.trim()).toBe("function function");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}, 120_000);
