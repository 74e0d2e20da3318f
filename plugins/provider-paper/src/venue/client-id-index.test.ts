import { describe, expect, test } from "bun:test";
import type { Order } from "@argo/core";
import { ClientIdIndex, hashString } from "./client-id-index.ts";
import type { OrderRecord } from "./order-record.ts";

/** Just what the index reads of a record: its number and its order's client id. */
function record(seq: number, clientOrderId: string): OrderRecord {
  return { seq, order: { clientOrderId } as Order } as OrderRecord;
}

function indexOf(ids: string[]): { index: ClientIdIndex; byNumber: OrderRecord[] } {
  const byNumber: OrderRecord[] = [];
  const index = new ClientIdIndex(byNumber);
  for (const id of ids) {
    const rec = record(byNumber.length + 1, id);
    byNumber.push(rec);
    index.add(rec);
  }
  return { index, byNumber };
}

describe("client id index", () => {
  test("finds every id added, across many growths, and nothing else", () => {
    // 5,000 ids: the table starts at 1,024 slots and must double three times.
    const ids = Array.from({ length: 5_000 }, (_, i) => `id-${i}`);
    const { index, byNumber } = indexOf(ids);
    for (let i = 0; i < ids.length; i++) expect(index.get(ids[i]!)).toBe(byNumber[i]);
    for (let i = 5_000; i < 6_000; i++) expect(index.get(`id-${i}`)).toBeUndefined();
    expect(index.get("")).toBeUndefined();
    expect(index.get("ID-1")).toBeUndefined();
  });

  test("ids built at run time (not the same string object) are found by their content", () => {
    const { index, byNumber } = indexOf(["abc-1", "é-ü-✓"]);
    const parts = ["abc", "-", String(1)];
    expect(index.get(parts.join(""))).toBe(byNumber[0]);
    expect(index.get(["é", "ü", "✓"].join("-"))).toBe(byNumber[1]);
  });

  test("ids whose hashes are equal are still told apart by their text", () => {
    // Two ids with the same 32-bit hash, found by searching "o0" … "o2097151" (a change of hash function
    // needs a new pair: the first assertion says so).
    const [a, b] = ["o579599", "o762382"];
    expect(hashString(a)).toBe(hashString(b));
    const only = indexOf([a]);
    expect(only.index.get(b)).toBeUndefined();
    const both = indexOf([a, b]);
    expect(both.index.get(a)).toBe(both.byNumber[0]);
    expect(both.index.get(b)).toBe(both.byNumber[1]);
    expect(indexOf([b, a]).index.get(a)?.seq).toBe(2);
  });

  test("a non-string id finds nothing", () => {
    const { index } = indexOf(["1"]);
    expect(index.get(1 as unknown as string)).toBeUndefined();
    expect(index.get(undefined as unknown as string)).toBeUndefined();
  });
});
