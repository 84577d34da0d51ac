import { LOGIN_PATH, loginHref } from "@/lib/auth/login-path";

/** A 401 means the session ended: a full load of the login page, which comes back here after. */
export function goToLogin(): void {
  const { pathname, search } = window.location;
  if (pathname === LOGIN_PATH) return;
  window.location.assign(loginHref(`${pathname}${search}`));
}
