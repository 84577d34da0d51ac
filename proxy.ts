import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE } from "@/lib/auth/cookie-names";
import { LOGIN_PATH, loginHref } from "@/lib/auth/login-path";
import { newNonce, pageContentSecurityPolicy } from "@/server/http/content-security-policy";

const CSP = "content-security-policy";

/**
 * Every page answer gets a Content-Security-Policy with a nonce of its own; Next reads
 * the nonce from the request's copy of the header and puts it on the page's scripts.
 * A page request without a session cookie goes to the login page, which comes back afterwards;
 * whether the cookie is still valid is the API's and the pages' business.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isPage = !pathname.startsWith("/_next/") && !/\.[a-zA-Z0-9]+$/.test(pathname);
  if (isPage && pathname !== LOGIN_PATH && !request.cookies.get(SESSION_COOKIE)?.value) {
    return NextResponse.redirect(new URL(loginHref(`${pathname}${search}`), request.url));
  }
  const policy = pageContentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set(CSP, policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(CSP, policy);
  return response;
}

export const config = {
  // everything but the API (it answers 401 itself, with a policy of its own from
  // next.config.js) and Next's static assets
  matcher: ["/((?!api(?:/|$)|_next/static/|_next/image).*)"],
};
