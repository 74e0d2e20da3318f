import { ArgoError, toArgoError } from "@argo/core";

/**
 * What a history's failure (history() throwing, or a read rejecting) is reported as: naming the provider and the symbol,
 * as a bare "socket hang up" names neither and a backtest of several symbols leaves the user guessing. The provider's
 * code and details are kept (an INVALID_CONFIGURATION stays one); a plain Error is INTERNAL, as before. A failure once
 * `signal` has aborted is the stop, passed on as it is.
 */
export function historyFailure(provider: string, symbol: string, signal: AbortSignal | undefined): (error: unknown) => unknown {
  return (error) => {
    if (signal?.aborted) return error;
    const failure = toArgoError(error, "INTERNAL", provider);
    return new ArgoError(failure.code, `the ${provider} market data history of ${symbol} failed: ${failure.message}`, {
      cause: error, provider, details: { ...failure.details, symbol },
    });
  };
}
