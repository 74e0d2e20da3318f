import { defineStrategy } from "@argo/engine";
import * as v from "valibot";

let announced = false;

/** Places nothing; says on stderr once it has seen its first bar, so a spawned backtest can be signalled mid-run. */
export default defineStrategy({
  name: "announcing",
  description: "says when the first bar came, trades nothing",
  config: v.object({}),
  onBar() {
    if (announced) return;
    announced = true;
    process.stderr.write("announcing: first bar\n");
  },
});
