// Kept apart from leaky-live-provider.ts for the same reason as fake-live-creations.ts: the test flips the switch
// without importing (and so registering) the plugin, which the runner must load itself through `plugins:`.
const KEY = Symbol.for("argo-test/leaky-live-mode");
const holder = globalThis as Record<symbol, LeakyLiveMode | undefined>;

/**
 * How every leaky-live venue of this process answers order calls: "trading" on the paper simulator; "failing", every
 * order call fails with an error that echoes its secrets; "rejecting", every order is refused with a REJECTED order
 * whose reason echoes them.
 */
export type LeakyLiveMode = "trading" | "failing" | "rejecting";

/** The current mode ("trading" until a test sets another). */
export function leakyLiveMode(): LeakyLiveMode {
  return holder[KEY] ?? "trading";
}

/** Sets the mode of every leaky-live venue of this process. */
export function setLeakyLiveMode(mode: LeakyLiveMode): void {
  holder[KEY] = mode;
}
