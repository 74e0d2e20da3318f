import { expect, test } from "bun:test";
import { escapeHtml, jsonForScript, jsonNumberReplacer } from "./escape.ts";

test("escapeHtml escapes the five HTML specials", () => {
  expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
});

test("jsonForScript cannot close a script element and still parses back to the same value", () => {
  const value = { s: "</script><!-- & \u2028 >", n: [1, Infinity, Number.NaN] };
  const json = jsonForScript(value);
  expect(json).not.toMatch(/[<>&\u2028]/);
  expect(JSON.parse(json)).toEqual({ s: value.s, n: [1, "Infinity", null] });
});

test("non-finite numbers become null or signed Infinity strings", () => {
  expect(JSON.stringify([Number.NaN, -Infinity, 2], jsonNumberReplacer)).toBe('[null,"-Infinity",2]');
});
