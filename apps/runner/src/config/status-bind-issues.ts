import { type ConfigIssue, toArgoError } from "@argo/core";
import { assertSafeBind } from "@argo/status-api";
import { asRecord } from "./as-record.ts";

/**
 * The status API's own bind rule (a non-loopback host needs a token), applied to the raw config so `argo validate`
 * refuses what `argo run` would refuse when it binds. Fields of the wrong type are left to the schema's issues.
 */
export function statusBindIssues(raw: Record<string, unknown>): ConfigIssue[] {
  const status = asRecord(raw.status);
  // The schema's default is enabled; a value that is not a boolean is reported there, not guessed at here.
  if (status.enabled !== undefined && status.enabled !== true) return [];
  const host = typeof status.host === "string" ? status.host : undefined;
  const token = typeof status.token === "string" ? status.token : undefined;
  try {
    assertSafeBind(host, token);
    return [];
  } catch (error) {
    // The message names the address and what to do, never the token.
    return [{ path: "status.host", message: toArgoError(error).message }];
  }
}
