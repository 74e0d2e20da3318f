/** Which first-party package provides each provider name, so a config can name a provider without a `plugins:` entry. */
export const FIRST_PARTY_PROVIDERS: Readonly<Record<string, string>> = {
  paper: "@argo/provider-paper",
  replay: "@argo/provider-replay",
  simulated: "@argo/provider-replay",
  "binance-paper": "@argo/provider-binance",
  "binance-live": "@argo/provider-binance",
  binance: "@argo/provider-binance",
  "ibkr-paper": "@argo/provider-ibkr",
  "ibkr-live": "@argo/provider-ibkr",
  ibkr: "@argo/provider-ibkr",
};
