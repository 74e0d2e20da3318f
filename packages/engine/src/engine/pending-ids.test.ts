import { describe, expect, test } from "bun:test";
import type { OrderRequest } from "@argo/core";
import { PendingIds } from "./pending-ids.ts";

const request: OrderRequest = { symbol: "X", side: "BUY", type: "MARKET", quantity: 1 };

describe("PendingIds", () => {
  test("behaves as a set of strings; deleting from an empty one is false", () => {
    const ids = new PendingIds();
    expect(ids.delete("a")).toBe(false);
    expect(ids.size).toBe(0);
    ids.add("a", request);
    ids.add("b", request);
    ids.add("a", request);
    expect(ids.size).toBe(2);
    expect(ids.has("a")).toBe(true);
    // An equal string built at run time is the same id.
    expect(ids.has(["a"].join(""))).toBe(true);
    expect(ids.delete("a")).toBe(true);
    expect(ids.delete("a")).toBe(false);
    expect(ids.delete("zzz")).toBe(false);
    expect(ids.has("b")).toBe(true);
    expect(ids.size).toBe(1);
  });

  test("keeps set semantics for many ids and back to empty", () => {
    const ids = new PendingIds();
    const all = Array.from({ length: 200 }, (_, i) => `bt-${i.toString(36)}`);
    for (const id of all) ids.add(id, request);
    for (const id of all) ids.add(id, request);
    expect(ids.size).toBe(200);
    for (let i = 0; i < 200; i += 2) expect(ids.delete(all[i]!)).toBe(true);
    expect(ids.size).toBe(100);
    for (let i = 0; i < 200; i++) expect(ids.has(all[i]!)).toBe(i % 2 === 1);
    for (let i = 1; i < 200; i += 2) ids.delete(all[i]!);
    expect(ids.size).toBe(0);
    ids.add("again", request);
    expect(ids.has("again")).toBe(true);
    expect(ids.size).toBe(1);
  });
});
