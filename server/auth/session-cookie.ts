import { sealData, unsealData } from "iron-session";
import { CSRF_COOKIE, SESSION_COOKIE } from "@/lib/auth/cookie-names";
import type { Config } from "@/core/config";
import { derivedKey } from "@/core/crypto/secret-box";
import { isHttps } from "../http/client-address";

type Sealed = { sid: string };

function password(config: Config): string {
  return derivedKey(config, "session-cookie");
}

/** The session cookie's value: the random session id sealed (encrypted and signed) by iron-session. */
export function sealSessionId(config: Config, sid: string): Promise<string> {
  return sealData({ sid } satisfies Sealed, { password: password(config), ttl: config.sessionTtlSeconds });
}

/** The session id in a request's cookie, or undefined when there is none or it was tampered with. */
export async function readSessionId(config: Config, request: Request): Promise<string | undefined> {
  const raw = readCookie(request, SESSION_COOKIE);
  if (!raw) return undefined;
  try {
    const data = await unsealData<Partial<Sealed>>(raw, { password: password(config), ttl: config.sessionTtlSeconds });
    return typeof data.sid === "string" && data.sid ? data.sid : undefined;
  } catch {
    return undefined;
  }
}

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function secure(config: Config, request: Request): boolean {
  return config.cookieSecure === "always" || (config.cookieSecure === "auto" && isHttps(request, config));
}

/** Set-Cookie values that log a browser in: the httpOnly session and the script-readable CSRF token. */
export function sessionCookies(config: Config, request: Request, sealed: string, csrf: string): string[] {
  const flags = `Path=/; Max-Age=${config.sessionTtlSeconds}; SameSite=Lax${secure(config, request) ? "; Secure" : ""}`;
  return [`${SESSION_COOKIE}=${encodeURIComponent(sealed)}; ${flags}; HttpOnly`, `${CSRF_COOKIE}=${csrf}; ${flags}`];
}

/** Set-Cookie values that log a browser out. */
export function clearedCookies(config: Config, request: Request): string[] {
  const flags = `Path=/; Max-Age=0; SameSite=Lax${secure(config, request) ? "; Secure" : ""}`;
  return [`${SESSION_COOKIE}=; ${flags}; HttpOnly`, `${CSRF_COOKIE}=; ${flags}`];
}
