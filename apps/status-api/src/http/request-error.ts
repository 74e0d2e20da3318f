import { ArgoError } from "@argo/core";

/**
 * An INVALID_DATA error about the request itself (a query parameter), answered 400 with its message. It is a class of
 * its own because a session read can throw INVALID_DATA too, and that one is a server-side failure, not the client's.
 */
export class RequestError extends ArgoError {
  constructor(message: string, parameter: string) {
    super("INVALID_DATA", message, { details: { parameter } });
  }
}
