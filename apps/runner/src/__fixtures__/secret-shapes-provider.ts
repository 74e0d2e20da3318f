// A third-party plugin as a test fixture: "secret-shapes", a paper venue holding one API key per sub-account (a record
// keyed by login, which may be an e-mail with dots), a key pair as a tuple and a token behind v.lazy: secrets where plain
// dotted paths miss them.
import { defineProvider, registerProvider, secret } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import * as v from "valibot";
import { LIVE_FIXTURE_CAPABILITIES } from "./live-fixture-capabilities.ts";

/** The provider name this fixture registers. */
export const SECRET_SHAPES = "secret-shapes";

registerProvider(
  defineProvider({
    name: SECRET_SHAPES, displayName: "Secret shapes", description: "secrets in a record and a tuple", isPaperTrading: true, kind: "trading",
    configSchema: v.strictObject({
      accounts: v.optional(v.record(v.string(), v.strictObject({ apiKey: secret("sub-account key"), desk: v.optional(v.string()) }))),
      keyPair: v.optional(v.tuple([secret("key id"), secret("key secret")])),
      // Behind v.lazy, as a recursive or shared schema would be.
      session: v.optional(v.lazy(() => v.strictObject({ token: secret("session token"), region: v.string() }))),
    }),
    capabilities: LIVE_FIXTURE_CAPABILITIES, packageName: "argo-secret-shapes-fixture",
    create: () => createPaperVenue({ initialCapital: 10_000 }),
  }),
);
