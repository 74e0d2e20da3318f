// A third-party plugin as a test fixture: registers "fake-live", a trading provider that trades "real money"
// (isPaperTrading false) with a secret API key. Under the hood it is the paper venue, so a confirmed live session
// really runs on simulated bars.
import { defineProvider, parseConfig, registerProvider, secret } from "@argo/core";
import { LIVE_FIXTURE_CAPABILITIES } from "./live-fixture-capabilities.ts";
import { PaperVenue, paperConfigSchema } from "@argo/provider-paper";
import * as v from "valibot";
import { countFakeLiveCreation } from "./fake-live-creations.ts";

/** Config of the fake live venue: an account to confirm, a secret key, starting cash. */
export const fakeLiveConfigSchema = v.strictObject({
  accountId: v.pipe(v.string(), v.nonEmpty(), v.description("Account the live confirmation must name")),
  apiKey: secret("API key of the (imaginary) live venue"),
  initialCapital: v.optional(v.pipe(v.number(), v.gtValue(0)), 50_000),
});

/** The provider name this fixture registers. */
export const FAKE_LIVE = "fake-live";

registerProvider(
  defineProvider({
    name: FAKE_LIVE,
    displayName: "Fake live venue",
    description: "Test fixture: a real-money provider backed by the paper simulator",
    isPaperTrading: false,
    kind: "trading",
    configSchema: fakeLiveConfigSchema,
    capabilities: LIVE_FIXTURE_CAPABILITIES,
    packageName: "argo-fake-live-fixture",
    create: (config) => {
      countFakeLiveCreation();
      return new PaperVenue(parseConfig(paperConfigSchema, { initialCapital: config.initialCapital }, { label: "fake-live" }), FAKE_LIVE);
    },
  }),
);
