import { secretScrubber, withJsonSpellings } from "@argo/core";

/**
 * Removes known secret values from the text the journal stores. A venue may echo a credential in any string it sends
 * (a rejection reason quoting the request headers), and the journal writes what venues send, so every text column is
 * scrubbed, JSON columns in their serialised form (a secret with a quote or backslash is spelled escaped there).
 */
export class SecretScrubber {
  /** Replaces each secret, as is and as JSON text spells it; the secrets are ordered once, not for every column. */
  private readonly scrub: (text: string) => string;
  /** False without secrets: the journal then stores its text untouched at no cost. */
  readonly active: boolean;

  constructor(secrets: readonly string[]) {
    const spellings = withJsonSpellings(secrets);
    this.scrub = secretScrubber(spellings);
    this.active = spellings.length !== 0;
  }

  /**
   * Plain text (a symbol, an id, a status) with every secret replaced by REDACTED. The value is typed text, but it comes
   * from a venue that may break the contract (a raw exchange id as a number, an object): a number, bigint, boolean or
   * nothing is returned as it is (its spelling is digits or a word, and the JSON columns keep numbers too); anything else
   * becomes text, with or without secrets, since SQLite would store an object as NULL and bytes as a blob no one scrubbed.
   */
  text(value: string): string;
  text(value: string | undefined): string | undefined;
  text(value: string | undefined): string | undefined {
    if (typeof value === "string") return this.active ? this.scrub(value) : value;
    // Only for a venue breaking the contract: what SQLite is handed instead (null: a NOT NULL column then refuses the record, named).
    return (isPlainScalar(value) ? value : this.nonText(value)) as string | undefined;
  }

  /** An object, array, byte array, symbol or function where text belongs: bytes decoded, the rest as JSON; null if neither. */
  private nonText(value: unknown): string | null {
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
      const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      return this.text(new TextDecoder().decode(bytes));
    }
    const json = jsonOf(value);
    return json === undefined ? null : this.json(json);
  }

  /**
   * JSON text with every secret replaced. The text is scrubbed whole (keys and values alike); only when that breaks the
   * JSON (a short secret that matched a number or spanned punctuation) is it rebuilt from the parsed value with each
   * key and string scrubbed instead, so a stored row always parses back.
   */
  json(text: string): string {
    if (!this.active) return text;
    const scrubbed = this.scrub(text);
    if (scrubbed === text) return text;
    if (parses(scrubbed) || !parses(text)) return scrubbed;
    return JSON.stringify(this.deep(JSON.parse(text) as unknown));
  }

  private deep(value: unknown): unknown {
    if (typeof value === "string") return this.scrub(value);
    if (Array.isArray(value)) return value.map((item) => this.deep(item));
    if (value !== null && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) out[this.scrub(key)] = this.deep(item);
      return out;
    }
    return value;
  }
}

/** Values whose text cannot spell a secret and SQLite stores as they are. */
function isPlainScalar(value: unknown): boolean {
  return value === undefined || value === null || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean";
}

/** JSON text of a value, or undefined when it has none (a symbol, a function, a cycle, a bigint inside). */
function jsonOf(value: unknown): string | undefined {
  try {
    return JSON.stringify(value) as string | undefined;
  } catch {
    return undefined;
  }
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
