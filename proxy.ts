import { NextResponse, type NextRequest } from "next/server";
import { LOGIN_PATH, loginHref } from "@/lib/auth/login-path";

// set by the login (server/auth/session-cookie.ts); whether it is still valid is the API's
// and the pages' business: this only spares a browser without one a page it cannot use
const SESSION_COOKIE = "zuoye_session";

/** Sends a page request without a session cookie to the login page, which comes back afterwards. */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname === LOGIN_PATH || request.cookies.get(SESSION_COOKIE)?.value) return NextResponse.next();
  return NextResponse.redirect(new URL(loginHref(`${pathname}${search}`), request.url));
}

export const config = {
  // pages only: not the API (it answers 401 itself), Next's assets, or files with an extension
  matcher: ["/((?!api(?:/|$)|_next/|.*\\.[a-zA-Z0-9]+$).*)"],
};
