import { ArgoError } from "@argo/core";

/** The address the status API binds when none is given: loopback only. */
export const DEFAULT_STATUS_HOST = "127.0.0.1";

/** The address inside square brackets ("[::1]" → "::1"); undefined when it has none. */
const insideBrackets = (host: string): string | undefined => /^\[(.*)\]$/.exec(host)?.[1];

/** True for addresses only this machine can reach: 127.0.0.0/8, ::1 (also bracketed or IPv4-mapped) and localhost. */
export function isLoopbackHost(host: string): boolean {
  const trimmed = host.trim().toLowerCase();
  const h = insideBrackets(trimmed) ?? trimmed;
  if (h === "localhost" || h === "::1" || h === "0:0:0:0:0:0:0:1") return true;
  const v4 = h.startsWith("::ffff:") ? h.slice(7) : h;
  const parts = v4.split(".");
  return parts.length === 4 && parts[0] === "127" && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** True for an IPv4-mapped IPv6 address (::ffff:a.b.c.d) in any spelling: bracketed, in hex, or written out in full. */
function isIpv4MappedHost(host: string): boolean {
  const trimmed = host.trim();
  const h = insideBrackets(trimmed) ?? trimmed;
  if (!h.includes(":") || !URL.canParse(`http://[${h}]/`)) return false;
  // The URL parser writes every spelling the one way a browser sends it: [::ffff:7f00:1] for ::ffff:127.0.0.1.
  return /^\[::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}\]$/.test(new URL(`http://[${h}]/`).hostname);
}

// A host name: dot-separated labels of letters, digits, inner hyphens and underscores (Docker service names have them;
// IPv4 addresses are spelt this way too).
const HOST_NAME = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*\.?$/i;

/**
 * Why the address cannot be bound as written (undefined when it can): checked here so `argo validate` says so, rather
 * than the bind failing with getaddrinfo ENOTFOUND once the session has started. Brackets belong to IPv6 only.
 */
function bindSpellingProblem(bind: string): string | undefined {
  const bracketed = insideBrackets(bind);
  const inner = bracketed ?? bind;
  if (inner.includes(":")) {
    // A link-local address names its interface after "%" (fe80::1%eth0), which the bind takes and a URL does not.
    const zone = /^([^%]+)%[\w.-]+$/.exec(inner);
    return URL.canParse(`http://[${zone?.[1] ?? inner}]/`)
      ? undefined
      : "is not an IPv6 address (write a host name or an IP address alone: no port, scheme or path; the port is status.port)";
  }
  if (bracketed !== undefined) return `has brackets, which are for IPv6 addresses only: write ${inner} without them`;
  return HOST_NAME.test(bind) ? undefined : "is not a host name or IP address (no port, scheme, path or spaces; the port is status.port)";
}

/**
 * Returns the host to bind (the loopback default when none is given) and refuses, with
 * INVALID_CONFIGURATION, a non-loopback address without a token: the API shows positions and orders.
 * An IPv4-mapped address is refused with or without a token: a browser rewrites the printed URL's host (to
 * [::ffff:7f00:1]), which the loopback Host check does not take, and the plain IPv4 address binds the same.
 */
export function assertSafeBind(host: string | undefined, token: string | undefined): string {
  const bind = host === undefined || host.trim() === "" ? DEFAULT_STATUS_HOST : host.trim();
  const spelling = bindSpellingProblem(bind);
  if (spelling !== undefined) {
    throw new ArgoError("INVALID_CONFIGURATION", `status API bind address "${bind}" ${spelling}`, { details: { host: bind } });
  }
  if (isIpv4MappedHost(bind)) {
    throw new ArgoError(
      "INVALID_CONFIGURATION",
      `status API bind address "${bind}" is an IPv4-mapped IPv6 address: browsers rewrite it in the URL ` +
        `(::ffff:127.0.0.1 becomes [::ffff:7f00:1]) and the API's loopback check refuses their requests; bind ${DEFAULT_STATUS_HOST} or ::1 instead ` +
        `(or, with a token, the plain IPv4 address)`,
      { details: { host: bind } },
    );
  }
  if (isLoopbackHost(bind) || (token !== undefined && token.length > 0)) return bind;
  throw new ArgoError(
    "INVALID_CONFIGURATION",
    `status API bind address "${bind}" is reachable from other machines but no status API token is configured; ` +
      `set a token or bind ${DEFAULT_STATUS_HOST}`,
    { details: { host: bind } },
  );
}
