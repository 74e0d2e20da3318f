import { type TextProblem, lineColumn } from "./text-problem.ts";

// JSON's grammar (RFC 8259), enough to say where a text goes wrong: JSON.parse says only what it found, quoting it, and
// keeps the last of a key written twice without a word.
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;

class Found {
  constructor(readonly offset: number, readonly problem: string, readonly duplicate?: { key: string; firstOffset: number }) {}
}

/** The first syntax error or repeated key of a JSON text, with its line and column; undefined when there is none. */
export function findJsonProblem(text: string): TextProblem | undefined {
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const fail = (problem: string): never => {
    throw new Found(i, i >= text.length ? "the text ends too early" : problem);
  };

  const string = (): string => {
    const start = i;
    i++;
    STRING_BODY.lastIndex = i;
    STRING_BODY.exec(text);
    i = STRING_BODY.lastIndex;
    if (text[i] !== '"') fail(text[i] === "\\" ? "invalid escape in a string" : "a string is not closed (or holds a control character)");
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };

  const value = (path: string): void => {
    skipSpace();
    const c = text[i];
    if (c === "{") return object(path);
    if (c === "[") return array(path);
    if (c === '"') return void string();
    NUMBER.lastIndex = i;
    if (NUMBER.exec(text)) {
      i = NUMBER.lastIndex;
      return;
    }
    const word = ["true", "false", "null"].find((w) => text.startsWith(w, i));
    if (word) {
      i += word.length;
      return;
    }
    fail("expected a value (text in double quotes, a number, true, false, null, an object or a list)");
  };

  const object = (path: string): void => {
    i++;
    const seen = new Map<string, number>();
    skipSpace();
    if (text[i] === "}") return void i++;
    for (;;) {
      skipSpace();
      if (text[i] !== '"') fail("expected a key in double quotes");
      const at = i;
      const key = string();
      const keyPath = path ? `${path}.${key}` : key;
      const first = seen.get(key);
      if (first !== undefined) throw new Found(at, "a key is written twice", { key: keyPath, firstOffset: first });
      seen.set(key, at);
      skipSpace();
      if (text[i] !== ":") fail("expected ':' after the key");
      i++;
      value(keyPath);
      skipSpace();
      if (text[i] === ",") i++;
      else if (text[i] === "}") return void i++;
      else fail("expected ',' or '}'");
    }
  };

  const array = (path: string): void => {
    i++;
    skipSpace();
    if (text[i] === "]") return void i++;
    for (let n = 0; ; n++) {
      value(path ? `${path}.${n}` : String(n));
      skipSpace();
      if (text[i] === ",") i++;
      else if (text[i] === "]") return void i++;
      else fail("expected ',' or ']'");
    }
  };

  try {
    value("");
    skipSpace();
    if (i < text.length) fail("unexpected text after the end of the value");
    return undefined;
  } catch (error) {
    // Anything else (a stack overflow on absurd nesting) is left to JSON.parse to report.
    if (!(error instanceof Found)) return undefined;
    const at = lineColumn(text, error.offset);
    return {
      ...at,
      problem: error.problem,
      ...(error.duplicate ? { duplicate: { key: error.duplicate.key, firstLine: lineColumn(text, error.duplicate.firstOffset).line } } : {}),
    };
  }
}
