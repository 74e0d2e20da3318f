// prepack of @argo/runner: the embedded demo (`argo run` with no arguments) must ship inside the package,
// so the repository's examples/demo.yaml and the strategy it names are copied into apps/runner/demo/.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dir, "..");
const target = join(root, "apps/runner/demo");
rmSync(target, { recursive: true, force: true });
mkdirSync(join(target, "strategies"), { recursive: true });
cpSync(join(root, "examples/demo.yaml"), join(target, "demo.yaml"));
cpSync(join(root, "examples/strategies/sma-cross.ts"), join(target, "strategies/sma-cross.ts"));
