// The dashboard's number formatting, as browser source: the page script embeds it, and the tests evaluate the very
// same text, so what they check is what the browser runs. Plain ES2020, no template literals (see dashboard-script.ts).

/** Significant digits a price or quantity keeps: enough for 0.00001234 (SHIB) and 0.00004 (BTC) alike. */
export const AMOUNT_SIGNIFICANT_DIGITS = 8;

/**
 * Browser source defining `formatAmount(n, minFraction, locale)`: a price or quantity with up to 8 significant digits
 * (never fewer than its integer digits, never fewer than `minFraction` decimals), grouped, never in scientific
 * notation; "–" for anything that is not a finite number. `locale` undefined is the browser's.
 */
export const FORMAT_AMOUNT_SCRIPT = String.raw`
function formatAmount(n, minFraction, locale) {
  if (typeof n !== "number" || !Number.isFinite(n)) return "–";
  const abs = Math.abs(n);
  // Decimals that reach the 8th significant digit: 97123.456789 needs 3, 0.00001234 needs 8 after its 4 zeros.
  const magnitude = abs === 0 ? 0 : Math.floor(Math.log10(abs));
  const fraction = Math.min(20, Math.max(minFraction, ${AMOUNT_SIGNIFICANT_DIGITS} - 1 - magnitude));
  return n.toLocaleString(locale, { minimumFractionDigits: minFraction, maximumFractionDigits: fraction });
}
`;
