import { Forbidden } from "../http/errors";
import { authMessages } from "./messages";
import { CSRF_HEADER } from "./session-cookie";
import { sameSecret } from "./random-secret";

/**
 * Refuses a cross-site request: a browser's Origin (or Sec-Fetch-Site) must say the
 * request came from this site. Forms posted by another site fail here.
 */
export function checkSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  if (origin && origin !== "null") {
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    let originHost: string | undefined;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = undefined;
    }
    if (!host || originHost !== host) throw new Forbidden(authMessages.csrfOrigin(origin));
  } else if (origin === "null" || site === "cross-site") {
    throw new Forbidden(authMessages.csrfOrigin(origin ?? site ?? ""));
  }
}

/** A cookie-authenticated change must come from this site and echo the session's CSRF token. */
export function checkCsrf(request: Request, expected: string): void {
  checkSameOrigin(request);
  const sent = request.headers.get(CSRF_HEADER);
  if (!sent) throw new Forbidden(authMessages.csrfMissing);
  if (!sameSecret(sent, expected)) throw new Forbidden(authMessages.csrfIncorrect);
}
