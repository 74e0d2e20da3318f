import { expect, test } from "bun:test";
import { EvictionRing } from "./eviction-ring.ts";

test("an eviction ring gives back nothing until full, then the oldest id for each new one, in order", () => {
  const ring = new EvictionRing(3);
  expect(["a", "b", "c"].map((id) => ring.add(id))).toEqual([undefined, undefined, undefined]);
  expect(["d", "e", "f", "g"].map((id) => ring.add(id))).toEqual(["a", "b", "c", "d"]);
});
