import type { OrderResult } from "../strategy/strategy-context.ts";

/**
 * Halvings tried after the venue refuses a whole close: pieces down to 1/1024 of the position. A venue capping the
 * quantity per order accepts a piece once it is under the cap; a leftover under its minimum order value never is, and
 * each try is one more refused order, so the search stays short.
 */
const MAX_HALVINGS = 10;
/** Decimals a quantity is read to (a satoshi has 8; float noise sits past 12). */
const MAX_DECIMALS = 12;

/** What became of a close sent in one order or, where the venue refused that, in pieces. */
export interface CloseOutcome {
  /** Client ids of the close orders the venue took. */
  ids: string[];
  /** Orders the venue refused on the way (each counted in `ordersRejected`). */
  refusals: number;
  /** Size of the pieces, when the whole close was refused and smaller ones were taken. */
  piece?: number;
  /** The venue's refusal of the first order of the whole close, when there was one. */
  firstRefusal?: string;
  /** What is left unclosed after the last refusal, and the venue's reason for it. */
  refused?: { quantity: number; reason: string };
}

/**
 * Closes `quantity` through `place` (one market order of the given size): in one order, else, after the venue refused
 * it, in equal pieces and a remainder. The venue's quantity limit is not part of the trading contract, so the piece is
 * searched for: first what `hint` gives (an earlier fill's quantity: the venue took an order that size, on its lot grid, whatever
 * the grid), then q/2, q/4, … (rounded down to the quantity's own decimals, so that a piece stays on a lot grid of whole
 * powers of ten that the position is on), up to {@link MAX_HALVINGS} times. The first size taken is sent until what is
 * left is smaller; a piece refused then (a leftover under the minimum order value) ends the close.
 */
export async function closeInPieces(
  quantity: number,
  place: (quantity: number) => Promise<OrderResult>,
  hint?: () => number | undefined,
): Promise<CloseOutcome> {
  const ids: string[] = [];
  const whole = await place(quantity);
  if (whole.status === "placed") return { ids: [whole.order.clientOrderId], refusals: 0 };
  const firstRefusal = refusalOf(whole);
  let refusals = 1;
  let piece: number | undefined;
  // Looked for only now: most closes are taken whole.
  const hinted = hint?.();
  const sizes = hinted !== undefined && hinted > 0 && hinted < quantity ? [hinted] : [];
  // Read to the finer of the two: a position of 3 made of fills of 1.5 must leave 1.5 after one, not 3 − 1.5 rounded to 2
  // (the closes would then sell 4 and flip it).
  const decimals = Math.max(decimalsOf(quantity), sizes.length === 0 ? 0 : decimalsOf(sizes[0]!));
  for (let k = 1; k <= MAX_HALVINGS; k++) sizes.push(floorTo(quantity / 2 ** k, decimals));
  for (const size of sizes) {
    if (!(size > 0)) break;
    const result = await place(size);
    if (result.status === "placed") {
      ids.push(result.order.clientOrderId);
      piece = size;
      break;
    }
    refusals++;
  }
  if (piece === undefined) return { ids, refusals, firstRefusal, refused: { quantity, reason: firstRefusal } };
  let left = roundTo(quantity - piece, decimals);
  while (left > 0) {
    const size = left > piece ? piece : left;
    const result = await place(size);
    if (result.status !== "placed") {
      return { ids, refusals: refusals + 1, piece, firstRefusal, refused: { quantity: left, reason: refusalOf(result) } };
    }
    ids.push(result.order.clientOrderId);
    left = roundTo(left - size, decimals);
  }
  return { ids, refusals, piece, firstRefusal };
}

function refusalOf(result: Exclude<OrderResult, { status: "placed" }>): string {
  return result.reason;
}

/** The decimals `quantity` is written with (0.3 → 1, 20 → 0), reading past float noise. */
export function decimalsOf(quantity: number): number {
  for (let d = 0; d < MAX_DECIMALS; d++) {
    const scaled = quantity * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, scaled)) return d;
  }
  return MAX_DECIMALS;
}

function floorTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  // The nudge keeps 0.3 / 2 * 10 = 1.4999999999999998 from flooring a whole unit lower than it reads.
  return Math.floor(value * scale + 1e-9) / scale;
}

function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
