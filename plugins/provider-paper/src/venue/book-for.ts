import { venueError } from "./errors.ts";
import { createSymbolBook, type SymbolBook } from "./symbol-book.ts";
import { resolveSymbolRules } from "./symbol-rules.ts";
import type { VenueState } from "./venue-state.ts";

/**
 * The book of a symbol that exists at this venue, or UNKNOWN_SYMBOL. A symbol exists when the
 * config lists it in `symbols`, or (without such a list) when the venue has seen a bar for it or
 * has rules for it, so a typo is refused instead of opening an order nothing will ever fill.
 */
export function bookFor(state: VenueState, symbol: string): SymbolBook {
  const book = state.books.get(symbol);
  if (book !== undefined) return book;
  if (typeof symbol !== "string" || symbol.length === 0) {
    throw venueError(state, "INVALID_ORDER", "symbol must be a non-empty string", { field: "symbol" });
  }
  const listed = state.allowed ? state.allowed.has(symbol) : Object.hasOwn(state.config.symbolRules, symbol);
  if (!listed) {
    const known = state.allowed ? [...state.allowed] : [...state.books.keys()];
    throw venueError(
      state,
      "UNKNOWN_SYMBOL",
      `unknown symbol "${symbol}" at ${state.name}; known: ${known.length ? known.slice(0, 20).join(", ") : "none yet (no bar seen)"}`,
      { symbol },
    );
  }
  return openBook(state, symbol);
}

/**
 * The book of `symbol`, opened (with its rules) when it has none yet, without asking whether the symbol exists: for
 * callers that know it does (a recorded fill, a bar, the session's symbols).
 */
export function openBook(state: VenueState, symbol: string): SymbolBook {
  let book = state.books.get(symbol);
  if (book === undefined) {
    book = createSymbolBook(symbol, resolveSymbolRules(state.config, symbol));
    state.books.set(symbol, book);
  }
  return book;
}
