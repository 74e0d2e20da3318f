/**
 * An abort reason as one line of text: an Error's message (its name when the message is empty), anything else as
 * String(reason). Never an object dump, and never a throw (an object without a prototype has no toString).
 */
export function reasonText(reason: unknown): string {
  if (reason instanceof Error) return reason.message || reason.name;
  try {
    return String(reason);
  } catch {
    return Object.prototype.toString.call(reason);
  }
}
