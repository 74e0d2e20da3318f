import type { StreamItem } from "@argo/core";

/**
 * One source's items from a resumed position on: the bars up to `after` are skipped, and so are the error items that
 * come before a skipped bar (the consumer passed them, and reported them, before it held that bar). An error item after
 * the last skipped bar is kept: the consumer may have stopped before it.
 */
export async function* skipDelivered(items: AsyncGenerator<StreamItem>, after: number): AsyncGenerator<StreamItem> {
  try {
    const held: StreamItem[] = [];
    for (;;) {
      const next = await items.next();
      if (next.done) {
        yield* held;
        return;
      }
      const item = next.value;
      if (item.type !== "bar") held.push(item);
      else if (item.bar.openTime <= after) held.length = 0;
      else {
        yield* held;
        yield item;
        break;
      }
    }
    yield* items;
  } finally {
    await items.return(undefined);
  }
}
