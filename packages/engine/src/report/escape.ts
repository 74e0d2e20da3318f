const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Replaces non-finite numbers (which JSON cannot hold) by null, or by the strings "Infinity"/"-Infinity". */
export function jsonNumberReplacer(_key: string, value: unknown): unknown {
  if (typeof value !== "number" || Number.isFinite(value)) return value;
  return Number.isNaN(value) ? null : value > 0 ? "Infinity" : "-Infinity";
}

/**
 * JSON that is safe inside a `<script>` element: `<`, `>`, `&` and the JavaScript line separators are
 * written as \u escapes, so no data can close the element or open a comment.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value, jsonNumberReplacer)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
