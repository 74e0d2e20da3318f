import { describe, expect, test } from "bun:test";
import { Glob } from "bun";
import { join } from "node:path";
import { publishOrder, type WorkspacePackage } from "./publish-order.ts";

const pkg = (name: string, deps: Partial<Pick<WorkspacePackage, "dependencies" | "peerDependencies" | "optionalDependencies">> & { devDependencies?: Record<string, string> } = {}) =>
  ({ name, version: "1.0.0", ...deps }) as WorkspacePackage;
const names = (list: readonly WorkspacePackage[]) => list.map((p) => p.name);

describe("publishOrder", () => {
  test("dependencies and peer dependencies come before their dependents, whatever order the files were found in", () => {
    const app = pkg("@argo/app", { dependencies: { "@argo/engine": "workspace:^", "@argo/provider-paper": "workspace:^" } });
    const engine = pkg("@argo/engine", { dependencies: { "@argo/core": "workspace:^" } });
    const paper = pkg("@argo/provider-paper", { peerDependencies: { "@argo/core": "workspace:^" } });
    const core = pkg("@argo/core");
    expect(names(publishOrder([app, paper, engine, core]))).toEqual(["@argo/core", "@argo/engine", "@argo/provider-paper", "@argo/app"]);
    expect(names(publishOrder([core, engine, paper, app]))).toEqual(["@argo/core", "@argo/engine", "@argo/provider-paper", "@argo/app"]);
  });

  test("a dev dependency does not order (a consumer never installs it); outside packages are ignored", () => {
    const a = pkg("a", { devDependencies: { b: "workspace:^" }, dependencies: { valibot: "^1" } });
    const b = pkg("b", { optionalDependencies: { c: "workspace:^" } });
    const c = pkg("c");
    expect(names(publishOrder([c, b, a]))).toEqual(["a", "c", "b"]);
  });

  test("a cycle is refused, naming it", () => {
    const a = pkg("a", { dependencies: { b: "1" } });
    const b = pkg("b", { peerDependencies: { a: "1" } });
    expect(() => publishOrder([a, b])).toThrow("workspace dependency cycle: a -> b -> a");
  });

  test("this workspace's public packages: each comes after every workspace package it needs at runtime", async () => {
    const root = join(import.meta.dir, "../..");
    const found: WorkspacePackage[] = [];
    for (const pattern of ["packages/*/package.json", "plugins/*/package.json", "apps/*/package.json"]) {
      for await (const file of new Glob(pattern).scan({ cwd: root })) found.push(await Bun.file(join(root, file)).json());
    }
    const order = names(publishOrder(found));
    expect(order.length).toBe(found.length);
    expect(order.indexOf("@argo/core")).toBe(0);
    let checked = 0;
    for (const p of found) {
      for (const dep of Object.keys({ ...p.dependencies, ...p.peerDependencies })) {
        if (!order.includes(dep)) continue;
        expect(order.indexOf(dep)).toBeLessThan(order.indexOf(p.name));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3);
  });
});
