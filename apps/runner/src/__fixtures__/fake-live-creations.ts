// Kept apart from fake-live-provider.ts: a test reads the count without importing (and so registering) the plugin,
// which the runner must load itself through `plugins:`.
const KEY = Symbol.for("argo-test/fake-live-creations");
const holder = globalThis as Record<symbol, number | undefined>;

/** How many fake-live venues this process created so far. */
export function fakeLiveCreations(): number {
  return holder[KEY] ?? 0;
}

/** Counts one more fake-live venue. */
export function countFakeLiveCreation(): void {
  holder[KEY] = fakeLiveCreations() + 1;
}
