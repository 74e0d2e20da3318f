import type { Bar, StreamItem } from "@argo/core";

/**
 * Merges per-symbol item streams, each already in time order, into one: bars by openTime, ties in
 * the order the sources are given. An error item is passed on where its source produced it, i.e.
 * right after that source's previous bar. Ending early closes every source.
 */
export async function* mergeByTime(sources: readonly AsyncGenerator<StreamItem>[]): AsyncGenerator<StreamItem> {
  if (sources.length === 1) {
    yield* sources[0]!;
    return;
  }
  const heads: (Bar | undefined)[] = sources.map(() => undefined);
  const errors: StreamItem[] = [];
  // Pulls the source's next bar into `heads`, setting aside error items met on the way.
  const refill = async (i: number): Promise<void> => {
    while (true) {
      const next = await sources[i]!.next();
      if (next.done) {
        heads[i] = undefined;
        return;
      }
      if (next.value.type === "bar") {
        heads[i] = next.value.bar;
        return;
      }
      errors.push(next.value);
    }
  };
  try {
    for (let i = 0; i < sources.length; i++) await refill(i);
    while (true) {
      if (errors.length > 0) yield* errors.splice(0);
      let pick = -1;
      for (let i = 0; i < heads.length; i++) {
        const head = heads[i];
        // Strictly less keeps ties in source order.
        if (head !== undefined && (pick < 0 || head.openTime < heads[pick]!.openTime)) pick = i;
      }
      if (pick < 0) return;
      const bar = heads[pick]!;
      yield { type: "bar", bar };
      await refill(pick);
    }
  } finally {
    await Promise.all(sources.map((source) => source.return(undefined)));
  }
}
