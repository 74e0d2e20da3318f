/** True for what a sync-or-async callback returns when it is async: anything with a `then` method. */
export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return value !== undefined && value !== null && typeof (value as PromiseLike<unknown>).then === "function";
}
