import { expect, test } from "bun:test";
import pino from "pino";
import { logRouteFailure } from "./log-route-failure.ts";

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino({ base: null, timestamp: false }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

test("a provider's failure is logged with its code and provider; an opaque one without", () => {
  const { log, lines } = capture();
  const hook = logRouteFailure(log);
  hook({ method: "GET", path: "/positions", name: "ArgoError", message: "binance sent no body", code: "INVALID_DATA", provider: "binance" });
  hook({ method: "GET", path: "/trades", name: "TypeError", message: "x is undefined" });
  expect(lines).toEqual([
    { level: 50, method: "GET", path: "/positions", error: "ArgoError", code: "INVALID_DATA", provider: "binance", msg: "status API: binance sent no body" },
    { level: 50, method: "GET", path: "/trades", error: "TypeError", msg: "status API: x is undefined" },
  ]);
});
