import type { Config } from "@/core/config";
import { readPeer } from "./peer";

type ProxyConfig = Pick<Config, "trustProxy" | "publicUrl">;

function entries(header: string | null): string[] {
  return (header ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The caller's address. Behind TRUST_PROXY=n reverse proxies, each of which appends the
 * address it was reached from to X-Forwarded-For, it is the n-th entry from the end (as
 * DRF's NUM_PROXIES): entries before it are whatever the client wrote. Without
 * TRUST_PROXY the header is ignored and the socket tells.
 */
export function clientAddress(request: Request, config: ProxyConfig): string {
  if (config.trustProxy > 0) {
    const forwarded = entries(request.headers.get("x-forwarded-for"));
    const trusted = forwarded[forwarded.length - Math.min(config.trustProxy, forwarded.length)];
    if (trusted !== undefined) return trusted.slice(0, 100);
  }
  return (readPeer(request)?.address ?? "").slice(0, 100);
}

/** The scheme the browser used: X-Forwarded-Proto only behind a trusted proxy, else the socket's. */
function requestScheme(request: Request, config: ProxyConfig): string {
  const forwarded = config.trustProxy > 0 ? entries(request.headers.get("x-forwarded-proto"))[0] : undefined;
  return forwarded ?? readPeer(request)?.proto ?? new URL(request.url).protocol.replace(":", "");
}

/** The host the browser asked for: X-Forwarded-Host only behind a trusted proxy, else Host. */
function requestHost(request: Request, config: ProxyConfig): string {
  const forwarded = config.trustProxy > 0 ? entries(request.headers.get("x-forwarded-host"))[0] : undefined;
  return forwarded ?? request.headers.get("host") ?? new URL(request.url).host;
}

/**
 * This site's origin as the browser sees it: PUBLIC_URL when set, else built from the
 * request. Links in answers are built on it, and a browser's Origin must equal it.
 */
export function siteOrigin(request: Request, config: ProxyConfig): string {
  if (config.publicUrl) return config.publicUrl;
  const scheme = requestScheme(request, config);
  try {
    return new URL(`${scheme}://${requestHost(request, config)}`).origin;
  } catch {
    // a Host header that is no host: an origin no browser can send
    return `${scheme}://invalid.invalid`;
  }
}

/** Whether the browser reached this site over HTTPS (directly, by PUBLIC_URL, or through a trusted proxy that says so). */
export function isHttps(request: Request, config: ProxyConfig): boolean {
  return siteOrigin(request, config).startsWith("https:");
}
