import { asRecord } from "./as-record.ts";
import { sessionProviders } from "./session-providers.ts";

type Raw = Record<string, unknown>;
type Flags = Record<string, string | boolean | string[] | undefined>;

/** Each `--*-config` flag, the section it replaces and, for a provider's, which provider that section belongs to. */
const SECTION_FLAGS = [
  { flag: "strategy-config", section: "strategy", provider: undefined },
  { flag: "trading-config", section: "trading", provider: "trading" },
  { flag: "market-data-config", section: "market_data", provider: "marketData" },
] as const;

const isMapping = (value: unknown): value is Raw => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * One line per `--*-config` flag whose value lacks keys the config had in that section:
 * `--strategy-config replaces strategy.config from config.yaml; not in it: sizing`. The flag replaces the whole section
 * (a config given on the command line is a whole config, another venue's file say), so the run says what that drops.
 * `before` is the config before the flags, `after` with them; `source` names where `before` came from. A section whose
 * provider a flag changed is not counted: its config was another provider's.
 */
export function replacedSectionNotices(before: Raw, after: Raw, flags: Flags, source: string): string[] {
  const was = sessionProviders(before);
  const now = sessionProviders(after);
  const notices: string[] = [];
  for (const { flag, section, provider } of SECTION_FLAGS) {
    if (typeof flags[flag] !== "string" || flags[flag] === "") continue;
    if (provider !== undefined && was[provider] !== now[provider]) continue;
    const dropped = droppedKeys(asRecord(before[section]).config, asRecord(after[section]).config);
    if (dropped.length > 0) notices.push(`--${flag} replaces ${section}.config from ${source}; not in it: ${dropped.join(", ")}`);
  }
  return notices;
}

/** Keys of `old` that `now` lacks, as dotted paths, looking inside mappings both have (a list is one value). */
function droppedKeys(old: unknown, now: unknown, prefix = ""): string[] {
  if (!isMapping(old)) return [];
  const kept = isMapping(now) ? now : {};
  return Object.entries(old).flatMap(([key, value]) =>
    Object.hasOwn(kept, key) ? droppedKeys(value, kept[key], `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}
