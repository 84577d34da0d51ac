export const LOGIN_PATH = "/login";

/**
 * Where to go after a login: `next` when it is a path of this site, else `/`. A URL with a
 * scheme or host (`https://evil`, `//evil`, `/\evil`) would send a fresh session elsewhere.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  // control characters (a tab or newline inside `//`) are dropped by URL parsers
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return "/";
  const url = new URL(next, "http://same.invalid");
  if (url.origin !== "http://same.invalid" || url.pathname === LOGIN_PATH) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The login page that comes back to `path` (a path with its query) afterwards. */
export function loginHref(path: string): string {
  const next = safeNextPath(path);
  return next === "/" ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(next)}`;
}
