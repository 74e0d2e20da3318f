// Kept apart from leaky-live-provider.ts for the same reason as fake-live-creations.ts: the test flips the switch
// without importing (and so registering) the plugin, which the runner must load itself through `plugins:`.
const KEY = Symbol.for("argo-test/leaky-live-armed");
const holder = globalThis as Record<symbol, boolean | undefined>;

/** True while leaky-live venues fail every order call with an error that echoes their secrets. */
export function leakyLiveArmed(): boolean {
  return holder[KEY] === true;
}

/** Arms (or disarms) the failures of every leaky-live venue of this process. */
export function armLeakyLive(armed: boolean): void {
  holder[KEY] = armed;
}

const REJECT_KEY = Symbol.for("argo-test/leaky-live-rejects");

/** True while leaky-live venues refuse every order with a REJECTED order whose reason echoes their secrets. */
export function leakyLiveRejects(): boolean {
  return holder[REJECT_KEY] === true;
}

/** Turns the echoing refusals of every leaky-live venue of this process on (or off). */
export function armLeakyRejections(on: boolean): void {
  holder[REJECT_KEY] = on;
}
