import { describe, expect, test } from "bun:test";
import type { TradingProvider } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import { CloseLotSteps } from "./close-lot-steps.ts";

describe("CloseLotSteps", () => {
  test("a simulator's answer is taken within the call (a backtest's close needs no await), and kept", () => {
    const venue = createPaperVenue({ defaultRules: { stepSize: 0.25 } });
    let asked = 0;
    const ask = venue.getSymbolIncrements.bind(venue);
    venue.getSymbolIncrements = (symbol) => (asked++, ask(symbol));
    const steps = new CloseLotSteps(venue, 1000);
    expect(steps.step("X")).toBe(0.25);
    expect(steps.step("X")).toBe(0.25);
    expect(asked).toBe(1);
  });

  test("a venue that never answers: 0 once the call deadline passes, and asked again by the next close", async () => {
    let asked = 0;
    const venue = { name: "silent", getSymbolIncrements: () => (asked++, new Promise(() => {})) } as unknown as TradingProvider;
    const steps = new CloseLotSteps(venue, 5);
    const pending = steps.step("X");
    expect(pending).toBeInstanceOf(Promise);
    // A second close while the first question is on its way shares it.
    expect(steps.step("X")).toBe(pending);
    expect(await pending).toBe(0);
    expect(asked).toBe(1);
    expect(steps.step("X")).toBeInstanceOf(Promise);
    expect(asked).toBe(2);
  });

  test("a failure is not kept, an answer is", async () => {
    let calls = 0;
    const flaky = { name: "f", getSymbolIncrements: () => (++calls === 1 ? Promise.reject(new Error("exchangeInfo down")) : Promise.resolve({ stepSize: 0.01 })) } as unknown as TradingProvider;
    const steps = new CloseLotSteps(flaky, 50);
    expect(await steps.step("X")).toBe(0);
    expect(await steps.step("X")).toBe(0.01);
    expect(steps.step("X")).toBe(0.01);
    expect(calls).toBe(2);
  });

  test("a method that throws, or a step that is no positive number: 0", () => {
    const throwing = { name: "t", getSymbolIncrements: () => { throw new Error("boom"); } } as unknown as TradingProvider;
    expect(new CloseLotSteps(throwing, 5).step("X")).toBe(0);
    for (const stepSize of [-1, 0, Number.NaN, Number.POSITIVE_INFINITY, "0.1"]) {
      const odd = { name: "o", getSymbolIncrements: async () => ({ stepSize }) } as unknown as TradingProvider;
      expect(new CloseLotSteps(odd, 5).step("X")).toBe(0);
    }
  });
});
