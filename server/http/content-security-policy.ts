/** A fresh nonce for one page response: 128 random bits, base64 (what CSP's nonce-source takes). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The Content-Security-Policy of a page. Scripts run only with this response's nonce —
 * Next reads it from the request's Content-Security-Policy header and puts it on its own
 * scripts — or when such a script loaded them ('strict-dynamic'). Styles come from the
 * app's CSS files; inline style attributes are allowed, since React renders some (the
 * virtualised output's row offsets). Nothing may frame a page.
 */
export function pageContentSecurityPolicy(nonce: string, opts: { dev: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its error overlay
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
