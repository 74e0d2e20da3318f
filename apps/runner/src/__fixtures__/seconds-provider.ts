// A third-party plugin as a test fixture: "seconds-paper", a paper venue whose config takes its latency in seconds and
// converts it to milliseconds with a valibot transform, as docs/plugins.md tells authors to describe configs. The
// configs its factory and its session check were given are recorded, so a test can see each was parsed exactly once.
import { defineProvider, parseConfig, registerProvider } from "@argo/core";
import { PaperVenue, paperConfigSchema } from "@argo/provider-paper";
import * as v from "valibot";
import { LIVE_FIXTURE_CAPABILITIES } from "./live-fixture-capabilities.ts";

/** The provider name this fixture registers. */
export const SECONDS_PAPER = "seconds-paper";

/** Every config `create` was given, in order. */
export const createdWith: unknown[] = [];
/** Every config `checkSession` was given, in order. */
export const checkedWith: unknown[] = [];

registerProvider(
  defineProvider({
    name: SECONDS_PAPER, displayName: "Seconds paper", description: "latency in seconds", isPaperTrading: true, kind: "trading",
    configSchema: v.strictObject({
      initialCapital: v.optional(v.number(), 10_000),
      latencySeconds: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(60), v.transform((seconds) => seconds * 1000)), 0),
    }),
    capabilities: LIVE_FIXTURE_CAPABILITIES, packageName: "argo-seconds-fixture",
    create: (config) => {
      createdWith.push(config);
      return new PaperVenue(
        parseConfig(paperConfigSchema, { initialCapital: config.initialCapital, latencyMs: config.latencySeconds }, { label: SECONDS_PAPER }),
        SECONDS_PAPER,
      );
    },
    checkSession: (config) => {
      checkedWith.push(config);
      return [];
    },
  }),
);
