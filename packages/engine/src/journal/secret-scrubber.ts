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

  /** Plain text (a symbol, an id, a status) with every secret replaced by REDACTED. */
  text(value: string): string;
  text(value: string | undefined): string | undefined;
  text(value: string | undefined): string | undefined {
    return !this.active || value === undefined ? value : this.scrub(value);
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

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
