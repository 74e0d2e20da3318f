import type * as v from "valibot";

/**
 * What a failed valibot check means, in words, for a schema that gave it no message of its own (`v.nonEmpty()`):
 * valibot's fallback is "invalid non empty: expected !0, received 0", which names the check's code and the input's
 * length, not what to write. Undefined for a check this does not know: the caller keeps its generic wording.
 */
export function readableCheck(issue: v.BaseIssue<unknown>): string | undefined {
  const requirement = (issue as { requirement?: unknown }).requirement;
  const amount = typeof requirement === "number" || typeof requirement === "bigint" ? String(requirement) : undefined;
  const unit = `${typeof issue.input === "string" ? "character" : "item"}${amount === "1" ? "" : "s"}`;
  switch (issue.type) {
    case "non_empty":
      return "must not be empty";
    case "integer":
      return "must be a whole number";
    case "finite":
      return "must be a finite number";
    case "safe_integer":
      return "must be a whole number within ±9007199254740991";
    case "min_value":
      return amount === undefined ? undefined : `must be ${amount} or more`;
    case "max_value":
      return amount === undefined ? undefined : `must be ${amount} or less`;
    case "gt_value":
      return amount === undefined ? undefined : `must be more than ${amount}`;
    case "lt_value":
      return amount === undefined ? undefined : `must be less than ${amount}`;
    case "min_length":
      return amount === undefined ? undefined : `must have at least ${amount} ${unit}`;
    case "max_length":
      return amount === undefined ? undefined : `must have at most ${amount} ${unit}`;
    default:
      return undefined;
  }
}
