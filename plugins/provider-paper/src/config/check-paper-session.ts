import type { ConfigIssue, ProviderSession } from "@argo/core";
import type { PaperConfig } from "./paper-config-schema.ts";

/**
 * What the paper venue would refuse or ignore in this session, found before it runs (the paper provider's
 * checkSession): a session symbol missing from a given `symbols` list (every order for it would be refused
 * UNKNOWN_SYMBOL), and a `symbolRules` entry for a symbol the session does not trade (a rule that never applies,
 * almost always a misspelt symbol).
 */
export function checkPaperSession(config: PaperConfig, session: ProviderSession): ConfigIssue[] {
  const traded = [...new Set(session.symbols)];
  const named = traded.join(", ");
  const issues: ConfigIssue[] = [];
  if (config.symbols !== undefined) {
    const listed = new Set(config.symbols);
    const missing = traded.filter((symbol) => !listed.has(symbol));
    if (missing.length > 0) {
      const one = missing.length === 1;
      const them = one ? "it" : "them";
      issues.push({
        path: "symbols",
        message: `does not list ${missing.join(", ")}, ${one ? "a symbol" : "symbols"} this session trades: every order for ${them} would be refused UNKNOWN_SYMBOL; add ${them}, or leave symbols out`,
      });
    }
  }
  for (const symbol of Object.keys(config.symbolRules)) {
    if (!traded.includes(symbol)) {
      issues.push({ path: `symbolRules.${symbol}`, message: `not one of the session's symbols (${named}); a rule for it would never apply` });
    }
  }
  return issues;
}
