import { describe, expect, test } from "bun:test";
import { rangeAdmits, specRange } from "./core-range.ts";

// Each expectation is read off the semver rules by hand: ^X.Y.Z with X ≥ 1 admits X.*.* from X.Y.Z up; Argo's 0.x line
// (packages/core registry-state.ts) admits any 0.x core at or above a 0.x range's lower bound.
describe("whether a plugin's @argo/core range admits the installed core", () => {
  test("a range for another major is not admitted, either way round", () => {
    expect(rangeAdmits("^1.0.0", "0.1.0")).toBe(false);
    expect(rangeAdmits("^0.1.0", "1.0.0")).toBe(false);
    expect(rangeAdmits("^1.0.0", "2.3.0")).toBe(false);
    expect(rangeAdmits(">=2", "1.9.9")).toBe(false);
  });

  test("a range the version satisfies is admitted", () => {
    expect(rangeAdmits("^0.1.0", "0.1.0")).toBe(true);
    expect(rangeAdmits("^1.2.0", "1.7.3")).toBe(true);
    expect(rangeAdmits(">=0.1.0 <2", "1.5.0")).toBe(true);
    expect(rangeAdmits("^2.0.0 || ^1.0.0", "1.0.0")).toBe(true);
  });

  test("a range asking for a newer core of the same major is not admitted", () => {
    expect(rangeAdmits("^1.2.0", "1.1.0")).toBe(false);
    expect(rangeAdmits("^0.2.0", "0.1.0")).toBe(false);
    expect(rangeAdmits(">0.1.0", "0.1.0")).toBe(false);
  });

  test("while core is 0.x, a plugin made for an earlier 0.x keeps working (semver alone would refuse ^0.1.0 under 0.2.0)", () => {
    expect(Bun.semver.satisfies("0.2.0", "^0.1.0")).toBe(false);
    expect(rangeAdmits("^0.1.0", "0.2.0")).toBe(true);
    expect(rangeAdmits("~0.0.3", "0.1.0")).toBe(true);
    expect(rangeAdmits("0.1.x", "0.4.2")).toBe(true);
    expect(rangeAdmits("^2.0.0 || ^0.1.0", "0.3.0")).toBe(true);
  });

  test("a prerelease core is admitted by a range for its release", () => {
    expect(rangeAdmits("^1.0.0", "1.0.0-rc.1")).toBe(true);
    expect(rangeAdmits("^2.0.0", "1.0.0-rc.1")).toBe(false);
  });
});

describe("the range a dependency spec stands for", () => {
  test("a local build (workspace:, file:, link:), a git or URL spec and a dist-tag name no range", () => {
    for (const spec of ["workspace:^", "workspace:*", "file:../core", "link:../core", "github:argo/core", "git+https://x.example/core.git", "latest"]) {
      expect(specRange(spec)).toBeUndefined();
    }
    expect(specRange(5)).toBeUndefined();
    expect(specRange(undefined)).toBeUndefined();
  });

  test("a version range is kept, and an npm: alias gives the range after its last @", () => {
    expect(specRange(" ^1.0.0 ")).toBe("^1.0.0");
    expect(specRange(">=0.1.0 <2")).toBe(">=0.1.0 <2");
    expect(specRange("npm:@argo/core@^1.0.0")).toBe("^1.0.0");
  });
});
