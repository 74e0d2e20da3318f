import { intervalToMs } from "@argo/core";
import * as v from "valibot";

/** True when `text` is a bar interval core understands ("1m", "4h", "1d"). */
function isInterval(text: string): boolean {
  try {
    intervalToMs(text);
    return true;
  } catch {
    return false;
  }
}

/** Config field holding a bar interval such as "1m", "1h" or "1d". */
export function intervalSchema(description: string) {
  return v.pipe(
    v.string("must be a string"),
    v.check(isInterval, 'must be a bar interval: a positive number and a unit s, m, h, d, w or M, e.g. "1m", "1h", "1d"'),
    v.description(description),
  );
}
