import { CSRF_HEADER } from "@/lib/auth/cookie-names";
import type { Config } from "@/core/config";
import { siteOrigin } from "../http/client-address";
import { Forbidden } from "@/core/errors";
import { authMessages } from "./messages";
import { sameSecret } from "./random-secret";

type OriginConfig = Pick<Config, "trustProxy" | "publicUrl">;

/**
 * Refuses a cross-site request: a browser's Origin must be this site — same scheme, host
 * and port (PUBLIC_URL, or what the request says, see siteOrigin) — and its Sec-Fetch-Site
 * must not say cross-site. Forms posted by another site fail here.
 */
export function checkSameOrigin(request: Request, config: OriginConfig): void {
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  if (origin && origin !== "null") {
    let sent: string | undefined;
    try {
      sent = new URL(origin).origin;
    } catch {
      sent = undefined;
    }
    if (sent !== siteOrigin(request, config)) throw new Forbidden(authMessages.csrfOrigin(origin));
  } else if (origin === "null" || site === "cross-site") {
    throw new Forbidden(authMessages.csrfOrigin(origin ?? site ?? ""));
  }
}

/** A cookie-authenticated change must come from this site and echo the session's CSRF token. */
export function checkCsrf(request: Request, config: OriginConfig, expected: string): void {
  checkSameOrigin(request, config);
  const sent = request.headers.get(CSRF_HEADER);
  if (!sent) throw new Forbidden(authMessages.csrfMissing);
  if (!sameSecret(sent, expected)) throw new Forbidden(authMessages.csrfIncorrect);
}
