/**
 * The caller's address as far as the request tells: the first X-Forwarded-For entry
 * (`next start` sets it from the socket when no proxy did), else X-Real-IP. A client
 * talking to the app directly can write this header itself, so limits keyed on it are
 * backed by limits keyed on the user name.
 */
export function clientAddress(request: Request): string {
  const xff = request.headers.get("x-forwarded-for");
  if (xff) return xff.split(",")[0].trim().slice(0, 100);
  return (request.headers.get("x-real-ip") ?? "").trim().slice(0, 100);
}

/** Whether the browser reached us over HTTPS (directly or through a proxy that says so). */
export function isHttps(request: Request): boolean {
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0].trim();
  return (proto ?? new URL(request.url).protocol.replace(":", "")) === "https";
}
