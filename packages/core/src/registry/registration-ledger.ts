import type { ProviderDefinition } from "../contracts/provider-definition.ts";
import { CORE_LINE, CORE_VERSION } from "./registry-state.ts";

/**
 * One registration, as every copy of core records it whatever its version, so a lookup in one line's registry can say
 * that the name it misses was registered against another. The shape is shared by all versions: add fields, never
 * rename or remove one.
 */
export interface Registration {
  name: string;
  kind: string;
  packageName: string;
  /** Version of the @argo/core copy it was registered with. */
  coreVersion: string;
  /** That copy's compatible line (its major). */
  line: string;
}

/** Shared by every version of core (the key holds no version, unlike the registry's). */
export const REGISTRATIONS_KEY: unique symbol = Symbol.for("@argo/core/registrations") as never;

function ledger(): Registration[] {
  const holder = globalThis as unknown as Record<symbol, Registration[] | undefined>;
  let list = holder[REGISTRATIONS_KEY];
  if (!Array.isArray(list)) {
    list = [];
    holder[REGISTRATIONS_KEY] = list;
  }
  return list;
}

/** Records that this copy registered `definition`. */
export function recordRegistration(definition: ProviderDefinition): void {
  ledger().push({ name: definition.name, kind: definition.kind, packageName: definition.packageName, coreVersion: CORE_VERSION, line: CORE_LINE });
}

/** Forgets this line's registration of `name` (it was unregistered). */
export function forgetRegistration(name: string): void {
  const list = ledger();
  for (let i = list.length - 1; i >= 0; i--) if (list[i]?.name === name && list[i]?.line === CORE_LINE) list.splice(i, 1);
}

/** Registrations of `name` made against another line of core (of `kind`, when given); entries another copy garbled are skipped. */
export function registrationsElsewhere(name: string, kind?: string): Registration[] {
  return ledger().filter(
    (entry) =>
      typeof entry === "object" && entry !== null && entry.name === name && typeof entry.line === "string" && entry.line !== CORE_LINE &&
      typeof entry.packageName === "string" && (kind === undefined || entry.kind === kind),
  );
}
