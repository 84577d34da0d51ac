/** The login's httpOnly session cookie (server/auth/session-cookie.ts seals it). */
export const SESSION_COOKIE = "zuoye_session";
/** Readable by the page's script, which echoes it in the `CSRF_HEADER` of every change. */
export const CSRF_COOKIE = "zuoye_csrf";
/** Django's header name; header names are case-insensitive, so the server reads it as sent. */
export const CSRF_HEADER = "X-CSRFToken";
