import type { BracketLeg } from "@argo/core";
import type { Signal } from "./signal.ts";
import type { OrderInput } from "./strategy-context.ts";

// The fields each shape takes, typed against its TypeScript type: a field added to the type and not here (or listed here
// and not there) does not compile, so the check never refuses a real field nor lets a new one through unlisted.
const ORDER_FIELDS = {
  symbol: true, side: true, type: true, quantity: true, quoteAmount: true, equityFraction: true, limitPrice: true, stopPrice: true,
  timeInForce: true, clientOrderId: true, takeProfit: true, stopLoss: true, positionSide: true, reason: true, strategyName: true,
} as const satisfies Record<keyof OrderInput, true>;

const SIGNAL_FIELDS = {
  action: true, symbol: true, type: true, quantity: true, quoteAmount: true, equityFraction: true, limitPrice: true, stopPrice: true,
  timeInForce: true, takeProfit: true, stopLoss: true, reason: true, clientOrderId: true,
} as const satisfies Record<keyof Signal, true>;

const LEG_FIELDS = { triggerPrice: true, limitPrice: true } as const satisfies Record<keyof BracketLeg, true>;

/**
 * Why an order the strategy built has a field no order takes (a misspelt `stop_loss` would otherwise be dropped and the
 * order placed without its stop), its bracket legs' included; undefined when every field is known.
 */
export function unknownOrderField(input: object): string | undefined {
  return unknownField(input, ORDER_FIELDS, "") ?? unknownLegField(input as OrderInput);
}

/** Why a signal has a field no signal takes, its bracket legs' included (see {@link unknownOrderField}); undefined when none. */
export function unknownSignalField(signal: object): string | undefined {
  return unknownField(signal, SIGNAL_FIELDS, "") ?? unknownLegField(signal as Signal);
}

function unknownLegField(fields: { takeProfit?: BracketLeg; stopLoss?: BracketLeg }): string | undefined {
  // A leg that is no object is the venue's to refuse (it checks the leg's prices); only its keys are looked at here.
  const { takeProfit, stopLoss } = fields;
  if (typeof takeProfit === "object" && takeProfit !== null) {
    const problem = unknownField(takeProfit, LEG_FIELDS, "takeProfit.");
    if (problem !== undefined) return problem;
  }
  if (typeof stopLoss === "object" && stopLoss !== null) return unknownField(stopLoss, LEG_FIELDS, "stopLoss.");
  return undefined;
}

/** The first own key of `value` that `known` lacks, as a message naming it (`path` prefixes the names) with a near match. */
function unknownField(value: object, known: Readonly<Record<string, true>>, path: string): string | undefined {
  // Own enumerable keys: what a spread copies into the request, so what could carry a misspelt field along.
  for (const key in value) {
    if (!Object.hasOwn(value, key) || Object.hasOwn(known, key)) continue;
    const near = nearMatch(key, known);
    const hint = near !== undefined ? `did you mean ${path}${near}?` : `known fields: ${Object.keys(known).join(", ")}`;
    return `unknown field "${path}${key}" (${hint})`;
  }
  return undefined;
}

/** The known key equal to `key` but for case, underscores and dashes (`stop_loss`, `StopLoss` → stopLoss). */
function nearMatch(key: string, known: Readonly<Record<string, true>>): string | undefined {
  const wanted = fold(key);
  for (const name of Object.keys(known)) if (fold(name) === wanted) return name;
  return undefined;
}

function fold(name: string): string {
  return name.replace(/[_-]/g, "").toLowerCase();
}
