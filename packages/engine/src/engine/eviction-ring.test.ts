import { expect, test } from "bun:test";
import { EvictionRing, RecentIds } from "./eviction-ring.ts";

test("an eviction ring gives back nothing until full, then the oldest id for each new one, in order", () => {
  const ring = new EvictionRing(3);
  expect(["a", "b", "c"].map((id) => ring.add(id))).toEqual([undefined, undefined, undefined]);
  expect(["d", "e", "f", "g"].map((id) => ring.add(id))).toEqual(["a", "b", "c", "d"]);
});

test("recent ids keep the last ones added: the oldest leaves as a new one comes, one already there is not added twice", () => {
  const recent = new RecentIds(2);
  recent.add("a");
  recent.add("b");
  recent.add("a"); // already there: must not take a second place in the ring
  expect([recent.has("a"), recent.has("b"), recent.size]).toEqual([true, true, 2]);
  recent.add("c");
  expect([recent.has("a"), recent.has("b"), recent.has("c"), recent.size]).toEqual([false, true, true, 2]);
  recent.add("d");
  expect([recent.has("b"), recent.has("c"), recent.has("d")]).toEqual([false, true, true]);
});
