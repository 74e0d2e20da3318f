/** One sample line of a Prometheus text exposition. */
export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A parsed exposition: metric families by name with their type, and every sample in order. */
export interface PrometheusExposition {
  types: Map<string, string>;
  samples: PrometheusSample[];
}

const NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})?[ \\t]+(\\S+)(?:[ \\t]+-?\\d+)?$`);
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?\s*/gy;
const TYPES = new Set(["counter", "gauge", "histogram", "summary", "untyped"]);

function parseValue(text: string, line: number): number {
  if (text === "+Inf") return Number.POSITIVE_INFINITY;
  if (text === "-Inf") return Number.NEGATIVE_INFINITY;
  if (text === "NaN") return Number.NaN;
  const value = Number(text);
  if (text === "" || Number.isNaN(value)) throw new Error(`line ${line}: bad value "${text}"`);
  return value;
}

// A histogram's samples carry suffixes; TYPE is declared on the family name.
function familyOf(name: string, types: Map<string, string>): string | undefined {
  if (types.has(name)) return name;
  for (const suffix of ["_bucket", "_sum", "_count"]) {
    if (name.endsWith(suffix) && types.get(name.slice(0, -suffix.length)) === "histogram") return name.slice(0, -suffix.length);
  }
  return undefined;
}

/**
 * A strict parser of the Prometheus text format (0.0.4), written for tests independently of the
 * renderer: it rejects malformed lines, duplicate TYPE lines and samples without a declared type.
 */
export function parsePrometheus(text: string): PrometheusExposition {
  const types = new Map<string, string>();
  const samples: PrometheusSample[] = [];
  if (!text.endsWith("\n")) throw new Error("exposition must end with a newline");
  text.slice(0, -1).split("\n").forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    if (raw.startsWith("#")) {
      const type = new RegExp(`^# TYPE (${NAME}) (\\S+)$`).exec(raw);
      if (type) {
        if (types.has(type[1]!)) throw new Error(`line ${line}: second TYPE for ${type[1]}`);
        if (!TYPES.has(type[2]!)) throw new Error(`line ${line}: unknown type ${type[2]}`);
        if (samples.some((s) => s.name.startsWith(type[1]!))) throw new Error(`line ${line}: TYPE after samples of ${type[1]}`);
        types.set(type[1]!, type[2]!);
      } else if (!new RegExp(`^# HELP ${NAME} .*$`).test(raw) && raw.startsWith("# HELP")) {
        throw new Error(`line ${line}: malformed HELP`);
      }
      return;
    }
    const match = SAMPLE.exec(raw);
    if (!match) throw new Error(`line ${line}: malformed sample "${raw}"`);
    const labels: Record<string, string> = {};
    const body = match[2] ?? "";
    LABEL.lastIndex = 0;
    let consumed = 0;
    for (let m = LABEL.exec(body); m; m = LABEL.exec(body)) {
      labels[m[1]!] = m[2]!;
      consumed = LABEL.lastIndex;
    }
    if (consumed !== body.length) throw new Error(`line ${line}: malformed labels "${body}"`);
    if (!familyOf(match[1]!, types)) throw new Error(`line ${line}: sample ${match[1]} has no TYPE`);
    samples.push({ name: match[1]!, labels, value: parseValue(match[3]!, line) });
  });
  return { types, samples };
}
