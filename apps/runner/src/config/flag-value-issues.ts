import type { ConfigIssue } from "@argo/core";
import * as v from "valibot";
import { flagText, splitSymbols } from "./apply-flags.ts";
import { isCalendarDay, utcDay } from "./calendar-day.ts";
import { runnerConfigSchema } from "./config-schema.ts";

type Flags = Record<string, string | boolean | string[] | undefined>;

const { engine, status, log, backtest } = runnerConfigSchema.entries;
const LEVELS = log.wrapped.entries.level.wrapped.options;

/** The first problem the field's own schema finds with a value, or undefined when it passes. */
const schemaProblem = (schema: v.GenericSchema, value: unknown): string | undefined => v.safeParse(schema, value).issues?.[0].message;

/**
 * How each flag that sets a number, a choice or a date judges its text: by the rule of the config field it sets, so a
 * flag refuses exactly what the file would, but in words about what was typed (a port is digits, not Number("0x10")).
 */
const RULES: Record<string, (text: string) => string | undefined> = {
  "status-port": (text) =>
    /^\d+$/.test(text) && schemaProblem(status.wrapped.entries.port, Number(text)) === undefined ? undefined : "expected a port number 0-65535 (0 picks a free one)",
  "log-level": (text) => (schemaProblem(log.wrapped.entries.level, text) === undefined ? undefined : `expected one of ${LEVELS.join(", ")}`),
  interval: (text) => schemaProblem(engine.wrapped.entries.interval, text),
  symbols: (text) => schemaProblem(engine.wrapped.entries.symbols, splitSymbols(text)),
  from: (text) => schemaProblem(backtest.wrapped.entries.from, text),
  to: (text) => schemaProblem(backtest.wrapped.entries.to, text),
};

/**
 * Every flag whose value cannot be what it sets, each at its flag (`--status-port`), with the text as typed. Checked
 * before the config file is read: a mistake on the command line is not the file's.
 */
export function flagValueIssues(flags: Flags): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const [flag, rule] of Object.entries(RULES)) {
    const text = flagText(flags, flag);
    const problem = text === undefined ? undefined : rule(text);
    if (problem !== undefined) issues.push({ path: `--${flag}`, message: `${problem}, got ${JSON.stringify(text)}` });
  }
  // Both days typed: their order is the command line's mistake too (one of them from the file is left to validation).
  const from = flagText(flags, "from");
  const to = flagText(flags, "to");
  if (from !== undefined && to !== undefined && isCalendarDay(from) && isCalendarDay(to) && utcDay(from) >= utcDay(to)) {
    issues.push({ path: "--to", message: `must be a later day than --from (${from}): the range runs from --from up to, not including, --to; got ${JSON.stringify(to)}` });
  }
  return issues;
}
