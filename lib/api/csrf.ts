import { CSRF_COOKIE } from "../auth/cookie-names";

/** Methods that change nothing and need no CSRF token. */
export const isSafeMethod = (method: string | undefined): boolean => ["GET", "HEAD", "OPTIONS"].includes((method ?? "GET").toUpperCase());

/** The CSRF token of this browser's session (`document.cookie`), or undefined before a login. */
export function readCsrfToken(cookie: string = typeof document === "undefined" ? "" : document.cookie): string | undefined {
  for (const part of cookie.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === CSRF_COOKIE) return decodeURIComponent(part.slice(eq + 1).trim()) || undefined;
  }
  return undefined;
}
